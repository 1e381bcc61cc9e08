/** Tasks' words for the web app: its events in the chronology and messages. */
import type { taskEvents } from '../events.ts';

type TaskEventType = (typeof taskEvents)[number]['shape']['type']['value'];

export const taskEventLabels: Readonly<Record<TaskEventType, string>> = {
  'task.set': 'Task set',
  'task.reassigned': 'Task given to someone else',
  'task.completed': 'Task completed',
  'task.cancelled': 'Task cancelled',
};
