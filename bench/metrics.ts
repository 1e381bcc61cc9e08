/**
 * Metrics benchmark: the whole catalogue for one financial year, next to one full scan of that
 * year's events on the same database in the same run. Goal: the catalogue within 10× one scan.
 *
 *   npx tsx bench/metrics.ts                      # default borough on PGlite and the server, then a national year
 *   npx tsx bench/metrics.ts --only national --las 20
 *   npx tsx bench/metrics.ts --only pglite,server
 *
 * Options: --only pglite,server,national (all three), --period FY2023-24, --seed S (1),
 * --runs R (2: the catalogue and the scan are each run R times on the same data; the table shows
 * the last, warm run, and the first), --las N (153 councils for the national year), --children N
 * (children aged 0–17 in each council of the national year; by default England-like sizes, the
 * first being the default borough), --warm-up Y (1 year simulated before the national year),
 * --concurrency C (the number of CPUs: the catalogue is timed one computation at a time, then C at
 * a time, as the scan runs on parallel workers), --keep (keep the national database and print its
 * URL), --national-database URL (measure a kept one again, without simulating), --database-url URL
 * (DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres).
 *
 * The borough: the default synthetic borough (seed 1, 38,300 children) over the three years to the
 * end of the period (FY2021-22 to FY2023-24, after the simulator's two warm-up years), seeded
 * through the interchange import like `safeguard seed` — on PGlite in a temporary data dir, on the
 * server in a database created for the run and dropped after it. The import vacuums and analyses
 * the tables it loaded, so the planner has statistics and the figures' reads can be index-only
 * (PGlite runs no autovacuum).
 *
 * The catalogue: every computed metric's headline; every metric again by ethnicity where it can be
 * broken down by it (the annual report's breakdown, with disproportionality); every view (DP-01,
 * CP-15, …) with its own breakdown. Each through MetricsEngine.compute, audit rows included, one
 * engine per council (as one report would use), so a view and its metric share their count. The baseline: `SELECT count(*), sum(length(data::text))` over child_event
 * in the period, which reads every row of the year.
 *
 * National: --las councils simulated for the period alone (after --warm-up years) into one server
 * database, then the catalogue for every council (one MetricsEngine per LA code, as each council
 * runs its own figures) against one scan of all councils' events of the year. Each phase runs in
 * its own process, so each peak RSS is its own; the database server's memory is not included.
 *
 * Measured on a 2-CPU machine shared with other work (load average 2–4; PostgreSQL 15.20, PGlite
 * 0.5.14), 24 November 2026, warm runs (catalogue one at a time / two at a time ÷ one scan):
 *
 *   default borough, PGlite          scan 0.23 s   catalogue 1.05 s (4.5×)   1.00 s (4.3×)
 *   default borough, PostgreSQL      scan 0.08 s   catalogue 0.77 s (9.7×)   0.55 s (6.9×)
 *   20 councils, PostgreSQL          scan 2.40 s   catalogue 23.7 s (9.9×)   15.2 s (6.3×)
 *
 * One at a time on the server the ratio moved between 9.7× and 13.5× (borough) and 9.9× and 13.0×
 * (20 councils) over the day's runs with the machine's load, the higher ones before the last fixes;
 * two at a time 6.3× to 8.3× (10.9× once under load). The borough: 417,169 events, 86,802 in FY2023-24. National: `--las 20` (the first
 * 20 councils at England-like sizes, 1.38 million children): 6,338,631 events, 3,267,323 in the
 * year, simulated in 385 s and imported in 753 s (under a load average of 12); each council's
 * catalogue 1.2 s (median, 1.7 s the largest); peak RSS 223 MB measuring, 1.7 GB simulating and
 * importing.
 *
 * 153 councils, 2 December 2026 (`--only national --las 153 --warm-up 0.5 --keep`, the machine
 * otherwise quiet while measuring): 39,632,295 events, 27,065,231 in FY2023-24, 3,448,701 children
 * on record, a 16.6 GB interchange file simulated in 1,715 s and imported in 2,861 s, a 29 GB
 * database. One scan of the year's events 21.3 s (43.1 s cold); the catalogue, 13,311 computations,
 * 486.9 s one at a time (22.9×) and 401.6 s two at a time (18.9×): the goal of 10× is not met.
 * Each council's catalogue took 3.1 s (median; 5.9 s the slowest), against 1.2 s on the 20-council
 * database. Peak RSS 232 MB measuring, 1.5 GB simulating and importing. On tables this size the
 * planner gave a council's small queries parallel plans, whose workers cost more to start than
 * they save: with max_parallel_workers_per_gather = 0 one large council's catalogue (LA 387) took
 * 3.4 s instead of 5.6 s. The application's connections now do without them; measured again on
 * the same database (`--national-database … --runs 1 --concurrency 1`): the catalogue 216.0 s,
 * 1.26 s per council (median; 3.88 s the slowest), against a scan of 11.7 s with PostgreSQL's
 * default workers: 18.5×, still short of 10×. What is left is mostly each computation's fixed
 * cost (planning the CTE queries, about 5 ms each, 13,311 times) against a scan that reads the
 * year in one sequential pass.
 *
 * 3 December 2026, 20 councils (`--only national --las 20 --runs 2 --concurrency 2`, the machine
 * quiet): with the metric queries as prepared statements, to save that planning, the catalogue
 * took 51.2 s one at a time and 28.1 s two at a time against a 2.12 s scan (24.1×, 13.2×), the
 * warm run slower than the first: after five runs PostgreSQL tried plans made without the values,
 * up to 1.3 s for one CP-08 that otherwise takes about 0.1 s. Without them (as now): 29.1 s and
 * 13.8 s against 2.36 s, 12.3× and 5.8× (per council 1.68 s median, 2.50 s the slowest).
 *
 * Later on 3 December the 153 councils were built again (`--las 153 --warm-up 0.5 --keep`: the
 * same 39,632,295 events, simulated in 575 s and imported in 1,600 s) and measured with
 * `--national-database … --runs 2 --concurrency 2`, the machine otherwise quiet. The catalogue is
 * now also timed for all councils together (MetricsAcrossCouncils: each count one statement for
 * every council), one computation at a time and two at a time. Last runs, seconds (the first line
 * is the build's own single run):
 *
 *                                          scan    each council    2 at a time   all together   2 at a time
 *   as landed (JIT on)                    22.95   139.2           82.2           –              –
 *   JIT off for the app's connections     25.71   138.3           81.9           131.2          78.8
 *   + index-only duties and children      24.91   116.2 (4.7×)    72.4 (2.9×)    100.2 (4.0×)   65.0 (2.6×)
 *
 * The scan is slow here because this machine gives back its page cache within a minute or two:
 * the 13 GB event table is read from disk (the catalogue's projections are smaller and stay
 * warmer). When the scan did find the table cached (the first run of the second line: 11.19 s),
 * the last line's figures are 10.4× for each council one at a time, 9.0× for all councils
 * together one at a time, and 6.5× and 5.8× two at a time: the goal holds against a warm scan
 * too, except for each council's own engine one computation at a time. JIT: the estimates of a
 * count for all councils cross jit_above_cost, and EXPLAIN ANALYZE showed compiling take a
 * quarter of such a count's time; council by council it made no difference one could tell (the
 * first two lines). Peak RSS measuring 547 MB (the councils' results held together).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { councilsOnRecord, MetricsAcrossCouncils } from '../src/analytics/across-councils.ts';
import { catalogueComputations, MetricsEngine } from '../src/analytics/engine.ts';
import { parsePeriod, type Period } from '../src/analytics/periods.ts';
import { importInterchangeFile } from '../src/interchange/import.ts';
import { createCalendar } from '../src/platform/calendar/calendar.ts';
import { todayInLondon } from '../src/platform/clock.ts';
import { loadConfig } from '../src/app/config.ts';
import { openDatabase, withTransaction, type Database } from '../src/platform/database/database.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { timescalesFrom } from '../src/app/services.ts';
import { seedDatabase, simulatorActor, writeSimulation } from '../src/simulate/seed.ts';
import { createFreshServerDatabase, testDatabaseTargets, withAdminClient } from '../test/support/test-database.ts';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const thisFile = fileURLToPath(import.meta.url);
const targets = ['pglite', 'server', 'national'] as const;
type Target = (typeof targets)[number];

interface Options {
  only: Target[];
  period: string;
  seed: number;
  runs: number;
  las: number;
  children?: number;
  warmUp: number;
  databaseUrl: string;
  /** Keep the national database (its URL is printed), to measure it again with --national-database. */
  keep: boolean;
  /** Computations under way at a time in the second timing of the catalogue (1: none). */
  concurrency: number;
  /** Measure this already loaded national database instead of simulating one. */
  nationalDatabase?: string;
  phase?: 'borough-pglite' | 'borough-server' | 'national-load' | 'national-measure';
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    only: [...targets], period: 'FY2023-24', seed: 1, runs: 2, las: 153, warmUp: 1, databaseUrl: process.env.DATABASE_URL || DEFAULT_SERVER, keep: false,
    concurrency: os.cpus().length,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--only': options.only = String(value).split(',') as Target[]; i += 1; break;
      case '--period': options.period = String(value); i += 1; break;
      case '--seed': options.seed = Number(value); i += 1; break;
      case '--runs': options.runs = Number(value); i += 1; break;
      case '--las': options.las = Number(value); i += 1; break;
      case '--children': options.children = Number(value); i += 1; break;
      case '--warm-up': options.warmUp = Number(value); i += 1; break;
      case '--database-url': options.databaseUrl = String(value); i += 1; break;
      case '--keep': options.keep = true; break;
      case '--concurrency': options.concurrency = Number(value); i += 1; break;
      case '--national-database': options.nationalDatabase = String(value); i += 1; break;
      case '--phase': options.phase = value as Options['phase']; i += 1; break;
      default: throw new Error(`Unknown option ${argv[i]}`);
    }
  }
  if (options.only.some((t) => !targets.includes(t))) throw new Error(`--only takes ${targets.join(', ')}`);
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs must be a positive whole number');
  if (!Number.isInteger(options.las) || options.las < 1 || options.las > 600) throw new Error('--las must be a whole number from 1 to 600');
  if (options.children !== undefined && !(Number.isInteger(options.children) && options.children >= 100)) throw new Error('--children must be a whole number of at least 100');
  if (!(options.warmUp >= 0)) throw new Error('--warm-up must be a number of years, 0 or more');
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) throw new Error('--concurrency must be a positive whole number');
  return options;
}

