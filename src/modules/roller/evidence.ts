/**
 * What the rest of the app needs to know about the roles (the IK dashboard's point 5, IK-f § 5 no. 5;
 * the training module's 40-hour rule, FOLM §§ 3-18, 3-19): counts and ids, worked out by the same
 * rules as the page.
 */
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { type HmsRoleKind, holdsOffice, isOverdue } from '../../domain/roller/index.ts';
import { loadRoles, toFacts } from './roller.repository.ts';

export type RoleEvidence = {
  /** The top leader (daglig leder) in office, if registered. */
  topLeader: { employeeId: string; name: string } | null;
  verneomrader: number;
  /** Verneområder with a verneombud in office (FOLM § 3-4: an expired one counts until replaced). */
  verneomraderWithVo: number;
  hovedverneombud: boolean;
  /** AMU members with a vote in office, both sides; the BHT representative (no vote) is not counted. */
  amuMembers: number;
  /** A BHT contact is registered and in office (aml § 3-3). */
  bhtContact: boolean;
  /** Terms that ran out (not ended) without a successor registered: elections overdue. */
  expiredTerms: number;
  /** The latest start of a verneombud's term (the election it followed), or null. */
  lastVoElection: IsoDate | null;
  /** The latest start of an AMU member's term on either side, or null. */
  lastAmuElection: IsoDate | null;
  /** Employees in office as verneombud, hovedverneombud or AMU member (the 40-hour training). */
  voAmuEmployeeIds: string[];
};

const latest = (dates: IsoDate[]): IsoDate | null =>
  dates.reduce<IsoDate | null>((m, d) => (m === null || d > m ? d : m), null);

export async function roleEvidence(db: Db, organisationId: string, today: IsoDate): Promise<RoleEvidence> {
  const [rows, areas] = await Promise.all([
    loadRoles(db, organisationId),
    db
      .selectFrom('verneomrade')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow(),
  ]);
  const facts = rows.map(toFacts);
  const inOffice = rows.filter((r) => holdsOffice(toFacts(r), facts, today));
  const ofKind = (...kinds: HmsRoleKind[]) => inOffice.filter((r) => kinds.includes(r.kind));
  const leader = ofKind('daglig-leder')[0];
  const voAmu = ofKind('verneombud', 'hovedverneombud', 'amu-arbeidsgiver', 'amu-arbeidstaker');
  return {
    topLeader:
      leader && leader.employee_id !== null && leader.employee_name !== null
        ? { employeeId: leader.employee_id, name: leader.employee_name }
        : null,
    verneomrader: Number(areas.n),
    verneomraderWithVo: new Set(ofKind('verneombud').map((r) => r.verneomrade_id)).size,
    hovedverneombud: ofKind('hovedverneombud').length > 0,
    amuMembers: ofKind('amu-arbeidsgiver', 'amu-arbeidstaker').length,
    bhtContact: ofKind('bht-kontakt').length > 0,
    expiredTerms: facts.filter((f) => isOverdue(f, facts, today)).length,
    lastVoElection: latest(
      rows
        .filter((r) => r.kind === 'verneombud')
        .map((r) => r.term_start)
        .filter((d) => d <= today),
    ),
    lastAmuElection: latest(
      rows
        .filter((r) => r.kind === 'amu-arbeidsgiver' || r.kind === 'amu-arbeidstaker')
        .map((r) => r.term_start)
        .filter((d) => d <= today),
    ),
    voAmuEmployeeIds: [...new Set(voAmu.flatMap((r) => (r.employee_id === null ? [] : [r.employee_id])))],
  };
}
