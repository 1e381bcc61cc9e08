/**
 * Logical backup and restore of a whole Safeguard database, the same on the embedded database and
 * on a PostgreSQL server (and from one to the other).
 *
 * A backup is gzipped NDJSON: a header naming the format, the schema's migrations and the tables,
 * then each table's rows as JSON objects (`{"table": …, "row": {…}}`), all read in one snapshot so
 * the copy is consistent. Restore goes into an empty, migrated database at the same migration,
 * table by table in foreign-key order, keeping identity values (the event log's sequence, the
 * audit chain's ids), so the audit chain still verifies afterwards.
 *
 * Accounts, sessions, sign-in attempts and sign-ins in progress (password hashes, one-time-code
 * secrets, session token hashes) are left out unless asked for, and then each of their rows is
 * sealed with AES-256-GCM under SAFEGUARD_BACKUP_KEY: a backup file travels further than the
 * database, and is no place for what lets someone sign in as a social worker. Every backup and
 * restore is audited, naming its tables and their rows, and the file is its owner's only.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { chmodSync, createReadStream, createWriteStream, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import type { RequestContext } from '../request-context.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction, type Database } from '../database/database.ts';

export const BACKUP_FORMAT = 'safeguard-backup';
/** Version 2 leaves out or seals the account tables; version 1 backups (which hold them in the clear) are still restored. */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS = [1, 2];

/** Tables whose rows let someone sign in or ride a session: left out of a backup, or sealed. */
export const ACCOUNT_TABLES = ['user_account', 'user_session', 'sign_in_attempt', 'oidc_pending_sign_in'] as const;

interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
  /** Tables not in the backup (version 2). */
  leftOut?: string[];
  /** Tables whose rows are sealed with the backup key (version 2). */
  sealed?: string[];
}

export interface BackupSummary {
  tables: { name: string; rows: number }[];
  migrations: number;
  leftOut: string[];
  sealed: string[];
}

export interface BackupOptions {
  /** Who makes the backup: named in its audit row. */
  auditAs: RequestContext;
  /** Include the account tables, each row sealed with `backupKey`. */
  includeAccounts?: boolean;
  /** AES-256-GCM key (32 bytes): SAFEGUARD_BACKUP_KEY. */
  backupKey?: Buffer;
}

export interface RestoreOptions {
  /** Who restores it: named in the audit row the restore adds to the restored chain. */
  auditAs: RequestContext;
  /** Needed when the backup holds sealed account tables. */
  backupKey?: Buffer;
}

const isAccountTable = (table: string): boolean => (ACCOUNT_TABLES as readonly string[]).includes(table);

