import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainAwaitingAudit } from '../../src/platform/audit/audit.ts';
import { smallCaseload, toNdjson, withWorkforce } from '../support/event-builders.ts';
import { testDatabaseTargets } from '../support/test-database.ts';
import { createCliDatabase, runCli, type CliDatabase } from './cli-harness.ts';

/** What the audit log says each command did, and as whom. */
interface AuditRow {
  user_id: string;
  role: string;
  agency: string;
  action: string;
  resource: string;
  child_id: string | null;
  detail: Record<string, unknown>;
}

/** Every command that reads or writes records is audited as the operator who ran it, never as the development actor. */
describe.each(testDatabaseTargets)('the command line\'s audit of its operator on $name', (target) => {
  let dir: string;
  let cliDb: CliDatabase;
  const caseload = smallCaseload();
  const children = ['AMARA1', 'BEN1', 'CARA1'];
  const operatorEnv = (env: Record<string, string>) => ({ ...env, SAFEGUARD_OPERATOR: 'ops.jane', SAFEGUARD_DEV_ACTOR: 'development-user:social-worker:childrens-social-care' });
  let rows: AuditRow[] = [];
  let refused: Awaited<ReturnType<typeof runCli>>;
  const osOperator = `os:${os.userInfo().username}`;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-cli-operator-'));
    cliDb = await createCliDatabase(target);
    const file = path.join(dir, 'caseload.ndjson');
    writeFileSync(file, toNdjson(withWorkforce(caseload.lines)));
    const env = operatorEnv(cliDb.env);
    for (const args of [
      ['import', file],
      ['backup', '--out', path.join(dir, 'backup.ndjson.gz')],
      ['retention', 'hold', 'AMARA1', '--reason', 'a subject access request'],
      ['user', 'add', '--username', 'sam.new', '--name', 'Sam New', '--role', 'social-worker'],
      ['projections', 'check'],
      ['audit', 'verify'],
    ]) {
      const run = await runCli(args, { ...env, SAFEGUARD_NEW_PASSWORD: 'three random words here' });
      expect(run.code, run.stderr).toBe(0);
    }
    // Without SAFEGUARD_OPERATOR, the account that runs the command.
    const exported = await runCli(['export', '--out', path.join(dir, 'export.ndjson')], { ...cliDb.env, SAFEGUARD_OPERATOR: '' });
    expect(exported.code, exported.stderr).toBe(0);
    refused = await runCli(['backup', '--out', path.join(dir, 'refused.ndjson.gz'), '--include-accounts'], { ...env, SAFEGUARD_BACKUP_KEY: '' });

    const db = await cliDb.open();
    try {
      await chainAwaitingAudit(db.pool);
      rows = (await db.pool.query<AuditRow>('SELECT user_id, role, agency, action, resource, child_id, detail FROM audit_event ORDER BY audit_id')).rows;
    } finally {
      await db.close();
    }
  }, 300_000); // several command-line runs, each starting node and a database
  afterAll(async () => {
    await cliDb?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('audits an import as the operator, naming the file and its counts, for each child', () => {
    const imported = rows.filter((row) => row.resource === 'child-record:import');
    expect(imported.map((row) => row.child_id).sort()).toEqual(children);
    for (const row of imported) {
      expect(row).toMatchObject({ user_id: 'ops.jane', role: 'operator', agency: 'childrens-social-care', action: 'write' });
      expect(row.detail).toMatchObject({ file: 'caseload.ndjson', events: caseload.lines.length });
    }
  });

  it('audits a backup as the operator, naming its tables and their rows', () => {
    const backups = rows.filter((row) => row.resource === 'database:backup');
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ user_id: 'ops.jane', role: 'operator', action: 'read', detail: { file: 'backup.ndjson.gz', tables: { child_event: caseload.lines.length } } });
  });

  it('refuses to back up accounts and sessions without a key to seal them with, and writes nothing', () => {
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--include-accounts seals accounts and sessions with SAFEGUARD_BACKUP_KEY/);
    expect(existsSync(path.join(dir, 'refused.ndjson.gz'))).toBe(false);
  });

  it('audits an export as the account that ran it when no operator is configured, a row for each child exported, in a file its owner\'s only', () => {
    expect(statSync(path.join(dir, 'export.ndjson')).mode & 0o777).toBe(0o600);
    const exported = rows.filter((row) => row.resource === 'child-record:export');
    expect(exported.map((row) => row.child_id).sort()).toEqual(children);
    for (const row of exported) expect(row).toMatchObject({ user_id: osOperator, role: 'operator' });
  });

  it('audits the account an operator adds, never its password', () => {
    const added = rows.filter((row) => row.resource === 'user-account');
    expect(added).toEqual([expect.objectContaining({ user_id: 'ops.jane', role: 'operator', action: 'write', detail: expect.objectContaining({ username: 'sam.new', role: 'social-worker' }) })]);
    expect(JSON.stringify(added)).not.toContain('three random words');
  });

  it('audits a projections check, which reads every record, and an audit verification, as the operator', () => {
    expect(rows.filter((row) => row.resource === 'child-record:projections-check')).toEqual([expect.objectContaining({ user_id: 'ops.jane', role: 'operator', action: 'read' })]);
    expect(rows.filter((row) => row.resource === 'audit-log:verify')).toEqual([expect.objectContaining({ user_id: 'ops.jane', role: 'operator', action: 'read' })]);
  });

  it('audits a retention hold as the operator, and nothing as the development actor', () => {
    expect(rows.filter((row) => row.resource === 'retention-hold')).toEqual([
      expect.objectContaining({ user_id: 'ops.jane', role: 'operator', child_id: 'AMARA1' }),
    ]);
    expect(rows.filter((row) => row.user_id === 'development-user')).toEqual([]);
  });
});
