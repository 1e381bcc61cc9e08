/**
 * An SSDA903 return made elsewhere, read, brought into the record as events, folded, produced
 * again, written and read back: the same tables, field for field, but for the few cases named here
 * with the reason the record cannot give them back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../platform/calendar/calendar.ts';
import { collectionYear, type CollectionYear } from '../collection-year.ts';
import { tableOf, type ReturnTables, type TableRow } from '../return-tables.ts';
import { isoDateOfUkCell } from '../return-dates.ts';
import type { ReturnFile } from '../statutory-return.ts';
import { ceased, foldOf, legalStatusChanged, logged, placementChanged, registered, started, uascStatusCeased } from '../../looked-after/test-builders.ts';
import type { ReturnsChildState } from '../child-state.ts';
import { foldImportedChild, type RefusedEvent } from './imported-record.ts';
import { ssda903Return } from './index.ts';

const SAMPLES = new URL('../../../../test/statutory-data/samples/', import.meta.url);

function csvFilesIn(folder: string, except: readonly string[] = []): ReturnFile[] {
  const directory = new URL(folder, SAMPLES);
  return readdirSync(directory).filter((name) => name.endsWith('.csv') && !except.includes(name))
    .map((name) => ({ name, mediaType: 'text/csv', contents: readFileSync(new URL(name, directory), 'utf8') }));
}

const facts = (year: CollectionYear) => ({ collectionYear: year, laNumber: '206', producedAt: '2025-05-01T09:00:00Z', softwareCode: 'Safeguard', release: 'test' });

interface RoundTrip {
  before: ReturnTables;
  after: ReturnTables;
  refused: Map<string, RefusedEvent[]>;
  importProblems: { table: string; row: number; message: string }[];
}

function roundTrip(files: readonly ReturnFile[], year: CollectionYear): RoundTrip {
  const read = ssda903Return.read(files);
  expect(read.problems).toEqual([]);
  const { children, problems } = ssda903Return.eventsOf(read.tables, year);
  const rows: Record<string, TableRow[]> = {};
  const refused = new Map<string, RefusedEvent[]>();
  for (const child of children) {
    const folded = foldImportedChild('206', child);
    if (folded.refused.length > 0) refused.set(child.childId, folded.refused);
    for (const [table, tableRows] of Object.entries(ssda903Return.rowsOfChild(folded.state, year) ?? {})) (rows[table] ??= []).push(...tableRows);
  }
  const columns = ssda903Return.tablesOf(year);
  const produced = Object.fromEntries(Object.entries(columns).map(([table, tableColumns]) => [table, tableOf(tableColumns, rows[table] ?? [])]));
  const again = ssda903Return.read(ssda903Return.write(produced, facts(year)));
  expect(again.problems).toEqual([]);
  return { before: read.tables, after: again.tables, refused, importProblems: problems };
}

/** A table's rows as comparable lines, sorted (the order of rows within a table carries no meaning). */
const linesOf = (tables: ReturnTables, table: string) => {
  const found = tables[table];
  return (found?.rows ?? []).map((row) => found!.columns.map((column) => row[column] ?? '').join(',')).sort();
};

