/**
 * The figures of children looked after (metrics catalogue §5, CLA-01 to CLA-25): each definition
 * with the SQL that counts it over the looked-after projections (migrations/0034_looked_after.sql)
 * and the breakdowns only looked after has, each under its catalogue id.
 *
 * Periods of care made only of short breaks (legal status V3 or V4) are left out of every figure, as
 * the DfE leaves them out of its counts of children looked after.
 *
 * Counting placements (CLA-04, CLA-06, CLA-05): a placement counts when it began the period or began
 * with a change of carer (903 RNE S, P or B). Temporary moves (T0–T4) are left out, as the DfE's
 * placement stability measures leave out temporary absences, holidays and respite; a change of
 * placement with the same carer (RNE T or U: a foster placement becoming long-term, or a child
 * placed for adoption with their foster carer) is not a new placement, because the child did not
 * move. The same reading makes the return to a carer after a temporary move not a new placement.
 * This follows the catalogue's wording ("DfE placement-counting rules apply: exclude respite/short
 * breaks, temporary absences and holidays"); where the DfE's own counting differs, the difference is
 * in how changes with the same carer are counted.
 *
 * CLA-09 is the care leavers' module's, CLA-15, CLA-16 and CLA-23 youth justice's, and CLA-17 to
 * CLA-22, CLA-26 and CLA-27 care planning's.
 */
import {
  childCharacteristics, labelFrom, type ComputedFigure, type DimensionDefinition, type MetricComputationContext, type MetricSource, type ModuleMetric,
} from '../../analytics/metric-definition.ts';
import { legalStatusCodes, placementProviderCodes, placementTypeCodes, reasonEpisodeCeasedCodes } from './codes.ts';

export const lookedAfterDimensionIds = ['uasc-status', 'legal-status', 'placement-type', 'placement-provider', 'placement-location', 'reason-ceased', 'secure-order-reason'] as const;
export type LookedAfterDimensionId = (typeof lookedAfterDimensionIds)[number];

// ---------------------------------------------------------------------------------------------
// The SQL

/** The child's period of care open at the end of :to (a period ceasing that day is over), short breaks apart. */
const openAtTheEnd = `p.la_code = :laCode AND NOT p.short_breaks_only AND p.started_on <= :to::date AND (p.ceased_on IS NULL OR p.ceased_on > :to::date)`;

/** The episode of the period in force at the end of :to. */
const episodeAtTheEnd = `JOIN cla_episode ep ON ep.la_code = p.la_code AND ep.period_id = p.period_id
         AND ep.started_on <= :to::date AND (ep.ended_on IS NULL OR ep.ended_on > :to::date)`;

/** The placement in force at the end of :to, with its distance from home. */
const placementAtTheEnd = `JOIN cla_placement pl ON pl.la_code = ep.la_code AND pl.placement_id = ep.placement_id`;

const uascNow = `CASE WHEN p.uasc AND (p.uasc_ceased_on IS NULL OR p.uasc_ceased_on > :to::date) THEN 'uasc' ELSE 'not-uasc' END`;

const snapshotColumns = ['uasc_status', 'legal_status', 'placement_type', 'placement_provider', 'placement_location'] as const;
const snapshotSelect = `${uascNow} AS uasc_status, ep.legal_status, ep.placement_type, ep.placement_provider,
       CASE WHEN pl.inside_council IS NULL THEN 'not-known' WHEN pl.inside_council THEN 'inside' ELSE 'outside' END AS placement_location`;

/** Children looked after at the end of :to, one row each, with the numerator given. */
const lookedAfterAtTheEnd = (numerator: string, denominator = 'true', where = 'true') => `
  SELECT p.child_id AS unit_id, p.child_id, :to::date AS counted_on, ${numerator} AS numerator, ${denominator} AS denominator, ${snapshotSelect}
    FROM cla_period p
    ${episodeAtTheEnd}
    ${placementAtTheEnd}
   WHERE ${openAtTheEnd} AND ${where}`;

