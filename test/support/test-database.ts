/**
 * Fresh, fully migrated, empty databases for integration tests.
 *
 *   describe.each(testDatabaseTargets)('… on $name', (target) => {
 *     let db: Database;
 *     beforeAll(async () => { db = await target.open(); });
 *     afterAll(() => db.close());   // also disposes of the database
 *   });
 *
 * pglite is always a target; postgresql is added when DATABASE_URL is set
 * (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres).
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants, existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/database/database.ts';
import { EMBEDDED_RUNTIME_FILES } from '../../src/platform/database/embedded-host.mjs';
import { listMigrationFiles, migrate } from '../../src/platform/database/migrate.ts';

export interface TestDatabaseTarget {
  name: 'pglite' | 'postgresql';
  /** A fresh, fully migrated, empty database; its close() also deletes it. */
  open(): Promise<Database>;
}

const pgliteTarget: TestDatabaseTarget = { name: 'pglite', open: openFreshPgliteDatabase };

export const testDatabaseTargets: TestDatabaseTarget[] = process.env.DATABASE_URL
  ? [pgliteTarget, { name: 'postgresql', open: () => openFreshServerDatabase(process.env.DATABASE_URL!) }]
  : [pgliteTarget];

/** Replaces close() so that it also disposes of the database; safe to call twice. */
function withDisposal(db: Database, dispose: () => Promise<void>): Database {
  let closing: Promise<void> | undefined;
  return {
    ...db,
    close: () =>
      (closing ??= (async () => {
        try {
          await db.close();
        } finally {
          await dispose();
        }
      })()),
  };
}

// ---------------------------------------------------------------------------------------------
// pglite: copy a migrated template data dir (initdb takes 5–17 s; a copy plus reopen about 1 s).

let templateDataDir: Promise<string> | undefined;

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const packageJsonPath = path.resolve(path.dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version: string }).version;
}

/** Changes whenever a migration or the PGlite version changes, so a stale template is never reused. */
async function templateKey(): Promise<string> {
  const hash = createHash('sha256').update(`pglite ${pgliteVersion()}\n`);
  for (const file of await listMigrationFiles()) {
    hash.update(`${file.fileName}\n`).update(await readFile(file.filePath)).update('\n');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * One migrated template per migrations checksum, shared by all test processes through os.tmpdir().
 * It is built in a private directory and renamed into place, so concurrent vitest workers never see
 * a half-built template: the first rename wins and the others discard their copy.
 */
async function buildOrReuseTemplate(): Promise<string> {
  const templateDir = path.join(os.tmpdir(), `safeguard-pglite-template-${await templateKey()}`);
  if (existsSync(path.join(templateDir, 'PG_VERSION'))) return templateDir;

  const buildDir = await mkdtemp(`${templateDir}.building-`);
  try {
    const db = await openDatabase({ dataDir: buildDir });
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
    await rename(buildDir, templateDir);
  } catch (error) {
    await rm(buildDir, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const anotherWorkerWon = (code === 'ENOTEMPTY' || code === 'EEXIST') && existsSync(path.join(templateDir, 'PG_VERSION'));
    if (!anotherWorkerWon) throw error;
  }
  return templateDir;
}

/**
 * Copies a data dir (~1,000 files, ~40 MB), skipping a host's runtime files. Parallel copyFile
 * takes about half as long as fs.cp, which copies one file at a time; FICLONE makes it a
 * near-instant reflink on filesystems that support it (btrfs, XFS, APFS).
 */
async function copyDataDir(source: string, destination: string): Promise<void> {
  const entries = (await readdir(source, { withFileTypes: true, recursive: true })).filter(
    (entry) => !EMBEDDED_RUNTIME_FILES.includes(entry.name),
  );
  const relative = (entry: (typeof entries)[number]) => path.relative(source, path.join(entry.parentPath, entry.name));
  const directories = entries.filter((entry) => entry.isDirectory()).map(relative).sort();
  for (const directory of directories) await mkdir(path.join(destination, directory), { recursive: true });

  const files = entries.filter((entry) => entry.isFile()).map(relative);
  let next = 0;
  const copyNext = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      await copyFile(path.join(source, file), path.join(destination, file), fsConstants.COPYFILE_FICLONE);
    }
  };
  await Promise.all(Array.from({ length: 16 }, copyNext));
}

/** A fresh, migrated PGlite data dir (a copy of the template), not opened: for tests that run the CLI on it. */
export async function createFreshPgliteDataDir(prefix = 'safeguard-test-pglite-'): Promise<{ dataDir: string; dispose: () => Promise<void> }> {
  templateDataDir ??= buildOrReuseTemplate();
  const template = await templateDataDir;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const dispose = () => rm(dataDir, { recursive: true, force: true });
  try {
    await copyDataDir(template, dataDir);
    return { dataDir, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

async function openFreshPgliteDatabase(): Promise<Database> {
  const { dataDir, dispose } = await createFreshPgliteDataDir();
  try {
    return withDisposal(await openDatabase({ dataDir }), dispose);
  } catch (error) {
    await dispose();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// postgresql: a new database per open(), dropped on close.

export async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the server next to serverUrl's (not migrated); drop() removes it. */
export async function createFreshServerDatabase(serverUrl: string, prefix = 'safeguard_test_'): Promise<{ databaseUrl: string; drop: () => Promise<void> }> {
  const databaseName = `${prefix}${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${databaseName}`));
  const drop = () =>
    withAdminClient(serverUrl, async (client) => {
      // FORCE (PostgreSQL 13+) ends connections a failed test may have left behind.
      await client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    });
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${databaseName}`;
  return { databaseUrl: databaseUrl.toString(), drop };
}

async function openFreshServerDatabase(serverUrl: string): Promise<Database> {
  const { databaseUrl, drop } = await createFreshServerDatabase(serverUrl);
  let db: Database | undefined;
  try {
    db = await openDatabase({ databaseUrl, dataDir: os.tmpdir() });
    await migrate(db);
    return withDisposal(db, drop);
  } catch (error) {
    await db?.close().catch(() => undefined);
    await drop();
    throw error;
  }
}
