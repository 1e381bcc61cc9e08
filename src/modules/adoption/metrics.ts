/**
 * Adoption's figures. The metrics catalogue has no adoption entry but CLA-11 (adoptions and special
 * guardianship orders, counted by the looked-after module from the reasons periods of care ceased),
 * so these are under ids of adoption's own, ADOPT-01 to ADOPT-08, each with its title and where it
 * comes from: the DfE's adoption scorecard (A1, A2, A10) and the SSDA903 AD1 and PlacedAdoption
 * files. Each definition is with the SQL that counts it over adoption's projections.
 */
import { childCharacteristics, labelFrom, type DimensionDefinition, type MetricSource, type ModuleMetric } from '../../analytics/metric-definition.ts';
import { reasonEpisodeCeasedCodes } from '../looked-after/index.ts';
import { adoptersLegalStatusCodes, reasonPlacedCeasedCodes } from './codes.ts';
import { scorecardThresholds } from './timescales.ts';

export const adoptionDimensionIds = ['adopted-by-foster-carers', 'adopters-legal-status', 'reason-placed-ceased', 'permanence-order-carers'] as const;
export type AdoptionDimensionId = (typeof adoptionDimensionIds)[number];

// ---------------------------------------------------------------------------------------------
// The SQL

const adoptedColumns = ['foster_carers', 'adopters_legal_status'] as const;

function permanenceOrdersMade(kind: string): MetricSource {
  return {
    items: `
      SELECT o.order_id::text AS unit_id, o.child_id, o.made_on AS counted_on, true AS numerator, true AS denominator, o.reason_ceased
        FROM permanence_order o
       WHERE o.la_code = :laCode AND o.order_kind = '${kind}' AND o.made_on BETWEEN :from::date AND :to::date`,
    columns: ['reason_ceased'],
    oneRowPerUnit: true,
  };
}

/**
 * The scorecard's averages as rows the engine counts: each child adopted in the window is one row
 * per day between the two dates (at least one), every row in the numerator and only the first in
 * the denominator, so that the numerator is the days summed and the denominator the children, and
 * the mean (numerator ÷ denominator) their average. The children behind the figure, and every
 * breakdown by the child, follow as for any counted figure. `withinThreshold` counts the children
 * whose days were within the scorecard's threshold.
 */
function averageDays(from: string, to: string, threshold: number): MetricSource {
  return {
    items: `
      SELECT p.plan_id::text || ':' || d AS unit_id, p.child_id, p.adoption_order_on AS counted_on, d < p.days AS numerator, d = 0 AS denominator,
             p.foster_carers, p.days <= ${threshold} AS within_threshold
        FROM (SELECT a.*, (${to} - ${from})::int AS days FROM adoption_plan a
               WHERE a.la_code = :laCode AND a.adoption_order_on BETWEEN :from::date AND :to::date AND ${from} IS NOT NULL AND ${to} IS NOT NULL) p
        CROSS JOIN LATERAL generate_series(0, greatest(p.days, 1) - 1) AS d`,
    columns: ['foster_carers', 'within_threshold'],
    additional: { withinThreshold: 'count(*) FILTER (WHERE denominator AND within_threshold)' },
  };
}

/** A10 counts to the day the child moved in with the foster carers who adopted them, where that is earlier. */
const movedInSql = `CASE WHEN a.foster_carers AND a.living_with_adopters_since IS NOT NULL THEN least(a.living_with_adopters_since, a.placed_on) ELSE a.placed_on END`;

const metricSources: Readonly<Record<string, MetricSource>> = {
  'ADOPT-01': {
    items: `
      SELECT p.plan_id::text AS unit_id, p.child_id, p.adoption_order_on AS counted_on, true AS numerator, true AS denominator, p.foster_carers, p.adopters_legal_status
        FROM adoption_plan p
       WHERE p.la_code = :laCode AND p.adoption_order_on BETWEEN :from::date AND :to::date`,
    columns: adoptedColumns,
    oneRowPerUnit: true,
  },
  'ADOPT-05': {
    items: `
      SELECT p.plan_id::text AS unit_id, p.child_id, p.reversed_on AS counted_on, true AS numerator, true AS denominator, p.reversal_reason
        FROM adoption_plan p
       WHERE p.la_code = :laCode AND p.reversed_on BETWEEN :from::date AND :to::date`,
    columns: ['reversal_reason'],
    oneRowPerUnit: true,
  },
  'ADOPT-06': {
    // Waiting at the end of the day: authority to place (a placement order), not yet placed, the plan not reversed.
    items: `
      SELECT p.plan_id::text AS unit_id, p.child_id, :to::date AS counted_on, true AS numerator, true AS denominator, p.matched_on
        FROM adoption_plan p
       WHERE p.la_code = :laCode AND p.placement_order_granted_on <= :to::date
         AND (p.placed_on IS NULL OR p.placed_on > :to::date) AND (p.reversed_on IS NULL OR p.reversed_on > :to::date)`,
    columns: ['matched_on'],
    oneRowPerUnit: true,
    additional: { notYetMatched: 'count(*) FILTER (WHERE matched_on IS NULL OR matched_on > :to::date)' },
  },
  'ADOPT-02': averageDays('a.entered_care_on', 'a.placed_on', scorecardThresholds.enteringCareToPlaced),
  'ADOPT-03': averageDays('a.entered_care_on', movedInSql, scorecardThresholds.enteringCareToPlaced),
  'ADOPT-04': averageDays('a.placement_order_granted_on', 'a.matched_on', scorecardThresholds.placementOrderToMatch),
  'ADOPT-07': permanenceOrdersMade('special-guardianship'),
  'ADOPT-08': permanenceOrdersMade('child-arrangements'),
};

