import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, problemsFromIssues, type FieldProblem } from '../errors.ts';
import type { RequestContext } from '../request-context.ts';

/**
 * A route declares its input and output with zod: the same schemas validate requests and
 * generate the OpenAPI document, so the two cannot drift apart.
 */
export interface RouteDefinition<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: 'GET' | 'POST';
  url: string;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Status for a successful answer (201 for creation); the handler may override per call. */
  status?: number;
  handler: (
    input: { params: z.output<P>; query: z.output<Q>; body: z.output<B>; context: RequestContext; request: FastifyRequest },
  ) => Promise<z.input<R> | { status: number; body: z.input<R>; contentType?: string; headers?: Record<string, string> }>;
  /**
   * Non-JSON answers (HTML, CSV) set their own content type. A route that answers in more than one
   * (a report as HTML or PDF) lists them, the first the default, and its handler names the one it
   * used: `{ status, body, contentType }`.
   */
  contentType?: string | readonly string[];
  /**
   * The largest request body it takes, in bytes, where it is not the application's (1 MB): a
   * document's upload. A route reading its body as a stream (multipart) limits that stream itself.
   */
  bodyLimit?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDefinition<any, any, any, any>;

export const defineRoute = <P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined, R extends z.ZodType = z.ZodType>(
  route: RouteDefinition<P, Q, B, R>,
) => route as AnyRoute;

/** A lone half of a UTF-16 surrogate pair: no character at all, and PostgreSQL refuses to store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Every string in a request's params, query or body (names of fields too) that holds a NUL or a
 * lone surrogate: PostgreSQL cannot store either in text or JSON, so such input is refused here,
 * naming the field, before any schema or query sees it.
 */
function unstorableTextProblems(value: unknown, path: string[], problems: FieldProblem[]): FieldProblem[] {
  const field = () => path.join('.') || '(body)';
  const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);
  if (typeof value === 'string') {
    if (unstorable(value)) problems.push({ field: field(), message: 'Text cannot contain a NUL character or half of a character pair' });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unstorableTextProblems(item, [...path, String(index)], problems));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (unstorable(key)) problems.push({ field: field(), message: 'A field name cannot contain a NUL character or half of a character pair' });
      else unstorableTextProblems(item, [...path, key], problems);
    }
  }
  return problems;
}

function parsePart<S extends z.ZodType>(schema: S | undefined, value: unknown, part: string): unknown {
  if (!schema) return undefined;
  const unstorable = unstorableTextProblems(value, part === 'body' ? [] : [part], []);
  if (unstorable.length > 0) throw DomainError.invalid(unstorable);
  const result = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (!result.success) throw DomainError.invalid(problemsFromIssues(result.error.issues, part === 'body' ? '' : part));
  return result.data;
}

export function registerRoutes(app: FastifyInstance, routes: AnyRoute[], contextOf: (request: FastifyRequest) => RequestContext): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url.replace(/\{(\w+)\}/g, ':$1'),
      ...(route.bodyLimit === undefined ? {} : { bodyLimit: route.bodyLimit }),
      handler: async (request, reply) => {
        // Who is asking comes first: someone not signed in learns nothing, not even what input is wrong.
        const context = contextOf(request);
        const params = parsePart(route.params, request.params, 'params');
        const query = parsePart(route.query, request.query, 'query');
        const body = parsePart(route.body, request.body, 'body');
        const answer = await route.handler({ params, query, body, context, request });
        const isWrapped = typeof answer === 'object' && answer !== null && 'status' in answer && 'body' in answer
          && Object.keys(answer).every((key) => key === 'status' || key === 'body' || key === 'contentType' || key === 'headers');
        const status = isWrapped ? (answer as { status: number }).status : (route.status ?? 200);
        const payload = isWrapped ? (answer as { body: unknown }).body : answer;
        const contentType = (isWrapped ? (answer as { contentType?: string }).contentType : undefined) ?? [route.contentType ?? []].flat()[0];
        if (contentType) reply.type(contentType);
        if (isWrapped && (answer as { headers?: Record<string, string> }).headers) reply.headers((answer as { headers: Record<string, string> }).headers);
        return reply.status(status).send(payload);
      },
    });
  }
}
