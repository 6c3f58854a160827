import { describe, expect, it } from 'vitest';
import { customEgenmeldingPolicy, egenmeldingPolicy, vurderEgenmelding } from './egenmelding.ts';
import { p } from './test-support.ts';
import type { Period } from './types.ts';

const statutory = egenmeldingPolicy('statutory');
const base = { employmentStart: '2020-01-01', today: '2025-11-22', earlierAbsences: [] as Period[] };

function check(
  start: string,
  end: string,
  extra: Partial<Parameters<typeof vurderEgenmelding>[0]> = {},
  grade?: number,
) {
  return vurderEgenmelding({ ...base, policy: statutory, request: { start, end, grade }, ...extra });
}
const codes = (r: ReturnType<typeof check>) => r.reasons.map((x) => x.code);

describe('presets (§11.7)', () => {
  it('statutory 3 / – / 4, extended 8 / 24 / –, agp 16 / – / –, all with 2 months of employment', () => {
    expect(egenmeldingPolicy('statutory')).toEqual({
      preset: 'statutory',
      maxDaysPerOccasion: 3,
      maxDaysPer12Months: null,
      maxOccasionsPer12Months: 4,
      minEmploymentMonths: 2,
    });
    expect(egenmeldingPolicy('extended')).toMatchObject({
      maxDaysPerOccasion: 8,
      maxDaysPer12Months: 24,
      maxOccasionsPer12Months: null,
    });
    expect(egenmeldingPolicy('agp')).toMatchObject({
      maxDaysPerOccasion: 16,
      maxDaysPer12Months: null,
      maxOccasionsPer12Months: null,
    });
  });

  it('a custom policy never goes beyond the AGP', () => {
    const ok = {
      maxDaysPerOccasion: 5,
      maxDaysPer12Months: 20,
      maxOccasionsPer12Months: 6,
      minEmploymentMonths: 0,
    };
    expect(customEgenmeldingPolicy(ok).preset).toBe('custom');
    expect(() => customEgenmeldingPolicy({ ...ok, maxDaysPerOccasion: 17 })).toThrow(
      /aldri lenger enn arbeidsgiverperioden/,
    );
    expect(() => customEgenmeldingPolicy({ ...ok, maxDaysPerOccasion: 0 })).toThrow(RangeError);
    expect(() => customEgenmeldingPolicy({ ...ok, maxDaysPer12Months: 2.5 })).toThrow(RangeError);
  });
});

describe('ftrl § 8-24 (4): days per occasion', () => {
  it('3 days are allowed under the statutory policy, with a sentence that says so', () => {
    const r = check('2025-11-17', '2025-11-19');
    expect(r.allowed).toBe(true);
    expect(codes(r)).toEqual(['INNENFOR_REGELEN']);
    expect(r.reasons[0]?.nb).toBe(
      'Egenmeldingen dekker 3 dager (17.11.2025–19.11.2025) og er innenfor virksomhetens regel: høyst 3 dager per gang.',
    );
    expect(r.flags).toEqual([]);
  });

  it('4 days are refused: "… men virksomheten tillater høyst 3 dager per gang"', () => {
    const r = check('2025-11-17', '2025-11-20');
    expect(r.allowed).toBe(false);
    expect(codes(r)).toEqual(['DAGER_PER_GANG']);
    expect(r.reasons[0]?.nb).toContain(
      'Egenmeldingen dekker 4 dager (17.11.2025–20.11.2025), men virksomheten tillater høyst 3 dager per gang.',
    );
    expect(r.reasons[0]?.en).toContain('at most 3 days per occasion');
  });

  it('egenmelding days of an absence that ended 15 days before count with (2 + 2 > 3)', () => {
    // earlier egenmelding Nov 1–2; gap Nov 3–17 = 15 days; request Nov 18–19
    const r = check('2025-11-18', '2025-11-19', {
      earlierAbsences: [p('2025-11-01', '2025-11-02', 'egenmelding')],
    });
    expect(r.allowed).toBe(false);
    expect(r.facts.occasionDays).toBe(4);
    expect(r.reasons[0]?.nb).toContain(
      'og 2 dager med egenmelding i fraværet som begynte 01.11.2025 telles med',
    );
  });

  it('… but not when 16 days have passed', () => {
    // gap Nov 3–18 = 16 days; request Nov 19–20
    const r = check('2025-11-19', '2025-11-20', {
      earlierAbsences: [p('2025-11-01', '2025-11-02', 'egenmelding')],
    });
    expect(r.allowed).toBe(true);
    expect(r.facts.occasionDays).toBe(2);
  });

  it('the chain is followed through a sykmelding in between', () => {
    // egenmelding Oct 1 (1 day), gap 9, sykmelding Oct 11–20, gap 10, request Oct 31 – Nov 1 (2): 1 + 2 = 3 → allowed
    const r = check('2025-10-31', '2025-11-01', {
      earlierAbsences: [p('2025-10-01', '2025-10-01', 'egenmelding'), p('2025-10-11', '2025-10-20')],
    });
    expect(r.facts.occasionDays).toBe(3);
    expect(codes(r)).toEqual(['INNENFOR_REGELEN']);
  });
});

