/**
 * Login throttling, kept in the database so it holds across processes (ADR 0016, issue 11 item 5).
 *
 * - per IP address: 30 failures in 15 minutes lock the address out (429) for 15 minutes;
 * - per account *and* IP address: 5 failures in 15 minutes lock that address out of that account;
 * - per account: 5 failures in 15 minutes put the account "under attack" — it is NOT locked (a
 *   stranger could otherwise lock anyone out), but every attempt on it waits a short delay first,
 *   and a correct password still needs the second factor when the account has one. The owner is
 *   shown the failed attempts at the next login (`auth_failed_login`).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';

const WINDOW_MS = 15 * 60_000;
export const LIMITS = { account: 5, pair: 5, ip: 30 } as const;
/** The wait before an attempt on an account under attack (slows guessing from many addresses). */
export const UNDER_ATTACK_DELAY_MS = 1_500;

export type ThrottleKeys = { account: string; pair: string; ip: string };

export const throttleKeys = (email: string, ip: string): ThrottleKeys => {
  const address = email.trim().toLowerCase();
  return { account: `account:${address}`, pair: `pair:${address}|${ip}`, ip: `ip:${ip}` };
};

function lockedError(minutes: number) {
  return new AppError(
    'RATE_LIMITED',
    {
      nb: `For mange mislykkede innloggingsforsøk. Vent ${minutes} ${minutes === 1 ? 'minutt' : 'minutter'} og prøv igjen.`,
      en: `Too many failed login attempts. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`,
    },
    { headers: { 'retry-after': String(minutes * 60) } },
  );
}

/**
 * Refuses an address locked out (by its own failures, overall or on this account); tells whether
 * the account itself is under attack (then the caller delays, and lets a correct password through).
 */
export async function assertNotThrottled(
  db: Kysely<Database>,
  keys: ThrottleKeys,
): Promise<{ underAttack: boolean }> {
  const rows = await db
    .selectFrom('login_throttle')
    .select(['key', 'locked_until'])
    .where('key', 'in', [keys.account, keys.pair, keys.ip])
    .execute();
  const now = Date.now();
  const isLocked = (key: string) =>
    rows.find((r) => r.key === key && r.locked_until !== null && r.locked_until.getTime() > now);
  const hard = isLocked(keys.ip) ?? isLocked(keys.pair);
  if (hard?.locked_until) {
    throw lockedError(Math.max(1, Math.ceil((hard.locked_until.getTime() - now) / 60_000)));
  }
  return { underAttack: isLocked(keys.account) !== undefined };
}

export async function recordFailure(db: Kysely<Database>, keys: ThrottleKeys) {
  const windowStart = new Date(Date.now() - WINDOW_MS);
  for (const [key, limit] of [
    [keys.account, LIMITS.account],
    [keys.pair, LIMITS.pair],
    [keys.ip, LIMITS.ip],
  ] as const) {
    // One statement: restart the window when it has passed, count the failure, lock at the limit.
    await sql`
      insert into login_throttle (key, failures, window_start, locked_until)
      values (${key}, 1, now(), null)
      on conflict (key) do update set
        failures = case when login_throttle.window_start < ${windowStart} then 1 else login_throttle.failures + 1 end,
        window_start = case when login_throttle.window_start < ${windowStart} then now() else login_throttle.window_start end,
        locked_until = case
          when login_throttle.window_start >= ${windowStart} and login_throttle.failures + 1 >= ${limit}
          then now() + interval '15 minutes'
          else null end
    `.execute(db);
  }
}

/** After a successful login: the account and this address's count on it start afresh. */
export async function clearFailures(db: Kysely<Database>, keys: ThrottleKeys) {
  await db.deleteFrom('login_throttle').where('key', 'in', [keys.account, keys.pair]).execute();
}
