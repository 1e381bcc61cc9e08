import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectionYear } from '../collection-year.ts';
import { cinCensus } from './index.ts';
import { censusOf, factsOf } from './test-builders.ts';

const SAMPLES = new URL('../../../../test/statutory-data/samples/', import.meta.url);
const sampleFile = (path: string) => ({ name: path, mediaType: 'application/xml', contents: readFileSync(new URL(path, SAMPLES), 'utf8') });

describe('the CIN census XML written from the record', () => {
  it.each(cinCensus.years.map((label) => [label]))('is valid against DfE’s schema for %s and reads back as the same tables', async (label) => {
    const year = collectionYear(label);
    const tables = censusOf(year);
    const [file] = cinCensus.write(tables, factsOf(year));
    expect(file!.name).toBe(`cin-census-${label}.xml`);
    expect(await cinCensus.schemaCheck!(file!, year)).toEqual({ valid: true, errors: [] });
    const read = cinCensus.read([file!]);
    expect(read.problems).toEqual([]);
    expect(read.collectionYear).toEqual(year);
    expect(read.tables).toEqual(tables);
  });

  it('writes elements in the schema’s order, 0/1 flags, and leaves empty optional elements out', () => {
    const year = collectionYear('2024-25');
    const xml = cinCensus.write(censusOf(year), factsOf(year))[0]!.contents;
    expect(xml).toContain('<ChildIdentifiers><LAchildID>A1</LAchildID><UPN>A123456789012</UPN><PersonBirthDate>2014-06-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>');
    expect(xml).toContain('<CINreferralDate>2024-05-01</CINreferralDate><ReferralSource>2A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><Assessments>');
    expect(xml).toMatch(/<\/Section47><ReferralNFA>0<\/ReferralNFA><ChildProtectionPlans>/);
    expect(xml).not.toMatch(/<(\w+)><\/\1>|<\w+\/>/);
  });
});

describe('reading any CIN census XML', () => {
  it('counts the keys as DfE’s validators do: CINdetails within the child, assessments and plans within the CINdetails', () => {
    const read = cinCensus.read([sampleFile('own/cin/cin_2025_tiny.xml')]);
    expect(read.collectionYear?.label).toBe('2024-25');
    expect(read.tables.Header!.rows).toEqual([{
      Collection: 'CIN', Year: '2025', ReferenceDate: '2025-03-31', SourceLevel: 'L', LEA: '201', SoftwareCode: 'ourapp', Release: '0.1', SerialNo: '001', DateTime: '2025-05-01T10:00:00',
    }]);
    expect(read.tables.AssessmentFactorsList!.rows.map((row) => [row.LAchildID, row.CINdetailsID, row.AssessmentID, row.AssessmentFactor]))
      .toEqual([['A0001', '1', '1', '3A'], ['A0001', '1', '1', '4B'], ['B0002', '1', '1', '18A']]);
    expect(read.tables.Reviews!.rows.map((row) => [row.CPPID, row.CPPreviewDate])).toEqual([['1', '2024-08-20'], ['1', '2025-02-10']]);
    expect(read.tables.Disabilities!.rows).toEqual([{ LAchildID: 'A0001', Disability: 'NONE' }]);
  });

  it('keeps the sex element a file has, even where its year has the other', () => {
    const read = cinCensus.read([sampleFile('cin/d2i_fake_CIN_data.xml')]);
    expect(read.collectionYear?.label).toBe('2021-22');
    expect(read.tables.ChildIdentifiers!.columns).toContain('GenderCurrent');
    const sexInOlderYear = cinCensus.read([sampleFile('cin/d2i_CIN_Census_2024.xml')]);
    expect(sexInOlderYear.collectionYear?.label).toBe('2023-24');
    expect(sexInOlderYear.tables.ChildIdentifiers!.columns).toContain('Sex');
    expect(sexInOlderYear.tables.ChildIdentifiers!.rows[0]).toMatchObject({ Sex: '1', FormerUPN: 'X98765432123B' });
  });

  it('says on which line a file is not well-formed XML', () => {
    const read = cinCensus.read([{ name: 'broken.xml', mediaType: 'application/xml', contents: '<Message>\n<Children>\n<Child>\n</Children>\n</Message>' }]);
    expect(read.problems).toEqual([{ file: 'broken.xml', line: 4, message: expect.stringMatching(/^The file is not well-formed XML at line 4: .*Child/) }]);
    expect(read.tables.ChildIdentifiers!.rows).toEqual([]);
  });

  it('says when a file is not a CIN census', () => {
    const read = cinCensus.read([{ name: 'other.xml', mediaType: 'application/xml', contents: '<Return><Header/></Return>' }]);
    expect(read.problems).toEqual([{ file: 'other.xml', line: null, message: 'The file is not a CIN census: it has no Message element' }]);
    expect(read.collectionYear).toBeNull();
  });
});

describe('the schema check', () => {
  it('passes the hand-made 2024-25 sample, which is valid XML of the schema (its faults are for DfE’s rules)', async () => {
    expect(await cinCensus.schemaCheck!(sampleFile('own/cin/cin_2025_tiny.xml'), collectionYear('2024-25'))).toEqual({ valid: true, errors: [] });
  });

  it('gives each fault of a broken file with its line, in words a person can act on', async () => {
    const year = collectionYear('2024-25');
    const good = cinCensus.write(censusOf(year), factsOf(year))[0]!;
    const broken = { ...good, contents: good.contents.replace('<Sex>F</Sex>', '<Sex>X</Sex>').replace('<ReferralNFA>0</ReferralNFA>', '<ReferralNFA>false</ReferralNFA>') };
    const result = await cinCensus.schemaCheck!(broken, year);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      { line: 5, message: "Element 'Sex': The value 'X' is not an element of the set {'M', 'F', 'U'}." },
      { line: 5, message: "Element 'ReferralNFA': The value 'false' is not an element of the set {'0', '1'}." },
    ]);
  });

  it('finds the 2023-24 schema refuses Sex, which it calls GenderCurrent', async () => {
    const result = await cinCensus.schemaCheck!(sampleFile('cin/d2i_CIN_Census_2024.xml'), collectionYear('2023-24'));
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual({ line: 25, message: "Element 'Sex': This element is not expected. Expected is one of ( ExpectedPersonBirthDate, GenderCurrent )." });
  });
});
