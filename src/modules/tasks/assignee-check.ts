/**
 * A task given to a team or worker who does not exist would be seen by nobody: the team must exist,
 * and a worker named must be in it and working on the day.
 */
import { DomainError, type FieldProblem } from '../../platform/errors.ts';
import type { Queryable } from '../../record/check-before-write.ts';

export async function assertTaskAssignee(db: Queryable, laCode: string, assignee: { teamId: string; workerId?: string | undefined; on: string }): Promise<void> {
  const result = await db.query(
    `SELECT (SELECT name FROM team WHERE la_code = $1 AND team_id = $2) AS team_name,
            w.worker_id, w.team_id AS worker_team, w.started_on::text AS started_on, w.left_on::text AS left_on
       FROM (SELECT 1) one LEFT JOIN worker w ON w.la_code = $1 AND w.worker_id = $3`,
    [laCode, assignee.teamId, assignee.workerId ?? null],
  );
  const row = result.rows[0]!;
  const problems: FieldProblem[] = [];
  if (row.team_name === null) problems.push({ field: 'data.teamId', message: 'Select a team that exists' });
  if (assignee.workerId !== undefined) {
    if (row.worker_id === null) problems.push({ field: 'data.workerId', message: 'Select a worker who exists' });
    else if (row.worker_team !== assignee.teamId) problems.push({ field: 'data.workerId', message: 'Select a worker of the team the task is given to' });
    else if (row.started_on > assignee.on || (row.left_on !== null && row.left_on <= assignee.on)) {
      problems.push({ field: 'data.workerId', message: `Select a worker who was working on ${assignee.on}` });
    }
  }
  if (problems.length > 0) throw DomainError.invalid(problems, problems.map((problem) => problem.message).join('. '));
}
