/**
 * Child protection's figures (catalogue sections 3 and 4): children on a plan and the rates of
 * plans, categories of abuse, repeat plans, how long plans last, section 47 enquiries, the funnel
 * from strategy discussion to plan, first core groups, and conferences and their timeliness. Each
 * metric's definition, its SQL and its breakdowns are together under its catalogue id; the plan's,
 * the enquiry's and the conference's breakdowns are this module's.
 */
import { categoryOfAbuseCodes } from '../../codes/statutory-codes.ts';
import {
  allocationBreakdowns, childCharacteristics, labelFrom, labelFromWords, notRecorded, type DimensionDefinition, type MetricSource, type ModuleMetric,
} from '../../analytics/metric-definition.ts';
import { dutiesMetSource, dutyTimelinessSource, judgeable, metOnTime, planLengthBands, planLengthBandSql } from '../../analytics/metric-sql.ts';
import { cpPlanEndReasons, section47Outcomes } from './events.ts';

const WT23_CH4 = 'Working Together to Safeguard Children 2023, chapter 4';

/**
 * The plan's, the enquiry's and the conference's breakdowns. The length of a plan is in DfE's
 * bands for child protection plans; children in need's CIN-07 gives child in need plans the same
 * bands and compares the two kinds of plan.
 */
export const childProtectionDimensions = [
  {
    id: 'category', title: 'Initial category of abuse', sql: 'e.category', needsColumns: ['category'], labelOf: labelFrom(categoryOfAbuseCodes),
    order: Object.keys(categoryOfAbuseCodes),
  },
  {
    id: 'latest-category', title: 'Latest category of abuse (as recorded now)', sql: 'e.latest_category', needsColumns: ['latest_category'],
    labelOf: labelFrom(categoryOfAbuseCodes), order: Object.keys(categoryOfAbuseCodes),
    note: 'Latest category is the latest recorded now, which may be later than the window.',
  },
  {
    id: 'end-reason', title: 'Reason the plan ended', sql: `coalesce(e.end_reason, '${notRecorded}')`, needsColumns: ['end_reason'],
    labelOf: labelFromWords(cpPlanEndReasons), order: cpPlanEndReasons,
  },
  {
    id: 'section-47-outcome', title: 'Outcome of the section 47 enquiry', sql: `coalesce(e.section_47_outcome, 'in-progress')`,
    needsColumns: ['section_47_outcome'], labelOf: (code) => (code === 'in-progress' ? 'In progress' : labelFromWords(section47Outcomes)(code)),
    order: [...section47Outcomes, 'in-progress'],
  },
  {
    id: 'duration-band', title: 'Length of the plan', sql: 'e.duration_band', needsColumns: ['duration_band'], labelOf: labelFrom(planLengthBands),
    order: Object.keys(planLengthBands),
  },
  {
    id: 'plan-type', title: 'Kind of plan', sql: 'e.plan_type', needsColumns: ['plan_type'],
    labelOf: (code) => ({ 'cin-plan': 'Child in need plan', 'cp-plan': 'Child protection plan' })[code] ?? code, order: ['cin-plan', 'cp-plan'],
  },
  {
    id: 'conference-type', title: 'Conference type', sql: 'e.conference_type', needsColumns: ['conference_type'],
    labelOf: (code) => ({ initial: 'Initial child protection conference', review: 'Review child protection conference' })[code] ?? code, order: ['initial', 'review'],
  },
  {
    id: 'review-number', title: 'First or later review', sql: `CASE WHEN e.review_number = 1 THEN 'first' ELSE 'later' END`, needsColumns: ['review_number'],
    labelOf: (code) => ({ first: 'First review (within 3 months)', later: 'Later reviews (within 6 months)' })[code] ?? code, order: ['first', 'later'],
  },
] as const satisfies readonly DimensionDefinition[];

const coreGroupRule = 'first-core-group-after-initial-conference';
const initialConferenceRule = 'initial-conference-within-15-working-days-of-strategy-discussion';
const reviewConferenceRule = 'review-conference-within-3-months-then-every-6-months';

const planOpenAtEnd = `p.started_on <= :to::date AND (p.ended_on IS NULL OR p.ended_on > :to::date)`;
const planOpenInWindow = `p.started_on <= :to::date AND (p.ended_on IS NULL OR p.ended_on >= :from::date)`;

