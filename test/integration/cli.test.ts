import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.ts';
import { createApp } from '../../src/app/server.ts';
import { createServices } from '../../src/app/services.ts';
import { ChildEvent } from '../../src/record/events.ts';
import { contact, initialConference, referral, registered, smallCaseload, toNdjson, withField, withoutField, withWorkforce, workforceOf } from '../support/event-builders.ts';
import { testDatabaseTargets } from '../support/test-database.ts';
import { createCliDatabase, runCli, startCli, type CliDatabase } from './cli-harness.ts';

/** The `safeguard` command as an operator runs it: a child process, its output and exit code. */
describe.each(testDatabaseTargets)('the safeguard CLI on $name', (target) => {
  let dir: string;
  let cliDb: CliDatabase;
  const caseload = smallCaseload();
  const asAt = '2024-03-31';
  let dueFromCli: { asAt: string; summary: unknown; duties: Record<string, unknown>[] } | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-cli-'));
    cliDb = await createCliDatabase(target);
    const file = path.join(dir, 'caseload.ndjson');
    writeFileSync(file, toNdjson(withWorkforce(caseload.lines)));
    const imported = await runCli(['import', file], cliDb.env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain(`Imported ${caseload.lines.length} events for 3 children`);
  });
  afterAll(async () => {
    await cliDb?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the due list as JSON', async () => {
    const due = await runCli(['due', '--as-at', asAt, '--json'], cliDb.env);
    expect(due.code, due.stderr).toBe(0);
    dueFromCli = JSON.parse(due.stdout);
    expect(dueFromCli).toMatchObject({ asAt, summary: { open: dueFromCli!.duties.length } });
    expect(dueFromCli!.duties.length).toBeGreaterThan(0);
    // Ben's and Cara's duties were all met by 31 March; Amara, on a plan, has an overdue assessment and visit.
    expect(dueFromCli!.duties.map((d) => [d.childId, d.ruleId, d.state]).sort()).toEqual([
      ['AMARA1', 'assessment-within-45-working-days-of-referral', 'overdue'],
      ['AMARA1', 'child-protection-visit', 'overdue'],
      ['AMARA1', 'review-conference-within-3-months-then-every-6-months', 'open'],
    ]);
    expect(dueFromCli!.duties.every((d) => d.childName === 'Amara Okafor' && d.workerId === 'w-sw-1')).toBe(true);
  });

  it('exports NDJSON headed by the format line, then the teams and workers, then one valid event per line', async () => {
    const exported = await runCli(['export'], cliDb.env);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain(`Exported ${caseload.lines.length} events for 3 children`);
    const lines = exported.stdout.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'safeguard-child-events', version: 1, laCodes: ['206'] });
    const workforce = workforceOf(caseload.lines);
    expect(lines).toHaveLength(1 + workforce.length + caseload.lines.length);
    expect(lines.slice(1, 1 + workforce.length).map((text) => JSON.parse(text).record).sort()).toEqual(workforce.map((line) => line.record).sort());
    const events = lines.slice(1 + workforce.length).map((text) => ChildEvent.parse(JSON.parse(text)));
    expect(events.map((e) => e.eventId)).toEqual(caseload.lines.map((l) => l.eventId));
  });

  it('refuses a bad file with a non-zero exit and one "line N: field: message" per problem', async () => {
    const bad = path.join(dir, 'bad.ndjson');
    writeFileSync(bad, toNdjson([
      registered('EMMA1', { at: '2024-03-01' }),
      '{"type": "child.registered",',
      withField(contact('EMMA1', '2024-03-02T09:00:00Z'), 'data.source', 'ZZ'),
      referral('EMMA1', '2024-02-30'),
      withoutField(registered('FINN1'), 'data.surname'),
    ]));
    const result = await runCli(['import', bad], cliDb.env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Nothing was imported: 4 problem(s) in bad.ndjson');
    const reported = [...result.stderr.matchAll(/^\s*line (\d+): (\S+): (.+)$/gm)].map((m) => ({ line: Number(m[1]), field: m[2], message: m[3] }));
    expect(reported).toEqual([
      { line: 2, field: '(line)', message: 'The line is not valid JSON: check its quotes, commas and brackets' },
      { line: 3, field: 'data.source', message: 'Select the referral source from the list' },
      { line: 4, field: 'occurredAt', message: expect.any(String) },
      { line: 5, field: 'data.surname', message: expect.any(String) },
    ]);

    // A file that only the transition rules refuse is reported the same way.
    const rules = path.join(dir, 'rules.ndjson');
    writeFileSync(rules, toNdjson([registered('EMMA1', { at: '2024-03-01' }), initialConference('EMMA1', '2024-03-05')]));
    const refused = await runCli(['import', rules], cliDb.env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/^\s*line 2: type: Child EMMA1: You cannot record an initial child protection conference on 5 March 2024: first record a section 47 enquiry/m);
  });

  it('wrote only the good import, and its due list is the API\'s', async () => {
    await cliDb.waitUntilReleased();
    const db = await cliDb.open();
    const app = createApp(createServices(loadConfig({ SAFEGUARD_LA_CODE: '206' }), db));
    try {
      expect(Number((await db.pool.query('SELECT count(*) AS n FROM child_event')).rows[0].n)).toBe(caseload.lines.length);
      const api = await app.inject({ method: 'GET', url: `/api/v1/duties?asAt=${asAt}` });
      expect(api.statusCode).toBe(200);
      expect(dueFromCli, 'the due test ran first').toBeDefined();
      expect(dueFromCli).toEqual(api.json());
    } finally {
      await app.close();
      await db.close();
    }
  });

  // Only an embedded database is held by one process.
  it.runIf(target.name === 'pglite')('answers the due list from the running server while safeguard serve holds the embedded database', async () => {
    await cliDb.waitUntilReleased();
    const server = startCli(['serve'], { ...cliDb.env, PORT: '0', SAFEGUARD_SEED: 'none' });
    try {
      for (let waited = 0; !/running at/.test(server.stderr()); waited += 100) {
        if (waited > 60_000) throw new Error(`serve did not start: ${server.stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const due = await runCli(['due', '--as-at', asAt, '--json'], cliDb.env);
      expect(due.code, due.stderr).toBe(0);
      expect(JSON.parse(due.stdout)).toEqual(dueFromCli);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
