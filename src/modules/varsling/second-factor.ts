/**
 * Varsling and the second factor (ADR 0020). A named handler reads whistle-blower reports (aml
 * § 2 A-3; the reporter's identity is protected, GDPR art. 32 asks for appropriate security), so:
 *
 * - `varslingHandlerRule` — a named handler of any organisation's channel must have a second factor
 *   (in mode `required` the login sends them to set it up first, like admin and HR);
 * - `assertSecondFactorSession` — in every mode, opening, reading or answering a case needs a
 *   session that passed the second factor. Listing that cases exist and their deadlines does not.
 */
import type { Db } from '../../db/schema.ts';
import type { Actor, Session } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { SecondFactorRule } from '../../platform/module.ts';
import { isHandler } from './varsling.service.ts';

export const varslingHandlerRule: SecondFactorRule = async (db, userId) => {
  const row = await db
    .selectFrom('varsling_handler')
    .select('user_id')
    .where('user_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
};

export const secondFactorSessionRequired = () =>
  new AppError('SECOND_FACTOR_REQUIRED', {
    nb: 'Du må bruke tofaktorinnlogging for å åpne varslingssaker. Sett opp autentiseringsapp under «Min konto», logg ut og inn igjen med koden.',
    en: 'You must use two-factor login to open whistleblowing cases. Set up an authenticator app under “My account”, then log out and in again with the code.',
  });

/**
 * Before a case route touches a case: a session without a second factor is refused with 403 when
 * the actor is a handler — before the case is looked up, so the answer is the same for every id
 * and reveals nothing. Anyone else goes on to the case routes' usual 404.
 */
export async function assertSecondFactorSession(
  db: Db,
  actor: Actor,
  session: Session | null,
): Promise<void> {
  if (session?.secondFactor === true) return;
  if (await isHandler(db, actor)) throw secondFactorSessionRequired();
}
