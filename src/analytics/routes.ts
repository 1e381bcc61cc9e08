import { z } from 'zod';
import { DomainError } from '../platform/errors.ts';
import { todayInLondon } from '../platform/clock.ts';
import { defineRoute } from '../platform/http/route.ts';
import type { AnalyticsRouteServices } from './route-services.ts';
import type { RequestContext } from '../platform/request-context.ts';
import { IsoDate } from '../platform/schema-helpers.ts';
import { BenchmarkRepository } from './benchmarks.ts';
import { catalogue, type CatalogueEntry } from './catalogue.ts';
import { dimensions, dimensionIds } from './dimensions.ts';
import { drillDownRoutes } from './drill-down.ts';
import { MetricsEngine } from './engine.ts';
import { windowOf } from './periods.ts';
import { MetricResult } from './schemas.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './suppression.ts';

const MetricId = z.string().regex(/^[A-Za-z]+(-[A-Za-z0-9]+)+$/, 'A catalogue id such as FD-01, CP-02a or DP-01');

const CatalogueEntryOut = z.object({
  id: z.string(),
  title: z.string(),
  domain: z.string(),
  kind: z.enum(['metric', 'view', 'unavailable']),
  available: z.boolean(),
  description: z.string().optional(),
  reason: z.string().optional().describe('Unavailable metrics: which records do not exist yet'),
  followsDfe: z.boolean().optional(),
  dfeNote: z.string().optional(),
  countingUnit: z.string().optional(),
  numerator: z.string().optional(),
  denominator: z.string().optional(),
  population: z.string().optional(),
  window: z.enum(['in-period', 'any-point-in-period', 'snapshot']).optional(),
  valueType: z.string().optional(),
  category: z.string().optional(),
  ratePer10000: z.boolean().optional(),
  timescale: z.object({ rule: z.string(), dutyRuleId: z.string().optional(), amount: z.number(), unit: z.string(), source: z.string() }).optional(),
  breakdowns: z.array(z.string()).optional(),
  variantOf: z.string().optional(),
  changeOf: z.string().optional(),
  viewOf: z.object({ metricId: z.string(), by: z.array(z.string()) }).optional(),
  catalogueRef: z.string().optional(),
});

const BooleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

