import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../../../platform/calendar/calendar.ts';
import { collectionYear } from '../../../collection-year.ts';
import { tableOf, type ReturnTables, type TableRow } from '../../../return-tables.ts';
import { rulesInForce, type ValidationContext } from '../../../validation-rule.ts';
import { ruleListings } from './catalogue.ts';
import { headerAndPlacementRules } from './index.ts';

const contextFor = (label: string): ValidationContext => ({ collectionYear: collectionYear(label), laNumber: '206', calendar: createCalendar(), fileFormat: 'csv' });
const context = contextFor('2024-25');
const ruleOf = (code: string, label = '2024-25') => {
  const rule = rulesInForce(headerAndPlacementRules, collectionYear(label)).find((candidate) => candidate.code === code);
  if (rule === undefined) throw new Error(`no rule ${code} in ${label}`);
  return rule;
};
const table = (rows: TableRow[]) => tableOf(Object.keys(rows[0] ?? {}), rows);
const flaggedRows = (code: string, tables: ReturnTables, table: string, label = '2024-25') =>
  [...new Set(ruleOf(code, label).check(tables, contextFor(label)).filter((finding) => finding.table === table).map((finding) => finding.row))].sort();

describe('the header and placement rules as DfE lists them', () => {
  for (const file of ['2022_23', '2023_24', '2024_25', '2025_26', '2026_27']) {
    it(`are in force in ${file.replace('_', '-')} exactly as that year's list says, word for word`, () => {
      const listed = (parse(readFileSync(new URL(`../../../../../../test/statutory-data/rules/ssda903_rules_lac${file}.csv`, import.meta.url)), { columns: true }) as Record<string, string>[])
        .filter((row) => row.code! in ruleListings);
      const inForce = rulesInForce(headerAndPlacementRules, collectionYear(file.replace('_', '-')));
      expect(inForce.map((rule) => rule.code).sort()).toEqual(listed.map((row) => row.code).sort());
      for (const row of listed) {
        const rule = inForce.find((candidate) => candidate.code === row.code)!;
        expect([rule.message, rule.tables.join('|'), rule.fields.join('|')]).toEqual([row.message, row.tables, row.affected_fields]);
      }
    });
  }

  it('has a check for every code of the group', () => {
    expect(new Set(headerAndPlacementRules.map((rule) => rule.code))).toEqual(new Set(Object.keys(ruleListings)));
  });
});

