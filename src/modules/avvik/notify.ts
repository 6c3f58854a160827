/**
 * In-app notices of the avvik module through the notifications module (`notifyUsers`, in the
 * caller's transaction, exactly once by key). The notice names no person and no content: the
 * e-mail says only that there is something to read in Nærvær.
 *
 * The kernel's notice is tied to an employee (`EventRef.employeeId`, a sick-leave case's key): we
 * use the recipient's own employee record, else — only when the report is not anonymous — the
 * reporter's; a recipient with neither gets the reminder in "Mine oppgaver"/on the page only.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { Text } from '../../i18n/locale.ts';
import { notifyUsers } from '../notifications/index.ts';

export const AVVIK_AREA: Text = { nb: 'avvik og uønskede hendelser', en: 'deviations and incidents' };

export async function employeeOfUsers(
  trx: Transaction<Database>,
  organisationId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (userIds.length === 0) return map;
  const rows = await trx
    .selectFrom('membership')
    .select(['user_id', 'employee_id'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', 'in', [...userIds])
    .execute();
  for (const r of rows) if (r.employee_id !== null) map.set(r.user_id, r.employee_id);
  return map;
}

export async function notifyAvvikUsers(
  trx: Transaction<Database>,
  n: {
    organisationId: string;
    avvikId: string;
    userIds: readonly string[];
    /** The reporter's employee, usable only when the report is not anonymous. */
    fallbackEmployeeId: string | null;
    event: string;
    occurrence?: string;
    day: IsoDate;
    exceptUserId?: string;
    title: Text;
    body: Text;
  },
): Promise<string[]> {
  const employees = await employeeOfUsers(trx, n.organisationId, n.userIds);
  const notified: string[] = [];
  for (const userId of [...new Set(n.userIds)]) {
    if (userId === n.exceptUserId) continue;
    const employeeId = employees.get(userId) ?? n.fallbackEmployeeId;
    if (employeeId === null) continue;
    const result = await notifyUsers(trx, {
      ref: {
        organisationId: n.organisationId,
        employeeId,
        caseStart: n.day,
        document: 'avvik',
        documentId: n.avvikId,
        event: n.event,
        ...(n.occurrence !== undefined ? { occurrence: n.occurrence } : {}),
      },
      to: [{ kind: 'users', userIds: [userId] }],
      title: n.title,
      body: n.body,
      link: `/avvik/${n.avvikId}`,
      area: AVVIK_AREA,
      today: n.day,
    });
    notified.push(...result.notified);
  }
  return notified;
}
