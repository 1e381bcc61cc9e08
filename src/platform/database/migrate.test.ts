import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import type { Database } from './database.ts';
import { listMigrationFiles, migrate, PROJECTIONS_CHANGED_MARKER } from './migrate.ts';

let migrationsDir: string;
beforeEach(async () => {
  migrationsDir = await mkdtemp(path.join(os.tmpdir(), 'safeguard-migrations-test-'));
});
afterEach(() => rm(migrationsDir, { recursive: true, force: true }));

async function writeMigrations(files: Record<string, string>): Promise<void> {
  for (const [fileName, sql] of Object.entries(files)) await writeFile(path.join(migrationsDir, fileName), sql);
}

describe('listMigrationFiles', () => {
  it('orders by number and ignores files that are not .sql', async () => {
    await writeMigrations({ '0010_ten.sql': '', '0002_two.sql': '', 'README.md': '', '0001_one.sql': '' });
    const files = await listMigrationFiles(migrationsDir);
    expect(files.map((file) => file.version)).toEqual(['0001_one', '0002_two', '0010_ten']);
    expect(files[0]!.filePath).toBe(path.join(migrationsDir, '0001_one.sql'));
  });

  it('rejects badly named and duplicate-numbered files', async () => {
    await writeMigrations({ 'create-things.sql': '' });
    await expect(listMigrationFiles(migrationsDir)).rejects.toThrow(/create-things.sql .*NNNN_name.sql/);
    await rm(path.join(migrationsDir, 'create-things.sql'));
    await writeMigrations({ '0003_a.sql': '', '0003_b.sql': '' });
    await expect(listMigrationFiles(migrationsDir)).rejects.toThrow(/0003_a.sql and 0003_b.sql share the same number/);
  });
});

describe.each(testDatabaseTargets)('migrate on $name', (target) => {
  let db: Database;
  beforeEach(async () => {
    db = await target.open();
  });
  afterEach(() => db?.close());

  async function appliedVersions(): Promise<string[]> {
    const result = await db.pool.query<{ version: string }>(`SELECT version FROM schema_migration WHERE version LIKE '%\\_mt\\_%' ORDER BY version`);
    return result.rows.map((row) => row.version);
  }

  it('applies migrations in numeric order, each file as one multi-statement script, once', async () => {
    // Written out of order; each depends on the previous one.
    await writeMigrations({
      '0003_mt_seed.sql': `INSERT INTO mt_widget (name, colour) VALUES ('first', 'red');`,
      '0002_mt_colour.sql': `ALTER TABLE mt_widget ADD COLUMN colour text;\nCOMMENT ON COLUMN mt_widget.colour IS 'added by 0002';`,
      '0001_mt_widget.sql': `CREATE TABLE mt_widget (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);\nCREATE INDEX mt_widget_name ON mt_widget (name);`,
    });
    const progress: string[] = [];
    const first = await migrate(db, { directory: migrationsDir, onProgress: (message) => progress.push(message) });
    expect(first.applied).toEqual(['0001_mt_widget', '0002_mt_colour', '0003_mt_seed']);
    expect(progress).toEqual(['Applying migration 0001_mt_widget.sql', 'Applying migration 0002_mt_colour.sql', 'Applying migration 0003_mt_seed.sql']);
    expect(await appliedVersions()).toEqual(first.applied);
    const recorded = await db.pool.query(`SELECT applied_at FROM schema_migration WHERE version = '0001_mt_widget'`);
    expect(recorded.rows[0].applied_at).toBeInstanceOf(Date);

    const second = await migrate(db, { directory: migrationsDir });
    expect(second.applied).toEqual([]);
    const widgets = await db.pool.query('SELECT name, colour FROM mt_widget');
    expect(widgets.rows).toEqual([{ name: 'first', colour: 'red' }]);

    await writeMigrations({ '0004_mt_more.sql': `INSERT INTO mt_widget (name) VALUES ('second');` });
    expect(await migrate(db, { directory: migrationsDir })).toEqual({ applied: ['0004_mt_more'], projectionsChanged: false });
    // A migration that changes what the projections hold says so, and the caller rebuilds them.
    await writeMigrations({ '0005_mt_projection.sql': `-- adds a column the fold fills\n${PROJECTIONS_CHANGED_MARKER}\nALTER TABLE mt_widget ADD COLUMN size int;` });
    expect(await migrate(db, { directory: migrationsDir })).toEqual({ applied: ['0005_mt_projection'], projectionsChanged: true });
  });

  it('rolls back only the failing migration and names its file and line', async () => {
    await writeMigrations({
      '0001_mt_good.sql': 'CREATE TABLE mt_good (id int);',
      '0002_mt_broken.sql': 'CREATE TABLE mt_half_done (id int);\n\nINSERT INTO mt_no_such_table VALUES (1);',
      '0003_mt_after.sql': 'CREATE TABLE mt_after (id int);',
    });
    const failure = migrate(db, { directory: migrationsDir });
    await expect(failure).rejects.toThrow(/^Migration 0002_mt_broken.sql line 3 failed: relation "mt_no_such_table" does not exist/);

    expect(await appliedVersions()).toEqual(['0001_mt_good']);
    const tables = await db.pool.query(
      `SELECT to_regclass('mt_good') AS good, to_regclass('mt_half_done') AS half_done, to_regclass('mt_after') AS after`,
    );
    expect(tables.rows).toEqual([{ good: 'mt_good', half_done: null, after: null }]);

    // Once fixed, the run carries on where it stopped.
    await writeMigrations({ '0002_mt_broken.sql': 'CREATE TABLE mt_half_done (id int);' });
    expect((await migrate(db, { directory: migrationsDir })).applied).toEqual(['0002_mt_broken', '0003_mt_after']);
  });

  it('applies each migration once when two migrations run at the same time', async () => {
    await writeMigrations({
      '0001_mt_counter.sql': 'CREATE TABLE mt_counter (n int);',
      '0002_mt_bump.sql': 'INSERT INTO mt_counter VALUES (1);',
    });
    const [a, b] = await Promise.all([migrate(db, { directory: migrationsDir }), migrate(db, { directory: migrationsDir })]);
    expect([...a.applied, ...b.applied].sort()).toEqual(['0001_mt_counter', '0002_mt_bump']);
    const rows = await db.pool.query('SELECT count(*) AS n FROM mt_counter');
    expect(rows.rows).toEqual([{ n: 1 }]);
  });

  it('does nothing when there are no migration files', async () => {
    expect(await migrate(db, { directory: migrationsDir })).toEqual({ applied: [], projectionsChanged: false });
  });
});
