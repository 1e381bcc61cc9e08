/**
 * Single sign-on with the council's identity provider over OpenID Connect: the authorization code
 * flow with PKCE, state and nonce (openid-client).
 *
 * A sign-in started here is kept server-side (oidc_pending_sign_in) and tied to the browser that
 * started it by a random token in an http-only cookie; SameSite=Lax, because the provider sends
 * the browser back from another site and a Strict cookie would not come with it. The ID token's
 * `sub` must be linked to an account (user_account.oidc_subject): no one is created on the fly.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { z } from 'zod';
import type { Database } from '../platform/database/database.ts';
import { DomainError } from '../platform/errors.ts';
import { defineRoute, registerRoutes, type AnyRoute } from '../platform/http/route.ts';
import { isLocalPath } from './local-path.ts';
import { OIDC_CALLBACK_PATH, type OidcSettings } from './oidc-settings.ts';
import { AccountRepository } from './repo.ts';
import { endPreviousSession, setSessionCookie } from './routes.ts';
import type { SignInResult, SignInService } from './sign-in.ts';

export const OIDC_COOKIE = 'safeguard_oidc';
const PENDING_MINUTES = 10;
/** `amr` values (RFC 8176) that mean the provider checked more than a password. */
const SECOND_FACTOR_METHODS = new Set(['mfa', 'otp', 'hwk', 'swk']);

const hashOf = (token: string) => createHash('sha256').update(token).digest();

// Shared with the web app, which sends people back to where they were after signing in.
export { isLocalPath };

interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** Sign-ins sent to the identity provider and not yet back: each is taken once, and lasts ten minutes. */
export class PendingOidcSignIns {
  constructor(
    private readonly db: Database,
    private readonly laCode: string,
  ) {}