/** Children on a plan at the end of the window's last day (CP-01, and CP-02a as a rate). */
const childrenOnAPlanAtTheEnd: MetricSource = {
  items: `
    SELECT p.child_id AS unit_id, p.child_id, :to::date AS counted_on, true AS numerator, true AS denominator,
           p.initial_category AS category, p.latest_category
      FROM cp_plan p WHERE p.la_code = :laCode AND ${planOpenAtEnd}`,
  columns: ['category', 'latest_category'],
};

/** A later strategy discussion continued the enquiry (the projection closes it without an outcome). */
const section47NotContinued = `NOT (s.completed_on IS NOT NULL AND s.outcome IS NULL)`;

/**
 * Enquiries started in the window, each flagged when a sibling (a recorded sibling relationship
 * either way) or a child in the same household on the day had an enquiry started the same day.
 */
const sectionFortySevenStarted = `
  WITH started AS (
    SELECT s.* FROM section_47_enquiry s
     WHERE s.la_code = :laCode AND s.started_on BETWEEN :from::date AND :to::date AND ${section47NotContinued}
  ),
  started_household AS (
    SELECT s.section_47_id, s.child_id, s.started_on, h.household_id
      FROM started s
      JOIN household_membership h ON h.la_code = :laCode AND h.child_id = s.child_id
                                 AND h.joined_on <= s.started_on AND (h.left_on IS NULL OR h.left_on > s.started_on)
  ),
  -- From each enquiry to its child's siblings (recorded either way round) and household on the
  -- day, then to their enquiries started that day: no pairing of every enquiry with every other.
  with_sibling AS (
    SELECT a.section_47_id FROM started a
      JOIN child_relationship r ON r.la_code = :laCode AND r.child_id = a.child_id AND r.relationship IN ('sibling', 'half-sibling', 'step-sibling')
      JOIN started b ON b.child_id = r.related_child_id AND b.started_on = a.started_on AND b.child_id <> a.child_id
    UNION
    SELECT a.section_47_id FROM started a
      JOIN child_relationship r ON r.la_code = :laCode AND r.related_child_id = a.child_id AND r.relationship IN ('sibling', 'half-sibling', 'step-sibling')
      JOIN started b ON b.child_id = r.child_id AND b.started_on = a.started_on AND b.child_id <> a.child_id
    UNION
    SELECT a.section_47_id FROM started_household a
      JOIN started_household b ON b.household_id = a.household_id AND b.started_on = a.started_on AND b.child_id <> a.child_id
  )
  SELECT s.section_47_id::text AS unit_id, s.child_id, s.started_on AS counted_on, true AS numerator, true AS denominator,
         s.outcome AS section_47_outcome, s.section_47_id IN (SELECT section_47_id FROM with_sibling) AS with_sibling
    FROM started s`;

/** Child protection's and conferences' catalogue entries not computed yet, and why. */
export const childProtectionUnavailableMetrics: Readonly<Record<string, string>> = {
  'CP-06': 'Needs audit judgements (threshold met), legal proceedings and family groupings by the auditors. Its repeat share is CP-05 for FY2023-24-Q1.',
  'CP-12': 'An audit judgement (threshold met but no section 47), not recorded.',
  'CP-16': 'CP consultations, conference bookings and chair alerts are not recorded.',
  'CP-17': 'Legal proceedings (PLO, care proceedings) are not recorded yet.',
  'CPC-02': 'ASV meetings (LADO) are not recorded yet.',
  'CPC-03': 'Supervision order meetings are not recorded yet.',
  'CPC-04': 'Needs CPC-02 and CPC-03, which are not recorded yet.',
  'CPC-07': 'Invitations and attendance mode (in person or remote) are not recorded; only the agencies attending.',
  'CPC-08': 'Advocacy offers and take-up are not recorded.',
  'CPC-09': 'Safeguarding alerts and escalations are not recorded.',
  'CPC-10': 'Feedback on conferences is not recorded.',
  'CPC-11': 'Training is not recorded yet.',
};

