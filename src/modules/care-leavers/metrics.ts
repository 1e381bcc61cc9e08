/**
 * The care leavers' figures of the metrics catalogue (../shared/spec/metrics-catalogue.md §6,
 * CL-01 to CL-11, and CLA-09 staying put from §5): each definition with the SQL that counts it over
 * the care leavers' projections, and the breakdowns only care leavers have.
 *
 * The birthday figures (CL-02, CL-04, CL-05) follow the DfE's: every care leaver aged 17 to 21
 * whose birthday fell in the window (one who had left care by the birthday and whose support was
 * open on it, or began within a month after it), counted once for that birthday; the numerator reads the contact recorded around it
 * (the OC3 record). A care leaver with no contact recorded counts in the denominator only.
 */
import { childCharacteristics, labelFrom, type DimensionDefinition, type MetricSource, type ModuleMetric } from '../../analytics/metric-definition.ts';
import { eligibilityCategoryCodes } from './codes.ts';

export const careLeaversDimensionIds = ['care-leaver-age-band', 'eligibility-category', 'in-touch'] as const;
export type CareLeaversDimensionId = (typeof careLeaversDimensionIds)[number];

/** The DfE's age bands of care leavers: 17–18 and 19–21 (CL-04, CL-05), and 22–25 for support after 21. */
const ageBandOf = (age: string) => `CASE WHEN ${age} <= 18 THEN '17-18' WHEN ${age} <= 21 THEN '19-21' ELSE '22-25' END`;

/** Each care leaver's birthdays from the 17th to the 21st in the window, with the contact around each, if recorded. */
const birthdaysInWindow = (numerator: string) => `
  SELECT c.child_id || '#' || a.age AS unit_id, c.child_id, b.birthday_on AS counted_on, ${numerator} AS numerator, true AS denominator,
         ${ageBandOf('a.age')} AS age_band, c.eligibility_category, coalesce(bc.in_touch, 'not-recorded') AS in_touch
    FROM care_leaver c
   CROSS JOIN generate_series(17, 21) AS a(age)
   CROSS JOIN LATERAL (SELECT (c.date_of_birth + make_interval(years => a.age))::date AS birthday_on) b
    LEFT JOIN care_leaver_birthday_contact bc ON bc.la_code = c.la_code AND bc.child_id = c.child_id AND bc.birthday_age = a.age
   WHERE c.la_code = :laCode AND c.date_of_birth IS NOT NULL AND c.eligibility_category <> 'qualifying'
     AND b.birthday_on BETWEEN :from::date AND :to::date
     AND c.left_care_on IS NOT NULL AND c.left_care_on <= b.birthday_on
     AND c.since <= b.birthday_on + interval '1 month' AND (c.ended_on IS NULL OR c.ended_on > b.birthday_on)`;

const ageOnSnapshot = `date_part('year', age(:to::date, c.date_of_birth))::int`;

const birthdayColumns = ['age_band', 'eligibility_category', 'in_touch'] as const;

