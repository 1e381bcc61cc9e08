/**
 * The due list as the API answers it and the web app reads it, in Zod: shared by the server and the
 * browser, so it holds Zod and the record's read model, nothing else.
 */
import { z } from 'zod';
import { ListedInvolvements } from '../record/read-model.ts';

/** One duty due or overdue, with the child it is for and the rule behind it. */
export const DueItem = z.object({
  childId: z.string(), childName: z.string(), involvements: ListedInvolvements, ruleId: z.string(), title: z.string(), source: z.string(), subjectId: z.string(),
  occurrence: z.number(), startedOn: z.string(), dueOn: z.string(), dueAt: z.string().optional(), state: z.string(),
  daysLeft: z.number().optional(), lateBy: z.number().optional(), unit: z.string(), workerId: z.string().nullable(), teamId: z.string().nullable(),
});
export type DueItem = z.infer<typeof DueItem>;

/** Everything due as at a date, with the counts open and overdue. */
export const DueList = z.object({
  asAt: z.string(),
  summary: z.object({ open: z.number(), overdue: z.number(), byWorker: z.array(z.object({ workerId: z.string().nullable(), open: z.number(), overdue: z.number() })) }),
  duties: z.array(DueItem),
});
export type DueList = z.infer<typeof DueList>;
