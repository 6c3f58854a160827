import { describe, expect, it } from 'vitest';
import { beregnPlan } from './plan.ts';
import { p } from './test-support.ts';
import type { PlanInput } from './types.ts';

const agps = (input: PlanInput) => beregnPlan(input).arbeidsgiverperioder;

describe('ftrl § 8-19 (1): 16 calendar days from the first day of absence', () => {
  it('continuous 100 % from Mon 2025-01-06: AGP 2025-01-06 … 2025-01-21 (§4.3)', () => {
    expect(agps({ periods: [p('2025-01-06', '2025-03-31')] })).toEqual([
      { start: '2025-01-06', end: '2025-01-21', days: 16 },
    ]);
  });

  it('graded days count as whole AGP days', () => {
    expect(agps({ periods: [p('2025-01-06', '2025-03-31', 'sykmelding', 30)] })).toEqual([
      { start: '2025-01-06', end: '2025-01-21', days: 16 },
    ]);
  });

  it('a sykmelding starting on Saturday 2025-01-04 starts the AGP that Saturday (spleis): 4 + 15 = 19', () => {
    expect(agps({ periods: [p('2025-01-04', '2025-01-31')] })).toEqual([
      { start: '2025-01-04', end: '2025-01-19', days: 16 },
    ]);
  });

  it('a short absence gives an unfinished AGP with its day count', () => {
    expect(agps({ periods: [p('2025-01-06', '2025-01-08', 'egenmelding')] })).toEqual([
      { start: '2025-01-06', end: '2025-01-08', days: 3 },
    ]);
  });

  it('egenmelding days before the sykmelding are AGP days', () => {
    expect(
      agps({ periods: [p('2025-01-06', '2025-01-08', 'egenmelding'), p('2025-01-09', '2025-02-28')] }),
    ).toEqual([{ start: '2025-01-06', end: '2025-01-21', days: 16 }]);
  });

  it('across a year boundary: Mon 2024-12-23 + 15 days = 2025-01-07', () => {
    expect(agps({ periods: [p('2024-12-23', '2025-01-31')] })).toEqual([
      { start: '2024-12-23', end: '2025-01-07', days: 16 },
    ]);
  });
});

describe('ftrl § 8-19 (2)–(3): opphold days (spleis counters)', () => {
  // Sick Mon 2025-01-06 … Fri 2025-01-10 (5 AGP days); the weekend after is unreported and is followed
  // by a work day, so it turns into opphold: a new absence on day 10 + gap + 1.
  it('15 opphold days: the same AGP goes on (6th AGP day on 2025-01-26, 16th on 2025-02-05)', () => {
    expect(agps({ periods: [p('2025-01-06', '2025-01-10'), p('2025-01-26', '2025-02-28')] })).toEqual([
      { start: '2025-01-06', end: '2025-02-05', days: 16 },
    ]);
  });

  it('16 opphold days: a new AGP (2025-01-27 + 15 = 2025-02-11)', () => {
    expect(agps({ periods: [p('2025-01-06', '2025-01-10'), p('2025-01-27', '2025-02-28')] })).toEqual([
      { start: '2025-01-06', end: '2025-01-10', days: 5 },
      { start: '2025-01-27', end: '2025-02-11', days: 16 },
    ]);
  });

  it('after a complete AGP, an absence less than 16 opphold days later gets no new AGP', () => {
    // AGP Jan 6–21. Sick until Fri Jan 31; Sat–Sun Feb 1–2 unreported right after the sick days: not
    // opphold after a complete AGP. Opphold Mon Feb 3 … Sun Feb 16 = 14 days. New sykmelding Mon Feb 17:
    // a new case (16 non-sick days Feb 1–16), but no new AGP.
    const plan = beregnPlan({ periods: [p('2025-01-06', '2025-01-31'), p('2025-02-17', '2025-02-28')] });
    expect(plan.cases.map((c) => c.start)).toEqual(['2025-01-06', '2025-02-17']);
    expect(plan.arbeidsgiverperioder).toEqual([{ start: '2025-01-06', end: '2025-01-21', days: 16 }]);
  });

  it('after a complete AGP, 16 opphold days give a new AGP (Feb 3 … Feb 18 = 16; new AGP from Wed Feb 19)', () => {
    expect(agps({ periods: [p('2025-01-06', '2025-01-31'), p('2025-02-19', '2025-03-31')] })).toEqual([
      { start: '2025-01-06', end: '2025-01-21', days: 16 },
      { start: '2025-02-19', end: '2025-03-06', days: 16 },
    ]);
  });
});

