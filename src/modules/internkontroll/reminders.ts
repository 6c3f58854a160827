/**
 * Internkontroll's deadline source: every open årshjul activity, reminded 14 days before and on
 * its due date, to the role that owns it (HR when nobody holds it). The reminder names the kind of
 * activity only — an organisation's own activity is free text and may name a person, so it goes
 * out as «Aktivitet i årshjulet».
 */

import type { Role } from '../../domain/access/roles.ts';
import { addDays } from '../../domain/calendar/index.ts';
import type { Text } from '../../i18n/locale.ts';
import { type Deadline, type DeadlineSource, defaultReminderKeyBase } from '../../platform/reminders.ts';
import { ARSHJUL_REMINDER_DAYS } from './arshjul.service.ts';

export const INTERNKONTROLL_SOURCE = 'internkontroll';
export const INTERNKONTROLL_AREA: Text = { nb: 'internkontrollen (HMS)', en: 'internal control (HSE)' };
const OWN_ITEM_TITLE: Text = { nb: 'Aktivitet i årshjulet', en: 'Activity in the annual wheel' };

export const arshjulDeadlines: DeadlineSource = async (db, range) => {
  let query = db
    .selectFrom('arshjul_item')
    .select([
      'organisation_id',
      'id',
      'year',
      'item_key',
      'occurrence',
      'title_nb',
      'title_en',
      'due',
      'owner_role',
    ])
    .where('done_at', 'is', null)
    .where('due', '>=', range.from)
    .where('due', '<=', addDays(range.to, ARSHJUL_REMINDER_DAYS));
  if (range.organisationId !== undefined) query = query.where('organisation_id', '=', range.organisationId);
  const rows = await query.execute();
  return rows.map((row): Deadline => {
    const base = {
      source: INTERNKONTROLL_SOURCE,
      organisationId: row.organisation_id,
      // Generated items are named by what they are, so re-creating a row never re-sends a reminder.
      subjectId: row.item_key === null ? row.id : `${row.year}:${row.item_key}:${row.occurrence || 'year'}`,
      itemKey: 'arshjul',
    };
    return {
      ...base,
      due: row.due,
      reminderDates: [addDays(row.due, -ARSHJUL_REMINDER_DAYS), row.due],
      open: true,
      title: row.item_key === null ? OWN_ITEM_TITLE : { nb: row.title_nb, en: row.title_en },
      // An own item's title is typed by HR: in the app only.
      ...(row.item_key === null ? { detail: row.title_nb } : {}),
      area: INTERNKONTROLL_AREA,
      link: `/internkontroll/arshjul?year=${row.year}`,
      recipients: { kind: 'role', role: row.owner_role as Role },
      employeeId: null,
      keyBase: defaultReminderKeyBase(base),
    };
  });
};
