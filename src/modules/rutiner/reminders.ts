/**
 * The handbook's deadline source: each active routine's review date, reminded 14 days before and on
 * the day (anbefalt; no law sets the interval), to the routine's owner — HR when the owner is gone or
 * disabled (the sweep's rule).
 *
 * The title names the kind of routine, never its own title: a title is free text written by HR and
 * may name a person («Tilrettelegging for Per»), and reminders go out by e-mail and into calendars.
 * «Gjennomgang av rutine (avvik)» with the link to the routine is enough to find it.
 */
import { addDays } from '../../domain/calendar/index.ts';
import {
  ROUTINE_REVIEW_NOTICE_DAYS,
  type RoutineCategory,
  reviewReminderDates,
} from '../../domain/rutiner/index.ts';
import type { Text } from '../../i18n/locale.ts';
import { type Deadline, type DeadlineSource, defaultReminderKeyBase } from '../../platform/reminders.ts';

export const RUTINER_SOURCE = 'rutiner';
export const RUTINER_AREA: Text = { nb: 'HMS-håndboken', en: 'HSE handbook' };

const CATEGORY: Record<RoutineCategory, Text | null> = {
  avvik: { nb: 'avvik', en: 'non-conformities' },
  varsling: { nb: 'varsling', en: 'whistleblowing' },
  introduksjon: { nb: 'introduksjon av nye ansatte', en: 'introducing new employees' },
  forstehjelp: { nb: 'førstehjelp', en: 'first aid' },
  brann: { nb: 'brann', en: 'fire' },
  annet: null,
};

export function reviewTitle(category: RoutineCategory): Text {
  const kind = CATEGORY[category];
  return kind
    ? { nb: `Gjennomgang av rutine (${kind.nb})`, en: `Review of routine (${kind.en})` }
    : { nb: 'Gjennomgang av rutine', en: 'Review of routine' };
}

export const routineDeadlines: DeadlineSource = async (db, range) => {
  let query = db
    .selectFrom('hms_routine')
    .select(['organisation_id', 'id', 'category', 'title', 'review_due', 'owner_user_id'])
    .where('archived_at', 'is', null)
    .where('review_due', '>=', range.from)
    .where('review_due', '<=', addDays(range.to, ROUTINE_REVIEW_NOTICE_DAYS));
  if (range.organisationId !== undefined) query = query.where('organisation_id', '=', range.organisationId);
  const rows = await query.execute();
  return rows.map((row): Deadline => {
    const base = {
      source: RUTINER_SOURCE,
      organisationId: row.organisation_id,
      subjectId: row.id,
      // A new review date is a new obligation: its reminders are sent afresh.
      itemKey: `gjennomgang:${row.review_due}`,
    };
    return {
      ...base,
      due: row.review_due,
      reminderDates: reviewReminderDates(row.review_due),
      open: true,
      title: reviewTitle(row.category),
      detail: row.title,
      area: RUTINER_AREA,
      link: `/internkontroll/rutiner/${row.id}`,
      recipients: { kind: 'users', userIds: row.owner_user_id ? [row.owner_user_id] : [] },
      employeeId: null,
      keyBase: defaultReminderKeyBase(base),
    };
  });
};
