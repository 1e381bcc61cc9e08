import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appOnFreshDatabase, breakdownKey, fourThousandChildren, LA_CODE, loadPopulation, metric, recorderFor, unsuppressedMetric } from '../../analytics/test-support.ts';
import type { Database } from '../../platform/database/database.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { RetentionRepository } from '../../retention/repo.ts';
import { retentionDecision } from '../../retention/rules.ts';
import { resolveRetentionRules } from '../../retention/schedules.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { lookedAfterDimensions, lookedAfterMetrics } from './metrics.ts';
import { lookedAfterProjections } from './projections.ts';

const inHouse = (postcode: string, weeklyCost = 520) => ({ type: 'U6', provider: 'PR1', ofstedUrn: 'XXXXXXX', postcode, weeklyCost });
const agency = (postcode: string, weeklyCost = 1_050) => ({ type: 'U6', provider: 'PR4', ofstedUrn: 'XXXXXXX', postcode, weeklyCost });
const home = (postcode: string, weeklyCost: number) => ({ type: 'K2', provider: 'PR4', ofstedUrn: 'SC12345', postcode, weeklyCost });

/**
 * Ten children's care over FY2024-25 (1 April 2024 – 31 March 2025), recorded through the API and
 * counted by the analytics engine. Home postcodes are in N1; every expected figure is worked out by
 * hand from these logs.
 *
 * child born        what happened                                                                     at 31 March 2025
 * A     2010-05-04  V2 2024-01-08 in-house N7; moved 06-01 to Kent (ME14); 09-01 to a home (ZE1,       looked after, 14: three placements
 *                   district not known); a temporary T4 move 12-01, back to the same carer 12-05;     in the year (the T4 and the return
 *                   a secure order 10-01 to 12-31                                                      are not new placements); distance not known
 * B     2018-02-01  C1 2022-06-01 agency foster carer in Kent (ME14); C2 2023-01-10                    stable 2.8 years; 32.2 miles away
 * C     2020-03-01  C1 2022-01-10 in-house N7; E1 2023-01-05; placed for adoption (A6, N19) 2024-10-01  stable: adoption placement + the one before
 * D     2019-06-01  V2 2022-02-01 in-house N7; moved 2024-02-01 to N4                                  not stable (moved 14 months ago); under 8 on s20
 * E     2008-01-01  UASC, V2 2024-09-01 supported accommodation £2,100 a week, no home postcode       UASC; distance not known
 * F     2008-06-01  J1 2024-05-01 home £5,600, ceased 07-15 (E14); V2 2024-11-01 in-house N7 £520;      looked after: two remands began in the year,
 *                   (three placements in the year over two periods)
 *                   moved on remand (J1) 2025-01-10 to a home in N7 at £6,300
 * G     2022-05-01  C1 2023-01-01; E1 2023-08-01; A6 2024-02-01; adopted 2024-11-20 (E11)              ceased
 * H     2016-01-01  V2 2023-05-01 with a relative (U3); SGO 2024-08-01 (E45)                           ceased
 * I     2012-01-01  disabled; short breaks (V3) 2024-06-01 to 06-04 and from 2025-03-30                left out of every figure
 */
