import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appOnFreshDatabase, LA_CODE, loadPopulation, metric, metricCounts, recorderFor } from '../../analytics/test-support.ts';
import type { Database } from '../../platform/database/database.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { RetentionRepository } from '../../retention/repo.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { youthJusticeDimensions, youthJusticeMetrics } from './metrics.ts';
import { youthJusticeProjections } from './projections.ts';
import { youthJusticeReportSections } from './report.ts';

const home = { type: 'K2', provider: 'PR4', ofstedUrn: 'SC12345', postcode: 'N7 8AB' };
const fostering = { type: 'U6', provider: 'PR1', ofstedUrn: 'XXXXXXX', postcode: 'N7 8AB' };
const court = 'Highbury Corner Youth Court';

/**
 * Seven children, recorded through the API and counted by the analytics engine; every expected
 * figure below is worked out by hand from these logs. The snapshot is 31 March 2025 (FY2024-25).
 *
 * child  born        care                                         youth justice
 * A M BAFR 2008-05-04 C2 in a children's home from 2022-01-10      involved 2024-09-02, open; youth caution 2024-09-02 (first outcome)
 * B M WBRI 2009-02-01 never                                        involved 2024-06-03, open; community resolution
 * C F WBRI 2007-11-20 V2 2019-03-01 to 2021-06-30                  youth caution 2023-05-01; involved 2024-10-01, open; convicted 2024-10-01, referral order
 * D M BAFR 2008-09-15 C2 fostered from 2020-04-01                  none
 * E M WBRI 2009-01-10 J1 2024-11-04 to 2025-01-15                  involved 2024-11-04, open; remanded 2024-11-04, bailed 2025-01-15
 * F M WBRI 2007-06-01 never                                        involved 2023-06-05 to 2023-12-01; remanded 2023-06-05, bailed 2023-07-10
 * G F ABAN 2008-12-01 J1 in a children's home from 2025-03-03      youth caution 2024-02-01; involved 2025-03-03, open; remanded 2025-03-03
 */