const metricSources: Readonly<Record<string, MetricSource>> = {
  'CL-01': {
    items: `
      SELECT c.child_id AS unit_id, c.child_id, :to::date AS counted_on, ${ageOnSnapshot} >= 18 AS numerator, true AS denominator,
             ${ageBandOf(ageOnSnapshot)} AS age_band, c.eligibility_category
        FROM care_leaver c
       WHERE c.la_code = :laCode AND c.since <= :to::date AND (c.ended_on IS NULL OR c.ended_on > :to::date)
         AND c.left_care_on IS NOT NULL AND c.left_care_on <= :to::date AND ${ageOnSnapshot} BETWEEN 16 AND 24`,
    columns: ['age_band', 'eligibility_category'],
    oneRowPerUnit: true,
    // The headline counts the former relevant (18 and over), as the catalogue does; relevant children of 16 and 17 are given apart.
    additional: { aged16to17: 'count(*) FILTER (WHERE NOT numerator)' },
  },
  'CL-02': { items: birthdaysInWindow(`bc.in_touch = 'YES'`), columns: birthdayColumns, oneRowPerUnit: true },
  'CL-03': {
    items: `
      SELECT r.review_id::text AS unit_id, r.child_id, r.reviewed_on AS counted_on, r.participation <> 'did-not-participate' AS numerator, true AS denominator,
             c.eligibility_category
        FROM care_leaver_pathway_review r
        JOIN care_leaver c ON c.la_code = r.la_code AND c.child_id = r.child_id
       WHERE r.la_code = :laCode AND r.reviewed_on BETWEEN :from::date AND :to::date`,
    columns: ['eligibility_category'],
    oneRowPerUnit: true,
  },
  'CL-04': { items: birthdaysInWindow('coalesce(bc.accommodation_suitable, false)'), columns: birthdayColumns, oneRowPerUnit: true },
  'CL-05': { items: birthdaysInWindow(`coalesce(bc.activity ~ '^[FP]', false)`), columns: birthdayColumns, oneRowPerUnit: true },
  'CL-06': {
    items: `
      SELECT a.change_id::text AS unit_id, a.child_id, a.tenancy_started_on AS counted_on, true AS numerator, true AS denominator, a.tenancy
        FROM care_leaver_accommodation a
       WHERE a.la_code = :laCode AND a.tenancy_started_on BETWEEN :from::date AND :to::date`,
    columns: ['tenancy'],
    oneRowPerUnit: true,
  },
  'CLA-09': {
    items: `
      SELECT c.child_id AS unit_id, c.child_id, :to::date AS counted_on,
             EXISTS (SELECT 1 FROM care_leaver_staying_put s WHERE s.la_code = c.la_code AND s.child_id = c.child_id
                        AND s.started_on <= :to::date AND (s.ended_on IS NULL OR s.ended_on > :to::date)) AS numerator,
             true AS denominator, ${ageBandOf(ageOnSnapshot)} AS age_band, c.eligibility_category
        FROM care_leaver c
       WHERE c.la_code = :laCode AND c.since <= :to::date AND (c.ended_on IS NULL OR c.ended_on > :to::date)
         AND c.date_of_birth IS NOT NULL AND ${ageOnSnapshot} BETWEEN 18 AND 20
         AND (c.in_foster_care_at_18 OR EXISTS (SELECT 1 FROM care_leaver_staying_put s WHERE s.la_code = c.la_code AND s.child_id = c.child_id))`,
    columns: ['age_band', 'eligibility_category'],
    oneRowPerUnit: true,
  },
  'CL-09': {
    items: `
      SELECT c.child_id AS unit_id, c.child_id, coalesce(c.ended_on, bc.contacted_on) AS counted_on, true AS numerator, true AS denominator, c.eligibility_category
        FROM care_leaver c
        LEFT JOIN care_leaver_birthday_contact bc ON bc.la_code = c.la_code AND bc.child_id = c.child_id AND bc.in_touch = 'DIED'
       WHERE c.la_code = :laCode AND ((c.end_reason = 'died' AND c.ended_on BETWEEN :from::date AND :to::date)
          OR (c.end_reason IS DISTINCT FROM 'died' AND bc.contacted_on BETWEEN :from::date AND :to::date))`,
    columns: ['eligibility_category'],
    oneRowPerUnit: true,
  },
};

const metric = (input: Omit<ModuleMetric, 'domain' | 'counts'> & { domain?: ModuleMetric['domain'] }): ModuleMetric =>
  ({ domain: 'care-leavers', ...input, counts: metricSources[input.id] });

const demographic = childCharacteristics;
const BIRTHDAY = 'care leavers aged 17 to 21 whose birthday fell in the window, who had left care by the birthday and whose support was open around it';

