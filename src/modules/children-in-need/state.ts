/**
 * Children in need's part of a child's record: their episodes, from referral to closure, each with
 * the child protection work done within it. The shape is written once, as Zod (see read-model.ts).
 */
import { z } from 'zod';
import { ChildProtectionParts } from '../child-protection/state.ts';

export const AssessmentState = z.object({
  assessmentId: z.string(),
  startedOn: z.string(),
  completedOn: z.string().optional(),
  factors: z.array(z.string()).optional(),
  outcome: z.string().optional(),
});
export type AssessmentState = z.infer<typeof AssessmentState>;

/** One children-in-need episode, with the child protection work done within it. */
export const EpisodeState = ChildProtectionParts.extend({
  episodeId: z.string(),
  referralOn: z.string(),
  source: z.string(),
  contactId: z.string().optional(),
  assessments: z.array(AssessmentState),
  cinPlans: z.array(z.object({ cinPlanId: z.string(), startedOn: z.string(), endedOn: z.string().optional() })),
  visits: z.array(z.object({ visitedOn: z.string(), kind: z.string(), childSeen: z.boolean(), seenAlone: z.boolean() })),
  closedOn: z.string().optional(),
  reasonForClosure: z.string().optional(),
  primaryNeed: z.string().optional(),
});
export type EpisodeState = z.infer<typeof EpisodeState>;

export interface ChildrenInNeedState {
  episodes: EpisodeState[];
}

export const openEpisodeOf = (state: ChildrenInNeedState): EpisodeState | undefined =>
  state.episodes.find((episode) => episode.closedOn === undefined);
