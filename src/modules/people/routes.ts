import { z } from 'zod';
import { todayInLondon } from '../../platform/clock.ts';
import { defineRoute } from '../../platform/http/route.ts';
import type { Database } from '../../platform/database/database.ts';
import { IsoDate } from '../../platform/schema-helpers.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { Team, Worker, WorkforceRepository } from './workforce.ts';


export function workforceRoutes(services: { db: Database }) {
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
