/**
 * The SQL of the metrics: set-based queries over the projection tables, the same on PostgreSQL 15
 * and PGlite. Each metric names the rows it counts (`items`: one row per counted unit and date, with
 * whether it is in the numerator and the denominator); one generic query joins them to the child and,
 * when asked, to the allocation on the counting date, puts them in groups and counts distinct units
 * per group with GROUPING SETS, so a breakdown and its total come from one pass.
 *
 * Working-day timescales read the duty projection, whose due dates were computed by the timescale
 * engine with the England and Wales bank holidays (and the council's extra ones). The one metric
 * with a timescale the caller chooses (CIN-04) counts working days here, with the bank holidays
 * passed in from the calendar module as a date[] parameter, as SQL cannot see the calendar.
 *
 * Parameters are named (:laCode, :from, :to, :judgedOn, :holidays, :withinDays, :withinUnit) and
 * bound to $n in order of first use, so a query only sends the parameters it reads.
 */
import type pg from 'pg';
import { writeAudit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/request-context.ts';
import type { CountingAcrossCouncils } from './across-councils.ts';
import type { DimensionDefinition } from './dimensions.ts';

export interface QueryWindow {
  /** First day counted; equals `to` for snapshots. */
  from: string;
  /** Last day counted, or the snapshot date. */
  to: string;
}

export interface MetricParameters {
  /** The date timeliness is judged at: a duty not yet due then is left out (today, by default). */
  judgedOn: string;
  /** England and Wales bank holidays (and the council's extra ones) around the window. */
  holidays: string[];
  /** CIN-04: the timescale asked for. */
  withinDays: number;
  withinUnit: 'working-days' | 'calendar-days';
}

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Replaces :name with $n (each name once, in order of first use); '::type' casts are left alone. */
export function bindNamed(sql: string, values: Record<string, unknown>): { text: string; values: unknown[] } {
  const order: string[] = [];
  const text = sql.replace(/(?<![:\w]):([a-zA-Z][a-zA-Z0-9]*)/g, (_match, name: string) => {
    if (!(name in values)) throw new Error(`No value for SQL parameter :${name}`);
    let index = order.indexOf(name);
    if (index === -1) index = order.push(name) - 1;
    return `$${index + 1}`;
  });
  return { text, values: order.map((name) => values[name]) };
}

export interface MetricSource {
  /**
   * The counted rows: unit_id (what is counted once), child_id, counted_on (the date counted: age,
   * allocation and month are taken on it), numerator, denominator, and the columns in `columns`.
   */
  items: string;
  columns: readonly string[];
  /**
   * Each unit is at most one row (its table's key says so): units are then counted with count(*),
   * which needs no sort, unless a breakdown puts a row in several groups (factors).
   */
  oneRowPerUnit?: boolean;
  /** Further figures over the counted rows: name → SQL aggregate. */
  additional?: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------------------------------------
// Shared fragments

/** A duty met by its due date: to the minute for hour rules when both instants are known. */
const metOnTime = `coalesce(d.closure = 'met' AND CASE WHEN d.due_at IS NOT NULL AND d.closed_at IS NOT NULL THEN d.closed_at <= d.due_at ELSE d.closed_on <= d.due_on END, false)`;
/**
 * A duty that can be judged: not closed as no longer needed before it fell due (a plan ended, an
 * episode closed) and not still open within its timescale on the judging date. (coalesce: an open
 * duty has no closure, and NOT NULL would drop it from every count.)
 */
const judgeable = `NOT coalesce((d.closure = 'cancelled' AND d.closed_on <= d.due_on) OR (d.closure IS NULL AND :judgedOn::date <= d.due_on), false)`;

const contactColumns = ['source', 'local_source', 'reason', 'decision'] as const;
const contactSelect = `c.source, c.local_source, c.primary_reason AS reason, c.decision`;

const contactsReceived = (numerator: string, extraWhere = '') => `
  SELECT c.contact_id::text AS unit_id, c.child_id, c.received_on AS counted_on, ${numerator} AS numerator, true AS denominator, ${contactSelect}
    FROM contact c
   WHERE c.la_code = :laCode AND c.received_on BETWEEN :from::date AND :to::date ${extraWhere}`;

const planOpenAtEnd = `p.started_on <= :to::date AND (p.ended_on IS NULL OR p.ended_on > :to::date)`;
const planOpenInWindow = `p.started_on <= :to::date AND (p.ended_on IS NULL OR p.ended_on >= :from::date)`;

/** A later strategy discussion continued the enquiry (the projection closes it without an outcome). */
const section47NotContinued = `NOT (s.completed_on IS NOT NULL AND s.outcome IS NULL)`;

/**
 * Enquiries started in the window, each flagged when a sibling (a recorded sibling relationship
 * either way) or a child in the same household on the day had an enquiry started the same day.
 */
const sectionFortySevenStarted = `
  WITH started AS (
    SELECT s.* FROM section_47_enquiry s
     WHERE s.la_code = :laCode AND s.started_on BETWEEN :from::date AND :to::date AND ${section47NotContinued}
  ),
  started_household AS (
    SELECT s.section_47_id, s.child_id, s.started_on, h.household_id
      FROM started s
      JOIN household_membership h ON h.la_code = :laCode AND h.child_id = s.child_id
                                 AND h.joined_on <= s.started_on AND (h.left_on IS NULL OR h.left_on > s.started_on)
  ),
  -- From each enquiry to its child's siblings (recorded either way round) and household on the
  -- day, then to their enquiries started that day: no pairing of every enquiry with every other.
  with_sibling AS (
    SELECT a.section_47_id FROM started a
      JOIN child_relationship r ON r.la_code = :laCode AND r.child_id = a.child_id AND r.relationship IN ('sibling', 'half-sibling', 'step-sibling')
      JOIN started b ON b.child_id = r.related_child_id AND b.started_on = a.started_on AND b.child_id <> a.child_id
    UNION
    SELECT a.section_47_id FROM started a
      JOIN child_relationship r ON r.la_code = :laCode AND r.related_child_id = a.child_id AND r.relationship IN ('sibling', 'half-sibling', 'step-sibling')
      JOIN started b ON b.child_id = r.child_id AND b.started_on = a.started_on AND b.child_id <> a.child_id
    UNION
    SELECT a.section_47_id FROM started_household a
      JOIN started_household b ON b.household_id = a.household_id AND b.started_on = a.started_on AND b.child_id <> a.child_id
  )
  SELECT s.section_47_id::text AS unit_id, s.child_id, s.started_on AS counted_on, true AS numerator, true AS denominator,
         s.outcome AS section_47_outcome, s.section_47_id IN (SELECT section_47_id FROM with_sibling) AS with_sibling
    FROM started s`;

const durationBand = `CASE
    WHEN p.ended_on < (p.started_on + interval '3 months')::date THEN 'under-3-months'
    WHEN p.ended_on < (p.started_on + interval '6 months')::date THEN '3-to-6-months'
    WHEN p.ended_on < (p.started_on + interval '12 months')::date THEN '6-to-12-months'
    WHEN p.ended_on < (p.started_on + interval '24 months')::date THEN '12-to-24-months'
    ELSE '2-years-or-more' END`;

/**
 * Working days after `start` up to and including `end` (0 when end ≤ start): Monday to Friday,
 * not a bank holiday. The same count as the calendar module's workingDaysBetween.
 */
export const workingDaysBetweenSql = (start: string, end: string) =>
  `(SELECT count(*)::int FROM generate_series((${start})::date + 1, (${end})::date, interval '1 day') AS g(day)
     WHERE extract(isodow FROM g.day) < 6 AND g.day::date <> ALL(:holidays::date[]))`;

/**
 * Every day from `from` to `to`, numbered by the working days up to and including it (Monday to
 * Friday, not a bank holiday): the working days after a start up to an end are number(end) −
 * number(start), the same count as workingDaysBetweenSql, for every row at once.
 */
export const workingDayNumbersSql = (from: string, to: string) => `
  SELECT g.day::date AS day, count(*) FILTER (WHERE extract(isodow FROM g.day) < 6 AND g.day::date <> ALL(:holidays::date[])) OVER (ORDER BY g.day) AS number
    FROM generate_series((${from})::date, (${to})::date, interval '1 day') AS g(day)`;

/**
 * Calendar days after a start within which `:withinDays` working days always fall: three per
 * working day plus a fortnight covers every weekend and any run of bank holidays.
 */
const workingDaysSpan = `(3 * (:withinDays::int + 1) + 14)`;

// ---------------------------------------------------------------------------------------------
// The metrics

const durationColumns = ['category', 'end_reason', 'duration_band'] as const;

export const metricSources: Readonly<Record<string, MetricSource>> = {
  'FD-01': { items: contactsReceived('true'), columns: contactColumns, oneRowPerUnit: true },
  'FD-03': { items: contactsReceived('true'), columns: contactColumns, oneRowPerUnit: true },
  'FD-04': { items: contactsReceived('true'), columns: contactColumns, oneRowPerUnit: true },
  'FD-05': { items: contactsReceived('true'), columns: contactColumns, oneRowPerUnit: true },
  'FD-09': { items: contactsReceived('c.mash_checks_completed > 0'), columns: contactColumns, oneRowPerUnit: true },
  'FD-11': {
    items: `
      SELECT c.contact_id::text AS unit_id, c.child_id, c.received_on AS counted_on, true AS numerator, true AS denominator, ${contactSelect},
             count(*) OVER (PARTITION BY c.child_id) AS contacts_of_child
        FROM contact c
       WHERE c.la_code = :laCode AND c.received_on BETWEEN :from::date AND :to::date
         AND (c.primary_reason = 'physical-abuse' OR 'physical-abuse' = ANY(c.other_reasons))
         -- Children already open to children's social care at the start of the day are left out.
         AND NOT EXISTS (SELECT 1 FROM cin_episode e
                          WHERE e.la_code = c.la_code AND e.child_id = c.child_id
                            AND e.referral_on < c.received_on AND (e.closed_on IS NULL OR e.closed_on >= c.received_on))`,
    columns: contactColumns,
    oneRowPerUnit: true,
    additional: {
      children: 'count(DISTINCT child_id)',
      childrenWithTwoContacts: 'count(DISTINCT child_id) FILTER (WHERE contacts_of_child = 2)',
      childrenWithThreeOrMoreContacts: 'count(DISTINCT child_id) FILTER (WHERE contacts_of_child >= 3)',
    },
  },
  'FD-13': {
    // A contact's duty starts on the day the contact is received, so the duties started in the
    // window are the contacts received in it (duty_by_rule finds them). The contact is joined by
    // its key for the contact breakdowns only: a figure that reads none of its columns skips it.
    items: `
      SELECT d.subject_id AS unit_id, d.child_id, d.started_on AS counted_on, ${metOnTime} AS numerator, ${judgeable} AS denominator, ${contactSelect}
        FROM duty d
        LEFT JOIN contact c ON c.la_code = d.la_code AND c.contact_id = d.subject_id::uuid
       WHERE d.la_code = :laCode AND d.rule_id = 'contact-decision-within-1-working-day' AND d.occurrence = 1
         AND d.started_on BETWEEN :from::date AND :to::date`,
    columns: contactColumns,
    oneRowPerUnit: true,
  },
  'FD-07': {
    items: `
      SELECT e.episode_id::text AS unit_id, e.child_id, e.referral_on AS counted_on,
             EXISTS (SELECT 1 FROM cin_episode p
                      WHERE p.la_code = e.la_code AND p.child_id = e.child_id AND p.episode_id <> e.episode_id
                        AND p.referral_on >= (e.referral_on - interval '12 months')::date
                        -- Episodes never overlap: an earlier referral is one whose episode had closed by this one.
                        AND p.closed_on IS NOT NULL AND p.closed_on <= e.referral_on
                        AND (p.referral_on < e.referral_on OR (e.closed_on IS NULL OR e.closed_on > e.referral_on))) AS numerator,
             true AS denominator, e.source
        FROM cin_episode e
       WHERE e.la_code = :laCode AND e.referral_on BETWEEN :from::date AND :to::date`,
    columns: ['source'],
    oneRowPerUnit: true,
  },
  'FD-08': {
    items: `
      SELECT a.assessment_id::text AS unit_id, a.child_id, a.completed_on AS counted_on, a.outcome = 'no-further-action' AS numerator, true AS denominator,
             a.outcome AS assessment_outcome, coalesce(a.factors, '{}'::text[]) AS factors
        FROM assessment a
       WHERE a.la_code = :laCode AND a.completed_on BETWEEN :from::date AND :to::date`,
    columns: ['assessment_outcome', 'factors'],
    oneRowPerUnit: true,
  },
  'DFE-ASM-45': {
    items: `
      SELECT d.subject_id AS unit_id, d.child_id, d.closed_on AS counted_on, d.closed_on <= d.due_on AS numerator, true AS denominator
        FROM duty d
       WHERE d.la_code = :laCode AND d.rule_id = 'assessment-within-45-working-days-of-referral' AND d.closure = 'met'
         AND d.closed_on BETWEEN :from::date AND :to::date`,
    columns: [],
  },
  'CIN-01': {
    items: `
      SELECT e.child_id AS unit_id, e.child_id, :to::date AS counted_on, true AS numerator, true AS denominator, e.primary_need
        FROM cin_episode e
       WHERE e.la_code = :laCode AND e.referral_on <= :to::date AND (e.closed_on IS NULL OR e.closed_on > :to::date)`,
    columns: ['primary_need'],
  },
  'CIN-02': {
    items: `
      SELECT e.child_id AS unit_id, e.child_id, least(:to::date, coalesce(e.closed_on, :to::date)) AS counted_on, true AS numerator, true AS denominator, e.primary_need
        FROM cin_episode e
       WHERE e.la_code = :laCode AND e.referral_on <= :to::date AND (e.closed_on IS NULL OR e.closed_on >= :from::date)`,
    columns: ['primary_need'],
  },
  'CIN-03': {
    items: `
      SELECT d.subject_id AS unit_id, d.child_id, d.started_on AS counted_on, ${metOnTime} AS numerator, ${judgeable} AS denominator, e.source
        -- By the episode's key (the duty's subject is its id): a figure reading no episode column skips the join.
        FROM duty d LEFT JOIN cin_episode e ON e.la_code = d.la_code AND e.episode_id = d.subject_id::uuid
       WHERE d.la_code = :laCode AND d.rule_id = 'allocation-after-referral' AND d.occurrence = 1
         AND d.started_on BETWEEN :from::date AND :to::date`,
    columns: ['source'],
  },
  'CIN-04': {
    // The duty child-seen-after-allocation closes as met at the first visit the child is seen
    // after an allocation, and as cancelled when the episode closes first; the timescale asked for
    // is applied to those dates here. Working days come from one numbered list of the window's days
    // (the working days up to and including each day), so the count between two dates is a
    // subtraction. Only "within the timescale or not" matters, so the end is capped at a span that
    // always holds more working days than the timescale, and the list need not reach the judging date.
    items: `
      WITH working_day AS (${workingDayNumbersSql(':from::date', `:to::date + ${workingDaysSpan}`)}),
      allocation_duty AS (
        SELECT d.*, greatest(d.started_on, least(coalesce(d.closed_on, :judgedOn::date), d.started_on + ${workingDaysSpan})) AS capped_end
          FROM duty d
         WHERE d.la_code = :laCode AND d.rule_id = 'child-seen-after-allocation' AND d.occurrence = 1
           AND d.started_on BETWEEN :from::date AND :to::date
      ),
      elapsed AS (
        SELECT d.*, CASE WHEN :withinUnit::text = 'calendar-days' THEN coalesce(d.closed_on, :judgedOn::date) - d.started_on
                         ELSE finish.number - start.number END AS days
          FROM allocation_duty d
          JOIN working_day start ON start.day = d.started_on
          JOIN working_day finish ON finish.day = d.capped_end
      )
      SELECT d.subject_id AS unit_id, d.child_id, d.started_on AS counted_on,
             (d.closure = 'met' AND d.days <= :withinDays::int) AS numerator,
             NOT (coalesce(d.closure, 'open') IN ('cancelled', 'open') AND d.days <= :withinDays::int) AS denominator
        FROM elapsed d`,
    columns: [],
  },
  'CIN-06': {
    // The last day the timescale allows: the withinDays-th working day after completion (the first
    // day numbered so, or the completion day itself), or withinDays calendar days after it.
    items: `
      WITH working_day AS (${workingDayNumbersSql(':from::date', `:to::date + ${workingDaysSpan}`)}),
      first_day AS (SELECT number, min(day) AS day FROM working_day GROUP BY number),
      assessed AS (
        SELECT a.assessment_id, a.child_id, a.episode_id, a.completed_on, a.outcome,
               CASE WHEN :withinUnit::text = 'calendar-days' THEN a.completed_on + :withinDays::int
                    ELSE greatest(a.completed_on, due.day) END AS plan_due_on
          FROM assessment a
          JOIN working_day done ON done.day = a.completed_on
          JOIN first_day due ON due.number = done.number + :withinDays::int
         WHERE a.la_code = :laCode AND a.completed_on BETWEEN :from::date AND :to::date
           AND a.outcome IN ('child-in-need-plan', 'strategy-discussion')
      ),
      -- The council's CIN and CP plans open at some point from the window's start to its last due date.
      plan AS (
        SELECT p.child_id, p.episode_id, p.started_on, p.ended_on FROM cin_plan p
         WHERE p.la_code = :laCode AND p.started_on <= :to::date + ${workingDaysSpan} AND (p.ended_on IS NULL OR p.ended_on >= :from::date)
        UNION ALL
        SELECT p.child_id, p.episode_id, p.started_on, p.ended_on FROM cp_plan p
         WHERE p.la_code = :laCode AND p.started_on <= :to::date + ${workingDaysSpan} AND (p.ended_on IS NULL OR p.ended_on >= :from::date)
      ),
      -- Joined rather than looked up per assessment, so the work grows with the rows, not their product.
      planned AS (
        SELECT a.assessment_id, a.child_id, a.completed_on, a.outcome, a.plan_due_on, count(p.started_on) > 0 AS has_plan
          FROM assessed a
          LEFT JOIN plan p ON p.child_id = a.child_id AND p.episode_id = a.episode_id
                          AND p.started_on <= a.plan_due_on AND (p.ended_on IS NULL OR p.ended_on >= a.completed_on)
         GROUP BY a.assessment_id, a.child_id, a.completed_on, a.outcome, a.plan_due_on
      )
      SELECT a.assessment_id::text AS unit_id, a.child_id, a.completed_on AS counted_on, a.has_plan AS numerator,
             a.has_plan OR a.plan_due_on < :judgedOn::date AS denominator, a.outcome AS assessment_outcome
        FROM planned a`,
    columns: ['assessment_outcome'],
    oneRowPerUnit: true,
  },
  'CIN-07': {
    items: `
      SELECT p.cin_plan_id::text AS unit_id, p.child_id, p.ended_on AS counted_on, p.ended_on >= (p.started_on + interval '12 months')::date AS numerator,
             true AS denominator, 'cin-plan' AS plan_type, ${durationBand} AS duration_band
        FROM cin_plan p WHERE p.la_code = :laCode AND p.ended_on BETWEEN :from::date AND :to::date
      UNION ALL
      SELECT p.plan_id::text, p.child_id, p.ended_on, p.ended_on >= (p.started_on + interval '12 months')::date, true, 'cp-plan', ${durationBand}
        FROM cp_plan p WHERE p.la_code = :laCode AND p.ended_on BETWEEN :from::date AND :to::date`,
    columns: ['plan_type', 'duration_band'],
    oneRowPerUnit: true,
  },
  'CIN-08': {
    items: `
      SELECT e.episode_id::text AS unit_id, e.child_id, e.referral_on AS counted_on, true AS numerator, true AS denominator, e.source
        FROM cin_episode e WHERE e.la_code = :laCode AND e.referral_on BETWEEN :from::date AND :to::date`,
    columns: ['source'],
    oneRowPerUnit: true,
  },
  'DFE-REF-NFA': {
    items: `
      SELECT e.episode_id::text AS unit_id, e.child_id, e.referral_on AS counted_on, e.referral_nfa AS numerator, true AS denominator, e.source
        FROM cin_episode e WHERE e.la_code = :laCode AND e.referral_on BETWEEN :from::date AND :to::date`,
    columns: ['source'],
    oneRowPerUnit: true,
  },
  'CP-01': {
    items: `
      SELECT p.child_id AS unit_id, p.child_id, :to::date AS counted_on, true AS numerator, true AS denominator,
             p.initial_category AS category, p.latest_category
        FROM cp_plan p WHERE p.la_code = :laCode AND ${planOpenAtEnd}`,
    columns: ['category', 'latest_category'],
  },
  'CP-02b': {
    items: `
      SELECT p.child_id AS unit_id, p.child_id, least(:to::date, coalesce(p.ended_on, :to::date)) AS counted_on, true AS numerator, true AS denominator,
             p.initial_category AS category, p.latest_category
        FROM cp_plan p WHERE p.la_code = :laCode AND ${planOpenInWindow}`,
    columns: ['category', 'latest_category'],
  },
  'CP-02c': {
    items: `
      SELECT p.child_id AS unit_id, p.child_id, p.started_on AS counted_on, true AS numerator, true AS denominator, p.initial_category AS category
        FROM cp_plan p WHERE p.la_code = :laCode AND p.started_on BETWEEN :from::date AND :to::date`,
    columns: ['category'],
  },
  'CP-03': {
    items: `
      SELECT p.child_id AS unit_id, p.child_id, :to::date AS counted_on, true AS numerator, true AS denominator,
             coalesce(latest.factors, '{}'::text[]) AS factors
        FROM (SELECT DISTINCT p.child_id FROM cp_plan p WHERE p.la_code = :laCode AND ${planOpenAtEnd}) p
        LEFT JOIN (
          -- Each child's latest assessment completed by the date, in one pass over assessments.
          SELECT DISTINCT ON (a.child_id) a.child_id, a.factors FROM assessment a
           WHERE a.la_code = :laCode AND a.completed_on <= :to::date
           ORDER BY a.child_id, a.completed_on DESC, a.assessment_id) latest ON latest.child_id = p.child_id`,
    columns: ['factors'],
  },
  'CP-04': {
    items: `
      SELECT p.plan_id::text AS unit_id, p.child_id, p.started_on AS counted_on, true AS numerator, true AS denominator, p.initial_category AS category
        FROM cp_plan p WHERE p.la_code = :laCode AND p.started_on BETWEEN :from::date AND :to::date`,
    columns: ['category'],
    oneRowPerUnit: true,
  },
  'CP-05': {
    items: `
      SELECT p.child_id AS unit_id, p.child_id, p.started_on AS counted_on, p.number_of_previous_plans > 0 AS numerator, true AS denominator,
             p.initial_category AS category
        FROM cp_plan p WHERE p.la_code = :laCode AND p.started_on BETWEEN :from::date AND :to::date`,
    columns: ['category'],
  },
  'CP-07': {
    items: `
      SELECT p.plan_id::text AS unit_id, p.child_id, p.ended_on AS counted_on, true AS numerator, true AS denominator,
             p.initial_category AS category, p.end_reason, ${durationBand} AS duration_band
        FROM cp_plan p WHERE p.la_code = :laCode AND p.ended_on BETWEEN :from::date AND :to::date`,
    columns: durationColumns,
    oneRowPerUnit: true,
  },
  'CP-08': { items: sectionFortySevenStarted, columns: ['section_47_outcome'], oneRowPerUnit: true, additional: { startedSameDayAsSibling: 'count(DISTINCT unit_id) FILTER (WHERE with_sibling)' } },
  'CP-09': { items: sectionFortySevenStarted, columns: ['section_47_outcome'], oneRowPerUnit: true },
  'CP-11': {
    // A discussion deciding on section 47 starts the enquiry of the same id (the projection keeps
    // one continued by a later discussion, completed without an outcome: the later one counts it).
    items: `
      SELECT d.strategy_discussion_id::text AS unit_id, d.child_id, d.held_on AS counted_on, d.decision = 'section-47' AS numerator, true AS denominator,
             s.section_47_id IS NOT NULL AND ${section47NotContinued} AS enquiry,
             s.icpc_on IS NOT NULL AS conference,
             s.icpc_on IS NOT NULL AND EXISTS (SELECT 1 FROM cp_plan p WHERE p.la_code = s.la_code AND p.child_id = s.child_id
                                                   AND p.episode_id = s.episode_id AND p.started_on = s.icpc_on) AS plan_started
        FROM strategy_discussion d
        LEFT JOIN section_47_enquiry s ON s.la_code = d.la_code AND s.section_47_id = d.strategy_discussion_id
       WHERE d.la_code = :laCode AND d.held_on BETWEEN :from::date AND :to::date`,
    columns: [],
    oneRowPerUnit: true,
    additional: {
      enquiries: 'count(*) FILTER (WHERE enquiry)',
      initialConferences: 'count(*) FILTER (WHERE conference)',
      plansStarted: 'count(*) FILTER (WHERE plan_started)',
    },
  },
  'CP-13': {
    items: `
      SELECT d.subject_id AS unit_id, d.child_id, d.started_on AS counted_on, ${metOnTime} AS numerator, ${judgeable} AS denominator,
             p.initial_category AS category
        -- By the plan's key (the duty's subject is its id): a figure reading no plan column skips the join.
        FROM duty d LEFT JOIN cp_plan p ON p.la_code = d.la_code AND p.plan_id = d.subject_id::uuid
       WHERE d.la_code = :laCode AND d.rule_id = 'first-core-group-after-initial-conference' AND d.occurrence = 1
         AND d.started_on BETWEEN :from::date AND :to::date`,
    columns: ['category'],
  },
  'CPC-01': {
    items: `
      SELECT s.section_47_id::text AS unit_id, s.child_id, s.icpc_on AS counted_on, true AS numerator, true AS denominator, 'initial' AS conference_type
        FROM section_47_enquiry s WHERE s.la_code = :laCode AND s.icpc_on BETWEEN :from::date AND :to::date
      UNION ALL
      -- Every review conference meets the open occurrence of the review duty while the plan lasts.
      SELECT d.subject_id || '#' || d.occurrence, d.child_id, d.closed_on, true, true, 'review'
        FROM duty d
       WHERE d.la_code = :laCode AND d.rule_id = 'review-conference-within-3-months-then-every-6-months' AND d.closure = 'met'
         AND d.closed_on BETWEEN :from::date AND :to::date`,
    columns: ['conference_type'],
  },
  'CPC-05': {
    items: `
      SELECT d.subject_id AS unit_id, d.child_id, d.closed_on AS counted_on, d.closed_on <= d.due_on AS numerator, true AS denominator
        FROM duty d
       WHERE d.la_code = :laCode AND d.rule_id = 'initial-conference-within-15-working-days-of-strategy-discussion' AND d.closure = 'met'
         AND d.closed_on BETWEEN :from::date AND :to::date`,
    columns: [],
  },
  'CPC-06': {
    items: `
      SELECT d.subject_id || '#' || d.occurrence AS unit_id, d.child_id, d.due_on AS counted_on, ${metOnTime} AS numerator, ${judgeable} AS denominator,
             d.occurrence AS review_number
        FROM duty d
       WHERE d.la_code = :laCode AND d.rule_id = 'review-conference-within-3-months-then-every-6-months'
         AND d.due_on BETWEEN :from::date AND :to::date`,
    columns: ['review_number'],
  },
  'WF-02': {
    items: `
      SELECT e.child_id AS unit_id, e.child_id, :to::date AS counted_on, workers.count = 1 AS numerator,
             -- Children never allocated are a different gap (CIN-03), not continuity.
             workers.count >= 1 AS denominator, workers.count AS workers
        FROM cin_episode e
       CROSS JOIN LATERAL (
         SELECT count(DISTINCT a.worker_id)::int AS count FROM allocation a
          WHERE a.la_code = e.la_code AND a.child_id = e.child_id AND a.started_on <= :to::date
            AND (a.ended_on IS NULL OR a.ended_on > e.referral_on)) workers
       WHERE e.la_code = :laCode AND e.referral_on <= :to::date AND (e.closed_on IS NULL OR e.closed_on > :to::date)`,
    columns: [],
    additional: { childrenWithTwoOrFewerWorkers: 'count(DISTINCT unit_id) FILTER (WHERE workers BETWEEN 1 AND 2)' },
  },
};
// CP-02a is CP-01 as a rate; CP-09 counts as CP-08.
(metricSources as Record<string, MetricSource>)['CP-02a'] = metricSources['CP-01']!;

// ---------------------------------------------------------------------------------------------
// Queries

export interface GroupedCounts {
  /** Group codes, one per dimension; empty for the total. */
  codes: string[];
  numerator: number;
  denominator: number;
  additional: Record<string, number>;
}

export interface PopulationYear {
  year: number;
  sources: string[];
}

/**
 * The data-access layer for figures. Reads only aggregates, never a child's record; each
 * computation is audited (who asked for which figure, for which window, raw or suppressed).
 */
export class AnalyticsRepository {
  /**
   * Counts already read by this repository, by query and parameters. It lives as long as its
   * engine (one request, or one report's many figures), whose views and variants ask for the same
   * counts again (CP-15 and DP-01 are CP-02b by ethnicity; CP-02a counts as CP-01).
   */
  private readonly counted = new Map<string, Promise<GroupedCounts[]>>();

  /** `acrossCouncils`: counts shared with other councils' engines (across-councils.ts). */
  constructor(private readonly db: Queryable, private readonly context: RequestContext, private readonly acrossCouncils?: CountingAcrossCouncils) {}

  get laCode(): string {
    return this.context.laCode;
  }

  async audit(detail: Record<string, unknown>): Promise<void> {
    await writeAudit(this.db, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId,
      action: 'read', resource: detail.unsuppressed || detail.threshold !== undefined ? 'metric-unsuppressed' : 'metric', outcome: 'ok', detail,
    });
  }

  /** A refused request for raw figures (unsuppressed or another threshold without the capability). */
  async auditRefused(detail: Record<string, unknown>): Promise<void> {
    await writeAudit(this.db, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId,
      action: 'refused', resource: 'metric-unsuppressed', outcome: 'forbidden', detail,
    });
  }

  /**
   * Not a prepared statement: after a few runs PostgreSQL would try a plan made without the
   * values, and for these queries such plans were slower, some of them ten times (20 councils' catalogue:
   * 51 s instead of 29 s), the council and the dates deciding which way a join should go.
   */
  private async run(sql: string, values: Record<string, unknown>): Promise<{ rows: Record<string, unknown>[] }> {
    if (this.acrossCouncils) return { rows: await this.acrossCouncils.rows(sql, values) };
    const bound = bindNamed(sql, values);
    return this.db.query(bound.text, bound.values);
  }

  /** Counts of a metric's units per group of `by` (and the total, codes []), one query. */
  async countGroups(source: MetricSource, by: readonly DimensionDefinition[], window: QueryWindow, parameters: MetricParameters): Promise<GroupedCounts[]> {
    const needsAllocation = by.some((dimension) => dimension.needsAllocation);
    // Only the child's own characteristics read the child's row; a headline needs no join at all.
    const needsChild = by.some((dimension) => dimension.demographic);
    const multiValued = by.find((dimension) => dimension.multiValued);
    const countUnits = source.oneRowPerUnit && !multiValued ? 'count(*)' : 'count(DISTINCT unit_id)';
    const groupColumns = by.map((dimension, index) => `${dimension.sql} AS g${index + 1}`);
    const groupNames = by.map((_dimension, index) => `g${index + 1}`);
    const additional = Object.entries(source.additional ?? {});
    const sets = groupNames.length === 0 ? '' : `GROUP BY GROUPING SETS (${groupNames.map((_name, index) => `(${groupNames.slice(0, index + 1).join(', ')})`).reduce((all, set) => `${all}, ${set}`, '()')})`;
    const sql = `
      ${enrichedItemsSql(source.items, needsChild, needsAllocation)},
      grouped AS (
        SELECT e.*${groupColumns.map((column) => `, ${column}`).join('')}
          FROM enriched e
          ${multiValued ? `LEFT JOIN LATERAL unnest(CASE WHEN cardinality(e.factors) = 0 THEN ARRAY['none-recorded']::text[] ELSE e.factors END) AS f(factor) ON true` : ''}
      )
      SELECT ${groupNames.map((name) => `${name}, `).join('')}${groupNames.length > 0 ? `GROUPING(${groupNames.join(', ')}) AS level,` : '0 AS level,'}
             ${countUnits} FILTER (WHERE numerator) AS numerator,
             ${countUnits} FILTER (WHERE denominator) AS denominator
             ${additional.map(([name, aggregate]) => `, ${aggregate} AS "${name}"`).join('')}
        FROM grouped
        ${sets}`;
    const values = this.values(window, parameters, sql);
    const key = JSON.stringify([sql, values]);
    let counting = this.counted.get(key);
    if (!counting) {
      counting = this.count(sql, values, groupNames, additional.map(([name]) => name));
      this.counted.set(key, counting);
      counting.catch(() => this.counted.delete(key));
    }
    return counting;
  }

  private async count(sql: string, values: Record<string, unknown>, groupNames: readonly string[], additionalNames: readonly string[]): Promise<GroupedCounts[]> {
    const result = await this.run(sql, values);
    const dimensionsCount = groupNames.length;
    return result.rows.map((row) => {
      // GROUPING() sets a bit for each dimension left out, the first dimension being the highest bit.
      const level = Number(row.level);
      const included = groupNames.filter((_name, index) => (level & (1 << (dimensionsCount - 1 - index))) === 0);
      return {
        codes: included.map((name) => String(row[name])),
        numerator: Number(row.numerator),
        denominator: Number(row.denominator),
        additional: Object.fromEntries(additionalNames.map((name) => [name, Number(row[name])])),
      };
    });
  }

  private values(window: QueryWindow, parameters: MetricParameters, sql: string): Record<string, unknown> {
    const all: Record<string, unknown> = {
      laCode: this.context.laCode, from: window.from, to: window.to, judgedOn: parameters.judgedOn, holidays: parameters.holidays,
      withinDays: parameters.withinDays, withinUnit: parameters.withinUnit,
    };
    // Only the parameters the query reads: PostgreSQL cannot type a parameter it never sees.
    return Object.fromEntries(Object.entries(all).filter(([name]) => new RegExp(`(?<![:\\w]):${name}\\b`).test(sql)));
  }

  /**
   * The population year for a window ending in `year`: that year's mid-year estimate when loaded,
   * else the latest earlier year, else the earliest later one.
   */
  async findPopulationYear(year: number): Promise<PopulationYear | undefined> {
    const result = await this.db.query(
      `SELECT year, array_agg(DISTINCT source ORDER BY source) AS sources FROM population_reference
        WHERE la_code = $1 AND age <= 17
        GROUP BY year
        ORDER BY CASE WHEN year <= $2 THEN 0 ELSE 1 END, abs(year - $2)
        LIMIT 1`,
      [this.context.laCode, year],
    );
    const row = result.rows[0];
    return row ? { year: Number(row.year), sources: row.sources as string[] } : undefined;
  }

  /** Children aged 0–17 in the population year, in total (key '') and by the dimension's groups. */
  async countPopulation(year: number, dimension: DimensionDefinition | undefined, filter?: string): Promise<Map<string, number>> {
    const group = dimension?.populationSql;
    const result = await this.db.query(
      `SELECT ${group ? `${group} AS code, GROUPING(${group}) AS level,` : `'' AS code, 1 AS level,`} sum(p.children)::float8 AS children
         FROM population_reference p
        WHERE p.la_code = $1 AND p.year = $2 AND p.age BETWEEN 0 AND 17 ${filter ? `AND ${filter}` : ''}
        ${group ? `GROUP BY GROUPING SETS ((), (${group}))` : ''}`,
      [this.context.laCode, year],
    );
    return new Map(result.rows.map((row) => [Number(row.level) === 1 ? '' : String(row.code), Number(row.children ?? 0)]));
  }

  /** Population figures (POP-xx): children aged 0–17 meeting `numerator` and `denominator` conditions over `p`, by a dimension. */
  async sumPopulation(year: number, numerator: string, denominator: string, dimension: DimensionDefinition | undefined): Promise<GroupedCounts[]> {
    const group = dimension?.populationSql;
    const result = await this.db.query(
      `SELECT ${group ? `${group} AS code, GROUPING(${group}) AS level,` : `'' AS code, 1 AS level,`}
              coalesce(sum(p.children) FILTER (WHERE ${numerator}), 0)::float8 AS numerator,
              coalesce(sum(p.children) FILTER (WHERE ${denominator}), 0)::float8 AS denominator
         FROM population_reference p
        WHERE p.la_code = $1 AND p.year = $2 AND p.age BETWEEN 0 AND 17
        ${group ? `GROUP BY GROUPING SETS ((), (${group}))` : ''}`,
      [this.context.laCode, year],
    );
    return result.rows.map((row) => ({
      codes: Number(row.level) === 1 ? [] : [String(row.code)],
      numerator: Number(row.numerator), denominator: Number(row.denominator), additional: {},
    }));
  }

  /**
   * Children in need in the window (or at the snapshot) by a child characteristic: the reference
   * population for characteristics the child population is not counted by (disability).
   */
  async countChildrenInNeed(window: QueryWindow, dimension: DimensionDefinition, snapshot: boolean): Promise<Map<string, number>> {
    const sql = `
      WITH e AS (
        SELECT DISTINCT ep.child_id, ch.ethnicity, ch.sex, ch.disabilities, ch.date_of_birth, :to::date AS counted_on
          FROM cin_episode ep LEFT JOIN child ch ON ch.la_code = ep.la_code AND ch.child_id = ep.child_id
         WHERE ep.la_code = :laCode AND ep.referral_on <= :to::date
           AND (ep.closed_on IS NULL OR ${snapshot ? 'ep.closed_on > :to::date' : 'ep.closed_on >= :from::date'}))
      SELECT ${dimension.sql} AS code, count(DISTINCT e.child_id) AS children FROM e GROUP BY 1`;
    const result = await this.run(sql, snapshot ? { laCode: this.context.laCode, to: window.to } : { laCode: this.context.laCode, from: window.from, to: window.to });
    return new Map(result.rows.map((row) => [String(row.code), Number(row.children)]));
  }

  /**
   * Caseloads on a date: each worker holding cases, with distinct children allocated, the team of
   * those allocations (the worker's recorded team when they carry none) and the team's service.
   */
  async findCaseloads(asAt: string): Promise<{ workerId: string; teamId: string | null; service: string | null; children: number }[]> {
    const result = await this.db.query(
      `WITH loads AS (
         SELECT a.worker_id, min(a.team_id) AS allocation_team_id, count(DISTINCT a.child_id)::int AS children
           FROM allocation a
          WHERE a.la_code = $1 AND a.started_on <= $2 AND (a.ended_on IS NULL OR a.ended_on > $2)
          GROUP BY a.worker_id)
       SELECT l.worker_id, coalesce(l.allocation_team_id, w.team_id) AS team_id, t.service, l.children
         FROM loads l
         LEFT JOIN worker w ON w.la_code = $1 AND w.worker_id = l.worker_id
         LEFT JOIN team t ON t.la_code = $1 AND t.team_id = coalesce(l.allocation_team_id, w.team_id)
        ORDER BY l.worker_id`,
      [this.context.laCode, asAt],
    );
    return result.rows.map((row) => ({ workerId: row.worker_id, teamId: row.team_id, service: row.service, children: Number(row.children) }));
  }
}

