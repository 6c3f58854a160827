/**
 * The organisation's routine for sick-leave follow-up (rutine): the tasks of the mission digest's
 * timeline, each with a responsible role and a due date relative to an anchor, and the concrete
 * task instances of one case. Pure: no I/O, no clock (`today` is a parameter). Tasks are derived,
 * like milestones; only "done" is stored.
 */
import { addDays, type IsoDate } from '../calendar/index.ts';
import { PAAMINNELSE_DAGER_FOR } from './constants.ts';
import type { FollowUp, MilestoneKey, Text } from './types.ts';

export const ROUTINE_ROLES = ['leder', 'hr', 'ansatt'] as const;
export type RoutineRole = (typeof ROUTINE_ROLES)[number];

export const ROUTINE_ANCHORS = ['caseStart', 'milestone', 'caseEnd', 'agpEnd'] as const;
/**
 * caseStart: the first day of absence; milestone: a milestone's due date; caseEnd: return to work;
 * agpEnd: the last (16th) day of the case's arbeidsgiverperiode (ftrl § 8-19), when it has one.
 */
export type RoutineAnchor = (typeof ROUTINE_ANCHORS)[number];

/** Stable task ids: lower-case letters, digits and hyphens. */
export const ROUTINE_TASK_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** Occurrences of weekly tasks are generated up to today + this many days. */
export const REPEAT_HORIZON_DAYS = 14;

export interface RoutineTask {
  id: string;
  title: Text;
  responsible: RoutineRole;
  anchor: RoutineAnchor;
  /** Required when `anchor` is `milestone`: the milestone the task belongs to and is dated from. */
  milestone?: MilestoneKey | undefined;
  /** Days after (negative: before) the anchor. */
  offsetDays: number;
  /** Weekly: one occurrence every 7 days from the first, while the case lasts (only with caseStart). */
  repeat?: 'weekly' | undefined;
}

/** The routine of the mission digest (the NAV routine), version 1 of every organisation. */
export const DEFAULT_ROUTINE: readonly RoutineTask[] = [
  {
    id: 'kontakt',
    title: {
      nb: 'Ta kontakt med den ansatte og avklar forventet lengde på fraværet',
      en: 'Contact the employee and clarify the expected length of the absence',
    },
    responsible: 'leder',
    anchor: 'caseStart',
    offsetDays: 2,
  },
  {
    id: 'brev-sykmelder',
    title: {
      nb: 'Send brev til legen om arbeidsoppgavene og tilrettelegging som kan tilbys',
      en: 'Send a letter to the doctor about the job and the adapted work on offer',
    },
    responsible: 'leder',
    anchor: 'caseStart',
    offsetDays: 7,
  },
  {
    id: 'avtal-mote',
    title: { nb: 'Avtal et møte med den ansatte', en: 'Agree a meeting with the employee' },
    responsible: 'leder',
    anchor: 'caseStart',
    offsetDays: 14,
  },
  {
    // ftrl § 8-17 / § 8-19: NAV pays sykepenger from day 17, after the 16 days of the
    // arbeidsgiverperiode; the employer reports the AGP and the income in the inntektsmelding
    // (ftrl § 21-3) to get the sykepenger refunded (or paid to the employee).
    // DECISION: due on the first day after the AGP (offset +1), the day NAV takes over: the
    // inntektsmelding cannot be complete before the AGP is, and NAV's case waits for it from then.
    // HR by default: payroll/HR send it in most organisations; the routine editor can change it.
    id: 'inntektsmelding',
    title: {
      nb: 'Send inntektsmelding til NAV (arbeidsgiverperioden er over)',
      en: 'Send the income report (inntektsmelding) to NAV (the employer period is over)',
    },
    responsible: 'hr',
    anchor: 'agpEnd',
    offsetDays: 1,
  },
  {
    id: 'oppfolgingsplan',
    title: {
      nb: 'Lag oppfølgingsplanen sammen med den ansatte',
      en: 'Make the follow-up plan together with the employee',
    },
    responsible: 'leder',
    anchor: 'milestone',
    milestone: 'oppfolgingsplan',
    offsetDays: 0,
  },
  {
    id: 'plan-til-sykmelder',
    title: { nb: 'Send oppfølgingsplanen til sykmelder', en: 'Send the follow-up plan to the doctor' },
    responsible: 'leder',
    anchor: 'milestone',
    milestone: 'oppfolgingsplan',
    offsetDays: 0,
  },
  {
    id: 'innkall-dialogmote1',
    title: { nb: 'Kall inn til dialogmøte 1', en: 'Invite to dialogue meeting 1' },
    responsible: 'leder',
    anchor: 'milestone',
    milestone: 'dialogmote1',
    offsetDays: -14,
  },
  {
    id: 'ukentlig-kontakt',
    title: { nb: 'Ukentlig kontakt med den ansatte', en: 'Weekly contact with the employee' },
    responsible: 'leder',
    anchor: 'caseStart',
    offsetDays: 7,
    repeat: 'weekly',
  },
  {
    id: 'plan-til-nav',
    title: {
      nb: 'Oppdater oppfølgingsplanen og send den til NAV før dialogmøte 2',
      en: 'Update the follow-up plan and send it to NAV before dialogue meeting 2',
    },
    responsible: 'leder',
    anchor: 'milestone',
    milestone: 'dialogmote2',
    offsetDays: -7,
  },
  {
    id: 'minn-om-aap',
    title: {
      nb: 'Minn den ansatte på å søke arbeidsavklaringspenger (AAP) i god tid',
      en: 'Remind the employee to apply for work assessment allowance (AAP) in good time',
    },
    responsible: 'hr',
    anchor: 'milestone',
    milestone: 'aap',
    offsetDays: 0,
  },
  {
    id: 'frisksamtale',
    title: {
      nb: 'Frisksamtale når den ansatte er tilbake',
      en: 'Return-to-work conversation (frisksamtale)',
    },
    responsible: 'leder',
    anchor: 'caseEnd',
    offsetDays: 1,
  },
];

