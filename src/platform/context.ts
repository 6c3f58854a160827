/**
 * What every request handler gets: the database, the user's language, and — when logged in —
 * the acting user with their roles in the current organisation.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Role } from '../domain/access/roles.ts';
import type { Locale } from '../i18n/locale.ts';
import type { CacheRegistry } from './caches.ts';

export type Actor = {
  userId: string;
  name: string;
  email: string;
  locale: Locale;
  /** The organisation the session works in; every query is scoped to it. */
  organisationId: string;
  roles: Role[];
  /** The employee record of this user in the organisation, if any (needed for `leder` scope). */
  employeeId: string | null;
  /** Verneområder this user is verneombud for. */
  verneomradeIds: string[];
};

export type Session = {
  id: string;
  userId: string;
  organisationId: string | null;
  csrfToken: string;
  /**
   * This session was opened with a second factor (TOTP or a recovery code at login, or by
   * confirming an authenticator app in it) — ADR 0020. Some data (varsling cases) needs it.
   */
  secondFactor: boolean;
};

export type RequestContext = {
  db: Kysely<Database>;
  locale: Locale;
  ip: string;
  session: Session | null;
  actor: Actor | null;
  /** The app's read caches; null when caching is off (tests, `CACHE=false`). */
  caches: CacheRegistry | null;
};

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
