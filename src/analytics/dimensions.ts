/**
 * The dimensions a figure can be broken down by: the engine's own — the child's characteristics
 * (compared with the child population for rates and disproportionality), the allocation on the
 * counting date and the month — and those the domain modules contribute (contact source, category
 * of abuse…; see DomainModule.dimensions), listed in the registry's order between the two.
 *
 * SQL here runs over `e`, a counted row joined to the child (ethnicity, sex, date_of_birth,
 * disabilities) and, when asked for, the allocation on the counting date (team_id, worker_id,
 * service); `counted_on` is the date the row is counted on (the event date, or the snapshot date).
 * Population SQL runs over `p`, a row of population_reference (age, sex, ethnicity).
 */
import { ethnicityCodes } from '../codes/statutory-codes.ts';
import { domainModules } from '../modules/registry.ts';
import {
  allocationBreakdowns, childCharacteristics, kebabToWords, labelFrom, type DimensionDefinition,
} from './metric-definition.ts';

/** The DfE ethnic groups (major categories), by which small numbers are usually published. */
export const ethnicGroupLabels = {
  white: 'White', mixed: 'Mixed', asian: 'Asian or Asian British', black: 'Black or Black British', other: 'Other ethnic groups',
  unknown: 'Refused or not yet obtained',
} as const;

/** DfE CIN census age bands; age is taken on the date the row is counted. */
export const ageBandLabels = {
  unborn: 'Unborn', 'under-1': 'Under 1', '1-to-4': '1 to 4', '5-to-9': '5 to 9', '10-to-15': '10 to 15', '16-and-over': '16 and over',
} as const;

const sexLabels = { M: 'Male', F: 'Female', U: 'Not known or not recorded' } as const;
const disabilityLabels = { disabled: 'Disabled', 'not-disabled': 'Not disabled', 'not-recorded': 'Not recorded' } as const;

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

/** The child's own characteristics, which the child population is counted by (all but disability). */
const childDimensions = [
  {
    id: 'ethnicity', title: 'Ethnicity (DfE code)', sql: `coalesce(e.ethnicity, 'NOBT')`, labelOf: labelFrom(ethnicityCodes),
    unknownCodes: ['REFU', 'NOBT'], populationSql: 'p.ethnicity', referencePopulation: 'child-population',
    // DfE and YJB practice compares with White children; the finest coding lets us use White British, as the partnership's own report does.
    defaultComparator: 'WBRI', order: Object.keys(ethnicityCodes), demographic: true,
  },
  {
    id: 'ethnic-group', title: 'Ethnic group (DfE major group)', sql: ethnicGroupSql(`coalesce(e.ethnicity, 'NOBT')`), labelOf: labelFrom(ethnicGroupLabels),
    unknownCodes: ['unknown'], populationSql: ethnicGroupSql('p.ethnicity'), referencePopulation: 'child-population',
    defaultComparator: 'white', order: Object.keys(ethnicGroupLabels), demographic: true,
  },
  {
    id: 'sex', title: 'Sex', sql: `coalesce(e.sex, 'U')`, labelOf: labelFrom(sexLabels), unknownCodes: ['U'], populationSql: 'p.sex',
    referencePopulation: 'child-population', defaultComparator: 'all-others', order: ['F', 'M', 'U'], demographic: true,
  },
  {
    id: 'age-band', title: 'Age band (on the counting date)',
    sql: `CASE WHEN e.date_of_birth IS NULL OR e.date_of_birth > e.counted_on THEN 'unborn'
      ELSE ${ageBandOfAge(`date_part('year', age(e.counted_on, e.date_of_birth))`)} END`,
    labelOf: labelFrom(ageBandLabels), populationSql: ageBandOfAge('p.age'), referencePopulation: 'child-population',
    defaultComparator: 'all-others', order: Object.keys(ageBandLabels), demographic: true,
  },
  {
    id: 'disability', title: 'Disability',
    sql: `CASE WHEN e.disabilities IS NULL OR cardinality(e.disabilities) = 0 THEN 'not-recorded'
      WHEN e.disabilities = ARRAY['NONE']::text[] THEN 'not-disabled' ELSE 'disabled' END`,
    labelOf: labelFrom(disabilityLabels), unknownCodes: ['not-recorded'], referencePopulation: 'children-in-need',
    defaultComparator: 'all-others', order: Object.keys(disabilityLabels), demographic: true,
  },
] as const satisfies readonly DimensionDefinition<(typeof childCharacteristics)[number]>[];

/** Who held the case on the counting date, and when the row counted. */
const serviceDimensions = [
  { id: 'team', title: 'Team (allocation on the counting date)', sql: `coalesce(e.team_id, 'unallocated')`, needsAllocation: true, labelOf: (code) => (code === 'unallocated' ? 'Not allocated' : code) },
  {
    id: 'service', title: 'Service of the allocated team', sql: `coalesce(e.service, CASE WHEN e.team_id IS NULL THEN 'unallocated' ELSE 'not-recorded' END)`,
    needsAllocation: true, labelOf: (code) => (code === 'unallocated' ? 'Not allocated' : kebabToWords(code)),
  },
  { id: 'worker', title: 'Allocated worker on the counting date', sql: `coalesce(e.worker_id, 'unallocated')`, needsAllocation: true, labelOf: (code) => (code === 'unallocated' ? 'Not allocated' : code) },
  { id: 'month', title: 'Month counted in', sql: `to_char(e.counted_on, 'YYYY-MM')`, labelOf: (code) => code },
] as const satisfies readonly DimensionDefinition<(typeof allocationBreakdowns)[number] | 'month'>[];

type ContributedDimensionId = NonNullable<(typeof domainModules)[number]['dimensions']>[number]['id'];
export type DimensionId = (typeof childDimensions)[number]['id'] | ContributedDimensionId | (typeof serviceDimensions)[number]['id'];

/** Every dimension in the order the API lists them: the child's, the modules' in the registry's order, the service's. */
const allDimensions: readonly DimensionDefinition<DimensionId>[] = [
  ...childDimensions, ...domainModules.flatMap((module): readonly DimensionDefinition<DimensionId>[] => module.dimensions ?? []), ...serviceDimensions,
];

export const dimensionIds: readonly DimensionId[] = allDimensions.map((dimension) => dimension.id);

export const dimensions = Object.fromEntries(allDimensions.map((dimension) => [dimension.id, dimension])) as Record<DimensionId, DimensionDefinition<DimensionId>>;
if (Object.keys(dimensions).length !== dimensionIds.length) {
  throw new Error(`A dimension id is contributed twice: ${dimensionIds.filter((id, index) => dimensionIds.indexOf(id) !== index).join(', ')}`);
}

export const allocationDimensions: readonly DimensionId[] = allocationBreakdowns;

export function isDimensionId(value: string): value is DimensionId {
  return Object.hasOwn(dimensions, value);
}
