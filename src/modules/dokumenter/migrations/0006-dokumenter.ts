import { type Kysely, sql } from 'kysely';

/**
 * Follow-up documents (src/modules/dokumenter): the oppfølgingsplan (aml § 4-6 (3)) with every saved
 * version, the employee's comments per section and the record of each sending (sykmelder, NAV).
 * Tenant-owned: `organisation_id` first in every key. PostgreSQL 15 subset only. No diagnosis field.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table oppfolgingsplan (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      employee_id uuid not null,
      case_start date not null,
      status text not null default 'utkast' check (status in ('utkast', 'til-godkjenning', 'godkjent')),
      content jsonb not null,
      content_version integer not null default 1,
      version integer not null default 1,
      approved_by uuid,
      approved_at timestamptz,
      approved_version integer,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_by uuid not null,
      updated_at timestamptz not null default now(),
      primary key (organisation_id, id),
      unique (organisation_id, employee_id, case_start),
      foreign key (organisation_id, employee_id) references employee (organisation_id, id) on delete cascade
    );

    create table oppfolgingsplan_version (
      organisation_id uuid not null,
      plan_id uuid not null,
      number integer not null,
      content jsonb not null,
      saved_by uuid not null,
      saved_at timestamptz not null default now(),
      primary key (organisation_id, plan_id, number),
      foreign key (organisation_id, plan_id) references oppfolgingsplan (organisation_id, id) on delete cascade
    );

    create table oppfolgingsplan_comment (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      plan_id uuid not null,
      section text not null,
      text text not null check (char_length(text) between 1 and 2000),
      written_by uuid not null,
      written_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, plan_id) references oppfolgingsplan (organisation_id, id) on delete cascade
    );
    create index oppfolgingsplan_comment_plan on oppfolgingsplan_comment (organisation_id, plan_id, written_at);

    create table oppfolgingsplan_sending (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      plan_id uuid not null,
      recipient text not null check (recipient in ('sykmelder', 'nav')),
      content_version integer not null,
      note text check (note is null or char_length(note) <= 1000),
      sent_by uuid not null,
      sent_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, plan_id) references oppfolgingsplan (organisation_id, id) on delete cascade
    );
    create index oppfolgingsplan_sending_plan on oppfolgingsplan_sending (organisation_id, plan_id, sent_at);
  `.execute(db);
}
