import type { Database } from '../platform/database/database.ts';
import { writeListAudit, type ChildListResource } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/request-context.ts';
import type { Duty } from '../timescales/engine.ts';
import { visibleChildCondition } from '../access/policy.ts';
import { involvementsJsonSql, type ListedInvolvement } from '../record/involvement-list.ts';

export interface DutyFilter {
  childId?: string;
  workerId?: string;
  teamId?: string;
}

/** A duty with the child it is owed to: their name, current involvements and allocation as at the date asked about. */
export type DutyRow = Duty & { forename: string; surname: string; involvements: ListedInvolvement[]; workerId: string | null; teamId: string | null };

/**
 * Duties from the duty projection, with the child's allocation as it was on the date asked
 * about, so "what was due on 31 March" names the worker who held the case then.
 */
export class DutyRepository {
  constructor(private readonly db: Database, private readonly context: RequestContext) {}

  /** Duties open as at a date: started on or before it and not closed by then. */
  async findOpenAsAt(asAt: string, filter: DutyFilter = {}): Promise<DutyRow[]> {
    return this.query(`d.opened_on <= $2 AND (d.closed_on IS NULL OR d.closed_on > $2)`, asAt, filter, 'duty-list');
  }

  /** Duties closed in a window, to say which were met on time and which late. */
  async findClosedBetween(from: string, to: string, filter: DutyFilter = {}): Promise<DutyRow[]> {
    return this.query(`d.closed_on BETWEEN $6 AND $2`, to, filter, 'closed-duty-list', from);
  }

  private async query(condition: string, asAt: string, filter: DutyFilter, resource: ChildListResource, from?: string): Promise<DutyRow[]> {
    const visible = visibleChildCondition(this.context.access, 'c', 7);
    const result = await this.db.pool.query(
      `SELECT d.child_id, d.rule_id, d.subject_id, d.occurrence, d.opened_on, d.opened_by_event_id, d.started_on, d.started_at, d.unit, d.due_on, d.due_at, d.closed_on, d.closed_at, d.closure,
              d.closed_by_event_id, c.forename, c.surname, ${involvementsJsonSql('d.la_code', 'd.child_id')} AS involvements, a.worker_id, a.team_id
         FROM duty d
         JOIN child c ON c.la_code = d.la_code AND c.child_id = d.child_id
         LEFT JOIN LATERAL (
           SELECT worker_id, team_id FROM allocation al
            WHERE al.la_code = d.la_code AND al.child_id = d.child_id AND al.started_on <= $2
              AND (al.ended_on IS NULL OR al.ended_on > $2)
            ORDER BY al.started_on DESC LIMIT 1) a ON true
        WHERE d.la_code = $1 AND ${condition}
          AND ($3::text IS NULL OR d.child_id = $3)
          AND ($4::text IS NULL OR a.worker_id = $4)
          AND ($5::text IS NULL OR a.team_id = $5)
          AND ($6::date IS NULL OR true) -- keeps $6 typed where the condition does not use it
          AND (${visible.sql})
        ORDER BY d.due_on, d.child_id, d.rule_id`,
      [this.context.laCode, asAt, filter.childId ?? null, filter.workerId ?? null, filter.teamId ?? null, from ?? null, ...visible.params],
    );
    // Every child with a duty in the list was shown (name, what is due): each is audited as read.
    await writeListAudit(this.db.pool, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId,
      resource, detail: { asAt, from, ...filter, rows: result.rowCount },
    }, result.rows.map((row) => row.child_id as string));
    return result.rows.map((row) => ({
      ruleId: row.rule_id, childId: row.child_id, subjectId: row.subject_id, occurrence: row.occurrence,
      openedOn: row.opened_on, openedByEventId: row.opened_by_event_id, startedOn: row.started_on,
      startedAt: row.started_at ? (row.started_at as Date).toISOString() : undefined,
      unit: row.unit, dueOn: row.due_on, dueAt: row.due_at ? (row.due_at as Date).toISOString() : undefined,
      closedOn: row.closed_on ?? undefined, closedAt: row.closed_at ? (row.closed_at as Date).toISOString() : undefined, closure: row.closure ?? undefined, closedByEventId: row.closed_by_event_id ?? undefined,
      forename: row.forename, surname: row.surname, involvements: row.involvements, workerId: row.worker_id, teamId: row.team_id,
    }));
  }
}
