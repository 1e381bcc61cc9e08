/**
 * Children in need's figures (catalogue section 2 and the DfE figures the catalogue does not name):
 * episodes open and during the year, allocation and seeing the child after a referral, plans
 * after assessment and how long plans last, referrals and their outcomes, assessments within 45
 * working days. Each metric's definition, its SQL and its breakdowns are together under its id;
 * the episode's and the assessment's breakdowns (primary need, outcome, factors) are this module's.
 */
import { assessmentFactorCodes, primaryNeedCodes } from '../../codes/statutory-codes.ts';
import {
  allocationBreakdowns, childCharacteristics, codeOrder, labelFrom, labelFromWords, notRecorded, type DimensionDefinition, type ModuleMetric,
} from '../../analytics/metric-definition.ts';
import { dutiesMetSource, dutyTimelinessSource, planLengthBandSql, workingDayNumbersSql, workingDaysSpan } from '../../analytics/metric-sql.ts';
import { assessmentOutcomes } from './events.ts';

const WT23_CH3 = 'Working Together to Safeguard Children 2023, chapter 3';

/** The episode's and the assessment's breakdowns. */
export const childrenInNeedDimensions = [
  {
    id: 'primary-need', title: 'Primary need (CIN census)', sql: `coalesce(e.primary_need, '${notRecorded}')`, needsColumns: ['primary_need'],
    labelOf: labelFrom(primaryNeedCodes), order: Object.keys(primaryNeedCodes),
  },
  {
    id: 'assessment-outcome', title: 'Assessment outcome', sql: `coalesce(e.assessment_outcome, '${notRecorded}')`, needsColumns: ['assessment_outcome'],
    labelOf: labelFromWords(assessmentOutcomes), order: assessmentOutcomes,
  },
  {
    id: 'factor', title: 'Factor identified at assessment (1A–24A)', sql: 'f.factor', needsColumns: ['factors'], multiValued: true,
    labelOf: (code) => (code === 'none-recorded' ? 'No assessment factors recorded' : labelFrom(assessmentFactorCodes)(code)), order: codeOrder(assessmentFactorCodes),
  },
] as const satisfies readonly DimensionDefinition[];

const allocationRule = 'allocation-after-referral';
const assessmentRule = 'assessment-within-45-working-days-of-referral';

