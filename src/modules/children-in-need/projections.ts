/**
 * Children in need's projection tables: episodes (one per referral, as the CIN census returns
 * them), assessments and child in need plans. Created by migrations
 * 0003_child_record_projections.sql (cin_episode, assessment; index by child 0007) and
 * 0012_cin_plan_and_strategy_discussion.sql (cin_plan).
 */
import { projectionTable } from '../../record/projection.ts';
import type { ChildrenInNeedState } from './state.ts';

export const childrenInNeedProjections = [
  projectionTable({
    table: 'cin_episode',
    columns: {
      episode_id: 'uuid', referral_on: 'date', source: 'text', contact_id: 'uuid', closed_on: 'date', reason_for_closure: 'text',
      primary_need: 'text', referral_nfa: 'boolean',
    },
    key: ['episode_id'],
    rowsOf: (state: ChildrenInNeedState) => state.episodes.map((e) => ({
      episode_id: e.episodeId, referral_on: e.referralOn, source: e.source, contact_id: e.contactId ?? null, closed_on: e.closedOn ?? null,
      reason_for_closure: e.reasonForClosure ?? null, primary_need: e.primaryNeed ?? null,
      // CIN census ReferralNFA: the referral led to no further action without an assessment.
      referral_nfa: e.closedOn !== undefined && e.assessments.length === 0 && e.section47s.length === 0,
    })),
  }),
  projectionTable({
    table: 'assessment',
    columns: { assessment_id: 'uuid', episode_id: 'uuid', started_on: 'date', completed_on: 'date', factors: 'text[]', outcome: 'text' },
    key: ['assessment_id'],
    rowsOf: (state: ChildrenInNeedState) => state.episodes.flatMap((e) => e.assessments.map((a) => ({
      assessment_id: a.assessmentId, episode_id: e.episodeId, started_on: a.startedOn, completed_on: a.completedOn ?? null,
      factors: a.factors ?? null, outcome: a.outcome ?? null,
    }))),
  }),
  projectionTable({
    table: 'cin_plan',
    columns: { cin_plan_id: 'uuid', episode_id: 'uuid', started_on: 'date', ended_on: 'date' },
    key: ['cin_plan_id'],
    // A plan left open when the episode closed ends with it (CIN census: no plan outlives its episode).
    rowsOf: (state: ChildrenInNeedState) => state.episodes.flatMap((e) => e.cinPlans.map((p) => ({
      cin_plan_id: p.cinPlanId, episode_id: e.episodeId, started_on: p.startedOn, ended_on: p.endedOn ?? e.closedOn ?? null,
    }))),
  }),
];
