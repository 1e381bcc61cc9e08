import { chainAwaitingAudit } from '../platform/audit/audit.ts';
import { catalogue } from './catalogue.ts';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, createCalendar } from '../platform/calendar/calendar.ts';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../platform/database/database.ts';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { metricDefinitions } from './catalogue.ts';
import { registerKpiCommand } from './cli.ts';
import { workingDayNumbersSql, workingDaysBetweenSql } from './metric-sql.ts';
import { bindNamed } from './named-parameters.ts';

const workingDaysNumbersSqlFor = (from: string, to: string) => workingDayNumbersSql(`'${from}'`, `'${to}'`);
import { appOn, LA_CODE, loadPopulation, metric, recorderFor } from './test-support.ts';

/** The API and command line around the engine, on a small log that touches every metric. */
describe.each(testDatabaseTargets)('analytics API and command line on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await target.open();
    app = appOn(db);
    await loadPopulation(db, 2023, [[4, 'F', 'WBRI', 900], [4, 'M', 'BCRB', 100]]);
    await loadPopulation(db, 2024, [[4, 'F', 'WBRI', 1200], [4, 'M', 'BCRB', 400], [15, 'F', 'AIND', 300], [17, 'M', 'NOBT', 100]]);
    const r = recorderFor(app, 'api');
    await r.register('K1', { sex: 'M', ethnicity: 'BCRB', dateOfBirth: '2019-02-02' });
    await r.contact('K1', '2023-05-02T09:00:00Z', { primaryReason: 'physical-abuse' });
    await r.record('K1', 'mash-check.requested', '2023-05-02', { agency: 'police' });
    await r.record('K1', 'mash-check.completed', '2023-05-03', { agency: 'police', informationHeld: true });
    await r.decide('K1', '2023-05-03T09:00:00Z');
    await r.referral('K1', '2023-05-03');
    await r.allocate('K1', '2023-05-04T09:00:00Z', 'w-1', 't-1');
    await r.startAssessment('K1', '2023-05-04');
    await r.visit('K1', '2023-05-05');
    await r.strategy('K1', '2023-05-10');
    await r.completeAssessment('K1', '2023-05-20', 'strategy-discussion', ['3B']);
    await r.initialConference('K1', '2023-05-30', 'EMO');
    await r.coreGroup('K1', '2023-06-05');
    await r.review('K1', '2023-08-25');
    await r.review('K1', '2024-01-20', false);
    await r.close('K1', '2024-02-01');
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('lists the catalogue with definitions, and unavailable metrics with their reasons', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/metrics' });
    expect(response.statusCode).toBe(200);
    const { metrics, dimensions, suppressionThreshold } = response.json();
    expect(suppressionThreshold).toBe(5);
    expect(dimensions.map((d: { id: string }) => d.id)).toContain('ethnicity');
    expect(metrics.find((m: { id: string }) => m.id === 'CPC-05')).toMatchObject({
      kind: 'metric', available: true, followsDfe: true, countingUnit: 'conference', window: 'in-period', valueType: 'percent',
      timescale: { dutyRuleId: 'initial-conference-within-15-working-days-of-strategy-discussion', amount: 15, unit: 'working-days' },
    });
    expect(metrics.find((m: { id: string }) => m.id === 'MIS-01')).toMatchObject({ kind: 'unavailable', available: false, reason: expect.stringMatching(/missing/) });
    const unavailable = (await app.inject({ method: 'GET', url: '/api/v1/metrics?available=false&domain=looked-after' })).json().metrics;
    // The looked-after entries no registered module computes yet, each with its reason.
    expect(unavailable.length).toBe(catalogue.filter((entry) => entry.domain === 'looked-after' && !entry.available).length);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((m: { reason: string }) => m.reason.length > 20)).toBe(true);
    // The catalogue's 27 entries of children looked after, computed or listed as unavailable (CLA-09 is the care leavers module's).
    // Some are counted in variants (CLA-20a and CLA-20b for CLA-20): each counts once, under the catalogue's id.
    const everything = (await app.inject({ method: 'GET', url: '/api/v1/metrics' })).json().metrics as { id: string }[];
    expect(new Set(everything.map((m) => m.id).filter((id) => id.startsWith('CLA-')).map((id) => id.replace(/^(CLA-\d+)[a-z]$/, '$1'))).size).toBe(27);
  });

  it('answers an unknown metric 404, an unavailable one 409 with the reason, and bad input 400 naming the field', async () => {
    const get = async (url: string) => {
      const response = await app.inject({ method: 'GET', url });
      return { status: response.statusCode, error: response.json().error };
    };
    expect((await get('/api/v1/metrics/XX-99?period=FY2023-24')).status).toBe(404);
    const missing = await get('/api/v1/metrics/MIS-01?period=FY2023-24');
    expect(missing).toMatchObject({ status: 409, error: { available: false, reason: expect.stringMatching(/missing/) } });
    expect((await get('/api/v1/metrics/FD-01?period=FY2023-25')).error.problems[0].field).toBe('period');
    expect((await get('/api/v1/metrics/FD-01?period=FY2023-24&by=shoe-size')).error.problems[0].field).toBe('by');
    expect((await get('/api/v1/metrics/FD-01?period=FY2023-24&by=category')).error.message).toMatch(/cannot be broken down by category/);
    expect((await get('/api/v1/metrics/FD-01?period=FY2023-24&by=sex,ethnicity,month')).error.message).toMatch(/at most 2/);
    expect((await get('/api/v1/metrics/FD-01?asAt=2024-03-31')).error.message).toMatch(/give a period/);
    expect((await get('/api/v1/metrics/FD-01')).error.problems[0].field).toBe('period');
    expect((await get('/api/v1/metrics/FD-01?period=FY2023-24&by=ethnicity&comparator=ZZZZ')).error.problems[0].field).toBe('comparator');
  });

  it('describes the routes in the OpenAPI document, output schema included', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/metrics', '/api/v1/metrics/{id}', '/api/v1/benchmarks']));
    const operation = document.paths['/api/v1/metrics/{id}'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['id', 'period', 'from', 'to', 'asAt', 'by', 'trend', 'unsuppressed']));
    expect(operation.responses['200'].content['application/json'].schema.properties).toHaveProperty('disproportionality');
  });

  it('answers many metrics for one period in one request, each as its own route would, and names the ones it cannot compute', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/metrics/values?period=FY2023-24&ids=POP-03,FD-01,NOT-A-METRIC' });
    expect(response.statusCode, response.body).toBe(200);
    const { results } = response.json();
    const { computedAt: _batch, ...batched } = results['POP-03'];
    const { computedAt: _alone, ...alone } = await metric(app, 'POP-03', 'period=FY2023-24');
    expect(batched).toEqual(alone);
    expect(results['FD-01'].value).toBe((await metric(app, 'FD-01', 'period=FY2023-24')).value);
    expect(results['NOT-A-METRIC'].error.code).toBe('not_found');
  });

  it('gives the child population figures of the population year', async () => {
    // Mid-2024: 2,000 children aged 0–17 (the 17-year-old's ethnicity not obtained). Known: 1,900.
    expect(await metric(app, 'POP-03', 'period=FY2023-24')).toMatchObject({ value: 2000, population: { year: 2024 } });
    const globalMajority = await metric(app, 'POP-04', 'asAt=2024-03-31');
    expect(globalMajority).toMatchObject({ numerator: 700, denominator: 1900 }); // BCRB 400 + AIND 300
    expect(await metric(app, 'POP-07', 'asAt=2023-12-31')).toMatchObject({ value: 90, numerator: 900, denominator: 1000 }); // mid-2023
    // No 2026 estimate: the nearest earlier year is used, and said so.
    const later = await metric(app, 'FD-01', 'period=CY2026');
    expect(later.population).toMatchObject({ year: 2024, requestedYear: 2026 });
    expect(later.notes.join(' ')).toMatch(/No 2026 population is loaded: rates use 2024/);
  });

  it('computes every metric with each of its breakdowns and a trend, on both databases', async () => {
    for (const definition of metricDefinitions) {
      const window = definition.window === 'snapshot' ? 'asAt=2023-09-30' : 'period=FY2023-24';
      for (const by of ['', ...definition.breakdowns]) {
        const response = await app.inject({ method: 'GET', url: `/api/v1/metrics/${definition.id}?${window}${by ? `&by=${by}` : ''}${by === '' ? '&trend=2' : ''}` });
        expect(response.statusCode, `${definition.id} by ${by}: ${response.body}`).toBe(200);
      }
    }
    // K1 on a plan from 30 May 2023 to 20 January 2024, one of 400 BCRB children in 2024.
    expect(await metric(app, 'CP-02b', 'period=FY2023-24')).toMatchObject({ numerator: 1, value: 5 });
  });

  it('counts working days in SQL exactly as the calendar module does', async () => {
    const calendar = createCalendar();
    const holidays = [2023, 2024, 2025].flatMap((year) => calendar.bankHolidaysIn(year));
    // Every start from 20 March to 10 April 2024 (Easter) and 18 December 2023 to 5 January 2024
    // (Christmas), against ends 0 to 40 days later.
    const pairs: [string, string][] = [];
    for (const first of ['2024-03-20', '2023-12-18']) {
      for (let offset = 0; offset < 22; offset += 1) {
        const start = addCalendarDays(first, offset);
        for (const length of [0, 1, 3, 7, 15, 40]) pairs.push([start, addCalendarDays(start, length)]);
      }
    }
    const bound = bindNamed(
      `SELECT p.start, p.finish, ${workingDaysBetweenSql('p.start', 'p.finish')} AS days
         FROM jsonb_to_recordset(:pairs::jsonb) AS p(start date, finish date)`,
      { pairs: JSON.stringify(pairs.map(([start, finish]) => ({ start, finish }))), holidays },
    );
    const rows = (await db.pool.query(bound.text, bound.values)).rows as { start: string; finish: string; days: number }[];
    expect(rows).toHaveLength(pairs.length);
    for (const row of rows) expect(row.days, `${row.start} → ${row.finish}`).toBe(calendar.workingDaysBetween(row.start, row.finish));
    // By hand: Thursday 28 March 2024 to Thursday 4 April is 3 working days (2, 3 and 4 April).
    expect(rows.find((row) => row.start === '2024-03-28' && row.finish === '2024-04-04')?.days).toBe(3);
    // The numbered list of days (CIN-04, CIN-06) gives the same counts by subtraction.
    const numbered = bindNamed(
      `WITH working_day AS (${workingDaysNumbersSqlFor('2023-12-01', '2024-06-30')})
       SELECT p.start, p.finish, finish.number - start.number AS days
         FROM jsonb_to_recordset(:pairs::jsonb) AS p(start date, finish date)
         JOIN working_day start ON start.day = p.start JOIN working_day finish ON finish.day = p.finish`,
      { pairs: JSON.stringify(pairs.map(([start, finish]) => ({ start, finish }))), holidays },
    );
    const subtracted = (await db.pool.query(numbered.text, numbered.values)).rows as { start: string; finish: string; days: number }[];
    expect(subtracted).toHaveLength(pairs.length);
    for (const row of subtracted) expect(Number(row.days), `${row.start} → ${row.finish}`).toBe(calendar.workingDaysBetween(row.start, row.finish));
  });

  it('audits each figure asked for, raw ones under their own name', async () => {
    await metric(app, 'FD-01', 'period=FY2023-24&unsuppressed=true');
    await chainAwaitingAudit(db.pool);
    const audit = await db.pool.query(`SELECT resource, detail FROM audit_event WHERE la_code = $1 AND resource LIKE 'metric%' ORDER BY audit_id DESC LIMIT 1`, [LA_CODE]);
    expect(audit.rows[0]).toMatchObject({ resource: 'metric-unsuppressed', detail: { metricId: 'FD-01', window: 'FY2023-24', unsuppressed: true } });
  });

  describe('safeguard kpi', () => {
    const run = async (...args: string[]) => {
      let output = '';
      const program = new Command('safeguard').exitOverride();
      registerKpiCommand(program, {
        loadConfig: () => loadConfig({ SAFEGUARD_LA_CODE: LA_CODE }),
        // The test owns the database: the command's close() must not end it.
        openDatabase: async () => ({ ...db, close: async () => {} }),
        write: (text) => { output += text; },
        today: () => '2024-06-30',
      });
      await program.parseAsync(['node', 'safeguard', 'kpi', ...args]);
      return output;
    };

    it('prints every metric for a period as a table', async () => {
      const output = await run('--period', 'FY2023-24');
      expect(output).toMatch(/^Figures for FY2023-24 \(2023-04-01 to 2024-03-31\), LA 206/);
      expect(output).toMatch(/CPC-05 +ICPC timeliness +100%/);
      expect(output).toMatch(/FD-01 +Contacts received +1 +1 +5/); // 1 contact ÷ 2,000 × 10,000 = 5
    });

    it('prints one metric with its breakdown, disproportionality and benchmarks, or JSON', async () => {
      const output = await run('--period', 'FY2023-24', '--metric', 'CP-02b', '--by', 'ethnicity', '--unsuppressed');
      expect(output).toMatch(/CP-02b Children on a CP plan at any point in the period, per 10,000/);
      expect(output).toMatch(/By ethnicity \(unsuppressed\):/);
      expect(output).toMatch(/Disproportionality by ethnicity/);
      const json = JSON.parse(await run('--period', 'FY2023-24', '--metric', 'CIN-01', '--json'));
      expect(json).toMatchObject({ metric: { id: 'CIN-01' }, window: { asAt: '2024-03-31' }, value: 0 });
    });

    it('loads benchmarks from a file', async () => {
      const folder = await mkdtemp(path.join(os.tmpdir(), 'kpi-'));
      try {
        const file = path.join(folder, 'sn.csv');
        await writeFile(file, 'metric_id,year,geography,value,source\nCPC-05,2023-24,statistical-neighbours,78.5,DfE LAIT (test)\n');
        expect(await run('--load-benchmarks', file)).toMatch(/Loaded 1 benchmark/);
        expect(await run('--period', 'FY2023-24', '--metric', 'CPC-05')).toMatch(/2023-24 \* +statistical-neighbours +value +78.5 +DfE LAIT \(test\)/);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });

    it('names a bad period', async () => {
      await expect(run('--period', 'next year')).rejects.toThrow(/Unknown period 'next year'/);
    });
  });
});
