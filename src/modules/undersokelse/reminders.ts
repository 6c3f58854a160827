/**
 * The survey's deadline source: while a published survey is open, one reminder (3 days before it
 * closes — anbefalt, product default) to the users in its scope who have not answered. Each user's
 * reminder is theirs alone: nobody else is told who has or has not answered. When everyone has
 * answered there is no deadline (the kernel would otherwise hand an owner-less deadline to HR).
 */
import { reminderDate } from '../../domain/undersokelse/index.ts';
import type { Text } from '../../i18n/locale.ts';
import { type Deadline, type DeadlineSource, defaultReminderKeyBase } from '../../platform/reminders.ts';
import { expandScope, loadUnits } from './survey.service.ts';

export const UNDERSOKELSE_SOURCE = 'undersokelse';
const AREA: Text = { nb: 'HMS-arbeidet (undersøkelser)', en: 'the HSE work (surveys)' };
const TITLE: Text = { nb: 'Undersøkelse å svare på', en: 'Survey to answer' };

export const surveyDeadlines: DeadlineSource = async (db, range) => {
  let query = db
    .selectFrom('survey')
    .select(['organisation_id', 'id', 'title', 'opens_on', 'closes_on'])
    .where('published_at', 'is not', null)
    // Open on some day of the range, or its reminder day in it.
    .where('closes_on', '>=', range.from)
    .where('opens_on', '<=', range.to);
  if (range.organisationId !== undefined) query = query.where('organisation_id', '=', range.organisationId);
  const surveys = await query.execute();
  const deadlines: Deadline[] = [];
  for (const s of surveys) {
    const units = await loadUnits(db, s.organisation_id);
    const chosen = await db
      .selectFrom('survey_unit')
      .select('unit_id')
      .where('organisation_id', '=', s.organisation_id)
      .where('survey_id', '=', s.id)
      .execute();
    const scope = expandScope(
      units,
      chosen.map((c) => c.unit_id),
    );
    let people = db
      .selectFrom('membership as m')
      .innerJoin('user_account as u', 'u.id', 'm.user_id')
      .innerJoin('employee as e', (j) =>
        j.onRef('e.organisation_id', '=', 'm.organisation_id').onRef('e.id', '=', 'm.employee_id'),
      )
      .select('m.user_id')
      .where('m.organisation_id', '=', s.organisation_id)
      .where('u.disabled_at', 'is', null)
      .where((eb) => eb.or([eb('e.employment_end', 'is', null), eb('e.employment_end', '>=', range.today)]))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('survey_respondent as r')
              .select('r.user_id')
              .where('r.organisation_id', '=', s.organisation_id)
              .where('r.survey_id', '=', s.id)
              .whereRef('r.user_id', '=', 'm.user_id'),
          ),
        ),
      );
    if (scope !== null) people = people.where('e.unit_id', 'in', [...scope]);
    const userIds = (await people.execute()).map((p) => p.user_id).sort();
    if (userIds.length === 0) continue;
    const base = {
      source: UNDERSOKELSE_SOURCE,
      organisationId: s.organisation_id,
      subjectId: s.id,
      itemKey: 'svar',
    };
    deadlines.push({
      ...base,
      due: s.closes_on,
      reminderDates: [reminderDate(s.opens_on, s.closes_on)],
      open: true,
      title: TITLE,
      // The survey's name is typed by HR: in the app only.
      detail: s.title,
      area: AREA,
      link: `/undersokelser/${s.id}/svar`,
      recipients: { kind: 'users', userIds },
      employeeId: null,
      keyBase: defaultReminderKeyBase(base),
    });
  }
  return deadlines;
};
