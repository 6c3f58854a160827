/** ★ Oppfølging innen fristen: worked cases (aml § 4-6 (3) 4 weeks, § 4-6 (4) 7 weeks) and masking. */
import { describe, expect, it } from 'vitest';
import { fromDayNumber } from '../calendar/index.ts';
import {
  beregnOppfolging,
  decidedCases,
  type OppfolgingEmployee,
  type OppfolgingRecord,
  type Period,
} from './index.ts';

const TODAY = '2026-06-15';
/** Mon 5 Jan 2026 – Fri 6 Mar 2026, 100 %: due(4) = 1 Feb (S + 27), due(7) = 22 Feb (S + 48). */
const LONG: Period[] = [{ type: 'sykmelding', start: '2026-01-05', end: '2026-03-06', grade: 100 }];
const done = (milestoneKey: OppfolgingRecord['milestoneKey'], on: string): OppfolgingRecord => ({
  milestoneKey,
  caseStart: '2026-01-05',
  kind: 'done',
  on,
});

const outcomes = (periods: Period[], records: OppfolgingRecord[], key: 'oppfolgingsplan' | 'dialogmote1') =>
  decidedCases(periods, records, key, TODAY).map((o) => ({ due: fromDayNumber(o.dueDay), inTime: o.inTime }));

describe('decidedCases: one employee, worked cases', () => {
  it('the plan made on the due day is in time; dialogmøte 1 the day after its due day is late', () => {
    const records = [done('oppfolgingsplan', '2026-02-01'), done('dialogmote1', '2026-02-23')];
    expect(outcomes(LONG, records, 'oppfolgingsplan')).toEqual([{ due: '2026-02-01', inTime: true }]);
    expect(outcomes(LONG, records, 'dialogmote1')).toEqual([{ due: '2026-02-22', inTime: false }]);
  });

  it('not done and the due date passed: late; the earliest done record decides', () => {
    expect(outcomes(LONG, [], 'oppfolgingsplan')).toEqual([{ due: '2026-02-01', inTime: false }]);
    const twice = [done('oppfolgingsplan', '2026-03-01'), done('oppfolgingsplan', '2026-01-20')];
    expect(outcomes(LONG, twice, 'oppfolgingsplan')).toEqual([{ due: '2026-02-01', inTime: true }]);
  });

  it('not done and the due date is today or later: not decided, not counted', () => {
    const periods: Period[] = [{ type: 'sykmelding', start: '2026-05-18', end: '2026-07-31', grade: 100 }];
    // due(4) = 14 Jun (passed), due(7) = 5 Jul (to come)
    expect(outcomes(periods, [], 'oppfolgingsplan')).toEqual([{ due: '2026-06-14', inTime: false }]);
    expect(outcomes(periods, [], 'dialogmote1')).toEqual([]);
  });

  it('«åpenbart unødvendig» is the law’s exception: not counted, unless it was done after all', () => {
    const exception: OppfolgingRecord = {
      milestoneKey: 'oppfolgingsplan',
      caseStart: '2026-01-05',
      kind: 'exception',
      on: '2026-01-25',
    };
    expect(outcomes(LONG, [exception], 'oppfolgingsplan')).toEqual([]);
    expect(outcomes(LONG, [exception, done('oppfolgingsplan', '2026-01-30')], 'oppfolgingsplan')).toEqual([
      { due: '2026-02-01', inTime: true },
    ]);
  });

  it('a case shorter than 4 weeks needs no plan; a graded-only case needs no dialogmøte 1', () => {
    const short: Period[] = [{ type: 'sykmelding', start: '2026-01-05', end: '2026-01-31', grade: 100 }];
    expect(outcomes(short, [], 'oppfolgingsplan')).toEqual([]); // ends on S + 26 < due(4)
    const graded: Period[] = [{ type: 'sykmelding', start: '2026-01-05', end: '2026-03-06', grade: 50 }];
    expect(outcomes(graded, [], 'oppfolgingsplan')).toEqual([{ due: '2026-02-01', inTime: false }]);
    expect(outcomes(graded, [], 'dialogmote1')).toEqual([]); // conditional, not a duty
  });

  it('a record of another case start does not count for this case', () => {
    const other: OppfolgingRecord = { ...done('oppfolgingsplan', '2026-01-20'), caseStart: '2025-10-01' };
    expect(outcomes(LONG, [other], 'oppfolgingsplan')).toEqual([{ due: '2026-02-01', inTime: false }]);
  });

  it('the case is the merged oppfølgingstilfelle: 15 days apart is one case, its start decides', () => {
    const periods: Period[] = [
      { type: 'sykmelding', start: '2026-01-05', end: '2026-01-16', grade: 100 },
      { type: 'sykmelding', start: '2026-02-01', end: '2026-02-20', grade: 100 },
    ];
    expect(outcomes(periods, [], 'oppfolgingsplan')).toEqual([{ due: '2026-02-01', inTime: false }]);
  });
});

