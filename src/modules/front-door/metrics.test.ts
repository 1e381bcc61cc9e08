import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/database/database.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { appOn, fourThousandChildren, loadPopulation, metric, recorderFor } from '../../analytics/test-support.ts';

/**
 * The front door and referrals over FY2023-24 (1 April 2023 – 31 March 2024), recorded through the
 * API. Every expected figure is worked out by hand below from this log:
 *
 * child  sex eth   contact (received)                     source  reason (other)        MASH  decided               decision
 * F1     F   WBRI  C1 Mon 2023-04-03 10:00                6       domestic-abuse        done  Tue 04-04 (on time)   referral → R1 2023-04-04
 *                  C2 Wed 2024-01-10 10:00                2A      neglect                     Fri 01-12 (late)      referral → R2 2024-01-12 (re-referral)
 * F2     M   BAFR  C3 Wed 2023-04-05 10:00                6       physical-abuse              same day              early-help
 *                  C4 Mon 2023-11-20 09:00                1A      neglect (physical)    asked Tue 11-21              no-further-action
 *                  C5 Thu 2024-02-01 09:00                6       physical-abuse              same day              information-and-advice
 * F3     F   BAFR  R 2022-06-01 closed 2022-07-01; R 2023-06-01 (12 months to the day: a re-referral), closed 2023-08-01 with no assessment (NFA)
 *                  C6 Mon 2023-07-03 10:00 while open     2A      physical-abuse              same day              no-further-action
 * F4     M   WBRI  C0 2022-05-31 (FY2022-23) → R 2022-06-01 closed 2022-06-10; R 2023-06-02 (12 months and a day: not a re-referral);
 *                  assessment 2023-06-05 → 2023-07-14 child-in-need-plan
 * F5     F   NOBT  a contact on 2023-09-01 recorded in error and voided; C7 Mon 2023-09-04 10:00, 6, never decided
 * F6     F   WBRI  C8 Maundy Thursday 2024-03-28 15:00    6       domestic-abuse        done  Tue 04-02 after Easter (on time)  early-help
 * F7     M   WBRI  C9 Maundy Thursday 2024-03-28 16:00    3A      domestic-abuse              Wed 04-03 (late)      no-further-action
 * F1's R1 assessment: 2023-04-05 → 2023-05-10, no-further-action; episode closed 2023-05-11.
 */
