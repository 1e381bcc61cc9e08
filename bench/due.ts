/**
 * Due-list benchmark on the embedded database: what is open as at a date, for a whole borough.
 *
 *   npx tsx bench/due.ts                        # 300,000 events (about a borough's 3 years)
 *   npx tsx bench/due.ts --events 100000 --runs 50 --cli-runs 3
 *
 * Options: --events N (300,000), --seed S (1), --la 206, --as-at YYYY-MM-DD (2024-03-31),
 * --runs R (30 timed query runs, after one untimed warm-up), --cli-runs C (5), --fresh (rebuild
 * the data dir).
 *
 * The data dir is built once (the generator's file imported into a fresh PGlite database) and
 * cached in os.tmpdir(), keyed by the file and the migrations. Each run then times, in this
 * process, DutyRepository.findOpenAsAt (the query, and the audit row it writes) and dueListAsAt
 * (statuses and sorting), next to `SELECT count(*) FROM duty`, one scan of the duty table.
 * Then the CLI, `node bin/safeguard.mjs due --as-at … --json`, is run end to end in a child
 * process; a small preload module (written to a temp dir, loaded with --import) timestamps the
 * embedded host's start, the database's first answer, the duty query and the output, so the
 * time splits into start + database open, migration check, query, and output + close.
 */
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DutyRepository } from '../src/duties/repo.ts';
import { dueListAsAt } from '../src/duties/service.ts';
import { importInterchangeFile } from '../src/interchange/import.ts';
import { loadConfig } from '../src/app/config.ts';
import { openDatabase } from '../src/platform/database/database.ts';
import { listMigrationFiles, migrate } from '../src/platform/database/migrate.ts';
import { timescalesFrom } from '../src/app/services.ts';
import { createFreshPgliteDataDir } from '../test/support/test-database.ts';
import { cachedInterchangeFile, GENERATOR_VERSION } from './generate-events.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

interface Options {
  events: number;
  seed: number;
  laCode: string;
  asAt: string;
  runs: number;
  cliRuns: number;
  fresh: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { events: 300_000, seed: 1, laCode: '206', asAt: '2024-03-31', runs: 30, cliRuns: 5, fresh: false };
  for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--events': options.events = Number(value); i += 1; break;
      case '--seed': options.seed = Number(value); i += 1; break;
      case '--la': options.laCode = String(value); i += 1; break;
      case '--as-at': options.asAt = String(value); i += 1; break;
      case '--runs': options.runs = Number(value); i += 1; break;
      case '--cli-runs': options.cliRuns = Number(value); i += 1; break;
      case '--fresh': options.fresh = true; break;
      default: throw new Error(`Unknown option ${argv[i]}`);
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asAt)) throw new Error('--as-at must be YYYY-MM-DD');
  if (!(options.runs >= 1 && options.cliRuns >= 0)) throw new Error('--runs must be at least 1 and --cli-runs at least 0');
  return options;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const fmt = (n: number) => n.toLocaleString('en-GB');

/** The migrations' checksum: a data dir built under other migrations is not reused. */
async function migrationsKey(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listMigrationFiles()) hash.update(`${file.fileName}\n`).update(await readFile(file.filePath)).update('\n');
  return hash.digest('hex').slice(0, 12);
}

