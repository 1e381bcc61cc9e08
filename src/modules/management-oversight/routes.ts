import { todayInLondon } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { Worktray } from './read-model.ts';
import { WorktrayRepository } from './worktray.ts';

/** What the management oversight routes need of the application's services. */
export interface ManagementOversightRouteServices {
  db: Database;
}

/**
 * The manager's worktray. The steps themselves (submit, authorise, return, oversight) are events
 * on the child's record, recorded through POST /api/v1/children/{childId}/events.
 */
export function managementOversightRoutes(services: ManagementOversightRouteServices) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/worktray',
      summary: 'The assessments, plans and closures awaiting the signed-in manager\'s authorisation, the longest waiting first',
      tags: ['management oversight'],
      response: Worktray,
      handler: async ({ context }) => new WorktrayRepository(services.db, context).awaitingAuthorisation(todayInLondon()),
    }),
  ];
}
