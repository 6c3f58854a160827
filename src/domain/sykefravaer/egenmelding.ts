/**
 * Egenmelding (self-certification) policy: does a requested egenmelding fit the organisation's
 * policy and the law (ftrl §§ 8-23 – 8-27 and the organisation's own policy)? The result explains
 * itself in Norwegian and English. Flags are advice for the employer, never decisions.
 */
import {
  addMonthsToDayNumber,
  type DayNumber,
  formatEnglishLongDayNumber,
  formatNorwegianDayNumber,
  fromDayNumber,
  parseIsoDate,
} from '../calendar/index.ts';
import {
  ARBEIDSGIVERPERIODE_DAGER,
  EGENMELDING_DAGER_PER_GANG,
  EGENMELDING_GANGER_PER_12_MANEDER,
  EGENMELDING_MIN_ANSETTELSE_MANEDER,
  EGENMELDING_NYTT_FRAVAER_DAGER,
  EGENMELDING_REVURDERING_MANEDER,
  EGENMELDING_UTVIDET_DAGER_PER_12_MANEDER,
  EGENMELDING_UTVIDET_DAGER_PER_GANG,
  EGENMELDING_VINDU_MANEDER,
} from './constants.ts';
import type { IsoDate, Period } from './types.ts';

export type EgenmeldingPreset = 'statutory' | 'extended' | 'agp';

export interface EgenmeldingPolicy {
  preset: EgenmeldingPreset | 'custom';
  /** Calendar days per occasion, 1–16. */
  maxDaysPerOccasion: number;
  /** Calendar days per rolling 12 months, or null for no limit. */
  maxDaysPer12Months: number | null;
  /** Occasions per rolling 12 months before the flag, or null for no limit. */
  maxOccasionsPer12Months: number | null;
  /** Months of employment before egenmelding may be used. */
  minEmploymentMonths: number;
}

/**
 * §11.7 presets. `statutory`: ftrl § 8-24 (3 days, 4 occasions). `extended`: the former IA terms
 * (8 days per occasion, 24 per 12 months, no limit on occasions). `agp`: the whole arbeidsgiverperiode.
 * DECISION: every preset keeps the two months' employment of ftrl § 8-24 (1) — an employer policy
 * extends the number of days (§ 8-24 (4)), not the entry condition. A custom policy may set it to 0.
 */
export function egenmeldingPolicy(preset: EgenmeldingPreset): EgenmeldingPolicy {
  switch (preset) {
    case 'statutory':
      return {
        preset,
        maxDaysPerOccasion: EGENMELDING_DAGER_PER_GANG,
        maxDaysPer12Months: null,
        maxOccasionsPer12Months: EGENMELDING_GANGER_PER_12_MANEDER,
        minEmploymentMonths: EGENMELDING_MIN_ANSETTELSE_MANEDER,
      };
    case 'extended':
      return {
        preset,
        maxDaysPerOccasion: EGENMELDING_UTVIDET_DAGER_PER_GANG,
        maxDaysPer12Months: EGENMELDING_UTVIDET_DAGER_PER_12_MANEDER,
        maxOccasionsPer12Months: null,
        minEmploymentMonths: EGENMELDING_MIN_ANSETTELSE_MANEDER,
      };
    case 'agp':
      return {
        preset,
        maxDaysPerOccasion: ARBEIDSGIVERPERIODE_DAGER,
        maxDaysPer12Months: null,
        maxOccasionsPer12Months: null,
        minEmploymentMonths: EGENMELDING_MIN_ANSETTELSE_MANEDER,
      };
  }
}

/**
 * A custom policy. §1.2 / §11.7: never beyond the arbeidsgiverperiode — `maxDaysPerOccasion` must be
 * 1–16; the other limits must be positive whole numbers (or null). Throws `RangeError` otherwise.
 */
export function customEgenmeldingPolicy(values: Omit<EgenmeldingPolicy, 'preset'>): EgenmeldingPolicy {
  const whole = (n: number, min: number) => Number.isInteger(n) && n >= min;
  if (!whole(values.maxDaysPerOccasion, 1) || values.maxDaysPerOccasion > ARBEIDSGIVERPERIODE_DAGER) {
    throw new RangeError(
      `maxDaysPerOccasion: må være 1–${ARBEIDSGIVERPERIODE_DAGER} (aldri lenger enn arbeidsgiverperioden) / must be 1–${ARBEIDSGIVERPERIODE_DAGER} (never beyond the arbeidsgiverperiode)`,
    );
  }
  if (values.maxDaysPer12Months !== null && !whole(values.maxDaysPer12Months, 1)) {
    throw new RangeError(
      'maxDaysPer12Months: må være et positivt heltall eller null / must be a positive integer or null',
    );
  }
  if (values.maxOccasionsPer12Months !== null && !whole(values.maxOccasionsPer12Months, 1)) {
    throw new RangeError(
      'maxOccasionsPer12Months: må være et positivt heltall eller null / must be a positive integer or null',
    );
  }
  if (!whole(values.minEmploymentMonths, 0)) {
    throw new RangeError('minEmploymentMonths: må være et heltall ≥ 0 / must be an integer ≥ 0');
  }
  return { preset: 'custom', ...values };
}

