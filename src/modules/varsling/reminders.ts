/**
 * Varsling's deadline source: each open case's acknowledgement (anbefalt 7 days), the handler's
 * investigation target (aml § 2 A-3 «rimelig tid») and the feedback (anbefalt 3 months), reminded
 * to the case's handlers only — the named handlers minus those excluded from the case. The title
 * names the step, never the case's content or a person.
 */
import { addDays } from '../../domain/calendar/index.ts';
import {
  ANBEFALT_FRIST,
  type CaseDeadline,
  caseDeadlines,
  type DeadlineKind,
} from '../../domain/varsling/rules.ts';
import type { Text } from '../../i18n/locale.ts';
import { type Deadline, type DeadlineSource, defaultReminderKeyBase } from '../../platform/reminders.ts';
import { stateOf } from './varsling.service.ts';

export const VARSLING_SOURCE = 'varsling';
export const VARSLING_AREA: Text = { nb: 'varslingssaken', en: 'the whistleblowing case' };

const TITLES: Record<DeadlineKind, Text> = {
  bekreft: {
    nb: `Varsling: bekreft mottak (${ANBEFALT_FRIST.nb})`,
    en: `Whistleblowing: acknowledge receipt (${ANBEFALT_FRIST.en})`,
  },
  undersokelse: {
    nb: 'Varsling: måldato for undersøkelsen (aml § 2 A-3)',
    en: 'Whistleblowing: investigation target date',
  },
  tilbakemelding: {
    nb: `Varsling: tilbakemelding til varsleren (${ANBEFALT_FRIST.nb})`,
    en: `Whistleblowing: feedback to the reporter (${ANBEFALT_FRIST.en})`,
  },
  gjengjeldelse: {
    nb: 'Varsling: gå gjennom gjengjeldelse-sjekklisten (anbefalt frist, aml § 2 A-4)',
    en: 'Whistleblowing: work through the retaliation checklist (recommended deadline)',
  },
  personvern: {
    nb: 'Varsling: brudd på personopplysningssikkerheten – 72 timer til Datatilsynet (lovkrav, GDPR art. 33)',
    en: 'Whistleblowing: personal-data breach – 72 hours to notify Datatilsynet (GDPR art. 33)',
  },
};

/** Days before the due date to remind, per step. */
const BEFORE: Record<DeadlineKind, number> = {
  bekreft: 2,
  gjengjeldelse: 3,
  personvern: 1,
  undersokelse: 7,
  tilbakemelding: 14,
};
/** The longest of them: a case received this long before `from` may still have a reminder in range. */
const LOOKBACK_DAYS = 4 * 31 + 14;

export const varslingDeadlines: DeadlineSource = async (db, range) => {
  let query = db
    .selectFrom('varsling_case')
    .select([
      'organisation_id',
      'id',
      'status',
      'received_on',
      'acknowledged_on',
      'outcome',
      'investigation_target',
      'feedback_given_on',
      'closed_on',
      'retaliation_checked_on',
      'breach_aware_at',
      'breach_decided_on',
    ])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('closed_on', 'is', null),
          eb.or([
            eb('received_on', '>=', addDays(range.from, -LOOKBACK_DAYS)),
            eb('investigation_target', '>=', range.from),
          ]),
        ]),
        // GDPR art. 33: the 72 hours run also after the case is closed, until the breach is decided.
        eb.and([eb('breach_aware_at', 'is not', null), eb('breach_decided_on', 'is', null)]),
      ]),
    );
  if (range.organisationId !== undefined) query = query.where('organisation_id', '=', range.organisationId);
  const cases = await query.execute();
  if (cases.length === 0) return [];
  const orgs = [...new Set(cases.map((c) => c.organisation_id))];
  const [handlers, exclusions] = await Promise.all([
    db
      .selectFrom('varsling_handler')
      .select(['organisation_id', 'user_id'])
      .where('organisation_id', 'in', orgs)
      .execute(),
    db
      .selectFrom('varsling_exclusion')
      .select(['organisation_id', 'case_id', 'user_id'])
      .where('organisation_id', 'in', orgs)
      .execute(),
  ]);
  const out: Deadline[] = [];
  for (const c of cases) {
    const excluded = new Set(exclusions.filter((x) => x.case_id === c.id).map((x) => x.user_id));
    const userIds = handlers
      .filter((h) => h.organisation_id === c.organisation_id && !excluded.has(h.user_id))
      .map((h) => h.user_id);
    // Nobody left to remind: no reminder (never fall back to HR — HR is not a handler of this case).
    if (userIds.length === 0) continue;
    for (const d of caseDeadlines(stateOf(c), range.today)) {
      if (!d.open) continue;
      const dates = reminderDates(d);
      if (
        !dates.some((day) => day >= range.from && day <= range.to) &&
        !(d.due >= range.from && d.due <= range.to)
      ) {
        continue;
      }
      const base = {
        source: VARSLING_SOURCE,
        organisationId: c.organisation_id,
        subjectId: c.id,
        itemKey: d.kind === 'undersokelse' ? `undersokelse:${d.due}` : d.kind,
      };
      out.push({
        ...base,
        due: d.due,
        reminderDates: dates,
        open: true,
        title: TITLES[d.kind],
        area: VARSLING_AREA,
        link: `/varsling/saker/${c.id}`,
        recipients: { kind: 'users', userIds },
        employeeId: null,
        keyBase: defaultReminderKeyBase(base),
      });
    }
  }
  return out;
};

function reminderDates(d: CaseDeadline): string[] {
  return [addDays(d.due, -BEFORE[d.kind]), d.due];
}
