/**
 * Varsling (aml kapittel 2 A): the handling steps, their deadlines and who may open a case. Pure —
 * no I/O, no clock (`today` is a parameter); the server and the web compute the same dates.
 *
 * Norwegian law sets no acknowledgement or feedback deadline: the only time rule is that the
 * employer shall see to it that a report is sufficiently investigated «innen rimelig tid»
 * (aml § 2 A-3 (1)). The 7-day acknowledgement and the 3-month feedback are borrowed from the EU
 * Whistleblowing Directive 2019/1937 art. 9 (1) b and f, which Norway has not implemented; they are
 * product defaults and always labelled «anbefalt frist (EU-direktivet, ikke norsk lov)».
 */
import { addDays, addMonths, type IsoDate } from '../calendar/index.ts';
import { retaliationCheckDue } from './protection.ts';

/** The label every recommended deadline carries (never «lovkrav»). */
export const ANBEFALT_FRIST = {
  nb: 'anbefalt frist (EU-direktivet, ikke norsk lov)',
  en: 'recommended deadline (EU directive, not Norwegian law)',
} as const;

/** Acknowledge receipt within 7 days — anbefalt: direktiv (EU) 2019/1937 art. 9 (1) b, not aml. */
export const ACKNOWLEDGE_WITHIN_DAYS = 7;
/** Feedback within 3 months of the acknowledgement — anbefalt: direktiv (EU) 2019/1937 art. 9 (1) f. */
export const FEEDBACK_WITHIN_MONTHS = 3;
/** Case files are deleted 3 years after closure unless on legal hold — product default (no statutory period). */
export const RETENTION_YEARS_AFTER_CLOSURE = 3;

export const CASE_STATUSES = ['registrert', 'bekreftet', 'vurdert', 'undersokes', 'avsluttet'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The triage outcome: a varsling (aml § 2 A-1), eget arbeidsforhold (§ 2 A-1 (3)), or an avvik. */
export const OUTCOMES = ['varsling', 'eget-arbeidsforhold', 'avvik'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * aml § 2 A-1 (2): kritikkverdige forhold, for example a) fare for liv eller helse, b) fare for klima
 * eller miljø, c) korrupsjon eller annen økonomisk kriminalitet, d) myndighetsmisbruk, e) uforsvarlig
 * arbeidsmiljø, f) brudd på personopplysningssikkerheten; «annet» = other breach of law or ethical
 * norms with broad support.
 */
