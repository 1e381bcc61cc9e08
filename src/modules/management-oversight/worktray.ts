/**
 * A manager's worktray: the assessments, plans and closures awaiting their authorisation, read
 * from the `authorisation` projection by its index of items awaiting authorisation by team. Each
 * child the worktray shows is audited as read, as any list of children is.
 *
 * Who sees what: a team manager, the items routed to their team (the team of the child's allocated
 * worker); a service manager, whose sight is the whole council, every item awaiting authorisation.
 * Nobody is shown what they submitted themselves, which they may not authorise; and, as in every
 * list, only children the reader may see.
 */
import { hasCapability, visibleChildCondition } from '../../access/policy.ts';
import { writeListAudit } from '../../platform/audit/audit.ts';
import { daysBetween } from '../../platform/calendar/calendar.ts';
import type { Database } from '../../platform/database/database.ts';
import { DomainError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { Worktray, WorktrayItem } from './read-model.ts';

export class WorktrayRepository {
  constructor(private readonly db: Database, private readonly context: RequestContext) {}

  /** The items awaiting the signed-in manager's authorisation, the longest waiting first; each child shown is audited as read. */
  async awaitingAuthorisation(asAt: string): Promise<Worktray> {
    const { access, laCode } = this.context;
    if (!hasCapability(access, 'authorise')) {
      throw new DomainError('forbidden', 'Only a team manager or service manager has a worktray of items awaiting authorisation');
    }
    const visible = visibleChildCondition(access, 'c', 2);
    const params: unknown[] = [laCode, ...visible.params];
    const parameter = (value: unknown) => { params.push(value); return `$${params.length}`; };
    const conditions = [visible.sql];
    if (access) {
      conditions.push(`a.submitted_by_user <> ${parameter(this.context.actor.userId)}::text`);
      // A manager who sees the whole council (a service manager) is shown everything awaiting; a
      // team manager, what routes to their team.
      if (access.scope !== 'whole-la') conditions.push(`a.team_id = ${parameter(access.teamId)}::text`);
    }
    const result = await this.db.pool.query(
      `SELECT a.child_id, c.forename, c.surname, a.subject, a.subject_id::text, a.episode_id::text, a.submitted_on::text, a.submitted_by_user,
              a.submitted_by_worker_id, a.team_id, a.allocated_worker_id,
              coalesce((SELECT array_agg(w.worker_id ORDER BY w.worker_id) FROM worker w
                         WHERE w.la_code = a.la_code AND w.team_id = a.team_id AND w.role = 'team-manager' AND w.left_on IS NULL), '{}') AS manager_worker_ids
         FROM authorisation a
         JOIN child c ON c.la_code = a.la_code AND c.child_id = a.child_id
        WHERE a.la_code = $1 AND a.status = 'awaiting-authorisation' AND ${conditions.map((condition) => `(${condition})`).join(' AND ')}
        ORDER BY a.submitted_on, c.surname, c.forename, a.subject_id`,
      params,
    );
    const items = result.rows.map((row): WorktrayItem => ({
      childId: row.child_id, forename: row.forename, surname: row.surname, subject: row.subject, subjectId: row.subject_id, episodeId: row.episode_id,
      submittedOn: row.submitted_on, submittedByUserId: row.submitted_by_user, submittedByWorkerId: row.submitted_by_worker_id,
      daysWaiting: Math.max(0, daysBetween(row.submitted_on, asAt)), teamId: row.team_id, allocatedWorkerId: row.allocated_worker_id,
      managerWorkerIds: row.manager_worker_ids,
    }));
    await writeListAudit(this.db.pool, { laCode, actor: this.context.actor, correlationId: this.context.correlationId, resource: 'worktray', detail: { asAt } },
      items.map((item) => item.childId));
    return { asAt, items };
  }
}
