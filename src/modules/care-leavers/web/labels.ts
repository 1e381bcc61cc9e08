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
  'care-leavers.eligibility-recorded': 'Eligibility for leaving care support decided',
  'care-leavers.personal-adviser-allocated': 'Personal adviser allocated',
  'care-leavers.pathway-plan-made': 'Pathway plan made',
  'care-leavers.pathway-plan-reviewed': 'Pathway plan reviewed',
  'care-leavers.birthday-contact-recorded': 'Birthday contact',
  'care-leavers.personal-adviser-contact-made': 'Personal adviser contact',
  'care-leavers.accommodation-changed': 'Care leaver\'s accommodation changed',
  'care-leavers.staying-put-started': 'Staying put with former foster carers began',
  'care-leavers.staying-put-ended': 'Staying put ended',
  'care-leavers.lifelong-links-referred': 'Referred to Lifelong Links',
  'care-leavers.support-ended': 'Leaving care support ended',
};

export const careLeaversNextSteps: Readonly<Record<string, readonly CareLeaversEventType[]>> = {
  'care-leaver': [
    'care-leavers.personal-adviser-contact-made', 'care-leavers.pathway-plan-reviewed', 'care-leavers.birthday-contact-recorded', 'care-leavers.pathway-plan-made',
    'care-leavers.personal-adviser-allocated', 'care-leavers.accommodation-changed', 'care-leavers.support-ended',
  ],
};
