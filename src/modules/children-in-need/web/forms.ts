/** Children in need's events as forms: the referral, the assessment, plans, visits and closing the case. */
import { assessmentFactorCodes, primaryNeedCodes, reasonForClosureCodes, referralSourceCodes } from '../../../codes/statutory-codes.ts';
import { date, optionsFromCodes, optionsOf, type EventForm, type FormValues } from '../../../web/recording/event-forms.ts';
import type { ChildProtectionPlanState } from '../../child-protection/state.ts';
import type { ContactState } from '../../front-door/state.ts';
import { assessmentOutcomes } from '../events.ts';
import type { ChildrenInNeedReadModel } from '../read-model.ts';

/** What its forms read of the record beyond its own parts: the contact a referral follows, and the plan a visit may be for. */
export interface ChildrenInNeedReads {
  contacts: readonly Pick<ContactState, 'source'>[];
  activeChildProtectionPlan: ChildProtectionPlanState | null;
}

export const childrenInNeedForms: EventForm<ChildrenInNeedReadModel & ChildrenInNeedReads>[] = [
  {
    type: 'referral.received', title: 'Record a referral', occurredAt: date('Date of referral'), journeyStep: 50,
    fields: [{ kind: 'select', name: 'source', label: 'Source of referral', hint: 'Filled in from the contact', options: optionsOf(referralSourceCodes, true) }],
    prefill: (record): FormValues => {
      const lastContact = record.contacts.at(-1);
      return lastContact ? { source: lastContact.source } : {};
    },
  },
  {
    type: 'assessment.started', title: 'Start the child and family assessment', occurredAt: date('Date the assessment started'), journeyStep: 70, fields: [],
  },
  {
    type: 'assessment.completed', title: 'Complete the assessment', occurredAt: date('Date a manager authorised the assessment'), journeyStep: 80,
    fields: [
      { kind: 'checkboxes', name: 'factors', label: 'Factors identified at assessment', missing: 'Select the factors identified at assessment', hint: 'Select all that apply. Choose 21 if there were none', options: optionsOf(assessmentFactorCodes, true) },
      { kind: 'radios', name: 'outcome', label: 'Outcome', options: optionsFromCodes(assessmentOutcomes, { 'child-in-need-plan': 'Child in need plan', 'strategy-discussion': 'Strategy discussion' }) },
      { kind: 'worker', name: 'authorisedByWorkerId', label: 'Authorised by', missing: 'Select the manager who authorised the assessment' },
      { kind: 'select', name: 'primaryNeed', label: 'Primary need (optional)', options: [{ value: '', text: 'Not given' }, ...optionsOf(primaryNeedCodes, true)], optional: true },
    ],
  },
  { type: 'cin-plan.started', title: 'Start a child in need plan', occurredAt: date('Date the plan started'), journeyStep: 170, fields: [] },
  { type: 'cin-plan.ended', title: 'End the child in need plan', occurredAt: date('Date the plan ended'), journeyStep: 180, fields: [] },
  {
    type: 'visit.made', title: 'Record a visit', occurredAt: date('Date of the visit'), journeyStep: 120,
    fields: [
      { kind: 'radios', name: 'kind', label: 'Kind of visit', options: optionsFromCodes(['child-protection', 'child-in-need', 'assessment', 'other']) },
      { kind: 'yes-no', name: 'childSeen', label: 'Was the child seen?', missing: 'Select yes if the child was seen' },
      { kind: 'yes-no', name: 'seenAlone', label: 'Was the child seen alone?', missing: 'Select yes if the child was seen alone' },
      { kind: 'worker', name: 'visitedByWorkerId', label: 'Visited by', defaultToMe: true, missing: 'Select who made the visit' },
      { kind: 'textarea', name: 'observed', label: 'What did you observe? (optional)', hint: 'The child, the home and the people there', optional: true },
      { kind: 'textarea', name: 'childsView', label: 'What did the child say? (optional)', hint: 'Their wishes and feelings, in their own words where you can', optional: true },
    ],
    // The kind of visit follows from where the child is.
    prefill: (record) => ({ kind: record.activeChildProtectionPlan ? 'child-protection' : record.openEpisode?.assessments.some((a) => !a.completedOn) ? 'assessment' : 'child-in-need' }),
  },
  {
    type: 'episode.closed', title: 'Close the case', occurredAt: date('Date the case closed'), journeyStep: 190,
    fields: [
      { kind: 'select', name: 'reasonForClosure', label: 'Reason for closure', options: optionsOf(reasonForClosureCodes, true) },
      { kind: 'select', name: 'primaryNeed', label: 'Primary need', options: optionsOf(primaryNeedCodes, true) },
      { kind: 'textarea', name: 'reasonInWords', label: 'Why is the case closing? (optional)', optional: true },
    ],
  },
];
