import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../../../platform/calendar/calendar.ts';
import { collectionYear } from '../../../collection-year.ts';
import { tableOf, type ReturnTables, type TableRow } from '../../../return-tables.ts';
import { rulesInForce, type ValidationContext } from '../../../validation-rule.ts';
import { adoptionAndCareLeaverRules } from './index.ts';
import { ruleTexts } from './rule-texts.ts';

const YEARS = ['2022-23', '2023-24', '2024-25', '2025-26', '2026-27'];
const groupCodes = new Set(Object.keys(ruleTexts));

function ruleList(label: string): { code: string; message: string; tables: string; affected_fields: string }[] {
  const file = new URL(`../../../../../../test/statutory-data/rules/ssda903_rules_lac${label.slice(0, 4)}_${label.slice(5)}.csv`, import.meta.url);
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true });
}

const contextOf = (label = '2024-25', extra: Partial<ValidationContext> = {}): ValidationContext => ({
  collectionYear: collectionYear(label), laNumber: '206', calendar: createCalendar(), ...extra,
});

const table = (rows: TableRow[]) => tableOf(Object.keys(rows[0] ?? {}), rows);

function flagged(code: string, tables: ReturnTables, context = contextOf()): Record<string, number[]> {
  const rule = rulesInForce(adoptionAndCareLeaverRules, context.collectionYear).find((candidate) => candidate.code === code)!;
  const rows: Record<string, number[]> = {};
  for (const finding of rule.check(tables, context)) {
    const list = (rows[finding.table] ??= []);
    if (finding.row !== undefined && !list.includes(finding.row)) list.push(finding.row);
  }
  return rows;
}

describe('the group\'s rules in force each year are those of DfE\'s rule list', () => {
  for (const label of YEARS) {
    it(label, () => {
      const listed = ruleList(label).filter((entry) => groupCodes.has(entry.code));
      const inForce = rulesInForce(adoptionAndCareLeaverRules, collectionYear(label));
      expect(inForce.map((rule) => rule.code).sort()).toEqual(listed.map((entry) => entry.code).sort());
      for (const entry of listed) {
        const rule = inForce.find((candidate) => candidate.code === entry.code)!;
        expect({ code: rule.code, message: rule.message, tables: rule.tables.join('|'), fields: rule.fields.join('|') })
          .toEqual({ code: entry.code, message: entry.message, tables: entry.tables, fields: entry.affected_fields });
      }
    });
  }
});

describe('rules without the tables they need find nothing', () => {
  it('checks against last year\'s return find nothing when it is not given', () => {
    const tables = { Episodes: table([{ CHILD: '1', DECOM: '01/01/2024', DEC: null, RNE: 'S', PLACE: 'U1' }]) };
    for (const code of ['502', '503A', '503D', '562', 'NoE', '1002', '1010']) expect(flagged(code, tables)).toEqual({});
  });

  it('every rule of every year runs on an empty return', () => {
    for (const label of YEARS) {
      for (const rule of rulesInForce(adoptionAndCareLeaverRules, collectionYear(label))) expect(rule.check({}, contextOf(label))).toEqual([]);
    }
  });
});

describe('every row is checked, not only the first', () => {
  it('504: a change of category of need is found in the third episode of a period of care', () => {
    const tables = { Episodes: table([
      { CHILD: '1', DECOM: '01/05/2024', DEC: '01/06/2024', CIN: 'N1' },
      { CHILD: '1', DECOM: '01/06/2024', DEC: '01/07/2024', CIN: 'N1' },
      { CHILD: '1', DECOM: '01/07/2024', DEC: null, CIN: 'N4' },
    ]) };
    expect(flagged('504', tables)).toEqual({ Episodes: [2] });
  });

  it('579: a third decision starting before the second ceased is found', () => {
    const tables = { PlacedAdoption: table([
      { CHILD: '1', DATE_PLACED: '01/05/2024', DATE_PLACED_CEASED: '01/06/2024' },
      { CHILD: '1', DATE_PLACED: '02/06/2024', DATE_PLACED_CEASED: '01/09/2024' },
      { CHILD: '1', DATE_PLACED: '01/08/2024', DATE_PLACED_CEASED: null },
    ]) };
    expect(flagged('579', tables)).toEqual({ PlacedAdoption: [2] });
  });
});

describe('the year a rule is checked in', () => {
  it('503D accepts H5 carried over as K3 in 2024-25 only, and Z1 as Z11–Z14 from 2025-26', () => {
    const tables = (before: string, now: string) => ({
      Episodes: table([{ CHILD: '1', DECOM: '01/04/2024', DEC: null, PLACE: now }]),
      Episodes_last: table([{ CHILD: '1', DECOM: '01/01/2024', DEC: null, PLACE: before }]),
    });
    expect(flagged('503D', tables('H5', 'K3'), contextOf('2024-25'))).toEqual({});
    expect(flagged('503D', tables('H5', 'K3'), contextOf('2023-24'))).toEqual({ Episodes: [0] });
    expect(flagged('503D', tables('Z1', 'Z13'), contextOf('2025-26'))).toEqual({});
    expect(flagged('503D', tables('Z1', 'Z13'), contextOf('2024-25'))).toEqual({ Episodes: [0] });
  });

  it('1007: care leaver information for a young person in care on their 18th birthday in the year', () => {
    const tables = {
      Episodes: table([{ CHILD: '1', DECOM: '01/01/2020', DEC: '01/12/2024' }]),
      OC3: table([{ CHILD: '1', DOB: '15/06/2006', IN_TOUCH: 'YES', ACTIV: null, ACCOM: null }]),
    };
    expect(flagged('1007', tables, contextOf('2024-25'))).toEqual({ OC3: [0] });
    expect(flagged('1007', tables, contextOf('2025-26'))).toEqual({});
  });

  it('3001: staying with former foster carers is refused only in the year of the 17th birthday', () => {
    const tables = {
      Header: table([{ CHILD: '1', DOB: '31/03/2008' }]),
      OC3: table([{ CHILD: '1', ACCOM: 'Z1' }]),
    };
    expect(flagged('3001', tables, contextOf('2024-25'))).toEqual({ OC3: [0] });
    expect(flagged('3001', tables, contextOf('2025-26'))).toEqual({});
  });
});

describe('own provision outside the council\'s area (1015)', () => {
  it('is allowed for K3 placements from 2025-26 only', () => {
    const tables = { Episodes: table([{ CHILD: '1', PLACE: 'K3', LS: 'C2', PLACE_PROVIDER: 'PR1', PL_LA: '999' }]) };
    expect(flagged('1015', tables, contextOf('2024-25'))).toEqual({ Episodes: [0] });
    expect(flagged('1015', tables, contextOf('2025-26'))).toEqual({});
  });
});

describe('continuously looked after, for offending and health (543)', () => {
  it('a child who started a new period of care during the year is not asked for conviction information', () => {
    const oc2 = table([{ CHILD: '1', DOB: '01/01/2010', CONVICTED: null }]);
    const before = { OC2: oc2, Episodes: table([{ CHILD: '1', DECOM: '01/01/2023', DEC: null, RNE: 'S', LS: 'C2', REC: null }]) };
    const during = { OC2: oc2, Episodes: table([{ CHILD: '1', DECOM: '01/05/2024', DEC: null, RNE: 'S', LS: 'C2', REC: null }]) };
    expect(flagged('543', before)).toEqual({ OC2: [0] });
    expect(flagged('543', during)).toEqual({});
  });
});
