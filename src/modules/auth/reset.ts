/**
 * Password reset by e-mail (ADR 0016). A request answers the same (202) for known and unknown
 * addresses and does the same database work for both (a row and a job); for an unknown address the
 * row has no user and the job sends nothing. The token is made by the mail job, not the request, so
 * it is never at rest in the clear (the row keeps its SHA-256); it works once, for 30 minutes, and
 * a new request or a successful reset makes the others void. Tokens are never logged.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { enqueue } from '../../jobs/index.ts';
import { defineJob } from '../../platform/jobs.ts';
import { createMailer, type Mailer, messageIdFor } from '../notifications/index.ts';
import { newToken, tokenHash } from './sessions.ts';

export const RESET_MINUTES = 30;
/** At most this many reset e-mails per address in the window (a flood cannot fill someone's inbox). */
export const RESET_MAILS_PER_HOUR = 3;
export const RESET_MAIL_JOB = 'auth.reset-mail';
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** Records a reset request and enqueues its e-mail; the same work whether or not the address is known. */
export async function requestReset(db: Kysely<Database>, email: string): Promise<void> {
  const address = email.trim().toLowerCase();
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('user_account')
      .select(['id', 'disabled_at'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', address))
      .executeTakeFirst();
    const userId = user && user.disabled_at === null ? user.id : null;
    // The same query for an unknown address (a user id nobody has), so both cost the same.
    const row = await trx
      .selectFrom('auth_password_reset')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', userId ?? NOBODY)
      .where('created_at', '>', new Date(Date.now() - 3_600_000))
      .executeTakeFirstOrThrow();
    const recent = Number(row.n);
    const reset = await trx
      .insertInto('auth_password_reset')
      .values({
        user_id: recent < RESET_MAILS_PER_HOUR ? userId : null,
        expires_at: new Date(Date.now() + RESET_MINUTES * 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueue(trx, {
      key: `auth-reset:${reset.id}`,
      kind: RESET_MAIL_JOB,
      payload: { resetId: reset.id },
    });
  });
  // Requests for unknown addresses and old, unused ones are not kept longer than they could be used.
  await db
    .deleteFrom('auth_password_reset')
    .where('expires_at', '<', new Date(Date.now() - 24 * 3_600_000))
    .execute();
}

/** The reset e-mail's text: where to go, for how long, and what to do if you did not ask. */
export function resetMail(locale: 'nb' | 'en', link: string): { subject: string; text: string } {
  if (locale === 'en') {
    return {
      subject: 'Reset your Nærvær password',
      text:
        `Someone (hopefully you) asked to reset the password of your Nærvær account.\n\n` +
        `Choose a new password here within ${RESET_MINUTES} minutes:\n${link}\n\n` +
        'The link works once. If you did not ask, ignore this e-mail: your password stays as it is.\n',
    };
  }
  return {
    subject: 'Nytt passord i Nærvær',
    text:
      'Noen (forhåpentligvis du) har bedt om å få nytt passord til Nærvær-kontoen din.\n\n' +
      `Velg et nytt passord her innen ${RESET_MINUTES} minutter:\n${link}\n\n` +
      'Lenken virker én gang. Har du ikke bedt om dette, kan du se bort fra e-posten: passordet ditt er som før.\n',
  };
}

export type ResetMailDeps = { mailer: () => Mailer; publicUrl: () => string };

let defaultMailer: Mailer | undefined;
/** The mailer and public address of the running configuration (`SMTP_URL`/`MAIL_DIR`, `PUBLIC_URL`). */
const fromConfig: ResetMailDeps = {
  mailer: () => {
    defaultMailer ??= createMailer(loadConfig());
    return defaultMailer;
  },
  // Never the request's Host header: a forged one would send the token to someone else's site.
  publicUrl: () => loadConfig().publicUrl ?? `http://localhost:${loadConfig().port}`,
};

/** The job that makes the token and sends the e-mail (the worker runs it). */
export function resetMailJob(db: Kysely<Database>, deps: ResetMailDeps = fromConfig) {
  return defineJob({
    kind: RESET_MAIL_JOB,
    payload: z.object({ resetId: z.uuid() }),
    async handle({ resetId }, ctx) {
      const row = await db
        .selectFrom('auth_password_reset as r')
        .innerJoin('user_account as u', 'u.id', 'r.user_id')
        .select(['u.email', 'u.locale', 'r.expires_at', 'r.used_at'])
        .where('r.id', '=', resetId)
        .executeTakeFirst();
      // Unknown address, throttled, used or expired: nothing to send.
      if (!row || row.used_at !== null || row.expires_at.getTime() <= Date.now()) return;
      const token = newToken();
      await db
        .updateTable('auth_password_reset')
        .set({ token_hash: tokenHash(token) })
        .where('id', '=', resetId)
        .execute();
      const link = `${deps.publicUrl().replace(/\/$/, '')}/nytt-passord#${token}`;
      const mail = resetMail(row.locale === 'en' ? 'en' : 'nb', link);
      await deps
        .mailer()
        .send({ to: row.email, ...mail, messageId: messageIdFor(`auth-reset:${resetId}:${ctx.attempt}`) });
    },
  });
}

/** The user a valid, unused reset token belongs to (the reset row's id too), or null. */
export async function findReset(db: Kysely<Database>, token: string) {
  const row = await db
    .selectFrom('auth_password_reset')
    .select(['id', 'user_id'])
    .where('token_hash', '=', tokenHash(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return row?.user_id ? { id: row.id, userId: row.user_id } : null;
}
