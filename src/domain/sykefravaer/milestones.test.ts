import { describe, expect, it } from 'vitest';
import { beregnPlan } from './plan.ts';
import { p } from './test-support.ts';
import type { FollowUp, MilestoneKey, PlanInput } from './types.ts';

function followUp(input: PlanInput): FollowUp {
  const f = beregnPlan(input).followUp;
  if (f === null) throw new Error('expected a follow-up');
  return f;
}
function m(f: FollowUp, key: MilestoneKey) {
  const found = f.milestones.find((x) => x.key === key);
  if (found === undefined) throw new Error(`no milestone ${key}`);
  return found;
}
const statusOf = (periods: PlanInput['periods'], key: MilestoneKey) => m(followUp({ periods }), key).status;

describe('§4.3 worked example: continuous 100 % from Mon 2025-01-06', () => {
  const f = followUp({ periods: [p('2025-01-06', '2026-03-31')] });

  it('has exactly the nine keys, in the order of §11.4', () => {
    expect(f.milestones.map((x) => x.key)).toEqual([
      'oppfolgingsplan',
      'dialogmote1',
      'aktivitetsplikt',
      'motebehov',
      'oppfolgingsplanTilNav',
      'dialogmote2',
      'aap',
      'maksdato',
      'oppsigelsesvern',
    ]);
    expect(f.caseStart).toBe('2025-01-06');
  });

  // S = 2025-01-06; due(N) = S + 7N − 1; reminders = due − 14 and due.
  it.each([
    // key, from, due, status, reminders, legal basis
    ['oppfolgingsplan', undefined, '2025-02-02', 'required', ['2025-01-19', '2025-02-02'], 'aml § 4-6 (3)'], // S+27
    ['dialogmote1', undefined, '2025-02-23', 'required', ['2025-02-09', '2025-02-23'], 'aml § 4-6 (4)'], // S+48
    ['aktivitetsplikt', undefined, '2025-03-02', 'required', ['2025-02-16', '2025-03-02'], 'ftrl § 8-8 (2)'], // S+55
    ['motebehov', '2025-04-28', '2025-07-06', 'informational', [], 'ftrl § 8-7a'], // S+112 … S+181
    [
      'oppfolgingsplanTilNav',
      undefined,
      '2025-06-29',
      'required',
      ['2025-06-15', '2025-06-29'],
      'aml § 4-6 (3)',
    ], // S+181−7
    ['dialogmote2', undefined, '2025-07-06', 'required', ['2025-06-22', '2025-07-06'], 'ftrl § 8-7a'], // S+181
    ['aap', undefined, '2025-10-10', 'informational', [], 'ftrl kap. 11'], // 2026-01-02 − 84
    ['maksdato', undefined, '2026-01-02', 'informational', [], 'ftrl § 8-12'],
    ['oppsigelsesvern', undefined, '2026-01-05', 'informational', [], 'aml § 15-8 (1)'],
  ] as const)('%s', (key, from, due, status, reminders, legalBasis) => {
    const x = m(f, key);
    expect(x.from).toBe(from);
    expect(x.due).toBe(due);
    expect(x.status).toBe(status);
    expect(x.reminders).toEqual(reminders);
    expect(x.legalBasis).toBe(legalBasis);
  });

  it('top-level dates: maksdato 2026-01-02, § 15-8 through 2026-01-05, AGP Jan 6–21', () => {
    expect(f.maksdato).toBe('2026-01-02');
    expect(f.oppsigelsesvernTil).toBe('2026-01-05');
    expect(beregnPlan({ periods: [p('2025-01-06', '2026-03-31')] }).arbeidsgiverperioder).toEqual([
      { start: '2025-01-06', end: '2025-01-21', days: 16 },
    ]);
  });

  it('explanations give concrete dates, never "innen N uker"', () => {
    expect(m(f, 'oppfolgingsplan').explanation.nb).toContain(
      'Oppfølgingsplanen skal være laget senest søndag 2. februar 2025 — den ansatte har da vært borte i 4 uker.',
    );
    expect(m(f, 'oppfolgingsplan').explanation.en).toContain('by Sunday 2 February 2025');
    expect(m(f, 'dialogmote1').explanation.nb).toContain('senest søndag 23. februar 2025');
    expect(m(f, 'motebehov').explanation.nb).toContain('Mellom mandag 28. april 2025 og søndag 6. juli 2025');
    expect(m(f, 'maksdato').explanation.nb).toContain('fredag 2. januar 2026');
    expect(m(f, 'oppsigelsesvern').explanation.nb).toContain('til og med mandag 5. januar 2026');
    for (const x of f.milestones) {
      expect(x.explanation.nb).not.toMatch(/innen \d+ uker/);
      expect(x.explanation.nb.length).toBeGreaterThan(20);
      expect(x.explanation.en.length).toBeGreaterThan(20);
    }
  });
});

