/**
 * The figures of care planning for children looked after (../shared/spec/metrics-catalogue.md §5,
 * CLA-17 to CLA-22, CLA-26 and CLA-27): each definition with the SQL that counts it over the
 * care-planning projections and the duty projection, and the breakdowns only care planning has.
 *
 * The OC2 population (CLA-20a, CLA-21) is DfE's: children looked after on 31 March (the window's
 * last day) who had been looked after continuously for at least 12 months, short breaks only left
 * out; "continuously" is one period of care, read from the looked-after state.
 */
import { childCharacteristics, labelFrom, type DimensionDefinition, type MetricSource, type ModuleMetric } from '../../analytics/metric-definition.ts';
import { judgeable, metOnTime } from '../../analytics/metric-sql.ts';
import { participatedCodes, reviewParticipationCodes } from './codes.ts';
import { pepRuleIds, reviewRuleIds, visitRuleIds } from './timescales.ts';

export const carePlanningDimensionIds = ['review-stage', 'review-participation', 'visit-interval', 'pep-stage'] as const;
export type CarePlanningDimensionId = (typeof carePlanningDimensionIds)[number];

// ---------------------------------------------------------------------------------------------
// The SQL

const inList = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** Duties of some rules due in the window, each judged on time or late; `extra` names the rule's group. */
const dutiesDue = (ruleIds: readonly string[], column: string, groupOf: (ruleId: string) => string) => `
  SELECT d.subject_id || '#' || d.rule_id || '#' || d.occurrence AS unit_id, d.child_id, d.due_on AS counted_on,
         ${metOnTime} AS numerator, ${judgeable} AS denominator,
         CASE d.rule_id ${ruleIds.map((rule) => `WHEN '${rule}' THEN '${groupOf(rule)}'`).join(' ')} END AS ${column}
    FROM duty d
   WHERE d.la_code = :laCode AND d.rule_id IN (${inList(ruleIds)}) AND d.due_on BETWEEN :from::date AND :to::date`;

/** Periods of care open on the window's last day that began at least 12 months before it, short breaks only left out. */
const oc2Population = (numerator: string) => `
  SELECT p.period_id::text AS unit_id, p.child_id, :to::date AS counted_on, ${numerator} AS numerator, true AS denominator
    FROM care_planning_period p
   WHERE p.la_code = :laCode AND NOT p.short_breaks_only
     AND p.started_on <= (:to::date - interval '12 months')::date AND (p.ceased_on IS NULL OR p.ceased_on > :to::date)`;

const healthIn12MonthsTo = (kinds: readonly string[]) => `EXISTS (SELECT 1 FROM care_planning_health h
   WHERE h.la_code = p.la_code AND h.child_id = p.child_id AND h.kind IN (${inList(kinds)})
     AND h.on_date > (:to::date - interval '12 months')::date AND h.on_date <= :to::date)`;

const reviewStage = (rule: string) => ({ 'cla-first-review-within-20-working-days': 'first', 'cla-second-review-within-3-months': 'second' })[rule] ?? 'later';
const visitInterval = (rule: string) => rule.replace(/^cla-visit-within-/, '').replace(/-of-(the-last|becoming-looked-after|a-new-placement)$/, (_match, what: string) => (what === 'the-last' ? '' : '-of-placement'));

