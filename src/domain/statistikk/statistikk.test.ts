/**
 * `beregnStatistikk` with worked examples (SSB's and NAV's definitions; ADR 0011). Each
 * expected number is worked out by hand in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import type { Period } from '../sykefravaer/index.ts';
import { absenceRuns } from './absence.ts';
import { parseStatistikkInput } from './schema.ts';
import { beregnStatistikk, percent } from './statistikk.ts';
import type { GroupFigures, ShownFigures, StatistikkEmployee, StatistikkInput } from './types.ts';

const person = (id: string, extra: Partial<StatistikkEmployee> = {}): StatistikkEmployee => ({
  id,
  positionPercent: 100,
  unitId: null,
  employmentStart: '2020-01-01',
  employmentEnd: null,
  periods: [],
  ...extra,
});

/** Five colleagues with no absence, to lift a group over the masking threshold. */
const colleagues = (prefix: string, n = 4, unitId: string | null = null) =>
  Array.from({ length: n }, (_, i) => person(`${prefix}${i}`, { unitId }));

const shown = (g: GroupFigures | undefined): ShownFigures => {
  if (g === undefined || g.masked) throw new Error(`expected shown figures, got ${JSON.stringify(g)}`);
  return g;
};

const run = (input: StatistikkInput) => beregnStatistikk(input);
const orgOf = (input: StatistikkInput, quarter = 0) => shown(run(input).quarters[quarter]?.organisation);

/** The tapte dagsverk of one person (100 %) among four colleagues without absence, in one quarter. */
const lostFor = (periods: Period[], quarter: string, positionPercent = 100) =>
  orgOf({
    quarters: [quarter],
    units: [],
    employees: [person('x', { periods, positionPercent }), ...colleagues('c')],
  }).tapteDagsverk;

describe('the SSB/NAV worked example', () => {
  // 60 %, 50 % sykmelding for 10 working days (Mon 8 – Fri 19 Jan 2024), 2024Q1 has 62 working days.
  const sick = (id: string) =>
    person(id, {
      positionPercent: 60,
      periods: [{ start: '2024-01-08', end: '2024-01-19', type: 'sykmelding', grade: 50 }],
    });

  it('one person: the group is masked (fewer than 5 persons)', () => {
    const out = run({ quarters: ['2024Q1'], units: [], employees: [sick('a')] });
    expect(out.quarters[0]?.organisation).toEqual({ masked: true, maskReason: 'population' });
  });

  it('five such persons: 186 avtalte, 15 tapte dagsverk, 8.1 %', () => {
    const org = orgOf({ quarters: ['2024Q1'], units: [], employees: ['a', 'b', 'c', 'd', 'e'].map(sick) });
    expect(org.population).toBe(5);
    expect(org.avtalteDagsverk).toBe(186); // 5 × 62 × 0.6
    // 5 × 10 × 0.6 × 0.5 = 15, all legemeldt; the case is 12 calendar days → korttid.
    expect(org.tapteDagsverk).toEqual({ total: 15, legemeldt: 15, egenmeldt: 0, korttid: 15, langtid: 0 });
    expect(org.prosent.total).toBe(8.1); // 15 × 100 / 186 = 8.06… → 8.1
  });
});

describe('percentages rounded once, half-up, in exact arithmetic', () => {
  it.each([
    [3_300_000, 40_000_000, 8.3], // 3.3 × 100 / 40 = 8.25 → 8.3 (binary floating point gives 8.2)
    [825, 10_000, 8.3], // 8.25 → 8.3
    [835, 10_000, 8.4], // 8.35 → 8.4
    [5, 10_000, 0.1], // 0.05 → 0.1
    [4, 10_000, 0], // 0.04 → 0.0
    [0, 10_000, 0],
  ])('percent(%i, %i) = %d', (tapte, avtalte, expected) => {
    expect(percent(tapte, avtalte)).toBe(expected);
  });

  it('is null when avtalte dagsverk is 0', () => {
    expect(percent(0, 0)).toBeNull();
    // Five persons employed only over a weekend (Sat 6 – Sun 7 Jan 2024): in the population, 0 avtalte.
    const weekend = Array.from({ length: 5 }, (_, i) =>
      person(`w${i}`, { employmentStart: '2024-01-06', employmentEnd: '2024-01-07' }),
    );
    const org = orgOf({ quarters: ['2024Q1'], units: [], employees: weekend });
    expect(org.population).toBe(5); // employed over a weekend still counts
    expect(org.avtalteDagsverk).toBe(0);
    expect(org.prosent).toEqual({
      total: null,
      legemeldt: null,
      egenmeldt: null,
      korttid: null,
      langtid: null,
    });
  });

  it('a position with two decimals stays exact', () => {
    // 33.33 % for the 63 working days of 2025Q1: 63 × 0.3333 = 20.9979 avtalte dagsverk.
    const org = orgOf({
      quarters: ['2025Q1'],
      units: [],
      employees: Array.from({ length: 5 }, (_, i) => person(`p${i}`, { positionPercent: 33.33 })),
    });
    expect(org.avtalteDagsverk).toBeCloseTo(5 * 20.9979, 6);
  });
});

