import { type Kysely, sql } from 'kysely';

/**
 * ADR 0020: a session remembers whether it passed a second factor, so that data which needs one
 * (varsling cases, aml § 2 A-3) can ask the session and not only the account. Existing sessions
 * stay null (password only): their holders log in again with the code to open such data.
 * PostgreSQL 15 subset only (PGlite runs the same).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table session add column second_factor_at timestamptz`.execute(db);
}
