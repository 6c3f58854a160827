/**
 * Maksdato: the last day NAV pays sykepenger (ftrl § 8-12, § 8-51), as decided for the product
 * specifies it. Arithmetic over segments and day numbers; no per-day loop.
 */
import {
  addMonthsToDayNumber,
  civilFromDays,
  countWeekdays,
  type DayNumber,
  daysFromCivil,
  daysInMonth,
  nthWeekdayFrom,
  previousWeekdayBefore,
} from '../calendar/index.ts';
import type { AgpSpan } from './arbeidsgiverperiode.ts';
import {
  ALDER_INGEN_SYKEPENGERETT,
  ALDER_REDUSERT_SYKEPENGERETT,
  ARBEIDSGIVERPERIODE_DAGER,
  SYKEPENGEDAGER_MAKS,
  SYKEPENGEDAGER_MAKS_OVER_67,
  SYKEPENGER_NY_RETT_OPPHOLD_DAGER,
  SYKEPENGER_TILBAKEBLIKK_MANEDER,
} from './constants.ts';
import type { CaseSpan } from './oppfolgingstilfelle.ts';
import { isSykedag, type Timeline } from './timeline.ts';
import type { MaksdatoRule } from './types.ts';

export interface MaksdatoResult {
  /** `null`: no right to sykepenger (70 or older at the case start, ftrl § 8-51). */
  maksdato: DayNumber | null;
  /** The maksdato lies after the last day of the case: it assumes the sickness goes on. */
  forelopig: boolean;
  rule: MaksdatoRule;
  /** Sykepengedager found in the known periods (from the count start up to the case end). */
  used: number;
  /** First day whose sykepengedager count (after a 26-week reset, and not before S − 3 years). */
  countFrom: DayNumber;
}

/** ftrl § 8-51 (helse-spleis `Alder`): the 67th and 70th birthdays (29 Feb → 28 Feb in other years). */
export function birthdays(birth: DayNumber): { turns67: DayNumber; turns70: DayNumber } {
  const { year, month, day } = civilFromDays(birth);
  return {
    turns67: birthday(year + ALDER_REDUSERT_SYKEPENGERETT, month, day),
    turns70: birthday(year + ALDER_INGEN_SYKEPENGERETT, month, day),
  };
}

function birthday(year: number, month: number, day: number): DayNumber {
  return daysFromCivil(year, month, Math.min(day, daysInMonth(year, month)));
}

/**
 * ftrl § 8-12 (2): 26 weeks (182 days) without sick days start the count afresh. Returns the first
 * sick day after the last such gap that lies before `caseStart` (or −∞ when there is none).
 * "Without sick days" means no sykmelding or egenmelding day; ferie is not sickness.
 */
export function countStartAfterReset(t: Timeline, caseStart: DayNumber): DayNumber {
  let from = Number.NEGATIVE_INFINITY;
  let lastSick = Number.NaN;
  for (let i = 0; i < t.count; i++) {
    const s = t.start[i] as number;
    if (s > caseStart) break;
    if (!isSykedag(t.kind[i] as number)) continue;
    if (!Number.isNaN(lastSick) && s - lastSick - 1 >= SYKEPENGER_NY_RETT_OPPHOLD_DAGER) from = s;
    lastSick = t.end[i] as number;
  }
  return from;
}

/**
 * §11.4 `maksdato`, for the latest case:
 * - ftrl § 8-12 (1): a sykepengedag is a Monday–Friday sick day (any grade counts whole; public
 *   holidays are not skipped, as in helse-spleis) after a complete arbeidsgiverperiode — i.e. the
 *   AGP in force on that day (the latest one that started on or before it) is complete and ended
 *   before it. Ferie days are not sykepengedager.
 * - ftrl § 8-12 (1): days in this case and in earlier cases count when they lie in the 3 years before
 *   the case start. DECISION: the window is fixed at S − 36 months (§11.4 "earlier cases within the
 *   3 years before"); helse-spleis rolls the window day by day, which can only give the same or a
 *   later date, so the fixed window is the earlier (safe) reading.
 * - ftrl § 8-12 (2): 26 weeks without sick days before the case start the count afresh.
 * - The maksdato is the day the 248th sykepengedag is reached. If the known periods end first, the
 *   sickness is assumed to continue from the day after the case's last day (an unfinished AGP first
 *   runs to its 16th day) — a provisional date.
 * - ftrl § 8-51, DECISION (as helse-spleis `Maksdatoberegning.maksdatoFor`): sykepengedager AFTER the
 *   67th birthday also count toward a second limit of 60 days (not "from the month after" — that is
 *   the pension rule); the right ends on the last Monday–Friday before the 70th birthday; a person who
 *   is 70 or older on the case start has no right (`maksdato` null). The earliest of the three wins.
 */
