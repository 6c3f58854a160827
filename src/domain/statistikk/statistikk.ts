/**
 * `beregnStatistikk` — sykefraværsstatistikk by SSB's and NAV's definitions (SSB «Om
 * statistikken», NAV «Begreper, kjennemerker og grupperinger»; product decisions in ADR 0011). Pure: no clock, no I/O; the quarters are
 * passed in. The same function serves the CLI, the API, the page and its charts; masking is
 * applied here, never by a caller.
 *
 * Arithmetic is exact: a dagsverk is counted in millionths, as integers. A sick day is worth
 * `positionPercent × 100 × grade` millionths and an avtalt day `positionPercent × 100 × 100`.
 * Sums stay far below 2^53; the percentages are divided in BigInt.
 */
import { type DayNumber, fromDayNumber, parseIsoDate } from '../calendar/index.ts';
import { type AbsenceRun, absenceRuns } from './absence.ts';
import { compareCodePoints, type MaskingTree, type MaskState, maskGroups } from './masking.ts';
import { parseQuarter, quarterEnd, quarterName, quarterStart } from './quarter.ts';
import type {
  Block,
  Fem,
  GroupFigures,
  ProsentFem,
  QuarterBlock,
  RollingBlock,
  StatistikkEmployee,
  StatistikkInput,
  StatistikkOutput,
  StatistikkUnit,
  UnitFigures,
} from './types.ts';
import { Virkedager } from './virkedager.ts';

const MILLION = 1_000_000;
const NO_END = Number.MAX_SAFE_INTEGER;

/** Accumulators of one group in one quarter, in millionths of a dagsverk. */
export interface Sums {
  population: number;
  avtalte: number;
  /** legemeldt korttid, legemeldt langtid, egenmeldt korttid, egenmeldt langtid */
  lk: number;
  ll: number;
  ek: number;
  el: number;
}

export const emptySums = (): Sums => ({ population: 0, avtalte: 0, lk: 0, ll: 0, ek: 0, el: 0 });

interface Person {
  /** positionPercent × 100, an integer. */
  p100: number;
  start: DayNumber;
  end: DayNumber;
  /** The groups the person counts in: the organisation (0), the unit and every unit above it. */
  groups: number[];
  runs: AbsenceRun[];
}

/** The statistics for the requested quarters and the rolling four quarters ending with the latest. */
export function beregnStatistikk(input: StatistikkInput): StatistikkOutput {
  const requested = [...new Set(input.quarters.map(quarterIndex))].sort((a, b) => a - b);
  const latest = requested[requested.length - 1];
  if (latest === undefined)
    throw new RangeError('quarters: må ha minst ett kvartal / must have at least one quarter');
  // NAV (`antallKvartalerSomSkalSummeres = 4`): the rolling block is the four consecutive quarters ending with the latest requested.
  const rollingQuarters = [latest - 3, latest - 2, latest - 1, latest];
  const needed = [...new Set([...requested, ...rollingQuarters])].sort((a, b) => a - b);
  const first = needed[0] as number;
  const calendar = new Virkedager(quarterStart(first), quarterEnd(latest));

  const units = input.units;
  const { groupOf, chainOf } = groupChains(units);

  const people: Person[] = input.employees.map((e) => ({
    p100: Math.round(e.positionPercent * 100),
    start: parseIsoDate(e.employmentStart) as number,
    end: e.employmentEnd === null ? NO_END : (parseIsoDate(e.employmentEnd) as number),
    groups: chainOf(e.unitId === null ? 0 : (groupOf.get(e.unitId) ?? 0)),
    runs: absenceRuns(e.periods),
  }));

  const groupCount = units.length + 1;
  const perQuarter = new Map<number, Sums[]>();
  for (const q of needed) {
    const sums = Array.from({ length: groupCount }, emptySums);
    const qs = quarterStart(q);
    const qe = quarterEnd(q);
    for (const person of people) {
      // In the population when the employment overlaps the quarter (whatever the position or absence).
      if (person.start > qe || person.end < qs) continue;
      const lo = Math.max(qs, person.start);
      const hi = Math.min(qe, person.end);
      // SSB/NAV: avtalte dagsverk = virkedager within the employment × stillingsandel (no ferie deduction,
      // SSB/NAV since Q4 2018).
      const avtalte = calendar.count(lo, hi) * person.p100 * 100;
      const lost = lostIn(person.runs, lo, hi, person.p100, calendar);
      for (const g of person.groups) {
        const s = sums[g] as Sums;
        s.population++;
        s.avtalte += avtalte;
        s.lk += lost.lk;
        s.ll += lost.ll;
        s.ek += lost.ek;
        s.el += lost.el;
      }
    }
    perQuarter.set(q, sums);
  }

  // The rolling population counts distinct persons employed at any time in the four quarters.
  const rollingStart = quarterStart(rollingQuarters[0] as number);
  const rollingEnd = quarterEnd(latest);
  const distinct = new Array<number>(groupCount).fill(0);
  for (const person of people) {
    if (person.start > rollingEnd || person.end < rollingStart) continue;
    for (const g of person.groups) distinct[g] = (distinct[g] as number) + 1;
  }
  return statistikkFraSummer({ quarters: input.quarters, units, perQuarter, distinct }, calendar);
}

