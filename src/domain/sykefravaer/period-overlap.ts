/**
 * Registering a new absence period without double counting (product default, in support of the
 * employer's record of sick leave, ftrl § 8-17 / § 8-19 and the follow-up dates in aml § 4-6, which
 * are computed from the periods: a silent second row for the same days skews sykedager and the
 * arbeidsgiverperiode).
 *
 * - `defaultPeriodStart`: a new period's «Fra og med» is the day after the latest period when that
 *   period ends yesterday or later (a continuation — e.g. 100 % for three weeks, then 50 %); else today.
 * - `periodConflict`: an exact duplicate (same type, dates, grade and avventende) or a period that
 *   shares at least one day with an existing one is a conflict the user must confirm. Ferie or arbeid
 *   inside a sykmelding is normal (ferie under sykmelding, ftrl § 8-3 / worked days in a graded
 *   sykmelding), so those overlap only with their own type; sykmelding, egenmelding and
 *   behandlingsdager all count as absence and overlap each other.
 * Pure: `today` is a parameter.
 */
import { addDays, type IsoDate } from '../calendar/index.ts';

export type ExistingPeriod = {
  id: string;
  type: string;
  start: IsoDate;
  end: IsoDate;
  grade: number | null;
  avventende: boolean;
};

const ABSENCE = new Set(['sykmelding', 'egenmelding', 'behandlingsdager']);
const clash = (a: string, b: string) => a === b || (ABSENCE.has(a) && ABSENCE.has(b));

export type NewPeriod = Omit<ExistingPeriod, 'id'>;

export type PeriodConflict = { kind: 'duplicate' | 'overlap'; period: ExistingPeriod };

/** The default «Fra og med» of a new period: the day after the latest end if that is yesterday or later. */
export function defaultPeriodStart(periods: readonly Pick<ExistingPeriod, 'end'>[], today: IsoDate): IsoDate {
  let latest: IsoDate | null = null;
  for (const p of periods) if (latest === null || p.end > latest) latest = p.end;
  if (latest !== null && latest >= addDays(today, -1)) return addDays(latest, 1);
  return today;
}

/**
 * The first existing period the new one duplicates (preferred) or overlaps (inclusive dates), or
 * null. `exceptId` leaves out the period being corrected.
 */
export function periodConflict(
  candidate: NewPeriod,
  existing: readonly ExistingPeriod[],
  exceptId: string | null = null,
): PeriodConflict | null {
  const others = existing.filter((p) => p.id !== exceptId);
  const duplicate = others.find(
    (p) =>
      p.type === candidate.type &&
      p.start === candidate.start &&
      p.end === candidate.end &&
      p.grade === candidate.grade &&
      p.avventende === candidate.avventende,
  );
  if (duplicate) return { kind: 'duplicate', period: duplicate };
  const overlap = others
    .filter((p) => clash(p.type, candidate.type) && p.start <= candidate.end && candidate.start <= p.end)
    .sort((a, b) => a.start.localeCompare(b.start))[0];
  return overlap ? { kind: 'overlap', period: overlap } : null;
}
