/**
 * Round trips of CIN census files through the record: read → events → each child's record folded
 * → the census made again → written → read again gives the same tables, field for field. What
 * cannot come back the same (a child the record refuses, a field it does not keep) is named per
 * sample with why.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectionYear, type CollectionYear } from '../collection-year.ts';
import { cellOf, tableOf, type ReturnTables, type TableRow } from '../return-tables.ts';
import { cinCensus } from './index.ts';
import { censusOf, factsOf, roundTrip } from './test-builders.ts';

const SAMPLES = new URL('../../../../test/statutory-data/samples/', import.meta.url);
const sampleFile = (path: string) => ({ name: path, mediaType: 'application/xml', contents: readFileSync(new URL(path, SAMPLES), 'utf8') });

/**
 * The census as the year's census returns it: only the episodes overlapping the year (a file may
 * give others), without the refused children, NONE for a child whose file gives no disability
 * (DfE asks for NONE; the record keeps no disability as none), and a disability given twice once
 * (the record keeps a set of them).
 */
function asReturned(tables: ReturnTables, year: CollectionYear, refused: ReadonlySet<string>): ReturnTables {
  const kept = new Map<string, string>(); // 'child/old CINdetailsID' → new CINdetailsID
  const counts = new Map<string, number>();
  for (const row of tables.CINdetails?.rows ?? []) {
    const child = cellOf(row, 'LAchildID') ?? '';
    const referral = cellOf(row, 'CINreferralDate') ?? '';
    const closure = cellOf(row, 'CINclosureDate');
    if (refused.has(child) || referral > year.end || (closure !== null && closure < year.start)) continue;
    counts.set(child, (counts.get(child) ?? 0) + 1);
    kept.set(`${child}/${cellOf(row, 'CINdetailsID')}`, String(counts.get(child)));
  }
  return Object.fromEntries(Object.entries(tables).map(([name, table]) => {
    const rows = table.rows.flatMap((row): TableRow[] => {
      const child = cellOf(row, 'LAchildID') ?? '';
      if (name === 'Header') return [row];
      if (!counts.has(child)) return [];
      if (!table.columns.includes('CINdetailsID')) return [row];
      const id = kept.get(`${child}/${cellOf(row, 'CINdetailsID')}`);
      return id === undefined ? [] : [{ ...row, CINdetailsID: id }];
    });
    return [name, tableOf(table.columns, name === 'Disabilities' ? withNoneForNoDisability(tables, rows, counts) : rows)];
  }));
}

function withNoneForNoDisability(tables: ReturnTables, rows: readonly TableRow[], returned: ReadonlyMap<string, number>): TableRow[] {
  const children = (tables.ChildIdentifiers?.rows ?? []).map((row) => cellOf(row, 'LAchildID') ?? '').filter((child) => returned.has(child));
  return children.flatMap((child) => {
    const codes = new Set(rows.filter((row) => cellOf(row, 'LAchildID') === child).map((row) => cellOf(row, 'Disability')));
    return (codes.size > 0 ? [...codes] : ['NONE']).map((code) => ({ LAchildID: child, Disability: code }));
  });
}

interface Difference { table: string; column: string; child: string; cinDetailsId: string | null; before: string | null; after: string | null }

/** The cells that differ, row by row of each table, and the tables whose rows differ in number. */
function differences(before: ReturnTables, after: ReturnTables): { cells: Difference[]; rowCounts: string[] } {
  const cells: Difference[] = [];
  const rowCounts: string[] = [];
  for (const [name, table] of Object.entries(before)) {
    if (name === 'Header') continue;
    const afterRows = after[name]?.rows ?? [];
    if (afterRows.length !== table.rows.length) rowCounts.push(`${name}: ${table.rows.length} before, ${afterRows.length} after`);
    const columns = new Set([...table.columns, ...(after[name]?.columns ?? [])]);
    table.rows.forEach((row, index) => {
      const again = afterRows[index] ?? {};
      for (const column of columns) {
        const was = cellOf(row, column);
        const now = cellOf(again, column);
        if (was !== now) cells.push({ table: name, column, child: cellOf(row, 'LAchildID') ?? '', cinDetailsId: cellOf(row, 'CINdetailsID'), before: was, after: now });
      }
    });
  }
  return { cells, rowCounts };
}

const columnsOf = (cells: readonly Difference[]) => [...new Set(cells.map((d) => `${d.table}.${d.column}`))].sort();

