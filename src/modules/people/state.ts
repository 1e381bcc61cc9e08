/**
 * The people module's part of a child's record: who the child is, their network and who works with
 * them. The shape is written once, as Zod (see read-model.ts).
 */
import { z } from 'zod';
import type { ChildDetails } from './events.ts';

export const RelationshipState = z.object({
  relationshipId: z.string(),
  relationship: z.string(),
  relatedChildId: z.string().optional(),
  relatedPerson: z.object({ personId: z.string(), name: z.string(), dateOfBirth: z.string().optional() }).optional(),
  parentalResponsibility: z.boolean(),
  livesWithChild: z.boolean(),
  recordedOn: z.string(),
  endedOn: z.string().optional(),
});
export type RelationshipState = z.infer<typeof RelationshipState>;

export const HouseholdMembershipState = z.object({ householdId: z.string(), joinedOn: z.string(), leftOn: z.string().optional() });
export type HouseholdMembershipState = z.infer<typeof HouseholdMembershipState>;

export const AllocationState = z.object({
  workerId: z.string(),
  teamId: z.string(),
  startedOn: z.string(),
  startedAt: z.string(),
  endedOn: z.string().optional(),
});
export type AllocationState = z.infer<typeof AllocationState>;

export interface PeopleState {
  details?: ChildDetails;
  registeredOn?: string;
  relationships: RelationshipState[];
  households: HouseholdMembershipState[];
  allocations: AllocationState[];
  /** Set while this record is merged into another child's (a duplicate): it then projects nothing. */
  mergedInto?: { mergeId: string; childId: string; on: string };
}

export const isRegistered = (state: Pick<PeopleState, 'details'>) => state.details !== undefined;

/** Whether the record has been merged into another child's (and the merge not reversed). */
export const isMergedAway = (state: Pick<PeopleState, 'mergedInto'>) => state.mergedInto !== undefined;

export const currentAllocationOf = (state: Pick<PeopleState, 'allocations'>) =>
  state.allocations.find((allocation) => allocation.endedOn === undefined);
