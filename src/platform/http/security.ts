/**
 * Security defaults for every answer, in one place: headers that keep answers out of caches,
 * frames and content sniffing, and rate limits on sign-in and on the API as a whole.
 *
 * Hooks decide by the route the router matched (`routeOf`), never by the raw request line: the
 * router decodes `%73ign-in` to `sign-in` and `%61pi` to `api`, so a hook reading `request.url`
 * would let an encoded path reach a handler without its rate limit, headers or CSRF check.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const apiHeaders = {
  // Answers hold children's personal data: no shared or browser cache keeps them.
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

/** Reports are self-contained documents: their own inline styles and images, still no script. */
const reportHeaders = {
  ...apiHeaders,
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
};

/**
 * The route template the router matched for this request (e.g. `/api/v1/children/:childId`), or
 * undefined when no route matched (the answer is then the 404). However the path was spelt, this
 * is what the handler that answers it sees.
 */
export function routeOf(request: FastifyRequest): string | undefined {
  return request.routeOptions.url;
}

/** Whether a request reached one of the API's routes (the web app's catch-all route is not one). */
export const isApiRoute = (request: FastifyRequest): boolean => routeOf(request)?.startsWith('/api/') ?? false;

export interface RateLimits {
  /** Sign-in attempts per client address per minute (on top of each account's lockout). */
  signInPerMinute: number;
  /** API requests per minute per signed-in user, or per client address for requests without a session. */
  apiPerMinute: number;
}

/** Requests per key in the current minute; the whole window resets each minute, so memory stays small. */
class FixedWindowCounter {
  private counts = new Map<string, number>();
  private windowStart = Date.now();
  hit(key: string, now = Date.now()): number {
    if (now - this.windowStart >= 60_000) {
      this.counts = new Map();
      this.windowStart = now;
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count;
  }
  secondsLeft(now = Date.now()): number {
    return Math.max(1, Math.ceil((this.windowStart + 60_000 - now) / 1000));
  }
}

function refuse(reply: FastifyReply, counter: FixedWindowCounter, message: string) {
  return reply.status(429).header('retry-after', String(counter.secondsLeft())).send({ error: { code: 'rate_limited', message, problems: [] } });
}

export function installSecurityDefaults(app: FastifyInstance, limits: RateLimits): void {
  const signIns = new FixedWindowCounter();
  const requests = new FixedWindowCounter();
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = routeOf(request);
    // Every answer starts with the strict headers, a 404 included; the web app's pages and files
    // replace the few that must differ for a browser page (its own content security policy, caching).
    reply.headers(route?.startsWith('/api/v1/reports/') ? reportHeaders : apiHeaders);
    if (route === '/*') return; // the web app's files and pages: no session, no data
    if (request.method === 'POST' && route?.startsWith('/api/v1/sign-in') && signIns.hit(request.ip) > limits.signInPerMinute) {
      return refuse(reply, signIns, 'Too many sign-in attempts from here: wait a minute and try again');
    }
    // Per user where there is a session (a council's staff may all reach us through one proxy address).
    const session = /safeguard_session=([A-Za-z0-9_-]+)/.exec(request.headers.cookie ?? '')?.[1];
    if (requests.hit(session ? `session:${session}` : `address:${request.ip}`) > limits.apiPerMinute) {
      return refuse(reply, requests, 'Too many requests: wait a minute and try again');
    }
    return undefined;
  });
}
