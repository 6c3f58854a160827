/**
 * Event notifications: a hand-over in a document's workflow (a plan sent for approval, a comment, an
 * approval, a meeting invitation, minutes, a letter) tells the person who must act now — one inbox
 * row per user and, when they want e-mail, one mail job.
 *
 * Exactly once, as the reminders of `sweep.ts`:
 * - Each notice has a deterministic key `event:<org>:<employee>:<caseStart>:<document>:<id>:<event>[:<n>]:<user>`
 *   (`<employee>` is `-` for a notice about no employee: recipients are users, with or without an
 *   employee record), unique in `notification`; the mail job is enqueued under the same key (unique in `job`), only
 *   for an inbox row this call actually inserted. Replaying the same event inserts nothing.
 * - `notifyUsers` runs in the caller's transaction: a document write that rolls back notifies
 *   nobody, one that commits has notified everyone it names.
 * - The key carries `<employee>:<caseStart>`, so the §11.9 retention of the case deletes the notice
 *   with the case's reminders (`erase.ts`).
 *
 * Texts: the in-app title names the kind of document only («Du har en oppfølgingsplan å lese»), never
 * a person or a health detail; the e-mail says only that there is something new to do, with a
 * link to log in (`reminderMail`, kind `event`).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { Text } from '../../i18n/locale.ts';
import { osloToday } from '../../platform/clock.ts';
import { type NoticeTarget, noticeRecipients, type Recipient } from './recipients.ts';
import { DEFAULT_MAIL_MAX_ATTEMPTS, deliver } from './sweep.ts';

/** Which event of which document of which case: everything the key is made of but the user. */
export type EventRef = {
  organisationId: string;
  /**
   * The employee the document is about (a sick-leave case), or null/absent for a notice about no
   * employee (an avvik told to HR, say): such a notice is addressed to the user alone, so a
   * recipient without an employee record — an HR or admin account — gets it too. Its key carries
   * `-` in the employee's place, and no case's retention deletes it.
   */
  employeeId?: string | null | undefined;
  /** The case the document belongs to (a letter, which has none: the day it was written). */
  caseStart: IsoDate;
  /** `oppfolgingsplan`, `dialogmote`, `samtalereferat`, `legebrev`. */
  document: string;
  documentId: string;
  /** `til-godkjenning`, `godkjent`, `kommentar`, `innkalling`, `referat`, … */
  event: string;
  /** Tells repeats of one event on one document apart (a content version, a row version, a comment id). */
  occurrence?: string | number | undefined;
};

const SEGMENT = /^[A-Za-z0-9._@-]+$/;

/** The employee segment of a notice about no employee. */
export const NO_EMPLOYEE = '-';

/**
 * `event:<org>:<employee>:<caseStart>:<document>:<id>:<event>[:<occurrence>]` (the user id is
 * appended per recipient); `<employee>` is `-` for a notice about no employee.
 */
export function eventKeyBase(ref: EventRef): string {
  const parts = [
    ref.organisationId,
    ref.employeeId ?? NO_EMPLOYEE,
    ref.caseStart,
    ref.document,
    ref.documentId,
    ref.event,
    ...(ref.occurrence === undefined ? [] : [String(ref.occurrence)]),
  ];
  for (const p of parts) if (!SEGMENT.test(p)) throw new Error(`event key segment not allowed: ${p}`);
  return `event:${parts.join(':')}`;
}

export function eventKey(ref: EventRef, userId: string): string {
  return `${eventKeyBase(ref)}:${userId}`;
}

export type EventNotice = {
  ref: EventRef;
  /** Who must act; resolved to active users of the organisation, each notified once. */
  to: readonly NoticeTarget[];
  /** The user whose write caused the event: never told about their own act. */
  exceptUserId?: string | null | undefined;
  /** The kind of document only, no person: «Du har en oppfølgingsplan å lese». */
  title: Text;
  body: Text;
  /** A path in the app, e.g. `/mitt-fravaer/oppfolgingsplan`. */
  link: string | null;
  /** For the e-mail's wording (default: the sick-leave follow-up). */
  area?: Text | undefined;
  /** Default: today in Norway. */
  today?: IsoDate | undefined;
  mailMaxAttempts?: number | undefined;
};

export type EventNoticeResult = {
  /** Users who got a new inbox row now. */
  notified: string[];
  /** Of those, how many get an e-mail (a mail job was enqueued). */
  mailed: number;
  /** Users who already had this notice (a replay of the same event). */
  existing: string[];
};

/**
 * Notifies the users `to` names of one event, in the caller's transaction (see above). Returns who
 * got it; a replay of the same event returns them as `existing` and enqueues nothing.
 */
export async function notifyUsers(
  trx: Transaction<Database>,
  notice: EventNotice,
): Promise<EventNoticeResult> {
  const { ref } = notice;
  const keyBase = eventKeyBase(ref);
  const recipients = new Map<string, Recipient>();
  for (const target of notice.to) {
    for (const r of await noticeRecipients(trx, ref.organisationId, target)) {
      if (r.userId !== notice.exceptUserId && !recipients.has(r.userId)) recipients.set(r.userId, r);
    }
  }
  const today = notice.today ?? osloToday();
  const result: EventNoticeResult = { notified: [], mailed: 0, existing: [] };
  for (const recipient of [...recipients.values()].sort((a, b) => (a.userId < b.userId ? -1 : 1))) {
    const outcome = await deliver(
      trx,
      {
        organisationId: ref.organisationId,
        key: `${keyBase}:${recipient.userId}`,
        recipient,
        kind: 'event',
        remindDate: today,
        dueDate: null,
        late: false,
        employeeId: ref.employeeId ?? null,
        milestoneKey: null,
        text: { title: notice.title, body: notice.body, link: notice.link },
        ...(notice.area ? { area: notice.area } : {}),
      },
      notice.mailMaxAttempts ?? DEFAULT_MAIL_MAX_ATTEMPTS,
    );
    if (outcome.inserted) result.notified.push(recipient.userId);
    else result.existing.push(recipient.userId);
    if (outcome.mailed) result.mailed++;
  }
  return result;
}
