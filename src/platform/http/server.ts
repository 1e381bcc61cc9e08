import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as codes from '../../codes/statutory-codes.ts';
import { analyticsRoutes } from '../../analytics/routes.ts';
import { dutyRoutes } from '../../duties/routes.ts';
import { workforceRoutes } from '../../modules/people/routes.ts';
import { childRecordRoutes } from '../../record/routes.ts';
import { reportRoutes } from '../../reports/routes.ts';
import { actorOf, installDevSignIn, signedInWorkerOf } from '../../web/server/dev-sign-in.ts';
import { installWebApp } from '../../web/server/web-app.ts';
import { installErrorMapping } from './error-mapping.ts';
import { openApiDocument } from './openapi.ts';
import { defineRoute, registerRoutes, type AnyRoute } from './route.ts';
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
 * The HTTP application. Order is fixed and readable: request ids, error mapping, parsing, then
 * routes. Sign-in and authorisation slot in before the routes when they arrive.
 */
export function createApp(services: AppServices, options: { logger?: boolean } = {}): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
  });
  installErrorMapping(app);
  installDevSignIn(app, { db: services.db, laCode: services.config.laCode, enabled: services.config.devSignIn });
  const routes: AnyRoute[] = [];
  routes.push(...platformRoutes(services, () => routes), ...childRecordRoutes(services), ...dutyRoutes(services), ...workforceRoutes(services));
  routes.push(...analyticsRoutes(services));
  routes.push(...reportRoutes(services));
  registerRoutes(app, routes, (request) => {
    // The one place a request's actor is decided: the signed-in worker, else the configured actor.
    const worker = signedInWorkerOf(request);
    return { laCode: services.config.laCode, actor: worker ? actorOf(worker) : services.config.developmentActor, correlationId: String(request.id) };
  });
  installWebApp(app);
  return app;
}
