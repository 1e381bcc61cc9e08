/**
 * Supervision's event on a child's record: a child's case discussed in a worker's supervision.
 * The session itself (who supervised whom, when) belongs to the worker and is kept in the
 * supervision tables (repo.ts); each case discussion is also an event on the child's record, so the
 * record shows the management oversight of the child's case, audited and restricted with it.
 */
import { z } from 'zod';
import { EventId, FreeText } from '../../platform/schema-helpers.ts';

const WorkforceId = z.string().trim().regex(/^[A-Za-z0-9-]{1,40}$/, 'Select a worker from the list');

/** The child's case is discussed in a supervision session (occurredAt: the day of the session). */
export const SupervisionCaseDiscussed = z.object({
  type: z.literal('supervision.case-discussed'),
  data: z.object({
    /** The session it was discussed in (the worker's supervision record). */
    supervisionId: EventId,
    /** The worker supervised: whose case it is. */
    workerId: WorkforceId,
    /** The supervisor. */
    supervisorWorkerId: WorkforceId,
    /** What was discussed: the reflection on the child's circumstances, risks and progress. */
    discussion: FreeText(6000),
    /** What was decided: the management direction on the case. */
    decisions: FreeText(4000).optional(),
  }).refine((d) => d.workerId !== d.supervisorWorkerId, { message: 'A worker cannot supervise themselves', path: ['supervisorWorkerId'] }),
});

export const supervisionEvents = [SupervisionCaseDiscussed] as const;
