/**
 * CPU time the PostgreSQL server's backends have used, read from /proc: the work a transaction
 * makes the server do, which runs on one backend and so on one core, whatever else is free.
 * Only for a server on this machine (the bench's default); elsewhere it answers undefined.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';

/** Linux reports process times in clock ticks, 100 a second on every platform Node runs on here. */
const CLOCK_TICKS_PER_SECOND = 100;

function processCpuSeconds(pid: number): number | undefined {
  try {
    // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th field, stime the 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by the server backends of this client's database, other than its own. */
export async function databaseBackendsCpuSeconds(client: pg.Client | pg.PoolClient): Promise<number | undefined> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  let total = 0;
  for (const { pid } of rows) {
    const seconds = processCpuSeconds(pid);
    if (seconds === undefined) return undefined;
    total += seconds;
  }
  return total;
}

/** CPU seconds used so far by this client's own server backend. */
export async function ownBackendCpuSeconds(client: pg.Client | pg.PoolClient): Promise<number | undefined> {
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return processCpuSeconds(rows[0]!.pid);
}
