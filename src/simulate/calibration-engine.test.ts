import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricsEngine } from '../analytics/engine.ts';
import { financialYear } from '../analytics/periods.ts';
import type { MetricResult } from '../analytics/schemas.ts';
import { createCalendar } from '../platform/calendar/calendar.ts';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../platform/database/database.ts';
import { timescalesFrom } from '../app/services.ts';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { calibrationRows } from './calibration.ts';
import type { CalibrationRow } from './simulator-behaviour.ts';
import { seedDatabase } from './seed.ts';

/**
 * The default borough reproduces its calibration targets (each module's simulator.ts gives its
 * own, with their tolerances) when the figures are computed the way the partnership will compute
 * them: imported into the database and counted by the analytics engine with the catalogue metric
 * that corresponds, for FY2023-24, within each target's tolerance. calibration.ts measures the same
 * targets on the fold of the file, before anything is stored (simulate.test.ts).
 *
 * The simulation is the one simulate.test.ts calibrates: seed 1, three years from 1 April 2021
 * after two warm-up years. It runs on PGlite only: on the server it would import the same 417,000
 * events a second time to run the same SQL, which the analytics tests already run on both.
 */

const FY = financialYear(2023);
const SIMULATED_CHILDREN = 38_300;

/** How a calibration measure is read from the engine's answer. */
type Reading =
  | { metricId: string; by?: string[]; read: (result: MetricResult) => number | null; note?: string }
  | { metricId: null; reason: string };

const valueOf = (result: MetricResult) => result.value;
/** A distribution group's share of the headline count, from the unsuppressed breakdown. */
const shareOf = (code: string) => (result: MetricResult) => {
  const row = result.breakdown?.rows.find((r) => r.groups.length === 1 && r.groups[0]!.code === code);
  return row && result.numerator ? (100 * (row.numerator.value ?? 0)) / result.numerator : 0;
};

/** A group's own percentage (its numerator of its denominator), from the unsuppressed breakdown. */
const percentOfGroup = (code: string) => (result: MetricResult) => {
  const row = result.breakdown?.rows.find((r) => r.groups.length === 1 && r.groups[0]!.code === code);
  return row?.denominator?.value ? (100 * (row.numerator.value ?? 0)) / row.denominator.value : null;
};

/** Every calibration measure (calibration.ts, by its name) and the catalogue metric that computes it, or why none does. */
const calibrationMetrics: Readonly<Record<string, Reading>> = {
  'FD-01 contacts in the year, scaled to 38,320 children': {
    metricId: 'FD-01', read: (result) => (result.ratePer10000 === null ? null : (result.ratePer10000 * 38_320) / 10_000),
    note: 'the rate per 10,000 over the simulated mid-2024 population, scaled to 38,320 children',
  },
  'FD-03 contacts from police': { metricId: 'FD-03', read: shareOf('6') },
  'FD-03 contacts from schools': { metricId: 'FD-03', read: shareOf('2A') },
  'FD-04 contacts for information-request': { metricId: 'FD-04', read: shareOf('information-request') },
  'FD-04 contacts for domestic-abuse': { metricId: 'FD-04', read: shareOf('domestic-abuse') },
  'FD-04 contacts for parenting-capacity': { metricId: 'FD-04', read: shareOf('parenting-capacity') },
  'FD-04 contacts for child-mental-health': { metricId: 'FD-04', read: shareOf('child-mental-health') },
  'FD-05 contacts decided early-help': { metricId: 'FD-05', read: shareOf('early-help') },
  'FD-05 contacts decided referral-to-social-care': { metricId: 'FD-05', read: shareOf('referral-to-social-care') },
  'FD-05 contacts decided no-further-action': { metricId: 'FD-05', read: shareOf('no-further-action') },
  'FD-05 contacts decided information-and-advice': { metricId: 'FD-05', read: shareOf('information-and-advice') },
  'FD-13 contacts decided within 1 working day': { metricId: 'FD-13', read: valueOf },
  'CP-02 children on a plan at any point in the year': { metricId: 'CP-02b', read: valueOf },
  'CP-05 plans starting in the year that are repeat plans': {
    metricId: 'CP-05', read: valueOf, note: 'CP-05 counts children starting a plan, calibration counts plans: the same unless a child starts two in a year',
  },
  'CP-09 section 47 enquiries per 10,000': { metricId: 'CP-09', read: valueOf },
  'CPC-05 initial conferences within 15 working days': { metricId: 'CPC-05', read: valueOf },
  'PF-01 notifications in the year, scaled to 38,320 children': {
    metricId: 'PF-01', read: (result) => (result.value === null ? null : (result.value * 38_320) / SIMULATED_CHILDREN),
    note: 'the notifications received in the year, scaled from the simulated children to 38,320',
  },
  'PF-02 notifications found to be private fostering': {
    metricId: 'PF-02', read: valueOf, note: 'PF-02 divides by every notification of the year, calibration by those decided: the same once all are decided',
  },
  'PF-04 new arrangements visited within 7 working days': {
    // A year with no new arrangement has nothing to be on time: 0, as the calibration counts it.
    metricId: 'PF-04', read: (result) => result.value ?? 0,
  },
  'CL-01 care leavers aged 18 or over open at the year\'s end, scaled to 38,300 children': {
    metricId: 'CL-01', read: (result) => (result.value === null ? null : (result.value * 38_300) / SIMULATED_CHILDREN),
    note: 'CL-01 counts those aged 18 to 24 who have left care, calibration those whose latest decision is not "eligible": the same young people',
  },
  'CL-02 care leavers in touch around their 17th to 21st birthdays': {
    metricId: 'CL-02', read: valueOf, note: 'CL-02 divides by every care leaver\'s birthday, calibration by the birthday contacts recorded: the same when every birthday has its contact',
  },
  'CL-04 care leavers in suitable accommodation around their birthday': { metricId: 'CL-04', read: valueOf },
  'CL-05 care leavers aged 17–18 in education, employment or training': { metricId: 'CL-05', by: ['care-leaver-age-band'], read: percentOfGroup('17-18') },
  'CL-05 care leavers aged 19–21 in education, employment or training': { metricId: 'CL-05', by: ['care-leaver-age-band'], read: percentOfGroup('19-21') },
  'CL-06 tenancies care leavers began in the year, scaled': {
    metricId: 'CL-06', read: (result) => (result.value === null ? null : (result.value * 38_300) / SIMULATED_CHILDREN),
  },
  'CLA-02 children looked after at 31 March per 10,000': { metricId: 'CLA-02', read: valueOf },
  'CLA-08 children starting to be looked after in the year, scaled to 38,300 children': {
    metricId: 'CLA-08', read: (result) => (result.value === null ? null : (result.value * 38_300) / SIMULATED_CHILDREN),
    note: 'periods of care beginning in the year, scaled from the simulated children to 38,300',
  },
  'CLA-03 unaccompanied asylum-seeking children among those looked after': {
    metricId: 'CLA-01', by: ['uasc-status'], read: shareOf('uasc'), note: 'the UASC share of CLA-01 at 31 March (CLA-03 counts them)',
  },
  'CLA-04 children looked after with three or more placements in the year': { metricId: 'CLA-04', read: valueOf },
  'CLA-05 long-term placement stability': { metricId: 'CLA-05', read: valueOf },
  'CLA-07 children looked after placed more than 20 miles from home': { metricId: 'CLA-07', read: valueOf },
  'Ethnicity not yet obtained, children contacted in the year': {
    metricId: null,
    reason: 'No catalogue metric counts children contacted: FD-01 counts contacts, and its ethnicity breakdown gives the share of contacts, not of children, whose ethnicity is not yet obtained.',
  },
};

