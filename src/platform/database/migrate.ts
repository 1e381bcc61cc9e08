/**
 * Applies the plain-SQL schema migrations in `migrations/NNNN_name.sql` (project root).
 *
 * Each file runs as one simple query (so it may hold many statements) inside its own
 * transaction, together with its row in `schema_migration`; a file must therefore not contain
 * its own BEGIN/COMMIT or statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY).
 * SQL must work on both PostgreSQL 15 and PGlite (PostgreSQL 18).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { withTransaction, type Database } from './database.ts';

export const defaultMigrationsDirectory = fileURLToPath(new URL('../../../migrations/', import.meta.url));

/** Arbitrary constant identifying "Safeguard schema migration" among advisory locks. */
const MIGRATION_ADVISORY_LOCK_KEY = 7_305_118_001;

const MIGRATION_FILE_PATTERN = /^(\d+)_[A-Za-z0-9_-]+\.sql$/;

export interface MigrationFile {
  /** File name without `.sql`, e.g. `0003_case_record`; the key stored in schema_migration. */
  version: string;
  fileName: string;
  filePath: string;
}

export interface MigrateOptions {
  /** Folder of NNNN_name.sql files; defaults to the project's `migrations/`. */
  directory?: string;
  onProgress?: (message: string) => void;
}

/** Migration files of `directory` in numeric order; rejects badly named or duplicate-numbered files. */
export async function listMigrationFiles(directory: string = defaultMigrationsDirectory): Promise<MigrationFile[]> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    // git does not keep empty folders, so a checkout may have no migrations/ yet.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && directory === defaultMigrationsDirectory) return [];
    throw error;
  }
  const numbered = names
    .filter((name) => name.endsWith('.sql'))
    .map((fileName) => {
      const match = MIGRATION_FILE_PATTERN.exec(fileName);
      if (!match) throw new Error(`Migration file name ${fileName} in ${directory} does not match NNNN_name.sql`);
      return { number: Number(match[1]), fileName };
    })
    .sort((a, b) => a.number - b.number);

  for (let index = 1; index < numbered.length; index++) {
    if (numbered[index]!.number === numbered[index - 1]!.number) {
      throw new Error(`Migrations ${numbered[index - 1]!.fileName} and ${numbered[index]!.fileName} share the same number`);
    }
  }
  return numbered.map(({ fileName }) => ({
    version: fileName.slice(0, -'.sql'.length),
    fileName,
    filePath: path.join(directory, fileName),
  }));
}

/**
 * A migration that changes what the projections hold says so with this line; the projections of
 * records already in the database are then rebuilt from the log (see record/rebuild.ts).
 */
export const PROJECTIONS_CHANGED_MARKER = '-- safeguard: projections changed';

export async function migrate(db: Database, options: MigrateOptions = {}): Promise<{ applied: string[]; projectionsChanged: boolean }> {
  const files = await listMigrationFiles(options.directory);

  // On a server, several processes (app instances, a CLI) may start at once; the transaction-scoped
  // advisory lock serialises them. PGlite has a single session, so there is nobody to race.
  const lockAgainstOtherMigrators = async (client: pg.PoolClient) => {
    if (db.kind === 'server') await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_ADVISORY_LOCK_KEY]);
  };

  const alreadyApplied = await withTransaction(db.pool, async (client) => {
    await lockAgainstOtherMigrators(client);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migration (
        version text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const result = await client.query<{ version: string }>('SELECT version FROM schema_migration');
    return new Set(result.rows.map((row) => row.version));
  });

  const applied: string[] = [];
  let projectionsChanged = false;
  for (const file of files) {
    if (alreadyApplied.has(file.version)) continue;
    const sql = await readFile(file.filePath, 'utf8');
    options.onProgress?.(`Applying migration ${file.fileName}`);
    const wasApplied = await withTransaction(db.pool, async (client) => {
      await lockAgainstOtherMigrators(client);
      // Another process may have applied it while we waited for the lock.
      const existing = await client.query('SELECT 1 FROM schema_migration WHERE version = $1', [file.version]);
      if (existing.rowCount) return false;
      try {
        await client.query(sql);
      } catch (error) {
        throw migrationError(file, sql, error);
      }
      await client.query('INSERT INTO schema_migration (version) VALUES ($1)', [file.version]);
      return true;
    });
    if (wasApplied) {
      applied.push(file.version);
      projectionsChanged ||= sql.split('\n').some((line) => line.trim() === PROJECTIONS_CHANGED_MARKER);
    }
  }
  return { applied, projectionsChanged };
}

/** Names the file and, when PostgreSQL reports a position, the line within it. */
function migrationError(file: MigrationFile, sql: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const position = Number((error as { position?: string }).position);
  const line = Number.isInteger(position) && position > 0 ? sql.slice(0, position - 1).split('\n').length : undefined;
  const where = line === undefined ? file.fileName : `${file.fileName} line ${line}`;
  return new Error(`Migration ${where} failed: ${message}`, { cause: error });
}
