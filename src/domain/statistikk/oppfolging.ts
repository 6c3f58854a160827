/**
 * ★ Oppfølging innen fristen — the product's own KPI (ADR 0011): of the oppfølgingstilfeller whose
 * oppfølgingsplan (aml § 4-6 (3): by 4 weeks) or dialogmøte 1 (aml § 4-6 (4): by 7 weeks) was due
 * in a quarter, the share done by the deadline, per unit (with subunits) and for the organisation.
 * Pure: `today` is a parameter. The cases, whether a milestone is required and its due date come
 * from the sick-leave rule engine (`mergeOppfolgingstilfeller`, `oppfolgingsplanStatus`,
 * `dialogmote1Status`, `due`) — nothing here computes a deadline of its own.
 *
 * Counting (product decisions, ADR 0011):
 * - a case counts in the block (quarter or rolling four quarters) in which its due date falls, and
 *   only when the milestone is `required` (a dialogmøte 1 that is only `conditional` — every sick
 *   day graded — is not a duty and is not counted);
 * - done on or before the due date → i tide; done after it, or not done when the due date has
 *   passed → for sent;
 * - recorded «åpenbart unødvendig» (aml § 4-6 (3) and (4): «med mindre dette er åpenbart
 *   unødvendig») → the law's own exception: not counted;
 * - not done and the due date is today or later → not decided yet: not counted.
 * Masking (k = 5, as the rates): a group is shown only when at least 5 persons have a counted case
 * in the block (so also at least 5 cases), with the same complementary suppression.
 */
import { type DayNumber, fromDayNumber, type IsoDate, parseIsoDate } from '../calendar/index.ts';
import {
  buildTimeline,
  DIALOGMOTE1_UKER,
  dialogmote1Status,
  due,
  mergeOppfolgingstilfeller,
  OPPFOLGINGSPLAN_UKER,
  oppfolgingsplanStatus,
  TimelineScratch,
  toDayPeriods,
} from '../sykefravaer/index.ts';
import { type MaskState, maskGroups } from './masking.ts';
import { parseQuarter, quarterEnd, quarterName, quarterStart } from './quarter.ts';
import { groupChains, maskingTree, percent } from './statistikk.ts';
import type { MaskReason, Period, StatistikkUnit } from './types.ts';

export const OPPFOLGING_KEYS = ['oppfolgingsplan', 'dialogmote1'] as const;
export type OppfolgingKey = (typeof OPPFOLGING_KEYS)[number];

/** The deadline of each milestone in weeks from the case's first day (the rule engine's constants). */
export const OPPFOLGING_UKER: Record<OppfolgingKey, number> = {
  oppfolgingsplan: OPPFOLGINGSPLAN_UKER, // aml § 4-6 (3)
  dialogmote1: DIALOGMOTE1_UKER, // aml § 4-6 (4)
};

/** A stored record of the sick-leave module: done (with the day it was done) or «åpenbart unødvendig». */
export interface OppfolgingRecord {
  milestoneKey: OppfolgingKey;
  /** The first day of the case the record belongs to (records of another case start are ignored). */
  caseStart: IsoDate;
  kind: 'done' | 'exception';
  /** The day it was done (or the exception recorded). */
  on: IsoDate;
}

export interface OppfolgingEmployee {
  id: string;
  unitId: string | null;
  periods: Period[];
  records: OppfolgingRecord[];
}

export interface OppfolgingInput {
  quarters: string[];
  units: StatistikkUnit[];
  employees: OppfolgingEmployee[];
  today: IsoDate;
}

export interface KpiShown {
  masked: false;
  /** Cases counted (i tide + for sent). */
  cases: number;
  inTime: number;
  late: number;
  /** inTime × 100 / cases, one decimal, half-up; null with no case. */
  percent: number | null;
}
export type KpiFigures = KpiShown | { masked: true; maskReason: MaskReason };
export type KpiUnitFigures = KpiFigures & { unitId: string; name: string };

export interface KpiGroups {
  organisation: KpiFigures;
  units: KpiUnitFigures[];
}

export interface OppfolgingBlock {
  start: IsoDate;
  end: IsoDate;
  oppfolgingsplan: KpiGroups;
  dialogmote1: KpiGroups;
}

export interface OppfolgingOutput {
  quarters: (OppfolgingBlock & { quarter: string })[];
  rolling: OppfolgingBlock & { quarters: string[] };
}

/** One decided case: its due day, the employee, whether it was done in time. */
interface Outcome {
  person: number;
  dueDay: DayNumber;
  inTime: boolean;
}

