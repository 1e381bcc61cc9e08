/**
 * Projections are only ever a fold of the log: this rebuilds them from it (after a change to what
 * they hold, or to check that nothing has drifted), all or nothing.
 */
import type pg from 'pg';
import { writeAudit, writeAuditForChildren } from '../platform/audit/audit.ts';
import type { Database } from '../platform/database/database.ts';
import type { Timescales } from '../timescales/timescales.ts';
import type { ImportProblem } from './batch-fold.ts';
import { AFFECTED_CHILDREN, FOLD_BATCH_CHILDREN, foldAffectedChildren } from './fold-children.ts';
import { InThreadFolder, WorkerPoolFolder } from './fold-pool.ts';
import { vacuumAndAnalyzeRecordTables, projectionTables } from './projections.ts';
import type { RequestContext } from '../platform/request-context.ts';

export interface RebuildResult {
  children: number;
  /** Children whose logs no longer fold (a rule changed): the rebuild is not kept when there are any. */
  problems: ImportProblem[];
}

export interface ProjectionCheck {
  /** Whether every projection table equals a fresh fold of the log. */
  matches: boolean;
  tables: { table: string; rows: number; rebuiltRows: number; matches: boolean }[];
}

/** Children above which the fold runs on worker threads. */
const FOLD_THREADS_FROM_CHILDREN = 5000;

async function rebuildWith(client: pg.PoolClient, context: RequestContext, timescales: Timescales, onProgress: (done: number, total: number) => void): Promise<RebuildResult> {
  // No one writes to the log while its projections are rebuilt.
  await client.query('LOCK TABLE child_event IN SHARE ROW EXCLUSIVE MODE');
  await client.query(`CREATE TEMP TABLE ${AFFECTED_CHILDREN} ON COMMIT DROP AS SELECT DISTINCT la_code, child_id FROM child_event WHERE la_code = $1`, [context.laCode]);
  for (const table of projectionTables) {
    // Rows of children with no events at all are not a fold of anything.
    await client.query(`DELETE FROM ${table} t WHERE t.la_code = $1 AND NOT EXISTS (SELECT 1 FROM ${AFFECTED_CHILDREN} a WHERE a.child_id = t.child_id)`, [context.laCode]);
  }
  const children = Number((await client.query(`SELECT count(*) AS n FROM ${AFFECTED_CHILDREN}`)).rows[0].n);
  const folder = children >= FOLD_THREADS_FROM_CHILDREN ? new WorkerPoolFolder(2, timescales) : new InThreadFolder(timescales);
  const problems: ImportProblem[] = [];
  try {
    await foldAffectedChildren(client, {
      importBatchId: null, folder, batchChildren: FOLD_BATCH_CHILDREN, report: (p) => problems.push(p), childrenWithBadLines: new Set(), onProgress,
    });
  } finally {
    await folder.close();
  }
  return { children, problems };
}

/** Rebuilds every projection of the council from the log; kept only if every child's record folds. */
export async function rebuildProjections(
  db: Database, context: RequestContext, timescales: Timescales, onProgress: (done: number, total: number) => void = () => {},
): Promise<RebuildResult> {
  const client = await db.pool.connect();
  let result: RebuildResult;
  try {
    await client.query('BEGIN');
    result = await rebuildWith(client, context, timescales, onProgress);
    if (result.problems.length > 0) {
      await client.query('ROLLBACK');
      return result;
    }
    const children = (await client.query(`SELECT child_id FROM ${AFFECTED_CHILDREN} ORDER BY child_id`)).rows.map((r) => r.child_id as string);
    await writeAuditForChildren(client, { laCode: context.laCode, actor: context.actor, correlationId: context.correlationId, action: 'write', resource: 'child-record:projections-rebuilt', outcome: 'ok' }, children);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  // After the connection is back: the embedded database has only the one.
  await vacuumAndAnalyzeRecordTables(db);
  return result;
}

/** Every projection row of the council as a digest per table. */
async function projectionDigests(client: pg.PoolClient, laCode: string): Promise<Map<string, { rows: number; digest: string }>> {
  const digests = new Map<string, { rows: number; digest: string }>();
  for (const table of projectionTables) {
    const result = await client.query(
      `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t WHERE t.la_code = $1`,
      [laCode],
    );
    digests.set(table, { rows: Number(result.rows[0].n), digest: result.rows[0].digest as string });
  }
  return digests;
}

/** Compares the projections with a rebuild from the log, changing nothing. */
export async function checkProjections(db: Database, context: RequestContext, timescales: Timescales): Promise<ProjectionCheck> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    const before = await projectionDigests(client, context.laCode);
    const rebuilt = await rebuildWith(client, context, timescales, () => {});
    const after = await projectionDigests(client, context.laCode);
    const tables = projectionTables.map((table) => {
      const a = before.get(table)!;
      const b = after.get(table)!;
      return { table, rows: a.rows, rebuiltRows: b.rows, matches: a.digest === b.digest };
    });
    return { matches: rebuilt.problems.length === 0 && tables.every((t) => t.matches), tables };
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
    // The rebuild's own audit rows went with the rollback; the check still read every record.
    await writeAudit(db.pool, {
      laCode: context.laCode, actor: context.actor, correlationId: context.correlationId, action: 'read', resource: 'child-record:projections-check', outcome: 'ok',
    });
  }
}
