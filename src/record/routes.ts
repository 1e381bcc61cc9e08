import { z } from 'zod';
import { todayInLondon } from '../platform/clock.ts';
import { defineRoute } from '../platform/http/route.ts';
import { dutyStatusAsAt } from '../timescales/engine.ts';
import type { RequestContext } from '../platform/request-context.ts';
import type { Timescales } from '../timescales/timescales.ts';
import { eventTypes, RecordEventCommand } from './events.ts';
import { ChildRecordRepository } from './repo.ts';
import { PartnerChildRecord, PartnerChronology } from './partner-view.ts';
import { childRecordAnswer, chronologyAnswer } from './service.ts';
import { allowedActions, childStatusOf } from './transitions.ts';
import { IsoDate, LaChildId } from '../platform/schema-helpers.ts';
import { domainModules } from '../modules/registry.ts';
import { childRecordSchemaOf, ChildListItem, ChronologyEntry, DutyOut, LoggedEvent, RecordedAnswer, RelatedChild } from './read-model.ts';

const ChildParams = z.object({ childId: LaChildId });

/** The event types are the registry's: named here, where the registry may be read. */
const LoggedEventOut = LoggedEvent.extend({ type: z.enum(eventTypes as [string, ...string[]]) });

/** The record's own fields and every module's read model (record/read-model.ts). */
const ChildRecordOut = childRecordSchemaOf(domainModules);

export function childRecordRoutes(services: { repositoryFor(context: RequestContext): ChildRecordRepository; timescales: Pick<Timescales, 'calendar'> }) {
  const repositoryFor = (context: Parameters<typeof services.repositoryFor>[0]) => services.repositoryFor(context);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/children',
      summary: 'Find children by name, date of birth, NHS number, UPN, worker, team or status',
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
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
      response: z.object({ children: z.array(ChildListItem) }),
      handler: async ({ query, context }) => ({ children: await repositoryFor(context).findChildren(query) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/{childId}/related-children',
      summary: 'The child\'s siblings and the other children in their household, as at a date',
      tags: ['child record'],
      params: ChildParams,
      query: z.object({ asAt: IsoDate.optional() }),
      response: z.object({ childId: z.string(), asAt: z.string(), children: z.array(RelatedChild) }),
      handler: async ({ params, query, context }) => {
        const asAt = query.asAt ?? todayInLondon();
        await repositoryFor(context).getChildRecord(params.childId); // not_found for an unknown child, and audited
        return { childId: params.childId, asAt, children: await repositoryFor(context).findRelatedChildren(params.childId, asAt) };
      },
    }),
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
