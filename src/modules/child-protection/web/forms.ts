/** Child protection's events as forms: strategy discussions, enquiries, conferences, core groups and plans. */
import { categoryOfAbuseCodes } from '../../../codes/statutory-codes.ts';
import { agencyWords, date, optionsFromCodes, optionsOf, type EventForm, type FieldSpec } from '../../../web/recording/event-forms.ts';
import { cpPlanEndReasons, partnerAgencies, section47Outcomes } from '../events.ts';

const agencies: FieldSpec = { kind: 'checkboxes', name: 'attendingAgencies', label: 'Agencies that took part', options: optionsFromCodes(partnerAgencies, agencyWords) };
const categoryOptions = optionsOf(categoryOfAbuseCodes);
/** A narrative question: optional, as the event's field is. */
const narrative = (name: string, label: string, hint?: string): FieldSpec => ({ kind: 'textarea', name, label: `${label} (optional)`, optional: true, ...(hint ? { hint } : {}) });
const decisionRationale = narrative('decisionRationale', 'Why was this decided?');
const planOutline = narrative('planOutline', 'Outline of the child protection plan', 'What will be done, by whom and by when');

export const childProtectionForms: EventForm<unknown>[] = [
  {
    type: 'strategy-discussion.held', title: 'Record a strategy discussion', occurredAt: date('Date of the discussion'), journeyStep: 90,
    fields: [
      agencies,
      narrative('reasons', 'Reasons for the strategy discussion', 'The concerns that led to it and what each agency shared'),
      { kind: 'radios', name: 'decision', label: 'Was a section 47 enquiry started?', options: [{ value: 'section-47', text: 'Yes, start a section 47 enquiry' }, { value: 'no-section-47', text: 'No' }] },
      decisionRationale,
    ],
  },
  {
    type: 'section-47.completed', title: 'Complete the section 47 enquiry', occurredAt: date('Date the enquiry was completed'), journeyStep: 100,
    fields: [
      { kind: 'radios', name: 'outcome', label: 'Outcome', options: optionsFromCodes(section47Outcomes, { 'initial-child-protection-conference': 'Initial child protection conference', 'child-in-need-plan': 'Child in need plan' }) },
      { kind: 'yes-no', name: 'concernsSubstantiated', label: 'Were the concerns substantiated?', missing: 'Select yes if the concerns were substantiated' },
      narrative('findings', 'What did the enquiry find?'),
    ],
    // Most enquiries that are completed lead to a conference.
    prefill: () => ({ outcome: 'initial-child-protection-conference' }),
  },
  {
    type: 'conference.initial-held', title: 'Record the initial child protection conference', occurredAt: date('Date of the conference'), journeyStep: 110,
    fields: [
      { kind: 'yes-no', name: 'planRequired', label: 'Is a child protection plan needed?', missing: 'Select yes if the child needs a child protection plan' },
      { kind: 'radios', name: 'categoryOfAbuse', label: 'Category of abuse', hint: 'Needed when there is a plan', options: categoryOptions, optional: true },
      { kind: 'worker', name: 'chairWorkerId', label: 'Chair', missing: 'Select who chaired the conference' },
      agencies,
      decisionRationale,
      planOutline,
    ],
  },
  {
    type: 'core-group.held', title: 'Record a core group meeting', occurredAt: date('Date of the meeting'), journeyStep: 130, fields: [agencies],
  },
  {
    type: 'conference.review-held', title: 'Record a review child protection conference', occurredAt: date('Date of the conference'), journeyStep: 140,
    fields: [
      { kind: 'yes-no', name: 'planContinues', label: 'Does the plan continue?', missing: 'Select yes if the plan continues' },
      { kind: 'radios', name: 'categoryOfAbuse', label: 'Category of abuse (if it changed)', options: categoryOptions, optional: true },
      { kind: 'radios', name: 'planEndReason', label: 'Why the plan ends (if it ends)', options: optionsFromCodes(cpPlanEndReasons), optional: true },
      { kind: 'worker', name: 'chairWorkerId', label: 'Chair', missing: 'Select who chaired the conference' },
      agencies,
      decisionRationale,
      planOutline,
    ],
  },
  {
    type: 'cp-plan.category-changed', title: 'Change the category of abuse', occurredAt: date('Date of the change'), journeyStep: 150,
    fields: [
      { kind: 'radios', name: 'categoryOfAbuse', label: 'New category of abuse', options: categoryOptions },
      { kind: 'text', name: 'reason', label: 'Reason (optional)', optional: true },
    ],
  },
  {
    type: 'cp-plan.ended', title: 'End the child protection plan', occurredAt: date('Date the plan ended'), journeyStep: 160,
    fields: [{ kind: 'radios', name: 'reason', label: 'Why did the plan end?', options: optionsFromCodes(cpPlanEndReasons) }, narrative('reasonInWords', 'The reason in words')],
  },
];
