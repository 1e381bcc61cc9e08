import { z } from 'zod';
import type { Database } from '../../platform/database/database.ts';
import { defineRoute } from '../../platform/http/route.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { FreeText, IsoDate, LaChildId } from '../../platform/schema-helpers.ts';
import type { ChildRecordRepository } from '../../record/repo.ts';
import { AdultDetails, AdultLink, AdultRecord, AdultVersion, HouseholdPage, Network } from './adults.ts';
import { Address } from './events.ts';
import { FamilyNetworkRepository } from './network-repository.ts';

/** What the family network's routes need of the application's services. */
export interface FamilyNetworkRouteServices {
  db: Database;
  repositoryFor(context: RequestContext): Pick<ChildRecordRepository, 'assertMaySee' | 'recordEvent'>;
}

const PersonId = z.uuid({ message: 'A person id is a UUID' });
const HouseholdId = FreeText(40);

/**
 * The adults of a child's network (added with their link to the child, changed as new versions,
 * linked to more children), a child's network, a household's page and a household's move. The
 * professionals, flags and single moves are child events (POST /api/v1/children/{childId}/events).
 */
export function familyNetworkRoutes(services: FamilyNetworkRouteServices) {
  const network = (context: RequestContext) => new FamilyNetworkRepository(services.db, context, services.repositoryFor(context));
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/children/{childId}/adults', status: 201, tags: ['family network'],
      summary: 'Add a parent, carer or significant adult, linked to the child (a relationship on the child\'s record)',
      params: z.object({ childId: LaChildId }),
      body: z.object({ adult: AdultDetails, link: AdultLink }),
      response: z.object({ adult: AdultVersion, relationshipId: z.string() }),
      handler: async ({ params, body, context }) => network(context).addAdult(params.childId, body.adult, body.link),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/children/{childId}/family-network', tags: ['family network'],
      summary: 'The child\'s network: the child, their siblings and household, and the adults linked to them, with their relationships',
      params: z.object({ childId: LaChildId }),
      response: Network,
      handler: async ({ params, context }) => network(context).childNetwork(params.childId),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/adults/{personId}', tags: ['family network'],
      summary: 'An adult of a child\'s network: every version of their details, their addresses and their links to the children you may see',
      params: z.object({ personId: PersonId }),
      response: AdultRecord,
      handler: async ({ params, context }) => network(context).getAdult(params.personId),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/adults/{personId}/versions', status: 201, tags: ['family network'],
      summary: 'Change what is known of an adult: a new version, from the version you saw, with the reason',
      params: z.object({ personId: PersonId }),
      body: z.object({ basedOnVersion: z.number().int().min(1), details: AdultDetails, changeReason: FreeText(500) }),
      response: AdultVersion,
      handler: async ({ params, body, context }) => network(context).changeAdult(params.personId, body.basedOnVersion, body.details, body.changeReason),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/adults/{personId}/links', status: 201, tags: ['family network'],
      summary: 'Link an adult to another child (a relationship on that child\'s record)',
      params: z.object({ personId: PersonId }),
      body: AdultLink.extend({ childId: LaChildId }),
      response: z.object({ relationshipId: z.string() }),
      handler: async ({ params, body, context }) => network(context).linkAdult(params.personId, body.childId, body),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/households/{householdId}', tags: ['family network'],
      summary: 'A household: its members (children and adults) with their roles and involvements, their relationships and where it lives',
      params: z.object({ householdId: HouseholdId }),
      response: HouseholdPage,
      handler: async ({ params, context }) => network(context).household(params.householdId),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/households/{householdId}/moves', status: 201, tags: ['family network'],
      summary: 'The household moved: recorded once, the new address applied to each child (address.changed) and each adult living there (a new version)',
      params: z.object({ householdId: HouseholdId }),
      body: z.object({ address: Address, movedOn: IsoDate, reason: FreeText(500).optional() }),
      response: z.object({ moveId: z.string(), childIds: z.array(z.string()), personIds: z.array(z.string()) }),
      handler: async ({ params, body, context }) => network(context).moveHousehold(params.householdId, body),
    }),
  ];
}
