/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider) started here, driven over
 * real HTTP like a browser: the app, the provider's sign-in and consent, the callback, the session.
 */
import { chainAwaitingAudit } from '../platform/audit/audit.ts';
import { generateKeyPairSync } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
// @ts-expect-error: oidc-provider ships no type declarations; TestProvider below describes what this test uses
import ProviderClass from 'oidc-provider';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../platform/database/database.ts';
import { createApp } from '../app/server.ts';
import { createServices } from '../app/services.ts';
import { isLocalPath, OIDC_COOKIE } from './oidc.ts';
import { OIDC_CALLBACK_PATH } from './oidc-settings.ts';
import { AccountRepository } from './repo.ts';
import { SignInService } from './sign-in.ts';

interface TestProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ prompt: { name: string }; params: Record<string, unknown>; session?: { accountId: string } }>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  Grant: new (properties: { accountId: string; clientId: string }) => { addOIDCScope(scope: string): void; save(): Promise<string> };
}
const Provider = ProviderClass as new (issuer: string, configuration: Record<string, unknown>) => TestProvider;

const CLIENT = { id: 'safeguard', secret: 'a-client-secret-only-this-test-knows' };

const listening = (server: http.Server | net.Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const closing = (server: http.Server | net.Server) => new Promise((resolve) => server.close(resolve));

/** A port nobody is using: the app's callback address must be registered with the provider before the app listens. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  const port = await listening(probe);
  await closing(probe);
  return port;
}

/**
 * The council's identity provider. Who signs in next (no one: they cancel), and the authentication
 * methods it reports (`amr`), are chosen by the test; its interaction page signs them in and
 * consents at once.
 */
async function startIdentityProvider(redirectUri: string) {
  const server = http.createServer();
  const issuer = `http://127.0.0.1:${await listening(server)}`;
  const next = { subject: '', amr: undefined as string[] | undefined };
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    findAccount: async (_context: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub }) }),
    // Like the councils' usual providers, every ID token says how the person signed in (amr).
    claims: { acr: null, auth_time: null, iss: null, sid: null, openid: ['sub', 'amr'] },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['a-cookie-key-only-this-test-knows'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    jwks: { keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })] },
  });
  const callback = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login' && !next.subject) {
        await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Cancelled at the provider' }, { mergeWithLastSubmission: false });
        return;
      }
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: next.subject, ...(next.amr ? { amr: next.amr } : {}) } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  return {
    issuer,
    signInNext: (subject: string, amr?: string[]) => Object.assign(next, { subject, amr }),
    close: () => closing(server),
  };
}

/** A browser, as far as redirects and cookies go: cookies per origin and path, redirects followed by hand. */
function browser() {
  const jar = new Map<string, Map<string, { name: string; value: string; path: string }>>();
  const cookieHeader = (url: URL) => [...(jar.get(url.origin)?.values() ?? [])]
    .filter((cookie) => url.pathname.startsWith(cookie.path)).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');

  async function get(url: URL, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: cookieHeader(url) } });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const [name = '', ...value] = pair!.split('=');
      const path = attributes.find((attribute) => /^path=/i.test(attribute))?.slice(5) ?? '/';
      const expires = attributes.find((attribute) => /^expires=/i.test(attribute))?.slice(8);
      const gone = attributes.some((attribute) => /^max-age=0$/i.test(attribute)) || (expires !== undefined && new Date(expires) < new Date());
      const cookies = jar.get(url.origin) ?? new Map();
      jar.set(url.origin, cookies);
      if (gone) cookies.delete(`${name} ${path}`);
      else cookies.set(`${name} ${path}`, { name, value: value.join('='), path });
    }
    return response;
  }

  /** Follows redirects from `start` until the next address satisfies `stopAt` (not requested) or an answer is not a redirect. */
  async function follow(start: URL, stopAt: (next: URL) => boolean): Promise<{ url: URL; response: Response }> {
    let url = start;
    for (let hop = 0; hop < 20; hop += 1) {
      const response = await get(url);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url, response };
      const next = new URL(location, url);
      if (stopAt(next)) return { url: next, response };
      url = next;
    }
    throw new Error(`Too many redirects from ${start.href}`);
  }

  const cookie = (origin: string, name: string) => [...(jar.get(origin)?.values() ?? [])].find((each) => each.name === name)?.value;
  return { get, follow, cookie };
}