const children: Record<string, { details: Record<string, unknown>; events: [string, string, Record<string, unknown>][] }> = {
  A: {
    details: { dateOfBirth: '2010-05-04', sex: 'M' },
    events: [
      ['looked-after.started', '2024-01-08', { legalStatus: 'V2', categoryOfNeed: 'N1', placement: inHouse('N7 8AB'), homePostcode: 'N1 2AB' }],
      ['looked-after.placement-changed', '2024-06-01', { placement: agency('ME14 1AA'), sameCarer: false, reason: 'CREQB' }],
      ['looked-after.placement-changed', '2024-09-01', { placement: home('ZE1 0AA', 5_200), sameCarer: false, reason: 'CHILD' }],
      ['looked-after.secure-accommodation-order-made', '2024-10-01', { endsOn: '2024-12-31', reasons: ['Risk of sexual exploitation'] }],
      ['looked-after.placement-changed', '2024-12-01', { placement: { type: 'T4' }, sameCarer: false, reason: 'OTHER' }],
      ['looked-after.placement-changed', '2024-12-05', { placement: home('ZE1 0AA', 5_200), sameCarer: true, reason: 'CARPL' }],
    ],
  },
  B: {
    details: { dateOfBirth: '2018-02-01', ethnicity: 'BAFR' },
    events: [
      ['looked-after.started', '2022-06-01', { legalStatus: 'C1', categoryOfNeed: 'N1', placement: agency('ME14 2BB'), homePostcode: 'N1 2AB' }],
      ['looked-after.legal-status-changed', '2023-01-10', { legalStatus: 'C2' }],
    ],
  },
  C: {
    details: { dateOfBirth: '2020-03-01' },
    events: [
      ['looked-after.started', '2022-01-10', { legalStatus: 'C1', categoryOfNeed: 'N1', placement: inHouse('N7 1AA'), homePostcode: 'N1 2AB' }],
      ['looked-after.legal-status-changed', '2023-01-05', { legalStatus: 'E1' }],
      ['looked-after.placement-changed', '2024-10-01', { placement: { type: 'A6', provider: 'PR1', postcode: 'N19 3AA' }, sameCarer: false, reason: 'CARPL' }],
    ],
  },
  D: {
    details: { dateOfBirth: '2019-06-01', sex: 'M' },
    events: [
      ['looked-after.started', '2022-02-01', { legalStatus: 'V2', categoryOfNeed: 'N2', placement: inHouse('N7 1AA'), homePostcode: 'N1 2AB' }],
      ['looked-after.placement-changed', '2024-02-01', { placement: inHouse('N4 2AA'), sameCarer: false, reason: 'CARPL' }],
    ],
  },
  E: {
    details: { dateOfBirth: '2008-01-01', sex: 'M', ethnicity: 'AOTH', unaccompaniedAsylumSeeking: true },
    events: [
      ['looked-after.started', '2024-09-01', { legalStatus: 'V2', categoryOfNeed: 'N7', placement: { type: 'K3', provider: 'PR4', ofstedUrn: 'SC23456', postcode: 'N7 5AA', weeklyCost: 2_100 }, unaccompaniedAsylumSeeking: true }],
    ],
  },
  F: {
    details: { dateOfBirth: '2008-06-01', sex: 'M' },
    events: [
      ['looked-after.started', '2024-05-01', { legalStatus: 'J1', categoryOfNeed: 'N8', placement: home('ME14 3CC', 5_600), homePostcode: 'N1 2AB' }],
      ['looked-after.ceased', '2024-07-15', { reason: 'E14' }],
      ['looked-after.started', '2024-11-01', { legalStatus: 'V2', categoryOfNeed: 'N1', placement: inHouse('N7 2AA'), homePostcode: 'N1 2AB' }],
      ['looked-after.placement-changed', '2025-01-10', { placement: home('N7 3AA', 6_300), sameCarer: false, reason: 'CUSTOD', legalStatus: 'J1' }],
    ],
  },
  G: {
    details: { dateOfBirth: '2022-05-01' },
    events: [
      ['looked-after.started', '2023-01-01', { legalStatus: 'C1', categoryOfNeed: 'N1', placement: inHouse('N7 1AA'), homePostcode: 'N1 2AB' }],
      ['looked-after.legal-status-changed', '2023-08-01', { legalStatus: 'E1' }],
      ['looked-after.placement-changed', '2024-02-01', { placement: { type: 'A6', provider: 'PR1', postcode: 'N5 1AA' }, sameCarer: false, reason: 'CARPL' }],
      ['looked-after.ceased', '2024-11-20', { reason: 'E11' }],
    ],
  },
  H: {
    details: { dateOfBirth: '2016-01-01' },
    events: [
      ['looked-after.started', '2023-05-01', { legalStatus: 'V2', categoryOfNeed: 'N1', placement: { type: 'U3', provider: 'PR1', postcode: 'N5 2AA', weeklyCost: 300 }, homePostcode: 'N1 2AB' }],
      ['looked-after.ceased', '2024-08-01', { reason: 'E45' }],
    ],
  },
  I: {
    details: { dateOfBirth: '2012-01-01', disabilities: ['LD'] },
    events: [
      ['looked-after.started', '2024-06-01', { legalStatus: 'V3', categoryOfNeed: 'N4', placement: { type: 'K2', provider: 'PR1', postcode: 'N19 1AA', weeklyCost: 4_000 }, homePostcode: 'N1 2AB' }],
      ['looked-after.ceased', '2024-06-04', { reason: 'E4A' }],
      ['looked-after.started', '2025-03-30', { legalStatus: 'V3', categoryOfNeed: 'N4', placement: { type: 'K2', provider: 'PR1', postcode: 'N19 1AA', weeklyCost: 4_000 }, homePostcode: 'N1 2AB' }],
    ],
  },
};

