/**
 * Head counts for the company profile, from the employee register's employment spans.
 * Pure: `today` is a parameter.
 */
import { diffDays, type IsoDate } from '../calendar/index.ts';

export type EmploymentSpan = { start: IsoDate; end: IsoDate | null; positionPercent: number };

/**
 * FOLM § 3-7 counts "enhver som arbeider minst 20 timer i uka". The register keeps the position
 * as a percentage of full time; Norwegian full time is 37.5 hours a week (aml § 10-4 (1) allows 40,
 * most agreements say 37.5), so 20 hours is 20 / 37.5 = 53.33 % — a person at 53.33 % or more counts.
 */
export const MIN_PERCENT_20H = (20 / 37.5) * 100;

/** Arbeidstakere employed on `day` (aml § 6-1, § 2 A-6 count all of them, part-time included). */
export function employeesOn(spans: readonly EmploymentSpan[], day: IsoDate): number {
  return spans.filter((s) => s.start <= day && (s.end === null || s.end >= day)).length;
}

export type Average20h = {
  /** Average number of persons working ≥ 20 h a week, one decimal; null without any employment. */
  average: number | null;
  /** The organisation is younger than the previous calendar year: the average since its start. */
  preliminary: boolean;
  from: IsoDate | null;
  to: IsoDate | null;
};

/**
 * FOLM § 3-7 second paragraph: the AMU duty (aml § 7-1) follows the average number of employees
 * in the last calendar year, counting everyone working at least 20 hours a week. An organisation
 * younger than that year uses the average since its first employment, marked preliminary
 * («foreløpig») — the product's decision where the regulation is silent.
 */
export function averageAtLeast20hLastYear(spans: readonly EmploymentSpan[], today: IsoDate): Average20h {
  const year = Number(today.slice(0, 4)) - 1;
  const yearStart: IsoDate = `${year}-01-01`;
  const yearEnd: IsoDate = `${year}-12-31`;
  if (spans.length === 0) return { average: null, preliminary: false, from: null, to: null };
  const earliest = spans.reduce((min, s) => (s.start < min ? s.start : min), spans[0]?.start ?? today);
  if (earliest > today) return { average: null, preliminary: false, from: null, to: null };
  let from = yearStart;
  let to = yearEnd;
  let preliminary = false;
  if (earliest > yearEnd) {
    from = earliest;
    to = today;
    preliminary = true;
  } else if (earliest > yearStart) {
    from = earliest;
    preliminary = true;
  }
  const days = diffDays(to, from) + 1;
  let personDays = 0;
  for (const s of spans) {
    if (s.positionPercent < MIN_PERCENT_20H - 1e-9) continue;
    const start = s.start > from ? s.start : from;
    const end = s.end === null || s.end > to ? to : s.end;
    if (end >= start) personDays += diffDays(end, start) + 1;
  }
  return { average: Math.round((personDays / days) * 10) / 10, preliminary, from, to };
}
