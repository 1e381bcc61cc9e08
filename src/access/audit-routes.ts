import { z } from 'zod';
import { IsoDateTime, LaChildId } from '../platform/schema-helpers.ts';
import { defineRoute } from '../platform/http/route.ts';
import type { Database } from '../platform/database/database.ts';
import { AuditReader } from './access-log.ts';
import { AccessAnomalyOut, AuditChainOut, RecordAccessOut } from './audit-read-model.ts';

export function auditRoutes(services: { db: Database }) {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/children/{childId}/access-log', summary: 'Who has read, written or been refused this child\'s record', tags: ['audit'],
      params: z.object({ childId: LaChildId }),
      response: z.object({ childId: z.string(), access: z.array(RecordAccessOut) }),
      handler: async ({ params, context }) => ({ childId: params.childId, access: await new AuditReader(services.db, context).findAccessToChild(params.childId) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/audit/anomalies', summary: 'Access the anomaly rules pick out between two instants', tags: ['audit'],
      query: z.object({ from: IsoDateTime, to: IsoDateTime }),
      response: z.object({ anomalies: z.array(AccessAnomalyOut) }),
      handler: async ({ query, context }) => ({ anomalies: await new AuditReader(services.db, context).findAnomalies(query.from, query.to) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/audit/verify', summary: 'Check the council\'s audit chain', tags: ['audit'],
      response: AuditChainOut,
      handler: async ({ context }) => new AuditReader(services.db, context).verifyChain(),
    }),
  ];
}
