import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/database/database.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { appOn, fourThousandChildren, loadPopulation, metric, recorderFor } from '../../analytics/test-support.ts';

/**
 * Section 47 enquiries, conferences and child protection plans, recorded through the API. Every
 * expected figure is worked out by hand from this log (FY2023-24 = 1 April 2023 – 31 March 2024;
 * Easter 2023: Good Friday 7 April, Easter Monday 10 April; Easter 2024: 29 March and 1 April):
 *
 * P1 F WBRI b.2016-05-01  strategy Mon 2023-03-20 → ICPC Wed 2023-04-05 NEG (due 12 April with
 *                         Easter: on time) = plan A. Core group Fri 04-14 (due 21 April: on time).
 *                         Reviews 2023-07-03 (due 07-05: on time), 2024-01-10 (due 01-03: late).
 *                         Plan ended 2024-02-20 (the third review, due 2024-07-10, no longer needed);
 *                         episode closed 02-21. New referral 2024-03-01, strategy Mon 2024-03-11 →
 *                         ICPC Wed 2024-04-03 (the 15th working day across Easter 2024: on time) =
 *                         plan B, a repeat plan.
 * P2 M BAFR b.2012-09-01  plan in 2021 (ICPC 2021-01-20 EMO, ended at review 2021-04-15). Sibling of
 *                         P3. Referral 2023-06-01, assessment → 2023-07-10 (factors 3B, 4B), strategy
 *                         Mon 06-05 → ICPC Fri 06-30 PHY (due 26 June: late) = plan C, a repeat.
 *                         Core group 07-20 (due 07-14: late). Reviews 09-28 (due 09-30), 2024-03-27
 *                         (due 03-28): on time. Open.
 * P3 F BAFR b.2014-02-01  strategy the same day as her brother, ICPC 06-30 PHY (late) = plan D; core
 *                         group 07-14 (on time); plan ended at review 09-28 (due 09-30: on time).
 * P4 M WBRI b.2009-01-01  disabled; strategy 2023-10-02, section 47 ended with no further action.
 * P5 F ABAN unborn (due 2024-05-01): strategy 2024-01-08 → pre-birth ICPC 01-26 MUL (due 01-29:
 *                         on time) = plan E; core group 02-02 (due 02-09). Open.
 * P6 F WBRI b.2018-01-01  assessment → 2023-11-20 (factor 3B); strategy 11-01, again 11-15 (the
 *                         enquiry continues) → ICPC Wed 12-06 NEG (15 working days from the last
 *                         discussion: on time) = plan F. A core group recorded on 12-08 was voided:
 *                         none held. First review due 2024-03-06, not held. Open.
 *
 * Population mid-2024 (the year containing 31 March 2024): 4,000 children aged 0–17: White
 * British 2,000 (age 5 and 10), Black African 1,000 (12, 13), Bangladeshi 1,000 (3, 8).
 */
