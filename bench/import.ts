/**
 * Import benchmark: how fast `importInterchangeFile` stores events, against a raw COPY of the same
 * rows into an unindexed table with no constraints (the fastest PostgreSQL can take them in).
 *
 *   npx tsx bench/import.ts                       # 1,000,000 events on the PostgreSQL server
 *   npx tsx bench/import.ts --events 200000 --embedded --runs 3
 *
 * Options: --events N (1,000,000), --seed S (1), --la 206, --runs R (1: each run uses a fresh
 * database; the table shows the median), --embedded (also import into a fresh embedded PGlite
 * database), --database-url URL (DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres).
 *
 * The interchange file comes from bench/generate-events.ts and is cached in os.tmpdir(), keyed by
 * size, seed, LA and generator version. Each measurement runs in its own child process so its peak
 * RSS (process.resourceUsage().maxRSS) is its own; for PGlite that excludes the database host,
 * which is a separate process. Every server run gets a new database, dropped afterwards.
 *
 * The baseline is measured on the server only: COPY FROM STDIN does not work over PGlite's
 * socket, so the embedded import is shown against the server's baseline.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { importInterchangeFile } from '../src/interchange/import.ts';
import { loadConfig } from '../src/app/config.ts';
import { openDatabase, type Database } from '../src/platform/database/database.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { timescalesFrom } from '../src/app/services.ts';
import { createFreshServerDatabase, testDatabaseTargets, withAdminClient } from '../test/support/test-database.ts';
import { cachedInterchangeFile } from './generate-events.ts';
import { copyBaseline } from './copy-baseline.ts';
import { databaseBackendsCpuSeconds } from './server-cpu.ts';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const thisFile = fileURLToPath(import.meta.url);

interface Options {
  events: number;
  seed: number;
  laCode: string;
  runs: number;
  embedded: boolean;
  databaseUrl: string;
  phase?: 'baseline' | 'import-server' | 'import-embedded';
  file?: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    events: 1_000_000, seed: 1, laCode: '206', runs: 1, embedded: false, databaseUrl: process.env.DATABASE_URL || DEFAULT_SERVER,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--events': options.events = Number(value); i += 1; break;
      case '--seed': options.seed = Number(value); i += 1; break;
      case '--la': options.laCode = String(value); i += 1; break;
      case '--runs': options.runs = Number(value); i += 1; break;
      case '--embedded': options.embedded = true; break;
      case '--database-url': options.databaseUrl = String(value); i += 1; break;
      case '--phase': options.phase = value as Options['phase']; i += 1; break;
      case '--file': options.file = String(value); i += 1; break;
      default: throw new Error(`Unknown option ${argv[i]}`);
    }
  }
  if (!Number.isInteger(options.events) || options.events < 1) throw new Error('--events must be a positive whole number');
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs must be a positive whole number');
  return options;
}

// ---------------------------------------------------------------------------------------------
// Phases (each in its own process)

interface PhaseResult {
  events: number;
  seconds: number;
  maxRssMb: number;
  /** CPU the server's backends spent on it (server phases on this machine only). */
  serverCpuSeconds?: number;
  detail?: string;
}


/**
 * The floor: read the file, JSON.parse each line and COPY the fields into a table with
 * child_event's columns and types but no key, constraint, index or identity column. occurred_on
 * is the first ten characters of occurredAt (no London date), and nothing is validated.
 */
