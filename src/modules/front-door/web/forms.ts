/** The front door's events as forms: the contact, the MASH checks and the decision. */
import { contactReasonCodes, localContactSources } from '../../../codes/statutory-codes.ts';
import { agencyWords, date, dateTime, optionsFromCodes, optionsOf, type EventForm } from '../../../web/recording/event-forms.ts';
import { frontDoorDecisions, mashAgencies } from '../events.ts';

export const frontDoorForms: EventForm<unknown>[] = [
  {
    type: 'contact.received', title: 'Record a contact', occurredAt: dateTime('When was the contact received?'), journeyStep: 10,
    fields: [
      { kind: 'select', name: 'localSource', label: 'Who made the contact?', options: Object.entries(localContactSources).map(([value, source]) => ({ value, text: source.label })) },
      { kind: 'select', name: 'primaryReason', label: 'Main reason for the contact', options: optionsOf(contactReasonCodes) },
      { kind: 'text', name: 'referrerName', label: 'Name of the person who made the contact (optional)', optional: true },
      { kind: 'textarea', name: 'summary', label: 'What did they tell you? (optional)', optional: true },
    ],
    // The DfE referral source follows from the local source: one question, not two.
    complete: (data) => ({ ...data, source: data.localSource ? localContactSources[data.localSource as keyof typeof localContactSources]?.referralSource : undefined }),
    derivedFrom: { source: 'localSource' },
  },
  {
    type: 'mash-check.requested', title: 'Request a MASH check', occurredAt: date('Date requested'), journeyStep: 20,
    fields: [{ kind: 'radios', name: 'agency', label: 'Which agency is being asked?', options: optionsFromCodes(mashAgencies, agencyWords) }],
  },
  {
    type: 'mash-check.completed', title: 'Record a MASH check', occurredAt: date('Date completed'), journeyStep: 30,
    fields: [
      { kind: 'radios', name: 'agency', label: 'Which agency answered?', options: optionsFromCodes(mashAgencies, agencyWords) },
      { kind: 'yes-no', name: 'informationHeld', label: 'Did they hold information about the child or family?', missing: 'Select yes if they held information about the child or family' },
      { kind: 'textarea', name: 'summary', label: 'What they shared (optional)', optional: true },
    ],
  },
  {
    type: 'contact.decided', title: 'Decide on the contact', occurredAt: dateTime('When was the decision made?'), journeyStep: 40,
    fields: [
      { kind: 'radios', name: 'decision', label: 'Decision', options: optionsFromCodes(frontDoorDecisions, { 'no-further-action': 'No further action', 'information-and-advice': 'Information and advice', 'early-help': 'Early help', 'referral-to-social-care': 'Referral to children\'s social care' }) },
      { kind: 'worker', name: 'decidedByWorkerId', label: 'Decided by', defaultToMe: true, missing: 'Select who made the decision' },
      { kind: 'textarea', name: 'rationale', label: 'Reasons for the decision (optional)', optional: true },
    ],
  },
];
