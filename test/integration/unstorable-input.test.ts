/**
 * Input the database cannot store or the calendar cannot hold: a NUL byte or half a surrogate pair
 * in any field of any route, a year 0000, a trend reaching back centuries. Each is refused with a
 * 400 naming the field, never a 500. And every 5xx that does happen is logged with the reference
 * its answer quotes.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { createApp } from '../../src/app/server.ts';
import { createServices } from '../../src/app/services.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

const NUL = '\u0000';
const registration = { type: 'child.registered', occurredAt: '2024-03-01', data: { forename: 'Ada', surname: 'Lovelace', dateOfBirth: '2015-12-10', sex: 'F', ethnicity: 'WBRI', disabilities: ['NONE'] } };

/** Each probe: the request, and the field its 400 must name. */
const probes: { name: string; method: 'GET' | 'POST'; url: string; payload?: unknown; field: string }[] = [
  { name: 'search by surname', method: 'GET', url: '/api/v1/children?surname=%00', field: 'query.surname' },
  { name: 'search by forename', method: 'GET', url: '/api/v1/children?forename=Ad%00a', field: 'query.forename' },
  { name: 'search by UPN', method: 'GET', url: '/api/v1/children?upn=%00', field: 'query.upn' },
  { name: 'duties by worker', method: 'GET', url: '/api/v1/duties?workerId=%00', field: 'query.workerId' },
  { name: 'duties by team', method: 'GET', url: '/api/v1/duties?teamId=w%00', field: 'query.teamId' },
  { name: 'closed duties by worker', method: 'GET', url: '/api/v1/duties/closed?from=2024-01-01&to=2024-03-31&workerId=%00', field: 'query.workerId' },
  { name: 'workers by team', method: 'GET', url: '/api/v1/workers?teamId=%00', field: 'query.teamId' },
  { name: 'benchmarks by metric', method: 'GET', url: '/api/v1/benchmarks?metricId=FD-01%00', field: 'query.metricId' },
  { name: 'a metric by period', method: 'GET', url: '/api/v1/metrics/FD-01?period=FY2023%00', field: 'query.period' },
  { name: 'a metric\'s comparator', method: 'GET', url: '/api/v1/metrics/FD-01?period=FY2023-24&comparator=%00', field: 'query.comparator' },
  { name: 'drill-down by group', method: 'GET', url: '/api/v1/metrics/FD-01/children?from=2024-01-01&to=2024-03-31&by=ethnicity&group=%00', field: 'query.group' },
  { name: 'drill-down by breakdown', method: 'GET', url: '/api/v1/metrics/FD-01/children?from=2024-01-01&to=2024-03-31&by=%00', field: 'query.by' },
  { name: 'chronology by type', method: 'GET', url: '/api/v1/children/ADA1/chronology?types=%00', field: 'query.types' },
  { name: 'an event\'s clientId', method: 'POST', url: '/api/v1/children/ADA1/events', payload: { ...registration, clientId: `client-${NUL}-0001` }, field: 'clientId' },
  { name: 'an event\'s text', method: 'POST', url: '/api/v1/children/ADA1/events', payload: { ...registration, clientId: 'client-0002', data: { ...registration.data, forename: `Ada${NUL}` } }, field: 'data.forename' },
  { name: 'half a surrogate pair', method: 'POST', url: '/api/v1/children/ADA1/events', payload: { ...registration, clientId: 'client-0003', data: { ...registration.data, surname: 'Love\ud800lace' } }, field: 'data.surname' },
  { name: 'a field name', method: 'POST', url: '/api/v1/children/ADA1/events', payload: { ...registration, clientId: 'client-0004', data: { ...registration.data, [`x${NUL}`]: 1 } }, field: 'data' },
  { name: 'a username', method: 'POST', url: '/api/v1/sign-in', payload: { username: `sam${NUL}worker`, password: 'correct horse battery staple' }, field: 'username' },
  { name: 'a team', method: 'POST', url: '/api/v1/teams', payload: { teamId: `t${NUL}`, name: 'Team', service: 'children-in-need' }, field: 'teamId' },
  { name: 'benchmarks loaded', method: 'POST', url: '/api/v1/benchmarks', payload: { csv: `metric_id,year,geography,value,source\nFD-01,2023-24,england,5,x${NUL}` }, field: 'csv' },
  { name: 'anomalies from year 0000', method: 'GET', url: '/api/v1/audit/anomalies?from=0000-01-01T00:00:00Z&to=2024-01-01T00:00:00Z', field: 'query.from' },
  { name: 'anomalies to year 9999', method: 'GET', url: '/api/v1/audit/anomalies?from=2024-01-01T00:00:00Z&to=9999-12-31T00:00:00Z', field: 'query.to' },
  // A window as long as may be asked, stepped back 24 times: 120 years, before anything is counted.
  { name: 'a trend of 24 five-year windows', method: 'GET', url: '/api/v1/metrics/FD-01?from=2020-01-01&to=2024-12-31&trend=24', field: 'trend' },
  { name: 'a trend reaching back before 2000', method: 'GET', url: '/api/v1/metrics/FD-01?from=2001-01-01&to=2001-12-31&trend=3', field: 'trend' },
];

describe.each(testDatabaseTargets)('input that cannot be stored on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  const logLines: string[] = [];

  beforeAll(async () => {
    db = await target.open();
    // Development sign-in on: the configured actor sees the whole council, so every route reaches its input.
    app = createApp(createServices(loadConfig({ SAFEGUARD_LA_CODE: '206', SAFEGUARD_DEV_SIGN_IN: 'on', SAFEGUARD_DEV_ACTOR: 'auditor:administrator:childrens-social-care' }), db), {
      logStream: new Writable({ write(chunk, _encoding, done) { logLines.push(String(chunk)); done(); } }),
    });
    // A route that fails the way a lost database connection would: the log must say so.
    app.get('/api/v1/failing-for-the-test', async () => {
      throw new Error('connection terminated unexpectedly');
    });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it.each(probes)('refuses $name with a 400 naming $field', async (probe) => {
    const response = await app.inject({
      method: probe.method, url: probe.url,
      ...(probe.payload === undefined ? {} : { payload: JSON.stringify(probe.payload), headers: { 'content-type': 'application/json' } }),
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.problems.map((problem: { field: string }) => problem.field)).toContain(probe.field);
  }, 60_000);

  it('writes nothing when it refuses', async () => {
    expect(Number((await db.pool.query('SELECT count(*) AS n FROM child_event')).rows[0].n)).toBe(0);
  });

  it('logs every server error with the reference its answer quotes, and never the cause to the caller', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/failing-for-the-test' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toMatch(/connection terminated/);
    const reference = /Quote reference ([0-9a-f-]{36})/.exec(response.json().error.message)?.[1];
    expect(reference).toBeDefined();
    const line = logLines.map((text) => JSON.parse(text) as Record<string, unknown>).find((entry) => entry.reference === reference);
    expect(line, logLines.join('')).toMatchObject({ level: 50, status: 500, reqId: reference, route: '/api/v1/failing-for-the-test' });
    expect(JSON.stringify(line)).toMatch(/connection terminated unexpectedly/);
  });
});