const children: Record<string, { sex: 'M' | 'F'; ethnicity: string; dateOfBirth: string; log: [string, string, Record<string, unknown>][] }> = {
  A: {
    sex: 'M', ethnicity: 'BAFR', dateOfBirth: '2008-05-04',
    log: [
      ['looked-after.started', '2022-01-10', { legalStatus: 'C2', categoryOfNeed: 'N1', placement: home, unaccompaniedAsylumSeeking: false }],
      ['youth-justice.offence-outcome-recorded', '2024-09-02', { offenceOn: '2024-08-10', outcome: 'youth-caution' }],
      ['youth-justice.involvement-started', '2024-09-02', { reason: 'out-of-court-disposal' }],
      ['youth-justice.joint-meeting-held', '2024-10-14', { kind: 'joint-supervision', decisions: 'Keep the placement.', attendees: [{ role: 'social-worker' }, { role: 'youth-justice-worker' }] }],
    ],
  },
  B: {
    sex: 'M', ethnicity: 'WBRI', dateOfBirth: '2009-02-01',
    log: [
      ['youth-justice.offence-outcome-recorded', '2024-06-03', { offenceOn: '2024-05-20', outcome: 'community-resolution' }],
      ['youth-justice.involvement-started', '2024-06-03', { reason: 'out-of-court-disposal' }],
    ],
  },
  C: {
    sex: 'F', ethnicity: 'WBRI', dateOfBirth: '2007-11-20',
    log: [
      ['looked-after.started', '2019-03-01', { legalStatus: 'V2', categoryOfNeed: 'N1', placement: fostering, unaccompaniedAsylumSeeking: false }],
      ['looked-after.ceased', '2021-06-30', { reason: 'E4A' }],
      ['youth-justice.offence-outcome-recorded', '2023-05-01', { offenceOn: '2023-04-01', outcome: 'youth-caution' }],
      ['youth-justice.offence-outcome-recorded', '2024-10-01', { offenceOn: '2024-07-01', outcome: 'conviction', court, sentence: 'referral-order' }],
      ['youth-justice.involvement-started', '2024-10-01', { reason: 'court-order' }],
      ['youth-justice.court-order-made', '2024-10-01', { order: 'referral-order', court, endsOn: '2025-07-01' }],
    ],
  },
  D: {
    sex: 'M', ethnicity: 'BAFR', dateOfBirth: '2008-09-15',
    log: [['looked-after.started', '2020-04-01', { legalStatus: 'C2', categoryOfNeed: 'N1', placement: fostering, unaccompaniedAsylumSeeking: false }]],
  },
  E: {
    sex: 'M', ethnicity: 'WBRI', dateOfBirth: '2009-01-10',
    log: [
      ['youth-justice.involvement-started', '2024-11-04', { reason: 'remand' }],
      ['youth-justice.remanded', '2024-11-04', { court, remandType: 'local-authority-accommodation' }],
      ['looked-after.started', '2024-11-04', { legalStatus: 'J1', categoryOfNeed: 'N8', placement: fostering, unaccompaniedAsylumSeeking: false }],
      ['youth-justice.remand-ended', '2025-01-15', { reason: 'bail-granted' }],
      ['looked-after.ceased', '2025-01-15', { reason: 'E8' }],
    ],
  },
  F: {
    sex: 'M', ethnicity: 'WBRI', dateOfBirth: '2007-06-01',
    log: [
      ['youth-justice.involvement-started', '2023-06-05', { reason: 'remand' }],
      ['youth-justice.remanded', '2023-06-05', { court, remandType: 'youth-detention-accommodation' }],
      ['youth-justice.remand-ended', '2023-07-10', { reason: 'bail-granted' }],
      ['youth-justice.involvement-ended', '2023-12-01', { reason: 'no-further-action' }],
    ],
  },
  G: {
    sex: 'F', ethnicity: 'ABAN', dateOfBirth: '2008-12-01',
    log: [
      ['youth-justice.offence-outcome-recorded', '2024-02-01', { offenceOn: '2024-01-15', outcome: 'youth-caution' }],
      ['youth-justice.involvement-started', '2025-03-03', { reason: 'remand' }],
      ['youth-justice.remanded', '2025-03-03', { court, remandType: 'youth-detention-accommodation' }],
      ['looked-after.started', '2025-03-03', { legalStatus: 'J1', categoryOfNeed: 'N8', placement: home, unaccompaniedAsylumSeeking: false }],
    ],
  },
};

const FY = 'period=FY2024-25';
const SNAPSHOT = 'asAt=2025-03-31';

