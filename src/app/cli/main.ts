import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { chmodSync, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { todayInLondon } from '../../platform/clock.ts';
import type { CommandDependencies } from '../../platform/command-line.ts';
import { loadConfig, type SafeguardConfig } from '../config.ts';
import { openDatabase, type Database } from '../../platform/database/database.ts';
import { migrate } from '../../platform/database/migrate.ts';
import { isIsoDate } from '../../platform/calendar/calendar.ts';
import { timescalesFrom } from '../../timescales/timescales.ts';
import { announceServer, findRunningServer, withdrawServer } from './running-server.ts';
import { fetchDue, printDue } from './due-over-http.mjs';
import type { ImportProgress } from '../../interchange/import.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { SimulationOptions, SimulationProgress } from '../../simulate/simulate.ts';

/** How an engine adds its command, handed the configuration and the database for when it runs. */
type RegisterCommand = (program: Command, deps: CommandDependencies<SafeguardConfig>) => unknown;

// Each command loads what it needs when it runs: `safeguard due` should not wait for the web
// server, the simulator or the chart renderer to load.
const commandsRegisteredByModules: Readonly<Record<string, () => Promise<RegisterCommand>>> = {
  kpi: async () => (await import('../../analytics/cli.ts')).registerKpiCommand,
  report: async () => (await import('../../reports/cli.ts')).registerReportCommand,
  retention: async () => (await import('../../retention/cli.ts')).registerRetentionCommand,
  returns: async () => (await import('../../modules/returns/cli.ts')).registerReturnsCommand,
  user: async () => (await import('../../access/cli.ts')).registerUserCommand,
  validate: async () => (await import('../../modules/returns/cli.ts')).registerValidateCommand,
};

const say = (message: string) => process.stderr.write(`${message}\n`);

async function openMigrated(config: SafeguardConfig): Promise<Database> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, onProgress: say });
  const { projectionsChanged } = await migrate(db, { onProgress: say });
  const { reconcileProjectionSettings } = await import('../../record/projection-settings.ts');
  await reconcileProjectionSettings(db, timescalesFrom(config), projectionsChanged, async (reason) => {
    say(`${reason}: rebuilding them`);
    await rebuildAllProjections(db, config);
  });
  return db;
}

/** After a migration that changes the projections, or a change of timescale settings, every council's records are folded again. */
async function rebuildAllProjections(db: Database, config: SafeguardConfig): Promise<void> {
  const laCodes = (await db.pool.query('SELECT DISTINCT la_code FROM child_event ORDER BY la_code')).rows.map((r) => r.la_code as string);
  if (laCodes.length === 0) return;
  const { rebuildProjections } = await import('../../record/rebuild.ts');
  for (const laCode of laCodes) {
    const bar = await progressBar(`Rebuilding ${laCode}`);
    const result = await rebuildProjections(db, cliContext(config, laCode), timescalesFrom(config), (done, total) => bar.update(done, total));
    bar.stop();
    if (result.problems.length > 0) {
      throw new Error(`The projections of LA ${laCode} were not rebuilt: ${result.problems.length} records no longer fold, e.g. line ${result.problems[0]!.line}: ${result.problems[0]!.message}`);
    }
    say(`Rebuilt the projections of ${result.children} children (LA ${laCode})`);
  }
}

/** Every command runs as the operator (SAFEGUARD_OPERATOR, or the account running it), named in its audit rows. */
const cliContext = (config: SafeguardConfig, laCode = config.laCode): RequestContext => ({
  laCode,
  actor: config.operator,
  correlationId: randomUUID(),
});

/** A progress bar on a terminal; plain milestones when output is piped (CI, logs). */
async function progressBar(label: string) {
  if (!process.stderr.isTTY) {
    let lastShown = -1;
    return {
      update(done: number, total: number) {
        const percent = total > 0 ? Math.floor((done / total) * 10) * 10 : 0;
        if (percent !== lastShown) { lastShown = percent; say(`${label}: ${percent}%`); }
      },
      stop() {},
    };
  }
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar({ format: `${label.padEnd(12)} [{bar}] {percentage}% | {value}/{total}`, hideCursor: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) { bar.start(total, 0); started = true; }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() { if (started) bar.stop(); },
  };
}