// ---------------------------------------------------------------------------------------------
// The definitions

const SCORECARD = 'DfE adoption scorecard (thresholds for 2016–19; not in the metrics catalogue)';

const metric = (input: Omit<ModuleMetric, 'domain' | 'counts' | 'followsDfe' | 'ratePer10000'>): ModuleMetric => ({
  // A figure follows the DfE's where it names the DfE figure it follows.
  followsDfe: input.dfeNote !== undefined, ratePer10000: false, ...input, domain: 'adoption', counts: metricSources[input.id],
});

export const adoptionMetrics: readonly ModuleMetric[] = [
  metric({
    id: 'ADOPT-01', title: 'Children adopted', catalogueRef: 'SSDA903 AD1 (children adopted in the year); the adoptions of catalogue CLA-11',
    description: 'Adoption orders made in the window for children looked after by the council (the children of the 903 AD1 file). CLA-11 counts the same children from the reasons their periods of care ceased (E11, E12); this counts the orders recorded.',
    dfeNote: 'DfE "children adopted" (SSDA903 AD1).', countingUnit: 'adoption-plan', numerator: 'Adoption orders made in the window',
    population: 'Children looked after with an adoption plan', window: 'in-period', valueType: 'count',
    breakdowns: [...childCharacteristics, 'adopted-by-foster-carers', 'adopters-legal-status', 'month'],
  }),
  metric({
    id: 'ADOPT-02', title: 'Average days from entering care to moving in with the adoptive family (A1)', catalogueRef: `${SCORECARD}, A1`,
    description: `Scorecard A1: for children adopted in the window, the average days between the day they became looked after (the start of the period of care in which the decision to place was made) and the day they were placed for adoption. The 2016–19 threshold was ${scorecardThresholds.enteringCareToPlaced} days; the children within it are given beside the average (withinThreshold).`,
    dfeNote: 'DfE adoption scorecard A1 (the scorecard averages three years; this is the window asked for).', countingUnit: 'adoption-plan',
    numerator: 'Days from entering care to placed for adoption, summed', denominator: 'Children adopted in the window', population: 'Children adopted',
    window: 'in-period', valueType: 'mean',
    timescale: { rule: 'Entering care to moving in with the adoptive family', dutyRuleId: 'adoption-placed-within-426-days-of-entering-care', amount: scorecardThresholds.enteringCareToPlaced, unit: 'calendar-days', source: `${SCORECARD}, A1` },
    breakdowns: [...childCharacteristics, 'adopted-by-foster-carers'],
  }),
  metric({
    id: 'ADOPT-03', title: 'Average days from entering care to moving in with the adoptive family, adjusted for foster carer adoptions (A10)', catalogueRef: `${SCORECARD}, A10`,
    description: `Scorecard A10: as A1, but for children adopted by their foster carers counted to the day they moved in with them as foster carers. Threshold ${scorecardThresholds.enteringCareToPlaced} days (2016–19).`,
    dfeNote: 'DfE adoption scorecard A10.', countingUnit: 'adoption-plan', numerator: 'Days from entering care to moving in with the adopters, summed',
    denominator: 'Children adopted in the window', population: 'Children adopted', window: 'in-period', valueType: 'mean',
    breakdowns: [...childCharacteristics, 'adopted-by-foster-carers'],
  }),
  metric({
    id: 'ADOPT-04', title: 'Average days from the placement order to the match with adopters (A2)', catalogueRef: `${SCORECARD}, A2`,
    description: `Scorecard A2: for children adopted in the window under a placement order, the average days between the order (the court's authority to place) and the match with their adopters. The 2016–19 threshold was ${scorecardThresholds.placementOrderToMatch} days.`,
    dfeNote: 'DfE adoption scorecard A2.', countingUnit: 'adoption-plan', numerator: 'Days from placement order to match, summed',
    denominator: 'Children adopted in the window who had a placement order', population: 'Children adopted', window: 'in-period', valueType: 'mean',
    timescale: { rule: 'Placement order to match', dutyRuleId: 'adoption-match-within-121-days-of-placement-order', amount: scorecardThresholds.placementOrderToMatch, unit: 'calendar-days', source: `${SCORECARD}, A2` },
    breakdowns: [...childCharacteristics, 'adopted-by-foster-carers'],
  }),
  metric({
    id: 'ADOPT-05', title: 'Decisions to place for adoption reversed, by reason', catalogueRef: 'SSDA903 PlacedAdoption (DATE_PLACED_CEASED, REASON_PLACED_CEASED)',
    description: 'Decisions that a child should be placed for adoption reversed in the window, by why (RD1 the child\'s needs changed; RD2 the court made no placement order; RD3 no adopters found; RD4 another reason).',
    countingUnit: 'adoption-plan', numerator: 'Decisions reversed in the window with the reason', denominator: 'Decisions reversed in the window',
    population: 'Decisions that a child should be placed for adoption', window: 'in-period', valueType: 'distribution', category: 'reason-placed-ceased',
    breakdowns: [...childCharacteristics],
  }),
  metric({
    id: 'ADOPT-06', title: 'Children waiting to be placed for adoption', catalogueRef: 'SSDA903 PlacedAdoption and episodes (legal status E1); DfE adoption scorecard (children waiting)',
    description: 'Children with a placement order, not yet placed for adoption and whose plan has not been reversed, at the end of the day asked about; those not yet matched are given beside them (notYetMatched).',
    dfeNote: 'DfE adoption scorecard "children waiting" (with a placement order, not placed).', countingUnit: 'adoption-plan', numerator: 'Children waiting at the end of the day',
    population: 'Children with an adoption plan', window: 'snapshot', valueType: 'count', breakdowns: [...childCharacteristics],
  }),
  metric({
    id: 'ADOPT-07', title: 'Special guardianship orders made for children looked after', catalogueRef: 'SSDA903 episodes (REC E45–E48); the SGOs of catalogue CLA-11',
    description: 'Special guardianship orders made in the window for children looked after, by to whom (former foster carers or not, relatives or friends or not: E45–E48).',
    countingUnit: 'permanence-order', numerator: 'Special guardianship orders made in the window', population: 'Children looked after', window: 'in-period', valueType: 'count',
    breakdowns: [...childCharacteristics, 'permanence-order-carers', 'month'],
  }),
  metric({
    id: 'ADOPT-08', title: 'Child arrangements orders made for children looked after', catalogueRef: 'SSDA903 episodes (REC E41)',
    description: 'Child arrangements orders naming with whom the child lives made in the window for children looked after (E41).',
    countingUnit: 'permanence-order', numerator: 'Child arrangements orders made in the window', population: 'Children looked after', window: 'in-period', valueType: 'count',
    breakdowns: [...childCharacteristics, 'month'],
  }),
];

