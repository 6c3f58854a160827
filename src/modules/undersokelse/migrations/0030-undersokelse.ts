import { type Kysely, sql } from 'kysely';

/**
 * Anonymous surveys (src/modules/undersokelse, ADR 0012). Tenant-owned: `organisation_id` first in
 * every key. PostgreSQL 15 subset only (PGlite runs the same).
 *
 * Who answered (`survey_respondent`) and what was answered (`survey_answer`) are kept apart with no
 * key between them: an answer row has no person, no time, no sequence — a random id, the question,
 * the value and the group it counts in (a unit of at least 5 employees, or none).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table survey (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      title text not null check (char_length(title) between 1 and 200),
      intro text not null default '' check (char_length(intro) <= 2000),
      opens_on date not null,
      closes_on date not null,
      published_at timestamptz,
      created_by uuid,
      created_by_name text,
      created_at timestamptz not null default now(),
      -- The shown results (groups of ≥ 5), kept when the raw answers are deleted.
      results jsonb,
      answers_deleted_on date,
      primary key (organisation_id, id),
      check (closes_on >= opens_on)
    );
    create index survey_by_close on survey (closes_on, organisation_id);

    -- The units a survey is for (with the units below them); none: the whole organisation.
    create table survey_unit (
      organisation_id uuid not null,
      survey_id uuid not null,
      unit_id uuid not null,
      primary key (organisation_id, survey_id, unit_id),
      foreign key (organisation_id, survey_id) references survey (organisation_id, id) on delete cascade,
      foreign key (organisation_id, unit_id) references unit (organisation_id, id) on delete cascade
    );

    create table survey_question (
      organisation_id uuid not null,
      survey_id uuid not null,
      id uuid not null default gen_random_uuid(),
      position integer not null check (position between 1 and 60),
      kind text not null check (kind in ('scale', 'choice', 'text')),
      item_key text,
      text_nb text not null check (char_length(text_nb) between 1 and 300),
      text_en text not null check (char_length(text_en) between 1 and 300),
      options jsonb not null default '[]',
      primary key (organisation_id, id),
      unique (organisation_id, survey_id, position),
      foreign key (organisation_id, survey_id) references survey (organisation_id, id) on delete cascade,
      check (item_key is null or kind = 'scale')
    );

    -- Who has answered: stops a second answer and tells the reminder whom to remind. No time, no answer.
    create table survey_respondent (
      organisation_id uuid not null,
      survey_id uuid not null,
      user_id uuid not null references user_account (id) on delete cascade,
      primary key (organisation_id, survey_id, user_id),
      foreign key (organisation_id, survey_id) references survey (organisation_id, id) on delete cascade
    );

    -- What was answered: no person, no time, a random id; one row per question and respondent.
    create table survey_answer (
      organisation_id uuid not null,
      survey_id uuid not null,
      id uuid not null default gen_random_uuid(),
      question_id uuid not null,
      unit_id uuid,
      value smallint check (value between 1 and 10),
      text text check (text is null or char_length(text) between 1 and 2000),
      primary key (organisation_id, survey_id, id),
      foreign key (organisation_id, survey_id) references survey (organisation_id, id) on delete cascade,
      foreign key (organisation_id, question_id) references survey_question (organisation_id, id) on delete cascade
    );
    create index survey_answer_by_question on survey_answer (organisation_id, survey_id, question_id, unit_id, value);
  `.execute(db);
}
