import type pg from 'pg';
import { sqlLiteral } from '../platform/database/sql-literal.ts';
import type { Duty } from '../timescales/engine.ts';
import type { FoldedChildRecord } from './fold.ts';
import { childStatusOf } from './transitions.ts';
import { currentAllocationOf } from '../modules/people/index.ts';
import { partnerSharingOf } from './partner-sharing.ts';

/**
 * The projection tables and their columns. Rows are built from folded records and written with
 * jsonb_to_recordset, which runs the same on PostgreSQL 15 and PGlite and needs one round trip per
 * table however many children are written.
 */
const projectionColumns = {
  child: {
    forename: 'text', surname: 'text', date_of_birth: 'date', expected_date_of_birth: 'date', sex: 'text', ethnicity: 'text',
    disabilities: 'text[]', upn: 'text', nhs_number: 'text', unaccompanied_asylum_seeking: 'boolean', postcode: 'text',
    status: 'text', allocated_worker_id: 'text', allocated_team_id: 'text',
  },
  child_relationship: {
    relationship_id: 'uuid', relationship: 'text', related_child_id: 'text', related_person_id: 'text', related_person_name: 'text',
    parental_responsibility: 'boolean', lives_with_child: 'boolean', recorded_on: 'date', ended_on: 'date',
  },
  household_membership: { household_id: 'text', joined_on: 'date', left_on: 'date' },
  allocation: { started_on: 'date', started_at: 'text', worker_id: 'text', team_id: 'text', ended_on: 'date' },
  contact: {
    contact_id: 'uuid', received_at: 'text', received_on: 'date', source: 'text', local_source: 'text', primary_reason: 'text',
    other_reasons: 'text[]', mash_checks_requested: 'integer', mash_checks_completed: 'integer', decision: 'text', decided_on: 'date',
    decided_by_worker_id: 'text',
  },
  cin_episode: {
    episode_id: 'uuid', referral_on: 'date', source: 'text', contact_id: 'uuid', closed_on: 'date', reason_for_closure: 'text',
    primary_need: 'text', referral_nfa: 'boolean',
  },
  assessment: { assessment_id: 'uuid', episode_id: 'uuid', started_on: 'date', completed_on: 'date', factors: 'text[]', outcome: 'text' },
  section_47_enquiry: {
    section_47_id: 'uuid', episode_id: 'uuid', started_on: 'date', completed_on: 'date', outcome: 'text', icpc_required: 'boolean', icpc_on: 'date',
  },
  cin_plan: { cin_plan_id: 'uuid', episode_id: 'uuid', started_on: 'date', ended_on: 'date' },
  strategy_discussion: { strategy_discussion_id: 'uuid', episode_id: 'uuid', held_on: 'date', decision: 'text' },
  cp_plan: {
    plan_id: 'uuid', episode_id: 'uuid', started_on: 'date', prebirth: 'boolean', initial_category: 'text', latest_category: 'text',
    number_of_previous_plans: 'integer', review_conferences: 'integer', ended_on: 'date', end_reason: 'text',
  },
  duty: {
    rule_id: 'text', subject_id: 'text', occurrence: 'integer', opened_on: 'date', opened_by_event_id: 'uuid', started_on: 'date', started_at: 'timestamptz', unit: 'text', due_on: 'date', due_at: 'timestamptz', closed_on: 'date', closed_at: 'timestamptz',
    closure: 'text', closed_by_event_id: 'uuid',
  },
  partner_sharing: { agency: 'text', reason: 'text', subject_id: 'text', started_on: 'date', ended_on: 'date' },
} as const;

export type ProjectionTable = keyof typeof projectionColumns;
export const projectionTables = Object.keys(projectionColumns) as ProjectionTable[];
type Row = Record<string, unknown>;
export type ProjectionRows = Record<ProjectionTable, Row[]>;

export const emptyProjectionRows = (): ProjectionRows =>
  Object.fromEntries(Object.keys(projectionColumns).map((table) => [table, []])) as unknown as ProjectionRows;

