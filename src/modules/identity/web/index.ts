/**
 * The identity module's web parts, shown through the people module's web part (the web registry
 * lists the domain modules' web parts, and identity has no events of its own): the Access requests
 * page in the service navigation, and the record's "Merge a duplicate" view. Find a child
 * (src/web/pages/find-child-page.tsx) and Register a child use the identity API directly.
 */
import type { RecordView, WorklistPage } from '../../../web/web-module.ts';
import { AccessRequestsPage } from './access-requests-page.tsx';
import { MergeView } from './merge-view.tsx';

export const identityWorklists: readonly WorklistPage[] = [{ path: 'access-requests', title: 'Access requests', councilOnly: true, Page: AccessRequestsPage }];

export const identityRecordViews: readonly RecordView<Parameters<typeof MergeView>[0]['record']>[] = [{ path: 'merge', title: 'Merge a duplicate', Part: MergeView }];

export { accessRequestStatusTags } from './access-requests-page.tsx';
export type { IdentityMatch } from '../read-model.ts';