export const childrenInNeedMetrics: readonly ModuleMetric[] = [
  {
    id: 'CIN-01', domain: 'children-in-need',
    description: 'Catalogue Def: "distinct children with an open CIN episode … on the snapshot date". DfE scope: an episode is open from the referral until it closes, whatever the child receives (assessment, CIN plan, CP plan); looked-after children are not recorded yet. At 31 March this is DfE\'s "children in need at 31 March".',
    followsDfe: true, dfeNote: 'DfE "children in need at 31 March" (CIN census episodes open on the date).', countingUnit: 'child',
    numerator: 'Children with a children-in-need episode open at the end of the day', population: 'Children of the LA aged 0–17 (rate)', window: 'snapshot',
    valueType: 'count', ratePer10000: true, breakdowns: [...childCharacteristics, 'primary-need', ...allocationBreakdowns],
    counts: {
      items: `
        SELECT e.child_id AS unit_id, e.child_id, :to::date AS counted_on, true AS numerator, true AS denominator, e.primary_need
          FROM cin_episode e
         WHERE e.la_code = :laCode AND e.referral_on <= :to::date AND (e.closed_on IS NULL OR e.closed_on > :to::date)`,
      columns: ['primary_need'],
    },
  },
  {
    id: 'CIN-02', domain: 'children-in-need', title: 'Children in need at any point in the period, per 10,000',
    description: 'Catalogue Def: "children in need at any point in FY per 10,000 children 0–17, ranked among English LAs (rank is a benchmark import)". Distinct children with a children-in-need episode open on at least one day of the window. The national rank is not computed: load it as a benchmark.',
    followsDfe: true, dfeNote: 'DfE "children in need during the year".', countingUnit: 'child',
    numerator: 'Children with a children-in-need episode open at any point in the window', denominator: 'Children aged 0–17 (population reference)',
    population: 'Children of the LA aged 0–17', window: 'any-point-in-period', valueType: 'rate-per-10000', ratePer10000: true,
    breakdowns: [...childCharacteristics, 'primary-need'],
    counts: {
      items: `
        SELECT e.child_id AS unit_id, e.child_id, least(:to::date, coalesce(e.closed_on, :to::date)) AS counted_on, true AS numerator, true AS denominator, e.primary_need
          FROM cin_episode e
         WHERE e.la_code = :laCode AND e.referral_on <= :to::date AND (e.closed_on IS NULL OR e.closed_on >= :from::date)`,
      columns: ['primary_need'],
    },
  },
  {
    id: 'CIN-03', domain: 'children-in-need',
    description: 'Catalogue Def: "referrals in window where first SocialWorkerAllocation.start − referral.accepted_at ≤ 48 h ÷ referrals". From the local timescale rule allocation-after-referral: 48 hours from the referral (to the minute when the referral time is known, else the end of the second day after it). Referrals closed before an allocation was due are left out, as are referrals not yet due when the figures are run.',
    followsDfe: false, countingUnit: 'referral', numerator: 'Referrals in the window with a worker allocated within 48 hours',
    denominator: 'Referrals in the window, less those closed before allocation was due or not yet due', population: 'Referrals to children\'s social care',
    window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'Allocate a social worker within 48 hours of the referral (local)', dutyRuleId: allocationRule, amount: 48, unit: 'hours', source: 'Local practice; the catalogue quotes it as a standard (D1 §6.4)' },
    breakdowns: [...childCharacteristics, 'source', 'month'],
    counts: dutyTimelinessSource(allocationRule, { table: 'cin_episode', alias: 'e', key: 'episode_id', select: 'e.source', columns: ['source'] }),
  },
  {
    id: 'CIN-04', domain: 'children-in-need',
    description: 'Catalogue Def: "new allocations where the first StatutoryVisit/ChildSeen date − allocation.start ≤ 10 days ÷ new allocations. … calendar or working days; make it a parameter." The first visit at which the child was seen after each allocation (the duty child-seen-after-allocation records it), within withinDays working days (default 10, England and Wales bank holidays) or calendar days. Allocations whose episode closed within the timescale without a visit, and allocations still within the timescale when the figures are run, are left out.',
    followsDfe: false, countingUnit: 'allocation', numerator: 'Allocations in the window where the child was seen within the timescale',
    denominator: 'Allocations in the window, less those closed or still within the timescale', population: 'Allocations of children to workers',
    window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'See the child within 10 working days of allocation (local; parameter withinDays and withinUnit)', dutyRuleId: 'child-seen-after-allocation', amount: 10, unit: 'working-days', source: 'Local practice (D1 §6.4)' },
    breakdowns: [...childCharacteristics, ...allocationBreakdowns, 'month'],
    counts: {
      // The duty child-seen-after-allocation closes as met at the first visit the child is seen
      // after an allocation, and as cancelled when the episode closes first; the timescale asked for
      // is applied to those dates here. Working days come from one numbered list of the window's days
      // (the working days up to and including each day), so the count between two dates is a
      // subtraction. Only "within the timescale or not" matters, so the end is capped at a span that
      // always holds more working days than the timescale, and the list need not reach the judging date.
      items: `
        WITH working_day AS (${workingDayNumbersSql(':from::date', `:to::date + ${workingDaysSpan}`)}),
        allocation_duty AS (
          SELECT d.*, greatest(d.started_on, least(coalesce(d.closed_on, :judgedOn::date), d.started_on + ${workingDaysSpan})) AS capped_end
            FROM duty d
           WHERE d.la_code = :laCode AND d.rule_id = 'child-seen-after-allocation' AND d.occurrence = 1
             AND d.started_on BETWEEN :from::date AND :to::date
        ),
        elapsed AS (
          SELECT d.*, CASE WHEN :withinUnit::text = 'calendar-days' THEN coalesce(d.closed_on, :judgedOn::date) - d.started_on
                           ELSE finish.number - start.number END AS days
            FROM allocation_duty d
            JOIN working_day start ON start.day = d.started_on
            JOIN working_day finish ON finish.day = d.capped_end
        )
        SELECT d.subject_id AS unit_id, d.child_id, d.started_on AS counted_on,
               (d.closure = 'met' AND d.days <= :withinDays::int) AS numerator,
               NOT (coalesce(d.closure, 'open') IN ('cancelled', 'open') AND d.days <= :withinDays::int) AS denominator
          FROM elapsed d`,
      columns: [],
    },
  },
  {
    id: 'CIN-06', domain: 'children-in-need', title: 'Assessed children with a plan',
    description: 'Catalogue Def: "assessments with outcome CIN/CP/CLA where a plan starts within X days ÷ those assessments". Assessments completed in the window whose outcome calls for a plan (a child in need plan, or a strategy discussion towards child protection) that have a child in need or child protection plan of the same episode open on a day from the completion to withinDays after it (default 10 working days, England and Wales bank holidays; withinUnit calendar-days counts calendar days). A plan already open on completion counts. Assessments still within the timescale without a plan when the figures are run are left out; the outcome looked-after is left out, as care plans are not recorded yet.',
    followsDfe: false, countingUnit: 'assessment', numerator: 'Assessments completed in the window with a plan within the timescale',
    denominator: 'Assessments completed in the window with outcome child in need plan or strategy discussion, less those still within the timescale',
    population: 'Child and family assessments', window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'A plan within 10 working days of the assessment\'s completion (parameter withinDays and withinUnit)', amount: 10, unit: 'working-days', source: 'Catalogue CIN-06 (D1 §6.4: "following assessment have a plan that sets out the actions"); the catalogue leaves X open' },
    breakdowns: [...childCharacteristics, 'assessment-outcome', ...allocationBreakdowns, 'month'],
    counts: {
      // The last day the timescale allows: the withinDays-th working day after completion (the first
      // day numbered so, or the completion day itself), or withinDays calendar days after it.
      items: `
        WITH working_day AS (${workingDayNumbersSql(':from::date', `:to::date + ${workingDaysSpan}`)}),
        first_day AS (SELECT number, min(day) AS day FROM working_day GROUP BY number),
        assessed AS (
          SELECT a.assessment_id, a.child_id, a.episode_id, a.completed_on, a.outcome,
                 CASE WHEN :withinUnit::text = 'calendar-days' THEN a.completed_on + :withinDays::int
                      ELSE greatest(a.completed_on, due.day) END AS plan_due_on
            FROM assessment a
            JOIN working_day done ON done.day = a.completed_on
            JOIN first_day due ON due.number = done.number + :withinDays::int
           WHERE a.la_code = :laCode AND a.completed_on BETWEEN :from::date AND :to::date
             AND a.outcome IN ('child-in-need-plan', 'strategy-discussion')
        ),
        -- The council's CIN and CP plans open at some point from the window's start to its last due date.
        plan AS (
          SELECT p.child_id, p.episode_id, p.started_on, p.ended_on FROM cin_plan p
           WHERE p.la_code = :laCode AND p.started_on <= :to::date + ${workingDaysSpan} AND (p.ended_on IS NULL OR p.ended_on >= :from::date)
          UNION ALL
          SELECT p.child_id, p.episode_id, p.started_on, p.ended_on FROM cp_plan p
           WHERE p.la_code = :laCode AND p.started_on <= :to::date + ${workingDaysSpan} AND (p.ended_on IS NULL OR p.ended_on >= :from::date)
        ),
        -- Joined rather than looked up per assessment, so the work grows with the rows, not their product.
        planned AS (
          SELECT a.assessment_id, a.child_id, a.completed_on, a.outcome, a.plan_due_on, count(p.started_on) > 0 AS has_plan
            FROM assessed a
            LEFT JOIN plan p ON p.child_id = a.child_id AND p.episode_id = a.episode_id
                            AND p.started_on <= a.plan_due_on AND (p.ended_on IS NULL OR p.ended_on >= a.completed_on)
           GROUP BY a.assessment_id, a.child_id, a.completed_on, a.outcome, a.plan_due_on
        )
        SELECT a.assessment_id::text AS unit_id, a.child_id, a.completed_on AS counted_on, a.has_plan AS numerator,
               a.has_plan OR a.plan_due_on < :judgedOn::date AS denominator, a.outcome AS assessment_outcome
          FROM planned a`,
      columns: ['assessment_outcome'],
      oneRowPerUnit: true,
    },
  },
  {
    id: 'CIN-07', domain: 'children-in-need', title: 'CIN and CP plans open 12 months or more',
    description: 'Catalogue Def: "median plan duration, or % of plans open more than 12 months, by sex". Child in need and child protection plans ending in the window that had been open 12 calendar months or more, as a share of the plans ending in it; by sex (and any characteristic) with disproportionality against the group\'s own plans, by kind of plan, and by length band. A child in need plan left open when its episode closed ends with the episode.',
    followsDfe: false, countingUnit: 'plan', numerator: 'Plans ending in the window after 12 months or more', denominator: 'Child in need and child protection plans ending in the window',
    population: 'Child in need and child protection plans', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...childCharacteristics, 'plan-type', 'duration-band', 'month'],
    counts: {
      items: `
        SELECT p.cin_plan_id::text AS unit_id, p.child_id, p.ended_on AS counted_on, p.ended_on >= (p.started_on + interval '12 months')::date AS numerator,
               true AS denominator, 'cin-plan' AS plan_type, ${planLengthBandSql} AS duration_band
          FROM cin_plan p WHERE p.la_code = :laCode AND p.ended_on BETWEEN :from::date AND :to::date
        UNION ALL
        SELECT p.plan_id::text, p.child_id, p.ended_on, p.ended_on >= (p.started_on + interval '12 months')::date, true, 'cp-plan', ${planLengthBandSql}
          FROM cp_plan p WHERE p.la_code = :laCode AND p.ended_on BETWEEN :from::date AND :to::date`,
      columns: ['plan_type', 'duration_band'],
      oneRowPerUnit: true,
    },
  },
  {
    id: 'CIN-08', domain: 'children-in-need', title: 'Referrals received',
    description: 'Catalogue CIN-08 (referral demographics: "White British children were the largest group referred … children aged 11–13 were the most frequently referred"): referrals (children-in-need episodes starting) in the window, by the child\'s characteristics. DfE "referrals in year" counts the same.',
    followsDfe: true, dfeNote: 'DfE CIN statistics "referrals in the year".', countingUnit: 'referral', numerator: 'Referrals received in the window',
    population: 'Children of the LA aged 0–17 (rate)', window: 'in-period', valueType: 'count', ratePer10000: true,
    breakdowns: [...childCharacteristics, 'source', 'month'],
    counts: {
      items: `
        SELECT e.episode_id::text AS unit_id, e.child_id, e.referral_on AS counted_on, true AS numerator, true AS denominator, e.source
          FROM cin_episode e WHERE e.la_code = :laCode AND e.referral_on BETWEEN :from::date AND :to::date`,
      columns: ['source'],
      oneRowPerUnit: true,
    },
  },
  {
    id: 'DFE-ASM-45', domain: 'children-in-need', title: 'Assessments completed within 45 working days',
    description: 'DfE CIN statistics: "assessments completed in the year … within 45 working days of the referral". The statutory timescale (Working Together 2023 ch.3; catalogue §23.2 W2, statutory-data §5 row 2) counted in working days from the referral (day 0) to the date the assessment was authorised, England and Wales bank holidays excluded.',
    followsDfe: true, dfeNote: 'DfE "assessments completed within 45 working days" (CIN census).', countingUnit: 'assessment',
    numerator: 'Assessments completed in the window within 45 working days of the referral', denominator: 'Assessments completed in the window',
    population: 'Child and family assessments', window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'Assessment within 45 working days of the referral', dutyRuleId: assessmentRule, amount: 45, unit: 'working-days', source: WT23_CH3 },
    breakdowns: [...childCharacteristics, ...allocationBreakdowns, 'month'], catalogueRef: 'statutory-data §5 row 2; catalogue §23.2 W2',
    counts: dutiesMetSource(assessmentRule),
  },
  {
    id: 'DFE-REF-NFA', domain: 'children-in-need', title: 'Referrals resulting in no further action',
    description: 'DfE CIN statistics: referrals in the year that led to no further action (CIN census ReferralNFA): the episode closed with no assessment and no section 47 enquiry. Referrals still open are not (yet) NFA.',
    followsDfe: true, dfeNote: 'DfE "referrals resulting in no further action" (ReferralNFA).', countingUnit: 'referral',
    numerator: 'Referrals in the window that closed with no assessment or section 47 enquiry', denominator: 'Referrals in the window',
    population: 'Referrals to children\'s social care', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...childCharacteristics, 'source', 'month'], catalogueRef: 'statutory-data §6 (referral → NFA)',
    counts: {
      items: `
        SELECT e.episode_id::text AS unit_id, e.child_id, e.referral_on AS counted_on, e.referral_nfa AS numerator, true AS denominator, e.source
          FROM cin_episode e WHERE e.la_code = :laCode AND e.referral_on BETWEEN :from::date AND :to::date`,
      columns: ['source'],
      oneRowPerUnit: true,
    },
  },
];
