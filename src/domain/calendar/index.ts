/** Date-only calendar: ISO `YYYY-MM-DD` strings outside, integer day numbers inside. Browser-safe. */
export {
  addDays,
  addMonths,
  addMonthsToDayNumber,
  type CivilDate,
  civilFromDays,
  countWeekdays,
  type DayNumber,
  daysFromCivil,
  daysInMonth,
  diffDays,
  fromDayNumber,
  type IsoDate,
  isIsoDate,
  isLeapYear,
  isWeekday,
  isWeekdayDayNumber,
  nthWeekdayFrom,
  parseIsoDate,
  previousWeekdayBefore,
  toDayNumber,
  type Weekday,
  weekday,
  weekdayOfDayNumber,
} from './calendar.ts';
export {
  DATE_HORIZON_MONTHS,
  type HorizonField,
  horizonMessage,
  isBeyondHorizon,
  latestAllowedDate,
} from './date-horizon.ts';
export {
  formatEnglishLong,
  formatEnglishLongDayNumber,
  formatNorwegian,
  formatNorwegianDayNumber,
  formatNorwegianLong,
  formatNorwegianLongDayNumber,
} from './format.ts';
export {
  easterSunday,
  type Helligdag,
  helligdager,
  helligdagOn,
  isWorkingDay,
  nextWorkingDay,
} from './helligdager.ts';
export { dateToOsloLocal, OSLO_TZ, osloDateOf, osloLocalToDate } from './oslo-time.ts';
