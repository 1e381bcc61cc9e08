import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshPgliteDataDir, testDatabaseTargets } from '../../../test/support/test-database.ts';
import { openDatabase, withTransaction, type Database } from './database.ts';
import { EMBEDDED_LOCK_FILE, EMBEDDED_SOCKET_FILE, isProcessAlive } from './embedded-host.mjs';

describe.each(testDatabaseTargets)('database on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
    await db.pool.query('CREATE TABLE database_test_note (id int8 PRIMARY KEY, body text NOT NULL)');
  });
  afterAll(() => db?.close());

  it('runs a simple query', async () => {
    const result = await db.pool.query<{ answer: number }>('SELECT 6 * 7 AS answer');
    expect(result.rows).toEqual([{ answer: 42 }]);
    expect(db.kind).toBe(target.name === 'pglite' ? 'embedded' : 'server');
  });

  it('returns date as a YYYY-MM-DD string, bigint as number and timestamptz as Date', async () => {
    const result = await db.pool.query(
      `SELECT date '2024-02-29' AS due,
              ARRAY[date '2024-01-01', NULL] AS dates,
              count(*) AS how_many,
              9007199254740991::int8 AS largest_safe,
              timestamptz '2024-03-31 01:30:00+00' AS recorded_at
         FROM generate_series(1, 3)`,
    );
    const row = result.rows[0];
    expect(row.due).toBe('2024-02-29');
    expect(row.dates).toEqual(['2024-01-01', null]);
    expect(row.how_many).toBe(3);
    expect(row.largest_safe).toBe(Number.MAX_SAFE_INTEGER);
    expect(row.recorded_at).toEqual(new Date('2024-03-31T01:30:00Z'));
  });

  it('commits a transaction and returns its result', async () => {
    const inserted = await withTransaction(db.pool, async (client) => {
      await client.query(`INSERT INTO database_test_note VALUES (1, 'kept')`);
      return 'done';
    });
    expect(inserted).toBe('done');
    const result = await db.pool.query('SELECT body FROM database_test_note WHERE id = 1');
    expect(result.rows).toEqual([{ body: 'kept' }]);
  });

  it('rolls back a failed transaction, leaving nothing behind, and releases the connection', async () => {
    await expect(
      withTransaction(db.pool, async (client) => {
        await client.query(`INSERT INTO database_test_note VALUES (2, 'discarded')`);
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    await expect(
      withTransaction(db.pool, async (client) => {
        await client.query(`INSERT INTO database_test_note VALUES (3, 'discarded')`);
        await client.query(`INSERT INTO database_test_note VALUES (3, 'duplicate key')`);
      }),
    ).rejects.toThrow(/duplicate key/);

    // A leaked client would make this hang on the embedded database's single connection.
    const result = await db.pool.query('SELECT id FROM database_test_note ORDER BY id');
    expect(result.rows).toEqual([{ id: 1 }]);
    expect(db.pool.idleCount).toBe(db.pool.totalCount);
  });

  it('gives each open() its own empty, migrated database', async () => {
    const other = await target.open();
    try {
      const tables = await other.pool.query(`SELECT to_regclass('database_test_note') AS note, to_regclass('schema_migration') AS migrations`);
      expect(tables.rows).toEqual([{ note: null, migrations: 'schema_migration' }]);
    } finally {
      await other.close();
    }
  });
});

describe('embedded database lifecycle', () => {
  let parentDir: string;
  let dataDir: string;
  beforeAll(async () => {
    parentDir = await mkdtemp(path.join(os.tmpdir(), 'safeguard-database-test-'));
    dataDir = path.join(parentDir, 'nested', 'data');
  });
  afterAll(() => rm(parentDir, { recursive: true, force: true }));

  it('creates the data dir on first open, stops the host on close and keeps data on reopen', async () => {
    const progress: string[] = [];
    const first = await openDatabase({ dataDir, onProgress: (message) => progress.push(message) });
    const hostPid = Number(readFileSync(path.join(dataDir, EMBEDDED_LOCK_FILE), 'utf8'));
    try {
      expect(first.kind).toBe('embedded');
      expect(first.description).toContain(dataDir);
      expect(progress.join('\n')).toMatch(/Creating embedded database/);
      expect(isProcessAlive(hostPid)).toBe(true);
      await first.pool.query('CREATE TABLE lifecycle_note (body text)');
      await first.pool.query(`INSERT INTO lifecycle_note VALUES ('survives a restart')`);
    } finally {
      await first.close();
    }
    expect(isProcessAlive(hostPid)).toBe(false);
    expect(existsSync(path.join(dataDir, EMBEDDED_SOCKET_FILE))).toBe(false);
    expect(existsSync(path.join(dataDir, EMBEDDED_LOCK_FILE))).toBe(false);
    await first.close(); // a second close is harmless

    const reopenProgress: string[] = [];
    const reopened = await openDatabase({ dataDir, onProgress: (message) => reopenProgress.push(message) });
    try {
      const result = await reopened.pool.query('SELECT body FROM lifecycle_note');
      expect(result.rows).toEqual([{ body: 'survives a restart' }]);
      expect(reopenProgress).toEqual([]);
    } finally {
      await reopened.close();
    }
  });

  it('opens a data dir that another host is using through that host, which it leaves undisturbed', async () => {
    const running = await openDatabase({ dataDir });
    try {
      // A command beside a running server: PGlite allows one process on the folder, so the second
      // opener works through the running host's socket instead of failing with "already in use".
      const beside = await openDatabase({ dataDir });
      try {
        expect(beside.description).toMatch(/through the process \d+ that holds it/);
        expect((await beside.pool.query('SELECT count(*)::int AS notes FROM lifecycle_note')).rows).toEqual([{ notes: 1 }]);
      } finally {
        await beside.close();
      }
      // The running host still accepts new connections (forced here by discarding the pool's one connection).
      expect(existsSync(path.join(dataDir, EMBEDDED_SOCKET_FILE))).toBe(true);
      const client = await running.pool.connect();
      client.release(new Error('force a new connection'));
      const result = await running.pool.query('SELECT count(*) AS notes FROM lifecycle_note');
      expect(result.rows).toEqual([{ notes: 1 }]);
    } finally {
      await running.close();
    }
  });

  it('reports a host that is not ready in time, and leaves the data dir usable', async () => {
    await expect(openDatabase({ dataDir, embeddedStartupTimeoutMs: 1 })).rejects.toThrow(/was not ready within/);
    expect(existsSync(path.join(dataDir, EMBEDDED_LOCK_FILE))).toBe(false);
    const db = await openDatabase({ dataDir });
    await db.close();
  });

  it('refuses to create a database in a non-empty directory that is not one', async () => {
    await expect(openDatabase({ dataDir: parentDir })).rejects.toThrow(/is not empty and is not a Safeguard database/);
  });

  it('recovers the session after a reconnect (PGlite keeps prepared statements across sockets)', async () => {
    const db = await openDatabase({ dataDir });
    try {
      const namedQuery = { name: 'lifecycle_count', text: 'SELECT count(*) AS notes FROM lifecycle_note' };
      await db.pool.query(namedQuery);
      const client = await db.pool.connect();
      client.release(new Error('discard this connection to force a reconnect'));
      const result = await db.pool.query(namedQuery);
      expect(result.rows).toEqual([{ notes: 1 }]);
    } finally {
      await db.close();
    }
  });
});

/** The data folder and everything in it, with the permission bits other users have (0 when none). */
function permissionsOfOthers(dataDir: string): { path: string; kind: 'folder' | 'file'; groupAndOthers: number }[] {
  const entries = readdirSync(dataDir, { withFileTypes: true, recursive: true }).filter((entry) => !entry.isSymbolicLink() && !entry.isSocket());
  return [{ path: dataDir, kind: 'folder' as const }, ...entries.map((entry) => ({
    path: path.join(entry.parentPath, entry.name), kind: entry.isDirectory() ? 'folder' as const : 'file' as const,
  }))].map((entry) => ({ ...entry, groupAndOthers: lstatSync(entry.path).mode & 0o077 }));
}

describe('embedded database files are readable by their owner only', () => {
  it('creates a new data folder 0700 and its files 0600, the write-ahead log included', async () => {
    const parentDir = await mkdtemp(path.join(os.tmpdir(), 'safeguard-permissions-fresh-'));
    const dataDir = path.join(parentDir, 'data');
    try {
      const db = await openDatabase({ dataDir });
      try {
        await db.pool.query('CREATE TABLE permissions_note (body text)');
        await db.pool.query(`INSERT INTO permissions_note VALUES ('a child''s name')`);
        const open = permissionsOfOthers(dataDir);
        expect(open.filter((entry) => entry.path.includes(`${path.sep}pg_wal${path.sep}`)).length).toBeGreaterThan(0);
        expect(open.filter((entry) => entry.groupAndOthers !== 0)).toEqual([]);
      } finally {
        await db.close();
      }
      expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
      expect(permissionsOfOthers(dataDir).filter((entry) => entry.groupAndOthers !== 0)).toEqual([]);
    } finally {
      await rm(parentDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('tightens a data folder whose files were left 0666 and folders 0755, and says how many it fixed', async () => {
    const { dataDir, dispose } = await createFreshPgliteDataDir('safeguard-permissions-loose-');
    try {
      const loosened = permissionsOfOthers(dataDir);
      for (const entry of loosened) chmodSync(entry.path, entry.kind === 'folder' ? 0o755 : 0o666);
      const progress: string[] = [];
      const db = await openDatabase({ dataDir, onProgress: (message) => progress.push(message) });
      try {
        expect(progress).toEqual([`Made ${loosened.length} files and folders of ${dataDir} readable by their owner only (they were open to other users)`]);
        expect(permissionsOfOthers(dataDir).filter((entry) => entry.groupAndOthers !== 0)).toEqual([]);
      } finally {
        await db.close();
      }
      const reopenProgress: string[] = [];
      const reopened = await openDatabase({ dataDir, onProgress: (message) => reopenProgress.push(message) });
      await reopened.close();
      expect(reopenProgress).toEqual([]);
    } finally {
      await dispose();
    }
  }, 120_000);
});

describe.skipIf(!process.env.DATABASE_URL)('server database', () => {
  it('reports a connection failure clearly', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = '/safeguard_no_such_database';
    await expect(openDatabase({ databaseUrl: url.toString(), dataDir: os.tmpdir() })).rejects.toThrow(
      /Could not connect to PostgreSQL server .*safeguard_no_such_database/,
    );
  });

  it('gives the application\'s connections no parallel workers and no JIT compilation (their queries are small)', async () => {
    const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, dataDir: os.tmpdir() });
    try {
      const settings = await db.pool.query(`SELECT current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS workers`);
      expect(settings.rows[0]).toEqual({ jit: 'off', workers: '0' });
    } finally {
      await db.close();
    }
  });
});
