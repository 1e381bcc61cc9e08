/**
 * The CIN census of a synthetic borough, produced from its records as the council would and
 * validated by DfE's rules: no error but the data-entry slips the borough makes on purpose, and
 * each of those found in every child it was made for who is in the census with the data it needs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../../../platform/calendar/calendar.ts';
import { foldChildRecord } from '../../../record/fold.ts';
import { boroughOfSize, islingtonShapedBorough } from '../../../simulate/borough.ts';
import { simulatedChildLogs } from '../../../simulate/test-support.ts';
import type { ReturnsChildState } from '../child-state.ts';
import { collectionYear } from '../collection-year.ts';
import { tableOf, type ReturnTables, type TableRow } from '../return-tables.ts';
import { rulesInForce, validateReturn, type ReturnIssue } from '../validation-rule.ts';
import { cinCensus } from './index.ts';
import { cinSimulatedDataFaults } from './simulated-data-faults.ts';

const LA_NUMBER = '206';
const year = collectionYear('2024-25');
const facts = { collectionYear: year, laNumber: LA_NUMBER, producedAt: '2025-05-01T09:00:00Z', softwareCode: 'Safeguard', release: 'test' };

/** The children ever looked after in the run: the CIN census's own UPN slip is not made in their records. */
const lookedAfter = new Set<string>();

function producedCensus(): ReturnTables {
  const { logs } = simulatedChildLogs(boroughOfSize(islingtonShapedBorough, 8000), { seed: 3, years: 2, from: '2023-04-01', warmUpYears: 1 });
  const rows: Record<string, TableRow[]> = {};
  for (const [table, tableRows] of Object.entries(cinCensus.headerRows(facts))) (rows[table] ??= []).push(...tableRows);
  for (const { childId, events } of logs) {
    // The record as it stood at the year's end.
    const upToYearEnd = events.filter((event) => event.occurredAt.slice(0, 10) <= year.end);
    if (upToYearEnd.length === 0) continue;
    if (events.some((event) => event.type === 'looked-after.started')) lookedAfter.add(childId);
    const state = foldChildRecord(LA_NUMBER, childId, upToYearEnd).state as unknown as ReturnsChildState;
    for (const [table, tableRows] of Object.entries(cinCensus.rowsOfChild(state, year) ?? {})) (rows[table] ??= []).push(...tableRows);
  }
  return Object.fromEntries(Object.entries(cinCensus.tablesOf(year)).map(([table, columns]) => [table, tableOf(columns, rows[table] ?? [])]));
}

const rowsOf = (census: ReturnTables, table: string, child: string): TableRow[] => census[table]!.rows.filter((row) => row.LAchildID === child);

/** Whether a child in the census has what a fault needs to be made, read from the census itself. */
const hasDataFor: Record<string, (census: ReturnTables, child: string) => boolean> = {
  // A UPN to mistype.
  1510: (census, child) => rowsOf(census, 'ChildIdentifiers', child).some((row) => row.UPN !== null),
  // "No disability" recorded, to tick a disability beside.
  8790: (census, child) => rowsOf(census, 'Disabilities', child).some((row) => row.Disability === 'NONE'),
  // A disability to enter twice.
  8794: (census, child) => rowsOf(census, 'Disabilities', child).some((row) => row.Disability !== 'NONE'),
  // No UPN (a reason instead), a referral that went on to further action, and never looked after.
  8772: (census, child) => !lookedAfter.has(child) && rowsOf(census, 'ChildIdentifiers', child).some((row) => row.UPN === null)
    && rowsOf(census, 'CINdetails', child).some((row) => row.ReferralNFA === '0'),
};

/**
 * The queries a correct record still raises, because the census asks only for what happened in the
 * year or because casework runs late, as DfE's queries allow for.
 */
const genuineQueries = new Set([
  // An assessment authorised before 1 April is not returned: an episode it closed (RC8, RC9) in April,
  // or a section 47 enquiry begun in the year on a child in need plan agreed last year, has none beside it.
  '8825Q', '2991Q',
  // Late work at 31 March: an assessment open more than 45 working days, a conference not held
  // within 15 working days of the strategy discussion (about a quarter are late nationally).
  '8670Q', '8675Q',
]);

describe('the CIN census of a synthetic borough', () => {
  let census: ReturnTables;
  let findings: ReturnIssue[];
  beforeAll(() => {
    census = producedCensus();
    findings = validateReturn(census, rulesInForce(cinCensus.rules, year), { collectionYear: year, laNumber: LA_NUMBER, calendar: createCalendar(), fileFormat: 'xml' });
  }, 300_000);

  it('has no error but the data-entry slips made on purpose, each in a child it was planned for', () => {
    const children = census.ChildIdentifiers!.rows.length;
    expect(children).toBeGreaterThan(300);
    const unexplained = findings
      .filter((finding) => finding.severity === 'error')
      .filter((finding) => !cinSimulatedDataFaults.some((fault) => fault.code === finding.code && finding.child !== null && fault.plannedFor(finding.child)))
      .map((finding) => `${finding.code} ${finding.child} ${finding.table}[${finding.row}].${finding.column}`);
    expect(unexplained).toEqual([]);
  });

  it('finds every slip in each child it was made for who is in the census with the data it needs', () => {
    const censusChildren = census.ChildIdentifiers!.rows.map((row) => row.LAchildID as string);
    for (const fault of cinSimulatedDataFaults) {
      const flagged = new Set(findings.filter((finding) => finding.code === fault.code).map((finding) => finding.child));
      const expected = censusChildren.filter((child) => fault.plannedFor(child) && hasDataFor[fault.code]!(census, child));
      console.log(`${fault.code}: planned for ${censusChildren.filter((child) => fault.plannedFor(child)).length} children of the census, made in ${expected.length}, flagged in ${flagged.size}`);
      expect(expected.filter((child) => !flagged.has(child)), fault.code).toEqual([]);
      // The borough is big enough for each slip to be there to find.
      expect(expected.length, fault.code).toBeGreaterThan(0);
    }
  });

  it('raises only the queries a council’s real census can genuinely raise, listed by rule', () => {
    const queries = new Map<string, number>();
    for (const finding of findings) if (finding.severity === 'query') queries.set(finding.code, (queries.get(finding.code) ?? 0) + 1);
    console.log(`CIN census ${year.label} of a synthetic borough, queries by rule: ${[...queries].map(([code, count]) => `${code} ×${count}`).join(', ') || 'none'}`);
    expect([...queries.keys()].filter((code) => !genuineQueries.has(code))).toEqual([]);
  });
});
