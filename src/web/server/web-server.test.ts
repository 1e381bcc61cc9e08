import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.ts';
import type { Database } from '../../platform/database/database.ts';
import { installErrorMapping } from '../../platform/http/error-mapping.ts';
import { createApp } from '../../app/server.ts';
import { createServices } from '../../app/services.ts';
import { testDatabaseTargets } from '../../../test/support/test-database.ts';
import { installWebApp } from './web-app.ts';

describe('development sign-in setting', () => {
  it('is on for the embedded database, off for a server database, and can be set either way', () => {
    expect(loadConfig({}).devSignIn).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db' }).devSignIn).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db', SAFEGUARD_DEV_SIGN_IN: 'on' }).devSignIn).toBe(true);
    expect(loadConfig({ SAFEGUARD_DEV_SIGN_IN: 'off' }).devSignIn).toBe(false);
    expect(() => loadConfig({ SAFEGUARD_DEV_SIGN_IN: 'yes' })).toThrow(/SAFEGUARD_DEV_SIGN_IN/);
  });
});

describe('serving the built web app', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'safeguard-web-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    app = Fastify();
    installErrorMapping(app);
    app.get('/api/v1/health', async () => ({ status: 'ok' }));
    installWebApp(app, root);
  });
  afterAll(() => app.close());

  it('serves files, and index.html for client routes (even with a dot in them)', async () => {
    const script = await app.inject('/assets/app.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(script.headers['content-security-policy']).toContain("script-src 'self'");
    for (const url of ['/', '/children/C1', '/children/C1/record/visit.made?x=1']) {
      const page = await app.inject(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body).toContain('<title>app</title>');
    }
  });

  it('answers a missing asset and an unknown API path with 404, never the app', async () => {
    expect((await app.inject('/assets/missing.js')).statusCode).toBe(404);
    const api = await app.inject('/api/v1/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
    expect((await app.inject('/api/v1/health')).json()).toEqual({ status: 'ok' });
  });

  it('does not serve files outside its folder', async () => {
    const response = await app.inject('/../../../etc/passwd');
    expect(response.body).not.toContain('root:');
  });
});

describe.each(testDatabaseTargets)('development sign-in on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await target.open();
    app = createApp(createServices(loadConfig({ SAFEGUARD_LA_CODE: '206' }), db));
    await app.inject({ method: 'POST', url: '/api/v1/teams', payload: { teamId: 'cp-1', name: 'Safeguarding team', service: 'child-protection' } });
    await app.inject({ method: 'POST', url: '/api/v1/workers', payload: { workerId: 'W9001', name: 'Ada Obi', role: 'team-manager', teamId: 'cp-1', startedOn: '2020-01-01' } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('sets an http-only, SameSite=Strict cookie, says what the worker\'s role may do, and runs requests as the chosen worker', async () => {
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/dev/sign-in', payload: { workerId: 'W9001' } });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const cookie = String(signIn.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const headers = { cookie: cookie.split(';')[0]! };
    const session = await app.inject({ url: '/api/v1/dev/session', headers });
    expect(session.json()).toEqual({ devSignIn: true, worker: { workerId: 'W9001', name: 'Ada Obi', role: 'team-manager', agency: 'childrens-social-care', teamId: 'cp-1', teamName: 'Safeguarding team',
      permissions: { scope: 'service', records: true, seesChildren: true, capabilities: ['restrict-records', 'authorise', 'decide-access-requests', 'merge-records'], figures: 'disclosure-controlled' } } });
    const recorded = await app.inject({
      method: 'POST', url: '/api/v1/children/DEV1/events', headers,
      payload: { type: 'child.registered', occurredAt: '2026-01-05', clientId: 'dev-sign-in-1', data: { forename: 'Sam', surname: 'Lee', dateOfBirth: '2015-02-03', sex: 'M', ethnicity: 'WBRI' } },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const chronology = await app.inject({ url: '/api/v1/children/DEV1/chronology', headers });
    expect(chronology.json().entries[0].recordedBy).toEqual({ userId: 'W9001', role: 'team-manager', agency: 'childrens-social-care' });
    // A path spelt with escapes is the same route to the router, so it runs as the chosen worker
    // too, never as the configured actor who sees the whole council.
    const escaped = await app.inject({
      method: 'POST', url: '/%61pi/v1/children/DEV2/events', headers,
      payload: { type: 'child.registered', occurredAt: '2026-01-05', clientId: 'dev-sign-in-2', data: { forename: 'Kim', surname: 'Lee', dateOfBirth: '2015-02-03', sex: 'F', ethnicity: 'WBRI' } },
    });
    expect(escaped.statusCode, escaped.body).toBe(201);
    const escapedChronology = await app.inject({ url: '/api/v1/%63hildren/DEV2/chronology', headers });
    expect(escapedChronology.json().entries[0].recordedBy).toEqual({ userId: 'W9001', role: 'team-manager', agency: 'childrens-social-care' });
  });

  it('uses the configured actor without a cookie, and ignores a cookie naming nobody', async () => {
    expect((await app.inject({ url: '/api/v1/dev/session' })).json().worker).toBeNull();
    expect((await app.inject({ url: '/api/v1/dev/session', headers: { cookie: 'safeguard-dev-worker=NOBODY' } })).json().worker).toBeNull();
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/dev/sign-in', payload: { workerId: 'NOBODY' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.problems[0].field).toBe('workerId');
  });

  it('signs out by clearing the cookie', async () => {
    const signOut = await app.inject({ method: 'POST', url: '/api/v1/dev/sign-out', payload: {} });
    expect(String(signOut.headers['set-cookie'])).toMatch(/Max-Age=0/);
  });

  it('is not there when switched off', async () => {
    const off = createApp(createServices(loadConfig({ SAFEGUARD_LA_CODE: '206', SAFEGUARD_DEV_SIGN_IN: 'off' }), db));
    try {
      expect((await off.inject({ method: 'POST', url: '/api/v1/dev/sign-in', payload: { workerId: 'W9001' } })).statusCode).toBe(404);
      expect((await off.inject({ url: '/api/v1/dev/session', headers: { cookie: 'safeguard-dev-worker=W9001' } })).json()).toEqual({ devSignIn: false, worker: null });
    } finally {
      await off.close();
    }
  });
});
