import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliDatabase, runCli, type CliDatabase } from '../../../test/integration/cli-harness.ts';
import { smallCaseload, toNdjson, withWorkforce } from '../../../test/support/event-builders.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { issueSummaryLines, issueTable, returnFilesAt } from './cli.ts';

const samples = path.resolve(import.meta.dirname, '../../../test/statutory-data/samples');

describe('the returns\' command line, in words', () => {
  const issues = [
    { code: '8565', severity: 'error' as const, message: 'Activity shown after a case has been closed', table: 'CINdetails', row: 0, column: 'CINclosureDate', child: 'B0002' },
    { code: '8565', severity: 'error' as const, message: 'Activity shown after a case has been closed', table: 'Assessments', row: 3, column: 'AssessmentActualStartDate', child: 'B0002' },
    { code: '8839Q', severity: 'query' as const, message: 'Within one CINdetails group there are 2 or more open S47 Assessments', table: 'Section47', row: null, column: null, child: null },
  ];

  it('prints issues as a table, rows numbered from 1 and columns lined up', () => {
    const lines = issueTable(issues).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Severity\s+Rule\s+Table\s+Row\s+Field\s+Child\s+Message$/);
    expect(lines[2]).toMatch(/^error\s+8565\s+Assessments\s+4\s+AssessmentActualStartDate\s+B0002\s+Activity shown after a case has been closed$/);
    expect(lines[3]).toMatch(/^query\s+8839Q\s+Section47\s+Within one/);
    // Every column of every line starts where its header does.
    const messageAt = lines[0]!.indexOf('Message');
    for (const line of lines.slice(1)) expect(line.slice(messageAt - 2, messageAt)).toBe('  ');
  });

  it('sums the issues up by rule, errors first', () => {
    expect(issueSummaryLines(issues)).toEqual([
      '2 errors and 1 query, by rule:',
      '  8565     error      2  Activity shown after a case has been closed',
      '  8839Q    query      1  Within one CINdetails group there are 2 or more open S47 Assessments',
    ]);
    expect(issueSummaryLines([])).toEqual(['DfE\'s rules found no issues']);
  });

  it('reads a file, or a folder\'s XML and CSV files in name order', async () => {
    const folder = await returnFilesAt(path.join(samples, 'own/ssda903'));
    expect(folder.map((file) => file.name)).toEqual(['episodes.csv', 'expected_d2i_lac2024_25.csv', 'header.csv', 'missing.csv', 'reviews.csv', 'sw_episodes.csv']);
    expect(folder[0]!.mediaType).toBe('text/csv');
    const file = await returnFilesAt(path.join(samples, 'own/cin/cin_2025_tiny.xml'));
    expect(file).toEqual([expect.objectContaining({ name: 'cin_2025_tiny.xml', mediaType: 'application/xml' })]);
    await expect(returnFilesAt(path.join(samples, 'nothing-here'))).rejects.toThrow(/There is no file or folder/);
  });
});

/** `safeguard returns` and `safeguard validate` as an operator runs them: child processes on a database holding a small caseload. */
describe.each(testDatabaseTargets)('safeguard returns and validate on $name', (target) => {
  let dir: string;
  let cliDb: CliDatabase;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-returns-cli-'));
    cliDb = await createCliDatabase(target);
    const file = path.join(dir, 'caseload.ndjson');
    writeFileSync(file, toNdjson(withWorkforce(smallCaseload().lines)));
    const imported = await runCli(['import', file], cliDb.env);
    expect(imported.code, imported.stderr).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await cliDb?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the 2023-24 CIN census, then sums up its issues by rule', async () => {
    const out = path.join(dir, 'cin.xml');
    const run = await runCli(['returns', 'cin', '--year', '2023-24', '--out', out], cliDb.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Wrote the CIN census for 2023-24 \(3 children\) to .*cin\.xml in \d+\.\d s/);
    expect(run.stderr).toMatch(/DfE's rules found no issues|\d+ errors? and \d+ quer(y|ies), by rule:/);
    const xml = readFileSync(out, 'utf8');
    for (const child of ['AMARA1', 'BEN1', 'CARA1']) expect(xml).toContain(child);
  }, 120_000);

  it('writes SSDA903 as CSV files into a folder', async () => {
    const out = path.join(dir, 'ssda903');
    const run = await runCli(['returns', 'ssda903', '--year', '2023-24', '--out', out], cliDb.env);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(out).length).toBeGreaterThan(1);
    for (const name of readdirSync(out)) expect(name).toMatch(/\.csv$/);
  }, 120_000);

  it('refuses a year that is not one, and a bad as-at date, writing nothing', async () => {
    const badYear = await runCli(['returns', 'cin', '--year', '2024', '--out', path.join(dir, 'x.xml')], cliDb.env);
    expect(badYear.code).toBe(1);
    expect(badYear.stderr).toMatch(/Enter a collection year like 2024-25/);
    const badDate = await runCli(['returns', 'annex-a', '--as-at', '2026-02-30', '--out', path.join(dir, 'a.xlsx')], cliDb.env);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toMatch(/--as-at/);
    expect(existsSync(path.join(dir, 'x.xml')) || existsSync(path.join(dir, 'a.xlsx'))).toBe(false);
  }, 60_000);

  it('validates a CIN census with errors: prints them as a table and exits 1', async () => {
    const run = await runCli(['validate', path.join(samples, 'own/cin/cin_2025_tiny.xml')], cliDb.env);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^Severity\s+Rule\s+Table/);
    expect(run.stdout).toMatch(/error\s+8565\s+/);
    expect(run.stderr).toMatch(/CIN census 2024-25: \d+ errors?/);
  }, 60_000);

  it('asks for the year of SSDA903 CSV files, naming the option\'s field', async () => {
    const run = await runCli(['validate', path.join(samples, 'own/ssda903')], cliDb.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Enter the collection year the return is for, like 2024-25: SSDA903 CSV files do not say it/);
  }, 60_000);
});
