/**
 * Care leavers (Children (Leaving Care) Act 2000; Care Leavers (England) Regulations 2010;
 * Children and Social Work Act 2017): the council's support for young people who have left its
 * care, up to 25: eligibility, the personal adviser, the pathway plan and its reviews, contacts
 * (those around each birthday are the SSDA903 OC3 record), accommodation and tenancies, staying
 * put, Lifelong Links and the end of support. Eligibility is worked out from the looked-after
 * module's periods of care (read through its index).
 */
import { DomainError } from '../../platform/errors.ts';
import { defineDomainModule } from '../domain-module.ts';
import type { LookedAfterState } from '../looked-after/index.ts';
import type { PeopleState } from '../people/index.ts';
import { careLeaversEvents } from './events.ts';
import { careLeaversDimensions, careLeaversMetrics, careLeaversUnavailableMetrics } from './metrics.ts';
import { careLeaversProjections } from './projections.ts';
import { CareLeaversReadModel, careLeaversSummaryOf } from './read-model.ts';
import { careLeaversReportSections } from './report.ts';
import { careLeaversRetention } from './retention.ts';
import { careLeaversInvolvements, careLeaversReducers, careLeaversTransitions, type CareLeaversView } from './rules.ts';
import { careLeaversSimulator } from './simulator.ts';
import type { CareLeaversState } from './state.ts';
import { careLeaversTimescaleRules } from './timescales.ts';

/** The service of the teams whose workers are personal advisers. */
export const LEAVING_CARE_SERVICE = 'care-leavers';

export const careLeaversModule = defineDomainModule({
  id: 'care-leavers',
  title: 'Care leavers',
  events: careLeaversEvents,
  initialState: (): CareLeaversState => ({}),
  reducers: careLeaversReducers,
  transitions: careLeaversTransitions,
  involvementsOf: careLeaversInvolvements,
  readModel: CareLeaversReadModel,
  summaryOf: (state: CareLeaversView) => ({ leavingCare: careLeaversSummaryOf(state) }),
  timescales: careLeaversTimescaleRules,
  metrics: careLeaversMetrics,
  unavailableMetrics: careLeaversUnavailableMetrics,
  dimensions: careLeaversDimensions,
  reportSections: careLeaversReportSections,
  retention: careLeaversRetention,
  simulator: careLeaversSimulator,
  projections: careLeaversProjections,
  checksBeforeWrite: {
    event: {
      // A personal adviser is a worker of a leaving care team (Children Act 1989 s23B): the team must be theirs.
      'care-leavers.personal-adviser-allocated': async (db, event, context) => {
        const found = await db.query(
          `SELECT t.service FROM worker w JOIN team t ON t.la_code = w.la_code AND t.team_id = w.team_id
            WHERE w.la_code = $1 AND w.worker_id = $2 AND w.team_id = $3`,
          [context.laCode, event.data.workerId, event.data.teamId],
        );
        if (found.rowCount === 0) throw DomainError.invalidField('data.workerId', `Select a worker of the team ${event.data.teamId}: there is no such worker in it`);
        if ((found.rows[0] as { service: string }).service !== LEAVING_CARE_SERVICE) {
          throw DomainError.invalidField('data.teamId', 'Select a personal adviser of a leaving care team: this worker\'s team is not one');
        }
      },
    },
  },
});

export type { CareLeaversState, LeavingCareState } from './state.ts';
export { openLeavingCareOf } from './state.ts';
export * from './codes.ts';
export * from './events.ts';
export type CareLeaversModuleView = CareLeaversState & PeopleState & LookedAfterState;
