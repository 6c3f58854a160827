/**
 * Vernerunde (safety walk-round): the leader and the verneombud walk the unit together with a
 * checklist built from the hazard areas, record findings (with photos), turn each finding into a
 * risk in an assessment (and a tiltak) in one step, and both sign the round off.
 * - aml § 6-2: the verneombud takes part in planning and watches over the working environment;
 * - aml § 3-1 (2) c, IK-f § 5 no. 6–7: hazards are mapped and followed up with plans and measures.
 * The round itself is not law («ikke direkte lovpålagt»); its frequency and the 14-day reminder are
 * product defaults (anbefalt).
 */
import type { IsoDate } from '../calendar/index.ts';
import { addDays } from '../calendar/index.ts';
import { HAZARD_CHECKLIST, type HazardArea } from './hazards.ts';
import type { Text } from './matrix.ts';

/** A checklist point's answer: in order, a shortcoming (a finding should follow), or not relevant. */
export const CHECK_STATUSES = ['ok', 'mangel', 'ikke-relevant'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const CHECK_STATUS_TEXT: Record<CheckStatus, Text> = {
  ok: { nb: 'I orden', en: 'In order' },
  mangel: { nb: 'Mangel', en: 'Shortcoming' },
  'ikke-relevant': { nb: 'Ikke relevant', en: 'Not relevant' },
};

export type ChecklistPoint = { key: string; area: HazardArea; status: CheckStatus | null };

/** The round's checklist: the typical hazards of the chosen areas, unanswered. */
export function checklistFor(areas: readonly HazardArea[]): ChecklistPoint[] {
  return HAZARD_CHECKLIST.filter((h) => areas.includes(h.area)).map((h) => ({
    key: h.key,
    area: h.area,
    status: null,
  }));
}

export const ROUND_STATUSES = ['planlagt', 'signert'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** Who has signed: the round is done («signert») only when both the leader and the VO have. */
export function roundStatus(signed: { leader: boolean; vo: boolean }): RoundStatus {
  return signed.leader && signed.vo ? 'signert' : 'planlagt';
}

/** Reminders of a planned round: 14 days before and on the day (anbefalt). */
export const ROUND_REMINDER_DAYS = 14;

export function roundReminderDates(plannedOn: IsoDate): IsoDate[] {
  return [addDays(plannedOn, -ROUND_REMINDER_DAYS), plannedOn];
}

/** A finding's photos: at most this many, each at most 1 MiB (the device resizes to ≤ 500 kB). */
export const ROUND_MAX_PHOTOS = 5;
export const ROUND_PHOTO_MAX_BYTES = 1024 * 1024;
