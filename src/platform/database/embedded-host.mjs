/**
 * Child-process entry that hosts the embedded PostgreSQL (PGlite) database.
 *
 * Why a separate process: PGlite runs one query at a time and blocks the JS thread it
 * runs on, so the application talks to it over the PostgreSQL wire protocol
 * (PGLiteSocketServer) exactly as it would talk to a real server.
 *
 * Start it with `node src/platform/database/embedded-host.mjs <dataDir>` (or
 * SAFEGUARD_DATA_DIR=<dataDir>), or via child_process.fork (see database.ts). It is plain
 * JavaScript, its types in embedded-host.d.mts, so the host starts without a TypeScript loader:
 * every start of the embedded database waits for it.
 *
 * Protocol with a forked parent (IPC messages, plain objects with a `type`):
 *   child -> parent: { type: 'progress', message }
 *                    { type: 'ready', connection: EmbeddedConnectionInfo }
 *                    { type: 'failed', message }
 *   parent -> child: { type: 'shutdown' }
 * Without an IPC parent, the connection info is printed to stdout as one JSON line.
 *
 * It shuts down cleanly (stop server, close PGlite) on SIGTERM, SIGINT, a 'shutdown'
 * message, or the parent disconnecting (which also happens when the parent dies).
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** pg connects to a Unix socket as host=<directory>, port=N, meaning the file `<directory>/.s.PGSQL.N`. */
export const EMBEDDED_SOCKET_PORT = 5432;
export const EMBEDDED_SOCKET_FILE = `.s.PGSQL.${EMBEDDED_SOCKET_PORT}`;
/** Marks a data dir as in use by a running host (holds its pid). */
export const EMBEDDED_LOCK_FILE = '.safeguard-host.lock';
/**
 * Where a running host says how to reach it (owner-only, like the folder): other Safeguard
 * processes on this data dir (the command line beside a running server) connect through it
 * instead of opening the database, which one process at a time may hold.
 */
export const EMBEDDED_CONNECTION_FILE = '.safeguard-host.json';
/** Scratch directory where a new database is initialised before being moved into place. */
const INITDB_SCRATCH_DIR = '.initdb-in-progress';
/** Files in the data dir that belong to a running host rather than to the database. */
export const EMBEDDED_RUNTIME_FILES = [EMBEDDED_SOCKET_FILE, EMBEDDED_LOCK_FILE, EMBEDDED_CONNECTION_FILE, INITDB_SCRATCH_DIR];

/** Linux limits a Unix socket path to 107 bytes; longer data dir paths fall back to TCP. */
const MAX_UNIX_SOCKET_PATH_BYTES = 100;
/**
 * The app uses one connection at a time; spare slots avoid a spurious "Too many connections"
 * when a client reconnects before the server has processed the previous socket's close.
 * Note: all connections share PGlite's single backend session.
 */
const MAX_CONNECTIONS = 16;

/**
 * The database's files hold children's records, its write-ahead log included: nobody but the
 * account that runs Safeguard may read them. Everything this process creates is made so (see the
 * umask at startup); what an earlier version or a copy left open to other users is tightened
 * here, at every open, and the count reported. Answers how many files and folders it changed.
 */
export function restrictToOwner(dataDir) {
  let tightened = 0;
  const tighten = (entryPath) => {
    const stats = lstatSync(entryPath);
    // A symbolic link's own mode means nothing, and a socket is a host's, made by it with the umask.
    if (stats.isSymbolicLink() || stats.isSocket() || (stats.mode & 0o077) === 0) return;
    chmodSync(entryPath, stats.mode & 0o700);
    tightened += 1;
  };
  tighten(dataDir);
  for (const entry of readdirSync(dataDir, { withFileTypes: true, recursive: true })) tighten(path.join(entry.parentPath, entry.name));
  return tightened;
}

/** @param {import('./embedded-host.mjs').HostToParentMessage} message */
function sendToParent(message) {
  if (process.send && process.connected) {
    process.send(message);
  } else if (message.type === 'ready') {
    process.stdout.write(`${JSON.stringify(message.connection)}\n`);
  } else {
    process.stderr.write(`${message.message}\n`);
  }
}

