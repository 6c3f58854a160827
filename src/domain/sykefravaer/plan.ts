/**
 * `beregnPlan` — the single entry of the rule engine: periods in, the plan (the `naervaer plan` contract) out.
 * Pure: no I/O, no clock. The CLI (`naervaer plan`) and the HTTP API both call it.
 */
import {
  type DayNumber,
  formatEnglishLongDayNumber,
  formatNorwegianDayNumber,
  fromDayNumber,
  parseIsoDate,
} from '../calendar/index.ts';
import {
  type AgpOverride,
  type AgpSpan,
  applyAgpOverrides,
  computeArbeidsgiverperioder,
} from './arbeidsgiverperiode.ts';
import { beregnMaksdato } from './maksdato.ts';
import { buildMilestones } from './milestones.ts';
import { type CaseSpan, mergeOppfolgingstilfeller } from './oppfolgingstilfelle.ts';
import { oppsigelsesvernTil } from './oppsigelsesvern.ts';
import {
  buildTimeline,
  type Timeline,
  TimelineScratch,
  timelineFromPeriods,
  toDayPeriods,
} from './timeline.ts';
import type {
  FollowUp,
  PlanArbeidsgiverperiode,
  PlanCase,
  PlanInput,
  PlanOutput,
  PlanWarning,
} from './types.ts';

export interface PlanOptions {
  /** Reuse typed arrays between calls (bulk computation). Default: a shared module-level scratch. */
  scratch?: TimelineScratch;
}

const sharedScratch = new TimelineScratch();

function day(value: string, field: string): DayNumber {
  const n = parseIsoDate(value);
  if (n === null) throw new RangeError(`${field}: ugyldig dato / invalid date`);
  return n;
}

/** All intermediate results of the engine, in day numbers (for tests and other domain code). */
export interface PlanComputation {
  timeline: Timeline | null;
  cases: CaseSpan[];
  arbeidsgiverperioder: AgpSpan[];
  unusedOverrides: AgpOverride[];
}

/**
 * Computes the plan. The input must be valid (see `planInputSchema` / `parsePlanInput`); a bad date
 * throws `RangeError`. Extra output keys: `warnings`, and those documented in `types.ts`.
 */
export function beregnPlan(input: PlanInput, options: PlanOptions = {}): PlanOutput {
  const scratch = options.scratch ?? sharedScratch;
  const timeline = timelineFromPeriods(input.periods, scratch);
  if (timeline === null) return { cases: [], arbeidsgiverperioder: [], followUp: null, warnings: [] };

  const cases = mergeOppfolgingstilfeller(timeline);
  let agps = computeArbeidsgiverperioder(timeline);
  const warnings: PlanWarning[] = [];
  const overrides = input.arbeidsgiverperiodeOverrides;
  if (overrides !== undefined && overrides.length > 0) {
    const applied = applyAgpOverrides(
      timeline,
      agps,
      cases,
      overrides.map((o, i) => ({
        caseStart: day(o.caseStart, `arbeidsgiverperiodeOverrides[${i}].caseStart`),
        end: day(o.end, `arbeidsgiverperiodeOverrides[${i}].end`),
      })),
    );
    agps = applied.agps;
    for (const o of applied.unused) {
      warnings.push({
        code: 'AGP_OVERRIDE_UNUSED',
        nb: `Overstyringen av arbeidsgiverperioden for fraværet som starter ${formatNorwegianDayNumber(o.caseStart)} er ikke brukt: det finnes ikke noe fravær som starter den dagen, eller slutten ligger før starten.`,
        en: `The arbeidsgiverperiode override for the absence starting ${formatEnglishLongDayNumber(o.caseStart)} was not used: no absence starts on that day, or the end is before the start.`,
      });
    }
  }

  const outCases: PlanCase[] = new Array<PlanCase>(cases.length);
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i] as CaseSpan;
    outCases[i] = {
      start: fromDayNumber(c.start),
      end: fromDayNumber(c.end),
      sickDays: c.sickDays,
      gradertAtEnd: c.gradertAtEnd,
    };
  }
  const outAgps: PlanArbeidsgiverperiode[] = new Array<PlanArbeidsgiverperiode>(agps.length);
  for (let i = 0; i < agps.length; i++) {
    const a = agps[i] as AgpSpan;
    outAgps[i] = a.overridden
      ? {
          start: fromDayNumber(a.start),
          end: fromDayNumber(a.end),
          days: a.days,
          overridden: true,
          computedEnd: a.computedEnd === null ? null : fromDayNumber(a.computedEnd),
        }
      : { start: fromDayNumber(a.start), end: fromDayNumber(a.end), days: a.days };
  }

  const latest = cases[cases.length - 1];
  let followUp: FollowUp | null = null;
  if (latest !== undefined) {
    const birth = input.birthDate === undefined ? null : day(input.birthDate, 'birthDate');
    const maks = beregnMaksdato(timeline, agps, latest, birth);
    const vern = oppsigelsesvernTil(latest.start);
    const meeting =
      input.dialogmote2Date === undefined ? null : day(input.dialogmote2Date, 'dialogmote2Date');
    followUp = {
      caseStart: fromDayNumber(latest.start),
      milestones: buildMilestones({ latest, maks, oppsigelsesvernTil: vern, dialogmote2Date: meeting }),
      maksdato: maks.maksdato === null ? null : fromDayNumber(maks.maksdato),
      oppsigelsesvernTil: fromDayNumber(vern),
      caseEnd: fromDayNumber(latest.end),
      maksdatoForelopig: maks.forelopig,
      maksdatoRegel: maks.rule,
      sykepengedagerBrukt: maks.used,
    };
  }
  return { cases: outCases, arbeidsgiverperioder: outAgps, followUp, warnings };
}

/** The engine's intermediate results (day numbers), without building the output. For domain code and tests. */
export function beregnTilfeller(input: PlanInput): PlanComputation {
  const timeline = buildTimeline(toDayPeriods(input.periods));
  if (timeline === null) return { timeline, cases: [], arbeidsgiverperioder: [], unusedOverrides: [] };
  const cases = mergeOppfolgingstilfeller(timeline);
  const agps = computeArbeidsgiverperioder(timeline);
  const overrides = (input.arbeidsgiverperiodeOverrides ?? []).map((o, i) => ({
    caseStart: day(o.caseStart, `arbeidsgiverperiodeOverrides[${i}].caseStart`),
    end: day(o.end, `arbeidsgiverperiodeOverrides[${i}].end`),
  }));
  const applied = applyAgpOverrides(timeline, agps, cases, overrides);
  return { timeline, cases, arbeidsgiverperioder: applied.agps, unusedOverrides: applied.unused };
}
