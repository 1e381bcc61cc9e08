/**
 * The timescales of care planning for children looked after, as data for the timescale engine
 * (statutory timescales table, ../shared/spec/statutory-data.md §5, cited as "table row N"): the
 * care plan, placement plans, looked-after reviews, the social worker's visits, health assessments
 * and personal education plans. Every duty's subject is the period of care (the id of the
 * `looked-after.started` event, which the record writes on each care-planning event as `periodId`),
 * except placement plans, whose subject is the placement; a period's duties end when it ceases.
 *
 * The engine knows one interval per rule, so the record works out on each event the interval that
 * follows it — the review's number in the period, the visit's next interval, the health
 * assessment's next review — and a rule per interval starts from the events that carry it.
 */
import type { TimescaleRule } from '../../timescales/timescale-rule.ts';
import { visitIntervalWeeks } from './codes.ts';

/** The Care Planning, Placement and Case Review (England) Regulations 2010 came into force. */
const CPPCR_2010 = '2011-04-01';
const CPPCR = 'Care Planning, Placement and Case Review (England) Regulations 2010 (CPPCR)';

const started = 'looked-after.started';
const placementChanged = 'looked-after.placement-changed';
/** A child is in at most one period of care at a time: its end cancels every open duty of these rules. */
const ceased = { eventType: 'looked-after.ceased' } as const;
/** A new placement cancels the visit and placement plan owed for the last one. */
const newPlacement = { eventType: 'looked-after.placement-changed' } as const;
const aboutThePeriod = { dataField: 'periodId' } as const;
const review = 'care-planning.review-held';
const visit = 'care-planning.visit-made';
/** A visit counts towards the intervals when the child is seen. */
const childSeen = { eventType: visit, when: { childSeen: true } } as const;
const healthAssessment = 'care-planning.health-assessment-completed';

const visitSource = `Table row 12: ${CPPCR} reg 28(2) (text checked): a visit within 1 week of the start of any placement, then at intervals of not more than 6 weeks in the first year of the placement, then not more than 3 months if the placement is intended to last until the child is 18, otherwise not more than 6 weeks`;

/** The intervals a visit can set for the next, worked out by the record (rules.ts `visitIntervalOf`). */
const visitIntervalRules: TimescaleRule[] = [
  ...visitIntervalWeeks.map((weeks) => ({
    id: `cla-visit-within-${weeks}-weeks-of-the-last`,
    title: `Visit the child looked after within ${weeks} ${weeks === 1 ? 'week' : 'weeks'} of the last visit`,
    clockStart: { eventType: visit, when: { nextVisitWithin: `${weeks}-weeks` } },
    due: { amount: weeks, unit: 'weeks' as const },
    metBy: [childSeen],
    // A new placement's first visit is due within a week: that rule takes over.
    cancelledBy: [ceased, newPlacement],
    source: weeks === 6
      ? visitSource
      : `Local practice (L): the interval the social worker set for the child, shorter than the regulations' (table row 12, ${CPPCR} reg 28(2)), or for a period of short breaks only the interval agreed with the IRO (table row 18, reg 48)`,
    local: weeks !== 6,
    effectiveFrom: CPPCR_2010,
  })),
  {
    id: 'cla-visit-within-3-months-of-the-last',
    title: 'Visit the child looked after within 3 months of the last visit (a long-term placement after its first year)',
    clockStart: { eventType: visit, when: { nextVisitWithin: '3-months' } },
    due: { amount: 3, unit: 'months' },
    metBy: [childSeen],
    cancelledBy: [ceased, newPlacement],
    source: visitSource,
    local: false,
    effectiveFrom: CPPCR_2010,
  },
];

