import { z } from 'zod';
import { todayInLondon } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { TaskList } from './read-model.ts';
import { TaskListRepository } from './repo.ts';

/** What the tasks routes need of the application's services. */
export interface TaskRouteServices {
  db: Database;
}

/** The open tasks of a worker or team: My work's tasks beside the statutory duties. Tasks are set, moved and closed as events on the child's record. */
export function taskRoutes(services: TaskRouteServices) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/tasks',
      summary: 'Open tasks: yours and your team\'s not yet given to anyone (assignee=me), or all your team\'s (assignee=team); the most overdue first',
      tags: ['tasks'],
      query: z.object({
        assignee: z.enum(['me', 'team'], { message: 'Choose whose tasks: me or team' }).default('me'),
        workerId: z.string().max(40).optional(),
        teamId: z.string().max(40).optional(),
      }),
      response: TaskList,
      handler: async ({ query, context }) => {
        const asAt = todayInLondon();
        const tasks = await new TaskListRepository(services.db, context).listOpenTasks(query);
        return { asAt, tasks: tasks.map((task) => ({ ...task, overdue: task.dueOn < asAt })) };
      },
    }),
  ];
}
