import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/database/database.ts';
import { DomainError, problemsFromIssues } from '../../platform/errors.ts';
import { isApiRoute } from '../../platform/http/security.ts';
import type { Actor } from '../../platform/request-context.ts';
import { permissionsFor } from '../../access/routes.ts';

/**
 * Development sign-in: until real authentication arrives, a person trying Safeguard chooses one of
 * the simulated workers and every request then runs as that worker. The choice is an http-only,
 * SameSite=Strict cookie holding the worker id; the worker is looked up on every request, so a
 * cookie naming an unknown worker counts for nothing.
 */
export const signInCookie = 'safeguard-dev-worker';

export interface SignedInWorker {
  workerId: string;
  name: string;
  role: string;
  agency: string;
  teamId: string;
  teamName: string | null;
}

const signedIn = new WeakMap<FastifyRequest, SignedInWorker>();

/** The worker a request runs as, when someone has signed in; otherwise the configured actor applies. */
export function signedInWorkerOf(request: FastifyRequest): SignedInWorker | undefined {
  return signedIn.get(request);
}

export function actorOf(worker: SignedInWorker): Actor {
  return { userId: worker.workerId, role: worker.role, agency: worker.agency };
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

async function findWorker(db: Database, laCode: string, workerId: string): Promise<SignedInWorker | undefined> {
  const result = await db.pool.query(
    `SELECT w.worker_id, w.name, w.role, w.agency, w.team_id, t.name AS team_name
       FROM worker w LEFT JOIN team t ON t.la_code = w.la_code AND t.team_id = w.team_id
      WHERE w.la_code = $1 AND w.worker_id = $2`,
    [laCode, workerId],
  );
  const row = result.rows[0];
  return row ? { workerId: row.worker_id, name: row.name, role: row.role, agency: row.agency, teamId: row.team_id, teamName: row.team_name } : undefined;
}

const SignInBody = z.object({ workerId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'Choose a worker') });

export function installDevSignIn(app: FastifyInstance, options: { db: Database; laCode: string; enabled: boolean }): void {
  const { db, laCode, enabled } = options;
  if (enabled) {
    app.addHook('onRequest', async (request) => {
      if (!isApiRoute(request)) return;
      const workerId = cookieValue(request.headers.cookie, signInCookie);
      if (!workerId || !/^[A-Za-z0-9-]{1,40}$/.test(workerId)) return;
      const worker = await findWorker(db, laCode, workerId);
      if (worker) signedIn.set(request, worker);
    });
  }

  // The worker's permissions come from the same role data as a signed-in account's, so the web app offers only what they can do.
  const withPermissions = (worker: SignedInWorker) => ({ ...worker, permissions: permissionsFor({ ...actorOf(worker), workerId: worker.workerId, teamId: worker.teamId }) });

  app.get('/api/v1/dev/session', async (request) => {
    const worker = signedInWorkerOf(request);
    return { devSignIn: enabled, worker: worker ? withPermissions(worker) : null };
  });

  app.post('/api/v1/dev/sign-in', async (request, reply) => {
    if (!enabled) throw DomainError.notFound('Development sign-in is switched off');
    const parsed = SignInBody.safeParse(request.body);
    if (!parsed.success) throw DomainError.invalid(problemsFromIssues(parsed.error.issues));
    const worker = await findWorker(db, laCode, parsed.data.workerId);
    if (!worker) throw DomainError.invalidField('workerId', `No worker with id ${parsed.data.workerId}`);
    reply.header('set-cookie', `${signInCookie}=${encodeURIComponent(worker.workerId)}; Path=/; HttpOnly; SameSite=Strict`);
    return { devSignIn: true, worker: withPermissions(worker) };
  });

  app.post('/api/v1/dev/sign-out', async (_request, reply) => {
    reply.header('set-cookie', `${signInCookie}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
    return { devSignIn: enabled, worker: null };
  });
}