describe('the return this project wrote by hand (2024-25)', () => {
  const year = collectionYear('2024-25');
  const result = roundTrip(csvFilesIn('own/ssda903/', ['expected_d2i_lac2024_25.csv']), year);

  it('is read whole: every file is a table, identified by its columns', () => {
    expect(Object.keys(result.before).sort()).toEqual(['Episodes', 'Header', 'Missing', 'Reviews', 'SWEpisodes']);
  });

  it('gives back the header, the reviews and the social worker episodes field for field', () => {
    expect(Object.fromEntries(result.refused)).toEqual({});
    // MOTHER is asked of every girl looked after in the year: the record, holding no child born to
    // C1001, says she is not a mother (0) where the file left it blank.
    expect(linesOf(result.after, 'Header')).toEqual(linesOf(result.before, 'Header').map((line) => line.replace(/^(C1001,F,.*),,$/, '$1,0,')));
    expect(linesOf(result.after, 'Reviews')).toEqual(linesOf(result.before, 'Reviews'));
    // The record keeps no reason for a change of social worker: it is worked out from the
    // allocations, so the file's blank reason for the child's only worker comes back as a first contact.
    expect(linesOf(result.after, 'SWEpisodes')).toEqual(linesOf(result.before, 'SWEpisodes').map((line) => line.replace(/,$/, ',FCONTA')));
  });

  it('gives back the episodes, but for two cells the record does not keep', () => {
    // C1001's first episode ends X1 with REASON_PLACE_CHANGE CARPL, but the next episode changes the
    // legal status only (RNE L): the record keeps a reason only where the placement changed, so the
    // cell comes back blank. DfE's rules report such a row too.
    // C1001's URN SC123456 has 8 characters: the record keeps Ofsted's reference as 7 (or XXXXXXX),
    // so it is left out on import, with a problem saying so, and comes back blank.
    const expected = linesOf(result.before, 'Episodes').map((line) => line.replace('X1,CARPL,', 'X1,,').replace(',SC123456', ','));
    expect(linesOf(result.after, 'Episodes')).toEqual(expected);
  });

  it('does not give back the missing episodes: the record does not keep them yet', () => {
    expect(linesOf(result.before, 'Missing')).toHaveLength(1);
    expect(linesOf(result.after, 'Missing')).toEqual([]);
    expect(result.importProblems).toEqual([
      { table: 'Episodes', row: 0, message: expect.stringMatching(/URN "SC123456" is not 7 letters/) },
      { table: 'Missing', row: 0, message: expect.stringMatching(/does not record missing episodes/) },
    ]);
  });
});

/**
 * DfE's fake SSDA903 data (2017-18) is made at random: codes from lists of other years, reviews
 * decades apart, a provider given for a temporary move… The record refuses what breaks its rules,
 * as an import would, and keeps the rest. Each table of each child comes back field for field or
 * is named by one of the cases below, each saying why the record cannot give it back; and what the
 * record produced comes back unchanged when brought in again.
 */
