/**
 * Case notes as the API answers them and the web app reads them, in Zod: the record's summary part
 * (how many notes, the latest), a note as the record's notes view shows it, and a search result.
 */
import { z } from 'zod';
import type { CaseNotesState } from './state.ts';

export const CaseNotesReadModel = z.object({
  caseNotes: z.object({ count: z.number(), latestOn: z.string().nullable() }).describe('How many case notes count on the record, and the day of the latest'),
});

export function caseNotesSummaryOf(state: CaseNotesState): z.output<typeof CaseNotesReadModel> {
  const latest = state.caseNotes.reduce<string | null>((day, note) => (day === null || note.occurredOn > day ? note.occurredOn : day), null);
  return { caseNotes: { count: state.caseNotes.length, latestOn: latest } };
}

/** A note as the record's notes view shows it: the version that counts, and what became of the note. */
export const CaseNoteOut = z.object({
  noteId: z.string().describe('The event id of the first version: the same through corrections'),
  eventId: z.string().describe('The event id of the latest version'),
  childId: z.string(),
  noteType: z.string(),
  occurredAt: z.string(),
  occurredOn: z.string(),
  present: z.array(z.string()),
  narrative: z.string(),
  voiceOfTheChild: z.string().nullable(),
  linkedEvent: z.object({ eventId: z.string(), type: z.string(), occurredOn: z.string() }).nullable(),
  writtenByWorkerId: z.string().nullable(),
  recordedBy: z.object({ userId: z.string(), role: z.string() }),
  recordedAt: z.string(),
  firstRecordedAt: z.string(),
  householdId: z.string().nullable(),
  householdNoteId: z.string().nullable(),
  versions: z.number().describe('1, or more when corrected'),
  correctionReason: z.string().nullable(),
  voided: z.object({ reason: z.string() }).nullable(),
});
export type CaseNoteOut = z.infer<typeof CaseNoteOut>;

/** A statutory event a new note may belong to. */
export const LinkableEvent = z.object({ eventId: z.string(), type: z.string(), occurredOn: z.string() });
export type LinkableEvent = z.infer<typeof LinkableEvent>;

export const ChildCaseNotes = z.object({ childId: z.string(), notes: z.array(CaseNoteOut), linkableEvents: z.array(LinkableEvent) });
export type ChildCaseNotes = z.infer<typeof ChildCaseNotes>;

/** Part of a search result's snippet: text, highlighted where it matched. */
export const SnippetPart = z.object({ text: z.string(), highlighted: z.boolean() });

export const CaseNoteSearchResult = z.object({
  childId: z.string(),
  forename: z.string(),
  surname: z.string(),
  noteId: z.string(),
  noteType: z.string(),
  occurredAt: z.string(),
  occurredOn: z.string(),
  snippet: z.array(SnippetPart),
  href: z.string().describe('Where the note opens in its record (the web app\'s address)'),
});
export type CaseNoteSearchResult = z.infer<typeof CaseNoteSearchResult>;

/** The web app's address of a note in its record's notes view. */
export const noteHref = (childId: string, noteId: string) => `/children/${encodeURIComponent(childId)}/case-notes#note-${noteId}`;
