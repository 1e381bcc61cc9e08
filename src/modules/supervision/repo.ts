/**
 * The data-access layer for supervision, bound to one request's actor. A session is the worker's
 * (supervision_session, append-only); each case discussed in it is an event on the child's record,
 * written through the child's record repository, so it is checked, audited and restricted as any
 * other event. Whom a reader may see the supervision of follows their role: supervisors see their
 * team's (a team manager their service's, a service manager the council's); everyone their own.
 */
import { randomUUID } from 'node:crypto';
import { visibleChildCondition } from '../../access/policy.ts';
import { writeAudit, writeListAudit } from '../../platform/audit/audit.ts';
import { addCalendarDays } from '../../platform/calendar/calendar.ts';
import { todayInLondon } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import { DomainError, type FieldProblem } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { ChildRecordRepository } from '../../record/repo.ts';
import type { SupervisionDue, SupervisionSession, SupervisionSessionInput } from './read-model.ts';

/** The roles that supervise: a senior practitioner their team's workers, a team manager their service's, a service manager anyone's. */
export const supervisorRoles = ['senior-practitioner', 'team-manager', 'service-manager'] as const;
type SupervisorRole = (typeof supervisorRoles)[number];
export const isSupervisorRole = (role: string | undefined): role is SupervisorRole => (supervisorRoles as readonly string[]).includes(role ?? '');

/** Whose supervision a reader reaches, as a condition on worker `w` (parameters from $first). */
function reachCondition(access: RequestContext['access'], first: number): { sql: string; params: unknown[] } {
  if (access === undefined) return { sql: 'true', params: [] };
  const own = `w.worker_id = $${first}::text`;
  switch (access.role) {
    case 'service-manager': return { sql: 'true', params: [] };
    case 'team-manager':
      return {
        sql: `(${own} OR w.team_id IN (SELECT t.team_id FROM team t JOIN team mine ON mine.la_code = t.la_code AND mine.service = t.service
                                        WHERE t.la_code = w.la_code AND mine.team_id = $${first + 1}::text))`,
        params: [access.workerId, access.teamId],
      };
    case 'senior-practitioner': return { sql: `(${own} OR w.team_id = $${first + 1}::text)`, params: [access.workerId, access.teamId] };
    default: return { sql: own, params: [access.workerId] };
  }
}

export class SupervisionRepository {
  constructor(
    private readonly db: Database,
    private readonly context: RequestContext,
    private readonly records: Pick<ChildRecordRepository, 'assertMaySee' | 'recordEvent'>,
    private readonly standardDays: number,
  ) {}

  private async audit(entry: { action: 'read' | 'write' | 'refused'; resource: string; outcome: string; detail?: Record<string, unknown> }) {
    await writeAudit(this.db.pool, { laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId, ...entry });
  }

  /** Whether the reader reaches the worker's supervision; refused (and audited) when not, as if there were no such worker. */
  private async assertReaches(workerId: string, resource: string): Promise<{ name: string; teamId: string; startedOn: string; leftOn: string | null }> {
    const reach = reachCondition(this.context.access, 3);
    const result = await this.db.pool.query(
      `SELECT w.name, w.team_id, w.started_on::text AS started_on, w.left_on::text AS left_on, (${reach.sql}) AS reached
         FROM worker w WHERE w.la_code = $1 AND w.worker_id = $2`,
      [this.context.laCode, workerId, ...reach.params],
    );
    const row = result.rows[0];
    if (!row || !row.reached) {
      await this.audit({ action: 'refused', resource, outcome: 'not_found', detail: { workerId } });
      throw DomainError.notFound('There is no worker with that id whose supervision you can see', 'workerId');
    }
    return { name: row.name, teamId: row.team_id, startedOn: row.started_on, leftOn: row.left_on };
  }