describe('§11.4 status rules at their boundaries (S = Mon 2025-01-06)', () => {
  it('oppfolgingsplan: E = S+26 (2025-02-01) not required; E = S+27 (2025-02-02) required', () => {
    expect(statusOf([p('2025-01-06', '2025-02-01')], 'oppfolgingsplan')).toBe('not-required');
    expect(statusOf([p('2025-01-06', '2025-02-02')], 'oppfolgingsplan')).toBe('required');
  });

  it('dialogmote1: E = 2025-02-22 not required; E = 2025-02-23 required with a 100 % day', () => {
    expect(statusOf([p('2025-01-06', '2025-02-22')], 'dialogmote1')).toBe('not-required');
    expect(statusOf([p('2025-01-06', '2025-02-23')], 'dialogmote1')).toBe('required');
  });

  it('dialogmote1 is conditional when every day is graded, required with one egenmelding day', () => {
    expect(statusOf([p('2025-01-06', '2025-03-31', 'sykmelding', 50)], 'dialogmote1')).toBe('conditional');
    expect(
      statusOf(
        [p('2025-01-06', '2025-01-06', 'egenmelding'), p('2025-01-07', '2025-03-31', 'sykmelding', 50)],
        'dialogmote1',
      ),
    ).toBe('required');
    expect(
      statusOf(
        [p('2025-01-06', '2025-01-19'), p('2025-01-20', '2025-03-31', 'sykmelding', 50)],
        'dialogmote1',
      ),
    ).toBe('required');
  });

  it('aktivitetsplikt: 55 sick days not required, 56 required (continuous from S: E = 2025-03-01 / 03-02)', () => {
    expect(statusOf([p('2025-01-06', '2025-03-01')], 'aktivitetsplikt')).toBe('not-required');
    expect(statusOf([p('2025-01-06', '2025-03-02')], 'aktivitetsplikt')).toBe('required');
  });

  it('aktivitetsplikt counts sick days, not calendar days', () => {
    // Jan 6–31 (26) + gap Feb 1–10 + Feb 11 … Mar 11 (18 + 11 = 29) = 55 sick days over 65 calendar days
    expect(statusOf([p('2025-01-06', '2025-01-31'), p('2025-02-11', '2025-03-11')], 'aktivitetsplikt')).toBe(
      'not-required',
    );
    // … to Mar 12: 56
    expect(statusOf([p('2025-01-06', '2025-01-31'), p('2025-02-11', '2025-03-12')], 'aktivitetsplikt')).toBe(
      'required',
    );
  });

  it('aktivitetsplikt is met-graded when graded on the last day; graded-only cases too', () => {
    expect(
      statusOf(
        [p('2025-01-06', '2025-01-31'), p('2025-02-01', '2025-03-31', 'sykmelding', 50)],
        'aktivitetsplikt',
      ),
    ).toBe('met-graded');
    const f = followUp({ periods: [p('2025-01-06', '2025-03-31', 'sykmelding', 40)] });
    expect(m(f, 'aktivitetsplikt').status).toBe('met-graded');
    expect(m(f, 'aktivitetsplikt').reminders).toEqual([]);
    expect(m(f, 'dialogmote1').reminders).toEqual(['2025-02-09', '2025-02-23']); // conditional has reminders
  });

  it('dialogmote2 and oppfolgingsplanTilNav: E = S+118 (2025-05-04) not required; S+119 (2025-05-05) required', () => {
    const before = followUp({ periods: [p('2025-01-06', '2025-05-04')] });
    expect([m(before, 'dialogmote2').status, m(before, 'oppfolgingsplanTilNav').status]).toEqual([
      'not-required',
      'not-required',
    ]);
    expect(m(before, 'dialogmote2').explanation.nb).toContain('mandag 5. mai 2025');
    const on = followUp({ periods: [p('2025-01-06', '2025-05-05')] });
    expect([m(on, 'dialogmote2').status, m(on, 'oppfolgingsplanTilNav').status]).toEqual([
      'required',
      'required',
    ]);
  });

  it('the NAV meeting date moves oppfolgingsplanTilNav to the meeting − 7 days', () => {
    const f = followUp({ periods: [p('2025-01-06', '2025-07-31')], dialogmote2Date: '2025-06-10' });
    expect(m(f, 'oppfolgingsplanTilNav').due).toBe('2025-06-03');
    expect(m(f, 'oppfolgingsplanTilNav').reminders).toEqual(['2025-05-20', '2025-06-03']);
    expect(m(f, 'oppfolgingsplanTilNav').explanation.nb).toContain('tirsdag 10. juni 2025');
    expect(m(f, 'dialogmote2').due).toBe('2025-07-06');
  });
});