/** One row sealed: iv, tag and ciphertext (base64, joined by dots); the table's name is authenticated with it. */
function seal(key: Buffer, table: string, row: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(table));
  const ciphertext = Buffer.concat([cipher.update(row, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64')).join('.');
}

function unseal(key: Buffer, table: string, sealed: string): unknown {
  const [iv, tag, ciphertext] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv!);
  decipher.setAAD(Buffer.from(table));
  decipher.setAuthTag(tag!);
  try {
    return JSON.parse(Buffer.concat([decipher.update(ciphertext!), decipher.final()]).toString('utf8'));
  } catch {
    throw new Error(`The backup's ${table} rows do not open with SAFEGUARD_BACKUP_KEY: it is not the key the backup was made with, or the file was changed`);
  }
}

const ROWS_PER_FETCH = 2000;
const ROWS_PER_INSERT = 1000;
/**
 * Tables holding files (bytea: a document's file may be tens of megabytes, twice that as JSON)
 * are read a few rows at a time, and a restore inserts rows in batches of at most this many
 * characters of JSON, so that neither holds more than a few files in memory.
 */
const ROWS_PER_FETCH_OF_FILES = 4;
const CHARACTERS_PER_INSERT = 64 * 1024 * 1024;

/** The tables with a bytea column. */
async function tablesHoldingFiles(client: Pick<pg.PoolClient, 'query'>): Promise<Set<string>> {
  const result = await client.query(`SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'bytea'`);
  return new Set(result.rows.map((r) => r.table_name as string));
}

/** The application's tables, parents before children (so a restore satisfies foreign keys as it goes). */
async function tablesInDependencyOrder(client: Pick<pg.PoolClient, 'query'>): Promise<string[]> {
  const tables = (await client.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migration' ORDER BY c.relname`,
  )).rows.map((r) => r.name as string);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  const references = await client.query(
    `SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  for (const { child, parent } of references.rows) if (child !== parent) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table)) return;
    if (path.has(table)) throw new Error(`Foreign keys form a cycle through ${table}`);
    path.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent, path);
    path.delete(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/**
 * Writes a consistent backup of the whole database to `file` (readable by its owner only), the
 * account tables left out or sealed, and audits it: its tables and their rows.
 */
export async function backupDatabase(db: Database, file: string, options: BackupOptions): Promise<BackupSummary> {
  if (options.includeAccounts && options.backupKey?.length !== 32) {
    throw new Error('--include-accounts seals accounts and sessions with SAFEGUARD_BACKUP_KEY (64 hex digits): set it, or leave them out');
  }
  const gzip = createGzip();
  const output = createWriteStream(file, { mode: 0o600 });
  // An existing file keeps its mode when overwritten: a backup is its owner's only, whatever was there.
  await once(output, 'open');
  chmodSync(file, 0o600);
  gzip.pipe(output);
  const write = async (value: unknown) => {
    if (!gzip.write(JSON.stringify(value) + '\n')) await once(gzip, 'drain');
  };
  const client = await db.pool.connect();
  let summary: BackupSummary;
  try {
    // One snapshot for every table: a backup taken while people work is still consistent.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const allTables = await tablesInDependencyOrder(client);
    const leftOut = options.includeAccounts ? [] : allTables.filter(isAccountTable);
    const sealed = options.includeAccounts ? allTables.filter(isAccountTable) : [];
    const tables = allTables.filter((table) => !leftOut.includes(table));
    const counts: { name: string; rows: number }[] = [];
    for (const table of tables) counts.push({ name: table, rows: Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n) });
    const migrations = (await client.query('SELECT version FROM schema_migration ORDER BY version')).rows.map((r) => r.version as string);
    const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), migrations, tables: counts, leftOut, sealed };
    await write(header);
    const holdingFiles = await tablesHoldingFiles(client);
    for (const table of tables) {
      const rowsPerFetch = holdingFiles.has(table) ? ROWS_PER_FETCH_OF_FILES : ROWS_PER_FETCH;
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${table} t`);
      for (;;) {
        const batch = await client.query(`FETCH ${rowsPerFetch} FROM backup_rows`);
        for (const { row } of batch.rows) {
          const line = sealed.includes(table)
            ? `{"table":${JSON.stringify(table)},"sealed":${JSON.stringify(seal(options.backupKey!, table, row as string))}}\n`
            : `{"table":${JSON.stringify(table)},"row":${row as string}}\n`;
          if (!gzip.write(line)) await once(gzip, 'drain');
        }
        if (batch.rows.length < rowsPerFetch) break;
      }
      await client.query('CLOSE backup_rows');
    }
    await client.query('COMMIT');
    gzip.end();
    await finished(output);
    summary = { tables: counts, migrations: migrations.length, leftOut, sealed };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    gzip.destroy();
    output.destroy();
    rmSync(file, { force: true });
    throw error;
  } finally {
    client.release();
  }
  try {
    await auditBackup(db, options.auditAs, 'read', 'database:backup', file, summary);
  } catch (error) {
    // No backup leaves without its audit row.
    rmSync(file, { force: true });
    throw error;
  }
  return summary;
}

function auditBackup(db: Database, context: RequestContext, action: 'read' | 'write', resource: string, file: string, summary: BackupSummary): Promise<void> {
  return writeAudit(db.pool, {
    laCode: context.laCode, actor: context.actor, correlationId: context.correlationId, action, resource, outcome: 'ok',
    detail: { file: path.basename(file), tables: Object.fromEntries(summary.tables.map((t) => [t.name, t.rows])), leftOut: summary.leftOut, sealed: summary.sealed },
  });
}

