import { describe, expect, it } from 'vitest';
import { beregnPlan } from './plan.ts';
import {
  collapseRepeating,
  DEFAULT_ROUTINE,
  dueReminderDates,
  type RoutineTask,
  type TaskCase,
  taskReminderDates,
  tasksForCase,
} from './rutine.ts';
import { caseAgpEnd } from './stored-case.ts';
import { p } from './test-support.ts';
import type { PlanInput } from './types.ts';

/** The latest case of the plan, as the services pass it to `tasksForCase`. */
function caseOf(input: PlanInput): TaskCase {
  const plan = beregnPlan(input);
  if (plan.followUp === null) throw new Error('no case');
  return { ...plan.followUp, agpEnd: caseAgpEnd(plan) };
}

function followUp(...periods: ReturnType<typeof p>[]): TaskCase {
  return caseOf({ periods });
}

const dueOf = (tasks: ReturnType<typeof tasksForCase>) =>
  Object.fromEntries(tasks.map((t) => [t.key, t.due]));

describe('tasksForCase with the default routine', () => {
  // Monday 6 January 2025, 100 % to 30 June 2025.
  const long = followUp(p('2025-01-06', '2025-06-30'));

  it('dates every task from its anchor', () => {
    const due = dueOf(tasksForCase(DEFAULT_ROUTINE, long, '2025-02-20'));
    expect(due.kontakt).toBe('2025-01-08');
    expect(due['brev-sykmelder']).toBe('2025-01-13');
    expect(due['avtal-mote']).toBe('2025-01-20');
    // AGP 06.01–21.01 (16 days) → the inntektsmelding the day after.
    expect(due.inntektsmelding).toBe('2025-01-22');
    expect(due.oppfolgingsplan).toBe('2025-02-02');
    expect(due['plan-til-sykmelder']).toBe('2025-02-02');
    expect(due['innkall-dialogmote1']).toBe('2025-02-09');
    // dialogmøte 2 due(26) = 2025-07-06 → the plan to NAV a week before.
    expect(due['plan-til-nav']).toBe('2025-06-29');
    const aap = long.milestones.find((m) => m.key === 'aap')?.due;
    expect(due['minn-om-aap']).toBe(aap);
    expect(due.frisksamtale).toBeUndefined();
  });

  it('links tasks to their milestone and sorts them by due date', () => {
    const tasks = tasksForCase(DEFAULT_ROUTINE, long, '2025-02-20');
    expect(tasks.find((t) => t.key === 'innkall-dialogmote1')?.milestone).toBe('dialogmote1');
    expect(tasks.find((t) => t.key === 'kontakt')?.milestone).toBeNull();
    const dues = tasks.map((t) => t.due);
    expect([...dues].sort()).toEqual(dues);
  });

  it('repeats weekly contact every 7 days up to today + 14', () => {
    const weekly = tasksForCase(DEFAULT_ROUTINE, long, '2025-02-20')
      .filter((t) => t.taskId === 'ukentlig-kontakt')
      .map((t) => t.key);
    expect(weekly).toEqual([
      'ukentlig-kontakt@2025-01-13',
      'ukentlig-kontakt@2025-01-20',
      'ukentlig-kontakt@2025-01-27',
      'ukentlig-kontakt@2025-02-03',
      'ukentlig-kontakt@2025-02-10',
      'ukentlig-kontakt@2025-02-17',
      'ukentlig-kontakt@2025-02-24',
      'ukentlig-kontakt@2025-03-03',
    ]);
  });

  it('stops weekly contact when the case ends', () => {
    const short = followUp(p('2025-01-06', '2025-01-24'));
    const weekly = tasksForCase(DEFAULT_ROUTINE, short, '2025-03-01').filter(
      (t) => t.taskId === 'ukentlig-kontakt',
    );
    expect(weekly.map((t) => t.due)).toEqual(['2025-01-13', '2025-01-20']);
  });

  it('gives a short case no oppfølgingsplan, dialogmøte or AAP tasks, and a frisksamtale after return', () => {
    const short = followUp(p('2025-01-06', '2025-01-24'));
    const due = dueOf(tasksForCase(DEFAULT_ROUTINE, short, '2025-01-27'));
    expect(due.oppfolgingsplan).toBeUndefined();
    expect(due['innkall-dialogmote1']).toBeUndefined();
    expect(due['plan-til-nav']).toBeUndefined();
    expect(due['minn-om-aap']).toBeUndefined();
    expect(due.kontakt).toBe('2025-01-08');
    expect(due.frisksamtale).toBe('2025-01-25');
    // While the absence lasts (last known day today or later) there is no frisksamtale yet.
    expect(dueOf(tasksForCase(DEFAULT_ROUTINE, short, '2025-01-24')).frisksamtale).toBeUndefined();
  });

  it('gives a seven-week case DM1 tasks but none for dialogmøte 2', () => {
    const mid = followUp(p('2025-01-06', '2025-03-15'));
    const due = dueOf(tasksForCase(DEFAULT_ROUTINE, mid, '2025-02-01'));
    expect(due['innkall-dialogmote1']).toBe('2025-02-09');
    expect(due['plan-til-nav']).toBeUndefined();
  });

  it('uses an edited routine: reworded, moved, added tasks', () => {
    const routine: RoutineTask[] = [
      { ...DEFAULT_ROUTINE[0]!, offsetDays: 0, title: { nb: 'Ring', en: 'Call' }, responsible: 'hr' },
      {
        id: 'egen',
        title: { nb: 'Egen oppgave', en: 'Own task' },
        responsible: 'ansatt',
        anchor: 'milestone',
        milestone: 'oppfolgingsplan',
        offsetDays: -3,
      },
    ];
    const tasks = tasksForCase(routine, long, '2025-02-20');
    expect(tasks).toEqual([
      {
        key: 'kontakt',
        taskId: 'kontakt',
        title: { nb: 'Ring', en: 'Call' },
        responsible: 'hr',
        milestone: null,
        due: '2025-01-06',
      },
      {
        key: 'egen',
        taskId: 'egen',
        title: { nb: 'Egen oppgave', en: 'Own task' },
        responsible: 'ansatt',
        milestone: 'oppfolgingsplan',
        due: '2025-01-30',
      },
    ]);
  });
});

