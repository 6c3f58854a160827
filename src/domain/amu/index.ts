/**
 * Arbeidsmiljøutvalget (AMU) — the rules, pure (no I/O, no clock: `today` is a parameter).
 *
 * - aml § 7-1 (4), FOLM § 3-7: equal numbers from the employer's and the employees' side; at least one
 *   BHT representative is a permanent member without a vote.
 * - aml § 7-1 (4), FOLM § 3-12: the chair is elected alternately by the two sides, one year at a time
 *   (`chairSideFor`, shared with the roller module).
 * - FOLM § 3-16: normally four meetings a year; a meeting when at least two members demand it;
 *   minutes are written.
 * - aml § 7-2 (2) a, b, e, (3), (4), FOLM § 2-3 a: what the committee must handle (the agenda).
 * - aml § 7-2 (6): a yearly report to the enterprise's governing bodies and the employees'
 *   organisations (the årsrapport); its content and due date are product defaults («anbefalt»).
 */
import type { Role } from '../access/roles.ts';
import {
  addDays,
  daysFromCivil,
  formatNorwegian,
  fromDayNumber,
  type IsoDate,
  isWorkingDay,
} from '../calendar/index.ts';
import { type AmuSide, chairSideFor } from '../roller/index.ts';

export type Text = { nb: string; en: string };
export { type AmuSide, chairSideFor };

// ——— Who may do what ———————————————————————————————————————————————————————————————————————

/** Who edits the committee's records: its members (login role `amu`) and HR/admin. */
export const AMU_EDITORS: readonly Role[] = ['admin', 'hr', 'amu'];
/** Who reads every record (agenda data, drafts, the årsrapport): the editors and the BHT (FOLM § 3-7: a member without a vote). */
export const AMU_READERS: readonly Role[] = ['admin', 'hr', 'amu', 'bht'];
/** Everyone in the organisation reads published minutes (FOLM § 2-3 e: insight for the employees). */
export const MINUTES_READERS: readonly Role[] = [
  'admin',
  'hr',
  'amu',
  'bht',
  'leder',
  'ansatt',
  'verneombud',
  'tillitsvalgt',
];

const holds = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));
export const canEditAmu = (roles: readonly Role[]) => holds(roles, AMU_EDITORS);
export const canReadAllAmu = (roles: readonly Role[]) => holds(roles, AMU_READERS);

// ——— Meetings ——————————————————————————————————————————————————————————————————————————————

/** FOLM § 3-16: «normalt 4 møter pr. år» — the product's default plan. */
export const MEETINGS_PER_YEAR = 4;

