import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliDatabase, runCli } from '../../../test/integration/cli-harness.ts';
import { smallCaseload, toNdjson, withWorkforce } from '../../../test/support/event-builders.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { importInterchangeFile } from '../../interchange/import.ts';
import { timescalesFrom } from '../../timescales/timescales.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../database/database.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';

const context = { laCode: '206', actor: { userId: 'admin-1', role: 'administrator', agency: 'childrens-social-care' }, correlationId: randomUUID() };

/** Every table's rows, in a canonical order, as text: equal snapshots mean equal databases. */
async function snapshot(db: Database): Promise<Record<string, string>> {
  const tables = (await db.pool.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY 1`)).rows;
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
    const summary = await backupDatabase(db, file);
    expect(summary.tables.find((t) => t.name === 'child_event')!.rows).toBeGreaterThan(30);

    const restored = await target.open();
    try {
      await restoreDatabase(restored, file);
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
      await expect(restoreDatabase(restored, file)).rejects.toThrow(/empty database/);
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
      await expect(restoreDatabase(other, file)).rejects.toThrow(/not a Safeguard backup/);
    } finally {
      await other.close();
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
