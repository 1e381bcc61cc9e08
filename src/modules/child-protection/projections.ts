/**
 * Child protection's projection tables: section 47 enquiries, strategy discussions and child
 * protection plans, each with the episode it was held in. Created by migrations
 * 0003_child_record_projections.sql (section_47_enquiry, cp_plan; indexes by child 0007) and
 * 0012_cin_plan_and_strategy_discussion.sql (strategy_discussion).
 */
import type { ChildrenInNeedState } from '../children-in-need/index.ts';
import { projectionTable } from '../../record/projection.ts';

export const childProtectionProjections = [
  projectionTable({
    table: 'section_47_enquiry',
    columns: {
      section_47_id: 'uuid', episode_id: 'uuid', started_on: 'date', completed_on: 'date', outcome: 'text', icpc_required: 'boolean', icpc_on: 'date',
    },
    key: ['section_47_id'],
    rowsOf: (state: ChildrenInNeedState) => state.episodes.flatMap((e) => e.section47s.map((s) => ({
      section_47_id: s.section47Id, episode_id: e.episodeId, started_on: s.startedOn, completed_on: s.completedOn ?? null,
      outcome: s.outcome ?? null, icpc_required: s.icpcRequired ?? null, icpc_on: s.icpcOn ?? null,
    }))),
  }),
  projectionTable({
    table: 'strategy_discussion',
    columns: { strategy_discussion_id: 'uuid', episode_id: 'uuid', held_on: 'date', decision: 'text' },
    key: ['strategy_discussion_id'],
    rowsOf: (state: ChildrenInNeedState) => state.episodes.flatMap((e) => e.strategyDiscussions.map((d) => ({
      strategy_discussion_id: d.strategyDiscussionId, episode_id: e.episodeId, held_on: d.heldOn, decision: d.decision,
    }))),
  }),
  projectionTable({
    table: 'cp_plan',
    columns: {
      plan_id: 'uuid', episode_id: 'uuid', started_on: 'date', prebirth: 'boolean', initial_category: 'text', latest_category: 'text',
      number_of_previous_plans: 'integer', review_conferences: 'integer', ended_on: 'date', end_reason: 'text',
    },
    key: ['plan_id'],
    rowsOf: (state: ChildrenInNeedState) => state.episodes.flatMap((e) => e.cpPlans.map((p) => ({
      plan_id: p.planId, episode_id: e.episodeId, started_on: p.startedOn, prebirth: p.prebirth, initial_category: p.initialCategory,
      latest_category: p.latestCategory, number_of_previous_plans: p.numberOfPreviousPlans, review_conferences: p.reviewConferences.length,
      ended_on: p.endedOn ?? null, end_reason: p.endReason ?? null,
    }))),
  }),
];
