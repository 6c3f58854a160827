/**
 * The protection part of a handler's case view: the gjengjeldelse checklist (aml § 2 A-3 (2),
 * § 2 A-4), the avvik hand-over, a personal-data breach's 72 hours (GDPR art. 33 (1)) and the legal
 * hold. Sealed texts are opened with the channel's keys (ADR 0010).
 */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { CaseView } from '../../contracts/varsling/varsling.schemas.ts';
import type { Db } from '../../db/schema.ts';
import { breachNotifyBy } from '../../domain/varsling/protection.ts';
import { type ChannelKeys, unseal } from './keys.ts';
import type { VarslingCaseTable } from './varsling.tables.ts';

/** The sealed part of a checklist entry. */
export const RetaliationDetailSchema = z.object({
  changedOn: z.string().nullable(),
  decidedBy: z.string(),
  reason: z.string(),
  note: z.string(),
});

export async function protectionView(
  db: Db,
  keys: ChannelKeys,
  row: Selectable<VarslingCaseTable>,
): Promise<Pick<CaseView, 'retaliation' | 'avvikId' | 'breach' | 'legalHold'>> {
  const entries = await db
    .selectFrom('varsling_retaliation as r')
    .leftJoin('user_account as u', 'u.id', 'r.recorded_by')
    .select(['r.id', 'r.area', 'r.finding', 'r.recorded_on', 'r.detail', 'u.name'])
    .where('r.organisation_id', '=', row.organisation_id)
    .where('r.case_id', '=', row.id)
    .orderBy('r.seq')
    .execute();
  const retaliation: CaseView['retaliation'] = { checkedOn: row.retaliation_checked_on, entries: [] };
  for (const e of entries) {
    const detail = RetaliationDetailSchema.parse(await unseal(keys, e.detail));
    retaliation.entries.push({
      id: e.id,
      area: e.area,
      finding: e.finding,
      changedOn: detail.changedOn,
      decidedBy: detail.decidedBy,
      reason: detail.reason,
      note: detail.note,
      recordedOn: e.recorded_on,
      recordedBy: e.name ?? null,
    });
  }
  let legalHold: CaseView['legalHold'] = null;
  if (row.legal_hold && row.legal_hold_on !== null) {
    const by = row.legal_hold_by
      ? await db
          .selectFrom('user_account')
          .select('name')
          .where('id', '=', row.legal_hold_by)
          .executeTakeFirst()
      : undefined;
    const reason = row.legal_hold_reason === null ? '' : await unseal(keys, row.legal_hold_reason);
    legalHold = {
      since: row.legal_hold_on,
      by: by?.name ?? null,
      reason: typeof reason === 'string' ? reason : '',
    };
  }
  const breach: CaseView['breach'] =
    row.breach_aware_at !== null && row.breach_avvik_id !== null
      ? {
          awareAt: new Date(row.breach_aware_at).toISOString(),
          notifyBy: breachNotifyBy(new Date(row.breach_aware_at)).toISOString(),
          avvikId: row.breach_avvik_id,
          decidedOn: row.breach_decided_on,
        }
      : null;
  return { retaliation, avvikId: row.avvik_id, breach, legalHold };
}
