/**
 * The audit chain's pass: how long moving N awaiting rows onto a council's hash chain takes, next
 * to a baseline measured in the same run on the same database — the same rows copied from one
 * plain table to another in one statement (no hashing, no chain). Shows why passes gather the
 * rows of many requests (CHAIN_SOON_MS in src/platform/audit/audit.ts): a pass has a fixed cost
 * far above its cost a row.
 *
 *   npx tsx bench/audit-chain.ts            # against DATABASE_URL, else the local PostgreSQL server
 *
 * Measured on a 2-CPU machine (PostgreSQL 15, Node 20), 3 December 2026, the machine quiet:
 *
 *     rows   pass ms  ms a row   copy ms  pass ÷ copy   (medians of 7)
 *        1       1.8     1.788       0.4         4.6×
 *       20       2.2     0.109       0.4         5.6×
 *      100       3.8     0.038       0.6         6.7×
 *      200       5.8     0.029       0.8         7.1×
 *     1000      24.5     0.025       2.5         9.6×
 *
 * About 2 ms a pass however few rows, 0.02 ms a row beyond that: under load (a thousand requests
 * a second) passes a fifth of a second apart chain two hundred rows each, for about a quarter of
 * the database time that a pass every 20 ms (twenty rows) took: 5 × 5.8 ms against 50 × 2.2 ms a second.
 */
import os from 'node:os';
import { chainAwaitingAudit } from '../src/platform/audit/audit.ts';
import { openDatabase } from '../src/platform/database/database.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { createFreshServerDatabase } from '../test/support/test-database.ts';

const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SIZES = [1, 5, 20, 100, 200, 500, 1000];
const RUNS = 7;

const awaitingRows = (table: string, n: number) => `INSERT INTO ${table} (la_code, occurred_at, user_id, role, agency, action, resource, child_id, outcome, correlation_id, detail)
  SELECT '206', now(), 'u1', 'social-worker', 'childrens-social-care', 'read', 'child-record', 'CH' || g, 'ok', 'bench-' || g, '{"events": 40}'::jsonb
    FROM generate_series(1, ${n}) g`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const fresh = await createFreshServerDatabase(serverUrl, 'safeguard_bench_');
const db = await openDatabase({ databaseUrl: fresh.databaseUrl, dataDir: os.tmpdir() });
try {
  await migrate(db);
  await db.pool.query('CREATE TABLE bench_from (LIKE audit_awaiting_chain INCLUDING DEFAULTS INCLUDING IDENTITY); CREATE TABLE bench_to (LIKE audit_awaiting_chain INCLUDING DEFAULTS INCLUDING IDENTITY)');
  // A chain with some history, as a council's would have.
  await db.pool.query(awaitingRows('audit_awaiting_chain', 5000));
  await chainAwaitingAudit(db.pool);
  console.log(`${'rows'.padStart(6)} ${'pass ms'.padStart(9)} ${'ms a row'.padStart(9)} ${'copy ms'.padStart(9)} ${'pass ÷ copy'.padStart(12)}   (medians of ${RUNS})`);
  for (const n of SIZES) {
    const passes: number[] = [];
    const copies: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await db.pool.query(awaitingRows('audit_awaiting_chain', n));
      let started = performance.now();
      await chainAwaitingAudit(db.pool, ['206']);
      passes.push(performance.now() - started);

      await db.pool.query(awaitingRows('bench_from', n));
      started = performance.now();
      await db.pool.query('BEGIN; INSERT INTO bench_to OVERRIDING SYSTEM VALUE SELECT * FROM bench_from; DELETE FROM bench_from; COMMIT');
      copies.push(performance.now() - started);
    }
    const pass = median(passes);
    const copy = median(copies);
    console.log(`${String(n).padStart(6)} ${pass.toFixed(1).padStart(9)} ${(pass / n).toFixed(3).padStart(9)} ${copy.toFixed(1).padStart(9)} ${`${(pass / copy).toFixed(1)}×`.padStart(12)}`);
  }
} finally {
  await db.close();
  await fresh.drop();
}