const metricSources: Readonly<Record<string, MetricSource>> = {
  'CLA-17': { items: dutiesDue(visitRuleIds, 'visit_interval', visitInterval), columns: ['visit_interval'], oneRowPerUnit: true },
  'CLA-18': { items: dutiesDue(reviewRuleIds, 'review_stage', reviewStage), columns: ['review_stage'], oneRowPerUnit: true },
  'CLA-19': {
    // Every review held in the window of a child aged 4 or over (PN0 is a child under 4).
    items: `
      SELECT r.review_id::text AS unit_id, r.child_id, r.held_on AS counted_on, r.participation IN (${inList(participatedCodes)}) AS numerator,
             true AS denominator, r.participation
        FROM care_planning_review r
       WHERE r.la_code = :laCode AND r.held_on BETWEEN :from::date AND :to::date AND r.participation <> 'PN0'`,
    columns: ['participation'],
    oneRowPerUnit: true,
  },
  'CLA-20a': { items: oc2Population(healthIn12MonthsTo(['initial-health-assessment', 'review-health-assessment'])), columns: [], oneRowPerUnit: true },
  'CLA-20b': {
    items: dutiesDue(['cla-initial-health-assessment-within-20-working-days'], 'stage', () => 'initial'),
    columns: [],
    oneRowPerUnit: true,
  },
  'CLA-21': { items: oc2Population(healthIn12MonthsTo(['dental-check'])), columns: [], oneRowPerUnit: true },
  'CLA-22': {
    items: `
      SELECT h.item_id::text AS unit_id, h.child_id, h.on_date AS counted_on, true AS numerator, true AS denominator,
             h.outcome = 'further-support-needed' AS further_support, coalesce(h.referred_to_camhs, false) AS referred_to_camhs
        FROM care_planning_health h
       WHERE h.la_code = :laCode AND h.kind = 'mental-health-screening' AND h.on_date BETWEEN :from::date AND :to::date`,
    columns: ['further_support', 'referred_to_camhs'],
    oneRowPerUnit: true,
    additional: {
      furtherSupportNeeded: 'count(*) FILTER (WHERE further_support)',
      referredToCamhs: 'count(*) FILTER (WHERE referred_to_camhs)',
    },
  },
  'CLA-26': {
    // Each period of care whose protocol date (the second review, 3 months after the first) falls
    // in the window; met when a meeting was held by the date it was due. One not held counts once
    // its date has passed.
    items: `
      SELECT p.period_id::text AS unit_id, p.child_id, (r.held_on + interval '3 months')::date AS counted_on,
             EXISTS (SELECT 1 FROM care_planning_permanency_meeting m WHERE m.la_code = p.la_code AND m.period_id = p.period_id
                        AND m.held_on <= coalesce(m.due_by, (r.held_on + interval '3 months')::date)) AS numerator,
             (EXISTS (SELECT 1 FROM care_planning_permanency_meeting m WHERE m.la_code = p.la_code AND m.period_id = p.period_id)
               OR :judgedOn::date > (r.held_on + interval '3 months')::date) AS denominator
        FROM care_planning_period p
        JOIN care_planning_review r ON r.la_code = p.la_code AND r.period_id = p.period_id AND r.review_number = 1
       WHERE p.la_code = :laCode AND NOT p.short_breaks_only
         AND (r.held_on + interval '3 months')::date BETWEEN :from::date AND :to::date`,
    columns: [],
    oneRowPerUnit: true,
  },
  'CLA-27a': {
    items: dutiesDue(pepRuleIds, 'pep_stage', (rule) => (rule === 'cla-pep-within-10-working-days' ? 'initial' : 'termly')),
    columns: ['pep_stage'],
    oneRowPerUnit: true,
  },
  'CLA-27b': {
    // Each term's attendance of a child looked after at some point in the term, recorded in the window.
    items: `
      SELECT a.child_id || '#' || a.school_year || '#' || a.term AS unit_id, a.child_id, a.recorded_on AS counted_on,
             a.percent >= 90 AS numerator, true AS denominator, a.percent AS attendance_percent
        FROM care_planning_attendance a
       WHERE a.la_code = :laCode AND a.recorded_on BETWEEN :from::date AND :to::date
         AND EXISTS (SELECT 1 FROM care_planning_period p WHERE p.la_code = a.la_code AND p.child_id = a.child_id
                       AND p.started_on <= a.recorded_on AND (p.ceased_on IS NULL OR p.ceased_on > (a.recorded_on - interval '4 months')::date))`,
    columns: ['attendance_percent'],
    oneRowPerUnit: true,
    additional: { meanAttendancePercent: 'round(avg(attendance_percent), 1)' },
  },
};

// ---------------------------------------------------------------------------------------------
// The definitions

/** A figure of care planning: in the looked-after domain, but for education's (CLA-27), which the dashboard shows apart. */
const metric = (input: Omit<ModuleMetric, 'domain' | 'counts'>): ModuleMetric => ({ ...input, domain: input.id.startsWith('CLA-27') ? 'education' : 'looked-after', counts: metricSources[input.id] });

const CPPCR = 'Care Planning, Placement and Case Review (England) Regulations 2010';
const demographic = childCharacteristics;

