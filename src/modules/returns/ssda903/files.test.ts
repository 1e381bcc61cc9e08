/** SSDA903 files: CSV files written and read by their columns, and the XML upload read and checked against DfE's schema. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectionYear } from '../collection-year.ts';
import { tableOf } from '../return-tables.ts';
import { ssda903Return } from './index.ts';

const sample = (path: string) => readFileSync(new URL(`../../../../test/statutory-data/samples/ssda903/${path}`, import.meta.url), 'utf8');
const csv = (name: string, contents: string) => ({ name, mediaType: 'text/csv', contents });
const year = collectionYear('2024-25');
const facts = { collectionYear: year, laNumber: '206', producedAt: '2025-05-01T09:00:00Z', softwareCode: 'Safeguard', release: 'test' };

describe('CSV files', () => {
  it('writes a file a table of the year, with the specification\'s names and the columns in order', () => {
    const columns = ssda903Return.tablesOf(year);
    const files = ssda903Return.write({ Header: tableOf(columns.Header!, [{ CHILD: 'C1', SEX: 'F', DOB: '01/02/2010', ETHNIC: 'WBRI', UPN: 'UN1', MOTHER: null, MC_DOB: null }]) }, facts);
    expect(files.map((file) => file.name)).toEqual([
      'header.csv', 'episodes.csv', 'reviews.csv', 'uasc.csv', 'oc2.csv', 'oc3.csv', 'ad1.csv', 'placed_for_adoption.csv', 'previous_permanence.csv',
      'missing.csv', 'sw_episodes.csv',
    ]);
    expect(files[0]!.contents).toBe('CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nC1,F,01/02/2010,WBRI,UN1,,\r\n');
    expect(ssda903Return.write({}, { ...facts, collectionYear: collectionYear('2026-27') }).at(-1)!.name).toBe('dolo.csv');
  });

  it('reads a file by its columns whatever its name and column order, without a byte order mark, blank cells as null', () => {
    const read = ssda903Return.read([csv('export (3).csv', '\uFEFFDOB,CHILD,REVIEW_CODE,REVIEW\r\n01/02/2010,C1,PN1,05/06/2024\r\n')]);
    expect(read.problems).toEqual([]);
    expect(read.collectionYear).toBeNull();
    expect(read.tables.Reviews!.rows).toEqual([{ DOB: '01/02/2010', CHILD: 'C1', REVIEW_CODE: 'PN1', REVIEW: '05/06/2024' }]);
    expect(read.tables.Reviews!.columns).toEqual(['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE']);
  });

  it('says in plain English which columns it expected of a file that is no table', () => {
    const read = ssda903Return.read([csv('reviews.csv', 'CHILD,REVIEW\r\nC1,05/06/2024\r\n')]);
    expect(read.tables).toEqual({});
    expect(read.problems).toEqual([{ file: 'reviews.csv', line: 1, message: expect.stringContaining('Reviews: CHILD, DOB, REVIEW, REVIEW_CODE') }]);
    expect(read.problems[0]!.message).toMatch(/^This file's columns \(CHILD, REVIEW\) are not those of any SSDA903 table/);
  });

  it('refuses a second file of a table already read', () => {
    const read = ssda903Return.read([sample('d2i_fake_data/placed_for_adoption.csv'), sample('d2i_fake_data/placed_for_adoption_errors.csv')]
      .map((contents, index) => csv(`file${index}.csv`, contents)));
    expect(read.tables.PlacedAdoption!.rows).toHaveLength(29);
    expect(read.problems).toEqual([{ file: 'file1.csv', line: 1, message: expect.stringMatching(/already read from another file/) }]);
  });
});

describe('the XML upload', () => {
  const xml = { name: 'fake_903.xml', mediaType: 'application/xml', contents: sample('d2i_fake_data/fake_903.xml') };

  it('reads into the same tables as the CSV files, the placement type PL as PLACE', () => {
    const read = ssda903Return.read([xml]);
    expect(read.problems).toEqual([]);
    const header = read.tables.Header!.rows[0]!;
    expect(header).toEqual({ CHILD: '907440', SEX: '2', DOB: '28/07/2010', ETHNIC: 'BAFR', UPN: 'O013219285333', MOTHER: null, MC_DOB: null });
    expect(read.tables.Reviews!.rows.slice(0, 2)).toEqual([
      { CHILD: '907440', DOB: '28/07/2010', REVIEW: '27/09/2015', REVIEW_CODE: 'PN0' },
      { CHILD: '907440', DOB: '28/07/2010', REVIEW: '14/07/2016', REVIEW_CODE: 'PN1' },
    ]);
    expect(read.tables.Episodes!.rows[0]).toEqual({
      CHILD: '907440', DECOM: '06/01/2017', RNE: 'T', LS: 'J3', CIN: 'N4', PLACE: 'R5', PLACE_PROVIDER: 'PR2', DEC: '06/10/2017', REC: 'X1',
      REASON_PLACE_CHANGE: 'CUSTOD', HOME_POST: 'B15 8PZ', PL_POST: 'E7 5YR', URN: '1465167',
    });
    expect(read.tables.OC2!.rows[0]).toMatchObject({ CHILD: '907440', SDQ_SCORE: '21', CONVICTED: '1', HEALTH_ASSESSMENT: '0' });
    expect(read.tables.PrevPerm!.rows[0]).toEqual({ CHILD: '907440', DOB: '28/07/2010', PREV_PERM: 'Z1', LA_PERM: null, DATE_PERM: null });
  });

  it('says plainly that a file that is not SSDA903 XML could not be read', () => {
    const read = ssda903Return.read([{ name: 'cin.xml', mediaType: 'application/xml', contents: '<Message><Header/></Message>' }]);
    expect(read.problems).toEqual([{ file: 'cin.xml', line: null, message: expect.stringMatching(/not an SSDA903 XML file/) }]);
  });

  it('checks the XML against DfE\'s schema', async () => {
    expect(await ssda903Return.schemaCheck!(xml, year)).toEqual({ valid: true, errors: [] });
    const broken = { ...xml, contents: xml.contents.replace('<DOB>28/07/2010</DOB>', '<DOB>2010-07-28</DOB>') };
    const result = await ssda903Return.schemaCheck!(broken, year);
    expect(result.valid).toBe(false);
    expect(result.errors[0]!.message).toMatch(/DOB/);
  });
});

describe('the XML upload and the CSV files hold the same return', () => {
  it('writes the tables read from the XML as CSV files that read back the same', () => {
    for (const path of ['d2i_fake_data/fake_903.xml']) {
      const fromXml = ssda903Return.read([{ name: path, mediaType: 'application/xml', contents: sample(path) }]);
      expect(fromXml.problems, path).toEqual([]);
      expect(fromXml.tables.Episodes!.rows.length, path).toBeGreaterThan(0);
      const every = collectionYear('2026-27');
      const fromCsv = ssda903Return.read(ssda903Return.write(fromXml.tables, { ...facts, collectionYear: every }));
      for (const [table, { rows }] of Object.entries(fromXml.tables)) expect(fromCsv.tables[table]!.rows, `${path} ${table}`).toEqual(rows);
    }
  });

  it('reports an empty XML file (the synthesiser\'s sample as stored is empty)', () => {
    const path = 'csc-data-synthesizer_generated_903.xml';
    expect(ssda903Return.read([{ name: path, mediaType: 'application/xml', contents: sample(path) }]).problems)
      .toEqual([{ file: path, line: null, message: expect.stringMatching(/could not be read as an SSDA903 XML file/) }]);
  });
});