/** An embedded data dir holding the imported file, built on first use. */
async function cachedDataDir(options: Options, file: string): Promise<string> {
  const dataDir = path.join(os.tmpdir(), `safeguard-bench-due-n${options.events}-s${options.seed}-la${options.laCode}-g${GENERATOR_VERSION}-m${await migrationsKey()}`);
  const marker = path.join(dataDir, 'safeguard-bench-import.json');
  if (options.fresh) await rm(dataDir, { recursive: true, force: true });
  if (existsSync(marker)) return dataDir;
  await rm(dataDir, { recursive: true, force: true });

  const building = await createFreshPgliteDataDir('safeguard-bench-due-building-');
  try {
    process.stderr.write(`Importing ${fmt(options.events)} events into an embedded database (cached as ${dataDir}) …\n`);
    const db = await openDatabase({ dataDir: building.dataDir });
    const config = loadConfig({ SAFEGUARD_LA_CODE: options.laCode });
    const started = performance.now();
    try {
      const result = await importInterchangeFile(db, file, { laCode: options.laCode, actor: config.developmentActor, correlationId: randomUUID() }, timescalesFrom(config));
      if (!result.committed) throw new Error(`The import did not commit: ${JSON.stringify(result.problems.slice(0, 5))}`);
      writeFileSync(path.join(building.dataDir, 'safeguard-bench-import.json'), JSON.stringify({ ...result, seconds: (performance.now() - started) / 1000 }));
      process.stderr.write(`  ${fmt(result.events)} events, ${fmt(result.children)} children in ${seconds(performance.now() - started)}\n`);
    } finally {
      await db.close();
    }
    await rename(building.dataDir, dataDir);
  } catch (error) {
    await building.dispose();
    throw error;
  }
  return dataDir;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// ---------------------------------------------------------------------------------------------
// The CLI, end to end

/** Loaded into the CLI process with --import: timestamps its milestones and prints them on exit. */
const PROBE = `
import childProcess from 'node:child_process';
import { createRequire, syncBuiltinESMExports } from 'node:module';
const pg = createRequire(${JSON.stringify(path.join(repoRoot, 'package.json'))})('pg');
const marks = { processStart: performance.timeOrigin, probeLoaded: Date.now() };
const fork = childProcess.fork;
childProcess.fork = function (...args) { marks.hostForked ??= Date.now(); return fork.apply(this, args); };
syncBuiltinESMExports();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
  const text = typeof config === 'string' ? config : config?.text ?? '';
  const started = Date.now();
  const first = marks.firstQueryStarted === undefined;
  if (first) marks.firstQueryStarted = started;
  const isDuty = /FROM duty d/.test(text);
  if (isDuty) marks.dutyQueryStarted = started;
  const done = () => { if (first) marks.firstQueryDone ??= Date.now(); if (isDuty) marks.dutyQueryDone = Date.now(); };
  const callback = typeof rest.at(-1) === 'function' ? rest.pop() : undefined;
  if (callback) rest.push(function (...answer) { done(); return callback.apply(this, answer); });
  const result = query.call(this, config, ...rest);
  if (!callback && result && typeof result.then === 'function') result.then(done, () => {});
  return result;
};
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => { marks.outputWritten ??= Date.now(); return write(chunk, ...rest); };
process.on('exit', () => { marks.exit = Date.now(); process.stderr.write('SAFEGUARD_BENCH_MARKS ' + JSON.stringify(marks) + '\\n'); });
`;

interface CliTiming {
  total: number;
  startAndOpen: number;
  modules: number;
  hostStart: number;
  migrationCheck: number;
  query: number;
  outputAndClose: number;
  open: number;
  overdue: number;
}

function runCli(options: Options, dataDir: string, probe: string): Promise<CliTiming> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, SAFEGUARD_DATA_DIR: dataDir, SAFEGUARD_LA_CODE: options.laCode };
    delete env.DATABASE_URL;
    const spawned = Date.now();
    const child = spawn(process.execPath, ['--import', pathToFileHref(probe), path.join(repoRoot, 'bin', 'safeguard.mjs'), 'due', '--as-at', options.asAt, '--json'], {
      cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const ended = Date.now();
      const marksLine = stderr.split('\n').find((line) => line.startsWith('SAFEGUARD_BENCH_MARKS '));
      if (code !== 0 || !marksLine) return reject(new Error(`safeguard due failed (exit code ${code}):\n${stderr}`));
      const m = JSON.parse(marksLine.slice('SAFEGUARD_BENCH_MARKS '.length)) as Record<string, number>;
      const summary = (JSON.parse(stdout) as { summary: { open: number; overdue: number } }).summary;
      resolve({
        total: ended - spawned,
        startAndOpen: m.firstQueryDone! - spawned,
        modules: m.hostForked! - spawned,
        hostStart: m.firstQueryDone! - m.hostForked!,
        migrationCheck: m.dutyQueryStarted! - m.firstQueryDone!,
        query: m.dutyQueryDone! - m.dutyQueryStarted!,
        outputAndClose: ended - m.dutyQueryDone!,
        open: summary.open,
        overdue: summary.overdue,
      });
    });
  });
}

const pathToFileHref = (file: string) => new URL(`file://${file}`).href;

/** Starts `safeguard serve` on the data dir, then times the CLI end to end `cliRuns` times (after one warm-up). */
async function timeWithServerRunning(options: Options, dataDir: string): Promise<number[]> {
  const env: NodeJS.ProcessEnv = { ...process.env, SAFEGUARD_DATA_DIR: dataDir, SAFEGUARD_LA_CODE: options.laCode, PORT: '0', SAFEGUARD_SEED: 'none' };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, [path.join(repoRoot, 'bin', 'safeguard.mjs'), 'serve'], { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    await new Promise<void>((resolve, reject) => {
      let stderr = '';
      server.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        if (/running at/.test(stderr)) resolve();
      });
      server.once('exit', (code) => reject(new Error(`safeguard serve exited (${code}): ${stderr}`)));
    });
    const once = () => new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'safeguard.mjs'), 'due', '--as-at', options.asAt, '--json'], { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'pipe'] });
      child.once('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`safeguard due failed (exit code ${code})`))));
    });
    await once();
    const times: number[] = [];
    for (let run = 0; run < Math.max(1, options.cliRuns); run += 1) times.push(await once());
    return times;
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

// ---------------------------------------------------------------------------------------------