  async create(tokenHash: Buffer, pending: PendingSignIn, now: Date): Promise<void> {
    // Expired rows are cleared as new ones come: the table holds ten minutes of sign-ins at most.
    await this.db.pool.query('DELETE FROM oidc_pending_sign_in WHERE la_code = $1 AND expires_at <= $2', [this.laCode, now]);
    await this.db.pool.query(
      `INSERT INTO oidc_pending_sign_in (la_code, token_hash, state, nonce, code_verifier, return_to, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [this.laCode, tokenHash, pending.state, pending.nonce, pending.codeVerifier, pending.returnTo, now, new Date(now.getTime() + PENDING_MINUTES * 60_000)],
    );
  }

  /** Takes a pending sign-in out, so that it cannot be used twice; undefined when there is none or it has expired. */
  async take(tokenHash: Buffer, now: Date): Promise<PendingSignIn | undefined> {
    const result = await this.db.pool.query(
      'DELETE FROM oidc_pending_sign_in WHERE la_code = $1 AND token_hash = $2 RETURNING state, nonce, code_verifier, return_to, expires_at',
      [this.laCode, tokenHash],
    );
    const row = result.rows[0];
    if (!row || (row.expires_at as Date) <= now) return undefined;
    return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to };
  }
}

type RequestFacts = { remoteAddress?: string; correlationId: string };

/** The flow itself, free of HTTP: start gives the provider's address, finish proves who came back. */
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    private readonly settings: OidcSettings,
    private readonly accounts: AccountRepository,
    private readonly pending: PendingOidcSignIns,
    private readonly signIn: SignInService,
    private readonly log: (message: string) => void = () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The provider's metadata, read once on first use (not at start-up, so the service starts while the provider is down). */
  private discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    const insecure = new URL(issuer).protocol === 'http:'; // config allows http only for localhost
    this.configuration ??= client
      .discovery(new URL(issuer), clientId, undefined, client.ClientSecretBasic(clientSecret), insecure ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        this.configuration = undefined; // try again on the next sign-in
        throw error;
      });
    return this.configuration;
  }

  async start(returnTo: string): Promise<{ token: string; authorizationUrl: string }> {
    if (!isLocalPath(returnTo)) throw DomainError.invalidField('returnTo', 'Give a page of this service, starting with /');
    const configuration = await this.discover();
    const pending = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier(), returnTo };
    const token = randomBytes(32).toString('base64url');
    await this.pending.create(hashOf(token), pending, this.now());
    const authorizationUrl = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { token, authorizationUrl: authorizationUrl.href };
  }

  /** Finishes a sign-in from the provider's answer (the callback's query string); every refusal is audited. */
  async finish(token: string | undefined, callbackQuery: string, request: RequestFacts): Promise<SignInResult & { returnTo: string }> {
    const pending = token && /^[A-Za-z0-9_-]{43}$/.test(token) ? await this.pending.take(hashOf(token), this.now()) : undefined;
    if (!pending) {
      await this.refuse('no pending sign-in for this browser', request);
      throw new DomainError('unauthenticated', 'This sign-in was not started in this browser, was already used, or took more than 10 minutes: start again');
    }
    let claims: client.IDToken | undefined;
    try {
      // The configured address, not the Host header: behind the council's proxy they differ.
      const currentUrl = new URL(this.settings.redirectUri);
      currentUrl.search = callbackQuery;
      const tokens = await client.authorizationCodeGrant(await this.discover(), currentUrl, {
        pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      await this.refuse(error instanceof Error ? error.message : String(error), request);
      throw new DomainError('unauthenticated', 'The council\'s identity provider did not confirm who you are: start signing in again');
    }
    if (!claims) {
      await this.refuse('no ID token', request);
      throw new DomainError('unauthenticated', 'The council\'s identity provider did not confirm who you are: start signing in again');
    }
    const account = await this.accounts.findAccountByOidcSubject(claims.sub);
    if (!account) {
      await this.accounts.recordAttempt({ username: `oidc:${claims.sub}`, outcome: 'unknown-user', ...request, at: this.now() });
      throw new DomainError('forbidden', 'You are signed in to the council, but no Safeguard account is linked to you: ask your administrator to link one');
    }
    const methods: unknown[] = Array.isArray(claims.amr) ? claims.amr : [];
    const secondFactorProven = methods.some((method) => typeof method === 'string' && SECOND_FACTOR_METHODS.has(method));
    const result = await this.signIn.startSession(account, account.username, request, { secondFactorProven });
    return { ...result, returnTo: pending.returnTo };
  }

  private async refuse(reason: string, request: RequestFacts): Promise<void> {
    this.log(`Single sign-on refused (${request.correlationId}): ${reason}`);
    await this.accounts.recordAttempt({ username: 'oidc:unproven', outcome: 'identity-not-proven', ...request, at: this.now() });
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

const NOT_SET_UP = 'Single sign-on is not set up for this service: sign in with your username and password';
const Redirect = z.object({ location: z.string().describe('Where the browser is sent (also in the Location header)') });

/**
 * The single sign-on routes. They always exist, so the API description is the same everywhere;
 * without SAFEGUARD_OIDC_ISSUER they answer 404.
 */
export function installOidcSignIn(
  app: FastifyInstance,
  options: { laCode: string; db: Database; signIn: SignInService; settings: OidcSettings | undefined },
): AnyRoute[] {
  const { laCode, settings } = options;
  const flow = settings
    ? new OidcSignIn(settings, new AccountRepository(options.db, laCode), new PendingOidcSignIns(options.db, laCode), options.signIn, (message) => app.log.warn(message))
    : undefined;
  const secure = settings?.redirectUri.startsWith('https:') ? '; Secure' : '';
  const answers = new WeakMap<FastifyRequest, { location?: string; cookie?: string }>();
  const answer = (request: FastifyRequest, part: { location?: string; cookie?: string }) => answers.set(request, { ...answers.get(request), ...part });

  app.addHook('onSend', async (request, reply) => {
    const extra = answers.get(request);
    if (extra?.location) reply.header('location', extra.location);
    if (extra?.cookie) reply.header('set-cookie', extra.cookie);
  });

  const remote = (request: FastifyRequest) => ({ remoteAddress: request.ip, correlationId: String(request.id) });
  const routes: AnyRoute[] = [
    defineRoute({
      method: 'GET', url: '/api/v1/sign-in/oidc', summary: 'Sign in with the council\'s identity provider: redirects there', tags: ['sign-in'],
      query: z.object({ returnTo: z.string().optional().describe('The page to come back to: a path of this service, starting with /') }),
      response: Redirect, status: 302,
      handler: async ({ query, request }) => {
        if (!flow) throw DomainError.notFound(NOT_SET_UP);
        const { token, authorizationUrl } = await flow.start(query.returnTo ?? '/');
        answer(request, { location: authorizationUrl, cookie: `${OIDC_COOKIE}=${token}; Max-Age=${PENDING_MINUTES * 60}; Path=/api/v1/sign-in/oidc; HttpOnly; SameSite=Lax${secure}` });
        return { status: 302, body: { location: authorizationUrl } };
      },
    }),
    defineRoute({
      method: 'GET', url: OIDC_CALLBACK_PATH, summary: 'Where the council\'s identity provider sends you back: signs you in and redirects to your page', tags: ['sign-in'],
      query: z.object({
        code: z.string().optional(), state: z.string().optional(), iss: z.string().optional(), error: z.string().optional(), error_description: z.string().optional(),
      }),
      response: Redirect, status: 302,
      handler: async ({ request }) => {
        if (!flow) throw DomainError.notFound(NOT_SET_UP);
        // The pending sign-in is used up whatever happens next.
        answer(request, { cookie: `${OIDC_COOKIE}=; Max-Age=0; Path=/api/v1/sign-in/oidc; HttpOnly; SameSite=Lax${secure}` });
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const { session, returnTo } = await flow.finish(cookieValue(request.headers.cookie, OIDC_COOKIE), query, remote(request));
        await endPreviousSession(request, options.signIn);
        setSessionCookie(request, session.token, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000));
        answer(request, { location: returnTo });
        return { status: 302, body: { location: returnTo } };
      },
    }),
  ];
  // Like the other sign-in routes these run before anyone is signed in: their context names no one.
  registerRoutes(app, routes, (request) => ({ laCode, actor: { userId: 'anonymous', role: 'none', agency: 'none' }, correlationId: String(request.id) }));
  return routes;
}
