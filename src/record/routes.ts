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
      response: z.object({ children: z.array(z.object({
        childId: z.string(), forename: z.string(), surname: z.string(), dateOfBirth: z.string().nullable(), expectedDateOfBirth: z.string().nullable(),
        sex: z.string(), ethnicity: z.string(), status: z.string(), allocatedWorkerId: z.string().nullable(), allocatedTeamId: z.string().nullable(),
      })) }),
      handler: async ({ query, context }) => ({ children: await repositoryFor(context).findChildren(query) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/{childId}/related-children',
      summary: 'The child\'s siblings and the other children in their household, as at a date',
      tags: ['child record'],
      params: ChildParams,
      query: z.object({ asAt: IsoDate.optional() }),
      response: z.object({ childId: z.string(), asAt: z.string(), children: z.array(z.object({
        childId: z.string(), forename: z.string(), surname: z.string(), dateOfBirth: z.string().nullable(), status: z.string(), links: z.array(z.enum(['sibling', 'household'])),
      })) }),
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
