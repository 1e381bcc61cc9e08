/**
 * Youth justice's figures: the catalogue's entries about children looked after who offend
 * (../shared/spec/metrics-catalogue.md §5: CLA-15, CLA-16, CLA-23), and youth justice's own
 * figures the catalogue does not name, each under an id of its own (YJ-01…YJ-04; the catalogue
 * lists such figures after its own entries, analytics/catalogue.ts): first-time entrants, the
 * court's remands of children and their change on the year before, and the children known to the
 * youth justice service, by ethnicity against the 10–17 population.
 *
 * CLA-24 (remands of children looked after, counted as J1 episodes) is the looked-after module's;
 * YJ-02 counts the court's remands of all children, looked after before or not.
 *
 * The children's care is read from youth_justice_care_episode: the SSDA903 episodes of the
 * looked-after state, projected by this module (projections.ts).
 */
import { childCharacteristics, labelFrom, type DimensionDefinition, type ModuleMetric } from '../../analytics/metric-definition.ts';
import { ethnicityCodes } from '../../codes/statutory-codes.ts';
import { legalStatusCodes, placementTypeCodes } from '../looked-after/index.ts';
import { convictedForOc2, formalOutcomes, remandTypeCodes } from './codes.ts';

export const youthJusticeDimensionIds = [
  'episode-legal-status', 'episode-placement-type', 'age-at-start-of-care', 'offended-before-care', 'repeat-care', 'care-experience', 'remand-type',
  'ethnicity-aged-10-to-17',
] as const;
export type YouthJusticeDimensionId = (typeof youthJusticeDimensionIds)[number];

const list = (codes: readonly string[]) => codes.map((code) => `'${code}'`).join(', ');

/** Open at the end of the day (a spell ending that day is no longer open). */
const openOn = (alias: string, start: string, on = ':to::date') => `${alias}.${start} <= ${on} AND (${alias}.ended_on IS NULL OR ${alias}.ended_on > ${on})`;

/** The SSDA903 episode of the child open at the end of the day, short breaks left out (they are counted apart). */
const episodeOpenOnTo = `ep.la_code = i.la_code AND ep.child_id = i.child_id AND NOT ep.short_breaks_only AND ${openOn('ep', 'started_on')}`;

