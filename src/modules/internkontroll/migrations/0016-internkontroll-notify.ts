import { type Kysely, sql } from 'kysely';

/**
 * The IK dashboard is cached per organisation (`dashboardCache` in dashboard.service.ts) and must
 * hear of every committed change to the records it is computed from: the change-notify trigger of
 * migration 0010 on those tables. Runs after the migrations that create them (0011–0015).
 */
export const DASHBOARD_TABLES = [
  'verneomrade',
  'company_profile_version',
  'arshjul_item',
  'hms_role',
  'training_record',
  'hms_routine',
  'hms_routine_version',
  'hms_goal',
  'annual_review',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of DASHBOARD_TABLES) {
    await sql`
      create trigger ${sql.id(`${table}_notify_change`)} after insert or update or delete on ${sql.table(table)}
        for each row execute function naervaer_notify_change()
    `.execute(db);
  }
}