const periodOf = (options: Options): Period => parsePeriod(options.period, { today: todayInLondon });

// ---------------------------------------------------------------------------------------------
// What is timed

type Job = ReturnType<typeof catalogueComputations>[number];

const jobLabel = (job: Job, laCode?: string) => `${job.id}${job.by.length > 0 ? ` by ${job.by.join(', ')}` : ''}${laCode ? ` (LA ${laCode})` : ''}`;

interface Timed {
  label: string;
  ms: number;
}

/**
 * The scan runs with PostgreSQL's default number of parallel workers: the application's
 * connections do without them (see openServerDatabase), but a scan of every council's year is
 * what they are for. It keeps the connections' JIT setting (off): on 20 councils the scan took
 * 1.9–2.1 s without JIT and 2.2 s with it, so the baseline is the faster of the two.
 */
async function scanOnce(db: Database, period: Period, laCode: string | undefined): Promise<{ ms: number; events: number; bytes: number }> {
  return withTransaction(db.pool, async (client) => {
    const builtIn = await client.query(`SELECT boot_val FROM pg_settings WHERE name = 'max_parallel_workers_per_gather'`);
    await client.query(`SELECT set_config('max_parallel_workers_per_gather', $1, true)`, [String(builtIn.rows[0]?.boot_val ?? '0')]);
    const started = performance.now();
    const result = await client.query(
      `SELECT count(*) AS events, coalesce(sum(length(data::text)), 0) AS bytes FROM child_event
        WHERE occurred_on BETWEEN $1 AND $2 ${laCode ? 'AND la_code = $3' : ''}`,
      laCode ? [period.from, period.to, laCode] : [period.from, period.to],
    );
    return { ms: performance.now() - started, events: Number(result.rows[0].events), bytes: Number(result.rows[0].bytes) };
  });
}

