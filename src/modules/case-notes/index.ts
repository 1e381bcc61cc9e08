/**
 * Case notes: the narrative of the work with a child (visits, calls, direct work, oversight,
 * meetings), each note an event on the child's record like any other, so it is audited on write
 * and read, restricted with the record, corrected by a new version with a reason, voidable, and
 * kept and disposed of with the record (retention: notes make no kind of record of their own, so
 * they follow the record's schedule, and a disposal removes their events and rows with the rest).
 * Partner agencies never see them: the partner view names no case-note event (record/partner-view.ts)
 * and the notes' routes refuse partner agencies. Full-text search runs over the case_note
 * projection (migrations/0026_case_notes.sql).
 */
import { defineDomainModule } from '../domain-module.ts';
import type { PeopleState } from '../people/index.ts';
import { caseNoteEvents } from './events.ts';
import { caseNoteProjections } from './projections.ts';
import { CaseNotesReadModel, caseNotesSummaryOf } from './read-model.ts';
import { assertLinkedEvent, findImportedLinkProblems } from './checks.ts';
import { caseNoteReducers, caseNoteTransitions } from './rules.ts';
import { caseNoteSimulator } from './simulator.ts';
import type { CaseNotesState } from './state.ts';

export const caseNotesModule = defineDomainModule({
  id: 'case-notes',
  title: 'Case notes',
  events: caseNoteEvents,
  initialState: (): CaseNotesState => ({ caseNotes: [] }),
  reducers: caseNoteReducers,
  transitions: caseNoteTransitions,
  readModel: CaseNotesReadModel,
  summaryOf: (state: CaseNotesState & PeopleState) => caseNotesSummaryOf(state),
  projections: caseNoteProjections,
  simulator: caseNoteSimulator,
  checksBeforeWrite: {
    // The event a note belongs to must be on the same child's record: checked against the log.
    event: { 'case-note.recorded': (db, event, context) => assertLinkedEvent(db, context.laCode, event.childId, event.data.linkedEventId) },
    imported: findImportedLinkProblems,
  },
});

export type { CaseNotesState };
export * from './codes.ts';
export * from './events.ts';
