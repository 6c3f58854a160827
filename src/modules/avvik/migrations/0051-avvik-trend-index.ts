import { type Kysely, sql } from 'kysely';

/**
 * The trend view (`GET /api/v1/avvik/trender`) groups an organisation's avvik of a period by month and
 * category. This index holds every column the aggregation reads, so PostgreSQL answers it from the
 * index alone (an index-only scan of the period's range) instead of reading each avvik row with its
 * free text: the cost follows the avvik of the period, not the table's width or the other
 * organisations' rows (docs/performance.md, "Avvik").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index avvik_trend on avvik (organisation_id, occurred_at)
      include (category, unit_id, severity, reported_at, closed_at)
  `.execute(db);
}
