/**
 * Opens Safeguard's database: either a PostgreSQL server (databaseUrl) or the embedded
 * PGlite database hosted in a child process (see embedded-host.mjs), both behind a pg.Pool.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chainAwaitingAudit, startChaining, takeAwaitingCouncils } from '../audit/audit.ts';
import { sqlLiteral } from './sql-literal.ts';
import type { EmbeddedConnectionInfo, HostToParentMessage, ParentToHostMessage } from './embedded-host.mjs';
import { namePreparedStatementsApart } from './prepared.ts';

export type DatabaseKind = 'embedded' | 'server';

export interface Database {
  kind: DatabaseKind;
  pool: pg.Pool;
  /** Ends the pool; for the embedded database also stops the host process and waits for it to exit. */
  close(): Promise<void>;
  /** Human-readable, password-free description, e.g. for logs and `safeguard status`. */
  description: string;
}

export interface OpenDatabaseOptions {
  /** postgres://… of a PostgreSQL server; when absent the embedded database in dataDir is used. */
  databaseUrl?: string;
  /** Directory of the embedded database (created if missing). Ignored when databaseUrl is set. */
  dataDir: string;
  onProgress?: (message: string) => void;
  /** How long to wait for the embedded host to be ready (default 120 s; first creation runs initdb). */
  embeddedStartupTimeoutMs?: number;
}

const OID = { int8: 20, date: 1082, int8Array: 1016, dateArray: 1182, textArray: 1009 } as const;
const SERVER_POOL_SIZE = 10;
const DEFAULT_EMBEDDED_STARTUP_TIMEOUT_MS = 120_000;
const EMBEDDED_SHUTDOWN_TIMEOUT_MS = 30_000;

/**
 * Per-pool type parsing (not pg's global registry, so other pg users are unaffected):
 * - date → 'YYYY-MM-DD' string: a calendar date has no time zone, and a JS Date would shift it.
 * - bigint → number: counts and identity keys stay far below 2^53 in this domain.
 * timestamptz keeps pg's default (a JS Date, an absolute instant).
 */
function createTypeParsers(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  // pg-types' TypeId enum lacks array OIDs, hence the cast.
  const getBuiltinParser = pg.types.getTypeParser as (oid: number) => (value: string) => unknown;
  const parseTextArray = getBuiltinParser(OID.textArray) as (value: string) => Array<string | null>;
  types.setTypeParser(OID.date, (value: string) => value);
  types.setTypeParser(OID.dateArray, (value: string) => parseTextArray(value));
  types.setTypeParser(OID.int8, (value: string) => Number(value));
  types.setTypeParser(OID.int8Array, (value: string) =>
    parseTextArray(value).map((element) => (element === null ? null : Number(element))),
  );
  return types;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openServerDatabase(options.databaseUrl) : openEmbeddedDatabase(options);
}

export interface TransactionOptions {
  /**
   * Takes this transaction-level advisory lock (on the text's hash) in the same round trip as
   * BEGIN: the work's first statement then reads what every earlier holder committed.
   */
  advisoryLock?: string;
  /**
   * Statements (their values inlined: see inlineParameters) sent in the same round trip as BEGIN
   * and the lock; the work is given their results. Made when the transaction's turn comes (see
   * withTransaction), so they can use what the transactions before it left.
   */
  opening?: (client: pg.PoolClient) => Opening;
}

/**
 * What a transaction sends with BEGIN: statements whose results the work reads before it writes,
 * or all of the transaction's statements, sent with COMMIT too, so that the whole transaction is
 * one round trip (should one fail, the rest are not run and the transaction rolls back).
 */
export type Opening = { read: string } | { writeAndCommit: string };

/** The results of the opening's statements (BEGIN's, the lock's and COMMIT's left out). */
export interface Opened {
  results: pg.QueryResult[];
}

/** Clients whose transaction the work committed itself, with its last statements (commitWith). */
const committedByWork = new WeakSet<pg.PoolClient>();

/**
 * Runs the last statements of a transaction and COMMIT in one round trip. Should any statement
 * fail, the ones after it, COMMIT included, are not run, and withTransaction rolls back.
 */
export async function commitWith(client: pg.PoolClient, statements: string): Promise<void> {
  await client.query(`${statements};\nCOMMIT`);
  committedByWork.add(client);
}

