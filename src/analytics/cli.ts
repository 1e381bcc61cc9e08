/**
 * `safeguard kpi`: the partnership's figures on the command line.
 *
 *   safeguard kpi --period FY2023-24                 every computed metric's headline figure
 *   safeguard kpi --from 2023-04-01 --to 2023-09-30  any range
 *   safeguard kpi --as-at 2024-03-31                 snapshot metrics on a date
 *   safeguard kpi --period FY2023-24 --metric CP-02b --by ethnicity --trend 3
 *   safeguard kpi --load-benchmarks sn.csv           load benchmarks (metric_id,year,geography,value,source[,measure])
 *   safeguard kpi --period FY2023-24 --councils all  every council held in this database, side by side
 *   safeguard kpi --period FY2023-24 --councils 206,207 --benchmarks-out councils.csv
 *                                                    …and their values as benchmarks for one another
 *
 * Prints readable tables, or JSON with --json. Wire it into the CLI with
 * `registerKpiCommand(program, { loadConfig, openDatabase })`.
 */
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { createCalendar } from '../platform/calendar/calendar.ts';
import { todayInLondon } from '../platform/clock.ts';
import type { CommandDependencies, CommandSettings } from '../platform/command-line.ts';
import type { Database } from '../platform/database/database.ts';
import { DomainError } from '../platform/errors.ts';
import type { TimescaleSettings } from '../timescales/timescales.ts';
import { councilsOnRecord, MetricsAcrossCouncils } from './across-councils.ts';
import { BenchmarkRepository, parseBenchmarksCsv } from './benchmarks.ts';
import { MetricsEngine } from './engine.ts';
import { dfeYearLabelOf, endOf, windowOf, type ReportingWindow } from './periods.ts';
import type { Figure, MetricResult } from './schemas.ts';
import { formatValue } from './suppression.ts';

/** What the command reads of the configuration: also the council's bank holidays, to count working days. */
export interface KpiCommandSettings extends CommandSettings, Pick<TimescaleSettings, 'extraBankHolidays'> {}

export interface KpiCommandDependencies<Settings extends KpiCommandSettings> extends CommandDependencies<Settings> {
  /** Where tables and JSON go (default standard output). */
  write?: (text: string) => void;
  /** Today in London (default the clock). */
  today?: () => string;
}

interface KpiOptions {
  period?: string;
  from?: string;
  to?: string;
  asAt?: string;
  metric?: string;
  by?: string;
  trend?: string;
  comparator?: string;
  unsuppressed?: boolean;
  withinDays?: string;
  withinUnit?: string;
  loadBenchmarks?: string;
  councils?: string;
  benchmarksOut?: string;
  json?: boolean;
}

