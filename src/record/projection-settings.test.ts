import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import type { Database } from '../platform/database/database.ts';
import { timescalesFrom } from '../timescales/timescales.ts';
import { reconcileProjectionSettings } from './projection-settings.ts';

describe.each(testDatabaseTargets)('the timescale settings the projections were built with, on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('records them on the first start, rebuilds when they change or a migration changed the projections, and not otherwise', async () => {
    const reasons: string[] = [];
    const rebuild = async (reason: string) => {
      reasons.push(reason);
    };
    const standard = timescalesFrom({ extraBankHolidays: [], timescaleOverrides: {} });
    const withHoliday = timescalesFrom({ extraBankHolidays: ['2024-06-03'], timescaleOverrides: {} });
    const recorded = async () => Number((await db.pool.query('SELECT count(*) AS n FROM projection_settings')).rows[0].n);

    expect(await reconcileProjectionSettings(db, standard, false, rebuild)).toEqual({ rebuilt: false });
    expect(await reconcileProjectionSettings(db, timescalesFrom({ timescaleOverrides: {}, extraBankHolidays: [] }), false, rebuild)).toEqual({ rebuilt: false });
    expect(reasons).toEqual([]);
    expect(await recorded()).toBe(1);

    expect(await reconcileProjectionSettings(db, withHoliday, false, rebuild)).toEqual({ rebuilt: true });
    expect(reasons).toEqual(['The timescale settings have changed since the projections were built']);
    expect(await recorded()).toBe(2);
    expect(await reconcileProjectionSettings(db, withHoliday, false, rebuild)).toEqual({ rebuilt: false });

    expect(await reconcileProjectionSettings(db, withHoliday, true, rebuild)).toEqual({ rebuilt: true });
    expect(reasons.at(-1)).toBe('A migration changed the projections');
    expect(await recorded()).toBe(2);
  });
});