export interface EgenmeldingRequest {
  start: IsoDate;
  end: IsoDate;
  /** Egenmelding cannot be graded: anything but absent or 100 is refused. */
  grade?: number | undefined;
}

export interface EgenmeldingCheckInput {
  policy: EgenmeldingPolicy;
  employmentStart: IsoDate;
  /** The employee's earlier absences with this employer (egenmelding and sykmelding count; others are ignored). */
  earlierAbsences: readonly Period[];
  request: EgenmeldingRequest;
  today: IsoDate;
}

export type EgenmeldingCode =
  | 'UGYLDIG_PERIODE'
  | 'GRADERT'
  | 'FREMTIDIG'
  | 'ANSETTELSESTID'
  | 'DAGER_PER_GANG'
  | 'UTENFOR_ARBEIDSGIVERPERIODEN'
  | 'DAGER_PER_12_MANEDER'
  | 'INNENFOR_REGELEN'
  | 'MANGE_GANGER';

export interface EgenmeldingMessage {
  code: EgenmeldingCode;
  nb: string;
  en: string;
}

export interface EgenmeldingResult {
  allowed: boolean;
  /** Why it is (not) allowed: the refusals, or one sentence confirming it fits the policy. */
  reasons: EgenmeldingMessage[];
  /** Advice that does not block (e.g. the fifth occasion in 12 months). */
  flags: EgenmeldingMessage[];
  facts: {
    requestedDays: number;
    /** Egenmelding days of this occasion, counting earlier days less than 16 days before (ftrl § 8-24 (4)). */
    occasionDays: number;
    daysLast12Months: number;
    occasionsLast12Months: number;
    windowStart: IsoDate;
  };
}

const nbDate = formatNorwegianDayNumber;
const enDate = formatEnglishLongDayNumber;

function dager(n: number): string {
  return n === 1 ? '1 dag' : `${n} dager`;
}
function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

function dateOrThrow(value: string, field: string): DayNumber {
  const n = parseIsoDate(value);
  if (n === null) throw new RangeError(`${field}: ugyldig dato / invalid date: ${JSON.stringify(value)}`);
  return n;
}

interface Span {
  start: DayNumber;
  end: DayNumber;
}

/** Merges day spans that overlap or touch, sorted by start. */
function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start <= last.end + 1) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function overlap(spans: readonly Span[], from: DayNumber, to: DayNumber): number {
  let n = 0;
  for (const s of spans) {
    const a = Math.max(s.start, from);
    const b = Math.min(s.end, to);
    if (b >= a) n += b - a + 1;
  }
  return n;
}

/**
 * Evaluates a requested egenmelding:
 * - not graded (nav.no: "Egenmelding kan ikke kombineres med gradert sykmelding");
 * - the start is not after `today` (egenmelding certifies sickness that has begun);
 * - ftrl § 8-24 (1): employed at least `minEmploymentMonths` at the start;
 * - ftrl § 8-24 (4): days per occasion, where egenmelding days of an absence that ended less than
 *   16 days before count with (the chain is followed back through every absence, egenmelding or
 *   sykmelding, with gaps of at most 15 days);
 * - §1.1 [NAV-GUIDE]: egenmelding only inside the arbeidsgiverperiode — the chain's sick days plus the
 *   request may not exceed 16;
 * - rolling 12 months (the 12 months before the start, from the same date a year earlier): days, and
 *   occasions. DECISION (§8 uncertainty 4): one occasion = egenmelding days grouped like the per-
 *   occasion rule (gaps of at most 15 days join them); a request that joins the last group is not a
 *   new occasion. More occasions than the policy allows (the fifth, for `statutory`) is a FLAG: the
 *   employer may withdraw the right after warning the employee; the system decides nothing.
 */
