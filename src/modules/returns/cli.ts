/**
 * The statutory returns on the command line:
 *
 *   safeguard returns cin --year 2024-25 --out cin.xml
 *   safeguard returns ssda903 --year 2024-25 --out dir/
 *   safeguard returns annex-a --as-at 2026-11-30 --out annex-a.xlsx
 *   safeguard validate <file.xml | dir/> [--year 2024-25]
 *
 * Producing shows a progress bar on standard error and ends with the issues by rule; validating
 * prints the issues as a table and exits 1 when there are errors (0 with queries only, or none).
 * Wire them in with `registerReturnsCommand` and `registerValidateCommand`.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import type { CommandDependencies, CommandSettings } from '../../platform/command-line.ts';
import { DomainError } from '../../platform/errors.ts';
import { IsoDate } from '../../platform/schema-helpers.ts';
import type { TimescaleSettings } from '../../timescales/timescales.ts';
import { issueCountsByRule, produceAnnexA, produceReturn, validateUpload, type ReturnProgress, type ReturnsEngine } from './service.ts';
import type { ReturnFile } from './statutory-return.ts';
import type { ReturnIssue, ReturnKind } from './validation-rule.ts';

export interface ReturnsCommandSettings extends CommandSettings, Pick<TimescaleSettings, 'extraBankHolidays'> {}

/** Shows progress as it goes; stopped when the work ends. */
export interface ProgressDisplay {
  update: (progress: ReturnProgress) => void;
  stop: () => void;
}

export interface ReturnsCommandDependencies<Settings extends ReturnsCommandSettings> extends CommandDependencies<Settings> {
  /** Messages on standard error (default). */
  say?: (message: string) => void;
  /** Output on standard output (default): the validation's table. */
  print?: (text: string) => void;
  /** The progress bar (default: cli-progress on standard error, when it is a terminal). */
  progress?: () => Promise<ProgressDisplay>;
  /** When the return is produced (default the clock). */
  now?: () => Date;
}

const stderrSay = (message: string) => process.stderr.write(`${message}\n`);
const stdoutPrint = (text: string) => process.stdout.write(text);

/** A bar on standard error when it is a terminal; a line per stage otherwise (a log has no use for a bar). */
async function progressBar(say: (message: string) => void): Promise<ProgressDisplay> {
  if (!process.stderr.isTTY) {
    let stage = '';
    return { update: (progress) => { if (progress.stage !== stage) { stage = progress.stage; say(`${stage}…`); } }, stop: () => {} };
  }
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar({ format: '{stage} [{bar}] {percentage}% | {value}/{total}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(progress) {
      if (!started) { bar.start(Math.max(progress.total, 1), progress.done, { stage: progress.stage }); started = true; }
      bar.setTotal(Math.max(progress.total, 1));
      bar.update(progress.done, { stage: progress.stage });
    },
    stop() { if (started) bar.stop(); },
  };
}

/** A DomainError's message and its fields' problems, as a command's error. */
function plainError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const problems = error.problems.map((problem) => `  ${problem.field}: ${problem.message}`).join('\n');
  return new Error(problems && error.problems[0]?.message !== error.message ? `${error.message}\n${problems}` : error.message, { cause: error });
}

/** Issues by rule, as the summary after producing says them. */
export function issueSummaryLines(issues: readonly ReturnIssue[]): string[] {
  const counts = issueCountsByRule(issues);
  if (counts.length === 0) return ['DfE\'s rules found no issues'];
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return [
    `${errors} ${errors === 1 ? 'error' : 'errors'} and ${issues.length - errors} ${issues.length - errors === 1 ? 'query' : 'queries'}, by rule:`,
    ...counts.map((rule) => `  ${rule.code.padEnd(8)} ${rule.severity.padEnd(5)} ${String(rule.count).padStart(6)}  ${rule.message}`),
  ];
}

