/**
 * Arbeidsgiverperioder (employer periods) as helse-spleis counts them
 * (ftrl § 8-19; a product decision where the law leaves room), and the employer's override of an AGP end.
 */
import { countWeekdays, type DayNumber, isWeekdayDayNumber } from '../calendar/index.ts';
import { ARBEIDSGIVERPERIODE_DAGER, ARBEIDSGIVERPERIODE_OPPHOLDSDAGER } from './constants.ts';
import type { CaseSpan } from './oppfolgingstilfelle.ts';
import { DAG_FERIE, isSykedag, type Timeline } from './timeline.ts';

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
 * ftrl § 8-19 as helse-spleis' Arbeidsgiverperiodeteller computes it (§2.2, §11.2):
 * - ftrl § 8-19 (1): each sick day (any grade, weekend included) is an AGP day; the 16th completes it.
 *   A sykmelding that starts on a Saturday starts the AGP on that Saturday (spleis).
 * - ftrl § 8-19 (2): days without sickness (opphold) between absences are not AGP days, but fewer than
 *   16 of them keep the same AGP going.
 * - ftrl § 8-19 (3) / spleis Teller(16): 16 opphold days end the AGP (complete or not); only then
 *   does the next sick day start a new one.
 * - "Fridager" (ferie, and Saturdays/Sundays no period covers) directly after sick days are held back:
 *   in an unfinished AGP they count as AGP days if a sick day follows and as opphold if a work day
 *   follows; after a complete AGP they are not counted as opphold (spleis; §2.2 "weekend subtleties").
 * - Fridager after at least one opphold day are plain opphold days.
 * Walked segment by segment; reference-model.ts has the day-by-day transcription.
 */
export function computeArbeidsgiverperioder(t: Timeline): AgpSpan[] {
  const result: AgpSpan[] = [];
  let current: AgpSpan | null = null;
  let opphold = 0;
  let pending = 0; // held-back fridager, always directly before the next segment or gap day
  for (let i = 0; i < t.count; i++) {
    const from = t.start[i] as number;
    const to = t.end[i] as number;
    const k = t.kind[i] as number;
    if (i > 0 && current !== null) {
      // Days without data before this segment: unreported weekend days are fridager, weekdays work.
      const gapFrom = (t.end[i - 1] as number) + 1;
      const gap = from - gapFrom;
      if (gap > 0) {
        let work = gap;
        if (opphold === 0) {
          let weekend = 0;
          while (weekend < gap && !isWeekdayDayNumber(gapFrom + weekend)) weekend++;
          pending += weekend;
          work = gap - weekend;
        }
        if (work > 0) {
          opphold += oppholdFrom(current, pending) + work;
          pending = 0;
          if (opphold >= ARBEIDSGIVERPERIODE_OPPHOLDSDAGER) {
            current = null;
            opphold = 0;
          }
        }
      }
    }
    const length = to - from + 1;
    if (isSykedag(k)) {
      if (current === null) {
        current = { start: from, end: from, days: 0, complete: false, overridden: false, computedEnd: null };
        result.push(current);
      } else if (pending > 0 && !current.complete) {
        // Fridager between two sick days inside an unfinished AGP count as AGP days.
        addAgpDays(current, from - pending, pending);
      }
      pending = 0;
      if (!current.complete) addAgpDays(current, from, length);
      opphold = 0;
    } else if (current === null) {
      // Before any sick day, or after an AGP ended: nothing to count.
    } else if (k === DAG_FERIE && opphold === 0) {
      pending += length;
    } else {
      // arbeid, behandlingsdager, or ferie after an opphold day
      opphold += oppholdFrom(current, pending) + length;
      pending = 0;
      if (opphold >= ARBEIDSGIVERPERIODE_OPPHOLDSDAGER) {
        current = null;
        opphold = 0;
      }
    }
  }
  return result;
}

/** Held-back fridager followed by a work day: opphold in an unfinished AGP, nothing after a complete one. */
function oppholdFrom(agp: AgpSpan, pending: number): number {
  return agp.complete ? 0 : pending;
}

/** Adds up to `n` AGP days from `from`, stopping at the 16th. */
function addAgpDays(agp: AgpSpan, from: DayNumber, n: number): void {
  const take = Math.min(n, ARBEIDSGIVERPERIODE_DAGER - agp.days);
  if (take <= 0) return;
  agp.days += take;
  agp.end = from + take - 1;
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
  // Sick and ferie segments, plus unreported weekend days, inside [from, to]; at most 16.
  let n = 0;
  let cursor = from; // first day not yet looked at
  for (let i = 0; i < t.count && cursor <= to; i++) {
    const s = t.start[i] as number;
    const e = t.end[i] as number;
    if (e < cursor) continue;
    if (s > cursor) {
      const gapEnd = Math.min(s - 1, to);
      n += gapEnd - cursor + 1 - countWeekdays(cursor, gapEnd);
      cursor = gapEnd + 1;
      if (cursor > to) break;
    }
    const k = t.kind[i] as number;
    const a = Math.max(s, cursor);
    const b = Math.min(e, to);
    if (isSykedag(k) || k === DAG_FERIE) n += b - a + 1;
    cursor = b + 1;
  }
  if (cursor <= to) n += to - cursor + 1 - countWeekdays(cursor, to);
  return Math.min(n, ARBEIDSGIVERPERIODE_DAGER);
}
