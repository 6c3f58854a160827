/**
 * The rules of HMS roles: terms, their status on a day, who succeeds whom, and the alternating AMU
 * chair. Pure: `today` is a parameter, dates are `YYYY-MM-DD` strings.
 *
 * Decisions (where the sources leave room):
 * - A term's `termEnd` is its **last day**: two years from `termStart` less one day, so the next
 *   term starts the day after (`2025-03-01` → `2027-02-28`, next term from `2027-03-01`). FOLM § 3-4
 *   (verneombud: "for to år av gangen"), FOLM § 3-15 (AMU members: two years).
 * - A successor is a later role in the same seat (same kind; for a verneombud the same verneområde)
 *   that has not been ended. AMU seats are not numbered, so any later member of the same side counts.
 * - Until a successor is in office, a verneombud whose term ran out still counts (FOLM § 3-4:
 *   the previous verneombud acts until management is told who was elected); the same is applied to
 *   the other roles, and the status says «expired» so that the election is not forgotten.
 */
import { addDays, addMonths, diffDays, type IsoDate } from '../calendar/index.ts';
import type { AmuSide, AppointmentKind, HmsRoleKind, RoleFacts, RoleStatus } from './types.ts';

/** FOLM § 3-4 (verneombud) and § 3-15 (AMU members): elected for two years at a time. */
export const TERM_MONTHS = 24;

/** Product default («anbefalt»): remind 60 days before a term ends. */
export const TERM_REMINDER_DAYS = 60;

/**
 * The default last day of a term starting on `termStart`: the same date two years later, less one
 * day (FOLM §§ 3-4, 3-15). A term from 29 February ends on 27 February two years later (28 February
 * is the "same date" of a year without 29 February, and the next term starts then).
 */
export function defaultTermEnd(termStart: IsoDate): IsoDate {
  return addDays(addMonths(termStart, TERM_MONTHS), -1);
}

/** External people (the BHT's staff) have no employee record; every other role is held by an employee. */
export function isBhtKind(kind: HmsRoleKind): boolean {
  return kind === 'amu-bht' || kind === 'bht-kontakt';
}

export function needsEmployee(kind: HmsRoleKind): boolean {
  return !isBhtKind(kind);
}

/** FOLM § 3-2: a verneombud is elected for a verneområde. */
export function needsArea(kind: HmsRoleKind): boolean {
  return kind === 'verneombud';
}

/**
 * Roles with a term (FOLM §§ 3-4, 3-15): verneombud, hovedverneombud and AMU members. The top leader
 * and the BHT contact have none (an end date may still be given, e.g. when the BHT agreement ends).
 */
export function needsTermEnd(kind: HmsRoleKind): boolean {
  return kind !== 'daglig-leder' && kind !== 'bht-kontakt';
}

/** At most one holder at a time: the top leader, the hovedverneombud, one verneombud per area. */
export function isSingleSeat(kind: HmsRoleKind): boolean {
  return kind === 'daglig-leder' || kind === 'hovedverneombud' || kind === 'verneombud';
}

/** How a role is usually filled, as the form suggests it (FOLM §§ 3-2, 3-7). */
export function defaultAppointment(kind: HmsRoleKind): AppointmentKind {
  return kind === 'verneombud' || kind === 'hovedverneombud' || kind === 'amu-arbeidstaker'
    ? 'valgt'
    : 'utpekt';
}

/**
 * The login role that goes with an office (`role_assignment`): a verneombud sees their verneområde
 * (`verneombud` for that area), an AMU member with a vote sees what AMU sees (`amu`). The
 * hovedverneombud gets none of its own: the login role `verneombud` is per verneområde, and the
 * hovedverneombud is normally also the verneombud of an area (and an AMU member, aml § 7-1 (4)).
 */
export function loginRoleFor(kind: HmsRoleKind): 'verneombud' | 'amu' | null {
  if (kind === 'verneombud') return 'verneombud';
  if (kind === 'amu-arbeidsgiver' || kind === 'amu-arbeidstaker') return 'amu';
  return null;
}

/** The AMU side a member sits on; the BHT representative is on neither (FOLM § 3-7). */
export function amuSideOf(kind: HmsRoleKind): AmuSide | null {
  if (kind === 'amu-arbeidsgiver') return 'arbeidsgiver';
  if (kind === 'amu-arbeidstaker') return 'arbeidstaker';
  return null;
}

