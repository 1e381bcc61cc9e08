/**
 * Looked after's words for the web app: the tag of its involvement, its events in the chronology,
 * and the next steps offered while a child is looked after (WebModule's `involvementTags`,
 * `eventLabels` and `nextSteps`).
 */
import type { TagStyle } from '../../../web/web-module.ts';
import type { lookedAfterEvents } from '../events.ts';

type LookedAfterEventType = (typeof lookedAfterEvents)[number]['shape']['type']['value'];

export const lookedAfterInvolvementTags = {
  'looked-after': { text: 'Looked after', colour: 'red' },
} as const satisfies Record<string, TagStyle>;

export const lookedAfterEventLabels: Readonly<Record<LookedAfterEventType, string>> = {
  'looked-after.started': 'Became looked after',
  'looked-after.legal-status-changed': 'Legal status changed',
  'looked-after.placement-changed': 'Placement changed',
  'looked-after.ceased': 'Stopped being looked after',
  'looked-after.uasc-status-ceased': 'No longer an unaccompanied asylum-seeking child',
  'looked-after.placement-cost-changed': 'Cost of the placement changed',
  'looked-after.secure-accommodation-order-made': 'Secure accommodation order made',
};

/** The usual next steps for a child looked after, most likely first: offered as buttons. */
export const lookedAfterNextSteps: Readonly<Record<string, readonly LookedAfterEventType[]>> = {
  'looked-after': ['looked-after.placement-changed', 'looked-after.legal-status-changed', 'looked-after.placement-cost-changed', 'looked-after.ceased'],
};
