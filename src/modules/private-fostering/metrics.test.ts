import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AnalyticsRepository } from '../../analytics/repo.ts';
import { appOnFreshDatabase, carriedBy, LA_CODE, metric, metricCounts, recorderFor } from '../../analytics/test-support.ts';
import type { Database } from '../../platform/database/database.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { LoggedEvent } from '../../record/fold.ts';
import { RetentionRepository } from '../../retention/repo.ts';
import { retentionDecision } from '../../retention/rules.ts';
import { resolveRetentionRules } from '../../retention/schedules.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { privateFosteringDimensions, privateFosteringMetrics } from './metrics.ts';
import { privateFosteringProjections } from './projections.ts';
import { privateFosteringReportSections } from './report.ts';
import {
  assessed, carerCheck, confirmed, ended, forwarded, notificationClosed, notified, panelDecided, reviewed, visit,
} from './test-builders.ts';

/**
 * Six children's private fostering over FY2024-25 (1 April 2024 – 31 March 2025), recorded through
 * the API and counted by the analytics engine. Every expected figure below is worked out by hand
 * from these logs.
 *
 * child notified (by, timing)       forwarded        initial visit (due)      decision
 * A     Mon 2024-04-08 school, exist. 04-10 (2 days)   04-15 (04-17) on time    confirmed 04-22, 8D, GB; visits 05-27 (due 05-27), 07-15 (due 07-08, late), 08-19 (due 08-26); ended 09-30
 * B     Mon 2024-06-03 parent, prop.  06-20 (17 days)  06-14 (06-12) late       confirmed 07-01, 8C, NG; visits 08-05 (due 07-26, late), then six on time to 2025-03-24
 * C     Mon 2024-09-02 health, exist. 09-03            09-05                    not private fostering (close relative) 09-10
 * D     Thu 2025-03-27 other, exist.  never            never (due 04-07)        not yet decided
 * E     2022-10-03 (FY2022-23), an arrangement of 2022-09-01 (8E, UA): 6-weekly visits in its first year, 12-weekly from 2023-10-19, all on time (five due in FY2024-25); reviewed 2024-10-14
 * F     2023-01-09 (FY2022-23), confirmed 2023-01-16 (8B, FR): never visited again, never reviewed
 *
 * Every child was born on 4 May 2010; A, B, C and E are girls.
 */
function scenario(): Record<string, { sex: 'F' | 'M'; registeredOn: string; log: LoggedEvent[] }> {
  const weeksAfter = (start: string, weeks: number, count: number) =>
    Array.from({ length: count }, (_, i) => new Date(Date.parse(`${start}T00:00:00Z`) + (i + 1) * weeks * 7 * 86_400_000).toISOString().slice(0, 10));
  return {
    A: {
      sex: 'F', registeredOn: '2023-01-02',
      log: [
        notified('2024-04-08', { notifiedBy: 'school' }), forwarded('2024-04-10'), visit('2024-04-15'),
        confirmed('2024-04-22', { startedOn: '2024-04-01', reason: '8D', nationality: 'GB' }), carerCheck('2024-05-01'), assessed('2024-05-20'), panelDecided('2024-06-03'),
        visit('2024-05-27'), visit('2024-07-15'), visit('2024-08-19'), ended('2024-09-30'),
      ],
    },
    B: {
      sex: 'M', registeredOn: '2023-01-02',
      log: [
        notified('2024-06-03', { notifiedBy: 'parent', timing: 'proposed', arrangementBeginsOn: '2024-07-01' }), forwarded('2024-06-20'),
        visit('2024-06-14'), confirmed('2024-07-01', { startedOn: '2024-07-01', reason: '8C', nationality: 'NG' }),
        ...['2024-08-05', '2024-09-16', '2024-10-21', '2024-11-25', '2025-01-06', '2025-02-10', '2025-03-24', '2025-05-01'].map((on) => visit(on)),
      ],
    },
    C: { sex: 'F', registeredOn: '2023-01-02', log: [notified('2024-09-02', { notifiedBy: 'health' }), forwarded('2024-09-03'), visit('2024-09-05'), notificationClosed('2024-09-10', 'close-relative')] },
    D: { sex: 'M', registeredOn: '2023-01-02', log: [notified('2025-03-27', { notifiedBy: 'other' })] },
    E: {
      sex: 'F', registeredOn: '2022-09-01',
      log: [
        notified('2022-10-03', { arrangementBeginsOn: '2022-09-01' }), forwarded('2022-10-04'), visit('2022-10-06'),
        confirmed('2022-10-10', { startedOn: '2022-09-01', reason: '8E', nationality: 'UA' }),
        ...weeksAfter('2022-10-06', 6, 9).map((on) => visit(on)),
        ...weeksAfter('2023-10-19', 12, 6).map((on) => visit(on)),
        reviewed('2024-10-14'),
      ],
    },
    F: { sex: 'M', registeredOn: '2022-09-01', log: [notified('2023-01-09'), visit('2023-01-10'), confirmed('2023-01-16', { reason: '8B', nationality: 'FR' })] },
  };
}

