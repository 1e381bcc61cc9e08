import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appOnFreshDatabase, carriedBy, metric, metricCounts, recorderFor } from '../../analytics/test-support.ts';
import type { Database } from '../../platform/database/database.ts';
import type { LoggedEvent } from '../../record/fold.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { carePlanningDimensions, carePlanningMetrics } from './metrics.ts';
import { carePlanningProjections } from './projections.ts';
import { carePlanningReportSections } from './report.ts';
import {
  attendance, ceased, dentalCheck, healthAssessment, iroAllocated, pep, permanencyMeeting, review, screening, started, visit, visitInterval,
} from './test-builders.ts';

/**
 * Five children looked after around FY2024-25 (1 April 2024 – 31 March 2025), recorded through the
 * API and counted by the analytics engine. Every expected figure is worked out by hand from these logs.
 *
 * A  F born 2012  looked after from Mon 2023-02-06: reviews every 6 months — 2024-05-15 (due 05-20, PN1), 2024-11-25 (due 11-15, late, PN7);
 *                 RHA 2024-06-10, dental 2024-07-01, a screening 2024-09-01 (no further support)
 * B  M born 2015  looked after Mon 2024-05-13 to 2024-11-01: first review 06-06 (due 06-11, the spring bank holiday in between; PN3),
 *                 second 09-10 (due 09-06, late; PN5), the third no longer owed once B went home; visits: within a week, then 6-weekly (one late),
 *                 4-weekly from October; IHA 06-14 (due 06-11, late); PEP 05-24 (due 05-28) and 09-30 (due 09-24, late);
 *                 permanency planning meeting 08-30 (due 09-06)
 * C  F born 2008  looked after since 2022-01-10, last health assessment 2023-12-01; a screening 2024-10-10 (referred to CAMHS);
 *                 attendance 95% in the spring term 2023/24 (recorded 2024-04-20) and 85% in the autumn term 2024/25
 * D  M born 2013  short breaks only (V3) since 2023-01-09, health assessment 2024-05-01
 * E  F born 2021  looked after from Mon 2024-01-15: reviews 2024-02-08, 05-02, 10-28 (PN0, all on time); IHA 2024-02-05,
 *                 RHAs 2024-07-30 and 2025-02-10 (under 5: 6-monthly); dental 2024-04-02; no permanency planning meeting
 */
function scenario(): Record<string, { sex: 'F' | 'M'; dateOfBirth: string; log: LoggedEvent[] }> {
  return {
    A: {
      sex: 'F', dateOfBirth: '2012-05-04',
      log: [
        started('2023-02-06'), iroAllocated('2023-02-07'), visit('2023-02-09'), healthAssessment('2023-02-20', 'initial'),
        review('2023-03-02'), review('2023-05-30'), review('2023-11-20'), review('2024-05-15'), review('2024-11-25', { participation: 'PN7' }),
        healthAssessment('2024-06-10'), dentalCheck('2024-07-01'), screening('2024-09-01', { outcome: 'no-further-support', referredToCamhs: false }),
      ],
    },
    B: {
      sex: 'M', dateOfBirth: '2015-01-10',
      log: [
        started('2024-05-13'), visit('2024-05-16'), pep('2024-05-24'), review('2024-06-06', { participation: 'PN3' }), healthAssessment('2024-06-14', 'initial'),
        visit('2024-06-20'), visit('2024-08-05'), permanencyMeeting('2024-08-30'), review('2024-09-10', { participation: 'PN5' }),
        visit('2024-09-10', { childSeen: false, seenAlone: false }), visit('2024-09-12'), pep('2024-09-30'), visitInterval('2024-10-01', 4), visit('2024-10-20'),
        ceased('2024-11-01'),
      ],
    },
    C: {
      sex: 'F', dateOfBirth: '2008-03-01',
      log: [
        started('2022-01-10'), healthAssessment('2023-12-01'), screening('2024-10-10'),
        attendance('2024-04-20', { schoolYear: 2023, term: 'spring', percent: 95 }), attendance('2025-01-06', { schoolYear: 2024, term: 'autumn', percent: 85 }),
      ],
    },
    D: { sex: 'M', dateOfBirth: '2013-01-01', log: [started('2023-01-09', { legalStatus: 'V3' }), healthAssessment('2024-05-01')] },
    E: {
      sex: 'F', dateOfBirth: '2021-02-01',
      log: [
        started('2024-01-15'), visit('2024-01-18'), healthAssessment('2024-02-05', 'initial'), review('2024-02-08', { participation: 'PN0' }), dentalCheck('2024-04-02'),
        review('2024-05-02', { participation: 'PN0' }), healthAssessment('2024-07-30'), review('2024-10-28', { participation: 'PN0' }), healthAssessment('2025-02-10'),
      ],
    },
  };
}

const FY = 'period=FY2024-25';

