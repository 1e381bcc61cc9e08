import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/app/config.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { createApp } from '../../src/app/server.ts';
import { createServices } from '../../src/app/services.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

describe.each(testDatabaseTargets)('siblings, households, search and caseloads on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let counter = 0;
  beforeAll(async () => {
    db = await target.open();
    app = createApp(createServices(loadConfig({}), db));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const record = async (childId: string, type: string, occurredAt: string, data: Record<string, unknown>) => {
    counter += 1;
    const response = await app.inject({ method: 'POST', url: `/api/v1/children/${childId}/events`, payload: { type, occurredAt, clientId: `household-${counter}-xxxx`, data } });
    expect(response.statusCode, response.body).toBe(201);
  };
  const register = (childId: string, forename: string, dateOfBirth: string) =>
    record(childId, 'child.registered', '2024-01-02', { forename, surname: 'Mensah', dateOfBirth, sex: 'F', ethnicity: 'BAFR' });
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('finds siblings from either side and children sharing a household, as at a date', async () => {
    await register('SIB1', 'Ama', '2012-04-01');
    await register('SIB2', 'Kofi', '2015-06-01');
    await register('SIB3', 'Esi', '2019-09-09');
    await record('SIB1', 'relationship.recorded', '2024-01-02', { relationship: 'sibling', relatedChildId: 'SIB2' });
    await record('SIB1', 'household.joined', '2024-01-02', { householdId: 'H-100' });
    await record('SIB3', 'household.joined', '2024-01-02', { householdId: 'H-100' });
    await record('SIB3', 'household.left', '2024-05-01', { householdId: 'H-100' });

    const fromFirst = await get('/api/v1/children/SIB1/related-children?asAt=2024-03-01');
    expect(fromFirst.children.map((c: { childId: string; links: string[] }) => [c.childId, c.links])).toEqual([['SIB2', ['sibling']], ['SIB3', ['household']]]);
    const fromSecond = await get('/api/v1/children/SIB2/related-children?asAt=2024-03-01');
    expect(fromSecond.children.map((c: { childId: string }) => c.childId)).toEqual(['SIB1']);
    const afterMove = await get('/api/v1/children/SIB1/related-children?asAt=2024-06-01');
    expect(afterMove.children.map((c: { childId: string }) => c.childId)).toEqual(['SIB2']);
  });

  it('searches children and counts caseloads from allocations', async () => {
    expect((await get('/api/v1/children?surname=mens')).children).toHaveLength(3);
    expect((await get('/api/v1/children?surname=mens&forename=ko')).children.map((c: { childId: string }) => c.childId)).toEqual(['SIB2']);
    const badSearch = await app.inject({ method: 'GET', url: '/api/v1/children?dateOfBirth=2015-13-01' });
    expect(badSearch.statusCode).toBe(400);
    expect(badSearch.json().error.problems[0].field).toBe('query.dateOfBirth');

    const team = await app.inject({ method: 'POST', url: '/api/v1/teams', payload: { teamId: 'T-ASSESS-1', name: 'Assessment team 1', service: 'assessment' } });
    expect(team.statusCode).toBe(201);
    const worker = await app.inject({ method: 'POST', url: '/api/v1/workers', payload: { workerId: 'W-1', name: 'Sam Patel', role: 'social-worker', teamId: 'T-ASSESS-1', startedOn: '2020-01-06' } });
    expect(worker.statusCode).toBe(201);
    const unknownTeam = await app.inject({ method: 'POST', url: '/api/v1/workers', payload: { workerId: 'W-2', name: 'X', role: 'social-worker', teamId: 'NOPE', startedOn: '2020-01-06' } });
    expect(unknownTeam.statusCode).toBe(400);
    expect(unknownTeam.json().error.problems[0].field).toBe('teamId');

    await record('SIB1', 'allocation.started', '2024-02-01T09:00:00Z', { workerId: 'W-1', teamId: 'T-ASSESS-1' });
    await record('SIB2', 'allocation.started', '2024-02-01T09:00:00Z', { workerId: 'W-1', teamId: 'T-ASSESS-1' });
    await record('SIB2', 'allocation.ended', '2024-04-01', {});
    const caseloads = async (asAt: string) => (await get(`/api/v1/workers?asAt=${asAt}`)).workers.map((w: { workerId: string; caseload: number }) => [w.workerId, w.caseload]);
    expect(await caseloads('2024-01-15')).toEqual([['W-1', 0]]);
    expect(await caseloads('2024-03-01')).toEqual([['W-1', 2]]);
    expect(await caseloads('2024-04-02')).toEqual([['W-1', 1]]);
    expect((await get('/api/v1/children?workerId=W-1')).children.map((c: { childId: string }) => c.childId)).toEqual(['SIB1']);
  });
});