const metricSources = {
  'CLA-15': {
    items: `
      SELECT i.child_id AS unit_id, i.child_id, :to::date AS counted_on, true AS numerator, true AS denominator,
             ep.legal_status, ep.placement_type, date_part('year', age(ep.period_started_on, ch.date_of_birth))::int AS age_at_start_of_care,
             EXISTS (SELECT 1 FROM youth_justice_offence_outcome o
                      WHERE o.la_code = i.la_code AND o.child_id = i.child_id AND o.outcome IN (${list(formalOutcomes)}) AND o.offence_on < ep.period_started_on) AS offended_before_care,
             (SELECT count(DISTINCT p.period_id)::int FROM youth_justice_care_episode p
               WHERE p.la_code = i.la_code AND p.child_id = i.child_id AND NOT p.short_breaks_only AND p.period_started_on <= :to::date) AS periods_of_care
        FROM youth_justice_involvement i
        JOIN youth_justice_care_episode ep ON ${episodeOpenOnTo}
        LEFT JOIN child ch ON ch.la_code = i.la_code AND ch.child_id = i.child_id
       WHERE i.la_code = :laCode AND ${openOn('i', 'started_on')}`,
    columns: ['legal_status', 'placement_type', 'age_at_start_of_care', 'offended_before_care', 'periods_of_care'],
    oneRowPerUnit: true,
  },
  'CLA-16': {
    items: `
      SELECT i.child_id AS unit_id, i.child_id, :to::date AS counted_on, care.experience <> 'never-looked-after' AS numerator, true AS denominator,
             care.experience AS care_experience
        FROM youth_justice_involvement i
        CROSS JOIN LATERAL (
          SELECT CASE WHEN bool_or(${openOn('ep', 'started_on')}) THEN 'looked-after-now'
                      WHEN count(*) > 0 THEN 'previously-looked-after' ELSE 'never-looked-after' END AS experience
            FROM youth_justice_care_episode ep
           WHERE ep.la_code = i.la_code AND ep.child_id = i.child_id AND NOT ep.short_breaks_only AND ep.started_on <= :to::date) care
       WHERE i.la_code = :laCode AND ${openOn('i', 'started_on')}`,
    columns: ['care_experience'],
    oneRowPerUnit: true,
  },
  'CLA-23': {
    // SSDA903 OC2: looked after continuously for 12 months or more at 31 March (the window's last
    // day), aged 10 or over then, short breaks left out; CONVICTED when convicted, or given a final
    // warning, reprimand, youth caution or youth conditional caution, in the year.
    items: `
      SELECT DISTINCT ON (ep.child_id) ep.child_id AS unit_id, ep.child_id, :to::date AS counted_on,
             EXISTS (SELECT 1 FROM youth_justice_offence_outcome o
                      WHERE o.la_code = ep.la_code AND o.child_id = ep.child_id AND o.outcome IN (${list(convictedForOc2)})
                        AND o.outcome_on BETWEEN (:to::date - interval '12 months' + interval '1 day')::date AND :to::date) AS numerator,
             true AS denominator, ep.legal_status, ep.placement_type
        FROM youth_justice_care_episode ep
        JOIN child ch ON ch.la_code = ep.la_code AND ch.child_id = ep.child_id
       WHERE ep.la_code = :laCode AND NOT ep.short_breaks_only
         AND ep.period_started_on <= (:to::date - interval '12 months')::date AND (ep.period_ceased_on IS NULL OR ep.period_ceased_on > :to::date)
         AND ${openOn('ep', 'started_on')}
         AND date_part('year', age(:to::date, ch.date_of_birth)) BETWEEN 10 AND 17
       ORDER BY ep.child_id, ep.started_on DESC`,
    columns: ['legal_status', 'placement_type'],
    oneRowPerUnit: true,
  },
  'YJ-01': {
    // A child's first formal outcome (never a community resolution) in the window; aged 10 to 17 at the offence by the record's rules.
    items: `
      SELECT first.outcome_id::text AS unit_id, first.child_id, first.outcome_on AS counted_on, true AS numerator, true AS denominator
        FROM (SELECT DISTINCT ON (o.child_id) o.outcome_id, o.child_id, o.outcome_on
                FROM youth_justice_offence_outcome o
               WHERE o.la_code = :laCode AND o.outcome IN (${list(formalOutcomes)})
               ORDER BY o.child_id, o.outcome_on, o.outcome_id) first
       WHERE first.outcome_on BETWEEN :from::date AND :to::date`,
    columns: [],
    oneRowPerUnit: true,
  },
  'YJ-02': {
    items: `
      SELECT r.remand_id::text AS unit_id, r.child_id, r.remanded_on AS counted_on, true AS numerator, true AS denominator, r.remand_type
        FROM youth_justice_remand r
       WHERE r.la_code = :laCode AND r.remanded_on BETWEEN :from::date AND :to::date`,
    columns: ['remand_type'],
    oneRowPerUnit: true,
  },
  'YJ-04': {
    items: `
      SELECT i.child_id AS unit_id, i.child_id, :to::date AS counted_on, true AS numerator, true AS denominator
        FROM youth_justice_involvement i
       WHERE i.la_code = :laCode AND ${openOn('i', 'started_on')}`,
    columns: [],
    oneRowPerUnit: true,
  },
} as const;

const demographic = childCharacteristics;

