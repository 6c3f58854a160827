import { describe, expect, it } from 'vitest';
import { beregnPlan } from './plan.ts';
import { p } from './test-support.ts';
import type { Period } from './types.ts';

const cases = (periods: Period[]) => beregnPlan({ periods }).cases;

// Base absence: sykmelding Mon 2025-01-06 … Fri 2025-01-10 (5 sick days). A second absence starts
// after a gap of N non-sick days, i.e. on 2025-01-10 + N + 1.
describe('§3.1 / §11.1 gap rule: 16 non-sick days close a case, 15 keep it open', () => {
  it.each([
    // gap, second start, expected cases
    [14, '2025-01-25', [['2025-01-06', '2025-01-31', 5 + 7]]],
    [15, '2025-01-26', [['2025-01-06', '2025-01-31', 5 + 6]]],
    [
      16,
      '2025-01-27',
      [
        ['2025-01-06', '2025-01-10', 5],
        ['2025-01-27', '2025-01-31', 5],
      ],
    ],
    [
      17,
      '2025-01-28',
      [
        ['2025-01-06', '2025-01-10', 5],
        ['2025-01-28', '2025-01-31', 4],
      ],
    ],
  ])('gap of %i days (second absence from %s to 2025-01-31)', (_gap, secondStart, expected) => {
    const result = cases([p('2025-01-06', '2025-01-10'), p(secondStart as string, '2025-01-31')]);
    expect(result.map((c) => [c.start, c.end, c.sickDays])).toEqual(expected);
  });

  it('a gap made of explicit arbeid and behandlingsdager counts like days without data', () => {
    // Jan 11–18 arbeid (8 days) + Jan 19–26 behandlingsdager (8 days) = 16 non-sick days → two cases.
    const result = cases([
      p('2025-01-06', '2025-01-10'),
      p('2025-01-11', '2025-01-18', 'arbeid'),
      p('2025-01-19', '2025-01-26', 'behandlingsdager'),
      p('2025-01-27', '2025-01-31'),
    ]);
    expect(result.map((c) => c.start)).toEqual(['2025-01-06', '2025-01-27']);
  });
});

describe('§3.2 ferie', () => {
  it('directly after sick days extends the case and counts as sick days', () => {
    // 12 sick days (Jan 6–17) + 14 ferie days (Jan 18–31) = 26
    expect(cases([p('2025-01-06', '2025-01-17'), p('2025-01-18', '2025-01-31', 'ferie')])).toEqual([
      { start: '2025-01-06', end: '2025-01-31', sickDays: 26, gradertAtEnd: false },
    ]);
  });

  it('after one work day counts as non-sick: 1 work day + 14 ferie days = 15 keep the case open', () => {
    const result = cases([
      p('2025-01-06', '2025-01-17'),
      p('2025-01-18', '2025-01-18', 'arbeid'),
      p('2025-01-19', '2025-02-01', 'ferie'),
      p('2025-02-02', '2025-02-02'),
    ]);
    // ferie not counted: 12 + 1 sick days
    expect(result).toEqual([{ start: '2025-01-06', end: '2025-02-02', sickDays: 13, gradertAtEnd: false }]);
  });

  it('after one work day: 1 work day + 15 ferie days = 16 close the case', () => {
    const result = cases([
      p('2025-01-06', '2025-01-17'),
      p('2025-01-18', '2025-01-18', 'arbeid'),
      p('2025-01-19', '2025-02-02', 'ferie'),
      p('2025-02-03', '2025-02-03'),
    ]);
    expect(result.map((c) => [c.start, c.end, c.sickDays])).toEqual([
      ['2025-01-06', '2025-01-17', 12],
      ['2025-02-03', '2025-02-03', 1],
    ]);
  });

  it('before any sick day is ignored', () => {
    expect(cases([p('2025-01-01', '2025-01-05', 'ferie'), p('2025-01-06', '2025-01-10')])).toEqual([
      { start: '2025-01-06', end: '2025-01-10', sickDays: 5, gradertAtEnd: false },
    ]);
  });

  it('ferie alone makes no case', () => {
    expect(cases([p('2025-07-01', '2025-07-21', 'ferie')])).toEqual([]);
  });
});

