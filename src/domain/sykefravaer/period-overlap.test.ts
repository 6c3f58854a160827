import { describe, expect, it } from 'vitest';
import { defaultPeriodStart, type ExistingPeriod, periodConflict } from './period-overlap.ts';

const full: ExistingPeriod = {
  id: 'a',
  type: 'sykmelding',
  start: '2026-11-02',
  end: '2026-11-22',
  grade: 100,
  avventende: false,
};

describe('defaultPeriodStart', () => {
  it('continues the day after a period that ends yesterday', () => {
    // today Mon 23.11.2026, the 100 % period ended Sun 22.11.2026 → 23.11.2026
    expect(defaultPeriodStart([full], '2026-11-23')).toBe('2026-11-23');
  });
  it('continues the day after a period that ends today or later (registered ahead)', () => {
    expect(defaultPeriodStart([full], '2026-11-10')).toBe('2026-11-23');
    expect(defaultPeriodStart([full], '2026-11-22')).toBe('2026-11-23');
  });
  it('uses the latest end, whatever the order of the rows', () => {
    const later = { ...full, id: 'b', start: '2026-11-23', end: '2026-12-13', grade: 50 };
    expect(defaultPeriodStart([later, full], '2026-11-25')).toBe('2026-12-14');
  });
  it('is today when the latest period ended before yesterday, or there is none', () => {
    // ended 22.11, today 24.11: a gap of one day → a new occurrence, not a continuation
    expect(defaultPeriodStart([full], '2026-11-24')).toBe('2026-11-24');
    expect(defaultPeriodStart([], '2026-11-24')).toBe('2026-11-24');
  });
});

describe('periodConflict', () => {
  it('finds an exact duplicate', () => {
    const { id: _id, ...same } = full;
    expect(periodConflict(same, [full])).toEqual({ kind: 'duplicate', period: full });
  });
  it('finds an overlap of one shared day (inclusive dates)', () => {
    const next = { ...full, start: '2026-11-22', end: '2026-12-13', grade: 50 };
    expect(periodConflict(next, [full])).toEqual({ kind: 'overlap', period: full });
  });
  it('same dates with another grade is an overlap, not a duplicate', () => {
    expect(periodConflict({ ...full, grade: 50 }, [full])?.kind).toBe('overlap');
  });
  it('a period starting the day after is no conflict', () => {
    const next = { ...full, start: '2026-11-23', end: '2026-12-13', grade: 50 };
    expect(periodConflict(next, [full])).toBeNull();
  });
  it('a period that ends the day before is no conflict', () => {
    const before = { ...full, start: '2026-10-20', end: '2026-11-01' };
    expect(periodConflict(before, [full])).toBeNull();
  });
  it('ferie or arbeid inside a sykmelding is no conflict; egenmelding over sykmelding is', () => {
    const ferie = { ...full, type: 'ferie', start: '2026-11-09', end: '2026-11-13', grade: null };
    expect(periodConflict(ferie, [full])).toBeNull();
    expect(periodConflict({ ...ferie, type: 'arbeid' }, [full])).toBeNull();
    expect(periodConflict({ ...ferie, type: 'egenmelding' }, [full])?.kind).toBe('overlap');
    expect(periodConflict(ferie, [{ ...ferie, id: 'f', end: '2026-11-10' }])?.kind).toBe('overlap');
  });
  it('leaves out the period being corrected', () => {
    const { id: _id, ...same } = full;
    expect(periodConflict({ ...same, end: '2026-11-25' }, [full], 'a')).toBeNull();
  });
  it('prefers a duplicate to an earlier overlap, and reports the earliest overlap', () => {
    const wide = { ...full, id: 'w', start: '2026-10-01', end: '2026-12-31', type: 'egenmelding' };
    const { id: _id, ...same } = full;
    expect(periodConflict(same, [wide, full])?.period.id).toBe('a');
    const late = { ...full, id: 'l', start: '2026-11-20', end: '2026-11-30' };
    expect(periodConflict({ ...same, grade: 40 }, [late, wide])?.period.id).toBe('w');
  });
});
