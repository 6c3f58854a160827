import { type Kysely, sql } from 'kysely';

/**
 * Vernerunder (aml § 6-2, § 3-1 (2) c): a round planned for a unit with its leader and verneombud,
 * a checklist from the hazard areas, findings with photos, each finding made a risk (and tiltak) in
 * an assessment, and the round signed off by both. Tenant-owned: `organisation_id` first in every
 * key. PostgreSQL 15 subset.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table vernerunde (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      unit_id uuid not null,
      title text not null check (char_length(title) between 1 and 200),
      planned_on date not null,
      leader_user_id uuid not null,
      leader_name text not null,
      vo_user_id uuid not null,
      vo_name text not null,
      -- [{ key, area, status }]: the hazard checklist as answered on the round.
      checklist jsonb not null default '[]'::jsonb,
      leader_signed_on date,
      vo_signed_on date,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      version integer not null default 1 check (version >= 1),
      primary key (organisation_id, id),
      foreign key (organisation_id, unit_id) references unit (organisation_id, id)
    );
    create index vernerunde_by_unit on vernerunde (organisation_id, unit_id);
    -- The reminder sweep reads unsigned rounds by date.
    create index vernerunde_open_by_date on vernerunde (planned_on, organisation_id)
      where leader_signed_on is null or vo_signed_on is null;

    create table vernerunde_finding (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      round_id uuid not null,
      area text not null check (area in ('fysisk', 'ergonomisk', 'organisatorisk', 'kjemisk-biologisk', 'psykososial', 'mekanisk')),
      hazard_key text check (hazard_key is null or char_length(hazard_key) <= 60),
      text text not null check (char_length(text) between 1 and 2000),
      severity smallint not null check (severity between 1 and 5),
      -- The risk the finding became (one step: a risk in an assessment, with a tiltak if given).
      risk_id uuid,
      created_at timestamptz not null default now(),
      created_by uuid,
      created_by_name text,
      primary key (organisation_id, id),
      foreign key (organisation_id, round_id) references vernerunde (organisation_id, id) on delete cascade,
      foreign key (organisation_id, risk_id) references risk_item (organisation_id, id) on delete set null (risk_id)
    );
    create index vernerunde_finding_by_round on vernerunde_finding (organisation_id, round_id);

    create table vernerunde_photo (
      organisation_id uuid not null,
      finding_id uuid not null,
      -- Made on the device, so a resend after a lost answer is a no-op.
      id uuid not null,
      mime text not null check (mime in ('image/jpeg', 'image/png')),
      size integer not null check (size > 0),
      data bytea not null,
      created_at timestamptz not null default now(),
      created_by uuid,
      primary key (organisation_id, finding_id, id),
      foreign key (organisation_id, finding_id) references vernerunde_finding (organisation_id, id) on delete cascade
    );
  `.execute(db);
}