describe('§3.2 egenmelding and graded days are sick days', () => {
  it('egenmelding followed by sykmelding is one case', () => {
    expect(cases([p('2025-01-06', '2025-01-08', 'egenmelding'), p('2025-01-09', '2025-01-31')])).toEqual([
      { start: '2025-01-06', end: '2025-01-31', sickDays: 26, gradertAtEnd: false },
    ]);
  });

  it('scattered egenmelding days with 7- and 9-day gaps merge with a later sykmelding', () => {
    const result = cases([
      p('2025-01-06', '2025-01-06', 'egenmelding'),
      p('2025-01-14', '2025-01-14', 'egenmelding'), // gap Jan 7–13 = 7 days
      p('2025-01-24', '2025-01-24', 'egenmelding'), // gap Jan 15–23 = 9 days
      p('2025-01-27', '2025-02-28', 'sykmelding', 50),
    ]);
    // 3 egenmelding days + 33 graded days (Jan 27–31 = 5, Feb = 28)
    expect(result).toEqual([{ start: '2025-01-06', end: '2025-02-28', sickDays: 36, gradertAtEnd: true }]);
  });

  it('a graded-only case is graded at its end', () => {
    // Jan 26 + Feb 28 + Mar 31 = 85 days
    expect(cases([p('2025-01-06', '2025-03-31', 'sykmelding', 60)])).toEqual([
      { start: '2025-01-06', end: '2025-03-31', sickDays: 85, gradertAtEnd: true },
    ]);
  });

  it('gradertAtEnd looks only at the last day', () => {
    expect(
      cases([p('2025-01-06', '2025-01-19', 'sykmelding', 50), p('2025-01-20', '2025-01-31')])[0]
        ?.gradertAtEnd,
    ).toBe(false);
    expect(
      cases([p('2025-01-06', '2025-01-19'), p('2025-01-20', '2025-01-31', 'sykmelding', 99)])[0]
        ?.gradertAtEnd,
    ).toBe(true);
  });

  it('behandlingsdager alone make no case and no follow-up', () => {
    const plan = beregnPlan({ periods: [p('2025-01-06', '2025-03-31', 'behandlingsdager')] });
    expect(plan.cases).toEqual([]);
    expect(plan.arbeidsgiverperioder).toEqual([]);
    expect(plan.followUp).toBeNull();
  });

  it('no periods: no case, followUp null', () => {
    expect(beregnPlan({ periods: [] })).toEqual({
      cases: [],
      arbeidsgiverperioder: [],
      followUp: null,
      warnings: [],
    });
  });
});

describe('§11.1 overlap priority: arbeid > ferie > egenmelding > sykmelding > behandlingsdager', () => {
  it('arbeid inside a sykmelding is a work day', () => {
    // sykmelding Jan 6–31 with arbeid Jan 20–24: 31−6+1 = 26 days − 5 = 21 sick days, one case
    expect(cases([p('2025-01-06', '2025-01-31'), p('2025-01-20', '2025-01-24', 'arbeid')])).toEqual([
      { start: '2025-01-06', end: '2025-01-31', sickDays: 21, gradertAtEnd: false },
    ]);
  });

  it('arbeid covering a whole sykmelding removes it', () => {
    expect(cases([p('2025-01-06', '2025-01-10'), p('2025-01-01', '2025-01-31', 'arbeid')])).toEqual([]);
  });

  it('ferie beats sykmelding (the ferie days then extend the case only directly after sick days)', () => {
    // sick Jan 6–12, ferie Jan 13–31 over the sykmelding: ferie directly after sick days → in the case
    expect(cases([p('2025-01-06', '2025-01-31'), p('2025-01-13', '2025-01-31', 'ferie')])).toEqual([
      { start: '2025-01-06', end: '2025-01-31', sickDays: 26, gradertAtEnd: false },
    ]);
  });

  it('egenmelding beats a graded sykmelding on the same day (the day is then not graded)', () => {
    expect(
      cases([p('2025-01-06', '2025-01-10', 'sykmelding', 50), p('2025-01-10', '2025-01-10', 'egenmelding')]),
    ).toEqual([{ start: '2025-01-06', end: '2025-01-10', sickDays: 5, gradertAtEnd: false }]);
  });

  it('sykmelding beats behandlingsdager', () => {
    expect(cases([p('2025-01-06', '2025-01-31', 'behandlingsdager'), p('2025-01-13', '2025-01-17')])).toEqual(
      [{ start: '2025-01-13', end: '2025-01-17', sickDays: 5, gradertAtEnd: false }],
    );
  });

  it('two overlapping sykmeldinger: the higher grade wins on the shared days', () => {
    expect(
      cases([
        p('2025-01-06', '2025-01-31', 'sykmelding', 40),
        p('2025-01-20', '2025-01-31', 'sykmelding', 100),
      ])[0]?.gradertAtEnd,
    ).toBe(false);
    expect(
      cases([
        p('2025-01-06', '2025-01-31', 'sykmelding', 40),
        p('2025-01-20', '2025-01-31', 'sykmelding', 70),
      ])[0]?.gradertAtEnd,
    ).toBe(true);
  });

  it('input order does not matter', () => {
    const periods = [
      p('2025-01-20', '2025-01-31', 'arbeid'),
      p('2025-01-06', '2025-02-28'),
      p('2025-03-10', '2025-03-12'),
    ];
    expect(cases(periods)).toEqual(cases([...periods].reverse()));
  });
});