export const careLeaversMetrics: readonly ModuleMetric[] = [
  metric({
    id: 'CL-01',
    description: 'Catalogue Def: "young people eligible for leaving-care support (former relevant, aged 18–25) open at snapshot". Young people aged 18 to 24 whose leaving care support was open at the end of the day asked about, having left care; relevant young people of 16 and 17 are given apart (aged16to17).',
    followsDfe: false, countingUnit: 'child', numerator: 'Care leavers aged 18 to 24 with open leaving care support',
    population: 'Care leavers with open leaving care support', window: 'snapshot', valueType: 'count', ratePer10000: false,
    breakdowns: [...demographic, 'care-leaver-age-band', 'eligibility-category'],
  }),
  metric({
    id: 'CL-02',
    description: `Catalogue Def (DfE): "care leavers aged 17–21 whose birthday fell in the FY and with whom the LA was in touch around the birthday ÷ those care leavers". ${BIRTHDAY}; in touch: the contact around that birthday (from 3 months before to 1 month after) recorded IN_TOUCH = YES.`,
    followsDfe: true, dfeNote: 'SSDA903 OC3 IN_TOUCH; DfE "Children looked after in England", care leavers aged 17 to 21', countingUnit: 'care-leaver-birthday',
    numerator: 'Birthdays with the council in touch', denominator: 'Care leavers\' 17th to 21st birthdays in the window', population: 'Care leavers aged 17 to 21',
    window: 'in-period', valueType: 'percent', ratePer10000: false, breakdowns: [...demographic, 'care-leaver-age-band', 'in-touch', 'eligibility-category'],
  }),
  metric({
    id: 'CL-03',
    description: 'Catalogue Def: "care leavers with a pathway plan review in the window where the young person participated ÷ those with a plan review". Pathway plan reviews held in the window at which the young person took part (attended, attended with an advocate, or gave their views).',
    followsDfe: false, countingUnit: 'pathway-plan-review', numerator: 'Pathway plan reviews in the window the young person took part in',
    denominator: 'Pathway plan reviews in the window', population: 'Care leavers\' pathway plan reviews', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...demographic, 'eligibility-category', 'month'],
  }),
  metric({
    id: 'CL-04',
    description: `Catalogue Def (DfE): "care leavers (age band) in suitable accommodation at birthday contact ÷ care leavers in band". ${BIRTHDAY}; suitable: the contact around that birthday recorded accommodation judged suitable (903 ACCOM digit 1). Not in touch counts as not known to be suitable.`,
    followsDfe: true, dfeNote: 'SSDA903 OC3 ACCOM', countingUnit: 'care-leaver-birthday',
    numerator: 'Birthdays with the young person in suitable accommodation', denominator: 'Care leavers\' 17th to 21st birthdays in the window',
    population: 'Care leavers aged 17 to 21', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...demographic, 'care-leaver-age-band', 'in-touch'],
  }),
  metric({
    id: 'CL-05',
    description: `Catalogue Def (DfE): "care leavers aged 17–18 and 19–21 (birthday in FY) in EET at birthday contact ÷ care leavers in band". ${BIRTHDAY}; in education, employment or training: activity F1–F5 or P1–P5 (full or part time) at the contact around that birthday. Broken down by the bands 17–18 and 19–21.`,
    followsDfe: true, dfeNote: 'SSDA903 OC3 ACTIV', countingUnit: 'care-leaver-birthday',
    numerator: 'Birthdays with the young person in education, employment or training', denominator: 'Care leavers\' 17th to 21st birthdays in the window',
    population: 'Care leavers aged 17 to 21', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...demographic, 'care-leaver-age-band', 'in-touch'],
  }),
  metric({
    id: 'CL-06',
    description: 'Catalogue Def: "care leavers with a tenancy start (House Project / social housing) in FY". Tenancies of their own that care leavers began in the window, of any kind.',
    followsDfe: false, countingUnit: 'tenancy', numerator: 'Tenancies care leavers began in the window', population: 'Care leavers\' tenancies',
    window: 'in-period', valueType: 'count', ratePer10000: false, breakdowns: [...demographic, 'month'],
  }),
  metric({
    id: 'CLA-09', domain: 'looked-after',
    description: 'Catalogue Def: "care leavers aged 18–20 living with their former foster carers ÷ care leavers who were in foster care on their 18th birthday". Care leavers aged 18 to 20 with open support at the end of the day asked about, who were in a foster placement (903 U1–U6, read from their period of care) on the eve of their 18th birthday, of whom those in a staying put arrangement then.',
    followsDfe: false, countingUnit: 'child', numerator: 'Care leavers aged 18 to 20 staying put with their former foster carers',
    denominator: 'Care leavers aged 18 to 20 who were in foster care at 18', population: 'Care leavers aged 18 to 20', window: 'snapshot', valueType: 'percent', ratePer10000: false,
    breakdowns: [...demographic, 'care-leaver-age-band'],
  }),
  metric({
    id: 'CL-09',
    description: 'Catalogue Def: "deaths of care-experienced young people aged ≤24 notified". Care leavers whose death the council recorded in the window: support ended because the young person died, or a birthday contact recorded that they had died. The police\'s notifications of the deaths of other young people are not recorded here.',
    followsDfe: false, countingUnit: 'child', numerator: 'Deaths of care leavers recorded in the window', population: 'Care leavers',
    window: 'in-period', valueType: 'count', ratePer10000: false, breakdowns: [...demographic, 'eligibility-category'],
  }),
];

