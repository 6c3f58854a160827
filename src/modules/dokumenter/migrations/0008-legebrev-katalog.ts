import { type Kysely, sql } from 'kysely';

/**
 * The organisation's catalogues for tilrettelegging (src/modules/dokumenter/katalog.*): measures by
 * kind, tasks suited to reduced capacity, a beredskapsplan ved fravær per unit, a marker that the
 * default catalogue was seeded once; and the letters to the doctor (legebrev.*) with their content.
 * Tenant-owned: `organisation_id` first in every key. PostgreSQL 15 subset only. No diagnosis field.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table katalog_seed (
      organisation_id uuid primary key references organisation (id) on delete cascade,
      seeded_at timestamptz not null default now()
    );

    create table tilrettelegging_tiltak (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      kind text not null check (kind in ('psykososial', 'fysisk', 'organisatorisk')),
      title text not null check (char_length(title) between 1 and 200),
      description text not null default '' check (char_length(description) <= 1000),
      active boolean not null default true,
      sort integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (organisation_id, id)
    );

    create table tilpasset_arbeid (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      title text not null check (char_length(title) between 1 and 200),
      description text not null default '' check (char_length(description) <= 1000),
      unit_id uuid,
      active boolean not null default true,
      sort integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, unit_id) references unit (organisation_id, id) on delete set null (unit_id)
    );

    create table beredskapsplan (
      organisation_id uuid not null,
      unit_id uuid not null,
      covers text not null default '' check (char_length(covers) <= 2000),
      substitutes text not null default '' check (char_length(substitutes) <= 2000),
      can_wait text not null default '' check (char_length(can_wait) <= 2000),
      version integer not null default 1,
      updated_by uuid not null,
      updated_at timestamptz not null default now(),
      primary key (organisation_id, unit_id),
      foreign key (organisation_id, unit_id) references unit (organisation_id, id) on delete cascade
    );

    create table legebrev (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      employee_id uuid not null,
      content jsonb not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, employee_id) references employee (organisation_id, id) on delete cascade
    );
    create index legebrev_employee on legebrev (organisation_id, employee_id, created_at);
  `.execute(db);
}
