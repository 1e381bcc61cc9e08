/** Small predicates the header, placement and 6xx rules share: reading cells, dates and children. */
import { isoDateOfUkCell } from '../../../return-dates.ts';
import { cellOf, rowsOf, type ReturnTables, type TableRow } from '../../../return-tables.ts';
import type { RuleFinding, ValidationContext, ValidationRule } from '../../../validation-rule.ts';
import { firstRowByChildOf, positionsByChildOf } from '../table-index.ts';

export type Check = ValidationRule['check'];
/** A rule's check, or its checks by the collection year from which each applies (when DfE changed what the rule does). */
export type Checks = Check | readonly { from: string; check: Check }[];
export type { ReturnTables, TableRow, RuleFinding, ValidationContext };
export { cellOf as cell, rowsOf as rows };

/**
 * Dates parsed so far: a return repeats the same few thousand dates across its rows and some 300
 * rules read them, so each text is parsed once. Bounded, so a long-running server does not grow it.
 */
const parsedDates = new Map<string, string | null>();

/** The ISO date of a dd/mm/yyyy cell, or null when blank or not a real date. */
export function dateOf(row: TableRow, column: string): string | null {
  const text = cellOf(row, column);
  if (text === null) return null;
  let date = parsedDates.get(text);
  if (date === undefined) {
    if (parsedDates.size > 50_000) parsedDates.clear();
    date = isoDateOfUkCell(text);
    parsedDates.set(text, date);
  }
  return date;
}

/** Whether a cell is filled in. */
export function present(row: TableRow, column: string): boolean {
  return cellOf(row, column) !== null;
}

/** Whether a cell is filled in with something that is not a real dd/mm/yyyy date. */
export function presentButNotADate(row: TableRow, column: string): boolean {
  return present(row, column) && dateOf(row, column) === null;
}

/** The cell's value compared as DfE's codes are: a number written 1.0 reads as 1. */
export function code(row: TableRow, column: string): string | null {
  const value = cellOf(row, column);
  if (value === null) return null;
  const trimmed = value.trim();
  return /^-?\d+\.0+$/.test(trimmed) ? trimmed.replace(/\.0+$/, '') : trimmed;
}

/** Whether a row's code in `column` is one of `codes`. */
export function codeIn(row: TableRow, column: string, codes: ReadonlySet<string> | readonly string[]): boolean {
  const value = code(row, column);
  if (value === null) return false;
  return Array.isArray(codes) ? codes.includes(value) : (codes as ReadonlySet<string>).has(value);
}

/** One finding per named column for each row of `table` that `breaks`. */
export function flagRows(tables: ReturnTables, table: string, columns: readonly string[], breaks: (row: TableRow, index: number) => boolean): RuleFinding[] {
  const findings: RuleFinding[] = [];
  rowsOf(tables, table).forEach((row, index) => {
    if (breaks(row, index)) for (const column of columns) findings.push({ table, row: index, column });
  });
  return findings;
}

/** Findings for the given row positions of a table. */
export function findingsAt(table: string, positions: Iterable<number>, column: string): RuleFinding[] {
  return [...new Set(positions)].sort((a, b) => a - b).map((row) => ({ table, row, column }));
}

/** A table's row positions by child (the CHILD column), built once per validation and shared. */
export function positionsByChild(tables: ReturnTables, table: string): ReadonlyMap<string, readonly number[]> {
  return positionsByChildOf(rowsOf(tables, table), false);
}

/** The first row of a table for each child (Header, OC2, OC3, AD1 hold one row per child). */
export function firstRowByChild(tables: ReturnTables, table: string): ReadonlyMap<string, TableRow> {
  return firstRowByChildOf(rowsOf(tables, table), false);
}

/** The date `years` years after an ISO date; 29 February moves to 28 February in a common year. */
export function addYears(isoDate: string, years: number): string {
  const year = Number(isoDate.slice(0, 4)) + years;
  let monthDay = isoDate.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (monthDay === '02-29' && !leap) monthDay = '02-28';
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/** The date `days` days after (or before, when negative) an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The child's age in whole years on a date. */
export function ageOn(dateOfBirth: string, date: string): number {
  let age = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  if (date.slice(5) < dateOfBirth.slice(5)) age -= 1;
  return age;
}

/** Whether the table is in the return. */
export function has(tables: ReturnTables, ...names: string[]): boolean {
  return names.every((name) => tables[name] !== undefined);
}

/**
 * Whether a cell was given at all, even empty: a code list check treats an empty string (as an XML
 * element with no text reads) as a wrong code, as DfE's tool does, and only a missing value as blank.
 */
export function given(row: TableRow, column: string): boolean {
  const value = row[column];
  return value !== undefined && value !== null;
}

/** A check that an optional coded cell, where given, holds one of `codes`. */
export function optionalCode(table: string, column: string, codes: readonly string[]): Check {
  return (tables) => flagRows(tables, table, [column], (row) => given(row, column) && !codeIn(row, column, codes));
}
