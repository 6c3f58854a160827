/**
 * The open deadlines one user is responsible for, from every module's deadline source — the same
 * rule as reminders (`reminderRecipients`): the iCal feed lists them as events, and "Mine oppgaver"
 * lists those outside the sick-leave follow-up (which has its own, richer task list).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { addDays, type IsoDate } from '../../domain/calendar/index.ts';
import { type Deadline, type DeadlineSource, isOpenDeadline } from '../../platform/reminders.ts';
import { recipientCache } from './recipients.ts';

export type DeadlineOwner = { organisationId: string; userId: string };

/**
 * Open deadlines (with reminders) due in [from, to] that the rule of each names this user for;
 * one entry per reminder key (a source that lists a deadline twice shows once), by due date.
 */
export async function deadlinesOf(
  db: Kysely<Database>,
  owner: DeadlineOwner,
  input: { deadlineSource: DeadlineSource; from: IsoDate; to: IsoDate; today: IsoDate },
): Promise<Deadline[]> {
  const { organisationId, userId } = owner;
  const all = await input.deadlineSource(db, {
    organisationId,
    from: input.from,
    to: input.to,
    today: input.today,
  });
  const recipients = recipientCache(db);
  const seen = new Set<string>();
  const mine: Deadline[] = [];
  for (const d of all) {
    if (d.organisationId !== organisationId || !isOpenDeadline(d)) continue;
    if (d.due < input.from || d.due > input.to || seen.has(d.keyBase)) continue;
    const responsible = await recipients(organisationId, d.recipients);
    if (!responsible.some((r) => r.userId === userId)) continue;
    seen.add(d.keyBase);
    mine.push(d);
  }
  return mine.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.keyBase < b.keyBase ? -1 : 1));
}

/** How far back "Mine oppgaver" looks for overdue deadlines, and how far ahead it shows. */
export const MY_DEADLINES_PAST_DAYS = 730;
export const MY_DEADLINES_AHEAD_DAYS = 14;

/** The sources whose deadlines "Mine oppgaver" shows in its sick-leave part instead. */
export const SICK_LEAVE_SOURCES: ReadonlySet<string> = new Set(['sykefravaer']);

export type MyDeadline = {
  source: string;
  title: Deadline['title'];
  area: Deadline['area'];
  detail: string | null;
  due: IsoDate;
  link: string;
  state: 'overdue' | 'due-today' | 'upcoming';
};

/** "Mine oppgaver" outside sick leave: overdue (up to two years back) and due within 14 days. */
export async function myOpenDeadlines(
  db: Kysely<Database>,
  owner: DeadlineOwner,
  input: { deadlineSource: DeadlineSource; today: IsoDate },
): Promise<MyDeadline[]> {
  const { today } = input;
  const list = await deadlinesOf(db, owner, {
    deadlineSource: input.deadlineSource,
    from: addDays(today, -MY_DEADLINES_PAST_DAYS),
    to: addDays(today, MY_DEADLINES_AHEAD_DAYS),
    today,
  });
  return list
    .filter((d) => !SICK_LEAVE_SOURCES.has(d.source))
    .map((d) => ({
      source: d.source,
      title: d.title,
      area: d.area,
      detail: d.detail ?? null,
      due: d.due,
      link: d.link,
      state: d.due < today ? 'overdue' : d.due === today ? 'due-today' : 'upcoming',
    }));
}
