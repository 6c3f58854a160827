import { describe, expect, it } from 'vitest';
import { dateToOsloLocal, osloDateOf, osloLocalToDate } from './oslo-time.ts';

describe('wall-clock time in Norway', () => {
  it('winter time is UTC+1, summer time UTC+2', () => {
    expect(osloLocalToDate('2026-01-15T10:00').toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(osloLocalToDate('2026-07-01T10:00').toISOString()).toBe('2026-07-01T08:00:00.000Z');
  });

  it('the last Sunday of March and of October switch at 02:00/03:00 local time', () => {
    expect(osloLocalToDate('2026-03-29T01:30').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(osloLocalToDate('2026-03-29T03:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(osloLocalToDate('2026-10-25T01:30').toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(osloLocalToDate('2026-10-25T03:30').toISOString()).toBe('2026-10-25T02:30:00.000Z');
  });

  it('round-trips every hour of a year', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
      const local = dateToOsloLocal(new Date(t));
      const back = osloLocalToDate(local);
      // The hour repeated in October maps to one of its two instants; every other time exactly.
      expect(Math.abs(back.getTime() - t) === 0 || Math.abs(back.getTime() - t) === 3_600_000).toBe(true);
      expect(dateToOsloLocal(back)).toBe(local);
    }
  });

  it('the calendar day in Norway: after 23:00 UTC in winter and 22:00 UTC in summer it is already tomorrow', () => {
    expect(osloDateOf(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(osloDateOf(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(osloDateOf(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(osloDateOf(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
});
