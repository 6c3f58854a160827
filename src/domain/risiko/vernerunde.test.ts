import { describe, expect, it } from 'vitest';
import { HAZARD_CHECKLIST } from './hazards.ts';
import { checklistFor, roundReminderDates, roundStatus } from './vernerunde.ts';

describe('vernerunde', () => {
  it('builds the checklist from the chosen hazard areas, unanswered', () => {
    const list = checklistFor(['ergonomisk']);
    expect(list.length).toBe(HAZARD_CHECKLIST.filter((h) => h.area === 'ergonomisk').length);
    expect(list.every((p) => p.area === 'ergonomisk' && p.status === null)).toBe(true);
    expect(list.some((p) => p.key === 'tunge-loft')).toBe(true);
    expect(checklistFor([])).toEqual([]);
  });

  it('is signed only when both the leader and the verneombud have signed', () => {
    expect(roundStatus({ leader: true, vo: false })).toBe('planlagt');
    expect(roundStatus({ leader: false, vo: true })).toBe('planlagt');
    expect(roundStatus({ leader: true, vo: true })).toBe('signert');
  });

  it('is reminded 14 days before and on the day (anbefalt)', () => {
    expect(roundReminderDates('2027-03-24')).toEqual(['2027-03-10', '2027-03-24']);
  });
});
