import { type Kysely, sql } from 'kysely';

/**
 * Denied reads in the audit log: `action = 'denied'` records that a logged-in user asked for case
 * data and was refused (404), so an employer can see probing (src/platform/audit.ts,
 * `recordDeniedRead`, one row per user and record per minute). Names the column check, which
 * 0001-core left to PostgreSQL's default name. PostgreSQL 15 subset only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table audit_log drop constraint audit_log_action_check;
    alter table audit_log add constraint audit_log_action_check check (
      action in ('read', 'create', 'update', 'delete', 'import', 'login', 'logout', 'export', 'denied')
    );
  `.execute(db);
}
