import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsRepository, type MetricParameters } from '../../analytics/repo.ts';
import { resolveRetentionRules } from '../../retention/schedules.ts';
import { retentionDecision } from '../../retention/rules.ts';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import type { Database } from '../../platform/database/database.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { LoggedEvent } from '../../record/fold.ts';
import { addProjectionRows, emptyProjectionRows, insertProjectionRows } from '../../record/projections.ts';
import { computeDuties } from '../../timescales/engine.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { privateFosteringDimensions, privateFosteringMetricDefinitions, privateFosteringMetricSources, type PrivateFosteringDimensionId } from './metrics.ts';
import { addPrivateFosteringProjectionRows, emptyPrivateFosteringRows, privateFosteringProjectionColumns, privateFosteringProjectionKeys, privateFosteringProjectionTables } from './projections.ts';
import { privateFosteringReportSection } from './report.ts';
import { privateFosteringRetention, privateFosteringRetentionOf } from './retention.ts';
import { privateFosteringTimescaleRules } from './timescales.ts';
import {
  assessed, carerCheck, confirmed, ended, foldOf, forwarded, LA_CODE, notificationClosed, notified, panelDecided, registered, reviewed, visit,
} from './test-builders.ts';

const calendar = createCalendar();

/**
 * Six children's private fostering over FY2024-25 (1 April 2024 – 31 March 2025), the figures
 * judged on 1 June 2025. Every expected figure below is worked out by hand from these logs.
 *
 * child notified (by, timing)       forwarded        initial visit (due)      decision
 * A     Mon 2024-04-08 school, exist. 04-10 (2 days)   04-15 (04-17) on time    confirmed 04-22, 8D, GB; visits 05-27 (due 05-27), 07-15 (due 07-08, late), 08-19 (due 08-26); ended 09-30
 * B     Mon 2024-06-03 parent, prop.  06-20 (17 days)  06-14 (06-12) late       confirmed 07-01, 8C, NG; visits 08-05 (due 07-26, late), then six on time to 2025-03-24
 * C     Mon 2024-09-02 health, exist. 09-03            09-05                    not private fostering (close relative) 09-10
 * D     Thu 2025-03-27 other, exist.  never            never (due 04-07)        not yet decided
 * E     2022-10-03 (FY2022-23), an arrangement of 2022-09-01 (8E, UA): 6-weekly visits in its first year, 12-weekly from 2023-10-19, all on time (five due in FY2024-25); reviewed 2024-10-14
 * F     2023-01-09 (FY2022-23), confirmed 2023-01-16 (8B, FR): never visited again, never reviewed
 */
function scenario(): Record<string, LoggedEvent[]> {
  const weeksAfter = (start: string, weeks: number, count: number) =>
    Array.from({ length: count }, (_, i) => new Date(Date.parse(`${start}T00:00:00Z`) + (i + 1) * weeks * 7 * 86_400_000).toISOString().slice(0, 10));
  return {
    A: [
      registered({ sex: 'F' }), notified('2024-04-08', { notifiedBy: 'school' }), forwarded('2024-04-10'), visit('2024-04-15'),
      confirmed('2024-04-22', { startedOn: '2024-04-01', reason: '8D', nationality: 'GB' }), carerCheck('2024-05-01'), assessed('2024-05-20'), panelDecided('2024-06-03'),
      visit('2024-05-27'), visit('2024-07-15'), visit('2024-08-19'), ended('2024-09-30'),
    ],
    B: [
      registered({ sex: 'M' }), notified('2024-06-03', { notifiedBy: 'parent', timing: 'proposed', arrangementBeginsOn: '2024-07-01' }), forwarded('2024-06-20'),
      visit('2024-06-14'), confirmed('2024-07-01', { startedOn: '2024-07-01', reason: '8C', nationality: 'NG' }),
      ...['2024-08-05', '2024-09-16', '2024-10-21', '2024-11-25', '2025-01-06', '2025-02-10', '2025-03-24', '2025-05-01'].map((on) => visit(on)),
    ],
    C: [registered({ sex: 'F' }), notified('2024-09-02', { notifiedBy: 'health' }), forwarded('2024-09-03'), visit('2024-09-05'), notificationClosed('2024-09-10', 'close-relative')],
    D: [registered({ sex: 'M' }), notified('2025-03-27', { notifiedBy: 'other' })],
    E: [
      registered({ sex: 'F' }, '2022-09-01'), notified('2022-10-03', { arrangementBeginsOn: '2022-09-01' }), forwarded('2022-10-04'), visit('2022-10-06'),
      confirmed('2022-10-10', { startedOn: '2022-09-01', reason: '8E', nationality: 'UA' }),
      ...weeksAfter('2022-10-06', 6, 9).map((on) => visit(on)),
      ...weeksAfter('2023-10-19', 12, 6).map((on) => visit(on)),
      reviewed('2024-10-14'),
    ],
    F: [registered({ sex: 'M' }, '2022-09-01'), notified('2023-01-09'), visit('2023-01-10'), confirmed('2023-01-16', { reason: '8B', nationality: 'FR' })],
  };
}

