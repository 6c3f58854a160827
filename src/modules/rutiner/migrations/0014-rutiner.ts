import { type Kysely, sql } from 'kysely';

/**
 * The HMS handbook (src/modules/rutiner): written routines (IK-f § 5 no. 7; aml § 3-1 (2) e), each
 * text version kept, and employees' read confirmations per version (IK-f § 5 no. 2). Tenant-owned:
 * `organisation_id` first in every key. PostgreSQL 15 subset only (PGlite runs the same).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table hms_routine (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      title text not null check (char_length(title) between 1 and 200),
      category text not null check (category in ('avvik', 'varsling', 'introduksjon', 'forstehjelp', 'brann', 'annet')),
      -- A member of the organisation when saved (checked by the route); removed users leave it empty,
      -- and the review reminders then go to HR.
      owner_user_id uuid references user_account (id) on delete set null,
      review_due date not null,
      applies_to_all boolean not null default true,
      -- The number of the current text (hms_routine_version.version).
      current_version integer not null default 1 check (current_version >= 1),
      -- The record's revision, for optimistic concurrency.
      version integer not null default 1 check (version >= 1),
      archived_at timestamptz,
      archived_by uuid,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      primary key (organisation_id, id)
    );
    -- The reminder sweep reads active routines by review date.
    create index hms_routine_active_by_review on hms_routine (review_due, organisation_id) where archived_at is null;

    -- The units a routine is limited to (with everything below them); none when it applies to all.
    create table hms_routine_unit (
      organisation_id uuid not null,
      routine_id uuid not null,
      unit_id uuid not null,
      primary key (organisation_id, routine_id, unit_id),
      foreign key (organisation_id, routine_id) references hms_routine (organisation_id, id) on delete cascade,
      foreign key (organisation_id, unit_id) references unit (organisation_id, id) on delete cascade
    );

    create table hms_routine_version (
      organisation_id uuid not null,
      routine_id uuid not null,
      version integer not null check (version >= 1),
      body text not null check (char_length(body) between 1 and 20000),
      change_note text not null default '' check (char_length(change_note) <= 500),
      published_at timestamptz not null default now(),
      published_by uuid,
      published_by_name text,
      primary key (organisation_id, routine_id, version),
      foreign key (organisation_id, routine_id) references hms_routine (organisation_id, id) on delete cascade
    );

    -- One confirmation per routine version and employee; older versions' confirmations stay as history.
    create table routine_confirmation (
      organisation_id uuid not null,
      routine_id uuid not null,
      version integer not null,
      employee_id uuid not null,
      user_id uuid references user_account (id) on delete set null,
      confirmed_at timestamptz not null default now(),
      primary key (organisation_id, routine_id, version, employee_id),
      foreign key (organisation_id, routine_id, version)
        references hms_routine_version (organisation_id, routine_id, version) on delete cascade,
      foreign key (organisation_id, employee_id) references employee (organisation_id, id) on delete cascade
    );
    create index routine_confirmation_by_employee on routine_confirmation (organisation_id, employee_id);
  `.execute(db);
}
