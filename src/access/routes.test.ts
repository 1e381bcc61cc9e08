import type { FastifyInstance } from 'fastify';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../platform/database/database.ts';
import { createApp } from '../app/server.ts';
import { createServices } from '../app/services.ts';
import { hashPassword } from './passwords.ts';
import { AccountRepository } from './repo.ts';
import { SignInService } from './sign-in.ts';

const registration = { type: 'child.registered', occurredAt: '2024-03-01', data: { forename: 'Ada', surname: 'Lovelace', dateOfBirth: '2015-12-10', sex: 'F', ethnicity: 'WBRI', disabilities: ['NONE'] } };

describe.each(testDatabaseTargets)('signing in over HTTP on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let managerSecret: string;

  beforeAll(async () => {
    db = await target.open();
    // Development sign-in off: only a signed-in user gets anywhere.
    const services = createServices(loadConfig({ SAFEGUARD_DEV_SIGN_IN: 'off' }), db);
    await new AccountRepository(db, '206').createAccount({
      userId: 'sw-9', username: 'sam.worker', displayName: 'Sam Worker', role: 'social-worker', agency: 'childrens-social-care', teamId: null,
      workerId: null, passwordHash: await hashPassword('correct horse battery staple'), oidcSubject: null,
    });
    managerSecret = SignInService.newSecondFactor({ username: 'tina.manager' }).secret;
    await new AccountRepository(db, '206').createAccount({
      userId: 'tm-9', username: 'tina.manager', displayName: 'Tina Manager', role: 'team-manager', agency: 'childrens-social-care', teamId: null,
      workerId: null, passwordHash: await hashPassword('correct horse battery staple'), oidcSubject: null, totpSecret: managerSecret,
    });
    app = createApp(services);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('refuses everyone not signed in (before looking at their input), and keeps health and the API description open', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json().paths['/api/v1/sign-in']).toBeDefined();
    const refused = await app.inject({ method: 'GET', url: '/api/v1/children/not%20valid' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toMatch(/Sign in/);
    expect((await app.inject({ method: 'POST', url: '/api/v1/children/ADA1/events', payload: { nonsense: true } })).statusCode).toBe(401);
  });

  it('signs in with a cookie only scripts cannot read, requires the CSRF token for writes, and signs out', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/sign-in', payload: { username: 'sam.worker', password: 'not the password' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const signedIn = await app.inject({ method: 'POST', url: '/api/v1/sign-in', payload: { username: 'Sam.Worker', password: 'correct horse battery staple' } });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const cookie = String(signedIn.headers['set-cookie']);
    expect(cookie).toMatch(/^safeguard_session=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict/);
    const sessionCookie = cookie.split(';')[0]!;
    const { csrfToken, user } = signedIn.json();
    expect(user).toMatchObject({ userId: 'sw-9', role: 'social-worker', roleTitle: 'Social worker' });

    const session = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: sessionCookie } });
    expect(session.json()).toMatchObject({ signedIn: true, csrfToken });

    const withoutToken = await app.inject({ method: 'POST', url: '/api/v1/children/ADA1/events', headers: { cookie: sessionCookie }, payload: { ...registration, clientId: 'client-0001' } });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.problems[0].field).toBe('x-csrf-token');
    const written = await app.inject({
      method: 'POST', url: '/api/v1/children/ADA1/events', headers: { cookie: sessionCookie, 'x-csrf-token': csrfToken }, payload: { ...registration, clientId: 'client-0001' },
    });
    expect(written.statusCode, written.body).toBe(201);
    // The event is recorded by the signed-in user.
    expect(written.json().event.recordedBy).toEqual({ userId: 'sw-9', role: 'social-worker', agency: 'childrens-social-care' });

    const signOut = await app.inject({ method: 'POST', url: '/api/v1/sign-out', headers: { cookie: sessionCookie, 'x-csrf-token': csrfToken } });
    expect(String(signOut.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect((await app.inject({ method: 'GET', url: '/api/v1/children/ADA1', headers: { cookie: sessionCookie } })).statusCode).toBe(401);
  });

  it('says, signed in or not, whether single sign-on and development sign-in are on, and what the person\'s role may do (from roles.ts)', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/session' })).json()).toEqual({
      signedIn: false, pendingSecondFactor: false, user: null, csrfToken: null, expiresAt: null, singleSignOn: false, devSignIn: false,
    });
    const signedIn = await app.inject({ method: 'POST', url: '/api/v1/sign-in', remoteAddress: '10.8.8.8', payload: { username: 'sam.worker', password: 'correct horse battery staple' } });
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    const session = (await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).json();
    expect(session.user).toMatchObject({ workerId: null, permissions: { scope: 'team', records: true, seesChildren: true, capabilities: [] } });
    const withProvider = createApp(createServices(loadConfig({
      SAFEGUARD_DEV_SIGN_IN: 'on', SAFEGUARD_OIDC_ISSUER: 'http://localhost:9/', SAFEGUARD_OIDC_CLIENT_ID: 'safeguard', SAFEGUARD_OIDC_CLIENT_SECRET: 'secret',
      SAFEGUARD_OIDC_REDIRECT_URI: 'http://localhost:3000/api/v1/sign-in/oidc/callback',
    }), db));
    try {
      expect((await withProvider.inject({ method: 'GET', url: '/api/v1/session' })).json()).toMatchObject({ singleSignOn: true, devSignIn: true });
    } finally {
      await withProvider.close();
    }
  });

  it('sends security headers with every answer and keeps errors generic', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.headers).toMatchObject({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' });
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('ends the session a browser held when it signs in again, and gives a fresh token once the one-time code is in', async () => {
    const signInAs = (username: string, cookie?: string) => app.inject({
      method: 'POST', url: '/api/v1/sign-in', remoteAddress: '10.7.7.7', headers: cookie ? { cookie } : {}, payload: { username, password: 'correct horse battery staple' },
    });
    const sessionCookieOf = (response: { headers: Record<string, unknown> }) => String(response.headers['set-cookie']).split(';')[0]!;
    const isSignedIn = async (cookie: string) => (await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).json().signedIn as boolean;

    const first = sessionCookieOf(await signInAs('sam.worker'));
    expect(await isSignedIn(first)).toBe(true);
    const second = sessionCookieOf(await signInAs('sam.worker', first));
    expect(second).not.toBe(first);
    expect(await isSignedIn(first)).toBe(false);
    expect(await isSignedIn(second)).toBe(true);

    // A privileged role: the token that waited for the code is not the one that is signed in.
    const pendingResponse = await signInAs('tina.manager', second);
    expect(await isSignedIn(second)).toBe(false);
    const pending = sessionCookieOf(pendingResponse);
    const code = generateSync({ secret: managerSecret, epoch: Math.floor(Date.now() / 1000) });
    const verified = await app.inject({
      method: 'POST', url: '/api/v1/sign-in/second-factor', remoteAddress: '10.7.7.7', headers: { cookie: pending, 'x-csrf-token': pendingResponse.json().csrfToken }, payload: { code },
    });
    expect(verified.statusCode, verified.body).toBe(200);
    const signedIn = sessionCookieOf(verified);
    expect(signedIn).toMatch(/^safeguard_session=[A-Za-z0-9_-]{43}$/);
    expect(signedIn).not.toBe(pending);
    expect(verified.json().csrfToken).not.toBe(pendingResponse.json().csrfToken);
    expect(await isSignedIn(signedIn)).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: pending } })).json()).toMatchObject({ signedIn: false, pendingSecondFactor: false });
  });

  it('limits sign-in attempts from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push((await app.inject({ method: 'POST', url: '/api/v1/sign-in', remoteAddress: '10.9.9.9', payload: { username: `nobody${i}`, password: 'x' } })).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
