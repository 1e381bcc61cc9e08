/**
 * The returns' engine: folds every child's record from the event log as it stood at a return's
 * cut-off, hands each child's state to the return (statutory-return.ts, annex-a/index.ts) for
 * their rows, and makes the files, the issues DfE's rules find and the schema's verdict. It also
 * reads and validates a return made by any system, and says which issues a child's data raises now.
 *
 * It names no return's internals: everything about a return comes through its contract.
 */
import type pg from 'pg';
import { addMonths, createCalendar, type Calendar } from '../../platform/calendar/calendar.ts';
import { todayInLondon } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { FoldError, foldChildRecord, type LoggedEvent } from '../../record/fold.ts';
import { annexA, type AnnexARows, type AnnexAWindow } from './annex-a/index.ts';
import type { ReturnsChildState } from './child-state.ts';
import { collectionYear, collectionYearContaining, type CollectionYear } from './collection-year.ts';
import type { ReturnTable, ReturnTables, TableRow } from './return-tables.ts';
import { statutoryReturns } from './returns.ts';
import type { ReadReturn, ReturnFile, ReturnHeaderFacts, StatutoryReturn } from './statutory-return.ts';
import { rulesInForce, validateReturn, type ReturnIssue, type ReturnKind, type ValidationContext } from './validation-rule.ts';

/** Where a produce has got to: children folded of those in the log by the cut-off. */
export interface ReturnProgress {
  stage: string;
  done: number;
  total: number;
}
export type OnReturnProgress = (progress: ReturnProgress) => void;

/** What the engine reads: the council's database and who it is. */
export interface ReturnsEngine {
  pool: pg.Pool;
  /** The council's LA number, as the returns carry it ('206'): the configured LA code. */
  laCode: string;
  /** Working days and bank holidays (the same as the timescales'); England and Wales' when not given. */
  calendar?: Calendar;
  /** Today in London (the clock when not given). */
  today?: () => string;
  /** When the return is produced (the clock when not given): written in its header. */
  now?: () => Date;
}

/** An issue with the child whose row it is on, as the child's id in Safeguard (the return's own id column may be blank or wrong). */
export interface LocatedIssue extends ReturnIssue {
  childId: string | null;
}

/** A child whose record could not be folded to the cut-off: left out of the return, and said so. */
export interface FoldProblem {
  childId: string;
  message: string;
}

export interface ProducedReturn {
  kind: ReturnKind;
  year: string;
  files: ReturnFile[];
  issues: LocatedIssue[];
  schemaErrors: { file: string; line: number | null; message: string }[];
  /** Every child in the return, in child order: downloading it is reading each of them. */
  childIds: string[];
  problems: FoldProblem[];
}

export interface ProducedAnnexA {
  window: AnnexAWindow;
  file: { name: string; mediaType: string; contents: Uint8Array };
  childIds: string[];
  problems: FoldProblem[];
}

/** Who made the return, as its header says. */
export const SOFTWARE_CODE = 'Safeguard';
export const SOFTWARE_RELEASE = '0.1.0';

/** Log rows fetched at a time: enough to keep the database busy, few enough to bound memory. */
const FETCH_ROWS = 5000;

/** Children read a batch at a time where the database has one connection (the embedded one). */
const BATCH_CHILDREN = 500;

type LogRow = [string, string, string, string, string, boolean, string, string | null, string];
const LOG_COLUMNS = `e.child_id, e.event_id::text, e.sequence, e.event_type, e.occurred_at, e.occurred_on <= $2::date AS in_time,
  to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), e.supersedes::text, e.data::text`;

/**
 * Folds each child's record from the log as it stood on `cutOff`: the events whose business date
 * is on or before it, and every correction and void of those (whenever dated, since a correction
 * stands in the place of what it corrects). The log is read in child order, a batch of rows at a
 * time; `onChild` is given each child's folded state as soon as their events are read.
 *
 * On a database server the log is read through a cursor in one read-only snapshot. The embedded
 * database has one connection, and a transaction held on it would stop every other request for as
 * long as the fold takes (minutes, for a large council): there, the children are read a batch at a
 * time, each batch a query of its own, so that the web app answers between them.
 */
