/**
 * Private fostering's words for the web app: the tags of its involvements, its events in the
 * chronology, and the next steps offered at each stage (WebModule's `involvementTags`,
 * `eventLabels` and `nextSteps`).
 */
import type { TagStyle } from '../../../web/web-module.ts';
import type { privateFosteringEvents } from '../events.ts';

type PrivateFosteringEventType = (typeof privateFosteringEvents)[number]['shape']['type']['value'];

/** The tag of each kind of involvement: a notification being looked into, or a child privately fostered. */
export const privateFosteringInvolvementTags = {
  'private-fostering-notification': { text: 'Private fostering notification', colour: 'light-blue' },
  'privately-fostered': { text: 'Privately fostered', colour: 'purple' },
} as const satisfies Record<string, TagStyle>;

export const privateFosteringEventLabels: Readonly<Record<PrivateFosteringEventType, string>> = {
  'private-fostering.notified': 'Private fostering notification received',
  'private-fostering.notification-forwarded': 'Private fostering notification forwarded to the children in need service',
  'private-fostering.visit-made': 'Private fostering visit',
  'private-fostering.arrangement-confirmed': 'Private fostering arrangement confirmed',
  'private-fostering.notification-closed': 'Not private fostering: notification closed',
  'private-fostering.carer-check-completed': 'Check on the private foster carer\'s household',
  'private-fostering.suitability-assessed': 'Suitability of the arrangement assessed',
  'private-fostering.panel-decided': 'Panel decision on the private fostering arrangement',
  'private-fostering.arrangement-reviewed': 'Private fostering arrangement reviewed',
  'private-fostering.arrangement-ended': 'Private fostering arrangement ended',
};

/** The usual next steps for a child at each stage, most likely first: offered as buttons. */
export const privateFosteringNextSteps: Readonly<Record<string, readonly PrivateFosteringEventType[]>> = {
  'private-fostering-notification': [
    'private-fostering.visit-made', 'private-fostering.notification-forwarded', 'private-fostering.arrangement-confirmed', 'private-fostering.notification-closed',
  ],
  'privately-fostered': [
    'private-fostering.visit-made', 'private-fostering.carer-check-completed', 'private-fostering.suitability-assessed', 'private-fostering.panel-decided',
    'private-fostering.arrangement-reviewed', 'private-fostering.arrangement-ended',
  ],
};
