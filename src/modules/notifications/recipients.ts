/**
 * Who gets a deadline reminder — the one place this rule lives (the sweep and the calendar feed
 * both use it): the user account linked to the employee's nærmeste leder (`membership.employee_id`
 * = the leader's employee record); if there is none, or it is disabled, every HR user of the
 * organisation.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Locale } from '../../i18n/locale.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type Recipient = {
  userId: string;
  email: string;
  locale: Locale;
  /** From `notification_setting` (default on). In-app notifications are always on. */
  emailEnabled: boolean;
};

function recipientQuery(db: Db, organisationId: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('user_account as a', 'a.id', 'm.user_id')
    .leftJoin('notification_setting as s', (j) =>
      j.onRef('s.organisation_id', '=', 'm.organisation_id').onRef('s.user_id', '=', 'm.user_id'),
    )
    .select(['a.id as userId', 'a.email', 'a.locale', 's.email_enabled'])
    .where('m.organisation_id', '=', organisationId)
    .where('a.disabled_at', 'is', null);
}

type Row = { userId: string; email: string; locale: Locale; email_enabled: boolean | null };

const toRecipient = (r: Row): Recipient => ({
  userId: r.userId,
  email: r.email,
  locale: r.locale,
  emailEnabled: r.email_enabled ?? true,
});

export async function reminderRecipients(
  db: Db,
  organisationId: string,
  leaderEmployeeId: string | null,
): Promise<Recipient[]> {
  if (leaderEmployeeId !== null) {
    const leader = await recipientQuery(db, organisationId)
      .where('m.employee_id', '=', leaderEmployeeId)
      .execute();
    if (leader.length > 0) return leader.map(toRecipient);
  }
  const hr = await recipientQuery(db, organisationId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_assignment as r')
          .select('r.user_id')
          .whereRef('r.organisation_id', '=', 'm.organisation_id')
          .whereRef('r.user_id', '=', 'm.user_id')
          .where('r.role', '=', 'hr'),
      ),
    )
    .orderBy('a.id')
    .execute();
  return hr.map(toRecipient);
}

/** `reminderRecipients` memoised per (organisation, leader) for one sweep or one feed. */
export function recipientCache(
  db: Db,
): (organisationId: string, leader: string | null) => Promise<Recipient[]> {
  const cache = new Map<string, Promise<Recipient[]>>();
  return (organisationId, leader) => {
    const key = `${organisationId}:${leader ?? ''}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = reminderRecipients(db, organisationId, leader);
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
    }
    return hit;
  };
}

/** One user of the organisation as a recipient (custom reminders go to their owner), if still active. */
export async function userRecipient(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<Recipient | null> {
  const row = await recipientQuery(db, organisationId).where('m.user_id', '=', userId).executeTakeFirst();
  return row ? toRecipient(row) : null;
}
