import { type Kysely, sql } from 'kysely';

/**
 * HMS goals, the handlingsplan and the annual review (src/modules/hms-mal). Tenant-owned:
 * `organisation_id` first in every key. PostgreSQL 15 subset only (PGlite runs the same).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- IK-f § 5 no. 4, aml § 3-1 (2) a: the written HMS goals, per year.
    create table hms_goal (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      year integer not null check (year between 2000 and 2100),
      title text not null check (char_length(title) between 1 and 200),
      description text not null default '' check (char_length(description) <= 4000),
      indicator text not null default '' check (char_length(indicator) <= 500),
      target text not null default '' check (char_length(target) <= 200),
      status text not null default 'planlagt' check (status in ('planlagt', 'pagar', 'nadd', 'ikke-nadd')),
      created_at timestamptz not null default now(),
      created_by uuid,
      created_by_name text,
      updated_at timestamptz not null default now(),
      version integer not null default 1 check (version >= 1),
      primary key (organisation_id, id)
    );
    create index hms_goal_by_year on hms_goal (organisation_id, year);

    -- IK-f § 5 no. 6, aml § 3-1 (2) c: the handlingsplan — measures with an owner and a due date.
    create table hms_measure (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      goal_id uuid,
      text text not null check (char_length(text) between 1 and 1000),
      owner_user_id uuid,
      owner_role text check (owner_role in ('admin', 'hr', 'leder', 'verneombud', 'amu', 'bht')),
      due date not null,
      done_at timestamptz,
      done_by uuid,
      done_by_name text,
      done_note text check (done_note is null or char_length(done_note) <= 2000),
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      version integer not null default 1 check (version >= 1),
      primary key (organisation_id, id),
      foreign key (organisation_id, goal_id) references hms_goal (organisation_id, id) on delete cascade,
      -- One owner: a person or a role.
      check ((owner_user_id is null) <> (owner_role is null)),
      check ((done_at is null) = (done_note is null))
    );
    create index hms_measure_by_goal on hms_measure (organisation_id, goal_id);
    -- The reminder sweep reads open measures by due date.
    create index hms_measure_open_by_due on hms_measure (due, organisation_id) where done_at is null;

    -- IK-f § 5 no. 8, aml § 3-1 (2) h: the annual review, one per year looked back on. Completed,
    -- it keeps the PDF made that day: the record is what was written then, never regenerated.
    create table annual_review (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      year_reviewed integer not null check (year_reviewed between 2000 and 2100),
      held_on date,
      participants text not null default '' check (char_length(participants) <= 1000),
      vo_took_part boolean not null default false,
      amu_took_part boolean not null default false,
      bht_took_part boolean not null default false,
      goals_text text not null default '' check (char_length(goals_text) <= 4000),
      routines_text text not null default '' check (char_length(routines_text) <= 4000),
      avvik_text text not null default '' check (char_length(avvik_text) <= 4000),
      risk_text text not null default '' check (char_length(risk_text) <= 4000),
      sick_leave_text text not null default '' check (char_length(sick_leave_text) <= 4000),
      training_text text not null default '' check (char_length(training_text) <= 4000),
      bht_needed text check (bht_needed in ('ja', 'nei', 'usikker')),
      bht_text text not null default '' check (char_length(bht_text) <= 4000),
      varsling_text text not null default '' check (char_length(varsling_text) <= 4000),
      conclusions_text text not null default '' check (char_length(conclusions_text) <= 4000),
      priorities_text text not null default '' check (char_length(priorities_text) <= 4000),
      status text not null default 'utkast' check (status in ('utkast', 'fullfort')),
      completed_at timestamptz,
      completed_by uuid,
      completed_by_name text,
      pdf bytea,
      created_at timestamptz not null default now(),
      created_by uuid,
      created_by_name text,
      updated_at timestamptz not null default now(),
      version integer not null default 1 check (version >= 1),
      primary key (organisation_id, id),
      unique (organisation_id, year_reviewed),
      check ((status = 'fullfort') = (completed_at is not null)),
      check (status = 'utkast' or (pdf is not null and held_on is not null))
    );
  `.execute(db);
}
