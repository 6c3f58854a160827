/**
 * Login throttling, kept in the database so it holds across processes:
 * per account (5 failures in 15 minutes) and per IP address (30 failures in 15 minutes).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';

const WINDOW_MS = 15 * 60_000;
export const LIMITS = { account: 5, ip: 30 } as const;

export const throttleKeys = (email: string, ip: string) => ({
  account: `account:${email.trim().toLowerCase()}`,
  ip: `ip:${ip}`,
});

export async function assertNotThrottled(db: Kysely<Database>, keys: { account: string; ip: string }) {
  const rows = await db
    .selectFrom('login_throttle')
    .select(['key', 'locked_until'])
    .where('key', 'in', [keys.account, keys.ip])
    .execute();
  const now = Date.now();
  const locked = rows.find((r) => r.locked_until !== null && r.locked_until.getTime() > now);
  if (locked?.locked_until) {
    const minutes = Math.max(1, Math.ceil((locked.locked_until.getTime() - now) / 60_000));
    throw new AppError(
      'RATE_LIMITED',
      {
        nb: `For mange mislykkede innloggingsforsøk. Vent ${minutes} ${minutes === 1 ? 'minutt' : 'minutter'} og prøv igjen.`,
        en: `Too many failed login attempts. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`,
      },
      { headers: { 'retry-after': String(minutes * 60) } },
    );
  }
}

export async function recordFailure(db: Kysely<Database>, keys: { account: string; ip: string }) {
  const windowStart = new Date(Date.now() - WINDOW_MS);
  for (const [key, limit] of [
    [keys.account, LIMITS.account],
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

export async function clearFailures(db: Kysely<Database>, accountKey: string) {
  await db.deleteFrom('login_throttle').where('key', '=', accountKey).execute();
}
