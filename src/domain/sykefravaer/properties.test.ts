/**
 * Property-based tests (fast-check) over thousands of generated absence histories.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../calendar/index.ts';
import { beregnPlan } from './plan.ts';
import { buildDayTimeline, referenceAgps, referenceCases, referenceMaksdato } from './reference-model.ts';
import { toDayPeriods } from './timeline.ts';
import { MILESTONE_KEYS, type Period, type PeriodType, type PlanInput } from './types.ts';

const RUNS = 2000;
const BASE = toDayNumber('2024-01-01');

// A realistic mix: mostly sykmelding and egenmelding, some ferie, arbeid and behandlingsdager;
// lengths mostly short, some long.
const typeArb: fc.Arbitrary<PeriodType> = fc.oneof(
  { weight: 5, arbitrary: fc.constant<PeriodType>('sykmelding') },
  { weight: 3, arbitrary: fc.constant<PeriodType>('egenmelding') },
  { weight: 2, arbitrary: fc.constant<PeriodType>('ferie') },
  { weight: 1, arbitrary: fc.constant<PeriodType>('arbeid') },
  { weight: 1, arbitrary: fc.constant<PeriodType>('behandlingsdager') },
);
const lengthArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 3, arbitrary: fc.integer({ min: 6, max: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 41, max: 300 }) },
);
const periodArb: fc.Arbitrary<Period> = fc
  .record({
    offset: fc.integer({ min: 0, max: 600 }),
    length: lengthArb,
    type: typeArb,
    grade: fc.oneof(
      { weight: 3, arbitrary: fc.constant(100) },
      { weight: 2, arbitrary: fc.integer({ min: 1, max: 99 }) },
    ),
  })
  .map(({ offset, length, type, grade }) => {
    const start = fromDayNumber(BASE + offset);
    const end = fromDayNumber(BASE + offset + length - 1);
    return type === 'sykmelding' ? { start, end, type, grade } : { start, end, type };
  });
const birthArb = fc.option(
  fc.integer({ min: toDayNumber('1950-01-01'), max: toDayNumber('1990-12-31') }).map(fromDayNumber),
  { nil: undefined },
);
const inputArb: fc.Arbitrary<PlanInput> = fc
  .record({ periods: fc.array(periodArb, { minLength: 0, maxLength: 10 }), birthDate: birthArb })
  .map(({ periods, birthDate }) => (birthDate === undefined ? { periods } : { periods, birthDate }));

// Dense histories: consecutive periods separated by 0–20 days, so that weekends, 15/16-day gaps and
// ferie right after sick days occur often.
const denseArb: fc.Arbitrary<PlanInput> = fc
  .record({
    first: fc.integer({ min: 0, max: 30 }),
    steps: fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 20 }),
        length: lengthArb,
        type: typeArb,
        grade: fc.integer({ min: 1, max: 100 }),
      }),
      {
        minLength: 1,
        maxLength: 12,
      },
    ),
    birthDate: birthArb,
  })
  .map(({ first, steps, birthDate }) => {
    let day = BASE + first;
    const periods: Period[] = steps.map(({ gap, length, type, grade }) => {
      day += gap;
      const start = fromDayNumber(day);
      day += length;
      const end = fromDayNumber(day - 1);
      return type === 'sykmelding'
        ? { start, end, type, grade: grade > 50 ? 100 : grade }
        : { start, end, type };
    });
    return birthDate === undefined ? { periods } : { periods, birthDate };
  });

/** Independent oracle: the winning type on a day by the §11.1 priority, by brute force over the periods. */
const PRIORITY: PeriodType[] = ['arbeid', 'ferie', 'egenmelding', 'sykmelding', 'behandlingsdager'];
function winningType(periods: readonly Period[], day: string): PeriodType | null {
  const covering = periods.filter((p) => p.start <= day && day <= p.end).map((p) => p.type);
  return PRIORITY.find((t) => covering.includes(t)) ?? null;
}
const isSick = (t: PeriodType | null) => t === 'sykmelding' || t === 'egenmelding';

