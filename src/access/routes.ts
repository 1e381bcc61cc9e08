/**
 * Sign-in over HTTP: the session cookie, CSRF protection and the sign-in routes.
 *
 * The session token travels only in an http-only, SameSite=Strict cookie. Every request that
 * changes something and carries that cookie must also send the session's CSRF token in the
 * `x-csrf-token` header (the web app reads it from GET /api/v1/session), so another site cannot
 * make a signed-in browser write.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../platform/errors.ts';
import { defineRoute, registerRoutes, type AnyRoute } from '../platform/http/route.ts';
import { isApiRoute, routeOf } from '../platform/http/security.ts';
import type { ActiveSession, SignInService } from './sign-in.ts';
import { roleDefinitionOf } from './roles.ts';
import { accessGrantFor, permissionsOf } from './policy.ts';
import { SessionOut } from './session-read-model.ts';
import type { Database } from '../platform/database/database.ts';
import { LaChildId } from '../platform/schema-helpers.ts';
import { RestrictedRecords } from './restricted-records.ts';

export const SESSION_COOKIE = 'safeguard_session';
const CSRF_HEADER = 'x-csrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that work without a complete sign-in. */
const OPEN_ROUTES = new Set(['/api/v1/sign-in', '/api/v1/sign-in/second-factor', '/api/v1/sign-out', '/api/v1/session']);

const sessions = new WeakMap<FastifyRequest, ActiveSession>();
const cookiesToSet = new WeakMap<FastifyRequest, string[]>();

