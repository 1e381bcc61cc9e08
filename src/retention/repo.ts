import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { writeAudit, writeAuditForChildren } from '../platform/audit/audit.ts';
import { withTransaction, type Database } from '../platform/database/database.ts';
import { DomainError } from '../platform/errors.ts';
import { projectionTables } from '../record/projections.ts';
import type { RequestContext } from '../platform/request-context.ts';
import type { RetentionDecision, RetentionFacts } from './rules.ts';
import { openWorkConditions, recordKinds } from './schedules.ts';

export interface RetentionHold {
  holdId: string;
  childId: string;
  reason: string;
  placedBy: string;
  placedAt: string;
}

/**
 * The kind of a child's record (`c`): the most involved kind whose test holds, or else the least
 * involved, which has none (schedules.ts). The kinds' names are the query's parameters from $3 on.
 */
const recordTypeParameter = (index: number) => `$${index + 3}::text`;
const recordTypeSql = `CASE ${recordKinds.flatMap((kind, index) => (kind.recognisedBy === undefined ? [] : [`WHEN (${kind.recognisedBy}) THEN ${recordTypeParameter(index)}`])).join(' ')}
                   ELSE ${recordTypeParameter(recordKinds.length - 1)} END`;

/** Whether the child (`c`) has open work of any module's. */
const openWorkSql = openWorkConditions.map((condition) => `(${condition})`).join(' OR ') || 'false';

/** Retention's data access: facts about records, holds, and disposal. Audits what it reads and writes. */
export class RetentionRepository {
  constructor(
    private readonly db: Database,
    private readonly context: RequestContext,
  ) {}

  /** Retention facts for every registered child of the council (or the children named). */
  findRetentionFacts(childIds?: readonly string[]): Promise<RetentionFacts[]> {
    return this.queryRetentionFacts(this.db.pool, childIds);
  }

  private async queryRetentionFacts(db: Pick<pg.PoolClient, 'query'>, childIds?: readonly string[]): Promise<RetentionFacts[]> {
    const result = await db.query(
      `WITH last_event AS (
         SELECT child_id, max(occurred_on) AS last_event_on FROM child_event
          WHERE la_code = $1 AND ($2::text[] IS NULL OR child_id = ANY($2::text[])) GROUP BY child_id
       )
       SELECT c.child_id, to_char(c.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
              to_char(c.expected_date_of_birth, 'YYYY-MM-DD') AS expected_date_of_birth,
              to_char(l.last_event_on, 'YYYY-MM-DD') AS last_event_on,
              ${recordTypeSql} AS record_type,
              ${openWorkSql} AS open_work,
              EXISTS (SELECT 1 FROM retention_hold h WHERE h.la_code = c.la_code AND h.child_id = c.child_id
                         AND NOT EXISTS (SELECT 1 FROM retention_hold_lifted x WHERE x.la_code = h.la_code AND x.hold_id = h.hold_id)) AS on_hold
         FROM child c JOIN last_event l ON l.child_id = c.child_id
        WHERE c.la_code = $1
        ORDER BY c.child_id`,
      [this.context.laCode, childIds ? [...childIds] : null, ...recordKinds.map((kind) => kind.rule.recordType)],
    );
    return result.rows.map((row) => ({
      childId: row.child_id as string,
      dateOfBirth: row.date_of_birth as string | null,
      expectedDateOfBirth: row.expected_date_of_birth as string | null,
      recordType: row.record_type as string,
      lastEventOn: row.last_event_on as string,
      openWork: row.open_work as boolean,
      onHold: row.on_hold as boolean,
    }));
  }

