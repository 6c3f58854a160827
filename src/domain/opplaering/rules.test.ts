import { describe, expect, it } from 'vitest';
import {
  buildMatrix,
  cellFor,
  currentRecord,
  expiryState,
  firstReminderDate,
  type RecordFacts,
  requiredCourses,
  trainingSummary,
} from './index.ts';

const TODAY = '2027-03-01';
const roles = { topLeaderEmployeeId: 'boss', voAmuEmployeeIds: ['vo', 'amu'] };

const rec = (over: Partial<RecordFacts> & Pick<RecordFacts, 'employeeId' | 'course'>): RecordFacts => ({
  id: `${over.employeeId}-${over.course}-${over.completedOn ?? '2026-01-01'}`,
  completedOn: '2026-01-01',
  expiresOn: null,
  hours: 8,
  title: null,
  ...over,
});

describe('who needs what', () => {
  it('the top leader needs the HMS training of aml § 3-5', () => {
    expect(requiredCourses('boss', roles)).toEqual([{ course: 'hms-leder', legalBasis: 'aml § 3-5' }]);
  });

  it('verneombud and AMU members need the VO/AMU training (FOLM § 3-19)', () => {
    const [vo] = requiredCourses('vo', roles);
    expect(vo?.course).toBe('vo-amu-40t');
    expect(vo?.legalBasis).toContain('FOLM');
    expect(requiredCourses('amu', roles).map((r) => r.course)).toEqual(['vo-amu-40t']);
  });

  it('a top leader who is also AMU member needs both; others need nothing', () => {
    expect(
      requiredCourses('boss', { topLeaderEmployeeId: 'boss', voAmuEmployeeIds: ['boss'] }).map(
        (r) => r.course,
      ),
    ).toEqual(['hms-leder', 'vo-amu-40t']);
    expect(requiredCourses('someone', roles)).toEqual([]);
    expect(requiredCourses('someone', { topLeaderEmployeeId: null, voAmuEmployeeIds: [] })).toEqual([]);
  });
});

describe('expiry', () => {
  it('no expiry is ok; expired from the expiry date on; expiring within 30 days', () => {
    expect(expiryState(null, TODAY)).toBe('ok');
    expect(expiryState('2027-03-01', TODAY)).toBe('expired');
    expect(expiryState('2027-02-27', TODAY)).toBe('expired');
    expect(expiryState('2027-03-02', TODAY)).toBe('expiring');
    expect(expiryState('2027-03-31', TODAY)).toBe('expiring');
    expect(expiryState('2027-04-01', TODAY)).toBe('ok');
  });

  it('the first reminder is 30 days before expiry', () => {
    expect(firstReminderDate('2027-03-31')).toBe('2027-03-01');
  });
});

describe('cells', () => {
  it('the newest record counts (by completion date, then registration)', () => {
    const a = rec({ employeeId: 'x', course: 'forstehjelp', completedOn: '2025-01-01' });
    const b = rec({ employeeId: 'x', course: 'forstehjelp', completedOn: '2026-01-01', id: 'b' });
    const c = { ...b, id: 'c', createdAt: '2026-01-02T10:00:00.000Z' };
    expect(currentRecord([a, b])?.id).toBe('b');
    expect(currentRecord([b, c])?.id).toBe('c');
    expect(currentRecord([])).toBeNull();
  });

  it('missing-required, not-required, and an expired record counts as missing', () => {
    expect(cellFor('vo-amu-40t', true, [], TODAY)).toMatchObject({ state: 'missing-required', gap: true });
    expect(cellFor('forstehjelp', false, [], TODAY)).toMatchObject({ state: 'not-required', gap: false });
    const expired = rec({ employeeId: 'boss', course: 'hms-leder', expiresOn: '2027-01-01' });
    expect(cellFor('hms-leder', true, [expired], TODAY)).toMatchObject({ state: 'expired', gap: true });
    const optionalExpired = rec({ employeeId: 'x', course: 'forstehjelp', expiresOn: '2027-01-01' });
    expect(cellFor('forstehjelp', false, [optionalExpired], TODAY)).toMatchObject({
      state: 'expired',
      gap: false,
    });
  });

  it('any VO/AMU record fulfils the requirement; fewer than 40 hours is flagged (FOLM § 3-19)', () => {
    const short = rec({ employeeId: 'vo', course: 'vo-amu-40t', hours: 16 });
    expect(cellFor('vo-amu-40t', true, [short], TODAY)).toMatchObject({
      state: 'ok',
      gap: false,
      shortCourse: true,
    });
    const full = rec({ employeeId: 'vo', course: 'vo-amu-40t', hours: 40 });
    expect(cellFor('vo-amu-40t', true, [full], TODAY).shortCourse).toBe(false);
  });
});

describe('the matrix', () => {
  it('columns are the courses required or recorded, in course order; gaps are counted', () => {
    const people = [{ employeeId: 'boss' }, { employeeId: 'vo' }, { employeeId: 'x' }];
    const records = [
      rec({ employeeId: 'x', course: 'forstehjelp', expiresOn: '2027-03-20' }),
      rec({ employeeId: 'boss', course: 'hms-leder' }),
      rec({ employeeId: 'stranger', course: 'brannvern' }),
    ];
    const m = buildMatrix(people, records, roles, TODAY);
    expect(m.columns.map((c) => c.course)).toEqual(['hms-leder', 'vo-amu-40t', 'forstehjelp']);
    expect(m.columns.map((c) => [c.required, c.gaps])).toEqual([
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
    const states = m.rows.map((r) => r.cells.map((c) => c.state));
    expect(states).toEqual([
      ['ok', 'not-required', 'not-required'],
      ['not-required', 'missing-required', 'not-required'],
      ['not-required', 'not-required', 'expiring'],
    ]);
  });

  it('no people: no columns', () => {
    expect(buildMatrix([], [], roles, TODAY)).toEqual({ columns: [], rows: [] });
  });
});

describe('the IK evidence', () => {
  it('counts VO/AMU members without a valid record and dates the top leader training', () => {
    const records = [
      rec({ employeeId: 'boss', course: 'hms-leder', completedOn: '2025-05-05' }),
      rec({ employeeId: 'vo', course: 'vo-amu-40t', hours: 40 }),
      rec({ employeeId: 'amu', course: 'vo-amu-40t', expiresOn: '2027-01-01' }),
    ];
    expect(trainingSummary(records, roles, TODAY)).toEqual({
      topLeaderHmsTraining: '2025-05-05',
      voAmuMembers: 2,
      voAmuWithout40h: 1,
    });
    expect(trainingSummary([], { topLeaderEmployeeId: null, voAmuEmployeeIds: ['a', 'a'] }, TODAY)).toEqual({
      topLeaderHmsTraining: null,
      voAmuMembers: 1,
      voAmuWithout40h: 1,
    });
  });
});
