/**
 * The arbeidsmiljøutvalg as registered under «Roller og verv», for the AMU module: the members in
 * office on a day on both sides and the BHT representative (aml § 7-1 (4), FOLM § 3-7), and who
 * chairs the committee in the day's year (aml § 7-1 (4), FOLM § 3-12: the sides take turns, one
 * year at a time). Read-only.
 */
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { type AmuSide, amuSideOf, chairSideFor, holdsOffice } from '../../domain/roller/index.ts';
import { loadRoles, toFacts } from './roller.repository.ts';

export type AmuComposition = {
  members: {
    roleId: string;
    side: AmuSide | 'bht';
    name: string;
    employeeId: string | null;
    termEnd: IsoDate | null;
  }[];
  chair: { year: number; side: AmuSide | null; roleId: string | null; name: string | null };
};

export async function amuComposition(
  db: Db,
  organisationId: string,
  today: IsoDate,
): Promise<AmuComposition> {
  const year = Number(today.slice(0, 4));
  const [rows, chairs] = await Promise.all([
    loadRoles(db, organisationId),
    db
      .selectFrom('amu_chair')
      .select(['year', 'side', 'role_id'])
      .where('organisation_id', '=', organisationId)
      .execute(),
  ]);
  const facts = rows.map(toFacts);
  const members: AmuComposition['members'] = [];
  for (const row of rows) {
    if (!holdsOffice(toFacts(row), facts, today)) continue;
    const side = row.kind === 'amu-bht' ? 'bht' : amuSideOf(row.kind);
    if (side === null) continue;
    members.push({
      roleId: row.id,
      side,
      name: row.employee_name ?? row.person_name ?? '',
      employeeId: row.employee_id,
      termEnd: row.term_end,
    });
  }
  const recorded = chairs.find((c) => c.year === year);
  const chairRole = recorded?.role_id ? rows.find((r) => r.id === recorded.role_id) : undefined;
  return {
    members,
    chair: {
      year,
      side: recorded?.side ?? chairSideFor(year, chairs),
      roleId: recorded?.role_id ?? null,
      name: chairRole ? (chairRole.employee_name ?? chairRole.person_name) : null,
    },
  };
}