export const childProtectionMetrics: readonly ModuleMetric[] = [
  {
    id: 'CP-01', domain: 'child-protection',
    description: 'Catalogue Def: "distinct children with an open CPPlan on the date". A plan ending on the date is no longer open. Unborn children on pre-birth plans are counted, as DfE does.',
    followsDfe: true, dfeNote: 'DfE "children who were the subject of a child protection plan at 31 March" when the date is 31 March.', countingUnit: 'child',
    numerator: 'Children on a child protection plan at the end of the day', population: 'Children of the LA aged 0–17 (rate)', window: 'snapshot',
    valueType: 'count', ratePer10000: true, breakdowns: [...childCharacteristics, 'category', 'latest-category', ...allocationBreakdowns],
    counts: childrenOnAPlanAtTheEnd,
  },
  {
    id: 'CP-02a', domain: 'child-protection', variantOf: 'CP-02', title: 'Children on a CP plan at the end of the period, per 10,000',
    description: 'Catalogue Def (D1): "children with an open CPP at 31 March ÷ pop 0–17 × 10,000". For any window: plans open at the end of its last day.',
    followsDfe: true, dfeNote: 'DfE rate of children on a plan at 31 March per 10,000 children.', countingUnit: 'child',
    numerator: 'Children on a plan at the end of the window', denominator: 'Children aged 0–17 (population reference)', population: 'Children of the LA aged 0–17',
    window: 'snapshot', valueType: 'rate-per-10000', ratePer10000: true, breakdowns: [...childCharacteristics, 'category', 'latest-category', ...allocationBreakdowns],
    // Counted as CP-01, a rate of the same children.
    counts: childrenOnAPlanAtTheEnd,
  },
  {
    id: 'CP-02b', domain: 'child-protection', variantOf: 'CP-02', title: 'Children on a CP plan at any point in the period, per 10,000',
    description: 'Catalogue Def (D2, as worded): "distinct children with a CPP open at any point in the FY ÷ pop × 10,000".',
    followsDfe: false, countingUnit: 'child', numerator: 'Children on a plan on at least one day of the window', denominator: 'Children aged 0–17 (population reference)',
    population: 'Children of the LA aged 0–17', window: 'any-point-in-period', valueType: 'rate-per-10000', ratePer10000: true,
    breakdowns: [...childCharacteristics, 'category', 'latest-category', ...allocationBreakdowns],
    counts: {
      items: `
        SELECT p.child_id AS unit_id, p.child_id, least(:to::date, coalesce(p.ended_on, :to::date)) AS counted_on, true AS numerator, true AS denominator,
               p.initial_category AS category, p.latest_category
          FROM cp_plan p WHERE p.la_code = :laCode AND ${planOpenInWindow}`,
      columns: ['category', 'latest_category'],
    },
  },
  {
    id: 'CP-02c', domain: 'child-protection', variantOf: 'CP-02', title: 'Children starting a CP plan in the period, per 10,000',
    description: 'DfE publishes "starting during year" rates (catalogue CP-02): distinct children with a plan starting (initial conference) in the window ÷ children 0–17 × 10,000.',
    followsDfe: true, dfeNote: 'DfE "children who became the subject of a plan during the year" per 10,000.', countingUnit: 'child',
    numerator: 'Children whose plan started in the window', denominator: 'Children aged 0–17 (population reference)', population: 'Children of the LA aged 0–17',
    window: 'in-period', valueType: 'rate-per-10000', ratePer10000: true, breakdowns: [...childCharacteristics, 'category', ...allocationBreakdowns, 'month'],
    counts: {
      items: `
        SELECT p.child_id AS unit_id, p.child_id, p.started_on AS counted_on, true AS numerator, true AS denominator, p.initial_category AS category
          FROM cp_plan p WHERE p.la_code = :laCode AND p.started_on BETWEEN :from::date AND :to::date`,
      columns: ['category'],
    },
  },
  {
    id: 'CP-03', domain: 'child-protection',
    description: 'Catalogue Def: "children with an open CPP (snapshot …) whose latest C&F assessment records factor f ÷ children with an open CPP". The latest assessment completed on or before the date, in any episode; factors are the CIN census assessment factor codes (1A–24A). A child has several factors, so the shares add up to more than 100%.',
    followsDfe: false, countingUnit: 'child',
    numerator: 'Children on a plan whose latest assessment records the factor', denominator: 'Children on a plan at the end of the day',
    population: 'Children on a child protection plan', window: 'snapshot', valueType: 'distribution', category: 'factor', ratePer10000: false,
    breakdowns: [...childCharacteristics, ...allocationBreakdowns],
    counts: {
      items: `
        SELECT p.child_id AS unit_id, p.child_id, :to::date AS counted_on, true AS numerator, true AS denominator,
               coalesce(latest.factors, '{}'::text[]) AS factors
          FROM (SELECT DISTINCT p.child_id FROM cp_plan p WHERE p.la_code = :laCode AND ${planOpenAtEnd}) p
          LEFT JOIN (
            -- Each child's latest assessment completed by the date, in one pass over assessments.
            SELECT DISTINCT ON (a.child_id) a.child_id, a.factors FROM assessment a
             WHERE a.la_code = :laCode AND a.completed_on <= :to::date
             ORDER BY a.child_id, a.completed_on DESC, a.assessment_id) latest ON latest.child_id = p.child_id`,
      columns: ['factors'],
    },
  },
  {
    id: 'CP-04', domain: 'child-protection',
    description: 'Catalogue Def: "CPPs (open at 31 March, or starting in FY) by initial category: neglect, emotional, physical, sexual, multiple ÷ total". This is the starting-in-the-window reading; plans open at a date by category are CP-01 by category or latest-category.',
    followsDfe: true, dfeNote: 'DfE plans starting in the year by initial category of abuse.', countingUnit: 'plan',
    numerator: 'Plans starting in the window with the initial category', denominator: 'Plans starting in the window', population: 'Child protection plans',
    window: 'in-period', valueType: 'distribution', category: 'category', ratePer10000: false, breakdowns: [...childCharacteristics, ...allocationBreakdowns, 'month'],
    counts: {
      items: `
        SELECT p.plan_id::text AS unit_id, p.child_id, p.started_on AS counted_on, true AS numerator, true AS denominator, p.initial_category AS category
          FROM cp_plan p WHERE p.la_code = :laCode AND p.started_on BETWEEN :from::date AND :to::date`,
      columns: ['category'],
      oneRowPerUnit: true,
    },
  },
  {
    id: 'CP-05', domain: 'child-protection',
    description: 'Catalogue Def (DfE): "children whose CPP started in FY and who had any earlier CPP (ended before this start; ever …) ÷ children whose CPP started in FY". Earlier plans are those on this record (CIN census NumberOfPreviousCPP); plans held in other LAs are not recorded yet.',
    followsDfe: true, dfeNote: 'DfE "second or subsequent plan" (any time).', countingUnit: 'child',
    numerator: 'Children starting a plan in the window who had a plan before', denominator: 'Children starting a plan in the window',
    population: 'Children starting a child protection plan', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...childCharacteristics, 'category', ...allocationBreakdowns, 'month'],
    counts: {
      items: `
        SELECT p.child_id AS unit_id, p.child_id, p.started_on AS counted_on, p.number_of_previous_plans > 0 AS numerator, true AS denominator,
               p.initial_category AS category
          FROM cp_plan p WHERE p.la_code = :laCode AND p.started_on BETWEEN :from::date AND :to::date`,
      columns: ['category'],
    },
  },
  {
    id: 'CP-07', domain: 'child-protection',
    description: 'Catalogue Def (recommended): "among CPPs ending in FY, distribution of (end − start) in bands: <3 m, 3–<6 m, 6–<12 m, 12–<24 m, ≥24 m; plus % ≥2 years (DfE)". Bands are calendar months from the start.',
    followsDfe: true, dfeNote: 'DfE "plans ceasing during the year" by duration; ≥ 2 years is DfE\'s long-plan measure.', countingUnit: 'plan',
    numerator: 'Plans ending in the window lasting the band', denominator: 'Plans ending in the window', population: 'Child protection plans',
    window: 'in-period', valueType: 'distribution', category: 'duration-band', ratePer10000: false, breakdowns: [...childCharacteristics, 'category', 'end-reason', 'month'],
    counts: {
      items: `
        SELECT p.plan_id::text AS unit_id, p.child_id, p.ended_on AS counted_on, true AS numerator, true AS denominator,
               p.initial_category AS category, p.end_reason, ${planLengthBandSql} AS duration_band
          FROM cp_plan p WHERE p.la_code = :laCode AND p.ended_on BETWEEN :from::date AND :to::date`,
      columns: ['category', 'end_reason', 'duration_band'],
      oneRowPerUnit: true,
    },
  },
  {
    id: 'CP-08', domain: 'child-protection',
    description: 'Catalogue Def: "S47Enquiry records started in FY ÷ 12 (or ÷ months in window)". A section 47 enquiry starts on the date of its strategy discussion; a further strategy discussion continues the same enquiry, counted once from the last (as the ICPC timescale runs from it). Also shown: enquiries started the same day as a sibling\'s or a child in the same household (catalogue CP-10(b), "automatic inclusion of all siblings").',
    followsDfe: true, dfeNote: 'DfE "section 47 enquiries started in the year" ÷ months.', countingUnit: 'section-47-enquiry',
    numerator: 'Section 47 enquiries started in the window', denominator: 'Months in the window', population: 'Section 47 enquiries',
    window: 'in-period', valueType: 'per-month', ratePer10000: false, breakdowns: [...childCharacteristics, 'section-47-outcome', ...allocationBreakdowns, 'month'],
    counts: { items: sectionFortySevenStarted, columns: ['section_47_outcome'], oneRowPerUnit: true, additional: { startedSameDayAsSibling: 'count(DISTINCT unit_id) FILTER (WHERE with_sibling)' } },
  },
  {
    id: 'CP-09', domain: 'child-protection',
    description: 'Catalogue Def: "S47 enquiries started in FY ÷ pop 0–17 × 10,000". Counted as CP-08.',
    followsDfe: true, dfeNote: 'DfE section 47 enquiries per 10,000 children.', countingUnit: 'section-47-enquiry',
    numerator: 'Section 47 enquiries started in the window', denominator: 'Children aged 0–17 (population reference)', population: 'Children of the LA aged 0–17',
    window: 'in-period', valueType: 'rate-per-10000', ratePer10000: true, breakdowns: [...childCharacteristics, 'section-47-outcome', ...allocationBreakdowns, 'month'],
    counts: { items: sectionFortySevenStarted, columns: ['section_47_outcome'], oneRowPerUnit: true },
  },
  {
    id: 'CP-11', domain: 'child-protection',
    description: 'Catalogue Def: "strategy discussions → S47 (%); S47 → ICPC (%); ICPC → CPP (%)". The headline is the first step: strategy discussions held in the window that decided on a section 47 enquiry, of all held. The later steps are in additional, counted from those discussions: enquiries (each once: a discussion continuing an earlier enquiry stands for it), initialConferences (enquiries whose initial conference has been held) and plansStarted (conferences that started a plan); S47 → ICPC is initialConferences ÷ enquiries and ICPC → CPP plansStarted ÷ initialConferences. Extra-familial strategy meetings are not recorded separately yet.',
    followsDfe: false, countingUnit: 'strategy-discussion', numerator: 'Strategy discussions held in the window that decided on a section 47 enquiry',
    denominator: 'Strategy discussions held in the window', population: 'Strategy discussions', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...childCharacteristics, ...allocationBreakdowns, 'month'],
    counts: {
      // A discussion deciding on section 47 starts the enquiry of the same id (the projection keeps
      // one continued by a later discussion, completed without an outcome: the later one counts it).
      items: `
        SELECT d.strategy_discussion_id::text AS unit_id, d.child_id, d.held_on AS counted_on, d.decision = 'section-47' AS numerator, true AS denominator,
               s.section_47_id IS NOT NULL AND ${section47NotContinued} AS enquiry,
               s.icpc_on IS NOT NULL AS conference,
               s.icpc_on IS NOT NULL AND EXISTS (SELECT 1 FROM cp_plan p WHERE p.la_code = s.la_code AND p.child_id = s.child_id
                                                     AND p.episode_id = s.episode_id AND p.started_on = s.icpc_on) AS plan_started
          FROM strategy_discussion d
          LEFT JOIN section_47_enquiry s ON s.la_code = d.la_code AND s.section_47_id = d.strategy_discussion_id
         WHERE d.la_code = :laCode AND d.held_on BETWEEN :from::date AND :to::date`,
      columns: [],
      oneRowPerUnit: true,
      additional: {
        enquiries: 'count(*) FILTER (WHERE enquiry)',
        initialConferences: 'count(*) FILTER (WHERE conference)',
        plansStarted: 'count(*) FILTER (WHERE plan_started)',
      },
    },
  },
  {
    id: 'CP-13', domain: 'child-protection',
    description: 'Catalogue Def: "children with a CPP who have a CoreGroup with first meeting ≤10 WD after the ICPC (statutory) … ÷ children with a CPP". Plans starting in the window whose first core group met within 10 working days of the initial conference (England and Wales bank holidays). Plans ended before the core group was due, and plans still within the 10 days when the figures are run, are left out. Recorded tasks are not recorded yet.',
    followsDfe: false, countingUnit: 'plan', numerator: 'Plans starting in the window with the first core group within 10 working days',
    denominator: 'Plans starting in the window, less those ended or not yet due', population: 'Child protection plans', window: 'in-period', valueType: 'percent',
    ratePer10000: false,
    timescale: { rule: 'First core group within 10 working days of the initial conference', dutyRuleId: coreGroupRule, amount: 10, unit: 'working-days', source: 'Working Together 2018 and LSCP procedures' },
    breakdowns: [...childCharacteristics, 'category', ...allocationBreakdowns, 'month'],
    counts: dutyTimelinessSource(coreGroupRule, { table: 'cp_plan', alias: 'p', key: 'plan_id', select: 'p.initial_category AS category', columns: ['category'] }),
  },
  {
    id: 'CPC-01', domain: 'conferences',
    description: 'Catalogue Def: "CPConference records (ICPC + RCPC …) held in FY". Counted per child (a sibling group\'s conference is one record per child); transfer-in conferences are not recorded yet. Review conferences are those that met the review timescale duty.',
    followsDfe: false, countingUnit: 'conference', numerator: 'Initial and review conferences held in the window (per child)', population: 'Child protection conferences',
    window: 'in-period', valueType: 'count', ratePer10000: false, breakdowns: [...childCharacteristics, 'conference-type', ...allocationBreakdowns, 'month'],
    counts: {
      items: `
        SELECT s.section_47_id::text AS unit_id, s.child_id, s.icpc_on AS counted_on, true AS numerator, true AS denominator, 'initial' AS conference_type
          FROM section_47_enquiry s WHERE s.la_code = :laCode AND s.icpc_on BETWEEN :from::date AND :to::date
        UNION ALL
        -- Every review conference meets the open occurrence of the review duty while the plan lasts.
        SELECT d.subject_id || '#' || d.occurrence, d.child_id, d.closed_on, true, true, 'review'
          FROM duty d
         WHERE d.la_code = :laCode AND d.rule_id = '${reviewConferenceRule}' AND d.closure = 'met'
           AND d.closed_on BETWEEN :from::date AND :to::date`,
      columns: ['conference_type'],
    },
  },
  {
    id: 'CPC-05', domain: 'conferences',
    description: 'Catalogue Def (DfE/Working Together): "ICPCs held in FY where ICPC.date − date of the strategy discussion that initiated the S47 (the last one if there were several) ≤ 15 working days ÷ ICPCs held in FY". Working days exclude England and Wales bank holidays; day 0 is the strategy discussion. Transfer-in conferences are not recorded yet.',
    followsDfe: true, dfeNote: 'DfE CIN census indicator "ICPCs within 15 working days of the start of the section 47".', countingUnit: 'conference',
    numerator: 'Initial conferences held in the window within 15 working days', denominator: 'Initial conferences held in the window',
    population: 'Initial child protection conferences', window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'Initial conference within 15 working days of the strategy discussion', dutyRuleId: initialConferenceRule, amount: 15, unit: 'working-days', source: WT23_CH4 },
    breakdowns: [...childCharacteristics, ...allocationBreakdowns, 'month'],
    counts: dutiesMetSource(initialConferenceRule),
  },
  {
    id: 'CPC-06', domain: 'conferences',
    description: 'Catalogue Def: "first RCPC ≤3 months after the ICPC; later RCPCs ≤6 months after the previous one ÷ RCPCs due in window". Reviews due in the window (calendar months, clamped to the month end); a review not held by its due date counts as late, whether or not it was held later; reviews no longer needed because the plan ended before they were due are left out.',
    followsDfe: false, countingUnit: 'review-conference', numerator: 'Review conferences due in the window held by the due date',
    denominator: 'Review conferences due in the window, less those the plan ended before', population: 'Review child protection conferences',
    window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'First review within 3 months of the initial conference, then at most every 6 months', dutyRuleId: reviewConferenceRule, amount: 3, unit: 'months', source: WT23_CH4 },
    breakdowns: [...childCharacteristics, 'review-number', ...allocationBreakdowns, 'month'],
    counts: {
      items: `
        SELECT d.subject_id || '#' || d.occurrence AS unit_id, d.child_id, d.due_on AS counted_on, ${metOnTime} AS numerator, ${judgeable} AS denominator,
               d.occurrence AS review_number
          FROM duty d
         WHERE d.la_code = :laCode AND d.rule_id = '${reviewConferenceRule}'
           AND d.due_on BETWEEN :from::date AND :to::date`,
      columns: ['review_number'],
    },
  },
];
