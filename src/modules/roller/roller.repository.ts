/** The roller tables as the module reads them: every role with the names it is shown by. */
import type { Selectable } from 'kysely';
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { RoleFacts } from '../../domain/roller/index.ts';
import type { HmsRoleTable } from './roller.tables.ts';

export type RoleRow = Selectable<HmsRoleTable> & {
  employee_name: string | null;
  employment_end: IsoDate | null;
  verneomrade_name: string | null;
};

/** Every role of the organisation (history included), with the names it is shown by. */
export async function loadRoles(db: Db, organisationId: string): Promise<RoleRow[]> {
  return db
    .selectFrom('hms_role as r')
    .leftJoin('employee as e', (j) =>
      j.onRef('e.organisation_id', '=', 'r.organisation_id').onRef('e.id', '=', 'r.employee_id'),
    )
    .leftJoin('verneomrade as v', (j) =>
      j.onRef('v.organisation_id', '=', 'r.organisation_id').onRef('v.id', '=', 'r.verneomrade_id'),
    )
    .selectAll('r')
    .select(['e.name as employee_name', 'e.employment_end', 'v.name as verneomrade_name'])
    .where('r.organisation_id', '=', organisationId)
    .orderBy('r.term_start')
    .orderBy('r.created_at')
    .execute();
}

export function toFacts(row: Selectable<HmsRoleTable>): RoleFacts {
  return {
    id: row.id,
    kind: row.kind,
    employeeId: row.employee_id,
    verneomradeId: row.verneomrade_id,
    termStart: row.term_start,
    termEnd: row.term_end,
    endedOn: row.ended_on,
  };
}
