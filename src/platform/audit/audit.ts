import type pg from 'pg';
import { sqlLiteral } from '../database/sql-literal.ts';
import type { Actor } from '../request-context.ts';

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
 * them, move the head on. The head stays locked until the caller's transaction ends, so a bulk
 * write (an import, a rebuild) that chains its rows itself does so last, just before it commits.
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

/**
 * How long a pass that nobody waits for is put off, gathering the rows of the requests meanwhile.
 * A pass costs about 2 ms of the database however few rows it moves, and 0.02 ms a row
 * (bench/audit-chain.ts): under load, a pass a fifth of a second chains a hundred rows or more at once.
 * The rows are safe meanwhile (committed before each answer); whoever reads the log chains first.
 */
const CHAIN_SOON_MS = 200;

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
 * The one lane per pool that moves audit rows awaiting the chain onto it. Every audit row of a
 * request is first stored, durably, in audit_awaiting_chain: inside the write's transaction, or on
 * its own for a read. The request waits for that, not for the chain, so requests never queue for a
 * council's chain head. The lane then takes the rows oldest first and chains them in batches,
 * passes being asked for by each request and coalesced. Whoever reads the chain (verify, the
 * access log) asks for a pass first and waits for it.
 */
class ChainLane {
  /** Councils to chain awaiting rows for (`all` for every council), and who waits for that. */
  private requests: { laCodes: readonly string[] | 'all'; done: (error?: unknown) => void }[] = [];
  private running = false;
  /** Councils asked for by requests that do not wait (see soon), and the timer that will chain them. */
  private soonCouncils = new Set<string>();
  private soonTimer: NodeJS.Timeout | undefined;
  constructor(private readonly pool: pg.Pool) {}

  /** Resolves once a pass that began after this call has chained the councils' awaiting rows. */
  chain(laCodes: readonly string[] | undefined): Promise<void> {
    if (laCodes !== undefined && laCodes.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.requests.push({ laCodes: laCodes ?? 'all', done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.running) void this.drain();
    });
  }

  /**
   * A pass shortly, for those who do not wait for it (each write and read): under load, one pass
   * then chains the rows of many requests instead of a pass running after every one.
   */
  soon(laCodes: readonly string[]): void {
    for (const laCode of laCodes) this.soonCouncils.add(laCode);
    if (this.soonTimer || this.soonCouncils.size === 0) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = undefined;
      const councils = [...this.soonCouncils];
      this.soonCouncils.clear();
      this.chain(councils).catch(() => {});
    }, CHAIN_SOON_MS);
    // A pending pass does not keep the process alive: rows left awaiting are chained at the next start.
    this.soonTimer.unref();
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.requests.length > 0) {
      const requests = this.requests.splice(0);
      // Inside the try: a failure here must reach the callers, not leave the lane busy for ever.
      try {
        const laCodes = requests.some((r) => r.laCodes === 'all') ? await councilsAwaitingChain(this.pool) : [...new Set(requests.flatMap((r) => r.laCodes as string[]))];
        for (const laCode of laCodes) await moveAwaitingOntoChain(this.pool, laCode);
        for (const request of requests) request.done();
      } catch (error) {
        for (const request of requests) request.done(error);
      }
    }
    this.running = false;
  }
}

async function councilsAwaitingChain(pool: pg.Pool): Promise<string[]> {
  const result = await pool.query('SELECT DISTINCT la_code FROM audit_awaiting_chain ORDER BY la_code');
  return result.rows.map((row) => row.la_code as string);
}

/**
 * Takes a council's awaiting rows, oldest first, and appends them to its chain unchanged (their
 * own times included), moving the head on: all in one statement, after locking the head in a
 * statement of its own so that two processes chaining at once take turns rather than deadlock.
 */
const takenColumns = auditColumns.split(', ').map((column) => `t.${column}`).join(', ');
const chainAwaitingSql = `
  WITH RECURSIVE taken AS (
    DELETE FROM audit_awaiting_chain WHERE la_code = $1 AND awaiting_id IN (
      SELECT awaiting_id FROM audit_awaiting_chain WHERE la_code = $1 ORDER BY awaiting_id LIMIT $2)
    RETURNING *
  ),
  numbered AS (SELECT row_number() OVER (ORDER BY awaiting_id) AS n, * FROM taken),
  chain (n, previous_hash, row_hash) AS (
    SELECT t.n, h.last_hash, sha256(h.last_hash || audit_row_content(${takenColumns}))
      FROM audit_chain_head h JOIN numbered t ON t.n = 1 WHERE h.la_code = $1
    UNION ALL
    SELECT t.n, c.row_hash, sha256(c.row_hash || audit_row_content(${takenColumns}))
      FROM chain c JOIN numbered t ON t.n = c.n + 1
  ),
  appended AS (
    INSERT INTO audit_event (${auditColumns}, previous_hash, row_hash)
    SELECT ${takenColumns}, c.previous_hash, c.row_hash FROM chain c JOIN numbered t ON t.n = c.n ORDER BY c.n
    RETURNING audit_id
  )
  UPDATE audit_chain_head h SET last_audit_id = (SELECT max(audit_id) FROM appended), last_hash = (SELECT row_hash FROM chain ORDER BY n DESC LIMIT 1)
   WHERE h.la_code = $1 AND EXISTS (SELECT 1 FROM appended)
  RETURNING (SELECT count(*) FROM appended) AS moved`;