describe.each(testDatabaseTargets)('child protection figures on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  const FY = 'period=FY2023-24';

  beforeAll(async () => {
    db = await target.open();
    app = appOn(db);
    const r = recorderFor(app, 'cp');
    await loadPopulation(db, 2024, fourThousandChildren);

    await r.register('P1', { sex: 'F', ethnicity: 'WBRI', dateOfBirth: '2016-05-01' });
    await r.referral('P1', '2023-03-01');
    await r.strategy('P1', '2023-03-20');
    await r.initialConference('P1', '2023-04-05', 'NEG');
    await r.coreGroup('P1', '2023-04-14');
    await r.review('P1', '2023-07-03');
    await r.review('P1', '2024-01-10');
    await r.endPlan('P1', '2024-02-20');
    await r.close('P1', '2024-02-21');
    await r.referral('P1', '2024-03-01');
    await r.strategy('P1', '2024-03-11');
    await r.initialConference('P1', '2024-04-03', 'NEG');

    await r.register('P2', { sex: 'M', ethnicity: 'BAFR', dateOfBirth: '2012-09-01' });
    await r.register('P3', { sex: 'F', ethnicity: 'BAFR', dateOfBirth: '2014-02-01' });
    await r.sibling('P2', '2021-01-04', 'P3');
    await r.referral('P2', '2021-01-04');
    await r.strategy('P2', '2021-01-05');
    await r.initialConference('P2', '2021-01-20', 'EMO');
    await r.review('P2', '2021-04-15', false);
    await r.close('P2', '2021-05-01');
    await r.referral('P2', '2023-06-01');
    await r.allocate('P2', '2023-06-01T12:00:00Z', 'w-cp', 't-cp');
    await r.startAssessment('P2', '2023-06-01');
    await r.strategy('P2', '2023-06-05');
    await r.initialConference('P2', '2023-06-30', 'PHY');
    await r.completeAssessment('P2', '2023-07-10', 'strategy-discussion', ['3B', '4B']);
    await r.coreGroup('P2', '2023-07-20');
    await r.review('P2', '2023-09-28');
    await r.review('P2', '2024-03-27');

    await r.referral('P3', '2023-06-01');
    await r.allocate('P3', '2023-06-01T12:00:00Z', 'w-cp', 't-cp');
    await r.strategy('P3', '2023-06-05');
    await r.initialConference('P3', '2023-06-30', 'PHY');
    await r.coreGroup('P3', '2023-07-14');
    await r.review('P3', '2023-09-28', false);
    await r.close('P3', '2023-10-02');

    await r.register('P4', { sex: 'M', ethnicity: 'WBRI', dateOfBirth: '2009-01-01', disabilities: ['LD'] });
    await r.referral('P4', '2023-10-02');
    await r.strategy('P4', '2023-10-02');
    await r.section47Completed('P4', '2023-10-13', 'no-further-action');
    await r.close('P4', '2023-10-16', 'RC8');

    await r.register('P5', { sex: 'F', ethnicity: 'ABAN', expectedDateOfBirth: '2024-05-01' }, '2024-01-02');
    await r.referral('P5', '2024-01-08');
    await r.strategy('P5', '2024-01-08');
    await r.initialConference('P5', '2024-01-26', 'MUL');
    await r.coreGroup('P5', '2024-02-02');

    await r.register('P6', { sex: 'F', ethnicity: 'WBRI', dateOfBirth: '2018-01-01' });
    await r.referral('P6', '2023-11-01');
    await r.startAssessment('P6', '2023-11-01');
    await r.strategy('P6', '2023-11-01');
    const continued = await r.strategy('P6', '2023-11-15');
    await r.completeAssessment('P6', '2023-11-20', 'strategy-discussion', ['3B']);
    // The record keeps the first discussion's enquiry awaiting a conference too, so the conference names its enquiry.
    await r.initialConference('P6', '2023-12-06', 'NEG', continued.eventId);
    const mistaken = await r.coreGroup('P6', '2023-12-08');
    await r.voidEvent('P6', '2023-12-09', mistaken.eventId);
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('CP-02a, CP-02b and CP-02c give rates per 10,000 at the end of, during and starting in the period', async () => {
    // At the end of 31 March 2024: P2, P5, P6 (3 ÷ 4,000 × 10,000 = 7.5). At any point: P1, P2, P3,
    // P5, P6 (12.5). Starting in the year: the same five (12.5).
    expect(await metric(app, 'CP-02a', FY)).toMatchObject({ value: 7.5, numerator: 3, denominator: 4000, window: { asAt: '2024-03-31' } });
    expect(await metric(app, 'CP-02b', FY)).toMatchObject({ value: 12.5, numerator: 5, denominator: 4000 });
    expect(await metric(app, 'CP-02c', FY)).toMatchObject({ value: 12.5, numerator: 5 });
    // CP-02 names the three variants.
    const variants = await app.inject({ method: 'GET', url: '/api/v1/metrics/CP-02?period=FY2023-24' });
    expect(variants.statusCode).toBe(404);
    expect(variants.json().error.message).toMatch(/CP-02a.*CP-02b.*CP-02c/);
  });

  it('CP-01 counts children on a plan at the end of the day: a plan ending that day no longer counts', async () => {
    expect((await metric(app, 'CP-01', 'asAt=2023-09-27')).value).toBe(3); // plans A, C, D
    expect((await metric(app, 'CP-01', 'asAt=2023-09-28')).value).toBe(2); // D ended at its review
    const unborn = await metric(app, 'CP-01', 'asAt=2024-03-31&by=age-band&unsuppressed=true');
    expect(unborn.breakdown.rows.map((row: { groups: { code: string }[]; numerator: { value: number } }) => [row.groups[0]!.code, row.numerator.value]))
      .toEqual([['unborn', 1], ['5-to-9', 1], ['10-to-15', 1]]); // P5 unborn, P6 aged 6, P2 aged 11
  });

  it('CP-04 and CP-05: plans starting by category, and repeat plans (DfE: any earlier plan)', async () => {
    const categories = await metric(app, 'CP-04', `${FY}&unsuppressed=true`);
    expect(categories.breakdown.rows.map((row: { groups: { code: string }[]; numerator: { value: number }; value: { value: number } }) => [row.groups[0]!.code, row.numerator.value, row.value.value]))
      .toEqual([['NEG', 2, 40], ['PHY', 2, 40], ['MUL', 1, 20]]);
    // Of the five children starting a plan, only P2 had one before (2021).
    expect(await metric(app, 'CP-05', FY)).toMatchObject({ value: 20, numerator: 1, denominator: 5 });
    // P1's plan B on 3 April 2024 follows plan A: a repeat in FY2024-25.
    expect(await metric(app, 'CP-05', 'period=FY2024-25')).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    const trend = (await metric(app, 'CP-05', `${FY}&trend=2`)).trend;
    expect(trend.map((point: { value: number | null }) => point.value)).toEqual([null, 20]); // no plans started in FY2022-23
  });

  it('CP-07 gives the length of plans ending in the period', async () => {
    // A: 5 April 2023 – 20 February 2024 (6 to 12 months); D: 30 June – 28 September 2023 (under 3 months).
    const result = await metric(app, 'CP-07', `${FY}&unsuppressed=true`);
    expect(result.value).toBe(2);
    expect(result.breakdown.rows.map((row: { groups: { code: string }[]; numerator: { value: number } }) => [row.groups[0]!.code, row.numerator.value]))
      .toEqual([['under-3-months', 1], ['6-to-12-months', 1]]);
  });

  it('CP-08 and CP-09 count section 47 enquiries once, however many strategy discussions, with siblings shown', async () => {
    // Started in FY2023-24: P2, P3, P4, P5, P6 (its second discussion continues the enquiry) and P1's
    // of 11 March 2024: 6. Per month: 6 ÷ 12 = 0.5; per 10,000: 15. P2 and P3 started the same day.
    expect(await metric(app, 'CP-08', FY)).toMatchObject({ value: 0.5, numerator: 6, denominator: 12, additional: { startedSameDayAsSibling: 2 } });
    expect(await metric(app, 'CP-09', FY)).toMatchObject({ value: 15, numerator: 6 });
    // The partnership period, September 2022 – March 2024, is 19 calendar months and adds P1's of 20 March 2023.
    const iscp = await metric(app, 'CP-08', 'period=ISCP2022-24');
    expect(iscp).toMatchObject({ numerator: 7, denominator: 19, window: { from: '2022-09-01', to: '2024-03-31' } });
    expect(iscp.value).toBeCloseTo(7 / 19, 10);
  });

  it('CP-03 gives the factors of the latest assessment of children on a plan', async () => {
    // On 31 March 2024: P2 (3B, 4B), P5 (no assessment), P6 (3B).
    const result = await metric(app, 'CP-03', 'asAt=2024-03-31&unsuppressed=true');
    expect(result.value).toBe(3);
    expect(result.breakdown.rows.map((row: { groups: { code: string }[]; numerator: { value: number } }) => [row.groups[0]!.code, row.numerator.value]))
      .toEqual([['3B', 2], ['4B', 1], ['none-recorded', 1]]);
  });

  it('CP-13 counts first core groups within 10 working days; a voided core group does not count', async () => {
    // Plans starting in FY2023-24: A (core group in time across Easter 2023), C (late), D (on the
    // due day), E (in time), F (its only core group was voided: none held, long overdue). 3 of 5.
    expect(await metric(app, 'CP-13', FY)).toMatchObject({ value: 60, numerator: 3, denominator: 5 });
  });

  it('CPC-05 counts initial conferences within 15 working days of the last strategy discussion', async () => {
    // Held in FY2023-24: P1 (on time across Easter 2023), P2 and P3 (late), P5 (on time), P6 (on
    // time counted from its second discussion). 3 of 5. P4's enquiry ended without a conference.
    expect(await metric(app, 'CPC-05', FY)).toMatchObject({ value: 60, numerator: 3, denominator: 5 });
    // P1's conference on 3 April 2024 is the 15th working day after 11 March, Good Friday and Easter Monday not counted.
    expect(await metric(app, 'CPC-05', 'period=2024-04')).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
  });

  it('CPC-01 counts conferences held per child; CPC-06 reviews held by their due date', async () => {
    // Initial: P1, P2, P3, P5, P6; reviews: P1 ×2, P2 ×2, P3 (ending the plan) = 10.
    const held = await metric(app, 'CPC-01', `${FY}&by=conference-type&unsuppressed=true`);
    expect(held.value).toBe(10);
    expect(held.breakdown.rows.map((row: { groups: { code: string }[]; numerator: { value: number } }) => [row.groups[0]!.code, row.numerator.value])).toEqual([['initial', 5], ['review', 5]]);
    // Due in the year: P1 (5 July: on time; 3 January: late), P2 (30 September, 28 March: on time),
    // P3 (30 September: on time), P6 (6 March: not held). 4 of 6. P1's third review was no longer needed.
    expect(await metric(app, 'CPC-06', FY)).toMatchObject({ numerator: 4, denominator: 6 });
    const byReview = await metric(app, 'CPC-06', `${FY}&by=review-number&unsuppressed=true`);
    expect(byReview.breakdown.rows.map((row: { groups: { code: string }[]; numerator: { value: number }; denominator: { value: number } }) => [row.groups[0]!.code, row.numerator.value, row.denominator.value]))
      .toEqual([['first', 3, 4], ['later', 1, 2]]);
  });

  it('compares children on a plan by ethnicity with the child population (DP-01), White British the comparator', async () => {
    // On a plan during the year: WBRI P1, P6 (2 of 2,000: 10 per 10,000); BAFR P2, P3 (2 of 1,000: 20);
    // ABAN P5 (1 of 1,000: 10). Each child counts once, so the interval is for a ratio of proportions:
    // RRI(BAFR) = 20 ÷ 10 = 2; var ln = 1/2 − 1/1,000 + 1/2 − 1/2,000 = 0.9985; 2 × e^(±1.96 × 0.99925) → 0.2822 to 14.18.
    const result = await metric(app, 'DP-01', `${FY}&unsuppressed=true`);
    expect(result).toMatchObject({ view: { id: 'DP-01' }, metric: { id: 'CP-02b' }, breakdown: { by: ['ethnicity'] } });
    const d = result.disproportionality;
    expect(d).toMatchObject({ comparator: { code: 'WBRI', label: 'White British' }, rateBase: 10000, intervalMethod: expect.stringContaining('Katz') });
    const row = (code: string) => d.rows.find((r: { group: { code: string } }) => r.group.code === code);
    expect(row('BAFR').rate.value).toBeCloseTo(20, 6);
    expect(row('BAFR').relativeRateIndex.value).toBeCloseTo(2, 6);
    expect(row('BAFR').confidenceInterval.lower.value).toBeCloseTo(0.2822, 3);
    expect(row('BAFR').confidenceInterval.upper.value).toBeCloseTo(14.18, 1);
    // Service shares 40 / 40 / 20 against population shares 50 / 25 / 25.
    expect(row('BAFR')).toMatchObject({ serviceShare: { value: 40 }, referenceShare: { value: 25 }, representationRatio: { value: 1.6 }, pointDifference: { value: 15 }, representation: 'over' });
    expect(row('ABAN').relativeRateIndex.value).toBeCloseTo(1, 6);
    expect(row('ABAN')).toMatchObject({ representationRatio: { value: 0.8 }, representation: 'under', significant: false });
    expect(row('WBRI')).toMatchObject({ representation: 'comparator', relativeRateIndex: { value: null } });
    // The breakdown gives each group's rate per 10,000.
    const rates = Object.fromEntries(result.breakdown.rows.map((r: { groups: { code: string }[]; value: { value: number } }) => [r.groups[0]!.code, r.value.value]));
    expect(rates).toEqual({ WBRI: 10, ABAN: 10, BAFR: 20 });
    // Compared with all other children instead: BAFR 2 of 1,000 against 3 of 3,000: RRI 2.
    const allOthers = await metric(app, 'CP-02b', `${FY}&by=ethnicity&unsuppressed=true&comparator=all-others`);
    expect(allOthers.disproportionality.rows.find((r: { group: { code: string } }) => r.group.code === 'BAFR').relativeRateIndex.value).toBeCloseTo(2, 6);
  });

  it('withholds small counts and the one that would reveal them (secondary suppression)', async () => {
    // Threshold 2: ABAN's 1 is withheld; with one withheld among the groups, the smallest other
    // (WBRI's 2, first in order) is withheld too, so neither can be worked out from the total of 5.
    const result = await metric(app, 'CP-02b', `${FY}&by=ethnicity&threshold=2`);
    const shown = Object.fromEntries(result.breakdown.rows.map((r: { groups: { code: string }[]; numerator: { display: string } }) => [r.groups[0]!.code, r.numerator.display]));
    expect(shown).toEqual({ WBRI: 'fewer than 2', ABAN: 'fewer than 2', BAFR: '2' });
    expect(result.value).toBe(12.5); // the headline is published
  });

  it('compares disabled children on a plan with children in need (CP-14), there being no count of disabled children', async () => {
    // Children in need during the year: P1–P6 (6), of whom P4 is disabled; on a plan: five, none disabled.
    const result = await metric(app, 'CP-14', `${FY}&unsuppressed=true`);
    const d = result.disproportionality;
    expect(d).toMatchObject({ dimension: 'disability', reference: 'children in need at any point in the same window', rateBase: 100, comparator: { code: 'all-others' } });
    const disabled = d.rows.find((r: { group: { code: string } }) => r.group.code === 'disabled');
    expect(disabled).toMatchObject({ count: { value: 0 }, reference: 1, relativeRateIndex: { value: 0 }, representation: 'under' });
    expect(disabled.referenceShare.value).toBeCloseTo(100 / 6, 6);
  });

  it('breaks down by age band on the counting date, with each band\'s rate', async () => {
    // Age at the plan's start: P1 6, P3 9, P6 5 (5 to 9); P2 10; P5 unborn. Children aged 5–9: 1,500.
    const result = await metric(app, 'CP-02c', `${FY}&by=age-band&unsuppressed=true`);
    const rows = Object.fromEntries(result.breakdown.rows.map((r: { groups: { code: string }[]; numerator: { value: number }; value: { value: number | null } }) => [r.groups[0]!.code, [r.numerator.value, r.value.value]]));
    // Unborn children have no population to give a rate; bands with no plans are not listed.
    expect(rows).toEqual({ unborn: [1, null], '5-to-9': [3, 20], '10-to-15': [1, 5] });
  });

  it('shows the benchmarks held for a metric, loaded and shipped', async () => {
    const load = await app.inject({
      method: 'POST', url: '/api/v1/benchmarks',
      payload: { csv: 'metric_id,year,geography,value,source\nCP-02b,2023-24,statistical-neighbours,89,"DfE LAIT, 2023-24 (test)"\nCP-02a,2023-24,england,41.5,Test figure\n' },
    });
    expect(load.statusCode, load.body).toBe(201);
    expect(load.json()).toEqual({ loaded: 2 });
    const result = await metric(app, 'CP-02b', FY);
    expect(result.benchmarks).toEqual([{ year: '2023-24', geography: 'statistical-neighbours', measure: 'value', value: 89, source: 'DfE LAIT, 2023-24 (test)', origin: 'loaded', samePeriod: true }]);
    const atEnd = await metric(app, 'CP-02a', FY);
    expect(atEnd.benchmarks.map((b: { year: string; measure: string; origin: string; samePeriod: boolean }) => [b.year, b.measure, b.origin, b.samePeriod]))
      .toEqual([['2023-24', 'value', 'loaded', true], ['2019-20', 'numerator', 'shipped', false], ['2019-20', 'value', 'shipped', false], ['2016-17', 'numerator', 'shipped', false]]);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/benchmarks', payload: { csv: 'metric_id,year,geography,value,source\nXX-01,2023,england,1,x\nCP-01,2023-25,mars,abc,\n' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.problems.map((p: { field: string }) => p.field)).toEqual(['line 2.metric_id', 'line 3.year', 'line 3.geography', 'line 3.value', 'line 3.source']);
  });
});
