import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliDatabase, runCli } from '../../../test/integration/cli-harness.ts';
import { smallCaseload, toNdjson, withWorkforce } from '../../../test/support/event-builders.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { AccountRepository } from '../../access/repo.ts';
import { importInterchangeFile } from '../../interchange/import.ts';
import { timescalesFrom } from '../../timescales/timescales.ts';
import { chainAwaitingAudit } from '../audit/audit.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { loadConfig } from '../../app/config.ts';
import type { Database } from '../database/database.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';

const context = { laCode: '206', actor: { userId: 'admin-1', role: 'administrator', agency: 'childrens-social-care' }, correlationId: randomUUID() };

/** The audit tables, whose rows a backup and a restore add to (each audits itself). */
const auditTables = ['audit_event', 'audit_awaiting_chain', 'audit_chain_head'];
/** Audit rows other than those of backups and restores, so that two databases' logs compare. */
const auditedBefore = `(SELECT * FROM audit_event WHERE resource NOT IN ('database:backup', 'database:restore'))`;

/**
 * Every table's rows, in a canonical order, as text: equal snapshots mean equal databases. The
 * audit log is compared without the rows of backups and restores, which each database has its own of.
 */
async function snapshot(db: Database): Promise<Record<string, string>> {
  await chainAwaitingAudit(db.pool);
  const tables = (await db.pool.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY 1`)).rows
    .filter(({ tablename }) => !auditTables.includes(tablename)).concat([{ tablename: auditedBefore }]);
  const result: Record<string, string> = {};
  for (const { tablename } of tables) {
    const rows = await db.pool.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest, count(*) AS n FROM ${tablename} t`);
    result[tablename] = `${rows.rows[0].n}:${rows.rows[0].digest}`;
  }
  return result;
}

describe.each(testDatabaseTargets)('backup and restore on $name', (target) => {
  let db: Database;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-backup-'));
    db = await target.open();
    const file = path.join(dir, 'caseload.ndjson');
    writeFileSync(file, toNdjson(withWorkforce(smallCaseload().lines)));
    expect((await importInterchangeFile(db, file, context, timescalesFrom(loadConfig({})))).problems).toEqual([]);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores every table exactly, identities and audit chain included, and the restored log carries on', async () => {
    const file = path.join(dir, 'backup.ndjson.gz');
    const summary = await backupDatabase(db, file, { auditAs: context });
    expect(summary.tables.find((t) => t.name === 'child_event')!.rows).toBeGreaterThan(30);

    const restored = await target.open();
    try {
      await restoreDatabase(restored, file, { auditAs: context });
      expect(await snapshot(restored)).toEqual(await snapshot(db));
      expect((await verifyAuditChain(restored.pool, '206')).intact).toBe(true);
      // New rows follow the restored ones.
      const next = await restored.pool.query(`INSERT INTO import_batch (la_code, import_batch_id, file_name, started_at, imported_by, event_count)
        VALUES ('206', gen_random_uuid(), 'x', now(), 'x', 0) RETURNING 1`);
      expect(next.rowCount).toBe(1);
      const maxSequence = Number((await restored.pool.query('SELECT max(sequence) AS m FROM child_event')).rows[0].m);
      const nextSequence = Number((await restored.pool.query(`SELECT nextval(pg_get_serial_sequence('child_event', 'sequence')) AS n`)).rows[0].n);
      expect(nextSequence).toBe(maxSequence + 1);

      // A second restore into a database with rows is refused, and changes nothing.
      const before = await snapshot(restored);
      await expect(restoreDatabase(restored, file, { auditAs: context })).rejects.toThrow(/empty database/);
      expect(await snapshot(restored)).toEqual(before);
    } finally {
      await restored.close();
    }
  });

  it('refuses a file that is not a backup', async () => {
    const other = await target.open();
    try {
      const file = path.join(dir, 'not-a-backup.gz');
      const { gzipSync } = await import('node:zlib');
      writeFileSync(file, gzipSync('{"format":"something-else"}\n'));
      await expect(restoreDatabase(other, file, { auditAs: context })).rejects.toThrow(/not a Safeguard backup/);
    } finally {
      await other.close();
    }
  });
});