/** The signed-in session of a request (second factor done), if any. */
export function sessionOf(request: FastifyRequest): ActiveSession | undefined {
  const session = sessions.get(request);
  return session && !session.pendingSecondFactor ? session : undefined;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function setSessionCookie(request: FastifyRequest, token: string | undefined, maxAgeSeconds: number): void {
  // Secure when the request came over HTTPS (directly or through the council's proxy).
  const secure = request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
  const value = token === undefined ? `${SESSION_COOKIE}=; Max-Age=0` : `${SESSION_COOKIE}=${token}; Max-Age=${maxAgeSeconds}`;
  cookiesToSet.set(request, [...(cookiesToSet.get(request) ?? []), `${value}; Path=/; HttpOnly; SameSite=Strict${secure}`]);
}

/**
 * Signing in from a browser that still holds a session ends that session, whoever's it was: the
 * browser goes on with the new one only, and a token set in it beforehand is worth nothing.
 */
export async function endPreviousSession(request: FastifyRequest, signIn: SignInService): Promise<void> {
  const previous = cookieValue(request.headers.cookie, SESSION_COOKIE);
  if (previous) await signIn.endReplacedSession(previous);
}

/** The permissions of someone acting in a role (signed in, or chosen at development sign-in). */
export const permissionsFor = (person: Parameters<typeof accessGrantFor>[0]) => permissionsOf(accessGrantFor(person));

export function installSignIn(app: FastifyInstance, options: { laCode: string; signIn: SignInService; singleSignOn: boolean; devSignIn: boolean }): AnyRoute[] {
  const { signIn, laCode } = options;
  const sessionOut = (session: ActiveSession | undefined): SessionOut => {
    const settings = { singleSignOn: options.singleSignOn, devSignIn: options.devSignIn };
    if (!session) return { signedIn: false, pendingSecondFactor: false, user: null, csrfToken: null, expiresAt: null, ...settings };
    const { account } = session;
    // Until the second factor is in, the person may do nothing yet, and is told nothing of what they could.
    const permissions = session.pendingSecondFactor
      ? { scope: 'figures-only' as const, records: false, seesChildren: false, capabilities: [], figures: 'disclosure-controlled' as const }
      : permissionsFor({ ...session.actor, workerId: account.workerId, teamId: account.teamId });
    return {
      signedIn: !session.pendingSecondFactor,
      pendingSecondFactor: session.pendingSecondFactor,
      user: {
        userId: account.userId, displayName: account.displayName, role: account.role, roleTitle: roleDefinitionOf(account.role)?.title ?? account.role, agency: account.agency,
        teamId: account.teamId, workerId: account.workerId, permissions,
      },
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
      ...settings,
    };
  };

  app.addHook('onRequest', async (request) => {
    if (!isApiRoute(request)) return;
    const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (!token) return;
    const session = await signIn.resolve(token);
    if (session) sessions.set(request, session);
  });

  app.addHook('preHandler', async (request) => {
    const session = sessions.get(request);
    if (!session || !UNSAFE_METHODS.has(request.method)) return;
    // The route the router matched, however the path was spelt (see platform/http/security.ts).
    const path = routeOf(request);
    if (path === '/api/v1/sign-in') return;
    if (request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new DomainError('forbidden', 'This request did not come from a Safeguard page: reload the page and try again', {
        problems: [{ field: CSRF_HEADER, message: 'Missing or wrong CSRF token' }],
      });
    }
    if (session.pendingSecondFactor && (path === undefined || !OPEN_ROUTES.has(path))) throw new DomainError('unauthenticated', 'Enter your one-time code to finish signing in');
  });

  app.addHook('onSend', async (request, reply) => {
    const cookies = cookiesToSet.get(request);
    if (cookies) reply.header('set-cookie', cookies);
  });

  const remote = (request: FastifyRequest) => ({ remoteAddress: request.ip, correlationId: String(request.id) });
  const routes: AnyRoute[] = [
    defineRoute({
      method: 'POST', url: '/api/v1/sign-in', summary: 'Sign in with a username and password', tags: ['sign-in'],
      body: z.object({ username: z.string().trim().min(1, 'Enter your username').max(100), password: z.string().min(1, 'Enter your password').max(256) }),
      response: SessionOut,
      handler: async ({ body, request }) => {
        const { session } = await signIn.signIn(body.username, body.password, remote(request));
        await endPreviousSession(request, signIn);
        setSessionCookie(request, session.token, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000));
        return sessionOut(session);
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/sign-in/second-factor', summary: 'Finish signing in with the one-time code', tags: ['sign-in'],
      body: z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app') }),
      response: SessionOut,
      handler: async ({ body, request }) => {
        const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
        if (!token) throw new DomainError('unauthenticated', 'Sign in first');
        const session = await signIn.verifySecondFactor(token, body.code, remote(request));
        setSessionCookie(request, session.token, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000));
        return sessionOut(session);
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/sign-out', summary: 'Sign out', tags: ['sign-in'], response: SessionOut,
      handler: async ({ request }) => {
        const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
        if (token) await signIn.signOut(token);
        setSessionCookie(request, undefined, 0);
        return sessionOut(undefined);
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/session', summary: 'Who is signed in, and the CSRF token for their requests', tags: ['sign-in'], response: SessionOut,
      handler: async ({ request }) => sessionOut(sessions.get(request)),
    }),
  ];
  // These routes run before anyone is signed in: their context names no one.
  registerRoutes(app, routes, (request) => ({ laCode, actor: { userId: 'anonymous', role: 'none', agency: 'none' }, correlationId: String(request.id) }));
  return routes;
}

const Reason = z.string().trim().min(10, 'Give your reason in a sentence').max(1000);

/** Restricted records, breaking the glass, and alerts: routes that run as the signed-in actor. */
export function restrictedRecordRoutes(services: { db: Database }): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/children/{childId}/restriction', summary: 'Restrict a record to the people named', tags: ['access'],
      params: z.object({ childId: LaChildId }),
      body: z.object({ reason: Reason, namedUserIds: z.array(z.string().min(1).max(60)).max(50).default([]) }),
      response: z.object({ childId: z.string(), restricted: z.literal(true) }),
      handler: async ({ params, body, context }) => {
        await new RestrictedRecords(services.db, context).restrict(params.childId, body.reason, body.namedUserIds);
        return { childId: params.childId, restricted: true as const };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/children/{childId}/break-glass', summary: 'Open a restricted record for a day, giving the reason; its owner is alerted', tags: ['access'],
      params: z.object({ childId: LaChildId }),
      body: z.object({ reason: Reason }),
      response: z.object({ childId: z.string(), expiresAt: z.string() }),
      handler: async ({ params, body, context }) => ({ childId: params.childId, ...(await new RestrictedRecords(services.db, context).breakGlass(params.childId, body.reason)) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/accounts', summary: 'The council\'s accounts, to name who keeps access to a restricted record', tags: ['access'],
      response: z.object({ accounts: z.array(z.object({ userId: z.string(), displayName: z.string(), role: z.string(), teamId: z.string().nullable() })) }),
      handler: async ({ context }) => ({ accounts: await new RestrictedRecords(services.db, context).findPeopleToName() }),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/alerts', summary: 'Alerts for me, e.g. someone broke the glass on a record I hold', tags: ['access'],
      response: z.object({ alerts: z.array(z.object({ alertId: z.string(), childId: z.string(), message: z.string(), raisedAt: z.string(), seenAt: z.string().nullable() })) }),
      handler: async ({ context }) => ({ alerts: await new RestrictedRecords(services.db, context).findMyAlerts() }),
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/alerts/{alertId}/seen', summary: 'Mark one of my alerts as seen', tags: ['access'],
      params: z.object({ alertId: z.string().uuid() }),
      response: z.object({ alertId: z.string(), seenAt: z.string() }),
      handler: async ({ params, context }) => ({ alertId: params.alertId, ...(await new RestrictedRecords(services.db, context).markAlertSeen(params.alertId)) }),
    }),
  ];
}
