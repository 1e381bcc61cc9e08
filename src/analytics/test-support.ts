/**
 * Helpers for the analytics tests: an app on a fresh database, and a recorder that writes events
 * through the API as a practitioner would, so the figures are computed from real projections.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../platform/database/database.ts';
import { createApp } from '../app/server.ts';
import { createServices } from '../app/services.ts';
import type { DimensionDefinition } from './metric-definition.ts';
import type { TestDatabaseTarget } from '../../test/support/test-database.ts';

export const LA_CODE = '206';

export function appOn(db: Database, env: Record<string, string> = {}): FastifyInstance {
  return createApp(createServices(loadConfig({ SAFEGUARD_LA_CODE: LA_CODE, ...env }), db));
}

/**
 * For a describe block: a fresh database on the target with the app on it, opened before the
 * block's tests and handed to `setUp` (which keeps them and records the block's children), and
 * closed after them.
 */
export function appOnFreshDatabase(target: TestDatabaseTarget, setUp: (opened: { db: Database; app: FastifyInstance }) => Promise<void>): void {
  let db: Database | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    db = await target.open();
    app = appOn(db);
    await setUp({ db, app });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
}

const agencies = ['childrens-social-care', 'police', 'health'];

/** Records events through POST /children/{id}/events; every call must succeed (201). */
export function recorderFor(app: FastifyInstance, prefix: string) {
  let counter = 0;
  const record = async (childId: string, type: string, occurredAt: string, data: Record<string, unknown> = {}) => {
    counter += 1;
    const response = await app.inject({
      method: 'POST', url: `/api/v1/children/${childId}/events`,
      payload: { type, occurredAt, clientId: `${prefix}-${String(counter).padStart(5, '0')}`, data },
    });
    expect(response.statusCode, `${childId} ${type} ${occurredAt}: ${response.body}`).toBe(201);
    return response.json().event as { eventId: string; data: Record<string, unknown> };
  };
  /**
   * Adds the team and worker an allocation names when the workforce does not hold them (an
   * allocation must name a team and worker it holds); a test's own teams and workers stay as they are.
   */
  const inWorkforce = async (workerId: string, teamId: string) => {
    const teams = (await app.inject({ method: 'GET', url: '/api/v1/teams' })).json().teams as { teamId: string }[];
    const workers = (await app.inject({ method: 'GET', url: '/api/v1/workers' })).json().workers as { workerId: string; teamId: string }[];
    const missing = [
      ...(teams.some((t) => t.teamId === teamId) ? [] : [['/api/v1/teams', { teamId, name: `Team ${teamId}`, service: 'children-in-need' }] as const]),
      ...(workers.some((w) => w.workerId === workerId && w.teamId === teamId) ? []
        : [['/api/v1/workers', { workerId, name: `Worker ${workerId}`, role: 'social-worker', teamId, startedOn: '2000-01-01' }] as const]),
    ];
    for (const [url, payload] of missing) {
      const response = await app.inject({ method: 'POST', url, payload });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(201);
    }
  };
  return {
    record,
    register: (childId: string, details: { dateOfBirth?: string; expectedDateOfBirth?: string; sex?: 'M' | 'F' | 'U'; ethnicity?: string; disabilities?: string[] } = {}, at = '2020-01-01') =>
      record(childId, 'child.registered', at, {
        forename: 'Child', surname: childId, sex: 'F', ethnicity: 'WBRI', disabilities: ['NONE'],
        ...(details.expectedDateOfBirth ? {} : { dateOfBirth: '2015-06-01' }), ...details,
      }),
    contact: (childId: string, at: string, data: Record<string, unknown> = {}) =>
      record(childId, 'contact.received', at, { source: '6', localSource: 'police', primaryReason: 'domestic-abuse', ...data }),
    decide: (childId: string, at: string, decision = 'referral-to-social-care') =>
      record(childId, 'contact.decided', at, { decision, decidedByWorkerId: 'w-mash-1' }),
    referral: (childId: string, at: string, source = '6') => record(childId, 'referral.received', at, { source }),
    allocate: async (childId: string, at: string, workerId = 'w-1', teamId = 't-cin') => {
      await inWorkforce(workerId, teamId);
      return record(childId, 'allocation.started', at, { workerId, teamId });
    },
    startAssessment: (childId: string, at: string) => record(childId, 'assessment.started', at, {}),
    completeAssessment: (childId: string, at: string, outcome = 'child-in-need-plan', factors: string[] = ['3B']) =>
      record(childId, 'assessment.completed', at, { outcome, factors, authorisedByWorkerId: 'w-tm-1', primaryNeed: 'N1' }),
    visit: (childId: string, at: string, kind = 'child-in-need') => record(childId, 'visit.made', at, { kind, childSeen: true, seenAlone: false }),
    strategy: (childId: string, at: string, decision = 'section-47') => record(childId, 'strategy-discussion.held', at, { attendingAgencies: agencies, decision }),
    section47Completed: (childId: string, at: string, outcome = 'initial-child-protection-conference') =>
      record(childId, 'section-47.completed', at, { outcome, concernsSubstantiated: outcome === 'initial-child-protection-conference' }),
    initialConference: (childId: string, at: string, categoryOfAbuse: string | undefined = 'NEG', section47Id?: string) =>
      record(childId, 'conference.initial-held', at, {
        planRequired: categoryOfAbuse !== undefined, ...(categoryOfAbuse ? { categoryOfAbuse } : {}), ...(section47Id ? { section47Id } : {}),
        chairWorkerId: 'w-chair', attendingAgencies: agencies,
      }),
    coreGroup: (childId: string, at: string) => record(childId, 'core-group.held', at, { attendingAgencies: agencies }),
    review: (childId: string, at: string, planContinues = true) =>
      record(childId, 'conference.review-held', at, { planContinues, chairWorkerId: 'w-chair', attendingAgencies: agencies }),
    endPlan: (childId: string, at: string, reason = 'no-longer-at-risk') => record(childId, 'cp-plan.ended', at, { reason }),
    close: (childId: string, at: string, reasonForClosure = 'RC7') => record(childId, 'episode.closed', at, { reasonForClosure, primaryNeed: 'N1' }),
    voidEvent: (childId: string, at: string, voidedEventId: string) => record(childId, 'event.voided', at, { voidedEventId, reason: 'Recorded in error' }),
    sibling: (childId: string, at: string, relatedChildId: string) => record(childId, 'relationship.recorded', at, { relationship: 'sibling', relatedChildId, livesWithChild: true }),
  };
}