/** Tapte dagsverk (millionths) of one person in one quarter, split legemeldt/egenmeldt × korttid/langtid. */
export interface LostSums {
  lk: number;
  ll: number;
  ek: number;
  el: number;
}

/**
 * One person's tapte dagsverk in the days `lo…hi` (the quarter within the employment), in millionths.
 * SSB: sykefraværsdagsverk = stillingsandel × the day's grade on each virkedag within the employment.
 */
function lostIn(
  runs: readonly AbsenceRun[],
  lo: DayNumber,
  hi: DayNumber,
  p100: number,
  calendar: Virkedager,
): LostSums {
  let lk = 0;
  let ll = 0;
  let ek = 0;
  let el = 0;
  for (const run of runs) {
    if (run.end < lo || run.start > hi) continue;
    const days = calendar.count(Math.max(run.start, lo), Math.min(run.end, hi));
    if (days === 0) continue;
    const lost = days * p100 * run.grade;
    if (run.legemeldt) {
      if (run.langtid) ll += lost;
      else lk += lost;
    } else if (run.langtid) el += lost;
    else ek += lost;
  }
  return { lk, ll, ek, el };
}

/** One person's tapte dagsverk in one quarter (the quarter's index, `year × 4 + n − 1`). */
export interface QuarterContribution extends LostSums {
  quarter: number;
}

/**
 * One person's tapte dagsverk per quarter, for every quarter with any (ADR 0023): exactly the numbers
 * `beregnStatistikk` adds for the person, computed by the same code (`absenceRuns` over all the
 * person's periods — korttid/langtid needs the whole oppfølgingstilfelle — and the same per-quarter
 * sum within the employment). Quarters with no tapte dagsverk are left out.
 */
export function fravaerPerKvartal(
  employee: Omit<StatistikkEmployee, 'id' | 'unitId'>,
): QuarterContribution[] {
  const runs = absenceRuns(employee.periods);
  if (runs.length === 0) return [];
  const p100 = Math.round(employee.positionPercent * 100);
  const start = parseIsoDate(employee.employmentStart) as number;
  const end = employee.employmentEnd === null ? NO_END : (parseIsoDate(employee.employmentEnd) as number);
  const first = Math.max(start, (runs[0] as AbsenceRun).start);
  const last = Math.min(end, Math.max(...runs.map((r) => r.end)));
  if (first > last) return [];
  const firstQ = quarterIndexOfDay(first);
  const lastQ = quarterIndexOfDay(last);
  const calendar = new Virkedager(quarterStart(firstQ), quarterEnd(lastQ));
  const out: QuarterContribution[] = [];
  for (let q = firstQ; q <= lastQ; q++) {
    const lo = Math.max(quarterStart(q), start);
    const hi = Math.min(quarterEnd(q), end);
    const lost = lostIn(runs, lo, hi, p100, calendar);
    if (lost.lk + lost.ll + lost.ek + lost.el > 0) out.push({ quarter: q, ...lost });
  }
  return out;
}

/** The quarter index of a day. */
export function quarterIndexOfDay(day: DayNumber): number {
  const iso = fromDayNumber(day);
  return Number(iso.slice(0, 4)) * 4 + Math.floor((Number(iso.slice(5, 7)) - 1) / 3);
}

