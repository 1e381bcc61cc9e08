/**
 * Care planning's projection tables, created by migrations/0035_care_planning.sql: each period of
 * care as care planning counts it (with its IRO, for the IRO's worklist and the OC2 population),
 * each review, visit, health assessment, dental check, mental health screening, permanency
 * planning meeting and PEP, for the CLA-17 to CLA-27 figures and retention.
 */
import { isShortBreaksOnly } from '../looked-after/index.ts';
import { projectionTable } from '../../record/projection.ts';
import type { CarePlanningView } from './rules.ts';
import { iroOf } from './state.ts';

const cp = (state: CarePlanningView) => state.carePlanning;

export const carePlanningProjections = [
  projectionTable({
    table: 'care_planning_period',
    columns: {
      period_id: 'uuid', started_on: 'date', ceased_on: 'date', short_breaks_only: 'boolean', iro_worker_id: 'text',
      care_plan_on: 'date', permanence_plan: 'text',
    },
    key: ['period_id'],
    rowsOf: (state: CarePlanningView) => (state.periodsOfCare ?? []).map((period) => ({
      period_id: period.periodId, started_on: period.startedOn, ceased_on: period.ceasedOn ?? null, short_breaks_only: isShortBreaksOnly(period),
      iro_worker_id: iroOf(cp(state), period.periodId) ?? null,
      care_plan_on: cp(state).carePlans.find((plan) => plan.periodId === period.periodId)?.recordedOn ?? null,
      permanence_plan: cp(state).permanencePlans.filter((plan) => plan.periodId === period.periodId).at(-1)?.plan ?? null,
    })),
  }),
  projectionTable({
    table: 'care_planning_review',
    columns: { review_id: 'uuid', period_id: 'uuid', held_on: 'date', review_number: 'integer', iro_worker_id: 'text', participation: 'text' },
    key: ['review_id'],
    rowsOf: (state: CarePlanningView) => cp(state).reviews.map((r) => ({
      review_id: r.reviewId, period_id: r.periodId, held_on: r.heldOn, review_number: r.reviewNumber, iro_worker_id: r.iroWorkerId ?? null, participation: r.participation,
    })),
  }),
  projectionTable({
    table: 'care_planning_visit',
    columns: {
      visit_id: 'uuid', period_id: 'uuid', placement_id: 'uuid', visited_on: 'date', child_seen: 'boolean', seen_alone: 'boolean', location: 'text',
      visited_by_worker_id: 'text', next_visit_within: 'text',
    },
    key: ['visit_id'],
    rowsOf: (state: CarePlanningView) => cp(state).visits.map((v) => ({
      visit_id: v.visitId, period_id: v.periodId, placement_id: v.placementId ?? null, visited_on: v.visitedOn, child_seen: v.childSeen, seen_alone: v.seenAlone,
      location: v.location, visited_by_worker_id: v.visitedByWorkerId ?? null, next_visit_within: v.nextVisitWithin ?? null,
    })),
  }),
  projectionTable({
    table: 'care_planning_health',
    columns: { item_id: 'uuid', period_id: 'uuid', kind: 'text', on_date: 'date', outcome: 'text', referred_to_camhs: 'boolean' },
    key: ['item_id'],
    // Health assessments, dental checks and mental health screenings: one table, told apart by kind.
    rowsOf: (state: CarePlanningView) => [
      ...cp(state).healthAssessments.map((a) => ({
        item_id: a.assessmentId, period_id: a.periodId, kind: a.kind === 'initial' ? 'initial-health-assessment' : 'review-health-assessment', on_date: a.assessedOn,
        outcome: null, referred_to_camhs: null,
      })),
      ...cp(state).dentalChecks.map((c) => ({ item_id: c.checkId, period_id: c.periodId, kind: 'dental-check', on_date: c.checkedOn, outcome: null, referred_to_camhs: null })),
      ...cp(state).mentalHealthScreenings.map((s) => ({
        item_id: s.screeningId, period_id: s.periodId, kind: 'mental-health-screening', on_date: s.screenedOn, outcome: s.outcome, referred_to_camhs: s.referredToCamhs,
      })),
    ],
  }),
  projectionTable({
    table: 'care_planning_permanency_meeting',
    columns: { meeting_id: 'uuid', period_id: 'uuid', held_on: 'date', due_by: 'date' },
    key: ['meeting_id'],
    rowsOf: (state: CarePlanningView) => cp(state).permanencyPlanningMeetings.map((m) => ({ meeting_id: m.meetingId, period_id: m.periodId, held_on: m.heldOn, due_by: m.dueBy ?? null })),
  }),
  projectionTable({
    table: 'care_planning_pep',
    columns: { pep_id: 'uuid', period_id: 'uuid', held_on: 'date', school_year: 'integer', term: 'text' },
    key: ['pep_id'],
    rowsOf: (state: CarePlanningView) => cp(state).personalEducationPlans.map((p) => ({ pep_id: p.pepId, period_id: p.periodId, held_on: p.heldOn, school_year: p.schoolYear, term: p.term })),
  }),
  projectionTable({
    table: 'care_planning_attendance',
    columns: { school_year: 'integer', term: 'text', percent: 'numeric', recorded_on: 'date' },
    key: ['child_id', 'school_year', 'term'],
    rowsOf: (state: CarePlanningView) => cp(state).attendance.map((a) => ({ school_year: a.schoolYear, term: a.term, percent: a.percent, recorded_on: a.recordedOn })),
  }),
];
