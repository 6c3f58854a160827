import type { Db } from '../../db/schema.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { RecipientRule } from '../../platform/reminders.ts';

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

async function hrRecipients(db: Db, organisationId: string): Promise<Recipient[]> {
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

/** The users a rule names; empty when nobody active fits (the caller then falls back to HR). */
async function ruleRecipients(db: Db, organisationId: string, rule: RecipientRule): Promise<Recipient[]> {
  switch (rule.kind) {
    case 'leader-of': {
      if (rule.leaderEmployeeId === null) return [];
      const rows = await recipientQuery(db, organisationId)
        .where('m.employee_id', '=', rule.leaderEmployeeId)
        .execute();
      return rows.map(toRecipient);
    }
    case 'role': {
      const { role, verneomradeId } = rule;
      const rows = await recipientQuery(db, organisationId)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('role_assignment as r')
              .select('r.user_id')
              .whereRef('r.organisation_id', '=', 'm.organisation_id')
              .whereRef('r.user_id', '=', 'm.user_id')
              .where('r.role', '=', role)
              .$if(verneomradeId !== undefined, (q) => q.where('r.verneomrade_id', '=', verneomradeId ?? '')),
          ),
        )
        .orderBy('a.id')
        .execute();
      return rows.map(toRecipient);
    }
    case 'users': {
      if (rule.userIds.length === 0) return [];
      const rows = await recipientQuery(db, organisationId)
        .where('m.user_id', 'in', [...rule.userIds])
        .orderBy('a.id')
        .execute();
      return rows.map(toRecipient);
    }
  }
}

/**
 * Who gets a deadline's reminders — the one place this rule lives (the sweep and the calendar feed
 * both use it): the users the deadline's rule names; if none of them is active, every HR user of
 * the organisation, so a deadline never goes unowned.
 */
export async function reminderRecipients(
  db: Db,
  organisationId: string,
  rule: RecipientRule,
): Promise<Recipient[]> {
  const named = await ruleRecipients(db, organisationId, rule);
  return named.length > 0 ? named : hrRecipients(db, organisationId);
}

/** `reminderRecipients` memoised per (organisation, rule) for one sweep or one feed. */
export function recipientCache(
  db: Db,
): (organisationId: string, rule: RecipientRule) => Promise<Recipient[]> {
  const cache = new Map<string, Promise<Recipient[]>>();
  return (organisationId, rule) => {
    const key = `${organisationId}:${JSON.stringify(rule)}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = reminderRecipients(db, organisationId, rule);
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

/**
 * Who must act after a hand-over in a document's workflow (`events.ts`):
 * - `employee`: the login linked to the employee (`membership.employee_id`); none if they have none;
 * - `leader-of`: as for reminders — the leader's login, else every HR user (never unowned);
 * - `users`: these users, if still active members (no fallback);
 * - `emails`: active members whose login e-mail is one of these (case-insensitive), e.g. the
 *   participants of a dialogmøte who have a login.
 */
export type NoticeTarget =
  | { kind: 'employee'; employeeId: string }
  | { kind: 'leader-of'; leaderEmployeeId: string | null }
  | { kind: 'users'; userIds: readonly string[] }
  | { kind: 'emails'; emails: readonly string[] };

export async function noticeRecipients(
  db: Db,
  organisationId: string,
  target: NoticeTarget,
): Promise<Recipient[]> {
  switch (target.kind) {
    case 'employee': {
      const rows = await recipientQuery(db, organisationId)
        .where('m.employee_id', '=', target.employeeId)
        .orderBy('a.id')
        .execute();
      return rows.map(toRecipient);
    }
    case 'leader-of':
      return reminderRecipients(db, organisationId, target);
    case 'users':
      return ruleRecipients(db, organisationId, target);
    case 'emails': {
      const emails = [...new Set(target.emails.map((e) => e.trim().toLowerCase()).filter((e) => e !== ''))];
      if (emails.length === 0) return [];
      const rows = await recipientQuery(db, organisationId)
        .where((eb) => eb(eb.fn('lower', ['a.email']), 'in', emails))
        .orderBy('a.id')
        .execute();
      return rows.map(toRecipient);
    }
  }
}
