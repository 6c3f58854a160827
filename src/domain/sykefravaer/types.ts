/** Public types of the sick-leave rule engine (the shapes of the `naervaer plan` contract, plus documented extra keys). */
import type { IsoDate } from '../calendar/index.ts';

export type { IsoDate };

export const PERIOD_TYPES = ['sykmelding', 'egenmelding', 'ferie', 'arbeid', 'behandlingsdager'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** One absence (or presence) period, dates inclusive. */
export interface Period {
  start: IsoDate;
  end: IsoDate;
  type: PeriodType;
  /** 1–100, required for `sykmelding`; absent or 100 for the others. */
  grade?: number | undefined;
}

/** The employer's confirmed (or corrected) end of the arbeidsgiverperiode of the case starting `caseStart`. */
export interface ArbeidsgiverperiodeOverride {
  caseStart: IsoDate;
  end: IsoDate;
}

export interface PlanInput {
  periods: Period[];
  birthDate?: IsoDate | undefined;
  /** Extra input: confirmed AGP ends (§11.2). */
  arbeidsgiverperiodeOverrides?: ArbeidsgiverperiodeOverride[] | undefined;
  /** Extra input: the date NAV set for dialogmøte 2, once known (moves `oppfolgingsplanTilNav`). */
  dialogmote2Date?: IsoDate | undefined;
}

export interface Text {
  nb: string;
  en: string;
}

export interface PlanCase {
  start: IsoDate;
  end: IsoDate;
  sickDays: number;
  gradertAtEnd: boolean;
}

export interface PlanArbeidsgiverperiode {
  start: IsoDate;
  end: IsoDate;
  days: number;
  /** Extra key: true when the end comes from an `arbeidsgiverperiodeOverrides` entry. */
  overridden?: boolean;
  /** Extra key (only with `overridden`): the end the engine computed itself, or null if it found none. */
  computedEnd?: IsoDate | null;
}

export const MILESTONE_KEYS = [
  'oppfolgingsplan',
  'dialogmote1',
  'aktivitetsplikt',
  'motebehov',
  'oppfolgingsplanTilNav',
  'dialogmote2',
  'aap',
  'maksdato',
  'oppsigelsesvern',
] as const;
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];

export type MilestoneStatus = 'required' | 'conditional' | 'not-required' | 'met-graded' | 'informational';

export interface Milestone {
  key: MilestoneKey;
  /** Only on windows (`motebehov`). */
  from?: IsoDate;
  /** `null` only for `maksdato` and `aap` when the person has no right to sykepenger (70 or older). */
  due: IsoDate | null;
  status: MilestoneStatus;
  reminders: IsoDate[];
  legalBasis: string;
  /** Extra key: one sentence for a leader, with concrete dates. */
  explanation: Text;
}

export type MaksdatoRule = 'ordinaer' | 'over-67' | 'over-70' | 'ingen-rett';

export interface FollowUp {
  caseStart: IsoDate;
  milestones: Milestone[];
  maksdato: IsoDate | null;
  oppsigelsesvernTil: IsoDate;
  /** Extra key: the last day of the latest case. */
  caseEnd: IsoDate;
  /** Extra key: the maksdato lies after the known periods (the sickness is assumed to go on). */
  maksdatoForelopig: boolean;
  /** Extra key: which limit decides the maksdato (248 days, 60 days over 67, the 70th birthday). */
  maksdatoRegel: MaksdatoRule;
  /** Extra key: sykepengedager counted from the known periods (up to the end of the latest case). */
  sykepengedagerBrukt: number;
}

export interface PlanWarning {
  code: string;
  nb: string;
  en: string;
}

export interface PlanOutput {
  cases: PlanCase[];
  arbeidsgiverperioder: PlanArbeidsgiverperiode[];
  followUp: FollowUp | null;
  /** Extra key: inputs the engine could not use (e.g. an AGP override for a case that does not exist). */
  warnings: PlanWarning[];
}
