/**
 * Pure glue between stored periods and the rule engine: how a stored period becomes an engine
 * period, the plan with the stored extra inputs, and small facts about the current case.
 */
import { addDays, diffDays, type IsoDate } from '../calendar/index.ts';
import { ARBEIDSGIVERPERIODE_DAGER } from './constants.ts';
import type { MilestoneDone, MilestoneException, MilestoneRecords } from './milestone-state.ts';
import { beregnPlan, type PlanOptions } from './plan.ts';
import type { FollowUp, Period, PeriodType, PlanArbeidsgiverperiode, PlanOutput } from './types.ts';

/** A period as stored (`absence_period`). */
export interface StoredPeriod {
  type: PeriodType;
  start: IsoDate;
  end: IsoDate;
  /** 1–100 on a sykmelding that is not avventende; null otherwise. */
  grade: number | null;
  avventende: boolean;
}

/**
 * DECISION (avventende sykmelding): the doctor certifies that the employee can work while the
 * employer arranges adapted work (NAV: FULL_AKTIVITET, 0 % sick) — a non-sick day (rules §3, line
 * "Only FULL_AKTIVITET … are non-sick"). It goes to the engine as `behandlingsdager`, the lowest-
 * priority non-sick type: like any sykmelding it yields to egenmelding, a graded sykmelding, ferie
 * and arbeid on the same day (§11.1), and it never opens or extends a case. (`arbeid` would be
 * non-sick too, but would wrongly override an egenmelding or a real sykmelding on the same day.)
 */
export function toEnginePeriod(p: StoredPeriod): Period {
  if (p.type === 'sykmelding') {
    if (p.avventende) return { type: 'behandlingsdager', start: p.start, end: p.end };
    return { type: 'sykmelding', start: p.start, end: p.end, grade: p.grade ?? 100 };
  }
  return { type: p.type, start: p.start, end: p.end };
}

export interface CaseInput {
  periods: readonly StoredPeriod[];
  birthDate: IsoDate | null;
  agpOverrides: readonly { caseStart: IsoDate; end: IsoDate }[];
  /** The NAV meeting date, recorded for the case starting `caseStart`. */
  dialogmote2: { caseStart: IsoDate; date: IsoDate } | null;
}

/**
 * The engine's plan for stored data. The dialogmøte 2 date belongs to one case: it is passed to the
 * engine only while that case is still the latest (a second pass, only when a date is recorded).
 */
export function computePlan(input: CaseInput, options: PlanOptions = {}): PlanOutput {
  const periods = input.periods.map(toEnginePeriod);
  const base = {
    periods,
    ...(input.birthDate === null ? {} : { birthDate: input.birthDate }),
    ...(input.agpOverrides.length === 0 ? {} : { arbeidsgiverperiodeOverrides: [...input.agpOverrides] }),
  };
  const plan = beregnPlan(base, options);
  const meeting = input.dialogmote2;
  if (meeting !== null && plan.followUp !== null && plan.followUp.caseStart === meeting.caseStart) {
    return beregnPlan({ ...base, dialogmote2Date: meeting.date }, options);
  }
  return plan;
}

/**
 * Sick days of the case starting `caseStart` counted up to and including `today`. The engine's
 * `sickDays` counts every registered day, also those of a sykmelding that runs into the future;
 * a leader reading "sykedager" on the case page means the days so far.
 */
export function sickDaysSoFar(periods: readonly StoredPeriod[], caseStart: IsoDate, today: IsoDate): number {
  const clipped = periods
    .filter((p) => p.start <= today)
    .map((p) => toEnginePeriod({ ...p, end: p.end > today ? today : p.end }));
  const found = beregnPlan({ periods: clipped }).cases.find((c) => c.start === caseStart);
  return found?.sickDays ?? 0;
}

/** A case is listed (current or recently ended) while its last day is at most 16 days ago. */
export const RECENT_CASE_DAYS = 16;

export function isCurrentOrRecent(caseEnd: IsoDate, today: IsoDate): boolean {
  return caseEnd >= addDays(today, -RECENT_CASE_DAYS);
}

/**
 * §11.1: 16 consecutive non-sick days close a case. Up to today, the days after the case's last day
 * are non-sick (no data, or non-sick periods), so the case has ended once 16 of them have passed.
 */