// ---------------------------------------------------------------------------------------------
// The breakdowns only adoption has

const dimensionsById: Record<AdoptionDimensionId, DimensionDefinition<AdoptionDimensionId>> = {
  'adopted-by-foster-carers': {
    id: 'adopted-by-foster-carers', title: 'Whether the adopters were the child\'s foster carers (AD1 FOSTER_CARE)',
    sql: `CASE WHEN e.foster_carers THEN 'foster-carers' ELSE 'other-adopters' END`, needsColumns: ['foster_carers'],
    labelOf: labelFrom({ 'foster-carers': 'Adopted by their foster carers', 'other-adopters': 'Adopted by other adopters' }), order: ['foster-carers', 'other-adopters'],
  },
  'adopters-legal-status': {
    id: 'adopters-legal-status', title: 'The adopters\' legal status (AD1 LS_ADOPTR)', sql: `coalesce(e.adopters_legal_status, 'not-recorded')`, needsColumns: ['adopters_legal_status'],
    labelOf: labelFrom({ ...adoptersLegalStatusCodes, 'not-recorded': 'Not recorded' }), order: Object.keys(adoptersLegalStatusCodes), unknownCodes: ['not-recorded'],
  },
  'reason-placed-ceased': {
    id: 'reason-placed-ceased', title: 'Why the decision was reversed (REASON_PLACED_CEASED)', sql: 'e.reversal_reason', needsColumns: ['reversal_reason'],
    labelOf: labelFrom(reasonPlacedCeasedCodes), order: Object.keys(reasonPlacedCeasedCodes),
  },
  'permanence-order-carers': {
    id: 'permanence-order-carers', title: 'To whom the order was made (E41, E45–E48)', sql: 'e.reason_ceased', needsColumns: ['reason_ceased'],
    labelOf: labelFrom(reasonEpisodeCeasedCodes), order: ['E45', 'E46', 'E47', 'E48', 'E41'],
  },
};

export const adoptionDimensions: readonly DimensionDefinition<AdoptionDimensionId>[] = adoptionDimensionIds.map((id) => dimensionsById[id]);
