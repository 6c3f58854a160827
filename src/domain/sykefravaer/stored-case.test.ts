import { describe, expect, it } from 'vitest';
import {
  caseAgp,
  caseStatus,
  computePlan,
  gradeOn,
  isCurrentOrRecent,
  type StoredPeriod,
  sickDaysSoFar,
  toEnginePeriod,
} from './stored-case.ts';

const p = (
  type: StoredPeriod['type'],
  start: string,
  end: string,
  grade: number | null = null,
  avventende = false,
) => ({
  type,
  start,
  end,
  grade: type === 'sykmelding' && !avventende ? (grade ?? 100) : null,
  avventende,
});

describe('stored periods and the engine', () => {
  it('passes an avventende sykmelding to the engine as a non-sick day of the lowest priority', () => {
    expect(toEnginePeriod(p('sykmelding', '2025-01-06', '2025-01-10', null, true))).toEqual({
      type: 'behandlingsdager',
      start: '2025-01-06',
      end: '2025-01-10',
    });
    expect(toEnginePeriod(p('sykmelding', '2025-01-06', '2025-01-10', 60))).toEqual({
      type: 'sykmelding',
      start: '2025-01-06',
      end: '2025-01-10',
      grade: 60,
    });
    // Only avventende: no case at all.
    expect(
      computePlan({
        periods: [p('sykmelding', '2025-01-06', '2025-03-10', null, true)],
        birthDate: null,
        agpOverrides: [],
        dialogmote2: null,
      }).followUp,
    ).toBeNull();
    // Avventende does not override an egenmelding on the same days.
    const plan = computePlan({
      periods: [
        p('sykmelding', '2025-01-06', '2025-01-31', null, true),
        p('egenmelding', '2025-01-06', '2025-01-08'),
      ],
      birthDate: null,
      agpOverrides: [],
      dialogmote2: null,
    });
    expect(plan.cases).toEqual([
      { start: '2025-01-06', end: '2025-01-08', sickDays: 3, gradertAtEnd: false },
    ]);
  });

  it('uses the dialogmøte 2 date only while its case is the latest', () => {
    const periods = [p('sykmelding', '2025-01-06', '2025-08-31')];
    const tilNav = (caseStart: string) =>
      computePlan({
        periods,
        birthDate: null,
        agpOverrides: [],
        dialogmote2: { caseStart, date: '2025-06-20' },
      }).followUp?.milestones.find((m) => m.key === 'oppfolgingsplanTilNav')?.due;
    expect(tilNav('2025-01-06')).toBe('2025-06-13');
    expect(tilNav('2024-01-01')).toBe('2025-06-29'); // due(26) − 7
  });

  it('gives the grade of a day with the overlap priority, and the case status by today', () => {
    const periods = [
      p('sykmelding', '2025-01-06', '2025-01-31', 100),
      p('sykmelding', '2025-01-20', '2025-02-28', 40),
      p('ferie', '2025-02-10', '2025-02-14'),
      p('egenmelding', '2025-03-03', '2025-03-04'),
    ];
    expect(gradeOn(periods, '2025-01-21')).toBe(100);
    expect(gradeOn(periods, '2025-02-03')).toBe(40);
    expect(gradeOn(periods, '2025-02-11')).toBeNull();
    expect(gradeOn(periods, '2025-03-03')).toBe(100);
    expect(gradeOn(periods, '2025-03-10')).toBeNull();
    expect(caseStatus('2025-03-04', '2025-03-19')).toBe('ongoing'); // 15 days without sickness
    expect(caseStatus('2025-03-04', '2025-03-20')).toBe('ended'); // 16
    expect(isCurrentOrRecent('2025-03-04', '2025-03-20')).toBe(true);
    expect(isCurrentOrRecent('2025-03-04', '2025-03-21')).toBe(false);
  });

  it("finds the case's arbeidsgiverperiode", () => {
    const plan = computePlan({
      periods: [p('sykmelding', '2025-01-06', '2025-02-28')],
      birthDate: null,
      agpOverrides: [],
      dialogmote2: null,
    });
    expect(caseAgp(plan, '2025-01-06', '2025-02-28')).toEqual({
      start: '2025-01-06',
      end: '2025-01-21',
      days: 16,
    });
    expect(caseAgp(plan, '2025-03-01', '2025-03-05')).toBeNull();
  });
});

describe('sickDaysSoFar', () => {
  it('counts the case’s sick days up to and including today, not the registered future days', () => {
    // Sykmelding 23.10.2026–22.12.2026 (61 days); today 22.11.2026 is day 31.
    const periods = [
      { type: 'sykmelding' as const, start: '2026-10-23', end: '2026-12-22', grade: 100, avventende: false },
    ];
    expect(sickDaysSoFar(periods, '2026-10-23', '2026-11-22')).toBe(31);
    expect(sickDaysSoFar(periods, '2026-10-23', '2026-12-31')).toBe(61);
    // A case registered to start in the future has no sick days yet.
    expect(sickDaysSoFar(periods, '2026-10-23', '2026-10-22')).toBe(0);
  });
});
