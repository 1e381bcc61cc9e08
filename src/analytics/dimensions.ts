/**
 * The dimensions a figure can be broken down by: each names the SQL that puts a counted row in a
 * group, how a group's code reads, and — for the child's own characteristics — how the same groups
 * are found in the child population, so that rates and disproportionality compare like with like.
 *
 * SQL here runs over `e`, a counted row joined to the child (ethnicity, sex, date_of_birth,
 * disabilities) and, when asked for, the allocation on the counting date (team_id, worker_id,
 * service); `counted_on` is the date the row is counted on (the event date, or the snapshot date).
 * Population SQL runs over `p`, a row of population_reference (age, sex, ethnicity).
 */
import {
  assessmentFactorCodes, categoryOfAbuseCodes, contactReasonCodes, ethnicityCodes, localContactSources, primaryNeedCodes, referralSourceCodes,
} from '../codes/statutory-codes.ts';
import { assessmentOutcomes } from '../modules/children-in-need/events.ts';
import { cpPlanEndReasons, section47Outcomes } from '../modules/child-protection/events.ts';
import { frontDoorDecisions } from '../modules/front-door/events.ts';

export const dimensionIds = [
  'ethnicity', 'ethnic-group', 'sex', 'age-band', 'disability',
  'source', 'local-source', 'reason', 'decision', 'primary-need', 'assessment-outcome', 'factor',
  'category', 'latest-category', 'end-reason', 'section-47-outcome', 'duration-band', 'plan-type', 'conference-type', 'review-number',
  'team', 'service', 'worker', 'month',
] as const;

export type DimensionId = (typeof dimensionIds)[number];

/** The DfE ethnic groups (major categories), by which small numbers are usually published. */
export const ethnicGroupLabels = {
  white: 'White', mixed: 'Mixed', asian: 'Asian or Asian British', black: 'Black or Black British', other: 'Other ethnic groups',
  unknown: 'Refused or not yet obtained',
} as const;

/** DfE CIN census age bands; age is taken on the date the row is counted. */
export const ageBandLabels = {
  unborn: 'Unborn', 'under-1': 'Under 1', '1-to-4': '1 to 4', '5-to-9': '5 to 9', '10-to-15': '10 to 15', '16-and-over': '16 and over',
} as const;

export const durationBandLabels = {
  'under-3-months': 'Under 3 months', '3-to-6-months': '3 months to under 6', '6-to-12-months': '6 months to under 12',
  '12-to-24-months': '1 year to under 2', '2-years-or-more': '2 years or more',
} as const;

const sexLabels = { M: 'Male', F: 'Female', U: 'Not known or not recorded' } as const;
const disabilityLabels = { disabled: 'Disabled', 'not-disabled': 'Not disabled', 'not-recorded': 'Not recorded' } as const;
const notRecorded = 'not-recorded';

/** Where a group's population comes from, for rates and disproportionality. */
export type ReferencePopulation =
  /** population_reference: children aged 0–17 by age, sex and ethnicity for the population year. */
  | 'child-population'
  /** No count of disabled children exists in population_reference: children in need in the same window are the reference (catalogue §20.5). */
  | 'children-in-need';

export interface DimensionDefinition {
  id: DimensionId;
  title: string;
  /** SQL over `e` giving the group's code; never NULL. */
  sql: string;
  /** Item columns the SQL reads (beyond the child's details), e.g. 'source'. */
  needsColumns?: readonly string[];
  /** The allocation on the counting date (team, worker, service). */
  needsAllocation?: boolean;
  /** A row may be in several groups at once (assessment factors): group counts need not add up to the total. */
  multiValued?: boolean;
  labelOf: (code: string) => string;
  /** Codes that say the characteristic is not known: kept out of shares, reported separately. */
  unknownCodes?: readonly string[];
  /** The same grouping over population_reference `p`, when the child population is known by it. */
  populationSql?: string;
  referencePopulation?: ReferencePopulation;
  /** Default group the relative rate index compares with; 'all-others' compares each group with everyone else. */
  defaultComparator?: string;
  /** Display order of codes; others follow alphabetically. */
  order?: readonly string[];
  /** A characteristic of the child (for disproportionality), not of the service. */
  demographic?: boolean;
}

/**
 * A DfE code list in its published order. Object.keys would put integer-like codes ('4', '21')
 * before the others, so codes are ordered by their number, then their letter ('1A', '2A', '3B', …, '10').
 */
const codeOrder = (list: Readonly<Record<string, unknown>>): string[] =>
  Object.keys(list).sort((a, b) => {
    const [, na = '', la = ''] = /^(\d*)(.*)$/.exec(a) ?? [];
    const [, nb = '', lb = ''] = /^(\d*)(.*)$/.exec(b) ?? [];
    return Number(na) - Number(nb) || la.localeCompare(lb);
  });

