/** The people module's events as forms: registering a child, allocating a worker, joining a household. */
import { ethnicityCodes, sexCodes } from '../../../codes/statutory-codes.ts';
import { date, dateTime, optionsOf, type EventForm } from '../../../web/recording/event-forms.ts';

export const childRegistrationForm: EventForm<unknown> = {
  type: 'child.registered', title: 'Register a child', occurredAt: date('Date registered'),
  fields: [
    { kind: 'text', name: 'forename', label: 'First name', width: 'govuk-!-width-one-half' },
    { kind: 'text', name: 'surname', label: 'Last name', width: 'govuk-!-width-one-half' },
    { kind: 'date', name: 'dateOfBirth', label: 'Date of birth', hint: 'For example, 27 3 2015. Leave blank for an unborn child', optional: true },
    { kind: 'radios', name: 'sex', label: 'Sex', options: optionsOf(sexCodes), inline: true },
    { kind: 'select', name: 'ethnicity', label: 'Ethnicity', options: optionsOf(ethnicityCodes) },
    { kind: 'text', name: 'nhsNumber', label: 'NHS number (optional)', hint: '10 digits', optional: true, width: 'govuk-input--width-10' },
    { kind: 'text', name: 'postcode', label: 'Postcode (optional)', optional: true, width: 'govuk-input--width-10', path: 'address.postcode' },
    { kind: 'date', name: 'expectedDateOfBirth', label: 'Expected date of birth, for an unborn child', optional: true },
  ],
};

export const peopleForms: EventForm<unknown>[] = [
  {
    type: 'allocation.started', title: 'Allocate a worker', occurredAt: dateTime('When was the child allocated?'), journeyStep: 60,
    fields: [{ kind: 'worker', name: 'workerId', label: 'Allocate to', defaultToMe: true, missing: 'Select the worker to allocate the child to' }],
    complete: (data, context) => ({ ...data, teamId: context.workers.find((worker) => worker.workerId === data.workerId)?.teamId }),
    derivedFrom: { teamId: 'workerId' },
  },
  {
    type: 'allocation.ended', title: 'End the allocation', occurredAt: date('Date the allocation ended'), journeyStep: 200,
    fields: [{ kind: 'text', name: 'reason', label: 'Reason (optional)', optional: true }],
  },
  {
    type: 'household.joined', title: 'Record joining a household', occurredAt: date('Date joined'), journeyStep: 210,
    fields: [{ kind: 'text', name: 'householdId', label: 'Household id', hint: 'For example, H206000150', width: 'govuk-input--width-20' }],
  },
];
