import { describe, expect, it } from 'vitest';
import { beregnPlan } from './plan.ts';
import { p } from './test-support.ts';
import type { PlanInput } from './types.ts';

function maks(input: PlanInput) {
  const f = beregnPlan(input).followUp;
  if (f === null) throw new Error('expected a follow-up');
  return f;
}

// Reference (§4.3): continuous 100 % from Mon 2025-01-06, AGP Jan 6–21, sykepengedager from Wed Jan 22:
// Jan 22–24 = 3, then 245 = 49 whole weeks from Mon Jan 27 → Fri 2026-01-02 (Jan 27 + 340 days).
describe('ftrl § 8-12 (1): 248 sykepengedager (Mon–Fri after the AGP)', () => {
  it('§4.3: continuous 100 % → maksdato 2026-01-02, known (periods go beyond it)', () => {
    const f = maks({ periods: [p('2025-01-06', '2026-03-31')] });
    expect(f.maksdato).toBe('2026-01-02');
    expect(f.maksdatoForelopig).toBe(false);
    expect(f.maksdatoRegel).toBe('ordinaer');
  });

  it('§4.3 with periods ending early: the same date, provisional', () => {
    const f = maks({ periods: [p('2025-01-06', '2025-01-31')] });
    expect(f.maksdato).toBe('2026-01-02');
    expect(f.maksdatoForelopig).toBe(true);
    // Jan 22–24 (3) + Jan 27–31 (5)
    expect(f.sykepengedagerBrukt).toBe(8);
  });

  it('graded days count whole: 50 % all the way gives the same date', () => {
    expect(maks({ periods: [p('2025-01-06', '2026-03-31', 'sykmelding', 50)] }).maksdato).toBe('2026-01-02');
  });

  it('public holidays are not skipped (17 May, Christmas are counted like any weekday)', () => {
    // Same as §4.3: the date would move if holidays were skipped.
    expect(maks({ periods: [p('2025-01-06', '2025-12-31')] }).maksdato).toBe('2026-01-02');
  });

  it('an unfinished AGP is assumed to run its 16 days first (5 known days → same as §4.3)', () => {
    expect(maks({ periods: [p('2025-01-06', '2025-01-10')] }).maksdato).toBe('2026-01-02');
  });

  it('ferie days are not sykepengedager', () => {
    // Ferie Feb 1–7 directly after the sick days extends the case to Feb 7 but pays nothing; the
    // projection starts Feb 8, so the weekdays Feb 3–7 are not sykepengedager: 2026-01-02 plus 5
    // weekdays (Jan 5 … Jan 9) → Fri 2026-01-09.
    const f = maks({ periods: [p('2025-01-06', '2025-01-31'), p('2025-02-01', '2025-02-07', 'ferie')] });
    expect(f.caseEnd).toBe('2025-02-07');
    expect(f.maksdato).toBe('2026-01-09');
  });

  it('a year-end start: Mon 2025-12-15, AGP to Tue 2025-12-30, 248 weekdays from Wed 2025-12-31', () => {
    // Dec 31, Jan 1, Jan 2 = 3; 245 = 49 weeks from Mon 2026-01-05 → Fri 2026-12-11 (Jan 5 + 340 days)
    expect(maks({ periods: [p('2025-12-15', '2026-01-31')] }).maksdato).toBe('2026-12-11');
  });
});