const label = (list: Readonly<Record<string, unknown>>, describe: (value: unknown) => string = String) => (code: string) =>
  code in list ? describe(list[code]) : code === notRecorded ? 'Not recorded' : code;

const ethnicGroupSql = (column: string) => `CASE
    WHEN ${column} IN ('REFU', 'NOBT') THEN 'unknown'
    WHEN ${column} LIKE 'W%' THEN 'white'
    WHEN ${column} LIKE 'M%' THEN 'mixed'
    WHEN ${column} LIKE 'A%' THEN 'asian'
    WHEN ${column} LIKE 'B%' THEN 'black'
    WHEN ${column} IN ('CHNE', 'OOTH') THEN 'other'
    ELSE 'unknown' END`;

/** Age band from a whole age in years. */
const ageBandOfAge = (age: string) => `CASE
    WHEN ${age} < 1 THEN 'under-1' WHEN ${age} < 5 THEN '1-to-4' WHEN ${age} < 10 THEN '5-to-9'
    WHEN ${age} < 16 THEN '10-to-15' ELSE '16-and-over' END`;

const kebabToWords = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replaceAll('-', ' ');
const fromList = (values: readonly string[]) => (code: string) => (values.includes(code) ? kebabToWords(code) : code === notRecorded ? 'Not recorded' : code);