const MetricQuery = z.object({
  period: z.string().max(40).optional().describe('FY2023-24, FY2023-24-Q1, AY2023-24, CY2023, 2023-Q1 (calendar quarter), 2023-06, ISCP2022-24, YTD, or from..to'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  asAt: IsoDate.optional().describe('A snapshot date; with period=YTD, the date the year to date runs to'),
  by: z.string().max(80).optional().describe(`Comma-separated breakdown, at most two of: ${dimensionIds.join(', ')}`),
  trend: z.coerce.number().int().min(2).max(24).optional().describe('Also compute this many consecutive periods ending with this one'),
  comparator: z.string().max(40).optional().describe('Relative rate index comparator group code (default White British for ethnicity, White for ethnic group, else all-others)'),
  unsuppressed: BooleanFlag.optional().describe('Raw figures without small-number suppression: needs the capability see-unsuppressed-figures (whole council), and each use is audited'),
  threshold: z.coerce.number().int().min(1).max(100).optional().describe(`Suppress counts below this (default ${DEFAULT_SUPPRESSION_THRESHOLD}): needs the capability see-unsuppressed-figures`),
  withinDays: z.coerce.number().int().min(0).max(365).optional().describe('CIN-04: the timescale in days (default 10)'),
  withinUnit: z.enum(['working-days', 'calendar-days']).optional().describe('CIN-04: working days (default) or calendar days'),
});

/** A catalogue entry as the API shows it (its lists copied out of the read-only catalogue). */
function catalogueEntryOut(entry: CatalogueEntry): z.input<typeof CatalogueEntryOut> {
  switch (entry.kind) {
    case 'metric': return { ...entry, breakdowns: [...entry.breakdowns], ...(entry.timescale ? { timescale: { ...entry.timescale } } : {}) };
    case 'view': return { ...entry, viewOf: { metricId: entry.viewOf.metricId, by: [...entry.viewOf.by] } };
    case 'unavailable': return { ...entry };
  }
}

export function analyticsRoutes(services: AnalyticsRouteServices) {
  const engineFor = (context: RequestContext) =>
    new MetricsEngine({ db: services.db.pool, context, calendar: services.timescales.calendar, today: todayInLondon });
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/metrics',
      summary: 'The metrics catalogue: every metric with its definition, those computed and those not yet computable with the reason',
      tags: ['analytics'],
      query: z.object({
        domain: z.string().max(40).optional(),
        available: BooleanFlag.optional(),
      }),
      response: z.object({
        metrics: z.array(CatalogueEntryOut),
        dimensions: z.array(z.object({ id: z.string(), title: z.string() })),
        suppressionThreshold: z.number(),
      }),
      handler: async ({ query }) => ({
        metrics: catalogue
          .filter((entry) => (query.domain === undefined || entry.domain === query.domain) && (query.available === undefined || entry.available === query.available))
          .map(catalogueEntryOut),
        dimensions: dimensionIds.map((id) => ({ id, title: dimensions[id].title })),
        suppressionThreshold: DEFAULT_SUPPRESSION_THRESHOLD,
      }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/metrics/values',
      summary: 'Many metrics\' headline figures for one period in one answer (a dashboard): one engine, so the population and shared counts are read once',
      tags: ['analytics'],
      query: MetricQuery.pick({ period: true, from: true, to: true, asAt: true }).extend({
        ids: z.string().min(1).max(2000).describe('Comma-separated metric ids'),
      }),
      response: z.object({
        results: z.record(z.string(), z.union([MetricResult, z.object({ error: z.object({ code: z.string(), message: z.string() }) })])),
      }),
      handler: async ({ query, context }) => {
        const engine = engineFor(context);
        // A window the reader may not have is refused once, naming the field, not once per metric.
        const window = engine.allowedWindow(windowOf(query, todayInLondon));
        const results: Record<string, unknown> = {};
        for (const id of [...new Set(query.ids.split(',').map((part) => part.trim()).filter(Boolean))].slice(0, 100)) {
          try {
            results[id] = await engine.compute({ id, window });
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            results[id] = { error: { code: error.code, message: error.message } };
          }
        }
        return { results } as never;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/metrics/{id}',
      summary: 'One metric for a period or snapshot, with breakdown, rates per 10,000, disproportionality, benchmarks and trend; small numbers suppressed',
      tags: ['analytics'],
      params: z.object({ id: MetricId }),
      query: MetricQuery,
      response: MetricResult,
      handler: async ({ params, query, context }) => {
        const window = windowOf(query, todayInLondon);
        return engineFor(context).compute({
          id: params.id,
          window,
          by: query.by?.split(',').map((part) => part.trim()).filter(Boolean),
          trend: query.trend,
          comparator: query.comparator,
          unsuppressed: query.unsuppressed,
          suppressionThreshold: query.threshold,
          withinDays: query.withinDays,
          withinUnit: query.withinUnit,
        });
      },
    }),
    ...drillDownRoutes(services),
    defineRoute({
      method: 'GET',
      url: '/api/v1/benchmarks',
      summary: 'Benchmarks held for metrics: shipped England figures and those the council loaded',
      tags: ['analytics'],
      query: z.object({ metricId: z.string().max(200).optional().describe('Comma-separated metric ids; default all') }),
      response: z.object({ benchmarks: z.array(z.object({
        metricId: z.string(), year: z.string(), geography: z.string(), measure: z.string(), value: z.number(), source: z.string(), origin: z.enum(['shipped', 'loaded']),
      })) }),
      handler: async ({ query, context }) => {
        const ids = query.metricId?.split(',').map((id) => id.trim()).filter(Boolean) ?? catalogue.map((entry) => entry.id);
        return { benchmarks: await new BenchmarkRepository(services.db.pool, context.laCode).findFor(ids) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/benchmarks',
      summary: 'Load benchmarks from CSV text (metric_id,year,geography,value,source[,measure]): all lines or none, each bad field named',
      tags: ['analytics'],
      body: z.object({ csv: z.string().min(1).max(900_000) }),
      status: 201,
      response: z.object({ loaded: z.number() }),
      handler: async ({ body, context }) => ({
        loaded: await new BenchmarkRepository(services.db.pool, context.laCode, context.access).saveCsv(body.csv),
      }),
    }),
  ];
}
