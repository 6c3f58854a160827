/**
 * Failed logins an account's owner is told about (issue 11 item 5): each wrong password or code
 * for a known account is kept with the address's network (never the full IP), shown at the next
 * login and on Min side until the owner has seen them; kept 90 days. Failures from the network the
 * owner then logs in from, in the minutes before, are taken as their own typos.
 */
import type { Db } from '../../db/schema.ts';
import { truncateIp } from './sessions.ts';

const KEEP_DAYS = 90;
/** At most this many unseen rows per account (a flood does not fill the table). */
const MAX_UNSEEN = 200;

export async function recordFailedLogin(db: Db, userId: string, ip: string): Promise<void> {
  const unseen = await unseenFailedLogins(db, userId);
  if (unseen >= MAX_UNSEEN) return;
  await db
    .insertInto('auth_failed_login')
    .values({ user_id: userId, ip_prefix: truncateIp(ip) })
    .execute();
}

export async function unseenFailedLogins(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('auth_failed_login')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('seen_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listFailedLogins(db: Db, userId: string) {
  const rows = await db
    .selectFrom('auth_failed_login')
    .select(['at', 'ip_prefix'])
    .where('user_id', '=', userId)
    .where('seen_at', 'is', null)
    .orderBy('at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({ at: r.at.toISOString(), ipPrefix: r.ip_prefix }));
}

export async function markFailedLoginsSeen(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('auth_failed_login')
    .set({ seen_at: new Date() })
    .where('user_id', '=', userId)
    .where('seen_at', 'is', null)
    .execute();
  await db
    .deleteFrom('auth_failed_login')
    .where('user_id', '=', userId)
    .where('at', '<', new Date(Date.now() - KEEP_DAYS * 86_400_000))
    .execute();
}

/** How far back a failure from the network of a successful login counts as the owner's own typo. */
const OWN_TYPO_MINUTES = 15;

export async function markOwnTypos(db: Db, userId: string, ip: string): Promise<void> {
  await db
    .updateTable('auth_failed_login')
    .set({ seen_at: new Date() })
    .where('user_id', '=', userId)
    .where('seen_at', 'is', null)
    .where('ip_prefix', '=', truncateIp(ip))
    .where('at', '>', new Date(Date.now() - OWN_TYPO_MINUTES * 60_000))
    .execute();
}
