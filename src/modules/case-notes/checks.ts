/**
 * Case notes' check before a note is written (checksBeforeWrite): the event it belongs to must be
 * on the same child's record. Against the log, as the fold cannot see another module's events.
 */
import { DomainError } from '../../platform/errors.ts';
import type { Queryable } from '../../record/check-before-write.ts';
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

