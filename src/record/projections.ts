import type pg from 'pg';
import type { DomainModule } from '../modules/domain-module.ts';
import { domainModules } from '../modules/registry.ts';
import { sqlLiteral } from '../platform/database/sql-literal.ts';
import type { Duty } from '../timescales/engine.ts';
import type { ChildRecordState } from './child-record-state.ts';
import type { FoldedChildRecord } from './fold.ts';
import type { ProjectionRow, ProjectionTable } from './projection.ts';
import { recordProjections, type ProjectedChild } from './record-projections.ts';
import { involvementsOf, isRegisteredChild, statusOfInvolvements } from './transitions.ts';

/**
 * The projection tables: every module's (`projections` on DomainModule), in registry order, then
 * the record's own (record-projections.ts). Rows are built from folded records and written with
 * jsonb_to_recordset, which runs the same on PostgreSQL 15 and PGlite and needs one round trip per
 * table however many children are written.
 */
const projections: readonly ProjectionTable<ProjectedChild>[] = [
  ...(domainModules as readonly DomainModule[]).flatMap((module) => ((module.projections ?? []) as readonly ProjectionTable<ChildRecordState>[]).map((table) => ({
    ...table,
    rowsOf: (child: ProjectedChild) => table.rowsOf(child.folded.state, child),
  }))),
  ...recordProjections,
];

/** Each table's columns with their SQL types, child_id first (la_code is given apart). */
const columnsByTable = new Map(projections.map((projection) => [projection.table, { child_id: 'text', ...projection.columns } as Readonly<Record<string, string>>]));

export const projectionTables = projections.map((projection) => projection.table);
type Row = ProjectionRow;
/** Rows by table: each row with child_id, without la_code (added on write). */
export type ProjectionRows = Record<string, Row[]>;

export const emptyProjectionRows = (): ProjectionRows => Object.fromEntries(projectionTables.map((table) => [table, []]));

/** Adds one child's projection rows to `rows` (each row keyed by child_id; la_code is added on write). */
export function addProjectionRows(rows: ProjectionRows, folded: FoldedChildRecord, duties: readonly Duty[]): void {
  const { state } = folded;
  // Events for a child not (or no longer) registered project nothing.
  if (!isRegisteredChild(state)) return;
  const child_id = state.childId;
  const involvements = involvementsOf(state);
  const child: ProjectedChild = { folded, duties, involvements, status: statusOfInvolvements(involvements) };
  for (const projection of projections) {
    const tableRows = rows[projection.table]!;
    for (const row of projection.rowsOf(child, child)) tableRows.push({ child_id, ...row });
  }
}

/** Each table's primary key, less la_code. */
export const projectionKeys: Record<string, readonly string[]> = Object.fromEntries(projections.map((projection) => [projection.table, projection.key]));

/** One child's projection rows by table, each under its text: rows alike have the same text. */
export type ProjectionRowTexts = Record<string, ReadonlyMap<string, Row>>;

/** A child's projection rows from their folded record and duties, each under its text. */
export function projectionRowTextsOf(folded: FoldedChildRecord, duties: readonly Duty[]): ProjectionRowTexts {
  const rows = emptyProjectionRows();
  addProjectionRows(rows, folded, duties);
  return Object.fromEntries(projectionTables.map((table) => [table, new Map(rows[table]!.map((row) => [JSON.stringify(row), row]))]));
}

/**
 * The statements that turn one child's projection rows from `before` into `after`: rows that
 * went or changed are deleted by key, rows that came or changed are inserted; rows alike in both
 * are left alone, so an event rewrites a handful of rows rather than all the child's. `before`
 * must be what is stored: rows built from the log as it was, under the timescale settings the
 * projections were built with (a change of settings rebuilds them all).
 */
export function changeProjectionsSql(laCode: string, childId: string, before: ProjectionRowTexts, after: ProjectionRowTexts): string {
  const la = sqlLiteral(laCode);
  const statements: string[] = [];
  for (const table of projectionTables) {
    const beforeRows = before[table]!;
    const afterRows = after[table]!;
    const gone = [...beforeRows].filter(([text]) => !afterRows.has(text)).map(([, row]) => row);
    const came = [...afterRows].filter(([text]) => !beforeRows.has(text)).map(([, row]) => row);
    if (gone.length > 0) {
      const keys = projectionKeys[table]!;
      const columns = columnsByTable.get(table)!;
      const goneKeys = sqlLiteral(JSON.stringify(gone.map((row) => Object.fromEntries(keys.map((key) => [key, row[key]])))));
      statements.push(`DELETE FROM ${table} WHERE la_code = ${la} AND child_id = ${sqlLiteral(childId)} AND (${keys.join(', ')}) IN (
        SELECT ${keys.join(', ')} FROM jsonb_to_recordset(${goneKeys}::jsonb) AS r(${keys.map((key) => `${key} ${columns[key]}`).join(', ')}))`);
    }
    if (came.length > 0) statements.push(insertProjectionSql(table, la, `${sqlLiteral(JSON.stringify(came))}::jsonb`));
  }
  return statements.join(';\n');
}

/** INSERT … SELECT of a table's rows from a JSON array (`json`: a parameter or a literal). */
function insertProjectionSql(table: string, laCode: string, json: string): string {
  const columns = columnsByTable.get(table)!;
  const names = Object.keys(columns);
  const definition = names.map((name) => `${name} ${columns[name]}`).join(', ');
  return `INSERT INTO ${table} (la_code, ${names.join(', ')}) SELECT ${laCode}, ${names.join(', ')} FROM jsonb_to_recordset(${json}) AS r(${definition})`;
}

/** Inserts projection rows given as a JSON array of objects (rows serialised elsewhere, e.g. on another thread). */
export async function insertProjectionJson(client: pg.PoolClient, laCode: string, table: string, json: string): Promise<void> {
  await client.query(insertProjectionSql(table, '$1', '$2::jsonb'), [laCode, json]);
}

/**
 * After a bulk change: the planner's statistics for the log and its projections, and the
 * projections vacuumed, which marks their pages all-visible so the figures' reads can be
 * index-only (migration 0020). Autovacuum would do it later, or never where it is off.
 */
export async function vacuumAndAnalyzeRecordTables(db: { pool: Pick<pg.Pool, 'query'> }): Promise<void> {
  await db.pool.query(`VACUUM (ANALYZE) ${projectionTables.join(', ')}`);
  await db.pool.query('ANALYZE child_event, audit_event');
}