describe.each(testDatabaseTargets)('youth justice figures and retention on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  const context = { laCode: LA_CODE, actor: { userId: 'tester', role: 'analyst', agency: 'childrens-social-care' }, correlationId: 'yj-metrics' } as RequestContext;

  appOnFreshDatabase(target, async (opened) => {
    ({ db, app } = opened);
    const r = recorderFor(app, 'yj');
    for (const [childId, { sex, ethnicity, dateOfBirth, log }] of Object.entries(children)) {
      await r.register(childId, { sex, ethnicity, dateOfBirth }, '2015-01-02');
      for (const [type, on, data] of log) await r.record(childId, type, on, data);
    }
    // Children aged 10 to 17 (and 5,000 younger, who are not the youth justice service's reference).
    await loadPopulation(db, 2025, [[12, 'M', 'WBRI', 1000], [14, 'F', 'WBRI', 1000], [13, 'M', 'BAFR', 500], [15, 'F', 'BAFR', 500], [12, 'F', 'ABAN', 500], [5, 'M', 'WBRI', 5000]]);
  });

  const counts = (id: string, query: string, by?: string) => metricCounts(app, id, query, by);

  it('projects rows under the keys its migration defines', async () => {
    const tables = youthJusticeProjections.map((projection) => projection.table);
    const keys = await db.pool.query(
      `SELECT t.relname AS table_name, array_agg(a.attname::text ORDER BY k.ordinality) AS columns
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE c.contype = 'p' AND t.relname = ANY($1::text[]) GROUP BY t.relname`,
      [tables],
    );
    const inDatabase = Object.fromEntries(keys.rows.map((r) => [r.table_name, (r.columns as string[]).filter((c) => c !== 'la_code')]));
    expect(inDatabase).toEqual(Object.fromEntries(youthJusticeProjections.map((projection) => [projection.table, [...projection.key]])));
    const episodes = await db.pool.query(`SELECT child_id, legal_status, placement_type, to_char(ended_on, 'YYYY-MM-DD') AS ended_on FROM youth_justice_care_episode ORDER BY child_id`);
    expect(episodes.rows).toEqual([
      { child_id: 'A', legal_status: 'C2', placement_type: 'K2', ended_on: null },
      { child_id: 'C', legal_status: 'V2', placement_type: 'U6', ended_on: '2021-06-30' },
      { child_id: 'D', legal_status: 'C2', placement_type: 'U6', ended_on: null },
      { child_id: 'E', legal_status: 'J1', placement_type: 'U6', ended_on: '2025-01-15' },
      { child_id: 'G', legal_status: 'J1', placement_type: 'K2', ended_on: null },
    ]);
  });

  it('CLA-15 counts the children looked after and known to the youth justice service: A and G', async () => {
    expect(await counts('CLA-15', SNAPSHOT, 'episode-legal-status')).toEqual({ '': [2, null], C2: [1, null], J1: [1, null] });
    expect(await counts('CLA-15', SNAPSHOT, 'episode-placement-type')).toEqual({ '': [2, null], K2: [2, null] });
    // A came into care at 13, G at 16; G had a youth caution before.
    expect(await counts('CLA-15', SNAPSHOT, 'age-at-start-of-care')).toEqual({ '': [2, null], '11-to-15': [1, null], '16-and-over': [1, null] });
    expect(await counts('CLA-15', SNAPSHOT, 'offended-before-care')).toEqual({ '': [2, null], 'offended-before': [1, null], 'not-before': [1, null] });
    expect(await counts('CLA-15', SNAPSHOT, 'repeat-care')).toEqual({ '': [2, null], first: [2, null] });
    // A year earlier neither was known to the youth justice service.
    expect(await metric(app, 'CLA-15', 'asAt=2024-03-31')).toMatchObject({ value: 0 });
  });

  it('CLA-16 finds four of the five children open to the youth justice service care experienced', async () => {
    expect(await metric(app, 'CLA-16', SNAPSHOT)).toMatchObject({ value: 80, numerator: 4, denominator: 5 });
    expect(await counts('CLA-16', SNAPSHOT, 'care-experience')).toEqual({
      '': [4, 5], 'looked-after-now': [2, 2], 'previously-looked-after': [2, 2], 'never-looked-after': [0, 1],
    });
  });

  it('CLA-23 counts, of the children looked after 12 months or more aged 10 to 17, those cautioned or convicted in the year: A of A and D', async () => {
    expect(await metric(app, 'CLA-23', FY)).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    // The year before: A and D were looked after 12 months or more; neither was cautioned or convicted.
    expect(await metric(app, 'CLA-23', 'period=FY2023-24')).toMatchObject({ value: 0, numerator: 0, denominator: 2 });
  });

  it('YJ-01 counts first-time entrants: a community resolution makes none, and a child counts in the year of their first outcome', async () => {
    expect(await metric(app, 'YJ-01', FY)).toMatchObject({ value: 1 });
    expect(await metric(app, 'YJ-01', 'period=FY2023-24')).toMatchObject({ value: 2 });
  });

  it('YJ-02 and YJ-03 count the court\'s remands and their change on the year before', async () => {
    expect(await counts('YJ-02', FY, 'remand-type')).toEqual({ '': [2, null], 'local-authority-accommodation': [1, null], 'youth-detention-accommodation': [1, null] });
    expect(await metric(app, 'YJ-02', 'period=FY2023-24')).toMatchObject({ value: 1 });
    expect(await metric(app, 'YJ-03', FY)).toMatchObject({ value: 100 });
  });

  it('YJ-04 compares the children known to the youth justice service by ethnicity with children aged 10 to 17', async () => {
    const result = await metric(app, 'YJ-04', `${SNAPSHOT}&by=ethnicity-aged-10-to-17&unsuppressed=true`);
    expect(result).toMatchObject({ value: 5 });
    const row = (code: string) => result.disproportionality.rows.find((r: { group: { code: string } }) => r.group.code === code);
    // WBRI 3 of 2,000 (15 per 10,000), BAFR 1 of 1,000 (10), ABAN 1 of 500 (20); the 5,000 under 10 are not in the reference.
    expect(result.disproportionality.comparator.code).toBe('WBRI');
    expect(row('BAFR').rate.value).toBeCloseTo(10, 6);
    expect(row('ABAN').relativeRateIndex.value).toBeCloseTo(20 / 15, 6);
    expect(row('BAFR').referenceShare.value).toBeCloseTo((100 * 1000) / 3500, 6);
  });

  it('allocates only a worker of a youth justice service team as the youth justice worker', async () => {
    const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });
    expect((await post('/api/v1/teams', { teamId: 't-yjs', name: 'Youth justice service', service: 'youth-justice' })).statusCode).toBe(201);
    expect((await post('/api/v1/teams', { teamId: 't-cin-yj', name: 'Children in need', service: 'children-in-need' })).statusCode).toBe(201);
    expect((await post('/api/v1/workers', { workerId: 'w-yj', name: 'Ade Bello', role: 'social-worker', teamId: 't-yjs', startedOn: '2020-01-01' })).statusCode).toBe(201);
    expect((await post('/api/v1/workers', { workerId: 'w-sw', name: 'Sam Ortiz', role: 'social-worker', teamId: 't-cin-yj', startedOn: '2020-01-01' })).statusCode).toBe(201);
    const allocate = (workerId: string, clientId: string) => post('/api/v1/children/B/events', { type: 'youth-justice.worker-allocated', occurredAt: '2024-06-05', clientId, data: { workerId } });
    const refused = await allocate('w-sw', 'yj-alloc-1');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Select a worker of a youth justice service team');
    expect((await allocate('w-yj', 'yj-alloc-2')).statusCode).toBe(201);
  });

  it('keeps a youth justice record as its own kind, and open work while the involvement is open', async () => {
    const facts = await new RetentionRepository(db, context).findRetentionFacts();
    const fact = (childId: string) => facts.find((f) => f.childId === childId)!;
    expect([fact('B').recordType, fact('B').openWork]).toEqual(['youth-justice', true]);
    expect([fact('F').recordType, fact('F').openWork]).toEqual(['youth-justice', false]);
  });
});

describe('youth justice\'s figures', () => {
  const defined = new Map(youthJusticeMetrics.map((m) => [m.id, m]));
  const dimensionOf = new Map(youthJusticeDimensions.map((d) => [d.id as string, d]));
  const carried = (metricId: string, by: string) => (dimensionOf.get(by)?.needsColumns ?? []).every((column) => defined.get(metricId)!.counts?.columns.includes(column));

  it('shows in the annual report figures it defines, broken down by what their rows carry', () => {
    for (const section of youthJusticeReportSections) {
      if (section.kind !== 'figures') continue;
      expect(section.figures.filter((id) => !defined.has(id))).toEqual([]);
      for (const breakdown of [...section.breakdowns, ...section.disproportionality]) {
        expect(defined.has(breakdown.metricId)).toBe(true);
        if (breakdown.by) expect(carried(breakdown.metricId, breakdown.by), `${breakdown.metricId} by ${breakdown.by}`).toBe(true);
      }
    }
  });

  it('breaks every figure down only by what its rows carry', () => {
    for (const definition of youthJusticeMetrics) for (const by of definition.breakdowns) expect(carried(definition.id, by), `${definition.id} by ${by}`).toBe(true);
  });
});
