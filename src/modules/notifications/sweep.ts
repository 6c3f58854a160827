/**
 * The reminder sweep: for a day, every reminder due that day (and those missed in the last
 * `CATCH_UP_DAYS` days while no worker ran, marked late) lands once in the recipient's inbox and,
 * when they want e-mail, as one mail job.
 *
 * Exactly once, by construction:
 * - Each reminder has a deterministic key `<deadline.keyBase>:<before|due>:<date>:<user>`, unique in
 *   `notification`: `reminder:<source>:<org>:<subject>:<item>:…` for a module's deadline, and for
 *   sick leave the format of before, `reminder:<org>:<employee>:<caseStart>:<milestone>:…` (a
 *   routine task has `task:<taskKey>` in the milestone slot, an agreed action `action:<id>`);
 *   custom reminders `custom:<org>:<reminder>:<date>:<user>`.
 * - Per deadline, one transaction inserts the inbox rows with `on conflict do nothing` and, only
 *   for rows it actually inserted, enqueues the mail job under the same key. A crash before the
 *   commit leaves neither; after it, both. A rerun (retry, restart, a second worker, tomorrow's
 *   catch-up) inserts nothing that exists and so enqueues nothing twice.
 * - The sweep can therefore be killed at any point and simply run again.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { addDays, type IsoDate } from '../../domain/calendar/index.ts';
import type { Text } from '../../i18n/locale.ts';
import { enqueue } from '../../jobs/index.ts';
import { type Deadline, type DeadlineSource, isOpenDeadline } from '../../platform/reminders.ts';
import {
  customNotificationText,
  deadlineNotificationText,
  type InAppText,
  type ReminderKind,
} from './messages.ts';
import type { NotificationKind } from './notifications.tables.ts';
import { type Recipient, recipientCache, userRecipient } from './recipients.ts';

export const SWEEP_JOB = 'notifications.sweep';
export const MAIL_JOB = 'notifications.mail';
/** Reminders whose day passed while no worker ran are still sent (late) this many days later. */
export const CATCH_UP_DAYS = 7;
/** §11.6: the first reminder comes 14 days before the due date. */
export const REMINDER_LEAD_DAYS = 14;
/** With the default backoff (10 s × 2^(n−1)) 8 attempts span about 21 minutes. */
export const DEFAULT_MAIL_MAX_ATTEMPTS = 8;

export type MailJobPayload = { organisationId: string; userId: string; area?: Text };

/** The key of one reminder of a deadline to one user. */
export function reminderKey(r: {
  keyBase: string;
  kind: ReminderKind;
  date: IsoDate;
  userId: string;
}): string {
  return `${r.keyBase}:${r.kind}:${r.date}:${r.userId}`;
}

export function customReminderKey(organisationId: string, reminderId: string, date: IsoDate, userId: string) {
  return `custom:${organisationId}:${reminderId}:${date}:${userId}`;
}

/** One inbox row to deliver (with its mail job): a reminder, a custom reminder or an event (`events.ts`). */
export type NewNotification = {
  organisationId: string;
  key: string;
  recipient: Recipient;
  kind: NotificationKind;
  remindDate: IsoDate;
  dueDate: IsoDate | null;
  late: boolean;
  employeeId: string | null;
  milestoneKey: string | null;
  text: InAppText;
  /** The deadline's area, for the e-mail's wording (none: the sick-leave follow-up). */
  area?: Text;
};

