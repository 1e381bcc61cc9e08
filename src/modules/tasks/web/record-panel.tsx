/**
 * The record's Tasks view: the open tasks, the most overdue first, each with its actions; the
 * meetings on the record a task can be added from; and the tasks completed or cancelled.
 */
import { formatDate } from '../../../web/format.ts';
import { Tag } from '../../../web/govuk/index.ts';
import { useSession } from '../../../web/session.tsx';
import type { RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import { taskSourceWords } from '../events.ts';
import type { TasksReadModel } from '../read-model.ts';
import { addTaskHref, taskActionHref } from './forms.ts';

/** The meetings on the record a task may arise from, as far as the view reads the record. */
interface Meetings {
  episodes?: readonly { strategyDiscussions?: readonly { strategyDiscussionId: string; heldOn: string }[] }[];
}

/** A partner agency's view of the record leaves the tasks out (src/record/partner-view.ts). */
type Shown = RecordKernel & Partial<TasksReadModel> & Meetings;

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

export function TasksView(props: RecordPartProps<Shown>) {
  const { record } = props;
  const { workerName, teamName } = useSession();
  if (!record.tasks) return <p className="govuk-body">Tasks are not part of the view of the record shared with your agency.</p>;
  const { open, closed } = record.tasks;
  const asAt = today();
  const records = (record.allowedActions ?? []).includes('task.set');
  const strategyDiscussions = (record.episodes ?? []).flatMap((episode) => episode.strategyDiscussions ?? []).sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  const givenTo = (task: { workerId?: string; teamId: string }) => (task.workerId ? `${workerName(task.workerId)} (${teamName(task.teamId)})` : `Anyone in ${teamName(task.teamId)}`);
  return (
    <>
      <h2 className="govuk-heading-m">Open tasks</h2>
      {records ? <a className="govuk-button govuk-button--secondary" role="button" draggable="false" href={addTaskHref(record.childId)}>Add a task</a> : null}
      {open.length === 0 ? <p className="govuk-body">There are no open tasks.</p> : (
        <div className="app-table-scroll">
          <table className="govuk-table" data-testid="open-tasks">
            <caption className="govuk-table__caption govuk-visually-hidden">Open tasks, the soonest due first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Task</th>
                <th scope="col" className="govuk-table__header">Due</th>
                <th scope="col" className="govuk-table__header">Given to</th>
                <th scope="col" className="govuk-table__header">Actions</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {open.map((task) => (
                <tr key={task.taskId} className="govuk-table__row">
                  <td className="govuk-table__cell">{task.description}<span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{taskSourceWords[task.sourceKind]}, set {formatDate(task.setOn)}</span></td>
                  <td className="govuk-table__cell">{formatDate(task.dueOn)} {task.dueOn < asAt ? <Tag text="Overdue" classes="govuk-tag--red" /> : null}</td>
                  <td className="govuk-table__cell">{givenTo(task)}</td>
                  <td className="govuk-table__cell">
                    {records ? (
                      <ul className="govuk-list">
                        <li><a className="govuk-link" href={taskActionHref(record.childId, 'task.completed', task.taskId)}>Complete<span className="govuk-visually-hidden">: {task.description}</span></a></li>
                        <li><a className="govuk-link" href={taskActionHref(record.childId, 'task.reassigned', task.taskId)}>Reassign<span className="govuk-visually-hidden">: {task.description}</span></a></li>
                        <li><a className="govuk-link" href={taskActionHref(record.childId, 'task.cancelled', task.taskId)}>Cancel<span className="govuk-visually-hidden">: {task.description}</span></a></li>
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {records && strategyDiscussions.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Add a task from a meeting</h2>
          <ul className="govuk-list" data-testid="task-sources">
            {strategyDiscussions.map((discussion) => (
              <li key={discussion.strategyDiscussionId}>
                <a className="govuk-link" href={addTaskHref(record.childId, { kind: 'strategy-discussion', eventId: discussion.strategyDiscussionId })}>
                  Add a task from the strategy discussion of {formatDate(discussion.heldOn)}
                </a>
              </li>
            ))}
            <li><a className="govuk-link" href={addTaskHref(record.childId, { kind: 'core-group' })}>Add a task from a core group meeting</a></li>
          </ul>
        </>
      ) : null}
      <h2 className="govuk-heading-m">Completed and cancelled tasks</h2>
      {closed.length === 0 ? <p className="govuk-body">None yet.</p> : (
        <dl className="govuk-summary-list" data-testid="closed-tasks">
          {closed.map((task) => (
            <div key={task.taskId} className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{task.description}</dt>
              <dd className="govuk-summary-list__value">
                {task.status === 'completed' ? `Completed ${formatDate(task.closedOn)}: ${task.outcome ?? ''}` : `Cancelled ${formatDate(task.closedOn)}: ${task.cancelReason ?? ''}`}
                <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">
                  Due {formatDate(task.dueOn)}. Given to {task.assignments.map((a) => `${givenTo(a)} on ${formatDate(a.on)}`).join(', then ')}.
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
