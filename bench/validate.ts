/**
 * Validating returns against DfE's rules, next to reading the same files without validating, in
 * the same run. Goals (issue 18): a CIN census of 15,000 children validated within 3× of parsing
 * the XML; an SSDA903 set of 3,000 children within 3× of reading its CSV files, in under 100 MB.
 *
 *   npx tsx bench/validate.ts [--seed 1] [--cin-children 15000] [--ssda903-children 3000] [--runs 3]
 *
 * The returns are generated from the simulator: the default borough (seed 1) over 2023-04-01 to
 * 2025-03-31 after a warm-up year, each child's record folded to the end of 2024-25 and made into
 * the year's CIN census and SSDA903 rows, as `safeguard returns` makes them. A borough-year has
 * fewer children in need than 15,000, so the census's children are repeated under new LA child ids
 * (and the 903's likewise up to 3,000) until the return has that many: the same shape of data at
 * the size a large council returns. A repeated child is given a UPN of its own (a valid one), so
 * that the copies raise no duplicate-UPN errors the borough does not have.
 *
 * Baselines: for the CIN census, fast-xml-parser's parse of the XML into objects (what any reader
 * of the file does first); for SSDA903, csv-parse of every file into records. Validating is
 * reading the files into the return's tables and running every rule in force in the year. Each is
 * run --runs times and the fastest kept. The SSDA903 part runs in a child process of its own so
 * that its peak RSS is its own (the simulation that made the files is not in it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { createCalendar } from '../src/platform/calendar/calendar.ts';
import { collectionYear } from '../src/modules/returns/collection-year.ts';
import type { ReturnsChildState } from '../src/modules/returns/child-state.ts';
import type { ReturnTables, TableRow } from '../src/modules/returns/return-tables.ts';
import { statutoryReturns } from '../src/modules/returns/returns.ts';
import type { ReturnFile, StatutoryReturn } from '../src/modules/returns/statutory-return.ts';
import { rulesInForce, validateReturn, type ValidationContext } from '../src/modules/returns/validation-rule.ts';
import { permanentUpn } from '../src/modules/people/index.ts';
import { foldChildRecord } from '../src/record/fold.ts';
import { islingtonShapedBorough } from '../src/simulate/borough.ts';
import { simulatedChildLogs } from '../src/simulate/test-support.ts';

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1]! : fallback;
};
const runs = Number(argument('--runs', '3'));
const year = collectionYear('2024-25');
const laNumber = islingtonShapedBorough.laCode;
const context: ValidationContext = { collectionYear: year, laNumber, calendar: createCalendar(), fileFormat: 'csv' };
const facts = { collectionYear: year, laNumber, producedAt: '2025-05-01T09:00:00Z', softwareCode: 'Safeguard', release: 'bench' };

/** The fastest of `runs` runs, in milliseconds, and the last run's answer. */
function fastest<T>(work: () => T): { ms: number; answer: T } {
  let best = Infinity;
  let answer!: T;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    answer = work();
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, answer };
}

/** As `safeguard validate` does: read the files, derive what DfE's tool derives on loading, run every rule of the year. */
function validating(kind: StatutoryReturn, files: readonly ReturnFile[]) {
  const read = kind.read(files);
  const tables = kind.prepareForValidation?.(read.tables, context) ?? read.tables;
  return validateReturn(tables, rulesInForce(kind.rules, year), context);
}

const summary = (issues: { severity: string }[]) =>
  `${issues.filter((issue) => issue.severity === 'error').length} errors, ${issues.filter((issue) => issue.severity === 'query').length} queries`;

// The SSDA903 part, in a process of its own: read and validate the files in a folder.
if (process.argv.includes('--ssda903-folder')) {
  const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
  const folder = argument('--ssda903-folder', '');
  const files: ReturnFile[] = readdirSync(folder).map((name) => ({ name, mediaType: 'text/csv', contents: readFileSync(path.join(folder, name), 'utf8') }));
  const reading = fastest(() => files.map((file) => parseCsv(file.contents, { columns: true, bom: true, skip_empty_lines: true }) as unknown[]));
  const validated = fastest(() => validating(statutoryReturns.ssda903, files));
  console.log(JSON.stringify({ readMs: reading.ms, validateMs: validated.ms, issues: summary(validated.answer), maxRssMb: process.resourceUsage().maxRSS / 1024, rssBeforeMb }));
  process.exit(0);
}

