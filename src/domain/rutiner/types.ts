/**
 * The HMS handbook's vocabulary: the kinds of written routine (IK-f § 5 no. 7; aml § 3-1 (2) e),
 * the review states and the limits on a routine's text. Pure: the server and the web share it.
 */

/** The categories a routine is filed under; the first five have starter templates. */
export const ROUTINE_CATEGORIES = [
  'avvik',
  'varsling',
  'introduksjon',
  'forstehjelp',
  'brann',
  'annet',
] as const;
export type RoutineCategory = (typeof ROUTINE_CATEGORIES)[number];

/** The longest routine text (characters). */
export const ROUTINE_BODY_MAX = 20_000;
export const ROUTINE_TITLE_MAX = 200;
export const ROUTINE_CHANGE_NOTE_MAX = 500;

/**
 * Reminders and «Snart gjennomgang» start this many days before the review date (anbefalt: the same
 * 14 days as the årshjul's reminders; no law sets a review interval for a routine).
 */
export const ROUTINE_REVIEW_NOTICE_DAYS = 14;

/** `overdue`: the review date has passed; `due-soon`: within the notice days; `ok`: later. */
export type ReviewState = 'ok' | 'due-soon' | 'overdue';

/**
 * An employee's state for one routine: `unconfirmed` (never confirmed any version), `new-version`
 * (confirmed an older version; a new version needs a new confirmation), `confirmed` (the current one).
 */
export type ReadState = 'unconfirmed' | 'new-version' | 'confirmed';
