/**
 * The avvik module's deadline source: open tiltak (to their owner, 7 days before and on the due
 * date — anbefalt; the tiltak's text is the deadline's `detail`, shown only in the owner's own
 * "Mine oppgaver"), the written § 5-2 confirmation (aml § 5-2; due the next working day) and
 * «Meld yrkesskade til NAV (digitalt)» (ftrl § 13-14; due in 7 days), to HR, on the due date.
 * Titles name no person.
 */
import { addDays } from '../../domain/calendar/index.ts';
import type { Text } from '../../i18n/locale.ts';
import { type Deadline, type DeadlineSource, defaultReminderKeyBase } from '../../platform/reminders.ts';

export const AVVIK_SOURCE = 'avvik';
const AREA: Text = { nb: 'avvik og uønskede hendelser', en: 'deviations and incidents' };
export const TILTAK_REMINDER_DAYS = 7;

const TASK_TITLES: Record<'skriftlig-bekreftelse' | 'nav-yrkesskade', Text> = {
  'skriftlig-bekreftelse': {
    nb: 'Skriftlig bekreftelse til Arbeidstilsynet (aml § 5-2), kopi til verneombudet',
    en: 'Written confirmation to the Labour Inspection (aml § 5-2), copy to the safety representative',
  },
  'nav-yrkesskade': {
    nb: 'Meld yrkesskade til NAV (digitalt) – husk også forsikringsselskapet',
    en: 'Report the occupational injury to NAV (digitally) – remember the insurer too',
  },
};

export const avvikDeadlines: DeadlineSource = async (db, range) => {
  let tiltak = db
    .selectFrom('avvik_tiltak')
    .select(['organisation_id', 'id', 'avvik_id', 'due', 'text', 'owner_user_id'])
    .where('done_at', 'is', null)
    .where('due', '>=', range.from)
    .where('due', '<=', addDays(range.to, TILTAK_REMINDER_DAYS));
  let tasks = db
    .selectFrom('avvik_task')
    .select(['organisation_id', 'avvik_id', 'kind', 'due'])
    .where('done_at', 'is', null)
    .where('due', '>=', range.from)
    .where('due', '<=', range.to);
  if (range.organisationId !== undefined) {
    tiltak = tiltak.where('organisation_id', '=', range.organisationId);
    tasks = tasks.where('organisation_id', '=', range.organisationId);
  }
  const [tiltakRows, taskRows] = await Promise.all([tiltak.execute(), tasks.execute()]);
  const out: Deadline[] = [];
  for (const row of tiltakRows) {
    const base = {
      source: AVVIK_SOURCE,
      organisationId: row.organisation_id,
      subjectId: row.id,
      itemKey: 'tiltak',
    };
    out.push({
      ...base,
      due: row.due,
      reminderDates: [addDays(row.due, -TILTAK_REMINDER_DAYS), row.due],
      open: true,
      title: { nb: 'Tiltak etter avvik', en: 'Measure after a deviation' },
      detail: row.text,
      area: AREA,
      link: `/avvik/${row.avvik_id}`,
      recipients: { kind: 'users', userIds: [row.owner_user_id] },
      employeeId: null,
      keyBase: defaultReminderKeyBase(base),
    });
  }
  for (const row of taskRows) {
    const base = {
      source: AVVIK_SOURCE,
      organisationId: row.organisation_id,
      subjectId: row.avvik_id,
      itemKey: row.kind,
    };
    out.push({
      ...base,
      due: row.due,
      reminderDates: [row.due],
      open: true,
      title: TASK_TITLES[row.kind],
      area: AREA,
      link: `/avvik/${row.avvik_id}`,
      recipients: { kind: 'role', role: 'hr' },
      employeeId: null,
      keyBase: defaultReminderKeyBase(base),
    });
  }
  return out;
};
