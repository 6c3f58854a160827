/** The bow-tie elements of risks, read for the assessment page (no writes; see bowtie.service.ts). */
import type { BowtieItem } from '../../contracts/risiko/risiko.schemas.ts';
import type { Db } from '../../db/schema.ts';

export async function bowtieOf(db: Db, organisationId: string, riskIds: readonly string[]) {
  if (riskIds.length === 0) return new Map<string, BowtieItem[]>();
  const rows = await db
    .selectFrom('risk_bowtie_item')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('risk_id', 'in', [...riskIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const byRisk = new Map<string, BowtieItem[]>();
  for (const r of rows) {
    const item: BowtieItem = {
      id: r.id,
      kind: r.kind,
      text: r.text,
      tiltakId: r.tiltak_id,
      status: r.status,
      weakened: r.weakened_on === null ? null : { on: r.weakened_on, reason: r.weakened_reason },
    };
    byRisk.set(r.risk_id, [...(byRisk.get(r.risk_id) ?? []), item]);
  }
  return byRisk;
}