/**
 * What `tasksForCase` needs of a case: the follow-up's dates and milestones, and the end of its
 * arbeidsgiverperiode (`caseAgpEnd` of the plan).
 */
export type TaskCase = Pick<FollowUp, 'caseStart' | 'caseEnd' | 'milestones'> & {
  /**
   * The last day of the case's arbeidsgiverperiode once it is complete (16 days, ftrl § 8-19) or its
   * end was confirmed/overridden by the employer; null while it runs or when the case has none.
   */
  agpEnd: IsoDate | null;
};

/** One concrete task of a case. `key` is stable: the task id, plus `@date` for weekly occurrences. */
export interface TaskInstance {
  key: string;
  taskId: string;
  title: Text;
  responsible: RoutineRole;
  milestone: MilestoneKey | null;
  due: IsoDate;
}

/** The key of a task occurrence (`ukentlig-kontakt@2025-01-13`). */
export function taskKey(taskId: string, occurrence?: IsoDate): string {
  return occurrence === undefined ? taskId : `${taskId}@${occurrence}`;
}

/**
 * The tasks of the latest case, sorted by due date (then routine order):
 * - `caseStart` tasks: S + offset (a weekly task: every 7 days from there while ≤ the case's last
 *   day and ≤ today + 14);
 * - `milestone` tasks: the milestone's due date + offset; none when the milestone is `not-required`
 *   or has no date. DECISION: tasks of informational milestones (the AAP reminder) only in cases long
 *   enough for dialogmøte 2 (≥ S+119): a short absence has nothing to do with AAP;
 * - `caseEnd` tasks (frisksamtale): the case's last day + offset, only once the case has ended
 *   (its last day is before today);
 * - `agpEnd` tasks (inntektsmelding): the AGP's last day + offset, only when the case has an AGP that
 *   ends (`plan.agpEnd`): a case shorter than 16 days, or one whose AGP lies in an earlier case
 *   (ftrl § 8-19 (3)), has none. Known ahead (a sykmelding registered into the future completes it),
 *   so it is listed like a caseStart task, not held back until the day.
 */