/**
 * Restores a backup into `db`, which must be migrated to the backup's migrations and hold no rows.
 * All in one transaction: a restore that fails leaves the database empty.
 */
export async function restoreDatabase(db: Database, file: string, options: RestoreOptions): Promise<BackupSummary> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = (first.done ? undefined : JSON.parse(first.value)) as BackupHeader | undefined;
  if (header?.format !== BACKUP_FORMAT) throw new Error(`${file} is not a Safeguard backup`);
  if (!READABLE_VERSIONS.includes(header.version)) throw new Error(`${file} is a version ${header.version} backup; this Safeguard reads versions ${READABLE_VERSIONS.join(' and ')}`);
  const sealed = header.sealed ?? [];
  if (sealed.length > 0 && options.backupKey?.length !== 32) {
    throw new Error(`${file} holds accounts and sessions sealed with a backup key: set SAFEGUARD_BACKUP_KEY to the key it was made with`);
  }

  const summary = await withTransaction(db.pool, async (client) => {
    const migrations = (await client.query('SELECT version FROM schema_migration ORDER BY version')).rows.map((r) => r.version as string);
    if (migrations.join() !== header.migrations.join()) {
      throw new Error(`The backup's schema (${header.migrations.at(-1) ?? 'none'}) is not this database's (${migrations.at(-1) ?? 'none'}): restore with the Safeguard version that made it`);
    }
    // Opening the empty database recorded the settings its (no) projections were built with; the
    // backup's own record says what its projections were built with, and a start with other
    // settings rebuilds them.
    await client.query('DELETE FROM projection_settings');
    const tables = await tablesInDependencyOrder(client);
    for (const table of tables) {
      const rows = Number((await client.query(`SELECT count(*) AS n FROM (SELECT 1 FROM ${table} LIMIT 1) t`)).rows[0].n);
      if (rows > 0) throw new Error(`Restore needs an empty database, and ${table} has rows`);
    }
    const known = new Set(tables);
    const restored = new Map<string, number>();
    let batch: unknown[] = [];
    let batchCharacters = 0;
    let batchTable: string | undefined;
    const flush = async () => {
      if (batchTable === undefined || batch.length === 0) return;
      // OVERRIDING SYSTEM VALUE keeps identity columns as they were (log sequence, audit ids).
      await client.query(`INSERT INTO ${batchTable} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::${batchTable}, $1::json)`, [JSON.stringify(batch)]);
      restored.set(batchTable, (restored.get(batchTable) ?? 0) + batch.length);
      batch = [];
      batchCharacters = 0;
    };
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (next.value.trim() === '') continue;
      const line = JSON.parse(next.value) as { table: string; row?: unknown; sealed?: string };
      const { table } = line;
      if (!known.has(table)) throw new Error(`The backup has rows for ${table}, which this database does not have`);
      if ((line.sealed !== undefined) !== sealed.includes(table)) throw new Error(`The backup's ${table} rows are not as its header says`);
      const row = line.sealed === undefined ? line.row : unseal(options.backupKey!, table, line.sealed);
      if (table !== batchTable || batch.length >= ROWS_PER_INSERT || batchCharacters + next.value.length > CHARACTERS_PER_INSERT) {
        await flush();
        batchTable = table;
      }
      batch.push(row);
      batchCharacters += next.value.length;
    }
    await flush();
    for (const { name, rows } of header.tables) {
      if ((restored.get(name) ?? 0) !== rows) throw new Error(`The backup is incomplete: ${name} should have ${rows} rows, it has ${restored.get(name) ?? 0}`);
    }
    // Identity columns carry on after the restored values.
    const identities = await client.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'`,
    );
    for (const { table_name: table, column_name: column } of identities.rows) {
      await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${column}) FROM ${table}), 0) + 1, false)`, [table, column]);
    }
    return { tables: header.tables, migrations: header.migrations.length, leftOut: header.leftOut ?? [], sealed };
  });
  await db.pool.query('ANALYZE'); // a restored database is a bulk load: give the planner its statistics
  // On the restored chain: who restored it, from what.
  await auditBackup(db, options.auditAs, 'write', 'database:restore', file, summary);
  return summary;
}
