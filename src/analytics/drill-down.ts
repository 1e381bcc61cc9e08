/**
 * The children behind a figure: the units a metric counts in its numerator (for a window, and for
 * one group of a breakdown), each with the child it is about and the date it was counted on.
 *
 * The counted rows come from the same SQL the figure is counted from (`metricSources` in catalogue.ts)
 * and the groups from the same dimension SQL, so the list is the numerator by construction. Only
 * children the reader may see are listed (the access condition is in the query), and only they are
 * counted unless the reader may see raw figures; each child listed is audited as read. Metrics computed by their own code (caseloads, population, year-on-year
 * change) count no child's record and answer 409.
 */
import type pg from 'pg';
import { z } from 'zod';
import { figuresAccessOf, isPartnerAgency, seesChildren, visibleChildCondition } from '../access/policy.ts';
import { writeListAudit } from '../platform/audit/audit.ts';
import type { Calendar, IsoDate as CalendarDate } from '../platform/calendar/calendar.ts';
import { todayInLondon } from '../platform/clock.ts';
import { DomainError } from '../platform/errors.ts';
import { defineRoute } from '../platform/http/route.ts';
import type { AnalyticsRouteServices } from './route-services.ts';
import type { RequestContext } from '../platform/request-context.ts';
import { IsoDate } from '../platform/schema-helpers.ts';
import { findCatalogueEntry, findMetricDefinition, metricSources, type MetricDefinition } from './catalogue.ts';
import { dimensions, isDimensionId } from './dimensions.ts';
import { dimensionFits, type DimensionDefinition, type MetricSource } from './metric-definition.ts';
import { bindNamed } from './named-parameters.ts';
import { endOf, windowOf, type ReportingWindow } from './periods.ts';
import { enrichedItemsSql } from './repo.ts';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** At most this many rows are listed; `counted` still says how many there are. */
export const DRILL_DOWN_LIMIT = 2000;

export const MetricChild = z.object({
  childId: z.string(),
  forename: z.string(),
  surname: z.string(),
  dateOfBirth: z.string().nullable(),
  unitId: z.string().describe('What was counted: the contact, referral, assessment, enquiry, plan… (the child\'s id when children are counted)'),
  countedOn: z.string().describe('The date that put the unit in the figure: the event\'s date, or the snapshot date'),
});
export type MetricChild = z.infer<typeof MetricChild>;

export const MetricChildren = z.object({
  metric: z.object({ id: z.string(), title: z.string(), countingUnit: z.string(), numerator: z.string() }),
  window: z.object({ label: z.string(), from: z.string(), to: z.string() }),
  group: z.array(z.object({ dimension: z.string(), code: z.string(), label: z.string() })),
  counted: z.number().describe('Units in the numerator (of the group) about children the reader may see; for a reader who may see raw figures, all of them'),
  listed: z.number().describe('Units listed: those about children the reader may see, up to the limit'),
  notVisible: z.number().nullable().describe('Units about children outside the reader\'s access: said only to a reader who may see raw figures (null otherwise)'),
  children: z.array(MetricChild),
});
export type MetricChildren = z.infer<typeof MetricChildren>;

export interface DrillDownRequest {
  id: string;
  window: ReportingWindow;
  /** Dimensions of the group, in order (a view's own breakdown when not given). */
  by?: readonly string[];
  /** The group's code in each dimension of `by`. */
  group?: readonly string[];
  withinDays?: number;
  withinUnit?: 'working-days' | 'calendar-days';
}

