import { describe, expect, it } from 'vitest';
import {
  actionReminderDates,
  arsrapportDue,
  arsrapportYearFor,
  canEditAmu,
  canMakeArsrapport,
  canReadAllAmu,
  chairSideFor,
  compositionProblems,
  defaultMeetingDates,
  demandDateProblem,
  demandDeadline,
  demandIsBacked,
  isArsrapportMonth,
} from './index.ts';

describe('the meeting plan (FOLM § 3-16: normally four a year)', () => {
  it('2027: the 15th of Feb, May, Aug and Nov, moved to the next working day', () => {
    expect(defaultMeetingDates(2027)).toEqual([
      { occurrence: 'q1', date: '2027-02-15' }, // Monday
      // Saturday 15 May → Monday 17 May is Grunnlovsdagen → Tuesday 18 May.
      { occurrence: 'q2', date: '2027-05-18' },
      { occurrence: 'q3', date: '2027-08-16' }, // Sunday → Monday
      { occurrence: 'q4', date: '2027-11-15' },
    ]);
  });

  it('2026: Sunday 15 February → Monday 16 February; Friday 15 May stays', () => {
    const dates = defaultMeetingDates(2026).map((d) => d.date);
    expect(dates[0]).toBe('2026-02-16');
    expect(dates[1]).toBe('2026-05-15');
  });
});

describe('krav om møte (FOLM § 3-16: two members; 14 days is the product default)', () => {
  it('needs two different members', () => {
    expect(demandIsBacked(['a'])).toBe(false);
    expect(demandIsBacked(['a', 'a'])).toBe(false);
    expect(demandIsBacked(['a', 'b'])).toBe(true);
  });

  it('the meeting within 14 days: backed Wednesday 10 March 2027 → Wednesday 24 March', () => {
    expect(demandDeadline('2027-03-10')).toBe('2027-03-24');
  });

  it('a deadline on skjærtorsdag (25 March 2027) moves back to the working day before', () => {
    expect(demandDeadline('2027-03-11')).toBe('2027-03-24');
  });

  it('a date after the deadline or before the demand is refused, naming the deadline', () => {
    expect(demandDateProblem('2027-03-24', '2027-03-10')).toBeNull();
    expect(demandDateProblem('2027-03-10', '2027-03-10')).toBeNull();
    expect(demandDateProblem('2027-03-25', '2027-03-10')?.nb).toContain('24.03.2027');
    expect(demandDateProblem('2027-03-09', '2027-03-10')?.nb).toContain('før kravet');
  });
});

describe('the chair alternates yearly (aml § 7-1 (4), FOLM § 3-12)', () => {
  it('employer side in 2026 → employee side in 2027, employer again in 2028', () => {
    const recorded = [{ year: 2026, side: 'arbeidsgiver' as const }];
    expect(chairSideFor(2027, recorded)).toBe('arbeidstaker');
    expect(chairSideFor(2028, recorded)).toBe('arbeidsgiver');
    expect(chairSideFor(2027, [])).toBeNull();
  });
});

describe('composition (aml § 7-1 (4), FOLM § 3-7)', () => {
  it('equal sides and a BHT representative: nothing missing', () => {
    expect(
      compositionProblems([
        { side: 'arbeidsgiver', name: 'A' },
        { side: 'arbeidstaker', name: 'B' },
        { side: 'bht', name: 'C' },
      ]),
    ).toEqual([]);
  });
  it('unequal sides and no BHT', () => {
    expect(
      compositionProblems([
        { side: 'arbeidsgiver', name: 'A' },
        { side: 'arbeidsgiver', name: 'A2' },
        { side: 'arbeidstaker', name: 'B' },
      ]),
    ).toEqual(['unequal-sides', 'no-bht']);
    expect(compositionProblems([{ side: 'bht', name: 'C' }])).toEqual(['no-members']);
  });
});

describe('årsrapport (aml § 7-2 (6); 31 March is the product default)', () => {
  it('made in January 2027 for 2026, due 31 March 2027', () => {
    expect(arsrapportYearFor('2027-01-04')).toBe(2026);
    expect(arsrapportDue(2026)).toBe('2027-03-31');
    expect(canMakeArsrapport(2026, '2026-12-31')).toBe(false);
    expect(canMakeArsrapport(2026, '2027-01-01')).toBe(true);
    expect(isArsrapportMonth('2027-01-31')).toBe(true);
    expect(isArsrapportMonth('2027-02-01')).toBe(false);
  });
});

describe('actions and access', () => {
  it('an action is reminded 7 days before and on its due date', () => {
    expect(actionReminderDates('2027-03-01')).toEqual(['2027-02-22', '2027-03-01']);
  });
  it('members and HR/admin edit; BHT reads; employees do neither', () => {
    expect(canEditAmu(['amu'])).toBe(true);
    expect(canEditAmu(['bht'])).toBe(false);
    expect(canReadAllAmu(['bht'])).toBe(true);
    expect(canReadAllAmu(['ansatt', 'leder'])).toBe(false);
  });
});
