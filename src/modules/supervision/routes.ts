import { z } from 'zod';
import { todayInLondon } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { IsoDate } from '../../platform/schema-helpers.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { ChildRecordRepository } from '../../record/repo.ts';
import { RecordedSupervision, SupervisionSession, SupervisionSessionInput, SupervisionWorkers } from './read-model.ts';
import { SupervisionRepository } from './repo.ts';

/** What the supervision routes need of the application's services. */
export interface SupervisionRouteServices {
  db: Database;
  config: { supervisionStandardDays: number };
  repositoryFor(context: RequestContext): Pick<ChildRecordRepository, 'assertMaySee' | 'recordEvent'>;
}

/** Workers' supervision: recording a session and its case discussions, and each worker's supervision against the council's standard. */
export function supervisionRoutes(services: SupervisionRouteServices) {
  const repository = (context: RequestContext) =>
    new SupervisionRepository(services.db, context, services.repositoryFor(context), services.config.supervisionStandardDays);
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/supervision', summary: 'Record a worker\'s supervision session and the children\'s cases discussed in it', tags: ['supervision'],
      body: SupervisionSessionInput, status: 201, response: RecordedSupervision,
      handler: async ({ body, context }) => repository(context).recordSession(body),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/supervision/workers',
      summary: 'The workers whose supervision you oversee (or you), each with their last supervision and when the next is due by the council\'s standard',
      tags: ['supervision'],
      query: z.object({ asAt: IsoDate.optional(), teamId: z.string().max(40).optional() }),
      response: SupervisionWorkers,
      handler: async ({ query, context }) => {
        const asAt = query.asAt ?? todayInLondon();
        return { asAt, standardDays: services.config.supervisionStandardDays, workers: await repository(context).workersDue(asAt, query.teamId) };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/supervision/workers/{workerId}/sessions', summary: 'A worker\'s supervision sessions, the latest first, with the case discussions you may see',
      tags: ['supervision'],
      params: z.object({ workerId: z.string().max(40) }),
      response: z.object({ workerId: z.string(), sessions: z.array(SupervisionSession) }),
      handler: async ({ params, context }) => ({ workerId: params.workerId, sessions: await repository(context).sessionsOf(params.workerId) }),
    }),
  ];
}
