import { sql } from 'kysely';
import type { Unit } from '../../contracts/organisation/organisation.schemas.ts';
import type { Db } from '../../db/schema.ts';

export async function listUnits(db: Db, organisationId: string): Promise<Unit[]> {
  const rows = await db
    .selectFrom('unit')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('employee')
          .select(['unit_id', (e) => e.fn.countAll<number>().as('n')])
          .where('organisation_id', '=', organisationId)
          .groupBy('unit_id')
          .as('counts'),
      (join) => join.onRef('counts.unit_id', '=', 'unit.id'),
    )
    .select(['unit.id', 'unit.parent_id', 'unit.name', 'counts.n'])
    .where('unit.organisation_id', '=', organisationId)
    .orderBy('unit.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    employeeCount: Number(r.n ?? 0),
  }));
}

export async function findUnit(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('unit')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** True when `candidateParent` is `unitId` itself or lies below it (moving there would make a cycle). */
export async function isSelfOrDescendant(
  db: Db,
  organisationId: string,
  unitId: string,
  candidateParent: string,
): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    with recursive below(id) as (
      select id from unit where organisation_id = ${organisationId} and id = ${unitId}
      union
      select u.id from unit u join below b on u.parent_id = b.id where u.organisation_id = ${organisationId}
    )
    select exists (select 1 from below where id = ${candidateParent}) as found
  `.execute(db);
  return result.rows[0]?.found === true;
}
