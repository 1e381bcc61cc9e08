/**
 * Case notes' projection table, created by migrations/0026_case_notes.sql: each note that counts,
 * with its text, for the notes view and full-text search (the table's search_vector column and
 * its GIN index are the database's, computed from narrative and voice_of_the_child).
 */
import { projectionTable } from '../../record/projection.ts';
import type { CaseNotesState } from './state.ts';

export const caseNoteProjections = [
  projectionTable({
    table: 'case_note',
    columns: {
      note_id: 'uuid', event_id: 'uuid', note_type: 'text', occurred_at: 'text', occurred_on: 'date', present: 'text[]', narrative: 'text',
      voice_of_the_child: 'text', linked_event_id: 'uuid', written_by_worker_id: 'text', household_id: 'text', household_note_id: 'uuid', corrected: 'boolean',
    },
    // A household note has the same household note id on each member's record, but each copy is its own event: the note id is unique.
    key: ['child_id', 'note_id'],
    rowsOf: (state: CaseNotesState) => state.caseNotes.map((note) => ({
      note_id: note.noteId, event_id: note.eventId, note_type: note.noteType, occurred_at: note.occurredAt, occurred_on: note.occurredOn,
      present: note.present, narrative: note.narrative, voice_of_the_child: note.voiceOfTheChild ?? null, linked_event_id: note.linkedEventId ?? null,
      written_by_worker_id: note.writtenByWorkerId ?? null, household_id: note.householdId ?? null, household_note_id: note.householdNoteId ?? null,
      corrected: note.corrected,
    })),
  }),
];