describe.each(testDatabaseTargets)('backups of accounts and sessions, and the audit of backups, on $name', (target) => {
  let db: Database;
  let dir: string;
  const passwordHash = '$argon2id$v=19$m=19456,t=2,p=1$not-a-real-salt$not-a-real-hash';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-backup-accounts-'));
    db = await target.open();
    const file = path.join(dir, 'caseload.ndjson');
    writeFileSync(file, toNdjson(withWorkforce(smallCaseload().lines)));
    expect((await importInterchangeFile(db, file, context, timescalesFrom(loadConfig({})))).problems).toEqual([]);
    await new AccountRepository(db, '206').createAccount({
      userId: 'u-backup-1', username: 'sam.backup', displayName: 'Sam Backup', role: 'social-worker', agency: 'childrens-social-care',
      teamId: null, workerId: null, passwordHash, oidcSubject: null,
    });
    await db.pool.query(`INSERT INTO sign_in_attempt (la_code, username, user_id, attempted_at, outcome, remote_address)
      VALUES ('206', 'sam.backup', 'u-backup-1', now(), 'signed-in', '127.0.0.1')`);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const backupText = (file: string) => gunzipSync(readFileSync(file)).toString('utf8');

  it('leaves accounts, sessions, sign-in attempts and sign-ins in progress out by default, audits the backup with its tables and rows, and makes the file its owner\'s only', async () => {
    const file = path.join(dir, 'default.ndjson.gz');
    writeFileSync(file, 'an older file, open to everyone', { mode: 0o666 });
    chmodSync(file, 0o666);
    const summary = await backupDatabase(db, file, { auditAs: context });
    expect(summary.leftOut.sort()).toEqual(['oidc_pending_sign_in', 'sign_in_attempt', 'user_account', 'user_session']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = backupText(file);
    expect(text).not.toContain('sam.backup');
    expect(text).not.toContain(passwordHash);
    await chainAwaitingAudit(db.pool);
    const audited = (await db.pool.query(`SELECT user_id, action, detail FROM audit_event WHERE resource = 'database:backup' ORDER BY audit_id DESC LIMIT 1`)).rows[0];
    const events = Number((await db.pool.query('SELECT count(*) AS n FROM child_event')).rows[0].n);
    expect(audited).toMatchObject({ user_id: 'admin-1', action: 'read', detail: { file: 'default.ndjson.gz', tables: { child_event: events }, leftOut: expect.arrayContaining(['user_account']) } });

    const restored = await target.open();
    try {
      await restoreDatabase(restored, file, { auditAs: context });
      expect((await restored.pool.query('SELECT count(*)::int AS n FROM user_account')).rows[0].n).toBe(0);
      expect((await restored.pool.query('SELECT count(*)::int AS n FROM child_event')).rows[0].n).toBe(events);
      await chainAwaitingAudit(restored.pool);
      const restoreRow = (await restored.pool.query(`SELECT user_id, action FROM audit_event WHERE resource = 'database:restore'`)).rows;
      expect(restoreRow).toEqual([{ user_id: 'admin-1', action: 'write' }]);
      expect((await verifyAuditChain(restored.pool, '206')).intact).toBe(true);
    } finally {
      await restored.close();
    }
  });

  it('includes accounts only sealed with the backup key: refused without one, restored only with it', async () => {
    const file = path.join(dir, 'with-accounts.ndjson.gz');
    await expect(backupDatabase(db, file, { auditAs: context, includeAccounts: true })).rejects.toThrow(/SAFEGUARD_BACKUP_KEY/);
    expect(existsSync(file)).toBe(false);

    const key = randomBytes(32);
    const summary = await backupDatabase(db, file, { auditAs: context, includeAccounts: true, backupKey: key });
    expect(summary.sealed.sort()).toEqual(['oidc_pending_sign_in', 'sign_in_attempt', 'user_account', 'user_session']);
    const text = backupText(file);
    expect(text).not.toContain('sam.backup');
    expect(text).not.toContain('not-a-real-hash');
    expect(text).toMatch(/"table":"user_account","sealed":/);

    const restored = await target.open();
    try {
      await expect(restoreDatabase(restored, file, { auditAs: context })).rejects.toThrow(/SAFEGUARD_BACKUP_KEY/);
      await expect(restoreDatabase(restored, file, { auditAs: context, backupKey: randomBytes(32) })).rejects.toThrow(/do not open with SAFEGUARD_BACKUP_KEY/);
      expect((await restored.pool.query('SELECT count(*)::int AS n FROM child_event')).rows[0].n).toBe(0);
      await restoreDatabase(restored, file, { auditAs: context, backupKey: key });
      const account = (await restored.pool.query(`SELECT username, password_hash FROM user_account`)).rows;
      expect(account).toEqual([{ username: 'sam.backup', password_hash: passwordHash }]);
      expect((await restored.pool.query('SELECT count(*)::int AS n FROM sign_in_attempt')).rows[0].n).toBe(1);
    } finally {
      await restored.close();
    }
  });
});

describe.each(testDatabaseTargets)('safeguard backup and restore on $name', (target) => {
  it('round-trips through the command line', async () => {
    const from = await createCliDatabase(target);
    const to = await createCliDatabase(target);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-backup-cli-'));
    try {
      const caseload = path.join(dir, 'caseload.ndjson');
      writeFileSync(caseload, toNdjson(withWorkforce(smallCaseload().lines)));
      expect((await runCli(['import', caseload], from.env)).code).toBe(0);
      const file = path.join(dir, 'b.ndjson.gz');
      const backup = await runCli(['backup', '--out', file], from.env);
      expect(backup.code, backup.stderr).toBe(0);
      const restore = await runCli(['restore', file], to.env);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stderr).toMatch(/Restored \d+ rows/);
      const verify = await runCli(['audit', 'verify', '--json'], to.env);
      expect(verify.code, verify.stdout).toBe(0);
      const a = await runCli(['export'], from.env);
      const b = await runCli(['export'], to.env);
      expect(b.stdout.split('\n').slice(1)).toEqual(a.stdout.split('\n').slice(1));
    } finally {
      await from.dispose();
      await to.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000); // several command-line runs, each starting node and a database
});
