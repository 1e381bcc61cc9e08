/**
 * Care leavers' words for the web app: the tag of its involvement, its events in the chronology,
 * and the next steps offered (WebModule's `involvementTags`, `eventLabels` and `nextSteps`).
 */
import type { TagStyle } from '../../../web/web-module.ts';
import type { careLeaversEvents } from '../events.ts';

type CareLeaversEventType = (typeof careLeaversEvents)[number]['shape']['type']['value'];

export const careLeaversInvolvementTags = {
  'care-leaver': { text: 'Care leaver', colour: 'turquoise' },
} as const satisfies Record<string, TagStyle>;

export const careLeaversEventLabels: Readonly<Record<CareLeaversEventType, string>> = {
  'care-leavers.eligibility-recorded': 'Eligibility decision for leaving care support',
  'care-leavers.personal-adviser-allocated': 'Personal adviser allocation',
  'care-leavers.pathway-plan-made': 'Pathway plan',
  'care-leavers.pathway-plan-reviewed': 'Pathway plan review',
  'care-leavers.birthday-contact-recorded': 'Birthday contact',
  'care-leavers.personal-adviser-contact-made': 'Personal adviser contact',
  'care-leavers.accommodation-changed': 'Change of a care leaver\'s accommodation',
  'care-leavers.staying-put-started': 'Staying put arrangement with former foster carers',
  'care-leavers.staying-put-ended': 'End of staying put',
  'care-leavers.lifelong-links-referred': 'Lifelong Links referral',
  'care-leavers.support-ended': 'End of leaving care support',
};

export const careLeaversNextSteps: Readonly<Record<string, readonly CareLeaversEventType[]>> = {
  'care-leaver': [
    'care-leavers.personal-adviser-contact-made', 'care-leavers.pathway-plan-reviewed', 'care-leavers.birthday-contact-recorded', 'care-leavers.pathway-plan-made',
    'care-leavers.personal-adviser-allocated', 'care-leavers.accommodation-changed', 'care-leavers.support-ended',
  ],
};