describe.each(testDatabaseTargets)('front door and referral figures on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  const FY = 'period=FY2023-24';

  beforeAll(async () => {
    db = await target.open();
    app = appOn(db);
    const r = recorderFor(app, 'fd');
    // Mid-2024 population (the year containing 31 March 2024): 4,000 children aged 0–17.
    await loadPopulation(db, 2024, fourThousandChildren);

    await r.register('F1', { sex: 'F', ethnicity: 'WBRI', dateOfBirth: '2015-06-01' });
    await r.contact('F1', '2023-04-03T10:00:00Z');
    await r.record('F1', 'mash-check.requested', '2023-04-03', { agency: 'police' });
    await r.record('F1', 'mash-check.completed', '2023-04-03', { agency: 'police', informationHeld: true });
    await r.decide('F1', '2023-04-04T09:00:00Z');
    await r.referral('F1', '2023-04-04');
    await r.startAssessment('F1', '2023-04-05');
    await r.completeAssessment('F1', '2023-05-10', 'no-further-action', ['21']);
    await r.close('F1', '2023-05-11', 'RC8');
    await r.contact('F1', '2024-01-10T10:00:00Z', { source: '2A', localSource: 'school', primaryReason: 'neglect' });
    await r.decide('F1', '2024-01-12T10:00:00Z');
    await r.referral('F1', '2024-01-12', '2A');

    await r.register('F2', { sex: 'M', ethnicity: 'BAFR', dateOfBirth: '2010-03-01' });
    await r.contact('F2', '2023-04-05T10:00:00Z', { primaryReason: 'physical-abuse' });
    await r.decide('F2', '2023-04-05T16:00:00Z', 'early-help');
    await r.contact('F2', '2023-11-20T09:00:00Z', { source: '1A', localSource: 'family-member', primaryReason: 'neglect', otherReasons: ['physical-abuse'] });
    await r.record('F2', 'mash-check.requested', '2023-11-20', { agency: 'health' });
    await r.decide('F2', '2023-11-21T09:00:00Z', 'no-further-action');
    await r.contact('F2', '2024-02-01T09:00:00Z', { primaryReason: 'physical-abuse' });
    await r.decide('F2', '2024-02-01T15:00:00Z', 'information-and-advice');

    await r.register('F3', { sex: 'F', ethnicity: 'BAFR', dateOfBirth: '2012-01-01' });
    await r.referral('F3', '2022-06-01', '2A');
    await r.close('F3', '2022-07-01', 'RC8');
    await r.referral('F3', '2023-06-01', '2A');
    await r.contact('F3', '2023-07-03T10:00:00Z', { source: '2A', localSource: 'school', primaryReason: 'physical-abuse' });
    await r.decide('F3', '2023-07-03T15:00:00Z', 'no-further-action');
    await r.close('F3', '2023-08-01', 'RC8');

    await r.register('F4', { sex: 'M', ethnicity: 'WBRI', dateOfBirth: '2011-02-02' });
    await r.contact('F4', '2022-05-31T10:00:00Z');
    await r.decide('F4', '2022-05-31T15:00:00Z');
    await r.referral('F4', '2022-06-01');
    await r.close('F4', '2022-06-10', 'RC8');
    await r.referral('F4', '2023-06-02');
    await r.startAssessment('F4', '2023-06-05');
    await r.completeAssessment('F4', '2023-07-14', 'child-in-need-plan', ['3B', '4B']);

    await r.register('F5', { sex: 'F', ethnicity: 'NOBT', dateOfBirth: '2016-07-07' });
    const mistaken = await r.contact('F5', '2023-09-01T10:00:00Z');
    await r.voidEvent('F5', '2023-09-02', mistaken.eventId);
    await r.contact('F5', '2023-09-04T10:00:00Z');

    await r.register('F6', { sex: 'F', ethnicity: 'WBRI', dateOfBirth: '2017-03-03' });
    await r.contact('F6', '2024-03-28T15:00:00Z');
    await r.record('F6', 'mash-check.requested', '2024-03-28', { agency: 'education' });
    await r.record('F6', 'mash-check.completed', '2024-04-02', { agency: 'education', informationHeld: false });
    await r.decide('F6', '2024-04-02T10:00:00Z', 'early-help');

    await r.register('F7', { sex: 'M', ethnicity: 'WBRI', dateOfBirth: '2013-04-04' });
    await r.contact('F7', '2024-03-28T16:00:00Z', { source: '3A', localSource: 'gp' });
    await r.decide('F7', '2024-04-03T09:00:00Z', 'no-further-action');
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('FD-01 counts contacts received in the period, not the voided one, with a rate per 10,000', async () => {
    // C1–C9: nine contacts; F5's contact of 1 September was voided; F4's C0 is in FY2022-23.
    const result = await metric(app, 'FD-01', FY);
    expect(result).toMatchObject({ value: 9, numerator: 9, ratePer10000: 22.5 }); // 9 ÷ 4,000 × 10,000
    expect(result.population).toMatchObject({ year: 2024, requestedYear: 2024, children: 4000 });
    expect((await metric(app, 'FD-01', 'period=2023-09')).value).toBe(1); // only C7 in September
    expect((await metric(app, 'FD-01', 'from=2024-03-28&to=2024-03-28')).value).toBe(2);
  });

  it('FD-02 is the change on the previous year, and a trend shows it too', async () => {
    // FY2022-23 had one contact (C0): (9 − 1) ÷ 1 = +800%.
    const change = await metric(app, 'FD-02', FY);
    expect(change).toMatchObject({ value: 800, numerator: 9, denominator: 1, display: '+800%' });
    const trend = (await metric(app, 'FD-01', `${FY}&trend=2`)).trend;
    expect(trend.map((p: { window: { label: string }; value: number }) => [p.window.label, p.value])).toEqual([['FY2022-23', 1], ['FY2023-24', 9]]);
    expect(trend[1]).toMatchObject({ change: 8, changePercent: 800 });
  });

  it('marks the periods before the record began as having no records yet, with no figure and no change from them', async () => {
    const result = await metric(app, 'FD-01', `${FY}&trend=6`);
    // The record's first events are the children's registrations on 1 January 2020.
    expect(result.recordsFrom).toBe('2020-01-01');
    const points = result.trend.map((p: { window: { label: string }; value: number | null; change: number | null; records: string }) => [p.window.label, p.records, p.value, p.change]);
    expect(points).toEqual([
      ['FY2018-19', 'none', null, null],
      // The record begins during FY2019-20: its figure is shown, but a change from a year partly recorded would be growth in recording.
      ['FY2019-20', 'part', 0, null],
      ['FY2020-21', 'whole', 0, null],
      ['FY2021-22', 'whole', 0, 0],
      ['FY2022-23', 'whole', 1, 1],
      ['FY2023-24', 'whole', 9, 8],
    ]);
  });

  it('FD-03 gives each source\'s share, withholding counts under 5 unless raw figures are asked for', async () => {
    // Police (6): C1 C3 C5 C7 C8 = 5; schools (2A): C2 C6 = 2; family (1A): C4; GP (3A): C9.
    const raw = await metric(app, 'FD-03', `${FY}&unsuppressed=true`);
    const shares = raw.breakdown.rows.map((row: { groups: { code: string }[]; numerator: { value: number }; value: { display: string } }) => [row.groups[0]!.code, row.numerator.value, row.value.display]);
    expect(shares).toEqual([['1A', 1, '11.1%'], ['2A', 2, '22.2%'], ['3A', 1, '11.1%'], ['6', 5, '55.6%']]); // in the DfE list's order
    const published = await metric(app, 'FD-03', FY);
    expect(published.value).toBe(9); // the total is published
    const police = published.breakdown.rows.find((row: { groups: { code: string }[] }) => row.groups[0]!.code === '6');
    expect(police.numerator).toEqual({ value: 5, display: '5', suppressed: false });
    const schools = published.breakdown.rows.find((row: { groups: { code: string }[] }) => row.groups[0]!.code === '2A');
    expect(schools.numerator).toEqual({ value: null, display: 'fewer than 5', suppressed: true });
    expect(schools.value.suppressed).toBe(true); // its share would give it away
    expect(published.breakdown.suppression).toEqual({ applied: true, threshold: 5 });
  });

  it('FD-04 and FD-05 share contacts by primary reason and by decision, undecided ones shown as such', async () => {
    const reasons = await metric(app, 'FD-04', `${FY}&unsuppressed=true`);
    const count = (result: { breakdown: { rows: { groups: { code: string }[]; numerator: { value: number } }[] } }) =>
      Object.fromEntries(result.breakdown.rows.map((row) => [row.groups.at(-1)!.code, row.numerator.value]));
    // Primary reasons: domestic abuse C1 C7 C8 C9; neglect C2 C4; physical abuse C3 C5 C6.
    expect(count(reasons)).toEqual({ 'domestic-abuse': 4, neglect: 2, 'physical-abuse': 3 });
    const decisions = await metric(app, 'FD-05', `${FY}&unsuppressed=true`);
    expect(count(decisions)).toEqual({ 'referral-to-social-care': 2, 'early-help': 2, 'no-further-action': 3, 'information-and-advice': 1, 'not-yet-decided': 1 });
    // With a breakdown, a distribution's shares are within each group: F2's three contacts are all BAFR.
    const bySex = await metric(app, 'FD-05', `${FY}&by=sex&unsuppressed=true`);
    const maleEarlyHelp = bySex.breakdown.rows.find((row: { groups: { code: string }[] }) => row.groups.map((g) => g.code).join() === 'M,early-help');
    // Male contacts: C3 (early help), C4 (NFA), C5 (advice), C9 (NFA) = 4; early help 1 of 4.
    expect(maleEarlyHelp.value.value).toBe(25);
  });

  it('FD-07 counts re-referrals within 12 months of a previous referral, to the day', async () => {
    // Referrals in FY2023-24: F1 R1 (no earlier), F1 R2 (R1 in the 12 months before), F3 2023-06-01
    // (earlier 2022-06-01 is exactly 12 months before: counted), F4 2023-06-02 (2022-06-01 is a day too early).
    expect(await metric(app, 'FD-07', FY)).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    expect(await metric(app, 'CIN-08', FY)).toMatchObject({ value: 4, ratePer10000: 10 }); // 4 ÷ 4,000 × 10,000
  });

  it('FD-08 and its alias CIN-05 give assessments completed with no further action', async () => {
    // Completed in FY2023-24: F1 (2023-05-10, NFA) and F4 (2023-07-14, CIN plan).
    expect(await metric(app, 'FD-08', FY)).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    const alias = await metric(app, 'CIN-05', FY);
    expect(alias).toMatchObject({ value: 50, view: { id: 'CIN-05' }, metric: { id: 'FD-08' } });
    // Factors: F1 '21'; F4 '3B' and '4B'. A multi-valued breakdown: rows need not add up.
    const byFactor = await metric(app, 'FD-08', `${FY}&by=factor&unsuppressed=true`);
    expect(byFactor.breakdown.rows.map((row: { groups: { code: string }[]; denominator: { value: number } }) => [row.groups[0]!.code, row.denominator.value]))
      .toEqual([['3B', 1], ['4B', 1], ['21', 1]]); // in the DfE list's order
  });

  it('FD-09 gives the share of contacts with a completed MASH check', async () => {
    // Completed checks: C1 and C8; C4's was only requested.
    expect(await metric(app, 'FD-09', FY)).toMatchObject({ numerator: 2, denominator: 9 });
  });

  it('FD-11 counts physical-abuse contacts about children not already open, with the children behind them', async () => {
    // C3, C4 (other reason) and C5 about F2; C6 about F3 is left out: F3's episode was open from 1 June.
    const result = await metric(app, 'FD-11', FY);
    expect(result).toMatchObject({ value: 3, additional: { children: 1, childrenWithTwoContacts: 0, childrenWithThreeOrMoreContacts: 1 } });
  });

  it('FD-13 decides within 1 working day, across Easter 2024', async () => {
    // On time: C1 (due Tue 4 Apr), C3, C4 (due Tue 21 Nov), C5, C6, C8 (Thursday 28 March is due on
    // Tuesday 2 April: Good Friday and Easter Monday are bank holidays). Late: C2 (due Thu 11 Jan),
    // C9 (decided Wed 3 April), C7 (never decided, long overdue). 6 of 9.
    const result = await metric(app, 'FD-13', FY);
    expect(result).toMatchObject({ numerator: 6, denominator: 9 });
    expect(result.value).toBeCloseTo(66.667, 3);
    const easter = await metric(app, 'FD-13', 'from=2024-03-28&to=2024-03-28&unsuppressed=true&by=local-source');
    expect(easter.breakdown.rows.map((row: { groups: { code: string }[]; numerator: { value: number }; denominator: { value: number } }) => [row.groups[0]!.code, row.numerator.value, row.denominator.value]))
      .toEqual([['police', 1, 1], ['gp', 0, 1]]);
  });

  it('DFE-REF-NFA counts referrals that closed with no assessment or enquiry', async () => {
    // Only F3's referral of 2023-06-01 closed without an assessment; F1 R2 and F4 are still open.
    expect(await metric(app, 'DFE-REF-NFA', FY)).toMatchObject({ value: 25, numerator: 1, denominator: 4 });
  });

  it('FD-01 by ethnicity compares each group\'s contacts with its share of children', async () => {
    // Contacts: WBRI F1 (2) F6 F7 = 4; BAFR F2 (3) F3 (1) = 4; NOBT F5 = 1. Children: WBRI 2,000,
    // BAFR 1,000, ABAN 1,000. Rates per 10,000: WBRI 20, BAFR 40, ABAN 0. Contacts are events (a
    // child can have several), so the interval is for Poisson rates: RRI(BAFR) = 40 ÷ 20 = 2,
    // ln 2 ± 1.96 × √(1/4 + 1/4) → 0.500 to 7.997.
    const result = await metric(app, 'FD-01', `${FY}&by=ethnicity&unsuppressed=true`);
    const d = result.disproportionality;
    expect(d).toMatchObject({ dimension: 'ethnicity', comparator: { code: 'WBRI' }, rateBase: 10000 });
    const row = (code: string) => d.rows.find((r: { group: { code: string } }) => r.group.code === code);
    expect(row('BAFR').rate.value).toBeCloseTo(40, 6);
    expect(row('BAFR').relativeRateIndex.value).toBeCloseTo(2, 6);
    expect(row('BAFR').confidenceInterval.lower.value).toBeCloseTo(0.5002, 3);
    expect(row('BAFR').confidenceInterval.upper.value).toBeCloseTo(7.997, 2);
    // Shares of contacts of known ethnicity (8) vs of children: BAFR 50% vs 25%: ratio 2, over-represented.
    expect(row('BAFR')).toMatchObject({ serviceShare: { value: 50 }, referenceShare: { value: 25 }, representationRatio: { value: 2 }, representation: 'over', significant: false });
    expect(row('ABAN')).toMatchObject({ count: { value: 0 }, serviceShare: { value: 0 }, representation: 'under' });
    expect(row('WBRI').representation).toBe('comparator');
    expect(d.unknownShare.value).toBeCloseTo(100 / 9, 6); // F5's contact: ethnicity not yet obtained
    // Published: every group count is under 5, so the comparison is withheld.
    const published = await metric(app, 'FD-01', `${FY}&by=ethnicity`);
    expect(published.disproportionality.rows.find((r: { group: { code: string } }) => r.group.code === 'BAFR')).toMatchObject({ count: { display: 'fewer than 5' }, relativeRateIndex: { suppressed: true }, representation: 'withheld' });
  });
});
