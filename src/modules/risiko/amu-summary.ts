/**
 * The risk register as the AMU follows it (aml § 7-2 (2) e: the systematic HMS work; aml § 3-1 (2) c):
 * counts only. A risk's current score is its residual score when assessed after tiltak, else its
 * initial one; «høy» is 12–25 on the 5 × 5 matrix. Read-only.
 */
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';

export type RiskAmuSummary = {
  assessments: number;
  /** Assessments whose next review date has passed. */
  reviewsOverdue: number;
  openRisks: number;
  openHigh: number;
};

export async function riskSummaryForAmu(
  db: Db,
  organisationId: string,
  today: IsoDate,
): Promise<RiskAmuSummary> {
  const [assessments, risks] = await Promise.all([
    db
      .selectFrom('risk_assessment')
      .select('next_review')
      .where('organisation_id', '=', organisationId)
      .execute(),
    db
      .selectFrom('risk_item')
      .select(['initial_p', 'initial_c', 'residual_p', 'residual_c'])
      .where('organisation_id', '=', organisationId)
      .where('status', '=', 'apen')
      .execute(),
  ]);
  const score = (r: (typeof risks)[number]) =>
    r.residual_p !== null && r.residual_c !== null ? r.residual_p * r.residual_c : r.initial_p * r.initial_c;
  return {
    assessments: assessments.length,
    reviewsOverdue: assessments.filter((a) => a.next_review < today).length,
    openRisks: risks.length,
    openHigh: risks.filter((r) => score(r) >= 12).length,
  };
}
