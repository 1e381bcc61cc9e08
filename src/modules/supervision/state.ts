/** Supervision's part of a child's record: each discussion of the child's case in a worker's supervision. */
import { z } from 'zod';

export const CaseDiscussionState = z.object({
  discussionId: z.string(),
  supervisionId: z.string(),
  heldOn: z.string(),
  workerId: z.string(),
  supervisorWorkerId: z.string(),
  discussion: z.string(),
  decisions: z.string().optional(),
});
export type CaseDiscussionState = z.infer<typeof CaseDiscussionState>;

export interface SupervisionState {
  caseDiscussions: CaseDiscussionState[];
}
