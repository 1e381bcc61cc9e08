import { z } from 'zod';
import { todayInLondon } from '../platform/clock.ts';
import { defineRoute } from '../platform/http/route.ts';
import type { Database } from '../platform/database/database.ts';
import type { Timescales } from '../timescales/timescales.ts';
import { IsoDate, LaChildId } from '../platform/schema-helpers.ts';
import { DueItem, DueList } from './read-model.ts';
import { DutyRepository } from './repo.ts';
import { closedDutiesReport, dueListAsAt, summariseDue } from './service.ts';

const DutyFilterQuery = z.object({
  childId: LaChildId.optional(),
  workerId: z.string().max(40).optional(),
  teamId: z.string().max(40).optional(),
});


/** What the duties' routes need of the application's services. */
export interface DutyRouteServices {
  db: Database;
  timescales: Timescales;
}

export function dutyRoutes(services: DutyRouteServices) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/duties',
      summary: 'Everything due as at a date, for the borough, a worker, a team or a child: due date, days left or overdue, and the rule behind it',
      tags: ['timescales'],
      query: DutyFilterQuery.extend({ asAt: IsoDate.optional(), overdueOnly: z.enum(['true', 'false']).optional() }),
      response: DueList,
      handler: async ({ query, context }) => {
        const asAt = query.asAt ?? todayInLondon();
        const rows = await new DutyRepository(services.db, context).findOpenAsAt(asAt, query);
        let duties = dueListAsAt(rows, asAt, services.timescales);
        if (query.overdueOnly === 'true') duties = duties.filter((duty) => duty.state === 'overdue');
        return { asAt, summary: summariseDue(duties), duties };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/duties/closed',
      summary: 'Duties closed in a period: met on time, met late and by how much, or no longer needed',
      tags: ['timescales'],
      query: DutyFilterQuery.extend({ from: IsoDate, to: IsoDate }).refine((q) => q.from <= q.to, { message: 'from must be on or before to', path: ['from'] }),
      response: z.object({ from: z.string(), to: z.string(), metOnTime: z.number(), metLate: z.number(), cancelled: z.number(), items: z.array(DueItem) }),
      handler: async ({ query, context }) => {
        const rows = await new DutyRepository(services.db, context).findClosedBetween(query.from, query.to, query);
        return { from: query.from, to: query.to, ...closedDutiesReport(rows, query.to, services.timescales) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/timescale-rules',
      summary: 'The timescale rules in force, with their sources',
      tags: ['timescales'],
      response: z.object({ rules: z.array(z.record(z.string(), z.unknown())) }),
      handler: async () => ({ rules: services.timescales.rules as unknown as Record<string, unknown>[] }),
    }),
  ];
}
