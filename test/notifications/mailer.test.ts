/** The mail transport without a server: the development folder, the message text, error scrubbing, config. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createMailer, messageIdFor } from '../../src/modules/notifications/index.ts';
import { scrubErrorText } from '../../src/modules/notifications/mailer.ts';
import { reminderMail } from '../../src/modules/notifications/messages.ts';
import { decodedText, header } from './support/mime.ts';

describe('e-mail without SMTP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'naervaer-mail-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each message as an .eml file to MAIL_DIR when SMTP_URL is unset', async () => {
    const mailDir = join(dir, 'mail-out');
    const mailer = createMailer({
      smtpUrl: undefined,
      mailFrom: 'Nærvær <varsel@naervaer.example.no>',
      mailDir,
    });
    expect(mailer.description).toBe(`folder:${mailDir}`);
    const mail = reminderMail({
      kind: 'deadline',
      date: '2026-02-02',
      today: '2026-01-19',
      locale: 'nb',
      publicUrl: 'https://naervaer.example.no/',
    });
    const messageId = messageIdFor('reminder:x');
    await mailer.send({ to: 'lise@example.no', ...mail, messageId });
    await mailer.send({ to: 'lise@example.no', ...mail, messageId: messageIdFor('reminder:y') });
    mailer.close();
    const files = readdirSync(mailDir);
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
    const raw = readFileSync(
      join(mailDir, files.find((f) => readFileSync(join(mailDir, f), 'utf8').includes(messageId))!),
      'utf8',
    );
    expect(header(raw, 'To')).toBe('lise@example.no');
    expect(header(raw, 'Message-ID')).toBe(messageId);
    expect(raw).toContain('Subject: =?UTF-8?');
    expect(decodedText(raw)).toBe(
      'Du har en frist i sykefraværsoppfølgingen 2. februar. Logg inn for å se hva som skal gjøres: https://naervaer.example.no/oppgaver',
    );
  });

  it('writes the texts in the user’s language, with the year only when it differs', () => {
    expect(
      reminderMail({
        kind: 'deadline',
        date: '2027-01-04',
        today: '2026-12-21',
        locale: 'nb',
        publicUrl: 'https://x.no',
      }),
    ).toEqual({
      subject: 'Du har en frist i sykefraværsoppfølgingen',
      text: 'Du har en frist i sykefraværsoppfølgingen 4. januar 2027. Logg inn for å se hva som skal gjøres: https://x.no/oppgaver\n',
    });
    expect(
      reminderMail({
        kind: 'custom',
        date: '2026-03-03',
        today: '2026-03-03',
        locale: 'en',
        publicUrl: 'https://x.no',
      }),
    ).toEqual({
      subject: 'You have a reminder in the sick-leave follow-up',
      text: 'You have a reminder in the sick-leave follow-up on 3 March. Log in to see it: https://x.no/oppgaver\n',
    });
  });

  it('keeps addresses and credentials out of stored errors', () => {
    expect(
      scrubErrorText(
        'Invalid login: 535 user lise@example.no rejected at smtp://lise:hemmelig@mail.example.no:587\n    at stack',
      ),
    ).toBe('Invalid login: 535 user <adresse> rejected at <url>');
    expect(messageIdFor('a')).toBe(messageIdFor('a'));
    expect(messageIdFor('a')).not.toBe(messageIdFor('b'));
  });

  it('reads SMTP_URL, MAIL_FROM, MAIL_DIR and WORKER from the environment', () => {
    expect(loadConfig({})).toMatchObject({
      smtpUrl: undefined,
      mailDir: './mail-out',
      mailFrom: 'Nærvær <ikke-svar@naervaer.invalid>',
      worker: true,
    });
    expect(loadConfig({ SMTP_URL: 'smtp://u:p@mail:587', WORKER: 'false' })).toMatchObject({
      smtpUrl: 'smtp://u:p@mail:587',
      worker: false,
    });
    expect(() => loadConfig({ SMTP_URL: 'http://mail' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'http://u:hemmelig@mail' })).not.toThrow(/hemmelig/);
  });
});
