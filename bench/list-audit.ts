/**
 * Auditing a list: what writing a read row for every child a list shows (writeListAudit in
 * src/platform/audit/audit.ts) costs, next to baselines measured in the same run on the same
 * database — the same rows inserted one statement a child (what a row per child would cost done
 * naively), and the same number of rows made by the database itself in one INSERT … SELECT from
 * generate_series (nothing sent but the statement: the floor). Every list costs one statement
 * (one round trip) to audit, however many children it shows; the statements counted are printed.
 *
 *   npx tsx bench/list-audit.ts            # against DATABASE_URL, else the local PostgreSQL server
 *
 * Measured on a 2-CPU machine (PostgreSQL 15, Node 20), 7 December 2026, the machine busy with
 * other work (load average about 16), so take the ratios rather than the times:
 *
 *   children  list ms  stmts  a row each ms  floor ms   (medians of 5)
 *         25     39.1      1          683.6      30.0
 *         50     15.3      1         1015.3      20.4
 *        500     36.4      1         4778.7      13.1
 *       2000     88.6      1        17930.7      24.2
 */
import os from 'node:os';
import { writeAudit, writeListAudit } from '../src/platform/audit/audit.ts';
import { openDatabase } from '../src/platform/database/database.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { createFreshServerDatabase } from '../test/support/test-database.ts';

const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SIZES = [25, 50, 500, 2000];
const RUNS = 5;
const actor = { userId: 'u-bench', role: 'social-worker', agency: 'childrens-social-care' };
const list = { laCode: '206', actor, correlationId: 'bench', resource: 'duty-list' as const, detail: { asAt: '2024-03-31', teamId: 't-a' } };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const fresh = await createFreshServerDatabase(serverUrl, 'safeguard_bench_');
const db = await openDatabase({ databaseUrl: fresh.databaseUrl, dataDir: os.tmpdir() });
try {
  await migrate(db);
  let statements = 0;
  const query = db.pool.query.bind(db.pool);
  // Counts the statements sent to store audit rows (the chain's later passes use a client of their own).
  db.pool.query = ((...args: Parameters<typeof query>) => {
    if (String((args[0] as { text?: string }).text ?? args[0]).includes('audit_awaiting_chain')) statements += 1;
    return query(...args);
  }) as typeof db.pool.query;
  console.log(`${'children'.padStart(8)} ${'list ms'.padStart(8)} ${'stmts'.padStart(6)} ${'a row each ms'.padStart(14)} ${'floor ms'.padStart(9)}   (medians of ${RUNS})`);
  for (const n of SIZES) {
    const childIds = Array.from({ length: n }, (_, i) => `CH${i}`);
    const lists: number[] = [];
    const singles: number[] = [];
    const floors: number[] = [];
    let listStatements = 0;
    for (let run = 0; run < RUNS; run += 1) {
      statements = 0;
      let started = performance.now();
      await writeListAudit(db.pool, list, childIds);
      lists.push(performance.now() - started);
      listStatements = statements;

      started = performance.now();
      for (const childId of childIds) await writeAudit(db.pool, { ...list, action: 'read', outcome: 'ok', childId });
      singles.push(performance.now() - started);

      started = performance.now();
      await query(`INSERT INTO audit_awaiting_chain (la_code, occurred_at, user_id, role, agency, action, resource, child_id, outcome, correlation_id, detail)
        SELECT '206', now(), 'u-bench', 'social-worker', 'childrens-social-care', 'read', 'duty-list', 'CH' || g, 'ok', 'bench', '{"asAt": "2024-03-31", "teamId": "t-a"}'::jsonb
          FROM generate_series(1, ${n}) g`);
      floors.push(performance.now() - started);
    }
    console.log(`${String(n).padStart(8)} ${median(lists).toFixed(1).padStart(8)} ${String(listStatements).padStart(6)} ${median(singles).toFixed(1).padStart(14)} ${median(floors).toFixed(1).padStart(9)}`);
  }
} finally {
  await db.close();
  await fresh.drop();
}
