/**
 * Avvik, injuries and near misses as the AMU sees them (aml § 7-2 (4): the committee reviews every
 * report of work accidents, occupational illness and near misses — as aggregates, without names;
 * personal medical information is removed). Working-environment categories only. Read-only.
 *
 * Counts of personskade and yrkessykdom between 1 and 4 are masked (null), and the total with them,
 * so no one can be recognised (k = 5, anbefalt — the same rule as the avvik trends).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/schema.ts';
import { type AvvikCategory, HMS_CATEGORIES, isInjuryCategory } from '../../domain/avvik/index.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { K_MIN } from './trends.ts';

export type AvvikAmuSummary = {
  /** Reported in the period, per working-environment category; null when masked. */
  byCategory: Record<'hms' | 'ruh' | 'personskade' | 'yrkessykdom', number | null>;
  total: number | null;
  /** Of those reported in the period, closed by now. */
  closed: number;
};

/** Reports with `occurred_at` in [from, to] (dates, Oslo days). */
export async function avvikSummaryForAmu(
  db: Db,
  organisationId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<AvvikAmuSummary> {
  const rows = await db
    .selectFrom('avvik')
    .select(['category', 'status'])
    .where('organisation_id', '=', organisationId)
    .where('category', 'in', [...HMS_CATEGORIES])
    // The day in Norway the event happened on.
    .where(sql<boolean>`(occurred_at at time zone 'Europe/Oslo')::date between ${from}::date and ${to}::date`)
    .execute();
  const count = (c: AvvikCategory) => rows.filter((r) => r.category === c).length;
  const masked = (c: AvvikCategory) => {
    const n = count(c);
    return isInjuryCategory(c) && n > 0 && n < K_MIN ? null : n;
  };
  const byCategory = {
    hms: masked('hms'),
    ruh: masked('ruh'),
    personskade: masked('personskade'),
    yrkessykdom: masked('yrkessykdom'),
  };
  const anyMasked = Object.values(byCategory).some((v) => v === null);
  return {
    byCategory,
    total: anyMasked ? null : rows.length,
    closed: rows.filter((r) => r.status === 'lukket').length,
  };
}
