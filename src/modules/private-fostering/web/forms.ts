/**
 * Private fostering's forms as data, in the shape of web/recording/event-forms.ts: which questions,
 * in what words, and how the answers become each event's `data`. The API's schemas stay the one
 * judge of what is valid; these forms only ask.
 */
import { date, optionsOf, type EventForm, type FieldSpec, type FormValues } from '../../../web/recording/event-forms.ts';
import {
  arrangementEndReasonCodes, carerCheckCodes, carerCheckOutcomeCodes, carerRelationshipCodes, notifierCodes, notificationTimingCodes,
  notPrivateFosteringReasonCodes, panelDecisionCodes, privateFosteringReasonCodes, reviewOutcomeCodes, suitabilityOutcomeCodes,
} from '../codes.ts';
import { nationalityCodes } from '../nationalities.ts';

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

/** The flat answers the arrangement's lists were put together from (the other way round from arrangementFrom), to correct it. */
function arrangementAnswersOf(data: Record<string, unknown>): FormValues {
  type Person = { name?: string; dateOfBirth?: string; personId?: string; relationship?: string; livesAbroad?: boolean };
  const list = (key: string) => (Array.isArray(data[key]) ? (data[key] as Person[]) : []);
  const [carer, secondCarer] = list('carers');
  const parents = list('parents');
  const address = (data.address ?? {}) as { line1?: string; postcode?: string };
  const dateBoxes = (name: string, value: string | undefined): FormValues => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
    return match ? { [`${name}-day`]: String(Number(match[3])), [`${name}-month`]: String(Number(match[2])), [`${name}-year`]: match[1]! } : {};
  };
  const answers: Record<string, string | undefined> = {
    carerName: carer?.name, carerPersonId: carer?.personId, secondCarerName: secondCarer?.name,
    otherPeople: list('householdMembers').map((member) => member.name).filter(Boolean).join('\n') || undefined,
    addressLine1: address.line1, postcode: address.postcode,
    motherName: parents.find((parent) => parent.relationship === 'mother')?.name, fatherName: parents.find((parent) => parent.relationship === 'father')?.name,
    parentsLiveAbroad: parents.length > 0 ? (parents.some((parent) => parent.livesAbroad) ? 'yes' : 'no') : undefined,
  };
  return {
    ...Object.fromEntries(Object.entries(answers).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    ...dateBoxes('carerDateOfBirth', carer?.dateOfBirth), ...dateBoxes('secondCarerDateOfBirth', secondCarer?.dateOfBirth),
  };
}

/**
 * Every event as a form, in the order of an arrangement from notification to end (their journey
 * steps follow every other module's: a child's private fostering is offered after the rest).
 */
