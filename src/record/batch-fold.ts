/**
 * Folding children's records a batch at a time: each child's whole log (for an import, events
 * already on record and the file's) through the same transition and date rules as the API, giving
 * its projection rows or the problems that stop the import. Pure: no database, no I/O, so a batch can
 * be folded on this thread or on a worker thread (see fold-pool.ts) with the same result.
 */
import { DomainError } from '../platform/errors.ts';
import type { ImportProblem } from './check-before-write.ts';
import type { EventBody } from './events.ts';
import { FoldError, foldChildRecord, type LoggedEvent } from './fold.ts';
import { addProjectionRows, emptyProjectionRows } from './projections.ts';
import { dutiesOf } from './repo.ts';
import type { Timescales } from '../timescales/timescales.ts';

export type { ImportProblem };

/**
 * One event as read back from the log: only what the fold needs, as plain values so that a batch
 * costs little to send to another thread. `data` is the event's JSON text; `importLine` is set for
 * this import's events only.
 */
export type ImportedEventRow = [
  eventId: string, sequence: number, type: string, occurredAt: string, recordedAt: string, supersedes: string | null, data: string,
  importLine: number | null,
];

export interface FoldBatch {
  laCode: string;
  children: { childId: string; hasUnreadableLines: boolean; events: ImportedEventRow[] }[];
}

export interface FoldBatchResult {
  laCode: string;
  /** Children folded (whether or not their records hold). */
  childIds: string[];
  /** Of those, children who had events before this import, so may have projection rows to replace. */
  existingChildIds: string[];
  /** Projection rows per table as JSON text, ready for jsonb_to_recordset. */
  projections: Partial<Record<string, string>>;
  problems: ImportProblem[];
}

type FoldedEvent = LoggedEvent & { importLine?: number };

export function foldBatch(batch: FoldBatch, timescales: Timescales): FoldBatchResult {
  const rows = emptyProjectionRows();
  const result: FoldBatchResult = { laCode: batch.laCode, childIds: [], existingChildIds: [], projections: {}, problems: [] };
  for (const child of batch.children) {
    const events = child.events.map(loggedEventOf);
    result.childIds.push(child.childId);
    if (events.some((e) => e.importLine === undefined)) result.existingChildIds.push(child.childId);
    try {
      const folded = foldChildRecord(batch.laCode, child.childId, events);
      addProjectionRows(rows, folded, dutiesOf(folded, timescales));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      result.problems.push(...foldProblems(error, child.childId, events, child.hasUnreadableLines));
    }
  }
  for (const [table, tableRows] of Object.entries(rows)) {
    if (tableRows.length > 0) result.projections[table] = JSON.stringify(tableRows);
  }
  return result;
}

function loggedEventOf([eventId, sequence, type, occurredAt, recordedAt, supersedes, data, importLine]: ImportedEventRow): FoldedEvent {
  const event = { eventId, sequence: Number(sequence), type, occurredAt, recordedAt, data: JSON.parse(data) } as EventBody as FoldedEvent;
  if (supersedes !== null) event.supersedes = supersedes;
  if (importLine !== null) event.importLine = importLine;
  return event;
}

/**
 * Says which line broke a child's record. Only lines of this import have line numbers here: an
 * event from an earlier import that no longer holds is reported against this import's first line
 * for the child, naming the event already on record.
 */
function foldProblems(error: DomainError, childId: string, events: readonly FoldedEvent[], childHasUnreadableLines: boolean): ImportProblem[] {
  const caveat = childHasUnreadableLines ? ' (this may follow from lines for this child that could not be read)' : '';
  const thisImport = (e: FoldedEvent) => e.importLine !== undefined;
  if (!events.some((e) => e.type === 'child.registered')) {
    const first = events.find(thisImport);
    return [{ line: first?.importLine ?? 0, field: 'childId', message: `No child with LA child id ${childId} is registered: add a child.registered line${caveat}` }];
  }
  const culprit = events.find((e) => e.eventId === (error instanceof FoldError ? error.eventId : undefined));
  const fromThisImport = culprit !== undefined && thisImport(culprit);
  const line = fromThisImport ? culprit.importLine! : (events.find(thisImport)?.importLine ?? 0);
  const where = culprit && !fromThisImport ? ` (the ${culprit.type} of ${culprit.occurredAt}, event ${culprit.eventId}, already on record, no longer holds)` : '';
  const fields = error.problems.length > 0 ? error.problems : [{ field: 'type', message: error.message }];
  return fields.map((p) => ({
    line, field: p.field, message: `Child ${childId}: ${p.message === error.message ? p.message : `${error.message}: ${p.message}`}${where}${caveat}`,
  }));
}