/**
 * Placements that count (see the file's comment) of the child, in force on at least one day of the
 * 12 months to the end of :to (a snapshot's window is its last day: the year is counted back from
 * it, 1 April to 31 March for a financial year); a placement ending on the first day still counts.
 */
const countedPlacementsInWindow = `(SELECT count(*) FROM cla_placement cp
     WHERE cp.la_code = p.la_code AND cp.child_id = p.child_id AND NOT cp.short_breaks_only
       AND cp.placement_type NOT IN ('T0', 'T1', 'T2', 'T3', 'T4') AND NOT cp.same_carer_as_before
       AND cp.started_on <= :to::date AND (cp.ended_on IS NULL OR cp.ended_on > (:to::date - interval '1 year')::date))`;

/** The first day of the run of placements with the current carer: placements with the same carer and temporary moves continue it. */
const carerSince = (before: string) => `(SELECT max(cp.started_on) FROM cla_placement cp
     WHERE cp.la_code = p.la_code AND cp.period_id = p.period_id AND cp.placement_type NOT IN ('T0', 'T1', 'T2', 'T3', 'T4')
       AND NOT cp.same_carer_as_before AND cp.started_on <= ${before})`;

const childBornBefore = (years: number) => `EXISTS (SELECT 1 FROM child c WHERE c.la_code = p.la_code AND c.child_id = p.child_id
       AND c.date_of_birth IS NOT NULL AND c.date_of_birth > (:to::date - interval '${years} years')::date)`;

const metricSources: Readonly<Record<string, MetricSource>> = {
  'CLA-01': { items: lookedAfterAtTheEnd('true'), columns: snapshotColumns, oneRowPerUnit: true },
  'CLA-03': { items: lookedAfterAtTheEnd('true', 'true', `${uascNow} = 'uasc'`), columns: snapshotColumns, oneRowPerUnit: true },
  'CLA-04': { items: lookedAfterAtTheEnd(`${countedPlacementsInWindow} >= 3`), columns: snapshotColumns, oneRowPerUnit: true },
  'CLA-05': {
    // Under 16 at the end of the day, looked after for 2½ years or more.
    items: lookedAfterAtTheEnd(
      `(${carerSince(':to::date')} <= (:to::date - interval '2 years')::date
        OR (ep.placement_type IN ('A3', 'A4', 'A5', 'A6')
            AND ${carerSince('(pl.started_on - 1)')} <= (:to::date - interval '2 years')::date))`,
      'true',
      `p.started_on <= (:to::date - interval '30 months')::date AND ${childBornBefore(16)}`,
    ),
    columns: snapshotColumns,
    oneRowPerUnit: true,
  },
  'CLA-07': {
    items: lookedAfterAtTheEnd('pl.distance_miles > 20', 'pl.distance_miles IS NOT NULL'),
    columns: snapshotColumns,
    oneRowPerUnit: true,
    additional: { distanceNotKnown: 'count(*) FILTER (WHERE NOT denominator)' },
  },
  'CLA-08': {
    items: `
      SELECT p.period_id::text AS unit_id, p.child_id, p.started_on AS counted_on, true AS numerator, true AS denominator,
             CASE WHEN p.uasc THEN 'uasc' ELSE 'not-uasc' END AS uasc_status, p.legal_status_at_start AS legal_status
        FROM cla_period p
       WHERE p.la_code = :laCode AND NOT p.short_breaks_only AND p.started_on BETWEEN :from::date AND :to::date`,
    columns: ['uasc_status', 'legal_status'],
    oneRowPerUnit: true,
  },
  'CLA-10': {
    // One row per risk the order protects the child from: a child counts once overall, once in each risk's group.
    items: `
      SELECT s.child_id AS unit_id, s.child_id, greatest(s.made_on, :from::date) AS counted_on, true AS numerator, true AS denominator, r.reason AS secure_order_reason
        FROM cla_secure_order s, unnest(s.reasons) AS r(reason)
       WHERE s.la_code = :laCode AND s.made_on <= :to::date AND (s.ends_on IS NULL OR s.ends_on >= :from::date)`,
    columns: ['secure_order_reason'],
  },
  'CLA-11': {
    items: `
      SELECT p.period_id::text AS unit_id, p.child_id, p.ceased_on AS counted_on, true AS numerator, true AS denominator, p.reason_ceased
        FROM cla_period p
       WHERE p.la_code = :laCode AND NOT p.short_breaks_only AND p.ceased_on BETWEEN :from::date AND :to::date
         AND p.reason_ceased IN ('E11', 'E12', 'E45', 'E46', 'E47', 'E48')`,
    columns: ['reason_ceased'],
    oneRowPerUnit: true,
    additional: {
      adopted: `count(*) FILTER (WHERE reason_ceased IN ('E11', 'E12'))`,
      specialGuardianship: `count(*) FILTER (WHERE reason_ceased IN ('E45', 'E46', 'E47', 'E48'))`,
    },
  },
  'CLA-13': {
    items: lookedAfterAtTheEnd('true', 'true', `ep.legal_status = 'V2' AND ${childBornBefore(8)}`),
    columns: snapshotColumns,
    oneRowPerUnit: true,
  },
  'CLA-24': {
    // A remand begins when an episode with J1 follows one without it, or the period begins with it.
    items: `
      SELECT ep.episode_id::text AS unit_id, ep.child_id, ep.started_on AS counted_on, true AS numerator, true AS denominator, ep.placement_type
        FROM cla_episode ep
       WHERE ep.la_code = :laCode AND ep.legal_status = 'J1' AND ep.started_on BETWEEN :from::date AND :to::date
         AND NOT EXISTS (SELECT 1 FROM cla_episode before WHERE before.la_code = ep.la_code AND before.period_id = ep.period_id
                            AND before.ended_on = ep.started_on AND before.legal_status = 'J1' AND before.episode_id <> ep.episode_id)`,
    columns: ['placement_type'],
    oneRowPerUnit: true,
  },
};