describe('DfE\'s fake data (2017-18)', () => {
  const year = collectionYear('2017-18');
  const files = csvFilesIn('ssda903/d2i_fake_data/', ['placed_for_adoption_errors.csv']);
  const ALL = '*';

  /** The record's refusals, by what they say: why, and the tables they cost. */
  const refusals: { pattern: RegExp; why: string; tables: readonly string[] }[] = [
    { pattern: /first record that the child became looked after|record the child becoming looked after first|the child is not looked after now/,
      why: 'an event outside the periods of care the record holds (reviews years away, OC2 outcomes of a child not looked after at the year\'s end, an episode after one refused)', tables: [ALL] },
    { pattern: /PN0 is for a child under 4|Select PN0/, why: 'a review\'s participation code does not fit the child\'s age on the day (PN0 is for under 4s only)', tables: ['Reviews'] },
    { pattern: /Leave the placement provider empty: a temporary move/, why: 'a placement provider given for a temporary move (T0–T4), which has none', tables: [ALL] },
    { pattern: /placement type from the list/, why: 'a placement type the record does not offer (P2 and H5 left DfE\'s list in 2025)', tables: [ALL] },
    { pattern: /Select yes for whether an intervention was offered/, why: 'a substance misuse intervention received but not offered', tables: ['OC2'] },
    { pattern: /Select a different legal status/, why: 'a change of legal status (RNE L) to the legal status the child already had', tables: ['Episodes'] },
    { pattern: /reason the decision was reversed from the list/, why: 'REASON_PLACED_CEASED XXX, not a reason in DfE\'s list', tables: ['PlacedAdoption', 'AD1'] },
    { pattern: /Select a legal status that fits the adopters/, why: 'an adopters\' legal status that does not fit their number and sex (MM with L11…)', tables: ['AD1'] },
    { pattern: /first record the decision|first record the match|first record the child placed|reverse or complete any adoption plan already open/,
      why: 'adoption steps out of order (a match before the decision, an order before the placement)', tables: ['AD1', 'PlacedAdoption'] },
    { pattern: /activity from the list|accommodation from the list|the young person has died/,
      why: 'an OC3 activity or accommodation code not in DfE\'s list (P3, 01…), or given for a young person who died', tables: ['OC3'] },
    { pattern: /a child already looked after stays in the same period of care/, why: 'a new period of care begun while the last episode is still open', tables: [ALL] },
  ];
  /** The import's problems, by what they say. */
  const problems: { pattern: RegExp; why: string; tables: readonly string[] }[] = [
    { pattern: /CONVICTED is 1/, why: 'CONVICTED 1: the return does not say the offence or when it was dealt with, so it is for youth justice to record', tables: ['OC2'] },
    { pattern: /the record cannot say a status ceased on a day to come/, why: 'a DUC after the year\'s end (the 18th birthday to come)', tables: ['UASC'] },
    { pattern: /no 17th to 21st birthday in the year/, why: 'an OC3 row for a young person with no 17th to 21st birthday in the year', tables: ['OC3'] },
  ];
  const dateOf = (cell: string | null | undefined) => isoDateOfUkCell(cell ?? null);
  const byDecom = (a: TableRow, b: TableRow) => (dateOf(a.DECOM) ?? '').localeCompare(dateOf(b.DECOM) ?? '');
  const episodesOf = (rows: Record<string, TableRow[]>) => [...(rows.Episodes ?? [])].sort(byDecom);
  const lookedAfterThrough = (rows: Record<string, TableRow[]>, from: string, to: string) => {
    // The periods as the file chains them: DfE's OC2 asks care from 1 April to 31 March.
    const episodes = episodesOf(rows);
    return episodes.some((e) => (dateOf(e.DECOM) ?? '9') <= from) && episodes.every((e) => e.DEC === null || (dateOf(e.DEC) ?? '') > to || e.REC === 'X1');
  };
  /** Cases of the data itself, seen in the child's rows. */
  const dataCases: { why: string; tables: readonly string[]; applies: (rows: Record<string, TableRow[]>) => boolean }[] = [
    { why: 'the first episode given is not the start of care: the file begins part way through a period, which the record begins with that episode (RNE S)',
      tables: ['Episodes'], applies: (rows) => episodesOf(rows)[0]?.RNE !== 'S' },
    { why: 'the home postcode changes within a period of care: the record keeps the one the period began with',
      tables: ['Episodes'], applies: (rows) => new Set((rows.Episodes ?? []).map((e) => e.HOME_POST)).size > 1 },
    { why: 'an open episode (no DEC) with a reason it ceased or for a placement change', tables: ['Episodes'],
      applies: (rows) => (rows.Episodes ?? []).some((e) => e.DEC === null && (e.REC !== null || e.REASON_PLACE_CHANGE !== null)) },
    { why: 'an episode ends X1 with no episode beginning that day, or one begins the day another ended for good: not one chain of episodes', tables: [ALL],
      applies: (rows) => episodesOf(rows).some((e, i, all) => (e.REC === 'X1' && e.DEC !== null && all[i + 1]?.DECOM !== e.DEC) || (i > 0 && all[i - 1]!.REC !== 'X1' && all[i - 1]!.DEC === e.DECOM)) },
    { why: 'the reason for a new episode does not say what changed, or the category of need changes (the record has no such change)', tables: ['Episodes'],
      applies: (rows) => episodesOf(rows).some((e, i, all) => {
        const before = all[i - 1];
        if (before === undefined) return false;
        const placementChanged = ['PLACE', 'PLACE_PROVIDER', 'URN', 'PL_POST'].some((column) => e[column] !== before[column]);
        const expected = placementChanged ? (e.LS !== before.LS ? ['B', 'U'] : ['P', 'T']) : ['L'];
        return !expected.includes(e.RNE ?? '') || e.CIN !== before.CIN || (before.REASON_PLACE_CHANGE !== null && !placementChanged);
      }) },
    { why: 'OC2 for a child not looked after from 1 April to 31 March, whom DfE does not ask it of', tables: ['OC2'],
      applies: (rows) => (rows.OC2 ?? []).length > 0 && !lookedAfterThrough(rows, year.start, year.end) },
    { why: 'OC2 cells DfE does not ask: HEALTH_CHECK of a child 5 or over, CONVICTED of a child under 10, an intervention where no substance misuse was found (the record gives them blank)', tables: ['OC2'],
      applies: (rows) => (rows.OC2 ?? []).some((o) => o.SUBSTANCE_MISUSE !== '1' && (o.INTERVENTION_OFFERED !== null || o.INTERVENTION_RECEIVED !== null) || o.HEALTH_CHECK !== null
        || (o.CONVICTED !== null && (dateOf(o.DOB) ?? '0') > addMonths(year.end, -120))) },
    { why: 'the care is not in the year: the child is in the 2017-18 return for an OC3 row or not at all', tables: [ALL],
      applies: (rows) => !(rows.Episodes ?? []).some((e) => (dateOf(e.DECOM) ?? '9') <= year.end && (e.DEC === null || (dateOf(e.DEC) ?? '') >= year.start)) },
    { why: 'AD1 for a child not adopted in the year (no episode ending E11 or E12 in it): the record gives AD1 for the year\'s adoptions only', tables: ['AD1'],
      applies: (rows) => (rows.AD1 ?? []).length > 0 && !(rows.Episodes ?? []).some((e) => (e.REC === 'E11' || e.REC === 'E12') && (dateOf(e.DEC) ?? '') >= year.start) },
    { why: 'a decision to place for adoption made before the period of care the record holds (the file begins after it)', tables: ['PlacedAdoption', 'AD1'],
      applies: (rows) => [...(rows.PlacedAdoption ?? []), ...(rows.AD1 ?? [])].some((p) => (dateOf(p.DATE_PLACED ?? p.DATE_INT) ?? '') < (dateOf(episodesOf(rows)[0]?.DECOM) ?? '')) },
    { why: 'an OC3 row for a young person still looked after or never looked after in the file, for whom the record holds no leaving care support', tables: ['OC3'],
      applies: (rows) => (rows.OC3 ?? []).length > 0 },
    { why: 'MOTHER blank for a girl looked after in the year (the record, holding no child born to her, gives 0), or given where DfE does not ask it (a boy, a girl not looked after in the year)',
      tables: ['Header'], applies: (rows) => (rows.Header ?? []).some((h) => (h.MOTHER === null) === (h.SEX === '2')) },
  ];

  it('gives back each child\'s tables field for field, or names why not; and what it produced comes back unchanged', () => {
    const result = roundTrip(files, year);
    const columns = ssda903Return.tablesOf(year);
    const inYear = (cell: string | null) => { const date = dateOf(cell); return date !== null && date >= year.start && date <= year.end; };
    const childrenOf = (tables: ReturnTables) => {
      const byChild = new Map<string, Record<string, TableRow[]>>();
      for (const [table, { rows }] of Object.entries(tables)) {
        // A year's return holds the year's reviews only.
        for (const row of rows.filter((r) => table !== 'Reviews' || inYear(r.REVIEW ?? null))) {
          const child = byChild.get(row.CHILD!) ?? {};
          (child[table] ??= []).push(row);
          byChild.set(row.CHILD!, child);
        }
      }
      return byChild;
    };
    const before = childrenOf(result.before);
    const after = childrenOf(result.after);
    const linesOfRows = (table: string, rows: TableRow[] | undefined) => (rows ?? []).map((row) => columns[table]!.map((c) => row[c] ?? '').join(',')).sort().join('\n');

    const problemsOf = new Map<string, string[]>();
    for (const problem of result.importProblems) {
      const child = result.before[problem.table]?.rows[problem.row]?.CHILD;
      if (child) problemsOf.set(child, [...(problemsOf.get(child) ?? []), problem.message]);
    }
    const unexplained: string[] = [];
    let tablesGivenBack = 0;
    let childrenGivenBack = 0;
    for (const [child, rows] of before) {
      const differing = Object.keys(columns).filter((table) => linesOfRows(table, rows[table]) !== linesOfRows(table, after.get(child)?.[table]));
      tablesGivenBack += Object.keys(columns).filter((table) => rows[table] !== undefined && !differing.includes(table)).length;
      if (differing.length === 0) childrenGivenBack += 1;
      const explained = (tables: readonly string[], table: string) => tables.includes(ALL) || tables.includes(table);
      for (const table of differing) {
        const named = (result.refused.get(child) ?? []).some((refused) => refusals.some((r) => r.pattern.test(refused.message) && explained(r.tables, table)))
          || (problemsOf.get(child) ?? []).some((message) => problems.some((p) => p.pattern.test(message) && explained(p.tables, table)))
          || dataCases.some((d) => explained(d.tables, table) && d.applies(rows))
          // Missing and DoLo: the record keeps neither yet (no module records them).
          || table === 'Missing';
        if (!named) unexplained.push(`${child} ${table}`);
      }
    }
    expect(unexplained).toEqual([]);
    // Every refusal the record made is one of the named cases.
    expect([...result.refused.values()].flat().filter((refused) => !refusals.some((r) => r.pattern.test(refused.message)))).toEqual([]);
    // What the fake data holds that the record can keep comes back (the figures of this sample, to notice a change).
    // (Headers of girls looked after with MOTHER left blank come back 0: DfE asks it of each of them;
    // OC3's activity and accommodation 0, not known, come back as given; CONVICTED of an under-10 comes back blank.)
    expect({ childrenGivenBack, tablesGivenBack }).toEqual({ childrenGivenBack: 1, tablesGivenBack: 3194 });

    // Producing again from the record what it produced gives the same files, child for child.
    const again = roundTrip(ssda903Return.write(result.after, { collectionYear: year, laNumber: '206', producedAt: '', softwareCode: '', release: '' }), year);
    expect(Object.fromEntries(again.refused)).toEqual({});
    for (const table of Object.keys(columns)) expect(linesOf(again.after, table), table).toEqual(linesOf(result.after, table));
  }, 180_000);
});

