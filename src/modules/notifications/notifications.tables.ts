/** Row types of the notification tables (migration 0004-notifications). */
import type { ColumnType, Generated } from 'kysely';
import type { NotificationKind } from '../../contracts/notifications/notifications.schemas.ts';

type IsoDate = string;
type CreatedAt = ColumnType<Date, never, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type { NotificationKind } from '../../contracts/notifications/notifications.schemas.ts';

/**
 * The in-app inbox. One row per (reminder or event, recipient); `key` is deterministic and unique.
 * `kind` `event` was allowed by migration 0017-dokumenter-hand-over.
 */
export interface NotificationTable {
  organisation_id: string;
  id: Generated<string>;
  /**
   * `reminder:<org>:<employee>:<caseStart>:<milestone>:<before|due>:<date>:<user>`, `custom:<org>:<id>:<date>:<user>`
   * or `event:<org>:<employee>:<caseStart>:<document>:<id>:<event>[:<n>]:<user>` (`events.ts`).
   */
  key: string;
  user_id: string;
  kind: NotificationKind;
  /** The day the reminder is for (it may have been delivered later: `late`); an event: the day it happened. */
  remind_date: IsoDate;
  /** The deadline (null for custom reminders). */
  due_date: IsoDate | null;
  late: ColumnType<boolean, boolean | undefined, boolean>;
  employee_id: string | null;
  milestone_key: string | null;
  title_nb: string;
  title_en: string;
  body_nb: string;
  body_en: string;
  /** A path inside the logged-in app, e.g. `/sykefravaer/<employeeId>`. */
  link: string | null;
  read_at: NullableTimestamp;
  created_at: CreatedAt;
}

/** "Påminn meg 3. mars": a reminder a user makes for themselves. */
export interface CustomReminderTable {
  organisation_id: string;
  id: Generated<string>;
  user_id: string;
  remind_on: IsoDate;
  /** At most 200 characters; shown in the app only, never in e-mail or the calendar feed. */
  text: string;
  employee_id: string | null;
  created_at: CreatedAt;
}

/** Per user and organisation; no row means the defaults (e-mail on). In-app is always on. */
export interface NotificationSettingTable {
  organisation_id: string;
  user_id: string;
  email_enabled: boolean;
  updated_at: Timestamp;
}

/** The secret of a user's iCal feed: a public selector and the SHA-256 of the secret verifier. */
export interface CalendarFeedTokenTable {
  organisation_id: string;
  user_id: string;
  selector: string;
  secret_hash: Buffer;
  created_at: Timestamp;
}

/** What the mail job did, keyed by the job key: written after the SMTP server accepted the message. */
export interface MailDeliveryTable {
  organisation_id: string;
  key: string;
  user_id: string | null;
  outcome: 'sent' | 'skipped';
  message_id: string | null;
  worker_id: string | null;
  sent_at: CreatedAt;
}

export interface NotificationTables {
  notification: NotificationTable;
  custom_reminder: CustomReminderTable;
  notification_setting: NotificationSettingTable;
  calendar_feed_token: CalendarFeedTokenTable;
  mail_delivery: MailDeliveryTable;
}

declare module '../../db/schema.ts' {
  interface Database extends NotificationTables {}
}
