/**
 * Private fostering's projection tables, created by migrations/0025_private_fostering.sql: each
 * notification with what was decided, each arrangement with its household, checks and decisions,
 * each visit and each annual review, for private fostering's figures and retention.
 */
import { projectionTable } from '../../record/projection.ts';
import type { PrivateFosteringState } from './state.ts';

const notificationsOf = (state: PrivateFosteringState) => state.privateFosteringNotifications;
const arrangementsOf = (state: PrivateFosteringState) =>
  notificationsOf(state).flatMap((n) => (n.arrangement ? [{ notificationId: n.notificationId, arrangement: n.arrangement }] : []));

export const privateFosteringProjections = [
  projectionTable({
    table: 'private_fostering_notification',
    columns: {
      notification_id: 'uuid', received_on: 'date', notified_by: 'text', timing: 'text', arrangement_begins_on: 'date', contact_id: 'uuid',
      forwarded_on: 'date', decision: 'text', decided_on: 'date', closure_reason: 'text', initial_visit_on: 'date',
    },
    key: ['notification_id'],
    rowsOf: (state: PrivateFosteringState) => notificationsOf(state).map((n) => ({
      notification_id: n.notificationId, received_on: n.receivedOn, notified_by: n.notifiedBy, timing: n.timing,
      arrangement_begins_on: n.arrangementBeginsOn ?? null, contact_id: n.contactId ?? null, forwarded_on: n.forwardedOn ?? null,
      decision: n.arrangement ? 'private-fostering' : n.closedOn !== undefined ? 'not-private-fostering' : null,
      decided_on: n.arrangement?.confirmedOn ?? n.closedOn ?? null, closure_reason: n.closureReason ?? null,
      initial_visit_on: n.visits[0]?.visitedOn ?? null,
    })),
  }),
  projectionTable({
    table: 'private_fostering_arrangement',
    columns: {
      arrangement_id: 'uuid', notification_id: 'uuid', confirmed_on: 'date', started_on: 'date', counts_from: 'date', expected_end_on: 'date',
      reason: 'text', nationality: 'text', carer_relationship: 'text', carer_person_ids: 'text[]', household_members: 'integer', postcode: 'text',
      carer_checks: 'integer', carer_checks_with_concerns: 'integer', suitability_outcome: 'text', suitability_assessed_on: 'date',
      panel_decision: 'text', panel_decided_on: 'date', ended_on: 'date', end_reason: 'text',
    },
    key: ['arrangement_id'],
    rowsOf: (state: PrivateFosteringState) => arrangementsOf(state).map(({ notificationId, arrangement: a }) => {
      const assessment = a.suitabilityAssessments.at(-1);
      const panel = a.panelDecisions.at(-1);
      return {
        arrangement_id: a.arrangementId, notification_id: notificationId, confirmed_on: a.confirmedOn, started_on: a.startedOn, counts_from: a.countsFrom,
        expected_end_on: a.expectedEndOn ?? null, reason: a.reason, nationality: a.nationality, carer_relationship: a.carerRelationship,
        carer_person_ids: a.carers.map((carer) => carer.personId), household_members: a.householdMembers.length, postcode: a.address.postcode,
        carer_checks: a.carerChecks.length, carer_checks_with_concerns: a.carerChecks.filter((check) => check.outcome !== 'no-concerns').length,
        suitability_outcome: assessment?.outcome ?? null, suitability_assessed_on: assessment?.assessedOn ?? null,
        panel_decision: panel?.decision ?? null, panel_decided_on: panel?.decidedOn ?? null, ended_on: a.endedOn ?? null, end_reason: a.endReason ?? null,
      };
    }),
  }),
  projectionTable({
    table: 'private_fostering_visit',
    columns: {
      visit_id: 'uuid', notification_id: 'uuid', visited_on: 'date', visit_kind: 'text', child_seen: 'boolean', seen_alone: 'boolean',
      report_written_on: 'date', visited_by_worker_id: 'text',
    },
    key: ['visit_id'],
    rowsOf: (state: PrivateFosteringState) => notificationsOf(state).flatMap((n) => n.visits.map((v) => ({
      visit_id: v.visitId, notification_id: n.notificationId, visited_on: v.visitedOn, visit_kind: v.visitKind, child_seen: v.childSeen,
      seen_alone: v.seenAlone, report_written_on: v.reportWrittenOn ?? null, visited_by_worker_id: v.visitedByWorkerId ?? null,
    }))),
  }),
  projectionTable({
    table: 'private_fostering_review',
    columns: { review_id: 'uuid', arrangement_id: 'uuid', reviewed_on: 'date', outcome: 'text' },
    key: ['review_id'],
    rowsOf: (state: PrivateFosteringState) => arrangementsOf(state).flatMap(({ arrangement: a }) =>
      a.reviews.map((r) => ({ review_id: r.reviewId, arrangement_id: a.arrangementId, reviewed_on: r.reviewedOn, outcome: r.outcome }))),
  }),
];
