import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocated, assessmentStarted, contact, contactDecided, referral, registered, visit, type InterchangeLine } from '../../test/support/event-builders.ts';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../platform/database/database.ts';
import { timescalesFrom } from '../timescales/timescales.ts';
import { RecordEventCommand } from './events.ts';
import { projectionKeys, projectionTables } from './projections.ts';
import { checkProjections } from './rebuild.ts';
import { WorkforceRepository } from '../modules/people/workforce.ts';
import { ChildRecordRepository } from './repo.ts';

const context = { laCode: '206', actor: { userId: 'worker-1', role: 'social-worker', agency: 'childrens-social-care' }, correlationId: randomUUID() };
const timescales = timescalesFrom(loadConfig({}));

/** An interchange line as the API would take it: a command with its defaults filled in. */
const commandOf = (line: InterchangeLine, data: Record<string, unknown> = {}) =>
  RecordEventCommand.parse({ type: line.type, occurredAt: line.occurredAt, clientId: randomUUID(), data: { ...line.data, ...data } });

describe.each(testDatabaseTargets)('a write changing only the projection rows its event changes, on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('deletes changed rows by each table\'s primary key, as the migrations define it', async () => {
    const keys = await db.pool.query(
      `SELECT t.relname AS table_name, array_agg(a.attname::text ORDER BY k.ordinality) AS columns
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE c.contype = 'p' AND t.relname = ANY($1::text[]) GROUP BY t.relname`,
      [projectionTables],
    );
    const inDatabase = Object.fromEntries(keys.rows.map((r) => [r.table_name, (r.columns as string[]).filter((c) => c !== 'la_code')]));
    expect(inDatabase).toEqual(Object.fromEntries(projectionTables.map((table) => [table, [...projectionKeys[table]!]])));
  });

  it('leaves the projections equal to a fold of the log after each event, voids and later-dated events included', async () => {
    const repo = new ChildRecordRepository(db, context, timescales);
    const mismatches: string[] = [];
    const record = async (line: InterchangeLine, data: Record<string, unknown> = {}) => {
      const { event } = await repo.recordEvent('DIFF1', commandOf(line, data));
      const check = await checkProjections(db, context, timescales);
      if (!check.matches) mismatches.push(`${line.type}: ${check.tables.filter((t) => !t.matches).map((t) => t.table).join(', ')}`);
      return event;
    };
    await record(registered('DIFF1', { at: '2024-01-02' }));
    const received = await record(contact('DIFF1', '2024-01-03T10:00:00Z'));
    await record(contactDecided('DIFF1', '2024-01-04T10:00:00Z'), { contactId: received.eventId });
    await record(referral('DIFF1', '2024-01-04'), { contactId: received.eventId });
    // The allocation's team and worker (the builder's own) must be in the workforce.
    const workforce = new WorkforceRepository(db, '206');
    await workforce.saveTeam({ teamId: 't-cin-1', name: 'Children in need team 1', service: 'children-in-need' });
    await workforce.saveWorker({ workerId: 'w-sw-1', name: 'Sam Worker', role: 'social-worker', teamId: 't-cin-1', agency: 'childrens-social-care', startedOn: '2000-01-01' });
    await record(allocated('DIFF1', '2024-01-05T09:00:00Z'));
    await record(assessmentStarted('DIFF1', '2024-01-05'));
    await record(visit('DIFF1', '2024-01-10', { kind: 'assessment', seenAlone: true }));
    const second = await record(visit('DIFF1', '2024-01-17', { kind: 'assessment', seenAlone: true }));
    // An event dated before one already recorded changes rows the later one made.
    await record(visit('DIFF1', '2024-01-08', { kind: 'assessment', seenAlone: false }));
    await record({ ...second, type: 'event.voided', occurredAt: '2024-01-18', data: { voidedEventId: second.eventId, reason: 'Recorded on the wrong child' } } as unknown as InterchangeLine);
    expect(mismatches).toEqual([]);
    const rows = await db.pool.query(`SELECT count(*)::int AS n FROM duty WHERE la_code = '206' AND child_id = 'DIFF1'`);
    expect(rows.rows[0].n).toBeGreaterThan(0);
  });
});
