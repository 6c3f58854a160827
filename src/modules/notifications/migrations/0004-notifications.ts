import { type Kysely, sql } from 'kysely';

/**
 * Reminders and notifications (src/modules/notifications): the in-app inbox, custom reminders,
 * per-user notification settings, iCal feed secrets and the record of sent e-mails.
 * Tenant-owned: `organisation_id` first in every key. PostgreSQL 15 subset only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      key text not null,
      user_id uuid not null,
      kind text not null check (kind in ('reminder-before', 'reminder-due', 'custom')),
      remind_date date not null,
      due_date date,
      late boolean not null default false,
      employee_id uuid,
      milestone_key text,
      title_nb text not null,
      title_en text not null,
      body_nb text not null,
      body_en text not null,
      link text,
      read_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      -- The deterministic key (it contains the organisation id, so it is unique overall too).
      unique (organisation_id, key),
      foreign key (organisation_id, user_id) references membership (organisation_id, user_id) on delete cascade,
      foreign key (organisation_id, employee_id) references employee (organisation_id, id) on delete cascade
    );
    create index notification_inbox on notification (organisation_id, user_id, (read_at is null), created_at desc, id);
    -- The sweep looks up which reminders of the catch-up window already exist.
    create index notification_by_day on notification (remind_date, organisation_id);

    create table custom_reminder (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      remind_on date not null,
      text text not null check (char_length(text) between 1 and 200),
      employee_id uuid,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, user_id) references membership (organisation_id, user_id) on delete cascade,
      foreign key (organisation_id, employee_id) references employee (organisation_id, id) on delete set null (employee_id)
    );
    create index custom_reminder_by_user on custom_reminder (organisation_id, user_id, remind_on);
    create index custom_reminder_due on custom_reminder (remind_on);

    create table notification_setting (
      organisation_id uuid not null,
      user_id uuid not null,
      email_enabled boolean not null default true,
      updated_at timestamptz not null default now(),
      primary key (organisation_id, user_id),
      foreign key (organisation_id, user_id) references membership (organisation_id, user_id) on delete cascade
    );

    create table calendar_feed_token (
      organisation_id uuid not null,
      user_id uuid not null,
      selector text not null,
      secret_hash bytea not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, user_id),
      foreign key (organisation_id, user_id) references membership (organisation_id, user_id) on delete cascade
    );
    -- The feed URL carries no organisation: the random selector finds the row.
    create unique index calendar_feed_token_selector on calendar_feed_token (selector);

    create table mail_delivery (
      organisation_id uuid not null references organisation (id) on delete cascade,
      key text not null,
      user_id uuid,
      outcome text not null check (outcome in ('sent', 'skipped')),
      message_id text,
      worker_id text,
      sent_at timestamptz not null default now(),
      primary key (organisation_id, key)
    );
  `.execute(db);
}