export const carePlanningMetrics: readonly ModuleMetric[] = [
  metric({
    id: 'CLA-17',
    description: 'Catalogue Def: "visits completed by their due date ÷ visits due". Visits to children looked after due in the window (within a week of each placement, then every 6 weeks in the placement\'s first year, every 3 months after it when the placement is intended to last until 18, otherwise 6 weeks; shorter when the social worker set a shorter interval for the child; a visit counts when the child is seen) made by their due date. A visit owed and not made counts as late once due; one no longer owed because the child ceased to be looked after or moved placement before it fell due is left out.',
    followsDfe: false, countingUnit: 'looked-after-visit', numerator: 'Visits due in the window made by their due date',
    denominator: 'Visits due in the window, less those no longer owed', population: 'Visits owed to children looked after', window: 'in-period',
    valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'A visit within a week of a placement, then at most every 6 weeks (3 months in a long-term placement after its first year)', dutyRuleId: 'cla-visit-within-6-weeks-of-the-last', amount: 6, unit: 'weeks', source: `${CPPCR} reg 28; statutory-data §5 row 12` },
    breakdowns: [...demographic, 'visit-interval', 'month'],
  }),
  metric({
    id: 'CLA-18',
    description: 'Catalogue Def (regs): "first review ≤20 WD after becoming looked after; second ≤3 months after the first; then ≤6-monthly. Metric = reviews held on time ÷ reviews due". Reviews due in the window held by their due date, every review counting (each due 6 months after the last one held, from the second on). One not held counts as late once due; one no longer owed because the child ceased to be looked after is left out.',
    followsDfe: false, countingUnit: 'looked-after-review', numerator: 'Reviews due in the window held by their due date',
    denominator: 'Reviews due in the window, less those no longer owed', population: 'Reviews owed to children looked after', window: 'in-period',
    valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'First review within 20 working days, second within 3 months, then every 6 months', dutyRuleId: 'cla-first-review-within-20-working-days', amount: 20, unit: 'working-days', source: `${CPPCR} reg 33; statutory-data §5 row 11` },
    breakdowns: [...demographic, 'review-stage', 'month'],
  }),
  metric({
    id: 'CLA-19',
    description: 'Catalogue Def: "CLA reviews in FY where the child participated (DfE PN0–PN7 codes other than \'did not participate\') ÷ reviews, for children aged 4+". Reviews held in the window of children aged 4 or over (903 REVIEW_CODE other than PN0); participated is PN1 to PN6, PN7 (did not attend and views not conveyed) did not.',
    followsDfe: true, dfeNote: 'SSDA903 Reviews file, REVIEW_CODE', countingUnit: 'looked-after-review', numerator: 'Reviews at which the child participated (PN1–PN6)',
    denominator: 'Reviews held in the window of children aged 4 or over', population: 'Looked-after reviews', window: 'in-period',
    valueType: 'percent', ratePer10000: false, breakdowns: [...demographic, 'review-participation', 'month'],
  }),
  metric({
    id: 'CLA-20a', variantOf: 'CLA-20', title: 'Health assessments up to date (children looked after for 12 months at 31 March)',
    description: 'Catalogue Def (DfE): "CLA looked after continuously ≥12 months at 31 March with an up-to-date health assessment ÷ those CLA". Children looked after on the window\'s last day (31 March for a financial year) in a period of care that began at least 12 months before it, short breaks only left out (DfE\'s OC2 population), with a health assessment (initial or review) in the 12 months to that day (903 OC2 HEALTH_ASSESSMENT).',
    followsDfe: true, dfeNote: 'SSDA903 OC2 population and HEALTH_ASSESSMENT', countingUnit: 'period-of-care', numerator: 'Children with a health assessment in the last 12 months',
    denominator: 'Children looked after continuously for 12 months or more', population: 'Children looked after (OC2 population)', window: 'snapshot',
    valueType: 'percent', ratePer10000: false, breakdowns: [...demographic],
  }),
  metric({
    id: 'CLA-20b', variantOf: 'CLA-20', title: 'Initial health assessments within 20 working days',
    description: 'Catalogue CLA-20, "separately: initial health assessments within 20 WD of entry". Initial health assessments due in the window (20 working days from the day the child became looked after; England and Wales bank holidays are not working days) done by their due date. One not done counts as late once due; one no longer owed because the child ceased to be looked after first is left out.',
    followsDfe: false, countingUnit: 'period-of-care', numerator: 'Initial health assessments done within 20 working days',
    denominator: 'Initial health assessments due in the window, less those no longer owed', population: 'Children becoming looked after', window: 'in-period',
    valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'Initial health assessment within 20 working days of becoming looked after', dutyRuleId: 'cla-initial-health-assessment-within-20-working-days', amount: 20, unit: 'working-days', source: `${CPPCR} reg 7; statutory-data §5 row 16` },
    breakdowns: [...demographic, 'month'],
  }),
  metric({
    id: 'CLA-21',
    description: 'Catalogue Def: "same population as CLA-20, with a dental check in the year". Children looked after continuously for 12 months or more on the window\'s last day (DfE\'s OC2 population) whose teeth were checked by a dentist in the 12 months to that day (903 OC2 TEETH_CHECK).',
    followsDfe: true, dfeNote: 'SSDA903 OC2 TEETH_CHECK', countingUnit: 'period-of-care', numerator: 'Children with a dental check in the last 12 months',
    denominator: 'Children looked after continuously for 12 months or more', population: 'Children looked after (OC2 population)', window: 'snapshot',
    valueType: 'percent', ratePer10000: false, breakdowns: [...demographic],
  }),
  metric({
    id: 'CLA-22',
    description: 'Catalogue Def: "screenings completed in FY; of those, needing further support; of those, receiving ongoing CLA CAMHS". Mental health screenings of children looked after (UASC included) in the window, with those needing further support (furtherSupportNeeded) and those referred to CAMHS (referredToCamhs). Whether CAMHS went on to help is not recorded: the referral is.',
    followsDfe: false, countingUnit: 'mental-health-screening', numerator: 'Mental health screenings in the window',
    population: 'Children looked after', window: 'in-period', valueType: 'count', ratePer10000: false, breakdowns: [...demographic, 'month'],
  }),
  metric({
    id: 'CLA-26',
    description: 'Catalogue Def: "permanency planning meetings held within the protocol timescale (e.g. by the 2nd CLA review) ÷ those due". Periods of care whose protocol date — the day the second review is due, 3 months after the first — falls in the window, with a permanency planning meeting held by then (the date recorded on the meeting when given). A period with no meeting counts once its date has passed. Every period is counted, not an audited sample.',
    followsDfe: false, countingUnit: 'period-of-care', numerator: 'Permanency planning meetings held by the protocol date',
    denominator: 'Periods of care whose protocol date fell in the window', population: 'Children looked after', window: 'in-period',
    valueType: 'percent', ratePer10000: false, breakdowns: [...demographic, 'month'],
  }),
  metric({
    id: 'CLA-27a', variantOf: 'CLA-27', title: 'Personal education plans on time',
    description: 'Catalogue CLA-27 (education outcomes; see EDU-11 and EDU-12), the part the record can compute: personal education plans due in the window — within 10 working days of becoming looked after, then each term (Safeguard\'s terms are four months: autumn September–December, spring January–April, summer May–August, so a PEP within 4 months of the last) — held by their due date. Attainment (EDU-11) is not recorded: see the unavailable entries.',
    followsDfe: false, countingUnit: 'personal-education-plan', numerator: 'PEPs due in the window held by their due date',
    denominator: 'PEPs due in the window, less those no longer owed', population: 'Children looked after of school age', window: 'in-period',
    valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'PEP within 10 working days of becoming looked after, then each term', dutyRuleId: 'cla-pep-within-10-working-days', amount: 10, unit: 'working-days', source: 'Promoting the education of looked-after and previously looked-after children (2018); statutory-data §5 row 17' },
    breakdowns: [...demographic, 'pep-stage', 'month'],
  }),
  metric({
    id: 'CLA-27b', variantOf: 'CLA-27', title: 'Terms attended 90% or more',
    description: 'Catalogue CLA-27 / EDU-12 (attendance), the part the record can compute: each term\'s attendance recorded in the window for a child looked after in the term, of which those at 90% or more of possible sessions (below 90% is DfE\'s persistent absence). The mean attendance is given as meanAttendancePercent. Suspensions are not recorded.',
    followsDfe: false, countingUnit: 'term-of-attendance', numerator: 'Terms attended 90% or more',
    denominator: 'Terms with attendance recorded', population: 'Children looked after', window: 'in-period',
    valueType: 'percent', ratePer10000: false, breakdowns: [...demographic],
  }),
];

