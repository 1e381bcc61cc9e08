import { describe, expect, it } from 'vitest';
import { commandFrom } from '../../../web/recording/event-forms.ts';
import { caseNotesWeb } from './index.ts';
import { caseNoteForm, THIS_CHILD } from './forms.ts';

const form = caseNoteForm({
  linkableEvents: [{ eventId: '0b7d0f5e-4b0c-4a55-8f0e-8b1a2f3c4d5e', type: 'visit.made', occurredOn: '2024-03-05' }],
  households: ['H1'], othersInHousehold: ['Ava Smith'],
});
const values = { 'occurredAt-day': '5', 'occurredAt-month': '3', 'occurredAt-year': '2024', 'occurredAt-time': '14:30', noteType: 'home-visit', narrative: ' Saw the children. ' };

describe('the Add a case note form', () => {
  it('offers the events on the record and the household, naming whose records a household note goes on', () => {
    const linked = form.fields.find((field) => field.name === 'linkedEventId');
    expect(linked).toMatchObject({ options: [{ value: '', text: 'None' }, { value: '0b7d0f5e-4b0c-4a55-8f0e-8b1a2f3c4d5e', text: 'Visit on 5 March 2024' }] });
    expect(form.fields.find((field) => field.name === 'about')).toMatchObject({ hint: expect.stringContaining('Ava Smith') });
  });

  it('makes the note for this child, one person present a line', () => {
    const command = commandFrom(form, { ...values, about: THIS_CHILD, present: 'Mother\n\n Child \n' }, { workers: [] });
    expect(command).toEqual({ type: 'case-note.recorded', occurredAt: expect.stringMatching(/^2024-03-05T1\d:30:00Z$/), data: { noteType: 'home-visit', narrative: 'Saw the children.', present: ['Mother', 'Child'] } });
  });

  it('makes a household note when the household is chosen', () => {
    expect(commandFrom(form, { ...values, about: 'H1' }, { workers: [] }).data).toMatchObject({ householdId: 'H1', present: [] });
  });

  it('offers a note on the chronology entries a note may belong to, not on others', () => {
    const links = caseNotesWeb.chronologyEntryLinks!;
    expect(links({ childId: 'C1', eventId: 'e1', type: 'visit.made', occurredOn: '2024-03-05', effective: true })).toEqual([
      { href: '/children/C1/case-notes?add&event=e1', text: 'Add a note to this visit', hiddenText: 'of 5 March 2024' },
    ]);
    expect(links({ childId: 'C1', eventId: 'e2', type: 'strategy-discussion.held', occurredOn: '2024-03-05', effective: true })[0]!.text).toBe('Add a note to this strategy discussion');
    expect(links({ childId: 'C1', eventId: 'e3', type: 'child.details-changed', occurredOn: '2024-03-05', effective: true })).toEqual([]);
  });
});
