import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/database/database.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { appOn, metric, recorderFor } from '../../analytics/test-support.ts';

/**
 * Children in need, allocation and caseloads around Easter 2024 (Good Friday 29 March, Easter
 * Monday 1 April), recorded through the API. Expected figures are worked out by hand:
 *
 * child  referral          allocated (worker, team)       first seen   working days  calendar days
 * N1     Sat 2024-03-16    Mon 03-18 w-a t-cin            Wed 04-03    10            16
 * N2     Sat 2024-03-23    Mon 03-25 w-a t-cin            Wed 04-10    10            16
 * N3     Fri 2024-03-22    Mon 03-25 w-b t-cp             Thu 04-11    11            17
 * N4     Fri 2024-03-01    Mon 03-04 w-b t-cp             Fri 03-08     4             4
 *                          Wed 03-20 w-a t-cin (again)    Fri 03-22     2             2
 * N5     Mon 2024-03-04    Tue 03-05 w-c t-cp; allocation ended and episode closed Wed 03-06, never seen
 * E1     Mon 2024-02-05    assessment 02-06 → 2024-04-10 (the 45th working day after the referral, counting Easter)
 * E2     Mon 2024-02-05    assessment 02-07 → 2024-04-11 (a working day late)
 *
 * 45 working days from Monday 5 February 2024: 18 in February (6–29), 19 in March up to Thursday
 * 28th, then Good Friday and Easter Monday are not counted, 2–5 April (42), 8, 9, 10 April (45).
 */
