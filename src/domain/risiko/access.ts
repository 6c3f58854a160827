/**
 * Who may do what with a risk assessment — pure, so the server's scoping and the web agree.
 * Least privilege (aml § 3-1, FOLM § 7-1: the assessment is made in cooperation with the employees
 * and their representatives):
 * - admin and HR edit every assessment; a leader edits those of the units they lead;
 * - the verneombud of a verneområde reads everything about its units' assessments, comments and
 *   records disagreement (aml § 6-2: the VO takes part in planning and in the risk work);
 * - an employee reads the assessments of their own unit and may suggest a hazard;
 * - AMU sees the organisation's matrix and its Høy risks (aml § 7-2), not the assessments;
 * - BHT sees nothing here until sharing with the client's BHT is built.
 */
import type { Role } from '../access/roles.ts';

export type RiskSubject = {
  roles: readonly Role[];
  /** The verneområder the user is verneombud for. */
  verneomradeIds: readonly string[];
  /** The units the user leads (the units of the people whose leader they are, and their own). */
  ledUnitIds: readonly string[];
  /** The user's own unit as an employee, if any. */
  ownUnitId: string | null;
};

/** Where an assessment sits: its unit and the verneområder that unit belongs to. */
export type AssessmentPlace = { unitId: string; verneomradeIds: readonly string[] };

const has = (s: RiskSubject, ...roles: Role[]) => s.roles.some((r) => roles.includes(r));

export function editsAll(s: RiskSubject): boolean {
  return has(s, 'admin', 'hr');
}

export function canEditAssessment(s: RiskSubject, a: AssessmentPlace): boolean {
  return editsAll(s) || (has(s, 'leder') && s.ledUnitIds.includes(a.unitId));
}

export function isVoOf(s: RiskSubject, a: AssessmentPlace): boolean {
  return has(s, 'verneombud') && a.verneomradeIds.some((v) => s.verneomradeIds.includes(v));
}

export function isEmployeeOf(s: RiskSubject, a: AssessmentPlace): boolean {
  return has(s, 'ansatt') && s.ownUnitId !== null && s.ownUnitId === a.unitId;
}

export function canReadAssessment(s: RiskSubject, a: AssessmentPlace): boolean {
  return canEditAssessment(s, a) || isVoOf(s, a) || isEmployeeOf(s, a);
}

/** The VO comments and records disagreement; editors comment too. */
export function canComment(s: RiskSubject, a: AssessmentPlace): boolean {
  return canEditAssessment(s, a) || isVoOf(s, a);
}

/** Employees of the unit (and anyone who reads it) may suggest a hazard. */
export function canSuggest(s: RiskSubject, a: AssessmentPlace): boolean {
  return canReadAssessment(s, a);
}

/** The organisation's matrix (counts) and its Høy risks: the HMS roles and AMU. */
export function canReadOrganisationMatrix(s: RiskSubject): boolean {
  return has(s, 'admin', 'hr', 'amu');
}

/** May create an assessment for a unit (admin/HR anywhere, a leader for units they lead). */
export function canCreateFor(s: RiskSubject, unitId: string): boolean {
  return editsAll(s) || (has(s, 'leder') && s.ledUnitIds.includes(unitId));
}
