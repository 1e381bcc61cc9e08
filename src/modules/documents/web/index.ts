/**
 * Documents' web part: the record's Documents view, listing the documents with links to download
 * them and the form to upload one, and the words for the document.added event in the chronology.
 * Browser code: no database, server or route is reached from here.
 */
import { defineWebModule } from '../../../web/web-module.ts';
import { DocumentsReadModel } from '../read-model.ts';
import { DocumentsView } from './documents-view.tsx';
import { documentChronologyWords, documentEventLabels } from './labels.ts';

export const documentsWeb = defineWebModule()({
  id: 'documents',
  readModel: DocumentsReadModel,
  eventLabels: documentEventLabels,
  chronology: documentChronologyWords,
  record: { views: [{ path: 'documents', title: 'Documents', Part: DocumentsView }] },
});
