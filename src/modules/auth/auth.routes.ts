import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { SecondFactorLoginSchema } from '../../contracts/auth/account.schemas.ts';
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
import type { AuthOptions, SecondFactorRule } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { markOwnTypos, recordFailedLogin, unseenFailedLogins } from './failed-logins.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import {
  checkTotp,
  hasSecondFactor,
  type SecondFactorMode,
  secondFactorRequired,
  spendRecoveryCode,
} from './second-factor.ts';
import {
  CSRF_COOKIE,
  createSession,
  deleteSession,
  loadActor,
  loadSession,
  newToken,
  SESSION_COOKIE,
  tokenHash,
} from './sessions.ts';
import {
  assertNotThrottled,
  clearFailures,
  recordFailure,
  throttleKeys,
  UNDER_ATTACK_DELAY_MS,
} from './throttle.ts';

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

async function sessionResponse(
  ctx: RequestContext,
  anonymousCsrf: string,
  mode: SecondFactorMode = 'required',
  rules: readonly SecondFactorRule[] = [],
): Promise<SessionResponse> {
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
      security: null,
    };
  }
  const enabled = await hasSecondFactor(db, session.userId);
  // A single sign-on session has passed the provider's own second factor (ADR 0019).
  const viaSso =
    (await db.selectFrom('session').select('auth_method').where('id', '=', session.id).executeTakeFirst())
      ?.auth_method === 'oidc';
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
    security: {
      secondFactorEnabled: enabled,
      secondFactorRequired:
        mode === 'required' && !enabled && !viaSso && (await secondFactorRequired(db, session.userId, rules)),
      failedLogins: await unseenFailedLogins(db, session.userId),
    },
  };
}

const CHALLENGE_COOKIE = 'naervaer_login_step';
/** How long the second step of a login may take, and how many wrong codes it allows. */
const CHALLENGE_MINUTES = 5;
const CHALLENGE_ATTEMPTS = 5;

/** The password was right and the account has a second factor: remember that (hashed), ask for the code. */
async function startChallenge(
  ctx: RequestContext & { request: FastifyRequest; reply: FastifyReply },
  userId: string,
  organisationId: string | null,
  options: AuthOptions,
): Promise<void> {
  const token = newToken();
  await ctx.db.deleteFrom('auth_login_challenge').where('expires_at', '<', new Date()).execute();
  await ctx.db
    .insertInto('auth_login_challenge')
    .values({
      id: tokenHash(token),
      user_id: userId,
      organisation_id: organisationId,
      expires_at: new Date(Date.now() + CHALLENGE_MINUTES * 60_000),
    })
    .execute();
  ctx.reply.setCookie(CHALLENGE_COOKIE, token, {
    path: '/api/v1/auth',
    httpOnly: true,
    sameSite: 'strict',
    secure: secure(ctx.request, options),
    maxAge: CHALLENGE_MINUTES * 60,
  });
}

async function loadChallenge(ctx: RequestContext & { request: FastifyRequest }) {
  const token = ctx.request.cookies[CHALLENGE_COOKIE];
  const row = token
    ? await ctx.db
        .selectFrom('auth_login_challenge')
        .selectAll()
        .where('id', '=', tokenHash(token))
        .where('expires_at', '>', new Date())
        .executeTakeFirst()
    : undefined;
  if (!row || row.attempts >= CHALLENGE_ATTEMPTS) {
    if (row) await ctx.db.deleteFrom('auth_login_challenge').where('id', '=', row.id).execute();
    throw new AppError('UNAUTHENTICATED', {
      nb: 'Innloggingen er utløpt eller hadde for mange feil koder. Logg inn på nytt.',
      en: 'The login has expired or had too many wrong codes. Log in again.',
    });
  }
  return row;
}

/** Both steps done (or only one needed): the session, its cookie and the audit row. */
async function finishLogin(
  ctx: RequestContext & { request: FastifyRequest; reply: FastifyReply },
  userId: string,
  organisationId: string | null,
  options: AuthOptions,
  /** The second step (TOTP or a recovery code) was passed: the session remembers it (ADR 0020). */
  secondFactor = false,
): Promise<SessionResponse> {
  const { db } = ctx;
  const agent = ctx.request.headers['user-agent'];
  const { token, session } = await createSession(
    db,
    userId,
    organisationId,
    options.sessionTtlHours,
    { userAgent: typeof agent === 'string' ? agent : '', ip: ctx.ip },
    { secondFactor },
  );
  setSessionCookie(ctx.reply, ctx.request, token, options);
  // Only the first login writes (a change to user_account empties every cached session).
  await db
    .updateTable('user_account')
    .set({ first_login_at: new Date() })
    .where('id', '=', userId)
    .where('first_login_at', 'is', null)
    .execute();
  // Failed attempts from this same network just before are the owner's own typos: not news to them.
  await markOwnTypos(db, userId, ctx.ip);
  const loaded = await loadSession(db, token);
  const actor = loaded?.actor ?? null;
  if (actor) await writeAudit(db, actor, { action: 'login', entityType: 'user', entityId: userId });
  return sessionResponse(
    { ...ctx, session, actor },
    '',
    options.secondFactor ?? 'optional',
    options.secondFactorRules ?? [],
  );
}

