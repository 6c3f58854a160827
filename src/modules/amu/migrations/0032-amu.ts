import { type Kysely, sql } from 'kysely';

/**
 * Arbeidsmiljøutvalget (src/modules/amu): its meetings with minutes, decisions and actions, the
 * members' demands for a meeting, and the yearly report. Tenant-owned: `organisation_id` first in
 * every key. PostgreSQL 15 subset only (PGlite runs the same). No column holds health details.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- FOLM § 3-16: normally four meetings a year, and one when two members demand it.
    create table amu_meeting (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      year integer not null check (year between 2000 and 2100),
      -- A meeting of the default plan (q1–q4) exists once per year; others have none.
      occurrence text check (occurrence is null or occurrence in ('q1', 'q2', 'q3', 'q4')),
      meeting_date date not null,
      title text not null check (char_length(title) between 1 and 200),
      kind text not null check (kind in ('ordinaer', 'krav')),
      status text not null default 'planlagt' check (status in ('planlagt', 'utkast', 'publisert')),
      held_on date,
      attendees text not null default '' check (char_length(attendees) <= 2000),
      notes text not null default '' check (char_length(notes) <= 8000),
      published_at timestamptz,
      published_by uuid,
      published_by_name text,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1 check (version >= 1),
      primary key (organisation_id, id),
      unique (organisation_id, year, occurrence),
      check ((status = 'publisert') = (published_at is not null)),
      check (status = 'planlagt' or held_on is not null)
    );
    create index amu_meeting_by_date on amu_meeting (organisation_id, meeting_date);

    -- FOLM § 3-16: the minutes record the decisions (and on a vote, both positions); aml § 7-2 (5):
    -- a decision can give someone a measure to carry out by a date — the action.
    create table amu_decision (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      meeting_id uuid not null,
      position integer not null check (position >= 1),
      text text not null check (char_length(text) between 1 and 2000),
      vote text not null default '' check (char_length(vote) <= 1000),
      owner_user_id uuid,
      due date,
      done_at timestamptz,
      done_by uuid,
      done_note text check (done_note is null or char_length(done_note) <= 1000),
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, meeting_id) references amu_meeting (organisation_id, id) on delete cascade,
      check ((owner_user_id is null) = (due is null)),
      check (done_at is null or owner_user_id is not null)
    );
    create index amu_decision_by_meeting on amu_decision (organisation_id, meeting_id, position);
    -- The reminder sweep reads open actions by due date.
    create index amu_decision_open_by_due on amu_decision (due, organisation_id) where due is not null and done_at is null;

    -- FOLM § 3-16: the committee meets when at least two members demand it.
    create table amu_demand (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      reason text not null check (char_length(reason) between 1 and 2000),
      demanded_on date not null,
      demanded_by uuid not null,
      demanded_by_name text not null,
      supported_by uuid,
      supported_by_name text,
      supported_on date,
      deadline date,
      meeting_id uuid,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, meeting_id) references amu_meeting (organisation_id, id),
      check (supported_by is null or supported_by <> demanded_by),
      check ((supported_by is null) = (supported_on is null)),
      check ((supported_on is null) = (deadline is null))
    );

    -- aml § 7-2 (6): the yearly report to the governing bodies and the employees' organisations.
    create table amu_arsrapport (
      organisation_id uuid not null references organisation (id) on delete cascade,
      year integer not null check (year between 2000 and 2100),
      status text not null default 'utkast' check (status in ('utkast', 'godkjent')),
      generated_on date not null,
      facts jsonb not null,
      sections jsonb not null,
      approved_at timestamptz,
      approved_by uuid,
      approved_by_name text,
      pdf bytea,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1 check (version >= 1),
      primary key (organisation_id, year),
      check ((status = 'godkjent') = (approved_at is not null)),
      check ((status = 'godkjent') = (pdf is not null))
    );
  `.execute(db);
}