async function baselinePhase(databaseUrl: string, file: string): Promise<PhaseResult> {
  const { events, seconds, serverCpuSeconds } = await copyBaseline(databaseUrl, file);
  return { events, seconds, serverCpuSeconds, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function importPhase(db: Database, file: string, expected: number, serverCpu?: () => Promise<number | undefined>): Promise<PhaseResult> {
  const config = loadConfig({});
  const context = { laCode: config.laCode, actor: config.developmentActor, correlationId: randomUUID() };
  const marks: string[] = [];
  let phase = '';
  const cpuBefore = await serverCpu?.();
  const started = performance.now();
  const result = await importInterchangeFile(db, file, context, timescalesFrom(config), (progress) => {
    if (progress.phase !== phase) {
      phase = progress.phase;
      marks.push(`${phase} from ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = await serverCpu?.();
  if (!result.committed || result.events !== expected) {
    const problems = result.problems.slice(0, 5).map((p) => `line ${p.line}: ${p.field}: ${p.message}`).join('\n  ');
    throw new Error(`The import did not commit ${expected} events (committed: ${result.committed}, events: ${result.events}):\n  ${problems}`);
  }
  const serverCpuSeconds = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
  return { events: result.events, seconds, serverCpuSeconds, maxRssMb: process.resourceUsage().maxRSS / 1024, detail: `${result.children} children; ${marks.join(', ')}` };
}

async function runPhase(options: Options): Promise<PhaseResult> {
  const file = options.file!;
  if (options.phase === 'baseline') return baselinePhase(options.databaseUrl, file);
  if (options.phase === 'import-server') {
    const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: os.tmpdir() });
    // The pool's backends are read from another connection, which the sum leaves out.
    const observer = new pg.Client({ connectionString: options.databaseUrl });
    await observer.connect();
    try {
      return await importPhase(db, file, options.events, () => databaseBackendsCpuSeconds(observer));
    } finally {
      await observer.end();
      await db.close();
    }
  }
  const db = await testDatabaseTargets.find((target) => target.name === 'pglite')!.open();
  try {
    return await importPhase(db, file, options.events);
  } finally {
    await db.close();
  }
}

/** Runs a phase in a child process and returns what it measured. */
function spawnPhase(phase: NonNullable<Options['phase']>, file: string, databaseUrl: string, events: number): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', thisFile, '--phase', phase, '--file', file, '--database-url', databaseUrl, '--events', String(events)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as PhaseResult);
      else reject(new Error(`${phase} failed (exit code ${code})`));
    });
  });
}

// ---------------------------------------------------------------------------------------------

/** A new, migrated database on the server; answers its URL and how to drop it. */
async function freshServerDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { databaseUrl, drop } = await createFreshServerDatabase(serverUrl, 'safeguard_bench_');
  try {
    const db = await openDatabase({ databaseUrl, dataDir: os.tmpdir() });
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: databaseUrl, drop };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(options: Options): Promise<void> {
  const file = await cachedInterchangeFile(options.events, options.seed, options.laCode);
  const bytes = statSync(file).size;
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  let server = 'unknown';
  await withAdminClient(options.databaseUrl, async (client) => {
    server = String((await client.query('SHOW server_version')).rows[0].server_version);
  });
  process.stderr.write(`File ${file} (${fmt(bytes / 1e6)} MB); PostgreSQL ${server}; ${os.cpus().length} CPUs; load average ${load()}\n`);

  const results: Record<string, PhaseResult[]> = { baseline: [], 'import-server': [], 'import-embedded': [] };
  for (let run = 1; run <= options.runs; run += 1) {
    const database = await freshServerDatabase(options.databaseUrl);
    try {
      process.stderr.write(`Run ${run}: COPY baseline …\n`);
      results.baseline!.push(await spawnPhase('baseline', file, database.url, options.events));
      process.stderr.write(`Run ${run}: import on the server …\n`);
      results['import-server']!.push(await spawnPhase('import-server', file, database.url, options.events));
    } finally {
      await database.drop();
    }
    if (options.embedded) {
      process.stderr.write(`Run ${run}: import on embedded PGlite …\n`);
      results['import-embedded']!.push(await spawnPhase('import-embedded', file, options.databaseUrl, options.events));
    }
  }

  const rows: [string, PhaseResult[]][] = [
    ['COPY baseline (server)', results.baseline!],
    ['import (server)', results['import-server']!],
    ...(options.embedded ? [['import (embedded PGlite)', results['import-embedded']!] as [string, PhaseResult[]]] : []),
  ];
  const rate = (r: PhaseResult[]) => median(r.map((x) => x.events / x.seconds));
  const serverCpuOf = (r: PhaseResult[]) => (r.every((x) => x.serverCpuSeconds !== undefined) && r.length > 0 ? median(r.map((x) => x.serverCpuSeconds!)) : undefined);
  const baselineRate = rate(results.baseline!);
  const table = [
    ['', 'events', 'seconds', 'events/s', '÷ baseline', 'peak RSS MB', 'server CPU s'],
    ...rows.map(([name, r]) => [
      name, fmt(r[0]!.events), fmt(median(r.map((x) => x.seconds)), 1), fmt(rate(r)), (rate(r) / baselineRate).toFixed(2), fmt(Math.max(...r.map((x) => x.maxRssMb))),
      serverCpuOf(r) === undefined ? '—' : fmt(serverCpuOf(r)!, 1),
    ]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  const out = process.stdout;
  out.write(`\nImport of ${fmt(options.events)} events (${fmt(bytes / 1e6)} MB)${options.runs > 1 ? `, median of ${options.runs} runs` : ''}; load average now ${load()}\n\n`);
  for (const [i, row] of table.entries()) {
    out.write(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ') + '\n');
    if (i === 0) out.write(widths.map((w) => '-'.repeat(w)).join('   ') + '\n');
  }
  const ratio = rate(results['import-server']!) / baselineRate;
  out.write(`\nRatio import ÷ baseline on the server: ${ratio.toFixed(2)} (goal ≥ 0.33)${ratio >= 0.33 ? '' : '  ← below goal'}\n`);
  const importServerCpu = serverCpuOf(results['import-server']!);
  if (importServerCpu !== undefined) {
    // An import is one transaction, so one backend does all of the server's part of it, on one core.
    const baselineSeconds = median(results.baseline!.map((x) => x.seconds));
    const floorRatio = baselineSeconds / importServerCpu;
    out.write(`The server's own CPU for the import (one backend, one core): ${importServerCpu.toFixed(1)} s, so the import can reach at most ${floorRatio.toFixed(2)} of the baseline's rate on this server however little the application does.\n`);
  }
  if (options.runs > 1) {
    // Each run's baseline and import ran back to back: their ratio is steadier on a busy machine.
    const paired = results['import-server']!.map((x, i) => results.baseline![i]!.seconds / x.seconds);
    out.write(`Ratio run by run: ${paired.map((r) => r.toFixed(2)).join(', ')} (median ${median(paired).toFixed(2)})\n`);
  }
  for (const [name, r] of rows) {
    for (const [i, x] of r.entries()) out.write(`  ${name}, run ${i + 1}: ${x.seconds.toFixed(1)} s${x.detail ? `; ${x.detail}` : ''}\n`);
  }
  if (options.embedded) out.write('  The embedded import is compared with the server\'s COPY baseline (COPY FROM STDIN does not work over PGlite\'s socket); its peak RSS excludes the PGlite host process.\n');
}

const options = parseArgs(process.argv.slice(2));
if (options.phase) {
  const result = await runPhase(options);
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(options);
}
