import { describe, expect, it } from 'vitest';
import { beregnPlan } from './plan.ts';
import {
  collapseRepeating,
  DEFAULT_ROUTINE,
  dueReminderDates,
  type RoutineTask,
  taskReminderDates,
  tasksForCase,
} from './rutine.ts';
import { p } from './test-support.ts';
import type { FollowUp } from './types.ts';

function followUp(...periods: ReturnType<typeof p>[]): FollowUp {
  const f = beregnPlan({ periods }).followUp;
  if (f === null) throw new Error('no case');
  return f;
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
