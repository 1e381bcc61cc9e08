/**
 * The timescales of private fostering, as data for the timescale engine: the initial visit, the
 * visits while the arrangement lasts (every 6 weeks in its first year, every 12 weeks after) and
 * the annual review. Sources are the statutory timescales table (../shared/spec/statutory-data.md
 * §5, cited as "table row N"). Every duty's subject is the notification, so a figure can join a
 * duty to the notification and arrangement it is about.
 *
 * Regulation 8 changes the interval after the first year. The engine knows one interval per rule,
 * so the record marks the visit that begins the later years (`firstVisitOfLaterYears`, worked out by
 * the fold): it meets the last 6-weekly visit and ends that rule, and starts the 12-weekly one.
 */
import type { TimescaleRule } from '../../timescales/timescale-rule.ts';

/** The Children (Private Arrangements for Fostering) Regulations 2005 came into force. */
const PRIVATE_FOSTERING_REGULATIONS_2005 = '2005-07-01';

const REGULATIONS = 'Children (Private Arrangements for Fostering) Regulations 2005 (SI 2005/1533)';

const visit = 'private-fostering.visit-made';
const aboutTheNotification = { dataField: 'notificationId' } as const;
const arrangementEnded = { eventType: 'private-fostering.arrangement-ended' } as const;
/** A visit counts towards the intervals when the child is seen. */
const childSeen = { eventType: visit, when: { childSeen: true } } as const;

export const privateFosteringTimescaleRules = [
  {
    id: 'private-fostering-initial-visit-within-7-working-days',
    title: 'Visit within 7 working days of a private fostering notification',
    clockStart: { eventType: 'private-fostering.notified' },
    due: { amount: 7, unit: 'working-days' },
    metBy: [{ eventType: visit, when: { visitKind: 'initial' }, link: 'notificationId' }],
    // Found not to be private fostering, or ended, before anyone visited: no visit is owed.
    cancelledBy: [{ eventType: 'private-fostering.notification-closed', link: 'notificationId' }, arrangementEnded],
    source: `Table row 20 (and row 21): ${REGULATIONS} regs 3–4 and 7 (a visit within 7 working days of the notification of a proposed or an existing arrangement; the number of the regulation for existing arrangements is unverified)`,
    local: false,
    effectiveFrom: PRIVATE_FOSTERING_REGULATIONS_2005,
  },
  {
    id: 'private-fostering-visits-every-6-weeks-in-first-year',
    title: 'Visit a privately fostered child at least every 6 weeks in the first year of the arrangement',
    clockStart: { eventType: 'private-fostering.arrangement-confirmed' },
    subject: aboutTheNotification,
    // The interval runs from the last visit before the arrangement was confirmed (the initial visit).
    clockFrom: { eventType: visit, clearedBy: ['private-fostering.notified'] },
    due: { amount: 6, unit: 'weeks' },
    recurrence: { amount: 6, unit: 'weeks', from: 'previous-occurrence' },
    metBy: [childSeen],
    cancelledBy: [arrangementEnded, { eventType: visit, when: { firstVisitOfLaterYears: true } }],
    source: `Table row 22: ${REGULATIONS} reg 8 (text checked): visits at intervals of not more than 6 weeks in the first year, the arrangement counting from when the council became aware of it; the child spoken to alone; a written report after each visit`,
    local: false,
    effectiveFrom: PRIVATE_FOSTERING_REGULATIONS_2005,
  },
  {
    id: 'private-fostering-visits-every-12-weeks-after-first-year',
    title: 'Visit a privately fostered child at least every 12 weeks after the first year of the arrangement',
    clockStart: { eventType: visit, when: { firstVisitOfLaterYears: true } },
    subject: aboutTheNotification,
    due: { amount: 12, unit: 'weeks' },
    recurrence: { amount: 12, unit: 'weeks', from: 'previous-occurrence' },
    metBy: [childSeen],
    cancelledBy: [arrangementEnded],
    source: `Table row 22: ${REGULATIONS} reg 8 (text checked): visits at intervals of not more than 12 weeks in the second and later years of the arrangement`,
    local: false,
    effectiveFrom: PRIVATE_FOSTERING_REGULATIONS_2005,
  },
  {
    id: 'private-fostering-annual-review',
    title: 'Review a private fostering arrangement at the panel every 12 months while it lasts',
    clockStart: { eventType: 'private-fostering.arrangement-confirmed' },
    subject: aboutTheNotification,
    due: { amount: 12, unit: 'months' },
    recurrence: { amount: 12, unit: 'months', from: 'previous-occurrence' },
    metBy: [{ eventType: 'private-fostering.arrangement-reviewed' }],
    cancelledBy: [arrangementEnded],
    source: 'Local practice (L): the partnership\'s private fostering report recommends an annual review of long-term arrangements at the panel (ISCP annual report 2022–24 p20; metrics catalogue PF-06); no national timescale',
    local: true,
    effectiveFrom: PRIVATE_FOSTERING_REGULATIONS_2005,
  },
] as const satisfies readonly TimescaleRule[];

export type PrivateFosteringTimescaleRuleId = (typeof privateFosteringTimescaleRules)[number]['id'];

/** The rules whose duties are visits to the child (the worklist's "next visit due"). */
export const privateFosteringVisitRuleIds: readonly PrivateFosteringTimescaleRuleId[] = [
  'private-fostering-initial-visit-within-7-working-days',
  'private-fostering-visits-every-6-weeks-in-first-year',
  'private-fostering-visits-every-12-weeks-after-first-year',
];
