/**
 * The Fastify application: cookies, security headers, sessions, CSRF, the API routes of every
 * module, the OpenAPI document, the web app, and one error shape for everything that fails.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import helmet from 'helmet';
import type { Kysely } from 'kysely';
import type { ChangeFeed } from '../db/change-feed.ts';
import type { Database } from '../db/schema.ts';
import { type Locale, localeFromAcceptLanguage } from '../i18n/locale.ts';
import { type AnyCacheDef, CacheRegistry } from '../platform/caches.ts';
import type { Actor, RequestContext, Session } from '../platform/context.ts';
import { AppError, type ErrorBody } from '../platform/errors.ts';
import type { RouteDef } from '../platform/route.ts';
import { buildOpenApi } from './openapi.ts';

export type HttpAppOptions = {
  db: Kysely<Database>;
  /** Directory of the built web app (`vite build`); the API works without it. */
  webDir?: string | undefined;
  trustProxy?: boolean;
  /** Send `Strict-Transport-Security` (when the public address is https, or behind a trusted proxy). */
  hsts?: boolean;
  logLevel?: string;
  /** Where the log goes (default stdout); tests capture it to prove what it never holds. */
  logStream?: { write(line: string): void };
  /** Upload limit for imports, in bytes. */
  maxUploadBytes?: number;
  /** With the database's change feed the app keeps read caches (sessions, employee lists). */
  changeFeed?: ChangeFeed | undefined;
  /** Every module's routes (the registry's). */
  routes: readonly RouteDef[];
  /** Every module's read caches, built when `changeFeed` is given. */
  caches: readonly AnyCacheDef[];
  /** How a request's session is found and checked (the auth module's). */
  sessions: SessionLoader;
  /**
   * URL prefixes whose requests are never written to the request log (the anonymous varsling
   * channel: nothing about an anonymous reporter's request may be kept, aml § 2 A-3 (2)).
   */
  unloggedPaths?: readonly string[];
};

/** The auth module's part in every request: the cookies and the session lookup. */
export type SessionLoader = {
  sessionCookie: string;
  /** The anonymous double-submit CSRF cookie (before login). */
  csrfCookie: string;
  /** May throw an AppError to refuse the request (e.g. a second factor must be set up first). */
  load(
    db: Kysely<Database>,
    token: string,
    caches: CacheRegistry | null,
    request: { method: string; url: string },
  ): Promise<{ session: Session; actor: Actor | null } | null>;
};

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    naervaerRoute?: true;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function requestLocale(request: FastifyRequest, fallback: Locale | undefined): Locale {
  const header = request.headers['accept-language'];
  if (typeof header === 'string' && header.length > 0) return localeFromAcceptLanguage(header);
  return fallback ?? 'nb';
}