async function moveAwaitingOntoChain(pool: pg.Pool, laCode: string): Promise<void> {
  const council = sqlLiteral(laCode);
  // One round trip. Without waiting for the disk: the rows moved are already safe where the writes
  // left them, and a crash that loses this move (whole, never in part) leaves them awaiting, to be
  // moved again. The head is taken (the council's chain started if it has none) in a statement of
  // its own, so that two processes chaining at once take turns rather than deadlock.
  const move = `BEGIN; SET LOCAL synchronous_commit = off;
    INSERT INTO audit_chain_head (la_code, last_audit_id, last_hash) VALUES (${council}, 0, '\\x'::bytea)
      ON CONFLICT (la_code) DO UPDATE SET last_hash = audit_chain_head.last_hash;
    ${chainAwaitingSql.replaceAll('$1', () => council).replaceAll('$2', () => String(CHAIN_BATCH))};
    COMMIT`;
  for (;;) {
    const client = await pool.connect();
    let moved = 0;
    let releaseError: Error | undefined;
    try {
      const results = (await client.query(move)) as unknown as pg.QueryResult[];
      moved = Number(results[3]?.rows[0]?.moved ?? 0);
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        releaseError = rollbackError;
      });
      throw error;
    } finally {
      client.release(releaseError);
    }
    if (moved < CHAIN_BATCH) return;
  }
}

const lanes = new WeakMap<pg.Pool, ChainLane>();
/** A pool (not a client inside a transaction): its statements commit on their own. */
const isPool = (db: Queryable): boolean => !('release' in db);

/**
 * Called by the data-access layer only: routes never write audit rows themselves. The row is
 * stored to await the chain: inside a transaction (a write) with the write, joining the chain
 * once the write has committed (see withTransaction); on a pool (a read) committed before this
 * returns, so no read goes unaudited, and chained just after.
 */
export async function writeAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  if (!isPool(db)) return storeAwaitingChain(db as pg.PoolClient, entry);
  return readGroupsOf(db as pg.Pool).store([entry]);
}

/** At most about this many rows go in one statement of a group of reads (a list's rows are never split). */
const READ_GROUP_ROWS = 5000;

/**
 * Rows of reads, as parallel arrays, into audit_awaiting_chain in the order given: one statement
 * however many rows, each value sent once as a parameter rather than spelt out in the text.
 */
const awaitingFromArraysSql = `INSERT INTO audit_awaiting_chain (${auditColumns})
  SELECT la_code, now(), user_id, role, agency, action, resource, child_id, outcome, correlation_id, detail::jsonb
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
         WITH ORDINALITY AS e(la_code, user_id, role, agency, action, resource, child_id, outcome, correlation_id, detail, n)
   ORDER BY n`;

function awaitingFromArraysParams(entries: readonly AuditEntry[]): unknown[] {
  // A list's rows share one detail: it is serialised once.
  const details = new Map<unknown, string>();
  const detailOf = (entry: AuditEntry) => {
    let text = details.get(entry.detail);
    if (text === undefined) details.set(entry.detail, (text = JSON.stringify(entry.detail ?? {})));
    return text;
  };
  return [
    entries.map((e) => e.laCode), entries.map((e) => e.actor.userId), entries.map((e) => e.actor.role), entries.map((e) => e.actor.agency),
    entries.map((e) => e.action), entries.map((e) => e.resource), entries.map((e) => e.childId ?? null), entries.map((e) => e.outcome),
    entries.map((e) => e.correlationId), entries.map(detailOf),
  ];
}

/**
 * The audit rows of reads on one pool, stored in groups: while one group's INSERT commits, the
 * next gathers, so reads under way together share one statement and one flush to disk rather
 * than each committing its own. Each read (a record, or a list with a row per child it shows)
 * still waits until its rows are committed.
 */
class ReadAuditGroups {
  private waiting: { entries: readonly AuditEntry[]; done: (error?: unknown) => void }[] = [];
  private storing = false;
  constructor(private readonly pool: pg.Pool) {}

  store(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ entries, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.storing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.storing = true;
    while (this.waiting.length > 0) {
      let rows = 0;
      let taken = 0;
      while (taken < this.waiting.length && (taken === 0 || rows + this.waiting[taken]!.entries.length <= READ_GROUP_ROWS)) rows += this.waiting[taken++]!.entries.length;
      const group = this.waiting.splice(0, taken);
      const entries = group.flatMap((item) => item.entries);
      try {
        await this.pool.query(awaitingFromArraysSql, awaitingFromArraysParams(entries));
      } catch (error) {
        for (const item of group) item.done(error);
        continue;
      }
      for (const item of group) item.done();
      startChaining(this.pool, [...new Set(entries.map((entry) => entry.laCode))]);
    }
    this.storing = false;
  }
}

