/** The people module's events as forms: registering a child, allocating a worker, joining a household. */
import { ethnicityCodes, sexCodes } from '../../../codes/statutory-codes.ts';
import { date, dateTime, optionsOf, type EventForm, type FormValues } from '../../../web/recording/event-forms.ts';
import type { ChildDetails } from '../events.ts';

/** A date as the form's three boxes hold it. */
const dateBoxes = (name: string, value: string | undefined): FormValues => {
  if (!value) return {};
  const [year, month, day] = value.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! };
};

/**
 * Changing who the child is recorded as: a name changed by deed poll or spelt wrongly at
 * registration, a date of birth confirmed. The form starts with the details as recorded, and the
 * reason is kept with the change (the chronology shows it).
 */
export const childDetailsForm: EventForm<unknown> = {
  type: 'child.details-changed', title: 'Change the child\'s details', occurredAt: date('Date of the change'), journeyStep: 1000,
  fields: [
    { kind: 'text', name: 'forename', label: 'First name', width: 'govuk-!-width-one-half' },
    { kind: 'text', name: 'surname', label: 'Last name', width: 'govuk-!-width-one-half' },
    { kind: 'date', name: 'dateOfBirth', label: 'Date of birth', hint: 'For example, 27 3 2015', optional: true },
    { kind: 'radios', name: 'sex', label: 'Sex', options: optionsOf(sexCodes), inline: true },
    { kind: 'select', name: 'ethnicity', label: 'Ethnicity', options: optionsOf(ethnicityCodes) },
    { kind: 'text', name: 'nhsNumber', label: 'NHS number (optional)', hint: '10 digits', optional: true, width: 'govuk-input--width-10' },
    { kind: 'text', name: 'firstLanguage', label: 'First language (optional)', optional: true, width: 'govuk-!-width-one-half' },
    { kind: 'text', name: 'religion', label: 'Religion (optional)', optional: true, width: 'govuk-!-width-one-half' },
    { kind: 'textarea', name: 'reason', label: 'Why are the details changing?', hint: 'For example, name changed by deed poll, or misspelt when the child was registered', missing: 'Enter why the details are changing' },
  ],
  prefill: (record) => {
    const details = (record as { details?: ChildDetails }).details;
    if (!details) return {};
    const values: FormValues = { forename: details.forename, surname: details.surname, sex: details.sex, ethnicity: details.ethnicity, ...dateBoxes('dateOfBirth', details.dateOfBirth) };
    for (const name of ['nhsNumber', 'firstLanguage', 'religion'] as const) if (details[name]) values[name] = details[name];
    return values;
  },
};

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
  childDetailsForm,
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