/**
 * The catalogue for each council, one engine per council (as each runs its own figures), with
 * `concurrency` computations under way at a time on the pool.
 */
async function catalogueOnce(db: Database, period: Period, laCodes: readonly string[], concurrency: number): Promise<{ ms: number; each: Timed[] }> {
  const jobs = catalogueComputations();
  const calendar = createCalendar();
  const actor = loadConfig({}).developmentActor;
  const tasks = laCodes.flatMap((laCode) => {
    const engine = new MetricsEngine({ db: db.pool, context: { laCode, actor, correlationId: randomUUID() }, calendar, today: todayInLondon });
    return jobs.map((job) => ({ label: jobLabel(job, laCodes.length > 1 ? laCode : undefined), run: () => engine.compute({ id: job.id, window: period, by: job.by }) }));
  });
  return runTasks(tasks, concurrency);
}

/**
 * The catalogue for every council together (MetricsAcrossCouncils): each computation asked of all
 * councils at once, so each count is one statement for all of them.
 */
async function catalogueAcrossCouncilsOnce(db: Database, period: Period, laCodes: readonly string[], concurrency: number): Promise<{ ms: number; each: Timed[] }> {
  const actor = loadConfig({}).developmentActor;
  const across = new MetricsAcrossCouncils({ db: db.pool, calendar: createCalendar(), today: todayInLondon }, laCodes.map((laCode) => ({ laCode, actor, correlationId: randomUUID() })));
  const tasks = catalogueComputations().map((job) => ({ label: `${jobLabel(job)} (all councils)`, run: () => across.compute({ id: job.id, window: period, by: job.by }) }));
  const timed = await runTasks(tasks, concurrency);
  // Each computation's counts in one statement for all councils, unless a council asked late.
  if (across.counting.sent.councils !== across.counting.sent.statements * laCodes.length) {
    process.stderr.write(`  note: ${across.counting.sent.statements} counting statements answered ${across.counting.sent.councils} council queries (${laCodes.length} councils)\n`);
  }
  return timed;
}

