import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { chainAwaitingAudit } from '../platform/audit/audit.ts';
import { createCalendar } from '../platform/calendar/calendar.ts';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../platform/database/database.ts';
import { timescalesFrom } from '../app/services.ts';
import { seedDatabase } from '../simulate/seed.ts';
import { councilsOnRecord, MetricsAcrossCouncils } from './across-councils.ts';
import { CountingAcrossCouncils } from './counting-across-councils.ts';
import { parseBenchmarksCsv } from './benchmarks.ts';
import { registerKpiCommand } from './cli.ts';
import { catalogueComputations, MetricsEngine } from './engine.ts';
import { parsePeriod } from './periods.ts';
import type { MetricResult } from './schemas.ts';

const today = () => '2024-09-30';
const FY = parsePeriod('FY2023-24', { today });

/** A result without the moment it was computed, which is all that may differ between two computations. */
const comparable = ({ computedAt: _computedAt, ...rest }: MetricResult) => rest;

/**
 * Three simulated councils in one database (206 and the synthetic 301 and 302): each council's
 * figures computed with the others in one statement per count must be exactly the figures its own
 * engine computes alone.
 */
describe.each(testDatabaseTargets)('figures across councils on $name', (target) => {
  let db: Database;
  const actor = loadConfig({}).developmentActor;
  const contextOf = (laCode: string) => ({ laCode, actor, correlationId: randomUUID() });

  beforeAll(async () => {
    db = await target.open();
    const seeded = await seedDatabase(db, '206', timescalesFrom(loadConfig({})), { seed: 5, years: 1, from: FY.from, children: 2_500, las: 3, warmUpYears: 0.5 });
    expect(seeded.committed).toBe(true);
  }, 300_000);
  afterAll(() => db?.close(), 60_000);

  it('finds the councils on record', async () => {
    expect(await councilsOnRecord(db.pool)).toEqual(['206', '301', '302']);
  });

  it('gives every council exactly its own engine\'s answer to every computation of the catalogue, one statement per count', async () => {
    const laCodes = ['206', '301', '302'];
    const across = new MetricsAcrossCouncils({ db: db.pool, calendar: createCalendar(), today }, laCodes.map(contextOf));
    const alone = laCodes.map((laCode) => new MetricsEngine({ db: db.pool, context: contextOf(laCode), calendar: createCalendar(), today }));
    let counted = 0;
    for (const computation of catalogueComputations()) {
      const request = { id: computation.id, window: FY, by: computation.by };
      const together = await across.compute(request);
      expect(together.map(({ laCode }) => laCode)).toEqual(laCodes);
      for (const [index, engine] of alone.entries()) {
        const own = await engine.compute(request);
        expect(comparable(together[index]!.result), `${computation.id} ${computation.by.join(',')} LA ${laCodes[index]}`).toEqual(comparable(own));
        counted += own.numerator ?? 0;
      }
    }
    expect(counted).toBeGreaterThan(1_000); // the councils have figures to compare, not just zeros
    expect(across.counting.sent.statements).toBeGreaterThan(50);
    expect(across.counting.sent.councils).toBe(across.counting.sent.statements * laCodes.length);
  }, 300_000);

  it('answers a council that asks late in a statement of its own, and the others without waiting for it', async () => {
    const counting = new CountingAcrossCouncils(db.pool, ['206', '301', '302'], 10);
    const sql = 'SELECT count(*)::int AS children FROM child WHERE la_code = :laCode';
    const expected = async (laCode: string) => (await db.pool.query('SELECT count(*)::int AS children FROM child WHERE la_code = $1', [laCode])).rows;
    const early = await Promise.all([counting.rows(sql, { laCode: '206' }), counting.rows(sql, { laCode: '301' })]);
    const late = await counting.rows(sql, { laCode: '302' });
    expect(early).toEqual([await expected('206'), await expected('301')]);
    expect(late).toEqual(await expected('302'));
    expect(counting.sent).toEqual({ statements: 2, councils: 3 });
  });

  describe('safeguard kpi --councils', () => {
    const run = async (...args: string[]) => {
      let output = '';
      const program = new Command('safeguard').exitOverride();
      registerKpiCommand(program, {
        loadConfig: () => loadConfig({ SAFEGUARD_LA_CODE: '206' }),
        openDatabase: async () => ({ ...db, close: async () => {} }),
        write: (text) => { output += text; },
        today,
      });
      await program.parseAsync(['node', 'safeguard', 'kpi', ...args]);
      return output;
    };

    it('prints every council\'s figures side by side and writes them as benchmarks the councils can load', async () => {
      const folder = await mkdtemp(path.join(os.tmpdir(), 'kpi-councils-'));
      try {
        const file = path.join(folder, 'councils.csv');
        const output = await run('--period', 'FY2023-24', '--councils', 'all', '--benchmarks-out', file);
        expect(output).toMatch(/^Figures for FY2023-24 \(2023-04-01 to 2024-03-31\), 3 councils/);
        expect(output).toMatch(/id +metric +LA 206 +LA 301 +LA 302/);
        const benchmarks = parseBenchmarksCsv(await readFile(file, 'utf8'));
        const own = await new MetricsEngine({ db: db.pool, context: contextOf('301'), calendar: createCalendar(), today }).compute({ id: 'FD-01', window: FY });
        expect(benchmarks.find((b) => b.metricId === 'FD-01' && b.geography === '301')).toMatchObject({ year: '2023-24', measure: 'value', value: own.value });
        expect(new Set(benchmarks.map((b) => b.geography))).toEqual(new Set(['206', '301', '302']));
        expect(output).toMatch(new RegExp(`Wrote ${benchmarks.length} benchmark value`));
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });

    it('prints one metric for the councils named, and names a council not held', async () => {
      const json = JSON.parse(await run('--period', 'FY2023-24', '--councils', '302,206', '--metric', 'CP-02b', '--by', 'ethnicity', '--json'));
      expect(json.councils.map((council: { laCode: string }) => council.laCode)).toEqual(['302', '206']);
      expect(json.councils[0].result).toMatchObject({ metric: { id: 'CP-02b' }, breakdown: { by: ['ethnicity'] } });
      await expect(run('--period', 'FY2023-24', '--councils', '206,999')).rejects.toThrow(/no children on record for LA 999; this database holds 206, 301, 302/);
      await expect(run('--period', 'FY2023-24', '--benchmarks-out', 'x.csv')).rejects.toThrow(/--benchmarks-out needs --councils/);
    });

    it('writes one metric\'s values as benchmarks, and refuses a window benchmarks are not kept by before computing anything', async () => {
      const folder = await mkdtemp(path.join(os.tmpdir(), 'kpi-councils-'));
      try {
        const file = path.join(folder, 'cp.csv');
        await run('--period', 'FY2023-24', '--councils', '206,301', '--metric', 'CP-02b', '--benchmarks-out', file);
        const written = parseBenchmarksCsv(await readFile(file, 'utf8'));
        expect(written.map((b) => [b.metricId, b.year, b.geography])).toEqual([['CP-02b', '2023-24', '206'], ['CP-02b', '2023-24', '301']]);

        const auditRows = async () => {
          await chainAwaitingAudit(db.pool);
          return Number((await db.pool.query(`SELECT count(*) AS n FROM audit_event WHERE resource LIKE 'metric%'`)).rows[0].n);
        };
        const before = await auditRows();
        const monthFile = path.join(folder, 'month.csv');
        await expect(run('--period', '2023-06', '--councils', 'all', '--benchmarks-out', monthFile)).rejects.toThrow(/benchmarks are kept by financial year, 31 March snapshot or calendar year, not for/);
        expect(await auditRows()).toBe(before);
        await expect(readFile(monthFile, 'utf8')).rejects.toThrow(/ENOENT/);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });
  });
});
