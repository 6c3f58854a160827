/**
 * The NAV benchmark: NAV's published quarterly sick-leave rates by næring and sektor, imported by
 * HR from a CSV file (`parseBenchmarkCsv`) or fetched by the daily job from a URL the operator
 * configures (`NAERVAER_NAV_BENCHMARK_URL`, never required). The page shows them beside the
 * organisation's own rate with the quarter and the source named; there is never a number of our own
 * (a product decision: benchmarks only from NAV's published statistics, with the quarter named).
 */
import type { z } from 'zod';
import type { BenchmarkViewSchema } from '../../contracts/statistikk/statistikk.schemas.ts';
import type { Db } from '../../db/schema.ts';
import { type BenchmarkRow, parseBenchmarkCsv } from '../../domain/statistikk/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';

type View = z.input<typeof BenchmarkViewSchema>;

export interface BenchmarkSource {
  kind: 'fil' | 'url';
  /** The file name or the URL. */
  name: string;
}

/** The CSV text of an upload or a download, or a 400 naming the line (nothing is written). */
export function parseBenchmarkOr400(text: string): BenchmarkRow[] {
  const result = parseBenchmarkCsv(text);
  if (result.ok) return result.rows;
  throw badRequest({ nb: result.error.nb, en: result.error.en }, [
    { path: 'file', message: { nb: result.error.nb, en: result.error.en } },
  ]);
}

/**
 * Stores an import: one import row naming the source, each figure upserted by (quarter, kategori,
 * kode) — a later import of the same figure replaces it — and the audit row, in one transaction.
 */
export async function storeBenchmark(
  db: Db,
  organisationId: string,
  actor: Actor | null,
  source: BenchmarkSource,
  rows: readonly BenchmarkRow[],
): Promise<{ importId: string; rows: number; quarters: string[] }> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('statistikk_benchmark_import')
      .values({
        organisation_id: organisationId,
        source_kind: source.kind,
        source_name: source.name.slice(0, 500),
        row_count: rows.length,
        imported_by: actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Batches keep the statement's parameters well below PostgreSQL's limit of 65 535.
    for (let i = 0; i < rows.length; i += 1000) {
      await trx
        .insertInto('statistikk_benchmark')
        .values(
          rows.slice(i, i + 1000).map((r) => ({
            organisation_id: organisationId,
            quarter: r.quarter,
            kategori: r.kategori,
            kode: r.kode,
            navn: r.navn,
            hundredths: r.hundredths,
            import_id: id,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['organisation_id', 'quarter', 'kategori', 'kode']).doUpdateSet((eb) => ({
            navn: eb.ref('excluded.navn'),
            hundredths: eb.ref('excluded.hundredths'),
            import_id: eb.ref('excluded.import_id'),
          })),
        )
        .execute();
    }
    const quarters = [...new Set(rows.map((r) => r.quarter))].sort();
    const detail = { source: source.kind, rows: rows.length, quarters };
    if (actor !== null) {
      await writeAudit(trx, actor, {
        action: 'import',
        entityType: 'statistikk_benchmark',
        entityId: id,
        detail,
      });
    } else {
      // The operator's URL, fetched by the job: no user acts, and `writeAudit` needs one, so the row
      // is written here (as the sick-leave retention job does).
      await trx
        .insertInto('audit_log')
        .values({
          organisation_id: organisationId,
          actor_user_id: null,
          actor_roles: 'system',
          action: 'import',
          entity_type: 'statistikk_benchmark',
          entity_id: id,
          detail: JSON.stringify(detail),
        })
        .execute();
    }
    return { importId: id, rows: rows.length, quarters };
  });
}

/** The figures of the latest imported quarter up to `quarter`, with each figure's source. */
export async function benchmarkView(db: Db, organisationId: string, quarter: string): Promise<View> {
  const latest = await db
    .selectFrom('statistikk_benchmark')
    .select((eb) => eb.fn.max('quarter').as('quarter'))
    .where('organisation_id', '=', organisationId)
    .where('quarter', '<=', quarter)
    .executeTakeFirst();
  const shown = latest?.quarter ?? null;
  if (shown === null) return { requestedQuarter: quarter, quarter: null, rows: [] };
  const rows = await db
    .selectFrom('statistikk_benchmark as b')
    .innerJoin('statistikk_benchmark_import as i', (j) =>
      j.onRef('i.organisation_id', '=', 'b.organisation_id').onRef('i.id', '=', 'b.import_id'),
    )
    .select([
      'b.kategori',
      'b.kode',
      'b.navn',
      'b.hundredths',
      'i.source_kind',
      'i.source_name',
      'i.imported_at',
    ])
    .where('b.organisation_id', '=', organisationId)
    .where('b.quarter', '=', shown)
    .execute();
  const order = { land: 0, sektor: 1, naering: 2 } as const;
  rows.sort((a, b) => order[a.kategori] - order[b.kategori] || a.kode.localeCompare(b.kode, 'nb'));
  return {
    requestedQuarter: quarter,
    quarter: shown,
    rows: rows.map((r) => ({
      kategori: r.kategori,
      kode: r.kode,
      navn: r.navn,
      prosent: r.hundredths / 100,
      source: { kind: r.source_kind, name: r.source_name, importedAt: new Date(r.imported_at).toISOString() },
    })),
  };
}
