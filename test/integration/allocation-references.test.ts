/**
 * An allocation must name a team and a worker the workforce holds, the worker in that team and
 * working there on the allocation's date. Otherwise a worker could allocate a child to nobody and
 * so hide the case from their team manager, whose sight of it runs through the team's allocations.
 * Refused in the API (400 naming the field, nothing written) and in an import (each line named).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessGrantFor } from '../../src/access/policy.ts';
import { importInterchangeFile } from '../../src/interchange/import.ts';
import { loadConfig } from '../../src/app/config.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { createApp } from '../../src/app/server.ts';
import { createServices } from '../../src/app/services.ts';
import { ChildRecordRepository } from '../../src/record/repo.ts';
import type { RequestContext } from '../../src/platform/request-context.ts';
import { timescalesFrom } from '../../src/timescales/timescales.ts';
import { allocated, contact, referral, registered, toNdjson } from '../support/event-builders.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

const timescales = timescalesFrom(loadConfig({}));
const as = (userId: string, role: string, workerId: string, teamId: string): RequestContext => {
  const actor = { userId, role, agency: 'childrens-social-care' };
  return { laCode: '206', actor, correlationId: randomUUID(), access: accessGrantFor({ ...actor, workerId, teamId }) };
};
const worker = as('u-worker', 'social-worker', 'w-a', 't-a');
const manager = as('u-manager', 'team-manager', 'w-m', 't-a');
const importer = { laCode: '206', actor: { userId: 'importer', role: 'administrator', agency: 'childrens-social-care' }, correlationId: randomUUID() };

const team = (teamId: string) => ({ record: 'team', laCode: '206', teamId, name: `Team ${teamId}`, service: 'children-in-need' });
const workerLine = (workerId: string, teamId: string, leftOn?: string) => ({
  record: 'worker', laCode: '206', workerId, name: workerId, role: 'social-worker', teamId, agency: 'childrens-social-care', startedOn: '2020-01-01', ...(leftOn ? { leftOn } : {}),
});

describe.each(testDatabaseTargets)('allocations name a team and worker that exist, on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-allocation-'));
    db = await target.open();
    app = createApp(createServices(loadConfig({ SAFEGUARD_DEV_SIGN_IN: 'on' }), db));
    const file = path.join(dir, 'workforce.ndjson');
    // The team and worker lines come before the events that name them.
    writeFileSync(file, toNdjson([
      team('t-a'), team('t-b'), workerLine('w-a', 't-a'), workerLine('w-m', 't-a'), workerLine('w-b', 't-b'), workerLine('w-gone', 't-a', '2024-02-01'),
      registered('CASE1', { at: '2024-01-02' }), contact('CASE1', '2024-01-03T10:00:00Z'), referral('CASE1', '2024-01-04'), allocated('CASE1', '2024-01-05', 'w-a', 't-a'),
    ]));
    expect((await importInterchangeFile(db, file, importer, timescales)).problems).toEqual([]);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const allocate = (workerId: string, teamId: string, occurredAt = '2024-03-01T09:00:00Z') => app.inject({
    method: 'POST', url: '/api/v1/children/CASE1/events',
    payload: { type: 'allocation.started', occurredAt, clientId: randomUUID(), data: { workerId, teamId } },
  });
  const events = async () => Number((await db.pool.query(`SELECT count(*) AS n FROM child_event WHERE child_id = 'CASE1'`)).rows[0].n);

  it('refuses an allocation to an unknown worker and team, naming both fields, so the case stays in sight of the team manager', async () => {
    const before = await events();
    const refused = await allocate('no-such-worker', 'no-such-team');
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.problems.map((p: { field: string }) => p.field)).toEqual(['data.teamId', 'data.workerId']);
    expect(await events()).toBe(before);
    // The same through the data-access layer as the allocated worker themselves: refused, and audited as refused.
    await expect(new ChildRecordRepository(db, worker, timescales).recordEvent('CASE1', {
      type: 'allocation.started', occurredAt: '2024-03-01T09:00:00Z', clientId: randomUUID(), data: { workerId: 'no-such-worker', teamId: 'no-such-team' },
    })).rejects.toMatchObject({ code: 'invalid' });
    const refusal = await db.pool.query(`SELECT count(*) AS n FROM audit_awaiting_chain WHERE user_id = 'u-worker' AND action = 'refused' AND resource = 'child-event:allocation.started'`);
    const chained = await db.pool.query(`SELECT count(*) AS n FROM audit_event WHERE user_id = 'u-worker' AND action = 'refused' AND resource = 'child-event:allocation.started'`);
    expect(Number(refusal.rows[0].n) + Number(chained.rows[0].n)).toBe(1);
    expect((await new ChildRecordRepository(db, manager, timescales).getChildRecord('CASE1')).folded.state.childId).toBe('CASE1');
  });

  it('refuses a worker not in the team named, and a worker who had left by the allocation\'s date', async () => {
    const otherTeam = await allocate('w-b', 't-a');
    expect(otherTeam.statusCode, otherTeam.body).toBe(400);
    expect(otherTeam.json().error.problems).toEqual([{ field: 'data.workerId', message: 'Select a worker in the team: worker w-b is in team t-b, not t-a' }]);
    const left = await allocate('w-gone', 't-a', '2024-03-01T09:00:00Z');
    expect(left.statusCode, left.body).toBe(400);
    expect(left.json().error.problems).toEqual([{ field: 'data.workerId', message: 'Select a worker who was working on 1 March 2024: worker w-gone left on 1 February 2024' }]);
    // Before they left, the same worker could hold the case.
    expect((await allocate('w-gone', 't-a', '2024-01-20T09:00:00Z')).statusCode).toBe(201);
    expect((await allocate('w-m', 't-a')).statusCode).toBe(201);
  });

  it('refuses an import naming an unknown worker or team, each line named, and imports a file whose team and worker lines follow the events', async () => {
    const bad = path.join(dir, 'bad.ndjson');
    writeFileSync(bad, toNdjson([
      registered('HIDDEN1', { at: '2024-01-02' }), contact('HIDDEN1', '2024-01-03T10:00:00Z'), referral('HIDDEN1', '2024-01-04'),
      allocated('HIDDEN1', '2024-01-05', 'no-such-worker', 'no-such-team'),
      registered('HIDDEN2', { at: '2024-01-02' }), contact('HIDDEN2', '2024-01-03T10:00:00Z'), referral('HIDDEN2', '2024-01-04'),
      allocated('HIDDEN2', '2024-01-05', 'w-b', 't-a'),
    ]));
    const refused = await importInterchangeFile(db, bad, importer, timescales);
    expect(refused.committed).toBe(false);
    expect(refused.problems.map((p) => [p.line, p.field])).toEqual([[4, 'data.teamId'], [4, 'data.workerId'], [8, 'data.workerId']]);
    expect(Number((await db.pool.query(`SELECT count(*) AS n FROM child_event WHERE child_id LIKE 'HIDDEN%'`)).rows[0].n)).toBe(0);

    const referencesLast = path.join(dir, 'references-last.ndjson');
    writeFileSync(referencesLast, toNdjson([
      registered('LATER1', { at: '2024-01-02' }), contact('LATER1', '2024-01-03T10:00:00Z'), referral('LATER1', '2024-01-04'), allocated('LATER1', '2024-01-05', 'w-c', 't-c'),
      team('t-c'), workerLine('w-c', 't-c'),
    ]));
    expect((await importInterchangeFile(db, referencesLast, importer, timescales)).problems).toEqual([]);
  });
});
