/**
 * Small shared pieces of this group's rules: building a rule from DfE's words, reading dates and
 * codes from cells, indexing rows by child once per check, and reporting rows.
 */
import { addMonths, isIsoDate } from '../../../../../platform/calendar/calendar.ts';
import { isoDateOfUkCell } from '../../../return-dates.ts';
import { cellOf, rowsOf, type Cell, type ReturnTables, type TableRow } from '../../../return-tables.ts';
import type { RuleFinding, ValidationContext, ValidationRule } from '../../../validation-rule.ts';
import { indexedRowsOf, positionsByChildOf, rowGroupsByChildOf, type IndexedRow } from '../table-index.ts';
import { ruleTexts } from './rule-texts.ts';

export type Check = ValidationRule['check'];

interface RuleYears {
  from?: string;
  until?: string;
  /** When DfE's list names other tables for this version than for the rule's first year. */
  tables?: readonly string[];
}

/** A rule of this group with DfE's message, fields and tables; in force from 2022-23 unless told. */
export function ruleOf(code: string, check: Check, years: RuleYears = {}): ValidationRule {
  const text = ruleTexts[code];
  if (text === undefined) throw new Error(`No rule list entry for SSDA903 rule ${code}`);
  return {
    code, kind: 'ssda903', severity: 'error', message: text.message, fields: text.fields,
    tables: years.tables ?? text.tables, from: years.from ?? '2022-23',
    ...(years.until === undefined ? {} : { until: years.until }), check,
  };
}

/** Cells already read as dates: a return repeats the same few thousand dates across its rows and rules. */
const datesOfCells = new Map<string, string | null>();
const MAX_REMEMBERED_DATES = 100_000;

/**
 * The ISO date in a cell: dd/mm/yyyy as the files carry it, or already ISO (a return produced
 * inside Safeguard or re-read from the validator's own frames); null when blank or not a date.
 */
export function dateIn(row: TableRow, column: string): string | null {
  const cell = cellOf(row, column);
  if (cell === null) return null;
  const known = datesOfCells.get(cell);
  if (known !== undefined) return known;
  const date = dateOfCell(cell);
  if (datesOfCells.size >= MAX_REMEMBERED_DATES) datesOfCells.clear();
  datesOfCells.set(cell, date);
  return date;
}

function dateOfCell(cell: string): string | null {
  const uk = isoDateOfUkCell(cell);
  if (uk !== null) return uk;
  const iso = cell.trim().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isIsoDate(iso) ? iso : null;
}

/** A cell's code, trimmed; null when blank. */
export function codeIn(row: TableRow, column: string): string | null {
  const cell = cellOf(row, column);
  if (cell === null) return null;
  const trimmed = cell.trim();
  return trimmed === '' ? null : trimmed;
}

export const isBlank = (row: TableRow, column: string): boolean => codeIn(row, column) === null;

/** A row together with its position in its table. */
export type Indexed = IndexedRow;

/** The rows of a table with their positions (built once per validation and shared). */
export function indexedRows(tables: ReturnTables, table: string): readonly Indexed[] {
  return indexedRowsOf(rowsOf(tables, table));
}

/** The rows of a table grouped by child (rows with no CHILD are left out), built once per validation and shared. */
export function byChild(tables: ReturnTables, table: string): ReadonlyMap<string, readonly Indexed[]> {
  return rowGroupsByChildOf(rowsOf(tables, table));
}

/** The set of children named in a table. */
export function childrenIn(tables: ReturnTables, table: string): ReadonlySet<string> {
  return new Set(positionsByChildOf(rowsOf(tables, table), true).keys());
}

/** One finding per column for each row position given, in row order, each row once. */
export function findings(table: string, rows: Iterable<number>, columns: readonly string[]): RuleFinding[] {
  const unique = [...new Set(rows)].sort((a, b) => a - b);
  return unique.flatMap((row) => columns.map((column) => ({ table, row, column })));
}

/** A rule that looks at each row of one table alone. */
export function eachRow(table: string, columns: readonly string[], fails: (row: TableRow, context: ValidationContext) => boolean): Check {
  return (tables, context) => findings(table, indexedRows(tables, table).filter(({ row }) => fails(row, context)).map(({ index }) => index), columns);
}

/** The episode with the earliest start (the first in the table among equals), or undefined when none has a start date. */
export function earliestBy(rows: readonly Indexed[], column: string): Indexed | undefined {
  let best: Indexed | undefined;
  let bestDate: string | null = null;
  for (const entry of rows) {
    const date = dateIn(entry.row, column);
    if (date !== null && (bestDate === null || date < bestDate)) { best = entry; bestDate = date; }
  }
  return best;
}

/** The episode with the latest start (the first in the table among equals), or undefined when none has a start date. */
export function latestBy(rows: readonly Indexed[], column: string): Indexed | undefined {
  let best: Indexed | undefined;
  let bestDate: string | null = null;
  for (const entry of rows) {
    const date = dateIn(entry.row, column);
    if (date !== null && (bestDate === null || date > bestDate)) { best = entry; bestDate = date; }
  }
  return best;
}

/** The day someone born on `dob` turns `years` old (29 February birthdays fall on 28 February). */
export function birthday(dob: string, years: number): string {
  const key = `${dob} ${years}`;
  let day = birthdays.get(key);
  if (day === undefined) {
    if (birthdays.size >= MAX_REMEMBERED_DATES) birthdays.clear();
    day = addMonths(dob, 12 * years);
    birthdays.set(key, day);
  }
  return day;
}

const birthdays = new Map<string, string>();

/** Orders ISO dates (and other plain text) by their characters, faster than a locale's collation. */
export const byText = (left: string, right: string): number => (left < right ? -1 : left > right ? 1 : 0);

/** Whole years of age on a date. */
export function ageOn(dob: string, date: string): number {
  let age = Number(date.slice(0, 4)) - Number(dob.slice(0, 4));
  if (date.slice(5) < dob.slice(5)) age -= 1;
  return age;
}

/** A cell's text for comparing two cells as the files carry them (blank equals blank). */
export const textOf = (cell: Cell): string => (cell ?? '').trim();