describe.each(testDatabaseTargets)('children in need and workforce figures on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  const MARCH = 'period=2024-03';

  beforeAll(async () => {
    db = await target.open();
    app = appOn(db);
    for (const team of [{ teamId: 't-cin', name: 'Children in need 1', service: 'children-in-need' }, { teamId: 't-cp', name: 'Child protection 1', service: 'child-protection' }]) {
      expect((await app.inject({ method: 'POST', url: '/api/v1/teams', payload: team })).statusCode).toBe(201);
    }
    const r = recorderFor(app, 'cin');
    const journey = async (child: string, referral: string, allocated: string, worker: string, team: string, seen?: string) => {
      await r.register(child, { dateOfBirth: '2014-01-01' });
      await r.referral(child, referral);
      await r.allocate(child, `${allocated}T09:00:00Z`, worker, team);
      if (seen) await r.visit(child, seen);
    };
    await journey('N1', '2024-03-16', '2024-03-18', 'w-a', 't-cin', '2024-04-03');
    await journey('N2', '2024-03-23', '2024-03-25', 'w-a', 't-cin', '2024-04-10');
    await journey('N3', '2024-03-22', '2024-03-25', 'w-b', 't-cp', '2024-04-11');
    await journey('N4', '2024-03-01', '2024-03-04', 'w-b', 't-cp', '2024-03-08');
    await r.allocate('N4', '2024-03-20T09:00:00Z', 'w-a', 't-cin');
    await r.visit('N4', '2024-03-22');
    await journey('N5', '2024-03-04', '2024-03-05', 'w-c', 't-cp');
    await r.record('N5', 'allocation.ended', '2024-03-06', {});
    await r.close('N5', '2024-03-06', 'RC8');
    for (const [child, started, completed] of [['E1', '2024-02-06', '2024-04-10'], ['E2', '2024-02-07', '2024-04-11']] as const) {
      await r.register(child, { dateOfBirth: '2012-12-12', disabilities: child === 'E1' ? ['AUT'] : ['NONE'] });
      await r.referral(child, '2024-02-05');
      await r.startAssessment(child, started);
      await r.completeAssessment(child, completed);
    }
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('DFE-ASM-45 counts working days from the referral without the Easter bank holidays', async () => {
    // E1 on the 45th working day (10 April) is on time; E2 on 11 April is late. Counting Good Friday
    // and Easter Monday as working days would have made both late.
    expect(await metric(app, 'DFE-ASM-45', 'period=2024-04')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(await metric(app, 'DFE-ASM-45', 'period=FY2023-24')).toMatchObject({ value: null, numerator: 0, denominator: 0, display: '–' });
  });

  it('CIN-03 counts referrals allocated within 48 hours', async () => {
    // Referred by date only: due by the end of the second day after. On time: N1 (Sat → Mon), N2
    // (Sat → Mon), N5 (Mon → Tue). Late: N3 (Fri → Mon) and N4 (Fri → Mon). E1 and E2 are February's.
    expect(await metric(app, 'CIN-03', MARCH)).toMatchObject({ value: 60, numerator: 3, denominator: 5 });
  });

  it('CIN-04 counts children seen within 10 working days of each allocation, or calendar days when asked', async () => {
    // Allocations in March: N1, N2 (10 working days: on time), N3 (11: late), N4 twice (4 and 2: on
    // time). N5's episode closed the day after allocation, before the child was due to be seen: left out.
    expect(await metric(app, 'CIN-04', MARCH)).toMatchObject({ value: 80, numerator: 4, denominator: 5 });
    // In calendar days: N1 and N2 took 16 days, N3 17; only N4's two allocations are within 10.
    expect(await metric(app, 'CIN-04', `${MARCH}&withinUnit=calendar-days`)).toMatchObject({ value: 40, numerator: 2, denominator: 5 });
    expect(await metric(app, 'CIN-04', `${MARCH}&withinUnit=calendar-days&withinDays=16`)).toMatchObject({ numerator: 4, denominator: 5 });
    const byWorker = await metric(app, 'CIN-04', `${MARCH}&by=worker&unsuppressed=true`);
    expect(byWorker.breakdown.rows.map((row: { groups: { code: string }[]; numerator: { value: number }; denominator: { value: number } }) => [row.groups[0]!.code, row.numerator.value, row.denominator.value]))
      .toEqual([['w-a', 3, 3], ['w-b', 1, 2], ['w-c', 0, 0]]);
  });

  it('CIN-01 counts children with an episode open at the end of the day; CIN-02 those open at any point', async () => {
    expect((await metric(app, 'CIN-01', 'asAt=2024-03-31')).value).toBe(6); // N1–N4, E1, E2
    expect((await metric(app, 'CIN-01', 'asAt=2024-03-05')).value).toBe(4); // N4, N5, E1, E2
    expect((await metric(app, 'CIN-01', 'asAt=2024-03-06')).value).toBe(3); // N5 closed that day
    // A snapshot metric asked for a period is counted on its last day.
    expect(await metric(app, 'CIN-01', 'period=FY2023-24')).toMatchObject({ value: 6, window: { asAt: '2024-03-31' } });
    expect((await metric(app, 'CIN-02', MARCH)).numerator).toBe(7); // all seven children
    // No population loaded: no rate, and the result says so.
    const cin02 = await metric(app, 'CIN-02', MARCH);
    expect(cin02.value).toBeNull();
    expect(cin02.notes.join(' ')).toMatch(/No child population is loaded/);
    const byDisability = await metric(app, 'CIN-01', 'asAt=2024-03-31&by=disability&unsuppressed=true');
    expect(byDisability.breakdown.rows.map((row: { groups: { code: string }[]; numerator: { value: number } }) => [row.groups[0]!.code, row.numerator.value]))
      .toEqual([['disabled', 1], ['not-disabled', 5]]);
  });

  it('WF-01 gives caseloads per worker on a date, against the standard of 15', async () => {
    // On 31 March: w-a holds N1, N2, N4 (3); w-b holds N3 (1); w-c's allocation ended.
    const result = await metric(app, 'WF-01', 'asAt=2024-03-31');
    expect(result).toMatchObject({ value: 2, numerator: 4, denominator: 2, additional: { minimum: 1, median: 2, maximum: 3, workersAboveStandard: 0, standard: 15 } });
    const byService = await metric(app, 'WF-01', 'asAt=2024-03-31&by=service');
    expect(byService.breakdown.rows.map((row: { groups: { code: string }[]; value: { value: number } }) => [row.groups[0]!.code, row.value.value]))
      .toEqual([['child-protection', 1], ['children-in-need', 3]]);
    // On 10 March only w-b held a case (N4): N1–N3 were allocated later and w-c's ended on the 6th.
    expect(await metric(app, 'WF-01', 'asAt=2024-03-10')).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('WF-02 gives the share of children with one allocated worker over the episode', async () => {
    // Open on 31 March with a worker: N1, N2, N3 (one each) and N4 (w-b then w-a). E1 and E2 were never allocated.
    expect(await metric(app, 'WF-02', 'asAt=2024-03-31')).toMatchObject({
      value: 75, numerator: 3, denominator: 4, additional: { childrenWithTwoOrFewerWorkers: 4, childrenWithTwoOrFewerWorkersPercent: 100 },
    });
  });
});
