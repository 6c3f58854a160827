/**
 * The daily timeline: one entry per calendar day from the first to the last day of any period,
 * with the winning period type and (for sykmelding days) the grade. Typed arrays, no per-day objects.
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

export interface Timeline {
  /** Day number of index 0. */
  first: DayNumber;
  length: number;
  kind: Uint8Array;
  /** Grade 1–100 on sykmelding days, 100 on egenmelding days, 0 elsewhere. */
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

/**
 * §11.1: builds the timeline. On a day covered by several periods the higher-priority type wins;
 * when two sykmeldinger overlap, the higher grade wins. Returns `null` for no periods.
 * `scratch` lets a hot caller reuse its arrays (the result then aliases them).
 */
export function buildTimeline(periods: readonly DayPeriod[], scratch?: TimelineScratch): Timeline | null {
  if (periods.length === 0) return null;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const p of periods) {
    if (p.start < first) first = p.start;
    if (p.end > last) last = p.end;
  }
  const length = last - first + 1;
  let kind: Uint8Array;
  let grade: Uint8Array;
  if (scratch === undefined) {
    kind = new Uint8Array(length);
    grade = new Uint8Array(length);
  } else {
    scratch.ensure(length);
    kind = scratch.kind;
    grade = scratch.grade;
    kind.fill(0, 0, length);
    grade.fill(0, 0, length);
  }
  for (const p of periods) {
    const k = p.kind;
    const g = p.grade;
    const to = p.end - first;
    for (let i = p.start - first; i <= to; i++) {
      const current = kind[i] ?? DAG_INGEN;
      if (k > current) {
        kind[i] = k;
        grade[i] = g;
      } else if (k === current && k === DAG_SYKMELDING && g > (grade[i] ?? 0)) {
        grade[i] = g;
      }
    }
  }
  return { first, length, kind, grade };
}

/** Reusable arrays for `buildTimeline` in hot loops (the benchmark, bulk re-computation). */
export class TimelineScratch {
  kind = new Uint8Array(1024);
  grade = new Uint8Array(1024);
  ensure(length: number): void {
    if (this.kind.length >= length) return;
    let size = this.kind.length;
    while (size < length) size *= 2;
    this.kind = new Uint8Array(size);
    this.grade = new Uint8Array(size);
  }
}