/** The metric a catalogue id or view names, with the dimensions a group is given in. */
function resolve(request: DrillDownRequest): { definition: MetricDefinition; source: MetricSource; by: DimensionDefinition[] } {
  const entry = findCatalogueEntry(request.id);
  if (!entry) throw DomainError.notFound(`There is no metric ${request.id} in the catalogue`, 'id');
  if (entry.kind === 'unavailable') {
    throw new DomainError('conflict', `${entry.id} (${entry.title}) cannot be computed yet: ${entry.reason}`, { details: { metricId: entry.id, available: false } });
  }
  const definition = entry.kind === 'view' ? findMetricDefinition(entry.viewOf.metricId)! : entry;
  const source = metricSources[definition.id];
  if (!source) {
    throw new DomainError('conflict', `${definition.id} (${definition.title}) is not counted from children's records one by one, so there are no children to list behind it`, {
      details: { metricId: definition.id, countingUnit: definition.countingUnit },
    });
  }
  const group = request.group ?? [];
  const asked = (request.by ?? []).filter(Boolean);
  // A view's group is in its own breakdown (DP-01: ethnicity); a distribution's in its category.
  const byIds = asked.length > 0 ? asked : entry.kind === 'view' ? [...entry.viewOf.by] : definition.category ? [definition.category] : [];
  const by = byIds.slice(0, group.length).map((id) => {
    if (!isDimensionId(id)) throw DomainError.invalidField('by', `Unknown breakdown '${id}'`);
    const dimension = dimensions[id];
    if ((!definition.breakdowns.includes(id) && id !== definition.category) || !dimensionFits(source, dimension)) {
      throw DomainError.invalidField('by', `${definition.id} cannot be broken down by ${id}`);
    }
    return dimension;
  });
  if (group.length > by.length) throw DomainError.invalidField('group', `Give the breakdown (by) the group belongs to: ${group.length} group code${group.length === 1 ? '' : 's'} for ${by.length} dimension${by.length === 1 ? '' : 's'}`);
  return { definition, source, by };
}

/** The snapshot date for a snapshot metric, else the window's days (as the engine counts them). */
function daysCounted(definition: MetricDefinition, window: ReportingWindow): { from: string; to: string } {
  if (definition.window !== 'snapshot' && window.kind === 'snapshot') {
    throw DomainError.invalidField('period', `${definition.id} counts what happened in a period: give a period or from and to, not only asAt`);
  }
  if (definition.window === 'snapshot' || window.kind === 'snapshot') return { from: endOf(window), to: endOf(window) };
  return { from: window.from, to: window.to };
}

/**
 * The data-access layer for the children behind figures, bound to one request's reader. The access
 * condition is in the query, so a child outside the reader's scope is never read; each child listed
 * is audited here.
 */
export class MetricChildrenRepository {
  constructor(private readonly db: Queryable, private readonly context: RequestContext, private readonly calendar: Calendar, private readonly today: () => CalendarDate = todayInLondon) {}

