/**
 * The documents on a child's record as the API gives them (GET /api/v1/children/{childId}/documents)
 * and the web app lists them. Browser-safe: schemas only.
 */
import { z } from 'zod';
import { documentContentTypes } from './content-types.ts';
import { documentKinds, type DocumentKind } from './events.ts';

export const DocumentListItem = z.object({
  documentId: z.string(),
  /** The document.added event, by the id the record knows it by (its first version's). */
  eventId: z.string(),
  title: z.string(),
  kind: z.enum(Object.keys(documentKinds) as [DocumentKind, ...DocumentKind[]]),
  fileName: z.string(),
  contentType: z.enum(documentContentTypes),
  sizeBytes: z.number(),
  sha256: z.string(),
  addedOn: z.string(),
  addedAt: z.string(),
  addedBy: z.object({ userId: z.string(), role: z.string() }),
  /** Renamed or relinked since it was added (a correction, with its reason, in the chronology). */
  corrected: z.boolean(),
  linkedEventId: z.string().nullable(),
  /** The event it belongs to, as it stands on the record; null when it has none, or that event was recorded in error. */
  linkedEvent: z.object({ eventId: z.string(), type: z.string(), occurredOn: z.string() }).nullable(),
  /** Whether Safeguard holds the file: not for a document recorded without one (a paper document, or one imported). */
  fileHeld: z.boolean(),
});
export type DocumentListItem = z.infer<typeof DocumentListItem>;

export const DocumentList = z.object({
  childId: z.string(),
  /** The largest file that may be uploaded, in megabytes (SAFEGUARD_DOCUMENT_MAX_MB). */
  maxMegabytes: z.number(),
  documents: z.array(DocumentListItem),
});
export type DocumentList = z.infer<typeof DocumentList>;

/** Documents add nothing to the record's summary: they have their own view, read from the route above. */
export const DocumentsReadModel = z.object({});
