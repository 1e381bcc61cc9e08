import { z } from 'zod';
import { todayInLondon } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Database } from '../../platform/database/database.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { IsoDate, LaChildId, OccurredAt } from '../../platform/schema-helpers.ts';
import { issueChildId } from './child-ids.ts';
import { ChildDetails } from './events.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { ChildListItem, RelatedChild } from '../../record/read-model.ts';
import type { ChildRecordRepository } from '../../record/repo.ts';
import { ChildListRepository } from './household.ts';
import { Team, Worker, WorkforceRepository } from './workforce.ts';

/** What the people module's routes need of the application's services. */
export interface PeopleRouteServices {
  db: Database;
  repositoryFor(context: RequestContext): Pick<ChildRecordRepository, 'getChildRecord' | 'assertMaySee' | 'recordEvent'>;
}

/** Finding children and their related children, and the workforce they are allocated to. */
export function peopleRoutes(services: PeopleRouteServices) {
  return [...childListRoutes(services), ...registrationRoutes(services), ...workforceRoutes(services)];
}

/** What registering a child sends: the registration without an id, which the server issues. */
const RegisterChildCommand = z.object({
  clientId: z.string().min(8).max(100),
  occurredAt: OccurredAt,
  data: ChildDetails,
});

/**
 * Registering a child: the server issues the LA child id (one format for the council, see
 * child-ids.ts), so the id is the same however the child came to be recorded. The same clientId
 * again answers the child it registered and writes nothing.
 */
function registrationRoutes(services: PeopleRouteServices) {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/children',
      summary: 'Register a new child; the server gives the child their LA child id',
      tags: ['child record'],
      body: RegisterChildCommand,
      status: 201,
      response: z.object({ childId: z.string(), eventId: z.string(), replayed: z.boolean() }),
      handler: async ({ body, context }) => {
        const repository = services.repositoryFor(context);
        // Refused before an id is issued: a role that does not record takes no number.
        if (context.access && !context.access.records) throw new DomainError('forbidden', `A ${context.access.role} does not record on children's records`);
        const earlier = await services.db.pool.query<{ child_id: string }>(
          `SELECT child_id FROM child_event WHERE la_code = $1 AND client_id = $2`, [context.laCode, body.clientId],
        );
        const childId = earlier.rows[0]?.child_id ?? await issueChildId(services.db.pool, context.laCode);
        const { event, replayed } = await repository.recordEvent(childId, { type: 'child.registered', ...body });
        const answer = { childId, eventId: event.eventId, replayed };
        return replayed ? { status: 200, body: answer } : answer;
      },
    }),
  ];
}

function childListRoutes(services: PeopleRouteServices) {
  const lists = (context: RequestContext) => new ChildListRepository(services.db, context, services.repositoryFor(context));
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/children',
      summary: 'Find children by name, date of birth, NHS number, UPN, worker, team, status or involvement',
      tags: ['child record'],
      query: z.object({
        surname: z.string().trim().min(1).max(100).optional(),
        forename: z.string().trim().min(1).max(100).optional(),
        dateOfBirth: IsoDate.optional(),
        nhsNumber: z.string().regex(/^\d{10}$/, 'NHS number must be 10 digits').optional(),
        upn: z.string().max(13).optional(),
        workerId: z.string().max(40).optional(),
        teamId: z.string().max(40).optional(),
        status: z.string().max(40).optional(),
        involvement: z.string().max(40).optional().describe('The kind of an involvement, e.g. child-protection-plan: children involved in it now'),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
      response: z.object({ children: z.array(ChildListItem) }),
      handler: async ({ query, context }) => ({ children: await lists(context).findChildren(query) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/{childId}/related-children',
      summary: 'The child\'s siblings and the other children in their household, as at a date',
      tags: ['child record'],
      params: z.object({ childId: LaChildId }),
      query: z.object({ asAt: IsoDate.optional() }),
      response: z.object({ childId: z.string(), asAt: z.string(), children: z.array(RelatedChild) }),
      handler: async ({ params, query, context }) => {
        const asAt = query.asAt ?? todayInLondon();
        await services.repositoryFor(context).getChildRecord(params.childId); // not_found for an unknown child, and audited
        return { childId: params.childId, asAt, children: await lists(context).findRelatedChildren(params.childId, asAt) };
      },
    }),
  ];
}

function workforceRoutes(services: PeopleRouteServices) {
  const repository = (context: RequestContext) => new WorkforceRepository(services.db, context.laCode, context.access);
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/teams', summary: 'Add or rename a team', tags: ['workforce'], body: Team, status: 201,
      response: Team,
      handler: async ({ body, context }) => { await repository(context).saveTeam(body); return body; },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/teams', summary: 'Teams', tags: ['workforce'],
      response: z.object({ teams: z.array(Team) }),
      handler: async ({ context }) => ({ teams: await repository(context).listTeams() }),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/workers', summary: 'Add or update a worker', tags: ['workforce'], body: Worker, status: 201,
      response: Worker,
      handler: async ({ body, context }) => { await repository(context).saveWorker(body); return body; },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/workers', summary: 'Workers with their caseload as at a date', tags: ['workforce'],
      query: z.object({ asAt: IsoDate.optional(), teamId: z.string().max(40).optional() }),
      response: z.object({ asAt: z.string(), workers: z.array(z.object({ workerId: z.string(), name: z.string(), role: z.string(), teamId: z.string(), agency: z.string(), startedOn: z.string(), leftOn: z.string().optional(), caseload: z.number() })) }),
      handler: async ({ query, context }) => {
        const asAt = query.asAt ?? todayInLondon();
        return { asAt, workers: await repository(context).listWorkersWithCaseload(asAt, query.teamId) };
      },
    }),
  ];
}