async function main(options: Options): Promise<void> {
  const file = await cachedInterchangeFile(options.events, options.seed, options.laCode);
  const dataDir = await cachedDataDir(options, file);
  const built = JSON.parse(readFileSync(path.join(dataDir, 'safeguard-bench-import.json'), 'utf8')) as { events: number; children: number; seconds: number };
  const out = process.stdout;
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  out.write(`\nDue list as at ${options.asAt} on embedded PGlite: ${fmt(built.events)} events, ${fmt(built.children)} children (import took ${built.seconds.toFixed(1)} s when the data dir was built)\n`);
  out.write(`Data dir ${dataDir}; ${os.cpus().length} CPUs; load average ${load()}\n\n`);

  // In process: the repository call and the list, next to one scan of the duty table.
  const config = loadConfig({ SAFEGUARD_LA_CODE: options.laCode, SAFEGUARD_DATA_DIR: dataDir });
  const timescales = timescalesFrom(config);
  const context = { laCode: options.laCode, actor: config.developmentActor, correlationId: randomUUID() };
  const openStarted = performance.now();
  const db = await openDatabase({ dataDir });
  await migrate(db);
  const openMs = performance.now() - openStarted;
  const timings = { baseline: [] as number[], query: [] as number[], list: [] as number[], total: [] as number[] };
  let first: { baseline: number; query: number; list: number } | undefined;
  let open = 0;
  let overdue = 0;
  let dutyRows = 0;
  try {
    for (let run = 0; run <= options.runs; run += 1) {
      let t = performance.now();
      dutyRows = Number((await db.pool.query('SELECT count(*) AS n FROM duty')).rows[0].n);
      const baseline = performance.now() - t;
      t = performance.now();
      const rows = await new DutyRepository(db, context).findOpenAsAt(options.asAt);
      const query = performance.now() - t;
      t = performance.now();
      const items = dueListAsAt(rows, options.asAt, timescales);
      const list = performance.now() - t;
      open = items.length;
      overdue = items.filter((item) => item.state === 'overdue').length;
      if (run === 0) {
        first = { baseline, query, list }; // warm-up: the first run after opening reads from disk
        continue;
      }
      timings.baseline.push(baseline);
      timings.query.push(query);
      timings.list.push(list);
      timings.total.push(query + list);
    }
  } finally {
    await db.close();
  }

  const table = [
    ['', 'median', 'p95', 'first run'],
    ['SELECT count(*) FROM duty (baseline)', ms(percentile(timings.baseline, 50)), ms(percentile(timings.baseline, 95)), ms(first!.baseline)],
    ['findOpenAsAt (query + audit row)', ms(percentile(timings.query, 50)), ms(percentile(timings.query, 95)), ms(first!.query)],
    ['dueListAsAt (statuses, sort)', ms(percentile(timings.list, 50)), ms(percentile(timings.list, 95)), ms(first!.list)],
    ['findOpenAsAt + dueListAsAt', ms(percentile(timings.total, 50)), ms(percentile(timings.total, 95)), ms(first!.query + first!.list)],
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  const print = (rows: string[][]) => {
    for (const [i, row] of rows.entries()) {
      out.write(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ') + '\n');
      if (i === 0) out.write(widths.map((w) => '-'.repeat(w)).join('   ') + '\n');
    }
  };
  out.write(`In process, ${options.runs} runs after one warm-up (database opened and migration checked in ${ms(openMs)}):\n\n`);
  print(table);
  out.write(`\nAnswered ${fmt(open)} open duties (${fmt(overdue)} overdue) as at ${options.asAt}, out of ${fmt(dutyRows)} duty rows.\n`);
  out.write(`Query ÷ baseline (medians): ${(percentile(timings.total, 50) / percentile(timings.baseline, 50)).toFixed(1)}×\n`);

  if (options.cliRuns > 0) {
    const probeDir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-bench-probe-'));
    const probe = path.join(probeDir, 'probe.mjs');
    writeFileSync(probe, PROBE);
    try {
      const runs: CliTiming[] = [];
      for (let run = 0; run < options.cliRuns; run += 1) runs.push(await runCli(options, dataDir, probe));
      const med = (key: keyof CliTiming) => percentile(runs.map((r) => r[key]), 50);
      out.write(`\nCLI end to end, \`node bin/safeguard.mjs due --as-at ${options.asAt} --json\` (SAFEGUARD_DATA_DIR=${dataDir}), median of ${runs.length}:\n\n`);
      const line = (label: string, key: keyof CliTiming, note = '') => out.write(`  ${label.padEnd(48)}${ms(med(key)).padStart(10)}${note}\n`);
      line('total', 'total');
      line('process start + database open', 'startAndOpen');
      line('  node, tsx and modules (until the host forks)', 'modules');
      line('  embedded host start, first answer', 'hostStart');
      line('migration check', 'migrationCheck');
      line('duty query (first after opening: cold)', 'query');
      line('audit, due list, JSON output, close, exit', 'outputAndClose');
      out.write(`  open duties answered: ${fmt(runs[0]!.open)} (${fmt(runs[0]!.overdue)} overdue)${runs[0]!.open === open ? ', the same as in process' : `, NOT the ${fmt(open)} found in process`}\n`);

      // The usual case on a laptop: `npm start` is running, and the CLI asks it.
      const served = await timeWithServerRunning(options, dataDir);
      out.write(`\nThe same while \`safeguard serve\` runs on the data dir (the CLI asks it), median of ${served.length}: ${ms(percentile(served, 50))} (fastest ${ms(Math.min(...served))})\n`);
    } finally {
      await rm(probeDir, { recursive: true, force: true });
    }
  }
  out.write(`\nLoad average now ${load()}\n`);
}

await main(parseArgs(process.argv.slice(2)));
