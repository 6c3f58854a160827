/**
 * Server-side sessions. The cookie holds a random token; the database holds only its SHA-256,
 * so a leaked database does not leak live sessions. Each session has its own CSRF token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { ReadCache } from '../../db/read-cache.ts';
import type { Database, Db } from '../../db/schema.ts';
import type { Role } from '../../domain/access/roles.ts';
import { isLocale } from '../../i18n/locale.ts';
import { defineCache, GLOBAL_PARTITION } from '../../platform/caches.ts';
import type { Actor, Session } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { SecondFactorRule } from '../../platform/module.ts';
import { hasSecondFactor, secondFactorRequired } from './second-factor.ts';

export const SESSION_COOKIE = 'naervaer_session';
export const CSRF_COOKIE = 'naervaer_csrf';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** What the session list shows about where a session was opened (never the full IP or agent). */
export type SessionOrigin = { userAgent?: string | undefined; ip?: string | undefined };

export async function createSession(
  db: Db,
  userId: string,
  organisationId: string | null,
  ttlHours: number,
  origin: SessionOrigin = {},
  how: {
    /** `oidc`: opened through the organisation's single sign-on, which enforces its own MFA (ADR 0019). */
    authMethod?: 'password' | 'oidc';
    /** The login passed a second factor (ADR 0020). */
    secondFactor?: boolean;
  } = {},
): Promise<{ token: string; session: Session }> {
  const token = newToken();
  const csrfToken = newToken();
  const id = tokenHash(token);
  await db
    .insertInto('session')
    .values({
      id,
      user_id: userId,
      organisation_id: organisationId,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + ttlHours * 3_600_000),
      auth_method: how.authMethod ?? 'password',
      second_factor_at: how.secondFactor ? new Date() : null,
    })
    .execute();
  await db
    .insertInto('auth_session_info')
    .values({
      session_id: id,
      user_id: userId,
      user_agent: summarizeUserAgent(origin.userAgent ?? ''),
      ip_prefix: truncateIp(origin.ip ?? ''),
    })
    .execute();
  return {
    token,
    session: {
      id,
      userId,
      organisationId,
      csrfToken,
      secondFactor: passedSecondFactor(how.secondFactor === true, how.authMethod ?? 'password'),
    },
  };
}

/**
 * Whether a session counts as having passed a second factor (ADR 0020): the login's own second step,
 * or single sign-on, whose provider enforces its own (ADR 0019).
 */
function passedSecondFactor(secondStep: boolean, authMethod: string): boolean {
  return secondStep || authMethod === 'oidc';
}

/**
 * An IP address cut to its network (IPv4 /24, IPv6 /48): enough for the owner to recognise "home"
 * or "work", not enough to point at one device (data minimisation, GDPR art. 5(1)(c)).
 */
export function truncateIp(ip: string): string {
  const v4 = ip.replace(/^::ffff:/, '');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (ip.includes(':')) {
    const groups = ip.split('::')[0]?.split(':').filter(Boolean).slice(0, 3) ?? [];
    return groups.length > 0 ? `${groups.join(':')}::/48` : '';
  }
  return '';
}

