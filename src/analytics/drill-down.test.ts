import { chainAwaitingAudit } from '../platform/audit/audit.ts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessGrantFor } from '../access/policy.ts';
import { createCalendar } from '../platform/calendar/calendar.ts';
import type { Database } from '../platform/database/database.ts';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { metricSources } from './catalogue.ts';
import { MetricChildrenRepository } from './drill-down.ts';
import { periodBetween } from './periods.ts';
import { appOn, fourThousandChildren, LA_CODE, loadPopulation, metric, recorderFor } from './test-support.ts';

/**
 * The children behind a figure, on a small hand-built log over FY2023-24:
 *
 * child sex eth   what happens
 * D1    F   WBRI  contact 2023-05-02 (police) → referral 05-03 → allocated → assessment 05-04..05-20 NFA; closed 05-25;
 *                 contact 2023-09-01 (school) decided NFA
 * D2    M   BAFR  contact 2023-06-01 (police) → referral 06-02 → strategy 06-05 → s47 → ICPC 06-20 plan (NEG), open at 31 March
 * D3    F   BAFR  contact 2023-07-03 (police) → referral 07-04 → strategy 07-06 → s47 → ICPC 07-21 plan (EMO) ended 2024-01-10
 * D4    M   WBRI  contact 2022-12-01 (FY2022-23) only; contact 2024-03-01 (school) never decided
 * D5    F   WBRI  registered, nothing else
 */
