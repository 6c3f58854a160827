/**
 * Avvik, near misses (RUH) and injuries — the rules, pure (no I/O, no clock; times are parameters).
 *
 * - Avvik handling: routines to uncover, rectify and prevent breaches (aml § 3-1 (2) e; IK-f § 5
 *   nr. 7). No form or deadline is prescribed in law; the categories, the 1–5 consequence scale
 *   and closure with a verification note are product decisions (anbefalt).
 * - The verneombud of the area is informed of incidents there (aml § 6-2) — HMS categories only.
 * - Injuries and work-related illness go in the § 5-1 register (aml § 5-1 (1)), without medical
 *   information (aml § 5-1 (2)); serious injury or death is notified at once (aml § 5-2).
 * - A breach of personal data security is reported to Datatilsynet within 72 hours of becoming
 *   aware of it, unless unlikely to result in a risk (GDPR art. 33 (1)); every breach is documented
 *   (GDPR art. 33 (5)).
 */
import { addDays, type IsoDate } from '../calendar/calendar.ts';
import { nextWorkingDay } from '../calendar/helligdager.ts';

export const AVVIK_CATEGORIES = [
  'hms',
  'ruh',
  'personskade',
  'yrkessykdom',
  'miljo',
  'kvalitet',
  'personvern',
  'mulig-varsling',
] as const;
export type AvvikCategory = (typeof AVVIK_CATEGORIES)[number];

/** What a reporter may send: «kan være varsling» goes to the varsling channel instead (aml § 2 A-3). */
export const REPORTABLE_CATEGORIES = AVVIK_CATEGORIES.filter(
  (c): c is Exclude<AvvikCategory, 'mulig-varsling'> => c !== 'mulig-varsling',
);

/**
 * The categories the area's verneombud always sees (aml § 6-2: the VO is informed of incidents in
 * their area). Miljø, kvalitet and personvern are not working-environment matters (anbefalt).
 */
export const HMS_CATEGORIES: readonly AvvikCategory[] = ['hms', 'ruh', 'personskade', 'yrkessykdom'];
export const isHmsCategory = (c: AvvikCategory) => HMS_CATEGORIES.includes(c);

/** An injury or an illness presumed caused by the work: a § 5-1 register entry (aml § 5-1 (1)). */
export const isInjuryCategory = (c: AvvikCategory) => c === 'personskade' || c === 'yrkessykdom';

export const AVVIK_STATUSES = ['ny', 'under-behandling', 'lukket'] as const;
export type AvvikStatus = (typeof AVVIK_STATUSES)[number];

/** The 1–5 consequence scale for people, the same as the risk matrix (product decision, anbefalt). */
export const CONSEQUENCES = [1, 2, 3, 4, 5] as const;
export type Consequence = (typeof CONSEQUENCES)[number];

/**
 * Consequence 4 «Alvorlig» or 5 «Svært alvorlig» may be a serious injury that must be notified at
 * once (aml § 5-2): the handler is asked «Er dette meldepliktig etter aml § 5-2?».
 */
export const asksSerious52 = (severity: number | null) => severity !== null && severity >= 4;

/** The most photos one report keeps (anbefalt). */
export const MAX_PHOTOS = 5;
/** The largest photo kept: the device resizes to ≤ 500 kB; 1 MiB leaves room (anbefalt). */
export const PHOTO_MAX_BYTES = 1024 * 1024;

/**
 * The written confirmation of a § 5-2 notice (with a copy to the verneombud) is due the next working
 * day after the day the serious injury was flagged — product default; the law says only that the
 * first notice goes «på hurtigste måte» (aml § 5-2).
 */
export const writtenConfirmationDue = (flaggedOn: IsoDate): IsoDate => nextWorkingDay(flaggedOn);

/** «Meld yrkesskade til NAV (digitalt)»: due in 7 days (ftrl § 13-14 says «snarest»; anbefalt). */
export const NAV_TASK_DAYS = 7;
export const navTaskDue = (markedOn: IsoDate): IsoDate => addDays(markedOn, NAV_TASK_DAYS);

