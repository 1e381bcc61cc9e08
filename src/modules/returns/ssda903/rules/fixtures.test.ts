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
import { rulesInForce, type OfstedProvider, type ValidationContext } from '../../validation-rule.ts';
import { ssda903KnownDifferences, ssda903Rules } from './index.ts';

interface FixtureFrame { columns: string[]; index: (number | string)[]; rows: unknown[][] }
interface Fixture {
  ruleset: string; rule_code: string; call: number; message: string;
  inputs: Record<string, { dataframe: FixtureFrame } | Record<string, unknown>>;
  expected_error_rows: Record<string, (number | string)[]>;
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

/** Ofsted's provider details as the fixtures give them: URN, POSTCODE, PLACE_CODES, PROVIDER_CODES, REG_END, LA_CODE_INFERRED. */
function providersOf(frame: FixtureFrame): Map<string, OfstedProvider> {
  const column = (row: unknown[], name: string) => (frame.columns.includes(name) ? cellText(row[frame.columns.indexOf(name)]) : null);
  const list = (text: string | null) => (text === null ? undefined : text.split(',').map((code) => code.trim()));
  return new Map(frame.rows.map((row) => [column(row, 'URN') ?? '', {
    postcode: column(row, 'POSTCODE'), placementCodes: list(column(row, 'PLACE_CODES')), providerCodes: list(column(row, 'PROVIDER_CODES')),
    registrationEnded: column(row, 'REG_END'), laCode: column(row, 'LA_CODE_INFERRED'),
  }]));
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
    providers: providers ? providersOf(providers.dataframe) : undefined,
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
      const difference = ssda903KnownDifferences[key];
      if (rule === undefined && difference !== undefined) return; // a rule of the validator's that DfE's list for the year does not have: why is given
      expect(rule, `rule ${fixture.rule_code} in force in ${year.label}`).toBeDefined();
      const tables: Record<string, ReturnTable> = {};
      const indexes: Record<string, (number | string)[]> = {};
      for (const [name, input] of Object.entries(fixture.inputs)) {
        if (name === 'metadata' || !('dataframe' in input)) continue;
        const frame = (input as { dataframe: FixtureFrame }).dataframe;
        tables[name] = tableOfFrame(frame);
        indexes[name] = frame.index;
      }
      // Rows are compared by their index label, as text: a case may label its rows '1022' or 1022.
      const flagged: Record<string, string[]> = {};
      for (const finding of rule!.check(tables as ReturnTables, contextOf(fixture))) {
        if (finding.row === undefined) continue;
        const rows = (flagged[finding.table] ??= []);
        const index = String(indexes[finding.table]![finding.row]);
        if (!rows.includes(index)) rows.push(index);
      }
      const expected = Object.fromEntries(Object.entries(fixture.expected_error_rows).filter(([, rows]) => rows.length > 0).map(([table, rows]) => [table, [...new Set(rows.map(String))].sort()]));
      const found = Object.fromEntries(Object.entries(flagged).map(([table, rows]) => [table, rows.sort()]));
      if (difference !== undefined) {
        expect(found, `a known difference (${difference}) that no longer differs: remove it`).not.toEqual(expected);
      } else {
        expect(found).toEqual(expected);
      }
    });
  }
});
