/**
 * The people module's parts of the child's record summary, as the API answers them and the web app
 * reads them: who the child is, who works with them, and their network.
 */
import { z } from 'zod';
import { ChildDetails } from './events.ts';
import { AllocationState, HouseholdMembershipState, RelationshipState } from './state.ts';

export const PeopleReadModel = z.object({
  details: ChildDetails.optional().describe('Who the child is: absent until the child is registered'),
  allocation: AllocationState.nullable().describe('The worker and team the child is allocated to now'),
  relationships: z.array(RelationshipState),
  households: z.array(HouseholdMembershipState),
  allocations: z.array(AllocationState).describe('Every allocation, in the order they started'),
});
export type PeopleReadModel = z.infer<typeof PeopleReadModel>;
