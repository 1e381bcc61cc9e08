/**
 * Management oversight's words for the web app: its events in the chronology, and where an item's
 * authorisation stands, as a tag.
 */
import type { TagStyle } from '../../../web/web-module.ts';
import type { managementOversightEvents } from '../events.ts';
import type { AuthorisationItem } from '../read-model.ts';

type ManagementOversightEventType = (typeof managementOversightEvents)[number]['shape']['type']['value'];

export const managementOversightEventLabels: Readonly<Record<ManagementOversightEventType, string>> = {
  'approval.submitted': 'Submitted for authorisation',
  'approval.authorised': 'Authorised by a manager',
  'approval.returned': 'Returned by a manager with comments',
  'management-oversight.recorded': 'Management oversight',
};

export const authorisationStatusTags: Readonly<Record<AuthorisationItem['status'], TagStyle>> = {
  'not-submitted': { text: 'Not submitted', colour: 'grey' },
  'awaiting-authorisation': { text: 'Awaiting authorisation', colour: 'yellow' },
  returned: { text: 'Returned', colour: 'orange' },
  authorised: { text: 'Authorised', colour: 'green' },
};
