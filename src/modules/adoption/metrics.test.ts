import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appOnFreshDatabase, carriedBy, breakdownKey, LA_CODE, metric, recorderFor, unsuppressedMetric } from '../../analytics/test-support.ts';
import type { Database } from '../../platform/database/database.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { RetentionRepository } from '../../retention/repo.ts';
import { retentionDecision } from '../../retention/rules.ts';
import { resolveRetentionRules } from '../../retention/schedules.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { adoptionDimensions, adoptionMetrics } from './metrics.ts';
import { adoptionProjections } from './projections.ts';
import { adoptionReportSections } from './report.ts';

type Step = [type: string, on: string, data?: Record<string, unknown>];

const care = (on: string, type = 'U6'): Step => ['looked-after.started', on, { legalStatus: 'C1', categoryOfNeed: 'N1', placement: { type, provider: 'PR1' } }];
const moved = (on: string, type: string): Step => ['looked-after.placement-changed', on, { placement: { type, provider: 'PR1' }, sameCarer: false, reason: 'CARPL' }];
const ceased = (on: string, reason: string): Step => ['looked-after.ceased', on, { reason }];

/**
 * Eight children's adoption and permanence, recorded through the API with their periods of care,
 * and counted by the analytics engine for FY2024-25 (1 April 2024 – 31 March 2025). Every expected
 * figure is worked out by hand from these logs.
 *
 * child entered care  decision    placement order  matched                       placed            outcome
 * A     2023-01-05    2023-04-03  2023-08-01       2023-10-02 (MF, L11)          2023-11-01 A6     adopted 2024-06-03 (E11): A1 300 days, A2 62
 * B     2023-03-01    2023-09-01  2024-01-15       2024-06-14 (FF, L12, foster   2024-07-01 A5     adopted 2025-02-03 (E12): A1 488 days, A10 0
 *                                                  carers since 2023-03-01)                          (moved in with them on entering care), A2 151
 * C     2024-01-10    2024-04-15  2024-08-01       –                             –                 waiting at 31 March 2025
 * D     2023-06-01    2023-09-01  –                –                             –                 reversed 2024-09-02: no adopters found (RD3)
 * E     2024-01-10    2024-05-01  2024-07-01       –                             –                 reversed 2024-10-01: needs changed (RD1)
 * F     2022-05-01    special guardianship order 2024-11-04 to former foster carers who are relatives (E45)
 * G     2022-05-01    child arrangements order 2025-01-13, not to relatives or friends (E41)
 * H     2022-05-01    special guardianship order 2024-02-01 (the year before)
 */
function scenario(): Record<string, Step[]> {
  return {
    A: [
      care('2023-01-05'), ['adoption.decision-to-place', '2023-04-03'], ['adoption.placement-order-applied', '2023-05-01'], ['adoption.placement-order-granted', '2023-08-01'],
      ['looked-after.legal-status-changed', '2023-08-01', { legalStatus: 'E1' }],
      ['adoption.matched', '2023-10-02', { adoptersSex: 'MF', adoptersLegalStatus: 'L11', fosterCarers: false }], moved('2023-11-01', 'A6'), ['adoption.placed', '2023-11-01', { placement: 'A6' }],
      ['adoption.order-granted', '2024-06-03'], ceased('2024-06-03', 'E11'),
    ],
    B: [
      care('2023-03-01', 'U4'), ['adoption.decision-to-place', '2023-09-01', { fosteringForAdoption: false }], ['adoption.placement-order-granted', '2024-01-15'],
      ['adoption.matched', '2024-06-14', { adoptersSex: 'FF', adoptersLegalStatus: 'L12', fosterCarers: true, livingWithAdoptersSince: '2023-03-01' }],
      moved('2024-07-01', 'A5'), ['adoption.placed', '2024-07-01', { placement: 'A5' }], ['adoption.order-granted', '2025-02-03', { consentDispensedWith: true }], ceased('2025-02-03', 'E12'),
    ],
    C: [care('2024-01-10'), ['adoption.decision-to-place', '2024-04-15'], ['adoption.placement-order-granted', '2024-08-01']],
    D: [care('2023-06-01'), ['adoption.decision-to-place', '2023-09-01'], ['adoption.decision-reversed', '2024-09-02', { reason: 'RD3' }]],
    E: [care('2024-01-10'), ['adoption.decision-to-place', '2024-05-01'], ['adoption.placement-order-granted', '2024-07-01'], ['adoption.decision-reversed', '2024-10-01', { reason: 'RD1' }]],
    F: [care('2022-05-01', 'U1'), ['adoption.special-guardianship-order-made', '2024-11-04', { relativeOrFriend: true, formerFosterCarers: true }], ceased('2024-11-04', 'E45')],
    G: [care('2022-05-01'), ['adoption.child-arrangements-order-made', '2025-01-13', { relativeOrFriend: false, formerFosterCarers: false }], ceased('2025-01-13', 'E41')],
    H: [care('2022-05-01'), ['adoption.special-guardianship-order-made', '2024-02-01', { relativeOrFriend: true, formerFosterCarers: false }], ceased('2024-02-01', 'E47')],
  };
}