export const MEETING_KINDS = ['ordinaer', 'krav'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** `planlagt`: no minutes yet; `utkast`: minutes being written; `publisert`: approved and published. */
export const MEETING_STATUSES = ['planlagt', 'utkast', 'publisert'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** The first working day on or after `date`. */
export function onOrAfterWorkingDay(date: IsoDate): IsoDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The last working day on or before `date`. */
export function onOrBeforeWorkingDay(date: IsoDate): IsoDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/**
 * The year's four default meeting dates (FOLM § 3-16 «normalt 4 møter»; the dates are the årshjul's
 * product default: the 15th of the second month of each quarter), moved to the next working day when
 * the 15th is a weekend or a public holiday («anbefalt»; every date can be changed).
 */
export function defaultMeetingDates(year: number): { occurrence: string; date: IsoDate }[] {
  return [2, 5, 8, 11].map((month, i) => ({
    occurrence: `q${i + 1}`,
    date: onOrAfterWorkingDay(fromDayNumber(daysFromCivil(year, month, 15))),
  }));
}

/** FOLM § 3-16: the committee must meet when at least two members demand it. */
export const DEMAND_MIN_MEMBERS = 2;
/** Product default («anbefalt», not law): the meeting a demand calls is held within 14 days. */
export const DEMAND_DAYS = 14;

/**
 * The last day the meeting a demand calls may be held: 14 days after the demand was backed by the
 * second member (the day the committee «must» meet, FOLM § 3-16), moved back to a working day.
 */
export function demandDeadline(supportedOn: IsoDate): IsoDate {
  return onOrBeforeWorkingDay(addDays(supportedOn, DEMAND_DAYS));
}

/** Two different members make a demand (FOLM § 3-16); the same person twice does not. */
export function demandIsBacked(memberUserIds: readonly string[]): boolean {
  return new Set(memberUserIds).size >= DEMAND_MIN_MEMBERS;
}

/** A demanded meeting's date must be between the day it was backed and its deadline. */
export function demandDateProblem(date: IsoDate, supportedOn: IsoDate): Text | null {
  const deadline = demandDeadline(supportedOn);
  if (date < supportedOn)
    return { nb: 'Møtet kan ikke være før kravet.', en: 'The meeting cannot be before the demand.' };
  if (date > deadline) {
    return {
      nb: `Møtet skal holdes innen 14 dager, senest ${formatNorwegian(deadline)}.`,
      en: `The meeting must be held within 14 days, by ${formatNorwegian(deadline)}.`,
    };
  }
  return null;
}

/** Decisions with an action: reminded 7 days before and on the due date («anbefalt»). */
export const ACTION_REMINDER_DAYS = 7;
export function actionReminderDates(due: IsoDate): IsoDate[] {
  return [addDays(due, -ACTION_REMINDER_DAYS), due];
}

// ——— Composition ————————————————————————————————————————————————————————————————————————————

export type AmuMember = { side: AmuSide | 'bht'; name: string };

export type CompositionProblem = 'no-members' | 'unequal-sides' | 'no-bht';

/**
 * What is missing from the committee as registered: members at all; equal numbers from both sides
 * (aml § 7-1 (4)); a BHT representative (FOLM § 3-7).
 */
export function compositionProblems(members: readonly AmuMember[]): CompositionProblem[] {
  const employer = members.filter((m) => m.side === 'arbeidsgiver').length;
  const employees = members.filter((m) => m.side === 'arbeidstaker').length;
  if (employer + employees === 0) return ['no-members'];
  const out: CompositionProblem[] = [];
  if (employer !== employees) out.push('unequal-sides');
  if (!members.some((m) => m.side === 'bht')) out.push('no-bht');
  return out;
}

export const COMPOSITION_TEXT: Record<CompositionProblem, Text> = {
  'no-members': {
    nb: 'Ingen medlemmer er registrert under Roller og verv.',
    en: 'No members are registered under Roles and offices.',
  },
  'unequal-sides': {
    nb: 'Arbeidsgiver- og arbeidstakersiden skal ha like mange medlemmer (aml § 7-1 (4)).',
    en: "The employer's and the employees' side must have the same number of members (aml § 7-1 (4)).",
  },
  'no-bht': {
    nb: 'Bedriftshelsetjenesten skal ha minst én fast representant uten stemmerett (FOLM § 3-7).',
    en: 'The occupational health service must have at least one permanent representative without a vote (FOLM § 3-7).',
  },
};

// ——— Agenda ————————————————————————————————————————————————————————————————————————————————

/** What the committee must handle, each an item of every meeting's agenda with its data. */
export const AGENDA_KEYS = ['sykefravaer', 'avvik', 'risiko', 'opplaering', 'hms-plan', 'bht'] as const;
export type AgendaKey = (typeof AGENDA_KEYS)[number];

export const AGENDA_ITEMS: Record<AgendaKey, { title: Text; legalBasis: string }> = {
  // aml § 7-2 (3): matters of employees with reduced work capacity — the sick-leave statistics.
  sykefravaer: {
    title: { nb: 'Sykefraværsstatistikk', en: 'Sick-leave statistics' },
    legalBasis: 'aml § 7-2 (3)',
  },
  // aml § 7-2 (4): all reports of work accidents, occupational illness and near misses (as aggregates).
  avvik: {
    title: { nb: 'Avvik, skader og nestenulykker', en: 'Non-conformities, injuries and near misses' },
    legalBasis: 'aml § 7-2 (4)',
  },
  // aml § 7-2 (2) e: the systematic HMS work, of which the risk assessment is part (aml § 3-1 (2) c).
  risiko: { title: { nb: 'Risikovurderinger', en: 'Risk assessments' }, legalBasis: 'aml § 7-2 (2) e' },
  // aml § 7-2 (2) b: training, instruction and information.
  opplaering: { title: { nb: 'Opplæring', en: 'Training' }, legalBasis: 'aml § 7-2 (2) b' },
  // FOLM § 2-3 a: the committee takes part in the handlingsplan.
  'hms-plan': {
    title: { nb: 'HMS-mål og handlingsplan', en: 'HSE goals and action plan' },
    legalBasis: 'FOLM § 2-3 a',
  },
  // aml § 7-2 (2) a: the occupational health service.
  bht: {
    title: { nb: 'Bedriftshelsetjenestens arbeid', en: "The occupational health service's work" },
    legalBasis: 'aml § 7-2 (2) a',
  },
};

// ——— Årsrapport ——————————————————————————————————————————————————————————————————————————————

/**
 * The årsrapport's sections. The law gives no content (aml § 7-2 (6) only says «report each year»);
 * these are the product's template («anbefalt»).
 */
export const ARSRAPPORT_SECTION_KEYS = [
  'moter',
  'saker',
  'skader',
  'sykefravaer',
  'mal',
  'opplaering',
  'bht',
  'prioriteringer',
] as const;
export type ArsrapportSectionKey = (typeof ARSRAPPORT_SECTION_KEYS)[number];

export const ARSRAPPORT_SECTIONS: Record<ArsrapportSectionKey, Text> = {
  moter: { nb: 'Møter i utvalget', en: 'Meetings of the committee' },
  saker: { nb: 'Saker og vedtak', en: 'Cases and decisions' },
  skader: { nb: 'Skader, nestenulykker og avvik', en: 'Injuries, near misses and non-conformities' },
  sykefravaer: { nb: 'Sykefravær', en: 'Sick leave' },
  mal: { nb: 'HMS-mål og handlingsplan', en: 'HSE goals and action plan' },
  opplaering: { nb: 'Opplæring', en: 'Training' },
  bht: { nb: 'Bedriftshelsetjenestens arbeid', en: "The occupational health service's work" },
  prioriteringer: { nb: 'Prioriteringer for neste år', en: "Next year's priorities" },
};

export const ARSRAPPORT_STATUSES = ['utkast', 'godkjent'] as const;
export type ArsrapportStatus = (typeof ARSRAPPORT_STATUSES)[number];

/** Whom the report is for (aml § 7-2 (6)). */
export const ARSRAPPORT_ADDRESSEES: Text = {
  nb: 'Styret og ledelsen i virksomheten, og arbeidstakernes organisasjoner',
  en: "The board and management of the enterprise, and the employees' organisations",
};

/** The årsrapport covers a calendar year; it can be made once that year is over (generated in January). */
export function arsrapportOpensOn(year: number): IsoDate {
  return `${year + 1}-01-01`;
}

/** Due 31 March of the following year (product default, «anbefalt» — the law sets no date). */
export function arsrapportDue(year: number): IsoDate {
  return `${year + 1}-03-31`;
}

/** The year the report to make on `today` covers: the previous calendar year. */
export function arsrapportYearFor(today: IsoDate): number {
  return Number(today.slice(0, 4)) - 1;
}

/** Whether the report of `year` can be made on `today` (the year must be over). */
export function canMakeArsrapport(year: number, today: IsoDate): boolean {
  return today >= arsrapportOpensOn(year);
}

/** The daily job makes the draft in January (product default), for the previous year. */
export function isArsrapportMonth(today: IsoDate): boolean {
  return today.slice(5, 7) === '01';
}
