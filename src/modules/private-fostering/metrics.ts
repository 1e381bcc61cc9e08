/**
 * The private fostering figures of the metrics catalogue (../shared/spec/metrics-catalogue.md §11,
 * PF-01 to PF-07): each definition with the SQL that counts it over the private fostering
 * projections (and the duty projection, for the visits' timeliness), and the breakdowns only
 * private fostering has, each under its catalogue id (analytics/metric-definition.ts).
 *
 * PF-08 (record-keeping quality on the case record) is an audit judgement, not recorded: see
 * `privateFosteringUnavailableMetrics`.
 */
import {
  childCharacteristics, labelFrom as labelFromList, type DimensionDefinition, type MetricSource, type ModuleMetric,
} from '../../analytics/metric-definition.ts';
import { judgeable, metOnTime } from '../../analytics/metric-sql.ts';
import { notificationTimingCodes, notifierCodes, privateFosteringReasonCodes } from './codes.ts';
import { nationalityCodes } from './nationalities.ts';
import type { PrivateFosteringTimescaleRuleId } from './timescales.ts';

export const privateFosteringDimensionIds = ['notified-by', 'notification-timing', 'notification-decision', 'private-fostering-reason', 'nationality', 'visit-schedule'] as const;
export type PrivateFosteringDimensionId = (typeof privateFosteringDimensionIds)[number];

// ---------------------------------------------------------------------------------------------
// The SQL

const notificationColumns = ['notified_by', 'timing', 'decision'] as const;
const notificationSelect = 'n.notified_by, n.timing, n.decision';

const notificationsReceived = (numerator: string, denominator = 'true') => `
  SELECT n.notification_id::text AS unit_id, n.child_id, n.received_on AS counted_on, ${numerator} AS numerator, ${denominator} AS denominator, ${notificationSelect}
    FROM private_fostering_notification n
   WHERE n.la_code = :laCode AND n.received_on BETWEEN :from::date AND :to::date`;

/** The visit duties of regulation 8, by the part of the arrangement they belong to. */
const visitRules = {
  'private-fostering-visits-every-6-weeks-in-first-year': 'first-year',
  'private-fostering-visits-every-12-weeks-after-first-year': 'later-years',
} as const satisfies Partial<Record<PrivateFosteringTimescaleRuleId, string>>;

const metricSources: Readonly<Record<string, MetricSource>> = {
  'PF-01': { items: notificationsReceived('true'), columns: notificationColumns, oneRowPerUnit: true },
  'PF-02': {
    items: notificationsReceived(`n.decision = 'private-fostering'`),
    columns: notificationColumns,
    oneRowPerUnit: true,
    additional: { awaitingDecision: 'count(*) FILTER (WHERE decision IS NULL)' },
  },
  'PF-03': {
    items: notificationsReceived('coalesce(n.forwarded_on <= n.received_on + 7, false)', 'NOT (n.forwarded_on IS NULL AND :judgedOn::date <= n.received_on + 7)'),
    columns: notificationColumns,
    oneRowPerUnit: true,
  },
  'PF-04': {
    // The initial visit's duty starts the day the notification is received, and is about it.
    items: `
      SELECT d.subject_id AS unit_id, d.child_id, d.started_on AS counted_on, ${metOnTime} AS numerator, ${judgeable} AS denominator, ${notificationSelect}
        FROM duty d
        JOIN private_fostering_notification n ON n.la_code = d.la_code AND n.notification_id = d.subject_id::uuid
       WHERE d.la_code = :laCode AND d.rule_id = 'private-fostering-initial-visit-within-7-working-days' AND d.occurrence = 1
         AND d.started_on BETWEEN :from::date AND :to::date AND n.decision = 'private-fostering'`,
    columns: notificationColumns,
    oneRowPerUnit: true,
  },
  'PF-05': {
    items: `
      SELECT d.subject_id || '#' || d.rule_id || '#' || d.occurrence AS unit_id, d.child_id, d.due_on AS counted_on,
             ${metOnTime} AS numerator, ${judgeable} AS denominator,
             CASE d.rule_id ${Object.entries(visitRules).map(([rule, schedule]) => `WHEN '${rule}' THEN '${schedule}'`).join(' ')} END AS visit_schedule
        FROM duty d
       WHERE d.la_code = :laCode AND d.rule_id IN (${Object.keys(visitRules).map((rule) => `'${rule}'`).join(', ')})
         AND d.due_on BETWEEN :from::date AND :to::date`,
    columns: ['visit_schedule'],
    oneRowPerUnit: true,
  },
  'PF-06': {
    items: `
      SELECT a.arrangement_id::text AS unit_id, a.child_id, :to::date AS counted_on,
             EXISTS (SELECT 1 FROM private_fostering_review r
                      WHERE r.la_code = a.la_code AND r.arrangement_id = a.arrangement_id
                        AND r.reviewed_on > (:to::date - interval '12 months')::date AND r.reviewed_on <= :to::date) AS numerator,
             true AS denominator, a.reason, a.nationality
        FROM private_fostering_arrangement a
       WHERE a.la_code = :laCode AND a.confirmed_on <= :to::date AND (a.ended_on IS NULL OR a.ended_on > :to::date)
         AND a.counts_from <= (:to::date - interval '12 months')::date`,
    columns: ['reason', 'nationality'],
    oneRowPerUnit: true,
  },
  'PF-07': {
    items: `
      SELECT a.arrangement_id::text AS unit_id, a.child_id, least(:to::date, coalesce(a.ended_on, :to::date)) AS counted_on,
             true AS numerator, true AS denominator, a.reason, a.nationality
        FROM private_fostering_arrangement a
       WHERE a.la_code = :laCode AND a.started_on <= :to::date AND (a.ended_on IS NULL OR a.ended_on >= :from::date)`,
    columns: ['reason', 'nationality'],
    oneRowPerUnit: true,
  },
};