/** "Firefox på Windows": the browser and system of a User-Agent header, nothing more. */
export function summarizeUserAgent(agent: string): string {
  const a = agent.slice(0, 512);
  const browser = /Edg\//.test(a)
    ? 'Edge'
    : /OPR\//.test(a)
      ? 'Opera'
      : /Firefox\//.test(a)
        ? 'Firefox'
        : /Chrome\/|Chromium\//.test(a)
          ? 'Chrome'
          : /Safari\//.test(a)
            ? 'Safari'
            : a.length > 0
              ? 'other'
              : '';
  const system = /iPhone|iPad/.test(a)
    ? 'iOS'
    : /Android/.test(a)
      ? 'Android'
      : /Windows/.test(a)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(a)
          ? 'macOS'
          : /Linux/.test(a)
            ? 'Linux'
            : '';
  return [browser, system].filter(Boolean).join(' / ');
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, or every one but `except` (after a password change, a reset, enrolment). */
export async function deleteUserSessions(db: Db, userId: string, except?: string): Promise<number> {
  let query = db.deleteFrom('session').where('user_id', '=', userId);
  if (except !== undefined) query = query.where('id', '<>', except);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Last touch per session in this process: `last_used_at` is written at most every 5 minutes. */
const touched = new Map<string, number>();
const TOUCH_EVERY_MS = 5 * 60_000;

/**
 * Records that a session was used (for the owner's session list). Not in `session` itself, whose
 * every change empties the session cache; a failure here never fails the request.
 */
export function touchSession(db: Kysely<Database>, sessionId: string): void {
  const now = Date.now();
  const last = touched.get(sessionId);
  if (last !== undefined && now - last < TOUCH_EVERY_MS) return;
  if (touched.size > 50_000) touched.clear();
  touched.set(sessionId, now);
  db.updateTable('auth_session_info')
    .set({ last_used_at: new Date(now) })
    .where('session_id', '=', sessionId)
    .execute()
    .catch(() => touched.delete(sessionId));
}

export type LoadedSession = {
  session: Session;
  actor: Actor | null;
  /** The user must have a second factor (`secondFactorRequired`) and has none yet. */
  secondFactorMissing?: boolean;
};

/** A session as read from the database, with its expiry (checked on every use, cached or not). */
export type StoredSession = { loaded: LoadedSession | null; expiresAt: number };

/**
 * The cache of loaded sessions (one partition: every change to sessions, users, memberships or
 * roles anywhere drops them all — such changes are rare next to the reads). Unknown, expired and
 * disabled sessions are never kept.
 */
export const sessionCache = defineCache<StoredSession>({
  name: 'auth.sessions',
  tables: ['session', 'user_account', 'membership', 'role_assignment', 'auth_totp'],
  scope: 'global',
  max: 10_000,
  ttlMs: 60_000,
  cacheable: (stored) => stored.loaded !== null,
});

/**
 * The session, the user, their membership and roles in the session's organisation (from the
 * cache, or in ONE query — it runs on every API request); null when unknown, expired or the
 * user is disabled.
 */
export async function loadSession(
  db: Kysely<Database>,
  token: string,
  cache?: ReadCache<StoredSession>,
  rules: readonly SecondFactorRule[] = [],
): Promise<LoadedSession | null> {
  const id = tokenHash(token);
  const stored = cache
    ? await cache.get(GLOBAL_PARTITION, id, () => readSession(db, id, rules))
    : await readSession(db, id, rules);
  if (stored.loaded === null || stored.expiresAt <= Date.now()) return null;
  return stored.loaded;
}

async function readSession(
  db: Kysely<Database>,
  id: string,
  rules: readonly SecondFactorRule[],
): Promise<StoredSession> {
  const row = await db
    .selectFrom('session')
    .innerJoin('user_account', 'user_account.id', 'session.user_id')
    .leftJoin('membership', (join) =>
      join
        .onRef('membership.organisation_id', '=', 'session.organisation_id')
        .onRef('membership.user_id', '=', 'session.user_id'),
    )
    .select((eb) => [
      'session.id',
      'session.user_id',
      'session.organisation_id',
      'session.csrf_token',
      'session.expires_at',
      'session.auth_method',
      'session.second_factor_at',
      'user_account.name',
      'user_account.email',
      'user_account.locale',
      'user_account.disabled_at',
      'membership.user_id as member_user_id',
      'membership.employee_id',
      jsonArrayFrom(
        eb
          .selectFrom('role_assignment')
          .select(['role_assignment.role', 'role_assignment.verneomrade_id'])
          .whereRef('role_assignment.organisation_id', '=', 'session.organisation_id')
          .whereRef('role_assignment.user_id', '=', 'session.user_id'),
      ).as('assignments'),
    ])
    .where('session.id', '=', id)
    .executeTakeFirst();
  if (!row || row.disabled_at !== null) return { loaded: null, expiresAt: 0 };
  const expiresAt = row.expires_at.getTime();
  // A single sign-on session has passed the provider's own second factor (ADR 0019).
  const secondFactorMissing =
    row.auth_method !== 'oidc' &&
    !(await hasSecondFactor(db, row.user_id)) &&
    (await secondFactorRequired(db, row.user_id, rules));
  const session: Session = {
    id: row.id,
    userId: row.user_id,
    organisationId: row.organisation_id,
    csrfToken: row.csrf_token,
    secondFactor: passedSecondFactor(row.second_factor_at !== null, row.auth_method),
  };
  if (row.organisation_id === null || row.member_user_id === null) {
    return { loaded: { session, actor: null, secondFactorMissing }, expiresAt };
  }
  const actor: Actor = {
    userId: row.user_id,
    organisationId: row.organisation_id,
    roles: [...new Set(row.assignments.map((a) => a.role))],
    employeeId: row.employee_id,
    verneomradeIds: row.assignments.flatMap((a) => (a.verneomrade_id ? [a.verneomrade_id] : [])),
    name: row.name,
    email: row.email,
    locale: isLocale(row.locale) ? row.locale : 'nb',
  };
  return { loaded: { session, actor, secondFactorMissing }, expiresAt };
}

/** The user's roles and scope in one organisation; null when the user is not a member. */
export async function loadActor(
  db: Kysely<Database>,
  userId: string,
  organisationId: string,
): Promise<Omit<Actor, 'name' | 'email' | 'locale'> | null> {
  const membership = await db
    .selectFrom('membership')
    .select(['employee_id'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!membership) return null;
  const assignments = await db
    .selectFrom('role_assignment')
    .select(['role', 'verneomrade_id'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
  const roles = [...new Set(assignments.map((a) => a.role))] as Role[];
  return {
    userId,
    organisationId,
    roles,
    employeeId: membership.employee_id,
    verneomradeIds: assignments.flatMap((a) => (a.verneomrade_id ? [a.verneomrade_id] : [])),
  };
}

export async function deleteExpiredSessions(db: Kysely<Database>): Promise<number> {
  const result = await db.deleteFrom('session').where('expires_at', '<=', new Date()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * What a user who must set up a second factor may still do before enrolling: see the session (and
 * whether the installation is set up, which the app shell asks on every load), enrol, choose a
 * language, log out (everything else: 403 `SECOND_FACTOR_REQUIRED`).
 */
function allowedBeforeEnrolment(method: string, url: string): boolean {
  const path = url.split('?')[0] ?? '';
  if (path.startsWith('/api/v1/me/second-factor')) return true;
  return (
    (method === 'GET' && (path === '/api/v1/session' || path === '/api/v1/setup')) ||
    (method === 'POST' && path === '/api/v1/auth/logout') ||
    (method === 'PUT' && path === '/api/v1/me/locale')
  );
}

/**
 * The session of one API request (the HTTP layer's session loader): loads it, records its use for
 * the owner's session list, and — when the second factor is required — refuses every other
 * request of a user who must enrol and has not.
 */
export async function loadRequestSession(
  db: Kysely<Database>,
  token: string,
  cache: ReadCache<StoredSession> | undefined,
  request: { method: string; url: string },
  mode: 'required' | 'optional',
  rules: readonly SecondFactorRule[],
): Promise<LoadedSession | null> {
  const loaded = await loadSession(db, token, cache, rules);
  if (loaded === null) return null;
  touchSession(db, loaded.session.id);
  if (
    mode === 'required' &&
    loaded.secondFactorMissing === true &&
    !allowedBeforeEnrolment(request.method, request.url)
  ) {
    throw new AppError('SECOND_FACTOR_REQUIRED', {
      nb: 'Du må sette opp innlogging med autentiseringsapp (to-trinns innlogging) før du kan fortsette.',
      en: 'You need to set up login with an authenticator app (two-step login) before you continue.',
    });
  }
  return loaded;
}
