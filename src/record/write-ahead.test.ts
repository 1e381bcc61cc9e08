import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocated, contact, header, registered, smallCaseload, toNdjson, withWorkforce } from '../../test/support/event-builders.ts';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { accessGrantFor } from '../access/policy.ts';
import { RestrictedRecords } from '../access/restricted-records.ts';
import { importInterchangeFile } from '../interchange/import.ts';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../platform/database/database.ts';
import { timescalesFrom } from '../timescales/timescales.ts';
import { checkProjections } from './rebuild.ts';
import { ChildRecordRepository } from './repo.ts';
import type { RequestContext } from '../platform/request-context.ts';

const timescales = timescalesFrom(loadConfig({}));
const importer: RequestContext = { laCode: '206', actor: { userId: 'importer', role: 'administrator', agency: 'childrens-social-care' }, correlationId: randomUUID() };
const as = (userId: string, role: string, workerId: string | null, teamId: string | null): RequestContext => {
  const actor = { userId, role, agency: 'childrens-social-care' };
  return { laCode: '206', actor, correlationId: randomUUID(), access: accessGrantFor({ ...actor, workerId, teamId }) };
};
const contactCommand = (occurredAt: string, clientId = randomUUID()) => ({
  type: 'contact.received', occurredAt, clientId, data: { source: '2A', localSource: 'school', primaryReason: 'neglect', otherReasons: [] },
}) as never;

/** The statements each connection taken from the pool sends (one entry per round trip), from now on. */
function roundTrips(pool: pg.Pool): { sent: string[] } {
  const log = { sent: [] as string[] };
  const counted = new WeakSet<pg.PoolClient>();
  pool.on('acquire', (client) => {
    if (counted.has(client)) return;
    counted.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      log.sent.push(typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string }).text));
      return query(...args);
    };
  });
  return log;
}

describe.each(testDatabaseTargets)('writing from the log this process keeps, on $name', (target) => {
  let db: Database;
  let dir: string;
  let trips: { sent: string[] };
  const owner = as('u-owner', 'social-worker', 'w-owner', 't-a');
  const manager = as('u-manager', 'team-manager', 'w-m', 't-a');

  /** The round trips of writes to a child since `trips` was emptied (reads' audit rows and the chain's passes left out). */
  const writesTo = (childId: string) => trips.sent.filter((text) => text === 'ROLLBACK' || (text.includes(`'${childId}'`) && !text.startsWith('INSERT INTO audit_awaiting_chain')));

  const importLines = async (name: string, lines: unknown[]) => {
    const file = path.join(dir, `${name}.ndjson`);
    writeFileSync(file, toNdjson(lines as never));
    expect((await importInterchangeFile(db, file, importer, timescales)).problems).toEqual([]);
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-write-ahead-'));
    db = await target.open();
    await importLines('caseload', [
      ...withWorkforce(smallCaseload().lines),
      { record: 'team', laCode: '206', teamId: 't-a', name: 'Team A', service: 'children-in-need' },
      ...['w-m', 'w-owner'].map((workerId) => ({ record: 'worker', laCode: '206', workerId, name: workerId, role: 'social-worker', teamId: 't-a', agency: 'childrens-social-care', startedOn: '2020-01-01' })),
      registered('KEPT1', { surname: 'Kept' }), allocated('KEPT1', '2024-01-03', 'w-owner', 't-a'),
    ]);
    trips = roundTrips(db.pool);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes in one round trip when the log kept here is current, numbering the event as the log does', async () => {
    const repo = new ChildRecordRepository(db, importer, timescales);
    const before = await repo.getChildRecord('AMARA1');
    trips.sent.length = 0;
    const recorded = await repo.recordEvent('AMARA1', contactCommand('2024-04-02T09:00:00Z'));
    expect(writesTo('AMARA1')).toEqual([expect.stringMatching(/^BEGIN;[\s\S]*safeguard_expect[\s\S]*INSERT INTO child_event[\s\S]*COMMIT$/)]);

    const stored = await db.pool.query(`SELECT sequence FROM child_event WHERE event_id = $1`, [recorded.event.eventId]);
    expect(recorded.event.sequence).toBe(Number(stored.rows[0].sequence));
    const after = await repo.getChildRecord('AMARA1');
    expect(after.events.map((e) => e.eventId)).toEqual([...before.events.map((e) => e.eventId), recorded.event.eventId]);
    expect(after.events.at(-1)!.sequence).toBe(recorded.event.sequence);
    expect((await checkProjections(db, importer, timescales)).matches).toBe(true);
  });

  it('reads the record and writes again when someone else has added to the log since', async () => {
    const repo = new ChildRecordRepository(db, importer, timescales);
    await repo.getChildRecord('AMARA1');
    const imported = contact('AMARA1', '2024-04-03T09:00:00Z');
    await importLines('elsewhere', [header(), imported]);
    trips.sent.length = 0;
    const recorded = await repo.recordEvent('AMARA1', contactCommand('2024-04-04T09:00:00Z'));
    expect(writesTo('AMARA1')).toEqual([
      expect.stringMatching(/^BEGIN;[\s\S]*safeguard_expect[\s\S]*COMMIT$/),
      'ROLLBACK',
      expect.stringMatching(/^BEGIN;[\s\S]*nextval/),
      expect.stringMatching(/^INSERT INTO child_event[\s\S]*COMMIT$/),
    ]);
    const after = await repo.getChildRecord('AMARA1');
    expect(after.events.slice(-2).map((e) => e.eventId)).toEqual([imported.eventId, recorded.event.eventId]);
    expect((await checkProjections(db, importer, timescales)).matches).toBe(true);
  });

  it('refuses, writing nothing, a record restricted since this process kept its log', async () => {
    const repo = new ChildRecordRepository(db, owner, timescales);
    await repo.recordEvent('KEPT1', contactCommand('2024-04-02T10:00:00Z'));
    await new RestrictedRecords(db, manager).restrict('KEPT1', 'A high-profile case', []);
    const count = async () => Number((await db.pool.query(`SELECT count(*) AS n FROM child_event WHERE child_id = 'KEPT1'`)).rows[0].n);
    const events = await count();
    await expect(repo.recordEvent('KEPT1', contactCommand('2024-04-03T10:00:00Z'))).rejects.toMatchObject({ code: 'forbidden', details: { restricted: true } });
    expect(await count()).toBe(events);
  });

  it('answers a repeated clientId with the event already recorded, and refuses one used on another child', async () => {
    const repo = new ChildRecordRepository(db, importer, timescales);
    const clientId = randomUUID();
    const first = await repo.recordEvent('AMARA1', contactCommand('2024-04-05T09:00:00Z', clientId));
    const again = await repo.recordEvent('AMARA1', contactCommand('2024-04-05T09:00:00Z', clientId));
    expect(again).toMatchObject({ replayed: true, event: { eventId: first.event.eventId } });
    // Another child whose log this process keeps: the write goes ahead, meets the clientId's key, and is refused the long way.
    const other = (await db.pool.query(`SELECT child_id FROM child WHERE child_id <> 'AMARA1' AND child_id <> 'KEPT1' ORDER BY child_id LIMIT 1`)).rows[0].child_id as string;
    await repo.getChildRecord(other);
    await expect(repo.recordEvent(other, contactCommand('2024-04-05T09:00:00Z', clientId))).rejects.toMatchObject({ code: 'conflict', problems: [{ field: 'clientId' }] });
    expect((await checkProjections(db, importer, timescales)).matches).toBe(true);
  });
});