describe('ftrl § 8-12: earlier cases within 3 years, and the 26-week reset', () => {
  it('an earlier case 84 days before counts: 18 days used → maksdato 18 weekdays earlier, 2025-12-09', () => {
    // Earlier case Mon 2024-09-02 … Sun 2024-10-13, AGP Sep 2–17, sykepengedager Sep 18 … Oct 11:
    // 3 + 5 + 5 + 5 = 18. Current case 2025-01-06 (new AGP after 84 opphold days).
    // 2026-01-02 minus the last 18 weekdays (Jan 2 … Dec 10) → Tue 2025-12-09.
    const f = maks({ periods: [p('2024-09-02', '2024-10-13'), p('2025-01-06', '2025-03-31')] });
    expect(f.maksdato).toBe('2025-12-09');
  });

  // Earlier case Mon 2024-05-20 …: AGP May 20 – Jun 4, sykepengedager from Wed Jun 5.
  it('181 days without sick days do not reset: 24 days used → 2025-12-01', () => {
    // Earlier case ends Mon 2024-07-08; gap Jul 9 … Jan 5 = 181 days. Used: Jun 5–7 (3) + Jun 10 …
    // Jul 5 (20) + Jul 8 (1) = 24. 2026-01-02 minus the last 24 weekdays (Jan 2 … Dec 2) → Mon 2025-12-01.
    const f = maks({ periods: [p('2024-05-20', '2024-07-08'), p('2025-01-06', '2025-03-31')] });
    expect(f.maksdato).toBe('2025-12-01');
  });

  it('182 days without sick days (26 weeks) start the count afresh → 2026-01-02', () => {
    // Earlier case ends Sun 2024-07-07; gap Jul 8 … Jan 5 = 182 days.
    const f = maks({ periods: [p('2024-05-20', '2024-07-07'), p('2025-01-06', '2025-03-31')] });
    expect(f.maksdato).toBe('2026-01-02');
  });

  it('only days from S − 3 years (2022-01-06) count, even when no 26-week gap ever occurred', () => {
    // Case A: 2021-11-01 … 2022-01-30 (AGP Nov 1–16). Single egenmelding days every ~5 months keep
    // the gaps under 182 days but never complete an AGP (no sykepengedager). Counted from case A:
    // Thu 2022-01-06, Fri 01-07, then Jan 10–14, 17–21, 24–28 = 2 + 15 = 17.
    // 2026-01-02 minus the last 17 weekdays (Jan 2 … Dec 11) → Wed 2025-12-10.
    const singles = [
      '2022-06-01',
      '2022-11-01',
      '2023-04-03',
      '2023-09-01',
      '2024-02-01',
      '2024-07-01',
      '2024-11-01',
    ];
    const f = maks({
      periods: [
        p('2021-11-01', '2022-01-30'),
        ...singles.map((d) => p(d, d, 'egenmelding')),
        p('2025-01-06', '2025-03-31'),
      ],
    });
    expect(f.maksdato).toBe('2025-12-10');
  });

  it('rights used up before the case began: the maksdato lies before the case start', () => {
    // Continuous 2024-01-01 (Mon) … 2024-12-31: AGP Jan 1–16, sykepengedager from Wed Jan 17:
    // Jan 17–19 = 3, 245 = 49 weeks from Mon Jan 22 → Fri 2024-12-27 (Jan 22 + 340 days; 2024 is leap).
    // New case 2025-01-20 (gap Jan 1–19 = 19 days, < 182: no reset).
    const f = maks({ periods: [p('2024-01-01', '2024-12-31'), p('2025-01-20', '2025-02-28')] });
    expect(f.caseStart).toBe('2025-01-20');
    expect(f.maksdato).toBe('2024-12-27');
    expect(f.maksdatoForelopig).toBe(false);
    const aap = f.milestones.find((m) => m.key === 'aap');
    expect(aap?.due).toBe('2025-01-20'); // clamped to the case start
    expect(f.milestones.find((m) => m.key === 'maksdato')?.explanation.nb).toContain(
      'før dette fraværet begynte',
    );
  });
});

