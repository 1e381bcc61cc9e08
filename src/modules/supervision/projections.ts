/**
 * Supervision's projection table, created by migrations/0028_tasks_and_supervision.sql: each
 * discussion of a child's case in supervision, so that a worker's supervision record lists the
 * discussions of the children its reader may see, without folding their records.
 */
import { projectionTable } from '../../record/projection.ts';
import type { SupervisionState } from './state.ts';

export const supervisionProjections = [
  projectionTable({
    table: 'supervision_case_discussion',
    columns: {
      discussion_id: 'uuid', supervision_id: 'uuid', held_on: 'date', worker_id: 'text', supervisor_worker_id: 'text', discussion: 'text', decisions: 'text',
    },
    key: ['discussion_id'],
    rowsOf: (state: SupervisionState) => state.caseDiscussions.map((d) => ({
      discussion_id: d.discussionId, supervision_id: d.supervisionId, held_on: d.heldOn, worker_id: d.workerId, supervisor_worker_id: d.supervisorWorkerId,
      discussion: d.discussion, decisions: d.decisions ?? null,
    })),
  }),
];