async function isEmpty(db: Database): Promise<boolean> {
  const result = await db.pool.query('SELECT NOT EXISTS (SELECT 1 FROM child_event) AS empty');
  return result.rows[0].empty as boolean;
}

function wholeNumber(option: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`${option} must be a whole number, not ${value}`);
  return number;
}

function checkedDate(option: string, value: string): string {
  if (!isIsoDate(value)) throw new Error(`${option}: enter a real date as YYYY-MM-DD, not ${value}`);
  return value;
}

function simulationProgress(bar: Awaited<ReturnType<typeof progressBar>>) {
  return (p: SimulationProgress) => {
    // Journeys are most of the work; show them across boroughs as one bar.
    if (p.stage === 'journeys' || p.stage === 'writing') {
      const stepsDone = (p.borough - 1) * 2 + (p.stage === 'writing' ? 1 : 0) + p.done / Math.max(1, p.total);
      bar.update(Math.round((100 * stepsDone) / (p.boroughs * 2)), 100);
    }
  };
}

/** How far seeding has got, as the setting-up page shows it: simulating is the first 40%, checking the next 20%, writing the rest. */
type SeedingProgress = (progress: { percent: number; stage: string }) => void;

async function seedWithProgress(db: Database, config: SafeguardConfig, simulation: SimulationOptions, onProgress?: SeedingProgress): Promise<void> {
  const started = Date.now();
  const bars = { simulating: await progressBar('Simulating'), validating: await progressBar('Validating'), applying: await progressBar('Applying') };
  const { seedDatabase } = await import('../../simulate/seed.ts');
  const simulating = simulationProgress(bars.simulating);
  const share = { validating: [40, 20], applying: [60, 40] } as const;
  const result = await seedDatabase(db, simulation.laCode ?? config.laCode, timescalesFrom(config), simulation, {
    simulating: (p) => {
      simulating(p);
      const stepsDone = (p.borough - 1) * 2 + (p.stage === 'writing' ? 1 : 0) + p.done / Math.max(1, p.total);
      onProgress?.({ percent: (40 * stepsDone) / (p.boroughs * 2), stage: 'Simulating the synthetic borough\'s families and their journeys' });
    },
    importing: (p: ImportProgress) => {
      bars.simulating.stop();
      bars[p.phase].update(p.done, p.total);
      const [from, width] = share[p.phase];
      onProgress?.({ percent: from + (width * p.done) / Math.max(1, p.total), stage: p.phase === 'validating' ? 'Checking the records' : 'Writing the records' });
    },
  });
  Object.values(bars).forEach((bar) => bar.stop());
  if (!result.committed) {
    throw new Error(`The synthetic borough did not import: ${result.problems.slice(0, 5).map((p) => `line ${p.line}: ${p.field}: ${p.message}`).join('; ')}`);
  }
  say(`Seeded ${result.events} events for ${result.children} children in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * While serving, the audit chain's head is signed and recorded outside the database every so
 * often (SAFEGUARD_AUDIT_CHECKPOINT_MINUTES). Answers how to stop it.
 */
async function checkpointPeriodically(config: SafeguardConfig, db: Database): Promise<() => void> {
  const { auditCheckpoint } = config;
  if (auditCheckpoint.intervalMinutes === 0 || (!auditCheckpoint.file && !auditCheckpoint.command)) return () => {};
  const { checkpointKey, recordCheckpoints, takeCheckpoints } = await import('../../platform/audit/checkpoint.ts');
  if (!auditCheckpoint.key && config.databaseUrl) {
    say('Audit checkpoints are off: set SAFEGUARD_AUDIT_CHECKPOINT_KEY to sign them');
    return () => {};
  }
  const key = checkpointKey(config);
  const timer = setInterval(() => {
    takeCheckpoints(db, key).then((checkpoints) => recordCheckpoints(config, checkpoints))
      .catch((error: unknown) => say(`Audit checkpoint not recorded: ${error instanceof Error ? error.message : String(error)}`));
  }, auditCheckpoint.intervalMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

/** The command line; only the command named in `argv` (all of them for help) loads its module. */
export async function buildCli(argv: readonly string[] = process.argv): Promise<Command> {
  const requested = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const program = new Command('safeguard').description('Safeguard: the child\'s record, statutory timescales and partnership figures');

  program.command('serve').description('Start the web app and API (on an empty embedded database, seed the synthetic borough first, showing a "setting up" page meanwhile)').action(async () => {
    const config = loadConfig();
    // The port answers from the start: a page saying how far setting up has got, and 503s from the API.
    const { startSettingUpServer } = await import('../setting-up.ts');
    const settingUp = await startSettingUpServer(config.port);
    let db: Database;
    try {
      db = await openMigrated(config);
      if (db.kind === 'embedded' && process.env.SAFEGUARD_SEED !== 'none' && (await isEmpty(db))) {
        say('First start: seeding a synthetic borough (no real child\'s data is ever used)…');
        const { defaultSeedOptions } = await import('../../simulate/seed.ts');
        const children = process.env.SAFEGUARD_SEED_CHILDREN ? wholeNumber('SAFEGUARD_SEED_CHILDREN', process.env.SAFEGUARD_SEED_CHILDREN) : undefined;
        await seedWithProgress(db, config, { ...defaultSeedOptions(todayInLondon()), ...(children ? { children } : {}) }, (progress) => settingUp.report(progress));
      }
      settingUp.report({ percent: 100, stage: 'Starting Safeguard' });
    } finally {
      await settingUp.close();
    }
    const [{ createApp }, { createServices }, { chainAwaitingAudit }] = await Promise.all([
      import('../server.ts'), import('../services.ts'), import('../../platform/audit/audit.ts'),
    ]);
    // Writes committed just before a crash may have left audit rows short of the chain.
    await chainAwaitingAudit(db.pool);
    const app = createApp(createServices(config, db), { logger: false });
    const address = await app.listen({ port: config.port, host: '127.0.0.1' });
    if (db.kind === 'embedded') announceServer(config.dataDir, address);
    say(`Safeguard is running at ${address} (database: ${db.description})`);
    const stopCheckpoints = await checkpointPeriodically(config, db);
    const stop = async () => {
      stopCheckpoints();
      if (db.kind === 'embedded') withdrawServer(config.dataDir);
      await app.close();
      await db.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

  program.command('simulate').description('Simulate a synthetic borough (or many councils) as an interchange file, or straight into the database')
    .option('--seed <n>', 'random seed', '1')
    .option('--years <n>', 'years to simulate', '3')
    .option('--from <date>', 'first day of the simulated period (default: three years before today)')
    .option('--children <n>', 'children aged 0–17 in each council')
    .option('--la <code>', 'LA code of the first council')
    .option('--las <n>', 'how many councils (England is about 153)', '1')
    .option('--warm-up <years>', 'years simulated before --from so the record has a history', '2')
    .option('--out <file>', 'write NDJSON here instead of into the database')
    .action(async (options: { seed: string; years: string; from?: string; children?: string; la?: string; las: string; warmUp: string; out?: string }) => {
      const config = loadConfig();
      const { defaultSeedOptions, writeSimulation } = await import('../../simulate/seed.ts');
      const simulation: SimulationOptions = {
        ...defaultSeedOptions(todayInLondon(), wholeNumber('--seed', options.seed)),
        years: wholeNumber('--years', options.years),
        ...(options.from ? { from: checkedDate('--from', options.from) } : {}),
        ...(options.children ? { children: wholeNumber('--children', options.children) } : {}),
        laCode: options.la ?? config.laCode,
        las: wholeNumber('--las', options.las),
        warmUpYears: Number(options.warmUp),
      };
      if (options.out) {
        const bar = await progressBar('Simulating');
        const started = Date.now();
        const lines = await writeSimulation(options.out, simulation, simulationProgress(bar));
        bar.stop();
        say(`Wrote ${lines} lines to ${options.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return;
      }
      const db = await openMigrated(config);
      try {
        await seedWithProgress(db, config, simulation);
      } finally {
        await db.close();
      }
    });

  program.command('seed').description('Seed the configured database with the synthetic borough, without serving')
    .option('--seed <n>', 'random seed', '1')
    .option('--reset', 'start again from an empty database')
    .action(async (options: { seed: string; reset?: boolean }) => {
      const config = loadConfig();
      if (options.reset) {
        if (config.databaseUrl) throw new Error('--reset empties an embedded database only; drop and recreate a PostgreSQL database yourself');
        await rm(config.dataDir, { recursive: true, force: true });
        say(`Removed ${config.dataDir}`);
      }
      const db = await openMigrated(config);
      try {
        if (!(await isEmpty(db))) throw new Error('The database already holds records: use --reset to start again');
        const { defaultSeedOptions } = await import('../../simulate/seed.ts');
        await seedWithProgress(db, config, defaultSeedOptions(todayInLondon(), wholeNumber('--seed', options.seed)));
      } finally {
        await db.close();
      }
    });

  for (const [name, load] of Object.entries(commandsRegisteredByModules)) {
    if (requested === undefined || requested === 'help' || requested === name) (await load())(program, { loadConfig, openDatabase: openMigrated });
  }

  program.command('migrate').description('Create or upgrade the database schema').action(async () => {
    const config = loadConfig();
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, onProgress: say });
    try {
      const { applied } = await migrate(db);
      say(applied.length > 0 ? `Applied ${applied.join(', ')}` : 'The schema is up to date');
    } finally {
      await db.close();
    }
  });

  program.command('import').argument('<file>', 'an interchange file (NDJSON)').description('Import events: all or nothing, every bad line reported')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const config = loadConfig();
      const db = await openMigrated(config);
      const bars = { validating: await progressBar('Validating'), applying: await progressBar('Applying') };
      try {
        const { importInterchangeFile } = await import('../../interchange/import.ts');
        const started = Date.now();
        const result = await importInterchangeFile(db, path.resolve(file), cliContext(config), timescalesFrom(config), (p) => bars[p.phase].update(p.done, p.total));
        bars.validating.stop();
        bars.applying.stop();
        if (options.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
        else if (result.committed) say(`Imported ${result.events} events for ${result.children} children in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        else {
          say(`Nothing was imported: ${result.problems.length + result.moreProblems} problem(s) in ${path.basename(file)}`);
          for (const p of result.problems) say(`  line ${p.line}: ${p.field}: ${p.message}`);
          if (result.moreProblems > 0) say(`  … and ${result.moreProblems} more`);
        }
        process.exitCode = result.committed ? 0 : 1;
      } finally {
        await db.close();
      }
    });

  program.command('export').description('Export events as an interchange file')
    .addOption(new Option('--format <format>', 'output format').choices(['ndjson']).default('ndjson'))
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--la <code>', 'only this LA')
    .action(async (options: { out?: string; la?: string }) => {
      const config = loadConfig();
      const db = await openMigrated(config);
      try {
        const { exportInterchange } = await import('../../interchange/export.ts');
        // An export is children's records: its file is its owner's only, like the database's.
        const output = options.out ? createWriteStream(options.out, { mode: 0o600 }) : process.stdout;
        if (options.out) {
          await once(output, 'open');
          chmodSync(options.out, 0o600);
        }
        const { events, children } = await exportInterchange(db, output, cliContext(config), { laCode: options.la });
        if (options.out) await new Promise<void>((resolve, reject) => (output as ReturnType<typeof createWriteStream>).end((error?: Error | null) => (error ? reject(error) : resolve())));
        say(`Exported ${events} events for ${children} children`);
      } finally {
        await db.close();
      }
    });

  program.command('due').description('What is due and overdue as at a date')
    .option('--as-at <date>', 'the date (YYYY-MM-DD); default today')
    .option('--worker <id>', 'one worker\'s children')
    .option('--team <id>', 'one team\'s children')
    .option('--child <id>', 'one child')
    .option('--overdue', 'only overdue duties')
    .option('--json', 'print the list as one JSON document, indented two spaces: { asAt, summary, duties }')
    .action(async (options: { asAt?: string; worker?: string; team?: string; child?: string; overdue?: boolean; json?: boolean }) => {
      const asAt = checkedDate('--as-at', options.asAt ?? todayInLondon());
      const config = loadConfig();
      const running = config.databaseUrl ? undefined : findRunningServer(config.dataDir);
      if (running) return printDue(await fetchDue(running, { ...options, asAt }), options.json === true);
      const [db, { DutyRepository }, { dueListAsAt, summariseDue }] = await Promise.all([
        openMigrated(config), import('../../duties/repo.ts'), import('../../duties/service.ts'),
      ]);
      try {
        const rows = await new DutyRepository(db, cliContext(config)).findOpenAsAt(asAt, { workerId: options.worker, teamId: options.team, childId: options.child });
        let duties = dueListAsAt(rows, asAt, timescalesFrom(config));
        if (options.overdue) duties = duties.filter((duty) => duty.state === 'overdue');
        printDue({ asAt, summary: summariseDue(duties), duties }, options.json === true);
      } finally {
        await db.close();
      }
    });

  program.command('backup').description('Write a consistent backup of the whole database (gzipped NDJSON), accounts and sessions left out unless asked for')
    .requiredOption('--out <file>', 'where to write it, e.g. safeguard-2024-03-31.ndjson.gz')
    .option('--include-accounts', 'include accounts, sessions and sign-in attempts, sealed with SAFEGUARD_BACKUP_KEY (AES-256-GCM)')
    .action(async (options: { out: string; includeAccounts?: boolean }) => {
      const config = loadConfig();
      if (options.includeAccounts && !config.backupKey) throw new Error('--include-accounts seals accounts and sessions with SAFEGUARD_BACKUP_KEY: set it (64 hex digits, e.g. from openssl rand -hex 32), or leave them out');
      const [db, { backupDatabase }] = await Promise.all([openMigrated(config), import('../../platform/backup/backup.ts')]);
      try {
        const summary = await backupDatabase(db, path.resolve(options.out), { auditAs: cliContext(config), includeAccounts: options.includeAccounts === true, backupKey: config.backupKey });
        say(`Backed up ${summary.tables.reduce((n, t) => n + t.rows, 0)} rows from ${summary.tables.length} tables to ${options.out}`
          + (summary.leftOut.length > 0 ? ` (left out: ${summary.leftOut.join(', ')}; --include-accounts to seal them in)` : '')
          + (summary.sealed.length > 0 ? ` (sealed with the backup key: ${summary.sealed.join(', ')})` : ''));
      } finally {
        await db.close();
      }
    });

  program.command('restore').argument('<file>', 'a backup made by safeguard backup').description('Restore a backup into an empty database')
    .action(async (file: string) => {
      const config = loadConfig();
      const [db, { restoreDatabase }] = await Promise.all([openMigrated(config), import('../../platform/backup/backup.ts')]);
      try {
        const summary = await restoreDatabase(db, path.resolve(file), { auditAs: cliContext(config), backupKey: config.backupKey });
        say(`Restored ${summary.tables.reduce((n, t) => n + t.rows, 0)} rows into ${summary.tables.length} tables`
          + (summary.leftOut.length > 0 ? `; the backup left out ${summary.leftOut.join(', ')}` : ''));
      } finally {
        await db.close();
      }
    });

  const projections = program.command('projections').description('The tables folded from the event log');
  projections.command('check').description('Compare the projections with a fresh fold of the log (changes nothing)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig();
      const [db, { checkProjections }] = await Promise.all([openMigrated(config), import('../../record/rebuild.ts')]);
      try {
        const check = await checkProjections(db, cliContext(config), timescalesFrom(config));
        if (options.json) process.stdout.write(JSON.stringify(check, null, 2) + '\n');
        else for (const t of check.tables) process.stdout.write(`${t.matches ? 'ok     ' : 'DRIFTED'} ${t.table.padEnd(22)} ${t.rows} rows (a fold gives ${t.rebuiltRows})\n`);
        process.exitCode = check.matches ? 0 : 1;
      } finally {
        await db.close();
      }
    });
  projections.command('rebuild').description('Rebuild every projection from the log, all or nothing').action(async () => {
    const config = loadConfig();
    const db = await openMigrated(config);
    try {
      await rebuildAllProjections(db, config);
    } finally {
      await db.close();
    }
  });

  const audit = program.command('audit').description('The tamper-evident audit log');
  audit.command('verify').description('Check every council\'s audit chain; name the first row that was changed or removed')
    .option('--la <code>', 'only this council')
    .option('--checkpoint <file>', 'also check against the signed checkpoints in this file: names what was cut or rewritten since')
    .option('--json', 'print JSON')
    .action(async (options: { la?: string; checkpoint?: string; json?: boolean }) => {
      const config = loadConfig();
      const [db, { auditVerification, auditedLaCodes, verifyAuditChain }, { checkpointKey, readCheckpoints }] = await Promise.all([
        openMigrated(config), import('../../platform/audit/verify.ts'), import('../../platform/audit/checkpoint.ts'),
      ]);
      try {
        const anchor = options.checkpoint ? { key: checkpointKey(config), checkpoints: readCheckpoints(path.resolve(options.checkpoint)) } : undefined;
        const laCodes = options.la ? [options.la] : [...new Set([...await auditedLaCodes(db.pool), ...(anchor?.checkpoints.map((c) => c.laCode) ?? [])])].sort();
        const reports = [];
        for (const laCode of laCodes) reports.push(await verifyAuditChain(db.pool, laCode, anchor));
        await auditVerification(db.pool, cliContext(config), reports);
        if (options.json) process.stdout.write(JSON.stringify({ intact: reports.every((r) => r.intact), councils: reports }, null, 2) + '\n');
        for (const r of reports) {
          if (!options.json) {
            process.stdout.write(r.intact
              ? `LA ${r.laCode}: intact, ${r.rows} rows; head ${r.lastAuditId ?? '(none)'} ${r.headHash ?? ''}${r.checkpoints === undefined ? '' : `; ${r.checkpoints} checkpoints hold`}\n`
              : `LA ${r.laCode}: BROKEN at audit row ${r.firstBreak!.auditId}: ${r.firstBreak!.message}\n`);
          }
        }
        process.exitCode = reports.every((r) => r.intact) ? 0 : 1;
      } finally {
        await db.close();
      }
    });

  audit.command('checkpoint').description('Sign the audit chain\'s head of each council and record it outside the database (the checkpoint file, the command, or --out)')
    .option('--la <code>', 'only this council')
    .option('--out <file>', 'append to this file instead (- for standard output)')
    .action(async (options: { la?: string; out?: string }) => {
      const config = loadConfig();
      const [db, { appendCheckpoints, checkpointKey, recordCheckpoints, takeCheckpoints }] = await Promise.all([openMigrated(config), import('../../platform/audit/checkpoint.ts')]);
      try {
        const checkpoints = await takeCheckpoints(db, checkpointKey(config), options.la ? [options.la] : undefined);
        if (options.out === '-') {
          for (const checkpoint of checkpoints) process.stdout.write(JSON.stringify(checkpoint) + '\n');
          return;
        }
        if (options.out) appendCheckpoints(path.resolve(options.out), checkpoints);
        const places = options.out ? [options.out] : await recordCheckpoints(config, checkpoints);
        if (places.length === 0) throw new Error('Nowhere to record checkpoints: set SAFEGUARD_AUDIT_CHECKPOINT_FILE or SAFEGUARD_AUDIT_CHECKPOINT_COMMAND, or give --out');
        for (const c of checkpoints) say(`LA ${c.laCode}: checkpoint of audit row ${c.sequence} written to ${places.join(' and ')}`);
      } finally {
        await db.close();
      }
    });

  program.command('schema').description('Write the interchange JSON Schemas (and the OpenAPI document) into a folder')
    .option('--out <dir>', 'folder', 'docs/interchange')
    .action(async (options: { out: string }) => {
      const { interchangeHeaderJsonSchema, interchangeJsonSchema } = await import('../../interchange/format.ts');
      mkdirSync(options.out, { recursive: true });
      writeFileSync(path.join(options.out, 'child-event.v1.schema.json'), JSON.stringify(interchangeJsonSchema(), null, 2) + '\n');
      writeFileSync(path.join(options.out, 'interchange-header.v1.schema.json'), JSON.stringify(interchangeHeaderJsonSchema(), null, 2) + '\n');
      say(`Wrote the interchange schemas to ${options.out}`);
    });

  return program;
}

buildCli().then((program) => program.parseAsync(process.argv)).catch((error: unknown) => {
  say(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
