import { describe, expect, it } from 'vitest';
import { averageAtLeast20hLastYear, type EmploymentSpan, employeesOn, MIN_PERCENT_20H } from './headcount.ts';

const full = (start: string, end: string | null = null): EmploymentSpan => ({
  start,
  end,
  positionPercent: 100,
});

describe('employeesOn (aml § 6-1: every arbeidstaker, part-time included)', () => {
  it('counts spans covering the day, inclusive at both ends', () => {
    const spans = [
      full('2020-01-01'),
      { start: '2026-12-03', end: null, positionPercent: 20 },
      full('2020-01-01', '2026-12-02'),
      full('2026-12-04'),
      full('2020-01-01', '2026-12-03'),
    ];
    expect(employeesOn(spans, '2026-12-03')).toBe(3);
  });
});

describe('averageAtLeast20hLastYear (FOLM § 3-7: last calendar year, ≥ 20 h a week)', () => {
  it('averages person-days over the whole previous year', () => {
    // 2025 has 365 days. One person all year, one from 1 July (184 days): 1 + 184/365 = 1.504 → 1.5.
    const result = averageAtLeast20hLastYear([full('2019-05-01'), full('2025-07-01')], '2026-12-03');
    expect(result).toEqual({ average: 1.5, preliminary: false, from: '2025-01-01', to: '2025-12-31' });
  });

  it('leaves out those under 20 hours (below 53.33 % of 37.5 h) and counts 53.34 %', () => {
    expect(MIN_PERCENT_20H).toBeCloseTo(53.333, 3);
    const spans = [
      { start: '2019-01-01', end: null, positionPercent: 50 },
      { start: '2019-01-01', end: null, positionPercent: 53.34 },
      { start: '2019-01-01', end: null, positionPercent: 60 },
    ];
    expect(averageAtLeast20hLastYear(spans, '2026-03-01').average).toBe(2);
  });

  it('an organisation that started during last year averages since its start, marked preliminary', () => {
    // First employment 2025-07-01: 184 days to 31.12.2025; two full-timers all that time → 2.
    const result = averageAtLeast20hLastYear([full('2025-07-01'), full('2025-07-01')], '2026-02-01');
    expect(result).toEqual({ average: 2, preliminary: true, from: '2025-07-01', to: '2025-12-31' });
  });

  it('an organisation that started this year averages since its start until today, preliminary', () => {
    const result = averageAtLeast20hLastYear([full('2026-11-24'), full('2026-11-29')], '2026-12-03');
    // 10 days from 24.11 to 03.12: 10 + 5 person-days = 15 / 10 = 1.5.
    expect(result).toEqual({ average: 1.5, preliminary: true, from: '2026-11-24', to: '2026-12-03' });
  });

  it('has no average without any employment', () => {
    expect(averageAtLeast20hLastYear([], '2026-12-03').average).toBeNull();
  });
});
