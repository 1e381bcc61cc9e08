import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliDatabase, runCli, type CliDatabase } from '../../test/integration/cli-harness.ts';
import { smallCaseload, toNdjson, withWorkforce } from '../../test/support/event-builders.ts';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { chromiumPath, isChromiumInstalled } from './pdf.ts';

const chromiumInstalled = await isChromiumInstalled();
if (!chromiumInstalled) console.warn(`PDF from the command line SKIPPED: no Chromium at ${chromiumPath()} (apt-get install chromium)`);

/** `safeguard report annual` as an operator runs it: a child process on a database holding a small caseload. */
describe.each(testDatabaseTargets)('safeguard report annual on $name', (target) => {
  let dir: string;
  let cliDb: CliDatabase;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-report-cli-'));
    cliDb = await createCliDatabase(target);
    const file = path.join(dir, 'caseload.ndjson');
    writeFileSync(file, toNdjson(withWorkforce(smallCaseload().lines)));
    const imported = await runCli(['import', file], cliDb.env);
    expect(imported.code, imported.stderr).toBe(0);
  });

  afterAll(async () => {
    await cliDb?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the report as HTML with --out report.html', async () => {
    const out = path.join(dir, 'report.html');
    const run = await runCli(['report', 'annual', '--from', '2023-04-01', '--to', '2024-03-31', '--out', out], cliDb.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Wrote the annual report for 2023-04-01 to 2024-03-31 \(HTML\) to .*report\.html in \d+\.\d s/);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    // Amara's plan started on 5 February 2024 and was open on 31 March 2024.
    expect(html).toMatch(/Children with a CP plan[^:]*: 1 on 31 March 2024, up from none on 31 March 2023\./);
    expect(html).toContain('Partnership commentary: to be written');
  }, 120_000);

  it('refuses a file it cannot tell the format of, and a bad date, writing nothing', async () => {
    const out = path.join(dir, 'report.docx');
    const run = await runCli(['report', 'annual', '--from', '2023-04-01', '--to', '2024-03-31', '--out', out], cliDb.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/name the file \.html or \.pdf/);
    const badDate = await runCli(['report', 'annual', '--from', '2023-02-30', '--to', '2024-03-31', '--out', path.join(dir, 'x.html')], cliDb.env);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toMatch(/--from/);
    expect(existsSync(out) || existsSync(path.join(dir, 'x.html'))).toBe(false);
  }, 60_000);

  it.skipIf(!chromiumInstalled)('writes the report as PDF with --out report.pdf', async () => {
    const out = path.join(dir, 'report.pdf');
    const run = await runCli(['report', 'annual', '--from', '2023-04-01', '--to', '2024-03-31', '--out', out], cliDb.env);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);
});
