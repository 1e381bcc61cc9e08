/**
 * Documents on a child's record over HTTP: uploading one (multipart/form-data), listing them and
 * downloading a file. Uploads are writes like any other: the session's CSRF token is checked on
 * them (access/routes.ts), and the body limit is raised for this route alone.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/database/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { EventId, LaChildId } from '../../platform/schema-helpers.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { ChildRecordRepository } from '../../record/repo.ts';
import { DocumentList, DocumentListItem } from './read-model.ts';
import { DocumentRepository, type DocumentUpload } from './repository.ts';

/** What the documents' routes need of the application's services. */
export interface DocumentRouteServices {
  db: Database;
  repositoryFor(context: RequestContext): Pick<ChildRecordRepository, 'getChildRecord' | 'recordEvent'>;
  /** The largest file that may be uploaded, in megabytes (SAFEGUARD_DOCUMENT_MAX_MB). */
  documentMaxMegabytes: number;
}

/** The upload form's text fields: all it reads besides the file. */
const uploadFields = ['title', 'kind', 'linkedEventId', 'clientId'] as const;
type UploadField = (typeof uploadFields)[number];

/**
 * The upload's fields and its file, read from the multipart stream. The file is read up to the
 * limit and no further: a larger one is known to be too large without being held.
 */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<DocumentUpload> {
  if (!request.isMultipart()) {
    throw DomainError.invalidField('file', 'Send the document as multipart/form-data: the file in the field "file", with "title" and "kind"');
  }
  const upload: DocumentUpload = {};
  try {
    // A file over the limit is cut off (file.truncated) rather than failing the stream, so that the
    // answer can name it beside every other problem with the form (the option is read, though not typed).
    const options = { limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 }, throwFileSizeLimit: false };
    for await (const part of request.parts(options as Parameters<FastifyRequest['parts']>[0])) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname !== 'file') continue;
        upload.file = part.file.truncated ? { tooLarge: true } : { fileName: part.filename ?? '', bytes };
      } else if ((uploadFields as readonly string[]).includes(part.fieldname)) {
        upload[part.fieldname as UploadField] = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw DomainError.invalidField('file', 'Select one file');
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw DomainError.invalidField('file', 'The upload has more fields than the form');
    throw error;
  }
  return upload;
}

/** Content-Disposition for a download (RFC 6266): the name as sent, and a plain ASCII one for older clients. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function documentRoutes(services: DocumentRouteServices) {
  const maxBytes = services.documentMaxMegabytes * 1024 * 1024;
  const documents = (context: RequestContext) =>
    new DocumentRepository(services.db, context, services.repositoryFor(context), services.documentMaxMegabytes);
  const ChildParams = z.object({ childId: LaChildId });
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/children/{childId}/documents',
      summary: 'Add a document to a child\'s record: multipart/form-data with the file in "file", "title", "kind" (letter, report, conference-minutes, photo, plan, other) and optionally "linkedEventId" and "clientId"; the file must be a PDF, Word or OpenDocument text, JPG, PNG, HEIC or plain text, as its bytes show',
      tags: ['documents'],
      params: ChildParams,
      status: 201,
      // The form's fields and multipart's framing beside the largest file.
      bodyLimit: maxBytes + 1024 * 1024,
      response: DocumentListItem,
      handler: async ({ params, context, request }) => documents(context).add(params.childId, await readUpload(request, maxBytes)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/{childId}/documents',
      summary: 'The documents on a child\'s record, newest first (not given to partner agencies)',
      tags: ['documents'],
      params: ChildParams,
      response: DocumentList,
      handler: async ({ params, context }) => ({
        childId: params.childId, maxMegabytes: services.documentMaxMegabytes, documents: await documents(context).list(params.childId),
      }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/{childId}/documents/{documentId}',
      summary: 'A document\'s file, as an attachment of the type detected when it was uploaded (audited; not given to partner agencies, nor for a document recorded in error)',
      tags: ['documents'],
      params: ChildParams.extend({ documentId: EventId }),
      response: z.instanceof(Buffer).describe('The file'),
      contentType: 'application/octet-stream',
      handler: async ({ params, context }) => {
        const file = await documents(context).download(params.childId, params.documentId);
        return {
          status: 200, body: file.bytes, contentType: file.contentType,
          headers: { 'content-disposition': attachmentDisposition(file.fileName), 'x-content-type-options': 'nosniff' },
        };
      },
    }),
  ];
}