const readGroups = new WeakMap<pg.Pool, ReadAuditGroups>();
function readGroupsOf(pool: pg.Pool): ReadAuditGroups {
  let groups = readGroups.get(pool);
  if (!groups) readGroups.set(pool, (groups = new ReadAuditGroups(pool)));
  return groups;
}

function laneOf(pool: pg.Pool): ChainLane {
  let lane = lanes.get(pool);
  if (!lane) lanes.set(pool, (lane = new ChainLane(pool)));
  return lane;
}

/** Asks for a chaining pass without waiting for it: a failure leaves the rows for the next pass. */
export function startChaining(pool: pg.Pool, laCodes: readonly string[]): void {
  laneOf(pool).soon(laCodes);
}

/** Councils whose audit rows each client, inside its transaction, has stored to await the chain. */
const awaitingByClient = new WeakMap<object, Set<string>>();

async function storeAwaitingChain(client: pg.PoolClient, entry: AuditEntry): Promise<void> {
  await client.query(awaitingChainSql(client, entry));
}

/**
 * The statement storing a write's audit row to await the chain, for sending with the write's
 * other statements in one round trip inside the client's transaction (see writeAudit).
 */
export function awaitingChainSql(client: pg.PoolClient, entry: AuditEntry): string {
  const councils = awaitingByClient.get(client) ?? new Set<string>();
  councils.add(entry.laCode);
  awaitingByClient.set(client, councils);
  return awaitingChainInsertSql([entry]);
}

/** One INSERT of entries into audit_awaiting_chain, their values as literals, in the order given. */
function awaitingChainInsertSql(entries: readonly AuditEntry[]): string {
  const rows = entries.map((entry) => {
    const values = [entry.laCode, entry.actor.userId, entry.actor.role, entry.actor.agency, entry.action, entry.resource, entry.childId ?? null,
      entry.outcome, entry.correlationId].map(sqlLiteral);
    return `(${values[0]}, now(), ${values.slice(1).join(', ')}, ${sqlLiteral(JSON.stringify(entry.detail ?? {}))}::jsonb)`;
  });
  return `INSERT INTO audit_awaiting_chain (${auditColumns}) VALUES ${rows.join(',\n')}`;
}

/**
 * The councils whose audit rows this client's transaction stored to await the chain, forgetting
 * them: after a commit they are chained (chainAwaitingAudit), after a rollback they never existed.
 */
export function takeAwaitingCouncils(client: object): string[] {
  const councils = awaitingByClient.get(client);
  awaitingByClient.delete(client);
  return councils ? [...councils] : [];
}

/**
 * Moves committed audit rows that await the chain onto it, in the order they were written, for the
 * councils named (all councils with such rows when none are). Passes are coalesced in the pool's
 * lane: a caller waits for a pass that began after it asked.
 */
export function chainAwaitingAudit(pool: pg.Pool, laCodes?: readonly string[]): Promise<void> {
  return laneOf(pool).chain(laCodes);
}

/**
 * Audits many children at once (a list, an export, an import), a row per child, in the order given.
 * On a pool, like any read's rows they await the chain, stored in one statement with the rows of
 * the reads under way at the same time; inside a bulk write's transaction (an import, a rebuild)
 * they are chained there and then, the head held until that commits.
 */
export async function writeAuditForChildren(db: Queryable, entry: Omit<AuditEntry, 'childId'>, childIds: readonly string[]): Promise<void> {
  const entries = childIds.map((childId) => ({ ...entry, childId }));
  if (!isPool(db)) return appendEntries(db, entry.laCode, entries);
  return readGroupsOf(db as pg.Pool).store(entries);
}

/**
 * The lists that show children (their ids, names or both), each audited a row per child shown
 * under its own name, so that the anomaly report can count the children a person was shown.
 */
export const childListResources = [
  'child-search', 'related-children', 'duty-list', 'closed-duty-list', 'metric-children', 'alert-list', 'access-anomalies', 'worktray',
  'case-note-search', 'task-list', 'supervision-record', 'identity-search', 'duplicate-check', 'access-requests', 'statutory-return', 'return-issues',
] as const;
export type ChildListResource = (typeof childListResources)[number];

/**
 * Audits what a list showed: a read row per child in it (each child once, in the order shown),
 * with the list's name as the resource and what was asked as the detail; a list that showed no
 * child leaves one row without a child, so the asking is on record too. One statement on the
 * pool, shared with the reads under way at the same time: a list costs one round trip to audit
 * however many children it shows.
 */
export function writeListAudit(
  pool: Pick<pg.Pool, 'query'>, list: Omit<AuditEntry, 'childId' | 'action' | 'outcome' | 'resource'> & { resource: ChildListResource },
  childIds: readonly string[],
): Promise<void> {
  const entry = { ...list, action: 'read' as const, outcome: 'ok' };
  const shown = [...new Set(childIds)];
  return readGroupsOf(pool as pg.Pool).store(shown.length === 0 ? [entry] : shown.map((childId) => ({ ...entry, childId })));
}
