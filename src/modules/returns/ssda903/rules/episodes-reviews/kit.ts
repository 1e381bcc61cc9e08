/**
 * Small shared predicates of the episode, review, deprivation of liberty and social worker rules:
 * reading cells and dates, ages, and the rows of each child in date order.
 */
import { isoDateOfIsoCell, isoDateOfUkCell } from '../../../return-dates.ts';
import { cellOf, rowsOf, type Cell, type ReturnTables, type TableRow } from '../../../return-tables.ts';
import type { RuleFinding, ValidationContext } from '../../../validation-rule.ts';
import { firstRowByChildOf, positionsByChildOf } from '../table-index.ts';

/** A cell's text without surrounding spaces, or null when blank. */
export function textOf(row: TableRow, column: string): string | null {
  const cell = cellOf(row, column);
  if (cell === null) return null;
  const trimmed = cell.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * The ISO date of a 903 date cell, for rules that compare dates: dd/mm/yyyy as the CSV files write
 * it, or yyyy-mm-dd as the XML return writes it (a date is read whichever way it was written);
 * null when blank or not a real date. Rules that judge whether a date is validly written use
 * `writtenDateOf`.
 */
export function dateOf(cell: Cell): string | null {
  if (cell === null) return null;
  const known = parsedDates.get(cell);
  if (known !== undefined) return known;
  const trimmed = cell.trim();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? isoDateOfIsoCell(trimmed) : isoDateOfUkCell(trimmed);
  // A return repeats the same few thousand dates across its rows and rules: parse each once.
  if (parsedDates.size >= 100_000) parsedDates.clear();
  parsedDates.set(cell, date);
  return date;
}

const parsedDates = new Map<string, string | null>();

/** The date of a cell as the file must write it: dd/mm/yyyy, or yyyy-mm-dd in an XML return; otherwise null. */
export function writtenDateOf(cell: Cell, context: ValidationContext): string | null {
  return context.fileFormat === 'xml' ? isoDateOfIsoCell(cell) ?? isoDateOfUkCell(cell) : isoDateOfUkCell(cell);
}

/** The date in a row's column, or null. */
export function dateIn(row: TableRow, column: string): string | null {
  return dateOf(cellOf(row, column));
}

function utcDay(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000;
}

/** Days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return utcDay(to) - utcDay(from);
}

/** An ISO date moved by whole days. */
export function addDays(isoDate: string, days: number): string {
  return new Date((utcDay(isoDate) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** An ISO date moved by whole years; 29 February becomes 1 March in a year without it. */
export function addYears(isoDate: string, years: number): string {
  const year = Number(isoDate.slice(0, 4)) + years;
  const candidate = `${String(year).padStart(4, '0')}${isoDate.slice(4)}`;
  return isoDate.slice(5) === '02-29' && !isLeapYear(year) ? `${candidate.slice(0, 4)}-03-01` : candidate;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Age in whole years on a date (negative when the date is before birth). */
export function ageOn(dateOfBirth: string, date: string): number {
  let age = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  if (date.slice(5) < dateOfBirth.slice(5)) age -= 1;
  return age;
}

/** The child's identifier in a row. */
export function childOf(row: TableRow): string | null {
  return textOf(row, 'CHILD');
}

/** Positions of a table's rows by child, in table order (built once per validation and shared). */
export function rowsByChild(rows: readonly TableRow[]): ReadonlyMap<string, readonly number[]> {
  return positionsByChildOf(rows, true);
}

/** The first row of each child in a table (as Header and OC3 hold one row per child). */
export function firstRowByChild(rows: readonly TableRow[]): ReadonlyMap<string, TableRow> {
  return firstRowByChildOf(rows, true);
}

/** Each child's date of birth from the Header. */
export function datesOfBirth(tables: ReturnTables, table = 'Header'): Map<string, string> {
  const dates = new Map<string, string>();
  for (const row of rowsOf(tables, table)) {
    const child = childOf(row);
    const dob = dateIn(row, 'DOB');
    if (child !== null && dob !== null && !dates.has(child)) dates.set(child, dob);
  }
  return dates;
}

/** An episode (or any dated row) with its position and parsed start and end dates. */
export interface DatedRow {
  readonly index: number;
  readonly row: TableRow;
  readonly start: string | null;
  readonly end: string | null;
}

/**
 * Each child's rows in order of their start date (rows without a valid start go last, in table
 * order), so that "the previous episode" and "the next episode" mean what they say.
 */
export function childTimelines(rows: readonly TableRow[], startColumn = 'DECOM', endColumn = 'DEC'): ReadonlyMap<string, readonly DatedRow[]> {
  // Many rules read the same table's timelines: build them once per table and pair of columns.
  const cacheKey = `${startColumn}|${endColumn}`;
  const cached = timelineCache.get(rows)?.get(cacheKey);
  if (cached !== undefined) return cached;
  const timelines = new Map<string, DatedRow[]>();
  rows.forEach((row, index) => {
    const child = childOf(row);
    if (child === null) return;
    const dated: DatedRow = { index, row, start: dateIn(row, startColumn), end: dateIn(row, endColumn) };
    const list = timelines.get(child);
    if (list) list.push(dated);
    else timelines.set(child, [dated]);
  });
  for (const list of timelines.values()) {
    list.sort((a, b) => (a.start === b.start ? a.index - b.index : a.start === null ? 1 : b.start === null ? -1 : a.start < b.start ? -1 : 1));
  }
  const byColumns = timelineCache.get(rows) ?? new Map<string, ReadonlyMap<string, readonly DatedRow[]>>();
  byColumns.set(cacheKey, timelines);
  timelineCache.set(rows, byColumns);
  return timelines;
}

const timelineCache = new WeakMap<readonly TableRow[], Map<string, ReadonlyMap<string, readonly DatedRow[]>>>();

/** One finding per column named, for a row of a table. */
export function findingsAt(table: string, row: number, columns: readonly string[]): RuleFinding[] {
  return columns.map((column) => ({ table, row, column }));
}

/** Findings for every row of a table that a predicate picks. */
export function eachRow(tables: ReturnTables, table: string, columns: readonly string[], breaks: (row: TableRow) => boolean): RuleFinding[] {
  const findings: RuleFinding[] = [];
  rowsOf(tables, table).forEach((row, index) => {
    if (breaks(row)) findings.push(...findingsAt(table, index, columns));
  });
  return findings;
}

/** Temporary placement codes (T0 to T4). */
export const TEMPORARY_PLACEMENTS: ReadonlySet<string> = new Set(['T0', 'T1', 'T2', 'T3', 'T4']);
/** Short-term break (respite) legal statuses. */
export const RESPITE_STATUSES: ReadonlySet<string> = new Set(['V3', 'V4']);
