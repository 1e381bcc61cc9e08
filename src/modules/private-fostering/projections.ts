/**
 * Private fostering's projection tables (migrations/0025_private_fostering.sql): their columns
 * with the types jsonb_to_recordset reads them as, their keys less la_code, and the rows a child's
 * folded record gives, each keyed by child_id (la_code is added on write), as record/projections.ts
 * describes its own tables.
 */
import type { ChildIdentity } from '../domain-module.ts';
import type { PrivateFosteringState } from './state.ts';

export const privateFosteringProjectionColumns = {
  private_fostering_notification: {
    notification_id: 'uuid', received_on: 'date', notified_by: 'text', timing: 'text', arrangement_begins_on: 'date', contact_id: 'uuid',
    forwarded_on: 'date', decision: 'text', decided_on: 'date', closure_reason: 'text', initial_visit_on: 'date',
  },
  private_fostering_arrangement: {
    arrangement_id: 'uuid', notification_id: 'uuid', confirmed_on: 'date', started_on: 'date', counts_from: 'date', expected_end_on: 'date',
    reason: 'text', nationality: 'text', carer_relationship: 'text', carer_person_ids: 'text[]', household_members: 'integer', postcode: 'text',
    carer_checks: 'integer', carer_checks_with_concerns: 'integer', suitability_outcome: 'text', suitability_assessed_on: 'date',
    panel_decision: 'text', panel_decided_on: 'date', ended_on: 'date', end_reason: 'text',
  },
  private_fostering_visit: {
    visit_id: 'uuid', notification_id: 'uuid', visited_on: 'date', visit_kind: 'text', child_seen: 'boolean', seen_alone: 'boolean',
    report_written_on: 'date', visited_by_worker_id: 'text',
  },
  private_fostering_review: { review_id: 'uuid', arrangement_id: 'uuid', reviewed_on: 'date', outcome: 'text' },
} as const;

export type PrivateFosteringTable = keyof typeof privateFosteringProjectionColumns;
export const privateFosteringProjectionTables = Object.keys(privateFosteringProjectionColumns) as PrivateFosteringTable[];

/** Each table's primary key, less la_code. */
export const privateFosteringProjectionKeys: Record<PrivateFosteringTable, readonly string[]> = {
  private_fostering_notification: ['notification_id'],
  private_fostering_arrangement: ['arrangement_id'],
  private_fostering_visit: ['visit_id'],
  private_fostering_review: ['review_id'],
};

type Row = Record<string, unknown>;
export type PrivateFosteringProjectionRows = Record<PrivateFosteringTable, Row[]>;

export const emptyPrivateFosteringRows = (): PrivateFosteringProjectionRows =>
  Object.fromEntries(privateFosteringProjectionTables.map((table) => [table, []])) as unknown as PrivateFosteringProjectionRows;

/** Adds one child's private fostering rows to `rows`. */
export function addPrivateFosteringProjectionRows(rows: PrivateFosteringProjectionRows, state: PrivateFosteringState & Pick<ChildIdentity, 'childId'>): void {
  const child_id = state.childId;
  for (const n of state.privateFosteringNotifications) {
    const arrangement = n.arrangement;
    rows.private_fostering_notification.push({
      child_id, notification_id: n.notificationId, received_on: n.receivedOn, notified_by: n.notifiedBy, timing: n.timing,
      arrangement_begins_on: n.arrangementBeginsOn ?? null, contact_id: n.contactId ?? null, forwarded_on: n.forwardedOn ?? null,
      decision: arrangement ? 'private-fostering' : n.closedOn !== undefined ? 'not-private-fostering' : null,
      decided_on: arrangement?.confirmedOn ?? n.closedOn ?? null, closure_reason: n.closureReason ?? null,
      initial_visit_on: n.visits[0]?.visitedOn ?? null,
    });
    for (const v of n.visits) {
      rows.private_fostering_visit.push({
        child_id, visit_id: v.visitId, notification_id: n.notificationId, visited_on: v.visitedOn, visit_kind: v.visitKind, child_seen: v.childSeen,
        seen_alone: v.seenAlone, report_written_on: v.reportWrittenOn ?? null, visited_by_worker_id: v.visitedByWorkerId ?? null,
      });
    }
    if (!arrangement) continue;
    const assessment = arrangement.suitabilityAssessments.at(-1);
    const panel = arrangement.panelDecisions.at(-1);
    rows.private_fostering_arrangement.push({
      child_id, arrangement_id: arrangement.arrangementId, notification_id: n.notificationId, confirmed_on: arrangement.confirmedOn,
      started_on: arrangement.startedOn, counts_from: arrangement.countsFrom, expected_end_on: arrangement.expectedEndOn ?? null,
      reason: arrangement.reason, nationality: arrangement.nationality, carer_relationship: arrangement.carerRelationship,
      carer_person_ids: arrangement.carers.map((carer) => carer.personId), household_members: arrangement.householdMembers.length,
      postcode: arrangement.address.postcode, carer_checks: arrangement.carerChecks.length,
      carer_checks_with_concerns: arrangement.carerChecks.filter((check) => check.outcome !== 'no-concerns').length,
      suitability_outcome: assessment?.outcome ?? null, suitability_assessed_on: assessment?.assessedOn ?? null,
      panel_decision: panel?.decision ?? null, panel_decided_on: panel?.decidedOn ?? null,
      ended_on: arrangement.endedOn ?? null, end_reason: arrangement.endReason ?? null,
    });
    for (const r of arrangement.reviews) {
      rows.private_fostering_review.push({ child_id, review_id: r.reviewId, arrangement_id: arrangement.arrangementId, reviewed_on: r.reviewedOn, outcome: r.outcome });
    }
  }
}
