/**
 * The kinds of training Nærvær records, and which of them the law requires of whom. Pure: the
 * server's matrix and reminders and the web's labels use the same list.
 *
 * - aml § 3-2 (1) a–b: the employer shall ensure that employees get the necessary training,
 *   practice and instruction, and that those who lead or supervise others have the competence to
 *   see that the work is done safely — the general basis for recording any course here.
 * - aml § 3-5: the employer (the top leader, daglig leder) shall personally go through training in
 *   HMS work. No minimum length and no expiry in the law.
 * - aml § 6-5 and § 7-4 with FOLM §§ 3-18 to 3-21: verneombud (hovedverneombud included, FOLM
 *   § 3-18) and AMU members shall get the necessary training, at least 40 hours (FOLM § 3-19) unless
 *   a shorter course is agreed jointly; no renewal interval in the law.
 */

export const COURSES = [
  'hms-leder',
  'vo-amu-40t',
  'forstehjelp',
  'brannvern',
  'maskin-utstyr',
  'kjemikalier',
  'annet',
] as const;
export type Course = (typeof COURSES)[number];

/** The course a free-text title is required for (the kind alone does not say what it was). */
export const COURSE_NEEDING_TITLE: Course = 'annet';

/** FOLM § 3-19: the VO/AMU training lasts at least 40 hours (unless a shorter course is agreed). */
export const VO_AMU_MIN_HOURS = 40;

/** How many days before `expires_on` a record counts as «expiring» and the first reminder goes out (product default). */
export const EXPIRY_WARNING_DAYS = 30;

/** The legal basis of a course that the law requires of someone; null for the others. */
export const COURSE_LEGAL_BASIS: Readonly<Record<Course, string | null>> = {
  'hms-leder': 'aml § 3-5',
  'vo-amu-40t': 'aml §§ 6-5, 7-4; FOLM §§ 3-18, 3-19',
  forstehjelp: null,
  brannvern: null,
  'maskin-utstyr': null,
  kjemikalier: null,
  annet: null,
};
