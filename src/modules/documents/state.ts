/**
 * The documents' part of a child's record: each document on it, as its latest version says (a
 * document recorded in error is not on the record; its event's void says so in the chronology).
 */
export interface DocumentState {
  documentId: string;
  /** The id the record knows the document.added event by: its first version's. */
  eventId: string;
  title: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  linkedEventId?: string;
  addedOn: string;
  /** When it was added: the event's occurredAt. */
  addedAt: string;
}

export interface DocumentsState {
  documents: DocumentState[];
}

export const documentOf = (state: DocumentsState, documentId: string): DocumentState | undefined =>
  state.documents.find((document) => document.documentId === documentId);