/** The tables of a return made of these children's rows, the children repeated under new ids up to `size`. */
function returnOf(kind: StatutoryReturn, childRows: readonly Readonly<Record<string, readonly TableRow[]>>[], size: number): ReturnTables {
  const columns = kind.tablesOf(year);
  const rows: Record<string, TableRow[]> = Object.fromEntries(Object.keys(columns).map((table) => [table, []]));
  for (const [table, header] of Object.entries(kind.headerRows(facts))) rows[table]!.push(...header);
  const idColumn = kind.kind === 'cin' ? 'LAchildID' : 'CHILD';
  for (let n = 0; n < size; n++) {
    const child = childRows[n % childRows.length]!;
    const copy = Math.floor(n / childRows.length);
    for (const [table, tableRows] of Object.entries(child)) {
      for (const row of tableRows) {
        if (copy === 0) rows[table]!.push(row);
        else rows[table]!.push({ ...row, [idColumn]: `${row[idColumn]}R${copy}`, ...(row.UPN ? { UPN: permanentUpn(laNumber, 2015, 500_000 + n) } : {}) });
      }
    }
  }
  return Object.fromEntries(Object.entries(columns).map(([table, tableColumns]) => [table, { columns: tableColumns, rows: rows[table] ?? [] }]));
}

const started = performance.now();
const { logs } = simulatedChildLogs(islingtonShapedBorough, { seed: Number(argument('--seed', '1')), years: 2, from: '2023-04-01', warmUpYears: 1 });
const states: ReturnsChildState[] = [];
for (const log of logs) {
  const events = log.events.filter((event) => event.occurredAt.slice(0, 10) <= year.end);
  if (events.length > 0) states.push(foldChildRecord(laNumber, log.childId, events).state as unknown as ReturnsChildState);
}
console.log(`Simulated and folded the default borough (${logs.length} children) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// CIN census: 15,000 children.
const cin = statutoryReturns.cin;
const cinChildren = states.map((state) => cin.rowsOfChild(state, year)).filter((rows) => rows !== null);
const cinSize = Number(argument('--cin-children', '15000'));
const [cinFile] = cin.write(returnOf(cin, cinChildren, cinSize), facts);
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });
const parsing = fastest(() => parser.parse(cinFile!.contents) as unknown);
const cinValidated = fastest(() => validating(cin, [cinFile!]));
console.log(`\nCIN census 2024-25: ${cinSize} children (${cinChildren.length} of them distinct), ${(cinFile!.contents.length / 1e6).toFixed(1)} MB of XML`);
console.log(`  parse the XML (baseline):          ${parsing.ms.toFixed(0)} ms`);
console.log(`  read into tables and validate:     ${cinValidated.ms.toFixed(0)} ms (${summary(cinValidated.answer)})`);
console.log(`  ratio to the parse:                ${(cinValidated.ms / parsing.ms).toFixed(2)}× (goal: within 3×)`);
if (cin.schemaCheck) {
  const schemaStarted = performance.now();
  const schema = await cin.schemaCheck(cinFile!, year);
  console.log(`  and against DfE's XML schema:      ${(performance.now() - schemaStarted).toFixed(0)} ms (${schema.valid ? 'valid' : `${schema.errors.length} schema errors`}), once`);
}

// SSDA903: 3,000 children, read and validated in a process of its own.
const ssda903 = statutoryReturns.ssda903;
const lookedAfter = states.map((state) => ssda903.rowsOfChild(state, year)).filter((rows) => rows !== null);
const ssda903Size = Number(argument('--ssda903-children', '3000'));
const folder = mkdtempSync(path.join(os.tmpdir(), 'safeguard-bench-validate-'));
try {
  for (const file of ssda903.write(returnOf(ssda903, lookedAfter, ssda903Size), facts)) writeFileSync(path.join(folder, file.name), file.contents);
  const output = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, '--ssda903-folder', folder, '--runs', String(runs)], { encoding: 'utf8' });
  const result = JSON.parse(output.trim().split('\n').at(-1)!) as { readMs: number; validateMs: number; issues: string; maxRssMb: number; rssBeforeMb: number };
  const megabytes = readdirSync(folder).reduce((total, name) => total + readFileSync(path.join(folder, name)).length, 0) / 1e6;
  console.log(`\nSSDA903 2024-25: ${ssda903Size} children (${lookedAfter.length} of them distinct), ${readdirSync(folder).length} CSV files, ${megabytes.toFixed(1)} MB`);
  console.log(`  read the CSV files (baseline):     ${result.readMs.toFixed(0)} ms`);
  console.log(`  read into tables and validate:     ${result.validateMs.toFixed(0)} ms (${result.issues})`);
  console.log(`  ratio to the read:                 ${(result.validateMs / result.readMs).toFixed(2)}× (goal: within 3×)`);
  console.log(`  peak RSS of that process:          ${result.maxRssMb.toFixed(0)} MB (goal: under 100 MB), of which ${result.rssBeforeMb.toFixed(0)} MB before reading a file`);
  console.log(`                                     (Node, the TypeScript loader and Safeguard's code); reading and validating added ${(result.maxRssMb - result.rssBeforeMb).toFixed(0)} MB`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