describe('single sign-on settings', () => {
  const base = { SAFEGUARD_OIDC_ISSUER: 'https://login.council.example/tenant', SAFEGUARD_OIDC_CLIENT_ID: 'safeguard', SAFEGUARD_OIDC_CLIENT_SECRET: 's3cret', SAFEGUARD_OIDC_REDIRECT_URI: `https://safeguard.council.example${OIDC_CALLBACK_PATH}` };

  it('is off without an issuer, on with a complete set, and refuses half a set or insecure addresses', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(loadConfig(base).oidc).toEqual({ issuer: base.SAFEGUARD_OIDC_ISSUER, clientId: 'safeguard', clientSecret: 's3cret', redirectUri: base.SAFEGUARD_OIDC_REDIRECT_URI });
    expect(() => loadConfig({ ...base, SAFEGUARD_OIDC_CLIENT_SECRET: '' })).toThrow(/SAFEGUARD_OIDC_CLIENT_SECRET: Required/);
    expect(() => loadConfig({ ...base, SAFEGUARD_OIDC_ISSUER: 'http://login.council.example' })).toThrow(/SAFEGUARD_OIDC_ISSUER: Use an https/);
    expect(() => loadConfig({ ...base, SAFEGUARD_OIDC_REDIRECT_URI: 'https://safeguard.council.example/elsewhere' })).toThrow(/SAFEGUARD_OIDC_REDIRECT_URI/);
    expect(() => loadConfig({ SAFEGUARD_OIDC_CLIENT_ID: 'safeguard' })).toThrow(/set SAFEGUARD_OIDC_ISSUER as well/);
  });

  it('takes only paths of this service as the page to return to', () => {
    for (const path of ['/', '/children/ADA1', '/children?team=t-1&status=open']) expect(isLocalPath(path), path).toBe(true);
    for (const path of ['https://evil.example', '//evil.example', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)', '', 'children', '/a b', '/\t/evil.example']) {
      expect(isLocalPath(path), path).toBe(false);
    }
  });
});

