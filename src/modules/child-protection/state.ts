/**
 * Child protection's parts of a children-in-need episode: the strategy discussions, section 47
 * enquiries, conferences and plans held within it (as the CIN census nests them in an episode).
 * The children-in-need episode carries these lists; this module alone changes them.
 *
 * Their shape is written once, as Zod: the types here are inferred from it, and the record's read
 * model (read-model.ts) shows the same schemas to the API's readers and the web app.
 */
import { z } from 'zod';

export const Section47State = z.object({
  section47Id: z.string(),
  startedOn: z.string(),
  completedOn: z.string().optional(),
  outcome: z.string().optional(),
  icpcRequired: z.boolean().optional(),
  icpcOn: z.string().optional(),
});
export type Section47State = z.infer<typeof Section47State>;

export const ChildProtectionPlanState = z.object({
  planId: z.string(),
  startedOn: z.string(),
  prebirth: z.boolean(),
  initialCategory: z.string(),
  latestCategory: z.string(),
  numberOfPreviousPlans: z.number(),
  reviewConferences: z.array(z.string()).describe('The dates of its review conferences'),
  coreGroups: z.array(z.string()).describe('The dates of its core group meetings'),
  visits: z.array(z.object({ visitedOn: z.string(), childSeen: z.boolean(), seenAlone: z.boolean() })),
  endedOn: z.string().optional(),
  endReason: z.string().optional(),
});
export type ChildProtectionPlanState = z.infer<typeof ChildProtectionPlanState>;

export const ChildProtectionParts = z.object({
  strategyDiscussions: z.array(z.object({ strategyDiscussionId: z.string(), heldOn: z.string(), decision: z.string() })),
  section47s: z.array(Section47State),
  initialConferences: z.array(z.object({ conferenceId: z.string(), heldOn: z.string(), planRequired: z.boolean(), section47Id: z.string().optional() })),
  cpPlans: z.array(ChildProtectionPlanState),
});
export type ChildProtectionParts = z.infer<typeof ChildProtectionParts>;

/** A new episode's child protection parts: none yet. */
export const noChildProtectionParts = (): ChildProtectionParts => ({ strategyDiscussions: [], section47s: [], initialConferences: [], cpPlans: [] });

export const activePlanIn = (episode: ChildProtectionParts | undefined): ChildProtectionPlanState | undefined =>
  episode?.cpPlans.find((plan) => plan.endedOn === undefined);
