/**
 * The record an imported child's events make, folded in memory as the record would keep them: each
 * event checked against its schema, then folded; an event the schema or the record refuses is left
 * out, with the reason, and the rest folded without it (as an import keeps what it can). Used by
 * the round-trip tests; the return itself never folds records (the returns engine does).
 */
import { EventBody } from '../../../record/events.ts';
import { FoldError, foldChildRecord, type LoggedEvent } from '../../../record/fold.ts';
import type { ReturnsChildState } from '../child-state.ts';
import type { ImportedChildEvents } from '../statutory-return.ts';

export interface RefusedEvent {
  type: string;
  occurredAt: string;
  message: string;
}

export function foldImportedChild(laCode: string, child: ImportedChildEvents): { state: ReturnsChildState; refused: RefusedEvent[] } {
  const refused: RefusedEvent[] = [];
  let logged: LoggedEvent[] = [];
  child.events.forEach((event, index) => {
    const parsed = EventBody.safeParse({ type: event.type, data: event.data });
    if (!parsed.success) {
      refused.push({ type: event.type, occurredAt: event.occurredAt, message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
      return;
    }
    const sequence = index + 1;
    logged.push({
      ...parsed.data, occurredAt: event.occurredAt, sequence, eventId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
      recordedAt: '2030-01-01T12:00:00Z',
    } as LoggedEvent);
  });
  for (;;) {
    try {
      return { state: foldChildRecord(laCode, child.childId, logged).state as unknown as ReturnsChildState, refused };
    } catch (error) {
      if (!(error instanceof FoldError)) throw error;
      const event = logged.find((e) => e.eventId === error.eventId)!;
      refused.push({ type: event.type, occurredAt: event.occurredAt, message: error.message });
      logged = logged.filter((e) => e.eventId !== error.eventId);
    }
  }
}
