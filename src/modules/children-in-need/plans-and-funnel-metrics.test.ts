import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import type { Database } from '../../platform/database/database.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { MetricsEngine } from '../../analytics/engine.ts';
import { periodBetween } from '../../analytics/periods.ts';
import { appOn, LA_CODE, metric, recorderFor } from '../../analytics/test-support.ts';

const actor = { userId: 'analyst-1', role: 'analyst', agency: 'childrens-social-care' };

/**
 * Child in need plans (CIN-06, CIN-07) and the child protection funnel (CP-11), recorded through
 * the API and worked out by hand for FY2023-24 (spring bank holiday Monday 29 May 2023):
 *
 * A1 F WBRI  assessment → Wed 2023-05-17, outcome CIN plan; CIN plan Wed 05-31 (9th working day,
 *            14 calendar days), ended 2024-02-01 (8 months).
 * A2 M BAFR  assessment → Mon 2023-06-12, outcome CIN plan; CIN plan Tue 06-27 (11th working day:
 *            late), ended 2024-03-20 (9 months).
 * A3 F BAFR  assessment → Mon 2023-07-10, outcome strategy discussion; strategy 07-10 (section 47)
 *            → ICPC Thu 07-20 with a plan (8th working day, 10 calendar days). Plan open.
 * A4 M WBRI  assessment → 2023-08-01, outcome no further action: not counted by CIN-06.
 * A5 F WBRI  CIN plan from 2023-09-04, assessment → 09-15 with outcome CIN plan: the plan is open.
 * A6 M WBRI  assessment → 2024-03-27, outcome CIN plan; no plan.
 * L1 M WBRI  CIN plan 2022-04-01 → 2023-06-30 (15 months).
 * L2 M WBRI  strategy 2022-04-20 → ICPC 2022-05-03 with a plan, ended 2023-09-01 (16 months).
 * S1 F WBRI  strategy 2023-10-02, no section 47.
 * S2 M WBRI  strategy 2023-11-01 (section 47), again 11-15 (continues it) → ICPC 12-01, no plan.
 * S3 F WBRI  strategy 2024-03-20 (section 47) → enquiry completed 03-28, no further action.
 */
