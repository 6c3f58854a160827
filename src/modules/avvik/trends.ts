/**
 * Learning from avvik: counts per month and category, mean severity and days to closure, and open
 * tiltak past due — for leaders (their units), the verneombud (HMS avvik of their areas), HR, admin
 * and AMU (aml § 7-2 (4): AMU reviews injury and near-miss reports, as aggregates). Small groups of
 * injury data are masked (k < 5, anbefalt): a month's count of personskade or yrkessykdom between 1
 * and 4 is shown as «under 5», and the month's total with it, so no one can be recognised.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/schema.ts';
import {
  AVVIK_CATEGORIES,
  type AvvikCategory,
  HMS_CATEGORIES,
  isInjuryCategory,
} from '../../domain/avvik/index.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { hasRole } from '../../platform/context.ts';
import { viewerOf } from './access.ts';

export const K_MIN = 5;

export type TrendMonth = {
  month: string;
  counts: Record<AvvikCategory, number | null>;
  total: number | null;
  meanSeverity: number | null;
  closed: number;
  meanDaysToClose: number | null;
};

const monthsBack = (today: IsoDate, n: number): string[] => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
};

export async function trends(db: Db, actor: Actor, today: IsoDate, months: number) {
  const list = monthsBack(today, months);
  const from = `${list[0]}-01`;
  const whole = hasRole(actor, 'admin', 'hr', 'amu');
  let unitIds: string[] | null = null;
  let categories: readonly AvvikCategory[] = AVVIK_CATEGORIES;
  if (!whole) {
    if (hasRole(actor, 'leder')) unitIds = [...(await viewerOf(db, actor)).leaderUnitIds];
    else {
      // The verneombud: HMS avvik of the units in their areas (aml § 6-2).
      categories = HMS_CATEGORIES;
      const rows =
        actor.verneomradeIds.length === 0
          ? []
          : await db
              .selectFrom('verneomrade_unit')
              .select('unit_id')
              .where('organisation_id', '=', actor.organisationId)
              .where('verneomrade_id', 'in', actor.verneomradeIds)
              .execute();
      unitIds = rows.map((r) => r.unit_id);
    }
  }
  const month = sql<string>`to_char(a.occurred_at at time zone 'Europe/Oslo', 'YYYY-MM')`;
  let query = db
    .selectFrom('avvik as a')
    .select((eb) => [
      month.as('month'),
      'a.category',
      eb.fn.countAll<string>().as('n'),
      sql<string | null>`avg(a.severity)`.as('severity'),
      sql<string>`count(a.closed_at)`.as('closed'),
      sql<string | null>`avg(extract(epoch from (a.closed_at - a.reported_at)) / 86400)`.as('days'),
    ])
    .where('a.organisation_id', '=', actor.organisationId)
    .where('a.occurred_at', '>=', sql<Date>`(${from}::date::timestamp at time zone 'Europe/Oslo')`)
    .where('a.category', 'in', [...categories])
    .groupBy([month, 'a.category']);
  if (unitIds !== null)
    query = unitIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('a.unit_id', 'in', unitIds);
  const rows = await query.execute();

  let overdue = db
    .selectFrom('avvik_tiltak as t')
    .innerJoin('avvik as a', (j) =>
      j.onRef('a.organisation_id', '=', 't.organisation_id').onRef('a.id', '=', 't.avvik_id'),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('t.organisation_id', '=', actor.organisationId)
    .where('t.done_at', 'is', null)
    .where('t.due', '<', today)
    .where('a.category', 'in', [...categories]);
  if (unitIds !== null)
    overdue =
      unitIds.length === 0 ? overdue.where(sql<boolean>`false`) : overdue.where('a.unit_id', 'in', unitIds);
  const overdueTiltak = Number((await overdue.executeTakeFirstOrThrow()).n);

  let masked = false;
  const out: TrendMonth[] = list.map((m) => {
    const inMonth = rows.filter((r) => r.month === m);
    const counts = Object.fromEntries(AVVIK_CATEGORIES.map((c) => [c, 0])) as Record<
      AvvikCategory,
      number | null
    >;
    let total = 0;
    let hidden = false;
    let sevSum = 0;
    let sevN = 0;
    let closed = 0;
    let daysSum = 0;
    for (const r of inMonth) {
      const n = Number(r.n);
      total += n;
      if (isInjuryCategory(r.category) && n > 0 && n < K_MIN) {
        counts[r.category] = null;
        hidden = true;
      } else counts[r.category] = n;
      if (r.severity !== null) {
        sevSum += Number(r.severity) * n;
        sevN += n;
      }
      const c = Number(r.closed);
      closed += c;
      if (r.days !== null) daysSum += Number(r.days) * c;
    }
    if (hidden) masked = true;
    return {
      month: m,
      counts,
      total: hidden ? null : total,
      meanSeverity: sevN === 0 ? null : Math.round((sevSum / sevN) * 10) / 10,
      closed,
      meanDaysToClose: closed === 0 ? null : Math.round((daysSum / closed) * 10) / 10,
    };
  });
  await writeAudit(db, actor, { action: 'read', entityType: 'avvik_trends', detail: { months } });
  return { months: out, categories: [...categories], overdueTiltak, masked, k: K_MIN };
}
