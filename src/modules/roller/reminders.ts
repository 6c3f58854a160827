/**
 * The roles' deadline source: every term with an end is reminded 60 days before its last day and on
 * it (product default, «anbefalt»), to HR. The reminder names the kind of role only — «Verneombudets funksjonstid
 * går ut» — never the person, since reminders go out by e-mail and into calendars. A role that was
 * ended, or whose successor is registered, is closed.
 */
import { addDays } from '../../domain/calendar/index.ts';
import {
  type HmsRoleKind,
  hasSuccessor,
  TERM_REMINDER_DAYS,
  termReminderDates,
} from '../../domain/roller/index.ts';
import type { Text } from '../../i18n/locale.ts';
import { type Deadline, type DeadlineSource, defaultReminderKeyBase } from '../../platform/reminders.ts';
import { toFacts } from './roller.repository.ts';

export const ROLLER_SOURCE = 'roller';
export const ROLLER_AREA: Text = { nb: 'roller og verv (HMS)', en: 'HSE roles' };
export const ROLLER_LINK = '/internkontroll/roller';

export const TERM_TITLES: Record<HmsRoleKind, Text> = {
  'daglig-leder': { nb: 'Daglig leders periode går ut', en: "The managing director's period ends" },
  verneombud: { nb: 'Verneombudets funksjonstid går ut', en: "The safety representative's term ends" },
  hovedverneombud: {
    nb: 'Hovedverneombudets funksjonstid går ut',
    en: "The chief safety representative's term ends",
  },
  'amu-arbeidsgiver': {
    nb: 'Funksjonstiden for et AMU-medlem (arbeidsgiver) går ut',
    en: "An AMU member's term (employer) ends",
  },
  'amu-arbeidstaker': {
    nb: 'Funksjonstiden for et AMU-medlem (arbeidstakerne) går ut',
    en: "An AMU member's term (employees) ends",
  },
  'amu-bht': {
    nb: 'Funksjonstiden for BHT-representanten i AMU går ut',
    en: "The health service representative's AMU term ends",
  },
  'bht-kontakt': {
    nb: 'Perioden for bedriftshelsetjenesten går ut',
    en: "The occupational health service's period ends",
  },
};

export const termDeadlines: DeadlineSource = async (db, range) => {
  // A term's reminders fall on [end − 60, end]: the terms ending from `from` to `to` + 60 days.
  let query = db
    .selectFrom('hms_role')
    .select('organisation_id')
    .distinct()
    .where('term_end', '>=', range.from)
    .where('term_end', '<=', addDays(range.to, TERM_REMINDER_DAYS));
  if (range.organisationId !== undefined) query = query.where('organisation_id', '=', range.organisationId);
  const organisations = (await query.execute()).map((r) => r.organisation_id);
  if (organisations.length === 0) return [];
  // Whole organisations, so that a successor (whatever its dates) closes its predecessor's deadline.
  const rows = await db
    .selectFrom('hms_role')
    .selectAll()
    .where('organisation_id', 'in', organisations)
    .execute();
  const byOrg = new Map<string, ReturnType<typeof toFacts>[]>();
  for (const r of rows) {
    const list = byOrg.get(r.organisation_id) ?? [];
    list.push(toFacts(r));
    byOrg.set(r.organisation_id, list);
  }
  return rows.flatMap((row): Deadline[] => {
    const end = row.term_end;
    if (end === null || end < range.from || end > addDays(range.to, TERM_REMINDER_DAYS)) return [];
    const base = {
      source: ROLLER_SOURCE,
      organisationId: row.organisation_id,
      subjectId: row.id,
      itemKey: 'term-end',
    };
    const all = byOrg.get(row.organisation_id) ?? [];
    return [
      {
        ...base,
        due: end,
        reminderDates: termReminderDates(end),
        open: row.ended_on === null && !hasSuccessor(toFacts(row), all),
        title: TERM_TITLES[row.kind],
        area: ROLLER_AREA,
        link: ROLLER_LINK,
        recipients: { kind: 'role', role: 'hr' },
        employeeId: null,
        keyBase: defaultReminderKeyBase(base),
      },
    ];
  });
};
