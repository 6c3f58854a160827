/**
 * The timeline of §11.1 as run-length segments: maximal runs of consecutive days with the same
 * winning period type (and grade), sorted and disjoint. Days that no period covers ("no data") are
 * the gaps between segments. The rules walk segments and handle gaps arithmetically, so the cost
 * depends on the number of periods, not on the number of days (see reference-model.ts for the
 * day-by-day transcription the tests compare against).
 */
import { type DayNumber, parseIsoDate } from '../calendar/index.ts';
import type { Period, PeriodType } from './types.ts';

// Day kinds. The numeric order IS the overlap priority of §11.1:
// `arbeid` > `ferie` > `egenmelding` > `sykmelding` > `behandlingsdager` > no data.
export const DAG_INGEN = 0;
export const DAG_BEHANDLINGSDAGER = 1;
export const DAG_SYKMELDING = 2;
export const DAG_EGENMELDING = 3;
export const DAG_FERIE = 4;
export const DAG_ARBEID = 5;
export type DagType = 0 | 1 | 2 | 3 | 4 | 5;

export const FULL_GRADE = 100;

export function dagTypeOf(type: PeriodType): DagType {
  switch (type) {
    case 'sykmelding':
      return DAG_SYKMELDING;
    case 'egenmelding':
      return DAG_EGENMELDING;
    case 'ferie':
      return DAG_FERIE;
    case 'arbeid':
      return DAG_ARBEID;
    case 'behandlingsdager':
      return DAG_BEHANDLINGSDAGER;
  }
}

/** §3.1 / §11.1: egenmelding and any sykmelding (graded or not) are sick days. */
export function isSykedag(kind: number): boolean {
  return kind === DAG_SYKMELDING || kind === DAG_EGENMELDING;
}

/** A period with day numbers. */
export interface DayPeriod {
  start: DayNumber;
  end: DayNumber;
  kind: DagType;
  grade: number;
}

/** Segments `0 … count−1`; arrays may be longer (scratch). */
export interface Timeline {
  count: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /** Grade 1–100 on sykmelding segments, 100 elsewhere. */
  grade: Uint8Array;
}

/** Converts contract periods to day numbers; throws `RangeError` on a bad date (validate first). */
export function toDayPeriods(periods: readonly Period[]): DayPeriod[] {
  const out: DayPeriod[] = new Array<DayPeriod>(periods.length);
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i];
    if (p === undefined) throw new RangeError(`periods[${i}] mangler / is missing`);
    const start = parseIsoDate(p.start);
    const end = parseIsoDate(p.end);
    if (start === null || end === null || end < start) {
      throw new RangeError(`periods[${i}]: ugyldig periode / invalid period`);
    }
    const kind = dagTypeOf(p.type);
    const grade = kind === DAG_SYKMELDING ? (p.grade ?? FULL_GRADE) : FULL_GRADE;
    out[i] = { start, end, kind, grade };
  }
  return out;
}

/** Reusable arrays for `buildTimeline` in hot loops (the benchmark, bulk re-computation). */
export class TimelineScratch {
  // segments
  start = new Int32Array(64);
  end = new Int32Array(64);
  kind = new Uint8Array(64);
  grade = new Uint8Array(64);
  // periods (input) and the sweep
  pStart = new Int32Array(32);
  pEnd = new Int32Array(32);
  pKind = new Uint8Array(32);
  pGrade = new Uint8Array(32);
  order = new Int32Array(32);
  active = new Int32Array(32);
  points = new Int32Array(64);

  ensurePeriods(n: number): void {
    if (this.pStart.length < n) {
      let size = this.pStart.length;
      while (size < n) size *= 2;
      this.pStart = new Int32Array(size);
      this.pEnd = new Int32Array(size);
      this.pKind = new Uint8Array(size);
      this.pGrade = new Uint8Array(size);
      this.order = new Int32Array(size);
      this.active = new Int32Array(size);
      this.points = new Int32Array(size * 2);
    }
    if (this.start.length < 2 * n) {
      let size = this.start.length;
      while (size < 2 * n) size *= 2;
      this.start = new Int32Array(size);
      this.end = new Int32Array(size);
      this.kind = new Uint8Array(size);
      this.grade = new Uint8Array(size);
    }
  }
}

