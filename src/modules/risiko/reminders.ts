/**
 * The risk module's deadline source (aml § 3-1 (2) c: plans and measures with a deadline):
 * - every open tiltak, reminded 14 days before and on its due date (anbefalt), to its owner — and,
 *   as a second deadline, to the verneombud of each verneområde the unit belongs to (aml § 6-2:
 *   the VO follows the measures in their area);
 * - every assessment's next review (FOLM § 7-1: repeated regularly), to the responsible leader.
 * Reminders say «Tiltak fra risikovurderingen» / «Risikovurdering skal gjennomgås» only; the
 * tiltak's own text is the deadline's `detail`, shown only in the recipient's "Mine oppgaver".
 */
import { addDays } from '../../domain/calendar/index.ts';
import { ROUND_REMINDER_DAYS, roundReminderDates, TILTAK_REMINDER_DAYS } from '../../domain/risiko/index.ts';
import type { Text } from '../../i18n/locale.ts';
import { type Deadline, type DeadlineSource, defaultReminderKeyBase } from '../../platform/reminders.ts';

export const RISIKO_SOURCE = 'risiko';
export const RISIKO_AREA: Text = { nb: 'risikovurderingen (HMS)', en: 'the risk assessment (HSE)' };
const TILTAK_TITLE: Text = { nb: 'Tiltak fra risikovurderingen', en: 'Measure from the risk assessment' };
const REVIEW_TITLE: Text = { nb: 'Risikovurdering skal gjennomgås', en: 'Risk assessment to be reviewed' };

const reminderDates = (due: string) => [addDays(due, -TILTAK_REMINDER_DAYS), due];

export const risikoDeadlines: DeadlineSource = async (db, range) => {
  const last = addDays(range.to, TILTAK_REMINDER_DAYS);
  let tiltak = db
    .selectFrom('risk_tiltak as t')
    .innerJoin('risk_item as r', (j) =>
      j.onRef('r.organisation_id', '=', 't.organisation_id').onRef('r.id', '=', 't.risk_id'),
    )
    .innerJoin('risk_assessment as a', (j) =>
      j.onRef('a.organisation_id', '=', 'r.organisation_id').onRef('a.id', '=', 'r.assessment_id'),
    )
    .select([
      't.organisation_id',
      't.id',
      't.due',
      't.text',
      't.owner_user_id',
      'a.id as assessment_id',
      'a.unit_id',
    ])
    .where('t.status', '<>', 'utfort')
    .where('t.due', '>=', range.from)
    .where('t.due', '<=', last);
  let reviews = db
    .selectFrom('risk_assessment')
    .select(['organisation_id', 'id', 'next_review', 'title', 'responsible_user_id', 'revision'])
    .where('next_review', '>=', range.from)
    .where('next_review', '<=', last);
  if (range.organisationId !== undefined) {
    tiltak = tiltak.where('t.organisation_id', '=', range.organisationId);
    reviews = reviews.where('organisation_id', '=', range.organisationId);
  }
  const [tiltakRows, reviewRows] = await Promise.all([tiltak.execute(), reviews.execute()]);

  // The verneområder of the tiltak's units (one deadline per area's VO).
  const areas = new Map<string, string[]>();
  const units = [...new Set(tiltakRows.map((r) => `${r.organisation_id}|${r.unit_id}`))];
  if (units.length > 0) {
    const links = await db
      .selectFrom('verneomrade_unit')
      .select(['organisation_id', 'unit_id', 'verneomrade_id'])
      .where('unit_id', 'in', [...new Set(tiltakRows.map((r) => r.unit_id))])
      .execute();
    for (const l of links) {
      const k = `${l.organisation_id}|${l.unit_id}`;
      areas.set(k, [...(areas.get(k) ?? []), l.verneomrade_id]);
    }
  }

  const deadlines: Deadline[] = [];
  for (const row of tiltakRows) {
    const common = {
      due: row.due,
      reminderDates: reminderDates(row.due),
      open: true,
      title: TILTAK_TITLE,
      detail: row.text,
      area: RISIKO_AREA,
      link: `/risiko/${row.assessment_id}`,
      employeeId: null,
    };
    const owner = {
      source: RISIKO_SOURCE,
      organisationId: row.organisation_id,
      subjectId: row.id,
      itemKey: 'tiltak',
    };
    deadlines.push({
      ...owner,
      ...common,
      recipients: { kind: 'users', userIds: [row.owner_user_id] },
      keyBase: defaultReminderKeyBase(owner),
    });
    for (const verneomradeId of areas.get(`${row.organisation_id}|${row.unit_id}`) ?? []) {
      const vo = { ...owner, itemKey: `tiltak-vo:${verneomradeId}` };
      deadlines.push({
        ...vo,
        ...common,
        recipients: { kind: 'role', role: 'verneombud', verneomradeId },
        keyBase: defaultReminderKeyBase(vo),
      });
    }
  }
  for (const row of reviewRows) {
    // One review per revision: a new revision is a new obligation.
    const base = {
      source: RISIKO_SOURCE,
      organisationId: row.organisation_id,
      subjectId: row.id,
      itemKey: `revisjon:${row.revision}`,
    };
    deadlines.push({
      ...base,
      due: row.next_review,
      reminderDates: reminderDates(row.next_review),
      open: true,
      title: REVIEW_TITLE,
      detail: row.title,
      area: RISIKO_AREA,
      link: `/risiko/${row.id}`,
      recipients: { kind: 'users', userIds: [row.responsible_user_id] },
      employeeId: null,
      keyBase: defaultReminderKeyBase(base),
    });
  }
  return deadlines;
};

const ROUND_TITLE: Text = { nb: 'Vernerunde', en: 'Safety round' };
const ROUND_AREA: Text = { nb: 'vernerunden (HMS)', en: 'the safety round (HSE)' };

/**
 * Planned vernerunder not yet signed by both (aml § 6-2: the VO takes part): one deadline to the
 * round's leader and verneombud, reminded 14 days before and on the day (anbefalt). Its detail is
 * the round's title, shown only in "Mine oppgaver".
 */
export const vernerundeDeadlines: DeadlineSource = async (db, range) => {
  let rounds = db
    .selectFrom('vernerunde')
    .select(['organisation_id', 'id', 'planned_on', 'title', 'leader_user_id', 'vo_user_id'])
    .where((eb) => eb.or([eb('leader_signed_on', 'is', null), eb('vo_signed_on', 'is', null)]))
    .where('planned_on', '>=', range.from)
    .where('planned_on', '<=', addDays(range.to, ROUND_REMINDER_DAYS));
  if (range.organisationId !== undefined) rounds = rounds.where('organisation_id', '=', range.organisationId);
  return (await rounds.execute()).map((row) => {
    const base = {
      source: RISIKO_SOURCE,
      organisationId: row.organisation_id,
      subjectId: row.id,
      itemKey: 'vernerunde',
    };
    return {
      ...base,
      due: row.planned_on,
      reminderDates: roundReminderDates(row.planned_on),
      open: true,
      title: ROUND_TITLE,
      detail: row.title,
      area: ROUND_AREA,
      link: `/risiko/vernerunder/${row.id}`,
      recipients: { kind: 'users', userIds: [...new Set([row.leader_user_id, row.vo_user_id])] },
      employeeId: null,
      keyBase: defaultReminderKeyBase(base),
    } satisfies Deadline;
  });
};
