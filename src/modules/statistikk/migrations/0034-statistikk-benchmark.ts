import { type Kysely, sql } from 'kysely';

/**
 * NAV's published sick-leave rates by næring and sektor (the benchmark beside the organisation's own
 * rate), imported by HR from a CSV file or fetched from a URL the operator configures. One row per
 * quarter, kategori and kode (a later import of the same replaces it); each row names its import
 * (file name or URL, when, by whom), so the page names the source. Tenant-owned: `organisation_id`
 * first in every key. PostgreSQL 15 subset only (PGlite runs the same).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table statistikk_benchmark_import (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      source_kind text not null check (source_kind in ('fil', 'url')),
      source_name text not null check (length(source_name) between 1 and 500),
      row_count integer not null check (row_count >= 1),
      imported_by uuid,
      imported_at timestamptz not null default now(),
      primary key (organisation_id, id)
    );
    create table statistikk_benchmark (
      organisation_id uuid not null,
      quarter text not null check (quarter ~ '^20[0-9]{2}Q[1-4]$'),
      kategori text not null check (kategori in ('naering', 'sektor', 'land')),
      kode text not null check (length(kode) between 1 and 20),
      navn text not null check (length(navn) between 1 and 200),
      hundredths integer not null check (hundredths between 0 and 10000),
      import_id uuid not null,
      primary key (organisation_id, quarter, kategori, kode),
      foreign key (organisation_id, import_id)
        references statistikk_benchmark_import (organisation_id, id) on delete cascade
    );
  `.execute(db);
}
