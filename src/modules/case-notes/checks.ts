/**
 * Case notes' check before a note is written (checksBeforeWrite): the event it belongs to must be
 * on the same child's record. Against the log, as the fold cannot see another module's events.
 */
import type pg from 'pg';
import { DomainError } from '../../platform/errors.ts';
import type { ImportProblem, Queryable } from '../../record/check-before-write.ts';
import { linkableEventTypes, linkableEventWords } from './codes.ts';

/**
 * Refuses a note linked to an event that is not on the child's record (or is voided), or is not a
 * statutory event a note may belong to. Run before the note is written (checksBeforeWrite).
 */
export async function assertLinkedEvent(db: Queryable, laCode: string, childId: string, linkedEventId: string | undefined): Promise<void> {
  if (linkedEventId === undefined) return;
  const found = await db.query(
    `SELECT e.event_type,
            EXISTS (SELECT 1 FROM child_event v WHERE v.la_code = e.la_code AND v.child_id = e.child_id AND v.event_type = 'event.voided'
                       AND v.data->>'voidedEventId' = e.event_id::text) AS voided
       FROM child_event e WHERE e.la_code = $1 AND e.child_id = $2 AND e.event_id = $3`,
    [laCode, childId, linkedEventId],
  );
  const row = found.rows[0] as { event_type: string; voided: boolean } | undefined;
  if (!row || row.voided) {
    throw DomainError.invalidField('data.linkedEventId', 'There is no visit, meeting or other event with that id on this child\'s record: choose one from the record');
  }
  if (!linkableEventTypes.includes(row.event_type)) {
    throw DomainError.invalidField('data.linkedEventId', `A note can belong to a ${Object.values(linkableEventWords).map((w) => w.toLowerCase()).join(', ')}: choose one of those`);
  }
}


/**
 * The same of an import's notes, once every line of the file is stored: the event a note belongs
 * to must be on the same child's record, in the file or before it, and one a note may belong to.
 */
export async function findImportedLinkProblems(client: pg.PoolClient, importBatchId: string): Promise<ImportProblem[]> {
  const found = await client.query(
    `SELECT n.import_line FROM child_event n
      WHERE n.import_batch_id = $1 AND n.event_type = 'case-note.recorded' AND n.data ? 'linkedEventId'
        AND NOT EXISTS (SELECT 1 FROM child_event e WHERE e.la_code = n.la_code AND e.child_id = n.child_id
                           AND e.event_id::text = n.data->>'linkedEventId' AND e.event_type = ANY($2::text[]))
      ORDER BY n.import_line`,
    [importBatchId, linkableEventTypes],
  );
  return found.rows.map((row) => ({
    line: Number(row.import_line), field: 'data.linkedEventId',
    message: 'There is no visit, meeting or other event a note may belong to with that id on this child\'s record',
  }));
}