export function tasksForCase(
  routine: readonly RoutineTask[],
  plan: TaskCase,
  today: IsoDate,
): TaskInstance[] {
  const out: (TaskInstance & { order: number })[] = [];
  const S = plan.caseStart;
  const E = plan.caseEnd;
  const byKey = new Map(plan.milestones.map((m) => [m.key, m]));
  const longCase = byKey.get('dialogmote2')?.status === 'required';
  routine.forEach((t, order) => {
    const base = {
      taskId: t.id,
      title: t.title,
      responsible: t.responsible,
      milestone: t.anchor === 'milestone' ? (t.milestone ?? null) : null,
      order,
    };
    if (t.anchor === 'caseStart') {
      const first = addDays(S, t.offsetDays);
      if (t.repeat !== 'weekly') {
        out.push({ ...base, key: taskKey(t.id), due: first });
        return;
      }
      const horizon = addDays(today, REPEAT_HORIZON_DAYS);
      for (let d = first; d <= E && d <= horizon; d = addDays(d, 7)) {
        out.push({ ...base, key: taskKey(t.id, d), due: d });
      }
      return;
    }
    if (t.anchor === 'caseEnd') {
      if (E < today) out.push({ ...base, key: taskKey(t.id), due: addDays(E, t.offsetDays) });
      return;
    }
    if (t.anchor === 'agpEnd') {
      if (plan.agpEnd !== null)
        out.push({ ...base, key: taskKey(t.id), due: addDays(plan.agpEnd, t.offsetDays) });
      return;
    }
    const m = t.milestone === undefined ? undefined : byKey.get(t.milestone);
    if (m === undefined || m.due === null || m.status === 'not-required') return;
    if (m.status === 'informational' && !longCase) return;
    out.push({ ...base, key: taskKey(t.id), due: addDays(m.due, t.offsetDays) });
  });
  out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.order - b.order));
  return out.map(({ order: _order, ...rest }) => rest);
}

/**
 * The open tasks worth showing (in "Mine oppgaver") and reminding of (the sweep): every one-off task,
 * and of a repeating task (weekly contact) only the latest missed occurrence and the next one.
 * `open` are tasks not done, sorted by due date as `tasksForCase` gives them; the order is kept.
 *
 * DECISION: last month's missed calls cannot be made up, and twenty rows (or twenty reminders) of
 * them would bury what matters. The case page still lists every occurrence.
 */
export function collapseRepeating<T extends Pick<TaskInstance, 'key' | 'taskId' | 'due'>>(
  open: readonly T[],
  today: IsoDate,
): T[] {
  const shown = new Set<string>();
  const lastMissed = new Map<string, string>();
  const next = new Map<string, string>();
  for (const t of open) {
    if (t.key === t.taskId) shown.add(t.key);
    else if (t.due < today) lastMissed.set(t.taskId, t.key);
    else if (!next.has(t.taskId)) next.set(t.taskId, t.key);
  }
  for (const k of [...lastMissed.values(), ...next.values()]) shown.add(k);
  return open.filter((t) => shown.has(t.key));
}

/**
 * Product default: reminders 14 days before and on the due date — for a routine task or
 * an agreed action (oppfølgingsplan, dialogmøte, samtalereferat) as for a milestone. No shifting for
 * weekends or holidays (§4.1).
 */
export function dueReminderDates(due: IsoDate): IsoDate[] {
  return [addDays(due, -PAAMINNELSE_DAGER_FOR), due];
}

/**
 * §11.6 for a routine task. DECISION: an occurrence of a repeating (weekly) task is reminded on its
 * day only: a reminder 14 days ahead would arrive before the two occurrences in between, and the
 * sweep reminds only of the occurrences `collapseRepeating` keeps.
 */
export function taskReminderDates(task: Pick<TaskInstance, 'key' | 'taskId' | 'due'>): IsoDate[] {
  return task.key !== task.taskId ? [task.due] : dueReminderDates(task.due);
}
