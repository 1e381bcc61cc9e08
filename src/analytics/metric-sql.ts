/**
 * SQL the engine provides for the modules' metrics: what several modules' figures need in the same
 * words — working days (with the bank holidays the engine passes in as :holidays), whether a duty
 * of the timescale engine was met on time, and the DfE bands for the length of a plan.
 *
 * Working-day timescales read the duty projection, whose due dates were computed by the timescale
 * engine with the England and Wales bank holidays (and the council's extra ones). A metric with a
 * timescale the caller chooses (CIN-04, CIN-06) counts working days itself with the fragments
 * below, as SQL cannot see the calendar.
 */
import type { MetricSource } from './metric-definition.ts';

/** A duty met by its due date: to the minute for hour rules when both instants are known. */
export const metOnTime = `coalesce(d.closure = 'met' AND CASE WHEN d.due_at IS NOT NULL AND d.closed_at IS NOT NULL THEN d.closed_at <= d.due_at ELSE d.closed_on <= d.due_on END, false)`;

/**
 * A duty that can be judged: not closed as no longer needed before it fell due (a plan ended, an
 * episode closed) and not still open within its timescale on the judging date. (coalesce: an open
 * duty has no closure, and NOT NULL would drop it from every count.)
 */
export const judgeable = `NOT coalesce((d.closure = 'cancelled' AND d.closed_on <= d.due_on) OR (d.closure IS NULL AND :judgedOn::date <= d.due_on), false)`;

/** The record a duty is about (its subject), whose columns a figure can be broken down by. */
export interface DutySubject {
  /** The projection table holding it, and the alias `select` reads it by. */
  table: string;
  alias: string;
  /** Its key column, which the duty's subject_id holds. */
  key: string;
  /** The select list of its columns, e.g. `e.source`. */
  select: string;
  columns: readonly string[];
}

/**
 * The timeliness of a duty of the timescale engine that starts once per subject (a contact's
 * decision, a referral's allocation, a plan's first core group): the duties started in the window,
 * met by their due date, of those that can be judged. The duty's key makes each subject one row;
 * the subject is joined by its key, so a figure reading none of its columns skips the join.
 */
export function dutyTimelinessSource(ruleId: string, subject: DutySubject): MetricSource {
  const { table, alias, key } = subject;
  return {
    items: `
      SELECT d.subject_id AS unit_id, d.child_id, d.started_on AS counted_on, ${metOnTime} AS numerator, ${judgeable} AS denominator, ${subject.select}
        FROM duty d
        LEFT JOIN ${table} ${alias} ON ${alias}.la_code = d.la_code AND ${alias}.${key} = d.subject_id::uuid
       WHERE d.la_code = :laCode AND d.rule_id = '${ruleId}' AND d.occurrence = 1
         AND d.started_on BETWEEN :from::date AND :to::date`,
    columns: subject.columns,
    oneRowPerUnit: true,
  };
}

/**
 * Duties met in the window (the timescale's event happened, e.g. the initial conference was held),
 * counted on the day they were met: the share met by the due date, as DfE counts timeliness of
 * what was done in the year.
 */
export function dutiesMetSource(ruleId: string): MetricSource {
  return {
    items: `
      SELECT d.subject_id AS unit_id, d.child_id, d.closed_on AS counted_on, d.closed_on <= d.due_on AS numerator, true AS denominator
        FROM duty d
       WHERE d.la_code = :laCode AND d.rule_id = '${ruleId}' AND d.closure = 'met'
         AND d.closed_on BETWEEN :from::date AND :to::date`,
    columns: [],
  };
}

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
export const workingDaysSpan = `(3 * (:withinDays::int + 1) + 14)`;

/** DfE's bands for the length of a plan (child protection plans ceasing in the year), by code. */
export const planLengthBands = {
  'under-3-months': 'Under 3 months', '3-to-6-months': '3 months to under 6', '6-to-12-months': '6 months to under 12',
  '12-to-24-months': '1 year to under 2', '2-years-or-more': '2 years or more',
} as const;

/** The band of a plan `p` that has ended (p.started_on, p.ended_on), in calendar months from its start. */
export const planLengthBandSql = `CASE
    WHEN p.ended_on < (p.started_on + interval '3 months')::date THEN 'under-3-months'
    WHEN p.ended_on < (p.started_on + interval '6 months')::date THEN '3-to-6-months'
    WHEN p.ended_on < (p.started_on + interval '12 months')::date THEN '6-to-12-months'
    WHEN p.ended_on < (p.started_on + interval '24 months')::date THEN '12-to-24-months'
    ELSE '2-years-or-more' END`;