// ---------------------------------------------------------------------------------------------
// CLA-14: what the children who became looked after in the window cost over it

/** A stay of less than this many days is a short stay, left out of the mean as the review did. */
const SHORT_STAY_DAYS = 28;

const cohortCostsSql = `
  WITH cohort AS (
    SELECT p.la_code, p.child_id, p.period_id, p.started_on, least(coalesce(p.ceased_on, :to::date), :to::date) AS counted_to, p.ceased_on
      FROM cla_period p
     WHERE p.la_code = :laCode AND NOT p.short_breaks_only AND p.started_on BETWEEN :from::date AND :to::date
  ), costs AS (
    SELECT pl.la_code, pl.period_id, pc.from_on, pc.weekly_cost,
           lead(pc.from_on) OVER (PARTITION BY pc.placement_id ORDER BY pc.from_on) AS next_from, pl.ended_on
      FROM cla_placement pl JOIN cla_placement_cost pc ON pc.la_code = pl.la_code AND pc.placement_id = pl.placement_id
     WHERE pl.la_code = :laCode
  )
  SELECT c.child_id, c.period_id, (c.counted_to - c.started_on) AS days_in_care, c.ceased_on IS NULL OR c.ceased_on > :to::date AS still_in_care,
         coalesce(sum(greatest(0, least(coalesce(k.next_from, k.ended_on, c.counted_to), coalesce(k.ended_on, c.counted_to), c.counted_to) - greatest(k.from_on, c.started_on)) * k.weekly_cost / 7.0), 0) AS cost
    FROM cohort c LEFT JOIN costs k ON k.la_code = c.la_code AND k.period_id = c.period_id
   GROUP BY c.child_id, c.period_id, c.counted_to, c.started_on, c.ceased_on`;

const median = (values: number[]): number | null => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const pounds = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 100) / 100);

