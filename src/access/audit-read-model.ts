/**
 * The audit API's answers as the API declares them and the web app reads them, in Zod: shared by
 * the server and the browser, so it holds Zod and nothing else.
 */
import { z } from 'zod';

/** One person's access to a child's record: reads, writes and refusals, and any reason given to break the glass. */
export const RecordAccessOut = z.object({
  userId: z.string(), name: z.string().nullable(), role: z.string(), agency: z.string(), firstAt: z.string(), lastAt: z.string(),
  reads: z.number(), writes: z.number(), refusals: z.number(), reasons: z.array(z.string()),
});
export type RecordAccessOut = z.infer<typeof RecordAccessOut>;

/** Access an anomaly rule picks out. */
export const AccessAnomalyOut = z.object({
  rule: z.string(), userId: z.string(), name: z.string().nullable(), role: z.string(), children: z.number(), childIds: z.array(z.string()),
  day: z.string().optional().describe('For a rule counted by day: the day, in London, when the most children were concerned'),
});
export type AccessAnomalyOut = z.infer<typeof AccessAnomalyOut>;

/** Whether the council's audit chain is intact, and where it first breaks if not. */
export const AuditChainOut = z.object({ laCode: z.string(), rows: z.number(), lastAuditId: z.string().nullable(), headHash: z.string().nullable(), intact: z.boolean(),
  firstBreak: z.object({ auditId: z.string(), reason: z.string(), message: z.string() }).optional() });
export type AuditChainOut = z.infer<typeof AuditChainOut>;
