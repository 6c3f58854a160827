/**
 * Protecting the reporter — pure. aml § 2 A-3 (2): the employer shall in particular ensure that the
 * reporter has a fully satisfactory working environment and, if necessary, take measures to prevent
 * retaliation. aml § 2 A-4 (1): retaliation is prohibited; (2) lists examples (threats, harassment,
 * exclusion, warning, changed tasks, transfer, demotion, suspension, dismissal); (3) shared burden of
 * proof: when the reporter presents information that gives reason to believe retaliation took place,
 * the employer must show that it did not. The checklist records, per area, whether anything changed
 * for the reporter after the report — with the date, who decided and why — so the employer can
 * document that a change had a reason of its own.
 */
import { addDays, type IsoDate } from '../calendar/index.ts';

/** The areas of the reporter's working situation (aml § 2 A-4 (2)'s examples, grouped). */
export const RETALIATION_AREAS = [
  'arbeidsoppgaver',
  'lonn',
  'stilling',
  'arbeidstid',
  'arbeidssted',
  'sosialt',
  'tiltak',
] as const;
export type RetaliationArea = (typeof RETALIATION_AREAS)[number];

export const RETALIATION_AREA_LABELS: Record<RetaliationArea, { nb: string; en: string }> = {
  arbeidsoppgaver: { nb: 'Arbeidsoppgaver og ansvar', en: 'Tasks and responsibilities' },
  lonn: { nb: 'Lønn, bonus og andre goder', en: 'Pay, bonus and other benefits' },
  stilling: {
    nb: 'Stilling og ansettelse (omplassering, degradering, oppsigelse)',
    en: 'Position and employment (transfer, demotion, dismissal)',
  },
  arbeidstid: { nb: 'Arbeidstid, vakter og ferie', en: 'Working hours, shifts and holidays' },
  arbeidssted: { nb: 'Arbeidssted og utstyr', en: 'Place of work and equipment' },
  sosialt: {
    nb: 'Behandling fra ledere og kolleger (trusler, trakassering, utestenging)',
    en: 'Treatment by leaders and colleagues (threats, harassment, exclusion)',
  },
  tiltak: {
    nb: 'Advarsler, disiplinærtiltak eller suspensjon',
    en: 'Warnings, disciplinary measures or suspension',
  },
};

/** What the handler found for an area. */
export const RETALIATION_FINDINGS = ['ingen-endring', 'endret', 'ikke-kjent'] as const;
export type RetaliationFinding = (typeof RETALIATION_FINDINGS)[number];

/**
 * The checklist is worked through within 14 days of receipt — product default («anbefalt»; the law
 * sets no time, aml § 2 A-3 (2) says «særlig sørge for»).
 */
export const RETALIATION_CHECK_WITHIN_DAYS = 14;

export function retaliationCheckDue(receivedOn: IsoDate): IsoDate {
  return addDays(receivedOn, RETALIATION_CHECK_WITHIN_DAYS);
}

/** The checklist can be marked done when every area has a finding. */
export function missingRetaliationAreas(recorded: readonly RetaliationArea[]): RetaliationArea[] {
  return RETALIATION_AREAS.filter((a) => !recorded.includes(a));
}

/** A change in the reporter's situation needs its date, who decided it and the reason (aml § 2 A-4 (3)). */
export function retaliationEntryProblems(entry: {
  finding: RetaliationFinding;
  changedOn: IsoDate | null;
  decidedBy: string;
  reason: string;
}): ('changedOn' | 'decidedBy' | 'reason')[] {
  if (entry.finding !== 'endret') return [];
  const out: ('changedOn' | 'decidedBy' | 'reason')[] = [];
  if (entry.changedOn === null) out.push('changedOn');
  if (entry.decidedBy.trim() === '') out.push('decidedBy');
  if (entry.reason.trim() === '') out.push('reason');
  return out;
}

const HOUR = 60 * 60 * 1000;
/** GDPR art. 33 (1): notify Datatilsynet within 72 hours of becoming aware of a personal-data breach. */
export const BREACH_NOTIFY_HOURS = 72;

/** The moment the 72 hours end (GDPR art. 33 (1)). */
export function breachNotifyBy(awareAt: Date): Date {
  return new Date(awareAt.getTime() + BREACH_NOTIFY_HOURS * HOUR);
}
