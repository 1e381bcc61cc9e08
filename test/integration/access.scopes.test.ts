/**
 * Every role × every API route × a record in and out of the role's scope, signed in for real.
 *
 * The expected answer comes from the policy as written down here (what each scope may see, what
 * each kind of route needs), not from the code under test; a route with no expectation fails the
 * test, so a new route must say who may use it. Refused reads of a child's record leave an audit
 * row; lists never name a child outside scope; figures-only roles never see a child.
 */
import { chainAwaitingAudit } from '../../src/platform/audit/audit.ts';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/access/passwords.ts';
import { AccountRepository } from '../../src/access/repo.ts';
import { roleNames, roles, type Role } from '../../src/access/roles.ts';
import { SignInService } from '../../src/access/sign-in.ts';
import { importInterchangeFile } from '../../src/interchange/import.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { createApp } from '../../src/platform/http/server.ts';
import { createServices } from '../../src/platform/http/services.ts';
import { allocated, contact, mashCheckRequested, registered, toNdjson } from '../support/event-builders.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

const IN = 'INSCOPE1';
const OUT = 'OUTSCOPE1';
const PASSWORD = 'correct horse battery staple';
const NO_SUCH_ALERT = randomUUID();

const agencyOf = (role: Role) =>
  role === 'police-officer' ? 'police' : role === 'health-practitioner' ? 'health' : role === 'school-designated-safeguarding-lead' ? 'education' : 'childrens-social-care';

/** The policy, as the issue states it: who sees which of the two children. */
function sees(role: Role, childId: string): boolean {
  switch (roles[role].scope) {
    case 'whole-la': return true;
    case 'service': case 'team': case 'own-caseload': return childId === IN; // IN is allocated to their worker, team and service
    case 'shared-with-agency': return role === 'police-officer' && childId === IN; // only the police were asked about IN
    case 'figures-only': return false;
  }
}
const capable = (role: Role, capability: string) => ((roles[role] as { capabilities?: readonly string[] }).capabilities ?? []).includes(capability);

