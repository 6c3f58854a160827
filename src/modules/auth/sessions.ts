/**
 * Server-side sessions. The cookie holds a random token; the database holds only its SHA-256,
 * so a leaked database does not leak live sessions. Each session has its own CSRF token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { ReadCache } from '../../db/read-cache.ts';
import type { Database } from '../../db/schema.ts';
import type { Role } from '../../domain/access/roles.ts';
import { isLocale } from '../../i18n/locale.ts';
import { defineCache, GLOBAL_PARTITION } from '../../platform/caches.ts';
import type { Actor, Session } from '../../platform/context.ts';

export const SESSION_COOKIE = 'naervaer_session';
export const CSRF_COOKIE = 'naervaer_csrf';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  organisationId: string | null,
  ttlHours: number,
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
    })
    .execute();
  return { token, session: { id, userId, organisationId, csrfToken } };
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

export type LoadedSession = { session: Session; actor: Actor | null };

/** A session as read from the database, with its expiry (checked on every use, cached or not). */
export type StoredSession = { loaded: LoadedSession | null; expiresAt: number };

/**
 * The cache of loaded sessions (one partition: every change to sessions, users, memberships or
 * roles anywhere drops them all — such changes are rare next to the reads). Unknown, expired and
 * disabled sessions are never kept.
 */
export const sessionCache = defineCache<StoredSession>({
  name: 'auth.sessions',
  tables: ['session', 'user_account', 'membership', 'role_assignment'],
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
): Promise<LoadedSession | null> {
  const id = tokenHash(token);
  const stored = cache
    ? await cache.get(GLOBAL_PARTITION, id, () => readSession(db, id))
    : await readSession(db, id);
  if (stored.loaded === null || stored.expiresAt <= Date.now()) return null;
  return stored.loaded;
}

async function readSession(db: Kysely<Database>, id: string): Promise<StoredSession> {
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
  const session: Session = {
    id: row.id,
    userId: row.user_id,
    organisationId: row.organisation_id,
    csrfToken: row.csrf_token,
  };
  if (row.organisation_id === null || row.member_user_id === null) {
    return { loaded: { session, actor: null }, expiresAt };
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
  return { loaded: { session, actor }, expiresAt };
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
