/**
 * The "Add a case note" form as data, in the shape of web/recording/event-forms.ts: built for the
 * child's record, so that the events a note may belong to and the child's household are offered.
 * The API's schemas stay the one judge of what is valid; the form only asks.
 */
import { formatDate } from '../../../web/format.ts';
import { dateTime, optionsOf, type EventForm, type FieldSpec } from '../../../web/recording/event-forms.ts';
import { linkableEventWords, noteTypeCodes } from '../codes.ts';
import type { LinkableEvent } from '../read-model.ts';

/** The answer to "Who is this note about?" that means this child alone (any other answer is a household's id). */
export const THIS_CHILD = 'this-child';

/** A statutory event in words: "Visit on 5 March 2024". */
export const linkableEventText = (event: Pick<LinkableEvent, 'type' | 'occurredOn'>) =>
  `${linkableEventWords[event.type] ?? event.type} on ${formatDate(event.occurredOn)}`;

/** The lines of a box, one person a line, as a list. */
const linesOf = (value: unknown) => String(value ?? '').split('\n').map((line) => line.trim()).filter(Boolean);

export function caseNoteForm(options: { linkableEvents: readonly LinkableEvent[]; households: readonly string[]; othersInHousehold: readonly string[] }): EventForm {
  const about: FieldSpec[] = options.households.length === 0 ? [] : [{
    kind: 'radios', name: 'about', label: 'Who is this note about?',
    hint: options.othersInHousehold.length > 0
      ? `A note about the household is also recorded on the records of ${options.othersInHousehold.join(', ')}`
      : 'A note about the household is recorded on the record of every child in it',
    options: [
      { value: THIS_CHILD, text: 'This child' },
      ...options.households.map((householdId) => ({ value: householdId, text: `Everyone in the household (${householdId})` })),
    ],
  }];
  return {
    type: 'case-note.recorded',
    title: 'Add a case note',
    occurredAt: dateTime('Date of the visit, call or meeting'),
    fields: [
      { kind: 'radios', name: 'noteType', label: 'Type of note', options: optionsOf(noteTypeCodes), missing: 'Select the type of note' },
      ...about,
      {
        kind: 'select', name: 'linkedEventId', label: 'Which visit, meeting or decision does it belong to? (optional)', optional: true,
        hint: 'Not for a note about the whole household',
        options: [{ value: '', text: 'None' }, ...options.linkableEvents.map((event) => ({ value: event.eventId, text: linkableEventText(event) }))],
      },
      { kind: 'textarea', name: 'present', label: 'Who was present? (optional)', hint: 'One person a line, for example "Mother (Jane Smith)"', optional: true },
      { kind: 'textarea', name: 'narrative', label: 'Note', hint: 'What happened, what you saw and heard, and what it means for the child', missing: 'Enter the note' },
      { kind: 'textarea', name: 'voiceOfTheChild', label: 'The child\'s wishes and feelings (optional)', hint: 'What the child said or showed, in their own words where you can', optional: true },
    ],
    complete: (data) => {
      const { about: whom, present, ...rest } = data;
      return { ...rest, present: linesOf(present), ...(typeof whom === 'string' && whom !== THIS_CHILD ? { householdId: whom } : {}) };
    },
    derivedFrom: { householdId: 'about' },
  };
}