/**
 * §11.1 from contract periods, parsing the dates straight into the scratch arrays (no per-period
 * objects). Throws `RangeError` on a bad date or `end < start` (validate first).
 */
export function timelineFromPeriods(periods: readonly Period[], scratch: TimelineScratch): Timeline | null {
  const n = periods.length;
  if (n === 0) return null;
  scratch.ensurePeriods(n);
  const { pStart, pEnd, pKind, pGrade } = scratch;
  for (let i = 0; i < n; i++) {
    const p = periods[i];
    if (p === undefined) throw new RangeError(`periods[${i}] mangler / is missing`);
    const start = parseIsoDate(p.start);
    const end = parseIsoDate(p.end);
    if (start === null || end === null || end < start) {
      throw new RangeError(`periods[${i}]: ugyldig periode / invalid period`);
    }
    const kind = dagTypeOf(p.type);
    pStart[i] = start;
    pEnd[i] = end;
    pKind[i] = kind;
    pGrade[i] = kind === DAG_SYKMELDING ? (p.grade ?? FULL_GRADE) : FULL_GRADE;
  }
  return sweep(n, scratch);
}

/**
 * §11.1: builds the segments. On a day covered by several periods the higher-priority type wins;
 * when two sykmeldinger overlap, the higher grade wins. Returns `null` for no periods.
 * With `scratch` the result aliases the scratch arrays (valid until the next call).
 */
export function buildTimeline(
  periods: readonly DayPeriod[],
  scratch: TimelineScratch = new TimelineScratch(),
): Timeline | null {
  const n = periods.length;
  if (n === 0) return null;
  scratch.ensurePeriods(n);
  for (let i = 0; i < n; i++) {
    const p = periods[i] as DayPeriod;
    scratch.pStart[i] = p.start;
    scratch.pEnd[i] = p.end;
    scratch.pKind[i] = p.kind;
    scratch.pGrade[i] = p.grade;
  }
  return sweep(n, scratch);
}

/** The sweep over the `n` periods in the scratch arrays. */
function sweep(n: number, scratch: TimelineScratch): Timeline {
  const { pStart, pEnd, pKind, pGrade, order, active, points, start, end, kind, grade } = scratch;
  // Boundary points: every start and every end + 1, sorted, unique; periods ordered by start.
  // Insertion sorts: n is small (a handful of periods per employee).
  let m = 0;
  for (let i = 0; i < n; i++) {
    m = insertUnique(points, m, pStart[i] as number);
    m = insertUnique(points, m, (pEnd[i] as number) + 1);
    let j = i - 1;
    const s = pStart[i] as number;
    while (j >= 0 && (pStart[order[j] as number] as number) > s) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = i;
  }

  let count = 0;
  let next = 0; // next period (in `order`) to activate
  let activeCount = 0;
  for (let b = 0; b < m - 1; b++) {
    const from = points[b] as number;
    const to = (points[b + 1] as number) - 1;
    while (next < n && (pStart[order[next] as number] as number) <= from) {
      active[activeCount++] = order[next] as number;
      next++;
    }
    // Winner among the periods covering `from` (they cover the whole elementary interval);
    // periods that ended are dropped from `active`.
    let k = -1;
    let g = 0;
    let w = 0;
    for (let i = 0; i < activeCount; i++) {
      const p = active[i] as number;
      if ((pEnd[p] as number) < from) continue;
      active[w++] = p;
      const pk = pKind[p] as number;
      const pg = pGrade[p] as number;
      if (pk > k || (pk === k && pg > g)) {
        k = pk;
        g = pg;
      }
    }
    activeCount = w;
    if (k < 0) continue; // a gap: no period covers these days
    const last = count - 1;
    if (count > 0 && end[last] === from - 1 && kind[last] === k && grade[last] === g) {
      end[last] = to;
    } else {
      start[count] = from;
      end[count] = to;
      kind[count] = k;
      grade[count] = g;
      count++;
    }
  }
  return { count, start, end, kind, grade };
}

function insertUnique(points: Int32Array, m: number, value: number): number {
  let i = m - 1;
  while (i >= 0 && (points[i] as number) > value) i--;
  if (i >= 0 && points[i] === value) return m;
  for (let j = m; j > i + 1; j--) points[j] = points[j - 1] as number;
  points[i + 1] = value;
  return m + 1;
}
