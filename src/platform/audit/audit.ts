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

/** The columns an entry varies in, as parallel arrays: $2 … $10 of appendSql. */
const entryColumns = [
  ['user_id', 'text'], ['role', 'text'], ['agency', 'text'], ['action', 'text'], ['resource', 'text'], ['child_id', 'text'],
  ['outcome', 'text'], ['correlation_id', 'text'], ['detail', 'jsonb'],
] as const;
const entryAt = (index: string) => entryColumns.map(([, type], i) => `($${i + 2}::${type}[])[${index}]`).join(', ');

/**
 * Appends entries to the council's audit chain in one statement: lock the chain's head, chain the
 * entries one after another (each row's hash over its content and the hash before it), insert
 * them, move the head on. The head stays locked until the caller's transaction ends, so a write
 * audits last, just before it commits.
 */
const appendSql = `
  WITH RECURSIVE head AS (SELECT last_hash FROM audit_chain_head WHERE la_code = $1 FOR UPDATE),
  chain (n, previous_hash, row_hash) AS (
    SELECT 1, head.last_hash, sha256(head.last_hash || audit_row_content($1, now(), ${entryAt('1')})) FROM head
    UNION ALL
    SELECT c.n + 1, c.row_hash, sha256(c.row_hash || audit_row_content($1, now(), ${entryAt('c.n + 1')}))
      FROM chain c WHERE c.n < cardinality($2::text[])
  ),
  appended AS (
    INSERT INTO audit_event (${auditColumns}, previous_hash, row_hash)
    SELECT $1, now(), ${entryAt('n')}, previous_hash, row_hash FROM chain ORDER BY n
    RETURNING audit_id
  )
  UPDATE audit_chain_head h SET last_audit_id = (SELECT max(audit_id) FROM appended), last_hash = (SELECT row_hash FROM chain ORDER BY n DESC LIMIT 1)
   WHERE h.la_code = $1`;

/** Up to this many entries are chained in one statement (the chain is built recursively). */
const CHAIN_BATCH = 1000;

/** A council's first audit row needs a head to chain from. */
async function startChain(db: Queryable, laCode: string): Promise<void> {
  await db.query(`INSERT INTO audit_chain_head (la_code, last_audit_id, last_hash) VALUES ($1, 0, '\\x'::bytea) ON CONFLICT (la_code) DO NOTHING`, [laCode]);
}

/** Appends entries of one council, in order; when it has no chain yet (nothing was appended), starts it and appends again. */
async function appendEntries(db: Queryable, laCode: string, entries: readonly AuditEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += CHAIN_BATCH) {
    const chunk = entries.slice(start, start + CHAIN_BATCH);
    const params = [
      laCode, chunk.map((e) => e.actor.userId), chunk.map((e) => e.actor.role), chunk.map((e) => e.actor.agency), chunk.map((e) => e.action),
      chunk.map((e) => e.resource), chunk.map((e) => e.childId ?? null), chunk.map((e) => e.outcome), chunk.map((e) => e.correlationId),
      chunk.map((e) => JSON.stringify(e.detail ?? {})),
    ];
    const result = await db.query(appendSql, params);
    if (result.rowCount === 0) {
      await startChain(db, laCode);
      await db.query(appendSql, params);
    }
  }
}

/**
 * Audit rows written outside a transaction (the audit of a read) are appended in groups: while
 * one group commits, holding the chain's head, the next gathers, so the chain and the commit's
 * flush to disk are shared rather than queued for. Each caller still waits until its row is
 * committed, so no read goes unaudited.
 */
class GroupAppender {
  private waiting: { entry: AuditEntry; done: (error?: unknown) => void }[] = [];
  private appending = false;
  constructor(private readonly pool: Queryable) {}

  append(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.appending) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.appending = true;
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, CHAIN_BATCH);
      const byCouncil = new Map<string, typeof group>();
      for (const item of group) byCouncil.set(item.entry.laCode, [...(byCouncil.get(item.entry.laCode) ?? []), item]);
      for (const [laCode, items] of byCouncil) {
        try {
          await appendEntries(this.pool, laCode, items.map((item) => item.entry));
          for (const item of items) item.done();
        } catch (error) {
          for (const item of items) item.done(error);
        }
      }
    }
    this.appending = false;
  }
}

const appenders = new WeakMap<object, GroupAppender>();
/** A pool (not a client inside a transaction): its statements commit on their own. */
const isPool = (db: Queryable): boolean => !('release' in db);

/** Called by the data-access layer only: routes never write audit rows themselves. */
export async function writeAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  if (!isPool(db)) return appendEntries(db, entry.laCode, [entry]);
  let appender = appenders.get(db);
  if (!appender) appenders.set(db, (appender = new GroupAppender(db)));
  return appender.append(entry);
}

/** Audits many children at once (an import, a borough-wide list), a row per child, in the order given. */
export async function writeAuditForChildren(db: Queryable, entry: Omit<AuditEntry, 'childId'>, childIds: readonly string[]): Promise<void> {
  await appendEntries(db, entry.laCode, childIds.map((childId) => ({ ...entry, childId })));
}
