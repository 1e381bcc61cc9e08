/**
 * The figures of several councils held in one database (a shared service, a region, the national
 * simulation), side by side: one engine per council, their counts sent together
 * (counting-across-councils.ts), each council's answer exactly what its own engine alone gives.
 */
import type pg from 'pg';
import type { RequestContext } from '../platform/request-context.ts';
import { CountingAcrossCouncils } from './counting-across-councils.ts';
import { MetricsEngine, type AnalyticsDependencies, type MetricRequest } from './engine.ts';
import type { ReportingWindow } from './periods.ts';
import type { MetricResult } from './schemas.ts';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/**
 * One engine per council, asked the same thing at the same time so their counts go together: each
 * computation is started for every council in the same turn. Each council's answer is exactly
 * what its own engine alone would give.
 */
export class MetricsAcrossCouncils {
  readonly counting: CountingAcrossCouncils;
  private readonly engines: { laCode: string; engine: MetricsEngine }[];

  constructor(deps: Omit<AnalyticsDependencies, 'context' | 'acrossCouncils'>, contexts: readonly RequestContext[]) {
    if (contexts.length === 0) throw new Error('Figures across councils need at least one council');
    this.counting = new CountingAcrossCouncils(deps.db, contexts.map((context) => context.laCode));
    this.engines = contexts.map((context) => ({ laCode: context.laCode, engine: new MetricsEngine({ ...deps, context, acrossCouncils: this.counting }) }));
  }

  /** One metric for every council, in the order the councils were given. */
  async compute(request: MetricRequest): Promise<{ laCode: string; result: MetricResult }[]> {
    return Promise.all(this.engines.map(async ({ laCode, engine }) => ({ laCode, result: await engine.compute(request) })));
  }

  /** Every computed metric's headline for every council (the KPI table of each). */
  async computeAll(window: ReportingWindow, options: Pick<MetricRequest, 'withinDays' | 'withinUnit'> = {}) {
    return Promise.all(this.engines.map(async ({ laCode, engine }) => ({ laCode, answers: await engine.computeAll(window, options) })));
  }
}

/** The councils with children on record, in order of LA code (one index probe per council). */
export async function councilsOnRecord(db: Queryable): Promise<string[]> {
  const result = await db.query(
    `WITH RECURSIVE council AS (
       SELECT min(la_code) AS la_code FROM child
       UNION ALL
       SELECT (SELECT min(c.la_code) FROM child c WHERE c.la_code > council.la_code) FROM council WHERE council.la_code IS NOT NULL)
     SELECT la_code FROM council WHERE la_code IS NOT NULL`,
  );
  return result.rows.map((row) => String(row.la_code));
}
