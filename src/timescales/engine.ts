/**
 * The timescale engine: a child's effective events and the timescale rules in, duties out.
 * Pure: no clock, no storage. The status of a duty on a given day is `dutyStatusAsAt`.
 *
 * Counting convention. Day 0 is the day of the event that starts the clock, so a 1 working day
 * timescale on a Monday is due on Tuesday, and a clock started on a weekend or bank holiday counts
 * the first working day after it as day 1. The statutory guidance sets no convention; DfE's CIN
 * validator counts the start day as day 1, a target one working day earlier. Pass
 * `{ startDayConvention: 'trigger-day-is-day-1' }` to count that way. The convention applies to
 * working-day and calendar-day timescales; weeks, months ("within 3 months of D" is on or before
 * D + 3 months) and hours are unaffected.
 */
import { isIsoDateTime, type Calendar, type IsoDate, type IsoDateTime } from '../platform/calendar/calendar.ts';
import type { EventMatcher, Timescale, TimescaleRule, TimeUnit } from './timescale-rule.ts';

/** What the engine needs of an event; the module event types have these fields and more. */
export interface TimedEvent {
  eventId: string;
  childId: string;
  type: string;
  /** IsoDate, or an ISO date-time with 'Z' or an offset. */
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface Duty {
  ruleId: string;
  childId: string;
  /** What the duty is about: a contact, an assessment, a section 47 enquiry, a plan … */
  subjectId: string;
  /** 1 for the first occurrence; recurring rules count up. */
  occurrence: number;
  /** The day the duty came into being: its clock-start event's date, or the date the previous occurrence was met. */
  openedOn: IsoDate;
  openedByEventId: string;
  /**
   * The day the clock runs from; before `openedOn` when the rule has `clockFrom` (an assessment's
   * clock runs from the referral).
   */
  startedOn: IsoDate;
  /** Hour rules, when the start is known to the minute. */
  startedAt?: IsoDateTime;
  /** The unit of this occurrence's timescale: working-day rules count working days left and late. */
  unit: TimeUnit;
  dueOn: IsoDate;
  /** Hour rules, when the start is known to the minute: the exact instant. */
  dueAt?: IsoDateTime;
  closedOn?: IsoDate;
  /** The closing event's instant, when it has one. */
  closedAt?: IsoDateTime;
  closure?: 'met' | 'cancelled';
  closedByEventId?: string;
}

export type StartDayConvention = 'trigger-day-is-day-0' | 'trigger-day-is-day-1';

export interface ComputeDutiesOptions {
  /** Default 'trigger-day-is-day-0'; see the note at the top of this file. */
  startDayConvention?: StartDayConvention;
}

interface OpenDuty {
  duty: Duty;
  rule: TimescaleRule;
  /** The subject id and those of duties this one restarted: events linked to any of them apply. */
  subjectIds: Set<string>;
}

interface SeenEvent {
  position: number;
  date: IsoDate;
  occurredAt: string;
}

interface ChildState {
  open: OpenDuty[];
  /** The latest event of each type so far, for `clockFrom`. */
  latestOfType: Map<string, SeenEvent>;
}

/**
 * The duties the events give rise to, in the order they came into being. `events` are the effective
 * events (voided and superseded ones removed) sorted by occurredAt then log order, for one child or
 * many; an event only affects duties that came into being before it in that order.
 */
export function computeDuties(
  events: readonly TimedEvent[],
  rules: readonly TimescaleRule[],
  calendar: Calendar,
  options: ComputeDutiesOptions = {},
): Duty[] {
  const convention = options.startDayConvention ?? 'trigger-day-is-day-0';
  const duties: Duty[] = [];
  const children = new Map<string, ChildState>();

  const dueOf = (startedOn: IsoDate, startedAt: string | undefined, timescale: Timescale) =>
    dueDate(startedOn, startedAt, timescale, calendar, convention);

  events.forEach((event, position) => {
    const child = children.get(event.childId) ?? { open: [], latestOfType: new Map<string, SeenEvent>() };
    children.set(event.childId, child);
    const date = dateOf(event, calendar);

    // 1. The event meets or cancels the duties open before it.
    for (const open of [...child.open]) {
      const { duty, rule, subjectIds } = open;
      const meets = rule.metBy.some((matcher) => matches(matcher, event, subjectIds));
      const cancels = rule.cancelledBy.some((matcher) => matches(matcher, event, subjectIds));
      if (!meets && !cancels) continue;
      close(duty, meets ? 'met' : 'cancelled', event, date);
      child.open.splice(child.open.indexOf(open), 1);
      if (meets && !cancels && rule.recurrence) {
        const startedAt =
          rule.recurrence.unit === 'hours' && isIsoDateTime(event.occurredAt) ? event.occurredAt : undefined;
        const next: Duty = {
          ruleId: rule.id,
          childId: duty.childId,
          subjectId: duty.subjectId,
          occurrence: duty.occurrence + 1,
          openedOn: date,
          openedByEventId: event.eventId,
          startedOn: date,
          ...(startedAt ? { startedAt } : {}),
          unit: rule.recurrence.unit,
          ...dueOf(date, startedAt, rule.recurrence),
        };
        duties.push(next);
        child.open.push({ duty: next, rule, subjectIds });
      }
    }

    // 2. The event starts clocks.
    for (const rule of rules) {
      if (!isMatch(rule.clockStart, event)) continue;
      const from = clockFromEvent(rule, child) ?? { date, occurredAt: event.occurredAt };
      if (from.date < rule.effectiveFrom) continue;
      const subjectId = subjectOf(rule, event);
      const subjectIds = new Set([subjectId]);
      if (rule.onRepeatedClockStart === 'restart') {
        for (const open of child.open.filter((candidate) => candidate.rule.id === rule.id)) {
          close(open.duty, 'cancelled', event, date);
          child.open.splice(child.open.indexOf(open), 1);
          for (const id of open.subjectIds) subjectIds.add(id);
        }
      }
      const startedAt = rule.due.unit === 'hours' && isIsoDateTime(from.occurredAt) ? from.occurredAt : undefined;
      const duty: Duty = {
        ruleId: rule.id,
        childId: event.childId,
        subjectId,
        occurrence: 1,
        openedOn: date,
        openedByEventId: event.eventId,
        startedOn: from.date,
        ...(startedAt ? { startedAt } : {}),
        unit: rule.due.unit,
        ...dueOf(from.date, startedAt, rule.due),
      };
      duties.push(duty);
      child.open.push({ duty, rule, subjectIds });
    }

    child.latestOfType.set(event.type, { position, date, occurredAt: event.occurredAt });
  });
  return duties;
}

function dateOf(event: TimedEvent, calendar: Calendar): IsoDate {
  try {
    return calendar.londonDateOf(event.occurredAt);
  } catch (error) {
    throw new RangeError(`Event ${event.eventId} (${event.type}): ${(error as Error).message}`);
  }
}

function close(duty: Duty, closure: 'met' | 'cancelled', event: TimedEvent, date: IsoDate): void {
  duty.closure = closure;
  duty.closedOn = date;
  if (isIsoDateTime(event.occurredAt)) duty.closedAt = event.occurredAt;
  duty.closedByEventId = event.eventId;
}

function isMatch(matcher: { eventType: string; when?: Readonly<Record<string, unknown>> }, event: TimedEvent): boolean {
  if (matcher.eventType !== event.type) return false;
  return Object.entries(matcher.when ?? {}).every(([field, value]) => event.data?.[field] === value);
}

function matches(matcher: EventMatcher, event: TimedEvent, subjectIds: ReadonlySet<string>): boolean {
  if (!isMatch(matcher, event)) return false;
  if (matcher.link === undefined) return true;
  const linked = event.data?.[matcher.link];
  if (linked === undefined || linked === null || linked === '') return matcher.linkOptional === true;
  return subjectIds.has(String(linked));
}

function subjectOf(rule: TimescaleRule, event: TimedEvent): string {
  if (!rule.subject) return event.eventId;
  const value = event.data?.[rule.subject.dataField];
  // A clock-start event without its subject field still makes a duty, about the event itself.
  return value === undefined || value === null || value === '' ? event.eventId : String(value);
}

function clockFromEvent(rule: TimescaleRule, child: ChildState): SeenEvent | undefined {
  if (!rule.clockFrom) return undefined;
  const from = child.latestOfType.get(rule.clockFrom.eventType);
  if (!from) return undefined;
  const cleared = (rule.clockFrom.clearedBy ?? []).some(
    (type) => (child.latestOfType.get(type)?.position ?? -1) > from.position,
  );
  return cleared ? undefined : from;
}

/**
 * When a timescale started on `startedOn` falls due. Hour timescales count from `startedAt`, the
 * exact instant, when it is known; from a date alone they are due at the end of the day
 * ceil(hours / 24) days later, the most the hours could allow.
 */
export function dueDate(
  startedOn: IsoDate,
  startedAt: string | undefined,
  { amount, unit }: Timescale,
  calendar: Calendar,
  convention: StartDayConvention = 'trigger-day-is-day-0',
): { dueOn: IsoDate; dueAt?: IsoDateTime } {
  switch (unit) {
    case 'working-days': {
      const startIsDayOne = convention === 'trigger-day-is-day-1' && calendar.isWorkingDay(startedOn);
      return { dueOn: calendar.addWorkingDays(startedOn, startIsDayOne ? Math.max(0, amount - 1) : amount) };
    }
    case 'calendar-days': {
      const startIsDayOne = convention === 'trigger-day-is-day-1';
      return { dueOn: calendar.addCalendarDays(startedOn, startIsDayOne ? Math.max(0, amount - 1) : amount) };
    }
    case 'weeks':
      return { dueOn: calendar.addWeeks(startedOn, amount) };
    case 'months':
      return { dueOn: calendar.addMonths(startedOn, amount) };
    case 'hours': {
      if (startedAt === undefined) return { dueOn: calendar.addCalendarDays(startedOn, Math.ceil(amount / 24)) };
      const dueAt = calendar.addHours(startedAt, amount);
      return { dueOn: calendar.londonDateOf(dueAt), dueAt };
    }
  }
}

// ---------------------------------------------------------------------------------------------

export type DutyState = 'open' | 'overdue' | 'met-on-time' | 'met-late' | 'cancelled' | 'not-yet-started';

export interface DutyStatus {
  state: DutyState;
  /** Open: days to the due date (0 on it). Overdue: negative, at least 1 day past. */
  daysLeft?: number;
  /** Met late: days after the due date it was met, at least 1. */
  lateBy?: number;
  /** What `daysLeft` and `lateBy` count: working days for working-day rules, else calendar days. */
  countedIn?: 'working-days' | 'calendar-days';
}

/**
 * A duty as it stood on `asAt`. Events after `asAt` are not known then: a duty met later is still
 * open or overdue, and one that came into being later is not yet started. A duty due on D is
 * overdue from D + 1. `asAt` may be a date-time: then a duty with an exact due instant (hour rules)
 * is overdue from that instant, and closures are compared to the minute where both are known.
 */
export function dutyStatusAsAt(duty: Duty, asAt: IsoDate | IsoDateTime, calendar: Calendar): DutyStatus {
  const asAtDate = calendar.londonDateOf(asAt);
  const asAtInstant = isIsoDateTime(asAt) ? Date.parse(asAt) : undefined;
  if (asAtDate < duty.openedOn) return { state: 'not-yet-started' };

  const countedIn = duty.unit === 'working-days' ? 'working-days' : 'calendar-days';
  const daysPast = (from: IsoDate, to: IsoDate): number =>
    Math.max(
      1,
      countedIn === 'working-days' ? calendar.workingDaysBetween(from, to) : calendar.daysBetween(from, to),
    );

  const closedByThen =
    duty.closedOn !== undefined &&
    (duty.closedAt !== undefined && asAtInstant !== undefined
      ? Date.parse(duty.closedAt) <= asAtInstant
      : duty.closedOn <= asAtDate);
  if (closedByThen && duty.closedOn !== undefined) {
    if (duty.closure === 'cancelled') return { state: 'cancelled' };
    const late =
      duty.dueAt !== undefined && duty.closedAt !== undefined
        ? Date.parse(duty.closedAt) > Date.parse(duty.dueAt)
        : duty.closedOn > duty.dueOn;
    return late
      ? { state: 'met-late', lateBy: daysPast(duty.dueOn, duty.closedOn), countedIn }
      : { state: 'met-on-time', countedIn };
  }

  const overdue =
    duty.dueAt !== undefined && asAtInstant !== undefined
      ? asAtInstant > Date.parse(duty.dueAt)
      : asAtDate > duty.dueOn;
  if (overdue) return { state: 'overdue', daysLeft: -daysPast(duty.dueOn, asAtDate), countedIn };
  const daysLeft =
    countedIn === 'working-days'
      ? calendar.workingDaysBetween(asAtDate, duty.dueOn)
      : calendar.daysBetween(asAtDate, duty.dueOn);
  return { state: 'open', daysLeft, countedIn };
}
