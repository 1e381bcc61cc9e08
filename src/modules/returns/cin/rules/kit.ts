/**
 * Small shared pieces of the CIN census rules: reading cells, indexing rows once per check by the
 * child (LAchildID) or the CIN episode (LAchildID + CINdetailsID), and recording findings. A rule
 * indexes what it needs into Maps once, so a census of thousands of children is checked in one
 * pass per table rather than by scanning one table for each row of another.
 */
import { isoDateOfIsoCell } from '../../return-dates.ts';
import { cellOf, rowsOf, type Cell, type ReturnTables, type TableRow } from '../../return-tables.ts';
import type { IssueSeverity, RuleFinding, ValidationContext, ValidationRule } from '../../validation-rule.ts';

export type Check = (tables: ReturnTables, context: ValidationContext) => RuleFinding[];

/** A row with its position in its table, so a finding can point back at it. */
export interface Located { row: TableRow; at: number }

export interface CinRuleSpec {
  code: string;
  severity: IssueSeverity;
  message: string;
  fields: readonly string[];
  tables: readonly string[];
  from: string;
  until?: string;
}

/** A CIN census rule from its description and its check. */
export function cinRule(spec: CinRuleSpec, check: Check): ValidationRule {
  return { ...spec, kind: 'cin', check };
}

/** Tables' rows with their positions, made once per table and shared by every rule that reads it (tables are not changed). */
const locatedRows = new WeakMap<readonly TableRow[], readonly Located[]>();

/** The rows of a table with their positions. */
export function located(tables: ReturnTables, table: string): readonly Located[] {
  const rows = rowsOf(tables, table);
  let found = locatedRows.get(rows);
  if (found === undefined) {
    found = rows.map((row, at) => ({ row, at }));
    locatedRows.set(rows, found);
  }
  return found;
}

export const text = (row: TableRow, column: string): Cell => {
  const value = cellOf(row, column);
  return value === null ? null : value.trim() === '' ? null : value.trim();
};

/**
 * Dates already read, by cell text: a census repeats the same few hundred dates across thousands
 * of rows, and the rules read each many times.
 */
const datesRead = new Map<string, string | null>();

/** A cell's ISO date, or null when blank or not a date. */
export function dateIn(row: TableRow, column: string): string | null {
  const cell = cellOf(row, column);
  if (cell === null) return null;
  let date = datesRead.get(cell);
  if (date === undefined) {
    if (datesRead.size > 50_000) datesRead.clear();
    date = isoDateOfIsoCell(cell);
    datesRead.set(cell, date);
  }
  return date;
}

export const childOf = (row: TableRow): string => text(row, 'LAchildID') ?? '';
/** The CIN episode a row belongs to: its child and its CINdetailsID together. */
export const episodeOf = (row: TableRow): string => `${childOf(row)}\u0000${text(row, 'CINdetailsID') ?? ''}`;
/** The child protection plan a row belongs to. */
export const planOf = (row: TableRow): string => `${episodeOf(row)}\u0000${text(row, 'CPPID') ?? ''}`;

/** Rows grouped by a key, in table order. */
export function groupBy(rows: readonly Located[], key: (row: TableRow) => string): Map<string, Located[]> {
  const groups = new Map<string, Located[]>();
  for (const item of rows) {
    const k = key(item.row);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Flags (true/false) as the census writes them: 1/0, and true/false as some systems do. */
export const isTrue = (cell: Cell): boolean => cell !== null && ['1', 'true'].includes(cell.trim().toLowerCase());
export const isFalse = (cell: Cell): boolean => cell !== null && ['0', 'false'].includes(cell.trim().toLowerCase());

/** Collects findings, one per (table, row, column), in the order found. */
export class Findings {
  private readonly seen = new Set<string>();
  readonly list: RuleFinding[] = [];

  flag(table: string, at: number, ...columns: string[]): this {
    for (const column of columns) {
      const key = `${table}\u0000${at}\u0000${column}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.list.push({ table, row: at, column });
    }
    return this;
  }

  /** A finding about the return as a whole. */
  whole(table: string, column?: string): this {
    this.list.push(column === undefined ? { table } : { table, column });
    return this;
  }
}

/** Rows of one table whose own cells break a rule: the usual single-table check. */
export function eachRow(table: string, columns: readonly string[], breaks: (row: TableRow, context: ValidationContext) => boolean): Check {
  return (tables, context) => {
    const findings = new Findings();
    for (const { row, at } of located(tables, table)) if (breaks(row, context)) findings.flag(table, at, ...columns);
    return findings.list;
  };
}

/** Whether an ISO date lies within the collection year (1 April to 31 March, inclusive). */
export const inYear = (date: string, context: ValidationContext): boolean =>
  date >= context.collectionYear.start && date <= context.collectionYear.end;

/** The first row of each key: a child's row by LAchildID, an episode's by its key. */
function firstByKey(rows: readonly Located[], key: (row: TableRow) => string): Map<string, Located> {
  const first = new Map<string, Located>();
  for (const item of rows) if (!first.has(key(item.row))) first.set(key(item.row), item);
  return first;
}

/** The children's rows (ChildIdentifiers) by LAchildID. */
export const childrenById = (tables: ReturnTables): Map<string, Located> => firstByKey(located(tables, 'ChildIdentifiers'), childOf);

/** The episodes' rows (CINdetails) by child and CINdetailsID. */
export const episodesByKey = (tables: ReturnTables): Map<string, Located> => firstByKey(located(tables, 'CINdetails'), episodeOf);

/** Child protection plans by child, episode and CPPID. */
export const plansByKey = (tables: ReturnTables): Map<string, Located> => firstByKey(located(tables, 'ChildProtectionPlans'), planOf);

/** The codes of an assessment's factors cell (comma-joined). */
export const factorsOf = (row: TableRow): string[] =>
  (text(row, 'AssessmentFactors') ?? '').split(',').map((code) => code.trim()).filter((code) => code !== '');

/** Saturday or Sunday. */
export const isWeekend = (date: string): boolean => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/**
 * Whether `start` was more than `n` working days before the reference date: DfE counts the
 * working days after the start date, so the deadline is addWorkingDays(start, n) (day 0 is the
 * start date itself), and work still open after it is late.
 */
export const moreThanWorkingDaysBeforeEnd = (start: string, n: number, context: ValidationContext): boolean =>
  context.calendar.addWorkingDays(start, n) < context.collectionYear.end;

/**
 * Pairs of periods where the later-starting one starts before the earlier one ends (an open
 * period, end null, runs on). Periods starting the same day overlap both ways; one starting the
 * day another ends does not overlap it.
 */
export function overlappingPairs<T>(periods: readonly { item: T; start: string; end: string | null }[], onPair: (earlier: T, later: T) => void): void {
  for (const a of periods) {
    for (const b of periods) {
      if (a === b || b.start < a.start) continue;
      if (a.end === null || b.start < a.end) onPair(a.item, b.item);
    }
  }
}
