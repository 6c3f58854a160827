/**
 * Who holds the roles that make training a legal requirement — the top leader (aml § 3-5) and the
 * verneombud, hovedverneombud and AMU members (FOLM §§ 3-18, 3-19) — as the roller module records them.
 */
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { RoleFacts } from '../../domain/opplaering/rules.ts';
import { roleEvidence } from '../roller/index.ts';

export async function roleFacts(db: Db, organisationId: string, today: IsoDate): Promise<RoleFacts> {
  const evidence = await roleEvidence(db, organisationId, today);
  return {
    topLeaderEmployeeId: evidence.topLeader?.employeeId ?? null,
    voAmuEmployeeIds: evidence.voAmuEmployeeIds,
  };
}
