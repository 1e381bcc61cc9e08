import type pg from 'pg';
import type { Actor } from '../../record/events.ts';

export interface AuditEntry {
  laCode: string;
  actor: Actor;
  action: 'read' | 'write' | 'refused';
  /** What was touched, e.g. `child-record`, `child-event:contact.received`, `duties`. */
  resource: string;
  childId?: string;
  outcome: string;
  correlationId: string;
  detail?: Record<string, unknown>;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

const auditColumns = 'la_code, occurred_at, user_id, role, agency, action, resource, child_id, outcome, correlation_id, detail';

/**
 * Appends one row to the council's audit chain, in one statement: lock the chain's head, insert
 * the row with the head's hash and its own, move the head on. The lock is held until the
 * caller's transaction ends, so a write audits last, just before it commits.
 */
const appendOneSql = `
  WITH head AS (SELECT last_hash FROM audit_chain_head WHERE la_code = $1 FOR UPDATE),
  row_content AS (SELECT $1::text AS la_code, now() AS occurred_at, $2::text AS user_id, $3::text AS role, $4::text AS agency,
                         $5::text AS action, $6::text AS resource, $7::text AS child_id, $8::text AS outcome, $9::text AS correlation_id,
                         $10::jsonb AS detail),
  appended AS (
    INSERT INTO audit_event (${auditColumns}, previous_hash, row_hash)
    SELECT r.*, head.last_hash, sha256(head.last_hash || audit_row_content(r.la_code, r.occurred_at, r.user_id, r.role, r.agency, r.action,
             r.resource, r.child_id, r.outcome, r.correlation_id, r.detail))
      FROM head, row_content r
    RETURNING audit_id, row_hash
  )
  UPDATE audit_chain_head h SET last_audit_id = appended.audit_id, last_hash = appended.row_hash FROM appended WHERE h.la_code = $1`;

/** Up to this many children's rows are chained in one statement (the chain is built recursively). */
const CHAIN_BATCH = 1000;

/** The same for one row per child, chained one after another in the order given. */
const appendManySql = `
  WITH RECURSIVE head AS (SELECT last_hash FROM audit_chain_head WHERE la_code = $1 FOR UPDATE),
  chain (n, child_id, previous_hash, row_hash) AS (
    SELECT 1, ($10::text[])[1], head.last_hash,
           sha256(head.last_hash || audit_row_content($1, now(), $2, $3, $4, $5, $6, ($10::text[])[1], $7, $8, $9::jsonb))
      FROM head
    UNION ALL
    SELECT c.n + 1, ($10::text[])[c.n + 1], c.row_hash,
           sha256(c.row_hash || audit_row_content($1, now(), $2, $3, $4, $5, $6, ($10::text[])[c.n + 1], $7, $8, $9::jsonb))
      FROM chain c WHERE c.n < cardinality($10::text[])
  ),
  appended AS (
    INSERT INTO audit_event (${auditColumns}, previous_hash, row_hash)
    SELECT $1, now(), $2, $3, $4, $5, $6, child_id, $7, $8, $9::jsonb, previous_hash, row_hash FROM chain ORDER BY n
    RETURNING audit_id
  )
  UPDATE audit_chain_head h SET last_audit_id = (SELECT max(audit_id) FROM appended), last_hash = (SELECT row_hash FROM chain ORDER BY n DESC LIMIT 1)
   WHERE h.la_code = $1`;

/** A council's first audit row needs a head to chain from. */
async function startChain(db: Queryable, laCode: string): Promise<void> {
  await db.query(`INSERT INTO audit_chain_head (la_code, last_audit_id, last_hash) VALUES ($1, 0, '\\x'::bytea) ON CONFLICT (la_code) DO NOTHING`, [laCode]);
}

/** Runs an append; when the council has no chain yet (nothing was appended), starts it and runs it again. */
async function append(db: Queryable, laCode: string, sql: string, params: unknown[]): Promise<void> {
  const result = await db.query(sql, params);
  if (result.rowCount === 0) {
    await startChain(db, laCode);
    await db.query(sql, params);
  }
}

/** Called by the data-access layer only: routes never write audit rows themselves. */
export async function writeAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await append(db, entry.laCode, appendOneSql, [
    entry.laCode, entry.actor.userId, entry.actor.role, entry.actor.agency, entry.action, entry.resource, entry.childId ?? null,
    entry.outcome, entry.correlationId, JSON.stringify(entry.detail ?? {}),
  ]);
}

/** Audits many children at once (an import, a borough-wide list), a row per child. */
export async function writeAuditForChildren(db: Queryable, entry: Omit<AuditEntry, 'childId'>, childIds: readonly string[]): Promise<void> {
  for (let start = 0; start < childIds.length; start += CHAIN_BATCH) {
    await append(db, entry.laCode, appendManySql, [
      entry.laCode, entry.actor.userId, entry.actor.role, entry.actor.agency, entry.action, entry.resource, entry.outcome,
      entry.correlationId, JSON.stringify(entry.detail ?? {}), childIds.slice(start, start + CHAIN_BATCH),
    ]);
  }
}
