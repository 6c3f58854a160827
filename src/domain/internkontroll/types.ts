/**
 * The company profile and the duties it implies (IK-f §§ 4–5, aml kap. 2 A, 3, 5, 6, 7, 10,
 * FOLM kap. 3 and 13, FUA kap. 2 and 31). The wire shape is the `naervaer plikter` contract;
 * the same types serve the API, the IK dashboard and the årshjul. Pure: no I/O, no clock.
 */
import type { IsoDate } from '../calendar/index.ts';

export const NACE_SYSTEMS = ['SN2007', 'SN2025'] as const;
export type NaceSystem = (typeof NACE_SYSTEMS)[number];

export const CMR_KINDS = ['carcinogenic', 'mutagenic', 'reprotoxic'] as const;
export type CmrKind = (typeof CMR_KINDS)[number];

export const AMU_DEMANDED_BY = ['none', 'employer', 'employees', 'union'] as const;
export type AmuDemandedBy = (typeof AMU_DEMANDED_BY)[number];

export type NaceCode = {
  system: NaceSystem;
  /** The code as registered in Enhetsregisteret, e.g. "41.200"; null when it could not be read. */
  code: string | null;
  /** The SN2025 equivalent used for the FOLM § 13-1 list; null when it could not be converted. */
  sn2025: string | null;
  label: string;
};

/** The input of `naervaer plikter`: the facts the duties follow from. */
export type CompanyProfile = {
  employeesTotal: number;
  employeesAvg20hLastYear: number;
  hiredWorkers: number;
  nace: NaceCode | null;
  hazardousChemicals: boolean;
  cmrExposure: CmrKind | null;
  asbestosExposure: boolean;
  biologicalAgents: boolean;
  nightWorkMainly: boolean;
  verneomraader: number;
  amuDemandedBy: AmuDemandedBy;
  alternativeVoAgreementValid: boolean;
  arbeidstilsynetOrders: { vo: boolean; amu: boolean; bht: boolean };
  bhtRiskAssessmentSaysRequired: boolean | null;
};

export type RequiredOrNot = 'required' | 'not-applicable';
export type VerneombudStatus =
  | 'required'
  | 'required-unless-agreement'
  | 'alternative-agreement'
  | 'not-applicable';
export type AmuStatus = 'required' | 'on-demand' | 'not-required' | 'not-applicable';
export type BhtStatus =
  | 'required-by-nace'
  | 'ordered'
  | 'required-by-risk'
  | 'assess-risk'
  | 'needs-verification'
  | 'not-applicable';
export type VarslingStatus = 'required' | 'recommended' | 'not-applicable';

export const DUTY_KEYS = [
  'internkontroll',
  'leaderHmsTraining',
  'injuryRegister',
  'sickLeaveStatistics',
  'verneombud',
  'hovedverneombud',
  'amu',
  'bht',
  'varslingRoutine',
  'stoffkartotek',
  'exposureRegister',
  'voAmuTraining40h',
  'nightWorkHealthCheck',
  'bhtPlanAndAnnualReport',
  'amuAnnualReport',
] as const;
export type DutyKey = (typeof DUTY_KEYS)[number];

/** The recurring årshjul items of the rules' §9 table (event-driven tasks are not listed). */
export const ARSHJUL_KEYS = [
  'amu-arsrapport',
  'amu-ledervalg',
  'amu-moter',
  'amu-valg',
  'arlig-gjennomgang',
  'bht-plan-arsrapport',
  'bht-vurdering',
  'eksponeringsregister-kontroll',
  'ia-agenda-halvar',
  'leder-hms-opplaering',
  'medarbeidersamtaler',
  'medarbeiderundersokelse',
  'natt-helsekontroll',
  'stoffkartotek-gjennomgang',
  'sykefravaersstatistikk-kvartal',
  'varslingsrutine-gjennomgang',
  'verneomrader-gjennomgang',
  'vernerunde-arlig',
  'vernerunde-kvartalsvis',
  'vo-alternativ-fornyelse',
  'vo-amu-opplaering',
  'vo-valg',
] as const;
export type ArshjulKey = (typeof ARSHJUL_KEYS)[number];

/**
 * Why a duty has its status. `kind` is `lovkrav` only when law or regulation says so;
 * guidance and product defaults are `anbefalt` and are never presented as law.
 */
export type DutyReason = { nb: string; en: string; legalBasis: string; kind: 'lovkrav' | 'anbefalt' };

/** The output of `naervaer plikter`. */
export type Duties = {
  internkontroll: RequiredOrNot;
  ikWrittenPoints: number[];
  leaderHmsTraining: RequiredOrNot;
  injuryRegister: RequiredOrNot;
  sickLeaveStatistics: RequiredOrNot;
  verneombud: VerneombudStatus;
  hovedverneombud: RequiredOrNot;
  amu: AmuStatus;
  amuBasis: number;
  bht: BhtStatus;
  bhtMatchedListEntry: string | null;
  varslingRoutine: VarslingStatus;
  stoffkartotek: RequiredOrNot;
  exposureRegister: RequiredOrNot;
  exposureRegisterRetentionYears: number | null;
  voAmuTraining40h: RequiredOrNot;
  nightWorkHealthCheck: RequiredOrNot;
  bhtPlanAndAnnualReport: RequiredOrNot;
  amuAnnualReport: RequiredOrNot;
  arshjul: ArshjulKey[];
  reasons: Record<DutyKey, DutyReason>;
};

/** Roles that own an årshjul item (a subset of the product's roles). */
export type ArshjulOwnerRole = 'admin' | 'hr' | 'leder' | 'verneombud' | 'amu' | 'bht';

/** One dated occurrence of an årshjul item in a calendar year. */
export type ArshjulOccurrence = {
  key: ArshjulKey;
  /** Distinguishes occurrences of the same key in one year: "" for yearly items, "q1".."q4", "h1"/"h2". */
  occurrence: string;
  due: IsoDate;
  ownerRole: ArshjulOwnerRole;
  title: { nb: string; en: string };
  /** Sub-tasks shown under the item (the annual review package has five). */
  subtasks: { nb: string; en: string }[];
  legalBasis: string;
  kind: 'lovkrav' | 'anbefalt';
};

/** An årshjul row that does not apply to this profile, and why ("Ikke aktuelt — fordi …"). */
export type ArshjulNotApplicable = {
  key: ArshjulKey;
  title: { nb: string; en: string };
  reason: { nb: string; en: string };
  legalBasis: string;
  /**
   * Set only when the row does apply to the profile but falls due in a later year (a two-year election
   * that is not due this year, an alternative VO agreement valid beyond the year): the next due date.
   */
  nextDue?: IsoDate;
};

/** Dates the generator needs beyond the profile (elections are dated events). */
export type ArshjulContext = {
  year: number;
  /** Last VO election (FOLM § 3-4: two-year terms); null when none is recorded. */
  lastVoElection: IsoDate | null;
  /** Last AMU member election (FOLM § 3-15). */
  lastAmuElection: IsoDate | null;
  /** Valid-until date of the alternative VO agreement (aml § 6-1), when there is one. */
  alternativeVoAgreementUntil: IsoDate | null;
};

export type ArshjulPlan = { items: ArshjulOccurrence[]; notApplicable: ArshjulNotApplicable[] };
