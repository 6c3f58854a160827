import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  countWeekdays,
  daysInMonth,
  diffDays,
  formatEnglishLong,
  formatNorwegian,
  formatNorwegianLong,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  isWeekday,
  nthWeekdayFrom,
  parseIsoDate,
  previousWeekdayBefore,
  toDayNumber,
  weekday,
} from './index.ts';

// Independent oracle for the tests only: UTC milliseconds of a date, divided by a day.
const DAY_MS = 86_400_000;
function oracleDayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  date.setUTCHours(0, 0, 0, 0);
  return Math.round(date.getTime() / DAY_MS);
}

describe('parseIsoDate / toDayNumber', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-01-01', 10957],
    ['2000-03-01', 11017], // 2000 is a leap year: Jan 31 + Feb 29 = 60 days after 2000-01-01
    ['2025-01-01', 20089],
    ['2024-02-29', 19782],
  ])('%s is day %i', (iso, n) => {
    expect(parseIsoDate(iso)).toBe(n);
    expect(toDayNumber(iso)).toBe(n);
  });

  it.each([
    '2025-02-30',
    '2025-02-29', // 2025 is not a leap year
    '1900-02-29', // 1900 is not a leap year (divisible by 100)
    '2025-1-5',
    '2025-01-5',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-01-00',
    '0000-01-01',
    '2025/01/05',
    '2025-01-05T00:00',
    ' 2025-01-05',
    '',
    'abcd-ef-gh',
  ])('rejects %j', (value) => {
    expect(parseIsoDate(value)).toBeNull();
    expect(isIsoDate(value)).toBe(false);
    expect(() => toDayNumber(value)).toThrow(RangeError);
  });

  it('rejects non-strings', () => {
    expect(parseIsoDate(20250105)).toBeNull();
    expect(parseIsoDate(null)).toBeNull();
    expect(parseIsoDate(undefined)).toBeNull();
  });

  it.each(['2024-02-29', '2000-02-29', '2400-02-29', '2025-12-31', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (v) => {
      expect(isIsoDate(v)).toBe(true);
    },
  );
});

describe('leap years and month lengths', () => {
  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
  ])('isLeapYear(%i) = %s', (y, leap) => expect(isLeapYear(y)).toBe(leap));

  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [2025, 1, 31],
    [2025, 4, 30],
    [2025, 12, 31],
  ])('daysInMonth(%i, %i) = %i', (y, m, n) => expect(daysInMonth(y, m)).toBe(n));
});

describe('round trip over a wide range', () => {
  it('fromDayNumber(toDayNumber(x)) = x and matches the UTC oracle for 1800–2200 (every 7th day)', () => {
    const first = oracleDayNumber('1800-01-01');
    const last = oracleDayNumber('2200-12-31');
    for (let n = first; n <= last; n += 7) {
      const iso = fromDayNumber(n);
      expect(toDayNumber(iso)).toBe(n);
      expect(oracleDayNumber(iso)).toBe(n);
    }
  });

  it('consecutive day numbers are consecutive dates across a year boundary', () => {
    expect(fromDayNumber(toDayNumber('2024-12-31') + 1)).toBe('2025-01-01');
    expect(fromDayNumber(toDayNumber('2025-01-01') - 1)).toBe('2024-12-31');
  });

  it('formats years below 1000 and far outside the cache with four digits', () => {
    expect(fromDayNumber(toDayNumber('0001-01-01'))).toBe('0001-01-01');
    expect(fromDayNumber(toDayNumber('0999-12-31') + 1)).toBe('1000-01-01');
    expect(fromDayNumber(toDayNumber('9999-12-31'))).toBe('9999-12-31');
  });
});

describe('addDays / diffDays', () => {
  it.each([
    ['2025-01-06', 27, '2025-02-02'], // due(4) of the §4.3 example
    ['2025-01-06', 48, '2025-02-23'], // due(7)
    ['2025-01-06', 181, '2025-07-06'], // due(26)
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-03-01', -366, '2024-02-29'], // 2024-03-01 … 2025-02-28 is 365 days, plus 29 Feb
  ])('%s + %i days = %s', (from, n, to) => {
    expect(addDays(from, n)).toBe(to);
    expect(diffDays(to, from)).toBe(n);
  });
});

