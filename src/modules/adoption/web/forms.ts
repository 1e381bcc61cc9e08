/**
 * Adoption's forms as data, in the shape of web/recording/event-forms.ts: which questions, in what
 * words, and how the answers become each event's `data`. The API's schemas stay the one judge of
 * what is valid; these forms only ask.
 */
import { date, optionsOf, type EventForm, type FieldSpec, type FormValues } from '../../../web/recording/event-forms.ts';
import { adoptersLegalStatusCodes, adoptersSexCodes, adoptionPlacementCodes, previousPermanenceCodes, reasonPlacedCeasedCodes } from '../codes.ts';

const court: FieldSpec = { kind: 'text', name: 'court', label: 'Court (optional)', optional: true };
const summary = (label: string): FieldSpec => ({ kind: 'textarea', name: 'summary', label, optional: true });

/** To whom an order that ends care was made: what the 903 reason the period of care ceased records (E41, E45–E48). */
const orderCarers: FieldSpec[] = [
  { kind: 'yes-no', name: 'relativeOrFriend', label: 'Are they a relative or friend of the child?', missing: 'Select yes if they are a relative or friend of the child' },
  { kind: 'yes-no', name: 'formerFosterCarers', label: 'Were they the child\'s foster carers?', missing: 'Select yes if they were the child\'s foster carers' },
  { kind: 'text', name: 'carersName', label: 'Their names (optional)', optional: true },
  court,
];

const given = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
/** A number typed in a box, or the text as typed when it is not one, for the API to name. */
const numberOf = (value: unknown): unknown => {
  const text = given(value);
  return text === undefined ? undefined : /^\d+$/.test(text) ? Number(text) : text;
};

/** The date of the previous order as far as it is known: the year, and the month and day when known (903 DATE_PERM). */
function previousPermanenceFrom(data: Record<string, unknown>): Record<string, unknown> {
  const { orderDay, orderMonth, orderYear, localAuthority, ...rest } = data;
  const parts = { year: numberOf(orderYear), month: numberOf(orderMonth), day: numberOf(orderDay) };
  const known = Object.values(parts).some((part) => part !== undefined);
  return {
    ...rest,
    ...(given(localAuthority) ? { localAuthority: given(localAuthority) } : {}),
    ...(known ? { orderDate: Object.fromEntries(Object.entries(parts).filter(([, part]) => part !== undefined)) } : {}),
  };
}

function previousPermanenceAnswersOf(data: Record<string, unknown>): FormValues {
  const orderDate = (data.orderDate ?? {}) as { year?: number; month?: number; day?: number };
  const answers: Record<string, string | undefined> = {
    orderYear: orderDate.year?.toString(), orderMonth: orderDate.month?.toString(), orderDay: orderDate.day?.toString(),
  };
  return Object.fromEntries(Object.entries(answers).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Every event as a form, in the order of a child's permanence, after the looked-after record's own. */
export const adoptionForms: readonly EventForm<unknown>[] = [
  {
    type: 'adoption.previous-permanence-recorded', journeyStep: 395, title: 'Record the child\'s previous permanence', occurredAt: date('Date recorded'),
    fields: [
      { kind: 'radios', name: 'previousPermanence', label: 'Before this period of care, was the child adopted or under another order giving them permanence?', options: optionsOf(previousPermanenceCodes) },
      { kind: 'text', name: 'localAuthority', label: 'The council that arranged it (optional)', hint: 'Its 3-digit DfE code, like 206', optional: true, width: 'govuk-input--width-4' },
      { kind: 'text', name: 'orderDay', label: 'Day of the order (optional)', hint: 'Leave empty if not known', optional: true, width: 'govuk-input--width-2' },
      { kind: 'text', name: 'orderMonth', label: 'Month of the order (optional)', hint: 'A number from 1 to 12; leave empty if not known', optional: true, width: 'govuk-input--width-2' },
      { kind: 'text', name: 'orderYear', label: 'Year of the order (optional)', hint: 'For example 2015', optional: true, width: 'govuk-input--width-4' },
    ],
    complete: previousPermanenceFrom,
    derivedFrom: { orderDate: 'orderYear', 'orderDate.year': 'orderYear', 'orderDate.month': 'orderMonth', 'orderDate.day': 'orderDay' },
    valuesFrom: previousPermanenceAnswersOf,
  },
  {
    type: 'adoption.decision-to-place', journeyStep: 400, title: 'Record the decision that the child should be placed for adoption', occurredAt: date('Date of the decision'),
    fields: [
      { kind: 'worker', name: 'decisionMakerWorkerId', label: 'Agency decision maker', missing: 'Select the agency decision maker' },
      { kind: 'yes-no', name: 'fosteringForAdoption', label: 'Is the child placed with carers approved to foster and adopt (fostering for adoption or concurrent planning)?', missing: 'Select yes if the child is placed for fostering for adoption' },
      summary('Reasons for the decision (optional)'),
    ],
  },
  {
    type: 'adoption.placement-order-applied', journeyStep: 410, title: 'Record the application for a placement order', occurredAt: date('Date applied'), fields: [court],
  },
  {
    type: 'adoption.placement-order-granted', journeyStep: 420, title: 'Record the placement order', occurredAt: date('Date of the order'),
    fields: [court],
  },
  {
    type: 'adoption.matched', journeyStep: 430, title: 'Record the match with prospective adopters', occurredAt: date('Date of the match'),
    fields: [
      { kind: 'radios', name: 'adoptersSex', label: 'Who are the adopters?', options: optionsOf(adoptersSexCodes) },
      { kind: 'radios', name: 'adoptersLegalStatus', label: 'The adopters\' legal status', options: optionsOf(adoptersLegalStatusCodes) },
      { kind: 'yes-no', name: 'fosterCarers', label: 'Are the adopters the child\'s foster carers?', missing: 'Select yes if the adopters are the child\'s foster carers' },
      { kind: 'date', name: 'livingWithAdoptersSince', label: 'If so, when did the child move in with them? (optional)', optional: true },
      { kind: 'text', name: 'adoptersName', label: 'The adopters\' names (optional)', optional: true },
    ],
  },
  {
    type: 'adoption.placed', journeyStep: 440, title: 'Record the child placed for adoption', occurredAt: date('Date the child moved in'),
    fields: [{ kind: 'radios', name: 'placement', label: 'How is the child placed?', hint: 'Record the move on the looked-after record too, as a change of placement', options: optionsOf(adoptionPlacementCodes, true) }],
  },
  {
    type: 'adoption.order-granted', journeyStep: 450, title: 'Record the adoption order', occurredAt: date('Date of the order'),
    fields: [
      { kind: 'yes-no', name: 'consentDispensedWith', label: 'Did the court dispense with a parent\'s consent?', missing: 'Select yes if the court dispensed with consent' },
      court,
    ],
  },
  {
    type: 'adoption.decision-reversed', journeyStep: 460, title: 'Record that the child should no longer be placed for adoption', occurredAt: date('Date of the decision'),
    fields: [{ kind: 'radios', name: 'reason', label: 'Why?', options: optionsOf(reasonPlacedCeasedCodes, true) }, summary('What happened (optional)')],
  },
  {
    type: 'adoption.special-guardianship-order-made', journeyStep: 470, title: 'Record a special guardianship order', occurredAt: date('Date of the order'), fields: orderCarers,
  },
  {
    type: 'adoption.child-arrangements-order-made', journeyStep: 480, title: 'Record a child arrangements order', occurredAt: date('Date of the order'), fields: orderCarers,
  },
];