type Expectation = (role: Role, childId: string) => number | number[];
/** What each route needs. Keys are "METHOD url" as the OpenAPI document lists them. */
const routePolicy: Record<string, { expect: Expectation; body?: (childId: string) => unknown; query?: string; perChild?: boolean }> = {
  'GET /api/v1/health': { expect: () => 200 },
  'GET /api/v1/openapi.json': { expect: () => 200 },
  'GET /api/v1/code-lists': { expect: () => 200 },
  'GET /api/v1/session': { expect: () => 200 },
  'GET /api/v1/children': { expect: () => 200 },
  'GET /api/v1/children/{childId}': { expect: (r, c) => (sees(r, c) ? 200 : 404), perChild: true },
  'GET /api/v1/children/{childId}/chronology': { expect: (r, c) => (sees(r, c) ? 200 : 404), perChild: true },
  'GET /api/v1/children/{childId}/duties': { expect: (r, c) => (sees(r, c) ? 200 : 404), perChild: true },
  'GET /api/v1/children/{childId}/related-children': { expect: (r, c) => (sees(r, c) ? 200 : 404), perChild: true },
  'GET /api/v1/children/{childId}/access-log': { expect: (r, c) => (sees(r, c) ? 200 : 404), perChild: true },
  'POST /api/v1/children/{childId}/events': {
    // Allowed: the record answers (a visit needs an open episode, so 409 naming what is allowed).
    expect: (r, c) => (!roles[r].records ? 403 : sees(r, c) ? [201, 409] : 404),
    body: () => ({ type: 'visit.made', occurredAt: '2024-03-20', clientId: randomUUID(), data: { kind: 'child-in-need', childSeen: true, seenAlone: false } }),
    perChild: true,
  },
  // Neither child is restricted: in scope, there is no glass to break; out of scope, no such child.
  'POST /api/v1/children/{childId}/break-glass': { expect: (r, c) => (sees(r, c) ? 409 : 404), body: () => ({ reason: 'Checking the matrix of access' }), perChild: true },
  'GET /api/v1/duties': { expect: () => 200, query: 'asAt=2024-03-31' },
  'GET /api/v1/duties/closed': { expect: () => 200, query: 'from=2024-01-01&to=2024-03-31' },
  'GET /api/v1/timescale-rules': { expect: () => 200 },
  'GET /api/v1/teams': { expect: () => 200 },
  'GET /api/v1/workers': { expect: () => 200 },
  'POST /api/v1/teams': { expect: (r) => (capable(r, 'manage-reference-data') ? 201 : 403), body: () => ({ teamId: 't-a', name: 'Team A', service: 'children-in-need' }) },
  'GET /api/v1/metrics': { expect: () => 200 },
  'GET /api/v1/metrics/{id}': { expect: () => 200, query: 'from=2024-01-01&to=2024-03-31' },
  'GET /api/v1/metrics/values': { expect: () => 200, query: 'from=2024-01-01&to=2024-03-31&ids=FD-01,CP-02b' },
  'GET /api/v1/metrics/{id}/children': { expect: (r) => (roles[r].scope === 'figures-only' ? 403 : 200), query: 'from=2024-01-01&to=2024-03-31' },
  'GET /api/v1/benchmarks': { expect: () => 200 },
  'POST /api/v1/benchmarks': { expect: (r) => (capable(r, 'manage-reference-data') ? 201 : 403), body: () => ({ csv: 'metric_id,year,geography,value,source\nFD-01,2023-24,england,5,matrix test' }) },
  'GET /api/v1/audit/anomalies': { expect: (r) => (capable(r, 'review-audit') ? 200 : 403), query: 'from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z' },
  'GET /api/v1/audit/verify': { expect: (r) => (capable(r, 'review-audit') ? 200 : 403) },
  'GET /api/v1/alerts': { expect: () => 200 },
  // Nobody has an alert here: marking one seen finds none, whoever asks (another's alert answers the same).
  'POST /api/v1/alerts/{alertId}/seen': { expect: () => 404 },
  'GET /api/v1/accounts': { expect: (r) => (capable(r, 'restrict-records') ? 200 : 403) },
};
/** Routes this matrix leaves to their own tests, and why. */
const coveredElsewhere: Record<string, string> = {
  'POST /api/v1/sign-in': 'signing in is what the matrix does for each role (src/access/routes.test.ts)',
  'POST /api/v1/sign-in/second-factor': 'as above',
  'POST /api/v1/sign-out': 'would end the session under test (src/access/routes.test.ts)',
  'GET /api/v1/sign-in/oidc': 'single sign-on, open to everyone; 404 where not set up, as here: against a real provider in src/access/oidc.test.ts',
  'GET /api/v1/sign-in/oidc/callback': 'as above',
  'POST /api/v1/workers': 'same policy as POST /api/v1/teams, which the matrix covers',
  'POST /api/v1/children/{childId}/restriction': 'changes who sees the record: covered with break-glass in src/access/restricted-records.test.ts',
  'GET /api/v1/reports/annual': 'figures for every signed-in role, seconds per report: src/reports tests',
};