function describeError(error) {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Whether a process is running (EPERM: it is, but belongs to another user). */
export function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Two PGlite instances on one data dir would corrupt it, so claim the dir with a pid lock file.
 * A lock left behind by a host that died (pid no longer alive) is taken over.
 */
function acquireDataDirLock(dataDir) {
  const lockPath = path.join(dataDir, EMBEDDED_LOCK_FILE);
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
    return lockPath;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
  const holderPid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
  if (Number.isInteger(holderPid) && holderPid !== process.pid && isProcessAlive(holderPid)) {
    throw new Error(
      `Embedded database ${dataDir} is already in use by process ${holderPid}. ` +
        `Stop that process (or, if it is not a Safeguard process, delete ${lockPath}).`,
    );
  }
  writeFileSync(lockPath, String(process.pid));
  return lockPath;
}

/**
 * initdb takes 5–20 s; if it were interrupted in place the data dir would look like a database
 * but be unusable. So initialise in a scratch subdirectory, close cleanly, then move the files
 * up, PG_VERSION (the marker we test for) last.
 */
async function createDatabaseFiles(dataDir) {
  const unexpected = readdirSync(dataDir).filter((name) => !EMBEDDED_RUNTIME_FILES.includes(name));
  if (unexpected.length > 0) {
    throw new Error(
      `${dataDir} is not empty and is not a Safeguard database (found ${unexpected.slice(0, 5).join(', ')}). ` +
        'Choose an empty or new directory.',
    );
  }
  const scratchDir = path.join(dataDir, INITDB_SCRATCH_DIR);
  rmSync(scratchDir, { recursive: true, force: true });
  mkdirSync(scratchDir);
  const db = await PGlite.create({ dataDir: scratchDir });
  await db.close();
  const entries = readdirSync(scratchDir).sort((a, b) => Number(a === 'PG_VERSION') - Number(b === 'PG_VERSION'));
  for (const entry of entries) renameSync(path.join(scratchDir, entry), path.join(dataDir, entry));
  rmSync(scratchDir, { recursive: true, force: true });
}

async function runHost(dataDir) {
  const startedAt = Date.now();
  let server;
  let db;
  let lockPath;
  const socketPath = path.join(dataDir, EMBEDDED_SOCKET_FILE);

  let startup = Promise.resolve();
  let shutdownStarted = false;
  const shutdown = async (reason, exitCode = 0) => {
    if (shutdownStarted) return;
    shutdownStarted = true;
    // A stop requested during startup (e.g. Ctrl-C during initdb) waits for startup to finish,
    // so PGlite is never killed half-way through writing files.
    await startup.catch(() => undefined);
    try {
      // Stop serving clients first (this rolls back a transaction a client left open), then
      // close PGlite, which waits for a running query before checkpointing and closing.
      await server?.stop();
      await db?.close();
    } catch (error) {
      exitCode = 1;
      process.stderr.write(`Embedded database host: error during shutdown (${reason}): ${describeError(error)}\n`);
    } finally {
      // Without the lock, these files belong to another host that is using this data dir.
      if (lockPath) {
        rmSync(path.join(dataDir, EMBEDDED_CONNECTION_FILE), { force: true });
        rmSync(socketPath, { force: true });
        rmSync(lockPath, { force: true });
      }
    }
    process.exit(exitCode);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('disconnect', () => void shutdown('parent disconnected'));
  process.on('message', (message) => {
    if (message?.type === 'shutdown') void shutdown('shutdown requested');
  });

  startup = (async () => {
    // Files and folders PGlite creates (the log, new tables, checkpoints) are the owner's alone.
    process.umask(0o077);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    lockPath = acquireDataDirLock(dataDir);
    const tightened = restrictToOwner(dataDir);
    if (tightened > 0) {
      sendToParent({ type: 'progress', message: `Made ${tightened} files and folders of ${dataDir} readable by their owner only (they were open to other users)` });
    }
    // We hold the lock, so a socket file present now is stale (left by a host that was killed).
    rmSync(socketPath, { force: true });

    const createdDataDir = !existsSync(path.join(dataDir, 'PG_VERSION'));
    if (createdDataDir) {
      sendToParent({ type: 'progress', message: `Creating embedded database in ${dataDir} (first run only; takes 5–20 s)…` });
      await createDatabaseFiles(dataDir);
    }
    db = await PGlite.create({ dataDir });
    // PGlite writes some files with modes of its own, whatever the umask: the files of a new
    // database (unpacked from its image) and the relation caches it writes as it opens.
    restrictToOwner(dataDir);

    const useUnixSocket = Buffer.byteLength(socketPath) <= MAX_UNIX_SOCKET_PATH_BYTES;
    server = new PGLiteSocketServer(
      useUnixSocket
        ? { db, path: socketPath, maxConnections: MAX_CONNECTIONS }
        : { db, host: '127.0.0.1', port: 0, maxConnections: MAX_CONNECTIONS },
    );
    await server.start();
    const address = useUnixSocket ? { host: dataDir, port: EMBEDDED_SOCKET_PORT } : parseTcpAddress(server.getServerConn());
    if (shutdownStarted) return;
    const connection = { ...address, user: 'postgres', database: 'postgres', createdDataDir, startupMs: Date.now() - startedAt, hostPid: process.pid };
    writeFileSync(path.join(dataDir, EMBEDDED_CONNECTION_FILE), JSON.stringify(connection), { mode: 0o600 });
    sendToParent({ type: 'ready', connection });
  })();
  await startup;

  // A parent that died before we registered for 'disconnect' would never trigger it.
  if (process.send && !process.connected) await shutdown('parent already gone');
}

function parseTcpAddress(serverConn) {
  const separator = serverConn.lastIndexOf(':');
  return { host: serverConn.slice(0, separator), port: Number(serverConn.slice(separator + 1)) };
}

// Only run when this file is the process entry (not when imported for its types and constants).
const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  const dataDirArgument = process.argv[2] ?? process.env.SAFEGUARD_DATA_DIR;
  if (!dataDirArgument) {
    process.stderr.write('Usage: node embedded-host.mjs <dataDir>   (or set SAFEGUARD_DATA_DIR)\n');
    process.exit(2);
  }
  const dataDir = path.resolve(dataDirArgument);
  runHost(dataDir).catch((error) => {
    sendToParent({ type: 'failed', message: `Embedded database host for ${dataDir} failed to start: ${describeError(error)}` });
    // Release the data dir: the lock file only matters while this process runs.
    const lockPath = path.join(dataDir, EMBEDDED_LOCK_FILE);
    if (existsSync(lockPath) && readFileSync(lockPath, 'utf8') === String(process.pid)) rmSync(lockPath, { force: true });
    // Give the IPC message a moment to flush before exiting.
    setTimeout(() => process.exit(1), 100);
  });
}
