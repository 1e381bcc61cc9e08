/**
 * Care leavers' forms as data, in the shape of web/recording/event-forms.ts: which questions, in
 * what words, and how the answers become each event's `data`. The API's schemas stay the one judge
 * of what is valid; these forms only ask.
 */
import { date, optionsOf, type EventForm, type FieldSpec } from '../../../web/recording/event-forms.ts';
import {
  accommodationCodes, activityCodes, contactMethodCodes, eligibilityCategoryCodes, inTouchCodes, lifelongLinksOutcomeCodes, participationCodes,
  qualityGradeCodes, supportEndedReasonCodes, tenancyKindCodes,
} from '../codes.ts';

const summary = (label: string): FieldSpec => ({ kind: 'textarea', name: 'summary', label, optional: true });
const withCode = (list: Record<string, string>) => optionsOf(list, true);

/** Every event as a form, in the order of leaving care support (after the modules of children in care). */
export const careLeaversForms: readonly EventForm<unknown>[] = [
  {
    type: 'care-leavers.eligibility-recorded', journeyStep: 600, title: 'Record eligibility for leaving care support', occurredAt: date('Date decided'),
    fields: [
      { kind: 'radios', name: 'category', label: 'Which leaving care duties does the council owe?', options: optionsOf(eligibilityCategoryCodes),
        hint: 'The record works this out from the periods of care: if your decision differs, or the care is not on the record, give the reason' },
      { kind: 'textarea', name: 'reason', label: 'Reason for the decision (if it differs from the record, or the care is not on it)', optional: true },
    ],
  },
  {
    type: 'care-leavers.personal-adviser-allocated', journeyStep: 610, title: 'Allocate a personal adviser', occurredAt: date('Date allocated'),
    fields: [{ kind: 'worker', name: 'workerId', label: 'Personal adviser', hint: 'A worker of a care leavers team', defaultToMe: true, missing: 'Select the personal adviser' }],
    complete: (data, context) => ({ ...data, teamId: context.workers.find((worker) => worker.workerId === data.workerId)?.teamId }),
    derivedFrom: { teamId: 'workerId' },
  },
  {
    type: 'care-leavers.pathway-plan-made', journeyStep: 620, title: 'Record the pathway plan', occurredAt: date('Date the pathway plan was made'),
    fields: [
      { kind: 'radios', name: 'participation', label: 'How did the young person take part?', options: optionsOf(participationCodes) },
      { kind: 'radios', name: 'qualityGrade', label: 'Quality grade (optional)', options: optionsOf(qualityGradeCodes), optional: true },
      summary('Summary of the plan (optional)'),
    ],
  },
  {
    type: 'care-leavers.pathway-plan-reviewed', journeyStep: 630, title: 'Record a pathway plan review', occurredAt: date('Date of the review'),
    fields: [
      { kind: 'radios', name: 'participation', label: 'How did the young person take part?', options: optionsOf(participationCodes) },
      { kind: 'radios', name: 'qualityGrade', label: 'Quality grade (optional)', options: optionsOf(qualityGradeCodes), optional: true },
      summary('What was agreed (optional)'),
    ],
  },
  {
    type: 'care-leavers.birthday-contact-recorded', journeyStep: 640, title: 'Record a birthday contact', occurredAt: date('Date of the contact'),
    fields: [
      { kind: 'radios', name: 'inTouch', label: 'Was the council in touch with the young person around their birthday?', options: withCode(inTouchCodes),
        hint: 'From 3 months before the birthday to a month after it' },
      { kind: 'select', name: 'activity', label: 'Main activity (if in touch)', options: withCode(activityCodes), optional: true },
      { kind: 'select', name: 'accommodation', label: 'Where do they live? (if in touch)', options: withCode(accommodationCodes), optional: true },
      { kind: 'yes-no', name: 'accommodationSuitable', label: 'Is the accommodation suitable?', missing: 'Select yes if the accommodation is suitable' },
    ],
  },
  {
    type: 'care-leavers.personal-adviser-contact-made', journeyStep: 650, title: 'Record a personal adviser contact', occurredAt: date('Date of the contact'),
    fields: [
      { kind: 'radios', name: 'method', label: 'How were you in contact?', options: optionsOf(contactMethodCodes) },
      { kind: 'worker', name: 'workerId', label: 'Personal adviser', defaultToMe: true, missing: 'Select who was in contact' },
      summary('What was discussed (optional)'),
    ],
  },
  {
    type: 'care-leavers.accommodation-changed', journeyStep: 660, title: 'Record a change of accommodation', occurredAt: date('Date of the move'),
    fields: [
      { kind: 'select', name: 'accommodation', label: 'Where do they live now?', options: withCode(accommodationCodes) },
      { kind: 'yes-no', name: 'suitable', label: 'Is the accommodation suitable?', missing: 'Select yes if the accommodation is suitable' },
      { kind: 'radios', name: 'tenancy', label: 'Is it a tenancy of their own? (optional)', options: optionsOf(tenancyKindCodes), optional: true },
      { kind: 'date', name: 'tenancyStartedOn', label: 'Date the tenancy started (if a tenancy; the date of the move if left empty)', optional: true },
    ],
  },
  {
    type: 'care-leavers.staying-put-started', journeyStep: 670, title: 'Record a staying put arrangement', occurredAt: date('Date it began'),
    fields: [{ kind: 'text', name: 'carerName', label: 'Former foster carers\' names (optional)', optional: true }],
  },
  {
    type: 'care-leavers.staying-put-ended', journeyStep: 680, title: 'End the staying put arrangement', occurredAt: date('Date it ended'),
    fields: [{ kind: 'text', name: 'reason', label: 'Why did it end? (optional)', optional: true }],
  },
  {
    type: 'care-leavers.lifelong-links-referred', journeyStep: 690, title: 'Record a Lifelong Links referral', occurredAt: date('Date referred'),
    fields: [{ kind: 'radios', name: 'outcome', label: 'What came of it? (optional)', options: optionsOf(lifelongLinksOutcomeCodes), optional: true }],
  },
  {
    type: 'care-leavers.support-ended', journeyStep: 700, title: 'End leaving care support', occurredAt: date('Date support ended'),
    fields: [{ kind: 'radios', name: 'reason', label: 'Why did support end?', options: optionsOf(supportEndedReasonCodes) }, summary('What happened (optional)')],
  },
];
