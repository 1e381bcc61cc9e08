/**
 * Every rule-test case of the open-source SSDA903 validator councils use, replayed against
 * Safeguard's rules: the same input tables must flag the same rows. A case where Safeguard
 * deliberately differs is listed in a group's known-differences.ts with why, and checked to differ.
 * Set SSDA903_RULES=103,SW01 to replay only some rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../../platform/calendar/calendar.ts';
import { collectionYear, collectionYearContaining } from '../../collection-year.ts';
import { isoDateOfUkCell } from '../../return-dates.ts';
import type { ReturnTable, ReturnTables, TableRow } from '../../return-tables.ts';
import { rulesInForce, type ValidationContext } from '../../validation-rule.ts';
import { ssda903KnownDifferences, ssda903Rules } from './index.ts';

interface FixtureFrame { columns: string[]; index: (number | string)[]; rows: unknown[][] }
interface Fixture {
  ruleset: string; rule_code: string; call: number; message: string;
  inputs: Record<string, { dataframe: FixtureFrame } | Record<string, unknown>>;
  expected_error_rows: Record<string, number[]>;
}

const fixtures = readFileSync(new URL('../../../../../test/statutory-data/fixtures/ssda903_rule_fixtures.jsonl', import.meta.url), 'utf8')
  .split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Fixture);
const only = process.env.SSDA903_RULES?.split(',');

/** A fixture's cell as the CSV file would have carried it. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return null;
  return String(value);
}

function tableOfFrame(frame: FixtureFrame): ReturnTable {
  return { columns: frame.columns, rows: frame.rows.map((row) => Object.fromEntries(frame.columns.map((column, i) => [column, cellText(row[i])])) as TableRow) };
}

const yearOfRuleset = (ruleset: string) => collectionYear(`${ruleset.slice(3, 7)}-${ruleset.slice(8, 10)}`);

function contextOf(fixture: Fixture): ValidationContext {
  const metadata = (fixture.inputs.metadata ?? {}) as Record<string, unknown>;
  const start = typeof metadata.collection_start === 'string' ? isoDateOfUkCell(metadata.collection_start) : null;
  const end = typeof metadata.collection_end === 'string' ? isoDateOfUkCell(metadata.collection_end) : null;
  const year = start !== null ? collectionYearContaining(start) : end !== null ? collectionYearContaining(end) : yearOfRuleset(fixture.ruleset);
  const providers = metadata.provider_info as { dataframe: FixtureFrame } | undefined;
  return {
    collectionYear: year,
    laNumber: typeof metadata.localAuthority === 'string' ? metadata.localAuthority : '000',
    calendar: createCalendar(),
    providerUrns: providers ? new Set(providers.dataframe.rows.map((row) => cellText(row[0])).filter((urn): urn is string => urn !== null)) : undefined,
    fileFormat: metadata.file_format === 'xml' ? 'xml' : 'csv',
  };
}

describe('SSDA903 rules replay the open-source validator\'s tests', () => {
  for (const fixture of fixtures) {
    if (only && !only.includes(fixture.rule_code)) continue;
    const key = `${fixture.ruleset}:${fixture.rule_code}:${fixture.call}`;
    it(`${key} ${fixture.message.slice(0, 80)}`, () => {
      const year = yearOfRuleset(fixture.ruleset);
      const rule = rulesInForce(ssda903Rules, year).find((candidate) => candidate.code === fixture.rule_code);
      expect(rule, `rule ${fixture.rule_code} in force in ${year.label}`).toBeDefined();
      const tables: Record<string, ReturnTable> = {};
      const indexes: Record<string, (number | string)[]> = {};
      for (const [name, input] of Object.entries(fixture.inputs)) {
        if (name === 'metadata' || !('dataframe' in input)) continue;
        const frame = (input as { dataframe: FixtureFrame }).dataframe;
        tables[name] = tableOfFrame(frame);
        indexes[name] = frame.index;
      }
      const flagged: Record<string, number[]> = {};
      for (const finding of rule!.check(tables as ReturnTables, contextOf(fixture))) {
        if (finding.row === undefined) continue;
        const rows = (flagged[finding.table] ??= []);
        const index = Number(indexes[finding.table]![finding.row]);
        if (!rows.includes(index)) rows.push(index);
      }
      const expected = Object.fromEntries(Object.entries(fixture.expected_error_rows).filter(([, rows]) => rows.length > 0).map(([table, rows]) => [table, [...rows].sort((a, b) => a - b)]));
      const found = Object.fromEntries(Object.entries(flagged).map(([table, rows]) => [table, rows.sort((a, b) => a - b)]));
      const difference = ssda903KnownDifferences[key];
      if (difference !== undefined) {
        expect(found, `a known difference (${difference}) that no longer differs: remove it`).not.toEqual(expected);
      } else {
        expect(found).toEqual(expected);
      }
    });
  }
});
