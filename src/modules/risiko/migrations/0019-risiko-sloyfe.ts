import { type Kysely, sql } from 'kysely';

/**
 * The bow-tie («sløyfemodellen») of a risk: causes, preventive barriers, mitigating barriers and
 * consequences around the risk as its top event. Barriers are records of their own that can link to
 * the tiltak that builds or maintains them, and that an avvik can mark «svekket». PostgreSQL 15
 * subset (`on delete set null (column)` is PostgreSQL 15).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table risk_bowtie_item (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      risk_id uuid not null,
      kind text not null check (kind in ('arsak', 'forebyggende', 'begrensende', 'konsekvens')),
      text text not null check (char_length(text) between 1 and 300),
      tiltak_id uuid,
      status text not null default 'virker' check (status in ('virker', 'svekket')),
      weakened_on date,
      weakened_reason text check (weakened_reason is null or char_length(weakened_reason) between 1 and 500),
      created_at timestamptz not null default now(),
      created_by uuid,
      primary key (organisation_id, id),
      foreign key (organisation_id, risk_id) references risk_item (organisation_id, id) on delete cascade,
      foreign key (organisation_id, tiltak_id) references risk_tiltak (organisation_id, id) on delete set null (tiltak_id),
      -- Only a barrier links to a tiltak or can be weakened.
      check (kind in ('forebyggende', 'begrensende') or (tiltak_id is null and status = 'virker')),
      check ((status = 'svekket') = (weakened_on is not null))
    );
    create index risk_bowtie_item_by_risk on risk_bowtie_item (organisation_id, risk_id);
  `.execute(db);
}
