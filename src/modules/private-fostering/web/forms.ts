/**
 * Private fostering's forms as data, in the shape of web/recording/event-forms.ts: which questions,
 * in what words, and how the answers become each event's `data`. The API's schemas stay the one
 * judge of what is valid; these forms only ask.
 */
import type { EventForm, FieldSpec, Option } from '../../../web/recording/event-forms.ts';
import {
  arrangementEndReasonCodes, carerCheckCodes, carerCheckOutcomeCodes, carerRelationshipCodes, notifierCodes, notificationTimingCodes,
  notPrivateFosteringReasonCodes, panelDecisionCodes, privateFosteringReasonCodes, reviewOutcomeCodes, suitabilityOutcomeCodes,
} from '../codes.ts';
import { nationalityCodes } from '../nationalities.ts';

const optionsOf = (list: Readonly<Record<string, string>>, withCode = false): Option[] =>
  Object.entries(list).map(([value, text]) => ({ value, text: withCode ? `${value}: ${text}` : text }));
const date = (label: string) => ({ label, withTime: false });
const summary = (label: string): FieldSpec => ({ kind: 'textarea', name: 'summary', label, optional: true });

/** Present text answers only: an empty box is no answer. */
const given = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * The arrangement's questions are asked flat, one box each (the carer, a second carer, the other
 * people of the household one a line, the parents), and put together here into the event's lists.
 */
function arrangementFrom(data: Record<string, unknown>): Record<string, unknown> {
  const {
    carerName, carerDateOfBirth, carerPersonId, secondCarerName, secondCarerDateOfBirth, otherPeople, addressLine1, postcode,
    motherName, fatherName, parentsLiveAbroad, ...rest
  } = data;
  const person = (name: unknown, dateOfBirth: unknown, personId?: unknown) =>
    given(name) === undefined ? [] : [{ name: given(name), ...(given(dateOfBirth) ? { dateOfBirth } : {}), ...(given(personId) ? { personId: given(personId) } : {}) }];
  const livesAbroad = parentsLiveAbroad === 'yes';
  const parent = (name: unknown, relationship: string) => (given(name) === undefined ? [] : [{ name: given(name), relationship, livesAbroad }]);
  return {
    ...rest,
    carers: [...person(carerName, carerDateOfBirth, carerPersonId), ...person(secondCarerName, secondCarerDateOfBirth)],
    householdMembers: String(otherPeople ?? '').split('\n').map((line) => line.trim()).filter(Boolean).map((name) => ({ name })),
    address: { line1: given(addressLine1), postcode: given(postcode) },
    parents: [...parent(motherName, 'mother'), ...parent(fatherName, 'father')],
  };
}