/**
 * A parameterised statement with its values written in as literals, for statements sent several
 * in one round trip (which take no parameters). Values are text, numbers or null.
 */
export function inlineParameters(text: string, values: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = values[Number(n) - 1];
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string') return sqlLiteral(value);
    throw new Error(`Parameter $${n} cannot be inlined: ${typeof value}`);
  });
}

/** On close, audit rows still awaiting the chain join it, so a clean stop leaves none waiting. */
const finishChaining = (pool: pg.Pool): Promise<void> => chainAwaitingAudit(pool).catch(() => undefined);

/**
 * BEGIN … COMMIT around `work`, ROLLBACK if it throws; the client is always released. Audit rows
 * the work stored with its writes are asked onto the audit chain once it has committed.
 */
export async function withTransaction<T>(pool: pg.Pool, work: TransactionWork<T>, options: TransactionOptions = {}): Promise<T> {
  // Transactions of this process that would wait for each other's lock wait here instead, in
  // turn, before taking a connection: waiting inside the database would hold pool connections
  // that everyone else's requests need. The lock in the database still orders other processes.
  if (options.advisoryLock !== undefined) return inTurn(pool, options.advisoryLock, () => runTransaction(pool, work, options));
  return runTransaction(pool, work, options);
}

/** Per pool, the last in each lock's queue of this process's transactions. */
const lockQueues = new WeakMap<pg.Pool, Map<string, Promise<void>>>();

async function inTurn<T>(pool: pg.Pool, lock: string, run: () => Promise<T>): Promise<T> {
  let queues = lockQueues.get(pool);
  if (!queues) lockQueues.set(pool, (queues = new Map()));
  const before = queues.get(lock) ?? Promise.resolve();
  let finished!: () => void;
  const last = before.then(() => new Promise<void>((resolve) => (finished = resolve)));
  queues.set(lock, last);
  try {
    await before;
    return await run();
  } finally {
    // `finished` is set once `before` has settled, which the await above has waited for.
    finished();
    if (queues.get(lock) === last) queues.delete(lock);
  }
}

/** The work of a transaction: given its client and, if asked for, what its opening statements returned. */
type TransactionWork<T> = (client: pg.PoolClient, opened: Opened | undefined) => Promise<T>;

async function runTransaction<T>(pool: pg.Pool, work: TransactionWork<T>, options: TransactionOptions): Promise<T> {
  const client = await pool.connect();
  let releaseError: Error | undefined;
  let result: T;
  try {
    const opening = options.opening?.(client);
    const committing = opening !== undefined && 'writeAndCommit' in opening;
    const begin = [
      'BEGIN',
      ...(options.advisoryLock === undefined ? [] : [`SELECT pg_advisory_xact_lock(hashtext(${sqlLiteral(options.advisoryLock)}))`]),
      ...(opening === undefined ? [] : ['read' in opening ? opening.read : opening.writeAndCommit]),
      ...(committing ? ['COMMIT'] : []),
    ];
    const begun = await client.query(begin.join(';\n'));
    if (committing) committedByWork.add(client);
    const opened = opening === undefined ? undefined : {
      results: (begun as unknown as pg.QueryResult[]).slice(options.advisoryLock === undefined ? 1 : 2, committing ? -1 : undefined),
    };
    result = await work(client, opened);
    if (!committedByWork.delete(client)) await client.query('COMMIT');
  } catch (error) {
    if (committedByWork.delete(client)) {
      // Committed before the work failed afterwards: what it stored stands, its audit rows included.
      startChaining(pool, takeAwaitingCouncils(client));
      throw error;
    }
    takeAwaitingCouncils(client);
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // The connection is unusable; passing the error to release() discards it from the pool.
      releaseError = rollbackError as Error;
    }
    throw error;
  } finally {
    client.release(releaseError);
  }
  // The write and its audit rows are committed: they join the chain in the pool's next pass, which
  // nobody waits for here (a failed pass leaves them to the next one, a verify, the next start).
  startChaining(pool, takeAwaitingCouncils(client));
  return result;
}

function describeServerUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `PostgreSQL server ${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'PostgreSQL server';
  }
}

function logIdleClientErrors(pool: pg.Pool, description: string): void {
  // Without a listener, an idle connection dropped by the server would crash the process.
  pool.on('error', (error) => {
    process.stderr.write(`${description}: idle connection error (${error.message}); it will be re-established on next use.\n`);
  });
}

async function openServerDatabase(databaseUrl: string): Promise<Database> {
  const description = describeServerUrl(databaseUrl);
  // Every query here is one council's and small. On tables holding many councils the planner
  // still gives them parallel plans, whose workers cost more to start than they save (one large
  // council's figures: 5.6 s with them, 3.4 s without) and take cores from other people's requests.
  // For the same reason no JIT compilation: the estimates of a council's figures, or of one count
  // for every council, cross jit_above_cost on large tables, where compiling took a good part of
  // such a count's time and gained less (seen in EXPLAIN ANALYZE; see bench/metrics.ts).
  // Set when each connection starts; `options` in DATABASE_URL, if any, takes its place.
  const pool = new pg.Pool({
    connectionString: databaseUrl, max: SERVER_POOL_SIZE, types: createTypeParsers(), options: '-c max_parallel_workers_per_gather=0 -c jit=off',
  });
  logIdleClientErrors(pool, description);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`Could not connect to ${description}: ${(error as Error).message}`, { cause: error });
  }
  let closing: Promise<void> | undefined;
  return { kind: 'server', pool, description, close: () => (closing ??= finishChaining(pool).then(() => pool.end())) };
}

// ---------------------------------------------------------------------------------------------
// Embedded database

const embeddedHostEntry = fileURLToPath(new URL('./embedded-host.mjs', import.meta.url));

/** Host processes still running; killed if this process exits without closing them. */
const runningHosts = new Set<ChildProcess>();
let exitHookInstalled = false;

function trackHost(child: ChildProcess): void {
  runningHosts.add(child);
  child.once('exit', () => runningHosts.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // 'exit' handlers must be synchronous: SIGTERM makes the host close PGlite cleanly on its own.
    // (If this process is killed outright, the host sees its IPC channel close and stops too.)
    process.on('exit', () => {
      for (const host of runningHosts) host.kill('SIGTERM');
    });
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Keeps the last few KB of the host's output, to explain a failed start. */
function captureOutputTail(child: ChildProcess): () => string {
  let tail = '';
  const append = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    process.stderr.write(text.replace(/^(?=.)/gm, '[embedded database] '));
    tail = (tail + text).slice(-4000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => tail.trim();
}

function waitForHostReady(
  child: ChildProcess,
  dataDir: string,
  timeoutMs: number,
  outputTail: () => string,
  onProgress?: (message: string) => void,
): Promise<EmbeddedConnectionInfo> {
  return new Promise((resolve, reject) => {
    const withOutput = (message: string) => (outputTail() ? `${message}\nHost output:\n${outputTail()}` : message);
    const cleanUp = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    const fail = (error: Error) => {
      cleanUp();
      // Only report once the host has gone, so the data dir is free for a retry.
      void stopHost(child).finally(() => reject(error));
    };
    const onMessage = (message: HostToParentMessage) => {
      if (message.type === 'progress') onProgress?.(message.message);
      else if (message.type === 'failed') fail(new Error(message.message));
      else if (message.type === 'ready') {
        cleanUp();
        resolve(message.connection);
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(new Error(withOutput(`Embedded database host for ${dataDir} exited before it was ready (exit code ${code}, signal ${signal}).`)));
    const onError = (error: Error) => fail(new Error(`Could not start the embedded database host: ${error.message}`, { cause: error }));
    const timer = setTimeout(
      () => fail(new Error(withOutput(`Embedded database in ${dataDir} was not ready within ${Math.round(timeoutMs / 1000)} s.`))),
      timeoutMs,
    );
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/** Asks the host to shut down cleanly and waits for it to exit (killing it if it hangs). */
async function stopHost(child: ChildProcess): Promise<void> {
  // No pid: the process never started, so there is nothing to wait for.
  if (child.pid === undefined || hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send({ type: 'shutdown' } satisfies ParentToHostMessage, (error) => error && child.kill('SIGTERM'));
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), EMBEDDED_SHUTDOWN_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

// The host's lock and connection note (EMBEDDED_LOCK_FILE and EMBEDDED_CONNECTION_FILE in
// embedded-host.mjs, which is not imported here: it loads PGlite).
const HOST_LOCK_FILE = '.safeguard-host.lock';
const HOST_CONNECTION_FILE = '.safeguard-host.json';

/**
 * How to reach the host already running on this data dir, if one is: its connection note, when
 * the pid in the lock file is alive and is the note's.
 */
export function runningHostConnection(dataDir: string): EmbeddedConnectionInfo | undefined {
  try {
    const holderPid = Number.parseInt(readFileSync(path.join(dataDir, HOST_LOCK_FILE), 'utf8'), 10);
    const connection = JSON.parse(readFileSync(path.join(dataDir, HOST_CONNECTION_FILE), 'utf8')) as EmbeddedConnectionInfo;
    if (!Number.isInteger(holderPid) || holderPid === process.pid || connection.hostPid !== holderPid) return undefined;
    process.kill(holderPid, 0);
    return connection;
  } catch {
    return undefined;
  }
}

/**
 * The embedded database held by another process (a running `safeguard serve`), reached through
 * the socket its host serves: PGlite allows one process on a data folder, so a command run beside
 * the server works through the server's host rather than failing with "already in use". The host
 * queues the connections' queries and keeps a transaction to the connection that began it; all
 * share one session, so this connection names its prepared statements apart and does not reset
 * the session (which would drop the server's).
 */
async function attachToRunningHost(dataDir: string, connection: EmbeddedConnectionInfo): Promise<Database> {
  namePreparedStatementsApart();
  const description = `embedded database (PGlite) in ${dataDir}, through the process ${connection.hostPid} that holds it`;
  const pool = new pg.Pool({
    host: connection.host, port: connection.port, user: connection.user, database: connection.database,
    max: 1, idleTimeoutMillis: 0, types: createTypeParsers(),
  });
  logIdleClientErrors(pool, description);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`Could not connect to the ${description}: ${(error as Error).message}`, { cause: error });
  }
  let closing: Promise<void> | undefined;
  return { kind: 'embedded', pool, description, close: () => (closing ??= finishChaining(pool).then(() => pool.end())) };
}

async function openEmbeddedDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const dataDir = path.resolve(options.dataDir);
  const running = runningHostConnection(dataDir);
  if (running) return attachToRunningHost(dataDir, running);
  const child = fork(embeddedHostEntry, [dataDir], {
    // The host is plain JavaScript: no TypeScript loader to start (nor the parent's flags).
    execArgv: [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  trackHost(child);
  const outputTail = captureOutputTail(child);
  const connection = await waitForHostReady(
    child,
    dataDir,
    options.embeddedStartupTimeoutMs ?? DEFAULT_EMBEDDED_STARTUP_TIMEOUT_MS,
    outputTail,
    options.onProgress,
  );

  const description = `embedded database (PGlite) in ${dataDir}`;
  let closing: Promise<void> | undefined;
  child.once('exit', (code, signal) => {
    if (!closing) process.stderr.write(`${description}: host process exited unexpectedly (exit code ${code}, signal ${signal}).\n`);
  });

  const pool = new pg.Pool({
    host: connection.host,
    port: connection.port,
    user: connection.user,
    database: connection.database,
    // PGlite serves one query at a time and an open BEGIN on one connection blocks all others.
    max: 1,
    // All socket connections share PGlite's single backend session, so keep the one connection
    // for the life of the pool rather than reconnecting (session state would leak across).
    idleTimeoutMillis: 0,
    // PGlite keeps session state (prepared statements, SET, temp tables) after a socket closes, so
    // a reconnect would inherit it and pg would fail with 'prepared statement "…" already exists'.
    // Start each new connection from a clean session, as a real server would.
    onConnect: async (client) => {
      await client.query('DISCARD ALL');
    },
    types: createTypeParsers(),
  });
  logIdleClientErrors(pool, description);
  const close = () =>
    (closing ??= (async () => {
      try {
        await finishChaining(pool);
        await pool.end();
      } finally {
        await stopHost(child);
      }
    })());

  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await close().catch(() => undefined);
    throw new Error(`Could not connect to the ${description}: ${(error as Error).message}`, { cause: error });
  }
  return { kind: 'embedded', pool, description, close };
}
