/**
 * Management oversight's projection, created by migrations/0027_management_oversight.sql: each
 * assessment, plan or closure submitted for authorisation, where it stands, the team it routes to
 * (the team of the child's allocated worker) and, once authorised, the authorisation date the
 * statutory returns use. A manager's worktray is an index lookup of the rows awaiting authorisation.
 */
import { projectionTable } from '../../record/projection.ts';
import { currentAllocationOf } from '../people/index.ts';
import type { ManagementOversightView } from './rules.ts';

export const managementOversightProjections = [
  projectionTable({
    table: 'authorisation',
    columns: {
      subject_id: 'uuid', subject: 'text', episode_id: 'uuid', status: 'text', submitted_on: 'date', submitted_by_user: 'text',
      submitted_by_worker_id: 'text', returned_on: 'date', authorised_on: 'date', authorised_by_user: 'text', authorised_by_worker_id: 'text',
      team_id: 'text', allocated_worker_id: 'text',
    },
    key: ['subject_id'],
    rowsOf: (state: ManagementOversightView) => {
      const allocation = currentAllocationOf(state);
      return state.authorisations.map((a) => ({
        subject_id: a.subjectId, subject: a.subject, episode_id: a.episodeId, status: a.status, submitted_on: a.submittedOn,
        submitted_by_user: a.submittedByUserId, submitted_by_worker_id: a.submittedByWorkerId ?? null, returned_on: a.returnedOn ?? null,
        authorised_on: a.authorisedOn ?? null, authorised_by_user: a.authorisedByUserId ?? null, authorised_by_worker_id: a.authorisedByWorkerId ?? null,
        team_id: allocation?.teamId ?? null, allocated_worker_id: allocation?.workerId ?? null,
      }));
    },
  }),
];
