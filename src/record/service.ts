import { domainModules } from '../modules/registry.ts';
import type { Duty, DutyStatus } from '../timescales/engine.ts';
import type { ChildRecordState } from './child-record-state.ts';
import type { FoldedChildRecord } from './fold.ts';
import { partnerChronologyOf, partnerRecordOf } from './partner-view.ts';
import type { RecordView } from './repo.ts';
import type { StoredEvent } from './stored-event.ts';
import { allowedActions, childStatusOf, involvementsOf } from './transitions.ts';

/** The summary a practitioner opens first: who the child is, where they are, what is due. */
export function childRecordSummary(folded: FoldedChildRecord, duties: readonly Duty[], asAt: string, statusOfDuty: (duty: Duty) => DutyStatus) {
  const { state } = folded;
  return {
    childId: state.childId,
    laCode: state.laCode,
    status: childStatusOf(state),
    involvements: involvementsOf(state).map(({ kind, label, since }) => ({ kind, label, since })),
    allowedActions: allowedActions(state),
    ...summaryPartsOf(state),
    duties: duties
      // A duty closed before the day asked about is neither open nor overdue: its status (the
      // working days it was late by, say) need not be worked out. Long records have hundreds.
      .filter((duty) => duty.closedOn === undefined || duty.closedOn >= asAt.slice(0, 10))
      .map((duty) => ({ ...duty, ...statusOfDuty(duty) }))
      .filter((duty) => duty.state === 'open' || duty.state === 'overdue'),
    asAt,
  };
}

/** Each module's parts of the summary (people: details and allocation; front door: contacts; …). */
type SummaryParts = IntersectionOf<ReturnType<NonNullable<(typeof domainModules)[number]['summaryOf']>>>;
type IntersectionOf<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

function summaryPartsOf(state: ChildRecordState): SummaryParts {
  return Object.assign({}, ...domainModules.map((module) => (module.summaryOf as ((state: ChildRecordState) => object) | undefined)?.(state) ?? {}));
}

/**
 * The chronology: every event in business order, corrections shown as such rather than hidden,
 * so a reader sees what was first recorded, what replaced it and why.
 */
export function chronologyOf(events: readonly StoredEvent[], folded: FoldedChildRecord, types?: string[]) {
  const effectiveIds = new Set(folded.effectiveEvents.map((e) => e.eventId));
  const entries = events
    .map((event) => ({
      ...event,
      occurredOn: event.occurredAt.length === 10 ? event.occurredAt : folded.effectiveEvents.find((e) => e.eventId === event.eventId)?.occurredOn ?? event.occurredAt.slice(0, 10),
      effective: effectiveIds.has(event.eventId),
      voided: folded.voided.get(event.eventId) ?? null,
      supersededBy: folded.supersededBy.get(event.eventId) ?? null,
    }))
    .filter((entry) => !types || types.length === 0 || types.includes(entry.type))
    .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.sequence - b.sequence));
  return inTimeOrderWithinEachDay(entries);
}

/**
 * Within a day, entries with a time (a contact received at 09:10, a strategy discussion at 14:00)
 * follow their times, whatever order they were entered in; entries with a date alone keep their
 * place in the order they were entered, as nothing says when in the day they happened. Takes
 * entries in date and entry order.
 */
export function inTimeOrderWithinEachDay<T extends { occurredOn: string; occurredAt: string; sequence: number }>(entries: readonly T[]): T[] {
  const ordered = entries.slice();
  let start = 0;
  while (start < ordered.length) {
    let end = start;
    while (end < ordered.length && ordered[end]!.occurredOn === ordered[start]!.occurredOn) end += 1;
    const positions = [];
    for (let position = start; position < end; position += 1) if (hasTime(ordered[position]!)) positions.push(position);
    const inTimeOrder = positions.map((position) => ordered[position]!).sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.sequence - b.sequence);
    positions.forEach((position, index) => { ordered[position] = inTimeOrder[index]!; });
    start = end;
  }
  return ordered;
}

const hasTime = (entry: { occurredAt: string }) => entry.occurredAt.length > 10;

/** The record's summary in the view the reader is given (see RecordView): a partner agency's leaves out what is not its to see. */
export function childRecordAnswer(read: { folded: FoldedChildRecord; duties: readonly Duty[]; view: RecordView }, asAt: string, statusOfDuty: (duty: Duty) => DutyStatus) {
  const summary = childRecordSummary(read.folded, read.duties, asAt, statusOfDuty);
  return read.view.kind === 'partner' ? partnerRecordOf({ ...summary, allowedActions: [] }, read.view.agency) : summary;
}

/** The chronology in the view the reader is given (see RecordView). */
export function chronologyAnswer(childId: string, read: { events: readonly StoredEvent[]; folded: FoldedChildRecord; view: RecordView }, types?: string[]) {
  const entries = chronologyOf(read.events, read.folded, types);
  return read.view.kind === 'partner' ? partnerChronologyOf(childId, entries, read.view.agency) : { childId, entries };
}