  async placeHold(childId: string, reason: string): Promise<RetentionHold> {
    return withTransaction(this.db.pool, async (client) => {
      const known = await client.query('SELECT 1 FROM child WHERE la_code = $1 AND child_id = $2', [this.context.laCode, childId]);
      if (known.rowCount === 0) throw DomainError.notFound(`No child with LA child id ${childId}`, 'childId');
      const hold = { holdId: randomUUID(), childId, reason, placedBy: this.context.actor.userId, placedAt: new Date().toISOString() };
      await client.query(
        `INSERT INTO retention_hold (la_code, hold_id, child_id, reason, placed_by, placed_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [this.context.laCode, hold.holdId, childId, reason, hold.placedBy, hold.placedAt],
      );
      await this.audit(client, { action: 'write', resource: 'retention-hold', childId, outcome: 'ok', detail: { holdId: hold.holdId, reason } });
      return hold;
    });
  }

  /** Lifts every hold in force on the child; answers how many there were. */
  async liftHolds(childId: string, reason: string): Promise<number> {
    return withTransaction(this.db.pool, async (client) => {
      // Holds are lifted, not deleted: who held a record, and why, stays on file.
      const lifted = await client.query(
        `INSERT INTO retention_hold_lifted (la_code, hold_id, reason, lifted_by, lifted_at)
         SELECT h.la_code, h.hold_id, $3, $4, now() FROM retention_hold h
          WHERE h.la_code = $1 AND h.child_id = $2
            AND NOT EXISTS (SELECT 1 FROM retention_hold_lifted x WHERE x.la_code = h.la_code AND x.hold_id = h.hold_id)`,
        [this.context.laCode, childId, reason, this.context.actor.userId],
      );
      await this.audit(client, { action: 'write', resource: 'retention-hold', childId, outcome: 'ok', detail: { lifted: lifted.rowCount, reason } });
      return lifted.rowCount ?? 0;
    });
  }

  /**
   * Disposes of one child's record, which must be due (checked again here, in the transaction,
   * against the facts as they are now): removes their events and projections, leaves a tombstone
   * and an audit row.
   */
  async dispose(decision: RetentionDecision, recheck: (facts: RetentionFacts) => RetentionDecision): Promise<{ eventsRemoved: number }> {
    const { childId } = decision;
    return withTransaction(this.db.pool, async (client) => {
      // No one records anything for this child while it is disposed of (the same lock as recording).
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.context.laCode}:${childId}`]);
      const [facts] = await this.queryRetentionFacts(client, [childId]);
      const now = facts ? recheck(facts) : undefined;
      if (!now || now.status !== 'due-for-disposal') {
        throw new DomainError('conflict', `The record of ${childId} is no longer due for disposal${now ? `: ${now.reason}` : ''}`, { details: { childId } });
      }
      // The tombstone comes first: the log gives up a child's events only to a disposal whose
      // tombstone this transaction has written (see migration 0022), and it can never be removed.
      const events = await client.query('SELECT count(*)::int AS n FROM child_event WHERE la_code = $1 AND child_id = $2', [this.context.laCode, childId]);
      await client.query(
        `INSERT INTO child_disposal (la_code, child_id, disposed_at, disposed_by, record_type, rule_id, retained_until, events_removed, correlation_id)
         VALUES ($1, $2, now(), $3, $4, $5, $6, $7, $8)`,
        [this.context.laCode, childId, this.context.actor.userId, now.recordType, now.ruleId, now.retainUntil, events.rows[0].n, this.context.correlationId],
      );
      await client.query(`SELECT set_config('safeguard.disposal', 'on', true)`);
      const removed = await client.query('DELETE FROM child_event WHERE la_code = $1 AND child_id = $2', [this.context.laCode, childId]);
      for (const table of projectionTables) await client.query(`DELETE FROM ${table} WHERE la_code = $1 AND child_id = $2`, [this.context.laCode, childId]);
      await this.audit(client, {
        action: 'write', resource: 'child-record:disposal', childId, outcome: 'ok',
        detail: { ruleId: now.ruleId, recordType: now.recordType, retainedUntil: now.retainUntil, eventsRemoved: removed.rowCount },
      });
      return { eventsRemoved: removed.rowCount ?? 0 };
    });
  }

  /** Audits a dry-run report: every child listed was looked at. */
  async auditReport(childIds: readonly string[], asAt: string): Promise<void> {
    await writeAuditForChildren(this.db.pool, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId,
      action: 'read', resource: 'retention-report', outcome: 'ok', detail: { asAt },
    }, childIds);
  }

  private audit(client: Pick<pg.PoolClient, 'query'>, entry: { action: 'read' | 'write'; resource: string; childId: string; outcome: string; detail: Record<string, unknown> }) {
    return writeAudit(client, { laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId, ...entry });
  }
}
