/**
 * Tasks in My work, beside the statutory duties: the worker's own open tasks and their team's not
 * yet given to anyone (or, for the team, all the team's), the most overdue first, each with links
 * to complete it or give it to someone else.
 */
import { formatDate } from '../../../web/format.ts';
import { Tag } from '../../../web/govuk/index.ts';
import { useSession } from '../../../web/session.tsx';
import { useApi } from '../../../web/use-api.ts';
import type { MyWorkScope } from '../../../web/web-module.ts';
import { taskSourceWords } from '../events.ts';
import type { TaskList } from '../read-model.ts';
import { taskActionHref } from './forms.ts';

export function MyTasks(props: MyWorkScope) {
  const { workerName } = useSession();
  const path = props.scope === 'team' ? (props.teamId ? '/tasks?assignee=team' : null) : props.workerId ? '/tasks?assignee=me' : null;
  const tasks = useApi<TaskList>(path);
  if (path === null) return null;
  const list = tasks.data?.tasks ?? [];
  const overdue = list.filter((task) => task.overdue).length;
  return (
    <>
      <h2 className="govuk-heading-m">Tasks</h2>
      {tasks.error ? <p className="govuk-error-message">{tasks.error.message}</p> : null}
      {tasks.loading ? <p className="govuk-body">Loading…</p> : list.length === 0 ? <p className="govuk-body">You have no open tasks.</p> : (
        <>
          <p className="govuk-body" data-testid="task-summary"><strong>{overdue}</strong> overdue and <strong>{list.length - overdue}</strong> open {list.length - overdue === 1 ? 'task' : 'tasks'}.</p>
          <div className="app-table-scroll">
            <table className="govuk-table" data-testid="task-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Open tasks, the most overdue first</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Child</th>
                  <th scope="col" className="govuk-table__header">Task</th>
                  <th scope="col" className="govuk-table__header">Due</th>
                  <th scope="col" className="govuk-table__header">Given to</th>
                  <th scope="col" className="govuk-table__header">Actions</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {list.map((task) => (
                  <tr key={task.taskId} className="govuk-table__row">
                    <td className="govuk-table__cell"><a className="govuk-link" href={`/children/${encodeURIComponent(task.childId)}/tasks`}>{task.childName}</a></td>
                    <td className="govuk-table__cell">{task.description}<span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{taskSourceWords[task.sourceKind]}</span></td>
                    <td className="govuk-table__cell app-nowrap">{formatDate(task.dueOn)}{task.overdue ? <> <Tag text="Overdue" classes="govuk-tag--red" /></> : null}</td>
                    <td className="govuk-table__cell">{task.workerId ? workerName(task.workerId) : 'The team'}</td>
                    <td className="govuk-table__cell">
                      <ul className="govuk-list">
                        <li><a className="govuk-link" href={taskActionHref(task.childId, 'task.completed', task.taskId)}>Complete<span className="govuk-visually-hidden">: {task.description} for {task.childName}</span></a></li>
                        <li><a className="govuk-link" href={taskActionHref(task.childId, 'task.reassigned', task.taskId)}>Reassign<span className="govuk-visually-hidden">: {task.description} for {task.childName}</span></a></li>
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
