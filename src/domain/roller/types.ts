/**
 * The HMS roles (verv) an organisation fills: the top leader, verneombud per verneområde and the
 * hovedverneombud (aml kap. 6), the members of the arbeidsmiljøutvalg on both sides and the BHT
 * representative (aml § 7-1, FOLM § 3-7), and the occupational health service's contact (aml § 3-3).
 * One list, used by the database check, the wire schemas and the web's pickers. Pure.
 */
import type { IsoDate } from '../calendar/index.ts';

export const HMS_ROLE_KINDS = [
  'daglig-leder',
  'verneombud',
  'hovedverneombud',
  'amu-arbeidsgiver',
  'amu-arbeidstaker',
  'amu-bht',
  'bht-kontakt',
] as const;
export type HmsRoleKind = (typeof HMS_ROLE_KINDS)[number];

/**
 * How the person got the role. `valgt`: elected by the employees (FOLM § 3-2, § 3-7);
 * `utpekt`: designated — by the union that organises the majority (FOLM § 3-2) or, for the
 * employer's AMU members and the BHT, by the employer; `oppnevnt`: appointed by the employer because
 * the employees did not elect (FOLM § 3-2, for at most two years).
 */
export const APPOINTMENT_KINDS = ['valgt', 'utpekt', 'oppnevnt'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

/** Why a role ended before its term did (no free text: nothing about health is asked for). */
export const END_REASONS = ['sluttet', 'byttet-omrade', 'erstattet', 'annet'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** The two sides of the arbeidsmiljøutvalg (aml § 7-1 (4)). */
export const AMU_SIDES = ['arbeidsgiver', 'arbeidstaker'] as const;
export type AmuSide = (typeof AMU_SIDES)[number];

/**
 * Where a role stands on a day:
 * - `upcoming`: its term has not started;
 * - `active`: in its term, more than 60 days left (or no end);
 * - `ending-soon`: 0–60 days left of its term;
 * - `expired`: its term is over and nobody has taken over — the person still counts (FOLM § 3-4);
 * - `succeeded`: its term is over and a successor is in office;
 * - `ended`: ended (the person left, moved, or was replaced); kept as history.
 */
export const ROLE_STATUSES = ['upcoming', 'active', 'ending-soon', 'expired', 'succeeded', 'ended'] as const;
export type RoleStatus = (typeof ROLE_STATUSES)[number];

/** The facts of a role the rules need. */
export type RoleFacts = {
  id: string;
  kind: HmsRoleKind;
  employeeId: string | null;
  verneomradeId: string | null;
  termStart: IsoDate;
  termEnd: IsoDate | null;
  endedOn: IsoDate | null;
};
