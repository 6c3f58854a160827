import { type Kysely, sql } from 'kysely';

/**
 * Stoffkartotek (FUA § 2-1, § 2-2) and the exposure register for CMR chemicals (FUA § 31-1).
 * Tenant-owned: `organisation_id` first in every key. PostgreSQL 15 subset.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- FUA § 2-1: a hazardous chemical used or stored in a unit, with its safety data sheet.
    create table stoff_product (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      name text not null check (char_length(name) between 1 and 200),
      supplier text not null check (char_length(supplier) between 1 and 200),
      unit_id uuid not null,
      location text not null default '' check (char_length(location) <= 200),
      use_text text not null default '' check (char_length(use_text) <= 1000),
      hazard_text text not null default '' check (char_length(hazard_text) <= 1000),
      -- FUA § 31-1: carcinogenic, mutagenic and/or reprotoxic; empty: not CMR.
      cmr text[] not null default '{}'
        check (cmr <@ array['kreftfremkallende', 'mutagen', 'reproduksjonstoksisk']::text[]),
      -- The supplier's latest SDS revision as the user knows it (FUA § 2-2: kept up to date).
      supplier_revision date,
      assessment_id uuid,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      version integer not null default 1 check (version >= 1),
      primary key (organisation_id, id),
      foreign key (organisation_id, unit_id) references unit (organisation_id, id),
      foreign key (organisation_id, assessment_id) references risk_assessment (organisation_id, id) on delete set null (assessment_id)
    );
    create index stoff_product_by_unit on stoff_product (organisation_id, unit_id);

    -- The safety data sheets of a product, every revision kept (the newest is the current one).
    create table stoff_sds (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      product_id uuid not null,
      revision_date date not null,
      filename text not null check (char_length(filename) between 1 and 200),
      size integer not null check (size > 0),
      data bytea not null,
      uploaded_at timestamptz not null default now(),
      uploaded_by uuid,
      primary key (organisation_id, id),
      foreign key (organisation_id, product_id) references stoff_product (organisation_id, id) on delete cascade
    );
    create index stoff_sds_by_product on stoff_sds (organisation_id, product_id, revision_date desc);

    -- FUA § 31-1: who is or may be exposed to a CMR chemical, how, and when — and only that.
    create table stoff_exposure (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      product_id uuid not null,
      employee_id uuid not null,
      employee_name text not null,
      position text not null default '' check (char_length(position) <= 200),
      workplace text not null check (char_length(workplace) between 1 and 200),
      -- The CMR classes when recorded: they decide the retention (60 or 5 years).
      cmr text[] not null check (cardinality(cmr) >= 1),
      exposure_how text not null check (char_length(exposure_how) between 1 and 1000),
      concentration text not null default '' check (char_length(concentration) <= 200),
      started_on date not null,
      ended_on date,
      hours_per_week smallint check (hours_per_week is null or hours_per_week between 1 and 168),
      -- FUA § 31-1: at least 60 (C/M) or 5 (R) years after the exposure ended; null while it goes on.
      kept_until date,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      version integer not null default 1 check (version >= 1),
      primary key (organisation_id, id),
      -- Neither the product nor the employee can be deleted while the register names them (no
      -- action; only the organisation's own deletion takes the register with it).
      foreign key (organisation_id, product_id) references stoff_product (organisation_id, id),
      foreign key (organisation_id, employee_id) references employee (organisation_id, id),
      check (ended_on is null or ended_on >= started_on)
    );
    create index stoff_exposure_by_product on stoff_exposure (organisation_id, product_id);
    create index stoff_exposure_by_employee on stoff_exposure (organisation_id, employee_id);
  `.execute(db);
}
