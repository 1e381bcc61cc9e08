import { z } from 'zod';
import { EventId, FreeText } from '../../platform/schema-helpers.ts';
import { documentContentTypes } from './content-types.ts';

/** What a document is, for the list on the record and the chronology. */
export const documentKinds = {
  letter: 'Letter',
  report: 'Report',
  'conference-minutes': 'Conference minutes',
  photo: 'Photo',
  plan: 'Plan',
  other: 'Other',
} as const;
export type DocumentKind = keyof typeof documentKinds;

export const DocumentTitle = z.string().trim().min(1, 'Enter a title for the document').max(200, 'The title must be 200 characters or fewer');
export const DocumentKindCode = z.enum(Object.keys(documentKinds) as [DocumentKind, ...DocumentKind[]], { message: 'Select what kind of document it is' });

/**
 * A document is added to the child's record (occurredAt: when it was added). Its file is kept
 * beside the log (migration 0029), written with this event: the event says what the file is (its
 * name as uploaded, the type detected from its bytes, its size and SHA-256), never the bytes.
 *
 * A correction (a new version with a reason) may rename the document, change its kind or the event
 * it belongs to; it cannot change the file: to replace a file, add the new one and mark the old
 * one as recorded in error. A document.added recorded without uploading a file (through the events
 * API or an interchange file, which carry no files) is listed with its file not held here: a
 * document kept on paper, say.
 */
export const DocumentAdded = z.object({
  type: z.literal('document.added'),
  data: z.object({
    documentId: EventId,
    title: DocumentTitle,
    kind: DocumentKindCode,
    fileName: FreeText(255),
    contentType: z.enum(documentContentTypes),
    sizeBytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Must be a SHA-256 in hex'),
    /** The event on the child's record it belongs to: a case note, a visit, a conference. */
    linkedEventId: EventId.optional(),
  }),
});

export const documentEvents = [DocumentAdded] as const;
export type DocumentAddedEvent = z.infer<typeof DocumentAdded>;