/** Summed figures per group (0 = the organisation, 1…n = the units in input order) and quarter. */
export interface StatistikkSummer {
  quarters: string[];
  units: StatistikkUnit[];
  /** Per quarter index: one `Sums` per group (population, avtalte and tapte dagsverk in millionths). */
  perQuarter: Map<number, Sums[]>;
  /** Distinct persons employed at some time in the rolling four quarters, per group. */
  distinct: number[];
}

/**
 * The output from summed figures: percentages, the rolling block and masking (ADR 0011). Pure;
 * `beregnStatistikk` sums per person and calls it, and the served path (ADR 0023) sums stored
 * per-person contributions in SQL and calls it, so both mask and round by the same code.
 */
export function statistikkFraSummer(input: StatistikkSummer, given?: Virkedager): StatistikkOutput {
  const requested = [...new Set(input.quarters.map(quarterIndex))].sort((a, b) => a - b);
  const latest = requested[requested.length - 1];
  if (latest === undefined)
    throw new RangeError('quarters: må ha minst ett kvartal / must have at least one quarter');
  const rollingQuarters = [latest - 3, latest - 2, latest - 1, latest];
  const first = Math.min(requested[0] as number, rollingQuarters[0] as number);
  const calendar = given ?? new Virkedager(quarterStart(first), quarterEnd(latest));
  const groupCount = input.units.length + 1;
  const perQuarter = input.perQuarter;
  const distinct = input.distinct;
  const empty = () => Array.from({ length: groupCount }, emptySums);
  for (const q of [...requested, ...rollingQuarters]) if (!perQuarter.has(q)) perQuarter.set(q, empty());
  const tree = maskingTree(input.units);

  const quarters: QuarterBlock[] = requested.map((q) => {
    const sums = perQuarter.get(q) as Sums[];
    const states = maskGroups(
      tree,
      sums.map((s) => [s.population]),
    );
    return {
      quarter: quarterName(q),
      ...blockFrame(calendar, quarterStart(q), quarterEnd(q)),
      ...groups(input, states, (g) => figures(sums[g] as Sums)),
    };
  });

  const rollingStart = quarterStart(rollingQuarters[0] as number);
  const rollingEnd = quarterEnd(latest);
  const rollingSums = rollingQuarters.map((q) => perQuarter.get(q) as Sums[]);
  const rollingStates = maskGroups(
    tree,
    Array.from({ length: groupCount }, (_, g) => rollingSums.map((s) => (s[g] as Sums).population)),
  );
  const rolling: RollingBlock = {
    quarters: rollingQuarters.map(quarterName),
    ...blockFrame(calendar, rollingStart, rollingEnd),
    ...groups(input, rollingStates, (g) => {
      // NAV: the rolling figures sum the four quarters' dagsverk; the percentage is computed from the
      // sums, never as an average of quarterly percentages.
      const total = emptySums();
      let highest = 0;
      for (const s of rollingSums) {
        const x = s[g] as Sums;
        total.avtalte += x.avtalte;
        total.lk += x.lk;
        total.ll += x.ll;
        total.ek += x.ek;
        total.el += x.el;
        highest = Math.max(highest, x.population);
      }
      total.population = distinct[g] as number;
      const shown = figures(total);
      return { ...shown, population: total.population, highestQuarterPopulation: highest };
    }),
  };

  return { quarters, rolling };
}

function quarterIndex(q: string): number {
  const index = parseQuarter(q);
  if (index === null) throw new RangeError(`quarters: ugyldig kvartal / invalid quarter: ${q}`);
  return index;
}

function blockFrame(
  calendar: Virkedager,
  start: DayNumber,
  end: DayNumber,
): Omit<Block, 'organisation' | 'units'> {
  return {
    start: fromDayNumber(start),
    end: fromDayNumber(end),
    // NAV: virkedager are Monday–Friday except the public holidays on those days.
    workingDays: calendar.count(start, end),
    holidays: calendar.holidaysIn(start, end).map(fromDayNumber),
  };
}

/**
 * Groups: 0 = the organisation, 1…n = the units in input order. `chainOf(g)` is g and every group
 * above it (a person counts in their unit, every unit above it and the organisation).
 */