describe('the CIN census round trip through the record', () => {
  it('brings back the hand-made 2024-25 census field for field, but for the child it deliberately breaks and the ICPC target', () => {
    const read = cinCensus.read([sampleFile('own/cin/cin_2025_tiny.xml')]);
    const trip = roundTrip(read.tables, read.collectionYear!);
    // B0002 is deliberately faulty: closed before it was referred, with no reason for closure.
    expect([...trip.refused.keys()]).toEqual(['B0002']);
    const { cells, rowCounts } = differences(asReturned(read.tables, trip.year, new Set(trip.refused.keys())), trip.after);
    expect(rowCounts).toEqual([]);
    // The file's target counts the day of the strategy discussion as the first of the 15 working
    // days (14 after it); the record's is 15 working days after it, past the Spring bank holiday.
    expect(cells).toEqual([{ table: 'Section47', column: 'InitialCPCtarget', child: 'A0001', cinDetailsId: '1', before: '2024-05-24', after: '2024-05-28' }]);
  });

  // The open-source validators' samples each break DfE's rules on purpose, in ways the record itself refuses.
  const assessmentAuthorisedBeforeItStarted = /complete an assessment on 19 September 2020: first start an assessment/; // rule 8608
  const childIdNotAlphanumeric = /1 to 20 letters or digits/; // rules 1570/1580
  const planBeforeReferral = /strategy discussion on \d+ February 1970: first record a referral/; // rules 1105, 2889
  const closedWithAssessmentOpen = /closed but the assessment has no authorisation date/; // rule 8565's family
  it.each([
    ['cin/d2i_CIN_Census_2024.xml', { DfEX0000001: assessmentAuthorisedBeforeItStarted, child_fails_assessments: childIdNotAlphanumeric }],
    ['cin/d2i_CIN_Census_2026.xml', { DfEX0000001: assessmentAuthorisedBeforeItStarted, child_fails_assessments: childIdNotAlphanumeric }],
    ['cin/d2i_CIN_Census_2021.xml', { DfEX0000001: planBeforeReferral }],
    ['cin/d2i_CIN_header_issues_100.xml', { DfEX0000001: planBeforeReferral }],
    ['cin/d2i_CIN_la_issues_2887Q.xml', { DfEX0000001: planBeforeReferral }],
    ['cin/liia_BAR_cin_2022.xml', { DfEX0000001: planBeforeReferral }],
    ['cin/d2i_CIN2rows.xml', { DfEX0000001: closedWithAssessmentOpen }],
    ['cin/d2i_CIN_Census_2021_copy.xml', { DfEX0000001: closedWithAssessmentOpen }],
    ['cin/d2i_CIN_Census_2021_no_assessment_factors.xml', { DfEX0000001: closedWithAssessmentOpen }],
  ])('names why the record refuses the deliberately faulty children of %s', (path, expected) => {
    const read = cinCensus.read([sampleFile(path)]);
    const trip = roundTrip(read.tables, read.collectionYear!);
    expect([...trip.refused.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [child, why] of Object.entries(expected)) expect(trip.refused.get(child)).toMatch(why);
  });

  it('brings back the 332 synthetic children of the fake census but for what the record words or keeps otherwise, each named', () => {
    const read = cinCensus.read([sampleFile('cin/d2i_fake_CIN_data.xml')]);
    expect(read.tables.ChildIdentifiers!.rows).toHaveLength(332);
    const trip = roundTrip(read.tables, read.collectionYear!);
    // Every child is brought in and accepted by the record.
    expect([...trip.refused.keys()]).toEqual([]);
    const expected = asReturned(read.tables, trip.year, new Set());
    expect(expected.ChildIdentifiers!.rows).toHaveLength(trip.after.ChildIdentifiers!.rows.length);
    const { cells, rowCounts } = differences(expected, trip.after);
    const referralOf = new Map(expected.CINdetails!.rows.map((row) => [`${row.LAchildID}/${row.CINdetailsID}`, row]));
    // The file's episodes that overlap the 2021-22 year come back; what differs within them, and why:
    const why: Record<string, (d: Difference) => boolean> = {
      // Its reference date is 2022-07-21, not the census's 31 March: closures from April 2022 fall after the 2021-22 census.
      'CINdetails.CINclosureDate': (d) => d.before! > trip.year.end && d.after === null,
      'CINdetails.ReasonForClosure': (d) => d.after === null && (referralOf.get(`${d.child}/${d.cinDetailsId}`)?.CINclosureDate ?? '') > trip.year.end,
      // Its conferences are on the CINdetails block with no enquiry: the census returns a conference there only
      // when held in the year, and the record (needing an enquiry before a conference) returns one started in the year in Section47.
      'CINdetails.DateOfInitialCPC': (d) => d.after === null,
      // Every referral is flagged NFA (as true, not 1), most with a conference: for the record a referral with a
      // conference, or still open, is not a referral with no further action.
      'CINdetails.ReferralNFA': (d) => d.before === 'true' && (d.after === '0' || d.after === '1'),
      // GenderCurrent 9 (indeterminate) is kept by the record as U, which the census before 2024-25 returns as 0.
      'ChildIdentifiers.GenderCurrent': (d) => d.before === '9' && d.after === '0',
      // The record keeps no date of death.
      'ChildIdentifiers.PersonDeathDate': (d) => d.after === null,
    };
    expect(columnsOf(cells)).toEqual(Object.keys(why).sort());
    for (const difference of cells) expect(why[`${difference.table}.${difference.column}`]!(difference), JSON.stringify(difference)).toBe(true);
    // The enquiries the record needed for those conferences, started at an in-year referral, come back in Section47.
    expect(rowCounts).toEqual([`Section47: 0 before, ${trip.after.Section47!.rows.length} after`]);
    for (const enquiry of trip.after.Section47!.rows) {
      expect(enquiry.S47ActualStartDate).toBe(referralOf.get(`${enquiry.LAchildID}/${enquiry.CINdetailsID}`)?.CINreferralDate);
    }
  });
});

describe('a census made by the record, brought into another record', () => {
  it.each(cinCensus.years.map((label) => [label]))('comes back the same, field for field, in %s', (label) => {
    const year = collectionYear(label);
    const tables = censusOf(year);
    const trip = roundTrip(cinCensus.read(cinCensus.write(tables, factsOf(year))).tables, year);
    expect([...trip.refused]).toEqual([]);
    expect(trip.after).toEqual(tables);
  });
});