export function registerKpiCommand<Settings extends KpiCommandSettings>(program: Command, deps: KpiCommandDependencies<Settings>): Command {
  return program.command('kpi')
    .description('The partnership\'s figures for a period or date: every metric, or one metric with breakdown, disproportionality, benchmarks and trend')
    .option('--period <name>', 'FY2023-24, FY2023-24-Q1, AY2023-24, CY2023, 2023-Q1 (calendar quarter), 2023-06, ISCP2022-24 or YTD')
    .option('--from <date>', 'first day of a custom period (YYYY-MM-DD)')
    .option('--to <date>', 'last day of a custom period (YYYY-MM-DD)')
    .option('--as-at <date>', 'a snapshot date, or the date YTD runs to')
    .option('--metric <id>', 'one metric or view (e.g. FD-01, CP-02b, DP-01)')
    .option('--by <dimensions>', 'breakdown, comma-separated (e.g. ethnicity, or ethnic-group,sex)')
    .option('--trend <n>', 'also show this many consecutive periods ending with this one')
    .option('--comparator <code>', 'relative rate index comparator (default White British; all-others)')
    .option('--unsuppressed', 'raw figures, without small-number suppression')
    .option('--within-days <n>', 'CIN-04 timescale in days (default 10)')
    .option('--within-unit <unit>', 'CIN-04 timescale unit: working-days (default) or calendar-days')
    .option('--load-benchmarks <file>', 'load benchmarks from a CSV file first')
    .option('--councils <codes>', 'figures for several councils held in this database: LA codes, comma-separated, or all')
    .option('--benchmarks-out <file>', 'with --councils: also write each council\'s values as benchmarks CSV (geography: the LA code), for --load-benchmarks')
    .option('--json', 'print JSON')
    .action(async (options: KpiOptions) => {
      const write = deps.write ?? ((text: string) => process.stdout.write(text));
      const today = deps.today ?? todayInLondon;
      const config = deps.loadConfig();
      const db = await deps.openDatabase(config);
      try {
        const context = { laCode: config.laCode, actor: config.operator, correlationId: randomUUID() };
        if (options.loadBenchmarks) {
          const loaded = await new BenchmarkRepository(db.pool, config.laCode).save(parseBenchmarksCsv(await readFile(options.loadBenchmarks, 'utf8')));
          if (!options.json) write(`Loaded ${loaded} benchmark(s) from ${options.loadBenchmarks}\n`);
          if (!options.period && !options.from && !options.to && !options.asAt && !options.metric) return;
        }
        const window = windowOf({ period: options.period, from: options.from, to: options.to, asAt: options.asAt }, today);
        const calendar = createCalendar({ extraBankHolidays: config.extraBankHolidays });
        const engine = new MetricsEngine({ db: db.pool, context, calendar, today });
        const withinUnit = options.withinUnit === undefined ? undefined : checkedUnit(options.withinUnit);
        const withinDays = options.withinDays === undefined ? undefined : wholeNumber('--within-days', options.withinDays);
        const request = (id: string) => ({
          id, window, by: options.by?.split(',').map((s) => s.trim()).filter(Boolean),
          trend: options.trend === undefined ? undefined : wholeNumber('--trend', options.trend),
          comparator: options.comparator, unsuppressed: options.unsuppressed, withinDays, withinUnit,
        });
        if (options.benchmarksOut && !options.councils) throw new Error('--benchmarks-out needs --councils');
        if (options.councils) {
          // Checked before anything is computed (and audited), so a bad option costs nothing.
          const benchmarkYear = options.benchmarksOut === undefined ? undefined : benchmarkYearOf(window);
          const laCodes = await councilsAsked(db, options.councils);
          const across = new MetricsAcrossCouncils({ db: db.pool, calendar, today }, laCodes.map((laCode) => ({ ...context, laCode })));
          if (options.metric) {
            const results = await across.compute(request(options.metric));
            write(options.json ? `${JSON.stringify({ window, councils: results }, null, 2)}\n` : results.map(({ laCode, result }) => `LA ${laCode}\n${renderResult(result)}`).join('\n'));
            if (options.benchmarksOut) {
              await writeBenchmarks(options.benchmarksOut, benchmarkYear!, window, results.map(({ laCode, result }) => ({ laCode, metricId: result.metric.id, value: result.value })), options.json ? undefined : write);
            }
            return;
          }
          const councils = await across.computeAll(window, { withinDays, withinUnit });
          if (options.json) {
            write(`${JSON.stringify({ window, councils: councils.map(({ laCode, answers }) => ({ laCode, metrics: answers.map(headlineJson) })) }, null, 2)}\n`);
          } else {
            write(`Figures for ${window.label}${window.kind === 'snapshot' ? '' : ` (${window.from} to ${window.to})`}, ${councils.length} councils\n\n`);
            write(table(['id', 'metric', ...councils.map(({ laCode }) => `LA ${laCode}`)], councils[0]!.answers.map(({ definition }, index) => [
              definition.id, definition.title,
              ...councils.map(({ answers }) => { const value = answers[index]!.headline.value; return value === null ? '–' : formatHeadline(definition.valueType, value); }),
            ])));
          }
          if (options.benchmarksOut) {
            const values = councils.flatMap(({ laCode, answers }) => answers.map(({ definition, headline }) => ({ laCode, metricId: definition.id, value: headline.value })));
            await writeBenchmarks(options.benchmarksOut, benchmarkYear!, window, values, options.json ? undefined : write);
          }
          return;
        }
        if (options.metric) {
          const result = await engine.compute(request(options.metric));
          write(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderResult(result));
        } else {
          const all = await engine.computeAll(window, { withinDays, withinUnit });
          if (options.json) {
            write(`${JSON.stringify({ window, laCode: config.laCode, metrics: all.map(headlineJson) }, null, 2)}\n`);
          } else {
            write(`Figures for ${window.label}${window.kind === 'snapshot' ? '' : ` (${window.from} to ${window.to})`}, LA ${config.laCode}\n`);
            write('Snapshot metrics are counted on the last day of the period. Ask for one metric with --metric for its breakdown.\n\n');
            write(table(['id', 'metric', 'value', 'numerator', 'denominator', 'per 10,000'], all.map(({ definition, headline }) => [
              definition.id, definition.title, headline.value === null ? '–' : formatHeadline(definition.valueType, headline.value),
              count(headline.numerator), count(headline.denominator), headline.ratePer10000 === null ? '' : formatValue(headline.ratePer10000, 'rate'),
            ])));
          }
        }
      } catch (error) {
        if (error instanceof DomainError) {
          const problems = error.problems.map((p) => `  ${p.field}: ${p.message}`).join('\n');
          throw new Error(problems ? `${error.message}\n${problems}` : error.message, { cause: error });
        }
        throw error;
      } finally {
        await db.close();
      }
    });
}

