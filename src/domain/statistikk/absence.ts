/**
 * One person's absence days for the statistics, as runs of days:
 * which days are absence days, of which kind (legemeldt / egenmeldt) and grade, and whether they
 * belong to a short (korttid) or long (langtid) case.
 */
import type { DayNumber } from '../calendar/index.ts';
import {
  buildTimeline,
  type CaseSpan,
  DAG_ARBEID,
  DAG_EGENMELDING,
  DAG_FERIE,
  DAG_SYKMELDING,
  mergeOppfolgingstilfeller,
  type Period,
  TimelineScratch,
  toDayPeriods,
} from '../sykefravaer/index.ts';

/**
 * NAV Varighetskategori A+B (1–16 calendar days) is korttid, C–F (17 days or more) langtid
 * (NAV's varighetskategorier, navikt/pia-sykefravarsstatistikk `Varighetskategori.kt`; SSB reports
 * legemeldt absence «under/over 17 dager»).
 */
export const KORTTID_MAKS_DAGER = 16;

export interface AbsenceRun {
  /** First and last day (inclusive). */
  start: DayNumber;
  end: DayNumber;
  /** Covered by a sykmelding (legemeldt) or only by an egenmelding (egenmeldt). */
  legemeldt: boolean;
  /** The day's grade (SSB: sykefraværsdagsverk = dager × stillingsandel × grad): the highest sykmelding grade, 100 for egenmelding. */
  grade: number;
  /** The day's case is 17 calendar days or longer (NAV: varighet i kalenderdager). */
  langtid: boolean;
}

const FULL = 100;

/** Reused by every call (the timeline is consumed before the next call): no arrays per person. */
const scratch = new TimelineScratch();

/**
 * Each day is classified from all periods that cover it (product decision, ADR 0011):
 * 1. any `arbeid` or `ferie` → not an absence day;
 * 2. otherwise any `sykmelding` → legemeldt at the highest grade among them (NAV counts every day a
 *    sykmelding covers; egenmeldt means days without a doctor's note, SSB);
 * 3. otherwise any `egenmelding` → egenmeldt at grade 100 (SSB: egenmeldt absence has grade 1);
 * 4. otherwise (`behandlingsdager` only — the period does not say which days were treatment days — or nothing) → not an absence day.
 * Each absence day lies in exactly one oppfølgingstilfelle built from all the periods as NAV's
 * isoppfolgingstilfelle does (`mergeOppfolgingstilfeller`, the plan command's cases); its full
 * length in calendar days decides korttid (≤ 16) or langtid (≥ 17).
 */
export function absenceRuns(periods: readonly Period[]): AbsenceRun[] {
  if (periods.length === 0) return [];
  const dayPeriods = toDayPeriods(periods);
  const n = dayPeriods.length;
  const points: number[] = new Array<number>(2 * n);
  for (let i = 0; i < n; i++) {
    const p = dayPeriods[i] as (typeof dayPeriods)[number];
    points[2 * i] = p.start;
    points[2 * i + 1] = p.end + 1;
  }
  points.sort((a, b) => a - b);
  const timeline = buildTimeline(dayPeriods, scratch);
  const cases: CaseSpan[] = timeline === null ? [] : mergeOppfolgingstilfeller(timeline);

  const runs: AbsenceRun[] = [];
  let caseIndex = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const next = points[i + 1] as number;
    if (next === from) continue; // a repeated boundary
    const to = next - 1;
    let present = false;
    let sickGrade = 0;
    let egen = false;
    for (let j = 0; j < n; j++) {
      const dp = dayPeriods[j] as (typeof dayPeriods)[number];
      if (dp.start > from || dp.end < from) continue;
      const kind = dp.kind;
      if (kind === DAG_ARBEID || kind === DAG_FERIE) present = true;
      else if (kind === DAG_SYKMELDING) sickGrade = Math.max(sickGrade, dp.grade);
      else if (kind === DAG_EGENMELDING) egen = true;
    }
    if (present || (sickGrade === 0 && !egen)) continue;
    const legemeldt = sickGrade > 0;
    const grade = legemeldt ? sickGrade : FULL;
    // The run lies inside one case (case bounds are period bounds); split defensively if not.
    let at = from;
    while (at <= to) {
      while (caseIndex < cases.length && (cases[caseIndex] as CaseSpan).end < at) caseIndex++;
      const c = cases[caseIndex];
      // Every absence day is a sick day of the case building (the same set of days), so a case covers it.
      const caseEnd = c === undefined ? to : Math.min(to, c.end);
      const length = c === undefined ? 1 : c.end - c.start + 1;
      const langtid = length > KORTTID_MAKS_DAGER;
      const last = runs[runs.length - 1];
      if (
        last !== undefined &&
        last.end === at - 1 &&
        last.legemeldt === legemeldt &&
        last.grade === grade &&
        last.langtid === langtid
      ) {
        last.end = caseEnd;
      } else {
        runs.push({ start: at, end: caseEnd, legemeldt, grade, langtid });
      }
      at = caseEnd + 1;
    }
  }
  return runs;
}
