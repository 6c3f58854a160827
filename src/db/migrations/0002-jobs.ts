import { type Kysely, sql } from 'kysely';

/**
 * The job table (src/jobs). Not tenant data: no organisation in the key and no foreign key to
 * `organisation`, so it stays an ordinary local table if tenant tables are ever distributed;
 * `organisation_id` only lets jobs be listed per organisation. PostgreSQL 15 subset only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table job (
      id bigint generated always as identity primary key,
      key text not null unique,
      kind text not null,
      organisation_id uuid,
      payload jsonb not null default '{}'::jsonb,
      run_at timestamptz not null default now(),
      attempts integer not null default 0 check (attempts >= 0),
      max_attempts integer not null default 5 check (max_attempts >= 1),
      locked_until timestamptz,
      locked_by text,
      last_error text,
      done_at timestamptz,
      failed_at timestamptz,
      created_at timestamptz not null default now(),
      check (done_at is null or failed_at is null)
    );
    -- The claim scans only pending jobs.
    create index job_pending on job (run_at, id) where done_at is null and failed_at is null;
    create index job_failed on job (organisation_id, failed_at) where failed_at is not null;
  `.execute(db);
}
