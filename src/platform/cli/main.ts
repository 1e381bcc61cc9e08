import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig, type SafeguardConfig } from '../config.ts';
import { openDatabase, type Database } from '../database/database.ts';
import { migrate } from '../database/migrate.ts';
import { createApp } from '../http/server.ts';
import { createServices, timescalesFrom } from '../http/services.ts';
import { todayInLondon } from '../clock.ts';
import { IsoDate } from '../../record/schema-helpers.ts';
import { DutyRepository } from '../../duties/repo.ts';
import { dueListAsAt, summariseDue } from '../../duties/service.ts';
import { importInterchangeFile } from '../../interchange/import.ts';
import { exportInterchange } from '../../interchange/export.ts';
import { interchangeHeaderJsonSchema, interchangeJsonSchema } from '../../interchange/format.ts';
import type { RequestContext } from '../../record/repo.ts';

const say = (message: string) => process.stderr.write(`${message}\n`);

async function openMigrated(config: SafeguardConfig): Promise<Database> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, onProgress: say });
  await migrate(db);
  return db;
}

const cliContext = (config: SafeguardConfig, laCode = config.laCode): RequestContext => ({
  laCode,
  actor: config.developmentActor,
  correlationId: randomUUID(),
});

/** A progress bar on a terminal; plain milestones when output is piped (CI, logs). */
function progressBar(label: string) {
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

export function buildCli(): Command {
  const program = new Command('safeguard').description('Safeguard: the child\'s record, statutory timescales and partnership figures');

  program.command('serve').description('Start the web app and API').action(async () => {
    const config = loadConfig();
    const db = await openMigrated(config);
    const app = createApp(createServices(config, db), { logger: false });
    const address = await app.listen({ port: config.port, host: '127.0.0.1' });
    say(`Safeguard is running at ${address} (database: ${db.description})`);
    const stop = async () => { await app.close(); await db.close(); process.exit(0); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

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
      const bars = { validating: progressBar('Validating'), applying: progressBar('Applying') };
      try {
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
        const output = options.out ? createWriteStream(options.out) : process.stdout;
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
    .option('--json', 'print JSON')
    .action(async (options: { asAt?: string; worker?: string; team?: string; child?: string; overdue?: boolean; json?: boolean }) => {
      const asAt = IsoDate.safeParse(options.asAt ?? todayInLondon());
      if (!asAt.success) throw new Error(`--as-at: ${asAt.error.issues[0]?.message}`);
      const config = loadConfig();
      const db = await openMigrated(config);
      try {
        const rows = await new DutyRepository(db, cliContext(config)).findOpenAsAt(asAt.data, { workerId: options.worker, teamId: options.team, childId: options.child });
        let duties = dueListAsAt(rows, asAt.data, timescalesFrom(config));
        if (options.overdue) duties = duties.filter((duty) => duty.state === 'overdue');
        const summary = summariseDue(duties);
        if (options.json) {
          process.stdout.write(JSON.stringify({ asAt: asAt.data, summary, duties }) + '\n');
        } else {
          process.stdout.write(`As at ${asAt.data}: ${summary.open} open, ${summary.overdue} overdue\n`);
          for (const d of duties) {
            const when = d.state === 'overdue' ? `OVERDUE by ${-(d.daysLeft ?? 0)}` : `${d.daysLeft ?? '?'} left`;
            process.stdout.write(`${d.dueOn}  ${when.padEnd(16)} ${d.childId.padEnd(12)} ${d.childName.padEnd(28)} ${d.title}\n`);
          }
        }
      } finally {
        await db.close();
      }
    });

  program.command('schema').description('Write the interchange JSON Schemas (and the OpenAPI document) into a folder')
    .option('--out <dir>', 'folder', 'docs/interchange')
    .action(async (options: { out: string }) => {
      mkdirSync(options.out, { recursive: true });
      writeFileSync(path.join(options.out, 'child-event.v1.schema.json'), JSON.stringify(interchangeJsonSchema(), null, 2) + '\n');
      writeFileSync(path.join(options.out, 'interchange-header.v1.schema.json'), JSON.stringify(interchangeHeaderJsonSchema(), null, 2) + '\n');
      say(`Wrote the interchange schemas to ${options.out}`);
    });

  return program;
}

buildCli().parseAsync(process.argv).catch((error: unknown) => {
  say(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
