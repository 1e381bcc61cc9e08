/**
 * The CIN census of a synthetic borough: every child's record, as the simulator writes it, folded
 * up to the end of the year, gives a census DfE's schema accepts, which another record brought in
 * from it gives again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { foldChildRecord } from '../../../record/fold.ts';
import { boroughOfSize, islingtonShapedBorough } from '../../../simulate/borough.ts';
import { simulatedChildLogs } from '../../../simulate/test-support.ts';
import type { ReturnsChildState } from '../child-state.ts';
import { collectionYear } from '../collection-year.ts';
import { tableOf, type ReturnTables, type TableRow } from '../return-tables.ts';
import { cinCensus } from './index.ts';
import { factsOf, roundTrip } from './test-builders.ts';

const year = collectionYear('2023-24');

function simulatedCensus(): ReturnTables {
  const borough = boroughOfSize(islingtonShapedBorough, Math.round(islingtonShapedBorough.children / 10));
  const { logs } = simulatedChildLogs(borough, { seed: 18, years: 2, from: '2022-04-01', warmUpYears: 0 });
  const rows: Record<string, TableRow[]> = { ...cinCensus.headerRows(factsOf(year)) } as Record<string, TableRow[]>;
  for (const { childId, events } of logs) {
    // The record as it stood at the year's end: what was recorded of business up to then.
    const upToYearEnd = events.filter((event) => event.occurredAt.slice(0, 10) <= year.end);
    if (upToYearEnd.length === 0) continue;
    const state = foldChildRecord(borough.laCode, childId, upToYearEnd).state as unknown as ReturnsChildState;
    for (const [table, tableRows] of Object.entries(cinCensus.rowsOfChild(state, year) ?? {})) (rows[table] ??= []).push(...tableRows);
  }
  return Object.fromEntries(Object.entries(cinCensus.tablesOf(year)).map(([table, columns]) => [table, tableOf(columns, rows[table] ?? [])]));
}

describe('the CIN census of a synthetic borough', () => {
  let census: ReturnTables;
  beforeAll(() => {
    census = simulatedCensus();
  }, 600_000);

  it('returns its children in need with their assessments, plans and enquiries, valid against DfE’s schema', async () => {
    for (const table of ['ChildIdentifiers', 'CINdetails', 'Assessments', 'CINplanDates', 'Section47', 'ChildProtectionPlans', 'Reviews']) {
      expect(census[table]!.rows.length, table).toBeGreaterThan(0);
    }
    const [file] = cinCensus.write(census, factsOf(year));
    const check = await cinCensus.schemaCheck!(file!, year);
    expect(check.errors.slice(0, 5)).toEqual([]);
    expect(check.valid).toBe(true);
  }, 120_000);

  it('comes back the same through another record, but for what the census does not carry of earlier years', () => {
    const trip = roundTrip(cinCensus.read(cinCensus.write(census, factsOf(year))).tables, year);
    expect([...trip.refused]).toEqual([]);
    const withoutPreviousPlans = (rows: readonly TableRow[]) => rows.map(({ NumberOfPreviousCPP: _count, ...plan }) => plan);
    const withoutAssessmentOutcomes = (rows: readonly TableRow[]) => rows.map(({ ReferralNFA: _nfa, PrimaryNeedCode: _need, ...episode }) => episode);
    expect({ ...trip.after, ChildProtectionPlans: undefined, CINdetails: undefined, Disabilities: undefined })
      .toEqual({ ...census, ChildProtectionPlans: undefined, CINdetails: undefined, Disabilities: undefined });
    // A disability entered twice (a slip the borough makes on purpose, DfE 8794) is brought in once.
    const onceEach = (rows: readonly TableRow[]) => [...new Set(rows.map((row) => `${row.LAchildID}/${row.Disability}`))];
    expect(trip.after.Disabilities!.rows.map((row) => `${row.LAchildID}/${row.Disability}`)).toEqual(onceEach(census.Disabilities!.rows));
    expect(withoutAssessmentOutcomes(trip.after.CINdetails!.rows)).toEqual(withoutAssessmentOutcomes(census.CINdetails!.rows));
    expect(withoutPreviousPlans(trip.after.ChildProtectionPlans!.rows)).toEqual(withoutPreviousPlans(census.ChildProtectionPlans!.rows));
    // An episode referred in an earlier year, whose assessment was authorised then, is returned without
    // it (the census asks only for what was open in the year). Brought in again, once the episode
    // is closed, nothing tells the referral from one with no further action.
    const assessed = new Set(census.Assessments!.rows.map((row) => `${row.LAchildID}/${row.CINdetailsID}`));
    census.CINdetails!.rows.forEach((episode, index) => {
      const again = trip.after.CINdetails!.rows[index]!;
      if (again.ReferralNFA === episode.ReferralNFA && again.PrimaryNeedCode === episode.PrimaryNeedCode) return;
      expect(episode.CINreferralDate! < year.start && !assessed.has(`${episode.LAchildID}/${episode.CINdetailsID}`)).toBe(true);
      if (again.ReferralNFA !== episode.ReferralNFA) expect([episode.ReferralNFA, again.ReferralNFA, again.CINclosureDate === null]).toEqual(['0', '1', false]);
      if (again.PrimaryNeedCode !== episode.PrimaryNeedCode) expect([again.PrimaryNeedCode, again.CINclosureDate]).toEqual([null, null]);
    });
    // A plan counts the child's earlier plans, which the census gives only where open in the year.
    census.ChildProtectionPlans!.rows.forEach((plan, index) => {
      expect(Number(trip.after.ChildProtectionPlans!.rows[index]!.NumberOfPreviousCPP)).toBeLessThanOrEqual(Number(plan.NumberOfPreviousCPP));
    });
  });
});
