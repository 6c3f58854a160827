import { type Kysely, sql } from 'kysely';

/**
 * The barrier of a risk assessment an avvik showed failing (the risiko module's `risk_bowtie_item`).
 * No foreign key: a barrier may be removed from its bow-tie later, and the avvik keeps its history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table avvik add column risk_barrier_id uuid`.execute(db);
}
