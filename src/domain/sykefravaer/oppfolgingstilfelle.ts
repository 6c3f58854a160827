/**
 * Oppfølgingstilfeller (merged sickness cases), exactly as isoppfolgingstilfelle's
 * `toOppfolgingstilfelleList` (ftrl § 8-19; a product decision where NAV's practice leaves room), walked segment by
 * segment (reference-model.ts has the day-by-day transcription).
 */
import type { DayNumber } from '../calendar/index.ts';
import { OPPFOLGINGSTILFELLE_SKILLE_DAGER } from './constants.ts';
import {
  DAG_EGENMELDING,
  DAG_FERIE,
  DAG_SYKMELDING,
  FULL_GRADE,
  isSykedag,
  type Timeline,
} from './timeline.ts';

export interface CaseSpan {
  start: DayNumber;
  /** Last day of the case (a sick day, or ferie directly after sick days). */
  end: DayNumber;
  /** Days in the case that count as sick: sick days plus ferie directly after sick days (§3.2). */
  sickDays: number;
  /** The last day of the case is a sykmelding day with grade < 100. */
  gradertAtEnd: boolean;
  /** The case has at least one 100 % sykmelding day or egenmelding day (§11.4, dialogmote1). */
  hasFullDay: boolean;
}

/**
 * §3.1 / §11.1:
 * - sick day (egenmelding, sykmelding of any grade): joins the case, resets the non-sick counter;
 * - ferie: directly after sick days (no non-sick day yet) it joins the case and counts as a sick day;
 *   after at least one non-sick day it counts as non-sick; before any sick day it is ignored;
 * - anything else (arbeid, behandlingsdager, days without data): non-sick;
 * - 16 consecutive non-sick days close the case (15 keep it open).
 */
export function mergeOppfolgingstilfeller(t: Timeline): CaseSpan[] {
  const cases: CaseSpan[] = [];
  let open = false;
  let start = 0;
  let end = 0;
  let sickDays = 0;
  let hasFullDay = false;
  let gradertAtEnd = false;
  let nonSick = 0;
  for (let i = 0; i < t.count; i++) {
    const from = t.start[i] as number;
    const to = t.end[i] as number;
    const k = t.kind[i] as number;
    if (i > 0) {
      // Days without data before this segment are non-sick days.
      nonSick += from - (t.end[i - 1] as number) - 1;
      if (open && nonSick >= OPPFOLGINGSTILFELLE_SKILLE_DAGER) {
        cases.push({ start, end, sickDays, gradertAtEnd, hasFullDay });
        open = false;
        nonSick = 0;
      }
    }
    const length = to - from + 1;
    if (isSykedag(k)) {
      const g = t.grade[i] as number;
      if (!open) {
        open = true;
        start = from;
        sickDays = 0;
        hasFullDay = false;
      }
      end = to;
      sickDays += length;
      nonSick = 0;
      if (k === DAG_EGENMELDING || g >= FULL_GRADE) hasFullDay = true;
      gradertAtEnd = k === DAG_SYKMELDING && g < FULL_GRADE;
    } else if (k === DAG_FERIE && nonSick === 0) {
      if (open) {
        end = to;
        sickDays += length;
        gradertAtEnd = false;
      }
    } else {
      nonSick += length;
    }
    if (open && nonSick >= OPPFOLGINGSTILFELLE_SKILLE_DAGER) {
      cases.push({ start, end, sickDays, gradertAtEnd, hasFullDay });
      open = false;
      nonSick = 0;
    }
  }
  if (open) cases.push({ start, end, sickDays, gradertAtEnd, hasFullDay });
  return cases;
}