async function cohortCosts(context: MetricComputationContext): Promise<ComputedFigure> {
  const rows = await context.rows(cohortCostsSql, { from: context.days.from, to: context.days.to });
  const costs = rows.map((row) => ({ cost: Number(row.cost), days: Number(row.days_in_care), stillInCare: row.still_in_care === true }));
  const total = costs.reduce((sum, c) => sum + c.cost, 0);
  const longer = costs.filter((c) => c.days >= SHORT_STAY_DAYS);
  const children = context.published(costs.length);
  const meanExcludingShortStays = longer.length > 0 ? longer.reduce((sum, c) => sum + c.cost, 0) / longer.length : null;
  return {
    headline: {
      value: pounds(meanExcludingShortStays), numerator: pounds(total), denominator: children,
      additional: {
        total: pounds(total),
        minimum: pounds(costs.length > 0 ? Math.min(...costs.map((c) => c.cost)) : null),
        maximum: pounds(costs.length > 0 ? Math.max(...costs.map((c) => c.cost)) : null),
        median: pounds(median(costs.map((c) => c.cost))),
        meanExcludingShortStays: pounds(meanExcludingShortStays),
        stillInCare: context.published(costs.filter((c) => c.stillInCare).length),
      },
    },
    breakdown: null,
  };
}

// ---------------------------------------------------------------------------------------------
// The definitions

/** A figure of looked after: its definition, and the SQL of the rows it counts (of another figure's, `countedAs`, when it counts the same rows). */
const metric = (input: Omit<ModuleMetric, 'domain' | 'counts'>, countedAs = input.id): ModuleMetric =>
  (input.computes || input.changeOf ? { ...input, domain: 'looked-after' } : { ...input, domain: 'looked-after', counts: metricSources[countedAs] });

const demographic = childCharacteristics;
const snapshotDimensions = ['uasc-status', 'legal-status', 'placement-type', 'placement-provider', 'placement-location'] as const;
const CLA = 'Children looked after at the end of the day (31 March for a financial year), short breaks apart';

