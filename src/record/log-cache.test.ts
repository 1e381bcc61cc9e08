import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contact, header, smallCaseload, toNdjson, withWorkforce } from '../../test/support/event-builders.ts';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { importInterchangeFile } from '../interchange/import.ts';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../platform/database/database.ts';
import { timescalesFrom } from '../timescales/timescales.ts';
import { ChildLogCache } from './log-cache.ts';
import { ChildRecordRepository } from './repo.ts';
import type { StoredEvent } from './stored-event.ts';

const context = { laCode: '206', actor: { userId: 'worker-1', role: 'social-worker', agency: 'childrens-social-care' }, correlationId: randomUUID() };
const timescales = timescalesFrom(loadConfig({}));

describe.each(testDatabaseTargets)('reading a child\'s log again on $name', (target) => {
  let db: Database;
  let dir: string;
  let repo: ChildRecordRepository;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-log-cache-'));
    db = await target.open();
    const file = path.join(dir, 'caseload.ndjson');
    writeFileSync(file, toNdjson(withWorkforce(smallCaseload().lines)));
    expect((await importInterchangeFile(db, file, context, timescales)).problems).toEqual([]);
    repo = new ChildRecordRepository(db, context, timescales);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reuses the log read before while no event has been added, and never lets it be changed', async () => {
    const first = await repo.getChildRecord('AMARA1');
    const second = await repo.getChildRecord('AMARA1');
    expect(second.events).toBe(first.events);
    expect(() => (first.events as unknown as unknown[]).push({})).toThrow(TypeError);
    expect(() => Object.assign(first.events[0]!.data as object, { changed: true })).toThrow(TypeError);
  });

  it('reads the log again once an event is recorded here or imported by anyone else', async () => {
    const before = await repo.getChildRecord('AMARA1');
    const recorded = await repo.recordEvent('AMARA1', {
      type: 'contact.received', occurredAt: '2024-04-02T09:00:00Z', clientId: randomUUID(), data: { source: '2A', localSource: 'school', primaryReason: 'neglect', otherReasons: [] },
    } as never);
    const afterWrite = await repo.getChildRecord('AMARA1');
    expect(afterWrite.events.map((e) => e.eventId)).toEqual([...before.events.map((e) => e.eventId), recorded.event.eventId]);

    const file = path.join(dir, 'one-more.ndjson');
    const imported = contact('AMARA1', '2024-04-03T09:00:00Z');
    writeFileSync(file, toNdjson([header(), imported]));
    expect((await importInterchangeFile(db, file, context, timescales)).problems).toEqual([]);
    const afterImport = await repo.getChildRecord('AMARA1');
    expect(afterImport.events.map((e) => e.eventId)).toEqual([...afterWrite.events.map((e) => e.eventId), imported.eventId]);
    expect(afterImport.folded.state.contacts).toHaveLength(before.folded.state.contacts.length + 2);
  });
});

describe('the kept logs\' limit', () => {
  const log = (n: number) => Array.from({ length: n }, (_, i) => ({ eventId: `e${i}`, sequence: i }) as unknown as StoredEvent);
  const fingerprint = (n: number) => ({ events: n, lastSequence: n - 1 });

  it('holds at most the events it is allowed, letting the least recently used go first, but always the newest', () => {
    const cache = new ChildLogCache(5);
    cache.keep('206', 'A', fingerprint(2), log(2));
    cache.keep('206', 'B', fingerprint(2), log(2));
    expect(cache.find('206', 'A')).toBeDefined(); // A is now the more recently used
    cache.keep('206', 'C', fingerprint(2), log(2));
    expect(cache.find('206', 'B')).toBeUndefined();
    expect(cache.size()).toEqual({ children: 2, events: 4 });
    cache.keep('206', 'A', fingerprint(3), log(3)); // a longer copy replaces the shorter
    expect(cache.size()).toEqual({ children: 2, events: 5 });
    cache.keep('206', 'BIG', fingerprint(9), log(9));
    expect(cache.size()).toEqual({ children: 1, events: 9 });
    expect(cache.find('206', 'BIG')?.log).toHaveLength(9);
  });
});