async function runTasks(tasks: readonly { label: string; run: () => Promise<unknown> }[], concurrency: number): Promise<{ ms: number; each: Timed[] }> {
  const each: Timed[] = [];
  let next = 0;
  const work = async () => {
    while (next < tasks.length) {
      const { label, run } = tasks[next++]!;
      const t = performance.now();
      await run();
      each.push({ label, ms: performance.now() - t });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, work));
  return { ms: performance.now() - started, each };
}

interface Measured {
  description: string;
  loadSeconds: number;
  events: number;
  yearEvents: number;
  yearBytes: number;
  councils: number;
  computations: number;
  scan: { first: number; last: number };
  catalogue: { first: number; last: number };
  /** The same with `concurrency` computations at a time (the scan runs on parallel workers too). */
  concurrent?: { concurrency: number; first: number; last: number };
  /** Several councils: the catalogue for all of them together, one at a time and `concurrency` at a time. */
  acrossCouncils?: { first: number; last: number; concurrent?: { first: number; last: number }; slowest: Timed[] };
  slowest: Timed[];
  /** National: the catalogue's time per council. */
  perCouncil?: { median: number; max: number };
  maxRssMb: number;
  loadMaxRssMb?: number;
}

/** Scans and catalogue runs alternate, so both see the same cache; the last run of each is the warm figure. */
async function measure(db: Database, options: Options, laCodes: readonly string[], scanLaCode: string | undefined) {
  const period = periodOf(options);
  const scans: number[] = [];
  const catalogues: { ms: number; each: Timed[] }[] = [];
  const concurrent: number[] = [];
  const across: { ms: number; each: Timed[] }[] = [];
  const acrossConcurrent: number[] = [];
  let year = { events: 0, bytes: 0 };
  for (let run = 0; run < options.runs; run += 1) {
    const scan = await scanOnce(db, period, scanLaCode);
    scans.push(scan.ms);
    year = scan;
    catalogues.push(await catalogueOnce(db, period, laCodes, 1));
    if (options.concurrency > 1) concurrent.push((await catalogueOnce(db, period, laCodes, options.concurrency)).ms);
    if (laCodes.length > 1) {
      across.push(await catalogueAcrossCouncilsOnce(db, period, laCodes, 1));
      if (options.concurrency > 1) acrossConcurrent.push((await catalogueAcrossCouncilsOnce(db, period, laCodes, options.concurrency)).ms);
    }
  }
  const last = catalogues.at(-1)!;
  const slowestOf = (each: Timed[]) => [...each].sort((a, b) => b.ms - a.ms).slice(0, 10);
  return {
    each: last.each,
    yearEvents: year.events, yearBytes: year.bytes, councils: laCodes.length, computations: last.each.length,
    scan: { first: scans[0]!, last: scans.at(-1)! },
    catalogue: { first: catalogues[0]!.ms, last: last.ms },
    ...(concurrent.length > 0 ? { concurrent: { concurrency: options.concurrency, first: concurrent[0]!, last: concurrent.at(-1)! } } : {}),
    ...(across.length > 0 ? {
      acrossCouncils: {
        first: across[0]!.ms, last: across.at(-1)!.ms, slowest: slowestOf(across.at(-1)!.each),
        ...(acrossConcurrent.length > 0 ? { concurrent: { first: acrossConcurrent[0]!, last: acrossConcurrent.at(-1)! } } : {}),
      },
    } : {}),
    slowest: slowestOf(last.each),
  };
}

