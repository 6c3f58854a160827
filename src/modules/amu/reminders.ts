/**
 * The AMU's deadline source, feeding reminders, the iCal feed and «Mine oppgaver» (each exactly
 * once, by the sweep):
 * - every open action of approved minutes (aml § 7-2 (5): a measure with a deadline), to its owner,
 *   7 days before and on the due date («anbefalt»);
 * - every meeting called by a demand (FOLM § 3-16) whose minutes are not written yet, to the
 *   committee (role `amu`), 7 days before and on the last day it may be held.
 * A reminder names the kind of task only; the decision's text is the in-app detail.
 */
import { actionReminderDates } from '../../domain/amu/index.ts';
import { addDays } from '../../domain/calendar/index.ts';
import type { Text } from '../../i18n/locale.ts';
import { type Deadline, type DeadlineSource, defaultReminderKeyBase } from '../../platform/reminders.ts';

export const AMU_SOURCE = 'amu';
export const AMU_AREA: Text = {
  nb: 'arbeidsmiljøutvalget (AMU)',
  en: 'the working environment committee (AMU)',
};
const ACTION_TITLE: Text = { nb: 'Tiltak vedtatt i AMU', en: 'Action decided by the AMU' };
const DEMAND_TITLE: Text = { nb: 'AMU-møte etter krav fra medlemmer', en: 'AMU meeting demanded by members' };
const LOOK_AHEAD = 7;

export const amuDeadlines: DeadlineSource = async (db, range) => {
  let actions = db
    .selectFrom('amu_decision as d')
    .innerJoin('amu_meeting as m', (j) =>
      j.onRef('m.organisation_id', '=', 'd.organisation_id').onRef('m.id', '=', 'd.meeting_id'),
    )
    .select(['d.organisation_id', 'd.id', 'd.meeting_id', 'd.text', 'd.owner_user_id', 'd.due', 'd.done_at'])
    .where('m.status', '=', 'publisert')
    .where('d.due', 'is not', null)
    .where('d.due', '>=', range.from)
    .where('d.due', '<=', addDays(range.to, LOOK_AHEAD));
  let demands = db
    .selectFrom('amu_demand as k')
    .innerJoin('amu_meeting as m', (j) =>
      j.onRef('m.organisation_id', '=', 'k.organisation_id').onRef('m.id', '=', 'k.meeting_id'),
    )
    .select(['k.organisation_id', 'k.meeting_id', 'k.deadline', 'k.supported_on', 'm.status'])
    .where('k.deadline', 'is not', null)
    .where('k.deadline', '>=', range.from)
    .where('k.deadline', '<=', addDays(range.to, LOOK_AHEAD));
  if (range.organisationId !== undefined) {
    actions = actions.where('d.organisation_id', '=', range.organisationId);
    demands = demands.where('k.organisation_id', '=', range.organisationId);
  }
  const [actionRows, demandRows] = await Promise.all([actions.execute(), demands.execute()]);
  const out: Deadline[] = [];
  for (const row of actionRows) {
    if (row.due === null || row.owner_user_id === null) continue;
    const base = {
      source: AMU_SOURCE,
      organisationId: row.organisation_id,
      subjectId: row.id,
      itemKey: 'tiltak',
    };
    out.push({
      ...base,
      due: row.due,
      reminderDates: actionReminderDates(row.due),
      open: row.done_at === null,
      title: ACTION_TITLE,
      detail: row.text,
      area: AMU_AREA,
      link: `/amu/moter/${row.meeting_id}`,
      recipients: { kind: 'users', userIds: [row.owner_user_id] },
      employeeId: null,
      keyBase: defaultReminderKeyBase(base),
    });
  }
  for (const row of demandRows) {
    if (row.deadline === null || row.meeting_id === null) continue;
    const base = {
      source: AMU_SOURCE,
      organisationId: row.organisation_id,
      subjectId: row.meeting_id,
      itemKey: 'krav',
    };
    const from = row.supported_on ?? row.deadline;
    out.push({
      ...base,
      due: row.deadline,
      // Never before the demand was backed.
      reminderDates: [...new Set([addDays(row.deadline, -LOOK_AHEAD), row.deadline])].filter(
        (d) => d >= from,
      ),
      open: row.status === 'planlagt',
      title: DEMAND_TITLE,
      area: AMU_AREA,
      link: `/amu/moter/${row.meeting_id}`,
      recipients: { kind: 'role', role: 'amu' },
      employeeId: null,
      keyBase: defaultReminderKeyBase(base),
    });
  }
  return out;
};