/** What cannot be computed, and why. */
export const careLeaversUnavailableMetrics: Readonly<Record<string, string>> = {
  'CL-07': 'Participation in programmes for care leavers (the YES programme) and whether each young person was meaningfully engaged are not recorded.',
  'CL-08': 'Audit grades of pathway plans are not recorded: a quality grade given at a review is kept, but not the audit that CL-08 counts.',
  'CL-10': 'Identified learning needs, suspected neurodivergence and diagnostic assessments of care leavers are not recorded.',
  'CL-11': 'The goals of young people aged 22 to 25 supported by Independent Futures are not recorded.',
};

const dimensionsById: Record<CareLeaversDimensionId, DimensionDefinition<CareLeaversDimensionId>> = {
  'care-leaver-age-band': {
    id: 'care-leaver-age-band', title: 'Age band (17–18, 19–21, 22–25)', sql: 'e.age_band', needsColumns: ['age_band'],
    labelOf: labelFrom({ '17-18': 'Aged 17 or 18', '19-21': 'Aged 19 to 21', '22-25': 'Aged 22 to 25' }), order: ['17-18', '19-21', '22-25'],
  },
  'eligibility-category': {
    id: 'eligibility-category', title: 'Eligibility category', sql: 'e.eligibility_category', needsColumns: ['eligibility_category'],
    labelOf: labelFrom(Object.fromEntries(Object.entries(eligibilityCategoryCodes).map(([code, words]) => [code, words.split(':')[0]!]))),
    order: Object.keys(eligibilityCategoryCodes),
  },
  'in-touch': {
    id: 'in-touch', title: 'In touch around the birthday (903 IN_TOUCH)', sql: 'e.in_touch', needsColumns: ['in_touch'],
    labelOf: labelFrom({ YES: 'In touch', NO: 'Not in touch', DIED: 'Died', REFU: 'Refuses contact', NREQ: 'No longer requires services', RHOM: 'Returned home', 'not-recorded': 'No contact recorded' }),
    unknownCodes: ['not-recorded'], order: ['YES', 'NO', 'REFU', 'NREQ', 'RHOM', 'DIED', 'not-recorded'],
  },
};

export const careLeaversDimensions: readonly DimensionDefinition<CareLeaversDimensionId>[] = careLeaversDimensionIds.map((id) => dimensionsById[id]);
