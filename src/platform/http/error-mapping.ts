import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError, type DomainErrorCode } from '../errors.ts';

/** The one place a domain error becomes an HTTP status. */
export const httpStatusOf: Record<DomainErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  busy: 429,
};

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    problems: z.array(z.object({ field: z.string(), message: z.string() })),
    status: z.string().optional().describe('For a refused action: the child\'s status when it was refused'),
    allowedActions: z.array(z.string()).optional().describe('For a refused action: what may be recorded instead'),
  }).catchall(z.unknown()),
});

export function installErrorMapping(app: FastifyInstance): void {
  // Server errors already logged with their cause, so the answer's own log line is not written twice.
  const logged = new WeakSet<object>();
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      if (typeof error.details.retryAfterSeconds === 'number') reply.header('retry-after', String(error.details.retryAfterSeconds));
      return reply.status(httpStatusOf[error.code]).send({
        error: { code: error.code, message: error.message, problems: error.problems, ...error.details },
      });
    }
    // Fastify's own client errors (malformed JSON, wrong content type, too large) stay 4xx.
    const status = (error as FastifyError).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.status(status).send({
        error: { code: 'invalid', message: error.message, problems: [{ field: '(body)', message: error.message }] },
      });
    }
    // The reference the caller is given is the request id: the log line carries both.
    request.log.error({ reference: request.id, method: request.method, route: request.routeOptions.url ?? null, status: 500, err: error }, 'server error');
    logged.add(request);
    // Never a stack trace or SQL to the caller; the correlation id finds the log line.
    return reply.status(500).send({
      error: { code: 'internal', message: `Something went wrong. Quote reference ${request.id} if you report it.`, problems: [] },
    });
  });
  // Every other 5xx (one a handler chose to send) is logged too, with the same reference.
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode >= 500 && !logged.has(request)) {
      request.log.error({ reference: request.id, method: request.method, route: request.routeOptions.url ?? null, status: reply.statusCode }, 'server error answer');
    }
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url}`, problems: [] } }),
  );
}