describe('properties of the engine', () => {
  it('agrees with the day-by-day reference model (cases, arbeidsgiverperioder, maksdato)', () => {
    fc.assert(
      fc.property(fc.oneof(inputArb, denseArb), (input) => {
        const plan = beregnPlan(input);
        const days = buildDayTimeline(toDayPeriods(input.periods));
        if (days === null) {
          expect(plan.cases).toEqual([]);
          return;
        }
        const refCases = referenceCases(days);
        const refAgps = referenceAgps(days);
        expect(plan.cases).toEqual(
          refCases.map((c) => ({
            start: fromDayNumber(c.start),
            end: fromDayNumber(c.end),
            sickDays: c.sickDays,
            gradertAtEnd: c.gradertAtEnd,
          })),
        );
        expect(plan.arbeidsgiverperioder).toEqual(
          refAgps.map((a) => ({ start: fromDayNumber(a.start), end: fromDayNumber(a.end), days: a.days })),
        );
        const latest = refCases[refCases.length - 1];
        if (latest === undefined) return;
        const birth = input.birthDate === undefined ? null : toDayNumber(input.birthDate);
        const ref = referenceMaksdato(days, refAgps, latest, birth);
        expect(plan.followUp?.maksdato).toBe(ref.maksdato === null ? null : fromDayNumber(ref.maksdato));
        expect(plan.followUp?.sykepengedagerBrukt).toBe(ref.used);
        const dm1 = plan.followUp?.milestones.find((m) => m.key === 'dialogmote1');
        if (dm1?.status !== 'not-required')
          expect(dm1?.status).toBe(latest.hasFullDay ? 'required' : 'conditional');
      }),
      { numRuns: 5000 },
    );
  });

  it('input order does not matter', () => {
    const arb = inputArb.chain((input) =>
      fc
        .shuffledSubarray(input.periods, { minLength: input.periods.length, maxLength: input.periods.length })
        .map((shuffled) => [input, { ...input, periods: shuffled }] as const),
    );
    fc.assert(
      fc.property(arb, ([a, b]) => {
        expect(beregnPlan(b)).toEqual(beregnPlan(a));
      }),
      { numRuns: RUNS },
    );
  });

  it('cases never overlap, start and end on the right kind of day, and are separated by ≥ 16 non-sick days', () => {
    fc.assert(
      fc.property(fc.oneof(inputArb, denseArb), (input) => {
        const { cases, followUp } = beregnPlan(input);
        for (const c of cases) {
          expect(c.start <= c.end).toBe(true);
          expect(isSick(winningType(input.periods, c.start))).toBe(true);
          expect(['sykmelding', 'egenmelding', 'ferie']).toContain(winningType(input.periods, c.end));
          expect(c.sickDays).toBeLessThanOrEqual(toDayNumber(c.end) - toDayNumber(c.start) + 1);
        }
        for (let i = 1; i < cases.length; i++) {
          const prev = cases[i - 1];
          const next = cases[i];
          if (prev === undefined || next === undefined) throw new Error('unreachable');
          const gap = toDayNumber(next.start) - toDayNumber(prev.end) - 1;
          expect(gap).toBeGreaterThanOrEqual(16);
          for (let d = toDayNumber(prev.end) + 1; d < toDayNumber(next.start); d++) {
            expect(isSick(winningType(input.periods, fromDayNumber(d)))).toBe(false);
          }
        }
        expect(followUp === null).toBe(cases.length === 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('an arbeidsgiverperiode never exceeds 16 days, and they are ordered and disjoint', () => {
    fc.assert(
      fc.property(fc.oneof(inputArb, denseArb), (input) => {
        const agps = beregnPlan(input).arbeidsgiverperioder;
        for (const a of agps) {
          expect(a.days).toBeGreaterThanOrEqual(1);
          expect(a.days).toBeLessThanOrEqual(16);
          expect(a.days).toBeLessThanOrEqual(toDayNumber(a.end) - toDayNumber(a.start) + 1);
          expect(isSick(winningType(input.periods, a.start))).toBe(true);
        }
        for (let i = 1; i < agps.length; i++) {
          expect((agps[i]?.start ?? '') > (agps[i - 1]?.end ?? '')).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('every due date and reminder is ≥ the case start (maksdato only before it when the right was used up)', () => {
    fc.assert(
      fc.property(fc.oneof(inputArb, denseArb), (input) => {
        const f = beregnPlan(input).followUp;
        if (f === null) return;
        expect(f.milestones.map((m) => m.key)).toEqual([...MILESTONE_KEYS]);
        for (const m of f.milestones) {
          for (const r of m.reminders) expect(r >= f.caseStart).toBe(true);
          if (m.from !== undefined) expect(m.from >= f.caseStart).toBe(true);
          if (m.due === null) {
            expect(['maksdato', 'aap']).toContain(m.key);
            continue;
          }
          if (m.key === 'maksdato' && m.due < f.caseStart) {
            // §11.4: the 248 (or, over 67, 60) days were used before this case began, or the person
            // turned 70 on a Saturday–Monday right after the case start.
            const usedUp =
              (f.maksdatoRegel === 'ordinaer' && f.sykepengedagerBrukt >= 248) ||
              (f.maksdatoRegel === 'over-67' && f.sykepengedagerBrukt >= 60) ||
              f.maksdatoRegel === 'over-70';
            expect(usedUp).toBe(true);
            continue;
          }
          expect(m.due >= f.caseStart).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('adding a period ≥ 16 days after the last case never changes the earlier cases', () => {
    const arb = fc.tuple(
      inputArb,
      fc.integer({ min: 17, max: 400 }),
      lengthArb,
      typeArb,
      fc.integer({ min: 1, max: 100 }),
    );
    fc.assert(
      fc.property(arb, ([input, after, length, type, grade]) => {
        const before = beregnPlan(input).cases;
        const last = before[before.length - 1];
        if (last === undefined) return;
        const start = toDayNumber(last.end) + after;
        const extra: Period = {
          start: fromDayNumber(start),
          end: fromDayNumber(start + length - 1),
          type,
          ...(type === 'sykmelding' ? { grade } : {}),
        };
        const later = beregnPlan({ ...input, periods: [...input.periods, extra] }).cases;
        expect(later.slice(0, before.length)).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('splitting a period into two adjacent periods changes nothing', () => {
    const arb = inputArb
      .filter((input) => input.periods.some((p) => p.start < p.end))
      .chain((input) => {
        const splittable = input.periods.map((p, i) => [p, i] as const).filter(([p]) => p.start < p.end);
        return fc
          .constantFrom(...splittable)
          .chain(([period, index]) =>
            fc
              .integer({ min: toDayNumber(period.start), max: toDayNumber(period.end) - 1 })
              .map((cut) => ({ input, period, index, cut })),
          );
      });
    fc.assert(
      fc.property(arb, ({ input, period, index, cut }) => {
        const first = { ...period, end: fromDayNumber(cut) };
        const second = { ...period, start: fromDayNumber(cut + 1) };
        const periods = [...input.periods.slice(0, index), first, second, ...input.periods.slice(index + 1)];
        expect(beregnPlan({ ...input, periods })).toEqual(beregnPlan(input));
      }),
      { numRuns: RUNS },
    );
  });
});
