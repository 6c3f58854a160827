/**
 * Row-level access as pure functions: who may see which records. The server's queries are scoped
 * with these (`employees.repository.ts`, `sykefravaer.repository.ts`) and the web's guards may use
 * the same functions, so both sides always agree. Least privilege (GDPR art. 5 (1) c, art. 9): a
 * leader sees only the people they lead, AMU sees aggregates only, a varsling only its handlers.
 */
import type { Role } from './roles.ts';

/** What access depends on: the user's roles in the organisation and their own records. */
export type AccessSubject = {
  userId: string;
  roles: readonly Role[];
  /** The user's own employee record in the organisation, if any. */
  employeeId: string | null;
  /** The verneområder the user is verneombud for. */
  verneomradeIds: readonly string[];
};

const has = (subject: AccessSubject, ...roles: Role[]) => subject.roles.some((r) => roles.includes(r));

/** Admin and HR see every employee and every case of the organisation. */
export function seesWholeOrganisation(subject: AccessSubject): boolean {
  return has(subject, 'admin', 'hr');
}

/** Which employee records a user sees in the employee list and on employee pages. */
export type EmployeeScope =
  | { kind: 'all' }
  /** A leader: the people they lead, and themselves. */
  | { kind: 'led-and-self'; employeeId: string }
  | { kind: 'self'; employeeId: string }
  | { kind: 'none' };

export function employeeScope(subject: AccessSubject): EmployeeScope {
  if (seesWholeOrganisation(subject)) return { kind: 'all' };
  if (subject.employeeId === null) return { kind: 'none' };
  return has(subject, 'leder')
    ? { kind: 'led-and-self', employeeId: subject.employeeId }
    : { kind: 'self', employeeId: subject.employeeId };
}

/** Whose sick-leave cases a user opens as the employer (their own case is opened as "self"). */
export type CaseScope = { kind: 'all' } | { kind: 'led-by'; leaderEmployeeId: string } | { kind: 'none' };

export function caseScope(subject: AccessSubject): CaseScope {
  if (seesWholeOrganisation(subject)) return { kind: 'all' };
  if (!has(subject, 'leder') || subject.employeeId === null) return { kind: 'none' };
  return { kind: 'led-by', leaderEmployeeId: subject.employeeId };
}

/** May the user open this employee's sick-leave case as the employer? */
export function canOpenCase(subject: AccessSubject, employee: { leaderId: string | null }): boolean {
  const scope = caseScope(subject);
  return scope.kind === 'all' || (scope.kind === 'led-by' && employee.leaderId === scope.leaderEmployeeId);
}

/** Is the user verneombud for this verneområde (aml § 6-1)? */
export function isVerneombudFor(subject: AccessSubject, verneomradeId: string): boolean {
  return has(subject, 'verneombud') && subject.verneomradeIds.includes(verneomradeId);
}

/**
 * AMU members (and BHT) see statistics as aggregates only, never a person's record — unless they
 * also hold a role that sees records (admin, HR).
 */
export function seesAggregatesOnly(subject: AccessSubject): boolean {
  return !seesWholeOrganisation(subject) && has(subject, 'amu', 'bht');
}

/**
 * A varsling (aml chapter 2A) is read by its named handlers only — never by the person it is
 * about, even when that person is a handler or HR.
 */
export function canReadVarsling(
  subject: AccessSubject,
  varsling: { handlerUserIds: readonly string[]; concernsEmployeeIds: readonly string[] },
): boolean {
  if (subject.employeeId !== null && varsling.concernsEmployeeIds.includes(subject.employeeId)) return false;
  return varsling.handlerUserIds.includes(subject.userId);
}
