/**
 * The returns' API as the server answers it and the web app reads it: one set of Zod schemas for
 * both. Browser-safe: it imports Zod and nothing else.
 */
import { z } from 'zod';

export const ReturnKindOut = z.enum(['cin', 'ssda903']);
export const ProducibleKind = z.enum(['cin', 'ssda903', 'annex-a']);
export type ProducibleKind = z.output<typeof ProducibleKind>;

const Severity = z.enum(['error', 'query']);

/** The returns Safeguard makes: what the page offers to produce. */
export const ReturnKindsOut = z.object({
  currentYear: z.string(),
  returns: z.array(z.object({ kind: ProducibleKind, title: z.string(), years: z.array(z.string()) })),
});
export type ReturnKindsOut = z.output<typeof ReturnKindsOut>;

/** What to produce: a return and its collection year, or Annex A and the date its lists are as at. */
export const StartReturnJob = z.object({
  kind: ProducibleKind,
  year: z.string().optional().describe('The collection year, like 2024-25 (the CIN census and SSDA903)'),
  asAt: z.string().optional().describe('The date Annex A\'s lists are as at, YYYY-MM-DD (Annex A)'),
});

export const IssueCount = z.object({ code: z.string(), severity: Severity, message: z.string(), count: z.number().int() });

export const ReturnJobOut = z.object({
  jobId: z.string(),
  kind: ProducibleKind,
  /** '2024-25', or the as-at date for Annex A. */
  period: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  progress: z.object({ stage: z.string(), done: z.number().int(), total: z.number().int() }),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Why it failed, in plain English. */
  failure: z.string().nullable(),
  files: z.array(z.object({ name: z.string(), mediaType: z.string(), bytes: z.number().int() })),
  children: z.number().int(),
  issueCounts: z.array(IssueCount),
  errors: z.number().int(),
  queries: z.number().int(),
  schemaErrors: z.array(z.object({ file: z.string(), line: z.number().nullable(), message: z.string() })),
  /** Children whose record could not be folded to the cut-off, left out of the return. */
  problems: z.array(z.object({ childId: z.string(), message: z.string() })),
});
export type ReturnJobOut = z.output<typeof ReturnJobOut>;

export const ReturnIssueOut = z.object({
  code: z.string(), severity: Severity, message: z.string(), table: z.string(), row: z.number().int().nullable(), column: z.string().nullable(), child: z.string().nullable(),
});
export type ReturnIssueOut = z.output<typeof ReturnIssueOut>;

export const ValidationOut = z.object({
  kind: ReturnKindOut,
  year: z.string(),
  issues: z.array(ReturnIssueOut),
  schemaErrors: z.array(z.object({ file: z.string(), line: z.number().nullable(), message: z.string() })),
  problems: z.array(z.object({ file: z.string(), line: z.number().nullable(), message: z.string() })),
  rowsRead: z.record(z.string(), z.number().int()),
});
export type ValidationOut = z.output<typeof ValidationOut>;

export const ChildReturnIssuesOut = z.object({
  childId: z.string(),
  asAt: z.string(),
  returns: z.array(z.object({
    kind: ReturnKindOut, title: z.string(), year: z.string(), rulesYear: z.string(), note: z.string().nullable(), inReturn: z.boolean(), issues: z.array(ReturnIssueOut),
  })),
});
export type ChildReturnIssuesOut = z.output<typeof ChildReturnIssuesOut>;

const WorklistChild = z.object({ childId: z.string(), name: z.string(), teamId: z.string().nullable(), teamName: z.string().nullable(), issues: z.number().int() });

export const ReturnIssuesWorklist = z.object({
  year: z.string(),
  /** Said when a return's rules are not the current year's. */
  notes: z.array(z.string()),
  byRule: z.array(z.object({ kind: ReturnKindOut, code: z.string(), severity: Severity, message: z.string(), children: z.array(WorklistChild) })),
  byTeam: z.array(z.object({
    teamId: z.string().nullable(), teamName: z.string(),
    children: z.array(WorklistChild.extend({ codes: z.array(z.string()) })),
  })),
});
export type ReturnIssuesWorklist = z.output<typeof ReturnIssuesWorklist>;
