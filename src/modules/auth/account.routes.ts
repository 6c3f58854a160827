/**
 * Accounts people manage themselves (ADR 0016, issue 11): change the password, reset it by e-mail,
 * the TOTP second factor with recovery codes, the own sessions, and the failed logins the owner is
 * told about. Every route acts on the caller's own account only; nothing here takes a user id.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  AcceptedSchema,
  ChangePasswordRequestSchema,
  ConfirmEnrolmentSchema,
  DisableSecondFactorSchema,
  EnrolmentSchema,
  FailedLoginsSchema,
  OkSchema,
  RecoveryCodesSchema,
  ResetConfirmSchema,
  ResetRequestSchema,
  SecondFactorStatusSchema,
  SessionIdParamsSchema,
  SessionListSchema,
} from '../../contracts/auth/account.schemas.ts';
import type { Database } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { AuthOptions } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { listFailedLogins, markFailedLoginsSeen } from './failed-logins.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { PASSWORD_PROBLEMS, passwordProblem } from './policy.ts';
import { findReset, requestReset } from './reset.ts';
import {
  checkTotp,
  hasSecondFactor,
  remainingRecoveryCodes,
  removeSecondFactor,
  replaceRecoveryCodes,
  secondFactorRequired,
  startEnrolment,
} from './second-factor.ts';
import { deleteUserSessions, SESSION_COOKIE } from './sessions.ts';
import { assertNotThrottled, recordFailure, throttleKeys } from './throttle.ts';

/** A 400 naming `field` with the policy's reason, or nothing when the password may be used. */
export async function assertPasswordPolicy(
  password: string,
  personal: readonly string[],
  field: string,
): Promise<void> {
  const problem = await passwordProblem(password, personal);
  if (problem === null) return;
  const message = PASSWORD_PROBLEMS[problem];
  throw new AppError('VALIDATION_FAILED', message, { fields: [{ path: field, message }] });
}

/**
 * Audit rows belong to an organisation: an account change is logged in every organisation the
 * account belongs to (its administrators may see that the password or second factor changed).
 */
async function auditAccount(
  trx: Transaction<Database>,
  userId: string,
  action: 'update' | 'delete' | 'create',
  entityType: string,
  detail?: Record<string, string | number | boolean | null>,
): Promise<void> {
  const orgs = await trx
    .selectFrom('membership')
    .select('organisation_id')
    .where('user_id', '=', userId)
    .execute();
  for (const { organisation_id } of orgs) {
    const roles = await trx
      .selectFrom('role_assignment')
      .select('role')
      .where('organisation_id', '=', organisation_id)
      .where('user_id', '=', userId)
      .execute();
    await writeAudit(
      trx,
      { organisationId: organisation_id, userId, roles: [...new Set(roles.map((r) => r.role))] },
      { action, entityType, entityId: userId, ...(detail ? { detail } : {}) },
    );
  }
}

function wrongPassword(field: string) {
  const message = { nb: 'Passordet stemmer ikke.', en: 'The password is not correct.' };
  return new AppError('VALIDATION_FAILED', message, { fields: [{ path: field, message }] });
}

function wrongCode() {
  const message = {
    nb: 'Koden stemmer ikke. Prøv den neste koden appen viser.',
    en: 'The code is not correct. Try the next code the app shows.',
  };
  return new AppError('VALIDATION_FAILED', message, { fields: [{ path: 'code', message }] });
}

