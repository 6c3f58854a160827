/**
 * Arbeidsgiverperioder (employer periods) as helse-spleis counts them
 * (sick-leave-rules.md §2.2, product decision §11.2), and the employer's override of an AGP end.
 */
import { type DayNumber, isWeekdayDayNumber } from '../calendar/index.ts';
import { ARBEIDSGIVERPERIODE_DAGER, ARBEIDSGIVERPERIODE_OPPHOLDSDAGER } from './constants.ts';
import type { CaseSpan } from './oppfolgingstilfelle.ts';
import { DAG_FERIE, DAG_INGEN, isSykedag, type Timeline } from './timeline.ts';

export interface AgpSpan {
  /** First AGP day. */
  start: DayNumber;
  /** The 16th AGP day when complete, else the last AGP day so far. */
  end: DayNumber;
  /** Number of AGP days (≤ 16). */
  days: number;
  /** 16 AGP days reached (or confirmed by the employer). */
  complete: boolean;
  overridden: boolean;
  /** Only for an overridden AGP: the end the engine computed, or null when it had none for the case. */
  computedEnd: DayNumber | null;
}

/**
 * A "fridag" in spleis terms: ferie, or a Saturday/Sunday that no period covers (unreported weekend).
 * Fridager directly after sick days are held back until the next non-fridag decides what they were.
 */
function isFridag(kind: number, day: DayNumber): boolean {
  return kind === DAG_FERIE || (kind === DAG_INGEN && !isWeekdayDayNumber(day));
}

/**
 * ftrl § 8-19 as helse-spleis' Arbeidsgiverperiodeteller computes it (§2.2, §11.2):
 * - ftrl § 8-19 (1): each sick day (any grade, weekend included) is an AGP day; the 16th completes it.
 *   A sykmelding that starts on a Saturday starts the AGP on that Saturday (spleis).
 * - ftrl § 8-19 (2): days without sickness (opphold) between absences are not AGP days, but fewer than
 *   16 of them keep the same AGP going.
 * - ftrl § 8-19 (3) / spleis Teller(16): 16 opphold days end the AGP (complete or not); only then
 *   does the next sick day start a new one.
 * - Fridager (unreported weekend, ferie) directly after sick days: in an unfinished AGP they count as
 *   AGP days if a sick day follows and as opphold if a work day follows; after a complete AGP they
 *   are not counted as opphold (spleis; §2.2 "weekend subtleties").
 * - Fridager after at least one opphold day are plain opphold days.
 */
export function computeArbeidsgiverperioder(t: Timeline): AgpSpan[] {
  const result: AgpSpan[] = [];
  const { kind, first, length } = t;
  let current: AgpSpan | null = null;
  let opphold = 0;
  let pendingStart = -1; // index of the first held-back fridag
  let pending = 0;
  for (let i = 0; i < length; i++) {
    const k = kind[i] ?? 0;
    const day = first + i;
    if (isSykedag(k)) {
      if (current === null) {
        current = { start: day, end: day, days: 0, complete: false, overridden: false, computedEnd: null };
        result.push(current);
      } else if (pending > 0 && !current.complete) {
        // Fridager between two sick days inside an unfinished AGP count as AGP days.
        for (let j = 0; j < pending && !current.complete; j++) countAgpDay(current, first + pendingStart + j);
      }
      pending = 0;
      if (!current.complete) countAgpDay(current, day);
      opphold = 0;
    } else if (current === null) {
      // Before any sick day, or after an AGP ended: nothing to count.
    } else if (opphold === 0 && isFridag(k, day)) {
      if (pending === 0) pendingStart = i;
      pending++;
    } else {
      // A work day (arbeid, behandlingsdager, unreported weekday), or a fridag after an opphold day.
      if (pending > 0) {
        if (!current.complete) opphold += pending; // held-back fridager turn out to be opphold
        pending = 0;
      }
      opphold++;
      if (opphold >= ARBEIDSGIVERPERIODE_OPPHOLDSDAGER) {
        current = null;
        opphold = 0;
      }
    }
  }
  return result;
}

function countAgpDay(agp: AgpSpan, day: DayNumber): void {
  agp.days++;
  agp.end = day;
  if (agp.days >= ARBEIDSGIVERPERIODE_DAGER) agp.complete = true;
}

export interface AgpOverride {
  caseStart: DayNumber;
  end: DayNumber;
}

/**
 * §11.2 / §2.3 recommendation: the employer confirms or corrects the AGP end (it reports it to NAV in
 * the inntektsmelding). The override replaces the end of the first AGP that starts inside the case
 * that starts on `caseStart`; if the case has no AGP of its own (it continues an earlier one), a new
 * AGP from the case start is added. An overridden AGP is treated as complete (the employer has
 * declared where it ends), and `days` counts the days in `[start, end]` that are not plain work days
 * (sick days, ferie and weekends), at most 16. Overrides whose case does not exist are returned as unused.
 */
export function applyAgpOverrides(
  t: Timeline,
  agps: readonly AgpSpan[],
  cases: readonly CaseSpan[],
  overrides: readonly AgpOverride[],
): { agps: AgpSpan[]; unused: AgpOverride[] } {
  if (overrides.length === 0) return { agps: agps.slice(), unused: [] };
  const out = agps.map((a) => ({ ...a }));
  const unused: AgpOverride[] = [];
  for (const o of overrides) {
    const c = cases.find((x) => x.start === o.caseStart);
    if (c === undefined || o.end < c.start) {
      unused.push(o);
      continue;
    }
    const own = out.find((a) => a.start >= c.start && a.start <= c.end);
    if (own !== undefined) {
      const start = o.end < own.start ? c.start : own.start;
      Object.assign(own, {
        start,
        end: o.end,
        days: countAgpDaysIn(t, start, o.end),
        complete: true,
        overridden: true,
        computedEnd: own.computedEnd ?? own.end,
      });
    } else {
      out.push({
        start: c.start,
        end: o.end,
        days: countAgpDaysIn(t, c.start, o.end),
        complete: true,
        overridden: true,
        computedEnd: null,
      });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return { agps: out, unused };
}

function countAgpDaysIn(t: Timeline, from: DayNumber, to: DayNumber): number {
  let n = 0;
  for (let d = from; d <= to && n < ARBEIDSGIVERPERIODE_DAGER; d++) {
    const i = d - t.first;
    const k = i >= 0 && i < t.length ? (t.kind[i] ?? 0) : DAG_INGEN;
    if (isSykedag(k) || isFridag(k, d)) n++;
  }
  return n;
}
