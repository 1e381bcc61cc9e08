/**
 * The front door's figures (catalogue section 1): contacts received, their sources, reasons and
 * decisions, MASH checks, the timeliness of decisions, and the referrals and assessments that
 * follow a contact (re-referrals, no further action after assessment). Each metric's definition,
 * its SQL and its breakdowns are together under its catalogue id; the contact's own breakdowns
 * (source, local source, reason, decision) are this module's.
 */
import { contactReasonCodes, localContactSources, referralSourceCodes } from '../../codes/statutory-codes.ts';
import {
  allocationBreakdowns, childCharacteristics, codeOrder, labelFrom, labelFromWords, notRecorded, type DimensionDefinition, type MetricSource, type ModuleMetric,
} from '../../analytics/metric-definition.ts';
import { dutyTimelinessSource } from '../../analytics/metric-sql.ts';
import { frontDoorDecisions } from './events.ts';

const WT23_CH3 = 'Working Together to Safeguard Children 2023, chapter 3';

/** The contact's own breakdowns. */
export const frontDoorDimensions = [
  {
    id: 'source', title: 'Source (DfE referral source)', sql: `coalesce(e.source, '10')`, needsColumns: ['source'],
    labelOf: labelFrom(referralSourceCodes), order: codeOrder(referralSourceCodes),
  },
  {
    id: 'local-source', title: 'Source (local list)', sql: `coalesce(e.local_source, '${notRecorded}')`, needsColumns: ['local_source'],
    labelOf: labelFrom(localContactSources, (value) => (value as { label: string }).label), order: Object.keys(localContactSources),
  },
  { id: 'reason', title: 'Primary reason for the contact', sql: 'e.reason', needsColumns: ['reason'], labelOf: labelFrom(contactReasonCodes), order: Object.keys(contactReasonCodes) },
  {
    id: 'decision', title: 'Front-door decision', sql: `coalesce(e.decision, 'not-yet-decided')`, needsColumns: ['decision'],
    labelOf: (code) => (code === 'not-yet-decided' ? 'Not yet decided' : labelFromWords(frontDoorDecisions)(code)), order: [...frontDoorDecisions, 'not-yet-decided'],
  },
] as const satisfies readonly DimensionDefinition[];

const contactBreakdowns = ['source', 'local-source', 'reason', 'decision'] as const;
const contactColumns = ['source', 'local_source', 'reason', 'decision'] as const;
const contactSelect = `c.source, c.local_source, c.primary_reason AS reason, c.decision`;

/** Contacts received in the window, each once, in the numerator when `numerator` holds. */
const contactsReceived = (numerator: string): MetricSource => ({
  items: `
    SELECT c.contact_id::text AS unit_id, c.child_id, c.received_on AS counted_on, ${numerator} AS numerator, true AS denominator, ${contactSelect}
      FROM contact c
     WHERE c.la_code = :laCode AND c.received_on BETWEEN :from::date AND :to::date`,
  columns: contactColumns,
  oneRowPerUnit: true,
});

const contactDecisionRule = 'contact-decision-within-1-working-day';

/** The front door's catalogue entries not computed yet, and why. */
export const frontDoorUnavailableMetrics: Readonly<Record<string, string>> = {
  'FD-06': 'Early help episodes are not recorded: a contact decided as early help is the only trace, and a step-up needs the early help episode and its end.',
  'FD-10': 'Consent to early help is not recorded.',
  'FD-12': 'There is no gangs or serious youth violence contact reason in the code list yet (the catalogue\'s EXP-06).',
};