type Headlines = Awaited<ReturnType<MetricsEngine['computeAll']>>;

const headlineJson = ({ definition, headline, window }: Headlines[number]) =>
  ({ id: definition.id, title: definition.title, window, ...headline, population: headline.population?.year ?? null });

/** `all`, or LA codes that must each have children on record here (a mistyped code is named). */
async function councilsAsked(db: Database, asked: string): Promise<string[]> {
  const held = await councilsOnRecord(db.pool);
  if (asked.trim() === 'all') {
    if (held.length === 0) throw new Error('--councils all: no council has children on record in this database');
    return held;
  }
  const laCodes = [...new Set(asked.split(',').map((code) => code.trim()).filter(Boolean))];
  const missing = laCodes.filter((code) => !held.includes(code));
  if (laCodes.length === 0 || missing.length > 0) {
    throw new Error(`--councils: ${laCodes.length === 0 ? 'no LA code given' : `no children on record for LA ${missing.join(', ')}`}; this database holds ${held.join(', ') || 'no council'}`);
  }
  return laCodes;
}

/**
 * The DfE year label a benchmark of the window is kept under: a financial year, or a snapshot on
 * 31 March, by its DfE year; a calendar year by itself. Other windows have no benchmark year.
 */
function benchmarkYearOf(window: ReportingWindow): string {
  if (window.kind === 'financial-year' || (window.kind === 'snapshot' && window.asAt.endsWith('-03-31'))) return dfeYearLabelOf(endOf(window));
  if (window.kind === 'calendar-year') return window.from.slice(0, 4);
  throw new Error(`--benchmarks-out: benchmarks are kept by financial year, 31 March snapshot or calendar year, not for ${window.label}`);
}

/** The councils' values in the benchmark CSV's form (geography: the LA code); a value not computed is left out. */
async function writeBenchmarks(
  file: string, year: string, window: ReportingWindow, values: readonly { laCode: string; metricId: string; value: number | null }[], report?: (text: string) => void,
): Promise<void> {
  const lines = ['metric_id,year,geography,value,source,measure'];
  for (const { laCode, metricId, value } of values) {
    if (value === null) continue;
    lines.push([metricId, year, laCode, String(Number(value.toFixed(6))), `"Safeguard figures of LA ${laCode}, ${window.label}"`, 'value'].join(','));
  }
  await writeFile(file, lines.join('\n') + '\n', 'utf8');
  report?.(`Wrote ${lines.length - 1} benchmark value(s) to ${file}\n`);
}

function wholeNumber(option: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`${option} must be a whole number, not ${value}`);
  return number;
}

function checkedUnit(value: string): 'working-days' | 'calendar-days' {
  if (value !== 'working-days' && value !== 'calendar-days') throw new Error(`--within-unit must be working-days or calendar-days, not ${value}`);
  return value;
}

const count = (value: number | null) => (value === null ? '' : formatValue(value, Number.isInteger(value) ? 'count' : 'decimal'));

function formatHeadline(valueType: string, value: number): string {
  switch (valueType) {
    case 'percent': return formatValue(value, 'percent');
    case 'change': return `${value > 0 ? '+' : ''}${formatValue(value, 'percent')}`;
    case 'rate-per-10000': return `${formatValue(value, 'rate')} per 10,000`;
    case 'per-month': return `${formatValue(value, 'decimal')} a month`;
    case 'mean': return formatValue(value, 'decimal');
    default: return formatValue(value, 'count');
  }
}

