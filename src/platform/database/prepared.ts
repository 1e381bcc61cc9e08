import { createHash } from 'node:crypto';
import type pg from 'pg';

const names = new Map<string, string>();
let namePrefix = 'safeguard';

/**
 * Names this process's prepared statements apart from another process's: a command sharing the
 * embedded database's one session with a running server must not reuse the server's names.
 */
export function namePreparedStatementsApart(): void {
  namePrefix = `safeguard_${process.pid}`;
  names.clear();
}

/**
 * A query as a named prepared statement: each connection parses its text once, and after five
 * runs PostgreSQL may reuse one plan made without the values. Only for lookups whose best plan
 * is the same whatever the values (a child by key): the metric queries were up to ten times
 * slower on such plans (see src/analytics/repo.ts). The texts must be a fixed set (they are kept,
 * by name, on every connection for its life).
 */
export function prepared(text: string, values: readonly unknown[]): pg.QueryConfig {
  let name = names.get(text);
  if (!name) names.set(text, (name = `${namePrefix}_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`));
  return { name, text, values: values as unknown[] };
}
