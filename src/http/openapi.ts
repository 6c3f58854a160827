/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and responses.
 */
import { z } from 'zod';
import type { RouteDef } from '../platform/route.ts';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = schemaOf(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
  }));
}

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        reason: {
          type: 'string',
          description:
            'The precise reason where `code` is broader, e.g. STALE_VERSION or DUPLICATE for a 409',
        },
        message: { type: 'string', description: 'In the user’s language (bokmål or English)' },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

export function buildOpenApi(routes: readonly RouteDef[]): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: route.tags,
      'x-access':
        route.access.kind === 'roles'
          ? { roles: route.access.roles }
          : route.access.kind === 'user'
            ? 'logged-in user'
            : 'public',
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
      responses: {
        [String(route.status)]:
          route.response === 'binary'
            ? { description: 'File', content: { 'application/octet-stream': {} } }
            : {
                description: 'OK',
                content: { 'application/json': { schema: schemaOf(route.response, 'output') } },
              },
        default: { description: 'Error', content: { 'application/json': { schema: errorSchema } } },
      },
    };
    if (route.body === 'multipart') {
      operation.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
          },
        },
      };
    } else if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
      };
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Nærvær API',
      version: '1',
      description:
        'Sykefraværsoppfølging og systematisk HMS-arbeid. State-changing requests need the header x-csrf-token (from GET /api/v1/session).',
    },
    servers: [{ url: '/' }],
    paths,
  };
}
