/**
 * The sick-leave module's deadline source for reminders and the calendar feed: every open
 * milestone, routine task and agreed action of current cases (`listDeadlines`), as the kernel's
 * generic deadlines. They go to the employee's nærmeste leder, or to HR when there is none.
 *
 * The reminder keys keep the format they had before reminders were generic —
 * `reminder:<org>:<employee>:<caseStart>:<milestone>:…` — so an upgraded database sends nothing
 * twice, and retention can still find a case's reminders by its start (`notifications` erase).
 */
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { Text } from '../../i18n/locale.ts';
import type { Deadline, DeadlineSource } from '../../platform/reminders.ts';
import { listDeadlines } from './deadlines.ts';

export const SYKEFRAVAER_SOURCE = 'sykefravaer';

/** How the reminders name the area: «Frist i sykefraværsoppfølgingen …». */
export const SYKEFRAVAER_AREA: Text = { nb: 'sykefraværsoppfølgingen', en: 'sick-leave follow-up' };

const MILESTONE_TITLES: Record<string, Text> = {
  oppfolgingsplan: { nb: 'Oppfølgingsplan', en: 'Follow-up plan' },
  dialogmote1: { nb: 'Dialogmøte 1', en: 'Dialogue meeting 1' },
  aktivitetsplikt: { nb: 'Aktivitetsplikt', en: 'Activity requirement' },
  motebehov: { nb: 'Behov for dialogmøte 2', en: 'Need for dialogue meeting 2' },
  oppfolgingsplanTilNav: { nb: 'Oppfølgingsplan til NAV', en: 'Follow-up plan to NAV' },
  dialogmote2: { nb: 'Dialogmøte 2', en: 'Dialogue meeting 2' },
  aap: { nb: 'Arbeidsavklaringspenger (AAP)', en: 'Work assessment allowance (AAP)' },
  maksdato: { nb: 'Maksdato for sykepenger', en: 'Last day of sickness benefit' },
  oppsigelsesvern: { nb: 'Oppsigelsesvern', en: 'Protection against dismissal' },
};

/**
 * The milestone's name, without any personal detail. A routine task (`task:<key>`) or an agreed
 * action (`action:<id>`) gets a generic name — never the task's or the action's own text, which is
 * free text and may name a person; unknown keys a generic name too.
 */
export function milestoneTitle(milestoneKey: string): Text {
  if (milestoneKey.startsWith('task:')) return { nb: 'Oppgave', en: 'Task' };
  if (milestoneKey.startsWith('action:')) return { nb: 'Avtalt tiltak', en: 'Agreed action' };
  return MILESTONE_TITLES[milestoneKey] ?? { nb: 'Oppfølgingspunkt', en: 'Follow-up item' };
}

/** Statuses that mean nothing is left to do: no reminders, not in the calendar feed. */
const CLOSED_STATUSES = new Set(['done', 'exempted', 'not-required', 'met-graded', 'cancelled', 'closed']);

/** One dated obligation of a sick-leave case, as `listDeadlines` gives it. */
export type CaseDeadline = {
  organisationId: string;
  employeeId: string;
  /** The employee's nærmeste leder (an employee record), or null: then HR gets the reminders. */
  leaderEmployeeId: string | null;
  caseStart: IsoDate;
  milestoneKey: string;
  due: IsoDate;
  reminderDates: IsoDate[];
  status: string;
};

/** A case's deadline as a generic one, with the reminder keys of before. */
export function caseReminder(d: CaseDeadline): Deadline {
  return {
    source: SYKEFRAVAER_SOURCE,
    organisationId: d.organisationId,
    subjectId: `${d.employeeId}:${d.caseStart}`,
    itemKey: d.milestoneKey,
    due: d.due,
    reminderDates: d.reminderDates,
    open: !CLOSED_STATUSES.has(d.status),
    title: milestoneTitle(d.milestoneKey),
    area: SYKEFRAVAER_AREA,
    link: `/sykefravaer/${d.employeeId}`,
    recipients: { kind: 'leader-of', leaderEmployeeId: d.leaderEmployeeId },
    employeeId: d.employeeId,
    keyBase: `reminder:${d.organisationId}:${d.employeeId}:${d.caseStart}:${d.milestoneKey}`,
  };
}

export const sykefravaerDeadlines: DeadlineSource = async (db, range) =>
  (await listDeadlines(db, range)).map(caseReminder);
