/**
 * Where reminders come from: a *deadline source*. The sick-leave module provides the real one
 * (`listDeadlines` in `src/modules/sykefravaer/`); tests pass fixed deadlines. The sweep's
 * correctness does not depend on where deadlines come from, only on this shape.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { Text } from '../../i18n/locale.ts';

/** One dated obligation in a sick-leave case (a milestone or a task), as the sick-leave module lists it. */
export type Deadline = {
  organisationId: string;
  employeeId: string;
  /** The employee's nærmeste leder (an employee record), or null: then HR gets the reminders. */
  leaderEmployeeId: string | null;
  caseStart: string;
  milestoneKey: string;
  due: string;
  /** From the rule engine: 14 days before and on the due date (§11.6); empty when no reminder is wanted. */
  reminderDates: string[];
  status: string;
};

/**
 * A source lists every deadline whose due date **or** one of whose reminder dates is in [from, to]
 * (as `listDeadlines` does); the sweep relies on it and asks for [today − catch-up, today].
 */
export type DeadlineRange = {
  organisationId?: string;
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
};

/** Same signature as the sick-leave module's `listDeadlines`. */
export type DeadlineSource = (db: Kysely<Database>, range: DeadlineRange) => Promise<Deadline[]>;

/** A source with no deadlines (until the sick-leave module is wired in; custom reminders still work). */
export const emptyDeadlineSource: DeadlineSource = async () => [];

/** Statuses that mean nothing is left to do: no reminders, not in the calendar feed. */
const CLOSED_STATUSES = new Set(['done', 'exempted', 'not-required', 'met-graded', 'cancelled', 'closed']);

/** Open and wanting reminders (the engine gives reminder dates only to required/conditional milestones). */
export function isOpenDeadline(deadline: Deadline): boolean {
  return !CLOSED_STATUSES.has(deadline.status) && deadline.reminderDates.length > 0;
}

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
