/**
 * The per-user iCal feed: a secret URL (`/api/v1/calendar/<token>.ics`) a calendar app polls.
 * The token is a random selector (finds the row) and a random verifier, of which only the SHA-256
 * is stored and compared in constant time. Regenerating replaces it; revoking deletes it.
 *
 * The feed holds every open deadline the user is responsible for (the same rule as reminders),
 * as all-day events named after the milestone only — never the employee: calendars sync to
 * phones and clouds outside our control.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import ical from 'ical-generator';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { addDays, type IsoDate } from '../../domain/calendar/index.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { DeadlineSource } from '../../platform/reminders.ts';
import { deadlinesOf } from './my-deadlines.ts';

const SELECTOR_BYTES = 12;
const VERIFIER_BYTES = 32;
const TOKEN_PATTERN = new RegExp(`^[0-9a-f]{${2 * (SELECTOR_BYTES + VERIFIER_BYTES)}}$`);
/** Compared against when the selector is unknown, so both paths do the same work. */
const DUMMY_HASH = createHash('sha256').update('no such feed').digest();

const sha256 = (value: string) => createHash('sha256').update(value).digest();

export function calendarFeedUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/v1/calendar/${token}.ics`;
}

/** Creates or replaces the user's feed secret; the token is returned once and never stored. */
export async function createFeedToken(db: Kysely<Database>, organisationId: string, userId: string) {
  const selector = randomBytes(SELECTOR_BYTES).toString('hex');
  const verifier = randomBytes(VERIFIER_BYTES).toString('hex');
  const row = await db
    .insertInto('calendar_feed_token')
    .values({ organisation_id: organisationId, user_id: userId, selector, secret_hash: sha256(verifier) })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'user_id']).doUpdateSet({
        selector,
        secret_hash: sha256(verifier),
        created_at: new Date(),
      }),
    )
    .returning('created_at')
    .executeTakeFirstOrThrow();
  return { token: `${selector}${verifier}`, createdAt: row.created_at };
}

export async function revokeFeedToken(db: Kysely<Database>, organisationId: string, userId: string) {
  const result = await db
    .deleteFrom('calendar_feed_token')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function feedStatus(db: Kysely<Database>, organisationId: string, userId: string) {
  const row = await db
    .selectFrom('calendar_feed_token')
    .select('created_at')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { active: row !== undefined, createdAt: row?.created_at.toISOString() ?? null };
}

export type FeedOwner = { organisationId: string; userId: string; locale: Locale };

/** The owner of a feed token, or null (malformed, unknown, revoked, or the account is gone). */
export async function resolveFeedToken(db: Kysely<Database>, token: string): Promise<FeedOwner | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const selector = token.slice(0, 2 * SELECTOR_BYTES);
  const verifierHash = sha256(token.slice(2 * SELECTOR_BYTES));
  const row = await db
    .selectFrom('calendar_feed_token as t')
    .innerJoin('membership as m', (j) =>
      j.onRef('m.organisation_id', '=', 't.organisation_id').onRef('m.user_id', '=', 't.user_id'),
    )
    .innerJoin('user_account as a', 'a.id', 't.user_id')
    .select(['t.organisation_id', 't.user_id', 't.secret_hash', 'a.locale', 'a.disabled_at'])
    .where('t.selector', '=', selector)
    .executeTakeFirst();
  const stored = row?.secret_hash;
  const match = timingSafeEqual(
    stored && stored.length === verifierHash.length ? stored : DUMMY_HASH,
    verifierHash,
  );
  if (!row || !match || row.disabled_at !== null) return null;
  return { organisationId: row.organisation_id, userId: row.user_id, locale: row.locale };
}

const uid = (parts: string) => `${createHash('sha256').update(parts).digest('hex').slice(0, 32)}@naervaer`;

export async function buildCalendarFeed(
  db: Kysely<Database>,
  input: FeedOwner & { deadlineSource: DeadlineSource; today: IsoDate; publicUrl: string },
): Promise<string> {
  const { organisationId, userId, locale, today } = input;
  const deadlines = await deadlinesOf(
    db,
    { organisationId, userId },
    { deadlineSource: input.deadlineSource, from: addDays(today, -365), to: addDays(today, 2 * 365), today },
  );
  const link = `${input.publicUrl.replace(/\/+$/, '')}/oppgaver`;
  const calendar = ical({
    name: locale === 'nb' ? 'Nærvær – frister' : 'Nærvær – deadlines',
    prodId: { company: 'Nærvær', product: 'frister', language: locale === 'nb' ? 'NB' : 'EN' },
    ttl: 60 * 60,
  });
  const description =
    locale === 'nb'
      ? `Logg inn for å se hva som skal gjøres: ${link}`
      : `Log in to see what needs to be done: ${link}`;
  for (const d of deadlines) {
    // For sick leave this is `<org>:<employee>:<caseStart>:<milestone>`, the UID of before.
    calendar.createEvent({
      id: uid(`${d.keyBase.replace(/^reminder:/, '')}:${userId}`),
      start: d.due,
      allDay: true,
      summary: `${locale === 'nb' ? 'Frist' : 'Deadline'}: ${d.title[locale]}`,
      description,
      url: link,
    });
  }
  const custom = await db
    .selectFrom('custom_reminder')
    .select(['id', 'remind_on'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('remind_on', '>=', addDays(today, -30))
    .orderBy('remind_on')
    .execute();
  for (const reminder of custom) {
    // The text stays in the app: it may well mention a person.
    calendar.createEvent({
      id: uid(`custom:${organisationId}:${reminder.id}`),
      start: reminder.remind_on,
      allDay: true,
      summary: locale === 'nb' ? 'Påminnelse (Nærvær)' : 'Reminder (Nærvær)',
      description,
      url: link,
    });
  }
  return calendar.toString();
}
