import { z } from 'zod';
import { IsoDateTime, LaChildId } from '../platform/schema-helpers.ts';
import { defineRoute } from '../platform/http/route.ts';
import type { Database } from '../platform/database/database.ts';
import { AuditReader } from './access-log.ts';

export function auditRoutes(services: { db: Database }) {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/children/{childId}/access-log', summary: 'Who has read, written or been refused this child\'s record', tags: ['audit'],
      params: z.object({ childId: LaChildId }),
      response: z.object({
        childId: z.string(),
        access: z.array(z.object({
          userId: z.string(), name: z.string().nullable(), role: z.string(), agency: z.string(), firstAt: z.string(), lastAt: z.string(),
          reads: z.number(), writes: z.number(), refusals: z.number(), reasons: z.array(z.string()),
        })),
      }),
      handler: async ({ params, context }) => ({ childId: params.childId, access: await new AuditReader(services.db, context).findAccessToChild(params.childId) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/audit/anomalies', summary: 'Access the anomaly rules pick out between two instants', tags: ['audit'],
      query: z.object({ from: IsoDateTime, to: IsoDateTime }),
      response: z.object({
        anomalies: z.array(z.object({
          rule: z.string(), userId: z.string(), name: z.string().nullable(), role: z.string(), children: z.number(), childIds: z.array(z.string()),
          day: z.string().optional().describe('For a rule counted by day: the day, in London, when the most children were concerned'),
        })),
      }),
      handler: async ({ query, context }) => ({ anomalies: await new AuditReader(services.db, context).findAnomalies(query.from, query.to) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/audit/verify', summary: 'Check the council\'s audit chain', tags: ['audit'],
      response: z.object({ laCode: z.string(), rows: z.number(), lastAuditId: z.string().nullable(), headHash: z.string().nullable(), intact: z.boolean(),
        firstBreak: z.object({ auditId: z.string(), reason: z.string(), message: z.string() }).optional() }),
      handler: async ({ context }) => new AuditReader(services.db, context).verifyChain(),
    }),
  ];
}
