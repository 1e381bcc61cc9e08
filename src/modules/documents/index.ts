/**
 * Documents on a child's record: letters, reports, conference minutes, photos of a safety plan.
 * A document is the child's event document.added (so it is listed, corrected, voided, restricted
 * and disposed of with the record, as every event is); its file is kept in the database beside the
 * log (migration 0029), written in the same transaction, and given out only to those who may read
 * the record (routes.ts, repository.ts).
 */
import { defineDomainModule } from '../domain-module.ts';
import { documentChecksBeforeWrite } from './checks.ts';
import { documentEvents } from './events.ts';
import { documentReducers, documentTransitions } from './rules.ts';
import type { DocumentsState, DocumentState } from './state.ts';

export const documentsModule = defineDomainModule({
  id: 'documents',
  title: 'Documents',
  events: documentEvents,
  initialState: (): DocumentsState => ({ documents: [] }),
  reducers: documentReducers,
  transitions: documentTransitions,
  checksBeforeWrite: documentChecksBeforeWrite,
});

export type { DocumentsState, DocumentState };
export * from './events.ts';
export * from './content-types.ts';
