/**
 * Runs the `safeguard` CLI as a child process against a fresh database of a test target.
 *
 * The databases come from test/support/test-database.ts: for PGlite a copy of its migrated template
 * data dir, for a server a new database next to DATABASE_URL's (the CLI migrates it on first use).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/database/database.ts';
import { EMBEDDED_LOCK_FILE, isProcessAlive } from '../../src/platform/database/embedded-host.mjs';
import { migrate } from '../../src/platform/database/migrate.ts';
import { createFreshPgliteDataDir, createFreshServerDatabase, type TestDatabaseTarget } from '../support/test-database.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const cliEntry = path.join(projectRoot, 'bin', 'safeguard.mjs');

export interface CliDatabase {
  /** Environment that points the CLI at this database. */
  env: Record<string, string>;
  /** Opens it in this process (for PGlite only while no CLI process has it open). */
  open(): Promise<Database>;
  /**
   * Waits until no process killed or stopped holds the database: for PGlite, the host process of
   * the data dir; for a server, the sessions of the killed processes, whose statements may still be
   * running (and committing) until the server notices that their client has gone.
   */
  waitUntilReleased(timeoutMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

export async function createCliDatabase(target: TestDatabaseTarget): Promise<CliDatabase> {
  return target.name === 'pglite' ? createPgliteCliDatabase() : createServerCliDatabase(process.env.DATABASE_URL!);
}

// ---------------------------------------------------------------------------------------------
// PGlite

async function createPgliteCliDatabase(): Promise<CliDatabase> {
  const { dataDir, dispose: removeDataDir } = await createFreshPgliteDataDir('safeguard-cli-pglite-');
  const lockFile = path.join(dataDir, EMBEDDED_LOCK_FILE);
  const waitUntilReleased = async (timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pid = existsSync(lockFile) ? Number.parseInt(readFileSync(lockFile, 'utf8'), 10) : NaN;
      if (!Number.isInteger(pid) || !isProcessAlive(pid)) return;
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
      await removeDataDir();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL server

async function createServerCliDatabase(serverUrl: string): Promise<CliDatabase> {
  const { databaseUrl, drop } = await createFreshServerDatabase(serverUrl, 'safeguard_cli_test_');
  return {
    env: { DATABASE_URL: databaseUrl },
    open: async () => {
      const db = await openDatabase({ databaseUrl, dataDir: os.tmpdir() });
      await migrate(db);
      return db;
    },
    waitUntilReleased: async (timeoutMs = 30_000) => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        for (const deadline = Date.now() + timeoutMs; ;) {
          const others = await client.query(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
          );
          if (Number(others.rows[0].n) === 0) return;
          if (Date.now() > deadline) throw new Error(`Other sessions still hold ${databaseUrl} after ${timeoutMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      } finally {
        await client.end();
      }
    },
    dispose: drop,
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
