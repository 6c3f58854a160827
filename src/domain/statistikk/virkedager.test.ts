/** Virkedager: working days per quarter 2024–2027 and the public holidays behind them. */
import { describe, expect, it } from 'vitest';
import { easterSunday, fromDayNumber } from '../calendar/index.ts';
import { quarterEnd, quarterStart } from './quarter.ts';
import { publicHolidays, Virkedager } from './virkedager.ts';

describe('Virkedager', () => {
  it.each([
    [2024, '2024-03-31', [62, 60, 66, 64]],
    [2025, '2025-04-20', [63, 59, 66, 64]],
    [2026, '2026-04-05', [63, 59, 66, 65]],
    [2027, '2027-03-28', [60, 63, 66, 66]],
  ])('%i: Easter Sunday %s, working days per quarter %j', (year, easter, perQuarter) => {
    expect(easterSunday(year)).toBe(easter);
    const cal = new Virkedager(quarterStart(year * 4), quarterEnd(year * 4 + 3));
    expect([0, 1, 2, 3].map((q) => cal.count(quarterStart(year * 4 + q), quarterEnd(year * 4 + q)))).toEqual(
      perQuarter,
    );
  });

  it('lists the weekday holidays', () => {
    const weekdayHolidays = (year: number) => {
      const cal = new Virkedager(quarterStart(year * 4), quarterEnd(year * 4 + 3));
      return cal.holidaysIn(cal.from, cal.to).map(fromDayNumber);
    };
    expect(weekdayHolidays(2024)).toEqual([
      '2024-01-01',
      '2024-03-28',
      '2024-03-29',
      '2024-04-01',
      '2024-05-01',
      '2024-05-09',
      '2024-05-17',
      '2024-05-20',
      '2024-12-25',
      '2024-12-26',
    ]);
    expect(weekdayHolidays(2025)).toEqual([
      '2025-01-01',
      '2025-04-17',
      '2025-04-18',
      '2025-04-21',
      '2025-05-01',
      '2025-05-29',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ]);
    // 2027: 1 May, 25 and 26 Dec fall on weekends; 17 May is also 2. pinsedag (removed once).
    expect(weekdayHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-03-25',
      '2027-03-26',
      '2027-03-29',
      '2027-05-06',
      '2027-05-17',
    ]);
  });

  it('does not treat julaften, nyttårsaften, påskeaften, pinseaften or 8 May as holidays', () => {
    const days = publicHolidays(2025).map(fromDayNumber);
    for (const d of ['2025-12-24', '2025-12-31', '2025-04-19', '2025-06-07', '2025-05-08', '2025-04-16']) {
      expect(days).not.toContain(d);
    }
    expect(
      publicHolidays(2027)
        .map(fromDayNumber)
        .filter((d) => d === '2027-05-17'),
    ).toHaveLength(1);
  });

  it('counts sub-ranges and clamps to its range', () => {
    const cal = new Virkedager(quarterStart(2024 * 4), quarterEnd(2024 * 4));
    // Wed 27 Mar 2024 to Tue 2 Apr: 28–29 Mar are holidays, 30–31 a weekend, April is outside.
    expect(cal.count(quarterStart(2024 * 4) + 86, quarterStart(2024 * 4) + 92)).toBe(1);
    expect(cal.count(10, 5)).toBe(0);
  });
});