describe.each(testDatabaseTargets)('single sign-on with the council\'s identity provider on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let identityProvider: Awaited<ReturnType<typeof startIdentityProvider>>;
  let appOrigin: string;
  let tessSecret: string;

  const startUrl = (returnTo?: string) => new URL(`${appOrigin}/api/v1/sign-in/oidc${returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`);
  const isCallback = (url: URL) => url.origin === appOrigin && url.pathname === OIDC_CALLBACK_PATH;
  const auditedSignIns = async (userId: string) => {
    await chainAwaitingAudit(db.pool);
    return (await db.pool.query(`SELECT action, outcome FROM audit_event WHERE resource = 'sign-in' AND user_id = $1 ORDER BY audit_id`, [userId])).rows;
  };

  /** Signs in at the provider as `subject` and stops at the app's callback, not yet requested. */
  async function throughProvider(person: ReturnType<typeof browser>, subject: string, options: { amr?: string[]; returnTo?: string } = {}) {
    identityProvider.signInNext(subject, options.amr);
    const { url } = await person.follow(startUrl(options.returnTo), isCallback);
    expect(isCallback(url), url.href).toBe(true);
    return url;
  }

  async function sessionOf(person: ReturnType<typeof browser>) {
    return (await person.get(new URL(`${appOrigin}/api/v1/session`))).json() as Promise<{ signedIn: boolean; pendingSecondFactor: boolean; csrfToken: string | null; user: { userId: string } | null }>;
  }

  beforeAll(async () => {
    db = await target.open();
    const port = await freePort();
    appOrigin = `http://127.0.0.1:${port}`;
    identityProvider = await startIdentityProvider(`${appOrigin}${OIDC_CALLBACK_PATH}`);
    const config = loadConfig({
      SAFEGUARD_DEV_SIGN_IN: 'off', SAFEGUARD_OIDC_ISSUER: identityProvider.issuer, SAFEGUARD_OIDC_CLIENT_ID: CLIENT.id,
      SAFEGUARD_OIDC_CLIENT_SECRET: CLIENT.secret, SAFEGUARD_OIDC_REDIRECT_URI: `${appOrigin}${OIDC_CALLBACK_PATH}`,
    });
    const accounts = new AccountRepository(db, '206');
    const person = { agency: 'childrens-social-care', teamId: 't-1', workerId: null, passwordHash: null };
    await accounts.createAccount({ ...person, userId: 'sw-1', username: 'sam.worker', displayName: 'Sam Worker', role: 'social-worker', oidcSubject: 'council-sub-sam' });
    tessSecret = SignInService.newSecondFactor({ username: 'tess.manager' }).secret;
    await accounts.createAccount({ ...person, userId: 'tm-1', username: 'tess.manager', displayName: 'Tess Manager', role: 'team-manager', oidcSubject: 'council-sub-tess', totpSecret: tessSecret });
    await accounts.createAccount({ ...person, userId: 'ad-1', username: 'ada.admin', displayName: 'Ada Admin', role: 'administrator', oidcSubject: 'council-sub-ada' });
    app = createApp(createServices(config, db));
    await app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await identityProvider?.close();
    await db?.close();
  });

  it('sends the browser to the provider with PKCE, state and nonce, and signs a linked account in on its return', async () => {
    const sam = browser();
    const started = await sam.get(startUrl('/children?team=t-1'));
    expect(started.status).toBe(302);
    const authorization = new URL(started.headers.get('location')!);
    expect(authorization.origin).toBe(identityProvider.issuer);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: CLIENT.id, response_type: 'code', scope: 'openid', redirect_uri: `${appOrigin}${OIDC_CALLBACK_PATH}`, code_challenge_method: 'S256',
    });
    for (const parameter of ['state', 'nonce', 'code_challenge']) expect(authorization.searchParams.get(parameter)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(started.headers.getSetCookie()[0]).toMatch(new RegExp(`^${OIDC_COOKIE}=[A-Za-z0-9_-]{43}; Max-Age=600; Path=/api/v1/sign-in/oidc; HttpOnly; SameSite=Lax$`));
    const pendingCookie = sam.cookie(appOrigin, OIDC_COOKIE)!;

    identityProvider.signInNext('council-sub-sam');
    const { url: callback } = await sam.follow(authorization, isCallback);
    const returned = await sam.get(callback);
    expect(returned.status, await returned.clone().text()).toBe(302);
    expect(returned.headers.get('location')).toBe('/children?team=t-1');
    const setCookies = returned.headers.getSetCookie();
    expect(setCookies).toEqual(expect.arrayContaining([
      expect.stringMatching(/^safeguard_session=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/),
      expect.stringMatching(new RegExp(`^${OIDC_COOKIE}=; Max-Age=0`)),
    ]));

    expect(await sessionOf(sam)).toMatchObject({ signedIn: true, pendingSecondFactor: false, user: { userId: 'sw-1' } });
    expect((await sam.get(new URL(`${appOrigin}/api/v1/teams`))).status).toBe(200);
    expect(await auditedSignIns('sw-1')).toEqual([{ action: 'write', outcome: 'signed-in' }]);

    // The same answer again, even with the cookie it started with, proves nothing: each sign-in is used once.
    const replayed = await fetch(callback, { redirect: 'manual', headers: { cookie: `${OIDC_COOKIE}=${pendingCookie}` } });
    expect(replayed.status).toBe(401);
    expect((await replayed.json()).error.message).toMatch(/start again/);
    expect(replayed.headers.getSetCookie().some((cookie) => cookie.startsWith('safeguard_session='))).toBe(false);
  });

  it('refuses, with a clear message and an audit row, a subject no account is linked to', async () => {
    const stranger = browser();
    const returned = await stranger.get(await throughProvider(stranger, 'council-sub-stranger'));
    expect(returned.status).toBe(403);
    expect((await returned.json()).error.message).toMatch(/no Safeguard account is linked to you/);
    expect(returned.headers.get('location')).toBeNull();
    expect(await sessionOf(stranger)).toMatchObject({ signedIn: false, user: null });
    expect(await auditedSignIns('unknown:oidc:council-sub-stranger')).toEqual([{ action: 'refused', outcome: 'unknown-user' }]);
    expect((await db.pool.query(`SELECT outcome FROM sign_in_attempt WHERE username = 'oidc:council-sub-stranger'`)).rows).toEqual([{ outcome: 'unknown-user' }]);
  });

  it('refuses an answer whose state was tampered with, or that comes to a browser that did not start the sign-in', async () => {
    const before = (await auditedSignIns('unknown:oidc:unproven')).length;
    const sam = browser();
    const callback = await throughProvider(sam, 'council-sub-sam');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'A'.repeat(43));
    const refused = await sam.get(tampered);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.message).toMatch(/did not confirm who you are/);
    expect(await sessionOf(sam)).toMatchObject({ signedIn: false });

    const someoneElse = browser();
    const elsewhere = await someoneElse.get(await throughProvider(sam, 'council-sub-sam'));
    expect(elsewhere.status).toBe(401);
    expect(await sessionOf(someoneElse)).toMatchObject({ signedIn: false });

    const refusals = (await auditedSignIns('unknown:oidc:unproven')).slice(before);
    expect(refusals).toEqual([{ action: 'refused', outcome: 'identity-not-proven' }, { action: 'refused', outcome: 'identity-not-proven' }]);
  });

  it('refuses, and audits, a sign-in cancelled at the provider', async () => {
    const before = (await auditedSignIns('unknown:oidc:unproven')).length;
    const person = browser();
    const callback = await throughProvider(person, '');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const refused = await person.get(callback);
    expect(refused.status).toBe(401);
    expect(await sessionOf(person)).toMatchObject({ signedIn: false });
    expect((await auditedSignIns('unknown:oidc:unproven')).slice(before)).toEqual([{ action: 'refused', outcome: 'identity-not-proven' }]);
  });

  it('returns only to a page of this service: another site\'s address is refused before the provider is asked', async () => {
    for (const returnTo of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const response = await browser().get(startUrl(returnTo));
      expect(response.status, returnTo).toBe(400);
      expect(response.headers.get('location'), returnTo).toBeNull();
      expect((await response.json()).error.problems[0].field).toBe('returnTo');
    }
    // Without a page named, back to the start page.
    const sam = browser();
    const returned = await sam.get(await throughProvider(sam, 'council-sub-sam', {}));
    expect(returned.headers.get('location')).toBe('/');
  });

  it('leaves a privileged role pending its one-time code unless the provider reports a second factor (amr)', async () => {
    const tess = browser();
    const returned = await tess.get(await throughProvider(tess, 'council-sub-tess', { amr: ['pwd'], returnTo: '/my-work' }));
    expect(returned.status).toBe(302);
    const pending = await sessionOf(tess);
    expect(pending).toMatchObject({ signedIn: false, pendingSecondFactor: true, user: { userId: 'tm-1' } });
    expect((await tess.get(new URL(`${appOrigin}/api/v1/teams`))).status).toBe(401);
    const code = generateSync({ secret: tessSecret, epoch: Math.floor(Date.now() / 1000) });
    const verified = await tess.get(new URL(`${appOrigin}/api/v1/sign-in/second-factor`), {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': pending.csrfToken! }, body: JSON.stringify({ code }),
    });
    expect(verified.status, await verified.clone().text()).toBe(200);
    expect(await sessionOf(tess)).toMatchObject({ signedIn: true, user: { userId: 'tm-1' } });

    // An administrator with no one-time code set up: refused without a second factor, signed in with one.
    const ada = browser();
    const withoutSecondFactor = await ada.get(await throughProvider(ada, 'council-sub-ada'));
    expect(withoutSecondFactor.status).toBe(403);
    expect((await withoutSecondFactor.json()).error.message).toMatch(/one-time code/);
    // A fresh browser: in the first, the provider would reuse its own session and its methods.
    const adaAgain = browser();
    const withSecondFactor = await adaAgain.get(await throughProvider(adaAgain, 'council-sub-ada', { amr: ['pwd', 'mfa'] }));
    expect(withSecondFactor.status).toBe(302);
    expect(await sessionOf(adaAgain)).toMatchObject({ signedIn: true, pendingSecondFactor: false, user: { userId: 'ad-1' } });
    expect(await auditedSignIns('ad-1')).toEqual([{ action: 'refused', outcome: 'wrong-code' }, { action: 'write', outcome: 'signed-in' }]);
  });

  it('lists its routes in the API description, and answers 404 where single sign-on is not set up', async () => {
    const paths = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json().paths;
    expect(paths['/api/v1/sign-in/oidc'].get.responses['302']).toBeDefined();
    expect(paths[OIDC_CALLBACK_PATH].get).toBeDefined();

    const withoutSso = createApp(createServices(loadConfig({ SAFEGUARD_DEV_SIGN_IN: 'off' }), db));
    try {
      for (const url of ['/api/v1/sign-in/oidc', `${OIDC_CALLBACK_PATH}?code=x&state=y`]) {
        const response = await withoutSso.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(404);
        expect(response.json().error.message).toMatch(/Single sign-on is not set up/);
      }
    } finally {
      await withoutSso.close();
    }
  });
});