export function vurderEgenmelding(input: EgenmeldingCheckInput): EgenmeldingResult {
  const { policy, request } = input;
  const start = dateOrThrow(request.start, 'request.start');
  const end = dateOrThrow(request.end, 'request.end');
  const today = dateOrThrow(input.today, 'today');
  const employmentStart = dateOrThrow(input.employmentStart, 'employmentStart');
  const windowStartDay = addMonthsToDayNumber(start, -EGENMELDING_VINDU_MANEDER);
  const requestedDays = end >= start ? end - start + 1 : 0;
  const reasons: EgenmeldingMessage[] = [];
  const flags: EgenmeldingMessage[] = [];
  const perOccasion = Math.min(policy.maxDaysPerOccasion, ARBEIDSGIVERPERIODE_DAGER);

  // Earlier absences, clipped to the days before the request.
  const egen: Span[] = [];
  const sick: Span[] = [];
  for (let i = 0; i < input.earlierAbsences.length; i++) {
    const p = input.earlierAbsences[i];
    if (p === undefined || (p.type !== 'egenmelding' && p.type !== 'sykmelding')) continue;
    const s = dateOrThrow(p.start, `earlierAbsences[${i}].start`);
    const e = Math.min(dateOrThrow(p.end, `earlierAbsences[${i}].end`), start - 1);
    if (e < s) continue;
    sick.push({ start: s, end: e });
    if (p.type === 'egenmelding') egen.push({ start: s, end: e });
  }
  const sickSpans = mergeSpans(sick);
  const egenSpans = mergeSpans(egen);

  // ftrl § 8-24 (4): follow the chain of absences with gaps < 16 days back from the request.
  let chainStart = start;
  for (let i = sickSpans.length - 1; i >= 0; i--) {
    const s = sickSpans[i];
    if (s === undefined) continue;
    if (s.end >= chainStart - EGENMELDING_NYTT_FRAVAER_DAGER) chainStart = Math.min(chainStart, s.start);
    else break;
  }
  const chainEgenDays = overlap(egenSpans, chainStart, start - 1);
  const chainSickDays = overlap(sickSpans, chainStart, start - 1);
  const occasionDays = chainEgenDays + requestedDays;

  // Rolling 12 months.
  const daysLast12Months = overlap(egenSpans, windowStartDay, start - 1) + requestedDays;
  let groups = 0;
  let lastGroupEnd = Number.NEGATIVE_INFINITY;
  let inWindow = false;
  let joinsLast = false;
  for (const s of egenSpans) {
    if (s.start - lastGroupEnd - 1 >= EGENMELDING_NYTT_FRAVAER_DAGER) {
      if (inWindow) groups++;
      inWindow = false;
    }
    if (s.end >= windowStartDay) inWindow = true;
    lastGroupEnd = s.end;
  }
  if (inWindow) groups++;
  if (start - lastGroupEnd - 1 < EGENMELDING_NYTT_FRAVAER_DAGER && lastGroupEnd >= windowStartDay)
    joinsLast = true;
  const occasionsLast12Months = joinsLast ? groups : groups + 1;

  const period = { nb: `${nbDate(start)}–${nbDate(end)}`, en: `${enDate(start)} – ${enDate(end)}` };

  if (end < start) {
    reasons.push({
      code: 'UGYLDIG_PERIODE',
      nb: `Egenmeldingen slutter ${nbDate(end)}, før den starter ${nbDate(start)}.`,
      en: `The egenmelding ends on ${enDate(end)}, before it starts on ${enDate(start)}.`,
    });
  }
  if (request.grade !== undefined && request.grade !== 100) {
    reasons.push({
      code: 'GRADERT',
      nb: `Egenmelding kan ikke være gradert (${request.grade} %). Ved delvis fravær trengs sykmelding fra første dag.`,
      en: `Egenmelding cannot be graded (${request.grade} %). Partial absence needs a sick note from the first day.`,
    });
  }
  if (start > today) {
    reasons.push({
      code: 'FREMTIDIG',
      nb: `Egenmeldingen starter ${nbDate(start)}, etter i dag (${nbDate(today)}). Egenmelding gjelder sykdom som har begynt.`,
      en: `The egenmelding starts on ${enDate(start)}, after today (${enDate(today)}). Egenmelding covers sickness that has begun.`,
    });
  }
  if (policy.minEmploymentMonths > 0) {
    const eligibleFrom = addMonthsToDayNumber(employmentStart, policy.minEmploymentMonths);
    if (start < eligibleFrom) {
      reasons.push({
        code: 'ANSETTELSESTID',
        nb: `Den ansatte begynte ${nbDate(employmentStart)} og må ha vært ansatt i ${policy.minEmploymentMonths} måneder før egenmelding kan brukes, altså fra ${nbDate(eligibleFrom)} (ftrl § 8-24).`,
        en: `The employee started on ${enDate(employmentStart)} and must have been employed for ${policy.minEmploymentMonths} months before using egenmelding, that is from ${enDate(eligibleFrom)} (ftrl § 8-24).`,
      });
    }
  }
  if (occasionDays > perOccasion) {
    const earlier =
      chainEgenDays > 0
        ? {
            nb: `, og ${dager(chainEgenDays)} med egenmelding i fraværet som begynte ${nbDate(chainStart)} telles med fordi det er mindre enn 16 dager siden (ftrl § 8-24): til sammen ${dager(occasionDays)}`,
            en: `, and ${days(chainEgenDays)} of egenmelding in the absence that began on ${enDate(chainStart)} count too because it was less than 16 days ago (ftrl § 8-24): ${days(occasionDays)} in all`,
          }
        : { nb: '', en: '' };
    reasons.push({
      code: 'DAGER_PER_GANG',
      nb: `Egenmeldingen dekker ${dager(requestedDays)} (${period.nb})${earlier.nb}, men virksomheten tillater høyst ${dager(perOccasion)} per gang. Resten av fraværet trenger sykmelding.`,
      en: `The egenmelding covers ${days(requestedDays)} (${period.en})${earlier.en}, but the organisation allows at most ${days(perOccasion)} per occasion. The rest of the absence needs a sick note.`,
    });
  }
  if (chainSickDays + requestedDays > ARBEIDSGIVERPERIODE_DAGER) {
    reasons.push({
      code: 'UTENFOR_ARBEIDSGIVERPERIODEN',
      nb: `Egenmelding kan bare brukes i arbeidsgiverperioden (${ARBEIDSGIVERPERIODE_DAGER} dager). Med fraværet siden ${nbDate(chainStart)} blir det ${dager(chainSickDays + requestedDays)} med sykdom; etter dag ${ARBEIDSGIVERPERIODE_DAGER} trengs sykmelding.`,
      en: `Egenmelding can only be used within the arbeidsgiverperiode (${ARBEIDSGIVERPERIODE_DAGER} days). With the absence since ${enDate(chainStart)} it comes to ${days(chainSickDays + requestedDays)} of sickness; after day ${ARBEIDSGIVERPERIODE_DAGER} a sick note is needed.`,
    });
  }
  if (policy.maxDaysPer12Months !== null && daysLast12Months > policy.maxDaysPer12Months) {
    reasons.push({
      code: 'DAGER_PER_12_MANEDER',
      nb: `Med denne egenmeldingen blir det ${dager(daysLast12Months)} med egenmelding siden ${nbDate(windowStartDay)}, men virksomheten tillater høyst ${dager(policy.maxDaysPer12Months)} på 12 måneder.`,
      en: `With this egenmelding there are ${days(daysLast12Months)} of egenmelding since ${enDate(windowStartDay)}, but the organisation allows at most ${days(policy.maxDaysPer12Months)} in 12 months.`,
    });
  }
  if (policy.maxOccasionsPer12Months !== null && occasionsLast12Months > policy.maxOccasionsPer12Months) {
    flags.push({
      code: 'MANGE_GANGER',
      nb: `Dette er ${occasionsLast12Months}. gang med egenmelding siden ${nbDate(windowStartDay)}; regelen er høyst ${policy.maxOccasionsPer12Months} ganger på 12 måneder. Arbeidsgiveren kan da nekte bruk av egenmelding, men må først varsle den ansatte og la den ansatte uttale seg, og må vurdere saken på nytt etter ${EGENMELDING_REVURDERING_MANEDER} måneder. Systemet avgjør ikke dette.`,
      en: `This is occasion number ${occasionsLast12Months} of egenmelding since ${enDate(windowStartDay)}; the rule is at most ${policy.maxOccasionsPer12Months} occasions in 12 months. The employer may then refuse egenmelding, but must first warn the employee and hear them, and must reconsider after ${EGENMELDING_REVURDERING_MANEDER} months. The system does not decide this.`,
    });
  }
  const allowed = reasons.length === 0;
  if (allowed) {
    reasons.push({
      code: 'INNENFOR_REGELEN',
      nb: `Egenmeldingen dekker ${dager(requestedDays)} (${period.nb}) og er innenfor virksomhetens regel: høyst ${dager(perOccasion)} per gang${policy.maxDaysPer12Months === null ? '' : ` og ${dager(policy.maxDaysPer12Months)} på 12 måneder`}.`,
      en: `The egenmelding covers ${days(requestedDays)} (${period.en}) and is within the organisation's rule: at most ${days(perOccasion)} per occasion${policy.maxDaysPer12Months === null ? '' : ` and ${days(policy.maxDaysPer12Months)} in 12 months`}.`,
    });
  }
  return {
    allowed,
    reasons,
    flags,
    facts: {
      requestedDays,
      occasionDays,
      daysLast12Months,
      occasionsLast12Months,
      windowStart: fromDayNumber(windowStartDay),
    },
  };
}