describe('the header and placement rules on unusual returns', () => {
  it('find nothing in a return with no tables, or with tables of no rows', () => {
    const empty: ReturnTables = Object.fromEntries(['Header', 'Header_last', 'Episodes', 'Episodes_last', 'UASC', 'UASC_last', 'OC2', 'OC3', 'AD1', 'PlacedAdoption', 'PrevPerm', 'Reviews']
      .map((name) => [name, tableOf(['CHILD'])]));
    for (const rule of headerAndPlacementRules) {
      const year = contextFor(rule.from);
      expect(rule.check({}, year), rule.code).toEqual([]);
      expect(rule.check(empty, year), rule.code).toEqual([]);
    }
  });

  it('compare with last year only when last year\'s header is given', () => {
    const header = table([{ CHILD: '1', SEX: 'F', DOB: '01/02/2010', ETHNIC: 'WBRI', UPN: 'UN2', MOTHER: '0', MC_DOB: null }]);
    const last = table([{ CHILD: '1', SEX: 'M', DOB: '02/02/2010', ETHNIC: 'WIRI', UPN: 'A123456789012', MOTHER: '1', MC_DOB: '01/01/2024' }]);
    const episodes = table([{ CHILD: '1', DECOM: '01/05/2024' }]);
    for (const code of ['202', '203', '204', '207', '208', '624']) {
      expect(flaggedRows(code, { Header: header, Episodes: episodes }, 'Header'), code).toEqual([]);
      expect(flaggedRows(code, { Header: header, Header_last: last, Episodes: episodes }, 'Header'), code).toEqual([0]);
    }
  });

  it('find a child adopted last year who came back into care only when last year\'s episodes are given', () => {
    const episodes = table([{ CHILD: '7', DECOM: '10/06/2024', REC: null }]);
    const last = table([{ CHILD: '7', DECOM: '01/02/2022', REC: 'E11' }]);
    expect(flaggedRows('199', { Episodes: episodes }, 'Episodes')).toEqual([]);
    expect(flaggedRows('199', { Episodes: episodes, Episodes_last: last }, 'Episodes')).toEqual([0]);
  });

  it('check every episode, the second and later temporary placements as well as the first', () => {
    const episodes = table([
      { CHILD: '3', DECOM: '01/05/2024', PLACE: 'U1', REASON_PLACE_CHANGE: 'CARPL', REC: 'X1', RNE: 'S' },
      { CHILD: '3', DECOM: '01/06/2024', PLACE: 'T1', REASON_PLACE_CHANGE: null, REC: 'X1', RNE: 'T' },
      { CHILD: '3', DECOM: '01/07/2024', PLACE: 'U1', REASON_PLACE_CHANGE: null, REC: 'X1', RNE: 'T' },
      { CHILD: '3', DECOM: '01/08/2024', PLACE: 'T2', REASON_PLACE_CHANGE: 'CARPL', REC: null, RNE: 'T' },
    ]);
    expect(flaggedRows('226', { Episodes: episodes }, 'Episodes')).toEqual([1, 3]);
  });

  it('read sex as DfE codes it in each year: 1 and 2 until 2023-24, M and F from 2024-25', () => {
    const header = table([{ CHILD: '1', SEX: '1', MC_DOB: '01/01/2024' }, { CHILD: '2', SEX: 'M', MC_DOB: '01/01/2024' }, { CHILD: '3', SEX: 'F', MC_DOB: '01/01/2024' }]);
    expect(flaggedRows('101', { Header: header }, 'Header', '2023-24')).toEqual([1, 2]);
    expect(flaggedRows('101', { Header: header }, 'Header', '2024-25')).toEqual([0]);
    expect(flaggedRows('174', { Header: header }, 'Header')).toEqual([0, 1]);
    const last = table([{ CHILD: '1', SEX: '1' }, { CHILD: '2', SEX: '1' }, { CHILD: '3', SEX: '1' }]);
    expect(flaggedRows('202', { Header: header, Header_last: last }, 'Header')).toEqual([2]);
  });

  it('accept a UPN with any check letter but I, O and S, and the unknown codes UN1 to UN5', () => {
    const header = table(['Q801200001001', 'A80120000100B', 'I801200001001', 'S801200001001', 'UN5', 'UN6', 'A8012000010'].map((upn, i) => ({ CHILD: String(i), UPN: upn })));
    expect(flaggedRows('168', { Header: header }, 'Header')).toEqual([2, 3, 5, 6]);
  });

  it('require a URN for semi-independent living (H5) from 2023-24 but not before', () => {
    const episodes = table([{ CHILD: '1', PLACE: 'H5', DEC: null, PL_LA: 'E09000001', URN: null }]);
    expect(flaggedRows('218', { Episodes: episodes }, 'Episodes', '2022-23')).toEqual([]);
    expect(flaggedRows('218', { Episodes: episodes }, 'Episodes', '2023-24')).toEqual([0]);
  });

  it('compare a placement with its Ofsted provider only when the provider details are given', () => {
    const episodes = table([{ CHILD: '1', PLACE_PROVIDER: 'PR1', URN: 'SC123456' }]);
    const rule = ruleOf('229');
    expect(rule.check({ Episodes: episodes }, context)).toEqual([]);
    const providers = new Map([['SC123456', { laCode: '999' }]]);
    expect(rule.check({ Episodes: episodes }, { ...context, providers } as ValidationContext).map((finding) => finding.row)).toEqual([0]);
  });
});
