import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../../../platform/calendar/calendar.ts';
import { collectionYear } from '../../../collection-year.ts';
import { tableOf, type ReturnTables, type TableRow } from '../../../return-tables.ts';
import { rulesInForce, type ValidationContext, type ValidationRule } from '../../../validation-rule.ts';
import { episodeAndReviewRules } from './index.ts';
import { ageOn } from './kit.ts';

const context = (label = '2024-25'): ValidationContext => ({ collectionYear: collectionYear(label), laNumber: '206', calendar: createCalendar() });
const ruleOf = (code: string, label = '2024-25'): ValidationRule => {
  const rule = rulesInForce(episodeAndReviewRules, collectionYear(label)).find((candidate) => candidate.code === code);
  if (rule === undefined) throw new Error(`no rule ${code} in ${label}`);
  return rule;
};
const table = (rows: TableRow[]) => tableOf(rows.length > 0 ? Object.keys(rows[0]!) : [], rows);
const rowsFlagged = (code: string, tables: ReturnTables, label = '2024-25') =>
  [...new Set(ruleOf(code, label).check(tables, context(label)).map((finding) => `${finding.table}:${finding.row}`))].sort();

describe('the group\'s rules follow DfE\'s rule lists year by year', () => {
  const codes = new Set(episodeAndReviewRules.map((rule) => rule.code));
  for (const label of ['2022-23', '2023-24', '2024-25', '2025-26', '2026-27']) {
    it(`has exactly the listed codes and messages in ${label}`, () => {
      const file = new URL(`../../../../../../test/statutory-data/rules/ssda903_rules_lac${label.replace('-', '_')}.csv`, import.meta.url);
      const listed = (parse(readFileSync(file, 'utf8'), { columns: true }) as { code: string; message: string }[]).filter((row) => codes.has(row.code));
      const inForce = rulesInForce(episodeAndReviewRules, collectionYear(label));
      expect(inForce.map((rule) => [rule.code, rule.message]).sort()).toEqual(listed.map((row) => [row.code, row.message]).sort());
    });
  }

  it('gives each code one version a year', () => {
    for (const label of ['2022-23', '2023-24', '2024-25', '2025-26', '2026-27']) {
      const inForce = rulesInForce(episodeAndReviewRules, collectionYear(label)).map((rule) => rule.code);
      expect(new Set(inForce).size).toBe(inForce.length);
    }
  });
});

describe('the group\'s rules on tables the fixtures do not cover', () => {
  it('finds nothing, and does not fail, on a return with no tables', () => {
    for (const label of ['2022-23', '2023-24', '2024-25', '2025-26', '2026-27']) {
      for (const rule of rulesInForce(episodeAndReviewRules, collectionYear(label))) expect(rule.check({}, context(label)), rule.code).toEqual([]);
    }
  });

  it('checks the second and later reviews of a child, not only the first', () => {
    const reviews = table([
      { CHILD: '1', DOB: '01/06/2020', REVIEW: '01/05/2024', REVIEW_CODE: 'PN0' },
      { CHILD: '1', DOB: '01/06/2020', REVIEW: '01/12/2024', REVIEW_CODE: 'PN0' },
      { CHILD: '1', DOB: '01/06/2020', REVIEW: '01/03/2025', REVIEW_CODE: 'PN1' },
    ]);
    expect(rowsFlagged('440', { Reviews: reviews })).toEqual(['Reviews:1']);
    expect(rowsFlagged('441', { Reviews: reviews })).toEqual([]);
  });

  it('says nothing about last year when last year\'s tables are not given', () => {
    const episodes = table([{ CHILD: '1', DECOM: '01/04/2024', DEC: null, RNE: 'P', PL_LA: '206', PL_DISTANCE: '3.0' }]);
    expect(rowsFlagged('452', { Episodes: episodes })).toEqual([]);
    expect(rowsFlagged('453', { Episodes: episodes })).toEqual([]);
    expect(rowsFlagged('348', { OC3: table([{ CHILD: '1', IN_TOUCH: 'YES' }]) }, '2025-26')).toEqual([]);
    expect(rowsFlagged('706', { DoLo: table([{ CHILD: '1', DOLO_START: '01/05/2026', DOLO_END: null }]) }, '2026-27')).toEqual([]);
  });

  it('compares the first episode this year with last year\'s open one', () => {
    const episodes = table([{ CHILD: '1', DECOM: '01/04/2024', DEC: null, RNE: 'P', PL_LA: '206', PL_DISTANCE: '3.0' }]);
    const lastYear = table([{ CHILD: '1', DECOM: '01/09/2023', DEC: null, RNE: 'S', PL_LA: '207', PL_DISTANCE: '3' }]);
    expect(rowsFlagged('452', { Episodes: episodes, Episodes_last: lastYear })).toEqual(['Episodes:0']);
    expect(rowsFlagged('453', { Episodes: episodes, Episodes_last: lastYear })).toEqual([]);
  });

  it('counts a child born on 29 February a year older on 1 March in a year without one', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    const header = table([{ CHILD: '1', DOB: '29/02/2008' }]);
    const adopted = (ceased: string) => table([{ CHILD: '1', DECOM: '01/01/2025', DEC: ceased, REC: 'E11' }]);
    expect(rowsFlagged('386', { Header: header, Episodes: adopted('28/02/2026') }, '2025-26')).toEqual([]);
    expect(rowsFlagged('386', { Header: header, Episodes: adopted('01/03/2026') }, '2025-26')).toEqual(['Episodes:0']);
  });

  it('runs an open police protection episode to the end of the year', () => {
    const episodes = table([{ CHILD: '1', DECOM: '27/03/2025', DEC: null, LS: 'L1' }, { CHILD: '2', DECOM: '29/03/2025', DEC: null, LS: 'L1' }]);
    expect(rowsFlagged('361', { Episodes: episodes })).toEqual(['Episodes:0']);
  });

  it('reads the year from the context, so a rule\'s 31 March moves with the year', () => {
    const episodes = table([{ CHILD: '1', DECOM: '01/02/2025', DEC: '15/04/2025' }]);
    expect(rowsFlagged('385', { Episodes: episodes }, '2024-25')).toEqual(['Episodes:0']);
    expect(rowsFlagged('385', { Episodes: episodes }, '2025-26')).toEqual([]);
  });

  it('judges a DoLo date as written: dd/mm/yyyy in a CSV file, ISO in an XML one', () => {
    const dolo = { DoLo: table([{ CHILD: '1', DOLO_START: '2026-05-01', DOLO_END: null }]) };
    expect(ruleOf('700', '2026-27').check(dolo, { ...context('2026-27'), fileFormat: 'csv' })).toHaveLength(1);
    expect(ruleOf('700', '2026-27').check(dolo, { ...context('2026-27'), fileFormat: 'xml' })).toEqual([]);
  });

  it('compares the LA of placement with the council only when both are codes of one kind', () => {
    const episodes = table([
      { CHILD: '1', PL_LOCATION: 'IN', PL_LA: 'E09000003' },
      { CHILD: '2', PL_LOCATION: 'IN', PL_LA: '207' },
      { CHILD: '3', PL_LOCATION: 'IN', PL_LA: '206' },
    ]);
    expect(rowsFlagged('411', { Episodes: episodes })).toEqual(['Episodes:1']);
  });
});