const FY = 'period=FY2024-25';

describe.each(testDatabaseTargets)('adoption figures and retention on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  const context = { laCode: LA_CODE, actor: { userId: 'tester', role: 'analyst', agency: 'childrens-social-care' }, correlationId: 'adoption-metrics' } as RequestContext;

  appOnFreshDatabase(target, async (opened) => {
    ({ db, app } = opened);
    const r = recorderFor(app, 'adoption');
    for (const [childId, steps] of Object.entries(scenario())) {
      await r.register(childId, { sex: childId === 'B' ? 'M' : 'F', dateOfBirth: '2021-11-01' }, '2022-01-03');
      for (const [type, on, data] of steps) await r.record(childId, type, on, data ?? {});
    }
  });

  async function counts(id: string, query: string, by?: string) {
    const { rows } = await unsuppressedMetric(app, id, query, by);
    return Object.fromEntries(rows.filter((row) => (row.numerator.value ?? 0) > 0).map((row) => [breakdownKey(row), row.numerator.value]));
  }

  it('projects rows under the keys its migration defines, with the 903 fields', async () => {
    const tables = adoptionProjections.map((projection) => projection.table);
    const keys = await db.pool.query(
      `SELECT t.relname AS table_name, array_agg(a.attname::text ORDER BY k.ordinality) AS columns
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE c.contype = 'p' AND t.relname = ANY($1::text[]) GROUP BY t.relname`,
      [tables],
    );
    const inDatabase = Object.fromEntries(keys.rows.map((r) => [r.table_name, (r.columns as string[]).filter((c) => c !== 'la_code')]));
    expect(inDatabase).toEqual(Object.fromEntries(adoptionProjections.map((projection) => [projection.table, [...projection.key]])));
    const plans = await db.pool.query(`SELECT child_id, stage, to_char(entered_care_on, 'YYYY-MM-DD') AS entered, number_of_adopters, reason_ceased, reversal_reason FROM adoption_plan ORDER BY child_id`);
    expect(plans.rows).toEqual([
      { child_id: 'A', stage: 'adopted', entered: '2023-01-05', number_of_adopters: 2, reason_ceased: 'E11', reversal_reason: null },
      { child_id: 'B', stage: 'adopted', entered: '2023-03-01', number_of_adopters: 2, reason_ceased: 'E12', reversal_reason: null },
      { child_id: 'C', stage: 'placement-order', entered: '2024-01-10', number_of_adopters: null, reason_ceased: null, reversal_reason: null },
      { child_id: 'D', stage: 'reversed', entered: '2023-06-01', number_of_adopters: null, reason_ceased: null, reversal_reason: 'RD3' },
      { child_id: 'E', stage: 'reversed', entered: '2024-01-10', number_of_adopters: null, reason_ceased: null, reversal_reason: 'RD1' },
    ]);
    const orders = await db.pool.query('SELECT child_id, order_kind, reason_ceased FROM permanence_order ORDER BY child_id');
    expect(orders.rows).toEqual([
      { child_id: 'F', order_kind: 'special-guardianship', reason_ceased: 'E45' },
      { child_id: 'G', order_kind: 'child-arrangements', reason_ceased: 'E41' },
      { child_id: 'H', order_kind: 'special-guardianship', reason_ceased: 'E47' },
    ]);
  });

  it('ADOPT-01 counts the two children adopted, one by their foster carers', async () => {
    expect(await metric(app, 'ADOPT-01', `${FY}&unsuppressed=true`)).toMatchObject({ value: 2, numerator: 2 });
    expect(await counts('ADOPT-01', FY, 'adopted-by-foster-carers')).toEqual({ 'foster-carers': 1, 'other-adopters': 1 });
    expect(await counts('ADOPT-01', FY, 'adopters-legal-status')).toEqual({ L11: 1, L12: 1 });
  });

  it('ADOPT-02 (A1) averages 394 days from entering care to placed for adoption, one of the two within 426', async () => {
    const result = await metric(app, 'ADOPT-02', `${FY}&unsuppressed=true`);
    expect(result).toMatchObject({ value: 394, numerator: 788, denominator: 2, additional: { withinThreshold: 1 } });
  });

  it('ADOPT-03 (A10) counts B to the day they moved in with the foster carers who adopted them', async () => {
    expect(await metric(app, 'ADOPT-03', `${FY}&unsuppressed=true`)).toMatchObject({ value: 150, numerator: 300, denominator: 2, additional: { withinThreshold: 2 } });
  });

  it('ADOPT-04 (A2) averages 106.5 days from the placement order to the match', async () => {
    expect(await metric(app, 'ADOPT-04', `${FY}&unsuppressed=true`)).toMatchObject({ value: 106.5, numerator: 213, denominator: 2, additional: { withinThreshold: 1 } });
    const byCarers = await metric(app, 'ADOPT-04', `${FY}&unsuppressed=true&by=adopted-by-foster-carers`);
    const rows = (byCarers.breakdown?.rows ?? []) as { groups: { code: string }[]; value: { value: number | null } }[];
    expect(Object.fromEntries(rows.map((row) => [row.groups[0]!.code, row.value.value]))).toEqual({ 'foster-carers': 151, 'other-adopters': 62 });
  });

  it('ADOPT-05 gives the decisions reversed by reason', async () => {
    expect(await metric(app, 'ADOPT-05', `${FY}&unsuppressed=true`)).toMatchObject({ numerator: 2 });
    expect(await counts('ADOPT-05', FY, 'reason-placed-ceased')).toEqual({ RD1: 1, RD3: 1 });
  });

  it('ADOPT-06 counts the children waiting with a placement order on the day, and those not yet matched', async () => {
    expect(await metric(app, 'ADOPT-06', 'asAt=2025-03-31&unsuppressed=true')).toMatchObject({ value: 1, additional: { notYetMatched: 1 } });
    expect(await metric(app, 'ADOPT-06', 'asAt=2024-08-31&unsuppressed=true')).toMatchObject({ value: 2, additional: { notYetMatched: 2 } });
    expect(await metric(app, 'ADOPT-06', 'asAt=2024-06-30&unsuppressed=true')).toMatchObject({ value: 1, additional: { notYetMatched: 0 } });
  });

  it('ADOPT-07 and ADOPT-08 count the special guardianship and child arrangements orders of the year', async () => {
    expect(await metric(app, 'ADOPT-07', `${FY}&unsuppressed=true`)).toMatchObject({ value: 1 });
    expect(await counts('ADOPT-07', FY, 'permanence-order-carers')).toEqual({ E45: 1 });
    expect(await metric(app, 'ADOPT-08', `${FY}&unsuppressed=true`)).toMatchObject({ value: 1 });
  });

  it('keeps an adopted child\'s record 100 years, and an open adoption plan as open work', async () => {
    const facts = await new RetentionRepository(db, context).findRetentionFacts();
    const of = (childId: string) => facts.find((f) => f.childId === childId)!;
    expect([of('A').recordType, of('B').recordType]).toEqual(['adoption', 'adoption']);
    expect(of('C').openWork).toBe(true);
    expect(of('D').recordType).not.toBe('adoption');
    const decision = retentionDecision(of('A'), resolveRetentionRules(), '2030-01-01');
    expect(decision).toMatchObject({ ruleId: 'adoption-100-years', retainUntil: '2124-06-03', status: 'retained' });
  });
});

describe('adoption\'s figures', () => {
  const defined = new Map(adoptionMetrics.map((m) => [m.id, m]));
  const carried = carriedBy(adoptionMetrics, adoptionDimensions);

  it('shows in the annual report figures it defines, broken down by what their rows carry', () => {
    for (const section of adoptionReportSections) {
      if (section.kind !== 'figures') continue;
      expect(section.figures.filter((id) => !defined.has(id))).toEqual([]);
      for (const breakdown of section.breakdowns) {
        expect(defined.has(breakdown.metricId)).toBe(true);
        if (breakdown.by) expect(carried(breakdown.metricId, breakdown.by), `${breakdown.metricId} by ${breakdown.by}`).toBe(true);
      }
    }
  });

  it('counts every figure it defines, by breakdowns its rows carry, under ids of its own', () => {
    for (const definition of adoptionMetrics) {
      expect(definition.id).toMatch(/^ADOPT-\d{2}$/);
      expect(definition.title, definition.id).toBeDefined();
      expect(definition.counts, definition.id).toBeDefined();
      for (const by of definition.breakdowns) expect(carried(definition.id, by), `${definition.id} by ${by}`).toBe(true);
    }
  });
});