export function beregnMaksdato(
  t: Timeline,
  agps: readonly AgpSpan[],
  latest: CaseSpan,
  birth: DayNumber | null,
): MaksdatoResult {
  const S = latest.start;
  const E = latest.end;
  const ages = birth === null ? null : birthdays(birth);
  const turns67 = ages === null ? Number.POSITIVE_INFINITY : ages.turns67;
  const turns70 = ages === null ? Number.POSITIVE_INFINITY : ages.turns70;
  const countFrom = Math.max(
    countStartAfterReset(t, S),
    addMonthsToDayNumber(S, -SYKEPENGER_TILBAKEBLIKK_MANEDER),
  );
  if (S >= turns70) return { maksdato: null, forelopig: false, rule: 'ingen-rett', used: 0, countFrom };
  const lastBefore70 = birth === null ? Number.POSITIVE_INFINITY : previousWeekdayBefore(turns70);

  // Walk the sick segments once, with a pointer to the AGP in force. A new AGP always starts on the
  // first day of a sick segment, so one AGP governs a whole segment.
  let used = 0;
  let usedOver67 = 0;
  let reached = Number.POSITIVE_INFINITY;
  let reachedOver67 = Number.POSITIVE_INFINITY;
  let a = -1;
  let inForce: AgpSpan | undefined;
  for (let i = 0; i < t.count; i++) {
    const segStart = t.start[i] as number;
    if (segStart > E) break;
    while (a + 1 < agps.length && (agps[a + 1] as AgpSpan).start <= segStart) {
      a++;
      inForce = agps[a];
    }
    if (!isSykedag(t.kind[i] as number) || inForce === undefined || !inForce.complete) continue;
    const lo = Math.max(segStart, countFrom, inForce.end + 1);
    const hi = Math.min(t.end[i] as number, E, lastBefore70);
    if (lo > hi) continue;
    const n = countWeekdays(lo, hi);
    if (n === 0) continue;
    if (reached === Number.POSITIVE_INFINITY && used + n >= SYKEPENGEDAGER_MAKS) {
      reached = nthWeekdayFrom(lo, SYKEPENGEDAGER_MAKS - used);
    }
    used += n;
    const lo67 = Math.max(lo, turns67 + 1);
    if (lo67 <= hi) {
      const n67 = countWeekdays(lo67, hi);
      if (reachedOver67 === Number.POSITIVE_INFINITY && usedOver67 + n67 >= SYKEPENGEDAGER_MAKS_OVER_67) {
        reachedOver67 = nthWeekdayFrom(lo67, SYKEPENGEDAGER_MAKS_OVER_67 - usedOver67);
      }
      usedOver67 += n67;
    }
  }

  // Projection: the sickness goes on from E + 1; an unfinished AGP in force at E completes first.
  let agpAtEnd: AgpSpan | undefined;
  for (const agp of agps) if (agp.start <= E) agpAtEnd = agp;
  let projectFrom = E + 1;
  if (agpAtEnd !== undefined) {
    if (agpAtEnd.complete) projectFrom = Math.max(projectFrom, agpAtEnd.end + 1);
    else projectFrom = E + (ARBEIDSGIVERPERIODE_DAGER - agpAtEnd.days) + 1;
  }
  const ordinary =
    reached !== Number.POSITIVE_INFINITY ? reached : nthWeekdayFrom(projectFrom, SYKEPENGEDAGER_MAKS - used);
  let over67 = Number.POSITIVE_INFINITY;
  if (birth !== null) {
    over67 =
      reachedOver67 !== Number.POSITIVE_INFINITY
        ? reachedOver67
        : nthWeekdayFrom(Math.max(projectFrom, turns67 + 1), SYKEPENGEDAGER_MAKS_OVER_67 - usedOver67);
  }
  let maksdato = ordinary;
  let rule: MaksdatoRule = 'ordinaer';
  if (over67 < maksdato) {
    maksdato = over67;
    rule = 'over-67';
  }
  if (lastBefore70 < maksdato) {
    maksdato = lastBefore70;
    rule = 'over-70';
  }
  return { maksdato, forelopig: maksdato > E, rule, used, countFrom };
}