describe('addMonths (month-end clamped)', () => {
  it.each([
    ['2025-01-06', 12, '2026-01-06'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-01-15', -1, '2024-12-15'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-01-06', -36, '2022-01-06'],
    ['1958-02-28', 67 * 12, '2025-02-28'],
  ])('%s + %i months = %s', (from, n, to) => expect(addMonths(from, n)).toBe(to));
});

describe('weekday', () => {
  it.each([
    ['1970-01-01', 4], // Thursday
    ['2025-01-06', 1], // Monday
    ['2025-02-02', 7], // Sunday
    ['2025-01-04', 6], // Saturday
    ['2024-02-29', 4], // Thursday
    ['2026-01-02', 5], // Friday
    ['1969-12-29', 1], // Monday, before the epoch
  ])('weekday(%s) = %i', (iso, wd) => expect(weekday(iso)).toBe(wd));

  it('isWeekday is true Monday–Friday only', () => {
    const week = [
      '2025-01-06',
      '2025-01-07',
      '2025-01-08',
      '2025-01-09',
      '2025-01-10',
      '2025-01-11',
      '2025-01-12',
    ];
    expect(week.map(isWeekday)).toEqual([true, true, true, true, true, false, false]);
  });

  it('countWeekdays counts Monday–Friday in a closed range', () => {
    expect(countWeekdays(toDayNumber('2025-01-06'), toDayNumber('2025-01-12'))).toBe(5);
    expect(countWeekdays(toDayNumber('2025-01-11'), toDayNumber('2025-01-12'))).toBe(0);
    expect(countWeekdays(toDayNumber('2025-01-10'), toDayNumber('2025-01-13'))).toBe(2);
    expect(countWeekdays(toDayNumber('2025-01-13'), toDayNumber('2025-01-10'))).toBe(0);
    // a whole non-leap year that starts on a Wednesday (2025) has 261 weekdays: 52 weeks + Wed 31 Dec
    expect(countWeekdays(toDayNumber('2025-01-01'), toDayNumber('2025-12-31'))).toBe(261);
  });

  it('nthWeekdayFrom agrees with a day-by-day walk', () => {
    const from0 = toDayNumber('2025-01-01');
    for (let start = from0; start < from0 + 14; start++) {
      let d = start;
      let seen = 0;
      for (let n = 1; n <= 30; n++) {
        while (true) {
          const wd = weekday(fromDayNumber(d));
          d++;
          if (wd <= 5) {
            seen++;
            break;
          }
        }
        expect(nthWeekdayFrom(start, n)).toBe(d - 1);
        expect(seen).toBe(n);
      }
    }
  });

  it('248 weekdays from Wed 2025-01-22 end on Fri 2026-01-02 (the §4.3 maksdato)', () => {
    expect(fromDayNumber(nthWeekdayFrom(toDayNumber('2025-01-22'), 248))).toBe('2026-01-02');
  });

  it('previousWeekdayBefore skips back over weekends', () => {
    expect(fromDayNumber(previousWeekdayBefore(toDayNumber('2025-01-13')))).toBe('2025-01-10'); // Mon → Fri
    expect(fromDayNumber(previousWeekdayBefore(toDayNumber('2025-01-12')))).toBe('2025-01-10'); // Sun → Fri
    expect(fromDayNumber(previousWeekdayBefore(toDayNumber('2025-01-09')))).toBe('2025-01-08'); // Thu → Wed
  });
});

describe('formatting', () => {
  it.each([
    ['2025-02-02', '02.02.2025', 'søndag 2. februar 2025', 'Sunday 2 February 2025'],
    ['2025-01-06', '06.01.2025', 'mandag 6. januar 2025', 'Monday 6 January 2025'],
    ['2024-02-29', '29.02.2024', 'torsdag 29. februar 2024', 'Thursday 29 February 2024'],
    ['2025-12-31', '31.12.2025', 'onsdag 31. desember 2025', 'Wednesday 31 December 2025'],
    ['2025-05-17', '17.05.2025', 'lørdag 17. mai 2025', 'Saturday 17 May 2025'],
    ['2026-01-02', '02.01.2026', 'fredag 2. januar 2026', 'Friday 2 January 2026'],
  ])('%s', (iso, short, nb, en) => {
    expect(formatNorwegian(iso)).toBe(short);
    expect(formatNorwegianLong(iso)).toBe(nb);
    expect(formatEnglishLong(iso)).toBe(en);
    // second call is served from the memo and must be identical
    expect(formatNorwegianLong(iso)).toBe(nb);
  });
});
