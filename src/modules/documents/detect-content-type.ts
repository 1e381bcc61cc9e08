/**
 * What a file is, from its bytes: never from its name or from the type the browser says it is, both
 * of which the uploader chooses. The binary formats are recognised by `file-type` (magic numbers,
 * and for Word and OpenDocument files the entries of the zip they are); a file it recognises as
 * nothing is plain text if it is valid UTF-8 without control characters.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { DocumentContentType } from './content-types.ts';
import { documentContentTypes } from './content-types.ts';

/** Control characters plain text does not hold (tab, line feed, form feed and carriage return are text). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !CONTROL_CHARACTERS.test(text);
}

/** The file's content type if it is a kind of document Safeguard keeps; undefined otherwise. */
export async function detectDocumentContentType(bytes: Uint8Array): Promise<DocumentContentType | undefined> {
  if (bytes.length === 0) return undefined;
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return (documentContentTypes as readonly string[]).includes(detected.mime) ? detected.mime as DocumentContentType : undefined;
  return isPlainText(bytes) ? 'text/plain' : undefined;
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