describe('avtalte dagsverk within the employment', () => {
  it('counts only working days of the employment, no deduction for ferie', () => {
    // Started Sat 15 Feb 2025, 60 %: 17–28 Feb (10) + March (21) = 31 working days × 0.6 = 18.6.
    const newcomer = person('n', {
      positionPercent: 60,
      employmentStart: '2025-02-15',
      periods: [{ start: '2025-03-03', end: '2025-03-14', type: 'ferie' }],
    });
    const org = orgOf({ quarters: ['2025Q1'], units: [], employees: [newcomer, ...colleagues('c')] });
    expect(org.avtalteDagsverk).toBeCloseTo(18.6 + 4 * 63, 6);
    expect(org.tapteDagsverk.total).toBe(0);
  });

  it('does not count sick days outside the employment', () => {
    // Ended Wed 15 Jan 2025; sick Mon 13 – Fri 17 Jan: only 13–15 Jan count (3 days).
    const leaver = person('l', {
      employmentEnd: '2025-01-15',
      periods: [{ start: '2025-01-13', end: '2025-01-17', type: 'egenmelding' }],
    });
    const org = orgOf({ quarters: ['2025Q1'], units: [], employees: [leaver, ...colleagues('c')] });
    expect(org.tapteDagsverk.total).toBe(3);
    expect(org.tapteDagsverk.egenmeldt).toBe(3);
    // Avtalte: 2–3 Jan, 6–10, 13–15 = 10 days for the leaver; 63 for each colleague.
    expect(org.avtalteDagsverk).toBe(10 + 4 * 63);
  });
});

describe('which days count, of which kind', () => {
  it('a day with both a sick note and an egenmelding is legemeldt at the note’s grade', () => {
    // Mon 6 – Wed 8 Jan 2025, sykmelding 40 % and egenmelding: 3 × 0.4 = 1.2 legemeldt.
    const lost = lostFor(
      [
        { start: '2025-01-06', end: '2025-01-08', type: 'sykmelding', grade: 40 },
        { start: '2025-01-06', end: '2025-01-08', type: 'egenmelding' },
      ],
      '2025Q1',
    );
    expect(lost.legemeldt).toBeCloseTo(1.2, 6);
    expect(lost.egenmeldt).toBe(0);
  });

  it('overlapping sick notes count at the highest grade of the day', () => {
    // Mon 6 – Fri 10 Jan 50 %, Wed 8 – Fri 10 Jan 80 %: 2 × 0.5 + 3 × 0.8 = 3.4.
    const lost = lostFor(
      [
        { start: '2025-01-06', end: '2025-01-10', type: 'sykmelding', grade: 50 },
        { start: '2025-01-08', end: '2025-01-10', type: 'sykmelding', grade: 80 },
      ],
      '2025Q1',
    );
    expect(lost.total).toBeCloseTo(3.4, 6);
  });

  it('graded notes count day by day at each day’s grade, also across a quarter boundary', () => {
    // 100 % Mon 24 – Mon 31 Mar 2025 (6 working days in Q1), then 50 % Tue 1 – Fri 4 Apr (4 in Q2).
    const periods: Period[] = [
      { start: '2025-03-24', end: '2025-03-31', type: 'sykmelding', grade: 100 },
      { start: '2025-04-01', end: '2025-04-04', type: 'sykmelding', grade: 50 },
    ];
    expect(lostFor(periods, '2025Q1').total).toBe(6);
    expect(lostFor(periods, '2025Q2').total).toBe(2);
  });

  it('arbeid and ferie days are not absence days; behandlingsdager are never counted', () => {
    // Sick Mon 6 – Fri 10 Jan 2025 with ferie on Wed 8: 4 days. Behandlingsdager 13–24 Jan: 0.
    const lost = lostFor(
      [
        { start: '2025-01-06', end: '2025-01-10', type: 'sykmelding', grade: 100 },
        { start: '2025-01-08', end: '2025-01-08', type: 'ferie' },
        { start: '2025-01-13', end: '2025-01-24', type: 'behandlingsdager' },
      ],
      '2025Q1',
    );
    expect(lost.total).toBe(4);
  });

  it('weekends and holidays inside a sick period are not counted', () => {
    // Wed 27 Mar – Tue 2 Apr 2024: 27 Mar in Q1 (28–29 are holidays), 2 Apr in Q2 (1 Apr is 2. påskedag).
    const periods: Period[] = [{ start: '2024-03-27', end: '2024-04-02', type: 'sykmelding', grade: 100 }];
    expect(lostFor(periods, '2024Q1').total).toBe(1);
    expect(lostFor(periods, '2024Q2').total).toBe(1);
  });

  it('position × grade per day', () => {
    // 80 %, sykmelding 50 % Mon 6 – Fri 10 Jan 2025: 5 × 0.8 × 0.5 = 2.0
    expect(
      lostFor([{ start: '2025-01-06', end: '2025-01-10', type: 'sykmelding', grade: 50 }], '2025Q1', 80)
        .total,
    ).toBe(2);
  });
});