export async function buildHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const maxUpload = options.maxUploadBytes ?? 5 * 1024 * 1024;
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Never log personal data: no bodies, no cookies, no query strings with e-mail addresses.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
      },
    },
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // A malformed URL (`FST_ERR_BAD_URL`) gets our error shape, not Fastify's.
    frameworkErrors: (_error, request: FastifyRequest, reply: FastifyReply) => {
      const body = new AppError('BAD_REQUEST', {
        nb: 'Adressen i forespørselen er ugyldig.',
        en: 'The request URL is invalid.',
      }).toJSON(requestLocale(request, undefined));
      void reply.code(400).type('application/json; charset=utf-8').send(JSON.stringify(body));
    },
    // Errors before a request exists (a 100 000-character URL: 431, a malformed request line: 400)
    // are answered on the socket, in the same shape.
    clientErrorHandler: (error, socket) => {
      const code = (error as { code?: string }).code;
      const status = code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
      const appError =
        status === 431
          ? new AppError('HEADERS_TOO_LARGE', {
              nb: 'Adressen eller hodene i forespørselen er for store.',
              en: 'The request URL or headers are too large.',
            })
          : new AppError('BAD_REQUEST', { nb: 'Ugyldig forespørsel.', en: 'Invalid request.' });
      const body = JSON.stringify(appError.toJSON('nb'));
      if (socket.writable) {
        socket.end(
          `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
            'Content-Type: application/json; charset=utf-8\r\n' +
            `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
      } else {
        socket.destroy(error);
      }
    },
    logController: new LogController({
      disableRequestLogging: (req) => {
        const unlogged = options.unloggedPaths ?? [];
        return unlogged.length > 0 && unlogged.some((prefix) => req.url.startsWith(prefix));
      },
    }),
  });

  await app.register(cookie);
  // Security headers on every answer. `helmet` itself, built once: @fastify/helmet rebuilt the whole
  // middleware (CSP parsing included) on every request, ≈ 5 % of a cached API answer's time.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only where the app is reached over https (a browser remembers it for a year).
    hsts: options.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => {
      done(error instanceof Error ? error : undefined);
    });
  });
  await app.register(multipart, { limits: { fileSize: maxUpload, files: 1, fields: 10 } });

  const routes = options.routes;

  // Deny by default: every route under /api must come from defineRoute (which carries an access rule).
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api') && route.config?.naervaerRoute !== true) {
      throw new Error(`Route ${route.method} ${route.url} has no access rule; declare it with defineRoute`);
    }
  });

  const caches = options.changeFeed ? new CacheRegistry(options.changeFeed, options.caches) : null;
  if (caches) {
    app.addHook('onClose', async () => caches.close());
    app.addHook('onSend', async (request) => {
      if (STATE_CHANGING.has(request.method) && request.url.startsWith('/api/')) {
        caches.afterLocalWrite(request.ctx.actor?.organisationId ?? null);
      }
    });
  }

  app.decorateRequest('ctx');
  app.addHook('onRequest', async (request) => {
    const ctx: RequestContext = {
      db: options.db,
      locale: requestLocale(request, undefined),
      ip: request.ip,
      session: null,
      actor: null,
      caches,
    };
    request.ctx = ctx;
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[options.sessions.sessionCookie];
    if (token) {
      const loaded = await options.sessions.load(options.db, token, caches, request);
      if (loaded) {
        ctx.session = loaded.session;
        ctx.actor = loaded.actor;
        ctx.locale = requestLocale(request, loaded.actor?.locale);
      }
    }
    if (STATE_CHANGING.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      const expected = ctx.session ? ctx.session.csrfToken : request.cookies[options.sessions.csrfCookie];
      if (typeof sent !== 'string' || !expected || sent !== expected) {
        throw new AppError('CSRF_FAILED', {
          nb: 'Forespørselen manglet et gyldig sikkerhetstoken. Last siden på nytt og prøv igjen.',
          en: 'The request lacked a valid security token. Reload the page and try again.',
        });
      }
    }
  });

  // Answers of the API may hold health data: no browser or proxy may keep them (PDFs and the
  // calendar feed set their own, stricter or longer, header).
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });

  // A NUL byte cannot be stored in PostgreSQL text (22021): refuse it at the boundary, naming the field.
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const path =
      nulPath(request.params, 'params') ?? nulPath(request.query, 'query') ?? nulPath(request.body, 'body');
    if (path !== null) throw nulByteError(path);
  });

  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      config: { naervaerRoute: true },
      handler: async (request, reply) => {
        const result = await route.handle(request.ctx, request, reply);
        // A handler may answer with its own status (a 'binary' page such as the SSO callback's refusals).
        if (!reply.sent && reply.statusCode === 200) reply.code(route.status);
        return result;
      },
    });
  }

  // Built on the first request, not at start-up (issue 9: start-up time).
  let openApi: ReturnType<typeof buildOpenApi> | undefined;
  app.route({
    method: 'GET',
    url: '/api/v1/openapi.json',
    config: { naervaerRoute: true },
    handler: async () => {
      openApi ??= buildOpenApi(routes);
      return openApi;
    },
  });
  app.route({
    method: 'GET',
    url: '/api/v1/health',
    config: { naervaerRoute: true },
    handler: async () => ({ ok: true }),
  });

  app.setErrorHandler((error, request, reply) => {
    const locale = request.ctx?.locale ?? requestLocale(request, undefined);
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') {
      request.log.error({ err: loggableError(error), route: request.routeOptions.url }, 'unhandled error');
    }
    if (appError.headers) reply.headers(appError.headers);
    const body: ErrorBody = appError.toJSON(locale);
    reply.code(appError.status).type('application/json; charset=utf-8').send(body);
  });

  const webDir = options.webDir ? resolve(options.webDir) : undefined;
  const hasWeb = webDir !== undefined && existsSync(resolve(webDir, 'index.html'));
  if (hasWeb) {
    // `wildcard: true` looks files up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDir, wildcard: true, index: false });
    // The root is a directory, which the static plugin refuses without an index; it is the app's front page.
    app.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api')) {
      const locale = request.ctx?.locale ?? 'nb';
      const body: ErrorBody = new AppError('NOT_FOUND', {
        nb: 'Finnes ikke i API-et.',
        en: 'No such API route.',
      }).toJSON(locale);
      return reply.code(404).send(body);
    }
    const lastSegment = request.url.split('?')[0]?.split('/').pop() ?? '';
    if (hasWeb && request.method === 'GET' && !lastSegment.includes('.')) {
      // The web app routes on the client: every other GET of a page path gets index.html.
      // A missing file (a path with an extension, e.g. /assets/old.js) is a plain 404, not the page.
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('Ikke funnet / Not found');
  });

  return app;
}