export const lookedAfterMetrics: readonly ModuleMetric[] = [
  metric({
    id: 'CLA-01',
    description: 'Catalogue Def: "children with an open CLA episode on the date, with sub-counts". Children looked after at the end of the day asked about (a period of care ceasing that day is over); periods made only of short breaks (V3, V4) are left out, as the DfE leaves them out. By disability and UASC status (the sub-counts), and by legal status and placement.',
    followsDfe: true, dfeNote: 'DfE "children looked after at 31 March" (SSDA903) when the date is 31 March.', countingUnit: 'child',
    numerator: CLA, population: 'Children looked after by the LA', window: 'snapshot', valueType: 'count', ratePer10000: true,
    breakdowns: [...demographic, ...snapshotDimensions],
  }),
  metric({
    id: 'CLA-02', title: 'Children looked after per 10,000',
    description: 'Catalogue Def: "CLA at 31 March ÷ pop 0–17 × 10,000". Counted as CLA-01, over the children aged 0–17 of the population reference.',
    followsDfe: true, dfeNote: 'DfE rate of children looked after at 31 March per 10,000 children aged under 18.', countingUnit: 'child',
    numerator: CLA, denominator: 'Children aged 0–17 (population reference)', population: 'Children of the LA aged 0–17', window: 'snapshot',
    valueType: 'rate-per-10000', ratePer10000: true, breakdowns: [...demographic, ...snapshotDimensions],
  }, 'CLA-01'),
  metric({
    id: 'CLA-03',
    description: 'Catalogue Def: "CLA with uasc_status at snapshot / at 31 March". Children looked after at the end of the day who are unaccompanied asylum-seeking children: the period began with that status and it has not ended (903 DUC).',
    followsDfe: true, dfeNote: 'DfE "UASC looked after at 31 March".', countingUnit: 'child', numerator: 'UASC looked after at the end of the day',
    population: 'Children looked after by the LA', window: 'snapshot', valueType: 'count', ratePer10000: false,
    breakdowns: [...demographic, 'legal-status', 'placement-type', 'placement-provider', 'placement-location'],
  }),
  metric({
    id: 'CLA-04',
    description: 'Catalogue Def (DfE): "CLA at 31 March with 3 or more separate placements during the FY ÷ CLA at 31 March". Placements in force on at least one day of the 12 months to the day (the financial year for 31 March), counted as the file\'s comment says: temporary moves (T0–T4) and short breaks left out, a change of placement with the same carer (RNE T/U) not a new placement. Lower is better.',
    followsDfe: true, dfeNote: 'DfE short-term placement stability; differs from the DfE\'s own counting only in how changes with the same carer are counted (not a new placement here).',
    countingUnit: 'child', numerator: `${CLA} who had three or more placements in the window`, denominator: CLA, population: 'Children looked after by the LA',
    window: 'snapshot', valueType: 'percent', ratePer10000: false, breakdowns: [...demographic, ...snapshotDimensions],
  }),
  metric({
    id: 'CLA-05',
    description: 'Catalogue Def (DfE): "CLA aged <16 at 31 March, looked after continuously ≥2.5 years, who have been in the same placement ≥2 years (or placed for adoption and adoption placement + prior placement ≥2 years) ÷ CLA aged <16 at 31 March looked after ≥2.5 years". The same placement is the run of placements with the same carer (a change with the same carer, or a temporary move and return, does not break it); a child placed for adoption counts when the placement before the adoption placement began two years or more before the day.',
    followsDfe: true, dfeNote: 'DfE long-term placement stability.', countingUnit: 'child',
    numerator: 'Of the denominator, those with the same carer for 2 years or more (or placed for adoption, with the placement before)',
    denominator: 'Children looked after at the end of the day, aged under 16, looked after for 2½ years or more', population: 'Children looked after by the LA',
    window: 'snapshot', valueType: 'percent', ratePer10000: false, breakdowns: [...demographic, ...snapshotDimensions],
  }),
  metric({
    id: 'CLA-06',
    description: 'Catalogue Def: "CLA-04 broken down by age band (0–4, 5–10, 11–15, 16+)": counted as CLA-04; ask for it by age band (the DfE bands under 1, 1–4, 5–9, 10–15, 16+, the nearest the engine has).',
    followsDfe: false, countingUnit: 'child', numerator: `${CLA} who had three or more placements in the window`, denominator: CLA,
    population: 'Children looked after by the LA', window: 'snapshot', valueType: 'percent', ratePer10000: false,
    breakdowns: ['age-band', ...demographic.filter((id) => id !== 'age-band'), ...snapshotDimensions],
  }, 'CLA-04'),
  metric({
    id: 'CLA-07',
    description: 'Catalogue Def: "CLA at 31 March (or snapshot) whose placement postcode is >20 miles (straight line) from the home postcode ÷ CLA with both postcodes known". The distance is the record\'s own (903 PL_DISTANCE), between the centres of the two postcodes\' districts; a child whose distance is not known is left out of both (given as distanceNotKnown).',
    followsDfe: false, countingUnit: 'child', numerator: `${CLA} placed more than 20 miles from home`, denominator: `${CLA} whose distance from home is known`,
    population: 'Children looked after by the LA', window: 'snapshot', valueType: 'percent', ratePer10000: false, breakdowns: [...demographic, ...snapshotDimensions],
  }),
  metric({
    id: 'CLA-08',
    description: 'Catalogue Def: "children starting a CLA episode in FY, by age at start (11–15, 16+), compared with 4 years earlier". Periods of care beginning in the window (RNE S), short breaks apart, by the child\'s age when the period began; a child who starts twice counts twice. Ask for the window four years earlier to compare.',
    followsDfe: true, dfeNote: 'DfE "children who started to be looked after during the year".', countingUnit: 'period-of-care',
    numerator: 'Periods of care beginning in the window', population: 'Children looked after by the LA', window: 'in-period', valueType: 'count', ratePer10000: true,
    breakdowns: ['age-band', 'sex', 'ethnicity', 'ethnic-group', 'disability', 'uasc-status', 'legal-status', 'month'],
  }),
  metric({
    id: 'CLA-10',
    description: 'Catalogue Def: "children subject to a secure accommodation order (s25) in FY, by risk reason". Children with an order in force on at least one day of the window; by the risks each order protects the child from (a child whose order names two risks is in both groups).',
    followsDfe: false, countingUnit: 'child', numerator: 'Children subject to a secure accommodation order in the window', population: 'Children looked after by the LA',
    window: 'any-point-in-period', valueType: 'count', ratePer10000: false, breakdowns: [...demographic, 'secure-order-reason'],
  }),
  metric({
    id: 'CLA-11',
    description: 'Catalogue Def: "CLA episodes ending in FY with reason = adopted / special guardianship order". Periods of care ending in the window by adoption (903 REC E11, E12) or a special guardianship order (E45–E48); adopted and specialGuardianship give each.',
    followsDfe: true, dfeNote: 'DfE "children who ceased to be looked after … adopted / special guardianship orders".', countingUnit: 'period-of-care',
    numerator: 'Periods of care ending in the window by adoption or special guardianship', population: 'Children looked after by the LA', window: 'in-period',
    valueType: 'distribution', category: 'reason-ceased', ratePer10000: false, breakdowns: [...demographic],
  }),
  metric({
    id: 'CLA-13',
    description: 'Catalogue Def: "CLA aged <8 with legal_status = s20 at snapshot; placement type; in proceedings flag; IRO-reviewed flag". Children under 8 looked after at the end of the day under section 20 (V2), by placement type. Whether they are in proceedings and reviewed by an IRO are care planning\'s records.',
    followsDfe: false, countingUnit: 'child', numerator: 'Children under 8 looked after under section 20 at the end of the day', population: 'Children looked after by the LA',
    window: 'snapshot', valueType: 'count', ratePer10000: false, breakdowns: [...demographic, 'placement-type', 'placement-provider', 'placement-location'],
  }),
  metric({
    id: 'CLA-14',
    description: `Catalogue Def: "for a sample of children who became looked after in a 6-month window … placement cost per child (min, max, total, mean excluding short stays, median); share still in care at the end of the window …". Every child who became looked after in the window (not a sample), with what their placements cost from the day they began to be looked after to the end of the window or of their care: the weekly costs recorded, each for the days it applied. The value is the mean excluding stays of less than ${SHORT_STAY_DAYS} days; total, minimum, maximum, median and those still in care are given with it. A placement with no cost recorded (with parents, placed for adoption, temporary) counts as nothing. The audit's judgements (assessed safe or at reduced risk, improved education and emotional outcomes) are not recorded, so are not given.`,
    followsDfe: false, countingUnit: 'child', numerator: 'The cost of the placements of the children who became looked after in the window, to its end',
    denominator: 'Children who became looked after in the window', population: 'Children looked after by the LA', window: 'in-period', valueType: 'mean',
    ratePer10000: false, breakdowns: [], computes: cohortCosts,
  }),
  metric({
    id: 'CLA-24a', variantOf: 'CLA-24', title: 'Remands of children looked after',
    description: 'Catalogue Def: "remand episodes (legal status = remand to LA accommodation / youth detention) starting in FY; YoY % change". Remands (legal status J1) beginning in the window: a period of care beginning on remand, or an episode on remand following one that was not. CLA-24b gives the change on the preceding window.',
    followsDfe: false, countingUnit: 'episode', numerator: 'Remands beginning in the window', population: 'Children looked after by the LA', window: 'in-period',
    valueType: 'count', ratePer10000: false, breakdowns: [...demographic, 'placement-type', 'month'],
  }, 'CLA-24'),
  metric({
    id: 'CLA-24b', variantOf: 'CLA-24', catalogueRef: 'metrics catalogue CLA-24', title: 'Remands of children looked after: change on the previous period',
    description: 'Catalogue Def: "… YoY % change": (remands in the window − remands in the preceding window) ÷ remands in the preceding window.',
    followsDfe: false, countingUnit: 'episode', numerator: 'Remands in the window minus remands in the preceding window', denominator: 'Remands in the preceding window',
    population: 'Children looked after by the LA', window: 'in-period', valueType: 'change', changeOf: 'CLA-24a', ratePer10000: false, breakdowns: [],
  }),
  metric({
    id: 'CLA-25',
    description: 'Catalogue Def: "share of CLA by ethnic group vs share of the 0–17 population". Children looked after at the end of the day (CLA-02) per 10,000 children of each ethnicity or ethnic group in the population reference, with the relative rate index against White British (or White) children.',
    followsDfe: false, countingUnit: 'child', numerator: CLA, denominator: 'Children aged 0–17 of the group (population reference)', population: 'Children of the LA aged 0–17',
    window: 'snapshot', valueType: 'rate-per-10000', ratePer10000: true, breakdowns: ['ethnic-group', 'ethnicity', 'sex', 'age-band'],
  }, 'CLA-01'),
];

