import { DomainError } from '../../platform/errors.ts';
import type { Reducers, TransitionRow } from '../domain-module.ts';
import { isRegistered, type PeopleState } from '../people/index.ts';
import type { documentEvents } from './events.ts';
import type { DocumentsState } from './state.ts';

type DocumentsView = DocumentsState & PeopleState;

export const documentReducers: Reducers<typeof documentEvents, DocumentsView> = {
  'document.added': (state, event) => {
    const { data } = event;
    if (state.documents.some((document) => document.documentId === data.documentId)) {
      throw DomainError.invalidField('data.documentId', 'That document is already on the record');
    }
    if (data.linkedEventId === event.entityId) throw DomainError.invalidField('data.linkedEventId', 'A document cannot belong to itself');
    state.documents.push({
      documentId: data.documentId, eventId: event.entityId, title: data.title, kind: data.kind, fileName: data.fileName,
      contentType: data.contentType, sizeBytes: data.sizeBytes, sha256: data.sha256,
      ...(data.linkedEventId === undefined ? {} : { linkedEventId: data.linkedEventId }),
      addedOn: event.occurredOn, addedAt: event.occurredAt,
    });
  },
};

export const documentTransitions: { [K in (typeof documentEvents)[number]['shape']['type']['value']]: TransitionRow<DocumentsView> } = {
  'document.added': { action: 'add a document', what: 'the document', requires: 'register the child first', holds: isRegistered },
};