export const CATEGORIES = ['a', 'b', 'c', 'd', 'e', 'f', 'annet'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Acknowledgement due: 7 days after receipt — anbefalt frist (direktiv 2019/1937 art. 9 (1) b). */
export function acknowledgementDue(receivedOn: IsoDate): IsoDate {
  return addDays(receivedOn, ACKNOWLEDGE_WITHIN_DAYS);
}

/**
 * Feedback due: 3 months after the acknowledgement; without one, 3 months after the 7-day period
 * ended — anbefalt frist (direktiv 2019/1937 art. 9 (1) f).
 */
export function feedbackDue(receivedOn: IsoDate, acknowledgedOn: IsoDate | null): IsoDate {
  return addMonths(acknowledgedOn ?? acknowledgementDue(receivedOn), FEEDBACK_WITHIN_MONTHS);
}

/** The day a closed case file may be deleted (product default: 3 years after closure). */
export function deleteAfter(closedOn: IsoDate): IsoDate {
  return addMonths(closedOn, RETENTION_YEARS_AFTER_CLOSURE * 12);
}

/**
 * A target date for the investigation (aml § 2 A-3 (1): «innen rimelig tid» — the handler sets it
 * per case): not in the past, and within two years (a longer date is almost certainly a typing error).
 */
export function isValidInvestigationTarget(target: IsoDate, today: IsoDate): boolean {
  return target >= today && target <= addMonths(today, 24);
}

export type CaseState = {
  status: CaseStatus;
  receivedOn: IsoDate;
  acknowledgedOn: IsoDate | null;
  outcome: Outcome | null;
  investigationTarget: IsoDate | null;
  feedbackGivenOn: IsoDate | null;
  closedOn: IsoDate | null;
  /** The day the gjengjeldelse checklist was marked done (aml § 2 A-3 (2)); absent: not done. */
  retaliationCheckedOn?: IsoDate | null;
  /** A personal-data breach found in the case: the day the 72 hours end (Oslo) and when it was decided. */
  breach?: { notifyBy: IsoDate; decidedOn: IsoDate | null } | null;
};

export const DEADLINE_KINDS = [
  'bekreft',
  'gjengjeldelse',
  'personvern',
  'undersokelse',
  'tilbakemelding',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export type CaseDeadline = {
  kind: DeadlineKind;
  due: IsoDate;
  /** Still to be done. */
  open: boolean;
  /** Open and the day has passed. */
  overdue: boolean;
  /** Where the date comes from. */
  basis: string;
  /** Only law is «lovkrav» (GDPR art. 33); the rest are recommendations or the handler's own date. */
  kindOfRule: 'anbefalt' | 'egen-frist' | 'lovkrav';
};

/** The case's deadlines today, in the order of the steps. */
export function caseDeadlines(state: CaseState, today: IsoDate): CaseDeadline[] {
  const closed = state.closedOn !== null;
  const make = (
    kind: DeadlineKind,
    due: IsoDate,
    open: boolean,
    basis: string,
    kindOfRule: CaseDeadline['kindOfRule'],
  ): CaseDeadline => ({ kind, due, open, overdue: open && due < today, basis, kindOfRule });
  const list: CaseDeadline[] = [
    make(
      'bekreft',
      acknowledgementDue(state.receivedOn),
      state.acknowledgedOn === null && !closed,
      'direktiv (EU) 2019/1937 art. 9 (1) b',
      'anbefalt',
    ),
  ];
  // aml § 2 A-3 (2) / § 2 A-4: the gjengjeldelse checklist, within 14 days (product default).
  // Not for eget arbeidsforhold (§ 2 A-1 (3)) or an avvik: they are not varsling.
  if (state.outcome === null || state.outcome === 'varsling') {
    list.push(
      make(
        'gjengjeldelse',
        retaliationCheckDue(state.receivedOn),
        (state.retaliationCheckedOn ?? null) === null && !closed,
        'aml § 2 A-3 (2), § 2 A-4',
        'anbefalt',
      ),
    );
  }
  if (state.breach) {
    // GDPR art. 33 (1): notify Datatilsynet within 72 hours of becoming aware — law.
    list.push(
      make(
        'personvern',
        state.breach.notifyBy,
        state.breach.decidedOn === null,
        'GDPR art. 33 (1)',
        'lovkrav',
      ),
    );
  }
  if (state.investigationTarget !== null) {
    // aml § 2 A-3 (1): «innen rimelig tid» — the handler's own target date.
    list.push(
      make(
        'undersokelse',
        state.investigationTarget,
        state.status === 'undersokes' && !closed,
        'aml § 2 A-3 (1)',
        'egen-frist',
      ),
    );
  }
  list.push(
    make(
      'tilbakemelding',
      feedbackDue(state.receivedOn, state.acknowledgedOn),
      state.feedbackGivenOn === null && !closed,
      'direktiv (EU) 2019/1937 art. 9 (1) f',
      'anbefalt',
    ),
  );
  return list;
}

/** The steps and what each may follow (register → acknowledge → assess → investigate → close). */
export function canMoveTo(from: CaseStatus, to: CaseStatus, outcome: Outcome | null): boolean {
  switch (to) {
    case 'bekreftet':
      return from === 'registrert';
    case 'vurdert':
      return from === 'bekreftet' || from === 'vurdert';
    case 'undersokes':
      // Only a varsling is investigated under § 2 A-3; eget arbeidsforhold and avvik go elsewhere.
      return (from === 'vurdert' || from === 'undersokes') && outcome === 'varsling';
    case 'avsluttet':
      return from === 'vurdert' || from === 'undersokes';
    default:
      return false;
  }
}

/**
 * Who may open a case: a named handler of the organisation who is not excluded by the reporter
 * (the routine's question: «hvem, hvis varselet gjelder en av mottakerne eller øverste leder»).
 * Everyone else — administrators included — sees at most that a case exists and its deadlines.
 */
export function canOpenCase(
  userId: string,
  handlerIds: readonly string[],
  excludedIds: readonly string[],
): boolean {
  return handlerIds.includes(userId) && !excludedIds.includes(userId);
}

/**
 * The handlers excluded from a report: those the reporter named, and — when the report concerns the
 * top leader — every handler marked as top leader (the routine's question on who receives a report about the top leader).
 */
export function excludedHandlers(
  handlers: readonly { userId: string; topLeader: boolean }[],
  named: readonly string[],
  concernsTopLeader: boolean,
): string[] {
  const out = new Set(named.filter((id) => handlers.some((h) => h.userId === id)));
  if (concernsTopLeader) for (const h of handlers) if (h.topLeader) out.add(h.userId);
  return [...out].sort();
}

/** A receipt code: 16 digits; the first 6 find the mailbox, all 16 open it. */
export const RECEIPT_CODE_DIGITS = 16;
export const RECEIPT_LOOKUP_DIGITS = 6;

/** The digits of a receipt code as typed (spaces and dashes allowed), or null when malformed. */
export function normaliseReceiptCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{16}$/.test(digits) ? digits : null;
}

/** `1234 5678 9012 3456`, as shown once to the reporter. */
export function formatReceiptCode(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}
