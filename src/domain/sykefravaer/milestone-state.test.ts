import { describe, expect, it } from 'vitest';
import { type MilestoneDone, type MilestoneException, milestoneStates } from './milestone-state.ts';
import { beregnPlan } from './plan.ts';
import { p } from './test-support.ts';
import type { FollowUp } from './types.ts';

// §4.3 case: oppfolgingsplan due 2025-02-02, dialogmote1 2025-02-23, aktivitetsplikt 2025-03-02.
function plan(): FollowUp {
  const f = beregnPlan({ periods: [p('2025-01-06', '2026-03-31')] }).followUp;
  if (f === null) throw new Error('expected a follow-up');
  return f;
}
const leader = { userId: 'u-17', displayName: 'Kari Leder' };

function stateOf(today: string, key: string, records = {}) {
  const s = milestoneStates(plan(), records, today).find((x) => x.key === key);
  if (s === undefined) throw new Error(`no ${key}`);
  return s;
}

describe('milestoneStates: by days left (oppfolgingsplan due Sun 2025-02-02)', () => {
  it.each([
    ['2025-01-18', 'upcoming', 15],
    ['2025-01-19', 'due-soon', 14], // the first reminder day
    ['2025-02-02', 'due-soon', 0],
    ['2025-02-03', 'overdue', -1],
  ])('today %s → %s (%i days left)', (today, state, daysLeft) => {
    const s = stateOf(today, 'oppfolgingsplan');
    expect(s.state).toBe(state);
    expect(s.daysLeft).toBe(daysLeft);
  });

  it('state sentences with concrete dates', () => {
    expect(stateOf('2025-02-05', 'oppfolgingsplan').stateText.nb).toBe(
      'Fristen gikk ut søndag 2. februar 2025, for 3 dager siden.',
    );
    expect(stateOf('2025-02-02', 'oppfolgingsplan').stateText.nb).toBe(
      'Fristen er i dag, søndag 2. februar 2025.',
    );
    expect(stateOf('2025-02-01', 'oppfolgingsplan').stateText.en).toBe(
      'The deadline is Sunday 2 February 2025, in 1 day.',
    );
  });

  it('informational milestones stay informational, with days left', () => {
    const s = stateOf('2025-12-01', 'maksdato');
    expect(s.state).toBe('informational');
    expect(s.daysLeft).toBe(32); // Dec 1 → Jan 2
    expect(stateOf('2025-12-01', 'motebehov').from).toBe('2025-04-28');
  });

  it('not-required stays not-required even when the date has passed', () => {
    const f = beregnPlan({ periods: [p('2025-01-06', '2025-01-20')] }).followUp;
    if (f === null) throw new Error('expected a follow-up');
    expect(milestoneStates(f, {}, '2025-03-01').find((x) => x.key === 'oppfolgingsplan')?.state).toBe(
      'not-required',
    );
  });

  it('motebehov is «ikke aktuelt nå» when dialogmøte 2 is not required, a date to know when it is (ftrl § 8-7a)', () => {
    // Sick 2025-01-06 … 2025-03-31 (84 days): over before NAV's candidate day S+119 (2025-05-05).
    const short = beregnPlan({ periods: [p('2025-01-06', '2025-03-31')] }).followUp;
    if (short === null) throw new Error('expected a follow-up');
    const states = milestoneStates(short, {}, '2025-04-01');
    expect(states.find((x) => x.key === 'dialogmote2')?.state).toBe('not-required');
    const mb = states.find((x) => x.key === 'motebehov');
    expect(mb?.state).toBe('not-required');
    expect(mb?.status).toBe('informational');
    expect(mb?.stateText.nb).toBe('Ikke aktuelt nå.');
    expect(mb?.explanation.nb).toMatch(/dialogmøte 2 ikke er aktuelt/);
    // The long case (to 2026-03-31): dialogmøte 2 required, so NAV's window from 2025-04-28 is shown.
    const long = stateOf('2025-04-01', 'motebehov');
    expect(long.state).toBe('informational');
    expect(long.from).toBe('2025-04-28');
  });

  it('met-graded is informational', () => {
    const f = beregnPlan({ periods: [p('2025-01-06', '2025-03-31', 'sykmelding', 50)] }).followUp;
    if (f === null) throw new Error('expected a follow-up');
    const s = milestoneStates(f, {}, '2025-03-10').find((x) => x.key === 'aktivitetsplikt');
    expect([s?.status, s?.state]).toEqual(['met-graded', 'informational']);
  });
});

describe('§11.5 exceptions and done records', () => {
  const exception: MilestoneException = {
    id: 'ex-1',
    milestoneKey: 'dialogmote1',
    reason: 'Den ansatte er tilbake i full jobb om en uke uten tilrettelegging.',
    decidedBy: leader,
    decidedAt: '2025-02-10',
  };

  it('an exception makes the milestone exempted, with who, when and why', () => {
    const s = stateOf('2025-03-01', 'dialogmote1', { exceptions: [exception] });
    expect(s.state).toBe('exempted');
    expect(s.exception).toEqual(exception);
    expect(s.stateText.nb).toBe(
      'Åpenbart unødvendig, vurdert mandag 10. februar 2025 av Kari Leder: Den ansatte er tilbake i full jobb om en uke uten tilrettelegging.',
    );
  });

  it('exceptions apply only to oppfolgingsplan, dialogmote1 and dialogmote2', () => {
    const bogus = { ...exception, milestoneKey: 'aktivitetsplikt' } as unknown as MilestoneException;
    expect(stateOf('2025-03-10', 'aktivitetsplikt', { exceptions: [bogus] }).state).toBe('overdue');
    const plan2 = { ...exception, milestoneKey: 'oppfolgingsplan' as const };
    expect(stateOf('2025-03-10', 'oppfolgingsplan', { exceptions: [plan2] }).state).toBe('exempted');
  });

  it('records for another case are ignored', () => {
    const old = { ...exception, caseStart: '2024-03-04' };
    expect(stateOf('2025-03-01', 'dialogmote1', { exceptions: [old] }).state).toBe('overdue');
    const current = { ...exception, caseStart: '2025-01-06' };
    expect(stateOf('2025-03-01', 'dialogmote1', { exceptions: [current] }).state).toBe('exempted');
  });

  it('done wins, with when, by whom and the evidence', () => {
    const done: MilestoneDone = {
      id: 'd-1',
      milestoneKey: 'oppfolgingsplan',
      doneAt: '2025-01-30',
      doneBy: leader,
      evidenceRef: 'doc-881',
    };
    const s = stateOf('2025-02-10', 'oppfolgingsplan', {
      done: [done],
      exceptions: [{ ...exception, milestoneKey: 'oppfolgingsplan' }],
    });
    expect(s.state).toBe('done');
    expect(s.done?.evidenceRef).toBe('doc-881');
    expect(s.stateText.nb).toBe('Utført torsdag 30. januar 2025 av Kari Leder.');
  });

  it('the latest record wins', () => {
    const a: MilestoneDone = { id: 'a', milestoneKey: 'dialogmote1', doneAt: '2025-02-01', doneBy: leader };
    const b: MilestoneDone = { id: 'b', milestoneKey: 'dialogmote1', doneAt: '2025-02-20', doneBy: leader };
    expect(stateOf('2025-03-01', 'dialogmote1', { done: [b, a] }).done?.id).toBe('b');
  });

  it('rejects a bad today', () => {
    expect(() => milestoneStates(plan(), {}, '2025-02-30')).toThrow(RangeError);
  });
});
