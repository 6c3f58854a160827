import { describe, expect, it } from 'vitest';
import {
  asksSerious52,
  avvikAccess,
  hoursLeft,
  navTaskDue,
  notifyDeadline,
  registerAccess,
  reminderTimes,
  type Viewer,
  writtenConfirmationDue,
} from './index.ts';

const viewer = (over: Partial<Viewer> = {}): Viewer => ({
  userId: 'u1',
  roles: ['ansatt'],
  leaderUnitIds: [],
  verneomradeIds: [],
  ...over,
});
const facts = { reporterUserId: 'r', unitId: 'unitA', verneomradeIds: ['areaA'], category: 'ruh' as const };

describe('avvik rules', () => {
  it('§ 5-2 written confirmation: the next working day, past weekends, 17 May and Easter', () => {
    expect(writtenConfirmationDue('2026-12-03')).toBe('2026-12-04');
    expect(writtenConfirmationDue('2026-12-04')).toBe('2026-12-07');
    expect(writtenConfirmationDue('2027-05-14')).toBe('2027-05-18');
    expect(writtenConfirmationDue('2027-03-24')).toBe('2027-03-30');
  });

  it('NAV yrkesskade: 7 days', () => {
    expect(navTaskDue('2027-05-14')).toBe('2027-05-21');
  });

  it('asks the § 5-2 question from consequence 4', () => {
    expect([null, 1, 3, 4, 5].map(asksSerious52)).toEqual([false, false, false, true, true]);
  });

  it('the 72-hour clock runs from awareness, reminders at 24 and 48 hours', () => {
    const aware = new Date('2026-12-03T10:00:00Z');
    expect(notifyDeadline(aware).toISOString()).toBe('2026-12-06T10:00:00.000Z');
    expect(reminderTimes(aware).map((d) => d.toISOString())).toEqual([
      '2026-12-04T10:00:00.000Z',
      '2026-12-05T10:00:00.000Z',
    ]);
    expect(hoursLeft(aware, new Date('2026-12-03T11:30:00Z'))).toBe(70);
    expect(hoursLeft(aware, new Date('2026-12-06T12:00:00Z'))).toBe(-2);
  });

  it('who sees an avvik', () => {
    expect(avvikAccess(viewer({ roles: ['hr'] }), facts)).toBe('handler');
    expect(avvikAccess(viewer({ roles: ['leder'], leaderUnitIds: ['unitA'] }), facts)).toBe('handler');
    expect(avvikAccess(viewer({ roles: ['leder'], leaderUnitIds: ['unitB'] }), facts)).toBeNull();
    expect(avvikAccess(viewer({ roles: ['verneombud'], verneomradeIds: ['areaA'] }), facts)).toBe('vo');
    expect(
      avvikAccess(viewer({ roles: ['verneombud'], verneomradeIds: ['areaA'] }), {
        ...facts,
        category: 'kvalitet',
      }),
    ).toBeNull();
    expect(avvikAccess(viewer({ roles: ['verneombud'], verneomradeIds: ['areaB'] }), facts)).toBeNull();
    expect(avvikAccess(viewer({ userId: 'r' }), facts)).toBe('reporter');
    expect(avvikAccess(viewer(), facts)).toBeNull();
  });

  it('who reads the § 5-1 register, and how', () => {
    expect(registerAccess(['verneombud', 'ansatt'])).toBe('names');
    expect(registerAccess(['bht'])).toBe('entries');
    expect(registerAccess(['amu'])).toBe('aggregates');
    expect(registerAccess(['leder', 'ansatt'])).toBeNull();
  });
});