describe('DfE\'s fake XML upload (2017-18)', () => {
  const year = collectionYear('2017-18');
  const xml = { name: 'fake_903.xml', mediaType: 'application/xml', contents: readFileSync(new URL('ssda903/d2i_fake_data/fake_903.xml', SAMPLES), 'utf8') };

  it('brings its children into the record as the CSV files do: each produced child\'s header comes back, and producing again changes nothing', () => {
    const result = roundTrip([xml], year);
    const produced = linesOf(result.after, 'Header');
    expect(produced.length).toBeGreaterThan(0);
    // The random data's headers are kept whole: every child the record put in the year's return has their header given back.
    // MOTHER and MC_DOB aside: the record says 0 for a girl looked after in the year where the file left it blank.
    const withoutMother = (line: string) => line.split(',').slice(0, 5).join(',');
    const given = new Set(linesOf(result.before, 'Header').map(withoutMother));
    expect(produced.filter((line) => !given.has(withoutMother(line)))).toEqual([]);
    const again = roundTrip(ssda903Return.write(result.after, facts(year)), year);
    expect(Object.fromEntries(again.refused)).toEqual({});
    for (const table of Object.keys(ssda903Return.tablesOf(year))) expect(linesOf(again.after, table), table).toEqual(linesOf(result.after, table));
  }, 60_000);
});

