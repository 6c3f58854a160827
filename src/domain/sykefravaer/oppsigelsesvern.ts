/** aml § 15-8 (1): the special protection against dismissal during sickness. */
import { addMonthsToDayNumber, civilFromDays, type DayNumber } from '../calendar/index.ts';
import { OPPSIGELSESVERN_MANEDER } from './constants.ts';

/**
 * aml § 15-8 (1): an employee who is absent because of sickness may not be dismissed on that ground
 * during the first 12 months after the incapacity began. §11.4: the protection lasts through
 * S + 12 calendar months − 1 day, month-end clamped.
 *
 * DECISION for the clamped case: only S = 29 February meets a shorter target month (12 months later
 * is February of a non-leap year). "S + 12 months" is then clamped to 28 February, and we do NOT
 * subtract the day: the protection runs through 28 February, so that the period is a full year
 * (29 Feb 2024 … 28 Feb 2025 = 366 days); clamping and then subtracting would end it on 27 February
 * and cut a day off. The longer protection is the safe reading for the employer.
 * S on the 31st (or 30th) needs no clamping with 12 months: 2025-03-31 → 2026-03-30, 2025-01-31 → 2026-01-30.
 */
export function oppsigelsesvernTil(caseStart: DayNumber): DayNumber {
  const sameDayNextYear = addMonthsToDayNumber(caseStart, OPPSIGELSESVERN_MANEDER);
  if (civilFromDays(sameDayNextYear).day !== civilFromDays(caseStart).day) return sameDayNextYear;
  return sameDayNextYear - 1;
}
