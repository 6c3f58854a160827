/**
 * Inbox, settings and custom-reminder queries. Every query is scoped to the actor's organisation
 * and user: another user's notification or reminder is simply not found.
 */
import { type Kysely, sql } from 'kysely';
import type {
  CustomReminder,
  NotificationItem,
} from '../../contracts/notifications/notifications.schemas.ts';
import type { Database } from '../../db/schema.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { Actor } from '../../platform/context.ts';

type Db = Kysely<Database>;

const own = (actor: Actor) => (db: Db) =>
  db
    .selectFrom('notification')
    .where('organisation_id', '=', actor.organisationId)
    .where('user_id', '=', actor.userId);

export async function listNotifications(
  db: Db,
  actor: Actor,
  locale: Locale,
  filter: { unreadOnly: boolean; page: number; pageSize: number },
): Promise<{ items: NotificationItem[]; total: number; unread: number }> {
  let query = own(actor)(db);
  if (filter.unreadOnly) query = query.where('read_at', 'is', null);
  const [rows, counts] = await Promise.all([
    query
      .selectAll()
      // Unread first, then newest first.
      .orderBy(sql`(read_at is null)`, 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    own(actor)(db)
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.count<number>('id').filterWhere('read_at', 'is', null).as('unread'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: locale === 'nb' ? r.title_nb : r.title_en,
      body: locale === 'nb' ? r.body_nb : r.body_en,
      link: r.link,
      employeeId: r.employee_id,
      remindDate: r.remind_date,
      dueDate: r.due_date,
      late: r.late,
      read: r.read_at !== null,
      readAt: r.read_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
    })),
    total: filter.unreadOnly ? Number(counts.unread) : Number(counts.total),
    unread: Number(counts.unread),
  };
}

export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  const row = await own(actor)(db)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the actor's notifications read; false when it is not theirs (or does not exist). */
export async function markRead(db: Db, actor: Actor, id: string): Promise<boolean> {
  const row = await db
    .updateTable('notification')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('organisation_id', '=', actor.organisationId)
    .where('user_id', '=', actor.userId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markAllRead(db: Db, actor: Actor): Promise<number> {
  const result = await db
    .updateTable('notification')
    .set({ read_at: sql`now()` })
    .where('organisation_id', '=', actor.organisationId)
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function getSettings(db: Db, actor: Actor): Promise<{ emailEnabled: boolean }> {
  const row = await db
    .selectFrom('notification_setting')
    .select('email_enabled')
    .where('organisation_id', '=', actor.organisationId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  return { emailEnabled: row?.email_enabled ?? true };
}

export async function saveSettings(db: Db, actor: Actor, settings: { emailEnabled: boolean }): Promise<void> {
  await db
    .insertInto('notification_setting')
    .values({
      organisation_id: actor.organisationId,
      user_id: actor.userId,
      email_enabled: settings.emailEnabled,
    })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'user_id']).doUpdateSet({
        email_enabled: settings.emailEnabled,
        updated_at: new Date(),
      }),
    )
    .execute();
}

function reminderQuery(db: Db, actor: Actor) {
  return db
    .selectFrom('custom_reminder as r')
    .leftJoin('employee as e', (j) =>
      j.onRef('e.organisation_id', '=', 'r.organisation_id').onRef('e.id', '=', 'r.employee_id'),
    )
    .select(['r.id', 'r.remind_on', 'r.text', 'r.employee_id', 'e.name as employee_name', 'r.created_at'])
    .where('r.organisation_id', '=', actor.organisationId)
    .where('r.user_id', '=', actor.userId);
}

type ReminderRow = {
  id: string;
  remind_on: string;
  text: string;
  employee_id: string | null;
  employee_name: string | null;
  created_at: Date;
};

const toReminder = (r: ReminderRow): CustomReminder => ({
  id: r.id,
  date: r.remind_on,
  text: r.text,
  employeeId: r.employee_id,
  employeeName: r.employee_name,
  createdAt: r.created_at.toISOString(),
});

export async function listCustomReminders(db: Db, actor: Actor): Promise<CustomReminder[]> {
  const rows = await reminderQuery(db, actor).orderBy('r.remind_on').orderBy('r.created_at').execute();
  return rows.map(toReminder);
}

export async function findCustomReminder(
  db: Db,
  actor: Actor,
  id: string,
): Promise<CustomReminder | undefined> {
  const row = await reminderQuery(db, actor).where('r.id', '=', id).executeTakeFirst();
  return row ? toReminder(row) : undefined;
}

export async function insertCustomReminder(
  db: Db,
  actor: Actor,
  input: { date: string; text: string; employeeId: string | null },
): Promise<string> {
  const row = await db
    .insertInto('custom_reminder')
    .values({
      organisation_id: actor.organisationId,
      user_id: actor.userId,
      remind_on: input.date,
      text: input.text,
      employee_id: input.employeeId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteCustomReminder(db: Db, actor: Actor, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('custom_reminder')
    .where('organisation_id', '=', actor.organisationId)
    .where('user_id', '=', actor.userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