/** The decided cases of one employee for one milestone (exported for the unit tests' worked cases). */
export function decidedCases(
  periods: readonly Period[],
  records: readonly OppfolgingRecord[],
  key: OppfolgingKey,
  today: IsoDate,
  scratch: TimelineScratch = new TimelineScratch(),
): { dueDay: DayNumber; inTime: boolean }[] {
  if (periods.length === 0) return [];
  const timeline = buildTimeline(toDayPeriods(periods), scratch);
  if (timeline === null) return [];
  const todayDay = parseIsoDate(today) as number;
  const out: { dueDay: DayNumber; inTime: boolean }[] = [];
  for (const c of mergeOppfolgingstilfeller(timeline)) {
    const status = key === 'oppfolgingsplan' ? oppfolgingsplanStatus(c) : dialogmote1Status(c);
    if (status !== 'required') continue;
    const dueDay = due(c.start, OPPFOLGING_UKER[key]);
    const caseStart = fromDayNumber(c.start);
    let doneOn: number | null = null;
    let exempt = false;
    for (const r of records) {
      if (r.milestoneKey !== key || r.caseStart !== caseStart) continue;
      if (r.kind === 'exception') exempt = true;
      else {
        const day = parseIsoDate(r.on) as number;
        if (doneOn === null || day < doneOn) doneOn = day;
      }
    }
    if (doneOn !== null) out.push({ dueDay, inTime: doneOn <= dueDay });
    else if (exempt) continue;
    else if (dueDay < todayDay) out.push({ dueDay, inTime: false });
  }
  return out;
}

/** The KPI for the requested quarters and the rolling four quarters ending with the latest. */
export function beregnOppfolging(input: OppfolgingInput): OppfolgingOutput {
  const requested = [...new Set(input.quarters.map((q) => parseQuarter(q)))]
    .filter((q): q is number => q !== null)
    .sort((a, b) => a - b);
  const latest = requested[requested.length - 1];
  if (latest === undefined)
    throw new RangeError('quarters: må ha minst ett kvartal / must have at least one quarter');
  const rollingQuarters = [latest - 3, latest - 2, latest - 1, latest];
  const { groupOf, chainOf } = groupChains(input.units);
  const tree = maskingTree(input.units);
  const groupCount = input.units.length + 1;

  const scratch = new TimelineScratch();
  const chains: number[][] = [];
  const outcomes: Record<OppfolgingKey, Outcome[]> = { oppfolgingsplan: [], dialogmote1: [] };
  input.employees.forEach((e, person) => {
    chains.push(chainOf(e.unitId === null ? 0 : (groupOf.get(e.unitId) ?? 0)));
    for (const key of OPPFOLGING_KEYS) {
      for (const o of decidedCases(e.periods, e.records, key, input.today, scratch)) {
        outcomes[key].push({ person, ...o });
      }
    }
  });

  const block = (from: DayNumber, to: DayNumber) => {
    const one = (key: OppfolgingKey): KpiGroups => {
      const cases = new Array<number>(groupCount).fill(0);
      const inTime = new Array<number>(groupCount).fill(0);
      const persons: Set<number>[] = Array.from({ length: groupCount }, () => new Set<number>());
      for (const o of outcomes[key]) {
        if (o.dueDay < from || o.dueDay > to) continue;
        for (const g of chains[o.person] as number[]) {
          cases[g] = (cases[g] as number) + 1;
          if (o.inTime) inTime[g] = (inTime[g] as number) + 1;
          (persons[g] as Set<number>).add(o.person);
        }
      }
      const states = maskGroups(
        tree,
        persons.map((p) => [p.size]),
      );
      const figures = (g: number): KpiFigures => {
        const state = states[g] as MaskState;
        if (state !== 'shown') return { masked: true, maskReason: state };
        const n = cases[g] as number;
        const t = inTime[g] as number;
        return { masked: false, cases: n, inTime: t, late: n - t, percent: percent(t, n) };
      };
      return {
        organisation: figures(0),
        units: input.units.map((u, i) => ({ unitId: u.id, name: u.name, ...figures(i + 1) })),
      };
    };
    return {
      start: fromDayNumber(from),
      end: fromDayNumber(to),
      oppfolgingsplan: one('oppfolgingsplan'),
      dialogmote1: one('dialogmote1'),
    };
  };

  return {
    quarters: requested.map((q) => ({ quarter: quarterName(q), ...block(quarterStart(q), quarterEnd(q)) })),
    rolling: {
      quarters: rollingQuarters.map(quarterName),
      ...block(quarterStart(rollingQuarters[0] as number), quarterEnd(latest)),
    },
  };
}
