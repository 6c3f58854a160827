/**
 * Oppfølgingstilfeller (merged sickness cases), exactly as isoppfolgingstilfelle's
 * `toOppfolgingstilfelleList` (sick-leave-rules.md §3.1, product decision §11.1).
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
 * §3.1 / §11.1: walks the timeline.
 * - sick day (egenmelding, sykmelding of any grade): joins the case, resets the non-sick counter;
 * - ferie: directly after sick days (no non-sick day yet) it joins the case and counts as a sick day;
 *   after at least one non-sick day it counts as non-sick; before any sick day it is ignored;
 * - anything else (arbeid, behandlingsdager, no data): non-sick;
 * - 16 consecutive non-sick days close the case (15 keep it open).
 */
export function mergeOppfolgingstilfeller(t: Timeline): CaseSpan[] {
  const cases: CaseSpan[] = [];
  const { kind, grade, first, length } = t;
  let open = false;
  let start = 0;
  let end = 0;
  let sickDays = 0;
  let hasFullDay = false;
  let nonSick = 0;
  for (let i = 0; i < length; i++) {
    const k = kind[i] ?? 0;
    if (isSykedag(k)) {
      if (!open) {
        open = true;
        start = first + i;
        sickDays = 0;
        hasFullDay = false;
      }
      end = first + i;
      sickDays++;
      nonSick = 0;
      if (k === DAG_EGENMELDING || (grade[i] ?? 0) >= FULL_GRADE) hasFullDay = true;
    } else if (k === DAG_FERIE) {
      if (nonSick > 0) nonSick++;
      else if (open) {
        end = first + i;
        sickDays++;
      }
    } else {
      nonSick++;
    }
    if (open && nonSick >= OPPFOLGINGSTILFELLE_SKILLE_DAGER) {
      cases.push(closeCase(t, start, end, sickDays, hasFullDay));
      open = false;
      nonSick = 0;
    }
  }
  if (open) cases.push(closeCase(t, start, end, sickDays, hasFullDay));
  return cases;
}

function closeCase(
  t: Timeline,
  start: DayNumber,
  end: DayNumber,
  sickDays: number,
  hasFullDay: boolean,
): CaseSpan {
  const i = end - t.first;
  const gradertAtEnd = t.kind[i] === DAG_SYKMELDING && (t.grade[i] ?? FULL_GRADE) < FULL_GRADE;
  return { start, end, sickDays, gradertAtEnd, hasFullDay };
}
