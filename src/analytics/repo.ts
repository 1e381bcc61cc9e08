/**
 * The data-access layer of the figures: set-based queries over the projection tables, the same on
 * PostgreSQL 15 and PGlite. Each metric names the rows it counts (`MetricSource`, in its module's
 * metrics.ts: one row per counted unit and date, with whether it is in the numerator and the
 * denominator); one generic query here joins them to the child and, when asked, to the allocation
 * on the counting date, puts them in groups and counts distinct units per group with GROUPING
 * SETS, so a breakdown and its total come from one pass.
 *
 * Parameters are named (:laCode, :from, :to, :judgedOn, :holidays, :withinDays, :withinUnit) and
 * bound to $n in order of first use, so a query only sends the parameters it reads.
 */
import type pg from 'pg';
import { writeAudit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/request-context.ts';
import type { CountingAcrossCouncils } from './counting-across-councils.ts';
import type { DimensionDefinition, MetricSource, QueryWindow } from './metric-definition.ts';
import { bindNamed, readsParameter } from './named-parameters.ts';

export interface MetricParameters {
  /** The date timeliness is judged at: a duty not yet due then is left out (today, by default). */
  judgedOn: string;
  /** England and Wales bank holidays (and the council's extra ones) around the window. */
  holidays: string[];
  /** CIN-04: the timescale asked for. */
  withinDays: number;
  withinUnit: 'working-days' | 'calendar-days';
}

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export interface GroupedCounts {
  /** Group codes, one per dimension; empty for the total. */
  codes: string[];
  numerator: number;
  denominator: number;
  additional: Record<string, number>;
}

export interface PopulationYear {
  year: number;
  sources: string[];
}

/**
 * The data-access layer for figures. Reads only aggregates, never a child's record; each
 * computation is audited (who asked for which figure, for which window, raw or suppressed).
 */
export class AnalyticsRepository {
  /**
   * Counts already read by this repository, by query and parameters. It lives as long as its
   * engine (one request, or one report's many figures), whose views and variants ask for the same
   * counts again (CP-15 and DP-01 are CP-02b by ethnicity; CP-02a counts as CP-01).
   */
  private readonly counted = new Map<string, Promise<GroupedCounts[]>>();

  /** `acrossCouncils`: counts shared with other councils' engines (across-councils.ts). */
  constructor(private readonly db: Queryable, private readonly context: RequestContext, private readonly acrossCouncils?: CountingAcrossCouncils) {}

  get laCode(): string {
    return this.context.laCode;
  }

  async audit(detail: Record<string, unknown>): Promise<void> {
    await writeAudit(this.db, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId,
      action: 'read', resource: detail.unsuppressed || detail.threshold !== undefined ? 'metric-unsuppressed' : 'metric', outcome: 'ok', detail,
    });
  }

  /**
   * The date of the earliest event on the council's record, or null when nothing is recorded: a
   * period before it counts nothing because nothing was recorded yet, not because nothing happened.
   * The earliest of each event type's, each read from the index by type and date (one lookup a type).
   */
  async earliestRecordedOn(eventTypes: readonly string[]): Promise<string | null> {
    const result = await this.db.query(
      `SELECT to_char(min(first.occurred_on), 'YYYY-MM-DD') AS earliest
         FROM unnest($2::text[]) AS wanted(event_type),
              LATERAL (SELECT min(e.occurred_on) AS occurred_on FROM child_event e WHERE e.la_code = $1 AND e.event_type = wanted.event_type) AS first`,
      [this.context.laCode, eventTypes],
    );
    return (result.rows[0] as { earliest: string | null } | undefined)?.earliest ?? null;
  }

  /** A refused request for raw figures (unsuppressed or another threshold without the capability). */
  async auditRefused(detail: Record<string, unknown>): Promise<void> {
    await writeAudit(this.db, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId,
      action: 'refused', resource: 'metric-unsuppressed', outcome: 'forbidden', detail,
    });
  }

  /**
   * Not a prepared statement: after a few runs PostgreSQL would try a plan made without the
   * values, and for these queries such plans were slower, some of them ten times (20 councils' catalogue:
   * 51 s instead of 29 s), the council and the dates deciding which way a join should go.
   */
  private async run(sql: string, values: Record<string, unknown>): Promise<{ rows: Record<string, unknown>[] }> {
    if (this.acrossCouncils) return { rows: await this.acrossCouncils.rows(sql, values) };
    const bound = bindNamed(sql, values);
    return this.db.query(bound.text, bound.values);
  }

  /** Counts of a metric's units per group of `by` (and the total, codes []), one query. */
  async countGroups(source: MetricSource, by: readonly DimensionDefinition[], window: QueryWindow, parameters: MetricParameters): Promise<GroupedCounts[]> {
    const needsAllocation = by.some((dimension) => dimension.needsAllocation);
    // Only the child's own characteristics read the child's row; a headline needs no join at all.
    const needsChild = by.some((dimension) => dimension.demographic);
    const multiValued = by.find((dimension) => dimension.multiValued);
    const countUnits = source.oneRowPerUnit && !multiValued ? 'count(*)' : 'count(DISTINCT unit_id)';
    const groupColumns = by.map((dimension, index) => `${dimension.sql} AS g${index + 1}`);
    const groupNames = by.map((_dimension, index) => `g${index + 1}`);
    const additional = Object.entries(source.additional ?? {});
    const sets = groupNames.length === 0 ? '' : `GROUP BY GROUPING SETS (${groupNames.map((_name, index) => `(${groupNames.slice(0, index + 1).join(', ')})`).reduce((all, set) => `${all}, ${set}`, '()')})`;
    const sql = `
      ${enrichedItemsSql(source.items, needsChild, needsAllocation)},
      grouped AS (
        SELECT e.*${groupColumns.map((column) => `, ${column}`).join('')}
          FROM enriched e
          ${multiValued ? `LEFT JOIN LATERAL unnest(CASE WHEN cardinality(e.factors) = 0 THEN ARRAY['none-recorded']::text[] ELSE e.factors END) AS f(factor) ON true` : ''}
      )
      SELECT ${groupNames.map((name) => `${name}, `).join('')}${groupNames.length > 0 ? `GROUPING(${groupNames.join(', ')}) AS level,` : '0 AS level,'}
             ${countUnits} FILTER (WHERE numerator) AS numerator,
             ${countUnits} FILTER (WHERE denominator) AS denominator
             ${additional.map(([name, aggregate]) => `, ${aggregate} AS "${name}"`).join('')}
        FROM grouped
        ${sets}`;
    const values = this.values(window, parameters, sql);
    const key = JSON.stringify([sql, values]);
    let counting = this.counted.get(key);
    if (!counting) {
      counting = this.count(sql, values, groupNames, additional.map(([name]) => name));
      this.counted.set(key, counting);
      counting.catch(() => this.counted.delete(key));
    }
    return counting;
  }

  private async count(sql: string, values: Record<string, unknown>, groupNames: readonly string[], additionalNames: readonly string[]): Promise<GroupedCounts[]> {
    const result = await this.run(sql, values);
    const dimensionsCount = groupNames.length;
    return result.rows.map((row) => {
      // GROUPING() sets a bit for each dimension left out, the first dimension being the highest bit.
      const level = Number(row.level);
      const included = groupNames.filter((_name, index) => (level & (1 << (dimensionsCount - 1 - index))) === 0);
      return {
        codes: included.map((name) => String(row[name])),
        numerator: Number(row.numerator),
        denominator: Number(row.denominator),
        additional: Object.fromEntries(additionalNames.map((name) => [name, Number(row[name])])),
      };
    });
  }

  private values(window: QueryWindow, parameters: MetricParameters, sql: string): Record<string, unknown> {
    const all: Record<string, unknown> = {
      laCode: this.context.laCode, from: window.from, to: window.to, judgedOn: parameters.judgedOn, holidays: parameters.holidays,
      withinDays: parameters.withinDays, withinUnit: parameters.withinUnit,
    };
    // Only the parameters the query reads: PostgreSQL cannot type a parameter it never sees.
    return Object.fromEntries(Object.entries(all).filter(([name]) => readsParameter(sql, name)));
  }

  /**
   * The population year for a window ending in `year`: that year's mid-year estimate when loaded,
   * else the latest earlier year, else the earliest later one.
   */
  async findPopulationYear(year: number): Promise<PopulationYear | undefined> {
    const result = await this.db.query(
      `SELECT year, array_agg(DISTINCT source ORDER BY source) AS sources FROM population_reference
        WHERE la_code = $1 AND age <= 17
        GROUP BY year
        ORDER BY CASE WHEN year <= $2 THEN 0 ELSE 1 END, abs(year - $2)
        LIMIT 1`,
      [this.context.laCode, year],
    );
    const row = result.rows[0];
    return row ? { year: Number(row.year), sources: row.sources as string[] } : undefined;
  }

  /** Children aged 0–17 in the population year, in total (key '') and by the dimension's groups. */
  async countPopulation(year: number, dimension: DimensionDefinition | undefined, filter?: string): Promise<Map<string, number>> {
    const group = dimension?.populationSql;
    const result = await this.db.query(
      `SELECT ${group ? `${group} AS code, GROUPING(${group}) AS level,` : `'' AS code, 1 AS level,`} sum(p.children)::float8 AS children
         FROM population_reference p
        WHERE p.la_code = $1 AND p.year = $2 AND p.age BETWEEN 0 AND 17 ${filter ? `AND ${filter}` : ''}
        ${group ? `GROUP BY GROUPING SETS ((), (${group}))` : ''}`,
      [this.context.laCode, year],
    );
    return new Map(result.rows.map((row) => [Number(row.level) === 1 ? '' : String(row.code), Number(row.children ?? 0)]));
  }

  /** Population figures (POP-xx): children aged 0–17 meeting `numerator` and `denominator` conditions over `p`, by a dimension. */
  async sumPopulation(year: number, numerator: string, denominator: string, dimension: DimensionDefinition | undefined): Promise<GroupedCounts[]> {
    const group = dimension?.populationSql;
    const result = await this.db.query(
      `SELECT ${group ? `${group} AS code, GROUPING(${group}) AS level,` : `'' AS code, 1 AS level,`}
              coalesce(sum(p.children) FILTER (WHERE ${numerator}), 0)::float8 AS numerator,
              coalesce(sum(p.children) FILTER (WHERE ${denominator}), 0)::float8 AS denominator
         FROM population_reference p
        WHERE p.la_code = $1 AND p.year = $2 AND p.age BETWEEN 0 AND 17
        ${group ? `GROUP BY GROUPING SETS ((), (${group}))` : ''}`,
      [this.context.laCode, year],
    );
    return result.rows.map((row) => ({
      codes: Number(row.level) === 1 ? [] : [String(row.code)],
      numerator: Number(row.numerator), denominator: Number(row.denominator), additional: {},
    }));
  }

  /**
   * Children in need in the window (or at the snapshot) by a child characteristic: the reference
   * population for characteristics the child population is not counted by (disability).
   */
  async countChildrenInNeed(window: QueryWindow, dimension: DimensionDefinition, snapshot: boolean): Promise<Map<string, number>> {
    const sql = `
      WITH e AS (
        SELECT DISTINCT ep.child_id, ch.ethnicity, ch.sex, ch.disabilities, ch.date_of_birth, :to::date AS counted_on
          FROM cin_episode ep LEFT JOIN child ch ON ch.la_code = ep.la_code AND ch.child_id = ep.child_id
         WHERE ep.la_code = :laCode AND ep.referral_on <= :to::date
           AND (ep.closed_on IS NULL OR ${snapshot ? 'ep.closed_on > :to::date' : 'ep.closed_on >= :from::date'}))
      SELECT ${dimension.sql} AS code, count(DISTINCT e.child_id) AS children FROM e GROUP BY 1`;
    const result = await this.run(sql, snapshot ? { laCode: this.context.laCode, to: window.to } : { laCode: this.context.laCode, from: window.from, to: window.to });
    return new Map(result.rows.map((row) => [String(row.code), Number(row.children)]));
  }

  /** The rows of a figure's own query (metric-definition.ts, MetricComputationContext): named parameters, :laCode the council's. */
  async findRows(sql: string, values: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const bound = bindNamed(sql, { laCode: this.context.laCode, ...values });
    return (await this.db.query(bound.text, bound.values)).rows;
  }
}

