/**
 * Restricting a record, breaking the glass to open one, and the alerts that tell a record's owner.
 * Every change is audited here, in the data-access layer, with the reason given.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { writeAudit, writeListAudit } from '../platform/audit/audit.ts';
import { withTransaction, type Database } from '../platform/database/database.ts';
import { DomainError } from '../platform/errors.ts';
import type { RequestContext } from '../platform/request-context.ts';
import { hasCapability, visibleChildCondition } from './policy.ts';

/** How long breaking the glass opens a record for. */
const BREAK_GLASS_HOURS = 24;
/** Named access to a restricted record lasts until the restriction is reviewed. */
const NAMED_ACCESS_YEARS = 100;

export interface AccessAlert {
  alertId: string;
  childId: string;
  message: string;
  raisedAt: string;
  /** When the actor marked it as seen; null while it is new. */
  seenAt: string | null;
}

export class RestrictedRecords {
  constructor(
    private readonly db: Database,
    private readonly context: RequestContext,
  ) {}

  private audit(client: Pick<pg.PoolClient, 'query'>, childId: string, resource: string, detail: Record<string, unknown>) {
    return writeAudit(client, { laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId, action: 'write', resource, childId, outcome: 'ok', detail });
  }

  /** Where the child stands for the actor: visible, in scope (ignoring restriction), restricted; undefined if no such child. */
  private async standing(client: Pick<pg.PoolClient, 'query'>, childId: string) {
    const condition = visibleChildCondition(this.context.access, 'c', 3);
    const result = await client.query(
      `SELECT ${condition.sql} AS visible, ${condition.inScopeSql} AS in_scope, ${condition.restrictedSql} AS restricted,
              (SELECT worker_id FROM allocation a WHERE a.la_code = c.la_code AND a.child_id = c.child_id AND a.ended_on IS NULL ORDER BY started_on DESC LIMIT 1) AS owner
         FROM child c WHERE c.la_code = $1 AND c.child_id = $2`,
      [this.context.laCode, childId, ...condition.params],
    );
    return result.rows[0] as { visible: boolean; in_scope: boolean; restricted: boolean; owner: string | null } | undefined;
  }

  /** Restricts a record the actor can see, naming who keeps access (the actor always does). */
  async restrict(childId: string, reason: string, namedUserIds: readonly string[]): Promise<void> {
    if (!hasCapability(this.context.access, 'restrict-records')) throw new DomainError('forbidden', 'Only a manager or an administrator can restrict a record');
    await withTransaction(this.db.pool, async (client) => {
      const standing = await this.standing(client, childId);
      if (!standing?.visible) throw DomainError.notFound(`No child with LA child id ${childId}`, 'childId');
      if (standing.restricted) throw new DomainError('conflict', `The record of ${childId} is already restricted`);
      await client.query(
        `INSERT INTO child_restriction (la_code, child_id, reason, restricted_by, restricted_at) VALUES ($1, $2, $3, $4, now())`,
        [this.context.laCode, childId, reason, this.context.actor.userId],
      );
      const named = [...new Set([this.context.actor.userId, ...namedUserIds])];
      await client.query(
        `INSERT INTO record_access_grant (la_code, grant_id, child_id, user_id, kind, reason, granted_by, granted_at, expires_at)
         SELECT $1, gen_random_uuid(), $2, user_id, 'named', $3, $4, now(), now() + make_interval(years => $5) FROM unnest($6::text[]) AS user_id`,
        [this.context.laCode, childId, reason, this.context.actor.userId, NAMED_ACCESS_YEARS, named],
      );
      await this.audit(client, childId, 'record-restriction', { reason, named });
    });
  }

