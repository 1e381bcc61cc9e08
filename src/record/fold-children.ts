/**
 * Folding many children's records from the log into their projections, in batches (on worker
 * threads when there are many): what an import does after storing its events, and what a rebuild
 * of the projections does for every child.
 */
import type pg from 'pg';
import type { FoldBatch, FoldBatchResult, ImportProblem } from './batch-fold.ts';
import type { BatchFolder } from './fold-pool.ts';
import { insertProjectionJson, projectionTables } from './projections.ts';

/** The temporary table (la_code, child_id) naming the children to fold; the caller fills it. */
export const AFFECTED_CHILDREN = 'affected_child';
/** Rows fetched from the log at a time. */
const FOLD_FETCH = 10_000;

/** Children per batch handed to the folder: big enough to keep threads busy, small enough to bound memory. */
export const FOLD_BATCH_CHILDREN = 1000;

export interface FoldChildrenOptions {
  /** Events of this import carry their line, so problems can name it. A rebuild has no import. */
  importBatchId: string | null;
  folder: BatchFolder;
  batchChildren: number;
  report: (problem: ImportProblem) => void;
  childrenWithBadLines: ReadonlySet<string>;
  onProgress: (done: number, total: number) => void;
}

/**
 * Folds every child named in the temporary table AFFECTED_CHILDREN, streaming their whole logs in
 * child order, in batches of children, and replaces their projections. A child whose record does
 * not fold is reported (against the line of the event that broke it, for an import).
 *
 * The database, this thread and the fold threads work at the same time: the next rows are
 * fetched, and folded batches' projections written, while batches are folded. Projection rows are
 * only deleted for children who had events before the import: a child new to the log has none.
 */
export async function foldAffectedChildren(client: pg.PoolClient, options: FoldChildrenOptions): Promise<number> {
  const { importBatchId, folder, batchChildren, report, childrenWithBadLines, onProgress } = options;
  await client.query(`ANALYZE ${AFFECTED_CHILDREN}`); // so the planner knows how many children there are
  const total = Number((await client.query(`SELECT count(*) AS n FROM ${AFFECTED_CHILDREN}`)).rows[0]!.n);
  // Only what the fold needs, as text (parsed where it is folded). The import line is read only
  // for this import's events: only they have a line in this file.
  await client.query(
    `DECLARE fold_children CURSOR FOR
       SELECT e.la_code, e.child_id, e.event_id, e.sequence, e.event_type, e.occurred_at,
              to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), e.supersedes, e.data::text,
              CASE WHEN e.import_batch_id = $1::uuid THEN e.import_line END
         FROM child_event e JOIN ${AFFECTED_CHILDREN} a ON a.la_code = e.la_code AND a.child_id = e.child_id
        ORDER BY e.la_code, e.child_id, e.sequence`,
    [importBatchId],
  );

  // Database work is queued here, one statement at a time, rather than on the connection.
  const database = new SerialWork();
  /** Batches being folded, oldest first; their results are written in this order. */
  const folding: Promise<FoldBatchResult>[] = [];
  let done = 0;
  let batch: FoldBatch = { laCode: '', children: [] };

  const writeOldestResult = async () => {
    const result = await folding.shift()!;
    for (const problem of result.problems) report(problem);
    void database.run(() => writeProjections(client, result));
    done += result.childIds.length;
    onProgress(done, total);
  };
  const dispatch = async () => {
    if (batch.children.length === 0) return;
    folding.push(folder.fold(batch));
    folding.at(-1)!.catch(() => {}); // awaited in writeOldestResult; this only keeps a failure from going unhandled meanwhile
    batch = { laCode: batch.laCode, children: [] };
    while (folding.length >= folder.capacity) await writeOldestResult();
  };

  const fetchRows = () => database.run(() => client.query<unknown[]>({ text: `FETCH ${FOLD_FETCH} FROM fold_children`, rowMode: 'array' }));
  let current: FoldBatch['children'][number] | undefined;
  try {
    let next = fetchRows();
    for (;;) {
      const fetched = await next;
      const more = fetched.rows.length === FOLD_FETCH;
      if (more) next = fetchRows(); // the database reads ahead while this batch is grouped and folded
      for (const row of fetched.rows) {
        const [laCode, childId, eventId, sequence, type, occurredAt, recordedAt, supersedes, data, importLine] = row as [
          string, string, string, string, string, string, string, string | null, string, number | null,
        ];
        if (!current || current.childId !== childId || batch.laCode !== laCode) {
          if (batch.laCode !== laCode || batch.children.length >= batchChildren) {
            // A child's events end where the next child's begin: a batch only ever holds whole children.
            await dispatch();
            batch.laCode = laCode;
          }
          current = { childId, hasUnreadableLines: childrenWithBadLines.has(childId), events: [] };
          batch.children.push(current);
        }
        current.events.push([eventId, Number(sequence), type, occurredAt, recordedAt, supersedes, data, importLine]);
      }
      if (!more) break;
    }
    await dispatch();
    while (folding.length > 0) await writeOldestResult();
  } finally {
    // On an error, let queued work finish before the caller rolls back on this connection.
    await Promise.allSettled(folding);
    await database.idle();
  }
  await client.query('CLOSE fold_children');
  onProgress(total, total);
  return total;
}

/**
 * Database work run one piece after another, in the order asked for, while the caller carries on.
 * Each piece's promise settles with its result; a failed piece does not stop the ones after it
 * (in a failed transaction they fail too), and the first failure is raised by idle().
 */
class SerialWork {
  private tail: Promise<unknown> = Promise.resolve();
  private failure: unknown;
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch((error: unknown) => {
      this.failure ??= error;
    });
    return result;
  }
  async idle(): Promise<void> {
    await this.tail;
    if (this.failure !== undefined) throw this.failure;
  }
}

/** Replaces the projections of a folded batch of children, in the import's transaction. */
async function writeProjections(client: pg.PoolClient, folded: FoldBatchResult): Promise<void> {
  const { laCode, existingChildIds } = folded;
  for (const table of projectionTables) {
    if (existingChildIds.length > 0) await client.query(`DELETE FROM ${table} WHERE la_code = $1 AND child_id = ANY($2::text[])`, [laCode, existingChildIds]);
    const json = folded.projections[table];
    if (json !== undefined) await insertProjectionJson(client, laCode, table, json);
  }
}

