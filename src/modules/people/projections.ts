/**
 * The people module's projection tables: the child (details, status and allocation, for lists and
 * breakdowns), their relationships and households (related children), and their allocations
 * over time (caseloads, and the scope of who may see them). Created by migration
 * 0003_child_record_projections.sql (indexes 0007 and 0020; 0019 dropped child.last_sequence; 0031
 * added child.name_keys).
 */
import { projectionTable } from '../../record/projection.ts';
import { nameKeysOf } from './name-matching.ts';
import { currentAllocationOf, type PeopleState } from './state.ts';

export const peopleProjections = [
  projectionTable({
    table: 'child',
    columns: {
      forename: 'text', surname: 'text', date_of_birth: 'date', expected_date_of_birth: 'date', sex: 'text', ethnicity: 'text',
      disabilities: 'text[]', upn: 'text', nhs_number: 'text', unaccompanied_asylum_seeking: 'boolean', postcode: 'text',
      status: 'text', allocated_worker_id: 'text', allocated_team_id: 'text', name_keys: 'text[]',
    },
    key: ['child_id'],
    rowsOf: (state: PeopleState, { status }) => {
      const details = state.details!;
      const allocation = currentAllocationOf(state);
      return [{
        forename: details.forename, surname: details.surname, date_of_birth: details.dateOfBirth ?? null,
        expected_date_of_birth: details.expectedDateOfBirth ?? null, sex: details.sex, ethnicity: details.ethnicity,
        disabilities: details.disabilities, upn: details.upn ?? null, nhs_number: details.nhsNumber ?? null,
        unaccompanied_asylum_seeking: details.unaccompaniedAsylumSeeking, postcode: details.address?.postcode ?? null,
        status, allocated_worker_id: allocation?.workerId ?? null, allocated_team_id: allocation?.teamId ?? null,
        // Migration 0031: the names normalised for identity search across the council.
        name_keys: nameKeysOf(details.forename, details.surname),
      }];
    },
  }),
  projectionTable({
    table: 'child_relationship',
    columns: {
      relationship_id: 'uuid', relationship: 'text', related_child_id: 'text', related_person_id: 'text', related_person_name: 'text',
      parental_responsibility: 'boolean', lives_with_child: 'boolean', recorded_on: 'date', ended_on: 'date',
    },
    key: ['child_id', 'relationship_id'],
    rowsOf: (state: PeopleState) => state.relationships.map((r) => ({
      relationship_id: r.relationshipId, relationship: r.relationship, related_child_id: r.relatedChildId ?? null,
      related_person_id: r.relatedPerson?.personId ?? null, related_person_name: r.relatedPerson?.name ?? null,
      parental_responsibility: r.parentalResponsibility, lives_with_child: r.livesWithChild, recorded_on: r.recordedOn, ended_on: r.endedOn ?? null,
    })),
  }),
  projectionTable({
    table: 'household_membership',
    columns: { household_id: 'text', joined_on: 'date', left_on: 'date' },
    key: ['child_id', 'household_id', 'joined_on'],
    rowsOf: (state: PeopleState) => state.households.map((h) => ({ household_id: h.householdId, joined_on: h.joinedOn, left_on: h.leftOn ?? null })),
  }),
  projectionTable({
    table: 'allocation',
    columns: { started_on: 'date', started_at: 'text', worker_id: 'text', team_id: 'text', ended_on: 'date' },
    key: ['child_id', 'started_at', 'worker_id'],
    rowsOf: (state: PeopleState) => state.allocations.map((a) => ({
      started_on: a.startedOn, started_at: a.startedAt, worker_id: a.workerId, team_id: a.teamId, ended_on: a.endedOn ?? null,
    })),
  }),
];