export function otherSide(side: AmuSide): AmuSide {
  return side === 'arbeidsgiver' ? 'arbeidstaker' : 'arbeidsgiver';
}

/** Same seat: same kind, and for a verneombud the same verneområde. */
export function sameSeat(
  a: Pick<RoleFacts, 'kind' | 'verneomradeId'>,
  b: Pick<RoleFacts, 'kind' | 'verneomradeId'>,
) {
  return a.kind === b.kind && (a.kind !== 'verneombud' || a.verneomradeId === b.verneomradeId);
}

/** Whether two terms share a day (an open end runs for ever); both ends are inclusive. */
export function termsOverlap(
  a: Pick<RoleFacts, 'termStart' | 'termEnd'>,
  b: Pick<RoleFacts, 'termStart' | 'termEnd'>,
): boolean {
  const aEndsBeforeB = a.termEnd !== null && a.termEnd < b.termStart;
  const bEndsBeforeA = b.termEnd !== null && b.termEnd < a.termStart;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** The roles registered to take over `role`'s seat (later start, not ended). */
export function successorsOf(role: RoleFacts, roles: readonly RoleFacts[]): RoleFacts[] {
  return roles.filter(
    (r) => r.id !== role.id && r.endedOn === null && sameSeat(r, role) && r.termStart > role.termStart,
  );
}

/** A successor is registered (whenever it starts). */
export function hasSuccessor(role: RoleFacts, roles: readonly RoleFacts[]): boolean {
  return successorsOf(role, roles).length > 0;
}

/** A successor has started its term. */
export function successorInOffice(role: RoleFacts, roles: readonly RoleFacts[], today: IsoDate): boolean {
  return successorsOf(role, roles).some((r) => r.termStart <= today);
}

/** Days left of the term, counting today (0 on the last day); null without an end. */
export function daysLeft(role: Pick<RoleFacts, 'termEnd'>, today: IsoDate): number | null {
  return role.termEnd === null ? null : diffDays(role.termEnd, today);
}

/** Where a role stands on `today` (see `RoleStatus`). */
export function roleStatus(role: RoleFacts, roles: readonly RoleFacts[], today: IsoDate): RoleStatus {
  if (role.endedOn !== null) return 'ended';
  if (role.termStart > today) return 'upcoming';
  const left = daysLeft(role, today);
  if (left === null) return 'active';
  if (left < 0) return successorInOffice(role, roles, today) ? 'succeeded' : 'expired';
  return left <= TERM_REMINDER_DAYS ? 'ending-soon' : 'active';
}

/** Holds the office today: started, not ended, and not yet taken over (FOLM § 3-4). */
export function holdsOffice(role: RoleFacts, roles: readonly RoleFacts[], today: IsoDate): boolean {
  const status = roleStatus(role, roles, today);
  return status === 'active' || status === 'ending-soon' || status === 'expired';
}

/** A term that ran out with nobody registered to take over: the election is overdue. */
export function isOverdue(role: RoleFacts, roles: readonly RoleFacts[], today: IsoDate): boolean {
  return role.endedOn === null && role.termEnd !== null && role.termEnd < today && !hasSuccessor(role, roles);
}

/** Product default («anbefalt»): 60 days before the term ends and on its last day. */
export function termReminderDates(termEnd: IsoDate): IsoDate[] {
  return [addDays(termEnd, -TERM_REMINDER_DAYS), termEnd];
}

/**
 * The side whose turn it is to chair AMU in `year` (aml § 7-1 (4): elected alternately by the
 * employer's and the employees' representatives; FOLM § 3-12: for one year at a time). Worked out
 * from the nearest recorded year — the side of that year, or the other one an odd number of years
 * away. Null when no year is recorded: the first year is agreed, or decided by lot (FOLM § 3-12).
 */
export function chairSideFor(
  year: number,
  recorded: readonly { year: number; side: AmuSide }[],
): AmuSide | null {
  let nearest: { year: number; side: AmuSide } | null = null;
  for (const r of recorded) {
    const closer = nearest === null || Math.abs(r.year - year) < Math.abs(nearest.year - year);
    // Between two equally near years, the earlier one decides (the order the chairs were elected in).
    const tieEarlier =
      nearest !== null && Math.abs(r.year - year) === Math.abs(nearest.year - year) && r.year < nearest.year;
    if (closer || tieEarlier) nearest = r;
  }
  if (nearest === null) return null;
  return Math.abs(year - nearest.year) % 2 === 0 ? nearest.side : otherSide(nearest.side);
}
