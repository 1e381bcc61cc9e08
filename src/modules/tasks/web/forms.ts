/**
 * Tasks' forms as data (web/recording/event-forms.ts): add a task, complete it, give it to
 * someone else, cancel it. Which task, and what it arose from, come from the address the form was
 * opened at (the links on the record's Tasks view, My work and the meetings the task arose from),
 * so nobody types an id.
 */
import { date, type EventForm, type FieldSpec, type FormContext } from '../../../web/recording/event-forms.ts';
import { taskSourceKinds, taskSourceWords } from '../events.ts';

/** A value of the address the form was opened at (?task=…, ?source=…, ?kind=…); none outside a browser. */
const fromAddress = (name: string): string | undefined => {
  if (typeof window === 'undefined') return undefined;
  return new URLSearchParams(window.location.search).get(name) ?? undefined;
};

const giveTo: FieldSpec = {
  kind: 'radios', name: 'giveTo', label: 'Who is to do it?', optional: true, inline: false,
  options: [{ value: 'worker', text: 'The worker chosen' }, { value: 'team', text: 'Anyone in the worker\'s team' }],
  hint: 'Giving it to the team puts it in My work for everyone in the team, for one of them to take',
};

/** The worker chosen names the team; a task given to the team names no worker. */
function assignee(data: Record<string, unknown>, context: FormContext): Record<string, unknown> {
  const { giveTo: to, ...rest } = data;
  const teamId = context.workers.find((worker) => worker.workerId === rest.workerId)?.teamId;
  return { ...rest, ...(teamId ? { teamId } : {}), ...(to === 'team' ? { workerId: undefined } : {}) };
}

const withTask = (data: Record<string, unknown>) => ({ ...data, taskId: fromAddress('task') });

export const taskForms: readonly EventForm<unknown>[] = [
  {
    type: 'task.set', journeyStep: 900, title: 'Add a task', occurredAt: date('Date the task was agreed'),
    fields: [
      { kind: 'textarea', name: 'description', label: 'What is to be done?', missing: 'Enter what is to be done' },
      { kind: 'radios', name: 'sourceKind', label: 'What did the task arise from?', options: taskSourceKinds.map((kind) => ({ value: kind, text: taskSourceWords[kind] })) },
      { kind: 'date', name: 'dueOn', label: 'Date the task is due', missing: 'Enter the date the task is due' },
      { kind: 'worker', name: 'workerId', label: 'Give the task to', defaultToMe: true, missing: 'Select who the task is given to' },
      giveTo,
    ],
    derivedFrom: { teamId: 'workerId' },
    prefill: () => {
      const kind = fromAddress('kind');
      return kind && (taskSourceKinds as readonly string[]).includes(kind) ? { sourceKind: kind } : ({} as Record<string, string>);
    },
    complete: (data, context) => ({ ...assignee(data, context), sourceEventId: fromAddress('source') }),
  },
  {
    type: 'task.completed', title: 'Complete the task', occurredAt: date('Date the task was done'),
    fields: [{ kind: 'textarea', name: 'outcome', label: 'What was done?', missing: 'Enter what was done' }],
    complete: withTask,
  },
  {
    type: 'task.reassigned', title: 'Give the task to someone else', occurredAt: date('Date of the change'),
    fields: [
      { kind: 'worker', name: 'workerId', label: 'Give the task to', missing: 'Select who the task is given to' },
      giveTo,
      { kind: 'date', name: 'dueOn', label: 'New date the task is due (optional)', optional: true },
      { kind: 'textarea', name: 'reason', label: 'Why is it changing hands? (optional)', optional: true },
    ],
    derivedFrom: { teamId: 'workerId' },
    complete: (data, context) => withTask(assignee(data, context)),
  },
  {
    type: 'task.cancelled', title: 'Cancel the task', occurredAt: date('Date cancelled'),
    fields: [{ kind: 'textarea', name: 'reason', label: 'Why is the task no longer needed?', missing: 'Enter why the task is no longer needed' }],
    complete: withTask,
  },
];

/** Where each action on a task is recorded. */
export const taskActionHref = (childId: string, type: 'task.completed' | 'task.reassigned' | 'task.cancelled', taskId: string) =>
  `/children/${encodeURIComponent(childId)}/record/${type}?task=${encodeURIComponent(taskId)}`;

/** Where a task arising from a meeting on the record is added. */
export const addTaskHref = (childId: string, source?: { kind: string; eventId?: string }) =>
  `/children/${encodeURIComponent(childId)}/record/task.set${source ? `?kind=${encodeURIComponent(source.kind)}${source.eventId ? `&source=${encodeURIComponent(source.eventId)}` : ''}` : ''}`;