export function caseStatus(caseEnd: IsoDate, today: IsoDate): 'ongoing' | 'ended' {
  return diffDays(today, caseEnd) >= RECENT_CASE_DAYS ? 'ended' : 'ongoing';
}

/** The arbeidsgiverperiode of the case: the first that starts inside it, else one running into it. */
export function caseAgp(
  plan: PlanOutput,
  caseStart: IsoDate,
  caseEnd: IsoDate,
): PlanArbeidsgiverperiode | null {
  const own = plan.arbeidsgiverperioder.find((a) => a.start >= caseStart && a.start <= caseEnd);
  if (own) return own;
  const running = plan.arbeidsgiverperioder.filter((a) => a.start < caseStart && a.end >= caseStart);
  return running[running.length - 1] ?? null;
}

/**
 * The last day of the current case's arbeidsgiverperiode (`caseAgp` of the latest case), once it has
 * ended: 16 AGP days reached (ftrl § 8-19 (1)) or its end confirmed/overridden by the employer (who
 * declares it in the inntektsmelding). Null while it runs (fewer than 16 days) or when the case has no
 * AGP of its own or running into it (ftrl § 8-19 (3): a new absence within 16 days of an AGP that
 * ended in an earlier case starts none). The anchor of the routine's `agpEnd` tasks.
 */
export function caseAgpEnd(plan: PlanOutput): IsoDate | null {
  const f = plan.followUp;
  if (f === null) return null;
  const agp = caseAgp(plan, f.caseStart, f.caseEnd);
  if (agp === null) return null;
  return agp.overridden === true || agp.days >= ARBEIDSGIVERPERIODE_DAGER ? agp.end : null;
}

const PRIORITY: Record<PeriodType, number> = {
  behandlingsdager: 1,
  sykmelding: 2,
  egenmelding: 3,
  ferie: 4,
  arbeid: 5,
};

/**
 * The sick grade on `day` with the §11.1 overlap priority (a higher sykmelding grade wins between
 * sykmeldinger): 100 for egenmelding, the grade for sykmelding, null when the day is not a sick day.
 */
export function gradeOn(periods: readonly StoredPeriod[], day: IsoDate): number | null {
  let best: Period | undefined;
  for (const stored of periods) {
    if (stored.start > day || stored.end < day) continue;
    const p = toEnginePeriod(stored);
    if (
      best === undefined ||
      PRIORITY[p.type] > PRIORITY[best.type] ||
      (p.type === best.type && (p.grade ?? 100) > (best.grade ?? 100))
    ) {
      best = p;
    }
  }
  if (best === undefined) return null;
  if (best.type === 'egenmelding') return 100;
  if (best.type === 'sykmelding') return best.grade ?? 100;
  return null;
}

/** A stored milestone record, as the engine's records want it. */
export interface RecordForEngine {
  id: string;
  kind: 'done' | 'exception';
  milestoneKey: MilestoneDone['milestoneKey'];
  caseStart: IsoDate;
  /** The calendar day (Europe/Oslo) it was recorded. */
  recordedOn: IsoDate;
  recordedBy: { userId: string; displayName: string };
  note: string | null;
  reason: string | null;
  evidenceRef: string | null;
}

/** Done/exception records of the current case, for `milestoneStates`. Records of other case starts are dropped. */
export function recordsFor(followUp: FollowUp, records: readonly RecordForEngine[]): MilestoneRecords {
  const done: (MilestoneDone & { note: string | null; evidenceRef: string | null })[] = [];
  const exceptions: MilestoneException[] = [];
  for (const r of records) {
    if (r.caseStart !== followUp.caseStart) continue;
    if (r.kind === 'done') {
      done.push({
        id: r.id,
        milestoneKey: r.milestoneKey,
        caseStart: r.caseStart,
        doneAt: r.recordedOn,
        doneBy: r.recordedBy,
        evidenceRef: r.evidenceRef,
        note: r.note,
      } as MilestoneDone & { note: string | null; evidenceRef: string | null });
    } else if (
      r.milestoneKey === 'oppfolgingsplan' ||
      r.milestoneKey === 'dialogmote1' ||
      r.milestoneKey === 'dialogmote2'
    ) {
      exceptions.push({
        id: r.id,
        milestoneKey: r.milestoneKey,
        caseStart: r.caseStart,
        reason: r.reason ?? '',
        decidedBy: r.recordedBy,
        decidedAt: r.recordedOn,
      });
    }
  }
  return { done, exceptions };
}