  /**
   * Records a supervision session and each case discussed in it: the session first, then, for
   * each child, the discussion as an event on the child's record with any tasks set in it. Every
   * child is checked first, so a child the supervisor may not see stops the session before anything
   * is written.
   */
  async recordSession(input: SupervisionSessionInput, supervisorWorkerId?: string) {
    const access = this.context.access;
    if (access && !(isSupervisorRole(access.role) && access.records)) {
      await this.audit({ action: 'refused', resource: 'supervision-session', outcome: 'forbidden', detail: { workerId: input.workerId } });
      throw new DomainError('forbidden', 'Only a senior practitioner, team manager or service manager can record supervision');
    }
    const supervisor = access?.workerId ?? supervisorWorkerId;
    const problems: FieldProblem[] = [];
    if (!supervisor) problems.push({ field: 'supervisorWorkerId', message: 'Select the supervisor' });
    if (supervisor === input.workerId) problems.push({ field: 'workerId', message: 'Select a worker other than yourself: you cannot supervise yourself' });
    if (input.heldOn > todayInLondon()) problems.push({ field: 'heldOn', message: 'The date of the supervision must be today or in the past' });
    const children = input.caseDiscussions.map((d) => d.childId);
    const repeated = children.find((childId, index) => children.indexOf(childId) !== index);
    if (repeated) problems.push({ field: `caseDiscussions.${children.lastIndexOf(repeated)}.childId`, message: 'Discuss each child once in a session' });
    if (problems.length > 0) throw DomainError.invalid(problems, problems.map((p) => p.message).join('. '));
    const worker = await this.assertReaches(input.workerId, 'supervision-session');
    if (input.heldOn < worker.startedOn || (worker.leftOn !== null && worker.leftOn <= input.heldOn)) {
      throw DomainError.invalidField('heldOn', `The date of the supervision must be while ${worker.name} worked here`);
    }
    for (const childId of children) await this.records.assertMaySee(childId, 'supervision-session');

    const supervisionId = randomUUID();
    await this.db.pool.query(
      `INSERT INTO supervision_session (la_code, supervision_id, version, worker_id, supervisor_worker_id, held_on, notes, recorded_by_user, recorded_by_role)
       VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8)`,
      [this.context.laCode, supervisionId, input.workerId, supervisor, input.heldOn, input.notes || null, this.context.actor.userId, this.context.actor.role],
    );
    await this.audit({ action: 'write', resource: 'supervision-session', outcome: 'ok', detail: { supervisionId, workerId: input.workerId, children } });
    const caseDiscussions = [];
    for (const discussion of input.caseDiscussions) {
      const recorded = await this.records.recordEvent(discussion.childId, {
        type: 'supervision.case-discussed', occurredAt: input.heldOn, clientId: randomUUID(),
        data: {
          supervisionId, workerId: input.workerId, supervisorWorkerId: supervisor!, discussion: discussion.discussion,
          ...(discussion.decisions ? { decisions: discussion.decisions } : {}),
        },
      } as Parameters<ChildRecordRepository['recordEvent']>[1]);
      const taskEventIds: string[] = [];
      for (const task of discussion.tasks) {
        const set = await this.records.recordEvent(discussion.childId, {
          type: 'task.set', occurredAt: input.heldOn, clientId: randomUUID(),
          data: {
            description: task.description, sourceKind: 'supervision', sourceEventId: recorded.event.eventId, teamId: task.teamId, dueOn: task.dueOn,
            ...(task.workerId ? { workerId: task.workerId } : {}),
          },
        } as Parameters<ChildRecordRepository['recordEvent']>[1]);
        taskEventIds.push(set.event.eventId);
      }
      caseDiscussions.push({ childId: discussion.childId, eventId: recorded.event.eventId, taskEventIds });
    }
    return { supervisionId, caseDiscussions };
  }

