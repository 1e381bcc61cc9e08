/**
 * Youth justice's projection tables, created by migrations/0037_youth_justice.sql: the youth
 * justice service's involvements, offence outcomes, court orders, remands, PACE transfers and joint
 * meetings, for youth justice's figures, worklist and retention; and the child's SSDA903 episodes
 * of care as the looked-after state gives them (read through the looked-after index), so that the
 * figures about children looked after who offend (CLA-15, CLA-16, CLA-23) need no table of
 * another module.
 */
import { isShortBreaksOnly, type LookedAfterState } from '../looked-after/index.ts';
import { projectionTable } from '../../record/projection.ts';
import type { YouthJusticeState } from './state.ts';

const yj = (state: YouthJusticeState) => state.youthJustice;

export const youthJusticeProjections = [
  projectionTable({
    table: 'youth_justice_involvement',
    columns: { involvement_id: 'uuid', started_on: 'date', reason: 'text', worker_id: 'text', worker_allocated_on: 'date', ended_on: 'date', end_reason: 'text' },
    key: ['involvement_id'],
    rowsOf: (state: YouthJusticeState) => yj(state).involvements.map((i) => ({
      involvement_id: i.involvementId, started_on: i.startedOn, reason: i.reason, worker_id: i.workerId ?? null,
      worker_allocated_on: i.workerAllocatedOn ?? null, ended_on: i.endedOn ?? null, end_reason: i.endReason ?? null,
    })),
  }),
  projectionTable({
    table: 'youth_justice_offence_outcome',
    columns: { outcome_id: 'uuid', offence_on: 'date', outcome_on: 'date', outcome: 'text', court: 'text', sentence: 'text' },
    key: ['outcome_id'],
    rowsOf: (state: YouthJusticeState) => yj(state).offenceOutcomes.map((o) => ({
      outcome_id: o.outcomeId, offence_on: o.offenceOn, outcome_on: o.outcomeOn, outcome: o.outcome, court: o.court ?? null, sentence: o.sentence ?? null,
    })),
  }),
  projectionTable({
    table: 'youth_justice_court_order',
    columns: { order_id: 'uuid', order_type: 'text', made_on: 'date', court: 'text', ends_on: 'date', ended_on: 'date', end_reason: 'text' },
    key: ['order_id'],
    rowsOf: (state: YouthJusticeState) => yj(state).courtOrders.map((o) => ({
      order_id: o.orderId, order_type: o.order, made_on: o.madeOn, court: o.court, ends_on: o.endsOn, ended_on: o.endedOn ?? null, end_reason: o.endReason ?? null,
    })),
  }),
  projectionTable({
    table: 'youth_justice_remand',
    columns: { remand_id: 'uuid', remanded_on: 'date', court: 'text', remand_type: 'text', ended_on: 'date', end_reason: 'text' },
    key: ['remand_id'],
    rowsOf: (state: YouthJusticeState) => yj(state).remands.map((r) => ({
      remand_id: r.remandId, remanded_on: r.remandedOn, court: r.court, remand_type: r.remandType, ended_on: r.endedOn ?? null, end_reason: r.endReason ?? null,
    })),
  }),
  projectionTable({
    table: 'youth_justice_pace_transfer',
    columns: { transfer_id: 'uuid', transferred_on: 'date', ended_on: 'date' },
    key: ['transfer_id'],
    rowsOf: (state: YouthJusticeState) => yj(state).paceTransfers.map((t) => ({ transfer_id: t.transferId, transferred_on: t.transferredOn, ended_on: t.endedOn ?? null })),
  }),
  projectionTable({
    table: 'youth_justice_joint_meeting',
    columns: { meeting_id: 'uuid', held_on: 'date', kind: 'text', attendee_roles: 'text[]' },
    key: ['meeting_id'],
    rowsOf: (state: YouthJusticeState) => yj(state).jointMeetings.map((m) => ({
      meeting_id: m.meetingId, held_on: m.heldOn, kind: m.kind, attendee_roles: [...new Set(m.attendees.map((a) => a.role))],
    })),
  }),
  projectionTable({
    table: 'youth_justice_care_episode',
    columns: {
      episode_id: 'text', period_id: 'text', period_started_on: 'date', period_ceased_on: 'date', short_breaks_only: 'boolean',
      started_on: 'date', ended_on: 'date', legal_status: 'text', placement_type: 'text',
    },
    key: ['episode_id'],
    // Before the looked-after module is registered the state has no periods of care.
    rowsOf: (state: Partial<LookedAfterState>) => (state.periodsOfCare ?? []).flatMap((period) => period.episodes.map((e) => ({
      episode_id: e.episodeId, period_id: period.periodId, period_started_on: period.startedOn, period_ceased_on: period.ceasedOn ?? null,
      short_breaks_only: isShortBreaksOnly(period), started_on: e.startedOn, ended_on: e.endedOn ?? null, legal_status: e.legalStatus,
      placement_type: e.placement.type,
    }))),
  }),
];