async function countEvents(db: Database): Promise<number> {
  return Number((await db.pool.query('SELECT count(*) AS n FROM child_event')).rows[0].n);
}

// ---------------------------------------------------------------------------------------------
// Phases (each in its own process)

/** The default borough over the three years to the end of the period. */
function boroughSimulation(options: Options) {
  const from = periodOf(options).from;
  return { seed: options.seed, years: 3, from: `${Number(from.slice(0, 4)) - 2}${from.slice(4)}` };
}

async function boroughPhase(db: Database, options: Options, where: string): Promise<Measured> {
  const config = loadConfig({});
  const simulation = boroughSimulation(options);
  const started = performance.now();
  const result = await seedDatabase(db, '206', timescalesFrom(config), simulation);
  if (!result.committed) throw new Error(`The borough did not import: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const loadSeconds = (performance.now() - started) / 1000;
  const { each: _each, ...measured } = await measure(db, options, ['206'], '206');
  return {
    description: `Default borough on ${where} (seed ${options.seed}, from ${simulation.from}, ${result.children.toLocaleString('en-GB')} children on record)`,
    loadSeconds, events: await countEvents(db), ...measured, maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function nationalSimulation(options: Options) {
  const period = periodOf(options);
  return { seed: options.seed, years: 1, from: period.from, las: options.las, warmUpYears: options.warmUp, ...(options.children ? { children: options.children } : {}) };
}

async function nationalLoadPhase(databaseUrl: string, options: Options): Promise<{ seconds: number; simulateSeconds: number; events: number; children: number; bytes: number; maxRssMb: number }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'safeguard-bench-metrics-'));
  const db = await openDatabase({ databaseUrl, dataDir: folder });
  try {
    const file = path.join(folder, 'national.ndjson');
    const started = performance.now();
    let lastReport = 0;
    await writeSimulation(file, nationalSimulation(options), (p) => {
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        process.stderr.write(`  simulating council ${p.borough} of ${p.boroughs} (${p.stage}) at ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
      }
    });
    const simulateSeconds = (performance.now() - started) / 1000;
    const bytes = (await stat(file)).size;
    process.stderr.write(`  simulated ${(bytes / 1e6).toFixed(0)} MB in ${simulateSeconds.toFixed(0)} s; importing …\n`);
    const result = await importInterchangeFile(db, file, { laCode: '206', actor: simulatorActor, correlationId: `bench-national-${options.seed}` }, timescalesFrom(loadConfig({})), (p) => {
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        process.stderr.write(`  importing: ${p.phase} ${p.done} of ${p.total} at ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
      }
    });
    if (!result.committed) throw new Error(`The national year did not import: ${JSON.stringify(result.problems.slice(0, 3))}`);
      return { seconds: (performance.now() - started) / 1000, simulateSeconds, events: result.events, children: result.children, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  } finally {
    await db.close();
    await rm(folder, { recursive: true, force: true });
  }
}

async function nationalMeasurePhase(databaseUrl: string, options: Options): Promise<Measured> {
  const db = await openDatabase({ databaseUrl, dataDir: os.tmpdir() });
  try {
    await migrate(db); // a kept database may predate a migration the code now needs
    const laCodes = await councilsOnRecord(db.pool);
    const { each, ...measured } = await measure(db, options, laCodes, undefined);
    const perCouncil = new Map<string, number>();
    for (const timed of each) {
      const laCode = /\(LA (\d{3})\)$/.exec(timed.label)?.[1] ?? '206';
      perCouncil.set(laCode, (perCouncil.get(laCode) ?? 0) + timed.ms);
    }
    const sorted = [...perCouncil.values()].sort((a, b) => a - b);
    return {
      description: '', loadSeconds: 0, events: await countEvents(db), ...measured,
      perCouncil: { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 },
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await db.close();
  }
}

async function runPhase(options: Options, databaseUrl: string): Promise<unknown> {
  switch (options.phase) {
    case 'borough-pglite': {
      const db = await testDatabaseTargets.find((target) => target.name === 'pglite')!.open();
      try {
        return await boroughPhase(db, options, 'embedded PGlite');
      } finally {
        await db.close();
      }
    }
    case 'borough-server': {
      const db = await openDatabase({ databaseUrl, dataDir: os.tmpdir() });
      try {
        await migrate(db);
        return await boroughPhase(db, options, 'the PostgreSQL server');
      } finally {
        await db.close();
      }
    }
    case 'national-load': return nationalLoadPhase(databaseUrl, options);
    case 'national-measure': return nationalMeasurePhase(databaseUrl, options);
    default: throw new Error(`Unknown phase ${options.phase}`);
  }
}

function spawnPhase<T>(phase: NonNullable<Options['phase']>, databaseUrl: string, argv: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', thisFile, ...argv, '--phase', phase, '--database-url', databaseUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as T);
      else reject(new Error(`${phase} failed (exit code ${code})`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const secs = (ms: number) => `${fmt(ms / 1000, 2)} s`;
const GOAL = 10;

function report(m: Measured): void {
  const out = process.stdout;
  const ratio = m.catalogue.last / m.scan.last;
  out.write(`\n${m.description}\n`);
  if (m.loadSeconds > 0) out.write(`  loaded in ${fmt(m.loadSeconds, 1)} s; ${fmt(m.events)} events in all, ${fmt(m.yearEvents)} in the year (${fmt(m.yearBytes / 1e6)} MB of event data)\n`);
  else out.write(`  ${fmt(m.events)} events in all, ${fmt(m.yearEvents)} in the year (${fmt(m.yearBytes / 1e6)} MB of event data)\n`);
  const table = [
    ['', 'last run', 'first run'],
    ['baseline: one scan of the year\'s events', secs(m.scan.last), secs(m.scan.first)],
    [`catalogue: ${fmt(m.computations)} computations${m.councils > 1 ? ` for ${m.councils} councils` : ''}, one at a time`, secs(m.catalogue.last), secs(m.catalogue.first)],
    ...(m.concurrent ? [[`the same, ${m.concurrent.concurrency} at a time`, secs(m.concurrent.last), secs(m.concurrent.first)]] : []),
    ...(m.acrossCouncils ? [[`all councils together, one computation at a time`, secs(m.acrossCouncils.last), secs(m.acrossCouncils.first)]] : []),
    ...(m.acrossCouncils?.concurrent && m.concurrent ? [[`the same, ${m.concurrent.concurrency} at a time`, secs(m.acrossCouncils.concurrent.last), secs(m.acrossCouncils.concurrent.first)]] : []),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  for (const [i, row] of table.entries()) {
    out.write('  ' + row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ') + '\n');
    if (i === 0) out.write('  ' + widths.map((w) => '-'.repeat(w)).join('   ') + '\n');
  }
  out.write(`  catalogue ÷ scan, one at a time: ${ratio.toFixed(1)}× (goal ≤ ${GOAL}×)${ratio <= GOAL ? ': met' : ': NOT met'}\n`);
  if (m.concurrent) {
    const concurrentRatio = m.concurrent.last / m.scan.last;
    out.write(`  catalogue ÷ scan, ${m.concurrent.concurrency} at a time (the scan runs on parallel workers): ${concurrentRatio.toFixed(1)}×${concurrentRatio <= GOAL ? ': met' : ': NOT met'}\n`);
  }
  if (m.acrossCouncils) {
    const acrossRatio = m.acrossCouncils.last / m.scan.last;
    out.write(`  all councils together ÷ scan, one at a time: ${acrossRatio.toFixed(1)}×${acrossRatio <= GOAL ? ': met' : ': NOT met'}`);
    if (m.acrossCouncils.concurrent && m.concurrent) {
      const concurrentRatio = m.acrossCouncils.concurrent.last / m.scan.last;
      out.write(`; ${m.concurrent.concurrency} at a time: ${concurrentRatio.toFixed(1)}×${concurrentRatio <= GOAL ? ': met' : ': NOT met'}`);
    }
    out.write(`\n  slowest computations for all councils together: ${m.acrossCouncils.slowest.map((t) => `${t.label} ${fmt(t.ms)} ms`).join('; ')}\n`);
  }
  if (m.perCouncil) out.write(`  catalogue per council: median ${secs(m.perCouncil.median)}, slowest ${secs(m.perCouncil.max)}\n`);
  out.write(`  slowest computations: ${m.slowest.map((t) => `${t.label} ${fmt(t.ms)} ms`).join('; ')}\n`);
  out.write(`  peak RSS of the measuring process: ${fmt(m.maxRssMb)} MB${m.loadMaxRssMb ? `; of the simulation and import: ${fmt(m.loadMaxRssMb)} MB` : ''}\n`);
}

async function main(options: Options): Promise<void> {
  const argv = ['--period', options.period, '--seed', String(options.seed), '--runs', String(options.runs), '--las', String(options.las), '--warm-up', String(options.warmUp),
    '--concurrency', String(options.concurrency),
    ...(options.children ? ['--children', String(options.children)] : [])];
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  let server = 'unknown';
  await withAdminClient(options.databaseUrl, async (client) => {
    server = String((await client.query('SHOW server_version')).rows[0].server_version);
  });
  process.stderr.write(`Catalogue for ${options.period}: ${catalogueComputations().length} computations per council; PostgreSQL ${server}; ${os.cpus().length} CPUs; load average ${load()}\n`);

  if (options.only.includes('pglite')) {
    process.stderr.write('Seeding the default borough on embedded PGlite …\n');
    report(await spawnPhase<Measured>('borough-pglite', options.databaseUrl, argv));
  }
  if (options.only.includes('server')) {
    const { databaseUrl, drop } = await createFreshServerDatabase(options.databaseUrl, 'safeguard_bench_');
    try {
      process.stderr.write('Seeding the default borough on the PostgreSQL server …\n');
      report(await spawnPhase<Measured>('borough-server', databaseUrl, argv));
    } finally {
      await drop();
    }
  }
  if (options.only.includes('national')) {
    const sizes = options.children ? `${fmt(options.children)} children each` : 'England-like sizes, the first the default borough';
    const created = options.nationalDatabase ? undefined : await createFreshServerDatabase(options.databaseUrl, 'safeguard_bench_');
    const databaseUrl = options.nationalDatabase ?? created!.databaseUrl;
    let failed = true;
    try {
      let loaded = { seconds: 0, simulateSeconds: 0, events: 0, children: 0, bytes: 0, maxRssMb: 0 };
      if (created) {
        const db = await openDatabase({ databaseUrl, dataDir: os.tmpdir() });
        try {
          await migrate(db);
        } finally {
          await db.close();
        }
        process.stderr.write(`Simulating ${options.las} councils (${sizes}; ${options.warmUp} warm-up year${options.warmUp === 1 ? '' : 's'} and ${options.period}) into the server …\n`);
        loaded = await spawnPhase<typeof loaded>('national-load', databaseUrl, argv);
        process.stderr.write(`  ${fmt(loaded.events)} events, ${fmt(loaded.children)} children on record, loaded in ${fmt(loaded.seconds)} s; measuring …\n`);
      }
      const measured = await spawnPhase<Measured>('national-measure', databaseUrl, argv);
      report({
        ...measured, loadSeconds: loaded.seconds, loadMaxRssMb: loaded.maxRssMb || undefined,
        description: `National year on the PostgreSQL server: ${measured.councils} council${measured.councils === 1 ? '' : 's'}${measured.councils < 153 ? ` (fewer than England's 153)` : ''}`
          + (created ? `, ${sizes}; simulated in ${fmt(loaded.simulateSeconds)} s and imported in ${fmt(loaded.seconds - loaded.simulateSeconds)} s (${fmt(loaded.bytes / 1e6)} MB file)` : `, measured on ${databaseUrl}`),
      });
      failed = false;
    } finally {
      if (created && (options.keep || failed)) process.stderr.write(`National database kept: measure it again with --only national --national-database ${databaseUrl}\n`);
      else if (created) await created.drop();
    }
  }
  process.stdout.write(`\nLoad average now ${load()}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = parseArgs(process.argv.slice(2));
  if (options.phase) {
    const result = await runPhase(options, options.databaseUrl);
    process.stdout.write(JSON.stringify(result) + '\n');
    process.exit(0);
  }
  await main(options);
}
