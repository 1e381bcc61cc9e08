/**
 * Simulating one borough-year straight into the database: events per second from the start of the
 * simulation to the committed import, next to the import baseline measured in the same run (a raw
 * COPY of the same events into an unindexed table). On the PostgreSQL server.
 *
 *   npx tsx bench/simulate.ts [--database-url URL] [--seed 1]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/app/config.ts';
import { openDatabase } from '../src/platform/database/database.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { timescalesFrom } from '../src/app/services.ts';
import { importInterchangeFile } from '../src/interchange/import.ts';
import { simulatorActor, writeSimulation } from '../src/simulate/seed.ts';
import { createFreshServerDatabase } from '../test/support/test-database.ts';
import { copyBaseline } from './copy-baseline.ts';

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1]! : fallback;
};
const serverUrl = argument('--database-url', process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
const seed = Number(argument('--seed', '1'));
const options = { seed, years: 1, from: '2023-04-01', warmUpYears: 0 };

const folder = await mkdtemp(path.join(os.tmpdir(), 'safeguard-bench-simulate-'));
const { databaseUrl, drop } = await createFreshServerDatabase(serverUrl, 'safeguard_bench_');
try {
  const file = path.join(folder, 'borough-year.ndjson');
  const config = loadConfig({});
  const db = await openDatabase({ databaseUrl, dataDir: folder });
  try {
    await migrate(db);
    const started = performance.now();
    await writeSimulation(file, options);
    const simulated = performance.now();
    const result = await importInterchangeFile(db, file, { laCode: '206', actor: simulatorActor, correlationId: 'bench' }, timescalesFrom(config));
    const seconds = (performance.now() - started) / 1000;
    if (!result.committed) throw new Error(`simulation did not import: ${JSON.stringify(result.problems.slice(0, 3))}`);
    const baseline = await copyBaseline(databaseUrl, file);
    const rate = result.events / seconds;
    const baselineRate = baseline.events / baseline.seconds;
    console.log(`One borough-year (seed ${seed}, ${result.children} children, ${result.events} events) on the PostgreSQL server`);
    console.log(`  simulate + import into the database: ${seconds.toFixed(1)} s (simulation ${((simulated - started) / 1000).toFixed(1)} s) = ${Math.round(rate)} events/s`);
    console.log(`  baseline, raw COPY of the same events: ${baseline.seconds.toFixed(1)} s = ${Math.round(baselineRate)} events/s`);
    console.log(`  ratio to the baseline: ${(rate / baselineRate).toFixed(2)}; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    await db.close();
  }
} finally {
  await drop();
  await rm(folder, { recursive: true, force: true });
}