describe('ftrl § 8-51: 67–70 and 70+', () => {
  it('turning 67 before the case: 60 sykepengedager from Wed 2025-01-22 → Tue 2025-04-15', () => {
    // born 1957-06-01: 67 on 2024-06-01, 70 on 2027-06-01. Jan 22–24 (3) + 11 whole weeks
    // Jan 27 … Apr 11 (55) = 58; Mon Apr 14 is the 59th, Tue Apr 15 the 60th.
    const f = maks({ periods: [p('2025-01-06', '2025-01-31')], birthDate: '1957-06-01' });
    expect(f.maksdato).toBe('2025-04-15');
    expect(f.maksdatoRegel).toBe('over-67');
    expect(f.milestones.find((m) => m.key === 'aap')?.due).toBe('2025-01-21'); // Apr 15 − 84 days
  });

  it('turning 67 during the case: days after the 67th birthday count toward 60 → Fri 2025-06-06', () => {
    // born 1958-03-15: 67 on Sat 2025-03-15. Days after it: from Mon Mar 17; 60 weekdays = 12 weeks
    // → Fri Jun 6 (Mar 17 + 81 days). The 248 rule would give 2026-01-02.
    const f = maks({ periods: [p('2025-01-06', '2025-12-31')], birthDate: '1958-03-15' });
    expect(f.maksdato).toBe('2025-06-06');
    expect(f.maksdatoRegel).toBe('over-67');
    expect(f.maksdatoForelopig).toBe(false);
  });

  it('turning 70 during the case: the last weekday before the 70th birthday', () => {
    // born 1955-03-12: 70 on Wed 2025-03-12 → Tue 2025-03-11 (earlier than the 60-day limit 2025-04-15).
    const f = maks({ periods: [p('2025-01-06', '2025-01-31')], birthDate: '1955-03-12' });
    expect(f.maksdato).toBe('2025-03-11');
    expect(f.maksdatoRegel).toBe('over-70');
  });

  it('a 70th birthday on a Monday moves back to the Friday before', () => {
    // born 1955-03-10: 70 on Mon 2025-03-10 → Fri 2025-03-07
    expect(maks({ periods: [p('2025-01-06', '2025-01-31')], birthDate: '1955-03-10' }).maksdato).toBe(
      '2025-03-07',
    );
  });

  it('70 or older at the case start: maksdato null, no aap date', () => {
    const f = maks({ periods: [p('2025-01-06', '2025-01-31')], birthDate: '1954-01-01' });
    expect(f.maksdato).toBeNull();
    expect(f.maksdatoRegel).toBe('ingen-rett');
    expect(f.milestones.find((m) => m.key === 'maksdato')?.due).toBeNull();
    expect(f.milestones.find((m) => m.key === 'aap')?.due).toBeNull();
  });

  it('turning 70 exactly on the case start: no right', () => {
    expect(maks({ periods: [p('2025-01-06', '2025-01-31')], birthDate: '1955-01-06' }).maksdato).toBeNull();
  });

  it('younger than 67 all the way: the ordinary 248 days', () => {
    const f = maks({ periods: [p('2025-01-06', '2025-01-31')], birthDate: '1980-05-01' });
    expect(f.maksdato).toBe('2026-01-02');
    expect(f.maksdatoRegel).toBe('ordinaer');
  });
});

describe('§11.2 the AGP override moves the maksdato', () => {
  it('AGP confirmed to end Fri 2025-01-17: sykepengedager from Mon Jan 20 → Wed 2025-12-31', () => {
    // Two more weekdays (Jan 20, 21) than in §4.3 → 2026-01-02 moves back two weekdays.
    const f = maks({
      periods: [p('2025-01-06', '2025-01-31')],
      arbeidsgiverperiodeOverrides: [{ caseStart: '2025-01-06', end: '2025-01-17' }],
    });
    expect(f.maksdato).toBe('2025-12-31');
  });

  it('AGP confirmed to end later, Fri 2025-01-24: from Mon Jan 27 → Wed 2026-01-07', () => {
    // Jan 22–24 (3 weekdays) no longer count → 2026-01-02 plus three weekdays (Jan 5, 6, 7).
    const f = maks({
      periods: [p('2025-01-06', '2025-01-31')],
      arbeidsgiverperiodeOverrides: [{ caseStart: '2025-01-06', end: '2025-01-24' }],
    });
    expect(f.maksdato).toBe('2026-01-07');
  });
});
