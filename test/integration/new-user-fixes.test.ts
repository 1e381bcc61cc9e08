import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/app/config.ts';
import { createApp } from '../../src/app/server.ts';
import { createServices, timescalesFrom } from '../../src/app/services.ts';
import { addCalendarDays } from '../../src/platform/calendar/calendar.ts';
import { todayInLondon } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { importInterchangeFile } from '../../src/interchange/import.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

/**
 * What a new user tripped over, through the API and import: events dated after today, a child
 * born in 1950, refusals in internal words, and LA child ids made up by the browser.
 */
describe.each(testDatabaseTargets)('what a new user tripped over, on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  const today = todayInLondon();
  const tomorrow = addCalendarDays(today, 1);
  let counter = 0;
  const clientId = () => `new-user-${(counter += 1).toString().padStart(4, '0')}-${Date.now()}`;
  const icpc = { planRequired: true, categoryOfAbuse: 'NEG', chairWorkerId: 'w-chair-1', attendingAgencies: ['police'] };
  const child = { forename: 'Ada', surname: 'Lovelace', dateOfBirth: '2015-12-10', sex: 'F', ethnicity: 'WBRI' };

  beforeAll(async () => {
    db = await target.open();
    app = createApp(createServices(loadConfig({ SAFEGUARD_LA_CODE: '206' }), db));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const register = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/children', payload });
  const record = (childId: string, payload: Record<string, unknown>) => app.inject({ method: 'POST', url: `/api/v1/children/${childId}/events`, payload: { clientId: clientId(), ...payload } });

  it('issues LA child ids in one format, one after another, and the same one for the same request', async () => {
    const first = await register({ clientId: 'register-0001', occurredAt: '2024-01-02', data: child });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().childId).toMatch(/^C206\d{7}$/);
    const second = await register({ clientId: 'register-0002', occurredAt: '2024-01-02', data: { ...child, forename: 'Byron' } });
    expect(second.statusCode, second.body).toBe(201);
    expect(Number(second.json().childId.slice(4))).toBe(Number(first.json().childId.slice(4)) + 1);
    const again = await register({ clientId: 'register-0001', occurredAt: '2024-01-02', data: child });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ childId: first.json().childId, replayed: true });
    const record = await app.inject({ method: 'GET', url: `/api/v1/children/${first.json().childId}` });
    expect(record.statusCode).toBe(200);
  });

  it('issues an id past every id of the format already on record (imported or seeded)', async () => {
    const seeded = await record('C2060999990', { type: 'child.registered', occurredAt: '2024-01-02', data: child });
    expect(seeded.statusCode, seeded.body).toBe(201);
    const next = await register({ clientId: clientId(), occurredAt: '2024-01-02', data: child });
    expect(next.json().childId).toBe('C2060999991');
  });

  it('refuses an event dated after today, and a child born before a children\'s record could hold them, all at once', async () => {
    const future = await register({ clientId: clientId(), occurredAt: tomorrow, data: { ...child, dateOfBirth: '1950-03-01' } });
    expect(future.statusCode, future.body).toBe(400);
    expect(future.json().error.problems).toEqual([
      { field: 'occurredAt', message: 'The date of the registration must be today or in the past' },
      { field: 'data.dateOfBirth', message: expect.stringMatching(/^The date of birth must be on or after \d{1,2} \w+ \d{4}: a child's record is for children and care leavers up to 25$/) },
    ]);
    const childId = (await register({ clientId: clientId(), occurredAt: '2024-01-02', data: child })).json().childId as string;
    const conference = await record(childId, { type: 'conference.initial-held', occurredAt: tomorrow, data: icpc });
    expect(conference.statusCode).toBe(400);
    expect(conference.json().error.problems, conference.body).toContainEqual({ field: 'occurredAt', message: 'The date of the conference must be today or in the past' });
  });

  it('refuses in plain English, naming what to record first and what can be recorded instead', async () => {
    const childId = (await register({ clientId: clientId(), occurredAt: '2024-01-02', data: child })).json().childId as string;
    const refused = await record(childId, { type: 'conference.initial-held', occurredAt: '2024-02-01', data: icpc });
    expect(refused.statusCode, refused.body).toBe(409);
    const error = refused.json().error;
    expect(error.message).toMatch(/^You cannot record an initial child protection conference on 1 February 2024: first record a section 47 enquiry that decides to hold one .*On that date you can .*record a referral/);
    expect(error.message).not.toMatch(/conference\.initial-held|status on|referral\.received/);
    expect(error.allowedActions).toContain('referral.received');
  });

  it('refuses future-dated lines of an import, each with its line', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'safeguard-future-'));
    try {
      const file = path.join(folder, 'future.ndjson');
      writeFileSync(file, [
        { laCode: '206', childId: 'FUTURE1', type: 'child.registered', occurredAt: '2024-01-02', data: child },
        { laCode: '206', childId: 'FUTURE1', type: 'referral.received', occurredAt: tomorrow, data: { source: '1A' } },
        { laCode: '206', childId: 'FUTURE2', type: 'child.registered', occurredAt: '2024-01-02', data: { ...child, dateOfBirth: '1950-01-01' } },
      ].map((line) => JSON.stringify(line)).join('\n') + '\n');
      const result = await importInterchangeFile(db, file, { laCode: '206', actor: { userId: 'test', role: 'administrator', agency: 'childrens-social-care' }, correlationId: 'future' }, timescalesFrom(loadConfig({})));
      expect(result.committed).toBe(false);
      expect(result.problems).toEqual(expect.arrayContaining([
        expect.objectContaining({ line: 2, field: 'occurredAt', message: 'The date of the referral must be today or in the past' }),
        expect.objectContaining({ line: 3, field: 'data.dateOfBirth' }),
      ]));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