describe.each(testDatabaseTargets)('plans and the child protection funnel on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  const FY = 'period=FY2023-24';

  beforeAll(async () => {
    db = await target.open();
    app = appOn(db);
    const r = recorderFor(app, 'plans');
    const assessed = async (child: string, sex: 'M' | 'F', ethnicity: string, referral: string, completed: string, outcome: string) => {
      await r.register(child, { sex, ethnicity });
      await r.referral(child, referral);
      await r.startAssessment(child, referral);
      await r.completeAssessment(child, completed, outcome);
    };
    await assessed('A1', 'F', 'WBRI', '2023-05-01', '2023-05-17', 'child-in-need-plan');
    await r.record('A1', 'cin-plan.started', '2023-05-31');
    await r.record('A1', 'cin-plan.ended', '2024-02-01');
    await assessed('A2', 'M', 'BAFR', '2023-06-01', '2023-06-12', 'child-in-need-plan');
    await r.record('A2', 'cin-plan.started', '2023-06-27');
    await r.record('A2', 'cin-plan.ended', '2024-03-20');
    await assessed('A3', 'F', 'BAFR', '2023-07-03', '2023-07-10', 'strategy-discussion');
    await r.strategy('A3', '2023-07-10');
    await r.initialConference('A3', '2023-07-20', 'NEG');
    await assessed('A4', 'M', 'WBRI', '2023-07-20', '2023-08-01', 'no-further-action');
    await r.register('A5', { sex: 'F' });
    await r.referral('A5', '2023-09-01');
    await r.startAssessment('A5', '2023-09-01');
    await r.record('A5', 'cin-plan.started', '2023-09-04');
    await r.completeAssessment('A5', '2023-09-15', 'child-in-need-plan');
    await assessed('A6', 'M', 'WBRI', '2024-03-01', '2024-03-27', 'child-in-need-plan');

    await r.register('L1', { sex: 'M' });
    await r.referral('L1', '2022-03-20');
    await r.record('L1', 'cin-plan.started', '2022-04-01');
    await r.record('L1', 'cin-plan.ended', '2023-06-30');
    await r.register('L2', { sex: 'M' });
    await r.referral('L2', '2022-04-19');
    await r.strategy('L2', '2022-04-20');
    await r.initialConference('L2', '2022-05-03', 'EMO');
    await r.endPlan('L2', '2023-09-01');

    await r.register('S1', { sex: 'F' });
    await r.referral('S1', '2023-10-02');
    await r.strategy('S1', '2023-10-02', 'no-section-47');
    await r.register('S2', { sex: 'M' });
    await r.referral('S2', '2023-11-01');
    await r.strategy('S2', '2023-11-01');
    const continued = await r.strategy('S2', '2023-11-15');
    await r.record('S2', 'conference.initial-held', '2023-12-01', {
      planRequired: false, section47Id: continued.eventId, chairWorkerId: 'w-chair', attendingAgencies: ['childrens-social-care', 'police'],
    });
    await r.register('S3', { sex: 'F' });
    await r.referral('S3', '2024-03-20');
    await r.strategy('S3', '2024-03-20');
    await r.section47Completed('S3', '2024-03-28', 'no-further-action');
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('CIN-06 counts assessments calling for a plan that have one within the timescale', async () => {
    // Calling for a plan: A1, A2, A3, A5, A6 (A4 was no further action). With a plan within 10
    // working days: A1 (9th), A3 (8th), A5 (already open). A2's came on the 11th; A6 has none.
    expect(await metric(app, 'CIN-06', FY)).toMatchObject({ value: 60, numerator: 3, denominator: 5 });
    // In calendar days: A1's plan took 14 days, A3's 10: only A3 and A5 within 10.
    expect(await metric(app, 'CIN-06', `${FY}&withinUnit=calendar-days`)).toMatchObject({ value: 40, numerator: 2, denominator: 5 });
    expect(await metric(app, 'CIN-06', `${FY}&withinDays=11`)).toMatchObject({ numerator: 4, denominator: 5 });
    const byOutcome = await metric(app, 'CIN-06', `${FY}&by=assessment-outcome&unsuppressed=true`);
    expect(byOutcome.breakdown.rows.map((row: { groups: { code: string }[]; numerator: { value: number }; denominator: { value: number } }) => [row.groups[0]!.code, row.numerator.value, row.denominator.value]))
      .toEqual([['child-in-need-plan', 2, 4], ['strategy-discussion', 1, 1]]);
  });

  it('CIN-06 leaves out an assessment still within its timescale without a plan', async () => {
    // A6, completed Wednesday 27 March 2024, has until Friday 12 April (10 working days after,
    // Good Friday and Easter Monday not counted): left out on 2 April, late on 15 April.
    const engineOn = (today: string) => new MetricsEngine({ db: db.pool, context: { laCode: LA_CODE, actor, correlationId: randomUUID() }, calendar: createCalendar(), today: () => today });
    const march = periodBetween('2024-03-01', '2024-03-31');
    expect(await engineOn('2024-04-02').compute({ id: 'CIN-06', window: march })).toMatchObject({ numerator: 0, denominator: 0, value: null });
    const late = await engineOn('2024-04-15').compute({ id: 'CIN-06', window: march });
    expect(late).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    expect(late.notes.join(' ')).toMatch(/Timescale applied: 10 working days/);
  });

  it('CIN-07 gives the share of CIN and CP plans ending after 12 months or more, by sex and kind of plan', async () => {
    // Ending in the year: A1 (8 months), A2 (9), L1 (15), L2's CP plan (16).
    expect(await metric(app, 'CIN-07', FY)).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    const bySex = await metric(app, 'CIN-07', `${FY}&by=sex&unsuppressed=true`);
    expect(bySex.breakdown.rows.map((row: { groups: { code: string }[]; numerator: { value: number }; denominator: { value: number } }) => [row.groups[0]!.code, row.numerator.value, row.denominator.value]))
      .toEqual([['F', 0, 1], ['M', 2, 3]]);
    expect(bySex.disproportionality.dimension).toBe('sex');
    const byKind = await metric(app, 'CIN-07', `${FY}&by=plan-type&unsuppressed=true`);
    expect(byKind.breakdown.rows.map((row: { groups: { code: string }[]; numerator: { value: number }; denominator: { value: number } }) => [row.groups[0]!.code, row.numerator.value, row.denominator.value]))
      .toEqual([['cin-plan', 1, 3], ['cp-plan', 1, 1]]);
  });

  it('CP-11 follows strategy discussions through section 47, the initial conference and the plan', async () => {
    // Held in the year: A3, S1, S2 twice, S3 (L2's was in 2022). Deciding on section 47: all but S1.
    // Enquiries, each once: A3, S2 (from its second discussion), S3. Conferences: A3, S2. Plans: A3.
    expect(await metric(app, 'CP-11', FY)).toMatchObject({
      value: 80, numerator: 4, denominator: 5, additional: { enquiries: 3, initialConferences: 2, plansStarted: 1 },
    });
    expect(await metric(app, 'CP-11', 'period=FY2022-23')).toMatchObject({ numerator: 1, denominator: 1, additional: { enquiries: 1, initialConferences: 1, plansStarted: 1 } });
  });
});