export const youthJusticeMetrics: readonly ModuleMetric[] = [
  {
    id: 'CLA-15', domain: 'looked-after', counts: metricSources['CLA-15'],
    description: 'Catalogue Def: "CLA with open YOS/YJS involvement at snapshot, by legal status, number of episodes, placement type, age at start of last episode, and prior offending". Children looked after at the end of the day asked about (short breaks left out) whom the youth justice service is involved with then, by the legal status and placement of the episode open then, the age at which the child\'s latest period of care began, whether it is a repeat period of care (the catalogue\'s number of episodes), and whether the child had a formal offence outcome for an offence before that period began. The catalogue\'s value (20 children) came from an audit; this counts the record.',
    followsDfe: false, countingUnit: 'child', numerator: 'Children looked after and known to the youth justice service', population: 'Children looked after',
    window: 'snapshot', valueType: 'count', ratePer10000: false,
    breakdowns: [...demographic, 'episode-legal-status', 'episode-placement-type', 'age-at-start-of-care', 'offended-before-care', 'repeat-care'],
  },
  {
    id: 'CLA-16', domain: 'looked-after', counts: metricSources['CLA-16'],
    description: 'Catalogue Def: "children open to YJS at snapshot who are or were looked after ÷ children open to YJS". Children the youth justice service is involved with at the end of the day asked about who are looked after then, or were at any time before (short breaks left out), of all children it is involved with. By care-experience the three groups are shown apart.',
    followsDfe: false, countingUnit: 'child', numerator: 'Children known to the youth justice service who are or were looked after',
    denominator: 'Children known to the youth justice service', population: 'Children known to the youth justice service', window: 'snapshot',
    valueType: 'percent', ratePer10000: false, breakdowns: [...demographic, 'care-experience'],
  },
  {
    id: 'CLA-23', domain: 'looked-after', counts: metricSources['CLA-23'],
    description: 'DfE SSDA903 OC2 CONVICTED: of children looked after continuously for 12 months or more at 31 March (their period of care began on or before 31 March of the year before; short breaks left out) and aged 10 to 17 then, those convicted, or given a final warning, reprimand, youth caution or youth conditional caution, in the 12 months to 31 March. Community resolutions are not counted. Ask for a financial year: the figure is at its last day.',
    followsDfe: true, dfeNote: 'SSDA903 OC2 CONVICTED flag; DfE "Outcomes for children in need, including children looked after" (offending)',
    countingUnit: 'child', numerator: 'Children looked after 12 months or more, aged 10 to 17, convicted or cautioned in the year',
    denominator: 'Children looked after 12 months or more at 31 March aged 10 to 17', population: 'Children looked after', window: 'snapshot',
    valueType: 'percent', ratePer10000: false, breakdowns: [...demographic, 'episode-legal-status', 'episode-placement-type'],
  },
  {
    id: 'YJ-01', title: 'First-time entrants to the youth justice system', domain: 'youth-justice', counts: metricSources['YJ-01'],
    catalogueRef: 'Youth justice (not in the catalogue): YJB and MoJ first-time entrants',
    description: 'Children given their first youth caution, youth conditional caution or conviction (before April 2013 also a final warning or reprimand) in the window, as the Youth Justice Board and the Ministry of Justice count first-time entrants; a community resolution does not make a first-time entrant. The national figure is a rate per 100,000 children aged 10 to 17 (about 150 in 2023, roughly 13,000 children); this counts children of the council\'s record.',
    followsDfe: false, countingUnit: 'child', numerator: 'Children whose first formal outcome was in the window', population: 'Children aged 10 to 17',
    window: 'in-period', valueType: 'count', ratePer10000: false, breakdowns: [...demographic, 'month'],
  },
  {
    id: 'YJ-02', title: 'Court remands of children', domain: 'youth-justice', counts: metricSources['YJ-02'],
    catalogueRef: 'Youth justice (not in the catalogue): the court\'s remands (CLA-24 counts the J1 episodes of care that follow)',
    description: 'Remands of children by a court in the window, to council accommodation or to youth detention accommodation, whether or not the child was looked after before. Each remand counts once; a child remanded twice counts twice.',
    followsDfe: false, countingUnit: 'remand', numerator: 'Remands made in the window', population: 'Children of the LA',
    window: 'in-period', valueType: 'count', ratePer10000: false, breakdowns: [...demographic, 'remand-type', 'month'],
  },
  {
    id: 'YJ-03', title: 'Court remands of children, change on the year before', domain: 'youth-justice',
    catalogueRef: 'Youth justice (not in the catalogue): YJ-02 against the preceding window (the partnership\'s report gives a 25% fall in 2022/23)',
    description: '(remands in the window − remands in the preceding window of the same kind) ÷ remands in the preceding window (YJ-02 for each).',
    followsDfe: false, countingUnit: 'remand', numerator: 'Remands in the window minus remands in the preceding window', denominator: 'Remands in the preceding window',
    population: 'Children of the LA', window: 'in-period', valueType: 'change', changeOf: 'YJ-02', ratePer10000: false, breakdowns: [],
  },
  {
    id: 'YJ-04', title: 'Children known to the youth justice service', domain: 'youth-justice', counts: metricSources['YJ-04'],
    catalogueRef: 'Youth justice (not in the catalogue); by ethnicity against children aged 10 to 17, the YJB\'s disproportionality comparison (catalogue DP-23, EXP-26)',
    description: 'Children the youth justice service is involved with at the end of the day asked about. By ethnicity-aged-10-to-17 each group\'s share is compared with its share of the borough\'s children aged 10 to 17 (the population the youth justice service is for), with the relative rate index against White British children.',
    followsDfe: false, countingUnit: 'child', numerator: 'Children known to the youth justice service', population: 'Children aged 10 to 17',
    window: 'snapshot', valueType: 'count', ratePer10000: false, breakdowns: [...demographic, 'ethnicity-aged-10-to-17'],
  },
];