describe('a return this record made (2024-25)', () => {
  const year = collectionYear('2024-25');
  const adopted = [
    registered({ dateOfBirth: '2019-03-01', sex: 'F', ethnicity: 'WBRI', upnUnknown: 'UN1' }), started('2022-05-01', { legalStatus: 'C1', homePostcode: 'N1 2AB' }),
    logged('allocation.started', '2022-05-01', { workerId: 'W0001', teamId: 'T-CLA' }),
    logged('adoption.previous-permanence-recorded', '2022-05-01', { previousPermanence: 'Z1' }),
    legalStatusChanged('2023-01-10', 'C2'), logged('adoption.decision-to-place', '2023-03-01', { fosteringForAdoption: false }),
    logged('adoption.matched', '2024-02-01', { adoptersSex: 'MF', adoptersLegalStatus: 'L11', fosterCarers: false }),
    placementChanged('2024-03-01', { placement: { type: 'A4', provider: 'PR1', ofstedUrn: 'XXXXXXX', postcode: 'N5 1AA' }, reason: 'CARPL' }),
    logged('adoption.placed', '2024-03-01', { placement: 'A4' }), logged('care-planning.review-held', '2024-05-01', { participation: 'PN1' }),
    logged('adoption.order-granted', '2024-10-01', {}), ceased('2024-10-01', 'E11'),
  ];
  const asylumSeeking = [
    registered({ dateOfBirth: '2008-02-01', sex: 'M', ethnicity: 'AOTH', upn: 'A12345678901B' }), started('2023-01-05', { unaccompaniedAsylumSeeking: true }),
    logged('care-planning.sdq-recorded', '2024-09-01', { score: 12 }), logged('care-planning.immunisations-recorded', '2024-09-01', { upToDate: true }),
    logged('care-planning.dental-check-completed', '2024-10-01', {}), logged('care-planning.health-assessment-completed', '2024-10-02', { kind: 'review', assessedBy: 'other' }),
    logged('care-planning.substance-misuse-recorded', '2024-11-01', { identified: true, interventionOffered: true, interventionReceived: false }),
    uascStatusCeased('2025-01-15'),
  ];
  const careLeaver = [
    registered({ dateOfBirth: '2006-07-01', sex: 'F', ethnicity: 'BCRB' }), started('2020-01-06'), ceased('2023-08-01', 'E5'),
    logged('care-leavers.eligibility-recorded', '2023-08-02', { category: 'relevant', reason: 'Left care at 17 after three years' }),
    logged('care-leavers.birthday-contact-recorded', '2024-07-01', { inTouch: 'YES', activity: 'F2', accommodation: 'U', accommodationSuitable: true }),
  ];

  it('comes back field for field through its files and the import', () => {
    const rows: Record<string, TableRow[]> = {};
    for (const [childId, events] of [['A1', adopted], ['U1', asylumSeeking], ['L1', careLeaver]] as const) {
      const { state } = foldOf(events, childId);
      for (const [table, tableRows] of Object.entries(ssda903Return.rowsOfChild(state as unknown as ReturnsChildState, year)!)) (rows[table] ??= []).push(...tableRows);
    }
    const columns = ssda903Return.tablesOf(year);
    const made = ssda903Return.write(Object.fromEntries(Object.entries(columns).map(([table, c]) => [table, tableOf(c, rows[table] ?? [])])), facts(year));
    const result = roundTrip(made, year);
    expect(result.importProblems).toEqual([]);
    expect(Object.fromEntries(result.refused)).toEqual({});
    for (const table of ['Header', 'Episodes', 'Reviews', 'UASC', 'OC2', 'OC3', 'AD1', 'PlacedAdoption', 'PrevPerm', 'SWEpisodes']) {
      expect(linesOf(result.before, table).length, table).toBeGreaterThan(0);
      expect(linesOf(result.after, table), table).toEqual(linesOf(result.before, table));
    }
  });
});
