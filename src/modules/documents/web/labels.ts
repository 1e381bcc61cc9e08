/** The documents' words in the web app: the event, and the chronology's field names and codes. */
import { documentContentTypeNames } from '../content-types.ts';
import { documentKinds } from '../events.ts';

export const documentEventLabels = { 'document.added': 'Document added' };

export const documentChronologyWords = {
  fieldNames: { documentId: 'Document id', fileName: 'File', contentType: 'Type of file', sizeBytes: 'Size (bytes)', sha256: 'SHA-256', linkedEventId: 'Belongs to event' },
  codeWords: { kind: documentKinds, contentType: documentContentTypeNames },
};

/** A file's size as a person reads it: 512 bytes, 14 KB, 2.3 MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes)} MB`;
}
