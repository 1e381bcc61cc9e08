/**
 * What the record view and the worktray share: how a step is sent to the API in the signed-in
 * person's own name, and an item's heading.
 */
import { api } from '../../../web/api.ts';
import { formatDate } from '../../../web/format.ts';
import type { Viewer } from '../../../web/session.tsx';
import type { ApprovalSubject } from '../events.ts';
import { subjectTitles } from '../words.ts';

/** "Assessment completed on 1 February 2024": what is authorised, and the day it was ready. */
export function itemHeading(item: { subject: ApprovalSubject; readyOn?: string }): string {
  const ready = { assessment: 'completed', 'cin-plan': 'started', 'cp-plan': 'started', closure: 'closed' }[item.subject];
  return `${subjectTitles[item.subject]}${item.readyOn ? `, ${ready} ${formatDate(item.readyOn)}` : ''}`;
}

/** Who a step is recorded by, in the fields its event names them with ("submittedBy…"): the signed-in person. */
export function byViewer(viewer: Viewer, prefix: 'submittedBy' | 'authorisedBy' | 'returnedBy'): Record<string, string> {
  return { [`${prefix}UserId`]: viewer.userId, ...(viewer.workerId ? { [`${prefix}WorkerId`]: viewer.workerId } : {}) };
}

/** Today in England, as YYYY-MM-DD, whatever the browser's time zone: the day a step is taken. */
export const todayInLondon = (): string => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

/**
 * Records a step of authorisation on the child's record, dated today; rejects with the API's
 * refusal. `clientId` is the form's own, so that a step sent twice (a double click, a retry) is recorded once.
 */
export function recordStep(childId: string, clientId: string, type: string, data: Record<string, unknown>) {
  return api.post(`/children/${encodeURIComponent(childId)}/events`, { type, occurredAt: todayInLondon(), clientId, data });
}
