import { type Kysely, sql } from 'kysely';

/**
 * The routine for sick-leave follow-up (src/modules/sykefravaer, `rutine.*`): the organisation's
 * versioned task template, the version each case was started with, and done tasks. Tasks
 * themselves are derived from the routine and the case (like milestones); only "done" is stored.
 * Version 1 of every organisation is the built-in default routine and is not stored.
 * Tenancy as in 0001. PostgreSQL 15 subset only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rutine_version (
      organisation_id uuid not null references organisation (id) on delete cascade,
      version integer not null check (version >= 2),
      tasks jsonb not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (organisation_id, version)
    );

    -- The routine version a case started with, stored on the first write to the case.
    create table rutine_case (
      organisation_id uuid not null,
      employee_id uuid not null,
      case_start date not null,
      version integer not null check (version >= 1),
      pinned_at timestamptz not null default now(),
      primary key (organisation_id, employee_id, case_start),
      foreign key (organisation_id, employee_id) references sykefravaer_followup (organisation_id, employee_id) on delete cascade
    );

    create table task_record (
      organisation_id uuid not null,
      employee_id uuid not null,
      case_start date not null,
      task_key text not null check (char_length(task_key) between 1 and 60),
      note text check (char_length(note) <= 500),
      done_by uuid,
      done_at timestamptz not null default now(),
      primary key (organisation_id, employee_id, case_start, task_key),
      foreign key (organisation_id, employee_id) references sykefravaer_followup (organisation_id, employee_id) on delete cascade
    );
  `.execute(db);
}
