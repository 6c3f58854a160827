import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../calendar/index.ts';
import { oppsigelsesvernTil } from './oppsigelsesvern.ts';

describe('aml § 15-8 (1): S + 12 months − 1 day', () => {
  it.each([
    ['2025-01-06', '2026-01-05'], // §4.3
    ['2024-02-29', '2025-02-28'], // DECISION: clamped anniversary 28 Feb is the last protected day (366 days)
    ['2023-03-01', '2024-02-29'], // a leap-year February at the end
    ['2024-03-01', '2025-02-28'],
    ['2025-01-31', '2026-01-30'], // the 31st: no clamping with 12 months
    ['2025-03-31', '2026-03-30'],
    ['2025-12-31', '2026-12-30'],
    ['2025-01-01', '2025-12-31'], // year boundary
    ['2023-02-28', '2024-02-27'],
  ])('S = %s → protected through %s', (start, until) => {
    expect(fromDayNumber(oppsigelsesvernTil(toDayNumber(start)))).toBe(until);
  });
});