  /**
   * The workers whose supervision the reader reaches (a supervisor's team or service; anyone else
   * themselves), working on the day, each with their last session and when the next is due by the
   * council's standard, the most overdue first.
   */
  async workersDue(asAt: string, teamId?: string): Promise<SupervisionDue[]> {
    const reach = reachCondition(this.context.access, 4);
    const result = await this.db.pool.query(
      `SELECT w.worker_id, w.name, w.role, w.team_id, w.started_on::text AS started_on,
              (SELECT max(s.held_on) FROM supervision_session s
                WHERE s.la_code = w.la_code AND s.worker_id = w.worker_id AND s.held_on <= $2
                  AND s.version = (SELECT max(v.version) FROM supervision_session v WHERE v.la_code = s.la_code AND v.supervision_id = s.supervision_id))::text AS last_on
         FROM worker w
        WHERE w.la_code = $1 AND w.started_on <= $2 AND (w.left_on IS NULL OR w.left_on > $2) AND ($3::text IS NULL OR w.team_id = $3)
          AND ${reach.sql}`,
      [this.context.laCode, asAt, teamId ?? null, ...reach.params],
    );
    await this.audit({ action: 'read', resource: 'supervision-workers', outcome: 'ok', detail: { asAt, teamId: teamId ?? null, workers: result.rows.length } });
    return result.rows.map((row) => supervisionDueOf(row, asAt, this.standardDays))
      .sort((a, b) => a.nextDueOn.localeCompare(b.nextDueOn) || a.name.localeCompare(b.name));
  }

  /**
   * A worker's supervision sessions, latest first, each as its latest version, with the case
   * discussions of the children the reader may see (restricted records left out); each child shown
   * is audited as read.
   */
  async sessionsOf(workerId: string): Promise<SupervisionSession[]> {
    await this.assertReaches(workerId, 'supervision-record');
    const sessions = await this.db.pool.query(
      `SELECT s.supervision_id, s.version, s.worker_id, s.supervisor_worker_id, s.held_on::text AS held_on, s.notes, s.recorded_at
         FROM supervision_session s
        WHERE s.la_code = $1 AND s.worker_id = $2
          AND s.version = (SELECT max(v.version) FROM supervision_session v WHERE v.la_code = s.la_code AND v.supervision_id = s.supervision_id)
        ORDER BY s.held_on DESC, s.recorded_at DESC
        LIMIT 200`,
      [this.context.laCode, workerId],
    );
    const visible = visibleChildCondition(this.context.access, 'c', 3);
    const discussions = await this.db.pool.query(
      `SELECT d.supervision_id, d.discussion_id, d.child_id, c.forename, c.surname, d.discussion, d.decisions
         FROM supervision_case_discussion d JOIN child c ON c.la_code = d.la_code AND c.child_id = d.child_id
        WHERE d.la_code = $1 AND d.supervision_id = ANY($2::uuid[]) AND (${visible.sql})
        ORDER BY c.surname, c.forename`,
      [this.context.laCode, sessions.rows.map((row) => row.supervision_id), ...visible.params],
    );
    await writeListAudit(this.db.pool, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId, resource: 'supervision-record', detail: { workerId },
    }, discussions.rows.map((row) => row.child_id));
    return sessions.rows.map((row): SupervisionSession => ({
      supervisionId: row.supervision_id, version: row.version, workerId: row.worker_id, supervisorWorkerId: row.supervisor_worker_id, heldOn: row.held_on,
      ...(row.notes ? { notes: row.notes } : {}), recordedAt: new Date(row.recorded_at).toISOString(),
      caseDiscussions: discussions.rows.filter((d) => d.supervision_id === row.supervision_id).map((d) => ({
        childId: d.child_id, childName: `${d.forename} ${d.surname}`, discussionId: d.discussion_id, discussion: d.discussion,
        ...(d.decisions ? { decisions: d.decisions } : {}),
      })),
    }));
  }
}

/** Whole days from one date to another. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * A worker's supervision against the standard: the next session is due the standard's days after
 * the last (after they started, when never supervised), and overdue the day after that.
 */
export function supervisionDueOf(
  worker: { worker_id: string; name: string; role: string; team_id: string; started_on: string; last_on: string | null }, asAt: string, standardDays: number,
): SupervisionDue {
  const from = worker.last_on ?? worker.started_on;
  const nextDueOn = addCalendarDays(from, standardDays);
  return {
    workerId: worker.worker_id, name: worker.name, role: worker.role, teamId: worker.team_id,
    ...(worker.last_on ? { lastSupervisedOn: worker.last_on } : {}),
    nextDueOn, overdue: nextDueOn < asAt, daysSince: daysBetween(from, asAt),
  };
}
