/**
 * Reference model for the tests: the rules of §3.1 (isoppfolgingstilfelle), §2.2 (helse-spleis'
 * Arbeidsgiverperiodeteller) and §11.4 (maksdato) transcribed DAY BY DAY, as literally as possible,
 * over a dense per-day array. The engine computes the same with run-length segments (fast); the
 * property tests check over thousands of histories that both agree. Not used by the engine.
 */
import {
  addMonthsToDayNumber,
  type DayNumber,
  isWeekdayDayNumber,
  nthWeekdayFrom,
  previousWeekdayBefore,
} from '../calendar/index.ts';
import {
  ALDER_INGEN_SYKEPENGERETT,
  ALDER_REDUSERT_SYKEPENGERETT,
  ARBEIDSGIVERPERIODE_DAGER,
  ARBEIDSGIVERPERIODE_OPPHOLDSDAGER,
  OPPFOLGINGSTILFELLE_SKILLE_DAGER,
  SYKEPENGEDAGER_MAKS,
  SYKEPENGEDAGER_MAKS_OVER_67,
  SYKEPENGER_NY_RETT_OPPHOLD_DAGER,
  SYKEPENGER_TILBAKEBLIKK_MANEDER,
} from './constants.ts';
import {
  DAG_EGENMELDING,
  DAG_FERIE,
  DAG_INGEN,
  DAG_SYKMELDING,
  type DayPeriod,
  FULL_GRADE,
  isSykedag,
} from './timeline.ts';

export interface DayTimeline {
  first: DayNumber;
  length: number;
  kind: Uint8Array;
  grade: Uint8Array;
}

export interface RefCase {
  start: DayNumber;
  end: DayNumber;
  sickDays: number;
  gradertAtEnd: boolean;
  hasFullDay: boolean;
}

export interface RefAgp {
  start: DayNumber;
  end: DayNumber;
  days: number;
  complete: boolean;
}

export function buildDayTimeline(periods: readonly DayPeriod[]): DayTimeline | null {
  if (periods.length === 0) return null;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const p of periods) {
    if (p.start < first) first = p.start;
    if (p.end > last) last = p.end;
  }
  const length = last - first + 1;
  const kind = new Uint8Array(length);
  const grade = new Uint8Array(length);
  for (const p of periods) {
    for (let i = p.start - first; i <= p.end - first; i++) {
      const current = kind[i] ?? DAG_INGEN;
      if (p.kind > current) {
        kind[i] = p.kind;
        grade[i] = p.grade;
      } else if (p.kind === current && p.kind === DAG_SYKMELDING && p.grade > (grade[i] ?? 0)) {
        grade[i] = p.grade;
      }
    }
  }
  return { first, length, kind, grade };
}

export function referenceCases(t: DayTimeline): RefCase[] {
  const cases: RefCase[] = [];
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
  t: DayTimeline,
  start: DayNumber,
  end: DayNumber,
  sickDays: number,
  hasFullDay: boolean,
): RefCase {
  const i = end - t.first;
  const gradertAtEnd = t.kind[i] === DAG_SYKMELDING && (t.grade[i] ?? FULL_GRADE) < FULL_GRADE;
  return { start, end, sickDays, gradertAtEnd, hasFullDay };
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
export function referenceAgps(t: DayTimeline): RefAgp[] {
  const result: RefAgp[] = [];
  const { kind, first, length } = t;
  let current: RefAgp | null = null;
  let opphold = 0;
  let pendingStart = -1; // index of the first held-back fridag
  let pending = 0;
  for (let i = 0; i < length; i++) {
    const k = kind[i] ?? 0;
    const day = first + i;
    if (isSykedag(k)) {
      if (current === null) {
        current = { start: day, end: day, days: 0, complete: false };
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

function countAgpDay(agp: RefAgp, day: DayNumber): void {
  agp.days++;
  agp.end = day;
  if (agp.days >= ARBEIDSGIVERPERIODE_DAGER) agp.complete = true;
}

function referenceCountStart(t: DayTimeline, caseStart: DayNumber): DayNumber {
  let from = Number.NEGATIVE_INFINITY;
  let lastSick = Number.NaN;
  const to = caseStart - t.first;
  for (let i = 0; i <= to; i++) {
    if (!isSykedag(t.kind[i] ?? 0)) continue;
    const day = t.first + i;
    if (!Number.isNaN(lastSick) && day - lastSick - 1 >= SYKEPENGER_NY_RETT_OPPHOLD_DAGER) from = day;
    lastSick = day;
  }
  return from;
}

export function referenceMaksdato(
  t: DayTimeline,
  agps: readonly RefAgp[],
  latest: RefCase,
  birth: DayNumber | null,
): { maksdato: DayNumber | null; used: number } {
  const S = latest.start;
  const E = latest.end;
  const turns67 =
    birth === null
      ? Number.POSITIVE_INFINITY
      : addMonthsToDayNumber(birth, ALDER_REDUSERT_SYKEPENGERETT * 12);
  const turns70 =
    birth === null ? Number.POSITIVE_INFINITY : addMonthsToDayNumber(birth, ALDER_INGEN_SYKEPENGERETT * 12);
  const countFrom = Math.max(
    referenceCountStart(t, S),
    addMonthsToDayNumber(S, -SYKEPENGER_TILBAKEBLIKK_MANEDER),
  );
  if (S >= turns70) return { maksdato: null, used: 0 };
  const lastBefore70 = birth === null ? Number.POSITIVE_INFINITY : previousWeekdayBefore(turns70);

  // Walk the known days once, with a pointer to the AGP in force.
  let used = 0;
  let usedOver67 = 0;
  let reached = Number.POSITIVE_INFINITY;
  let reachedOver67 = Number.POSITIVE_INFINITY;
  let a = -1;
  let inForce: RefAgp | undefined;
  const fromIndex = Math.max(0, countFrom - t.first);
  // The pointer must see every AGP that started before the first counted day.
  while (a + 1 < agps.length && (agps[a + 1]?.start ?? Number.POSITIVE_INFINITY) < t.first + fromIndex) {
    a++;
    inForce = agps[a];
  }
  const toIndex = E - t.first;
  for (let i = fromIndex; i <= toIndex; i++) {
    const day = t.first + i;
    while (a + 1 < agps.length && (agps[a + 1]?.start ?? Number.POSITIVE_INFINITY) <= day) {
      a++;
      inForce = agps[a];
    }
    if (!isSykedag(t.kind[i] ?? 0) || !isWeekdayDayNumber(day) || day > lastBefore70) continue;
    if (inForce === undefined || !inForce.complete || day <= inForce.end) continue;
    used++;
    if (used === SYKEPENGEDAGER_MAKS) reached = day;
    if (day > turns67) {
      usedOver67++;
      if (usedOver67 === SYKEPENGEDAGER_MAKS_OVER_67) reachedOver67 = day;
    }
  }

  // Projection: the sickness goes on from E + 1; an unfinished AGP in force at E completes first.
  let agpAtEnd: RefAgp | undefined;
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
  return { maksdato: Math.min(ordinary, over67, lastBefore70), used };
}
