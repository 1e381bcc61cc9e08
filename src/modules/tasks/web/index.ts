/**
 * Tasks' web part: the forms to add, complete, reassign and cancel a task; the record's Tasks
 * view; and the tasks in My work beside the duties. Browser code: no database, server or route.
 */
import { formatDate } from '../../../web/format.ts';
import { defineWebModule } from '../../../web/web-module.ts';
import { taskSourceWords } from '../events.ts';
import { TasksReadModel } from '../read-model.ts';
import { addTaskHref, taskForms } from './forms.ts';
import { taskEventLabels } from './labels.ts';
import { MyTasks } from './my-work.tsx';
import { TasksView } from './record-panel.tsx';

interface Meetings {
  episodes?: readonly { strategyDiscussions?: readonly { strategyDiscussionId: string; heldOn: string }[] }[];
}

/** The chronology's meetings a task may arise from, as the task names its source. */
const meetingKinds: Readonly<Record<string, 'strategy-discussion' | 'core-group' | 'conference'>> = {
  'strategy-discussion.held': 'strategy-discussion', 'core-group.held': 'core-group', 'conference.initial-held': 'conference', 'conference.review-held': 'conference',
};

export const tasksWeb = defineWebModule<Meetings>()({
  id: 'tasks',
  readModel: TasksReadModel,
  forms: taskForms,
  eventLabels: taskEventLabels,
  chronology: {
    fieldNames: { sourceKind: 'Arose from', dueOn: 'Due', workerId: 'Given to', teamId: 'Team', sourceEventId: 'From the entry' },
    codeWords: { sourceKind: taskSourceWords },
  },
  // A task is added from the meeting it arose from, filled in with it.
  chronologyEntryLinks: (entry) => {
    const kind = meetingKinds[entry.type];
    return kind ? [{ href: addTaskHref(entry.childId, { kind, eventId: entry.eventId }), text: `Add a task from this ${taskSourceWords[kind].toLowerCase()}`, hiddenText: `of ${formatDate(entry.occurredOn)}` }] : [];
  },
  record: { views: [{ path: 'tasks', title: 'Tasks', Part: TasksView }] },
  myWork: [{ title: 'Tasks', Part: MyTasks }],
});