/** Inserts the inbox row and, if it is new and the user wants e-mail, its mail job — in `trx`. */
export async function deliver(
  trx: Transaction<Database>,
  n: NewNotification,
  mailMaxAttempts: number,
): Promise<{ inserted: boolean; mailed: boolean }> {
  const inserted = await trx
    .insertInto('notification')
    .values({
      organisation_id: n.organisationId,
      key: n.key,
      user_id: n.recipient.userId,
      kind: n.kind,
      remind_date: n.remindDate,
      due_date: n.dueDate,
      late: n.late,
      employee_id: n.employeeId,
      milestone_key: n.milestoneKey,
      title_nb: n.text.title.nb,
      title_en: n.text.title.en,
      body_nb: n.text.body.nb,
      body_en: n.text.body.en,
      link: n.text.link,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return { inserted: false, mailed: false };
  if (!n.recipient.emailEnabled || !n.recipient.email) return { inserted: true, mailed: false };
  const payload: MailJobPayload = {
    organisationId: n.organisationId,
    userId: n.recipient.userId,
    ...(n.area ? { area: n.area } : {}),
  };
  await enqueue(trx, {
    key: n.key,
    kind: MAIL_JOB,
    payload,
    organisationId: n.organisationId,
    maxAttempts: mailMaxAttempts,
  });
  return { inserted: true, mailed: true };
}

export type SweepOptions = {
  db: Kysely<Database>;
  deadlineSource: DeadlineSource;
  /** The day in Norway (Europe/Oslo). */
  today: IsoDate;
  catchUpDays?: number;
  mailMaxAttempts?: number;
  /** Called after each deadline (progress for logs and tests). */
  onProgress?: (done: number, total: number) => void | Promise<void>;
};

export type SweepResult = {
  deadlines: number;
  /** Inbox rows created by this run. */
  notifications: number;
  mails: number;
  late: number;
  /** Reminders that already existed (an earlier or concurrent run delivered them). */
  existing: number;
  customReminders: number;
};

type Planned = { deadline: Deadline; dates: IsoDate[] };

export async function runSweep(options: SweepOptions): Promise<SweepResult> {
  const { db, today } = options;
  const from = addDays(today, -(options.catchUpDays ?? CATCH_UP_DAYS));
  const mailMaxAttempts = options.mailMaxAttempts ?? DEFAULT_MAIL_MAX_ATTEMPTS;
  const result: SweepResult = {
    deadlines: 0,
    notifications: 0,
    mails: 0,
    late: 0,
    existing: 0,
    customReminders: 0,
  };

  // A deadline source lists a deadline when its due date or one of its reminder dates is in
  // [from, to] (`listDeadlines`), so [from, today] is exactly what is needed here; asking up to
  // today + 14 made `listDeadlines` build and sort twice as many deadlines (bench/reminders).
  const deadlines = await options.deadlineSource(db, { from, to: today, today });
  const planned: Planned[] = [];
  for (const deadline of deadlines) {
    if (!isOpenDeadline(deadline)) continue;
    const dates = [...new Set(deadline.reminderDates.filter((d) => d >= from && d <= today))].sort();
    if (dates.length > 0) planned.push({ deadline, dates });
  }
  result.deadlines = planned.length;

  // What earlier runs delivered: a rerun after a crash skips those deadlines without a transaction.
  const existingRows = await db
    .selectFrom('notification')
    .select('key')
    .where('remind_date', '>=', from)
    .where('remind_date', '<=', today)
    .execute();
  const existing = new Set(existingRows.map((r) => r.key));
  const recipients = recipientCache(db);
  const failures: unknown[] = [];

  for (const [index, { deadline, dates }] of planned.entries()) {
    try {
      const who = await recipients(deadline.organisationId, deadline.recipients);
      const items: NewNotification[] = [];
      for (const date of dates) {
        const kind: ReminderKind = date >= deadline.due ? 'due' : 'before';
        const late = date < today;
        const text = deadlineNotificationText({
          title: deadline.title,
          area: deadline.area,
          link: deadline.link,
          due: deadline.due,
          kind,
          remindDate: date,
          late,
        });
        for (const recipient of who) {
          const key = reminderKey({ keyBase: deadline.keyBase, kind, date, userId: recipient.userId });
          if (existing.has(key)) {
            result.existing++;
            continue;
          }
          items.push({
            organisationId: deadline.organisationId,
            key,
            recipient,
            kind: kind === 'due' ? 'reminder-due' : 'reminder-before',
            remindDate: date,
            dueDate: deadline.due,
            late,
            employeeId: deadline.employeeId,
            milestoneKey: deadline.itemKey,
            text,
            area: deadline.area,
          });
        }
      }
      if (items.length > 0) {
        // One transaction per deadline: its inbox rows and mail jobs commit together or not at all.
        const outcomes = await db.transaction().execute(async (trx) => {
          const done: { inserted: boolean; mailed: boolean; late: boolean }[] = [];
          for (const item of items)
            done.push({ ...(await deliver(trx, item, mailMaxAttempts)), late: item.late });
          return done;
        });
        for (const o of outcomes) {
          if (o.inserted) {
            result.notifications++;
            if (o.late) result.late++;
          } else result.existing++;
          if (o.mailed) result.mails++;
        }
      }
    } catch (error) {
      // One bad deadline (e.g. an employee deleted meanwhile) must not stop the others.
      failures.push(error);
    }
    await options.onProgress?.(index + 1, planned.length);
  }

  const custom = await db
    .selectFrom('custom_reminder')
    .select(['organisation_id', 'id', 'user_id', 'remind_on', 'text', 'employee_id'])
    .where('remind_on', '>=', from)
    .where('remind_on', '<=', today)
    .orderBy('remind_on')
    .orderBy('id')
    .execute();
  for (const reminder of custom) {
    const key = customReminderKey(
      reminder.organisation_id,
      reminder.id,
      reminder.remind_on,
      reminder.user_id,
    );
    if (existing.has(key)) continue;
    try {
      const outcome = await deliverCustomReminder(db, {
        organisationId: reminder.organisation_id,
        id: reminder.id,
        userId: reminder.user_id,
        remindOn: reminder.remind_on,
        text: reminder.text,
        employeeId: reminder.employee_id,
        today,
        mailMaxAttempts,
      });
      if (outcome.inserted) {
        result.customReminders++;
        result.notifications++;
      }
      if (outcome.mailed) result.mails++;
    } catch (error) {
      failures.push(error);
    }
  }

  if (failures.length > 0) {
    const first = failures[0] instanceof Error ? failures[0].message : String(failures[0]);
    // The job is retried; what was delivered stays delivered.
    throw new Error(
      `the sweep failed for ${failures.length} reminder(s); the first: ${first.split('\n')[0]}`,
    );
  }
  return result;
}

/** Delivers one custom reminder to its owner (used by the sweep, and at once for a reminder made for today). */
export async function deliverCustomReminder(
  db: Kysely<Database>,
  r: {
    organisationId: string;
    id: string;
    userId: string;
    remindOn: IsoDate;
    text: string;
    employeeId: string | null;
    today: IsoDate;
    mailMaxAttempts?: number;
  },
): Promise<{ inserted: boolean; mailed: boolean }> {
  const recipient = await userRecipient(db, r.organisationId, r.userId);
  if (!recipient) return { inserted: false, mailed: false };
  const late = r.remindOn < r.today;
  return db.transaction().execute((trx) =>
    deliver(
      trx,
      {
        organisationId: r.organisationId,
        key: customReminderKey(r.organisationId, r.id, r.remindOn, r.userId),
        recipient,
        kind: 'custom',
        remindDate: r.remindOn,
        dueDate: null,
        late,
        employeeId: r.employeeId,
        milestoneKey: null,
        text: customNotificationText({
          text: r.text,
          remindDate: r.remindOn,
          employeeId: r.employeeId,
          late,
        }),
      },
      r.mailMaxAttempts ?? DEFAULT_MAIL_MAX_ATTEMPTS,
    ),
  );
}