/** What cannot be computed here, and why. */
export const lookedAfterUnavailableMetrics: Readonly<Record<string, string>> = {
  'CLA-12': 'Why a child became looked after is recorded as the 903 category of need; the exploitation risk (gangs, serious youth violence) that led to it is not recorded yet.',
};

// ---------------------------------------------------------------------------------------------
// The breakdowns only looked after has

const dimensionsById: Record<LookedAfterDimensionId, DimensionDefinition<LookedAfterDimensionId>> = {
  'uasc-status': {
    id: 'uasc-status', title: 'Unaccompanied asylum-seeking child', sql: 'e.uasc_status', needsColumns: ['uasc_status'],
    labelOf: labelFrom({ uasc: 'Unaccompanied asylum-seeking child', 'not-uasc': 'Not an unaccompanied asylum-seeking child' }), order: ['uasc', 'not-uasc'],
  },
  'legal-status': {
    id: 'legal-status', title: 'Legal status (903 LS)', sql: 'e.legal_status', needsColumns: ['legal_status'], labelOf: labelFrom(legalStatusCodes), order: Object.keys(legalStatusCodes),
  },
  'placement-type': {
    id: 'placement-type', title: 'Placement type (903 PLACE)', sql: 'e.placement_type', needsColumns: ['placement_type'], labelOf: labelFrom(placementTypeCodes),
    order: Object.keys(placementTypeCodes),
  },
  'placement-provider': {
    id: 'placement-provider', title: 'Placement provider (903 PLACE_PROVIDER)', sql: `coalesce(e.placement_provider, 'not-given')`, needsColumns: ['placement_provider'],
    labelOf: labelFrom({ ...placementProviderCodes, 'not-given': 'Not given (a temporary move)' }), order: [...Object.keys(placementProviderCodes), 'not-given'],
  },
  'placement-location': {
    id: 'placement-location', title: 'Placed inside or outside the council\'s area', sql: 'e.placement_location', needsColumns: ['placement_location'],
    labelOf: labelFrom({ inside: 'Inside the council\'s area', outside: 'Outside the council\'s area', 'not-known': 'Not known' }), unknownCodes: ['not-known'],
    order: ['inside', 'outside', 'not-known'],
  },
  'reason-ceased': {
    id: 'reason-ceased', title: 'Why the period of care ended (903 REC)', sql: 'e.reason_ceased', needsColumns: ['reason_ceased'], labelOf: labelFrom(reasonEpisodeCeasedCodes),
    order: Object.keys(reasonEpisodeCeasedCodes),
  },
  'secure-order-reason': {
    id: 'secure-order-reason', title: 'Risk the secure accommodation order protects from', sql: 'e.secure_order_reason', needsColumns: ['secure_order_reason'],
    multiValued: true, labelOf: (code) => code,
  },
};

export const lookedAfterDimensions: readonly DimensionDefinition<LookedAfterDimensionId>[] = lookedAfterDimensionIds.map((id) => dimensionsById[id]);