describe('§11.4: milestones come back when the case re-opens', () => {
  it('a case that ended at S+14 has no plan duty; a sick note 15 days later brings back the deadline from S', () => {
    const short = followUp({ periods: [p('2025-01-06', '2025-01-20')] });
    expect(m(short, 'oppfolgingsplan').status).toBe('not-required');
    // E = Jan 20; a new sick day by Jan 20 + 16 = Wed Feb 5 re-opens the case
    expect(m(short, 'oppfolgingsplan').explanation.nb).toContain('senest onsdag 5. februar 2025');

    // gap Jan 21 … Feb 4 = 15 days → same case; the due date is still S+27 = 2025-02-02 (already past)
    const reopened = followUp({ periods: [p('2025-01-06', '2025-01-20'), p('2025-02-05', '2025-02-28')] });
    expect(reopened.caseStart).toBe('2025-01-06');
    expect(m(reopened, 'oppfolgingsplan')).toMatchObject({ due: '2025-02-02', status: 'required' });
  });

  it('16 days later it is a new case with its own dates', () => {
    const f = followUp({ periods: [p('2025-01-06', '2025-01-20'), p('2025-02-06', '2025-03-31')] });
    expect(f.caseStart).toBe('2025-02-06');
    expect(m(f, 'oppfolgingsplan').due).toBe('2025-03-05'); // Feb 6 + 27
  });
});

describe('year boundaries and weekend starts', () => {
  it('S = Mon 2025-12-15', () => {
    const f = followUp({ periods: [p('2025-12-15', '2026-02-28')] });
    expect(m(f, 'oppfolgingsplan').due).toBe('2026-01-11'); // Dec 15 + 27
    expect(m(f, 'oppfolgingsplan').reminders).toEqual(['2025-12-28', '2026-01-11']);
    expect(m(f, 'dialogmote1').due).toBe('2026-02-01'); // + 48
    expect(m(f, 'aktivitetsplikt').due).toBe('2026-02-08'); // + 55
    expect(m(f, 'motebehov')).toMatchObject({ from: '2026-04-06', due: '2026-06-14' }); // + 112, + 181
    expect(f.oppsigelsesvernTil).toBe('2026-12-14');
  });

  it('S = Sat 2025-01-04: every date counts from the Saturday (never moved for weekends)', () => {
    const f = followUp({ periods: [p('2025-01-04', '2025-03-31')] });
    expect(f.caseStart).toBe('2025-01-04');
    expect(m(f, 'oppfolgingsplan').due).toBe('2025-01-31'); // Jan 4 + 27
    expect(m(f, 'dialogmote1').due).toBe('2025-02-21'); // Jan 4 + 48
    expect(f.oppsigelsesvernTil).toBe('2026-01-03');
  });

  it('S = Thu 2024-02-29: § 15-8 through 2025-02-28', () => {
    expect(followUp({ periods: [p('2024-02-29', '2024-04-30')] }).oppsigelsesvernTil).toBe('2025-02-28');
  });

  it('S = Fri 2025-01-31: § 15-8 through 2026-01-30', () => {
    expect(followUp({ periods: [p('2025-01-31', '2025-03-31')] }).oppsigelsesvernTil).toBe('2026-01-30');
  });
});

describe('followUp is about the latest case', () => {
  it('two cases: milestones count from the second', () => {
    const plan = beregnPlan({
      periods: [p('2025-01-06', '2025-03-31'), p('2025-06-02', '2025-06-06', 'egenmelding')],
    });
    expect(plan.cases).toHaveLength(2);
    expect(plan.followUp?.caseStart).toBe('2025-06-02');
    expect(plan.followUp?.milestones.find((x) => x.key === 'oppfolgingsplan')?.status).toBe('not-required');
  });
});