describe.each(testDatabaseTargets)('private fostering projections, figures and retention on $name', (target) => {
  let db: Database;
  let repo: AnalyticsRepository;
  const FY = { from: '2024-04-01', to: '2025-03-31' };
  const parameters: MetricParameters = { judgedOn: '2025-06-01', holidays: [], withinDays: 10, withinUnit: 'working-days' };

  beforeAll(async () => {
    db = await target.open();
    const context = { laCode: LA_CODE, actor: { userId: 'tester', role: 'analyst', agency: 'childrens-social-care' }, correlationId: 'pf-metrics' } as RequestContext;
    repo = new AnalyticsRepository(db.pool, context);
    const rows = emptyProjectionRows();
    const ours = emptyPrivateFosteringRows();
    for (const [childId, log] of Object.entries(scenario())) {
      const folded = foldOf(log, childId);
      const timed = folded.effectiveEvents.map((e) => ({ eventId: e.entityId, childId, type: e.type, occurredAt: e.occurredAt, data: e.data as Record<string, unknown> }));
      addProjectionRows(rows, folded, computeDuties(timed, privateFosteringTimescaleRules, calendar));
      addPrivateFosteringProjectionRows(ours, folded.state);
    }
    const client = await db.pool.connect();
    try {
      await insertProjectionRows(client, LA_CODE, 'child', rows.child);
      await insertProjectionRows(client, LA_CODE, 'duty', rows.duty);
      for (const table of privateFosteringProjectionTables) {
        const columns = { child_id: 'text', ...privateFosteringProjectionColumns[table] } as Record<string, string>;
        const names = Object.keys(columns);
        await client.query(
          `INSERT INTO ${table} (la_code, ${names.join(', ')}) SELECT $1, ${names.join(', ')} FROM jsonb_to_recordset($2::jsonb) AS r(${names.map((n) => `${n} ${columns[n]}`).join(', ')})`,
          [LA_CODE, JSON.stringify(ours[table])],
        );
      }
    } finally {
      client.release();
    }
  });
  afterAll(() => db?.close());

  /** The metric's counts in total and, when asked, by one breakdown: `{ '': [n, d], code: [n, d] }`. */
  async function counts(id: string, by?: PrivateFosteringDimensionId | 'sex', window = FY) {
    const source = privateFosteringMetricSources[id]!;
    const dimension = by === 'sex'
      ? { id: 'sex', title: 'Sex', sql: `coalesce(e.sex, 'U')`, labelOf: String, demographic: true }
      : by ? privateFosteringDimensions[by] : undefined;
    const groups = await repo.countGroups(source, dimension ? [dimension as never] : [], window, parameters);
    return Object.fromEntries(groups.map((g) => [g.codes.join('|'), [g.numerator, g.denominator, ...Object.values(g.additional)]]));
  }

  it('writes rows the migration accepts, under the keys it defines', async () => {
    const keys = await db.pool.query(
      `SELECT t.relname AS table_name, array_agg(a.attname::text ORDER BY k.ordinality) AS columns
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE c.contype = 'p' AND t.relname = ANY($1::text[]) GROUP BY t.relname`,
      [privateFosteringProjectionTables],
    );
    const inDatabase = Object.fromEntries(keys.rows.map((r) => [r.table_name, (r.columns as string[]).filter((c) => c !== 'la_code')]));
    expect(inDatabase).toEqual(Object.fromEntries(privateFosteringProjectionTables.map((table) => [table, [...privateFosteringProjectionKeys[table]]])));
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
    expect(await counts('PF-01')).toEqual({ '': [4, 4] });
    expect(await counts('PF-01', 'notified-by')).toEqual({ '': [4, 4], school: [1, 1], parent: [1, 1], health: [1, 1], other: [1, 1] });
    expect(await counts('PF-01', 'notification-decision')).toEqual({ '': [4, 4], 'private-fostering': [2, 2], 'not-private-fostering': [1, 1], 'awaiting-decision': [1, 1] });
    expect(await counts('PF-01', 'sex')).toEqual({ '': [4, 4], F: [2, 2], M: [2, 2] });
  });

  it('PF-02 finds two of the four to be private fostering, one still undecided', async () => {
    expect(await counts('PF-02')).toEqual({ '': [2, 4, 1] });
  });

  it('PF-03 counts forwarding within 7 days: A and C were, B was late and D never was', async () => {
    expect(await counts('PF-03')).toEqual({ '': [2, 4] });
    // Judged on 2 April 2025, D's 7 days are not over: it is left out.
    const early = await repo.countGroups(privateFosteringMetricSources['PF-03']!, [], FY, { ...parameters, judgedOn: '2025-04-02' });
    expect(early.map((g) => [g.numerator, g.denominator])).toEqual([[2, 3]]);
  });

  it('PF-04 counts the new arrangements visited within 7 working days: A was, B was not', async () => {
    expect(await counts('PF-04')).toEqual({ '': [1, 2] });
  });

  it('PF-05 counts the visits due in the year made by their due date: 13 of 15', async () => {
    expect(await counts('PF-05')).toEqual({ '': [13, 15] });
    expect(await counts('PF-05', 'visit-schedule')).toEqual({ '': [13, 15], 'first-year': [8, 10], 'later-years': [5, 5] });
  });

  it('PF-06 counts long-term arrangements reviewed in the last 12 months: E was, F was not', async () => {
    expect(await counts('PF-06', undefined, { from: FY.to, to: FY.to })).toEqual({ '': [1, 2] });
    // A year earlier E had been in place for 18 months without a review, and F for 14.
    expect(await counts('PF-06', undefined, { from: '2024-03-31', to: '2024-03-31' })).toEqual({ '': [0, 2] });
  });

  it('PF-07 gives the privately fostered children of the year by reason and nationality', async () => {
    expect(await counts('PF-07', 'private-fostering-reason')).toEqual({ '': [4, 4], '8B': [1, 1], '8C': [1, 1], '8D': [1, 1], '8E': [1, 1] });
    expect(await counts('PF-07', 'nationality')).toEqual({ '': [4, 4], FR: [1, 1], GB: [1, 1], NG: [1, 1], UA: [1, 1] });
  });

  it('keeps a privately fostered child\'s record as a child in need\'s, and open work while a notification or arrangement is open', async () => {
    const facts = await db.pool.query(
      `SELECT c.child_id, ${privateFosteringRetention.recordTypes.map((t) => `CASE WHEN ${t.when} THEN '${t.recordType}' END`).join(', ')} AS record_type,
              (${privateFosteringRetention.openWork}) AS open_work
         FROM child c WHERE c.la_code = $1 ORDER BY c.child_id`,
      [LA_CODE],
    );
    expect(facts.rows.map((r) => [r.child_id, r.record_type, r.open_work])).toEqual([
      ['A', 'child-in-need', false], ['B', 'child-in-need', true], ['C', null, false], ['D', null, true], ['E', 'child-in-need', true], ['F', 'child-in-need', true],
    ]);
    const logs = scenario();
    expect(Object.entries(logs).map(([childId, log]) => [childId, privateFosteringRetentionOf(foldOf(log, childId).state)])).toEqual([
      ['A', { recordType: 'child-in-need', openWork: false }], ['B', { recordType: 'child-in-need', openWork: true }], ['C', { recordType: 'contact-only', openWork: false }],
      ['D', { recordType: 'contact-only', openWork: true }], ['E', { recordType: 'child-in-need', openWork: true }], ['F', { recordType: 'child-in-need', openWork: true }],
    ]);
    // A's record, born 4 May 2010, last written about on 30 September 2024: kept to their 25th birthday.
    const decision = retentionDecision({ childId: 'A', dateOfBirth: '2010-05-04', expectedDateOfBirth: null, recordType: 'child-in-need', lastEventOn: '2024-09-30', openWork: false, onHold: false }, resolveRetentionRules(), '2030-01-01');
    expect(decision).toMatchObject({ ruleId: 'child-in-need-to-25th-birthday', retainUntil: '2035-05-04', status: 'retained' });
  });

  it('shows in the annual report figures it defines, broken down by what their rows carry', () => {
    const defined = new Set(privateFosteringMetricDefinitions.map((d) => d.id));
    expect(privateFosteringReportSection.figures.filter((id) => !defined.has(id))).toEqual([]);
    for (const breakdown of privateFosteringReportSection.breakdowns) {
      expect(defined.has(breakdown.metricId)).toBe(true);
      const dimension = breakdown.by ? privateFosteringDimensions[breakdown.by as PrivateFosteringDimensionId] : undefined;
      if (dimension) expect(dimension.needsColumns!.every((column) => privateFosteringMetricSources[breakdown.metricId]!.columns.includes(column))).toBe(true);
    }
  });

  it('defines every figure it counts, and no other', () => {
    expect(privateFosteringMetricDefinitions.map((d) => d.id)).toEqual(Object.keys(privateFosteringMetricSources));
    for (const definition of privateFosteringMetricDefinitions) {
      for (const by of definition.breakdowns) {
        const dimension = privateFosteringDimensions[by as PrivateFosteringDimensionId];
        if (dimension) expect(dimension.needsColumns!.every((column) => privateFosteringMetricSources[definition.id]!.columns.includes(column)), `${definition.id} by ${by}`).toBe(true);
      }
    }
  });
});