const FY = 'period=FY2024-25';
const countedBy = (id: string) => privateFosteringMetrics.find((m) => m.id === id)!.counts!;

describe.each(testDatabaseTargets)('private fostering figures and retention on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  const context = { laCode: LA_CODE, actor: { userId: 'tester', role: 'analyst', agency: 'childrens-social-care' }, correlationId: 'pf-metrics' } as RequestContext;

  appOnFreshDatabase(target, async (opened) => {
    ({ db, app } = opened);
    const r = recorderFor(app, 'pf');
    for (const [childId, { sex, registeredOn, log }] of Object.entries(scenario())) {
      await r.register(childId, { sex, dateOfBirth: '2010-05-04' }, registeredOn);
      for (const event of log) await r.record(childId, event.type, event.occurredAt, event.data as Record<string, unknown>);
    }
  });

  const counts = (id: string, query: string, by?: string) => metricCounts(app, id, query, by);

  it('projects rows under the keys its migration defines', async () => {
    const tables = privateFosteringProjections.map((projection) => projection.table);
    const keys = await db.pool.query(
      `SELECT t.relname AS table_name, array_agg(a.attname::text ORDER BY k.ordinality) AS columns
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE c.contype = 'p' AND t.relname = ANY($1::text[]) GROUP BY t.relname`,
      [tables],
    );
    const inDatabase = Object.fromEntries(keys.rows.map((r) => [r.table_name, (r.columns as string[]).filter((c) => c !== 'la_code')]));
    expect(inDatabase).toEqual(Object.fromEntries(privateFosteringProjections.map((projection) => [projection.table, [...projection.key]])));
    const stored = await db.pool.query(`SELECT child_id, decision, closure_reason, to_char(initial_visit_on, 'YYYY-MM-DD') AS initial_visit_on FROM private_fostering_notification ORDER BY child_id`);
    expect(stored.rows).toEqual([
      { child_id: 'A', decision: 'private-fostering', closure_reason: null, initial_visit_on: '2024-04-15' },
      { child_id: 'B', decision: 'private-fostering', closure_reason: null, initial_visit_on: '2024-06-14' },
      { child_id: 'C', decision: 'not-private-fostering', closure_reason: 'close-relative', initial_visit_on: '2024-09-05' },
      { child_id: 'D', decision: null, closure_reason: null, initial_visit_on: null },
      { child_id: 'E', decision: 'private-fostering', closure_reason: null, initial_visit_on: '2022-10-06' },
      { child_id: 'F', decision: 'private-fostering', closure_reason: null, initial_visit_on: '2023-01-10' },
    ]);
    const arrangements = await db.pool.query(`SELECT child_id, carer_person_ids, household_members, carer_checks, panel_decision, end_reason FROM private_fostering_arrangement ORDER BY child_id`);
    expect(arrangements.rows[0]).toEqual({ child_id: 'A', carer_person_ids: ['carer-1'], household_members: 1, carer_checks: 1, panel_decision: 'approved', end_reason: 'returned-to-parent' });
    expect((await db.pool.query('SELECT count(*)::int AS n FROM private_fostering_visit')).rows[0].n).toBe(4 + 9 + 1 + 0 + 16 + 1);
  });

  it('PF-01 counts the notifications received: four, one each from a school, a parent, health and someone else', async () => {
    expect(await metric(app, 'PF-01', FY)).toMatchObject({ value: 4, numerator: 4 });
    expect(await counts('PF-01', FY, 'notified-by')).toMatchObject({ school: [1, null], parent: [1, null], health: [1, null], other: [1, null] });
    expect(await counts('PF-01', FY, 'notification-decision')).toMatchObject({ 'private-fostering': [2, null], 'not-private-fostering': [1, null], 'awaiting-decision': [1, null] });
    expect(await counts('PF-01', FY, 'sex')).toMatchObject({ F: [2, null], M: [2, null] });
  });

  it('PF-02 finds two of the four to be private fostering, one still undecided', async () => {
    expect(await metric(app, 'PF-02', FY)).toMatchObject({ value: 50, numerator: 2, denominator: 4, additional: { awaitingDecision: 1 } });
  });

  it('PF-03 counts forwarding within 7 days: A and C were, B was late and D never was', async () => {
    expect(await metric(app, 'PF-03', FY)).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    // Judged on 2 April 2025, D's 7 days are not over: it is left out.
    const early = await new AnalyticsRepository(db.pool, context).countGroups(countedBy('PF-03'), [], { from: '2024-04-01', to: '2025-03-31' }, {
      judgedOn: '2025-04-02', holidays: [], withinDays: 10, withinUnit: 'working-days',
    });
    expect(early.map((g) => [g.numerator, g.denominator])).toEqual([[2, 3]]);
  });

  it('PF-04 counts the new arrangements visited within 7 working days: A was, B was not', async () => {
    expect(await metric(app, 'PF-04', FY)).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });

  it('PF-05 counts the visits due in the year made by their due date: 13 of 15', async () => {
    expect(await counts('PF-05', FY, 'visit-schedule')).toEqual({ '': [13, 15], 'first-year': [8, 10], 'later-years': [5, 5] });
  });

  it('PF-06 counts long-term arrangements reviewed in the last 12 months: E was, F was not', async () => {
    expect(await metric(app, 'PF-06', 'asAt=2025-03-31')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    // A year earlier E had been in place for 18 months without a review, and F for 14.
    expect(await metric(app, 'PF-06', 'asAt=2024-03-31')).toMatchObject({ value: 0, numerator: 0, denominator: 2 });
  });

  it('PF-07 gives the privately fostered children of the year by reason and nationality', async () => {
    expect(await metric(app, 'PF-07', FY)).toMatchObject({ numerator: 4 });
    expect(await counts('PF-07', FY, 'private-fostering-reason')).toMatchObject({ '8B': [1, null], '8C': [1, null], '8D': [1, null], '8E': [1, null] });
    expect(await counts('PF-07', FY, 'nationality')).toMatchObject({ FR: [1, null], GB: [1, null], NG: [1, null], UA: [1, null] });
  });

  it('keeps a privately fostered child\'s record as its own kind, and open work while a notification or arrangement is open', async () => {
    const facts = await new RetentionRepository(db, context).findRetentionFacts();
    expect(facts.map((f) => [f.childId, f.recordType, f.openWork])).toEqual([
      ['A', 'private-fostering', false], ['B', 'private-fostering', true], ['C', 'contact-only', false],
      ['D', 'contact-only', true], ['E', 'private-fostering', true], ['F', 'private-fostering', true],
    ]);
    // A's record, born 4 May 2010, last written about on 30 September 2024: kept to their 25th birthday.
    const decision = retentionDecision(facts.find((f) => f.childId === 'A')!, resolveRetentionRules(), '2030-01-01');
    expect(decision).toMatchObject({ ruleId: 'private-fostering-to-25th-birthday', retainUntil: '2035-05-04', status: 'retained' });
  });
});

describe('private fostering\'s figures', () => {
  const defined = new Map(privateFosteringMetrics.map((m) => [m.id, m]));
  const carried = carriedBy(privateFosteringMetrics, privateFosteringDimensions);

  it('shows in the annual report figures it defines, broken down by what their rows carry', () => {
    for (const section of privateFosteringReportSections) {
      if (section.kind !== 'figures') continue;
      expect(section.figures.filter((id) => !defined.has(id))).toEqual([]);
      for (const breakdown of section.breakdowns) {
        expect(defined.has(breakdown.metricId)).toBe(true);
        if (breakdown.by) expect(carried(breakdown.metricId, breakdown.by), `${breakdown.metricId} by ${breakdown.by}`).toBe(true);
      }
    }
  });

  it('counts every figure it defines, by breakdowns its rows carry', () => {
    for (const definition of privateFosteringMetrics) {
      expect(definition.counts, definition.id).toBeDefined();
      for (const by of definition.breakdowns) expect(carried(definition.id, by), `${definition.id} by ${by}`).toBe(true);
    }
  });
});
