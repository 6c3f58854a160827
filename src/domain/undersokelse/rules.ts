/**
 * The survey's life, pure: its state on a day, when non-respondents are reminded, and when the raw
 * answers go. `today` is a parameter.
 */
import { addDays, addMonths, type IsoDate } from '../calendar/index.ts';

export const SURVEY_STATES = ['utkast', 'planlagt', 'apen', 'lukket'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];

export function surveyState(
  s: { publishedAt: unknown; opensOn: IsoDate; closesOn: IsoDate },
  today: IsoDate,
): SurveyState {
  if (s.publishedAt === null) return 'utkast';
  if (today < s.opensOn) return 'planlagt';
  if (today <= s.closesOn) return 'apen';
  return 'lukket';
}

/** Product default (anbefalt): one reminder to those who have not answered, this many days before it closes. */
export const REMINDER_DAYS_BEFORE_CLOSE = 3;

/** The one reminder day: 3 days before closing, or the opening day when the survey is shorter. */
export function reminderDate(opensOn: IsoDate, closesOn: IsoDate): IsoDate {
  const wanted = addDays(closesOn, -REMINDER_DAYS_BEFORE_CLOSE);
  return wanted < opensOn ? opensOn : wanted;
}

/**
 * Raw answers are deleted 24 months after the survey closed; the shown results (groups of ≥ 5) are
 * kept. No statutory period exists for survey answers: product default (GDPR art. 5 (1) e, storage
 * limitation).
 */
export const RAW_ANSWER_RETENTION_MONTHS = 24;

export function rawAnswersDeleteOn(closesOn: IsoDate): IsoDate {
  return addDays(addMonths(closesOn, RAW_ANSWER_RETENTION_MONTHS), 1);
}

/** The longest a survey may stay open (product default): a year. */
export const MAX_OPEN_DAYS = 366;
