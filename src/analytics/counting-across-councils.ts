/**
 * Counting for several councils in one statement. A database that holds several councils (a
 * shared service, a region, the national simulation) can have each council's figures computed by
 * its own engine, one query per figure per council; every query then pays its planning and start
 * again, 153 times for England. Here the engines of the councils share a `CountingAcrossCouncils`:
 * the same query asked by several councils at about the same time is sent once, as
 *
 *   SELECT council.la_code, counted.* FROM unnest(:councils) AS council(la_code)
 *     CROSS JOIN LATERAL (<the council's query, with :laCode read from council.la_code>) counted
 *
 * so PostgreSQL plans it once and runs it for each council in turn, with each council's rows
 * found through the same la_code indexes as the query asked alone. Each engine gets exactly the
 * rows its own query would have returned; everything else an engine does (population, benchmarks,
 * audit) stays its own. The saving is the per-query cost only, as executing the counts is most of
 * the work: 153 councils' catalogue took 100 s this way against 116 s council by council
 * (bench/metrics.ts).
 */
import type pg from 'pg';
import { bindNamed } from './named-parameters.ts';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;
type Row = Record<string, unknown>;

interface Waiting {
  laCode: string;
  resolve: (rows: Row[]) => void;
  reject: (error: unknown) => void;
}

interface Batch {
  sql: string;
  values: Record<string, unknown>;
  waiting: Waiting[];
  asked: Set<string>;
  timer: NodeJS.Timeout | undefined;
}

/** The column that says which council a row is for; no metric query names a column like it. */
const COUNCIL_COLUMN = 'counted_for_la_code';

export class CountingAcrossCouncils {
  private readonly pending = new Map<string, Batch>();
  /** Statements sent, and councils answered by them (for tests and benchmarks). */
  readonly sent = { statements: 0, councils: 0 };

  /**
   * `councils`: the councils expected to ask each query. A query goes as soon as all of them have
   * asked it, or `waitMs` after the first did (a council held up by its own lookups then asks in
   * a later statement, and the others do not wait for it longer).
   */
  constructor(private readonly db: Queryable, private readonly councils: readonly string[], private readonly waitMs = 25) {}

  /**
   * The rows of `sql` (named parameters, `values.laCode` the council) for that council, sent with
   * the other councils' same query.
   */
  rows(sql: string, values: Record<string, unknown>): Promise<Row[]> {
    const { laCode, ...shared } = values;
    if (typeof laCode !== 'string') throw new Error('A query counted across councils must read :laCode');
    const key = JSON.stringify([sql, shared]);
    let batch = this.pending.get(key);
    if (!batch) {
      const created: Batch = { sql, values: shared, waiting: [], asked: new Set(), timer: undefined };
      created.timer = setTimeout(() => this.flush(key, created), this.waitMs);
      this.pending.set(key, created);
      batch = created;
    }
    const answer = new Promise<Row[]>((resolve, reject) => batch.waiting.push({ laCode, resolve, reject }));
    batch.asked.add(laCode);
    if (this.councils.every((council) => batch.asked.has(council))) this.flush(key, batch);
    return answer;
  }

  private flush(key: string, batch: Batch): void {
    if (this.pending.get(key) !== batch) return;
    this.pending.delete(key);
    clearTimeout(batch.timer);
    void this.send(batch);
  }

  private async send(batch: Batch): Promise<void> {
    const councils = [...batch.asked];
    try {
      const byCouncil = new Map<string, Row[]>(councils.map((laCode) => [laCode, []]));
      if (councils.length === 1) {
        const bound = bindNamed(batch.sql, { ...batch.values, laCode: councils[0] });
        byCouncil.set(councils[0]!, (await this.db.query(bound.text, bound.values)).rows);
      } else {
        const perCouncil = batch.sql.replace(/(?<![:\w]):laCode\b/g, 'council.la_code');
        const bound = bindNamed(
          `SELECT council.la_code AS ${COUNCIL_COLUMN}, counted.*
             FROM unnest(:councils::text[]) AS council(la_code)
            CROSS JOIN LATERAL (${perCouncil}) AS counted`,
          { ...batch.values, councils },
        );
        for (const row of (await this.db.query(bound.text, bound.values)).rows as Row[]) {
          const { [COUNCIL_COLUMN]: laCode, ...counted } = row;
          byCouncil.get(String(laCode))!.push(counted);
        }
      }
      this.sent.statements += 1;
      this.sent.councils += councils.length;
      for (const waiting of batch.waiting) waiting.resolve(byCouncil.get(waiting.laCode)!);
    } catch (error) {
      for (const waiting of batch.waiting) waiting.reject(error);
    }
  }
}
