/**
 * Every rule-test case of the open-source CIN census validator councils use, replayed against
 * Safeguard's rules: the same input tables must give the same issue locations (table, column,
 * row) and the same finding about the return as a whole. A case where Safeguard deliberately
 * differs is listed in cinKnownDifferences with why, and checked to differ.
 * Set CIN_RULES=8670Q,100 to replay only some rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../../platform/calendar/calendar.ts';
import { collectionYear, collectionYearEndingIn } from '../../collection-year.ts';
import type { ReturnTable, ReturnTables, TableRow } from '../../return-tables.ts';
import { rulesInForce, type ValidationContext } from '../../validation-rule.ts';
import { cinKnownDifferences, cinRules } from './index.ts';

interface FixtureFrame { columns: string[]; index: (number | string)[]; rows: unknown[][] }
interface Fixture {
  ruleset: string; rule_code: string; call: number; message: string;
  inputs: Record<string, FixtureFrame>;
  expected_issue_locations: { table: string; column: string; row: number | string }[];
  expected_return_level_issue: boolean;
}

const fixtures = readFileSync(new URL('../../../../../test/statutory-data/fixtures/cin_rule_fixtures.jsonl', import.meta.url), 'utf8')
  .split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Fixture);
const only = process.env.CIN_RULES?.split(',');

const DAY_FIRST = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;

/**
 * A fixture's cell as the census table carries it: a list of factor codes joined with commas,
 * numbers as text, and a day-first date (the validator's tests write some so, and it reads them
 * day first) as the ISO date the XML would have.
 */
function cellText(value: unknown): string | null {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return null;
  if (Array.isArray(value)) return value.map(String).join(',');
  const text = String(value);
  const dayFirst = DAY_FIRST.exec(text);
  return dayFirst ? `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}` : text;
}

function tableOfFrame(frame: FixtureFrame): ReturnTable {
  return { columns: frame.columns, rows: frame.rows.map((row) => Object.fromEntries(frame.columns.map((column, i) => [column, cellText(row[i])])) as TableRow) };
}

const yearOfRuleset = (ruleset: string) => collectionYear(`${ruleset.slice(3, 7)}-${ruleset.slice(8, 10)}`);

/** The census year: from the Header's reference date when the case gives one, as the validator derives it. */
function contextOf(fixture: Fixture, tables: ReturnTables): ValidationContext {
  const reference = tables.Header?.rows[0]?.ReferenceDate ?? null;
  const year = reference !== null && /^\d{4}-\d{2}-\d{2}$/.test(reference) ? collectionYearEndingIn(reference) : yearOfRuleset(fixture.ruleset);
  return { collectionYear: year, laNumber: '206', calendar: createCalendar() };
}

describe('CIN census rules replay the open-source validator\'s tests', () => {
  for (const fixture of fixtures) {
    if (only && !only.includes(fixture.rule_code)) continue;
    const key = `${fixture.ruleset}:${fixture.rule_code}:${fixture.call}`;
    it(`${key} ${fixture.message.slice(0, 80)}`, () => {
      const year = yearOfRuleset(fixture.ruleset);
      const rule = rulesInForce(cinRules, year).find((candidate) => candidate.code === fixture.rule_code);
      expect(rule, `rule ${fixture.rule_code} in force in ${year.label}`).toBeDefined();
      const tables: Record<string, ReturnTable> = {};
      for (const [name, frame] of Object.entries(fixture.inputs)) tables[name] = tableOfFrame(frame);
      const findings = rule!.check(tables, contextOf(fixture, tables));
      const found = {
        locations: [...new Set(findings.filter((finding) => finding.row !== undefined)
          .map((finding) => `${finding.table}.${finding.column}[${String(fixture.inputs[finding.table]!.index[finding.row!])}]`))].sort(),
        wholeReturn: findings.some((finding) => finding.row === undefined),
      };
      const expected = {
        locations: [...new Set(fixture.expected_issue_locations.map((location) => `${location.table}.${location.column}[${String(location.row)}]`))].sort(),
        wholeReturn: fixture.expected_return_level_issue,
      };
      const difference = cinKnownDifferences[key];
      if (difference !== undefined) {
        expect(found, `a known difference (${difference}) that no longer differs: remove it`).not.toEqual(expected);
      } else {
        expect(found).toEqual(expected);
      }
    });
  }
});
