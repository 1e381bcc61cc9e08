/**
 * The projection tables every child's record has whatever the modules: its duties (from the
 * timescale rules), why it is shared with partner agencies (from every module's reasons) and what
 * the child is involved in (from every module's involvements). The modules' own tables are theirs
 * (`projections` on DomainModule); record/projections.ts writes them all alike.
 */
import type { Involvement } from '../modules/domain-module.ts';
import type { Duty } from '../timescales/engine.ts';
import type { FoldedChildRecord } from './fold.ts';
import { partnerSharingOf } from './partner-sharing.ts';
import { projectionTable } from './projection.ts';

/** A child's folded record as the projections are built from it. */
export interface ProjectedChild {
  folded: FoldedChildRecord;
  duties: readonly Duty[];
  /** Furthest along first. */
  involvements: readonly Involvement[];
  status: string;
}

export const recordProjections = [
  // Migrations 0003_child_record_projections.sql and 0009_duty_by_rule.sql (index by rule, covering since 0020).
  projectionTable({
    table: 'duty',
    columns: {
      rule_id: 'text', subject_id: 'text', occurrence: 'integer', opened_on: 'date', opened_by_event_id: 'uuid', started_on: 'date', started_at: 'timestamptz', unit: 'text', due_on: 'date', due_at: 'timestamptz', closed_on: 'date', closed_at: 'timestamptz',
      closure: 'text', closed_by_event_id: 'uuid',
    },
    key: ['child_id', 'rule_id', 'subject_id', 'occurrence'],
    rowsOf: ({ duties }: ProjectedChild) => duties.map((d) => ({
      rule_id: d.ruleId, subject_id: d.subjectId, occurrence: d.occurrence, opened_on: d.openedOn, opened_by_event_id: d.openedByEventId, started_on: d.startedOn, started_at: d.startedAt ?? null, unit: d.unit, due_on: d.dueOn,
      due_at: d.dueAt ?? null, closed_on: d.closedOn ?? null, closed_at: d.closedAt ?? null, closure: d.closure ?? null, closed_by_event_id: d.closedByEventId ?? null,
    })),
  }),
  // Migration 0023_partner_sharing.sql: the access policy's condition for a partner agency reads it.
  projectionTable({
    table: 'partner_sharing',
    columns: { agency: 'text', reason: 'text', subject_id: 'text', started_on: 'date', ended_on: 'date' },
    key: ['child_id', 'agency', 'reason', 'subject_id'],
    rowsOf: ({ folded }: ProjectedChild) => partnerSharingOf(folded.state, folded.effectiveEvents).map((s) => ({
      agency: s.agency, reason: s.reason, subject_id: s.subjectId, started_on: s.startedOn, ended_on: s.endedOn ?? null,
    })),
  }),
  // Migration 0024_child_involvement.sql: lists show, and filter by, each child's involvements.
  projectionTable({
    table: 'child_involvement',
    columns: { kind: 'text', label: 'text', since: 'date', rank: 'integer' },
    key: ['child_id', 'kind'],
    rowsOf: ({ involvements }: ProjectedChild) => involvements.map((i) => ({ kind: i.kind, label: i.label, since: i.since, rank: i.rank })),
  }),
];
