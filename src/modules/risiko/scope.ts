/**
 * Who the actor is for the risk rules (`src/domain/risiko/access.ts`): the units they lead, their
 * own unit, the verneområder they are verneombud for — and where each unit sits (its
 * verneområder). Reads the core tables `employee`, `unit` and `verneomrade_unit`.
 */
import type { Db } from '../../db/schema.ts';
import type { AssessmentPlace, RiskSubject } from '../../domain/risiko/index.ts';
import { type Actor, hasRole } from '../../platform/context.ts';

export async function subjectOf(db: Db, actor: Actor): Promise<RiskSubject> {
  let ownUnitId: string | null = null;
  let ledUnitIds: string[] = [];
  if (actor.employeeId !== null) {
    const own = await db
      .selectFrom('employee')
      .select('unit_id')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', actor.employeeId)
      .executeTakeFirst();
    ownUnitId = own?.unit_id ?? null;
    if (hasRole(actor, 'leder')) {
      // A leader's units: where the people they lead work, and their own.
      const led = await db
        .selectFrom('employee')
        .select('unit_id')
        .distinct()
        .where('organisation_id', '=', actor.organisationId)
        .where('leader_id', '=', actor.employeeId)
        .execute();
      ledUnitIds = [...new Set([...led.map((r) => r.unit_id), ...(ownUnitId ? [ownUnitId] : [])])];
    }
  }
  return { roles: actor.roles, verneomradeIds: actor.verneomradeIds, ledUnitIds, ownUnitId };
}

/** Each unit's verneområder. */
export async function areasOfUnits(db: Db, organisationId: string, unitIds?: readonly string[]) {
  if (unitIds !== undefined && unitIds.length === 0) return new Map<string, string[]>();
  let query = db
    .selectFrom('verneomrade_unit')
    .select(['unit_id', 'verneomrade_id'])
    .where('organisation_id', '=', organisationId);
  if (unitIds !== undefined) query = query.where('unit_id', 'in', [...unitIds]);
  const rows = await query.execute();
  const byUnit = new Map<string, string[]>();
  for (const r of rows) byUnit.set(r.unit_id, [...(byUnit.get(r.unit_id) ?? []), r.verneomrade_id]);
  return byUnit;
}

export function placeOf(unitId: string, areas: Map<string, string[]>): AssessmentPlace {
  return { unitId, verneomradeIds: areas.get(unitId) ?? [] };
}

/** The organisation's units by id → name. */
export async function unitNames(db: Db, organisationId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