describe('§2.2 / §11.2 unreported weekends inside an unfinished AGP', () => {
  it('count as AGP days when a sick day follows (spleis: AGP ends 2025-01-21, not 2025-01-23 as in flex)', () => {
    // Mon–Fri Jan 6–10, weekend Jan 11–12 unreported, Mon–Fri Jan 13–24.
    const plan = beregnPlan({ periods: [p('2025-01-06', '2025-01-10'), p('2025-01-13', '2025-01-24')] });
    expect(plan.arbeidsgiverperioder).toEqual([{ start: '2025-01-06', end: '2025-01-21', days: 16 }]);
    // … while the case counts only the reported sick days: Jan 6–10 (5) + Jan 13–24 (12) = 17
    expect(plan.cases).toEqual([
      { start: '2025-01-06', end: '2025-01-24', sickDays: 17, gradertAtEnd: false },
    ]);
  });

  it('are opphold when a work day follows', () => {
    // Jan 6–10 sick (5), Jan 11–12 weekend + Jan 13–14 arbeid = 4 opphold, sick from Wed Jan 15:
    // AGP day 6 = Jan 15 … day 16 = Jan 25.
    expect(
      agps({
        periods: [
          p('2025-01-06', '2025-01-10'),
          p('2025-01-13', '2025-01-14', 'arbeid'),
          p('2025-01-15', '2025-01-31'),
        ],
      }),
    ).toEqual([{ start: '2025-01-06', end: '2025-01-25', days: 16 }]);
  });

  it('a weekend reported as arbeid is opphold even between two sick days', () => {
    // Jan 11–12 arbeid: AGP days Jan 6–10 (5) + Jan 13–23 (11) → ends Jan 23.
    expect(
      agps({
        periods: [
          p('2025-01-06', '2025-01-10'),
          p('2025-01-11', '2025-01-12', 'arbeid'),
          p('2025-01-13', '2025-01-31'),
        ],
      }),
    ).toEqual([{ start: '2025-01-06', end: '2025-01-23', days: 16 }]);
  });

  it('ferie between two sick days in an unfinished AGP counts as AGP days', () => {
    // Jan 6–8 sick, Jan 9–12 ferie, sick from Jan 13: 3 + 4 + 9 = 16 on Jan 21.
    expect(
      agps({
        periods: [
          p('2025-01-06', '2025-01-08'),
          p('2025-01-09', '2025-01-12', 'ferie'),
          p('2025-01-13', '2025-01-31'),
        ],
      }),
    ).toEqual([{ start: '2025-01-06', end: '2025-01-21', days: 16 }]);
  });
});

describe('§11.2 override of the AGP end', () => {
  it('replaces the computed end, keeps the computed one, and counts the days', () => {
    const plan = beregnPlan({
      periods: [p('2025-01-06', '2025-03-31')],
      arbeidsgiverperiodeOverrides: [{ caseStart: '2025-01-06', end: '2025-01-17' }],
    });
    expect(plan.arbeidsgiverperioder).toEqual([
      { start: '2025-01-06', end: '2025-01-17', days: 12, overridden: true, computedEnd: '2025-01-21' },
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('gives a case that continued an earlier AGP its own AGP', () => {
    const plan = beregnPlan({
      periods: [p('2025-01-06', '2025-01-31'), p('2025-02-17', '2025-02-28')],
      arbeidsgiverperiodeOverrides: [{ caseStart: '2025-02-17', end: '2025-02-20' }],
    });
    expect(plan.arbeidsgiverperioder).toEqual([
      { start: '2025-01-06', end: '2025-01-21', days: 16 },
      { start: '2025-02-17', end: '2025-02-20', days: 4, overridden: true, computedEnd: null },
    ]);
  });

  it('an override for a case that does not exist is reported, not applied', () => {
    const plan = beregnPlan({
      periods: [p('2025-01-06', '2025-03-31')],
      arbeidsgiverperiodeOverrides: [{ caseStart: '2025-01-07', end: '2025-01-20' }],
    });
    expect(plan.arbeidsgiverperioder).toEqual([{ start: '2025-01-06', end: '2025-01-21', days: 16 }]);
    expect(plan.warnings.map((w) => w.code)).toEqual(['AGP_OVERRIDE_UNUSED']);
    expect(plan.warnings[0]?.nb).toContain('07.01.2025');
  });
});
