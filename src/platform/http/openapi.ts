import { z } from 'zod';
import type { AnyRoute } from './route.ts';
import { ErrorResponse } from './error-mapping.ts';

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

/** The OpenAPI 3 document, generated from the same route declarations that validate requests. */
export function openApiDocument(routes: AnyRoute[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: route.tags,
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
      responses: {
        [String(route.status ?? 200)]: {
          description: 'Success',
          content: Object.fromEntries([route.contentType ?? 'application/json'].flat().map((type) => [type, { schema: toSchema(route.response, 'output') }])),
        },
        '4XX': { description: 'Refused: each bad field is named', content: { 'application/json': { schema: toSchema(ErrorResponse, 'output') } } },
      },
    };
    if (route.body) operation.requestBody = { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } };
    (paths[route.url] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Safeguard API', version, description: 'The child\'s record as an event log, with live statutory timescales.' },
    paths,
  };
}
