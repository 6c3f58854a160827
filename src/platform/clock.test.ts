import { describe, expect, it } from 'vitest';
import { osloToday } from './clock.ts';

describe('osloToday', () => {
  it('gives the date in Norway, not in UTC', () => {
    // 23:30 UTC in winter is 00:30 the next day in Oslo (UTC+1).
    expect(osloToday(new Date('2025-01-31T23:30:00Z'))).toBe('2025-02-01');
    expect(osloToday(new Date('2025-01-31T22:59:59Z'))).toBe('2025-01-31');
    // Summer time (UTC+2): 22:00 UTC is midnight in Oslo.
    expect(osloToday(new Date('2025-06-30T21:59:59Z'))).toBe('2025-06-30');
    expect(osloToday(new Date('2025-06-30T22:00:00Z'))).toBe('2025-07-01');
  });

  it('handles the switch to and from summer time and the turn of the year', () => {
    expect(osloToday(new Date('2025-03-30T00:59:59Z'))).toBe('2025-03-30');
    expect(osloToday(new Date('2025-10-26T22:59:59Z'))).toBe('2025-10-26');
    expect(osloToday(new Date('2025-10-26T23:00:00Z'))).toBe('2025-10-27');
    expect(osloToday(new Date('2024-12-31T23:00:00Z'))).toBe('2025-01-01');
  });

  it('defaults to now and returns YYYY-MM-DD', () => {
    expect(osloToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