  /**
   * Opens a restricted record the actor would otherwise see, for a day, with their reason on the
   * record of access; the worker the child is allocated to is alerted.
   */
  async breakGlass(childId: string, reason: string): Promise<{ expiresAt: string }> {
    return withTransaction(this.db.pool, async (client) => {
      const standing = await this.standing(client, childId);
      if (!standing?.in_scope) throw DomainError.notFound(`No child with LA child id ${childId}`, 'childId');
      if (!standing.restricted) throw new DomainError('conflict', `The record of ${childId} is not restricted: open it as usual`);
      const expires = await client.query(
        `INSERT INTO record_access_grant (la_code, grant_id, child_id, user_id, kind, reason, granted_by, granted_at, expires_at)
         VALUES ($1, $2, $3, $4, 'break-glass', $5, $4, now(), now() + make_interval(hours => $6)) RETURNING expires_at`,
        [this.context.laCode, randomUUID(), childId, this.context.actor.userId, reason, BREAK_GLASS_HOURS],
      );
      if (standing.owner && standing.owner !== this.context.actor.userId) {
        await client.query(
          `INSERT INTO access_alert (la_code, alert_id, child_id, recipient_worker_id, message, raised_at) VALUES ($1, $2, $3, $4, $5, now())`,
          [this.context.laCode, randomUUID(), childId, standing.owner,
            `${this.context.actor.userId} (${this.context.actor.role}, ${this.context.actor.agency}) broke the glass to open the restricted record of ${childId}: "${reason}"`],
        );
      }
      await this.audit(client, childId, 'break-glass', { reason, hours: BREAK_GLASS_HOURS });
      return { expiresAt: (expires.rows[0].expires_at as Date).toISOString() };
    });
  }

  /** The council's accounts that a restriction may name, for those who may restrict records. */
  async findPeopleToName(): Promise<{ userId: string; displayName: string; role: string; teamId: string | null }[]> {
    if (!hasCapability(this.context.access, 'restrict-records')) throw new DomainError('forbidden', 'Only a manager or an administrator can restrict a record');
    const result = await this.db.pool.query(
      `SELECT user_id, display_name, role, team_id FROM user_account WHERE la_code = $1 AND disabled_at IS NULL ORDER BY display_name, user_id LIMIT 2000`,
      [this.context.laCode],
    );
    return result.rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, role: r.role, teamId: r.team_id }));
  }

  /** Alerts for the actor (as a user, or as the worker they are), newest first, each with when they saw it. */
  async findMyAlerts(): Promise<AccessAlert[]> {
    const result = await this.db.pool.query(
      `SELECT a.alert_id, a.child_id, a.message, a.raised_at, s.seen_at FROM access_alert a
         LEFT JOIN access_alert_seen s ON s.la_code = a.la_code AND s.alert_id = a.alert_id AND s.seen_by = $2
        WHERE ${this.isMine('a')} ORDER BY a.raised_at DESC LIMIT 200`,
      this.myAlertParameters(),
    );
    // An alert names the child whose record was opened: each child named is audited as shown.
    await writeListAudit(this.db.pool, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId, resource: 'alert-list', detail: { alerts: result.rows.length },
    }, result.rows.map((r) => r.child_id as string));
    return result.rows.map((r) => ({
      alertId: r.alert_id, childId: r.child_id, message: r.message, raisedAt: (r.raised_at as Date).toISOString(),
      seenAt: r.seen_at ? (r.seen_at as Date).toISOString() : null,
    }));
  }

  /**
   * Marks one of the actor's alerts as seen (again is harmless: the first time stands). Another
   * person's alert is answered as not found, as if it did not exist.
   */
  async markAlertSeen(alertId: string): Promise<{ seenAt: string }> {
    return withTransaction(this.db.pool, async (client) => {
      const mine = await client.query(`SELECT a.child_id FROM access_alert a WHERE ${this.isMine('a')} AND a.alert_id = $4`, [...this.myAlertParameters(), alertId]);
      if (mine.rowCount === 0) throw DomainError.notFound(`No alert ${alertId} for you`, 'alertId');
      const seen = await client.query(
        `WITH added AS (
           INSERT INTO access_alert_seen (la_code, alert_id, seen_by, seen_at) VALUES ($1, $2, $3, now())
           ON CONFLICT (la_code, alert_id, seen_by) DO NOTHING RETURNING seen_at)
         SELECT seen_at FROM added UNION ALL
         SELECT seen_at FROM access_alert_seen WHERE la_code = $1 AND alert_id = $2 AND seen_by = $3 LIMIT 1`,
        [this.context.laCode, alertId, this.context.actor.userId],
      );
      await this.audit(client, mine.rows[0].child_id, 'access-alert-seen', { alertId });
      return { seenAt: (seen.rows[0].seen_at as Date).toISOString() };
    });
  }

  /** Parameters $1–$3 of isMine: the council, the actor as a user, and as the worker they are. */
  private myAlertParameters(): string[] {
    return [this.context.laCode, this.context.actor.userId, this.context.access?.workerId ?? this.context.actor.userId];
  }

  private isMine(alias: string): string {
    return `${alias}.la_code = $1 AND (${alias}.recipient_user_id = $2 OR ${alias}.recipient_worker_id = $3)`;
  }
}
