/**
 * Documents' data access: adding a document (its file written in the transaction of its
 * document.added event), listing a record's documents, and giving out a file. Every read goes
 * through the child's record (ChildRecordRepository), so scope, restriction and their refusals are
 * the record's own, and is audited; every file given out has its own audit row. Partner agencies
 * are given no documents: the partner view of a record leaves out what the council wrote about the
 * child, and a letter or a report is exactly that.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type pg from 'pg';
import { isPartnerAgency } from '../../access/policy.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/database/database.ts';
import { DomainError, type FieldProblem } from '../../platform/errors.ts';
import { EventId } from '../../platform/schema-helpers.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { ChildRecordRepository, StoredEvent } from '../../record/repo.ts';
import { emptyFileMessage, fileTooLargeMessage, noFileMessage, wrongFileTypeMessage } from './content-types.ts';
import { detectDocumentContentType, sha256Of } from './detect-content-type.ts';
import { DocumentKindCode, DocumentTitle, type DocumentAddedEvent } from './events.ts';
import type { DocumentListItem } from './read-model.ts';
import { documentOf, type DocumentsState } from './state.ts';

/** What an upload brings: the form's fields as sent, and the file (absent when none was chosen). */
export interface DocumentUpload {
  title?: string;
  kind?: string;
  linkedEventId?: string;
  clientId?: string;
  file?: { fileName: string; bytes: Buffer } | { tooLarge: true };
}

/** A file as it is given out. */
export interface DocumentFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

type RecordAsRead = Awaited<ReturnType<ChildRecordRepository['getChildRecord']>>;

