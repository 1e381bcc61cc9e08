import type { ChildDetails } from './events.ts';

/** The people module's part of a child's record: who the child is, their network and who works with them. */
export interface PeopleState {
  details?: ChildDetails;
  registeredOn?: string;
  relationships: RelationshipState[];
  households: { householdId: string; joinedOn: string; leftOn?: string }[];
  allocations: AllocationState[];
}

export interface RelationshipState {
  relationshipId: string;
  relationship: string;
  relatedChildId?: string;
  relatedPerson?: { personId: string; name: string; dateOfBirth?: string };
  parentalResponsibility: boolean;
  livesWithChild: boolean;
  recordedOn: string;
  endedOn?: string;
}

export interface AllocationState {
  workerId: string;
  teamId: string;
  startedOn: string;
  startedAt: string;
  endedOn?: string;
}

export const isRegistered = (state: Pick<PeopleState, 'details'>) => state.details !== undefined;

export const currentAllocationOf = (state: Pick<PeopleState, 'allocations'>) =>
  state.allocations.find((allocation) => allocation.endedOn === undefined);
