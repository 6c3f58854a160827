/**
 * In-app notices of the avvik module through the notifications module (`notifyUsers`, in the
 * caller's transaction, exactly once by key). The notice names no person and no content: the
 * e-mail says only that there is something to read in Nærvær.
 *
 * An avvik is about no employee's sick-leave case, so its notices are addressed to users alone
 * (`EventRef.employeeId` null; key `event:<org>:-:<day>:avvik:<id>:<event>…:<user>`): an HR or admin
 * account without an employee record gets them too — also for an anonymous report.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { Text } from '../../i18n/locale.ts';
import { notifyUsers } from '../notifications/index.ts';

export const AVVIK_AREA: Text = { nb: 'avvik og uønskede hendelser', en: 'deviations and incidents' };

export async function notifyAvvikUsers(
  trx: Transaction<Database>,
  n: {
    organisationId: string;
    avvikId: string;
    userIds: readonly string[];
    event: string;
    occurrence?: string;
    day: IsoDate;
    exceptUserId?: string;
    title: Text;
    body: Text;
  },
): Promise<string[]> {
  const userIds = [...new Set(n.userIds)].filter((u) => u !== n.exceptUserId);
  if (userIds.length === 0) return [];
  const result = await notifyUsers(trx, {
    ref: {
      organisationId: n.organisationId,
      employeeId: null,
      caseStart: n.day,
      document: 'avvik',
      documentId: n.avvikId,
      event: n.event,
      ...(n.occurrence !== undefined ? { occurrence: n.occurrence } : {}),
    },
    to: [{ kind: 'users', userIds }],
    exceptUserId: n.exceptUserId,
    title: n.title,
    body: n.body,
    link: `/avvik/${n.avvikId}`,
    area: AVVIK_AREA,
    today: n.day,
  });
  return result.notified;
}