describe('other rules', () => {
  it('egenmelding cannot be graded', () => {
    const r = check('2025-11-17', '2025-11-18', {}, 50);
    expect(r.allowed).toBe(false);
    expect(codes(r)).toEqual(['GRADERT']);
    expect(r.reasons[0]?.nb).toContain('kan ikke være gradert (50 %)');
    expect(check('2025-11-17', '2025-11-18', {}, 100).allowed).toBe(true);
  });

  it('ftrl § 8-24 (1): two months of employment (started 2025-09-15 → from 2025-11-15)', () => {
    const r = check('2025-11-14', '2025-11-14', { employmentStart: '2025-09-15' });
    expect(codes(r)).toEqual(['ANSETTELSESTID']);
    expect(r.reasons[0]?.nb).toContain('altså fra 15.11.2025');
    expect(check('2025-11-15', '2025-11-15', { employmentStart: '2025-09-15' }).allowed).toBe(true);
  });

  it('a custom policy without the employment condition', () => {
    const policy = customEgenmeldingPolicy({
      maxDaysPerOccasion: 3,
      maxDaysPer12Months: null,
      maxOccasionsPer12Months: 4,
      minEmploymentMonths: 0,
    });
    expect(check('2025-11-14', '2025-11-14', { employmentStart: '2025-11-01', policy }).allowed).toBe(true);
  });

  it('an egenmelding cannot start after today', () => {
    expect(codes(check('2025-11-23', '2025-11-24'))).toEqual(['FREMTIDIG']);
    expect(check('2025-11-22', '2025-11-24').allowed).toBe(true); // starts today, may run on
  });

  it('egenmelding only inside the AGP: 14 sick days 5 days before + 3 > 16', () => {
    const r = check('2025-11-20', '2025-11-22', {
      policy: egenmeldingPolicy('agp'),
      earlierAbsences: [p('2025-11-01', '2025-11-14')],
    });
    expect(codes(r)).toEqual(['UTENFOR_ARBEIDSGIVERPERIODEN']);
  });

  it('agp preset: 16 days allowed, 17 refused', () => {
    const agp = egenmeldingPolicy('agp');
    expect(check('2025-11-01', '2025-11-16', { policy: agp }).allowed).toBe(true);
    expect(codes(check('2025-11-01', '2025-11-17', { policy: agp }))).toEqual([
      'DAGER_PER_GANG',
      'UTENFOR_ARBEIDSGIVERPERIODEN',
    ]);
  });
});

describe('rolling 12 months', () => {
  // Four earlier occasions, each more than 16 days apart, within the 12 months before 2025-11-17.
  const four = [
    p('2025-01-06', '2025-01-07', 'egenmelding'),
    p('2025-03-03', '2025-03-05', 'egenmelding'),
    p('2025-06-02', '2025-06-02', 'egenmelding'),
    p('2025-09-01', '2025-09-03', 'egenmelding'),
  ];

  it('the fifth occasion in 12 months is flagged, not refused', () => {
    const r = check('2025-11-17', '2025-11-18', { earlierAbsences: four });
    expect(r.allowed).toBe(true);
    expect(r.facts.occasionsLast12Months).toBe(5);
    expect(r.flags.map((f) => f.code)).toEqual(['MANGE_GANGER']);
    expect(r.flags[0]?.nb).toContain('Dette er 5. gang med egenmelding siden 17.11.2024');
    expect(r.flags[0]?.nb).toContain('Systemet avgjør ikke dette.');
  });

  it('an occasion older than 12 months does not count (window from 2024-11-17)', () => {
    const older = [p('2024-11-15', '2024-11-16', 'egenmelding'), ...four.slice(1)];
    const r = check('2025-11-17', '2025-11-18', { earlierAbsences: older });
    expect(r.facts.occasionsLast12Months).toBe(4);
    expect(r.flags).toEqual([]);
  });

  it('a request continuing the last occasion is not a new occasion', () => {
    const r = check('2025-09-10', '2025-09-10', { earlierAbsences: four, today: '2025-09-10' });
    // Sep 1–3 + Sep 10: gap 6 days → same occasion (3 + 1 = 4 > 3 days: refused, but not a 5th occasion)
    expect(r.facts.occasionsLast12Months).toBe(4);
    expect(codes(r)).toEqual(['DAGER_PER_GANG']);
  });

  it('extended: 24 days per 12 months (2 + 3 + 1 + 3 = 9 earlier, + 8 = 17 ok; with 16 earlier + 8 = 24 ok, + 9 refused)', () => {
    const extended = egenmeldingPolicy('extended');
    expect(check('2025-11-15', '2025-11-22', { policy: extended, earlierAbsences: four }).allowed).toBe(true);
    const more = [...four, p('2025-10-01', '2025-10-07', 'egenmelding')]; // 9 + 7 = 16
    const ok = check('2025-11-15', '2025-11-22', { policy: extended, earlierAbsences: more });
    expect(ok.facts.daysLast12Months).toBe(24);
    expect(ok.allowed).toBe(true);
    const tooMany = [...more, p('2025-10-20', '2025-10-20', 'egenmelding')];
    const r = check('2025-11-15', '2025-11-22', { policy: extended, earlierAbsences: tooMany });
    expect(codes(r)).toEqual(['DAGER_PER_12_MANEDER']);
    expect(r.reasons[0]?.nb).toContain('25 dager med egenmelding siden 15.11.2024');
  });
});