export async function foldChildrenUpTo(
  engine: Pick<ReturnsEngine, 'pool' | 'laCode'>,
  cutOff: string,
  onChild: (state: ReturnsChildState) => void,
  options: { childIds?: readonly string[]; onProgress?: (done: number, total: number) => void } = {},
): Promise<FoldProblem[]> {
  const problems: FoldProblem[] = [];
  const only = options.childIds === undefined ? null : [...options.childIds];
  const kept = `e.la_code = $1 AND ($3::text[] IS NULL OR e.child_id = ANY($3::text[]))
                AND (e.occurred_on <= $2::date OR e.event_type = 'event.voided' OR e.supersedes IS NOT NULL)`;
  const childrenSql = `SELECT DISTINCT e.child_id FROM child_event e WHERE ${kept} AND e.occurred_on <= $2::date ORDER BY 1`;
  let done = 0;
  let total = 0;
  let childId: string | null = null;
  let events: (LoggedEvent & { inTime: boolean })[] = [];
  const foldCurrent = () => {
    if (childId === null) return;
    const logged = eventsOnRecordBy(events);
    if (logged.length > 0) {
      try {
        onChild(foldChildRecord(engine.laCode, childId, logged).state as unknown as ReturnsChildState);
      } catch (error) {
        if (!(error instanceof FoldError)) throw error;
        problems.push({ childId, message: `Their record as it stood on ${cutOff} does not fold: ${error.message}` });
      }
      done += 1;
      if (done % 100 === 0) options.onProgress?.(done, total);
    }
    events = [];
  };
  const take = (rows: readonly unknown[][]) => {
    for (const row of rows) {
      const [rowChild, eventId, sequence, type, occurredAt, inTime, recordedAt, supersedes, data] = row as LogRow;
      if (rowChild !== childId) {
        foldCurrent();
        childId = rowChild;
      }
      events.push({
        eventId, sequence: Number(sequence), type, occurredAt, recordedAt, data: JSON.parse(data), inTime,
        ...(supersedes === null ? {} : { supersedes }),
      } as LoggedEvent & { inTime: boolean });
    }
  };

  const oneConnection = (engine.pool as { options?: { max?: number } }).options?.max === 1;
  if (oneConnection) {
    const children = (await engine.pool.query<{ child_id: string }>(childrenSql, [engine.laCode, cutOff, only])).rows.map((row) => row.child_id);
    total = children.length;
    options.onProgress?.(0, total);
    for (let from = 0; from < children.length; from += BATCH_CHILDREN) {
      const batch = children.slice(from, from + BATCH_CHILDREN);
      const fetched = await engine.pool.query<unknown[]>({
        text: `SELECT ${LOG_COLUMNS} FROM child_event e WHERE ${kept} AND e.child_id = ANY($4::text[]) ORDER BY e.child_id, e.sequence`,
        values: [engine.laCode, cutOff, only, batch], rowMode: 'array',
      });
      take(fetched.rows);
    }
    foldCurrent();
    options.onProgress?.(total, total);
    return problems;
  }

  const client = await engine.pool.connect();
  try {
    // One snapshot for the count and the cursor, so the progress' total is the children folded.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    total = Number((await client.query(`SELECT count(*) AS n FROM (${childrenSql}) c`, [engine.laCode, cutOff, only])).rows[0]!.n);
    options.onProgress?.(0, total);
    await client.query(`DECLARE returns_fold NO SCROLL CURSOR FOR SELECT ${LOG_COLUMNS} FROM child_event e WHERE ${kept} ORDER BY e.child_id, e.sequence`, [engine.laCode, cutOff, only]);
    for (;;) {
      const fetched = await client.query<unknown[]>({ text: `FETCH ${FETCH_ROWS} FROM returns_fold`, rowMode: 'array' });
      take(fetched.rows);
      if (fetched.rows.length < FETCH_ROWS) break;
    }
    foldCurrent();
    await client.query('CLOSE returns_fold');
    await client.query('COMMIT');
    options.onProgress?.(total, total);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return problems;
}

/**
 * The events of a child's log that make their record on the cut-off: those dated by then, and the
 * corrections and voids of those. A correction or void of an event dated after it has nothing to
 * stand for, so it is left out too (in log order, so a void of such a correction goes with it).
 */
function eventsOnRecordBy(events: readonly (LoggedEvent & { inTime: boolean })[]): LoggedEvent[] {
  const kept = new Set<string>();
  const logged: LoggedEvent[] = [];
  for (const { inTime, ...event } of events) {
    const target = event.type === 'event.voided' ? (event.data as { voidedEventId: string }).voidedEventId : event.supersedes;
    const keep = target === undefined ? inTime : kept.has(target);
    if (!keep) continue;
    kept.add(event.eventId);
    logged.push(event as LoggedEvent);
  }
  return logged;
}

/** The return of a kind (refused, naming the field, for any other). */
export function statutoryReturnOf(kind: string, field = 'kind'): StatutoryReturn {
  const found = (statutoryReturns as Record<string, StatutoryReturn | undefined>)[kind];
  if (!found) throw DomainError.invalidField(field, `Choose a return: ${Object.keys(statutoryReturns).join(' or ')}, not ${JSON.stringify(kind)}`);
  return found;
}

/**
 * The tables being filled, with which child each row is: the header rows first (no child), then
 * each child's rows in the order they are added.
 */
class TablesBeingFilled {
  private readonly tables = new Map<string, { columns: readonly string[]; rows: TableRow[]; owners: (string | null)[] }>();
  constructor(columnsOf: Readonly<Record<string, readonly string[]>>) {
    for (const [name, columns] of Object.entries(columnsOf)) this.tables.set(name, { columns, rows: [], owners: [] });
  }
  add(rowsByTable: Readonly<Record<string, readonly TableRow[]>>, owner: string | null): void {
    for (const [name, rows] of Object.entries(rowsByTable)) {
      if (!this.tables.has(name)) this.tables.set(name, { columns: Object.keys(rows[0] ?? {}), rows: [], owners: [] });
      const table = this.tables.get(name)!;
      for (const row of rows) {
        table.rows.push(row);
        table.owners.push(owner);
      }
    }
  }
  get returnTables(): ReturnTables {
    return Object.fromEntries([...this.tables].map(([name, table]) => [name, { columns: table.columns, rows: table.rows } satisfies ReturnTable]));
  }
  ownerOf(table: string, row: number | null): string | null {
    return row === null ? null : (this.tables.get(table)?.owners[row] ?? null);
  }
}

function headerFacts(engine: Pick<ReturnsEngine, 'laCode' | 'now'>, year: CollectionYear): ReturnHeaderFacts {
  return { collectionYear: year, laNumber: engine.laCode, producedAt: (engine.now?.() ?? new Date()).toISOString(), softwareCode: SOFTWARE_CODE, release: SOFTWARE_RELEASE };
}

function validationContext(engine: Pick<ReturnsEngine, 'laCode' | 'calendar'>, year: CollectionYear, fileFormat?: 'csv' | 'xml'): ValidationContext {
  return { collectionYear: year, laNumber: engine.laCode, calendar: engine.calendar ?? createCalendar(), ...(fileFormat ? { fileFormat } : {}) };
}

/** A year the return can produce (refused, naming the field, for one it does not know). */
function producibleYear(statutoryReturn: StatutoryReturn, label: string, field = 'year'): CollectionYear {
  const year = collectionYear(label, field);
  if (!statutoryReturn.years.includes(year.label)) {
    throw DomainError.invalidField(field, `The ${statutoryReturn.title} can be produced for ${statutoryReturn.years.join(', ')}: not for ${year.label}`);
  }
  return year;
}

/**
 * A year's return, produced from the record: every child's record folded to the year's end, their
 * rows in child order after the header's, its files, the issues DfE's rules in force that year
 * find (each with the child whose row it is on), and its schema's verdict where it has one.
 */
export async function produceReturn(engine: ReturnsEngine, kind: ReturnKind, yearLabel: string, onProgress?: OnReturnProgress): Promise<ProducedReturn> {
  const statutoryReturn = statutoryReturnOf(kind);
  const year = producibleYear(statutoryReturn, yearLabel);
  const facts = headerFacts(engine, year);
  const tables = new TablesBeingFilled(statutoryReturn.tablesOf(year));
  tables.add(statutoryReturn.headerRows(facts), null);
  const childIds: string[] = [];
  let folded = 0;
  const problems = await foldChildrenUpTo(engine, year.end, (state) => {
    const rows = statutoryReturn.rowsOfChild(state, year);
    if (rows === null) return;
    childIds.push(state.childId);
    tables.add(rows, state.childId);
  }, { onProgress: (done, total) => { folded = total; onProgress?.({ stage: 'Reading children\'s records', done, total }); } });

  onProgress?.({ stage: 'Writing and validating the return', done: folded, total: folded });
  const returnTables = tables.returnTables;
  const files = statutoryReturn.write(returnTables, facts);
  const issues = validatedIssues(statutoryReturn, returnTables, year, validationContext(engine, year, kind === 'ssda903' ? 'csv' : undefined))
    .map((issue) => ({ ...issue, childId: tables.ownerOf(issue.table, issue.row) }));
  const schemaErrors = await schemaErrorsOf(statutoryReturn, files, year);
  return { kind, year: year.label, files, issues, schemaErrors, childIds, problems };
}

/** The issues the return's rules in force in `rulesYear` find, once the return has derived what DfE's validator derives. */
function validatedIssues(statutoryReturn: StatutoryReturn, tables: ReturnTables, rulesYear: CollectionYear, context: ValidationContext): ReturnIssue[] {
  const prepared = statutoryReturn.prepareForValidation?.(tables, context) ?? tables;
  return validateReturn(prepared, rulesInForce(statutoryReturn.rules, rulesYear), context);
}

async function schemaErrorsOf(statutoryReturn: StatutoryReturn, files: readonly ReturnFile[], year: CollectionYear) {
  const errors: ProducedReturn['schemaErrors'] = [];
  if (!statutoryReturn.schemaCheck) return errors;
  for (const file of files.filter(isXml)) {
    const checked = await statutoryReturn.schemaCheck(file, year);
    for (const error of checked.errors) errors.push({ file: file.name, ...error });
  }
  return errors;
}

/** The twelve months to a date: from the day after the same date a year before, to it. */
export function annexAWindowTo(asAt: string): AnnexAWindow {
  const yearBefore = addMonths(asAt, -12);
  const next = new Date(`${yearBefore}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { from: next.toISOString().slice(0, 10), asAt };
}

/** Ofsted's Annex A as at a date: every child's record folded to it, their rows of each list, as a workbook. */
export async function produceAnnexA(engine: ReturnsEngine, asAt: string, onProgress?: OnReturnProgress): Promise<ProducedAnnexA> {
  const window = annexAWindowTo(asAt);
  const rows: Record<string, (string | number | null)[][]> = Object.fromEntries(annexA.lists.map((list) => [list.sheet, []]));
  const childIds: string[] = [];
  let folded = 0;
  const problems = await foldChildrenUpTo(engine, asAt, (state) => {
    let listed = false;
    for (const [sheet, childRows] of Object.entries(annexA.rowsOfChild(state, window))) {
      if (childRows.length === 0) continue;
      listed = true;
      (rows[sheet] ??= []).push(...childRows.map((row) => [...row]));
    }
    if (listed) childIds.push(state.childId);
  }, { onProgress: (done, total) => { folded = total; onProgress?.({ stage: 'Reading children\'s records', done, total }); } });
  onProgress?.({ stage: 'Writing the workbook', done: folded, total: folded });
  const contents = await annexA.workbook(rows as AnnexARows, window);
  return {
    window, childIds, problems,
    file: { name: `annex-a-${asAt}.xlsx`, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contents },
  };
}

const isXml = (file: ReturnFile) => /\.xml$/i.test(file.name) || file.contents.trimStart().startsWith('<');

/** The kind of a return from its files: an XML file whose root is a CIN census Message is the CIN census; CSV files or any other XML, SSDA903. */
export function kindOfFiles(files: readonly ReturnFile[]): ReturnKind {
  const xml = files.find(isXml);
  if (xml && /^(?:\s|<\?[^>]*\?>|<!--[\s\S]*?-->)*<(?:\w+:)?Message[\s>]/.test(xml.contents)) return 'cin';
  return 'ssda903';
}

export interface ValidatedUpload {
  kind: ReturnKind;
  year: string;
  issues: ReturnIssue[];
  schemaErrors: { file: string; line: number | null; message: string }[];
  problems: ReadReturn['problems'];
  /** The rows read of each table, so that a person can see what was checked. */
  rowsRead: Record<string, number>;
}

/**
 * A return made by any system, read and validated: its kind from its files (or as given), its year
 * from the file (or as given: SSDA903 CSV files do not say theirs), the issues DfE's rules find,
 * its schema's errors, and what could not be read.
 */
export async function validateUpload(engine: Pick<ReturnsEngine, 'laCode' | 'calendar'>, files: readonly ReturnFile[], kind?: ReturnKind, yearLabel?: string): Promise<ValidatedUpload> {
  if (files.length === 0) throw DomainError.invalidField('files', 'Select the return\'s file: one XML file, or the SSDA903 CSV files');
  const chosenKind = kind ?? kindOfFiles(files);
  const statutoryReturn = statutoryReturnOf(chosenKind);
  const given = yearLabel === undefined || yearLabel === '' ? null : collectionYear(yearLabel, 'year');
  const read = statutoryReturn.read(files);
  const year = read.collectionYear ?? given;
  if (year === null) {
    throw DomainError.invalidField('year', `Enter the collection year the return is for, like 2024-25: ${chosenKind === 'ssda903' ? 'SSDA903 CSV files do not say it' : 'the file does not say it'}`);
  }
  const fileFormat = files.some(isXml) ? 'xml' : 'csv';
  const issues = validatedIssues(statutoryReturn, read.tables, year, validationContext(engine, year, chosenKind === 'ssda903' ? fileFormat : undefined));
  const schemaErrors = await schemaErrorsOf(statutoryReturn, files, year);
  const rowsRead = Object.fromEntries(Object.entries(read.tables).map(([name, table]) => [name, table.rows.length]));
  return { kind: chosenKind, year: year.label, issues, schemaErrors, problems: read.problems, rowsRead };
}

/** A child's live issues in one return. */
export interface ChildReturnIssues {
  kind: ReturnKind;
  title: string;
  /** The collection year whose return the child's data fills. */
  year: string;
  /** The year whose rules were run: the latest the return knows when the current year is beyond them. */
  rulesYear: string;
  /** Said when the rules are not the current year's. */
  note: string | null;
  /** Whether the child is in the year's return at all. */
  inReturn: boolean;
  issues: ReturnIssue[];
}

/**
 * The rules' year for a collection year: its own when the return knows it, else the latest it
 * knows (so that a child's data is still checked in a year DfE has not yet published rules for).
 */
function rulesYearFor(statutoryReturn: StatutoryReturn, year: CollectionYear): { rulesYear: CollectionYear; note: string | null } {
  if (statutoryReturn.years.includes(year.label) || statutoryReturn.years.length === 0) return { rulesYear: year, note: null };
  const latest = statutoryReturn.years.at(-1)!;
  if (latest > year.label) return { rulesYear: year, note: null };
  return {
    rulesYear: collectionYear(latest),
    note: `Checked with the ${latest} rules: the ${statutoryReturn.title} for ${year.label} is not yet known to Safeguard`,
  };
}

/**
 * The issues a child's rows raise in a year's return, kind by kind: their rows alone with the
 * header, run against the rules in force, leaving out what is about the return as a whole (a rule
 * with no row) and what is on the header.
 */
export function issuesOfChild(engine: Pick<ReturnsEngine, 'laCode' | 'calendar' | 'now'>, state: ReturnsChildState, year: CollectionYear): ChildReturnIssues[] {
  return Object.values(statutoryReturns).map((statutoryReturn) => {
    const { rulesYear, note } = rulesYearFor(statutoryReturn, year);
    const tableYear = note === null ? year : rulesYear;
    const rows = statutoryReturn.rowsOfChild(state, year);
    const base = { kind: statutoryReturn.kind, title: statutoryReturn.title, year: year.label, rulesYear: rulesYear.label, note };
    if (rows === null) return { ...base, inReturn: false, issues: [] };
    const tables = new TablesBeingFilled(statutoryReturn.tablesOf(tableYear));
    tables.add(statutoryReturn.headerRows(headerFacts(engine, year)), null);
    tables.add(rows, state.childId);
    const issues = validatedIssues(statutoryReturn, tables.returnTables, rulesYear, validationContext(engine, year, statutoryReturn.kind === 'ssda903' ? 'csv' : undefined))
      .filter((issue) => tables.ownerOf(issue.table, issue.row) === state.childId);
    return { ...base, inReturn: true, issues };
  });
}

/** The live issues of one child: their record folded to today, in the current collection year. */
export async function liveIssuesOfChild(engine: ReturnsEngine, childId: string): Promise<{ childId: string; asAt: string; returns: ChildReturnIssues[] } | null> {
  const today = (engine.today ?? todayInLondon)();
  const year = collectionYearContaining(today);
  let found: ReturnsChildState | undefined;
  await foldChildrenUpTo(engine, today, (state) => { found = state; }, { childIds: [childId] });
  if (found === undefined) return null;
  return { childId, asAt: today, returns: issuesOfChild(engine, found, year) };
}

/** An open issue on the worklist: a rule a child's row breaks in the current year's return. */
export interface OpenIssue extends LocatedIssue {
  kind: ReturnKind;
}

/**
 * The current year's CIN census and SSDA903, filled from one fold of every child's record to the
 * year's end, and the issues on children's rows (each return checked with its rules for the year,
 * or its latest when the year is beyond them).
 */
export async function openIssuesOfYear(engine: ReturnsEngine, year: CollectionYear): Promise<{ issues: OpenIssue[]; notes: string[] }> {
  const notes: string[] = [];
  const filling = Object.values(statutoryReturns).map((statutoryReturn) => {
    const { rulesYear, note } = rulesYearFor(statutoryReturn, year);
    if (note) notes.push(note);
    const tables = new TablesBeingFilled(statutoryReturn.tablesOf(note === null ? year : rulesYear));
    tables.add(statutoryReturn.headerRows(headerFacts(engine, year)), null);
    return { statutoryReturn, rulesYear, tables };
  });
  await foldChildrenUpTo(engine, year.end, (state) => {
    for (const { statutoryReturn, tables } of filling) {
      const rows = statutoryReturn.rowsOfChild(state, year);
      if (rows !== null) tables.add(rows, state.childId);
    }
  });
  const issues: OpenIssue[] = [];
  for (const { statutoryReturn, rulesYear, tables } of filling) {
    const context = validationContext(engine, year, statutoryReturn.kind === 'ssda903' ? 'csv' : undefined);
    for (const issue of validatedIssues(statutoryReturn, tables.returnTables, rulesYear, context)) {
      const childId = tables.ownerOf(issue.table, issue.row);
      if (childId !== null) issues.push({ ...issue, childId, kind: statutoryReturn.kind });
    }
  }
  return { issues, notes };
}

/** Issues counted by rule, most first: what a produce's summary and its page show. */
export function issueCountsByRule(issues: readonly ReturnIssue[]): { code: string; severity: ReturnIssue['severity']; message: string; count: number }[] {
  const byRule = new Map<string, { code: string; severity: ReturnIssue['severity']; message: string; count: number }>();
  for (const issue of issues) {
    const entry = byRule.get(issue.code) ?? { code: issue.code, severity: issue.severity, message: issue.message, count: 0 };
    entry.count += 1;
    byRule.set(issue.code, entry);
  }
  return [...byRule.values()].sort((a, b) => (a.severity === b.severity ? b.count - a.count || a.code.localeCompare(b.code) : a.severity === 'error' ? -1 : 1));
}