const FY = 'period=FY2024-25';

describe.each(testDatabaseTargets)('looked-after figures and retention on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  const context = { laCode: LA_CODE, actor: { userId: 'tester', role: 'analyst', agency: 'childrens-social-care' }, correlationId: 'la-metrics' } as RequestContext;

  appOnFreshDatabase(target, async (opened) => {
    ({ db, app } = opened);
    await loadPopulation(db, 2024, fourThousandChildren);
    const r = recorderFor(app, 'la');
    for (const [childId, { details, events }] of Object.entries(children)) {
      await r.register(childId, details as Parameters<typeof r.register>[1], '2021-06-01');
      for (const [type, on, data] of events) await r.record(childId, type, on, data);
    }
  });

  async function counts(id: string, query: string, by: string) {
    const { rows } = await unsuppressedMetric(app, id, query, by);
    return Object.fromEntries(rows.filter((row) => (row.numerator.value ?? 0) > 0)
      .map((row) => [breakdownKey(row), [row.numerator.value, row.denominator?.value ?? null]]));
  }

  it('projects rows under the keys its migration defines, with each placement and its distance', async () => {
    const tables = lookedAfterProjections.map((projection) => projection.table);
    const keys = await db.pool.query(
      `SELECT t.relname AS table_name, array_agg(a.attname::text ORDER BY k.ordinality) AS columns
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE c.contype = 'p' AND t.relname = ANY($1::text[]) GROUP BY t.relname`,
      [tables],
    );
    const inDatabase = Object.fromEntries(keys.rows.map((r) => [r.table_name, (r.columns as string[]).filter((c) => c !== 'la_code')]));
    expect(inDatabase).toEqual(Object.fromEntries(lookedAfterProjections.map((projection) => [projection.table, [...projection.key]])));
    const placements = await db.pool.query(
      `SELECT placement_type, inside_council, distance_miles::float AS miles, same_carer_as_before FROM cla_placement WHERE child_id = 'A' ORDER BY started_on`,
    );
    expect(placements.rows).toEqual([
      { placement_type: 'U6', inside_council: true, miles: 1.3, same_carer_as_before: false },
      { placement_type: 'U6', inside_council: false, miles: 32.2, same_carer_as_before: false },
      { placement_type: 'K2', inside_council: null, miles: null, same_carer_as_before: false },
      { placement_type: 'T4', inside_council: null, miles: null, same_carer_as_before: false },
      { placement_type: 'K2', inside_council: null, miles: null, same_carer_as_before: true },
    ]);
  });

  it('CLA-01 and CLA-02 count the six children looked after at 31 March, short breaks apart', async () => {
    expect(await metric(app, 'CLA-01', 'asAt=2025-03-31&unsuppressed=true')).toMatchObject({ value: 6, numerator: 6 });
    expect(await counts('CLA-01', 'asAt=2025-03-31', 'uasc-status')).toEqual({ uasc: [1, null], 'not-uasc': [5, null] });
    expect(await counts('CLA-01', 'asAt=2025-03-31', 'legal-status')).toEqual({ C2: [1, null], E1: [1, null], V2: [3, null], J1: [1, null] });
    // 6 of 4,000 children aged 0–17: 15 per 10,000.
    expect(await metric(app, 'CLA-02', 'asAt=2025-03-31&unsuppressed=true')).toMatchObject({ value: 15 });
  });

  it('CLA-03 counts the unaccompanied asylum-seeking child', async () => {
    expect(await metric(app, 'CLA-03', 'asAt=2025-03-31&unsuppressed=true')).toMatchObject({ value: 1 });
  });

  it('CLA-04 counts three placements for A (not the temporary move, nor the return to the same carer) and for F (over two periods)', async () => {
    expect(await metric(app, 'CLA-04', `${FY}&unsuppressed=true`)).toMatchObject({ numerator: 2, denominator: 6 });
    expect(await counts('CLA-06', FY, 'age-band')).toEqual({ '10-to-15': [1, 1], '16-and-over': [1, 2] });
  });

  it('CLA-05 finds B and C stable (C by the adoption rule) and D not', async () => {
    expect(await metric(app, 'CLA-05', 'asAt=2025-03-31&unsuppressed=true')).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('CLA-07 finds one of the four children whose distance is known placed over 20 miles away', async () => {
    expect(await metric(app, 'CLA-07', 'asAt=2025-03-31&unsuppressed=true')).toMatchObject({ numerator: 1, denominator: 4, additional: { distanceNotKnown: 2 } });
  });

  it('CLA-08 counts three periods beginning in the year, short breaks apart', async () => {
    expect(await metric(app, 'CLA-08', `${FY}&unsuppressed=true`)).toMatchObject({ value: 3 });
    expect(await counts('CLA-08', FY, 'legal-status')).toEqual({ J1: [1, null], V2: [2, null] });
  });

  it('CLA-10, CLA-11, CLA-13 and CLA-24: secure orders, adoptions and SGOs, under-8s on s20, remands', async () => {
    expect(await metric(app, 'CLA-10', `${FY}&unsuppressed=true`)).toMatchObject({ value: 1 });
    expect(await metric(app, 'CLA-11', `${FY}&unsuppressed=true`)).toMatchObject({ numerator: 2, additional: { adopted: 1, specialGuardianship: 1 } });
    expect(await metric(app, 'CLA-13', 'asAt=2025-03-31&unsuppressed=true')).toMatchObject({ value: 1 });
    expect(await metric(app, 'CLA-24a', `${FY}&unsuppressed=true`)).toMatchObject({ value: 2 });
    expect(await metric(app, 'CLA-24a', 'period=FY2023-24&unsuppressed=true')).toMatchObject({ value: 0 });
  });

  it('CLA-14 costs the children who became looked after in the year', async () => {
    // E: £2,100 × 211 days ÷ 7 = £63,300; F's first period £5,600 × 75 ÷ 7 = £60,000; F's second £520 × 70 ÷ 7 + £6,300 × 80 ÷ 7 = £77,200.
    expect(await metric(app, 'CLA-14', `${FY}&unsuppressed=true`)).toMatchObject({
      value: 3,
      additional: { total: 200_500, minimum: 60_000, maximum: 77_200, median: 63_300, meanExcludingShortStays: 66_833.33, stillInCare: 2 },
    });
  });

  it('keeps a looked-after child\'s record to their 75th birthday, open while they are looked after', async () => {
    const facts = await new RetentionRepository(db, context).findRetentionFacts();
    expect(facts.filter((f) => ['A', 'G'].includes(f.childId)).map((f) => [f.childId, f.recordType, f.openWork])).toEqual([['A', 'looked-after', true], ['G', 'looked-after', false]]);
    const decision = retentionDecision(facts.find((f) => f.childId === 'G')!, resolveRetentionRules(), '2030-01-01');
    expect(decision).toMatchObject({ ruleId: 'looked-after-to-75th-birthday', retainUntil: '2097-05-01', status: 'retained' });
  });
});

describe('looked after\'s figures', () => {
  it('breaks each figure down only by what its rows carry', () => {
    const dimensionOf = new Map(lookedAfterDimensions.map((d) => [d.id as string, d]));
    for (const figure of lookedAfterMetrics) {
      for (const by of figure.breakdowns) {
        const needs = dimensionOf.get(by)?.needsColumns ?? [];
        expect(needs.every((column) => figure.counts?.columns.includes(column)), `${figure.id} by ${by}`).toBe(true);
      }
    }
  });
});
