import { type Kysely, sql } from 'kysely';

/**
 * Reopening a closed risk (FOLM § 7-1: repeat the assessment at changes that may affect the risk):
 * when, by whom and why the risk was last reopened. The earlier closure stays in the audit log; a
 * reopened risk also keeps its assessment from being deleted (it was once closed — IK-f § 5).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table risk_item
      add column reopened_at timestamptz,
      add column reopened_by_name text,
      add column reopen_reason text check (reopen_reason is null or char_length(reopen_reason) between 1 and 2000);
  `.execute(db);
}