// ---------------------------------------------------------------------------------------------
// The definitions

/** A figure of private fostering: its definition, and the SQL of the rows it counts (below). */
const metric = (input: Omit<ModuleMetric, 'domain' | 'counts'>): ModuleMetric => ({ ...input, domain: 'private-fostering', counts: metricSources[input.id] });

const REGULATIONS = 'Children (Private Arrangements for Fostering) Regulations 2005';
const demographic = childCharacteristics;
const notificationDimensions = ['notified-by', 'notification-timing', 'notification-decision'] as const;

export const privateFosteringMetrics: readonly ModuleMetric[] = [
  metric({
    id: 'PF-01',
    description: 'Catalogue Def: "PFNotification records received in the FY". Notifications received in the window, whoever made them; a notification later found not to be private fostering still counts, as does one still being looked into.',
    followsDfe: false, countingUnit: 'private-fostering-notification', numerator: 'Notifications of private fostering received in the window',
    population: 'Private fostering notifications about children of the LA', window: 'in-period', valueType: 'count', ratePer10000: false,
    breakdowns: [...demographic, ...notificationDimensions, 'month'],
  }),
  metric({
    id: 'PF-02',
    description: 'Catalogue Def: "notifications assessed as meeting the PF definition (child <16, or <18 if disabled, cared for ≥28 days by someone who is not a close relative, guardian or person with parental responsibility) ÷ notifications". Notifications received in the window whose arrangement was confirmed as private fostering, of all notifications received in it; those still awaiting a decision are counted in the denominator and given separately (awaitingDecision).',
    followsDfe: false, countingUnit: 'private-fostering-notification', numerator: 'Notifications received in the window found to be private fostering',
    denominator: 'Notifications received in the window', population: 'Private fostering notifications about children of the LA', window: 'in-period',
    valueType: 'percent', ratePer10000: false, breakdowns: [...demographic, 'notified-by', 'notification-timing', 'month'],
  }),
  metric({
    id: 'PF-03',
    description: 'Catalogue Def: "notifications forwarded to CIN ≤7 days after receipt ÷ notifications". Notifications received in the window that the front door forwarded to the children in need service within 7 calendar days (day 0 the day received). One not yet forwarded counts as late once its 7 days are past; one still within them when the figures are run is left out.',
    followsDfe: false, countingUnit: 'private-fostering-notification', numerator: 'Notifications received in the window forwarded within 7 days',
    denominator: 'Notifications received in the window, less those not yet forwarded and still within 7 days', population: 'Private fostering notifications about children of the LA',
    window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'Forwarded to the children in need service within 7 days of receipt', amount: 7, unit: 'calendar-days', source: 'ISCP annual report 2022–24 p20 ("typically within 7 days"); catalogue §23.2 W1 and W11' },
    breakdowns: [...demographic, 'notified-by', 'notification-timing', 'notification-decision', 'month'],
  }),
  metric({
    id: 'PF-04',
    description: 'Catalogue Def (regs): "initial visits completed ≤7 WD after notification ÷ new arrangements". Notifications received in the window that were found to be private fostering (new arrangements), whose first visit was made within 7 working days of the notification (day 0 the day received; England and Wales bank holidays are not working days). An arrangement not yet visited counts as late once its 7 working days are past.',
    followsDfe: false, countingUnit: 'private-fostering-arrangement', numerator: 'New arrangements visited within 7 working days of the notification',
    denominator: 'New arrangements (notifications received in the window found to be private fostering), less those still within the timescale',
    population: 'Private fostering arrangements', window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'Initial visit within 7 working days of the notification', dutyRuleId: 'private-fostering-initial-visit-within-7-working-days', amount: 7, unit: 'working-days', source: `${REGULATIONS} regs 3–4 and 7; statutory-data §5 rows 20–21` },
    breakdowns: [...demographic, 'notified-by', 'notification-timing', 'month'],
  }),
  metric({
    id: 'PF-05',
    description: 'Catalogue Def (regs): "monitoring visits done by their due date (≤6-weekly in year 1, ≤12-weekly after) ÷ visits due". Visits due in the window (each interval the duties of regulation 8 set, from the previous visit at which the child was seen) made by their due date. A visit owed and not made counts as late once due; one no longer owed because the arrangement ended before it fell due is left out.',
    followsDfe: false, countingUnit: 'private-fostering-visit', numerator: 'Visits due in the window made by their due date',
    denominator: 'Visits due in the window, less those no longer owed', population: 'Visits owed to privately fostered children', window: 'in-period',
    valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'A visit at least every 6 weeks in the first year of the arrangement, every 12 weeks after', dutyRuleId: 'private-fostering-visits-every-6-weeks-in-first-year', amount: 6, unit: 'weeks', source: `${REGULATIONS} reg 8; statutory-data §5 row 22` },
    breakdowns: [...demographic, 'visit-schedule', 'month'],
  }),
  metric({
    id: 'PF-06',
    description: 'Catalogue Def: "long-term arrangements reviewed at ACRP in the last 12 months ÷ long-term arrangements". Arrangements in force at the end of the day asked about that have lasted 12 months or more (counted from when the council knew of them), of which those reviewed at the panel in the 12 months to that day.',
    followsDfe: false, countingUnit: 'private-fostering-arrangement', numerator: 'Long-term arrangements reviewed at the panel in the last 12 months',
    denominator: 'Arrangements in force that have lasted 12 months or more', population: 'Private fostering arrangements', window: 'snapshot',
    valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'Review at the panel every 12 months (local)', dutyRuleId: 'private-fostering-annual-review', amount: 12, unit: 'months', source: 'ISCP annual report 2022–24 p20 (recommendation)' },
    breakdowns: [...demographic, 'private-fostering-reason', 'nationality'],
  }),
  metric({
    id: 'PF-07', title: 'Privately fostered children by reason',
    description: 'Catalogue PF-07 ("PF demographics and reasons … [BRK:reason]"): arrangements in force at any point in the window by why the child is privately fostered (CIN census factors 8B–8F), and by the child\'s characteristics and nationality. The partnership\'s report draws no conclusions from so few children; small numbers are suppressed as everywhere.',
    followsDfe: false, countingUnit: 'private-fostering-arrangement', numerator: 'Arrangements in force at any point in the window with the reason',
    denominator: 'Arrangements in force at any point in the window', population: 'Private fostering arrangements', window: 'any-point-in-period',
    valueType: 'distribution', category: 'private-fostering-reason', ratePer10000: false, breakdowns: [...demographic, 'nationality'],
  }),
];

