/**
 * Reminders for any kind of deadline. A module lists its dated obligations through a *deadline
 * source* in its manifest (`deadlines`); the notifications module's daily sweep and the iCal feed
 * take every source's deadlines, work out who gets each one from its `recipients` rule, and send
 * each reminder exactly once (see `src/modules/notifications/sweep.ts`).
 *
 * A deadline names no person: its title is the kind of obligation («Oppfølgingsplan»,
 * «Vernerunde»), because reminders go out by e-mail and into calendars outside our control.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Role } from '../domain/access/roles.ts';
import type { IsoDate } from '../domain/calendar/index.ts';
import type { Text } from '../i18n/locale.ts';

/** Who is responsible for a deadline, and so gets its reminders. */
export type RecipientRule =
  /** The user linked to the employee's nærmeste leder; without one (or disabled), every HR user. */
  | { kind: 'leader-of'; leaderEmployeeId: string | null }
  /**
   * Everyone holding a role in the organisation; for `verneombud` optionally only those of one
   * verneområde. With nobody in the role, HR gets it (a deadline is never without an owner).
   */
  | { kind: 'role'; role: Role; verneomradeId?: string }
  /** Named users (a case's handlers, the owner of a task); inactive ones are skipped, then HR. */
  | { kind: 'users'; userIds: readonly string[] };

export type Deadline = {
  /** The module that owns it, e.g. `sykefravaer`, `avvik`. */
  source: string;
  organisationId: string;
  /** What it is about, stable within the source (an employee's case, an avvik, an activity). */
  subjectId: string;
  /** Which obligation of the subject (a milestone, a task, a yearly occurrence). */
  itemKey: string;
  due: IsoDate;
  /** The days to remind on (usually 14 days before and on the due date); empty: no reminder. */
  reminderDates: IsoDate[];
  /** Open or closed: a closed deadline gets no reminder and is not in the calendar. */
  open: boolean;
  /** The obligation's name, never a person's: «Oppfølgingsplan», «Vernerunde». */
  title: Text;
  /**
   * What exactly (a measure's own text, a risk's title) — shown only inside the app, in the
   * recipient's own "Mine oppgaver"; never in e-mails, notifications or calendar feeds, since it is
   * free text and may name a person.
   */
  detail?: string;
  /** The area, for the reminder's wording: «sykefraværsoppfølgingen» / «the sick-leave follow-up». */
  area: Text;
  /** Where the reminder leads in the app (a path), e.g. `/sykefravaer/<employeeId>`. */
  link: string;
  recipients: RecipientRule;
  /** The employee the deadline concerns, if any (the inbox of a case is filtered by it). */
  employeeId: string | null;
  /**
   * The start of every reminder key of this deadline; the sweep appends `:<before|due>:<date>:<user>`.
   * By default `reminder:<source>:<organisation>:<subject>:<item>` (`defaultReminderKeyBase`); the
   * sick-leave module keeps the format it had before (so an upgraded database sends nothing twice).
   */
  keyBase: string;
};

/** `reminder:<source>:<organisation>:<subject>:<item>`. */
export function defaultReminderKeyBase(
  d: Pick<Deadline, 'source' | 'organisationId' | 'subjectId' | 'itemKey'>,
): string {
  return `reminder:${d.source}:${d.organisationId}:${d.subjectId}:${d.itemKey}`;
}

/**
 * What the sweep and the feed ask for. A source lists every deadline whose due date **or** one of
 * whose reminder dates is in [from, to]; the sweep asks for [today − catch-up, today].
 */
export type DeadlineRange = {
  organisationId?: string;
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
};

export type DeadlineSource = (db: Kysely<Database>, range: DeadlineRange) => Promise<Deadline[]>;

/** Open and wanting reminders. */
export function isOpenDeadline(deadline: Deadline): boolean {
  return deadline.open && deadline.reminderDates.length > 0;
}

/** Every source's deadlines for one range, in source order. */
export function combineDeadlineSources(sources: readonly DeadlineSource[]): DeadlineSource {
  if (sources.length === 1 && sources[0]) return sources[0];
  return async (db, range) => (await Promise.all(sources.map((source) => source(db, range)))).flat();
}
