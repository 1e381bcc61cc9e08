/**
 * Asking to see a child's record outside one's scope, and a manager's decision. A request names
 * the child and the reason (required); it goes to the manager of the team of the worker the child
 * is allocated to (any team manager of that team), or, for a child not allocated, to the service
 * managers, who may decide any request. A granted request lasts a number of days (30 unless the
 * manager chooses otherwise, at most 90) and, until then, brings the child into the requester's
 * scope in the one access condition every read uses (access/policy.ts, visibleChildCondition:
 * a lookup of access_request_decision), so every route respects it and it ends by itself. A
 * restricted record stays restricted. The requester sees the outcome with their requests.
 *
 * Who may ask: the council's staff whose sight is narrower than the council's (a team, a service, a
 * caseload). Whole-council roles already see every record; partner agencies see what is shared
 * with them for a reason and ask the council through their own channels; figures-only roles see no
 * child. Every request, decision and list of them is audited here.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { hasCapability, visibleChildCondition } from '../../access/policy.ts';
import { writeAudit, writeListAudit } from '../../platform/audit/audit.ts';
import { withTransaction, type Database } from '../../platform/database/database.ts';
import { DomainError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { DEFAULT_ACCESS_DAYS, type AccessRequestLists, type AccessRequestOut } from './read-model.ts';

const requestColumns = `r.request_id, r.child_id, r.requested_by, r.requested_by_name, r.requested_by_role, r.reason, r.routed_to_team_id, r.requested_at,
  c.forename, c.surname, c.date_of_birth, d.decision, d.reason AS decision_reason, d.decided_by, d.decided_at, d.access_ends_at`;
const requestJoins = `FROM access_request r
  LEFT JOIN access_request_decision d ON d.la_code = r.la_code AND d.request_id = r.request_id
  LEFT JOIN child c ON c.la_code = r.la_code AND c.child_id = r.child_id`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function requestOf(row: any): AccessRequestOut {
  const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
  const ended = row.decision === 'granted' && new Date(row.access_ends_at).getTime() <= Date.now();
  return {
    requestId: row.request_id, childId: row.child_id, childName: row.forename ? `${row.forename} ${row.surname}` : row.child_id, dateOfBirth: row.date_of_birth ?? null,
    requestedBy: row.requested_by, requestedByName: row.requested_by_name, requestedByRole: row.requested_by_role, reason: row.reason,
    routedToTeamId: row.routed_to_team_id, requestedAt: iso(row.requested_at)!,
    status: row.decision === null ? 'awaiting-decision' : row.decision === 'refused' ? 'refused' : ended ? 'ended' : 'granted',
    decision: row.decision === null ? null : {
      decision: row.decision, reason: row.decision_reason, decidedBy: row.decided_by, decidedAt: iso(row.decided_at)!, accessEndsAt: iso(row.access_ends_at),
    },
  };
}

export class AccessRequestRepository {
  constructor(private readonly db: Database, private readonly context: RequestContext) {}

  private audit(client: Pick<pg.PoolClient, 'query'>, childId: string, resource: string, detail: Record<string, unknown>, action: 'write' | 'refused' = 'write') {
    return writeAudit(client, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId, action, resource, childId, outcome: 'ok', detail,
    });
  }

  /** Asks to see a child's record, with a reason; refused if the asker may already see it, or may not ask. */
  async ask(childId: string, reason: string): Promise<AccessRequestOut> {
    const access = this.context.access;
    if (access?.scope === 'figures-only') throw new DomainError('forbidden', 'Your role sees figures only: it cannot ask to see a child\'s record');
    if (access?.scope === 'shared-with-agency') {
      throw new DomainError('forbidden', 'A partner agency sees the records shared with it: ask the council\'s front door to share a record with you');
    }
    if (reason.trim().length === 0) throw DomainError.invalidField('reason', 'Enter why you need to see the record');
    return withTransaction(this.db.pool, async (client) => {
      const condition = visibleChildCondition(access, 'c', 3);
      const found = await client.query(
        `SELECT ${condition.sql} AS visible, ${condition.restrictedSql} AS restricted, c.allocated_team_id FROM child c WHERE c.la_code = $1 AND c.child_id = $2`,
        [this.context.laCode, childId, ...condition.params],
      );
      const child = found.rows[0] as { visible: boolean; restricted: boolean; allocated_team_id: string | null } | undefined;
      // A restricted record is not found by those outside it, so it cannot be asked for either.
      if (!child || (child.restricted && !child.visible)) throw DomainError.notFound(`No child with LA child id ${childId}`, 'childId');
      if (child.visible) throw new DomainError('conflict', 'You can already open this record', { problems: [{ field: 'childId', message: 'You can already open this record' }] });
      const waiting = await client.query(
        `SELECT 1 FROM access_request r WHERE r.la_code = $1 AND r.child_id = $2 AND r.requested_by = $3
            AND NOT EXISTS (SELECT 1 FROM access_request_decision d WHERE d.la_code = r.la_code AND d.request_id = r.request_id)`,
        [this.context.laCode, childId, this.context.actor.userId],
      );
      if (waiting.rowCount! > 0) throw new DomainError('conflict', 'You have already asked to see this record: wait for the manager\'s decision');
      const requestId = randomUUID();
      const account = await client.query('SELECT display_name FROM user_account WHERE la_code = $1 AND user_id = $2', [this.context.laCode, this.context.actor.userId]);
      const requesterName = (account.rows[0]?.display_name as string | undefined) ?? this.context.actor.userId;
      await client.query(
        `INSERT INTO access_request (la_code, request_id, child_id, requested_by, requested_by_name, requested_by_role, reason, routed_to_team_id, requested_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
        [this.context.laCode, requestId, childId, this.context.actor.userId, requesterName, this.context.actor.role, reason.trim(), child.allocated_team_id],
      );
      await this.audit(client, childId, 'access-request', { requestId, reason: reason.trim(), routedToTeamId: child.allocated_team_id });
      return this.readOne(client, requestId);
    });
  }

  /** The actor's own requests, and those awaiting their decision; each child named is audited as read. */
  async lists(): Promise<AccessRequestLists> {
    const laCode = this.context.laCode;
    const mine = await this.db.pool.query(`SELECT ${requestColumns} ${requestJoins} WHERE r.la_code = $1 AND r.requested_by = $2 ORDER BY r.requested_at DESC LIMIT 200`, [laCode, this.context.actor.userId]);
    let toDecide: AccessRequestOut[] = [];
    if (this.context.access && hasCapability(this.context.access, 'decide-access-requests')) {
      const { sql, params } = this.decidableSql();
      const rows = await this.db.pool.query(
        `SELECT ${requestColumns} ${requestJoins} WHERE r.la_code = $1 AND d.request_id IS NULL AND r.requested_by <> $2 AND ${sql} ORDER BY r.requested_at LIMIT 200`,
        [laCode, this.context.actor.userId, ...params],
      );
      toDecide = rows.rows.map(requestOf);
    }
    const lists = { mine: mine.rows.map(requestOf), toDecide };
    await writeListAudit(this.db.pool, {
      laCode, actor: this.context.actor, correlationId: this.context.correlationId, resource: 'access-requests', detail: { mine: lists.mine.length, toDecide: toDecide.length },
    }, [...lists.mine, ...lists.toDecide].map((request) => request.childId));
    return lists;
  }

  /**
   * Which requests the actor decides: a service manager (whole-council sight) any; a team manager
   * those routed to their team. Parameters from $3.
   */
  private decidableSql(): { sql: string; params: unknown[] } {
    const access = this.context.access;
    if (access === undefined || access.scope === 'whole-la') return { sql: 'true', params: [] };
    return { sql: 'r.routed_to_team_id = $3', params: [access.teamId ?? ''] };
  }

  /** Grants (for `days`, 30 unless given) or refuses (with a reason) a request awaiting the actor's decision. */
  async decide(requestId: string, decision: { decision: 'granted' | 'refused'; reason?: string; days?: number }): Promise<AccessRequestOut> {
    if (!hasCapability(this.context.access, 'decide-access-requests')) throw new DomainError('forbidden', 'Only a team or service manager can decide a request to see a record');
    const reason = decision.reason?.trim() || undefined;
    if (decision.decision === 'refused' && !reason) throw DomainError.invalidField('reason', 'Enter why you are refusing access');
    return withTransaction(this.db.pool, async (client) => {
      const { sql, params } = this.decidableSql();
      const found = await client.query(
        `SELECT r.child_id, r.requested_by, d.request_id AS decided FROM access_request r
           LEFT JOIN access_request_decision d ON d.la_code = r.la_code AND d.request_id = r.request_id
          WHERE r.la_code = $1 AND r.request_id = $2 AND ${sql.replace('$3', '$4')} AND r.requested_by <> $3 FOR UPDATE OF r`,
        [this.context.laCode, requestId, this.context.actor.userId, ...params],
      );
      const request = found.rows[0] as { child_id: string; requested_by: string; decided: string | null } | undefined;
      if (!request) throw DomainError.notFound(`No request ${requestId} awaiting your decision`, 'requestId');
      if (request.decided) throw new DomainError('conflict', 'This request has already been decided');
      const days = decision.decision === 'granted' ? decision.days ?? DEFAULT_ACCESS_DAYS : null;
      await client.query(
        `INSERT INTO access_request_decision (la_code, request_id, child_id, requested_by, decision, reason, decided_by, decided_at, access_ends_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now(), CASE WHEN $8::integer IS NULL THEN NULL ELSE now() + make_interval(days => $8::integer) END)`,
        [this.context.laCode, requestId, request.child_id, request.requested_by, decision.decision, reason ?? null, this.context.actor.userId, days],
      );
      await this.audit(client, request.child_id, 'access-request-decision', { requestId, decision: decision.decision, reason: reason ?? null, days, requestedBy: request.requested_by });
      return this.readOne(client, requestId);
    });
  }

  private async readOne(client: Pick<pg.PoolClient, 'query'>, requestId: string): Promise<AccessRequestOut> {
    const row = await client.query(`SELECT ${requestColumns} ${requestJoins} WHERE r.la_code = $1 AND r.request_id = $2`, [this.context.laCode, requestId]);
    return requestOf(row.rows[0]);
  }
}
