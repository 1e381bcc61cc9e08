import { z } from 'zod';
import { todayInLondon } from '../platform/clock.ts';
import { defineRoute } from '../platform/http/route.ts';
import { dutyStatusAsAt } from '../timescales/engine.ts';
import { eventTypes, RecordEventCommand } from './events.ts';
import type { ChildRecordRepository, Timescales } from './repo.ts';
import { PartnerChildRecord, PartnerChronology } from './partner-view.ts';
import { childRecordAnswer, chronologyAnswer } from './service.ts';
import { allowedActions, childStatusOf } from './transitions.ts';
import { IsoDate, LaChildId } from '../platform/schema-helpers.ts';
import type { RequestContext } from '../platform/request-context.ts';

const ChildParams = z.object({ childId: LaChildId });

const LoggedEventOut = z.object({
  eventId: z.string(),
  sequence: z.number(),
  laCode: z.string(),
  childId: z.string(),
  type: z.enum(eventTypes as [string, ...string[]]),
  occurredAt: z.string(),
  recordedAt: z.string(),
  recordedBy: z.object({ userId: z.string(), role: z.string(), agency: z.string() }),
  clientId: z.string(),
  supersedes: z.string().optional(),
  correctionReason: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
});

const DutyOut = z.object({
  ruleId: z.string(),
  subjectId: z.string(),
  occurrence: z.number(),
  startedOn: z.string(),
  dueOn: z.string(),
  dueAt: z.string().optional(),
  state: z.string(),
  daysLeft: z.number().optional(),
  lateBy: z.number().optional(),
}).catchall(z.unknown());

/** Nested record parts are documented by their TypeScript types in record/child-record-state.ts. */
const RecordPart = z.custom<object>((value) => typeof value === "object" && value !== null).meta({ type: "object" });
const ChildRecordOut = z.object({
  childId: z.string(),
  laCode: z.string(),
  status: z.string().describe('The kind of the furthest-along involvement; known with none'),
  involvements: z.array(z.object({ kind: z.string(), label: z.string(), since: z.string() })).describe('Everything the child is involved in now, from every module, the furthest along first'),
  allowedActions: z.array(z.string()),
  details: RecordPart.optional(),
  allocation: RecordPart.nullable(),
  openEpisode: RecordPart.nullable(),
  activeChildProtectionPlan: RecordPart.nullable(),
  episodes: z.array(RecordPart),
  contacts: z.array(RecordPart),
  relationships: z.array(RecordPart),
  households: z.array(RecordPart),
  allocations: z.array(RecordPart),
  duties: z.array(DutyOut),
  asAt: z.string(),
});

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
      response: z.object({ event: LoggedEventOut, replayed: z.boolean(), status: z.string(), allowedActions: z.array(z.string()) }),
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
        entries: z.array(LoggedEventOut.extend({ occurredOn: z.string(), effective: z.boolean(), voided: z.object({ byEventId: z.string(), reason: z.string() }).nullable(), supersededBy: z.string().nullable() })),
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
