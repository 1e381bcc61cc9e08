import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldChildRecord } from '../../../record/fold.ts';
import { islingtonShapedBorough } from '../../../simulate/borough.ts';
import { simulatedChildLogs } from '../../../simulate/test-support.ts';
import type { ReturnsChildState } from '../child-state.ts';
import { annexA, joinAnnexARows, type AnnexARows } from './index.ts';

const SCHEMA = 'test/statutory-data/spec/annex_a/Annex_A_schema.yml';
const WINDOW = { from: '2024-04-01', asAt: '2025-03-31' };

/**
 * The canonical values of each coded column of each list in Ofsted's Annex A schema: the `code:`
 * of each category, read from the YAML's plain layout (lists at four spaces, columns at eight, a
 * column's categories shared with later lists by YAML anchors and aliases). A column without
 * categories has none (an empty set).
 */
function canonicalValuesOf(yamlText: string): Map<string, Map<string, Set<string>>> {
  const lists = new Map<string, Map<string, Set<string>>>();
  const anchors = new Map<string, Set<string>>();
  let columns = new Map<string, Set<string>>();
  let codes: Set<string> | undefined;
  const lines = yamlText.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const list = /^ {4}(list_\d+):\s*$/.exec(line);
    if (list) {
      columns = new Map();
      lists.set(list[1]!, columns);
      codes = undefined;
      continue;
    }
    const column = /^ {8}(\S.*):(?:\s+([&*])([\w-]+))?\s*$/.exec(line);
    if (column) {
      const [, quotedTitle, sigil, anchor] = column;
      const title = quotedTitle!.replace(/^"(.*)"$/, '$1');
      if (sigil === '*') {
        codes = undefined;
        const aliased = anchors.get(anchor!);
        if (aliased) columns.set(title, aliased);
      } else {
        codes = new Set();
        columns.set(title, codes);
        if (sigil === '&') anchors.set(anchor!, codes);
      }
      continue;
    }
    const code = /^\s+-\s+code:\s*(.*)$/.exec(line);
    if (code && codes) {
      let value = code[1]!;
      // A quoted code may run on to the next lines (YAML folds the line break into a space)…
      const quote = value.startsWith("'") || value.startsWith('"') ? value.charAt(0) : undefined;
      while (quote !== undefined && (value.length < 2 || !value.endsWith(quote))) value += ` ${lines[++index]!.trim()}`;
      // So may a plain one: its next lines are indented beyond the key.
      const keyAt = line.indexOf('code:');
      while (quote === undefined && (lines[index + 1]?.search(/\S/) ?? 0) > keyAt) value += ` ${lines[++index]!.trim()}`;
      codes.add(quote === undefined ? value.trim() : value.slice(1, -1).replaceAll("''", "'"));
    }
  }
  return lists;
}

/** The schema's title of a column where the workbook's (Ofsted's template's) differs in spelling. */
const schemaTitle = (title: string) => title.replace('(Y/N))', '(Y/N)');

/**
 * A small synthetic borough over two years, folded by the record's own rules: every child's rows
 * have a cell per column, and every coded cell is one of the canonical values of Ofsted's schema.
 */
describe('Annex A of a synthetic borough', () => {
  let rows: AnnexARows;
  beforeAll(() => {
    const { logs } = simulatedChildLogs(islingtonShapedBorough, { seed: 11, years: 1, from: '2024-04-01', warmUpYears: 1, children: 8000 });
    rows = joinAnnexARows(logs.map(({ childId, events }) =>
      annexA.rowsOfChild(foldChildRecord(islingtonShapedBorough.laCode, childId, events).state as ReturnsChildState, WINDOW)));
  }, 900_000);

  it('fills every list the record keeps, each row a cell per column and every coded cell a canonical value', () => {
    const schema = canonicalValuesOf(readFileSync(SCHEMA, 'utf8'));
    expect(schema.get('list_8')?.get('Placement Type')).toContain('g) Secure Children’s Homes');
    expect(schema.get('list_8')?.get("Child's Legal Status")).toContain('c) Freed for  Adoption');
    const wrong: string[] = [];
    for (const [index, list] of annexA.lists.entries()) {
      const canonical = schema.get(`list_${index + 1}`) ?? new Map<string, Set<string>>();
      for (const row of rows[list.sheet] ?? []) {
        expect(row).toHaveLength(list.columns.length);
        list.columns.forEach((title, column) => {
          const allowed = canonical.get(schemaTitle(title));
          const cell = row[column];
          if (allowed && allowed.size > 0 && cell !== null && cell !== undefined && !allowed.has(String(cell))) wrong.push(`${list.sheet} ${title}: ${String(cell)}`);
        });
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
    for (const sheet of ['List 1', 'List 3', 'List 4', 'List 5', 'List 6', 'List 7', 'List 8', 'List 9', 'List 10']) {
      expect(rows[sheet]?.length ?? 0, sheet).toBeGreaterThan(0);
    }
  });
});
