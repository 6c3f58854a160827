/**
 * Training records' deadline source: a record with an expiry date is reminded 30 days before it
 * expires and on the day (product default), to the employee's nærmeste leder (HR when there is
 * none). The reminder names the kind of course only — «Førstehjelpskurs går ut» — never the person
 * (reminders go out by e-mail and into calendars) and never a free-text title. It is closed once a
 * newer record of the same course for the same person exists, or the person has left.
 */
import { sql } from 'kysely';
import { addDays } from '../../domain/calendar/index.ts';
import type { Course } from '../../domain/opplaering/courses.ts';
import { EXPIRY_WARNING_DAYS } from '../../domain/opplaering/courses.ts';
import type { Text } from '../../i18n/locale.ts';
import { type Deadline, type DeadlineSource, defaultReminderKeyBase } from '../../platform/reminders.ts';

export const OPPLAERING_SOURCE = 'opplaering';
export const OPPLAERING_AREA: Text = { nb: 'opplæringen (HMS)', en: 'training (HSE)' };
export const OPPLAERING_LINK = '/internkontroll/opplaering';

/** The reminder's title per course kind. */
export const EXPIRY_TITLES: Readonly<Record<Course, Text>> = {
  'hms-leder': { nb: 'HMS-opplæring for leder går ut', en: 'HSE training for the top leader expires' },
  'vo-amu-40t': {
    nb: 'Opplæring for verneombud/AMU går ut',
    en: 'Safety representative/WEC training expires',
  },
  forstehjelp: { nb: 'Førstehjelpskurs går ut', en: 'First-aid course expires' },
  brannvern: { nb: 'Brannvernopplæring går ut', en: 'Fire-safety training expires' },
  'maskin-utstyr': {
    nb: 'Opplæring i maskiner og utstyr går ut',
    en: 'Machine and equipment training expires',
  },
  kjemikalier: { nb: 'Opplæring i kjemikalier går ut', en: 'Chemicals training expires' },
  annet: { nb: 'Opplæring går ut', en: 'Training expires' },
};

export const trainingDeadlines: DeadlineSource = async (db, range) => {
  let query = db
    .selectFrom('training_record as t')
    .innerJoin('employee as e', (j) =>
      j.onRef('e.organisation_id', '=', 't.organisation_id').onRef('e.id', '=', 't.employee_id'),
    )
    .select([
      't.organisation_id',
      't.id',
      't.employee_id',
      't.course',
      't.expires_on',
      'e.leader_id',
      'e.employment_end',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('training_record as n')
            .select(sql`1`.as('one'))
            .whereRef('n.organisation_id', '=', 't.organisation_id')
            .whereRef('n.employee_id', '=', 't.employee_id')
            .whereRef('n.course', '=', 't.course')
            .where(sql<boolean>`(n.completed_on, n.created_at, n.id) > (t.completed_on, t.created_at, t.id)`),
        )
        .as('superseded'),
    )
    // Listed when the due date or the first reminder (30 days before) is in the range.
    .where('t.expires_on', '>=', range.from)
    .where('t.expires_on', '<=', addDays(range.to, EXPIRY_WARNING_DAYS));
  if (range.organisationId !== undefined) query = query.where('t.organisation_id', '=', range.organisationId);
  const rows = await query.execute();
  return rows.flatMap((row): Deadline[] => {
    const due = row.expires_on;
    if (due === null) return [];
    const base = {
      source: OPPLAERING_SOURCE,
      organisationId: row.organisation_id,
      subjectId: row.id,
      itemKey: 'expiry',
    };
    const left = row.employment_end !== null && row.employment_end < range.today;
    return [
      {
        ...base,
        due,
        reminderDates: [addDays(due, -EXPIRY_WARNING_DAYS), due],
        open: !row.superseded && !left,
        title: EXPIRY_TITLES[row.course],
        area: OPPLAERING_AREA,
        link: OPPLAERING_LINK,
        recipients: { kind: 'leader-of', leaderEmployeeId: row.leader_id },
        employeeId: row.employee_id,
        keyBase: defaultReminderKeyBase(base),
      },
    ];
  });
};
