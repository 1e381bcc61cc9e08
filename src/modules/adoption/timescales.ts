/**
 * The timescales of adoption, as data for the timescale engine. The statutory timescales table
 * (statutory-data §5) has no timescale for a child's adoption (its row 31 is the approval of
 * adopters, not recorded here), so these follow the DfE adoption scorecard's thresholds for
 * 2016–19, the last the DfE set: A1, entering care to moving in with the adoptive family, 426
 * days (14 months); A2, the placement order (the court's authority to place) to the match with
 * adopters, 121 days (4 months). They are performance thresholds, not law: marked local, so a
 * council may change them. Every duty's subject is the adoption plan.
 */
import type { TimescaleRule } from '../../timescales/timescale-rule.ts';

/** The first year the 2016–19 thresholds applied (the scorecard's three-year average to March 2016 onwards). */
const SCORECARD_2016 = '2016-04-01';

const SCORECARD = 'DfE adoption scorecard thresholds for 2016–19 (not in the statutory timescales table or the metrics catalogue)';
const aboutThePlan = { dataField: 'planId' } as const;
const reversed = { eventType: 'adoption.decision-reversed', link: 'planId' } as const;

export const adoptionTimescaleRules = [
  {
    id: 'adoption-placed-within-426-days-of-entering-care',
    title: 'Place a child with an adoption plan with their adoptive family within 426 days of entering care',
    clockStart: { eventType: 'adoption.decision-to-place' },
    // The clock runs from the day the child became looked after, before the decision.
    clockFrom: { eventType: 'looked-after.started', clearedBy: ['looked-after.ceased'] },
    due: { amount: 426, unit: 'calendar-days' },
    metBy: [{ eventType: 'adoption.placed', link: 'planId' }],
    cancelledBy: [reversed],
    source: `Local practice (L): ${SCORECARD}, A1: the average days between entering care and moving in with the adoptive family, threshold 426 days`,
    local: true,
    effectiveFrom: SCORECARD_2016,
  },
  {
    id: 'adoption-match-within-121-days-of-placement-order',
    title: 'Match a child with adopters within 121 days of the placement order',
    clockStart: { eventType: 'adoption.placement-order-granted' },
    subject: aboutThePlan,
    due: { amount: 121, unit: 'calendar-days' },
    metBy: [{ eventType: 'adoption.matched', link: 'planId' }],
    cancelledBy: [reversed],
    source: `Local practice (L): ${SCORECARD}, A2: the average days between the council receiving court authority to place the child (the placement order) and deciding on a match with adopters, threshold 121 days`,
    local: true,
    effectiveFrom: SCORECARD_2016,
  },
] as const satisfies readonly TimescaleRule[];

export type AdoptionTimescaleRuleId = (typeof adoptionTimescaleRules)[number]['id'];

/** The scorecard thresholds in days, for the figures. */
export const scorecardThresholds = { enteringCareToPlaced: 426, placementOrderToMatch: 121 } as const;
