/**
 * `safeguard report annual`: the partnership's annual report for a period, as HTML or PDF.
 *
 *   safeguard report annual --from 2022-09-01 --to 2024-03-31 --out report.html
 *   safeguard report annual --from 2022-09-01 --to 2024-03-31 --out report.pdf
 *
 * The format follows the file's extension unless --format says otherwise. Wire it into the CLI with
 * `registerReportCommand(program, { loadConfig, openDatabase })`.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { createCalendar } from '../platform/calendar/calendar.ts';
import { todayInLondon } from '../platform/clock.ts';
import type { CommandDependencies, CommandSettings } from '../platform/command-line.ts';
import { DomainError } from '../platform/errors.ts';
import { IsoDate } from '../platform/schema-helpers.ts';
import type { TimescaleSettings } from '../timescales/timescales.ts';
import { produceAnnualReport, type ReportFormat } from './service.ts';

/** What the command reads of the configuration: also the council's bank holidays, to count working days. */
export interface ReportCommandSettings extends CommandSettings, Pick<TimescaleSettings, 'extraBankHolidays'> {}

export interface ReportCommandDependencies<Settings extends ReportCommandSettings> extends CommandDependencies<Settings> {
  /** Where progress messages go (default standard error). */
  say?: (message: string) => void;
  /** Today in London (default the clock). */
  today?: () => string;
}

interface AnnualOptions {
  from: string;
  to: string;
  out: string;
  format?: string;
}

function checkedDate(option: string, value: string): string {
  const parsed = IsoDate.safeParse(value);
  if (!parsed.success) throw new Error(`${option}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

function formatOf(out: string, format: string | undefined): ReportFormat {
  const chosen = format ?? path.extname(out).slice(1).toLowerCase();
  if (chosen === 'html' || chosen === 'htm') return 'html';
  if (chosen === 'pdf') return 'pdf';
  throw new Error(format ? `--format must be html or pdf, not ${format}` : `Cannot tell the format from ${out}: name the file .html or .pdf, or give --format`);
}

export function registerReportCommand<Settings extends ReportCommandSettings>(program: Command, deps: ReportCommandDependencies<Settings>): Command {
  const report = program.command('report').description('The partnership\'s reports, generated from the case record');
  report.command('annual')
    .description('The safeguarding partnership\'s annual report for a period, as HTML or PDF (PDF needs Chromium)')
    .requiredOption('--from <date>', 'first day of the period (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last day of the period (YYYY-MM-DD)')
    .requiredOption('--out <file>', 'where to write the report: report.html or report.pdf')
    .option('--format <format>', 'html or pdf (default: from the file\'s extension)')
    .action(async (options: AnnualOptions) => {
      const say = deps.say ?? ((message: string) => process.stderr.write(`${message}\n`));
      const from = checkedDate('--from', options.from);
      const to = checkedDate('--to', options.to);
      const format = formatOf(options.out, options.format);
      const config = deps.loadConfig();
      const db = await deps.openDatabase(config);
      const started = Date.now();
      try {
        const context = { laCode: config.laCode, actor: config.operator, correlationId: randomUUID() };
        const rendered = await produceAnnualReport(
          { db: db.pool, context, calendar: createCalendar({ extraBankHolidays: config.extraBankHolidays }), today: deps.today ?? todayInLondon },
          { from, to, format },
          say,
        );
        await writeFile(options.out, rendered.body);
        say(`Wrote the annual report for ${from} to ${to} (${format.toUpperCase()}) to ${options.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        if (error instanceof DomainError) {
          const problems = error.problems.map((p) => `  ${p.field}: ${p.message}`).join('\n');
          throw new Error(problems && error.problems[0]?.message !== error.message ? `${error.message}\n${problems}` : error.message, { cause: error });
        }
        throw error;
      } finally {
        await db.close();
      }
    });
  return report;
}
