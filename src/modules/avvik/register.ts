/**
 * The § 5-1 injury and illness register (aml § 5-1): available to the verneombud, BHT and AMU
 * (aml § 5-1 (3)); no medical information (aml § 5-1 (2)). Names only to those with a need
 * (§ 14.9): admin and HR, and the VO for their own area; BHT reads entries without names; AMU
 * sees counts per year and category only.
 */
import type { Register } from '../../contracts/avvik/avvik.schemas.ts';
import type { Db } from '../../db/schema.ts';
import { registerAccess } from '../../domain/avvik/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { hasRole } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';

export async function readRegister(db: Db, actor: Actor): Promise<Register> {
  const view = registerAccess(actor.roles);
  if (view === null) throw notFound();
  const onlyArea = view === 'names' && !hasRole(actor, 'admin', 'hr');
  let query = db
    .selectFrom('avvik_injury as i')
    .innerJoin('avvik as a', (j) =>
      j.onRef('a.organisation_id', '=', 'i.organisation_id').onRef('a.id', '=', 'i.avvik_id'),
    )
    .leftJoin('unit as u', (j) =>
      j.onRef('u.organisation_id', '=', 'a.organisation_id').onRef('u.id', '=', 'a.unit_id'),
    )
    .leftJoin('user_account as r', 'r.id', 'a.reporter_user_id')
    .select([
      'i.avvik_id',
      'a.category',
      'u.name as unitName',
      'a.anonymous',
      'r.name as reporterName',
      'i.occurred_at',
      'i.work_task',
      'i.course_of_events',
      'i.presumed_causes',
      'i.injury_description',
      'a.serious',
      'i.may_give_benefits',
    ])
    .where('i.organisation_id', '=', actor.organisationId)
    .orderBy('i.occurred_at', 'desc')
    .orderBy('i.avvik_id')
    .limit(1000);
  if (onlyArea) {
    if (actor.verneomradeIds.length === 0)
      query = query.where('a.unit_id', 'is', null).where('a.unit_id', 'is not', null);
    else {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('verneomrade_unit as v')
            .select('v.unit_id')
            .whereRef('v.organisation_id', '=', 'a.organisation_id')
            .whereRef('v.unit_id', '=', 'a.unit_id')
            .where('v.verneomrade_id', 'in', actor.verneomradeIds),
        ),
      );
    }
  }
  const rows = await query.execute();
  const totals = new Map<
    string,
    { year: number; category: Register['entries'][number]['category']; count: number }
  >();
  for (const r of rows) {
    const year = Number(r.occurred_at.toISOString().slice(0, 4));
    const key = `${year}:${r.category}`;
    const t = totals.get(key) ?? { year, category: r.category, count: 0 };
    t.count++;
    totals.set(key, t);
  }
  await writeAudit(db, actor, {
    action: 'read',
    entityType: 'avvik_register',
    detail: { view, count: rows.length },
  });
  return {
    view,
    entries:
      view === 'aggregates'
        ? []
        : rows.map((r) => ({
            avvikId: r.avvik_id,
            category: r.category,
            unitName: r.unitName,
            reporterName: view === 'names' && !r.anonymous ? (r.reporterName ?? null) : null,
            occurredAt: r.occurred_at.toISOString(),
            workTask: r.work_task,
            courseOfEvents: r.course_of_events,
            presumedCauses: r.presumed_causes,
            injuryDescription: r.injury_description,
            serious: r.serious === true,
            mayGiveBenefits: r.may_give_benefits,
          })),
    totals: [...totals.values()].sort((a, b) => b.year - a.year || a.category.localeCompare(b.category)),
  };
}
