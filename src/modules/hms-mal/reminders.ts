/**
 * The handlingsplan's deadline source: every open measure, reminded 14 days before and on its due
 * date (anbefalt), to the person who owns it or to the role (HR when nobody fits). The reminder
 * says «Tiltak i handlingsplanen» only: a measure's text is free text and may name a person (it is
 * the deadline's `detail`, shown only in the owner's own "Mine oppgaver").
 */
import { addDays } from '../../domain/calendar/index.ts';
import { MEASURE_REMINDER_DAYS, measureReminderDates } from '../../domain/hms-mal/index.ts';
import type { Text } from '../../i18n/locale.ts';
import { type Deadline, type DeadlineSource, defaultReminderKeyBase } from '../../platform/reminders.ts';

export const HMS_MAL_SOURCE = 'hms-mal';
export const HMS_MAL_AREA: Text = { nb: 'HMS-mål og handlingsplan', en: 'HSE goals and action plan' };
const MEASURE_TITLE: Text = { nb: 'Tiltak i handlingsplanen', en: 'Measure in the action plan' };

export const measureDeadlines: DeadlineSource = async (db, range) => {
  let query = db
    .selectFrom('hms_measure as m')
    .leftJoin('hms_goal as g', (join) =>
      join.onRef('g.organisation_id', '=', 'm.organisation_id').onRef('g.id', '=', 'm.goal_id'),
    )
    .select(['m.organisation_id', 'm.id', 'm.due', 'm.text', 'm.owner_user_id', 'm.owner_role', 'g.year'])
    .where('m.done_at', 'is', null)
    .where('m.due', '>=', range.from)
    .where('m.due', '<=', addDays(range.to, MEASURE_REMINDER_DAYS));
  if (range.organisationId !== undefined) query = query.where('m.organisation_id', '=', range.organisationId);
  const rows = await query.execute();
  return rows.map((row): Deadline => {
    const base = {
      source: HMS_MAL_SOURCE,
      organisationId: row.organisation_id,
      subjectId: row.id,
      itemKey: 'tiltak',
    };
    return {
      ...base,
      due: row.due,
      reminderDates: measureReminderDates(row.due),
      open: true,
      title: MEASURE_TITLE,
      detail: row.text,
      area: HMS_MAL_AREA,
      link: `/internkontroll/mal?ar=${row.year ?? row.due.slice(0, 4)}`,
      recipients:
        row.owner_user_id !== null
          ? { kind: 'users', userIds: [row.owner_user_id] }
          : { kind: 'role', role: row.owner_role ?? 'hr' },
      employeeId: null,
      keyBase: defaultReminderKeyBase(base),
    };
  });
};