/**
 * `items` (the counted rows) and `enriched`: each row with the child's characteristics and the
 * allocation on the day it counted, when a breakdown needs them (NULL columns otherwise, so
 * dimension SQL always reads the same names). Shared by the counts and the children behind them.
 */
export function enrichedItemsSql(items: string, needsChild: boolean, needsAllocation: boolean): string {
  return `WITH items AS (${items}),
      enriched AS (
        SELECT i.*,
               ${needsChild ? 'ch.ethnicity, ch.sex, ch.disabilities, ch.date_of_birth' : 'NULL::text AS ethnicity, NULL::text AS sex, NULL::text[] AS disabilities, NULL::date AS date_of_birth'},
               ${needsAllocation ? 'al.team_id, al.worker_id, tm.service' : 'NULL::text AS team_id, NULL::text AS worker_id, NULL::text AS service'}
          FROM items i
          ${needsChild ? 'LEFT JOIN child ch ON ch.la_code = :laCode AND ch.child_id = i.child_id' : ''}
          ${needsAllocation ? `LEFT JOIN LATERAL (
            SELECT a.team_id, a.worker_id FROM allocation a
             WHERE a.la_code = :laCode AND a.child_id = i.child_id AND a.started_on <= i.counted_on AND (a.ended_on IS NULL OR a.ended_on > i.counted_on)
             ORDER BY a.started_on DESC, a.started_at DESC LIMIT 1) al ON true
          LEFT JOIN team tm ON tm.la_code = :laCode AND tm.team_id = al.team_id` : ''}
      )`;
}
