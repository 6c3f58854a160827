/**
 * Deletes the reminders of sick-leave cases, for the §11.9 retention rule of the sick-leave module:
 * the inbox rows about the employee whose deterministic key names the case start
 * (`reminder:<org>:<employee>:<caseStart>:…`, see `sweep.ts`; any key with `<employee>:<caseStart>` in
 * it counts, so event notices `event:<org>:<employee>:<caseStart>:…` of `events.ts` go too), the record of their e-mail (`mail_delivery`, same key), and the employee's custom
 * reminders («påminn meg …») dated before a given day with their inbox rows and e-mail records.
 * Returns the number of deleted rows per kind. A pending mail job for a deleted row finds no inbox
 * row and is skipped (`worker.ts`).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { CaseEraser, CaseSelection } from '../../platform/module.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The case start a reminder key names: the segment after the employee id. */
export function caseStartOfKey(key: string, employeeId: string): IsoDate | null {
  const parts = key.split(':');
  const i = parts.indexOf(employeeId);
  const start = i < 0 ? undefined : parts[i + 1];
  return start !== undefined && ISO_DATE.test(start) ? start : null;
}

async function deleteKeys(
  trx: Transaction<Database>,
  organisationId: string,
  keys: readonly string[],
): Promise<{ notification: number; mail_delivery: number }> {
  if (keys.length === 0) return { notification: 0, mail_delivery: 0 };
  const mail = await trx
    .deleteFrom('mail_delivery')
    .where('organisation_id', '=', organisationId)
    .where('key', 'in', keys)
    .executeTakeFirst();
  const inbox = await trx
    .deleteFrom('notification')
    .where('organisation_id', '=', organisationId)
    .where('key', 'in', keys)
    .executeTakeFirst();
  return { notification: Number(inbox.numDeletedRows), mail_delivery: Number(mail.numDeletedRows) };
}

export async function eraseCaseReminders(
  trx: Transaction<Database>,
  organisationId: string,
  employeeId: string,
  options: { cases: CaseSelection; customRemindersBefore: IsoDate | null },
): Promise<Record<string, number>> {
  const { cases } = options;
  const rows = await trx
    .selectFrom('notification')
    .select('key')
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', employeeId)
    .where('kind', '!=', 'custom')
    .execute();
  const keys = rows
    .map((r) => r.key)
    .filter((key) => {
      const start = caseStartOfKey(key, employeeId);
      return start !== null && (cases.kind === 'all' || start < cases.caseStart);
    });
  const counts = await deleteKeys(trx, organisationId, keys);
  const result: Record<string, number> = { ...counts };
  if (options.customRemindersBefore !== null) {
    const reminders = await trx
      .selectFrom('custom_reminder')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('employee_id', '=', employeeId)
      .where('remind_on', '<', options.customRemindersBefore)
      .execute();
    if (reminders.length > 0) {
      const ids = reminders.map((r) => r.id);
      // `custom:<org>:<reminder>:<date>:<user>` (sweep.ts).
      const prefixes = ids.map((id) => `custom:${organisationId}:${id}:`);
      const customRows = await trx
        .selectFrom('notification')
        .select('key')
        .where('organisation_id', '=', organisationId)
        .where('kind', '=', 'custom')
        .where('employee_id', '=', employeeId)
        .execute();
      const customKeys = customRows
        .map((r) => r.key)
        .filter((key) => prefixes.some((p) => key.startsWith(p)));
      const custom = await deleteKeys(trx, organisationId, customKeys);
      const removed = await trx
        .deleteFrom('custom_reminder')
        .where('organisation_id', '=', organisationId)
        .where('id', 'in', ids)
        .executeTakeFirst();
      result.notification = (result.notification ?? 0) + custom.notification;
      result.mail_delivery = (result.mail_delivery ?? 0) + custom.mail_delivery;
      result.custom_reminder = Number(removed.numDeletedRows);
    }
  }
  return result;
}

/** The retention hook (`CaseEraser`) of this module: a case's reminders and the employee's own reminders. */
export const notificationsCaseEraser: CaseEraser = {
  module: 'notifications',
  erase: (trx, { organisationId, employeeId, cases, remindersBefore }) =>
    eraseCaseReminders(trx, organisationId, employeeId, { cases, customRemindersBefore: remindersBefore }),
};