export const dimensions: Record<DimensionId, DimensionDefinition> = {
  ethnicity: {
    id: 'ethnicity', title: 'Ethnicity (DfE code)', sql: `coalesce(e.ethnicity, 'NOBT')`, labelOf: label(ethnicityCodes),
    unknownCodes: ['REFU', 'NOBT'], populationSql: 'p.ethnicity', referencePopulation: 'child-population',
    // DfE and YJB practice compares with White children; the finest coding lets us use White British, as the partnership's own report does.
    defaultComparator: 'WBRI', order: Object.keys(ethnicityCodes), demographic: true,
  },
  'ethnic-group': {
    id: 'ethnic-group', title: 'Ethnic group (DfE major group)', sql: ethnicGroupSql(`coalesce(e.ethnicity, 'NOBT')`), labelOf: label(ethnicGroupLabels),
    unknownCodes: ['unknown'], populationSql: ethnicGroupSql('p.ethnicity'), referencePopulation: 'child-population',
    defaultComparator: 'white', order: Object.keys(ethnicGroupLabels), demographic: true,
  },
  sex: {
    id: 'sex', title: 'Sex', sql: `coalesce(e.sex, 'U')`, labelOf: label(sexLabels), unknownCodes: ['U'], populationSql: 'p.sex',
    referencePopulation: 'child-population', defaultComparator: 'all-others', order: ['F', 'M', 'U'], demographic: true,
  },
  'age-band': {
    id: 'age-band', title: 'Age band (on the counting date)',
    sql: `CASE WHEN e.date_of_birth IS NULL OR e.date_of_birth > e.counted_on THEN 'unborn'
      ELSE ${ageBandOfAge(`date_part('year', age(e.counted_on, e.date_of_birth))`)} END`,
    labelOf: label(ageBandLabels), populationSql: ageBandOfAge('p.age'), referencePopulation: 'child-population',
    defaultComparator: 'all-others', order: Object.keys(ageBandLabels), demographic: true,
  },
  disability: {
    id: 'disability', title: 'Disability',
    sql: `CASE WHEN e.disabilities IS NULL OR cardinality(e.disabilities) = 0 THEN 'not-recorded'
      WHEN e.disabilities = ARRAY['NONE']::text[] THEN 'not-disabled' ELSE 'disabled' END`,
    labelOf: label(disabilityLabels), unknownCodes: ['not-recorded'], referencePopulation: 'children-in-need',
    defaultComparator: 'all-others', order: Object.keys(disabilityLabels), demographic: true,
  },
  source: {
    id: 'source', title: 'Source (DfE referral source)', sql: `coalesce(e.source, '10')`, needsColumns: ['source'],
    labelOf: label(referralSourceCodes), order: codeOrder(referralSourceCodes),
  },
  'local-source': {
    id: 'local-source', title: 'Source (local list)', sql: `coalesce(e.local_source, '${notRecorded}')`, needsColumns: ['local_source'],
    labelOf: label(localContactSources, (value) => (value as { label: string }).label), order: Object.keys(localContactSources),
  },
  reason: { id: 'reason', title: 'Primary reason for the contact', sql: 'e.reason', needsColumns: ['reason'], labelOf: label(contactReasonCodes), order: Object.keys(contactReasonCodes) },
  decision: {
    id: 'decision', title: 'Front-door decision', sql: `coalesce(e.decision, 'not-yet-decided')`, needsColumns: ['decision'],
    labelOf: (code) => (code === 'not-yet-decided' ? 'Not yet decided' : fromList(frontDoorDecisions)(code)), order: [...frontDoorDecisions, 'not-yet-decided'],
  },
  'primary-need': {
    id: 'primary-need', title: 'Primary need (CIN census)', sql: `coalesce(e.primary_need, '${notRecorded}')`, needsColumns: ['primary_need'],
    labelOf: label(primaryNeedCodes), order: Object.keys(primaryNeedCodes),
  },
  'assessment-outcome': {
    id: 'assessment-outcome', title: 'Assessment outcome', sql: `coalesce(e.assessment_outcome, '${notRecorded}')`, needsColumns: ['assessment_outcome'],
    labelOf: fromList(assessmentOutcomes), order: assessmentOutcomes,
  },
  factor: {
    id: 'factor', title: 'Factor identified at assessment (1A–24A)', sql: 'f.factor', needsColumns: ['factors'], multiValued: true,
    labelOf: (code) => (code === 'none-recorded' ? 'No assessment factors recorded' : label(assessmentFactorCodes)(code)), order: codeOrder(assessmentFactorCodes),
  },
  category: {
    id: 'category', title: 'Initial category of abuse', sql: 'e.category', needsColumns: ['category'], labelOf: label(categoryOfAbuseCodes),
    order: Object.keys(categoryOfAbuseCodes),
  },
  'latest-category': {
    id: 'latest-category', title: 'Latest category of abuse (as recorded now)', sql: 'e.latest_category', needsColumns: ['latest_category'],
    labelOf: label(categoryOfAbuseCodes), order: Object.keys(categoryOfAbuseCodes),
  },
  'end-reason': {
    id: 'end-reason', title: 'Reason the plan ended', sql: `coalesce(e.end_reason, '${notRecorded}')`, needsColumns: ['end_reason'],
    labelOf: fromList(cpPlanEndReasons), order: cpPlanEndReasons,
  },
  'section-47-outcome': {
    id: 'section-47-outcome', title: 'Outcome of the section 47 enquiry', sql: `coalesce(e.section_47_outcome, 'in-progress')`,
    needsColumns: ['section_47_outcome'], labelOf: (code) => (code === 'in-progress' ? 'In progress' : fromList(section47Outcomes)(code)),
    order: [...section47Outcomes, 'in-progress'],
  },
  'duration-band': {
    id: 'duration-band', title: 'Length of the plan', sql: 'e.duration_band', needsColumns: ['duration_band'], labelOf: label(durationBandLabels),
    order: Object.keys(durationBandLabels),
  },
  'plan-type': {
    id: 'plan-type', title: 'Kind of plan', sql: 'e.plan_type', needsColumns: ['plan_type'],
    labelOf: (code) => ({ 'cin-plan': 'Child in need plan', 'cp-plan': 'Child protection plan' })[code] ?? code, order: ['cin-plan', 'cp-plan'],
  },
  'conference-type': {
    id: 'conference-type', title: 'Conference type', sql: 'e.conference_type', needsColumns: ['conference_type'],
    labelOf: (code) => ({ initial: 'Initial child protection conference', review: 'Review child protection conference' })[code] ?? code, order: ['initial', 'review'],
  },
  'review-number': {
    id: 'review-number', title: 'First or later review', sql: `CASE WHEN e.review_number = 1 THEN 'first' ELSE 'later' END`, needsColumns: ['review_number'],
    labelOf: (code) => ({ first: 'First review (within 3 months)', later: 'Later reviews (within 6 months)' })[code] ?? code, order: ['first', 'later'],
  },
  team: { id: 'team', title: 'Team (allocation on the counting date)', sql: `coalesce(e.team_id, 'unallocated')`, needsAllocation: true, labelOf: (code) => (code === 'unallocated' ? 'Not allocated' : code) },
  service: {
    id: 'service', title: 'Service of the allocated team', sql: `coalesce(e.service, CASE WHEN e.team_id IS NULL THEN 'unallocated' ELSE 'not-recorded' END)`,
    needsAllocation: true, labelOf: (code) => (code === 'unallocated' ? 'Not allocated' : kebabToWords(code)),
  },
  worker: { id: 'worker', title: 'Allocated worker on the counting date', sql: `coalesce(e.worker_id, 'unallocated')`, needsAllocation: true, labelOf: (code) => (code === 'unallocated' ? 'Not allocated' : code) },
  month: { id: 'month', title: 'Month counted in', sql: `to_char(e.counted_on, 'YYYY-MM')`, labelOf: (code) => code },
};

export const demographicDimensions = dimensionIds.filter((id) => dimensions[id].demographic);
export const allocationDimensions: readonly DimensionId[] = ['team', 'service', 'worker'];

export function isDimensionId(value: string): value is DimensionId {
  return (dimensionIds as readonly string[]).includes(value);
}

/** Sort key for a group code: the dimension's own order, then alphabetical. */
export function orderOf(dimension: DimensionDefinition, code: string): [number, string] {
  const index = dimension.order?.indexOf(code) ?? -1;
  return [index === -1 ? Number.MAX_SAFE_INTEGER : index, code];
}