describe.each(testDatabaseTargets)('who may use which route on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let dir: string;
  const sessions = new Map<Role, { cookie: string; csrf: string }>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-scopes-'));
    db = await target.open();
    const file = path.join(dir, 'two-children.ndjson');
    writeFileSync(file, toNdjson([
      { record: 'team', laCode: '206', teamId: 't-a', name: 'Team A', service: 'children-in-need' },
      { record: 'team', laCode: '206', teamId: 't-b', name: 'Team B', service: 'child-protection' },
      { record: 'worker', laCode: '206', workerId: 'w-a', name: 'Ann Able', role: 'social-worker', teamId: 't-a', agency: 'childrens-social-care', startedOn: '2020-01-01' },
      { record: 'worker', laCode: '206', workerId: 'w-b', name: 'Bo Baker', role: 'social-worker', teamId: 't-b', agency: 'childrens-social-care', startedOn: '2020-01-01' },
      registered(IN, { at: '2024-01-02' }), contact(IN, '2024-01-03T10:00:00Z'), mashCheckRequested(IN, '2024-01-03T11:00:00Z', 'police'), allocated(IN, '2024-01-04', 'w-a', 't-a'),
      registered(OUT, { at: '2024-01-02' }), contact(OUT, '2024-01-03T10:00:00Z'), allocated(OUT, '2024-01-04', 'w-b', 't-b'),
    ]));
    const context = { laCode: '206', actor: { userId: 'importer', role: 'administrator', agency: 'childrens-social-care' }, correlationId: randomUUID() };
    const services = createServices(loadConfig({ SAFEGUARD_DEV_SIGN_IN: 'off' }), db);
    expect((await importInterchangeFile(db, file, context, services.timescales)).problems).toEqual([]);

    const accounts = new AccountRepository(db, '206');
    const passwordHash = await hashPassword(PASSWORD);
    app = createApp(services);
    for (const [index, role] of roleNames.entries()) {
      const secret = roles[role].needsSecondFactor ? SignInService.newSecondFactor({ username: role }).secret : null;
      await accounts.createAccount({ userId: `u-${role}`, username: role, displayName: `A ${role}`, role, agency: agencyOf(role), teamId: 't-a', workerId: 'w-a', passwordHash, oidcSubject: null, totpSecret: secret });
      const remoteAddress = `10.0.${Math.floor(index / 200)}.${index % 200}`;
      const signedIn = await app.inject({ method: 'POST', url: '/api/v1/sign-in', remoteAddress, payload: { username: role, password: PASSWORD } });
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      let cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
      let csrf = signedIn.json().csrfToken as string;
      if (secret) {
        const code = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) });
        const verified = await app.inject({ method: 'POST', url: '/api/v1/sign-in/second-factor', remoteAddress, headers: { cookie, 'x-csrf-token': csrf }, payload: { code } });
        expect(verified.statusCode, verified.body).toBe(200);
        // The code moves the session to a fresh token.
        cookie = String(verified.headers['set-cookie']).split(';')[0]!;
        csrf = verified.json().csrfToken as string;
      }
      sessions.set(role, { cookie, csrf });
    }
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has an expectation for every route it publishes', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const published = Object.entries(document.paths).flatMap(([url, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${url}`));
    const unaccounted = published.filter((key) => !(key in routePolicy) && !(key in coveredElsewhere));
    expect(unaccounted, 'each route must declare who may use it').toEqual([]);
  });

  it('answers each role on each route as the policy says, for a record in and out of scope', async () => {
    const mismatches: string[] = [];
    for (const role of roleNames) {
      const { cookie, csrf } = sessions.get(role)!;
      for (const [key, policy] of Object.entries(routePolicy)) {
        const [method, template] = key.split(' ') as ['GET' | 'POST', string];
        for (const childId of policy.perChild ? [IN, OUT] : [IN]) {
          const url = template.replace('{childId}', childId).replace('{id}', 'FD-01').replace('{alertId}', NO_SUCH_ALERT) + (policy.query ? `?${policy.query}` : '');
          const response = await app.inject({
            method, url, headers: { cookie, 'x-csrf-token': csrf, ...(policy.body ? { 'content-type': 'application/json' } : {}) },
            ...(policy.body ? { payload: JSON.stringify(policy.body(childId)) } : {}),
          });
          const expected = [policy.expect(role, childId)].flat();
          if (!expected.includes(response.statusCode)) mismatches.push(`${role} ${method} ${url}: ${response.statusCode} (expected ${expected.join('/')}) ${response.body.slice(0, 160)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('never names a child outside scope in a list, and audits each refused read of a record', async () => {
    for (const role of roleNames) {
      const { cookie } = sessions.get(role)!;
      const listed = new Set<string>();
      const search = (await app.inject({ method: 'GET', url: '/api/v1/children?limit=50', headers: { cookie } })).json() as { children: { childId: string }[] };
      for (const child of search.children) listed.add(child.childId);
      const due = (await app.inject({ method: 'GET', url: '/api/v1/duties?asAt=2024-03-31', headers: { cookie } })).json() as { duties: { childId: string }[] };
      for (const duty of due.duties) listed.add(duty.childId);
      for (const childId of listed) expect(sees(role, childId), `${role} was shown ${childId}`).toBe(true);
      if (sees(role, IN)) expect(search.children.map((c) => c.childId), `${role} should find ${IN}`).toContain(IN);

      if (!sees(role, OUT)) {
        await chainAwaitingAudit(db.pool);
        const refusals = await db.pool.query(
          `SELECT count(*) AS n FROM audit_event WHERE user_id = $1 AND child_id = $2 AND action = 'refused' AND resource = 'child-record'`,
          [`u-${role}`, OUT],
        );
        expect(Number(refusals.rows[0].n), `${role}'s refused reads of ${OUT} are audited`).toBeGreaterThan(0);
      }
    }
  });

  // ---------------------------------------------------------------------------------------------
  // Encoded paths. The router decodes the path before it matches (`%73ign-in` is `sign-in`,
  // `%61pi` is `api`), so the rate limits, headers, session and CSRF checks must follow the route
  // it matched, not the raw request line.

  const securityHeaders = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'content-security-policy': expect.stringContaining("frame-ancestors 'none'") };
  /** Spellings the router matches as POST /api/v1/sign-in. */
  const signInSpellings = ['/api/v1/%73ign-in', '/%61pi/v1/sign-in', '/api/v1/sign%2Din', '/%61%70%69/%76%31/%73%69%67%6E%2D%69%6E', '/api/v1/sign-in?x=1'];
  /** Spellings that are that route or none (depending on who normalises them): once limited, none reaches the handler. */
  const notSignInSpellings = ['/api//v1/sign-in', '/api/v1/./sign-in', '/api/v1/../v1/sign-in', '/api/v1/sign-in/', '/API/v1/sign-in', '/api/v1/Sign-In', '/api/v1/%2573ign-in', '/%2561pi/v1/sign-in', '/api/v1/sign-in%2F', '/api/v1/sign-in%00'];

  it('limits sign-in attempts from an address however the path is spelt, and every answer carries the security headers', async () => {
    const remoteAddress = '10.99.0.1';
    // A different name each time, so that no name's own lockout answers first.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const wrong = await app.inject({ method: 'POST', url: '/api/v1/sign-in', remoteAddress, payload: { username: `nobody-${attempt}`, password: 'not the password' } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.headers).toMatchObject(securityHeaders);
    }
    for (const url of ['/api/v1/sign-in', ...signInSpellings]) {
      const limited = await app.inject({ method: 'POST', url, remoteAddress, payload: { username: 'social-worker', password: PASSWORD } });
      expect(limited.statusCode, `${url}: ${limited.body}`).toBe(429);
      expect(limited.headers, url).toMatchObject(securityHeaders);
    }
    for (const url of notSignInSpellings) {
      const elsewhere = await app.inject({ method: 'POST', url, remoteAddress, payload: { username: 'social-worker', password: PASSWORD } });
      expect([400, 404, 429], `${url}: ${elsewhere.statusCode} ${elsewhere.body}`).toContain(elsewhere.statusCode);
      expect(elsewhere.headers['set-cookie'], url).toBeUndefined();
      expect(elsewhere.headers, url).toMatchObject(securityHeaders);
    }
  });

  it('counts attempts on an encoded path against the same limit as the plain path', async () => {
    const remoteAddress = '10.99.0.3';
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const url = signInSpellings[attempt % signInSpellings.length]!;
      const wrong = await app.inject({ method: 'POST', url, remoteAddress, payload: { username: `nobody-else-${attempt}`, password: 'not the password' } });
      expect(wrong.statusCode, url).toBe(401);
      expect(wrong.headers, url).toMatchObject(securityHeaders);
    }
    expect((await app.inject({ method: 'POST', url: '/api/v1/sign-in', remoteAddress, payload: { username: 'social-worker', password: PASSWORD } })).statusCode).toBe(429);
  });

  it('answers a protected route spelt with escapes exactly as the plain route: same session, same scope, same CSRF check, same headers', async () => {
    const { cookie, csrf } = sessions.get('social-worker')!;
    const spell = (path: string) => [path, path.replace('/api/', '/%61pi/'), path.replace('/children/', '/%63hildren/'), path.replace(/\/v1\//, '/%76%31/')];
    for (const path of [`/api/v1/children/${IN}`, `/api/v1/children/${OUT}`, '/api/v1/session', '/api/v1/audit/verify']) {
      const plain = await app.inject({ method: 'GET', url: path, headers: { cookie } });
      const anonymous = await app.inject({ method: 'GET', url: path });
      for (const url of spell(path)) {
        const signedIn = await app.inject({ method: 'GET', url, headers: { cookie } });
        expect(signedIn.statusCode, url).toBe(plain.statusCode);
        expect(signedIn.headers, url).toMatchObject(securityHeaders);
        const notSignedIn = await app.inject({ method: 'GET', url });
        expect(notSignedIn.statusCode, url).toBe(anonymous.statusCode);
        expect(notSignedIn.headers, url).toMatchObject(securityHeaders);
      }
    }
    const event = () => JSON.stringify({ type: 'visit.made', occurredAt: '2024-03-20', clientId: randomUUID(), data: { kind: 'child-in-need', childSeen: true, seenAlone: false } });
    for (const url of spell(`/api/v1/children/${IN}/events`)) {
      const withoutToken = await app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/json' }, payload: event() });
      expect(withoutToken.statusCode, `${url}: ${withoutToken.body}`).toBe(403);
      expect(withoutToken.json().error.problems[0].field).toBe('x-csrf-token');
      const withToken = await app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, payload: event() });
      expect([201, 409], `${url}: ${withToken.body}`).toContain(withToken.statusCode);
    }
  });

  it('answers with the security headers where no route matches', async () => {
    for (const [method, url] of [['GET', '/api/v1/no-such-route'], ['POST', '/api/v1/no-such-route'], ['GET', '/%61pi/v1/no-such-route'], ['POST', '/no-such-page'], ['GET', '/api'], ['POST', '/API/v1/children']] as const) {
      const missing = await app.inject({ method, url });
      expect(missing.statusCode, url).toBe(404);
      expect(missing.headers, `${method} ${url}`).toMatchObject(securityHeaders);
    }
  });

  // ---------------------------------------------------------------------------------------------
  // What an answer may give away about children outside scope.

  it('answers a clientId already used on another child\'s record without naming that child', async () => {
    const manager = sessions.get('service-manager')!;
    const worker = sessions.get('social-worker')!;
    const clientId = randomUUID();
    const registration = (childId: string) => JSON.stringify({ type: 'child.registered', occurredAt: '2024-02-01', clientId, data: { forename: 'Hidden', surname: childId, dateOfBirth: '2016-05-02', sex: 'F', ethnicity: 'WBRI', disabilities: ['NONE'] } });
    // A child only the whole council's roles see (allocated to no one).
    const written = await app.inject({ method: 'POST', url: '/api/v1/children/UNSEEN1/events', headers: { cookie: manager.cookie, 'x-csrf-token': manager.csrf, 'content-type': 'application/json' }, payload: registration('UNSEEN1') });
    expect(written.statusCode, written.body).toBe(201);
    expect((await app.inject({ method: 'GET', url: '/api/v1/children/UNSEEN1', headers: { cookie: worker.cookie } })).statusCode).toBe(404);

    const reused = await app.inject({ method: 'POST', url: '/api/v1/children/PROBE1/events', headers: { cookie: worker.cookie, 'x-csrf-token': worker.csrf, 'content-type': 'application/json' }, payload: registration('PROBE1') });
    expect(reused.statusCode, reused.body).toBe(409);
    expect(reused.json().error.problems[0].field).toBe('clientId');
    expect(reused.body).not.toMatch(/UNSEEN1/);
  });

  it('treats % and _ in a name search as letters, not wildcards that list every child', async () => {
    const { cookie } = sessions.get('service-manager')!;
    const found = async (query: string) => ((await app.inject({ method: 'GET', url: `/api/v1/children?${query}`, headers: { cookie } })).json() as { children: { childId: string }[] }).children.map((child) => child.childId);
    expect(await found('surname=INS')).toContain(IN);
    for (const query of ['surname=%25', 'surname=%25%25', 'surname=_%25', 'forename=%25', 'surname=%25&forename=%25']) {
      expect(await found(query), query).toEqual([]);
    }
  });
});
