/**
 * A correction of a document.added (a new version, with a reason) renames the document, changes
 * its kind or the event it belongs to: the file stays the one uploaded, so what the event says of
 * the file must stay as it was.
 */
import { DomainError, type FieldProblem } from '../../platform/errors.ts';
import type { ChecksBeforeWrite, Queryable } from '../../record/check-before-write.ts';
import type { DocumentAddedEvent } from './events.ts';

const fileFields = ['documentId', 'fileName', 'contentType', 'sizeBytes', 'sha256'] as const;

async function correctionKeepsTheFile(db: Queryable, event: DocumentAddedEvent & { supersedes?: string }, laCode: string): Promise<void> {
  if (event.supersedes === undefined) return;
  const result = await db.query('SELECT data FROM child_event WHERE la_code = $1 AND event_id = $2 AND event_type = $3', [laCode, event.supersedes, 'document.added']);
  const before = result.rows[0]?.data as DocumentAddedEvent['data'] | undefined;
  if (!before) return; // the fold refuses a correction of no such event, or of another type
  const problems: FieldProblem[] = fileFields
    .filter((field) => event.data[field] !== before[field])
    .map((field) => ({ field: `data.${field}`, message: 'A correction cannot change the file: add the new file as a document and mark this one as recorded in error' }));
  if (problems.length > 0) throw DomainError.invalid(problems, 'A correction of a document can change its title, its kind and the event it belongs to, not its file');
}

export const documentChecksBeforeWrite: ChecksBeforeWrite<DocumentAddedEvent> = {
  event: { 'document.added': (db, event, context) => correctionKeepsTheFile(db, event, context.laCode) },
};