describe('the inntektsmelding task (ftrl § 8-17, § 8-19)', () => {
  const inntektsmelding = (c: TaskCase, today: string) =>
    tasksForCase(DEFAULT_ROUTINE, c, today).filter((t) => t.taskId === 'inntektsmelding');

  it('is due the day after the 16th AGP day, for HR, outside any milestone', () => {
    // Sick from Monday 05.01.2026 for three weeks: AGP 05.01–20.01 → NAV pays from 21.01.
    const c = followUp(p('2026-01-05', '2026-01-25'));
    expect(c.agpEnd).toBe('2026-01-20');
    expect(inntektsmelding(c, '2026-01-06')).toEqual([
      {
        key: 'inntektsmelding',
        taskId: 'inntektsmelding',
        title: {
          nb: 'Send inntektsmelding til NAV (arbeidsgiverperioden er over)',
          en: 'Send the income report (inntektsmelding) to NAV (the employer period is over)',
        },
        responsible: 'hr',
        milestone: null,
        due: '2026-01-21',
      },
    ]);
    // Sorted among the others: after the meeting (day 14), before the oppfølgingsplan (day 28).
    const keys = tasksForCase(DEFAULT_ROUTINE, c, '2026-01-06')
      .filter((t) => t.key === t.taskId)
      .map((t) => t.key);
    expect(keys.slice(0, 4)).toEqual(['kontakt', 'brev-sykmelder', 'avtal-mote', 'inntektsmelding']);
  });

  it('is not there while the AGP has fewer than 16 days (a 10-day absence)', () => {
    const c = followUp(p('2026-01-05', '2026-01-14'));
    expect(c.agpEnd).toBeNull();
    expect(inntektsmelding(c, '2026-01-30')).toEqual([]);
    // Extended to three weeks, the AGP completes and the task appears.
    expect(
      inntektsmelding(followUp(p('2026-01-05', '2026-01-14'), p('2026-01-15', '2026-01-25')), '2026-01-16'),
    ).toHaveLength(1);
  });

  it('counts the AGP across a short return to work (ftrl § 8-19 (2))', () => {
    // 10 sick days, 11 days at work, then sick again: one case, the AGP's 16th day is 31.01.
    const c = followUp(p('2026-01-05', '2026-01-14'), p('2026-01-26', '2026-02-08'));
    expect(c.agpEnd).toBe('2026-01-31');
    expect(inntektsmelding(c, '2026-02-01').map((t) => t.due)).toEqual(['2026-02-01']);
  });

  it('is not there for a new case inside the 16 days after a finished AGP (ftrl § 8-19 (3))', () => {
    // AGP 05.01–20.01 in the first case; back at work 26.01; sick again 09.02, 15 work days later:
    // a new case for the follow-up, but no new arbeidsgiverperiode — NAV pays from the first day.
    const c = followUp(p('2026-01-05', '2026-01-23'), p('2026-02-09', '2026-02-28'));
    expect(c.caseStart).toBe('2026-02-09');
    expect(c.agpEnd).toBeNull();
    expect(inntektsmelding(c, '2026-02-10')).toEqual([]);
    // Three days later the 16 opphold days have passed: a new AGP, and a new inntektsmelding.
    const later = followUp(p('2026-01-05', '2026-01-23'), p('2026-02-12', '2026-02-28'));
    expect(inntektsmelding(later, '2026-02-13').map((t) => t.due)).toEqual(['2026-02-28']);
  });

  it("follows the employer's confirmed or corrected AGP end", () => {
    const periods = [p('2026-01-05', '2026-01-25')];
    const moved = caseOf({
      periods,
      arbeidsgiverperiodeOverrides: [{ caseStart: '2026-01-05', end: '2026-01-18' }],
    });
    expect(inntektsmelding(moved, '2026-01-06').map((t) => t.due)).toEqual(['2026-01-19']);
    // An override of a case that does not exist is not used: the computed end stays.
    const unused = caseOf({
      periods,
      arbeidsgiverperiodeOverrides: [{ caseStart: '2026-01-06', end: '2026-01-10' }],
    });
    expect(inntektsmelding(unused, '2026-01-06').map((t) => t.due)).toEqual(['2026-01-21']);
  });

  it('uses an edited agpEnd task: other role, other offset', () => {
    const routine: RoutineTask[] = [
      { id: 'im', title: { nb: 'IM', en: 'IM' }, responsible: 'leder', anchor: 'agpEnd', offsetDays: -2 },
    ];
    const tasks = tasksForCase(routine, followUp(p('2026-01-05', '2026-01-25')), '2026-01-06');
    expect(tasks.map((t) => [t.key, t.responsible, t.due])).toEqual([['im', 'leder', '2026-01-18']]);
  });
});