const accountUnderAttack = () =>
  new AppError(
    'RATE_LIMITED',
    {
      nb: 'For mange mislykkede innloggingsforsøk. Vent 15 minutter og prøv igjen, eller skriv riktig passord.',
      en: 'Too many failed login attempts. Wait 15 minutes and try again, or enter the right password.',
    },
    { headers: { 'retry-after': '900' } },
  );

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
        return sessionResponse(
          ctx,
          anonymousCsrf,
          options.secondFactor ?? 'optional',
          options.secondFactorRules ?? [],
        );
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/login',
      summary: 'Logg inn med e-post og passord (deretter kode fra autentiseringsappen, om kontoen har det)',
      tags: ['auth'],
      access: access.public,
      body: LoginRequestSchema,
      response: SessionResponseSchema,
      async handler({ body }, ctx) {
        const { db } = ctx;
        const keys = throttleKeys(body.email, ctx.ip);
        const { underAttack } = await assertNotThrottled(db, keys);
        // Someone has failed on this account from elsewhere: wait a moment before every attempt
        // (slows guessing), but let the right password through — a stranger cannot lock the owner out.
        if (underAttack) await new Promise((resolve) => setTimeout(resolve, UNDER_ATTACK_DELAY_MS));
        const user = await db
          .selectFrom('user_account')
          .select(['id', 'password_hash', 'disabled_at'])
          .where((eb) => eb(eb.fn('lower', ['email']), '=', body.email.trim().toLowerCase()))
          .executeTakeFirst();
        const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), body.password);
        if (!user || !ok || user.disabled_at !== null) {
          await recordFailure(db, keys);
          if (user) await recordFailedLogin(db, user.id, ctx.ip);
          if (underAttack) throw accountUnderAttack();
          throw invalidLogin();
        }
        const first = (await organisationsOf(db, user.id))[0];
        if (await hasSecondFactor(db, user.id)) {
          // The counters are cleared only when the code is right too (below).
          await startChallenge(ctx, user.id, first?.id ?? null, options);
          // Still anonymous: the double-submit CSRF token of the login page stays in use.
          const csrf = ctx.request.cookies[CSRF_COOKIE] ?? '';
          return {
            ...(await sessionResponse({ ...ctx, session: null, actor: null }, csrf)),
            secondFactorPending: true,
          };
        }
        await clearFailures(db, keys);
        return finishLogin(ctx, user.id, first?.id ?? null, options);
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/login/second-factor',
      summary: 'Andre steg av innloggingen: koden fra autentiseringsappen eller en gjenopprettingskode',
      tags: ['auth'],
      access: access.public,
      body: SecondFactorLoginSchema,
      response: SessionResponseSchema,
      async handler({ body }, ctx) {
        const challenge = await loadChallenge(ctx);
        const owner = await ctx.db
          .selectFrom('user_account')
          .select('email')
          .where('id', '=', challenge.user_id)
          .executeTakeFirstOrThrow();
        await assertNotThrottled(ctx.db, throttleKeys(owner.email, ctx.ip));
        const ok = body.code
          ? await checkTotp(ctx.db, challenge.user_id, body.code, 'confirmed')
          : await spendRecoveryCode(ctx.db, challenge.user_id, body.recoveryCode ?? '');
        if (!ok) {
          await ctx.db
            .updateTable('auth_login_challenge')
            .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
            .where('id', '=', challenge.id)
            .execute();
          await recordFailedLogin(ctx.db, challenge.user_id, ctx.ip);
          // Wrong codes count like wrong passwords: whoever has the password cannot try codes forever.
          await recordFailure(ctx.db, throttleKeys(owner.email, ctx.ip));
          throw new AppError(
            'VALIDATION_FAILED',
            { nb: 'Koden stemmer ikke.', en: 'The code is not correct.' },
            {
              fields: [
                {
                  path: body.code ? 'code' : 'recoveryCode',
                  message: {
                    nb: 'Koden stemmer ikke. Prøv den neste koden appen viser.',
                    en: 'The code is not correct. Try the next code the app shows.',
                  },
                },
              ],
            },
          );
        }
        await ctx.db.deleteFrom('auth_login_challenge').where('id', '=', challenge.id).execute();
        await clearFailures(ctx.db, throttleKeys(owner.email, ctx.ip));
        ctx.reply.clearCookie(CHALLENGE_COOKIE, { path: '/api/v1/auth' });
        return finishLogin(ctx, challenge.user_id, challenge.organisation_id, options, true);
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
          options.secondFactor ?? 'optional',
          options.secondFactorRules ?? [],
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
