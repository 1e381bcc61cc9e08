import type { RetentionRepository } from './repo.ts';
import { retentionDecision, type RetentionDecision, type RetentionStatus } from './rules.ts';
import type { RetentionRule } from './retention-schedule.ts';

export interface RetentionReport {
  asAt: string;
  rules: readonly RetentionRule[];
  /** Children by status and kind of record. */
  summary: Record<RetentionStatus, Partial<Record<string, number>>>;
  /** Records due for disposal, and those past their date but held or still open, oldest date first. */
  children: RetentionDecision[];
}

/** What is due for disposal as at a date (a dry run: nothing is changed). */
export async function retentionReport(repo: RetentionRepository, rules: readonly RetentionRule[], asAt: string): Promise<RetentionReport> {
  const decisions = (await repo.findRetentionFacts()).map((facts) => retentionDecision(facts, rules, asAt));
  const summary: RetentionReport['summary'] = { 'due-for-disposal': {}, retained: {}, 'open-work': {}, 'on-hold': {} };
  for (const d of decisions) summary[d.status][d.recordType] = (summary[d.status][d.recordType] ?? 0) + 1;
  const children = decisions
    .filter((d) => d.status === 'due-for-disposal' || (d.status !== 'retained' && d.retainUntil <= asAt))
    .sort((a, b) => (a.retainUntil < b.retainUntil ? -1 : a.retainUntil > b.retainUntil ? 1 : a.childId.localeCompare(b.childId)));
  await repo.auditReport(children.map((d) => d.childId), asAt);
  return { asAt, rules, summary, children };
}

export interface DisposalRun {
  asAt: string;
  disposed: { childId: string; ruleId: string; eventsRemoved: number }[];
  /** Due when listed but not when disposed of (a hold placed, an event recorded meanwhile). */
  skipped: { childId: string; reason: string }[];
}

/** Disposes of every record due as at a date (at most `limit`), one child per transaction. */
export async function disposeDueRecords(repo: RetentionRepository, rules: readonly RetentionRule[], asAt: string, limit = Infinity): Promise<DisposalRun> {
  const due = (await repo.findRetentionFacts())
    .map((facts) => retentionDecision(facts, rules, asAt))
    .filter((d) => d.status === 'due-for-disposal')
    .slice(0, limit);
  const run: DisposalRun = { asAt, disposed: [], skipped: [] };
  for (const decision of due) {
    try {
      const { eventsRemoved } = await repo.dispose(decision, (facts) => retentionDecision(facts, rules, asAt));
      run.disposed.push({ childId: decision.childId, ruleId: decision.ruleId, eventsRemoved });
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'conflict')) throw error;
      run.skipped.push({ childId: decision.childId, reason: error.message });
    }
  }
  return run;
}
