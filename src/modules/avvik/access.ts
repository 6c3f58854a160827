/**
 * Who sees an avvik, as database facts for the pure rule in src/domain/avvik (`avvikAccess`): the
 * units a leader handles (their own unit and the units of the people they lead) and the
 * verneområder of a unit.
 */
import type { Db } from '../../db/schema.ts';
import { type AvvikCategory, avvikAccess, type Viewer } from '../../domain/avvik/index.ts';
import type { Actor } from '../../platform/context.ts';
import { hasRole } from '../../platform/context.ts';

export async function viewerOf(db: Db, actor: Actor): Promise<Viewer> {
  let leaderUnitIds: string[] = [];
  if (hasRole(actor, 'leder') && actor.employeeId !== null) {
    const rows = await db
      .selectFrom('employee')
      .select('unit_id')
      .distinct()
      .where('organisation_id', '=', actor.organisationId)
      .where((eb) => eb.or([eb('leader_id', '=', actor.employeeId), eb('id', '=', actor.employeeId)]))
      .execute();
    leaderUnitIds = rows.map((r) => r.unit_id);
  }
  return { userId: actor.userId, roles: actor.roles, leaderUnitIds, verneomradeIds: actor.verneomradeIds };
}

export async function unitAreas(db: Db, organisationId: string, unitIds: readonly string[]) {
  const map = new Map<string, string[]>();
  if (unitIds.length === 0) return map;
  const rows = await db
    .selectFrom('verneomrade_unit')
    .select(['unit_id', 'verneomrade_id'])
    .where('organisation_id', '=', organisationId)
    .where('unit_id', 'in', [...new Set(unitIds)])
    .execute();
  for (const r of rows) map.set(r.unit_id, [...(map.get(r.unit_id) ?? []), r.verneomrade_id]);
  return map;
}

export type AvvikAccessRow = {
  id: string;
  reporter_user_id: string | null;
  unit_id: string | null;
  category: AvvikCategory;
};

/** The access of `viewer` to each row (null: not visible → 404 / left out). */
export async function accessOf(
  db: Db,
  organisationId: string,
  viewer: Viewer,
  rows: readonly AvvikAccessRow[],
): Promise<Map<string, 'handler' | 'vo' | 'reporter' | null>> {
  const areas = await unitAreas(
    db,
    organisationId,
    rows.flatMap((r) => (r.unit_id === null ? [] : [r.unit_id])),
  );
  const out = new Map<string, 'handler' | 'vo' | 'reporter' | null>();
  for (const r of rows) {
    out.set(
      r.id,
      avvikAccess(viewer, {
        reporterUserId: r.reporter_user_id ?? '',
        unitId: r.unit_id,
        verneomradeIds: r.unit_id === null ? [] : (areas.get(r.unit_id) ?? []),
        category: r.category,
      }),
    );
  }
  return out;
}
