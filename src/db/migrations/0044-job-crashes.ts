import { type Kysely, sql } from 'kysely';

/**
 * Crashes counted apart from failures (src/jobs): `attempts` counts claims, `crashes` the claims
 * that ended without an outcome (the worker died, or the claim's lock expired). Failures are
 * `attempts − crashes`; a job is dead after `max_attempts` failures or after the worker's crash
 * limit. Jobs that crashes had pushed past their limit before this migration (attempts 16 of 5,
 * still claimed) get their extra attempts counted as crashes, so they are neither claimed for
 * ever nor killed by their next ordinary failure. PostgreSQL 15 subset only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table job add column crashes integer not null default 0 check (crashes >= 0);
    update job
      set crashes = attempts - (max_attempts - 1)
      where done_at is null and failed_at is null and attempts >= max_attempts;
    alter table job add constraint job_crashes_within_attempts check (crashes <= attempts);
  `.execute(db);
}