/** Adds one child's projection rows to `rows` (each row keyed by child_id; la_code is added on write). */
export function addProjectionRows(rows: ProjectionRows, folded: FoldedChildRecord, duties: readonly Duty[]): void {
  const { state } = folded;
  const child_id = state.childId;
  const details = state.details;
  if (!details) return; // events for a child not (or no longer) registered project nothing
  const allocation = currentAllocationOf(state);
  rows.child.push({
    child_id, forename: details.forename, surname: details.surname, date_of_birth: details.dateOfBirth ?? null,
    expected_date_of_birth: details.expectedDateOfBirth ?? null, sex: details.sex, ethnicity: details.ethnicity,
    disabilities: details.disabilities, upn: details.upn ?? null, nhs_number: details.nhsNumber ?? null,
    unaccompanied_asylum_seeking: details.unaccompaniedAsylumSeeking, postcode: details.address?.postcode ?? null,
    status: childStatusOf(state), allocated_worker_id: allocation?.workerId ?? null, allocated_team_id: allocation?.teamId ?? null,
  });
  for (const r of state.relationships) {
    rows.child_relationship.push({
      child_id, relationship_id: r.relationshipId, relationship: r.relationship, related_child_id: r.relatedChildId ?? null,
      related_person_id: r.relatedPerson?.personId ?? null, related_person_name: r.relatedPerson?.name ?? null,
      parental_responsibility: r.parentalResponsibility, lives_with_child: r.livesWithChild, recorded_on: r.recordedOn, ended_on: r.endedOn ?? null,
    });
  }
  for (const h of state.households) rows.household_membership.push({ child_id, household_id: h.householdId, joined_on: h.joinedOn, left_on: h.leftOn ?? null });
  for (const a of state.allocations) {
    rows.allocation.push({ child_id, started_on: a.startedOn, started_at: a.startedAt, worker_id: a.workerId, team_id: a.teamId, ended_on: a.endedOn ?? null });
  }
  for (const c of state.contacts) {
    rows.contact.push({
      child_id, contact_id: c.contactId, received_at: c.receivedAt, received_on: c.receivedOn, source: c.source, local_source: c.localSource ?? null,
      primary_reason: c.primaryReason, other_reasons: c.otherReasons, mash_checks_requested: c.mashChecks.filter((m) => m.requestedOn).length,
      mash_checks_completed: c.mashChecks.filter((m) => m.completedOn).length, decision: c.decision ?? null, decided_on: c.decidedOn ?? null,
      decided_by_worker_id: c.decidedByWorkerId ?? null,
    });
  }
  for (const e of state.episodes) {
    rows.cin_episode.push({
      child_id, episode_id: e.episodeId, referral_on: e.referralOn, source: e.source, contact_id: e.contactId ?? null, closed_on: e.closedOn ?? null,
      reason_for_closure: e.reasonForClosure ?? null, primary_need: e.primaryNeed ?? null,
      // CIN census ReferralNFA: the referral led to no further action without an assessment.
      referral_nfa: e.closedOn !== undefined && e.assessments.length === 0 && e.section47s.length === 0,
    });
    for (const a of e.assessments) {
      rows.assessment.push({
        child_id, assessment_id: a.assessmentId, episode_id: e.episodeId, started_on: a.startedOn, completed_on: a.completedOn ?? null,
        factors: a.factors ?? null, outcome: a.outcome ?? null,
      });
    }
    for (const p of e.cinPlans) {
      // A plan left open when the episode closed ends with it (CIN census: no plan outlives its episode).
      rows.cin_plan.push({ child_id, cin_plan_id: p.cinPlanId, episode_id: e.episodeId, started_on: p.startedOn, ended_on: p.endedOn ?? e.closedOn ?? null });
    }
    for (const d of e.strategyDiscussions) {
      rows.strategy_discussion.push({ child_id, strategy_discussion_id: d.strategyDiscussionId, episode_id: e.episodeId, held_on: d.heldOn, decision: d.decision });
    }
    for (const s of e.section47s) {
      rows.section_47_enquiry.push({
        child_id, section_47_id: s.section47Id, episode_id: e.episodeId, started_on: s.startedOn, completed_on: s.completedOn ?? null,
        outcome: s.outcome ?? null, icpc_required: s.icpcRequired ?? null, icpc_on: s.icpcOn ?? null,
      });
    }
    for (const p of e.cpPlans) {
      rows.cp_plan.push({
        child_id, plan_id: p.planId, episode_id: e.episodeId, started_on: p.startedOn, prebirth: p.prebirth, initial_category: p.initialCategory,
        latest_category: p.latestCategory, number_of_previous_plans: p.numberOfPreviousPlans, review_conferences: p.reviewConferences.length,
        ended_on: p.endedOn ?? null, end_reason: p.endReason ?? null,
      });
    }
  }
  for (const s of partnerSharingOf(state, folded.effectiveEvents)) {
    rows.partner_sharing.push({ child_id, agency: s.agency, reason: s.reason, subject_id: s.subjectId, started_on: s.startedOn, ended_on: s.endedOn ?? null });
  }
  for (const d of duties) {
    rows.duty.push({
      child_id, rule_id: d.ruleId, subject_id: d.subjectId, occurrence: d.occurrence, opened_on: d.openedOn, opened_by_event_id: d.openedByEventId, started_on: d.startedOn, started_at: d.startedAt ?? null, unit: d.unit, due_on: d.dueOn,
      due_at: d.dueAt ?? null, closed_on: d.closedOn ?? null, closed_at: d.closedAt ?? null, closure: d.closure ?? null, closed_by_event_id: d.closedByEventId ?? null,
    });
  }
}

