import { z } from 'zod';
import { EventId, FreeText } from '../../platform/schema-helpers.ts';
import { noteTypes } from './codes.ts';

/** The longest narrative a note holds: about twenty pages of typed text. */
export const NARRATIVE_MAX = 20_000;

/**
 * A case note on the child's record (occurredAt: when the visit, call or meeting took place,
 * with its time). Written once; a mistake is corrected by a new version with a reason
 * (supersedes + correctionReason) or voided, as any event is. The note's id, which documents and
 * links name it by, is the event id of its first version: it stays the same through corrections.
 *
 * A note about a household is recorded once, through POST /api/v1/case-notes/household, and
 * written to each member child's log as this event with the same `householdNoteId` (and the
 * household's id): each child's record holds its own copy, so each is read, restricted, kept and
 * disposed of with that child's record, and one child's restriction never hides the note from
 * another's readers, nor shows one child's record to another's.
 */
/** What a note says, as asked for when recording one (on a child or a household). */
export const CaseNoteFields = z.object({
  noteType: z.enum(noteTypes, { message: 'Select the type of note' }),
  /** Who was there, one entry a person ("Mother (Jane)", "Child", "Health visitor"). */
  present: z.array(FreeText(200)).max(30, 'Name at most 30 people present').default([]),
  narrative: z.string({ message: 'Enter the note' }).trim().min(1, 'Enter the note').max(NARRATIVE_MAX, `The note must be ${NARRATIVE_MAX.toLocaleString('en-GB')} characters or fewer`)
    .refine((text) => !text.includes('\u0000'), 'Text cannot contain a NUL character')
    .describe('What happened, what was seen and said, and what it means for the child'),
  /** The child's wishes and feelings, in their own words where possible: kept apart so that they are never lost in the narrative. */
  voiceOfTheChild: FreeText(10_000).optional(),
  /** The statutory event the note belongs to (a visit, a strategy discussion, a conference…) on the same child's record. */
  linkedEventId: EventId.optional(),
  /** Who wrote it, when not the person recording it (a note typed up for a colleague). */
  writtenByWorkerId: FreeText(40).optional(),
  /** A household note: the household, and the id the note has on every member's record. */
  householdId: FreeText(40).optional(),
  householdNoteId: EventId.optional(),
});

export const CaseNoteRecorded = z.object({
  type: z.literal('case-note.recorded'),
  data: CaseNoteFields.refine((d) => (d.householdId === undefined) === (d.householdNoteId === undefined), {
    message: 'A household note has both the household and the household note id', path: ['householdNoteId'],
  }).refine((d) => d.householdId === undefined || d.linkedEventId === undefined, {
    message: 'A note about the whole household cannot belong to one child\'s event: record it on that child', path: ['linkedEventId'],
  }),
});
export type CaseNoteRecorded = z.infer<typeof CaseNoteRecorded>;

export const caseNoteEvents = [CaseNoteRecorded] as const;