export type Recorder = ReturnType<typeof recorderFor>;

/** Loads a child population: rows of [age, sex, ethnicity, children] for a year. */
/** Mid-2024 population of the hand-built logs: 4,000 children, White British 2,000, Black African 1,000, Bangladeshi 1,000. */
export const fourThousandChildren: readonly [number, 'M' | 'F', string, number][] = [[5, 'F', 'WBRI', 1000], [10, 'M', 'WBRI', 1000], [12, 'F', 'BAFR', 500], [13, 'M', 'BAFR', 500], [3, 'F', 'ABAN', 500], [8, 'M', 'ABAN', 500]];

export async function loadPopulation(db: Database, year: number, rows: readonly [number, 'M' | 'F', string, number][]): Promise<void> {
  await db.pool.query(
    `INSERT INTO population_reference (la_code, year, age, sex, ethnicity, children, source)
     SELECT $1, $2, age, sex, ethnicity, children, 'test population' FROM jsonb_to_recordset($3::jsonb) AS r(age int, sex text, ethnicity text, children int)`,
    [LA_CODE, year, JSON.stringify(rows.map(([age, sex, ethnicity, children]) => ({ age, sex, ethnicity, children })))],
  );
}

/** GET /api/v1/metrics/{id} with a query string; must succeed. */
export async function metric(app: FastifyInstance, id: string, query: string) {
  const response = await app.inject({ method: 'GET', url: `/api/v1/metrics/${id}?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** One row of a metric's breakdown. */
export interface BreakdownRow {
  groups: { code: string }[];
  numerator: { value: number | null };
  denominator: { value: number | null } | null;
}

/** A metric unsuppressed (broken down by `by` when given), with its breakdown's rows. */
export async function unsuppressedMetric(app: FastifyInstance, id: string, query: string, by?: string) {
  const result = await metric(app, id, `${query}&unsuppressed=true${by ? `&by=${by}` : ''}`);
  return { result, rows: (result.breakdown?.rows ?? []) as BreakdownRow[] };
}

/** A breakdown row's groups' codes, joined: `code` or `code|code`. */
export const breakdownKey = (row: BreakdownRow): string => row.groups.map((g) => g.code).join('|');

/** The metric's headline counts and its unsuppressed counts by one breakdown: `{ '': [n, d], code: [n, d] }` (a count has no denominator). */
export async function metricCounts(app: FastifyInstance, id: string, query: string, by?: string) {
  const { result, rows } = await unsuppressedMetric(app, id, query, by);
  return Object.fromEntries([
    ['', [result.numerator, result.denominator]],
    ...rows.filter((row) => (row.numerator.value ?? 0) > 0 || (row.denominator?.value ?? 0) > 0)
      .map((row) => [breakdownKey(row), [row.numerator.value, row.denominator?.value ?? null]]),
  ]);
}

/**
 * For a module's figures: `carried(metricId, by)` is whether the figure's rows carry the columns the
 * breakdown needs (a breakdown the module does not define needs none).
 */
export function carriedBy(metrics: readonly { id: string; counts?: { columns: readonly string[] } }[], dimensions: readonly DimensionDefinition[]) {
  const defined = new Map(metrics.map((m) => [m.id, m]));
  const dimensionOf = new Map(dimensions.map((d) => [d.id as string, d]));
  return (metricId: string, by: string) => (dimensionOf.get(by)?.needsColumns ?? []).every((column) => defined.get(metricId)!.counts!.columns.includes(column));
}
