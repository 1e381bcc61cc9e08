/**
 * Case notes' part of a child's record: each note that counts (the latest version of each, voided
 * ones left out), in the order they happened.
 */
import { z } from 'zod';

export const CaseNoteState = z.object({
  /** The note's id: the event id of its first version, the same through corrections. */
  noteId: z.string(),
  /** The event id of the version that counts now. */
  eventId: z.string(),
  noteType: z.string(),
  occurredAt: z.string(),
  occurredOn: z.string(),
  present: z.array(z.string()),
  narrative: z.string(),
  voiceOfTheChild: z.string().optional(),
  linkedEventId: z.string().optional(),
  writtenByWorkerId: z.string().optional(),
  householdId: z.string().optional(),
  householdNoteId: z.string().optional(),
  /** Whether the version that counts corrects an earlier one. */
  corrected: z.boolean(),
});
export type CaseNoteState = z.infer<typeof CaseNoteState>;

export interface CaseNotesState {
  caseNotes: CaseNoteState[];
}