export const frontDoorMetrics: readonly ModuleMetric[] = [
  {
    id: 'FD-01', domain: 'front-door',
    description: 'Catalogue Def: "count of Contact records with received_at in the window. A contact is a request for a service about one child; n children in one request = n contacts."',
    followsDfe: false, countingUnit: 'contact', numerator: 'Contacts received in the window', population: 'Contacts about children of the LA',
    window: 'in-period', valueType: 'count', ratePer10000: true,
    breakdowns: [...childCharacteristics, ...contactBreakdowns, 'month'],
    counts: contactsReceived('true'),
  },
  {
    id: 'FD-02', domain: 'front-door',
    description: 'Catalogue Def: "(contacts FY_n − contacts FY_n−1) ÷ contacts FY_n−1". Computed for any window against the preceding window of the same kind (the previous financial year for FY2023-24).',
    followsDfe: false, countingUnit: 'contact', numerator: 'Contacts received in the window minus contacts in the preceding window',
    denominator: 'Contacts received in the preceding window', population: 'Contacts about children of the LA', window: 'in-period',
    valueType: 'change', changeOf: 'FD-01', ratePer10000: false, breakdowns: [],
  },
  {
    id: 'FD-03', domain: 'front-door',
    description: 'Catalogue Def: "contacts in window with source_category = s ÷ all contacts in window". Sources are the CIN census referral source codes (1A–10), so the shares compare with DfE\'s referrals by source; the finer local list (schools, Education Welfare Service, …) is the local-source breakdown.',
    followsDfe: false, countingUnit: 'contact',
    numerator: 'Contacts received in the window from the source', denominator: 'All contacts received in the window', population: 'Contacts about children of the LA',
    window: 'in-period', valueType: 'distribution', category: 'source', ratePer10000: false,
    breakdowns: [...childCharacteristics, 'local-source', 'reason', 'decision', 'month'],
    counts: contactsReceived('true'),
  },
  {
    id: 'FD-04', domain: 'front-door',
    description: 'Catalogue Def: "contacts in window with primary reason r ÷ all contacts in window" (the primary reason; other reasons are not counted here).',
    followsDfe: false, countingUnit: 'contact', numerator: 'Contacts received in the window with the primary reason', denominator: 'All contacts received in the window',
    population: 'Contacts about children of the LA', window: 'in-period', valueType: 'distribution', category: 'reason', ratePer10000: false,
    breakdowns: [...childCharacteristics, 'source', 'local-source', 'decision', 'month'],
    counts: contactsReceived('true'),
  },
  {
    id: 'FD-05', domain: 'front-door',
    description: 'Catalogue Def: "contacts in window whose CSCT decision = o ÷ all contacts in window". Outcomes: early help, referral to statutory social care, no further action, information and advice; contacts not yet decided are shown as such, so the outcomes add up to the contacts.',
    followsDfe: false, countingUnit: 'contact', numerator: 'Contacts received in the window with the decision', denominator: 'All contacts received in the window',
    population: 'Contacts about children of the LA', window: 'in-period', valueType: 'distribution', category: 'decision', ratePer10000: false,
    breakdowns: [...childCharacteristics, 'source', 'local-source', 'reason', 'month'],
    counts: contactsReceived('true'),
  },
  {
    id: 'FD-07', domain: 'front-door',
    description: 'Catalogue Def (DfE): "referrals in FY where the child had a previous referral within the 12 months before ÷ referrals in FY". A previous referral counts when it was made on or after the date 12 calendar months before this one.',
    followsDfe: true, dfeNote: 'DfE CIN statistics "re-referrals within 12 months of a previous referral".', countingUnit: 'referral',
    numerator: 'Referrals in the window where the child had another referral in the 12 months before', denominator: 'Referrals in the window',
    population: 'Referrals to children\'s social care (children-in-need episodes)', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...childCharacteristics, 'source', ...allocationBreakdowns, 'month'],
    counts: {
      items: `
        SELECT e.episode_id::text AS unit_id, e.child_id, e.referral_on AS counted_on,
               EXISTS (SELECT 1 FROM cin_episode p
                        WHERE p.la_code = e.la_code AND p.child_id = e.child_id AND p.episode_id <> e.episode_id
                          AND p.referral_on >= (e.referral_on - interval '12 months')::date
                          -- Episodes never overlap: an earlier referral is one whose episode had closed by this one.
                          AND p.closed_on IS NOT NULL AND p.closed_on <= e.referral_on
                          AND (p.referral_on < e.referral_on OR (e.closed_on IS NULL OR e.closed_on > e.referral_on))) AS numerator,
               true AS denominator, e.source
          FROM cin_episode e
         WHERE e.la_code = :laCode AND e.referral_on BETWEEN :from::date AND :to::date`,
      columns: ['source'],
      oneRowPerUnit: true,
    },
  },
  {
    id: 'FD-08', domain: 'front-door',
    description: 'Catalogue Def: "assessments completed in window with outcome NFA ÷ assessments completed" (also CIN-05). An assessment is completed on the date a manager authorised it.',
    followsDfe: false, countingUnit: 'assessment', numerator: 'Assessments completed in the window with the outcome no further action',
    denominator: 'Assessments completed in the window', population: 'Child and family assessments', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...childCharacteristics, 'assessment-outcome', 'factor', ...allocationBreakdowns, 'month'],
    counts: {
      items: `
        SELECT a.assessment_id::text AS unit_id, a.child_id, a.completed_on AS counted_on, a.outcome = 'no-further-action' AS numerator, true AS denominator,
               a.outcome AS assessment_outcome, coalesce(a.factors, '{}'::text[]) AS factors
          FROM assessment a
         WHERE a.la_code = :laCode AND a.completed_on BETWEEN :from::date AND :to::date`,
      columns: ['assessment_outcome', 'factors'],
      oneRowPerUnit: true,
    },
  },
  {
    id: 'FD-09', domain: 'front-door',
    description: 'Catalogue Def: "contacts … where a MASH multi-agency information check was carried out ÷ contacts in sample/window". A contact counts when at least one MASH check on it was completed.',
    followsDfe: false, countingUnit: 'contact', numerator: 'Contacts received in the window with at least one completed MASH check',
    denominator: 'Contacts received in the window', population: 'Contacts about children of the LA', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...childCharacteristics, ...contactBreakdowns, 'month'],
    counts: contactsReceived('c.mash_checks_completed > 0'),
  },
  {
    id: 'FD-11', domain: 'front-door', title: 'Physical-abuse contacts',
    description: 'Catalogue Def: "Contact records … with reason = physical abuse, excluding children already open to CIN/CLA teams. Also count distinct children, and children with 2 and with 3 such referrals." Physical abuse as the primary or any other reason; a child is open when a children-in-need episode is open on the day the contact is received. The catalogue quotes calendar 2023 (CY2023); any window can be asked for.',
    followsDfe: false, countingUnit: 'contact', numerator: 'Contacts with physical abuse as a reason about children not open to children\'s social care that day',
    population: 'Contacts about children of the LA', window: 'in-period', valueType: 'count', ratePer10000: true,
    breakdowns: [...childCharacteristics, 'source', 'local-source', 'decision', 'month'],
    counts: {
      items: `
        SELECT c.contact_id::text AS unit_id, c.child_id, c.received_on AS counted_on, true AS numerator, true AS denominator, ${contactSelect},
               count(*) OVER (PARTITION BY c.child_id) AS contacts_of_child
          FROM contact c
         WHERE c.la_code = :laCode AND c.received_on BETWEEN :from::date AND :to::date
           AND (c.primary_reason = 'physical-abuse' OR 'physical-abuse' = ANY(c.other_reasons))
           -- Children already open to children's social care at the start of the day are left out.
           AND NOT EXISTS (SELECT 1 FROM cin_episode e
                            WHERE e.la_code = c.la_code AND e.child_id = c.child_id
                              AND e.referral_on < c.received_on AND (e.closed_on IS NULL OR e.closed_on >= c.received_on))`,
      columns: contactColumns,
      oneRowPerUnit: true,
      additional: {
        children: 'count(DISTINCT child_id)',
        childrenWithTwoContacts: 'count(DISTINCT child_id) FILTER (WHERE contacts_of_child = 2)',
        childrenWithThreeOrMoreContacts: 'count(DISTINCT child_id) FILTER (WHERE contacts_of_child >= 3)',
      },
    },
  },
  {
    id: 'FD-13', domain: 'front-door',
    description: 'Catalogue Def: "contacts with outcome_at − received_at ≤ 1 WD ÷ contacts". Contacts received in the window, decided on or before the working day after the day received (day 0 is the day received; England and Wales bank holidays are not working days). A contact still undecided counts as late once its day is past; one not yet due when the figures are run is left out.',
    followsDfe: false, countingUnit: 'contact', numerator: 'Contacts received in the window decided within 1 working day',
    denominator: 'Contacts received in the window, less those not yet due a decision', population: 'Contacts about children of the LA',
    window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'Decision within 1 working day of the contact', dutyRuleId: contactDecisionRule, amount: 1, unit: 'working-days', source: WT23_CH3 },
    breakdowns: [...childCharacteristics, ...contactBreakdowns, 'month'],
    // A contact's duty starts on the day the contact is received, so the duties started in the
    // window are the contacts received in it (duty_by_rule finds them).
    counts: dutyTimelinessSource(contactDecisionRule, { table: 'contact', alias: 'c', key: 'contact_id', select: contactSelect, columns: contactColumns }),
  },
];
