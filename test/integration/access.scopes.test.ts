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
      const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
      const csrf = signedIn.json().csrfToken as string;
      if (secret) {
        const code = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) });
        const verified = await app.inject({ method: 'POST', url: '/api/v1/sign-in/second-factor', remoteAddress, headers: { cookie, 'x-csrf-token': csrf }, payload: { code } });
        expect(verified.statusCode, verified.body).toBe(200);
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
  // List auditing: every child a list shows is on the audit log as read by whoever was shown it.
  it('audits, for each role, every child each list route showed, under the list\'s name', async () => {
    const lists: { url: string; resource: string; childIds: (body: Record<string, unknown>) => string[] }[] = [
      { url: '/api/v1/children?limit=50', resource: 'child-search', childIds: (b) => (b.children as { childId: string }[]).map((c) => c.childId) },
      { url: '/api/v1/duties?asAt=2024-03-31', resource: 'duty-list', childIds: (b) => (b.duties as { childId: string }[]).map((d) => d.childId) },
      { url: '/api/v1/duties/closed?from=2024-01-01&to=2024-03-31', resource: 'closed-duty-list', childIds: (b) => (b.items as { childId: string }[]).map((d) => d.childId) },
      { url: `/api/v1/children/${IN}/related-children`, resource: 'related-children', childIds: (b) => (b.children as { childId: string }[] | undefined ?? []).map((c) => c.childId) },
      { url: '/api/v1/metrics/FD-01/children?from=2024-01-01&to=2024-03-31', resource: 'metric-children', childIds: (b) => (b.children as { childId: string }[] | undefined ?? []).map((c) => c.childId) },
      { url: '/api/v1/alerts', resource: 'alert-list', childIds: (b) => (b.alerts as { childId: string }[]).map((a) => a.childId) },
    ];
    const unaudited: string[] = [];
    for (const role of roleNames) {
      const { cookie } = sessions.get(role)!;
      const shown: { resource: string; childId: string }[] = [];
      for (const list of lists) {
        const response = await app.inject({ method: 'GET', url: list.url, headers: { cookie } });
        if (response.statusCode !== 200) continue; // refused lists show nobody (the matrix above checks who is refused)
        for (const childId of list.childIds(response.json())) shown.push({ resource: list.resource, childId });
      }
      // The due list shows IN to everyone who may see IN: the check below is not vacuous.
      if (sees(role, IN)) expect(shown.filter((s) => s.resource === 'duty-list').map((s) => s.childId), `${role}'s due list`).toContain(IN);
      await chainAwaitingAudit(db.pool);
      const audited = await db.pool.query(
        `SELECT DISTINCT resource, child_id FROM audit_event WHERE user_id = $1 AND action = 'read' AND child_id IS NOT NULL`, [`u-${role}`],
      );
      const rows = new Set(audited.rows.map((row) => `${row.resource} ${row.child_id}`));
      for (const { resource, childId } of shown) if (!rows.has(`${resource} ${childId}`)) unaudited.push(`${role}: ${resource} showed ${childId}`);
    }
    expect(unaudited).toEqual([]);
  }, 300_000);
});
