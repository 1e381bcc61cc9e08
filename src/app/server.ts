import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as codes from '../codes/statutory-codes.ts';
import { analyticsRoutes } from '../analytics/routes.ts';
import { dutyRoutes } from '../duties/routes.ts';
import multipart from '@fastify/multipart';
import { documentRoutes } from '../modules/documents/routes.ts';
import { managementOversightRoutes } from '../modules/management-oversight/routes.ts';
import { peopleRoutes } from '../modules/people/routes.ts';
import { caseNoteRoutes } from '../modules/case-notes/routes.ts';
import { carePlanningRoutes } from '../modules/care-planning/routes.ts';
import { familyNetworkRoutes } from '../modules/family-network/routes.ts';
import { supervisionRoutes } from '../modules/supervision/routes.ts';
import { taskRoutes } from '../modules/tasks/routes.ts';
import { identityRoutes } from '../modules/identity/routes.ts';
import { childRecordRoutes } from '../record/routes.ts';
import { reportRoutes } from '../reports/routes.ts';
import { returnsRoutes } from '../modules/returns/routes.ts';
import { installSignIn, restrictedRecordRoutes, sessionOf } from '../access/routes.ts';
import { accessGrantFor } from '../access/policy.ts';
import { installOidcSignIn } from '../access/oidc.ts';
import { auditRoutes } from '../access/audit-routes.ts';
import { DomainError } from '../platform/errors.ts';
import { installSecurityDefaults } from '../platform/http/security.ts';
import { actorOf, installDevSignIn, signedInWorkerOf } from '../web/server/dev-sign-in.ts';
import { installWebApp } from '../web/server/web-app.ts';
import { installErrorMapping } from '../platform/http/error-mapping.ts';
import { openApiDocument } from '../platform/http/openapi.ts';
import { defineRoute, registerRoutes, type AnyRoute } from '../platform/http/route.ts';
import type { AppServices } from './services.ts';

export const apiVersion = '1.0.0';

function platformRoutes(services: AppServices, allRoutes: () => AnyRoute[]) {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/health', summary: 'Is the service up and its database reachable', tags: ['platform'],
      response: z.object({ status: z.enum(['ok']), database: z.string(), version: z.string() }),
      handler: async () => {
        await services.db.pool.query('SELECT 1');
        return { status: 'ok' as const, database: services.db.kind, version: apiVersion };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/openapi.json', summary: 'This API described as OpenAPI 3', tags: ['platform'],
      response: z.record(z.string(), z.unknown()),
      handler: async () => openApiDocument(allRoutes(), apiVersion),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/code-lists', summary: 'The DfE and local code lists used in recording', tags: ['platform'],
      response: z.record(z.string(), z.record(z.string(), z.unknown())),
      handler: async () => ({
        ethnicity: codes.ethnicityCodes, disability: codes.disabilityCodes, sex: codes.sexCodes, referralSource: codes.referralSourceCodes,
        localContactSource: codes.localContactSources, contactReason: codes.contactReasonCodes, primaryNeed: codes.primaryNeedCodes,
        reasonForClosure: codes.reasonForClosureCodes, categoryOfAbuse: codes.categoryOfAbuseCodes, assessmentFactor: codes.assessmentFactorCodes,
        upnUnknown: codes.upnUnknownCodes,
      }),
    }),
  ];
}

/**
 * The HTTP application. Order is fixed and readable: request ids, error mapping, security headers
 * and rate limits, sign-in (session, CSRF), the public routes, then every other route, each run as
 * the one actor decided in contextOf.
 */
export interface AppOptions {
  /** Log every request (info); without it only server errors are logged, which is always done. */
  logger?: boolean;
  /** Where log lines go, one JSON object a line (Fastify's pino logger): standard error unless given. */
  logStream?: { write(line: string): unknown };
}

export function createApp(services: AppServices, options: AppOptions = {}): FastifyInstance {
  const app = Fastify({
    // Never off: a server error's log line, with the reference its answer quotes, is how it is found.
    logger: { level: options.logger ? 'info' : 'error', stream: options.logStream ?? process.stderr },
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
  });
  const { config } = services;
  installErrorMapping(app);
  // multipart/form-data for document uploads; each route reading it sets its own limits.
  void app.register(multipart);
  installSecurityDefaults(app, config.rateLimits);
  const signInRoutes = installSignIn(app, { laCode: config.laCode, signIn: services.signIn, singleSignOn: config.oidc !== undefined, devSignIn: config.devSignIn });
  signInRoutes.push(...installOidcSignIn(app, { laCode: config.laCode, db: services.db, signIn: services.signIn, settings: config.oidc }));
  installDevSignIn(app, { db: services.db, laCode: config.laCode, enabled: config.devSignIn });

  const publicRoutes = platformRoutes(services, () => [...publicRoutes, ...signInRoutes, ...routes]);
  registerRoutes(app, publicRoutes, (request) => ({ laCode: config.laCode, actor: { userId: 'anonymous', role: 'none', agency: 'none' }, correlationId: String(request.id) }));

  const routes: AnyRoute[] = [];
  routes.push(...peopleRoutes(services), ...childRecordRoutes(services), ...dutyRoutes(services));
  routes.push(...taskRoutes(services), ...supervisionRoutes(services));
  routes.push(...identityRoutes(services));
  routes.push(...analyticsRoutes(services));
  routes.push(...reportRoutes(services));
  routes.push(...documentRoutes({ ...services, documentMaxMegabytes: config.documentMaxMegabytes }));
  routes.push(...familyNetworkRoutes(services));
  routes.push(...auditRoutes(services), ...restrictedRecordRoutes(services));
  routes.push(...caseNoteRoutes(services));
  routes.push(...managementOversightRoutes(services));
  routes.push(...carePlanningRoutes(services));
  routes.push(...returnsRoutes(services));
  registerRoutes(app, routes, (request) => {
    // The one place a request's actor is decided: the signed-in user; else, where development
    // sign-in is on, the worker chosen there or the configured development actor; else no one.
    const session = sessionOf(request);
    const correlationId = String(request.id);
    if (session) {
      const { account } = session;
      return { laCode: config.laCode, actor: session.actor, correlationId, access: accessGrantFor({ ...session.actor, workerId: account.workerId, teamId: account.teamId }, config.partnerSharingDays) };
    }
    if (config.devSignIn) {
      const worker = signedInWorkerOf(request);
      // The configured development actor, with no one signed in, sees the whole council: it is the
      // embedded demonstration's operator. A worker chosen at development sign-in sees their scope.
      if (!worker) return { laCode: config.laCode, actor: config.developmentActor, correlationId };
      return { laCode: config.laCode, actor: actorOf(worker), correlationId, access: accessGrantFor({ ...actorOf(worker), workerId: worker.workerId, teamId: worker.teamId }, config.partnerSharingDays) };
    }
    throw new DomainError('unauthenticated', 'Sign in to use Safeguard');
  });
  installWebApp(app);
  return app;
}