/** What cannot be computed, and why. */
export const carePlanningUnavailableMetrics: Readonly<Record<string, string>> = {
  'EDU-11': 'The educational attainment of children looked after (Key Stage results, Progress 8) comes from the Department for Education\'s matched data, not the child\'s record: no attainment is recorded.',
};

// ---------------------------------------------------------------------------------------------
// The breakdowns only care planning has

const dimensionsById: Record<CarePlanningDimensionId, DimensionDefinition<CarePlanningDimensionId>> = {
  'review-stage': {
    id: 'review-stage', title: 'Which review', sql: 'e.review_stage', needsColumns: ['review_stage'],
    labelOf: labelFrom({ first: 'First review (20 working days)', second: 'Second review (3 months)', later: 'Later reviews (6 months)' }), order: ['first', 'second', 'later'],
  },
  'review-participation': {
    id: 'review-participation', title: 'How the child took part (903 REVIEW_CODE)', sql: 'e.participation', needsColumns: ['participation'],
    labelOf: labelFrom(reviewParticipationCodes), order: Object.keys(reviewParticipationCodes),
  },
  'visit-interval': {
    id: 'visit-interval', title: 'The visit\'s interval', sql: 'e.visit_interval', needsColumns: ['visit_interval'],
    labelOf: (code: string) => code.replace(/-of-placement$/, ' of a placement').replaceAll('-', ' ').replace(/^1 weeks/, '1 week'),
  },
  'pep-stage': {
    id: 'pep-stage', title: 'Initial or termly PEP', sql: 'e.pep_stage', needsColumns: ['pep_stage'],
    labelOf: labelFrom({ initial: 'Initial PEP (10 working days)', termly: 'Termly PEP' }), order: ['initial', 'termly'],
  },
};

export const carePlanningDimensions: readonly DimensionDefinition<CarePlanningDimensionId>[] = carePlanningDimensionIds.map((id) => dimensionsById[id]);
