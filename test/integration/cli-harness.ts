/**
 * Runs the `safeguard` CLI as a child process against a fresh database of a test target.
 *
 * test/support/test-database.ts hands out open Database objects but not where they live (the
 * PGlite data dir or the server database's URL), so this makes its own: for PGlite, a copy of
 * the migrated template data dir that test-database.ts builds in os.tmpdir(); for a server, a new
 * database created next to DATABASE_URL's (the CLI migrates it on first use).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants, existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/database/database.ts';
import { EMBEDDED_LOCK_FILE, EMBEDDED_RUNTIME_FILES } from '../../src/platform/database/embedded-host.ts';
import { listMigrationFiles, migrate } from '../../src/platform/database/migrate.ts';
import type { TestDatabaseTarget } from '../support/test-database.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const cliEntry = path.join(projectRoot, 'bin', 'safeguard.mjs');

export interface CliDatabase {
  /** Environment that points the CLI at this database. */
  env: Record<string, string>;
  /** Opens it in this process (for PGlite only while no CLI process has it open). */
  open(): Promise<Database>;
  /** For PGlite: waits until no host process holds the data dir. */
  waitUntilReleased(timeoutMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

export async function createCliDatabase(target: TestDatabaseTarget): Promise<CliDatabase> {
  return target.name === 'pglite' ? createPgliteCliDatabase(target) : createServerCliDatabase(process.env.DATABASE_URL!);
}

// ---------------------------------------------------------------------------------------------
// PGlite

/** The template directory name test-database.ts uses (same key: PGlite version and migrations). */
async function pgliteTemplateDir(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const version = (JSON.parse(readFileSync(path.resolve(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
  const hash = createHash('sha256').update(`pglite ${version}\n`);
  for (const file of await listMigrationFiles()) hash.update(`${file.fileName}\n`).update(await readFile(file.filePath)).update('\n');
  return path.join(os.tmpdir(), `safeguard-pglite-template-${hash.digest('hex').slice(0, 16)}`);
}

async function copyDataDir(source: string, destination: string): Promise<void> {
  const entries = (await readdir(source, { withFileTypes: true, recursive: true })).filter((e) => !EMBEDDED_RUNTIME_FILES.includes(e.name));
  const relative = (e: (typeof entries)[number]) => path.relative(source, path.join(e.parentPath, e.name));
  for (const directory of entries.filter((e) => e.isDirectory()).map(relative).sort()) await mkdir(path.join(destination, directory), { recursive: true });
  const files = entries.filter((e) => e.isFile()).map(relative);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      await copyFile(path.join(source, file), path.join(destination, file), fsConstants.COPYFILE_FICLONE);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function createPgliteCliDatabase(target: TestDatabaseTarget): Promise<CliDatabase> {
  // Opening (and closing) a test database makes sure the shared template exists.
  await (await target.open()).close();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'safeguard-cli-pglite-'));
  const template = await pgliteTemplateDir();
  if (existsSync(path.join(template, 'PG_VERSION'))) {
    await copyDataDir(template, dataDir);
  } else {
    // test-database.ts changed how it names its template: build the database here instead (slow: initdb).
    console.warn(`cli-harness: no PGlite template at ${template}; creating a database from scratch (slow)`);
    const db = await openDatabase({ dataDir });
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
  }
  const lockFile = path.join(dataDir, EMBEDDED_LOCK_FILE);
  const waitUntilReleased = async (timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pid = existsSync(lockFile) ? Number.parseInt(readFileSync(lockFile, 'utf8'), 10) : NaN;
      if (!Number.isInteger(pid) || !isAlive(pid)) return;
      if (Date.now() > deadline) throw new Error(`The embedded host ${pid} still holds ${dataDir} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return {
    env: { SAFEGUARD_DATA_DIR: dataDir, DATABASE_URL: '' },
    open: () => openDatabase({ dataDir }),
    waitUntilReleased,
    dispose: async () => {
      await waitUntilReleased().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL server

async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createServerCliDatabase(serverUrl: string): Promise<CliDatabase> {
  const databaseName = `safeguard_cli_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${databaseName}`));
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const databaseUrl = url.toString();
  return {
    env: { DATABASE_URL: databaseUrl },
    open: async () => {
      const db = await openDatabase({ databaseUrl, dataDir: os.tmpdir() });
      await migrate(db);
      return db;
    },
    waitUntilReleased: async () => {},
    dispose: () => withAdminClient(serverUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Running the CLI

export interface CliRun {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  stdout(): string;
  /** Resolves when the process exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function startCli(args: string[], env: Record<string, string>): CliRun {
  const child = spawn(process.execPath, [cliEntry, ...args], {
    cwd: projectRoot,
    env: { ...process.env, SAFEGUARD_LA_CODE: '206', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, stderr: () => stderr, stdout: () => stdout, exited };
}

export const runCli = (args: string[], env: Record<string, string>) => startCli(args, env).exited;