export function groupChains(units: readonly StatistikkUnit[]): {
  groupOf: Map<string, number>;
  chainOf: (g: number) => number[];
} {
  const groupOf = new Map<string, number>();
  units.forEach((u, i) => {
    groupOf.set(u.id, i + 1);
  });
  const parentGroup = units.map((u) => (u.parentId === null ? 0 : (groupOf.get(u.parentId) ?? 0)));
  const chains = new Map<number, number[]>();
  const chainOf = (g: number): number[] => {
    if (g === 0) return [0];
    const known = chains.get(g);
    if (known !== undefined) return known;
    const chain = [g, ...chainOf(parentGroup[g - 1] as number)];
    chains.set(g, chain);
    return chain;
  };
  return { groupOf, chainOf };
}

/** The masking tree of the organisation and its units (the order of `maskGroups`). */
export function maskingTree(units: readonly StatistikkUnit[]): MaskingTree {
  const groupOf = new Map<string, number>();
  units.forEach((u, i) => {
    groupOf.set(u.id, i + 1);
  });
  const children: number[][] = Array.from({ length: units.length + 1 }, () => []);
  const depth = new Array<number>(units.length + 1).fill(0);
  units.forEach((u, i) => {
    const parent = u.parentId === null ? 0 : (groupOf.get(u.parentId) ?? 0);
    (children[parent] as number[]).push(i + 1);
  });
  // Depths by walking down from the organisation (the tree has no cycle: validated).
  const stack = [0];
  while (stack.length > 0) {
    const g = stack.pop() as number;
    for (const c of children[g] as number[]) {
      depth[c] = (depth[g] as number) + 1;
      stack.push(c);
    }
  }
  const ids = ['', ...units.map((u) => u.id)];
  // Masking order: the organisation first, then the units by depth (top level first), then by id.
  const order = [
    0,
    ...units
      .map((_, i) => i + 1)
      .sort(
        (a, b) =>
          (depth[a] as number) - (depth[b] as number) ||
          compareCodePoints(ids[a] as string, ids[b] as string),
      ),
  ];
  return { children, order, ids };
}

function groups(
  input: { units: readonly StatistikkUnit[] },
  states: readonly MaskState[],
  shown: (g: number) => GroupFigures,
): { organisation: GroupFigures; units: UnitFigures[] } {
  const one = (g: number): GroupFigures => {
    const state = states[g] as MaskState;
    // A masked group has no figures at all, only the reason.
    return state === 'shown' ? shown(g) : { masked: true, maskReason: state };
  };
  return {
    organisation: one(0),
    units: input.units.map((u, i) => ({ unitId: u.id, name: u.name, ...one(i + 1) })),
  };
}

function figures(s: Sums): GroupFigures {
  const tapte = {
    total: s.lk + s.ll + s.ek + s.el,
    legemeldt: s.lk + s.ll,
    egenmeldt: s.ek + s.el,
    korttid: s.lk + s.ek,
    langtid: s.ll + s.el,
  };
  const dagsverk = (x: number) => x / MILLION;
  const tapteDagsverk: Fem = {
    total: dagsverk(tapte.total),
    legemeldt: dagsverk(tapte.legemeldt),
    egenmeldt: dagsverk(tapte.egenmeldt),
    korttid: dagsverk(tapte.korttid),
    langtid: dagsverk(tapte.langtid),
  };
  const prosent: ProsentFem = {
    total: percent(tapte.total, s.avtalte),
    legemeldt: percent(tapte.legemeldt, s.avtalte),
    egenmeldt: percent(tapte.egenmeldt, s.avtalte),
    korttid: percent(tapte.korttid, s.avtalte),
    langtid: percent(tapte.langtid, s.avtalte),
  };
  return {
    masked: false,
    population: s.population,
    avtalteDagsverk: dagsverk(s.avtalte),
    tapteDagsverk,
    prosent,
  };
}

/**
 * NAV/SSB: tapte × 100 / avtalte, rounded once to one decimal, half-up (NAV `RoundingMode.HALF_UP`);
 * null when avtalte is 0. Exact: floor((2 × 1000 × tapte + avtalte) / (2 × avtalte)) tenths.
 */
export function percent(tapte: number, avtalte: number): number | null {
  if (avtalte === 0) return null;
  const t = BigInt(tapte);
  const a = BigInt(avtalte);
  const tenths = (2000n * t + a) / (2n * a);
  return Number(tenths) / 10;
}