describe('korttid and langtid by the full length of the case', () => {
  it('a 17-day case is langtid, also in the quarter where only 2 of its working days lie', () => {
    // Fri 28 Mar – Sun 13 Apr 2025 = 17 calendar days. Q1: 28 and 31 Mar; Q2: 1–4 and 7–11 Apr.
    const periods: Period[] = [{ start: '2025-03-28', end: '2025-04-13', type: 'sykmelding', grade: 100 }];
    expect(lostFor(periods, '2025Q1')).toEqual({
      total: 2,
      legemeldt: 2,
      egenmeldt: 0,
      korttid: 0,
      langtid: 2,
    });
    expect(lostFor(periods, '2025Q2').langtid).toBe(9);
  });

  it('a 16-day case is korttid', () => {
    const periods: Period[] = [{ start: '2025-03-28', end: '2025-04-12', type: 'sykmelding', grade: 100 }];
    expect(lostFor(periods, '2025Q1')).toEqual({
      total: 2,
      legemeldt: 2,
      egenmeldt: 0,
      korttid: 2,
      langtid: 0,
    });
  });

  it('15 non-sick days keep the case open: the egenmelding that starts a long case is langtid', () => {
    // Egenmelding Mon 6 – Wed 8 Jan; sick again Fri 24 – Sun 26 Jan (15 days between) → one case
    // of 6–26 Jan = 21 days: 3 egenmeldt + 1 legemeldt working days, all langtid.
    const lost = lostFor(
      [
        { start: '2025-01-06', end: '2025-01-08', type: 'egenmelding' },
        { start: '2025-01-24', end: '2025-01-26', type: 'sykmelding', grade: 100 },
      ],
      '2025Q1',
    );
    expect(lost).toEqual({ total: 4, legemeldt: 1, egenmeldt: 3, korttid: 0, langtid: 4 });
  });

  it('16 non-sick days close it: two short cases', () => {
    // Sick again Sat 25 – Mon 27 Jan (16 days between): cases of 3 days each, all korttid.
    const lost = lostFor(
      [
        { start: '2025-01-06', end: '2025-01-08', type: 'egenmelding' },
        { start: '2025-01-25', end: '2025-01-27', type: 'sykmelding', grade: 100 },
      ],
      '2025Q1',
    );
    expect(lost).toEqual({ total: 4, legemeldt: 1, egenmeldt: 3, korttid: 4, langtid: 0 });
  });

  it('absenceRuns marks the days of a long case', () => {
    const runs = absenceRuns([{ start: '2025-03-28', end: '2025-04-13', type: 'sykmelding', grade: 60 }]);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ legemeldt: true, grade: 60, langtid: true });
  });
});

