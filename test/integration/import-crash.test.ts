import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/database/database.ts';
import { manyJourneys, toNdjson, withWorkforce } from '../support/event-builders.ts';
import { testDatabaseTargets } from '../support/test-database.ts';
import { createCliDatabase, runCli, startCli, type CliDatabase } from './cli-harness.ts';

/**
 * An import is one transaction: a CLI killed outright (SIGKILL, no chance to clean up) part-way
 * through a large import leaves the database holding none of it, and the import can then be run
 * again to completion.
 *
 * Each kill is decided by the import's own progress output, never by a clock, so a slow machine
 * only makes the test take longer: it cannot kill before the phase it means to interrupt. The file
 * is as small as still crosses every boundary the kills test: 40,000 events are 20 INSERT batches
 * (several already in the transaction when it is killed while validating), 4,000 children are four
 * fold batches (one still to come when it is killed while applying), and at 8.9 MB the file is
 * folded on worker threads, as a council's migration would be.
 */
const CHILDREN = 4000;
const EVENTS = CHILDREN * 10;

interface Counts {
  events: number;
  children: number;
  episodes: number;
  duties: number;
  batches: number;
  importAudits: number;
  statuses: Record<string, number>;
}

async function countsOf(db: Database): Promise<Counts> {
  const n = async (sql: string) => Number((await db.pool.query(sql)).rows[0].n);
  const statuses = (await db.pool.query('SELECT status, count(*)::int AS n FROM child GROUP BY status')).rows;
  return {
    events: await n('SELECT count(*) AS n FROM child_event'),
    children: await n('SELECT count(*) AS n FROM child'),
    episodes: await n('SELECT count(*) AS n FROM cin_episode'),
    duties: await n('SELECT count(*) AS n FROM duty'),
    batches: await n('SELECT count(*) AS n FROM import_batch'),
    importAudits: await n(`SELECT count(*) AS n FROM audit_event WHERE resource = 'child-record:import'`),
    statuses: Object.fromEntries(statuses.map((r) => [r.status, r.n])),
  };
}

const nothing: Omit<Counts, 'statuses'> = { events: 0, children: 0, episodes: 0, duties: 0, batches: 0, importAudits: 0 };

describe.each(testDatabaseTargets)('an import killed part-way on $name', (target) => {
  let dir: string;
  let file: string;
  let cliDb: CliDatabase;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-import-crash-'));
    file = path.join(dir, 'big.ndjson');
    writeFileSync(file, toNdjson(withWorkforce(manyJourneys(CHILDREN))));
    cliDb = await createCliDatabase(target);
  }, 300_000);
  afterAll(async () => {
    await cliDb?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const inspect = async () => {
    // A killed process's host (or server session) may take a while to go on a busy machine.
    await cliDb.waitUntilReleased(300_000);
    const db = await cliDb.open();
    try {
      return await countsOf(db);
    } finally {
      await db.close();
    }
  };

  /**
   * Starts the import and SIGKILLs the CLI as soon as its progress output matches `when`. An import
   * that ends before saying so (it finished, or failed) is not killed, and the caller's check of
   * the signal fails with what the CLI said.
   */
  const importKilled = async (when: RegExp) => {
    const run = startCli(['import', file], cliDb.env);
    let killedAt = '';
    run.child.stderr!.on('data', () => {
      const progress = run.stderr().match(when);
      if (!progress || killedAt || run.child.exitCode !== null) return;
      killedAt = progress[0];
      run.child.kill('SIGKILL');
    });
    const exit = await run.exited;
    return { ...exit, killedAt };
  };

  const expectAllOrNothing = (counts: Counts, killed: { killedAt: string; stderr: string }) => {
    const summary = `killed at ${killed.killedAt}; CLI said:\n${killed.stderr}`;
    if (counts.events === 0) {
      expect({ ...counts, statuses: undefined }, summary).toEqual({ ...nothing, statuses: undefined });
    } else {
      // Killed after the commit: then all of it, with its projections.
      expect(counts, summary).toMatchObject({ events: EVENTS, children: CHILDREN, episodes: CHILDREN, batches: 1, importAudits: CHILDREN, statuses: { known: CHILDREN } });
    }
  };

  it('holds none of an import killed while inserting, none (or all) of one killed while applying, and all of it after a rerun', async () => {
    // 1. Killed while lines are being validated and inserted (the transaction holds some of the events).
    const duringInsert = await importKilled(/Validating: [4-9]0%/);
    expect(duringInsert.signal, duringInsert.stderr).toBe('SIGKILL');
    expect(duringInsert.stderr).not.toMatch(/Applying: \d/);
    const afterInsertKill = await inspect();
    expect(afterInsertKill.events, `killed at ${duringInsert.killedAt}: no event of an unfinished import may be visible`).toBe(0);
    expectAllOrNothing(afterInsertKill, duringInsert);

    // 2. Killed while records are folded and projections written (all events inserted, not committed).
    const duringApply = await importKilled(/Applying: [6-8]0%/);
    expect(duringApply.signal, duringApply.stderr).toBe('SIGKILL');
    expect(duringApply.stderr).not.toMatch(/Imported/);
    const afterApplyKill = await inspect();
    expectAllOrNothing(afterApplyKill, duringApply);

    // 3. Run again to completion.
    const rerun = await runCli(['import', file], cliDb.env);
    if (afterApplyKill.events === 0) {
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stderr).toMatch(new RegExp(`Imported ${EVENTS} events for ${CHILDREN} children`));
    } else {
      // The kill came after the commit: a rerun is refused as duplicates and changes nothing.
      expect(rerun.code, rerun.stderr).not.toBe(0);
      expect(rerun.stderr).toMatch(/eventId/);
    }
    const final = await inspect();
    expect(final).toEqual({ events: EVENTS, children: CHILDREN, episodes: CHILDREN, duties: final.duties, batches: 1, importAudits: CHILDREN, statuses: { known: CHILDREN } });
    expect(final.duties).toBeGreaterThanOrEqual(CHILDREN);
  }, 900_000);
});