/** Columns padded to their widest cell; numbers (anything starting with a digit, sign or 'fewer') right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const numeric = (cell: string) => /^([-+]?[\d.,]+|fewer than|–)/.test(cell);
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column > 0 && numeric(cell) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

const figure = (f: Figure | null | undefined) => (f ? f.display : '');

export function renderResult(result: MetricResult): string {
  const out: string[] = [];
  const window = result.window;
  out.push(`${result.metric.id} ${result.metric.title}${result.view ? ` (${result.view.id}: ${result.view.title})` : ''}`);
  out.push(`${window.label}${window.from ? ` (${window.from} to ${window.to})` : ''}${window.asAt && window.kind !== 'snapshot' ? `, counted as at ${window.asAt}` : ''}`);
  out.push('');
  const parts = [`Value: ${result.display}`];
  if (result.numerator !== null) parts.push(`numerator ${count(result.numerator)}`);
  if (result.denominator !== null) parts.push(`denominator ${count(result.denominator)}`);
  if (result.ratePer10000 !== null && result.metric.valueType !== 'rate-per-10000') parts.push(`${formatValue(result.ratePer10000, 'rate')} per 10,000 children`);
  out.push(parts.join('; '));
  const additional = Object.entries(result.additional).filter(([, value]) => value !== null);
  if (additional.length > 0) out.push(additional.map(([name, value]) => `${name}: ${formatValue(value!, Number.isInteger(value) ? 'count' : 'decimal')}`).join('; '));

  if (result.breakdown) {
    out.push('', `By ${result.breakdown.by.join(' and ')}${result.breakdown.suppression.applied ? ` (counts below ${result.breakdown.suppression.threshold} withheld)` : ' (unsuppressed)'}:`);
    const hasDenominator = result.breakdown.rows.some((row) => row.denominator);
    // A rate metric's value is already the rate per 10,000.
    const hasRate = result.metric.valueType !== 'rate-per-10000' && result.breakdown.rows.some((row) => row.ratePer10000);
    const headers = ['group', 'count', ...(hasDenominator ? ['of'] : []), 'value', 'share', ...(hasRate ? ['per 10,000'] : [])];
    out.push(table(headers, result.breakdown.rows.map((row) => [
      `${'  '.repeat(row.groups.length - 1)}${row.groups.at(-1)!.label}`, figure(row.numerator), ...(hasDenominator ? [figure(row.denominator)] : []),
      figure(row.value), figure(row.share), ...(hasRate ? [figure(row.ratePer10000)] : []),
    ])).trimEnd());
  }
  if (result.disproportionality) {
    const d = result.disproportionality;
    out.push('', `Disproportionality by ${d.dimension}: compared with ${d.reference}; relative rate index against ${d.comparator.label}, ${d.intervalMethod}. Not known: ${d.unknownShare.display} of the service.`);
    out.push(table(['group', 'count', 'service share', 'reference share', 'ratio', `rate per ${d.rateBase === 100 ? '100' : '10,000'}`, 'RRI', '95% CI', 'reading'], d.rows.map((row) => [
      row.group.label, figure(row.count), figure(row.serviceShare), figure(row.referenceShare), figure(row.representationRatio), figure(row.rate),
      figure(row.relativeRateIndex), row.confidenceInterval.lower.value === null ? '' : `${row.confidenceInterval.lower.display}–${row.confidenceInterval.upper.display}`,
      row.representation + (row.significant ? ' (significant)' : ''),
    ])).trimEnd());
  }
  if (result.trend) {
    out.push('', 'Trend:');
    out.push(table(['period', 'value', 'numerator', 'denominator', 'change'], result.trend.map((point) => [
      point.window.label, point.value === null ? '–' : formatHeadline(result.metric.valueType, point.value), count(point.numerator), count(point.denominator),
      point.change === null ? '' : `${point.change > 0 ? '+' : ''}${formatValue(point.change, 'decimal')}${point.changePercent === null ? '' : ` (${point.changePercent > 0 ? '+' : ''}${formatValue(point.changePercent, 'percent')})`}`,
    ])).trimEnd());
  }
  if (result.benchmarks.length > 0) {
    out.push('', 'Benchmarks:');
    out.push(table(['year', 'geography', 'measure', 'value', 'source'], result.benchmarks.map((b) => [
      `${b.year}${b.samePeriod ? ' *' : ''}`, b.geography, b.measure, formatValue(b.value, Number.isInteger(b.value) ? 'count' : 'decimal'), b.source,
    ])).trimEnd());
  }
  if (result.notes.length > 0) out.push('', ...result.notes.map((note) => `Note: ${note}`));
  return `${out.join('\n')}\n`;
}
