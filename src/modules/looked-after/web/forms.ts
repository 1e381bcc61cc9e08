/**
 * Looked after's forms as data, in the shape of web/recording/event-forms.ts: which questions, in
 * what words, and how the answers become each event's `data`. The placement is asked one box per
 * question and put together here; the API's schemas stay the one judge of what is valid.
 */
import { date, optionsOf, type EventForm, type FieldSpec, type FormValues } from '../../../web/recording/event-forms.ts';
import { categoryOfNeedCodes, legalStatusCodes, placementProviderCodes, placementTypeCodes, reasonPlacementChangedCodes } from '../codes.ts';
import { reasonPeriodCeasedCodes } from '../events.ts';

/** A number typed in a box; text that is not one is passed on as it is, for the API to name the problem. */
const amount = (value: unknown): unknown => {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value.replace(/[£,\s]/g, ''));
  return Number.isFinite(number) ? number : value;
};

const placementFields: FieldSpec[] = [
  { kind: 'select', name: 'placementType', label: 'Placement type', options: optionsOf(placementTypeCodes, true), missing: 'Select the placement type' },
  {
    kind: 'radios', name: 'provider', label: 'Who provides the placement?', hint: 'Leave empty for a temporary move (T0–T4)', options: optionsOf(placementProviderCodes, true), optional: true,
  },
  { kind: 'text', name: 'providerName', label: 'Name of the carer or provision (optional)', optional: true },
  { kind: 'text', name: 'ofstedUrn', label: 'Ofsted unique reference number (optional)', hint: '7 letters or digits, or XXXXXXX if the provision is not registered with Ofsted', optional: true, width: 'govuk-input--width-10' },
  { kind: 'text', name: 'placementPostcode', label: 'Postcode of the placement (optional)', hint: 'The distance from home is worked out from it', optional: true, width: 'govuk-input--width-10' },
  { kind: 'text', name: 'weeklyCost', label: 'Weekly cost in pounds (optional)', optional: true, width: 'govuk-input--width-10' },
];

const placementQuestions = ['placementType', 'provider', 'providerName', 'ofstedUrn', 'placementPostcode', 'weeklyCost'];

/** The placement put together from its boxes. */
function withPlacement(data: Record<string, unknown>): Record<string, unknown> {
  const { placementType, provider, providerName, ofstedUrn, placementPostcode, weeklyCost, ...rest } = data;
  const placement = { type: placementType, provider, providerName, ofstedUrn, postcode: placementPostcode, weeklyCost: amount(weeklyCost) };
  return { ...rest, placement: Object.fromEntries(Object.entries(placement).filter(([, value]) => value !== undefined)) };
}

/** The boxes a recorded placement was given in (the other way round from withPlacement), to correct it. */
function placementAnswersOf(data: Record<string, unknown>): FormValues {
  const placement = (data.placement ?? {}) as Record<string, unknown>;
  const answers: Record<string, unknown> = {
    placementType: placement.type, provider: placement.provider, providerName: placement.providerName, ofstedUrn: placement.ofstedUrn,
    placementPostcode: placement.postcode, weeklyCost: placement.weeklyCost,
  };
  return Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]));
}

const placementProblems = {
  'placement.type': 'placementType', 'placement.provider': 'provider', 'placement.providerName': 'providerName', 'placement.ofstedUrn': 'ofstedUrn',
  'placement.postcode': 'placementPostcode', 'placement.weeklyCost': 'weeklyCost', placement: placementQuestions[0]!,
};

/** Every event as a form, in the order of a period of care (after every other module's journey steps). */
export const lookedAfterForms: readonly EventForm<unknown>[] = [
  {
    type: 'looked-after.started', journeyStep: 320, title: 'Record that the child became looked after', occurredAt: date('Date the child became looked after'),
    fields: [
      { kind: 'select', name: 'legalStatus', label: 'Legal status', options: optionsOf(legalStatusCodes, true), missing: 'Select the legal status' },
      { kind: 'radios', name: 'categoryOfNeed', label: 'Category of need', options: optionsOf(categoryOfNeedCodes, true) },
      ...placementFields,
      { kind: 'text', name: 'homePostcode', label: 'Postcode of the child\'s home (optional)', hint: 'Where the child lived when they became looked after', optional: true, width: 'govuk-input--width-10' },
      { kind: 'yes-no', name: 'unaccompaniedAsylumSeeking', label: 'Is the child an unaccompanied asylum-seeking child?', missing: 'Select yes if the child is an unaccompanied asylum-seeking child' },
    ],
    complete: withPlacement,
    valuesFrom: placementAnswersOf,
    derivedFrom: placementProblems,
  },
  {
    type: 'looked-after.placement-changed', journeyStep: 330, title: 'Record a change of placement', occurredAt: date('Date of the move'),
    fields: [
      ...placementFields,
      { kind: 'yes-no', name: 'sameCarer', label: 'Does the child stay with the same carer?', hint: 'For example a foster placement becoming long-term, or a return after a temporary move', missing: 'Select yes if the child stays with the same carer' },
      { kind: 'select', name: 'reason', label: 'Why did the placement change?', options: optionsOf(reasonPlacementChangedCodes), missing: 'Select why the placement changed' },
      { kind: 'select', name: 'legalStatus', label: 'New legal status, if it changed the same day (optional)', options: optionsOf(legalStatusCodes, true), optional: true },
    ],
    complete: withPlacement,
    valuesFrom: placementAnswersOf,
    derivedFrom: placementProblems,
  },
  {
    type: 'looked-after.legal-status-changed', journeyStep: 340, title: 'Record a change of legal status', occurredAt: date('Date the legal status changed'),
    fields: [{ kind: 'select', name: 'legalStatus', label: 'New legal status', options: optionsOf(legalStatusCodes, true), missing: 'Select the new legal status' }],
  },
  {
    type: 'looked-after.placement-cost-changed', journeyStep: 350, title: 'Record a change in the cost of the placement', occurredAt: date('Date the new cost applies from'),
    fields: [{ kind: 'text', name: 'weeklyCost', label: 'New weekly cost in pounds', width: 'govuk-input--width-10', missing: 'Enter the weekly cost in pounds' }],
    complete: (data) => ({ ...data, weeklyCost: amount(data.weeklyCost) }),
  },
  {
    type: 'looked-after.secure-accommodation-order-made', journeyStep: 360, title: 'Record a secure accommodation order', occurredAt: date('Date the order was made'),
    fields: [
      { kind: 'date', name: 'endsOn', label: 'Last day the order authorises (optional)', optional: true },
      { kind: 'textarea', name: 'reasons', label: 'What risks does the order protect the child from?', hint: 'One a line, for example sexual exploitation, gangs, going missing', missing: 'Enter at least one reason for the order' },
    ],
    complete: (data) => ({ ...data, reasons: String(data.reasons ?? '').split('\n').map((line) => line.trim()).filter(Boolean) }),
    valuesFrom: (data): FormValues => (Array.isArray(data.reasons) ? { reasons: data.reasons.join('\n') } : {}),
  },
  {
    type: 'looked-after.uasc-status-ceased', journeyStep: 370, title: 'Record that the child is no longer an unaccompanied asylum-seeking child',
    occurredAt: date('Date the status ended'), fields: [],
  },
  {
    type: 'looked-after.ceased', journeyStep: 380, title: 'Record that the child stopped being looked after', occurredAt: date('Date the child stopped being looked after'),
    fields: [{ kind: 'select', name: 'reason', label: 'Why did the child stop being looked after?', options: optionsOf(reasonPeriodCeasedCodes, true), missing: 'Select why the child stopped being looked after' }],
  },
];
