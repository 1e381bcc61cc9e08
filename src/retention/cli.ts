/**
 * `safeguard retention`: what is due for disposal, disposal itself, and holds.
 *
 *   safeguard retention report [--as-at D] [--json]       a dry run: nothing changes
 *   safeguard retention dispose --as-at D --confirm        dispose of every record due (one child per transaction)
 *   safeguard retention hold <childId> --reason "…"        keep a record whatever its date
 *   safeguard retention lift <childId> --reason "…"        lift the holds on a record
 */
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { isIsoDate } from '../platform/calendar/calendar.ts';
import { todayInLondon } from '../platform/clock.ts';
import type { CommandDependencies, CommandSettings } from '../platform/command-line.ts';
import { RetentionRepository } from './repo.ts';
import { resolveRetentionRules, type RetentionOverrides } from './schedules.ts';
import { disposeDueRecords, retentionReport } from './service.ts';

/** What the command reads of the configuration: also the council's retention periods. */
export interface RetentionCommandSettings extends CommandSettings {
  retentionOverrides: RetentionOverrides;
}

const write = (text: string): void => {
  process.stdout.write(text);
};

export function registerRetentionCommand<Settings extends RetentionCommandSettings>(program: Command, deps: CommandDependencies<Settings>): void {
  const retention = program.command('retention').description('Retention schedules: what is due for disposal, disposal, and holds');

  const withRepository = async <T>(work: (repo: RetentionRepository, config: Settings) => Promise<T>): Promise<T> => {
    const config = deps.loadConfig();
    const db = await deps.openDatabase(config);
    try {
      return await work(new RetentionRepository(db, { laCode: config.laCode, actor: config.operator, correlationId: randomUUID() }), config);
    } finally {
      await db.close();
    }
  };
  const asAtOf = (value: string | undefined) => {
    const asAt = value ?? todayInLondon();
    if (!isIsoDate(asAt)) throw new Error(`--as-at: enter a real date as YYYY-MM-DD, not ${asAt}`);
    return asAt;
  };

  retention.command('report').description('What is due for disposal as at a date (nothing is changed)')
    .option('--as-at <date>', 'the date (YYYY-MM-DD); default today')
    .option('--json', 'print JSON')
    .action((options: { asAt?: string; json?: boolean }) => withRepository(async (repo, config) => {
      const report = await retentionReport(repo, resolveRetentionRules(config.retentionOverrides), asAtOf(options.asAt));
      if (options.json) return write(JSON.stringify(report, null, 2) + '\n');
      write(`Retention as at ${report.asAt}\n`);
      for (const [status, byType] of Object.entries(report.summary)) {
        const parts = Object.entries(byType).map(([type, n]) => `${type} ${n}`);
        write(`  ${status.padEnd(17)} ${parts.length > 0 ? parts.join(', ') : 'none'}\n`);
      }
      for (const d of report.children) write(`${d.retainUntil}  ${d.status.padEnd(17)} ${d.childId.padEnd(12)} ${d.recordType.padEnd(17)} ${d.reason}\n`);
    }));

  retention.command('dispose').description('Dispose of every record due as at a date: events and projections removed, a tombstone and an audit row kept')
    .requiredOption('--as-at <date>', 'the date (YYYY-MM-DD) retention is judged at')
    .option('--limit <n>', 'at most this many records')
    .option('--confirm', 'really dispose (without it, nothing is done)')
    .option('--json', 'print JSON')
    .action((options: { asAt: string; limit?: string; confirm?: boolean; json?: boolean }) => withRepository(async (repo, config) => {
      if (!options.confirm) throw new Error('Disposal removes records for good: run `safeguard retention report` first, then add --confirm');
      const limit = options.limit === undefined ? Infinity : Number(options.limit);
      if (!(limit >= 1)) throw new Error('--limit must be a whole number of at least 1');
      const run = await disposeDueRecords(repo, resolveRetentionRules(config.retentionOverrides), asAtOf(options.asAt), limit);
      if (options.json) return write(JSON.stringify(run, null, 2) + '\n');
      write(`Disposed of ${run.disposed.length} record(s) as at ${run.asAt}; ${run.skipped.length} no longer due\n`);
      for (const d of run.disposed) write(`  ${d.childId.padEnd(12)} ${d.ruleId} (${d.eventsRemoved} events)\n`);
      for (const s of run.skipped) write(`  skipped ${s.childId}: ${s.reason}\n`);
    }));

  retention.command('hold').argument('<childId>').description('Keep a child\'s record whatever its retention date')
    .requiredOption('--reason <text>', 'why (e.g. an inquiry, litigation, a subject access request)')
    .action((childId: string, options: { reason: string }) => withRepository(async (repo) => {
      const hold = await repo.placeHold(childId, options.reason);
      write(`Hold ${hold.holdId} placed on ${childId}\n`);
    }));

  retention.command('lift').argument('<childId>').description('Lift the holds on a child\'s record')
    .requiredOption('--reason <text>', 'why the hold is no longer needed')
    .action((childId: string, options: { reason: string }) => withRepository(async (repo) => {
      write(`Lifted ${await repo.liftHolds(childId, options.reason)} hold(s) on ${childId}\n`);
    }));
}
