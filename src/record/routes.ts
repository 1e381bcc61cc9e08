import { z } from 'zod';
import { todayInLondon } from '../platform/clock.ts';
import { defineRoute } from '../platform/http/route.ts';
import { dutyStatusAsAt } from '../timescales/engine.ts';
import type { RequestContext } from '../platform/request-context.ts';
import { eventTypes, RecordEventCommand } from './events.ts';
import type { ChildRecordRepository, Timescales } from './repo.ts';
import { PartnerChildRecord, PartnerChronology } from './partner-view.ts';
import { childRecordAnswer, chronologyAnswer } from './service.ts';
import { allowedActions, childStatusOf } from './transitions.ts';
import { IsoDate, LaChildId } from '../platform/schema-helpers.ts';
import { domainModules } from '../modules/registry.ts';
import { childRecordSchemaOf, ChronologyEntry, DutyOut, LoggedEvent, RecordedAnswer } from './read-model.ts';

const ChildParams = z.object({ childId: LaChildId });

/** The event types are the registry's: named here, where the registry may be read. */
const LoggedEventOut = LoggedEvent.extend({ type: z.enum(eventTypes as [string, ...string[]]) });

/** The record's own fields and every module's read model (record/read-model.ts). */
const ChildRecordOut = childRecordSchemaOf(domainModules);

/** What the record's routes need of the application's services. */
export interface ChildRecordRouteServices {
  timescales: Timescales;
  repositoryFor(context: RequestContext): ChildRecordRepository;
}

export function childRecordRoutes(services: ChildRecordRouteServices) {
  const repositoryFor = (context: RequestContext) => services.repositoryFor(context);
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/children/{childId}/events',
      summary: 'Record an event on a child\'s record (registering a new child with child.registered)',
      tags: ['child record'],
      params: ChildParams,
      body: RecordEventCommand,
      status: 201,
      response: RecordedAnswer.extend({ event: LoggedEventOut }),
      handler: async ({ params, body, context }) => {
        const repository: ChildRecordRepository = repositoryFor(context);
        const { event, replayed, folded } = await repository.recordEvent(params.childId, body);
        const answer = { event, replayed, status: childStatusOf(folded.state), allowedActions: allowedActions(folded.state) };
        return replayed ? { status: 200, body: answer } : answer;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/{childId}',
      summary: 'The child\'s record: details, status, episodes, plans, household and what is due (a partner agency is given the partner view)',
      tags: ['child record'],
      params: ChildParams,
      query: z.object({ asAt: IsoDate.optional() }),
      response: z.union([ChildRecordOut, PartnerChildRecord]),
      handler: async ({ params, query, context }) => {
        const read = await repositoryFor(context).getChildRecord(params.childId);
        const asAt = query.asAt ?? todayInLondon();
        return childRecordAnswer(read, asAt, (duty) => ({ ...dutyStatusAsAt(duty, asAt, services.timescales.calendar) }));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/{childId}/chronology',
      summary: 'Every event in date order, corrections shown as such (a partner agency is given the partner view)',
      tags: ['child record'],
      params: ChildParams,
      query: z.object({ types: z.string().optional().describe('Comma-separated event types to include') }),
      response: z.union([z.object({
        childId: z.string(),
        entries: z.array(ChronologyEntry.extend({ type: LoggedEventOut.shape.type })),
      }), PartnerChronology]),
      handler: async ({ params, query, context }) => {
        const read = await repositoryFor(context).getChildRecord(params.childId);
        const types = query.types?.split(',').filter(Boolean);
        return chronologyAnswer(params.childId, read, types);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/{childId}/duties',
      summary: 'Every duty on the child\'s record with its status as at a date: open, overdue, met on time or late',
      tags: ['timescales'],
      params: ChildParams,
      query: z.object({ asAt: IsoDate.optional() }),
      response: z.object({ childId: z.string(), asAt: z.string(), duties: z.array(DutyOut) }),
      handler: async ({ params, query, context }) => {
        const { duties } = await repositoryFor(context).getChildRecord(params.childId);
        const asAt = query.asAt ?? todayInLondon();
        return { childId: params.childId, asAt, duties: duties.map((duty) => ({ ...duty, ...dutyStatusAsAt(duty, asAt, services.timescales.calendar) })) };
      },
    }),
  ];
}
