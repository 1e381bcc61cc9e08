/**
 * Producing each statutory return for the default borough, next to one scan of the year's events
 * in the same database in the same run.
 *
 *   npx tsx bench/returns.ts [--seed 1] [--year 2024-25] [--runs 2] [--database pglite|server]
 *
 * The borough: the default synthetic borough (seed 1, 38,300 children) over the three years to the
 * end of the year (after the simulator's warm-up), seeded through the interchange import like
 * `safeguard seed`, on the embedded PGlite (default) or on the PostgreSQL server of DATABASE_URL (in a
 * database made for the run and dropped after).
 *
 * Each return is produced as `safeguard returns` produces it: every child's record folded from the
 * log up to the year's end, the year's rows, the files written, every rule of the year run, and the
 * CIN census checked against DfE's schema. Annex A is the 12 months to the year's end. The baseline
 * reads every event of the year (`count(*)` and `sum(length(data::text))` over child_event in the
 * year), and, since a return folds each child's whole history to the cut-off, also every event up to
 * the cut-off. Each is run --runs times; the last (warm) run is shown.
 */
import { loadConfig } from '../src/app/config.ts';
import { timescalesFrom } from '../src/app/services.ts';
import { collectionYear } from '../src/modules/returns/collection-year.ts';
import { produceAnnexA, produceReturn, type ReturnsEngine } from '../src/modules/returns/service.ts';
import type { Database } from '../src/platform/database/database.ts';
import { seedDatabase } from '../src/simulate/seed.ts';
import { testDatabaseTargets } from '../test/support/test-database.ts';

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1]! : fallback;
};
const year = collectionYear(argument('--year', '2024-25'));
const runs = Number(argument('--runs', '2'));
const seed = Number(argument('--seed', '1'));
const onServer = argument('--database', 'pglite') === 'server';

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; answer: T }> {
  let last = { ms: 0, answer: undefined as T };
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const answer = await work();
    last = { ms: performance.now() - started, answer };
  }
  return last;
}

async function scan(db: Database, from: string | null): Promise<number> {
  const result = await db.pool.query(
    `SELECT count(*) AS events, sum(length(data::text)) AS bytes FROM child_event
      WHERE la_code = '206' AND ($1::text IS NULL OR left(occurred_at, 10) >= $1) AND left(occurred_at, 10) <= $2`,
    [from, year.end],
  );
  return Number(result.rows[0].events);
}

// The server target is there when DATABASE_URL is set: a database made for the run, dropped after it.
const target = testDatabaseTargets.find((candidate) => candidate.name === (onServer ? 'postgresql' : 'pglite'));
if (target === undefined) throw new Error('--database server needs DATABASE_URL');
const db = await target.open();
try {
  const seeding = performance.now();
  const from = `${Number(year.start.slice(0, 4)) - 2}-04-01`;
  const seeded = await seedDatabase(db, '206', timescalesFrom(loadConfig({})), { seed, years: 3, from });
  console.log(`Default borough (seed ${seed}, ${seeded.children} children, ${seeded.events} events from ${from} to ${year.end}) seeded on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'} in ${((performance.now() - seeding) / 1000).toFixed(0)} s`);

  const engine: ReturnsEngine = { pool: db.pool, laCode: '206' };
  const yearScan = await timed(() => scan(db, year.start));
  const historyScan = await timed(() => scan(db, null));
  console.log(`\nBaseline: one scan of the year's ${yearScan.answer} events ${yearScan.ms.toFixed(0)} ms; of all ${historyScan.answer} events to ${year.end} ${historyScan.ms.toFixed(0)} ms`);
  console.log('return                      time      × year scan   × scan to cut-off   children   issues');
  const line = (name: string, ms: number, children: number, issues: string) =>
    console.log(`${name.padEnd(28)}${`${(ms / 1000).toFixed(2)} s`.padEnd(10)}${`${(ms / yearScan.ms).toFixed(1)}×`.padEnd(14)}${`${(ms / historyScan.ms).toFixed(1)}×`.padEnd(20)}${String(children).padEnd(11)}${issues}`);
  for (const kind of ['cin', 'ssda903'] as const) {
    const produced = await timed(() => produceReturn(engine, kind, year.label));
    const errors = produced.answer.issues.filter((issue) => issue.severity === 'error').length;
    line(kind === 'cin' ? `CIN census ${year.label}` : `SSDA903 ${year.label}`, produced.ms, produced.answer.childIds.length, `${errors} errors, ${produced.answer.issues.length - errors} queries`);
  }
  const annex = await timed(() => produceAnnexA(engine, year.end));
  line(`Annex A to ${year.end}`, annex.ms, annex.answer.childIds.length, '');
  console.log(`\nPeak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
} finally {
  await db.close();
}
