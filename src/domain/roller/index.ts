/**
 * HMS roles (verv): verneombud and hovedverneombud (aml kap. 6, FOLM §§ 3-2, 3-4), the AMU and its
 * alternating chair (aml § 7-1, FOLM §§ 3-7, 3-12, 3-15), the top leader and the BHT (aml § 3-3).
 * Pure rules: terms, status on a day, successors, the chair's side.
 */
export {
  amuSideOf,
  chairSideFor,
  daysLeft,
  defaultAppointment,
  defaultTermEnd,
  hasSuccessor,
  holdsOffice,
  isBhtKind,
  isOverdue,
  isSingleSeat,
  loginRoleFor,
  needsArea,
  needsEmployee,
  needsTermEnd,
  otherSide,
  roleStatus,
  sameSeat,
  successorInOffice,
  successorsOf,
  TERM_MONTHS,
  TERM_REMINDER_DAYS,
  termReminderDates,
  termsOverlap,
} from './rules.ts';
export {
  AMU_SIDES,
  type AmuSide,
  APPOINTMENT_KINDS,
  type AppointmentKind,
  END_REASONS,
  type EndReason,
  HMS_ROLE_KINDS,
  type HmsRoleKind,
  ROLE_STATUSES,
  type RoleFacts,
  type RoleStatus,
} from './types.ts';
