import { describe, expect, it } from 'vitest';
import {
  chairSideFor,
  defaultTermEnd,
  hasSuccessor,
  holdsOffice,
  isOverdue,
  loginRoleFor,
  roleStatus,
  termReminderDates,
  termsOverlap,
} from './rules.ts';
import type { RoleFacts } from './types.ts';

const role = (over: Partial<RoleFacts> = {}): RoleFacts => ({
  id: 'a',
  kind: 'verneombud',
  employeeId: 'e1',
  verneomradeId: 'area-1',
  termStart: '2025-03-01',
  termEnd: '2027-02-28',
  endedOn: null,
  ...over,
});

describe('defaultTermEnd (FOLM §§ 3-4, 3-15: two years at a time)', () => {
  it('ends the day before the same date two years later, so the next term starts the day after', () => {
    expect(defaultTermEnd('2025-03-01')).toBe('2027-02-28');
    expect(defaultTermEnd('2025-01-15')).toBe('2027-01-14');
    expect(defaultTermEnd('2026-01-01')).toBe('2027-12-31');
  });

  it('covers 29 February when the term runs through a leap year', () => {
    expect(defaultTermEnd('2022-03-01')).toBe('2024-02-29');
  });

  it('starting on 29 February, ends the day before 28 February two years later', () => {
    expect(defaultTermEnd('2024-02-29')).toBe('2026-02-27');
  });
});

describe('roleStatus (product default: «ending soon» 60 days before)', () => {
  const r = role();
  it('is upcoming before the term starts and active in it', () => {
    expect(roleStatus(r, [r], '2025-02-28')).toBe('upcoming');
    expect(roleStatus(r, [r], '2025-03-01')).toBe('active');
    expect(roleStatus(r, [r], '2026-12-29')).toBe('active'); // 61 days left
  });

  it('is ending soon from 60 days before the last day through the last day', () => {
    expect(roleStatus(r, [r], '2026-12-30')).toBe('ending-soon'); // 60 days left
    expect(roleStatus(r, [r], '2027-02-28')).toBe('ending-soon');
  });

  it('is expired after the last day until a successor is in office, then succeeded', () => {
    expect(roleStatus(r, [r], '2027-03-01')).toBe('expired');
    const next = role({ id: 'b', employeeId: 'e2', termStart: '2027-03-10', termEnd: '2029-03-09' });
    expect(roleStatus(r, [r, next], '2027-03-05')).toBe('expired');
    expect(roleStatus(r, [r, next], '2027-03-10')).toBe('succeeded');
  });

  it('a role in another area or of another kind is no successor', () => {
    const elsewhere = role({
      id: 'b',
      verneomradeId: 'area-2',
      termStart: '2027-03-01',
      termEnd: '2029-02-28',
    });
    const hvo = role({ id: 'c', kind: 'hovedverneombud', verneomradeId: null, termStart: '2027-03-01' });
    expect(roleStatus(r, [r, elsewhere, hvo], '2027-04-01')).toBe('expired');
  });

  it('an ended successor does not count; an ended role is ended', () => {
    const next = role({ id: 'b', termStart: '2027-03-01', termEnd: '2029-02-28', endedOn: '2027-03-02' });
    expect(roleStatus(r, [r, next], '2027-04-01')).toBe('expired');
    expect(roleStatus(next, [r, next], '2027-04-01')).toBe('ended');
  });

  it('has no end without a term end (top leader)', () => {
    const leader = role({ kind: 'daglig-leder', verneomradeId: null, termEnd: null });
    expect(roleStatus(leader, [leader], '2040-01-01')).toBe('active');
  });
});

describe('holdsOffice and isOverdue (FOLM § 3-4: the previous verneombud acts until a new one is elected)', () => {
  const r = role();
  it('keeps an expired verneombud in office while nobody took over', () => {
    expect(holdsOffice(r, [r], '2027-06-01')).toBe(true);
    expect(isOverdue(r, [r], '2027-06-01')).toBe(true);
    expect(isOverdue(r, [r], '2027-02-28')).toBe(false);
  });

  it('a registered successor ends the overdue state at once, and the office when it starts', () => {
    const next = role({ id: 'b', termStart: '2027-07-01', termEnd: '2029-06-30' });
    expect(hasSuccessor(r, [r, next])).toBe(true);
    expect(isOverdue(r, [r, next], '2027-06-01')).toBe(false);
    expect(holdsOffice(r, [r, next], '2027-06-01')).toBe(true);
    expect(holdsOffice(r, [r, next], '2027-07-01')).toBe(false);
  });

  it('a role that has not started or was ended holds no office', () => {
    expect(holdsOffice(r, [r], '2025-01-01')).toBe(false);
    const ended = role({ endedOn: '2026-01-01' });
    expect(holdsOffice(ended, [ended], '2026-06-01')).toBe(false);
  });
});

describe('termsOverlap (one verneombud per verneområde at a time)', () => {
  it('counts both ends as days of the term', () => {
    const a = { termStart: '2025-03-01', termEnd: '2027-02-28' };
    expect(termsOverlap(a, { termStart: '2027-02-28', termEnd: null })).toBe(true);
    expect(termsOverlap(a, { termStart: '2027-03-01', termEnd: '2029-02-28' })).toBe(false);
    expect(termsOverlap(a, { termStart: '2023-03-01', termEnd: '2025-02-28' })).toBe(false);
    expect(termsOverlap({ termStart: '2020-01-01', termEnd: null }, a)).toBe(true);
  });
});

describe('termReminderDates (product default: 60 days before expiry)', () => {
  it('reminds 60 days before the last day and on it', () => {
    expect(termReminderDates('2027-02-28')).toEqual(['2026-12-30', '2027-02-28']);
  });
});

describe('chairSideFor (aml § 7-1 (4), FOLM § 3-12: the chair alternates, one year at a time)', () => {
  it('is unknown before any chair is recorded (the first year is agreed or drawn by lot)', () => {
    expect(chairSideFor(2027, [])).toBeNull();
  });

  it('alternates from the nearest recorded year, forwards and backwards', () => {
    const recorded = [{ year: 2026, side: 'arbeidsgiver' as const }];
    expect(chairSideFor(2026, recorded)).toBe('arbeidsgiver');
    expect(chairSideFor(2027, recorded)).toBe('arbeidstaker');
    expect(chairSideFor(2028, recorded)).toBe('arbeidsgiver');
    expect(chairSideFor(2025, recorded)).toBe('arbeidstaker');
  });

  it('follows the latest record when the sides were not alternated', () => {
    const recorded = [
      { year: 2024, side: 'arbeidsgiver' as const },
      { year: 2025, side: 'arbeidsgiver' as const },
    ];
    expect(chairSideFor(2026, recorded)).toBe('arbeidstaker');
  });
});

describe('loginRoleFor', () => {
  it('gives verneombud and AMU members with a vote a login role, no one else', () => {
    expect(loginRoleFor('verneombud')).toBe('verneombud');
    expect(loginRoleFor('amu-arbeidsgiver')).toBe('amu');
    expect(loginRoleFor('amu-arbeidstaker')).toBe('amu');
    expect(loginRoleFor('amu-bht')).toBeNull();
    expect(loginRoleFor('hovedverneombud')).toBeNull();
    expect(loginRoleFor('daglig-leder')).toBeNull();
  });
});
