import { describe, expect, it } from 'vitest';
import { EventBody } from '../../record/events.ts';
import { foldChildRecord, type LoggedEvent } from '../../record/fold.ts';
import type { StoredEvent } from '../../record/stored-event.ts';
import { corrected, joinedHousehold, line, referral, registered, visit, voided, type InterchangeLine } from '../../../test/support/event-builders.ts';
import { caseNotesOf, householdNoteIdOf, snippetParts } from './repo.ts';

const CHILD = 'NOTES1';
const recordedBy = { userId: 'u-sw', role: 'social-worker', agency: 'childrens-social-care' };
const logOf = (lines: InterchangeLine[]): StoredEvent[] =>
  lines.map((l, index) => ({ ...l, sequence: index + 1, recordedAt: `2024-03-0${Math.min(9, index + 1)}T18:00:00.000Z`, recordedBy, clientId: l.eventId }) as StoredEvent);
const fold = (lines: InterchangeLine[]) => foldChildRecord('206', CHILD, logOf(lines) as unknown as LoggedEvent[]);
const note = (at: string, data: Record<string, unknown>) => line('case-note.recorded', CHILD, at, { noteType: 'home-visit', present: [], ...data });
const parse = (data: Record<string, unknown>) => EventBody.safeParse({ type: 'case-note.recorded', data: { noteType: 'phone-call', ...data } });

describe('a case note\'s rules', () => {
  const registration = registered(CHILD, { at: '2024-01-02' });

  it('keeps each note that counts under the id of its first version, through corrections', () => {
    const first = note('2024-03-01T10:00:00Z', { narrative: 'First telling' });
    const second = corrected(first, { data: { narrative: 'Told right' } }, 'Typo');
    const { state } = fold([registration, first, second]);
    expect(state.caseNotes).toEqual([expect.objectContaining({ noteId: first.eventId, eventId: second.eventId, narrative: 'Told right', corrected: true, occurredOn: '2024-03-01' })]);
  });

  it('drops a voided note, and refuses one before the child is registered', () => {
    const written = note('2024-03-01', { narrative: 'On the wrong child' });
    expect(fold([registration, written, voided(written, '2024-03-02')]).state.caseNotes).toEqual([]);
    expect(() => fold([note('2024-03-01', { narrative: 'Nobody yet' })])).toThrow(/You cannot record a case note on 1 March 2024: register the child first/);
  });

  it('refuses a household note for a child who was not in the household on the day', () => {
    const householdNote = { narrative: 'Family meeting', householdId: 'H1', householdNoteId: householdNoteIdOf('206', 'H1', 'client-1') };
    expect(() => fold([registration, joinedHousehold(CHILD, '2024-03-05', 'H1'), note('2024-03-01', householdNote)])).toThrow(/not a member of household H1 on 2024-03-01/);
    expect(fold([registration, joinedHousehold(CHILD, '2024-02-01', 'H1'), note('2024-03-01', householdNote)]).state.caseNotes[0]).toMatchObject({ householdId: 'H1' });
  });

  it('asks for the note in words, and keeps household notes to the household', () => {
    const empty = parse({ narrative: '  ' });
    expect(empty.success).toBe(false);
    expect(empty.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['data.narrative', 'Enter the note']]);
    expect(parse({ narrative: 'x', noteType: 'chat' }).error!.issues[0]!.message).toBe('Select the type of note');
    expect(parse({ narrative: 'x', householdId: 'H1' }).error!.issues[0]!.path).toEqual(['data', 'householdNoteId']);
    const linked = parse({ narrative: 'x', householdId: 'H1', householdNoteId: householdNoteIdOf('206', 'H1', 'c'), linkedEventId: householdNoteIdOf('206', 'H1', 'd') });
    expect(linked.error!.issues[0]!.path).toEqual(['data', 'linkedEventId']);
    // Events recorded before the narrative fields, and imports without them, stay valid.
    expect(EventBody.safeParse({ type: 'strategy-discussion.held', data: { attendingAgencies: ['police'], decision: 'section-47' } }).success).toBe(true);
    expect(EventBody.safeParse({ type: 'visit.made', data: { kind: 'child-protection', childSeen: true, observed: 'Saw the bedroom', childsView: 'I like it here' } }).success).toBe(true);
  });
});

describe('the notes view of a record', () => {
  it('lists the latest version of each note, newest first, with its link, corrections and voids', () => {
    const registration = registered(CHILD, { at: '2024-01-02' });
    const referred = referral(CHILD, '2024-02-01');
    const visited = visit(CHILD, '2024-03-01');
    const linked = note('2024-03-01T10:30:00Z', { narrative: 'After the visit', linkedEventId: visited.eventId });
    const later = note('2024-03-04', { narrative: 'Called school' });
    const fixed = corrected(later, { data: { narrative: 'Called the school nurse' } }, 'It was the nurse');
    const wrong = note('2024-03-02', { narrative: 'Wrong child' });
    const lines = [registration, referred, visited, linked, later, fixed, wrong, voided(wrong, '2024-03-05', 'Wrong record')];
    const log = logOf(lines);
    const shown = caseNotesOf(CHILD, log, foldChildRecord('206', CHILD, log as unknown as LoggedEvent[]));
    expect(shown.notes.map((n) => [n.narrative, n.versions, n.correctionReason, n.voided?.reason ?? null])).toEqual([
      ['Called the school nurse', 2, 'It was the nurse', null],
      ['Wrong child', 1, null, 'Wrong record'],
      ['After the visit', 1, null, null],
    ]);
    expect(shown.notes[0]!.noteId).toBe(later.eventId);
    expect(shown.notes[2]!.linkedEvent).toEqual({ eventId: visited.eventId, type: 'visit.made', occurredOn: '2024-03-01' });
    expect(shown.linkableEvents.map((e) => e.type)).toEqual(['visit.made', 'referral.received']);
  });
});

describe('search results and household note ids', () => {
  it('cuts a headline at its marks, so that no text is read as markup', () => {
    expect(snippetParts('The \u0001tenancy\u0002 is <b>at</b> risk')).toEqual([
      { text: 'The ', highlighted: false }, { text: 'tenancy', highlighted: true }, { text: ' is <b>at</b> risk', highlighted: false },
    ]);
    expect(snippetParts('\u0001Rent\u0002 and \u0001rent\u0002')).toEqual([
      { text: 'Rent', highlighted: true }, { text: ' and ', highlighted: false }, { text: 'rent', highlighted: true },
    ]);
  });

  it('gives a household note the same id when the same request is sent again, and another for another request', () => {
    const id = householdNoteIdOf('206', 'H1', 'client-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(householdNoteIdOf('206', 'H1', 'client-1')).toBe(id);
    expect(householdNoteIdOf('206', 'H1', 'client-2')).not.toBe(id);
    expect(householdNoteIdOf('206', 'H2', 'client-1')).not.toBe(id);
  });
});
