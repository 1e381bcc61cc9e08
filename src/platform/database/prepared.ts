import { createHash } from 'node:crypto';
import type pg from 'pg';

const names = new Map<string, string>();

/**
 * A query as a named prepared statement: each connection parses and plans its text once, and once
 * the planner finds that its plan does not depend on the values, reuses the plan for every call.
 * For statements run again and again whose planning costs about as much as running them. The
 * texts must be a fixed set (they are kept, by name, on every connection for its life).
 */
export function prepared(text: string, values: readonly unknown[]): pg.QueryConfig {
  let name = names.get(text);
  if (!name) names.set(text, (name = `safeguard_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`));
  return { name, text, values: values as unknown[] };
}
