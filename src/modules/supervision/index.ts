/**
 * Supervision: a worker's regular supervision with their supervisor, and the children's cases
 * discussed in it. The session is the worker's (kept in its own append-only table); each case
 * discussion is also an event on the child's record, the management oversight of the case. How often
 * each worker is supervised is measured against the council's standard
 * (SAFEGUARD_SUPERVISION_STANDARD_DAYS).
 */
import { DomainError } from '../../platform/errors.ts';
import { defineDomainModule } from '../domain-module.ts';
import { supervisionEvents } from './events.ts';
import { supervisionProjections } from './projections.ts';
import { SupervisionReadModel, supervisionSummaryOf } from './read-model.ts';
import { supervisionReducers, supervisionTransitions } from './rules.ts';
import type { SupervisionState } from './state.ts';

/** Days between sessions when the council sets no standard: four weeks, the most common standard in councils' supervision policies. */
export const DEFAULT_SUPERVISION_STANDARD_DAYS = 28;

export const supervisionModule = defineDomainModule({
  id: 'supervision',
  title: 'Supervision',
  events: supervisionEvents,
  initialState: (): SupervisionState => ({ caseDiscussions: [] }),
  reducers: supervisionReducers,
  transitions: supervisionTransitions,
  readModel: SupervisionReadModel,
  summaryOf: (state: SupervisionState) => ({ caseDiscussions: supervisionSummaryOf(state) }),
  projections: supervisionProjections,
  checksBeforeWrite: {
    // A case discussion belongs to a session recorded for the worker by the supervisor it names (POST /api/v1/supervision).
    event: {
      'supervision.case-discussed': async (db, event, context) => {
        const session = await db.query(
          `SELECT 1 FROM supervision_session WHERE la_code = $1 AND supervision_id = $2 AND worker_id = $3 AND supervisor_worker_id = $4 AND held_on = $5`,
          [context.laCode, event.data.supervisionId, event.data.workerId, event.data.supervisorWorkerId, event.occurredOn],
        );
        if (session.rowCount === 0) {
          throw DomainError.invalidField('data.supervisionId', 'Record the case discussion as part of the worker\'s supervision session, on the Supervision page');
        }
      },
    },
  },
});

export type { SupervisionState };
export * from './events.ts';