/** The first field (as `body.items.0.text`) whose string holds a NUL byte, or null. */
export function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const hit = nulPath(item, `${path}.${i}`, depth + 1);
      if (hit !== null) return hit;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${path}.${key.replaceAll('\u0000', '\\0')}`;
    const hit = nulPath(item, `${path}.${key}`, depth + 1);
    if (hit !== null) return hit;
  }
  return null;
}

function nulByteError(path: string): AppError {
  const field = path.replace(/^(body|query|params)\./, '');
  const message = {
    nb: 'Teksten inneholder et ugyldig tegn (NUL).',
    en: 'The text holds an invalid character (NUL).',
  };
  return new AppError(
    'VALIDATION_FAILED',
    {
      nb: `Ugyldig verdi i feltet «${field}»: ${message.nb}`,
      en: `Invalid value in field "${field}": ${message.en}`,
    },
    { fields: [{ path: field, message }] },
  );
}

/**
 * What the log may say about an unexpected error: its kind and where, never the data. A database
 * error's message, detail and parameters can hold names, e-mails and free text (README: logs never
 * hold personal data), so only its SQLSTATE and the schema names it points at are kept; other
 * errors keep their class and stack frames, not their message (it may quote input).
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { type: typeof error };
  const e = error as Record<string, unknown>;
  const type = error instanceof Error ? error.constructor.name : 'object';
  const code = typeof e.code === 'string' ? e.code : undefined;
  const frames =
    error instanceof Error && typeof error.stack === 'string'
      ? error.stack
          .split('\n')
          .filter((line) => /^\s+at /.test(line))
          .slice(0, 12)
          .map((line) => line.trim())
      : [];
  const out: Record<string, unknown> = { type, frames };
  if (code !== undefined) out.code = code;
  if (code !== undefined && /^[0-9A-Z]{5}$/.test(code)) {
    // PostgreSQL's own identifiers of what failed (no values).
    for (const key of ['severity', 'table', 'column', 'constraint', 'routine', 'dataType'] as const) {
      if (typeof e[key] === 'string') out[key] = e[key];
    }
  }
  return out;
}

type PgLikeError = { code?: unknown; statusCode?: unknown; message?: unknown };

/** Maps anything thrown to an AppError: our own, Fastify's request errors, or database constraint errors. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as PgLikeError;
  const code = typeof e.code === 'string' ? e.code : '';
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE', {
        nb: 'Forespørselen eller filen er for stor.',
        en: 'The request or file is too large.',
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', {
        nb: 'Send data som JSON (Content-Type: application/json).',
        en: 'Send data as JSON (Content-Type: application/json).',
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('BAD_REQUEST', {
        nb: 'Forespørselen inneholder ikke gyldig JSON.',
        en: 'The request body is not valid JSON.',
      });
    case '23505':
      return new AppError('DUPLICATE', {
        nb: 'Det finnes allerede en post med samme verdi.',
        en: 'A record with the same value already exists.',
      });
    case '23503':
      return new AppError('IN_USE', {
        nb: 'Posten henger sammen med andre poster og kan ikke endres slik.',
        en: 'The record is linked to other records and cannot be changed this way.',
      });
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
    case '22001':
    case '22003':
      return new AppError('BAD_REQUEST', { nb: 'Ugyldig verdi.', en: 'Invalid value.' });
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.statusCode === 413) return toAppError({ code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    if (e.statusCode === 415) return toAppError({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
    return new AppError('BAD_REQUEST', { nb: 'Ugyldig forespørsel.', en: 'Invalid request.' });
  }
  return new AppError('INTERNAL', {
    nb: 'Noe gikk galt hos oss. Prøv igjen senere.',
    en: 'Something went wrong on our side. Please try again later.',
  });
}