describe('rolling four quarters', () => {
  const input: StatistikkInput = {
    quarters: ['2025Q4'],
    units: [],
    employees: [
      // Sick 10 working days in 2025Q1 (Mon 6 – Fri 17 Jan) and 5 in 2025Q4 (Mon 6 – Fri 10 Oct).
      person('s', {
        periods: [
          { start: '2025-01-06', end: '2025-01-17', type: 'sykmelding', grade: 100 },
          { start: '2025-10-06', end: '2025-10-10', type: 'egenmelding' },
        ],
      }),
      ...colleagues('c'),
      // Employed only in 2025Q1: counts in the rolling population, never in Q4's.
      person('early', { employmentEnd: '2025-03-31' }),
    ],
  };

  it('sums the four quarters’ dagsverk and computes the percentage from the sums', () => {
    const out = run(input);
    expect(out.rolling.quarters).toEqual(['2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect(out.rolling.start).toBe('2025-01-01');
    expect(out.rolling.end).toBe('2025-12-31');
    expect(out.rolling.workingDays).toBe(63 + 59 + 66 + 64);
    const r = shown(out.rolling.organisation);
    expect(r.population).toBe(6);
    expect(r.highestQuarterPopulation).toBe(6);
    // 5 persons × 252 + 63 for the early leaver = 1323 avtalte; 15 tapte.
    expect(r.avtalteDagsverk).toBe(5 * 252 + 63);
    expect(r.tapteDagsverk.total).toBe(15);
    expect(r.prosent.total).toBe(1.1); // 1500 / 1323 = 1.133… → 1.1
    const q4 = shown(out.quarters[0]?.organisation);
    expect(q4.population).toBe(5);
    expect(q4.prosent.total).toBe(1.6); // 5 × 100 / (5 × 64) = 1.5625 → 1.6
  });

  it('lists the requested quarters in ascending order', () => {
    const out = run({ ...input, quarters: ['2025Q3', '2025Q1', '2025Q2'] });
    expect(out.quarters.map((q) => q.quarter)).toEqual(['2025Q1', '2025Q2', '2025Q3']);
    expect(out.rolling.quarters).toEqual(['2024Q4', '2025Q1', '2025Q2', '2025Q3']);
  });
});

describe('units with their subunits, masking', () => {
  it('the worked example: A with 3 is masked (population), so B with 6 is masked too (complementary)', () => {
    const out = run({
      quarters: ['2025Q1'],
      units: [
        { id: 'A', parentId: null, name: 'A' },
        { id: 'B', parentId: null, name: 'B' },
      ],
      employees: [...colleagues('a', 3, 'A'), ...colleagues('b', 6, 'B')],
    });
    const q = out.quarters[0];
    expect(shown(q?.organisation).population).toBe(9);
    expect(q?.units).toEqual([
      { unitId: 'A', name: 'A', masked: true, maskReason: 'population' },
      { unitId: 'B', name: 'B', masked: true, maskReason: 'complementary' },
    ]);
  });

  it('a unit counts its subunits; a parent with 1–4 persons of its own hides its smallest shown child', () => {
    // The demo municipality's shape: Helse with 4 own persons, Hjemme 34 and Sykehjem 38 below it.
    const out = run({
      quarters: ['2025Q1'],
      units: [
        { id: 'helse', parentId: null, name: 'Helse og omsorg' },
        { id: 'hjemme', parentId: 'helse', name: 'Hjemmetjenesten' },
        { id: 'sykehjem', parentId: 'helse', name: 'Solbakken sykehjem' },
        { id: 'drift', parentId: null, name: 'Drift' },
      ],
      employees: [
        ...colleagues('h', 4, 'helse'),
        ...colleagues('j', 34, 'hjemme'),
        ...colleagues('s', 38, 'sykehjem'),
        ...colleagues('d', 13, 'drift'),
      ],
    });
    const units = out.quarters[0]?.units ?? [];
    expect(units.map((u) => [u.unitId, u.masked ? u.maskReason : 'shown'])).toEqual([
      ['helse', 'shown'],
      ['hjemme', 'complementary'],
      ['sykehjem', 'shown'],
      ['drift', 'shown'],
    ]);
    expect(shown(units[0]).population).toBe(76);
    // A masked group has no figures at all.
    expect(Object.keys(units[1] ?? {}).sort()).toEqual(['maskReason', 'masked', 'name', 'unitId']);
  });

  it('rolling masks on the highest quarter: 4, 4, 4 and 5 persons are shown (the known limit)', () => {
    // Four persons all year, a fifth from 1 Oct 2025; a second unit of 10 keeps the org's residual at 0.
    const out = run({
      quarters: ['2025Q3', '2025Q4'],
      units: [
        { id: 'small', parentId: null, name: 'Liten' },
        { id: 'big', parentId: null, name: 'Stor' },
      ],
      employees: [
        ...colleagues('s', 4, 'small'),
        person('late', { unitId: 'small', employmentStart: '2025-10-01' }),
        ...colleagues('b', 10, 'big'),
      ],
    });
    expect(out.quarters[0]?.units[0]).toMatchObject({ masked: true, maskReason: 'population' });
    expect(out.quarters[0]?.units[1]).toMatchObject({ masked: true, maskReason: 'complementary' });
    expect(out.quarters[1]?.units[0]).toMatchObject({ masked: false, population: 5 });
    expect(out.rolling.units[0]).toMatchObject({ masked: false, population: 5, highestQuarterPopulation: 5 });
  });

  it('persons without a unit count only in the organisation', () => {
    const out = run({
      quarters: ['2025Q1'],
      units: [{ id: 'u', parentId: null, name: 'U' }],
      employees: [...colleagues('u', 6, 'u'), ...colleagues('o', 5, null)],
    });
    expect(shown(out.quarters[0]?.organisation).population).toBe(11);
    expect(shown(out.quarters[0]?.units[0]).population).toBe(6);
  });
});

describe('parseStatistikkInput: every input rule names the field', () => {
  const ok = {
    quarters: ['2025Q1'],
    employees: [{ id: 'e', positionPercent: 50, employmentStart: '2020-01-01' }],
  };
  it.each([
    [{ ...ok, quarters: [] }, 'quarters: må ha minst ett kvartal'],
    [{ ...ok, quarters: ['2025Q5'] }, 'quarters[0]: må være et kvartal'],
    [{ ...ok, quarters: ['1999Q4'] }, 'quarters[0]: må være et kvartal'],
    [{ ...ok, quarters: ['2025Q1', '2025Q1'] }, 'quarters[1]: 2025Q1 er oppgitt mer enn én gang'],
    [{ quarters: ['2025Q1'] }, 'employees: mangler / is missing'],
    [
      { ...ok, employees: [{ id: 'e', positionPercent: 0, employmentStart: '2020-01-01' }] },
      'employees[0].positionPercent: må være et tall fra 1 til 100 / must be a number from 1 to 100',
    ],
    [
      { ...ok, employees: [{ id: 'e', positionPercent: 33.333, employmentStart: '2020-01-01' }] },
      'employees[0].positionPercent: kan ha høyst to desimaler',
    ],
    [
      { ...ok, employees: [{ id: 'e', positionPercent: 50, employmentStart: '2020-01-01', unitId: 'x' }] },
      'employees[0].unitId: «x» er ikke id-en til en enhet',
    ],
    [
      {
        ...ok,
        employees: [
          { id: 'e', positionPercent: 50, employmentStart: '2020-01-01', employmentEnd: '2019-12-31' },
        ],
      },
      'employees[0].employmentEnd: kan ikke være før employmentStart',
    ],
    [
      { ...ok, employees: [ok.employees[0], ok.employees[0]] },
      'employees[1].id: «e» er brukt av en annen ansatt',
    ],
    [
      {
        ...ok,
        units: [
          { id: 'a', parentId: 'b', name: 'A' },
          { id: 'b', parentId: 'a', name: 'B' },
        ],
      },
      'units[0].parentId: gir en sirkel i enhetstreet',
    ],
    [
      { ...ok, units: [{ id: 'a', parentId: 'zz', name: 'A' }] },
      'units[0].parentId: «zz» er ikke id-en til en enhet',
    ],
    [{ ...ok, units: [{ id: 'a', name: '' }] }, 'units[0].name: kan ikke være tom'],
    [
      {
        ...ok,
        employees: [
          {
            id: 'e',
            positionPercent: 50,
            employmentStart: '2020-01-01',
            periods: [{ start: '2025-01-02', end: '2025-01-01', type: 'sykmelding', grade: 50 }],
          },
        ],
      },
      'employees[0].periods[0].end: kan ikke være før start',
    ],
    [
      {
        ...ok,
        employees: [
          {
            id: 'e',
            positionPercent: 50,
            employmentStart: '2020-01-01',
            periods: [{ start: '2025-01-01', end: '2025-01-02', type: 'sykmelding' }],
          },
        ],
      },
      'employees[0].periods[0].grade: mangler (påkrevd for sykmelding)',
    ],
    [[1, 2], '(input): må være et JSON-objekt'],
  ])('%j → %s', (input, message) => {
    const parsed = parseStatistikkInput(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.message).join('\n')).toContain(message);
  });

  it('fills in the defaults', () => {
    const parsed = parseStatistikkInput(ok);
    expect(parsed).toEqual({
      ok: true,
      value: {
        quarters: ['2025Q1'],
        units: [],
        employees: [
          {
            id: 'e',
            positionPercent: 50,
            unitId: null,
            employmentStart: '2020-01-01',
            employmentEnd: null,
            periods: [],
          },
        ],
      },
    });
  });
});