const pglite = testDatabaseTargets.find((target) => target.name === 'pglite')!;

describe('the default borough through the analytics engine, FY2023-24', () => {
  let db: Database;
  let engine: MetricsEngine;
  const targets: CalibrationRow[] = calibrationRows([], { children: SIMULATED_CHILDREN, yearStart: FY.from, yearEnd: FY.to });

  beforeAll(async () => {
    db = await pglite.open();
    const config = loadConfig({});
    const seeded = await seedDatabase(db, '206', timescalesFrom(config), { seed: 1, years: 3, from: '2021-04-01' });
    expect(seeded.committed).toBe(true);
    engine = new MetricsEngine({
      db: db.pool, context: { laCode: '206', actor: config.developmentActor, correlationId: randomUUID() }, calendar: createCalendar(),
      // Long after the year: every timescale of the year has fallen due.
      today: () => '2025-01-01',
    });
  }, 600_000);
  afterAll(() => db?.close(), 60_000);

  it('maps every calibration measure to a catalogue metric, or says why there is none', () => {
    expect(targets.map((row) => row.measure).sort()).toEqual(Object.keys(calibrationMetrics).sort());
  });

  it('computes each target within its tolerance', async () => {
    const results = new Map<string, MetricResult>();
    const rows: { measure: string; metric: string; target: number; engine: number | null; tolerance: number; ok: boolean }[] = [];
    for (const target of targets) {
      const reading = calibrationMetrics[target.measure]!;
      if (reading.metricId === null) continue;
      const key = `${reading.metricId}|${(reading.by ?? []).join(',')}`;
      let result = results.get(key);
      if (!result) {
        result = await engine.compute({ id: reading.metricId, window: FY, by: reading.by, unsuppressed: true });
        results.set(key, result);
      }
      const figure = reading.read(result);
      rows.push({
        measure: target.measure, metric: reading.metricId, target: target.target, engine: figure === null ? null : Math.round(figure * 10) / 10,
        tolerance: target.tolerance, ok: figure !== null && Math.abs(figure - target.target) <= target.tolerance,
      });
    }
    const unmapped = targets.filter((row) => calibrationMetrics[row.measure]?.metricId === null).map((row) => `${row.measure}: no metric`);
    console.log(`Calibration of the default borough through the analytics engine, ${FY.label} (seed 1):\n${rows
      .map((r) => `${r.measure.padEnd(58)} ${r.metric.padEnd(7)} target ${String(Math.round(r.target * 10) / 10).padStart(6)}  engine ${String(r.engine).padStart(6)}  ±${r.tolerance}${r.ok ? '' : '  OUT'}`)
      .join('\n')}\n${unmapped.join('\n')}`);
    expect(rows.filter((row) => !row.ok)).toEqual([]);
    expect(rows.length).toBe(targets.length - unmapped.length);
  }, 120_000);
});
