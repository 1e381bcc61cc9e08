/**
 * The workforce's figures (catalogue section 17): caseloads per worker against the standard, and
 * the continuity of the social worker allocated to each child in need. Each metric's definition,
 * its SQL and its computation are together under its catalogue id.
 */
import {
  allocationBreakdowns, childCharacteristics, compareCodes, type ComputedFigure, type MetricComputationContext, type ModuleMetric,
} from '../../analytics/metric-definition.ts';
import { shown } from '../../analytics/suppression.ts';

/** The standard caseload (catalogue WF-01: "a caseload of 15 children maximum is the accepted standard"). */
const CASELOAD_STANDARD = 15;

interface Caseload {
  workerId: string;
  teamId: string | null;
  service: string | null;
  children: number;
}

/**
 * Each worker holding cases on the date, with the distinct children allocated, the team of those
 * allocations (the worker's recorded team when they carry none) and the team's service.
 */
const caseloadsSql = `
  WITH loads AS (
    SELECT a.worker_id, min(a.team_id) AS allocation_team_id, count(DISTINCT a.child_id)::int AS children
      FROM allocation a
     WHERE a.la_code = :laCode AND a.started_on <= :asAt AND (a.ended_on IS NULL OR a.ended_on > :asAt)
     GROUP BY a.worker_id)
  SELECT l.worker_id, coalesce(l.allocation_team_id, w.team_id) AS team_id, t.service, l.children
    FROM loads l
    LEFT JOIN worker w ON w.la_code = :laCode AND w.worker_id = l.worker_id
    LEFT JOIN team t ON t.la_code = :laCode AND t.team_id = coalesce(l.allocation_team_id, w.team_id)
   ORDER BY l.worker_id`;

function summaryOf(loads: readonly number[]) {
  const sorted = [...loads].sort((a, b) => a - b);
  const children = sorted.reduce((sum, n) => sum + n, 0);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? null : sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return {
    children, workers: sorted.length, mean: sorted.length > 0 ? children / sorted.length : null, median,
    minimum: sorted[0] ?? null, maximum: sorted.at(-1) ?? null, aboveStandard: sorted.filter((n) => n > CASELOAD_STANDARD).length,
  };
}

/** WF-01: caseload per worker on the date, summarised overall and per team, service or worker. */
async function caseloads(context: MetricComputationContext): Promise<ComputedFigure> {
  const rows = await context.rows(caseloadsSql, { asAt: context.days.to });
  const workers: Caseload[] = rows.map((row) => ({
    workerId: String(row.worker_id), teamId: row.team_id as string | null, service: row.service as string | null, children: Number(row.children),
  }));
  const overall = summaryOf(workers.map((w) => w.children));
  // Under disclosure control the children counted are rounded like any count, and the mean follows them.
  const children = context.published(overall.children);
  const headline = {
    value: overall.workers > 0 ? children / overall.workers : null, numerator: children, denominator: overall.workers,
    additional: { minimum: overall.minimum, median: overall.median, maximum: overall.maximum, workersAboveStandard: overall.aboveStandard, standard: CASELOAD_STANDARD },
  };
  const dimension = context.by;
  if (!dimension) return { headline, breakdown: null };
  const keyOf = (w: Caseload) => (dimension.id === 'worker' ? w.workerId : dimension.id === 'team' ? (w.teamId ?? 'not-recorded') : (w.service ?? 'not-recorded'));
  const byGroup = new Map<string, number[]>();
  for (const w of workers) byGroup.set(keyOf(w), [...(byGroup.get(keyOf(w)) ?? []), w.children]);
  const breakdown = [...byGroup.entries()]
    .sort(([a], [b]) => compareCodes(dimension, a, b))
    .map(([code, loads]) => {
      const s = summaryOf(loads);
      // A caseload is a worker's, not a child's figure; it is shown whatever its size.
      return {
        groups: [{ code, label: dimension.labelOf(code) }],
        numerator: shown(s.children, 'count'), denominator: shown(s.workers, 'count'), value: shown(s.mean, 'decimal'),
        share: shown(overall.children > 0 ? (s.children / overall.children) * 100 : null, 'percent'), population: null, ratePer10000: null,
        additional: { minimum: shown(s.minimum, 'count'), median: shown(s.median, 'decimal'), maximum: shown(s.maximum, 'count'), workersAboveStandard: shown(s.aboveStandard, 'count') },
      };
    });
  return { headline, breakdown };
}

/** The workforce's catalogue entries not computed yet, and why. */
export const peopleUnavailableMetrics: Readonly<Record<string, string>> = {
  'WF-03': 'Supervision is not recorded yet.',
  'WF-04': 'Practice observation ratings are audit judgements (QA-08), not recorded yet.',
  'WF-05': 'Worker records hold no ethnicity or grade, so workforce diversity cannot be computed.',
  'WF-06': 'Worker records hold no ethnicity, so retention by ethnic group cannot be computed (leavers are recorded).',
  'WF-07': 'Informational (team composition), not a figure.',
  'WF-08': 'Youth participation in recruitment is not recorded.',
};

export const peopleMetrics: readonly ModuleMetric[] = [
  {
    id: 'WF-01', domain: 'workforce',
    description: 'Catalogue Def: "for each case-holding social worker at a snapshot, distinct children allocated; report the min–max range by service and compare with the 15-children standard". The value is the mean caseload; minimum, median, maximum and workers above 15 are given with it.',
    followsDfe: false, countingUnit: 'worker', numerator: 'Children allocated at the end of the day', denominator: 'Workers holding at least one case',
    population: 'Case-holding workers', window: 'snapshot', valueType: 'mean', ratePer10000: false, breakdowns: allocationBreakdowns,
    computes: caseloads,
  },
  {
    id: 'WF-02', domain: 'workforce',
    description: 'Catalogue Def: "for … all open children, the count of distinct allocated social workers over the current episode; share with 1, and with ≤2". Children with an episode open at the end of the day and at least one worker allocated during it (children never allocated are CIN-03\'s concern); workers allocated at any time from the referral to the date. The value is the share with one worker; the share with two or fewer is given with it.',
    followsDfe: false, countingUnit: 'child', numerator: 'Children with one allocated worker over the current episode', denominator: 'Children with an open episode and an allocated worker',
    population: 'Children in need', window: 'snapshot', valueType: 'percent', ratePer10000: false, breakdowns: [...childCharacteristics, ...allocationBreakdowns],
    counts: {
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
  },
];
