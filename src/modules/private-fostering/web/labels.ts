/**
 * Private fostering's words for the web app: its statuses, its events in the chronology, and the
 * next steps offered at each stage, in the shapes of web/format.ts (`statusLabels`,
 * `eventTypeLabels`) and web/recording/event-forms.ts (`nextSteps`, `journeyOrder`).
 */
import type { privateFosteringEvents } from '../events.ts';

type PrivateFosteringEventType = (typeof privateFosteringEvents)[number]['shape']['type']['value'];

export const privateFosteringStatusLabels: Readonly<Record<string, { text: string; colour: string }>> = {
  'private-fostering-notification': { text: 'Private fostering notification', colour: 'light-blue' },
  'privately-fostered': { text: 'Privately fostered', colour: 'purple' },
};

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

/** The order the events are offered in, following an arrangement from notification to end. */
export const privateFosteringJourneyOrder: readonly PrivateFosteringEventType[] = [
  'private-fostering.notified', 'private-fostering.notification-forwarded', 'private-fostering.visit-made', 'private-fostering.arrangement-confirmed',
  'private-fostering.notification-closed', 'private-fostering.carer-check-completed', 'private-fostering.suitability-assessed',
  'private-fostering.panel-decided', 'private-fostering.arrangement-reviewed', 'private-fostering.arrangement-ended',
];