  async findChildren(request: DrillDownRequest): Promise<MetricChildren> {
    if (!seesChildren(this.context.access)) throw new DomainError('forbidden', `A ${this.context.access!.role} sees figures only, not the children behind them`);
    // A partner agency sees a child shared with it for a reason, one record at a time: a list of
    // children drawn from the council's figures is no such reason, even if limited to its own.
    if (isPartnerAgency(this.context.access)) {
      throw new DomainError('forbidden', `A ${this.context.access!.role} sees the children shared with its agency, not the children behind the council's figures`);
    }
    const { definition, source, by } = resolve(request);
    const days = daysCounted(definition, request.window);
    const codes = request.group ?? [];
    const needsChild = by.some((dimension) => dimension.demographic);
    const needsAllocation = by.some((dimension) => dimension.needsAllocation);
    const multiValued = by.some((dimension) => dimension.multiValued);
    const sql = `
      ${enrichedItemsSql(source.items, needsChild, needsAllocation)},
      grouped AS (
        SELECT e.*${by.map((dimension, index) => `, (${dimension.sql}) AS g${index + 1}`).join('')}
          FROM enriched e
          ${multiValued ? `LEFT JOIN LATERAL unnest(CASE WHEN cardinality(e.factors) = 0 THEN ARRAY['none-recorded']::text[] ELSE e.factors END) AS f(factor) ON true` : ''}
      ),
      -- A unit is counted once, as count(DISTINCT unit_id) does, on its earliest counted row.
      counted AS (
        SELECT DISTINCT ON (g.unit_id) g.unit_id, g.child_id, g.counted_on
          FROM grouped g
         WHERE g.numerator ${by.map((_dimension, index) => `AND g.g${index + 1} = :group${index + 1}`).join(' ')}
         ORDER BY g.unit_id, g.counted_on
      )
      SELECT c.unit_id, c.child_id, c.counted_on::text AS counted_on, child.forename, child.surname, child.date_of_birth::text AS date_of_birth,
             (@visible@) AS visible
        FROM counted c
        LEFT JOIN child ON child.la_code = :laCode AND child.child_id = c.child_id
       ORDER BY c.counted_on, lower(child.surname), lower(child.forename), c.child_id, c.unit_id`;
    const bound = bindNamed(sql, {
      laCode: this.context.laCode, from: days.from, to: days.to, judgedOn: this.today(), holidays: this.holidaysAround(days.from, days.to),
      withinDays: request.withinDays ?? 10, withinUnit: request.withinUnit ?? 'working-days',
      ...Object.fromEntries(codes.map((code, index) => [`group${index + 1}`, code])),
    });
    const visible = visibleChildCondition(this.context.access, 'child', bound.values.length + 1);
    const result = await this.db.query(bound.text.replace('@visible@', visible.sql), [...bound.values, ...visible.params]);
    const seen = result.rows.filter((row) => row.visible === true);
    const children = seen.slice(0, DRILL_DOWN_LIMIT).map((row): MetricChild => ({
      childId: row.child_id, forename: row.forename ?? '', surname: row.surname ?? '', dateOfBirth: row.date_of_birth ?? null,
      unitId: row.unit_id, countedOn: row.counted_on,
    }));
    const window = { label: request.window.label, ...days };
    await writeListAudit(this.db, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId,
      resource: 'metric-children',
      detail: { metricId: definition.id, viewId: request.id.toUpperCase() === definition.id ? undefined : request.id.toUpperCase(), window: window.label, by: by.map((d) => d.id), group: codes },
    }, children.map((child) => child.childId));
    return {
      metric: { id: definition.id, title: definition.title, countingUnit: definition.countingUnit, numerator: definition.numerator },
      window,
      group: by.map((dimension, index) => ({ dimension: dimension.id, code: codes[index]!, label: dimension.labelOf(codes[index]!) })),
      // How many units are about children the reader may not see is itself a figure about them
      // (issue 14: "counted=8, notVisible=8" for another team's worker), so only a reader who may
      // see the raw figures is told it.
      ...(figuresAccessOf(this.context.access) === 'raw'
        ? { counted: result.rows.length, notVisible: result.rows.length - seen.length }
        : { counted: seen.length, notVisible: null }),
      listed: children.length,
      children,
    };
  }

  /** Bank holidays from the year before the window to the year after today, as the engine passes them. */
  private holidaysAround(from: string, to: string): string[] {
    const first = Number(from.slice(0, 4)) - 1;
    const last = Math.max(Number(to.slice(0, 4)), Number(this.today().slice(0, 4))) + 1;
    const holidays: string[] = [];
    for (let year = first; year <= last; year += 1) holidays.push(...this.calendar.bankHolidaysIn(year));
    return holidays;
  }
}

const DrillDownQuery = z.object({
  period: z.string().max(40).optional().describe('FY2023-24, FY2023-24-Q1, 2023-06, ISCP2022-24, YTD, … as for the metric'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  asAt: IsoDate.optional(),
  by: z.string().max(80).optional().describe('Comma-separated breakdown the group is in (a view\'s own by default; a distribution\'s category)'),
  group: z.string().max(200).optional().describe('Comma-separated group codes, one per dimension of by'),
  withinDays: z.coerce.number().int().min(0).max(365).optional(),
  withinUnit: z.enum(['working-days', 'calendar-days']).optional(),
});

const splitList = (text: string | undefined) => text?.split(',').map((part) => part.trim()).filter(Boolean);

export function drillDownRoutes(services: AnalyticsRouteServices) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/metrics/{id}/children',
      summary: 'The children behind a figure: each unit in the metric\'s numerator (of one group) with its child and the date it was counted on; only children the reader may see, each audited',
      tags: ['analytics'],
      params: z.object({ id: z.string().regex(/^[A-Za-z]+(-[A-Za-z0-9]+)+$/, 'A catalogue id such as FD-01, CP-02a or DP-01') }),
      query: DrillDownQuery,
      response: MetricChildren,
      handler: async ({ params, query, context }) =>
        new MetricChildrenRepository(services.db.pool, context, services.timescales.calendar).findChildren({
          id: params.id,
          window: windowOf(query, todayInLondon),
          by: splitList(query.by),
          group: splitList(query.group),
          withinDays: query.withinDays,
          withinUnit: query.withinUnit,
        }),
    }),
  ];
}