describe.each(testDatabaseTargets)('care planning figures on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;

  appOnFreshDatabase(target, async (opened) => {
    ({ db, app } = opened);
    const r = recorderFor(app, 'cp');
    for (const [childId, { sex, dateOfBirth, log }] of Object.entries(scenario())) {
      await r.register(childId, { sex, dateOfBirth }, '2021-12-01');
      for (const event of log) await r.record(childId, event.type, event.occurredAt, event.data as Record<string, unknown>);
    }
  });

  const counts = (id: string, query: string, by?: string) => metricCounts(app, id, query, by);

  it('projects rows under the keys its migration defines', async () => {
    const tables = carePlanningProjections.map((projection) => projection.table);
    const keys = await db.pool.query(
      `SELECT t.relname AS table_name, array_agg(a.attname::text ORDER BY k.ordinality) AS columns
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE c.contype = 'p' AND t.relname = ANY($1::text[]) GROUP BY t.relname`,
      [tables],
    );
    const inDatabase = Object.fromEntries(keys.rows.map((r) => [r.table_name, (r.columns as string[]).filter((c) => c !== 'la_code')]));
    expect(inDatabase).toEqual(Object.fromEntries(carePlanningProjections.map((projection) => [projection.table, [...projection.key]])));
    const periods = await db.pool.query(`SELECT child_id, short_breaks_only, iro_worker_id, to_char(ceased_on, 'YYYY-MM-DD') AS ceased_on FROM care_planning_period ORDER BY child_id`);
    expect(periods.rows).toEqual([
      { child_id: 'A', short_breaks_only: false, iro_worker_id: 'W0900', ceased_on: null },
      { child_id: 'B', short_breaks_only: false, iro_worker_id: null, ceased_on: '2024-11-01' },
      { child_id: 'C', short_breaks_only: false, iro_worker_id: null, ceased_on: null },
      { child_id: 'D', short_breaks_only: true, iro_worker_id: null, ceased_on: null },
      { child_id: 'E', short_breaks_only: false, iro_worker_id: null, ceased_on: null },
    ]);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM care_planning_review')).rows[0].n).toBe(5 + 2 + 3);
  });

  it('CLA-17 counts the visits due in the year made on time: B\'s, 4 of 5 (the 4-weekly one was no longer owed when B went home)', async () => {
    expect(await counts('CLA-17', FY, 'visit-interval')).toEqual({ '': [4, 5], '1-week-of-placement': [1, 1], '6-weeks': [3, 4] });
  });

  it('CLA-18 counts every review due in the year held on time: 4 of 6', async () => {
    expect(await counts('CLA-18', FY, 'review-stage')).toEqual({ '': [4, 6], first: [1, 1], second: [1, 2], later: [2, 3] });
  });

  it('CLA-19 counts participation of children aged 4 or over: PN1–PN6 took part, PN7 did not, PN0 is left out', async () => {
    expect(await counts('CLA-19', FY, 'review-participation')).toEqual({ '': [3, 4], PN1: [1, 1], PN3: [1, 1], PN5: [1, 1], PN7: [0, 1] });
  });

  it('CLA-20 finds health assessments up to date for 2 of the 3 children looked after 12 months at 31 March, and B\'s initial one late', async () => {
    expect(await metric(app, 'CLA-20a', FY)).toMatchObject({ numerator: 2, denominator: 3 });
    expect(await metric(app, 'CLA-20b', FY)).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('CLA-21 finds a dental check in the year for 2 of the 3', async () => {
    expect(await metric(app, 'CLA-21', FY)).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('CLA-22 counts the screenings, those needing more support and those referred to CAMHS', async () => {
    expect(await metric(app, 'CLA-22', FY)).toMatchObject({ value: 2, additional: { furtherSupportNeeded: 1, referredToCamhs: 1 } });
  });

  it('CLA-26 finds B\'s permanency planning meeting held by the second review, and E without one', async () => {
    expect(await metric(app, 'CLA-26', FY)).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('computes each of its figures with each of its breakdowns', async () => {
    for (const definition of carePlanningMetrics) {
      for (const by of [undefined, ...definition.breakdowns]) {
        const response = await app.inject({ method: 'GET', url: `/api/v1/metrics/${definition.id}?${FY}${by ? `&by=${by}` : ''}` });
        expect(response.statusCode, `${definition.id} by ${by}: ${response.body}`).toBe(200);
      }
    }
  });

  it('CLA-27 counts PEPs on time and terms attended 90% or more', async () => {
    expect(await counts('CLA-27a', FY, 'pep-stage')).toEqual({ '': [1, 2], initial: [1, 1], termly: [0, 1] });
    expect(await metric(app, 'CLA-27b', FY)).toMatchObject({ numerator: 1, denominator: 2, additional: { meanAttendancePercent: 90 } });
  });
});

describe('care planning\'s figures', () => {
  const defined = new Map(carePlanningMetrics.map((m) => [m.id, m]));
  const carried = carriedBy(carePlanningMetrics, carePlanningDimensions);

  it('shows in the annual report figures it defines, broken down by what their rows carry', () => {
    for (const section of carePlanningReportSections) {
      if (section.kind !== 'figures') continue;
      expect(section.figures.filter((id) => !defined.has(id))).toEqual([]);
      for (const breakdown of section.breakdowns) {
        expect(defined.has(breakdown.metricId)).toBe(true);
        if (breakdown.by) expect(carried(breakdown.metricId, breakdown.by), `${breakdown.metricId} by ${breakdown.by}`).toBe(true);
      }
    }
  });

  it('counts every figure it defines, by breakdowns its rows carry', () => {
    for (const definition of carePlanningMetrics) {
      expect(definition.counts, definition.id).toBeDefined();
      for (const by of definition.breakdowns) expect(carried(definition.id, by), `${definition.id} by ${by}`).toBe(true);
    }
  });
});