export const privateFosteringForms: readonly EventForm<unknown>[] = [
  {
    type: 'private-fostering.notified', journeyStep: 220, title: 'Record a private fostering notification', occurredAt: date('Date the notification was received'),
    fields: [
      { kind: 'radios', name: 'notifiedBy', label: 'Who told the council?', options: optionsOf(notifierCodes) },
      { kind: 'radios', name: 'timing', label: 'Had the arrangement begun?', options: optionsOf(notificationTimingCodes) },
      { kind: 'date', name: 'arrangementBeginsOn', label: 'When did (or will) the arrangement begin? (optional)', optional: true },
      { kind: 'text', name: 'notifierName', label: 'Name of the person who told the council (optional)', optional: true },
      summary('What did they tell you? (optional)'),
    ],
  },
  {
    type: 'private-fostering.notification-forwarded', journeyStep: 230, title: 'Forward the notification to the children in need service',
    occurredAt: date('Date forwarded'), fields: [],
  },
  {
    type: 'private-fostering.visit-made', journeyStep: 240, title: 'Record a private fostering visit', occurredAt: date('Date of the visit'),
    fields: [
      { kind: 'yes-no', name: 'childSeen', label: 'Was the child seen?', missing: 'Select yes if the child was seen' },
      { kind: 'yes-no', name: 'seenAlone', label: 'Did you speak to the child alone?', missing: 'Select yes if you spoke to the child alone' },
      { kind: 'textarea', name: 'reasonNotSeenAlone', label: 'Why not alone? (optional)', optional: true },
      { kind: 'date', name: 'reportWrittenOn', label: 'Date the visit report was written (optional)', optional: true },
      { kind: 'worker', name: 'visitedByWorkerId', label: 'Visited by', defaultToMe: true, missing: 'Select who made the visit' },
      { kind: 'textarea', name: 'observed', label: 'What did you observe? (optional)', hint: 'The child, the home and the household', optional: true },
      { kind: 'textarea', name: 'childsView', label: 'What did the child say? (optional)', hint: 'Their wishes and feelings, in their own words where you can', optional: true },
    ],
  },
  {
    type: 'private-fostering.arrangement-confirmed', journeyStep: 250, title: 'Confirm the private fostering arrangement', occurredAt: date('Date confirmed'),
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
    valuesFrom: arrangementAnswersOf,
  },
  {
    type: 'private-fostering.notification-closed', journeyStep: 260, title: 'Close the notification: not private fostering', occurredAt: date('Date decided'),
    fields: [{ kind: 'radios', name: 'reason', label: 'Why is it not private fostering?', options: optionsOf(notPrivateFosteringReasonCodes) }, summary('Reasons (optional)')],
  },
  {
    type: 'private-fostering.carer-check-completed', journeyStep: 270, title: 'Record a check on the household', occurredAt: date('Date the result came'),
    fields: [
      { kind: 'text', name: 'personId', label: 'Who was checked? (optional)', hint: 'Leave blank for the main carer; for someone else give their id on the record, such as member-1', optional: true, width: 'govuk-input--width-20' },
      { kind: 'radios', name: 'check', label: 'Check', options: optionsOf(carerCheckCodes) },
      { kind: 'radios', name: 'outcome', label: 'What did it find?', options: optionsOf(carerCheckOutcomeCodes) },
      { kind: 'date', name: 'dbsCertificateIssuedOn', label: 'Date the DBS certificate was issued (DBS checks only)', optional: true },
    ],
  },
  {
    type: 'private-fostering.suitability-assessed', journeyStep: 280, title: 'Complete the assessment of suitability', occurredAt: date('Date a manager authorised the assessment'),
    fields: [
      { kind: 'radios', name: 'outcome', label: 'Is the arrangement suitable?', options: optionsOf(suitabilityOutcomeCodes) },
      { kind: 'worker', name: 'authorisedByWorkerId', label: 'Authorised by', missing: 'Select the manager who authorised the assessment' },
      { kind: 'textarea', name: 'requirements', label: 'Requirements on the carer (optional)', optional: true },
      summary('Summary of the assessment (optional)'),
    ],
  },
  {
    type: 'private-fostering.panel-decided', journeyStep: 290, title: 'Record the panel\'s decision', occurredAt: date('Date of the panel'),
    fields: [
      { kind: 'radios', name: 'decision', label: 'Decision', options: optionsOf(panelDecisionCodes) },
      { kind: 'worker', name: 'chairWorkerId', label: 'Chair (the Assistant Director or Director)', missing: 'Select who chaired the panel' },
      { kind: 'textarea', name: 'requirements', label: 'Requirements (optional)', optional: true },
    ],
  },
  {
    type: 'private-fostering.arrangement-reviewed', journeyStep: 300, title: 'Record the annual review', occurredAt: date('Date of the review'),
    fields: [
      { kind: 'radios', name: 'outcome', label: 'Outcome', options: optionsOf(reviewOutcomeCodes) },
      { kind: 'worker', name: 'chairWorkerId', label: 'Chair', missing: 'Select who chaired the review' },
      summary('Summary (optional)'),
    ],
  },
  {
    type: 'private-fostering.arrangement-ended', journeyStep: 310, title: 'End the private fostering arrangement', occurredAt: date('Date the arrangement ended'),
    fields: [{ kind: 'radios', name: 'reason', label: 'Why did it end?', options: optionsOf(arrangementEndReasonCodes) }, summary('What happened (optional)')],
  },
];
