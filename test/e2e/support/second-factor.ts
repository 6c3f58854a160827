/**
 * Logging in as someone who must use two-step login, as a varsling case handler must (ADR 0020):
 * the first time the account sets up an authenticator app (through the same API «Min konto» uses,
 * which marks the session as having passed the second factor); every later login types the app's
 * current code on «Bekreft at det er deg».
 */
import type { Kysely } from 'kysely';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import type { Database } from '../../../src/db/schema.ts';

const secrets = new Map<string, string>();

/**
 * The authenticator app's current code. Each 30-second step is taken once per account; to use two
 * codes within one step the test lets "time pass" by forgetting the last used step.
 */
async function code(db: Kysely<Database>, email: string, secret: string): Promise<string> {
  const user = await db
    .selectFrom('user_account')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  await db.updateTable('auth_totp').set({ last_step: null }).where('user_id', '=', user.id).execute();
  return generate({ secret });
}

export async function loginWithSecondFactor(
  p: Page,
  who: { email: string; password: string },
  db: Kysely<Database>,
): Promise<void> {
  await p.goto('about:blank');
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse').fill(who.email);
  await p.getByLabel('Passord').fill(who.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  const greeting = p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' });
  const secondStep = p.getByRole('heading', { level: 1, name: 'Bekreft at det er deg' });
  await greeting.or(secondStep).waitFor();
  // One app per test file: the same demo e-mail is another account in another file's app.
  const key = `${new URL(p.url()).origin} ${who.email}`;
  const secret = secrets.get(key);
  if (await secondStep.isVisible()) {
    if (!secret) throw new Error(`${who.email} has two-step login the test did not set up`);
    // The code field has focus.
    await p.keyboard.type(await code(db, who.email, secret));
    await p.keyboard.press('Enter');
    await greeting.waitFor();
    return;
  }
  if (secret) throw new Error(`${who.email} logged in without the code it has set up`);
  const session = (await (await p.request.get('/api/v1/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': session.csrfToken };
  const enrolment = await p.request.post('/api/v1/me/second-factor/enrolment', { headers });
  if (!enrolment.ok()) throw new Error(`enrolment: ${enrolment.status()} ${await enrolment.text()}`);
  const started = (await enrolment.json()) as { secret: string };
  const confirmed = await p.request.post('/api/v1/me/second-factor/confirm', {
    headers,
    data: { code: await code(db, who.email, started.secret) },
  });
  if (!confirmed.ok()) throw new Error(`confirm: ${confirmed.status()} ${await confirmed.text()}`);
  secrets.set(key, started.secret);
}