/**
 * Replaces the projections of the given children with `rows`, in the caller's transaction, in one
 * round trip: a write touches every projection table, and a statement each would be two dozen.
 */
export async function replaceProjections(client: pg.PoolClient, laCode: string, childIds: readonly string[], rows: ProjectionRows): Promise<void> {
  await client.query(replaceProjectionsSql(laCode, childIds, rows));
}

/** The statements of replaceProjections, for sending with others in one round trip. */
export function replaceProjectionsSql(laCode: string, childIds: readonly string[], rows: ProjectionRows): string {
  const la = sqlLiteral(laCode);
  const children = sqlLiteral(`{${childIds.map((id) => `"${id.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`);
  const statements: string[] = [];
  for (const table of projectionTables) {
    statements.push(`DELETE FROM ${table} WHERE la_code = ${la} AND child_id = ANY(${children}::text[])`);
    if (rows[table].length > 0) statements.push(insertProjectionSql(table, la, `${sqlLiteral(JSON.stringify(rows[table]))}::jsonb`));
  }
  return statements.join(';\n');
}

/** Each table's primary key, less la_code. */
export const projectionKeys: Record<ProjectionTable, readonly string[]> = {
  child: ['child_id'],
  child_relationship: ['child_id', 'relationship_id'],
  household_membership: ['child_id', 'household_id', 'joined_on'],
  allocation: ['child_id', 'started_at', 'worker_id'],
  contact: ['contact_id'],
  cin_episode: ['episode_id'],
  assessment: ['assessment_id'],
  section_47_enquiry: ['section_47_id'],
  cin_plan: ['cin_plan_id'],
  strategy_discussion: ['strategy_discussion_id'],
  cp_plan: ['plan_id'],
  duty: ['child_id', 'rule_id', 'subject_id', 'occurrence'],
  partner_sharing: ['child_id', 'agency', 'reason', 'subject_id'],
};

/** One child's projection rows by table, each under its text: rows alike have the same text. */
export type ProjectionRowTexts = Record<ProjectionTable, ReadonlyMap<string, Row>>;

/** A child's projection rows from their folded record and duties, each under its text. */
export function projectionRowTextsOf(folded: FoldedChildRecord, duties: readonly Duty[]): ProjectionRowTexts {
  const rows = emptyProjectionRows();
  addProjectionRows(rows, folded, duties);
  return Object.fromEntries(projectionTables.map((table) => [table, new Map(rows[table].map((row) => [JSON.stringify(row), row]))])) as unknown as ProjectionRowTexts;
}

/**
 * The statements that turn one child's projection rows from `before` into `after`: rows that
 * went or changed are deleted by key, rows that came or changed are inserted; rows alike in both
 * are left alone, so an event rewrites a handful of rows rather than all the child's. `before`
 * must be what is stored: rows built from the log as it was, under the timescale settings the
 * projections were built with (a change of settings rebuilds them all).
 */
export function changeProjectionsSql(laCode: string, childId: string, before: ProjectionRowTexts, after: ProjectionRowTexts): string {
  const la = sqlLiteral(laCode);
  const statements: string[] = [];
  for (const table of projectionTables) {
    const beforeRows = before[table];
    const afterRows = after[table];
    const gone = [...beforeRows].filter(([text]) => !afterRows.has(text)).map(([, row]) => row);
    const came = [...afterRows].filter(([text]) => !beforeRows.has(text)).map(([, row]) => row);
    if (gone.length > 0) {
      const keys = projectionKeys[table];
      const columns = { child_id: 'text', ...projectionColumns[table] } as Record<string, string>;
      const goneKeys = sqlLiteral(JSON.stringify(gone.map((row) => Object.fromEntries(keys.map((key) => [key, row[key]])))));
      statements.push(`DELETE FROM ${table} WHERE la_code = ${la} AND child_id = ${sqlLiteral(childId)} AND (${keys.join(', ')}) IN (
        SELECT ${keys.join(', ')} FROM jsonb_to_recordset(${goneKeys}::jsonb) AS r(${keys.map((key) => `${key} ${columns[key]}`).join(', ')}))`);
    }
    if (came.length > 0) statements.push(insertProjectionSql(table, la, `${sqlLiteral(JSON.stringify(came))}::jsonb`));
  }
  return statements.join(';\n');
}

/** INSERT … SELECT of a table's rows from a JSON array (`json`: a parameter or a literal). */
function insertProjectionSql(table: ProjectionTable, laCode: string, json: string): string {
  const columns = { child_id: 'text', ...projectionColumns[table] } as Record<string, string>;
  const names = Object.keys(columns);
  const definition = names.map((name) => `${name} ${columns[name]}`).join(', ');
  return `INSERT INTO ${table} (la_code, ${names.join(', ')}) SELECT ${laCode}, ${names.join(', ')} FROM jsonb_to_recordset(${json}) AS r(${definition})`;
}

export async function insertProjectionRows(client: pg.PoolClient, laCode: string, table: ProjectionTable, rows: readonly Row[]): Promise<void> {
  if (rows.length > 0) await insertProjectionJson(client, laCode, table, JSON.stringify(rows));
}

/** Inserts projection rows given as a JSON array of objects (rows serialised elsewhere, e.g. on another thread). */
export async function insertProjectionJson(client: pg.PoolClient, laCode: string, table: ProjectionTable, json: string): Promise<void> {
  await client.query(insertProjectionSql(table, '$1', '$2::jsonb'), [laCode, json]);
}

/**
 * After a bulk change: the planner's statistics for the log and its projections, and the
 * projections vacuumed, which marks their pages all-visible so the figures' reads can be
 * index-only (migration 0020). Autovacuum would do it later, or never where it is off.
 */
export async function vacuumAndAnalyzeRecordTables(db: { pool: Pick<pg.Pool, 'query'> }): Promise<void> {
  await db.pool.query(`VACUUM (ANALYZE) ${projectionTables.join(', ')}`);
  await db.pool.query('ANALYZE child_event, audit_event');
}