export const privateFosteringEventForms: Readonly<Record<string, EventForm>> = {
  'private-fostering.notified': {
    type: 'private-fostering.notified', title: 'Record a private fostering notification', occurredAt: date('Date the notification was received'),
    fields: [
      { kind: 'radios', name: 'notifiedBy', label: 'Who told the council?', options: optionsOf(notifierCodes) },
      { kind: 'radios', name: 'timing', label: 'Had the arrangement begun?', options: optionsOf(notificationTimingCodes) },
      { kind: 'date', name: 'arrangementBeginsOn', label: 'When did (or will) the arrangement begin? (optional)', optional: true },
      { kind: 'text', name: 'notifierName', label: 'Name of the person who told the council (optional)', optional: true },
      summary('What did they tell you? (optional)'),
    ],
  },
  'private-fostering.notification-forwarded': {
    type: 'private-fostering.notification-forwarded', title: 'Forward the notification to the children in need service',
    occurredAt: date('Date forwarded'), fields: [],
  },
  'private-fostering.visit-made': {
    type: 'private-fostering.visit-made', title: 'Record a private fostering visit', occurredAt: date('Date of the visit'),
    fields: [
      { kind: 'yes-no', name: 'childSeen', label: 'Was the child seen?', missing: 'Select yes if the child was seen' },
      { kind: 'yes-no', name: 'seenAlone', label: 'Did you speak to the child alone?', missing: 'Select yes if you spoke to the child alone' },
      { kind: 'textarea', name: 'reasonNotSeenAlone', label: 'Why not alone? (optional)', optional: true },
      { kind: 'date', name: 'reportWrittenOn', label: 'Date the visit report was written (optional)', optional: true },
      { kind: 'worker', name: 'visitedByWorkerId', label: 'Visited by', defaultToMe: true, missing: 'Select who made the visit' },
    ],
  },
  'private-fostering.arrangement-confirmed': {
    type: 'private-fostering.arrangement-confirmed', title: 'Confirm the private fostering arrangement', occurredAt: date('Date confirmed'),
    fields: [
      { kind: 'date', name: 'startedOn', label: 'When did the arrangement begin?' },
      { kind: 'date', name: 'expectedEndOn', label: 'When is it expected to end? (optional)', optional: true },
      { kind: 'radios', name: 'reason', label: 'Why is the child privately fostered?', options: optionsOf(privateFosteringReasonCodes, true) },
      { kind: 'select', name: 'nationality', label: 'The child\'s nationality', options: optionsOf(nationalityCodes) },
      { kind: 'radios', name: 'carerRelationship', label: 'How does the carer know the child?', options: optionsOf(carerRelationshipCodes) },
      { kind: 'text', name: 'carerName', label: 'The private foster carer\'s full name', missing: 'Enter the private foster carer\'s full name' },
      { kind: 'date', name: 'carerDateOfBirth', label: 'The carer\'s date of birth (optional)', optional: true },
      { kind: 'text', name: 'carerPersonId', label: 'The carer\'s person id, if the council knows them (optional)', optional: true, width: 'govuk-input--width-20' },
      { kind: 'text', name: 'secondCarerName', label: 'A second carer\'s full name (optional)', optional: true },
      { kind: 'date', name: 'secondCarerDateOfBirth', label: 'The second carer\'s date of birth (optional)', optional: true },
      { kind: 'textarea', name: 'otherPeople', label: 'Other people living in the household (optional)', hint: 'One name a line', optional: true },
      { kind: 'text', name: 'addressLine1', label: 'The carer\'s address', missing: 'Enter the carer\'s address' },
      { kind: 'text', name: 'postcode', label: 'Postcode', width: 'govuk-input--width-10', missing: 'Enter the postcode' },
      { kind: 'text', name: 'motherName', label: 'The child\'s mother (optional)', optional: true },
      { kind: 'text', name: 'fatherName', label: 'The child\'s father (optional)', optional: true },
      { kind: 'radios', name: 'parentsLiveAbroad', label: 'Do the parents live abroad?', options: [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }], inline: true, optional: true },
    ],
    complete: arrangementFrom,
  },
  'private-fostering.notification-closed': {
    type: 'private-fostering.notification-closed', title: 'Close the notification: not private fostering', occurredAt: date('Date decided'),
    fields: [{ kind: 'radios', name: 'reason', label: 'Why is it not private fostering?', options: optionsOf(notPrivateFosteringReasonCodes) }, summary('Reasons (optional)')],
  },
  'private-fostering.carer-check-completed': {
    type: 'private-fostering.carer-check-completed', title: 'Record a check on the household', occurredAt: date('Date the result came'),
    fields: [
      { kind: 'text', name: 'personId', label: 'Who was checked? (optional)', hint: 'Leave blank for the main carer; for someone else give their id on the record, such as member-1', optional: true, width: 'govuk-input--width-20' },
      { kind: 'radios', name: 'check', label: 'Check', options: optionsOf(carerCheckCodes) },
      { kind: 'radios', name: 'outcome', label: 'What did it find?', options: optionsOf(carerCheckOutcomeCodes) },
      { kind: 'date', name: 'dbsCertificateIssuedOn', label: 'Date the DBS certificate was issued (DBS checks only)', optional: true },
    ],
  },
  'private-fostering.suitability-assessed': {
    type: 'private-fostering.suitability-assessed', title: 'Complete the assessment of suitability', occurredAt: date('Date a manager authorised the assessment'),
    fields: [
      { kind: 'radios', name: 'outcome', label: 'Is the arrangement suitable?', options: optionsOf(suitabilityOutcomeCodes) },
      { kind: 'worker', name: 'authorisedByWorkerId', label: 'Authorised by', missing: 'Select the manager who authorised the assessment' },
      { kind: 'textarea', name: 'requirements', label: 'Requirements on the carer (optional)', optional: true },
      summary('Summary of the assessment (optional)'),
    ],
  },
  'private-fostering.panel-decided': {
    type: 'private-fostering.panel-decided', title: 'Record the panel\'s decision', occurredAt: date('Date of the panel'),
    fields: [
      { kind: 'radios', name: 'decision', label: 'Decision', options: optionsOf(panelDecisionCodes) },
      { kind: 'worker', name: 'chairWorkerId', label: 'Chair (the Assistant Director or Director)', missing: 'Select who chaired the panel' },
      { kind: 'textarea', name: 'requirements', label: 'Requirements (optional)', optional: true },
    ],
  },
  'private-fostering.arrangement-reviewed': {
    type: 'private-fostering.arrangement-reviewed', title: 'Record the annual review', occurredAt: date('Date of the review'),
    fields: [
      { kind: 'radios', name: 'outcome', label: 'Outcome', options: optionsOf(reviewOutcomeCodes) },
      { kind: 'worker', name: 'chairWorkerId', label: 'Chair', missing: 'Select who chaired the review' },
      summary('Summary (optional)'),
    ],
  },
  'private-fostering.arrangement-ended': {
    type: 'private-fostering.arrangement-ended', title: 'End the private fostering arrangement', occurredAt: date('Date the arrangement ended'),
    fields: [{ kind: 'radios', name: 'reason', label: 'Why did it end?', options: optionsOf(arrangementEndReasonCodes) }, summary('What happened (optional)')],
  },
};
