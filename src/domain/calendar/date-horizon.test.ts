import { describe, expect, it } from 'vitest';
import { horizonMessage, isBeyondHorizon, latestAllowedDate } from './date-horizon.ts';

describe('date horizon (product default: evaluation/reminder 2 years, employment start 1 year)', () => {
  it('evaluation: 04.12.2028 is the last allowed day when today is 04.12.2026', () => {
    expect(latestAllowedDate('evaluation', '2026-12-04')).toBe('2028-12-04');
    expect(isBeyondHorizon('evaluation', '2028-12-04', '2026-12-04')).toBe(false);
    expect(isBeyondHorizon('evaluation', '2028-12-05', '2026-12-04')).toBe(true);
    expect(isBeyondHorizon('evaluation', '2099-03-01', '2026-12-04')).toBe(true);
  });

  it('reminder: same horizon as evaluation; past dates are not beyond it', () => {
    expect(isBeyondHorizon('reminder', '2020-01-01', '2026-12-04')).toBe(false);
    expect(isBeyondHorizon('reminder', '2028-12-05', '2026-12-04')).toBe(true);
  });

  it('employment start: one year ahead; 29.02.2028 + 12 months clamps to 28.02.2029', () => {
    expect(latestAllowedDate('employmentStart', '2026-12-04')).toBe('2027-12-04');
    expect(isBeyondHorizon('employmentStart', '2027-12-04', '2026-12-04')).toBe(false);
    expect(isBeyondHorizon('employmentStart', '2027-12-05', '2026-12-04')).toBe(true);
    expect(latestAllowedDate('employmentStart', '2028-02-29')).toBe('2029-02-28');
    expect(isBeyondHorizon('employmentStart', '2029-03-01', '2028-02-29')).toBe(true);
    // An old start date (long-serving employee) is fine.
    expect(isBeyondHorizon('employmentStart', '1985-08-01', '2026-12-04')).toBe(false);
  });

  it('an impossible date (31.02) is not "beyond": the format check reports it', () => {
    expect(isBeyondHorizon('evaluation', '2026-02-31', '2026-12-04')).toBe(false);
  });

  it('names the last allowed date as dd.mm.åååå in both languages', () => {
    expect(horizonMessage('employmentStart', '2026-12-04')).toEqual({
      nb: 'Datoen kan ikke være mer enn ett år fram i tid (senest 04.12.2027).',
      en: 'The date cannot be more than one year ahead (04.12.2027 at the latest).',
    });
    expect(horizonMessage('evaluation', '2026-12-04').nb).toContain('2 år');
  });
});