/** Youth justice's part of the catalogue it cannot compute, and why. */
export const youthJusticeUnavailableMetrics: Readonly<Record<string, string>> = {};

// ---------------------------------------------------------------------------------------------
// The breakdowns only youth justice has

/** The group of the population younger than the youth justice service's children. */
const AGED_UNDER_10 = 'AGED-UNDER-10';
const ageAtStartBands = { 'under-11': 'Under 11', '11-to-15': '11 to 15', '16-and-over': '16 or 17', 'not-recorded': 'Not recorded' } as const;

const dimensionsById: Record<YouthJusticeDimensionId, DimensionDefinition<YouthJusticeDimensionId>> = {
  'episode-legal-status': {
    id: 'episode-legal-status', title: 'Legal status (SSDA903)', sql: 'e.legal_status', needsColumns: ['legal_status'],
    labelOf: labelFrom(legalStatusCodes), order: Object.keys(legalStatusCodes),
  },
  'episode-placement-type': {
    id: 'episode-placement-type', title: 'Placement type (SSDA903)', sql: 'e.placement_type', needsColumns: ['placement_type'],
    labelOf: labelFrom(placementTypeCodes), order: Object.keys(placementTypeCodes),
  },
  'age-at-start-of-care': {
    id: 'age-at-start-of-care', title: 'Age when the latest period of care began', needsColumns: ['age_at_start_of_care'],
    sql: `CASE WHEN e.age_at_start_of_care IS NULL THEN 'not-recorded' WHEN e.age_at_start_of_care < 11 THEN 'under-11'
      WHEN e.age_at_start_of_care < 16 THEN '11-to-15' ELSE '16-and-over' END`,
    labelOf: labelFrom(ageAtStartBands), unknownCodes: ['not-recorded'], order: Object.keys(ageAtStartBands),
  },
  'offended-before-care': {
    id: 'offended-before-care', title: 'Offended before the period of care began', needsColumns: ['offended_before_care'],
    sql: `CASE WHEN e.offended_before_care THEN 'offended-before' ELSE 'not-before' END`,
    labelOf: labelFrom({ 'offended-before': 'A formal outcome for an offence before care', 'not-before': 'None before care' }), order: ['offended-before', 'not-before'],
  },
  'repeat-care': {
    id: 'repeat-care', title: 'First or repeat period of care', needsColumns: ['periods_of_care'],
    sql: `CASE WHEN e.periods_of_care > 1 THEN 'repeat' ELSE 'first' END`,
    labelOf: labelFrom({ first: 'First period of care', repeat: 'Looked after before (a repeat period)' }), order: ['first', 'repeat'],
  },
  'care-experience': {
    id: 'care-experience', title: 'Care experience', sql: 'e.care_experience', needsColumns: ['care_experience'],
    labelOf: labelFrom({ 'looked-after-now': 'Looked after now', 'previously-looked-after': 'Looked after before', 'never-looked-after': 'Never looked after' }),
    order: ['looked-after-now', 'previously-looked-after', 'never-looked-after'], defaultComparator: 'never-looked-after',
  },
  'remand-type': {
    id: 'remand-type', title: 'Where the child was remanded', sql: 'e.remand_type', needsColumns: ['remand_type'],
    labelOf: labelFrom(remandTypeCodes), order: Object.keys(remandTypeCodes),
  },
  'ethnicity-aged-10-to-17': {
    // The reference is the borough's children aged 10 to 17: younger children are put in a group of their own, kept out of the shares.
    id: 'ethnicity-aged-10-to-17', title: 'Ethnicity, against children aged 10 to 17', sql: `coalesce(e.ethnicity, 'NOBT')`,
    labelOf: (code) => (code === AGED_UNDER_10 ? 'Aged under 10 (not in the reference)' : labelFrom(ethnicityCodes)(code)),
    unknownCodes: ['REFU', 'NOBT', AGED_UNDER_10],
    populationSql: `CASE WHEN p.age >= 10 THEN p.ethnicity ELSE '${AGED_UNDER_10}' END`, referencePopulation: 'child-population', defaultComparator: 'WBRI',
    order: Object.keys(ethnicityCodes), demographic: true,
  },
};

export const youthJusticeDimensions: readonly DimensionDefinition<YouthJusticeDimensionId>[] = youthJusticeDimensionIds.map((id) => dimensionsById[id]);
