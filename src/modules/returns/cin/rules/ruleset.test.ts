/**
 * For each collection year, the CIN rules in force are exactly those DfE's rule list for that year
 * names, each with the list's message word for word and its severity.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { collectionYear } from '../../collection-year.ts';
import { rulesInForce } from '../../validation-rule.ts';
import { cinTableColumns } from '../tables.ts';
import { cinRules } from './index.ts';

interface ListedRule { code: string; type: string; module: string; message: string; affected_fields: string }

const YEARS = ['2022-23', '2023-24', '2024-25', '2025-26'];

function listFor(label: string): ListedRule[] {
  const file = new URL(`../../../../../test/statutory-data/rules/cin_rules_cin${label.replace('-', '_')}.csv`, import.meta.url);
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as ListedRule[];
}

describe('CIN rules in force each year', () => {
  for (const label of YEARS) {
    it(`${label}: the codes, messages and severities of DfE's list`, () => {
      const inForce = rulesInForce(cinRules, collectionYear(label));
      const listed = listFor(label);
      expect(inForce.map((rule) => rule.code).sort()).toEqual(listed.map((rule) => rule.code).sort());
      const byCode = new Map(inForce.map((rule) => [rule.code, rule]));
      for (const entry of listed) {
        const rule = byCode.get(entry.code)!;
        expect({ code: rule.code, message: rule.message, severity: rule.severity, kind: rule.kind })
          .toEqual({ code: entry.code, message: entry.message, severity: entry.type === 'ERROR' ? 'error' : 'query', kind: 'cin' });
      }
    });

    it(`${label}: no code has two versions in force, and every field a rule names is a column of the year's tables`, () => {
      const inForce = rulesInForce(cinRules, collectionYear(label));
      expect(new Set(inForce.map((rule) => rule.code)).size).toBe(inForce.length);
      const columns = cinTableColumns(collectionYear(label));
      const known = new Set([...Object.keys(columns), ...Object.values(columns).flat(), 'DateOfInitialCPC']);
      for (const rule of inForce) {
        for (const field of rule.fields) expect(known.has(field), `${rule.code} names ${field}`).toBe(true);
        for (const table of rule.tables) expect(Object.keys(columns), `${rule.code} reads ${table}`).toContain(table);
      }
    });
  }

  it('changes of wording or behaviour start a new version the next year', () => {
    const versions = (code: string) => cinRules.filter((rule) => rule.code === code).map((rule) => [rule.from, rule.until ?? null]);
    expect(versions('4180')).toEqual([['2022-23', '2023-24'], ['2024-25', null]]);
    expect(versions('8750')).toEqual([['2022-23', '2023-24'], ['2024-25', null]]);
    expect(versions('1530')).toEqual([['2022-23', '2022-23'], ['2023-24', null]]);
    expect(versions('8945Q')).toEqual([['2024-25', null]]);
  });
});
