import { type Kysely, sql } from 'kysely';

/**
 * Internkontroll (src/modules/internkontroll): the company profile with its history, and the
 * årshjul's dated activities. Tenant-owned: `organisation_id` first in every key.
 * PostgreSQL 15 subset only (PGlite runs the same).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table company_profile_version (
      organisation_id uuid not null references organisation (id) on delete cascade,
      version integer not null check (version >= 1),
      profile jsonb not null,
      changed_by uuid,
      changed_by_name text,
      changed_at timestamptz not null default now(),
      primary key (organisation_id, version)
    );

    create table arshjul_item (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      year integer not null check (year between 2000 and 2100),
      item_key text,
      occurrence text not null default '',
      title_nb text not null check (char_length(title_nb) between 1 and 200),
      title_en text not null check (char_length(title_en) between 1 and 200),
      subtasks jsonb not null default '[]',
      due date not null,
      generated_due date,
      owner_role text not null,
      legal_basis text,
      kind text not null check (kind in ('lovkrav', 'anbefalt', 'egen')),
      done_at timestamptz,
      done_by uuid,
      done_by_name text,
      done_note text check (done_note is null or char_length(done_note) <= 2000),
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      -- A generated item exists once per year and occurrence; own items have no key.
      unique (organisation_id, year, item_key, occurrence),
      check ((item_key is null) = (kind = 'egen'))
    );
    -- The reminder sweep reads open items by due date.
    create index arshjul_item_open_by_due on arshjul_item (due, organisation_id) where done_at is null;
  `.execute(db);
}
