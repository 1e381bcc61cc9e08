/**
 * The front door's projection table: each contact with its MASH checks and decision, for the
 * front door's figures. Created by migration 0003_child_record_projections.sql (index by child 0007).
 */
import { projectionTable } from '../../record/projection.ts';
import type { FrontDoorState } from './state.ts';

export const frontDoorProjections = [
  projectionTable({
    table: 'contact',
    columns: {
      contact_id: 'uuid', received_at: 'text', received_on: 'date', source: 'text', local_source: 'text', primary_reason: 'text',
      other_reasons: 'text[]', mash_checks_requested: 'integer', mash_checks_completed: 'integer', decision: 'text', decided_on: 'date',
      decided_by_worker_id: 'text',
    },
    key: ['contact_id'],
    rowsOf: (state: FrontDoorState) => state.contacts.map((c) => ({
      contact_id: c.contactId, received_at: c.receivedAt, received_on: c.receivedOn, source: c.source, local_source: c.localSource ?? null,
      primary_reason: c.primaryReason, other_reasons: c.otherReasons, mash_checks_requested: c.mashChecks.filter((m) => m.requestedOn).length,
      mash_checks_completed: c.mashChecks.filter((m) => m.completedOn).length, decision: c.decision ?? null, decided_on: c.decidedOn ?? null,
      decided_by_worker_id: c.decidedByWorkerId ?? null,
    })),
  }),
];