/** A file's name as shown and offered on download: its last part only, without control characters, never empty. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters have no place in a file's name
  const base = path.posix.basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001F\u007F"]/g, '').trim();
  return (base || 'document').slice(-255);
}

export class DocumentRepository {
  constructor(
    private readonly db: Database,
    private readonly context: RequestContext,
    private readonly records: Pick<ChildRecordRepository, 'getChildRecord' | 'recordEvent'>,
    private readonly maxMegabytes: number,
  ) {}

  /** Adds a document to the child's record: checked in full first (every problem at once), then its event and file in one transaction. */
  async add(childId: string, upload: DocumentUpload): Promise<DocumentListItem> {
    const access = this.context.access;
    if (access && !access.records) await this.refuse(childId, new DomainError('forbidden', `A ${access.role} does not add documents to children's records`));
    const read = await this.records.getChildRecord(childId);
    const problems: FieldProblem[] = [];
    const title = DocumentTitle.safeParse(upload.title ?? '');
    if (!title.success) problems.push({ field: 'title', message: title.error.issues[0]!.message });
    const kind = DocumentKindCode.safeParse(upload.kind ?? '');
    if (!kind.success) problems.push({ field: 'kind', message: 'Select what kind of document it is' });
    const linkedEventId = upload.linkedEventId?.trim() || undefined;
    if (linkedEventId !== undefined && !(EventId.safeParse(linkedEventId).success && read.folded.effectiveEvents.some((e) => e.entityId === linkedEventId))) {
      problems.push({ field: 'linkedEventId', message: 'Select an event on this child\'s record, or none' });
    }
    const file = upload.file;
    let contentType: Awaited<ReturnType<typeof detectDocumentContentType>>;
    if (file === undefined) problems.push({ field: 'file', message: noFileMessage });
    else if ('tooLarge' in file) problems.push({ field: 'file', message: fileTooLargeMessage(this.maxMegabytes) });
    else if (file.bytes.length === 0) problems.push({ field: 'file', message: file.fileName === '' ? noFileMessage : emptyFileMessage });
    else if (file.bytes.length > this.maxMegabytes * 1024 * 1024) problems.push({ field: 'file', message: fileTooLargeMessage(this.maxMegabytes) });
    else if ((contentType = await detectDocumentContentType(file.bytes)) === undefined) problems.push({ field: 'file', message: wrongFileTypeMessage });
    if (problems.length > 0) await this.refuse(childId, DomainError.invalid(problems));
    const { fileName, bytes } = file as { fileName: string; bytes: Buffer };
    const data: DocumentAddedEvent['data'] = {
      documentId: randomUUID(), title: title.data!, kind: kind.data!, fileName: cleanFileName(fileName), contentType: contentType!,
      sizeBytes: bytes.length, sha256: sha256Of(bytes), ...(linkedEventId === undefined ? {} : { linkedEventId }),
    };
    const { event, folded } = await this.records.recordEvent(childId, {
      type: 'document.added', clientId: upload.clientId?.trim() || randomUUID(), occurredAt: new Date().toISOString(), data,
    }, {
      alongside: async (client: pg.PoolClient, stored: StoredEvent) => {
        await client.query(
          `INSERT INTO document_content (la_code, document_id, child_id, event_id, content_type, size_bytes, sha256, content)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [this.context.laCode, data.documentId, childId, stored.eventId, data.contentType, data.sizeBytes, data.sha256, bytes],
        );
      },
    });
    const stored = (event.data as DocumentAddedEvent['data']);
    const added = documentOf(folded.state as unknown as DocumentsState, stored.documentId)!;
    return this.listItemOf(added, { ...read, events: [...read.events, event], folded }, new Set([stored.documentId]));
  }

  /** The documents on the child's record, newest first (the record's read is audited). */
  async list(childId: string): Promise<DocumentListItem[]> {
    await this.refusePartners(childId);
    const read = await this.records.getChildRecord(childId);
    const held = await this.db.pool.query('SELECT document_id FROM document_content WHERE la_code = $1 AND child_id = $2', [this.context.laCode, childId]);
    const heldIds = new Set(held.rows.map((row) => row.document_id as string));
    return (read.folded.state as unknown as DocumentsState).documents
      .map((document) => this.listItemOf(document, read, heldIds))
      .sort((a, b) => b.addedAt.localeCompare(a.addedAt) || b.documentId.localeCompare(a.documentId));
  }

  /**
   * A document's file, for someone who may read the record, audited as given out. A document
   * recorded in error is refused: its file stays (until the record is disposed of) but is not given out.
   */
  async download(childId: string, documentId: string): Promise<DocumentFile> {
    await this.refusePartners(childId);
    const read = await this.records.getChildRecord(childId);
    const document = documentOf(read.folded.state as unknown as DocumentsState, documentId);
    if (!document) {
      const everAdded = read.events.some((e) => e.type === 'document.added' && (e.data as { documentId?: string }).documentId === documentId);
      await this.refuse(childId, everAdded
        ? DomainError.notFound('This document was recorded in error: its file is no longer given out', 'documentId')
        : DomainError.notFound(`No document ${documentId} on this child's record`, 'documentId'), documentId);
    }
    const result = await this.db.pool.query(
      'SELECT content_type, content FROM document_content WHERE la_code = $1 AND document_id = $2 AND child_id = $3',
      [this.context.laCode, documentId, childId],
    );
    const row = result.rows[0] as { content_type: string; content: Buffer } | undefined;
    if (!row) await this.refuse(childId, DomainError.notFound('Safeguard does not hold the file of this document', 'documentId'), documentId);
    await this.audit(childId, 'read', 'ok', { documentId, sha256: document!.sha256, sizeBytes: row!.content.length });
    return { fileName: document!.fileName, contentType: row!.content_type, bytes: row!.content };
  }

  private listItemOf(document: DocumentsState['documents'][number], read: Pick<RecordAsRead, 'events' | 'folded'>, held: ReadonlySet<string>): DocumentListItem {
    const first = read.events.find((e) => e.eventId === document.eventId);
    const linked = document.linkedEventId === undefined ? undefined : read.folded.effectiveEvents.find((e) => e.entityId === document.linkedEventId);
    return {
      documentId: document.documentId, eventId: document.eventId, title: document.title, kind: document.kind as DocumentListItem['kind'],
      fileName: document.fileName, contentType: document.contentType as DocumentListItem['contentType'], sizeBytes: document.sizeBytes,
      sha256: document.sha256, addedOn: document.addedOn, addedAt: document.addedAt,
      addedBy: { userId: first?.recordedBy.userId ?? 'unknown', role: first?.recordedBy.role ?? 'unknown' },
      corrected: read.folded.supersededBy.has(document.eventId),
      linkedEventId: document.linkedEventId ?? null,
      linkedEvent: linked ? { eventId: linked.entityId, type: linked.type, occurredOn: linked.occurredOn } : null,
      fileHeld: held.has(document.documentId),
    };
  }

  private async refusePartners(childId: string): Promise<void> {
    if (isPartnerAgency(this.context.access)) {
      await this.refuse(childId, new DomainError('forbidden', 'Partner agencies are not given the documents on a child\'s record: ask the allocated social worker'));
    }
  }

  /** Audits a refusal and throws it. */
  private async refuse(childId: string, error: DomainError, documentId?: string): Promise<never> {
    await this.audit(childId, 'refused', error.code, { message: error.message, ...(documentId ? { documentId } : {}) });
    throw error;
  }

  private audit(childId: string, action: 'read' | 'refused', outcome: string, detail: Record<string, unknown>) {
    return writeAudit(this.db.pool, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId,
      action, resource: 'child-document', childId, outcome, detail,
    });
  }
}
