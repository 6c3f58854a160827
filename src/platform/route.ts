/**
 * `defineRoute` — the one way to declare an API route. A route states who may call it
 * (`access`), validates params, query and body with zod, validates its own response with zod,
 * and appears in the OpenAPI document generated from the same schemas.
 *
 * Deny by default: the app refuses to start if a route under `/api` was registered without
 * going through here (see `app.ts`), and a route's access rule is checked before its handler.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Role } from '../domain/access/roles.ts';
import type { Actor, RequestContext } from './context.ts';
import { AppError } from './errors.ts';
import { parseOrThrow } from './validation.ts';

export type Access =
  /** Anyone, logged in or not (login, first-time setup, health). */
  | { kind: 'public' }
  /** Logged in; no organisation needs to be chosen (e.g. list my organisations). */
  | { kind: 'user' }
  /** Logged in and working in an organisation with at least one of these roles (the string `'any'` means: at least one role). */
  | { kind: 'roles'; roles: readonly Role[] | 'any' };

type RolesAccess = { kind: 'roles'; roles: readonly Role[] | 'any' };

export const access = {
  public: { kind: 'public' } as { kind: 'public' },
  user: { kind: 'user' } as { kind: 'user' },
  anyRole: { kind: 'roles', roles: 'any' } as RolesAccess,
  roles: (...roles: Role[]): RolesAccess => ({ kind: 'roles', roles }),
};

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type HandlerInput<P, Q, B> = { params: P; query: Q; body: B };

/** The context a handler gets; `actor` is non-null for `roles` routes. */
export type HandlerContext<A extends Access> = RequestContext & {
  actor: A extends { kind: 'roles' } ? Actor : Actor | null;
  request: FastifyRequest;
  reply: FastifyReply;
};

export type RouteDef = {
  method: HttpMethod;
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  params: z.ZodType | undefined;
  query: z.ZodType | undefined;
  /** A zod schema for a JSON body, or `'multipart'` for file uploads (the handler reads the parts). */
  body: z.ZodType | 'multipart' | undefined;
  response: z.ZodType | 'binary';
  status: number;
  handle: (ctx: RequestContext, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
};

const empty = z.object({}).strict();

export function defineRoute<
  A extends Access,
  P extends z.ZodType = typeof empty,
  Q extends z.ZodType = typeof empty,
  B extends z.ZodType | 'multipart' | undefined = undefined,
  R extends z.ZodType | 'binary' = z.ZodType,
>(def: {
  method: HttpMethod;
  url: string;
  summary: string;
  tags: string[];
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: number;
  handler: (
    input: HandlerInput<
      z.output<P>,
      z.output<Q>,
      B extends z.ZodType ? z.output<B> : B extends 'multipart' ? FastifyRequest : undefined
    >,
    ctx: HandlerContext<A>,
  ) => Promise<R extends z.ZodType ? z.input<R> : Buffer | string>;
}): RouteDef {
  const paramsSchema = def.params ?? empty;
  const querySchema = def.query ?? empty;
  /**
   * Frozen answers (a read cache's values) already checked and serialized by this route: a cache
   * hit skips the schema check and JSON.stringify. Weak: gone with the cache entry.
   */
  const serialized = new WeakMap<object, string>();
  return {
    method: def.method,
    url: def.url,
    summary: def.summary,
    tags: def.tags,
    access: def.access,
    params: def.params,
    query: def.query,
    body: def.body,
    response: def.response,
    status: def.status ?? 200,
    async handle(ctx, request, reply) {
      const actor = authorize(def.access, ctx);
      const params = parseOrThrow(paramsSchema, request.params ?? {}, 'params');
      const query = parseOrThrow(querySchema, request.query ?? {}, 'query');
      let body: unknown;
      if (def.body === 'multipart') {
        if (!request.isMultipart()) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
            nb: 'Forventet en filopplasting (multipart/form-data).',
            en: 'Expected a file upload (multipart/form-data).',
          });
        }
        body = request;
      } else if (def.body !== undefined) {
        body = parseOrThrow(def.body, request.body ?? undefined);
      }
      const handlerCtx = { ...ctx, actor, request, reply } as HandlerContext<A>;
      const result = await def.handler(
        { params, query, body } as HandlerInput<
          z.output<P>,
          z.output<Q>,
          B extends z.ZodType ? z.output<B> : B extends 'multipart' ? FastifyRequest : undefined
        >,
        handlerCtx,
      );
      if (def.response === 'binary') return result;
      const frozen = typeof result === 'object' && result !== null && Object.isFrozen(result);
      if (frozen) {
        const json = serialized.get(result);
        if (json !== undefined) {
          reply.type('application/json; charset=utf-8');
          return json;
        }
      }
      const checked = def.response.safeParse(result);
      if (!checked.success) {
        request.log.error(
          { issues: checked.error.issues.slice(0, 5), url: def.url },
          'response failed its schema',
        );
        throw new AppError('INTERNAL', {
          nb: 'Noe gikk galt hos oss. Prøv igjen senere.',
          en: 'Something went wrong on our side. Please try again later.',
        });
      }
      if (frozen) {
        const json = JSON.stringify(checked.data);
        serialized.set(result, json);
        reply.type('application/json; charset=utf-8');
        return json;
      }
      return checked.data;
    },
  };
}

/** Checks the route's access rule; returns the actor (or null for public/user routes). */
function authorize(rule: Access, ctx: RequestContext): Actor | null {
  if (rule.kind === 'public') return ctx.actor;
  if (ctx.session === null) {
    throw new AppError('UNAUTHENTICATED', {
      nb: 'Du må logge inn for å fortsette.',
      en: 'You need to log in to continue.',
    });
  }
  if (rule.kind === 'user') return ctx.actor;
  const actor = ctx.actor;
  if (actor === null) {
    throw new AppError('FORBIDDEN', {
      nb: 'Velg en virksomhet før du fortsetter.',
      en: 'Choose an organisation before you continue.',
    });
  }
  if (rule.roles !== 'any' && !actor.roles.some((r) => (rule.roles as readonly Role[]).includes(r))) {
    // Deliberately 404: a user without the role learns nothing about what exists.
    throw new AppError('NOT_FOUND', { nb: 'Fant ikke siden.', en: 'Not found.' });
  }
  return actor;
}
