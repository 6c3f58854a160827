import { type Kysely, sql } from 'kysely';

/**
 * Sykefraværsstatistikk (src/modules/statistikk): the organisation's own daily cost of absence, used
 * for the cost estimate. The statistics themselves are computed from the stored absence periods and
 * employees and are never stored (always recomputed, as NAV revises its figures).
 * Tenant-owned: `organisation_id` first in every key. PostgreSQL 15 subset only (PGlite runs the same).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table statistikk_setting (
      organisation_id uuid not null references organisation (id) on delete cascade,
      daily_cost integer check (daily_cost is null or daily_cost between 1 and 1000000),
      updated_by uuid,
      updated_at timestamptz not null default now(),
      primary key (organisation_id)
    );
  `.execute(db);
}
