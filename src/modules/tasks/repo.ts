/**
 * The data-access layer for lists of tasks, bound to one request's actor: a task is listed only
 * when the actor may see its child (the access condition is in the query), and every child a list
 * shows is audited as read, in one statement per list.
 */
import { visibleChildCondition } from '../../access/policy.ts';
import { writeListAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/database/database.ts';
import { DomainError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { TaskListItem } from './read-model.ts';

export interface TaskListQuery {
  /** me: the worker's own tasks and their team's not yet given to anyone; team: every open task of the team. */
  assignee: 'me' | 'team';
  /** Whose: the signed-in worker's (and team's) unless given. */
  workerId?: string | undefined;
  teamId?: string | undefined;
}

export class TaskListRepository {
  constructor(private readonly db: Database, private readonly context: RequestContext) {}

  /** Open tasks, the most overdue first; each child shown is audited as read. */
  async listOpenTasks(query: TaskListQuery): Promise<TaskListItem[]> {
    const access = this.context.access;
    const workerId = query.workerId ?? access?.workerId ?? undefined;
    const teamId = query.teamId ?? access?.teamId ?? undefined;
    if (query.assignee === 'me' && workerId === undefined) {
      throw DomainError.invalidField('workerId', 'Give the worker whose tasks to list: you are not signed in as a worker');
    }
    if (query.assignee === 'team' && teamId === undefined) {
      throw DomainError.invalidField('teamId', 'Give the team whose tasks to list: you are not signed in as a member of a team');
    }
    // Only the parameters a list uses are sent: PostgreSQL refuses a parameter it cannot type.
    const whose = query.assignee === 'me'
      ? { sql: 't.worker_id = $2::text OR (t.team_id = $3::text AND t.worker_id IS NULL)', params: [workerId, teamId ?? null] }
      : { sql: 't.team_id = $2::text', params: [teamId] };
    const visible = visibleChildCondition(access, 'c', 2 + whose.params.length);
    const result = await this.db.pool.query(
      `SELECT t.task_id, t.child_id, c.forename, c.surname, t.description, t.source_kind, t.source_event_id, t.set_on::text AS set_on,
              t.due_on::text AS due_on, t.team_id, t.worker_id
         FROM child_task t JOIN child c ON c.la_code = t.la_code AND c.child_id = t.child_id
        WHERE t.la_code = $1 AND t.status = 'open' AND (${whose.sql}) AND (${visible.sql})
        ORDER BY t.due_on, c.surname, c.forename, t.task_id
        LIMIT 500`,
      [this.context.laCode, ...whose.params, ...visible.params],
    );
    const tasks = result.rows.map((row): TaskListItem => ({
      taskId: row.task_id, childId: row.child_id, childName: `${row.forename} ${row.surname}`, description: row.description,
      sourceKind: row.source_kind, ...(row.source_event_id ? { sourceEventId: row.source_event_id } : {}), setOn: row.set_on, dueOn: row.due_on,
      teamId: row.team_id, ...(row.worker_id ? { workerId: row.worker_id } : {}),
    }));
    await writeListAudit(this.db.pool, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId,
      resource: 'task-list', detail: { assignee: query.assignee, workerId: workerId ?? null, teamId: teamId ?? null },
    }, tasks.map((task) => task.childId));
    return tasks;
  }
}