async function accountOf(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('user_account')
    .select(['id', 'name', 'email', 'password_hash'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

/**
 * The current password, checked under the login throttle (a stolen session cannot guess it faster
 * than a login could).
 */
async function checkCurrentPassword(
  ctx: RequestContext,
  account: { id: string; email: string; password_hash: string },
  password: string,
  field: string,
): Promise<void> {
  const keys = throttleKeys(account.email, ctx.ip);
  await assertNotThrottled(ctx.db, keys);
  if (!(await verifyPassword(account.password_hash, password))) {
    await recordFailure(ctx.db, keys);
    throw wrongPassword(field);
  }
}

/** The id a session has in the list: derived from (never equal to) the stored token hash. */
const publicSessionId = (sessionId: string) =>
  createHash('sha256').update(`session-list:${sessionId}`).digest('base64url').slice(0, 22);

export function accountRoutes(options: AuthOptions) {
  return [
    defineRoute({
      method: 'PUT',
      url: '/api/v1/me/password',
      summary: 'Bytt passord (krever nåværende passord; andre innlogginger avsluttes)',
      tags: ['account'],
      access: access.user,
      body: ChangePasswordRequestSchema,
      response: OkSchema,
      async handler({ body }, ctx) {
        const userId = ctx.session?.userId ?? '';
        const account = await accountOf(ctx.db, userId);
        await checkCurrentPassword(ctx, account, body.currentPassword, 'currentPassword');
        await assertPasswordPolicy(body.newPassword, [account.name, account.email], 'newPassword');
        if (await verifyPassword(account.password_hash, body.newPassword)) {
          const message = {
            nb: 'Velg et annet passord enn det du har nå.',
            en: 'Choose a password other than your current one.',
          };
          throw new AppError('VALIDATION_FAILED', message, { fields: [{ path: 'newPassword', message }] });
        }
        const hash = await hashPassword(body.newPassword);
        await ctx.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('user_account')
            .set({ password_hash: hash })
            .where('id', '=', userId)
            .execute();
          // Whoever else is logged in with the old password is logged out (this session stays).
          const ended = await deleteUserSessions(trx, userId, ctx.session?.id);
          await auditAccount(trx, userId, 'update', 'password', { sessionsEnded: ended });
        });
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      summary: 'Be om lenke til nytt passord på e-post (samme svar om adressen finnes eller ikke)',
      tags: ['account'],
      access: access.public,
      body: ResetRequestSchema,
      response: AcceptedSchema,
      status: 202,
      async handler({ body }, ctx) {
        await requestReset(ctx.db, body.email);
        return { accepted: true as const };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      summary: 'Velg nytt passord med lenken fra e-posten (én gang, innen 30 minutter)',
      tags: ['account'],
      access: access.public,
      body: ResetConfirmSchema,
      response: OkSchema,
      async handler({ body }, ctx) {
        const reset = await findReset(ctx.db, body.token);
        if (!reset) {
          const message = {
            nb: 'Lenken er brukt, utløpt eller ugyldig. Be om en ny.',
            en: 'The link has been used, has expired or is invalid. Ask for a new one.',
          };
          throw new AppError('VALIDATION_FAILED', message, { fields: [{ path: 'token', message }] });
        }
        const account = await accountOf(ctx.db, reset.userId);
        await assertPasswordPolicy(body.newPassword, [account.name, account.email], 'newPassword');
        const hash = await hashPassword(body.newPassword);
        await ctx.db.transaction().execute(async (trx) => {
          // Single use: only the request that marks it used goes on.
          const used = await trx
            .updateTable('auth_password_reset')
            .set({ used_at: new Date() })
            .where('id', '=', reset.id)
            .where('used_at', 'is', null)
            .executeTakeFirst();
          if (Number(used.numUpdatedRows) !== 1) throw notFound();
          await trx
            .updateTable('auth_password_reset')
            .set({ used_at: new Date() })
            .where('user_id', '=', reset.userId)
            .where('used_at', 'is', null)
            .execute();
          await trx
            .updateTable('user_account')
            .set({ password_hash: hash })
            .where('id', '=', reset.userId)
            .execute();
          const ended = await deleteUserSessions(trx, reset.userId);
          await auditAccount(trx, reset.userId, 'update', 'password', { reset: true, sessionsEnded: ended });
        });
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/me/second-factor',
      summary: 'Status for to-trinns innlogging (autentiseringsapp)',
      tags: ['account'],
      access: access.user,
      response: SecondFactorStatusSchema,
      async handler(_input, ctx) {
        const userId = ctx.session?.userId ?? '';
        const enabled = await hasSecondFactor(ctx.db, userId);
        return {
          enabled,
          required:
            (options.secondFactor ?? 'optional') === 'required' &&
            (await secondFactorRequired(ctx.db, userId, options.secondFactorRules ?? [])),
          recoveryCodesLeft: enabled ? await remainingRecoveryCodes(ctx.db, userId) : 0,
        };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/me/second-factor/enrolment',
      summary: 'Start oppsett av autentiseringsapp: QR-kode og nøkkel til å skrive inn',
      tags: ['account'],
      access: access.user,
      response: EnrolmentSchema,
      async handler(_input, ctx) {
        const userId = ctx.session?.userId ?? '';
        if (await hasSecondFactor(ctx.db, userId)) {
          throw conflict(
            {
              nb: 'To-trinns innlogging er allerede slått på. Slå den av først for å bytte app.',
              en: 'Two-step login is already on. Turn it off first to change app.',
            },
            'WRONG_STATE',
          );
        }
        const account = await accountOf(ctx.db, userId);
        const { secret, uri } = await startEnrolment(ctx.db, account);
        // Loaded here, not at start-up: only setting up the app needs it (issue 9: start-up time).
        const { default: QRCode } = await import('qrcode');
        const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
        return { secret, uri, qrSvg: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/me/second-factor/confirm',
      summary: 'Bekreft autentiseringsappen med en kode; gir gjenopprettingskoder (vises én gang)',
      tags: ['account'],
      access: access.user,
      body: ConfirmEnrolmentSchema,
      response: RecoveryCodesSchema,
      async handler({ body }, ctx) {
        const userId = ctx.session?.userId ?? '';
        if (!(await checkTotp(ctx.db, userId, body.code, 'pending'))) throw wrongCode();
        const codes = await ctx.db.transaction().execute(async (trx) => {
          const confirmed = await trx
            .updateTable('auth_totp')
            .set({ confirmed_at: new Date() })
            .where('user_id', '=', userId)
            .where('confirmed_at', 'is', null)
            .executeTakeFirst();
          if (Number(confirmed.numUpdatedRows) !== 1) throw wrongCode();
          const recovery = await replaceRecoveryCodes(trx, userId);
          // Sessions opened with the password alone end; this one goes on, and counts as having
          // passed the second factor: the code was just shown (ADR 0020).
          const ended = await deleteUserSessions(trx, userId, ctx.session?.id);
          await trx
            .updateTable('session')
            .set({ second_factor_at: new Date() })
            .where('id', '=', ctx.session?.id ?? '')
            .execute();
          await auditAccount(trx, userId, 'create', 'second_factor', { sessionsEnded: ended });
          return recovery;
        });
        return { recoveryCodes: codes };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/me/second-factor/disable',
      summary: 'Slå av to-trinns innlogging (krever passord og kode)',
      tags: ['account'],
      access: access.user,
      body: DisableSecondFactorSchema,
      response: OkSchema,
      async handler({ body }, ctx) {
        const userId = ctx.session?.userId ?? '';
        const account = await accountOf(ctx.db, userId);
        await checkCurrentPassword(ctx, account, body.password, 'password');
        if (!(await checkTotp(ctx.db, userId, body.code, 'confirmed'))) throw wrongCode();
        await ctx.db.transaction().execute(async (trx) => {
          await removeSecondFactor(trx, userId);
          await auditAccount(trx, userId, 'delete', 'second_factor');
        });
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/me/second-factor/recovery-codes',
      summary: 'Lag nye gjenopprettingskoder (krever passord og kode); de gamle slutter å virke',
      tags: ['account'],
      access: access.user,
      body: DisableSecondFactorSchema,
      response: RecoveryCodesSchema,
      async handler({ body }, ctx) {
        const userId = ctx.session?.userId ?? '';
        const account = await accountOf(ctx.db, userId);
        await checkCurrentPassword(ctx, account, body.password, 'password');
        if (!(await checkTotp(ctx.db, userId, body.code, 'confirmed'))) throw wrongCode();
        const codes = await ctx.db.transaction().execute(async (trx) => {
          // The old codes are deleted with the new ones written: a lost printout stops working.
          const recovery = await replaceRecoveryCodes(trx, userId);
          await auditAccount(trx, userId, 'update', 'second_factor', { recoveryCodes: 'replaced' });
          return recovery;
        });
        return { recoveryCodes: codes };
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/me/sessions',
      summary: 'Mine innlogginger (enheter): opprettet, sist brukt, nettleser, nettverk',
      tags: ['account'],
      access: access.user,
      response: SessionListSchema,
      async handler(_input, ctx) {
        const userId = ctx.session?.userId ?? '';
        const rows = await ctx.db
          .selectFrom('session as s')
          .leftJoin('auth_session_info as i', 'i.session_id', 's.id')
          .select(['s.id', 's.created_at', 'i.last_used_at', 'i.user_agent', 'i.ip_prefix'])
          .where('s.user_id', '=', userId)
          .where('s.expires_at', '>', new Date())
          .orderBy('s.created_at', 'desc')
          .execute();
        return {
          items: rows.map((r) => ({
            id: publicSessionId(r.id),
            current: r.id === ctx.session?.id,
            createdAt: r.created_at.toISOString(),
            lastUsedAt: (r.last_used_at ?? r.created_at).toISOString(),
            userAgent: r.user_agent ?? '',
            ipPrefix: r.ip_prefix ?? '',
          })),
        };
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: '/api/v1/me/sessions/:id',
      summary: 'Avslutt en av mine innlogginger',
      tags: ['account'],
      access: access.user,
      params: SessionIdParamsSchema,
      response: OkSchema,
      async handler({ params }, ctx) {
        const userId = ctx.session?.userId ?? '';
        const mine = await ctx.db.selectFrom('session').select('id').where('user_id', '=', userId).execute();
        const target = mine.find((s) => publicSessionId(s.id) === params.id);
        if (!target) throw notFound({ nb: 'Fant ikke innloggingen.', en: 'Session not found.' });
        await ctx.db.transaction().execute(async (trx) => {
          await trx.deleteFrom('session').where('id', '=', target.id).where('user_id', '=', userId).execute();
          await auditAccount(trx, userId, 'delete', 'session', { count: 1 });
        });
        if (target.id === ctx.session?.id) ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/me/sessions/end-others',
      summary: 'Avslutt alle mine andre innlogginger',
      tags: ['account'],
      access: access.user,
      response: OkSchema,
      async handler(_input, ctx) {
        const userId = ctx.session?.userId ?? '';
        await ctx.db.transaction().execute(async (trx) => {
          const ended = await deleteUserSessions(trx, userId, ctx.session?.id);
          await auditAccount(trx, userId, 'delete', 'session', { count: ended });
        });
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/me/failed-logins',
      summary: 'Mislykkede innloggingsforsøk på kontoen min som jeg ikke har sett',
      tags: ['account'],
      access: access.user,
      response: FailedLoginsSchema,
      async handler(_input, ctx) {
        return { items: await listFailedLogins(ctx.db, ctx.session?.userId ?? '') };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/me/failed-logins/seen',
      summary: 'Jeg har sett de mislykkede innloggingsforsøkene',
      tags: ['account'],
      access: access.user,
      response: OkSchema,
      async handler(_input, ctx) {
        await markFailedLoginsSeen(ctx.db, ctx.session?.userId ?? '');
        return { ok: true as const };
      },
    }),
  ];
}
