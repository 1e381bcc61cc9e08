/**
 * The SSDA903 rules in force in each collection year are exactly DfE's list for that year, with its
 * messages word for word: a rule dropped, added or reworded in a year shows here.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { collectionYear } from '../../collection-year.ts';
import { rulesInForce } from '../../validation-rule.ts';
import { ssda903Rules } from './index.ts';

const years = ['2022-23', '2023-24', '2024-25', '2025-26', '2026-27'];

describe('the SSDA903 rules in force each year', () => {
  for (const label of years) {
    it(`are DfE's ${label} list, with its messages`, () => {
      const file = new URL(`../../../../../test/statutory-data/rules/ssda903_rules_lac${label.replace('-', '_')}.csv`, import.meta.url);
      const listed = (parse(readFileSync(file, 'utf8'), { columns: true }) as { code: string; message: string }[])
        .map(({ code, message }) => ({ code, message })).sort((a, b) => a.code.localeCompare(b.code));
      const inForce = rulesInForce(ssda903Rules, collectionYear(label)).map(({ code, message }) => ({ code, message })).sort((a, b) => a.code.localeCompare(b.code));
      expect(inForce).toEqual(listed);
    });
  }

  it('has one version of each rule in force in any year, each an SSDA903 rule', () => {
    for (const label of years) {
      const codes = rulesInForce(ssda903Rules, collectionYear(label)).map((rule) => rule.code);
      expect(new Set(codes).size, label).toBe(codes.length);
    }
    expect(ssda903Rules.every((rule) => rule.kind === 'ssda903')).toBe(true);
  });
});
