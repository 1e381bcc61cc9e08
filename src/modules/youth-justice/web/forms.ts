/**
 * Youth justice's forms as data, in the shape of web/recording/event-forms.ts: which questions, in
 * what words, and how the answers become each event's `data`. The API's schemas stay the one judge
 * of what is valid; these forms only ask.
 */
import { date, optionsOf, type EventForm, type FormValues } from '../../../web/recording/event-forms.ts';
import {
  attendeeRoleCodes, courtOrderCodes, involvementEndReasonCodes, involvementReasonCodes, jointMeetingKindCodes, offenceOutcomeCodes,
  orderEndReasonCodes, remandEndReasonCodes, remandTypeCodes, sentenceCodes,
} from '../codes.ts';

const summary = (label: string) => ({ kind: 'textarea', name: 'summary', label, optional: true }) as const;

/** The roles ticked become the meeting's attendees, one each. */
function meetingFrom(data: Record<string, unknown>): Record<string, unknown> {
  const { attendeeRoles, ...rest } = data;
  const roles = Array.isArray(attendeeRoles) ? attendeeRoles : attendeeRoles === undefined || attendeeRoles === '' ? [] : [attendeeRoles];
  return { ...rest, attendees: roles.map((role) => ({ role })) };
}

function meetingAnswersOf(data: Record<string, unknown>): FormValues {
  const attendees = Array.isArray(data.attendees) ? (data.attendees as { role?: string }[]) : [];
  return { attendeeRoles: [...new Set(attendees.flatMap((a) => (a.role ? [a.role] : [])))] };
}

/** Every event as a form, in the order of the youth justice service's work with a child (after the other modules' steps). */
export const youthJusticeForms: readonly EventForm<unknown>[] = [
  {
    type: 'youth-justice.involvement-started', journeyStep: 600, title: 'Record that the youth justice service is involved', occurredAt: date('Date the involvement began'),
    fields: [{ kind: 'radios', name: 'reason', label: 'Why is the youth justice service involved?', options: optionsOf(involvementReasonCodes) }, summary('Summary (optional)')],
  },
  {
    type: 'youth-justice.worker-allocated', journeyStep: 610, title: 'Allocate a youth justice worker', occurredAt: date('Allocated from'),
    fields: [{ kind: 'worker', name: 'workerId', label: 'Youth justice worker', hint: 'A worker of a youth justice service team', missing: 'Select the youth justice worker' }],
  },
  {
    type: 'youth-justice.offence-outcome-recorded', journeyStep: 620, title: 'Record an offence outcome', occurredAt: date('Date of the outcome'),
    fields: [
      { kind: 'date', name: 'offenceOn', label: 'Date of the offence', missing: 'Enter the date of the offence' },
      { kind: 'radios', name: 'outcome', label: 'How was the offence dealt with?', options: optionsOf(offenceOutcomeCodes) },
      { kind: 'text', name: 'court', label: 'Court (for a conviction)', optional: true },
      { kind: 'select', name: 'sentence', label: 'Sentence (for a conviction)', options: optionsOf(sentenceCodes), optional: true },
      { kind: 'text', name: 'offence', label: 'The offence (optional)', optional: true },
    ],
  },
  {
    type: 'youth-justice.court-order-made', journeyStep: 630, title: 'Record a court order', occurredAt: date('Date the order was made'),
    fields: [
      { kind: 'radios', name: 'order', label: 'Order', options: optionsOf(courtOrderCodes), hint: 'A youth rehabilitation order with a residence or intensive fostering requirement makes the child looked after: record that on the looked-after record too' },
      { kind: 'text', name: 'court', label: 'Court', missing: 'Enter the court that made the order' },
      { kind: 'date', name: 'endsOn', label: 'Date the order is due to end', missing: 'Enter the date the order is due to end' },
    ],
  },
  {
    type: 'youth-justice.court-order-ended', journeyStep: 640, title: 'End a court order', occurredAt: date('Date the order ended'),
    fields: [{ kind: 'radios', name: 'reason', label: 'How did it end?', options: optionsOf(orderEndReasonCodes) }],
  },
  {
    type: 'youth-justice.remanded', journeyStep: 650, title: 'Record a remand', occurredAt: date('Date of the remand'),
    fields: [
      { kind: 'radios', name: 'remandType', label: 'Where was the child remanded?', options: optionsOf(remandTypeCodes), hint: 'A remanded child is looked after: record that on the looked-after record too (legal status J1)' },
      { kind: 'text', name: 'court', label: 'Court', missing: 'Enter the court that remanded the child' },
    ],
  },
  {
    type: 'youth-justice.remand-ended', journeyStep: 660, title: 'End the remand', occurredAt: date('Date the remand ended'),
    fields: [{ kind: 'radios', name: 'reason', label: 'Why did it end?', options: optionsOf(remandEndReasonCodes) }],
  },
  {
    type: 'youth-justice.pace-transferred', journeyStep: 670, title: 'Record a transfer to council accommodation under PACE', occurredAt: date('Date of the transfer'),
    fields: [
      { kind: 'text', name: 'policeStation', label: 'Police station (optional)', optional: true },
      { kind: 'date', name: 'endedOn', label: 'Date the child left council accommodation (optional)', optional: true },
    ],
  },
  {
    type: 'youth-justice.joint-meeting-held', journeyStep: 680, title: 'Record a joint supervision or planning meeting', occurredAt: date('Date of the meeting'),
    fields: [
      { kind: 'radios', name: 'kind', label: 'Meeting', options: optionsOf(jointMeetingKindCodes) },
      { kind: 'checkboxes', name: 'attendeeRoles', label: 'Who took part?', hint: 'Select everyone who took part, by role', options: optionsOf(attendeeRoleCodes), missing: 'Select who took part' },
      { kind: 'textarea', name: 'discussion', label: 'What was discussed? (optional)', optional: true },
      { kind: 'textarea', name: 'decisions', label: 'What was decided?', missing: 'Enter what was decided' },
    ],
    complete: meetingFrom,
    derivedFrom: { attendees: 'attendeeRoles' },
    valuesFrom: meetingAnswersOf,
  },
  {
    type: 'youth-justice.involvement-ended', journeyStep: 690, title: 'End the youth justice service\'s involvement', occurredAt: date('Date the involvement ended'),
    fields: [{ kind: 'radios', name: 'reason', label: 'Why did it end?', options: optionsOf(involvementEndReasonCodes) }, summary('Summary (optional)')],
  },
];