/** What cannot be computed, and why (the catalogue's unavailable entries). */
export const privateFosteringUnavailableMetrics: Readonly<Record<string, string>> = {
  'PF-08': 'An audit judgement of the quality of private fostering records, not recorded.',
};

// ---------------------------------------------------------------------------------------------
// The breakdowns only private fostering has

const NOT_RECORDED = 'not-recorded';
const labelFrom = (list: Readonly<Record<string, string>>) => labelFromList(list);

const dimensionsById: Record<PrivateFosteringDimensionId, DimensionDefinition<PrivateFosteringDimensionId>> = {
  'notified-by': {
    id: 'notified-by', title: 'Who notified the council', sql: `coalesce(e.notified_by, '${NOT_RECORDED}')`, needsColumns: ['notified_by'],
    labelOf: labelFrom(notifierCodes), order: Object.keys(notifierCodes),
  },
  'notification-timing': {
    id: 'notification-timing', title: 'Notified before or after the arrangement began', sql: 'e.timing', needsColumns: ['timing'],
    labelOf: labelFrom(notificationTimingCodes), order: Object.keys(notificationTimingCodes),
  },
  'notification-decision': {
    id: 'notification-decision', title: 'Whether it was private fostering', sql: `coalesce(e.decision, 'awaiting-decision')`, needsColumns: ['decision'],
    labelOf: labelFrom({ 'private-fostering': 'Private fostering', 'not-private-fostering': 'Not private fostering', 'awaiting-decision': 'Not yet decided' }),
    order: ['private-fostering', 'not-private-fostering', 'awaiting-decision'],
  },
  'private-fostering-reason': {
    id: 'private-fostering-reason', title: 'Why the child is privately fostered (CIN census 8B–8F)', sql: 'e.reason', needsColumns: ['reason'],
    labelOf: labelFrom(privateFosteringReasonCodes), order: Object.keys(privateFosteringReasonCodes),
  },
  nationality: {
    id: 'nationality', title: 'Nationality', sql: `coalesce(e.nationality, '${NOT_RECORDED}')`, needsColumns: ['nationality'],
    labelOf: labelFrom(nationalityCodes), unknownCodes: ['other-and-unknown', NOT_RECORDED],
  },
  'visit-schedule': {
    id: 'visit-schedule', title: 'First year of the arrangement or later', sql: 'e.visit_schedule', needsColumns: ['visit_schedule'],
    labelOf: labelFrom({ 'first-year': 'First year (every 6 weeks)', 'later-years': 'Later years (every 12 weeks)' }), order: ['first-year', 'later-years'],
  },
};

export const privateFosteringDimensions: readonly DimensionDefinition<PrivateFosteringDimensionId>[] = privateFosteringDimensionIds.map((id) => dimensionsById[id]);