describe.each(testDatabaseTargets)('the children behind a figure on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  const FY = 'period=FY2023-24';

  beforeAll(async () => {
    db = await target.open();
    app = appOn(db);
    await loadPopulation(db, 2024, fourThousandChildren);
    const r = recorderFor(app, 'dd');
    await r.register('D1', { sex: 'F', ethnicity: 'WBRI', dateOfBirth: '2014-01-01' });
    await r.contact('D1', '2023-05-02T09:00:00Z');
    await r.decide('D1', '2023-05-02T15:00:00Z');
    await r.referral('D1', '2023-05-03');
    await r.allocate('D1', '2023-05-03T12:00:00Z', 'w-1', 't-cin');
    await r.startAssessment('D1', '2023-05-04');
    await r.completeAssessment('D1', '2023-05-20', 'no-further-action', ['21']);
    await r.close('D1', '2023-05-25', 'RC8');
    await r.contact('D1', '2023-09-01T09:00:00Z', { source: '2A', localSource: 'school', primaryReason: 'neglect' });
    await r.decide('D1', '2023-09-01T15:00:00Z', 'no-further-action');

    for (const [childId, ethnicity, sex, contactOn, category, endOn] of [
      ['D2', 'BAFR', 'M', '2023-06-01', 'NEG', undefined],
      ['D3', 'BAFR', 'F', '2023-07-03', 'EMO', '2024-01-10'],
    ] as const) {
      const day = (offset: number) => new Date(Date.parse(`${contactOn}T09:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
      await r.register(childId, { sex, ethnicity, dateOfBirth: '2012-02-02' });
      await r.contact(childId, `${contactOn}T09:00:00Z`);
      await r.decide(childId, `${contactOn}T15:00:00Z`);
      await r.referral(childId, day(1));
      await r.allocate(childId, `${day(1)}T12:00:00Z`, 'w-2', 't-cp');
      await r.startAssessment(childId, day(2));
      await r.strategy(childId, day(3));
      await r.section47Completed(childId, day(10));
      await r.initialConference(childId, day(18), category);
      if (endOn) await r.endPlan(childId, endOn);
    }

    await r.register('D4', { sex: 'M', ethnicity: 'WBRI', dateOfBirth: '2016-03-03' });
    await r.contact('D4', '2022-12-01T09:00:00Z');
    await r.decide('D4', '2022-12-01T15:00:00Z', 'no-further-action');
    await r.contact('D4', '2024-03-01T09:00:00Z', { source: '2A', localSource: 'school' });
    await r.register('D5', { sex: 'F', ethnicity: 'WBRI', dateOfBirth: '2018-04-04' });
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  async function children(id: string, query: string) {
    const response = await app.inject({ method: 'GET', url: `/api/v1/metrics/${id}/children?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { counted: number; listed: number; notVisible: number; group: { code: string; label: string }[]; children: { childId: string; unitId: string; countedOn: string; forename: string; surname: string }[] };
  }

  it('lists each contact received in the period with its child and date: exactly FD-01\'s numerator', async () => {
    const figure = await metric(app, 'FD-01', FY);
    const list = await children('FD-01', FY);
    expect(list.counted).toBe(figure.numerator);
    expect(list.children.map((c) => [c.childId, c.countedOn])).toEqual([
      ['D1', '2023-05-02'], ['D2', '2023-06-01'], ['D3', '2023-07-03'], ['D1', '2023-09-01'], ['D4', '2024-03-01'],
    ]);
    expect(list.children[0]).toMatchObject({ forename: 'Child', surname: 'D1' });
    expect(list).toMatchObject({ listed: 5, notVisible: 0 });
  });

  it('lists the children of one group of a breakdown, and of a distribution\'s category', async () => {
    const byEthnicity = await metric(app, 'FD-01', `${FY}&by=ethnicity&unsuppressed=true`);
    for (const row of byEthnicity.breakdown.rows as { groups: { code: string }[]; numerator: { value: number } }[]) {
      const list = await children('FD-01', `${FY}&by=ethnicity&group=${row.groups[0]!.code}`);
      expect(list.counted).toBe(row.numerator.value);
    }
    expect((await children('FD-01', `${FY}&by=ethnicity&group=BAFR`)).children.map((c) => c.childId)).toEqual(['D2', 'D3']);
    // FD-03 is a distribution over source: the group is a source without naming the breakdown.
    const schools = await children('FD-03', `${FY}&group=2A`);
    expect(schools.children.map((c) => [c.childId, c.countedOn])).toEqual([['D1', '2023-09-01'], ['D4', '2024-03-01']]);
    expect(schools.group).toEqual([{ dimension: 'source', code: '2A', label: expect.any(String) }]);
  });

  it('lists a percentage\'s numerator only: assessments ending in no further action', async () => {
    const figure = await metric(app, 'FD-08', FY);
    const list = await children('FD-08', FY);
    expect(figure).toMatchObject({ numerator: 1, denominator: 1 });
    expect(list.children.map((c) => [c.childId, c.countedOn])).toEqual([['D1', '2023-05-20']]);
  });

  it('lists children on a plan at the end of the period (a snapshot) and at any point in it', async () => {
    expect((await children('CP-01', FY)).children.map((c) => [c.childId, c.countedOn])).toEqual([['D2', '2024-03-31']]);
    const during = await children('CP-02b', FY);
    expect(during.counted).toBe((await metric(app, 'CP-02b', FY)).numerator);
    expect(during.children.map((c) => c.childId).sort()).toEqual(['D2', 'D3']);
    // DP-01 is CP-02b by ethnicity: its group is an ethnicity.
    expect((await children('DP-01', `${FY}&group=BAFR`)).children.map((c) => c.childId).sort()).toEqual(['D2', 'D3']);
    expect((await children('DP-01', `${FY}&group=WBRI`)).counted).toBe(0);
  });

  it('matches the numerator of every metric counted from records, for the year', async () => {
    for (const id of Object.keys(metricSources)) {
      const figure = await metric(app, id, FY);
      const list = await children(id, FY);
      expect(list.counted, id).toBe(figure.numerator);
      expect(list.listed, id).toBe(list.children.length);
    }
  });

  it('answers 409 for figures not counted from children\'s records, 404 for an unknown one, 400 for a group without a breakdown', async () => {
    const caseloads = await app.inject({ method: 'GET', url: `/api/v1/metrics/WF-01/children?asAt=2024-03-31` });
    expect(caseloads.statusCode).toBe(409);
    expect(caseloads.json().error.message).toContain('no children to list');
    expect((await app.inject({ method: 'GET', url: `/api/v1/metrics/POP-03/children?${FY}` })).statusCode).toBe(409);
    expect((await app.inject({ method: 'GET', url: `/api/v1/metrics/MIS-01/children?${FY}` })).statusCode).toBe(409);
    expect((await app.inject({ method: 'GET', url: `/api/v1/metrics/ZZ-99/children?${FY}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/v1/metrics/FD-01/children?${FY}&group=WBRI` })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: `/api/v1/metrics/FD-01/children?${FY}&by=category&group=NEG` })).statusCode).toBe(400);
  });

  it('audits each child listed as read, and lists only the children a reader may see', async () => {
    await chainAwaitingAudit(db.pool);
    const before = await db.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE resource = 'metric-children'`);
    await children('CP-02b', FY);
    await chainAwaitingAudit(db.pool);
    const audited = await db.pool.query(
      `SELECT child_id, detail FROM audit_event WHERE resource = 'metric-children' ORDER BY audit_id OFFSET $1`, [before.rows[0].n],
    );
    expect(audited.rows.map((row) => row.child_id).sort()).toEqual(['D2', 'D3']);
    expect(audited.rows[0].detail).toMatchObject({ metricId: 'CP-02b', window: 'FY2023-24' });

    const calendar = createCalendar();
    const context = (role: string, workerId: string, teamId: string) => ({
      laCode: LA_CODE, correlationId: 'test', actor: { userId: workerId, role, agency: 'childrens-social-care' },
      access: accessGrantFor({ userId: workerId, role, agency: 'childrens-social-care', workerId, teamId }),
    });
    const window = periodBetween('2023-04-01', '2024-03-31');
    // A social worker sees the children allocated to their team (or recorded on by them): D2 and D3 are t-cp's.
    const worker = await new MetricChildrenRepository(db.pool, context('social-worker', 'w-2', 't-cp'), calendar).findChildren({ id: 'FD-01', window });
    expect(worker.children.map((c) => c.childId)).toEqual(['D2', 'D3']);
    // Five contacts in the year; how many are about children the worker may not see is not said to them.
    expect(worker).toMatchObject({ counted: 2, listed: 2, notVisible: null });
    const analyst = await new MetricChildrenRepository(db.pool, context('performance-analyst', 'a-1', 't-x'), calendar).findChildren({ id: 'FD-01', window });
    expect(analyst).toMatchObject({ counted: 5, listed: 5, notVisible: 0 });
    await expect(new MetricChildrenRepository(db.pool, context('independent-scrutineer', 'x-1', 't-x'), calendar).findChildren({ id: 'FD-01', window }))
      .rejects.toMatchObject({ code: 'forbidden' });
  });
});
