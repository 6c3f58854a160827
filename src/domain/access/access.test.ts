import { describe, expect, it } from 'vitest';
import {
  type AccessSubject,
  canOpenCase,
  canReadVarsling,
  caseScope,
  employeeScope,
  isVerneombudFor,
  seesAggregatesOnly,
  seesWholeOrganisation,
} from './access.ts';
import type { Role } from './roles.ts';

const subject = (
  roles: Role[],
  employeeId: string | null = 'e1',
  verneomradeIds: string[] = [],
): AccessSubject => ({
  userId: 'u1',
  roles,
  employeeId,
  verneomradeIds,
});

describe('row-level access', () => {
  it('admin and HR see the whole organisation; a leader their own people; others only themselves', () => {
    expect(seesWholeOrganisation(subject(['hr']))).toBe(true);
    expect(seesWholeOrganisation(subject(['leder', 'verneombud']))).toBe(false);
    expect(employeeScope(subject(['admin']))).toEqual({ kind: 'all' });
    expect(employeeScope(subject(['leder']))).toEqual({ kind: 'led-and-self', employeeId: 'e1' });
    expect(employeeScope(subject(['ansatt']))).toEqual({ kind: 'self', employeeId: 'e1' });
    expect(employeeScope(subject(['leder'], null))).toEqual({ kind: 'none' });
  });

  it('opens a case as the employer only for HR/admin or the nærmeste leder', () => {
    expect(caseScope(subject(['leder']))).toEqual({ kind: 'led-by', leaderEmployeeId: 'e1' });
    expect(caseScope(subject(['ansatt']))).toEqual({ kind: 'none' });
    expect(canOpenCase(subject(['leder']), { leaderId: 'e1' })).toBe(true);
    expect(canOpenCase(subject(['leder']), { leaderId: 'e2' })).toBe(false);
    expect(canOpenCase(subject(['leder']), { leaderId: null })).toBe(false);
    expect(canOpenCase(subject(['hr'], null), { leaderId: null })).toBe(true);
    expect(canOpenCase(subject(['tillitsvalgt', 'amu']), { leaderId: 'e1' })).toBe(false);
  });

  it('knows the verneombud of a verneområde, and that AMU and BHT see aggregates only', () => {
    expect(isVerneombudFor(subject(['verneombud'], 'e1', ['v1']), 'v1')).toBe(true);
    expect(isVerneombudFor(subject(['verneombud'], 'e1', ['v1']), 'v2')).toBe(false);
    expect(isVerneombudFor(subject(['ansatt'], 'e1', ['v1']), 'v1')).toBe(false);
    expect(seesAggregatesOnly(subject(['amu']))).toBe(true);
    expect(seesAggregatesOnly(subject(['bht']))).toBe(true);
    expect(seesAggregatesOnly(subject(['amu', 'hr']))).toBe(false);
    expect(seesAggregatesOnly(subject(['leder']))).toBe(false);
  });

  it('lets only the named handlers read a varsling, never the person it is about', () => {
    const varsling = { handlerUserIds: ['u1'], concernsEmployeeIds: ['e9'] };
    expect(canReadVarsling(subject(['hr']), varsling)).toBe(true);
    expect(canReadVarsling({ ...subject(['admin']), userId: 'u2' }, varsling)).toBe(false);
    expect(canReadVarsling(subject(['hr'], 'e9'), varsling)).toBe(false);
  });
});