describe('collapseRepeating and the reminder dates of tasks (§11.6)', () => {
  // Monday 6 January 2025, 100 % to 30 June 2025; weekly contact from 13 January.
  const long = followUp(p('2025-01-06', '2025-06-30'));

  it('keeps one-off tasks and, of weekly contact, the latest missed and the next occurrence', () => {
    const today = '2025-02-12';
    const open = tasksForCase(DEFAULT_ROUTINE, long, today).filter(
      (t) => t.key !== 'ukentlig-kontakt@2025-02-17',
    );
    const kept = collapseRepeating(open, today).filter((t) => t.taskId === 'ukentlig-kontakt');
    // 10 February was missed (13 January … 3 February too, but only the latest is kept); 17 February
    // is done (filtered out above), so 24 February is the next open one.
    expect(kept.map((t) => t.key)).toEqual(['ukentlig-kontakt@2025-02-10', 'ukentlig-kontakt@2025-02-24']);
    expect(collapseRepeating(open, today).filter((t) => t.key === t.taskId).length).toBe(
      open.filter((t) => t.key === t.taskId).length,
    );
  });

  it('reminds 14 days before and on the day; a weekly occurrence on its day only', () => {
    expect(dueReminderDates('2025-03-01')).toEqual(['2025-02-15', '2025-03-01']);
    expect(taskReminderDates({ key: 'kontakt', taskId: 'kontakt', due: '2025-01-08' })).toEqual([
      '2024-12-25',
      '2025-01-08',
    ]);
    expect(
      taskReminderDates({
        key: 'ukentlig-kontakt@2025-02-24',
        taskId: 'ukentlig-kontakt',
        due: '2025-02-24',
      }),
    ).toEqual(['2025-02-24']);
  });
});