/** Issues as a table of text, one a line, columns padded to their widest (rows numbered from 1). */
export function issueTable(issues: readonly ReturnIssue[]): string {
  const header = ['Severity', 'Rule', 'Table', 'Row', 'Field', 'Child', 'Message'];
  const rows = issues.map((issue) => [issue.severity, issue.code, issue.table, issue.row === null ? '' : String(issue.row + 1), issue.column ?? '', issue.child ?? '', issue.message]);
  const widths = header.slice(0, -1).map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)));
  const line = (cells: string[]) => cells.map((cell, index) => (index < widths.length ? cell.padEnd(widths[index]!) : cell)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

async function withEngine<Settings extends ReturnsCommandSettings, T>(deps: ReturnsCommandDependencies<Settings>, work: (engine: ReturnsEngine) => Promise<T>): Promise<T> {
  const config = deps.loadConfig();
  const db = await deps.openDatabase(config);
  try {
    return await work({ pool: db.pool, laCode: config.laCode, calendar: createCalendar({ extraBankHolidays: config.extraBankHolidays }), ...(deps.now ? { now: deps.now } : {}) });
  } catch (error) {
    throw plainError(error);
  } finally {
    await db.close();
  }
}

export function registerReturnsCommand<Settings extends ReturnsCommandSettings>(program: Command, deps: ReturnsCommandDependencies<Settings>): Command {
  const say = deps.say ?? stderrSay;
  const returns = program.command('returns').description('Produce the statutory returns from the record: the CIN census, SSDA903 and Ofsted\'s Annex A');

  const produce = async (kind: ReturnKind, year: string, out: string) => {
    const started = Date.now();
    const bar = await (deps.progress ?? (() => progressBar(say)))();
    const produced = await withEngine(deps, (engine) => produceReturn(engine, kind, year, bar.update)).finally(() => bar.stop());
    // The CIN census is one file (--out names it); SSDA903 is a CSV file a table (--out is their folder).
    const single = produced.files.length === 1 && !out.endsWith('/') && !out.endsWith(path.sep);
    if (single) {
      await mkdir(path.dirname(path.resolve(out)), { recursive: true });
      await writeFile(out, produced.files[0]!.contents);
    } else {
      await mkdir(out, { recursive: true });
      for (const file of produced.files) await writeFile(path.join(out, file.name), file.contents);
    }
    say(`Wrote the ${kind === 'cin' ? 'CIN census' : 'SSDA903 return'} for ${produced.year} (${produced.childIds.length} children) to ${single ? out : `${out} (${produced.files.map((file) => file.name).join(', ')})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const problem of produced.problems) say(`Left out ${problem.childId}: ${problem.message}`);
    for (const schemaError of produced.schemaErrors) say(`Schema: ${schemaError.file}${schemaError.line === null ? '' : ` line ${schemaError.line}`}: ${schemaError.message}`);
    for (const line of issueSummaryLines(produced.issues)) say(line);
  };

  returns.command('cin').description('The children in need census for a collection year, as DfE\'s XML file')
    .requiredOption('--year <year>', 'the collection year, like 2024-25')
    .requiredOption('--out <file>', 'where to write it: cin.xml')
    .action((options: { year: string; out: string }) => produce('cin', options.year, options.out));

  returns.command('ssda903').description('The SSDA903 return for a collection year, as DfE\'s CSV files')
    .requiredOption('--year <year>', 'the collection year, like 2024-25')
    .requiredOption('--out <dir>', 'the folder to write its CSV files into')
    .action((options: { year: string; out: string }) => produce('ssda903', options.year, options.out.endsWith('/') ? options.out : `${options.out}/`));

  returns.command('annex-a').description('Ofsted\'s ILACS Annex A: its lists for the 12 months to a date, as a workbook')
    .requiredOption('--as-at <date>', 'the date the lists are as at (YYYY-MM-DD)')
    .requiredOption('--out <file>', 'where to write the workbook: annex-a.xlsx')
    .action(async (options: { asAt: string; out: string }) => {
      const asAt = IsoDate.safeParse(options.asAt);
      if (!asAt.success) throw new Error(`--as-at: ${asAt.error.issues[0]?.message}`);
      const started = Date.now();
      const bar = await (deps.progress ?? (() => progressBar(say)))();
      const produced = await withEngine(deps, (engine) => produceAnnexA(engine, asAt.data, bar.update)).finally(() => bar.stop());
      await mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
      await writeFile(options.out, produced.file.contents);
      say(`Wrote Annex A for ${produced.window.from} to ${produced.window.asAt} (${produced.childIds.length} children) to ${options.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      for (const problem of produced.problems) say(`Left out ${problem.childId}: ${problem.message}`);
    });
  return returns;
}

/** A return's files from a path: the file itself, or every XML and CSV file in the folder. */
export async function returnFilesAt(target: string): Promise<ReturnFile[]> {
  const info = await stat(target).catch(() => null);
  if (info === null) throw new Error(`There is no file or folder ${target}`);
  const paths = info.isDirectory()
    ? (await readdir(target)).filter((name) => /\.(xml|csv)$/i.test(name)).sort().map((name) => path.join(target, name))
    : [target];
  if (paths.length === 0) throw new Error(`${target} holds no XML or CSV file`);
  return Promise.all(paths.map(async (file) => ({
    name: path.basename(file), mediaType: /\.csv$/i.test(file) ? 'text/csv' : 'application/xml',
    contents: (await readFile(file, 'utf8')).replace(/^\uFEFF/, ''),
  })));
}

export function registerValidateCommand<Settings extends ReturnsCommandSettings>(program: Command, deps: ReturnsCommandDependencies<Settings>): Command {
  const say = deps.say ?? stderrSay;
  const print = deps.print ?? stdoutPrint;
  return program.command('validate').argument('<path>', 'the CIN census XML file, or a folder of SSDA903 CSV files (or its XML file)')
    .description('Validate a return made by any system with DfE\'s rules for its year: exit code 1 when there are errors')
    .option('--year <year>', 'the collection year, like 2024-25 (needed for SSDA903 CSV files, which do not say theirs)')
    .option('--kind <kind>', 'cin or ssda903 (default: from the files)')
    .action(async (target: string, options: { year?: string; kind?: string }) => {
      const files = await returnFilesAt(target);
      const config = deps.loadConfig();
      if (options.kind !== undefined && options.kind !== 'cin' && options.kind !== 'ssda903') throw new Error(`--kind must be cin or ssda903, not ${options.kind}`);
      let validated;
      try {
        validated = await validateUpload({ laCode: config.laCode, calendar: createCalendar({ extraBankHolidays: config.extraBankHolidays }) }, files, options.kind as ReturnKind | undefined, options.year);
      } catch (error) {
        throw plainError(error);
      }
      for (const problem of validated.problems) say(`Could not read ${problem.file}${problem.line === null ? '' : ` line ${problem.line}`}: ${problem.message}`);
      for (const schemaError of validated.schemaErrors) say(`Schema: ${schemaError.file}${schemaError.line === null ? '' : ` line ${schemaError.line}`}: ${schemaError.message}`);
      if (validated.issues.length > 0) print(issueTable(validated.issues));
      const errors = validated.issues.filter((issue) => issue.severity === 'error').length;
      say(`${validated.kind === 'cin' ? 'CIN census' : 'SSDA903'} ${validated.year}: ${errors} ${errors === 1 ? 'error' : 'errors'} and ${validated.issues.length - errors} ${validated.issues.length - errors === 1 ? 'query' : 'queries'}`);
      process.exitCode = errors > 0 || validated.schemaErrors.length > 0 ? 1 : 0;
    });
}
