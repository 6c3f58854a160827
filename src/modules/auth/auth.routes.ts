import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import {
  LocaleRequestSchema,
  LoginRequestSchema,
  OkSchema,
  type SessionResponse,
  SessionResponseSchema,
  SwitchOrganisationRequestSchema,
} from '../../contracts/auth/auth.schemas.ts';
import type { Database } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuthOptions } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import {
  CSRF_COOKIE,
  createSession,
  deleteSession,
  loadActor,
  loadSession,
  newToken,
  SESSION_COOKIE,
} from './sessions.ts';
import { assertNotThrottled, clearFailures, recordFailure, throttleKeys } from './throttle.ts';

function secure(request: FastifyRequest, options: AuthOptions): boolean {
  return options.cookieSecure ?? request.protocol === 'https';
}

export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  token: string,
  options: AuthOptions,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(request, options),
    maxAge: options.sessionTtlHours * 3600,
  });
}

async function organisationsOf(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
    .select(['organisation.id', 'organisation.name'])
    .where('membership.user_id', '=', userId)
    .orderBy('organisation.name')
    .execute();
}

async function sessionResponse(ctx: RequestContext, anonymousCsrf: string): Promise<SessionResponse> {
  const { session, actor, db } = ctx;
  if (session === null) {
    return {
      authenticated: false,
      csrfToken: anonymousCsrf,
      user: null,
      organisation: null,
      roles: [],
      employeeId: null,
      organisations: [],
    };
  }
  const user = await db
    .selectFrom('user_account')
    .select(['id', 'name', 'email', 'locale'])
    .where('id', '=', session.userId)
    .executeTakeFirstOrThrow();
  const organisation = actor
    ? await db
        .selectFrom('organisation')
        .select(['id', 'name', 'orgnr'])
        .where('id', '=', actor.organisationId)
        .executeTakeFirst()
    : undefined;
  return {
    authenticated: true,
    csrfToken: session.csrfToken,
    user,
    organisation: organisation ?? null,
    roles: actor?.roles ?? [],
    employeeId: actor?.employeeId ?? null,
    organisations: await organisationsOf(db, session.userId),
  };
}

const invalidLogin = () =>
  new AppError('UNAUTHENTICATED', {
    nb: 'Feil e-postadresse eller passord.',
    en: 'Wrong e-mail address or password.',
  });

export function authRoutes(options: AuthOptions) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/session',
      summary: 'Hvem er jeg? Innlogget bruker, roller og CSRF-token',
      tags: ['auth'],
      access: access.public,
      response: SessionResponseSchema,
      async handler(_input, ctx) {
        // Anonymous callers get a double-submit CSRF token in a cookie (for login and first-time setup).
        let anonymousCsrf = ctx.request.cookies[CSRF_COOKIE] ?? '';
        if (ctx.session === null && anonymousCsrf.length < 20) {
          anonymousCsrf = newToken();
          ctx.reply.setCookie(CSRF_COOKIE, anonymousCsrf, {
            path: '/',
            httpOnly: true,
            sameSite: 'strict',
            secure: secure(ctx.request, options),
          });
        }
        return sessionResponse(ctx, anonymousCsrf);
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/login',
      summary: 'Logg inn med e-post og passord',
      tags: ['auth'],
      access: access.public,
      body: LoginRequestSchema,
      response: SessionResponseSchema,
      async handler({ body }, ctx) {
        const { db } = ctx;
        const keys = throttleKeys(body.email, ctx.ip);
        await assertNotThrottled(db, keys);
        const user = await db
          .selectFrom('user_account')
          .select(['id', 'password_hash', 'disabled_at'])
          .where((eb) => eb(eb.fn('lower', ['email']), '=', body.email.trim().toLowerCase()))
          .executeTakeFirst();
        const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), body.password);
        if (!user || !ok || user.disabled_at !== null) {
          await recordFailure(db, keys);
          throw invalidLogin();
        }
        await clearFailures(db, keys.account);
        const first = (await organisationsOf(db, user.id))[0];
        const { token, session } = await createSession(
          db,
          user.id,
          first?.id ?? null,
          options.sessionTtlHours,
        );
        setSessionCookie(ctx.reply, ctx.request, token, options);
        const loaded = await loadSession(db, token);
        const actor = loaded?.actor ?? null;
        if (actor) await writeAudit(db, actor, { action: 'login', entityType: 'user', entityId: user.id });
        return sessionResponse({ ...ctx, session, actor }, '');
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/logout',
      summary: 'Logg ut',
      tags: ['auth'],
      access: access.user,
      response: OkSchema,
      async handler(_input, ctx) {
        if (ctx.session) await deleteSession(ctx.db, ctx.session.id);
        if (ctx.actor) {
          await writeAudit(ctx.db, ctx.actor, {
            action: 'logout',
            entityType: 'user',
            entityId: ctx.actor.userId,
          });
        }
        ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/session/organisation',
      summary: 'Bytt virksomhet (for brukere med tilgang til flere, f.eks. bedriftshelsetjenesten)',
      tags: ['auth'],
      access: access.user,
      body: SwitchOrganisationRequestSchema,
      response: SessionResponseSchema,
      async handler({ body }, ctx) {
        const session = ctx.session!;
        const actor = await loadActor(ctx.db, session.userId, body.organisationId);
        if (actor === null) throw notFound();
        await ctx.db
          .updateTable('session')
          .set({ organisation_id: body.organisationId })
          .where('id', '=', session.id)
          .execute();
        const user = await ctx.db
          .selectFrom('user_account')
          .select(['name', 'email', 'locale'])
          .where('id', '=', session.userId)
          .executeTakeFirstOrThrow();
        return sessionResponse(
          {
            ...ctx,
            session: { ...session, organisationId: body.organisationId },
            actor: { ...actor, name: user.name, email: user.email, locale: user.locale },
          },
          '',
        );
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/me/locale',
      summary: 'Velg språk (bokmål eller engelsk)',
      tags: ['auth'],
      access: access.user,
      body: LocaleRequestSchema,
      response: OkSchema,
      async handler({ body }, ctx) {
        await ctx.db
          .updateTable('user_account')
          .set({ locale: body.locale })
          .where('id', '=', ctx.session!.userId)
          .execute();
        return { ok: true as const };
      },
    }),
  ];
}