describe('beregnOppfolging: per unit and the organisation, masked below 5 persons', () => {
  const units = [
    { id: 'a', parentId: null, name: 'A' },
    { id: 'b', parentId: null, name: 'B' },
  ];
  const person = (id: string, unitId: string, records: OppfolgingRecord[]): OppfolgingEmployee => ({
    id,
    unitId,
    periods: LONG,
    records,
  });
  // Unit A: 6 persons, 4 plans in time; unit B: 4 persons (masked), so A is masked too (complementary).
  const inTime = [done('oppfolgingsplan', '2026-01-28')];
  const employees = [
    ...['a1', 'a2', 'a3', 'a4'].map((id) => person(id, 'a', inTime)),
    person('a5', 'a', [done('oppfolgingsplan', '2026-02-10')]),
    person('a6', 'a', []),
    ...['b1', 'b2', 'b3', 'b4'].map((id) => person(id, 'b', inTime)),
  ];

  it('the organisation: 10 cases, 8 in time = 80.0 %; B masked (4 persons), A masked complementary', () => {
    const out = beregnOppfolging({ quarters: ['2026Q1'], units, employees, today: TODAY });
    const q1 = out.quarters[0];
    expect(q1?.quarter).toBe('2026Q1');
    expect(q1?.oppfolgingsplan.organisation).toEqual({
      masked: false,
      cases: 10,
      inTime: 8,
      late: 2,
      percent: 80,
    });
    expect(q1?.oppfolgingsplan.units).toEqual([
      { unitId: 'a', name: 'A', masked: true, maskReason: 'complementary' },
      { unitId: 'b', name: 'B', masked: true, maskReason: 'population' },
    ]);
    // dialogmøte 1 (due 22 Feb) not done by anyone: 0 of 10.
    expect(q1?.dialogmote1.organisation).toMatchObject({ cases: 10, inTime: 0, percent: 0 });
  });

  it('with a fifth person in B both units are shown; the rolling block sums the four quarters', () => {
    const more = [...employees, person('b5', 'b', [])];
    const out = beregnOppfolging({ quarters: ['2026Q1', '2026Q2'], units, employees: more, today: TODAY });
    const q1 = out.quarters.find((q) => q.quarter === '2026Q1');
    expect(q1?.oppfolgingsplan.units).toEqual([
      { unitId: 'a', name: 'A', masked: false, cases: 6, inTime: 4, late: 2, percent: 66.7 },
      { unitId: 'b', name: 'B', masked: false, cases: 5, inTime: 4, late: 1, percent: 80 },
    ]);
    const q2 = out.quarters.find((q) => q.quarter === '2026Q2');
    expect(q2?.oppfolgingsplan.organisation).toEqual({ masked: true, maskReason: 'population' });
    expect(out.rolling.quarters).toEqual(['2025Q3', '2025Q4', '2026Q1', '2026Q2']);
    expect(out.rolling.oppfolgingsplan.organisation).toMatchObject({ cases: 11, inTime: 8, percent: 72.7 });
  });

  it('no decided case anywhere: every group masked, never a figure', () => {
    const out = beregnOppfolging({ quarters: ['2026Q1'], units, employees: [], today: TODAY });
    expect(out.quarters[0]?.dialogmote1.organisation).toEqual({ masked: true, maskReason: 'population' });
  });
});