/** The immediate steps when someone is killed or seriously injured (aml § 5-2; Arbeidstilsynet's guidance). */
export const ALARM_STEPS = [
  'ring-arbeidstilsynet',
  'ring-politi',
  'sikre-stedet',
  'informer-verneombud',
  'informer-parorende',
  'informer-bht',
] as const;
export type AlarmStep = (typeof ALARM_STEPS)[number];
export const ARBEIDSTILSYNET_PHONE = '73 19 97 00';

export const TASK_KINDS = ['skriftlig-bekreftelse', 'nav-yrkesskade'] as const;
export type AvvikTaskKind = (typeof TASK_KINDS)[number];

// ——— Personvernavvik (GDPR art. 33) ———————————————————————————————————————————————————

const HOUR = 3600 * 1000;
/** GDPR art. 33 (1): 72 hours from when the controller became aware of the breach. */
export const NOTIFY_HOURS = 72;
/** Reminders to the controller's contact at 24 and 48 hours (anbefalt). */
export const REMINDER_HOURS = [24, 48] as const;

export const notifyDeadline = (awareAt: Date): Date => new Date(awareAt.getTime() + NOTIFY_HOURS * HOUR);
export const reminderTimes = (awareAt: Date): Date[] =>
  REMINDER_HOURS.map((h) => new Date(awareAt.getTime() + h * HOUR));
/** Whole hours left until the 72-hour limit (negative when past). */
export const hoursLeft = (awareAt: Date, now: Date): number =>
  Math.floor((notifyDeadline(awareAt).getTime() - now.getTime()) / HOUR);

/** Risk triage of a breach: unlikely to result in a risk → no notice (art. 33 (1)); high → tell the persons (art. 34). */
export const PRIVACY_RISKS = ['lite-sannsynlig', 'risiko', 'hoy-risiko'] as const;
export type PrivacyRisk = (typeof PRIVACY_RISKS)[number];

export const PRIVACY_DECISIONS = ['meldes', 'meldes-ikke'] as const;
export type PrivacyDecision = (typeof PRIVACY_DECISIONS)[number];

// ——— Who sees what ——————————————————————————————————————————————————————————————————————

export type Viewer = {
  userId: string;
  roles: readonly string[];
  /** Units whose avvik this user handles as a leader (their own unit and the units of the people they lead). */
  leaderUnitIds: readonly string[];
  /** Verneområder this user is verneombud for. */
  verneomradeIds: readonly string[];
};

export type AvvikFacts = {
  reporterUserId: string;
  unitId: string | null;
  /** The verneområder the unit belongs to. */
  verneomradeIds: readonly string[];
  category: AvvikCategory;
};

/**
 * How a user sees one avvik (§ 14.8, least privilege): `handler` (admin, HR, the unit's leader),
 * `vo` (the area's verneombud, HMS categories), `reporter` (their own), or null (404).
 */
export function avvikAccess(viewer: Viewer, a: AvvikFacts): 'handler' | 'vo' | 'reporter' | null {
  if (viewer.roles.includes('admin') || viewer.roles.includes('hr')) return 'handler';
  if (viewer.roles.includes('leder') && a.unitId !== null && viewer.leaderUnitIds.includes(a.unitId)) {
    return 'handler';
  }
  if (
    viewer.roles.includes('verneombud') &&
    isHmsCategory(a.category) &&
    a.verneomradeIds.some((id) => viewer.verneomradeIds.includes(id))
  ) {
    return 'vo';
  }
  if (a.reporterUserId === viewer.userId) return 'reporter';
  return null;
}

/**
 * The § 5-1 register (aml § 5-1 (3)): available to the verneombud, BHT and AMU (and admin/HR who
 * keep it). Names only to those with a need (§ 14.9): admin, HR and the VO; AMU sees aggregates only.
 */
export function registerAccess(roles: readonly string[]): 'names' | 'entries' | 'aggregates' | null {
  if (roles.includes('admin') || roles.includes('hr') || roles.includes('verneombud')) return 'names';
  if (roles.includes('bht')) return 'entries';
  if (roles.includes('amu')) return 'aggregates';
  return null;
}
