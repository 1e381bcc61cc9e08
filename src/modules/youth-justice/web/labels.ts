/**
 * Youth justice's words for the web app: the tag of its involvement, its events in the chronology,
 * and the next steps offered (WebModule's `involvementTags`, `eventLabels` and `nextSteps`).
 */
import type { TagStyle } from '../../../web/web-module.ts';
import type { youthJusticeEvents } from '../events.ts';

type YouthJusticeEventType = (typeof youthJusticeEvents)[number]['shape']['type']['value'];

export const youthJusticeInvolvementTags = {
  'youth-justice': { text: 'Known to the youth justice service', colour: 'orange' },
} as const satisfies Record<string, TagStyle>;

export const youthJusticeEventLabels: Readonly<Record<YouthJusticeEventType, string>> = {
  'youth-justice.involvement-started': 'Youth justice service involved',
  'youth-justice.worker-allocated': 'Youth justice worker allocated',
  'youth-justice.offence-outcome-recorded': 'Offence outcome',
  'youth-justice.court-order-made': 'Court order made',
  'youth-justice.court-order-ended': 'Court order ended',
  'youth-justice.remanded': 'Remanded by the court',
  'youth-justice.remand-ended': 'Remand ended',
  'youth-justice.pace-transferred': 'Transferred to council accommodation under PACE',
  'youth-justice.joint-meeting-held': 'Joint meeting of children\'s social care and the youth justice service',
  'youth-justice.involvement-ended': 'Youth justice service involvement ended',
};

/** The usual next steps for a child known to the youth justice service, most likely first. */
export const youthJusticeNextSteps: Readonly<Record<string, readonly YouthJusticeEventType[]>> = {
  'youth-justice': [
    'youth-justice.joint-meeting-held', 'youth-justice.offence-outcome-recorded', 'youth-justice.worker-allocated', 'youth-justice.court-order-made',
    'youth-justice.remanded', 'youth-justice.involvement-ended',
  ],
};
