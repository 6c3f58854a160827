import { describe, expect, it } from 'vitest';
import { easterSunday, helligdager, helligdagOn, isWorkingDay, nextWorkingDay } from './helligdager.ts';

describe('helligdager', () => {
  it('computes Easter Sunday (computus) for known years', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2008)).toBe('2008-03-23');
  });

  it('lists the twelve dated holidays of 2026 in order', () => {
    expect(helligdager(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-17',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(helligdagOn('2026-05-14')?.name).toBe('Kristi himmelfartsdag');
    expect(helligdagOn('2026-12-24')).toBeNull();
  });

  it('tells working days', () => {
    expect(isWorkingDay('2026-12-03')).toBe(true); // Thursday
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-06')).toBe(false); // Sunday
    expect(isWorkingDay('2026-12-25')).toBe(false);
    expect(isWorkingDay('2026-12-24')).toBe(true); // Christmas Eve: not a holiday in law
    expect(isWorkingDay('2027-05-17')).toBe(false); // a Monday
  });

  it('finds the next working day across a weekend, 17 May, Easter and Christmas', () => {
    expect(nextWorkingDay('2026-12-03')).toBe('2026-12-04');
    expect(nextWorkingDay('2026-12-04')).toBe('2026-12-07'); // Friday → Monday
    expect(nextWorkingDay('2027-05-14')).toBe('2027-05-18'); // Friday → past Sat, Sun and Monday 17 May
    expect(nextWorkingDay('2026-04-01')).toBe('2026-04-07'); // before skjærtorsdag → after 2. påskedag
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-28');
    expect(nextWorkingDay('2026-12-31')).toBe('2027-01-04'); // New Year's Day Friday, then weekend
    expect(nextWorkingDay('2026-05-13')).toBe('2026-05-15'); // over Kristi himmelfart
  });
});