/** A dimension fits a metric when the metric's rows carry the columns it reads. */
export function dimensionFits(source: MetricSource, dimension: DimensionDefinition): boolean {
  return (dimension.needsColumns ?? []).every((column) => source.columns.includes(column));
}

/**
 * `items` (the counted rows) and `enriched`: each row with the child's characteristics and the
 * allocation on the day it counted, when a breakdown needs them (NULL columns otherwise, so
 * dimension SQL always reads the same names). Shared by the counts and the children behind them.
 */
export function enrichedItemsSql(items: string, needsChild: boolean, needsAllocation: boolean): string {
  return `WITH items AS (${items}),
      enriched AS (
        SELECT i.*,
               ${needsChild ? 'ch.ethnicity, ch.sex, ch.disabilities, ch.date_of_birth' : 'NULL::text AS ethnicity, NULL::text AS sex, NULL::text[] AS disabilities, NULL::date AS date_of_birth'},
               ${needsAllocation ? 'al.team_id, al.worker_id, tm.service' : 'NULL::text AS team_id, NULL::text AS worker_id, NULL::text AS service'}
          FROM items i
          ${needsChild ? 'LEFT JOIN child ch ON ch.la_code = :laCode AND ch.child_id = i.child_id' : ''}
          ${needsAllocation ? `LEFT JOIN LATERAL (
            SELECT a.team_id, a.worker_id FROM allocation a
             WHERE a.la_code = :laCode AND a.child_id = i.child_id AND a.started_on <= i.counted_on AND (a.ended_on IS NULL OR a.ended_on > i.counted_on)
             ORDER BY a.started_on DESC, a.started_at DESC LIMIT 1) al ON true
          LEFT JOIN team tm ON tm.la_code = :laCode AND tm.team_id = al.team_id` : ''}
      )`;
}