export const carePlanningTimescaleRules = [
  {
    id: 'cla-care-plan-within-10-working-days',
    title: 'Care plan within 10 working days of the child becoming looked after',
    clockStart: { eventType: started },
    due: { amount: 10, unit: 'working-days' },
    metBy: [{ eventType: 'care-planning.care-plan-recorded', link: 'periodId' }],
    cancelledBy: [ceased],
    source: `Table row 9: ${CPPCR} reg 4 (a care plan before the first placement or, if that is not practicable, within 10 working days of its start; the number of the regulation is unverified)`,
    local: false,
    unverified: true,
    effectiveFrom: CPPCR_2010,
  },
  {
    id: 'cla-placement-plan-within-5-working-days-of-the-first-placement',
    title: 'Placement plan within 5 working days of the first placement',
    clockStart: { eventType: started },
    due: { amount: 5, unit: 'working-days' },
    metBy: [{ eventType: 'care-planning.placement-plan-recorded', link: 'placementId' }],
    cancelledBy: [ceased, newPlacement],
    source: `Table row 10: ${CPPCR} reg 9 (a placement plan before the placement or, if not practicable, within 5 working days of its start; the number of the regulation is unverified)`,
    local: false,
    unverified: true,
    effectiveFrom: CPPCR_2010,
  },
  {
    id: 'cla-placement-plan-within-5-working-days-of-a-new-placement',
    title: 'Placement plan within 5 working days of a new placement',
    clockStart: { eventType: placementChanged },
    due: { amount: 5, unit: 'working-days' },
    metBy: [{ eventType: 'care-planning.placement-plan-recorded', link: 'placementId' }],
    cancelledBy: [ceased, newPlacement],
    source: `Table row 10: ${CPPCR} reg 9 (a placement plan for each placement; the number of the regulation is unverified)`,
    local: false,
    unverified: true,
    effectiveFrom: CPPCR_2010,
  },
  {
    id: 'cla-first-review-within-20-working-days',
    title: 'First looked-after review within 20 working days of the child becoming looked after',
    clockStart: { eventType: started },
    due: { amount: 20, unit: 'working-days' },
    metBy: [{ eventType: review, link: 'periodId' }],
    cancelledBy: [ceased],
    source: `Table row 11: ${CPPCR} reg 33: the first review within 20 working days of the child becoming looked after`,
    local: false,
    effectiveFrom: CPPCR_2010,
  },
  {
    id: 'cla-second-review-within-3-months',
    title: 'Second looked-after review within 3 months of the first',
    clockStart: { eventType: review, when: { reviewNumber: 1 } },
    subject: aboutThePeriod,
    due: { amount: 3, unit: 'months' },
    metBy: [{ eventType: review, link: 'periodId' }],
    cancelledBy: [ceased],
    source: `Table row 11: ${CPPCR} reg 33: the second review within 3 months of the first`,
    local: false,
    effectiveFrom: CPPCR_2010,
  },
  {
    id: 'cla-reviews-every-6-months',
    title: 'Looked-after review within 6 months of the last, from the second on',
    clockStart: { eventType: review, when: { reviewNumber: 2 } },
    subject: aboutThePeriod,
    due: { amount: 6, unit: 'months' },
    // The next review is due 6 months after the last one held, not after the last one's due date.
    recurrence: { amount: 6, unit: 'months', from: 'previous-occurrence' },
    metBy: [{ eventType: review, link: 'periodId' }],
    cancelledBy: [ceased],
    source: `Table row 11: ${CPPCR} reg 33: subsequent reviews at intervals of not more than 6 months`,
    local: false,
    effectiveFrom: CPPCR_2010,
  },
  {
    id: 'cla-visit-within-1-week-of-becoming-looked-after',
    title: 'Visit the child within 1 week of their first placement',
    clockStart: { eventType: started },
    due: { amount: 1, unit: 'weeks' },
    metBy: [childSeen],
    cancelledBy: [ceased, newPlacement],
    source: visitSource,
    local: false,
    effectiveFrom: CPPCR_2010,
  },
  {
    id: 'cla-visit-within-1-week-of-a-new-placement',
    title: 'Visit the child within 1 week of a new placement',
    clockStart: { eventType: placementChanged },
    due: { amount: 1, unit: 'weeks' },
    metBy: [childSeen],
    cancelledBy: [ceased, newPlacement],
    source: visitSource,
    local: false,
    effectiveFrom: CPPCR_2010,
  },
  ...visitIntervalRules,
  {
    id: 'cla-initial-health-assessment-within-20-working-days',
    title: 'Initial health assessment within 20 working days of the child becoming looked after',
    clockStart: { eventType: started },
    due: { amount: 20, unit: 'working-days' },
    metBy: [{ eventType: healthAssessment, when: { kind: 'initial' }, link: 'periodId' }],
    cancelledBy: [ceased],
    source: `Table row 16: ${CPPCR} reg 7; "Promoting the health and well-being of looked-after children" (2015): before the placement or, if not practicable, in time to inform the first review (20 working days; the wording is unverified)`,
    local: false,
    unverified: true,
    effectiveFrom: CPPCR_2010,
  },
  ...(['6', '12'] as const).map((months) => ({
    id: `cla-review-health-assessment-within-${months}-months`,
    title: months === '6' ? 'Review health assessment within 6 months of the last (a child under 5)' : 'Review health assessment within 12 months of the last (a child aged 5 or over)',
    clockStart: { eventType: healthAssessment, when: { nextReviewWithin: `${months}-months` } },
    due: { amount: Number(months), unit: 'months' as const },
    metBy: [{ eventType: healthAssessment }],
    cancelledBy: [ceased],
    source: `Table row 16: "Promoting the health and well-being of looked-after children" (2015): review health assessments every 6 months for a child under 5 and every 12 months from 5 (the wording is unverified)`,
    local: false,
    unverified: true,
    effectiveFrom: CPPCR_2010,
  })),
  {
    id: 'cla-pep-within-10-working-days',
    title: 'Personal education plan within 10 working days of the child becoming looked after',
    clockStart: { eventType: started },
    due: { amount: 10, unit: 'working-days' },
    metBy: [{ eventType: 'care-planning.pep-held', link: 'periodId' }],
    cancelledBy: [ceased],
    source: 'Table row 17: "Promoting the education of looked-after and previously looked-after children" (2018): a PEP initiated before, or within 10 working days of, becoming looked after (the wording is unverified)',
    local: false,
    unverified: true,
    effectiveFrom: CPPCR_2010,
  },
  {
    id: 'cla-pep-each-term',
    title: 'Personal education plan reviewed each term (within 4 months of the last)',
    clockStart: { eventType: 'care-planning.pep-held' },
    // Safeguard's terms are four months each (state.ts termOf): a PEP within 4 months of the last
    // leaves no term without one.
    due: { amount: 4, unit: 'months' },
    metBy: [{ eventType: 'care-planning.pep-held' }],
    cancelledBy: [ceased],
    source: 'Table row 17: "Promoting the education of looked-after and previously looked-after children" (2018): the PEP reviewed each term (the wording is unverified); terms as Safeguard defines them, four months each',
    local: false,
    unverified: true,
    effectiveFrom: CPPCR_2010,
  },
] as const satisfies readonly TimescaleRule[];

export type CarePlanningTimescaleRuleId = (typeof carePlanningTimescaleRules)[number]['id'];

export const reviewRuleIds = ['cla-first-review-within-20-working-days', 'cla-second-review-within-3-months', 'cla-reviews-every-6-months'] as const;
export const visitRuleIds = carePlanningTimescaleRules.map((rule) => rule.id).filter((id) => id.startsWith('cla-visit-'));
export const healthAssessmentRuleIds = [
  'cla-initial-health-assessment-within-20-working-days', 'cla-review-health-assessment-within-6-months', 'cla-review-health-assessment-within-12-months',
] as const;
export const pepRuleIds = ['cla-pep-within-10-working-days', 'cla-pep-each-term'] as const;
