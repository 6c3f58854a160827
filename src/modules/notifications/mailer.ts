/**
 * Sending e-mail: SMTP through nodemailer when `SMTP_URL` is set, otherwise a development
 * transport that writes each message as an `.eml` file to `MAIL_DIR` (open it in any mail program).
 * Errors are stripped of addresses and connection details before anyone stores or shows them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';

export type MailConfig = {
  /** `smtp://user:pass@host:587` or `smtps://…`; unset: write `.eml` files to `mailDir`. */
  smtpUrl: string | undefined;
  mailFrom: string;
  mailDir: string;
  /** Where users reach Nærvær; links in e-mail and the calendar feed URL. */
  publicUrl: string;
};

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  /** Deterministic per reminder (from the job key): a receiving system can recognise a resend. */
  messageId: string;
};

export interface Mailer {
  /** 'smtp' or 'folder:<dir>' (for the log; never the URL with its password). */
  readonly description: string;
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/** `<hash@naervaer>`: the same for every attempt of one job key, and revealing nothing. */
export function messageIdFor(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@naervaer>`;
}

const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

export function createMailer(config: Pick<MailConfig, 'smtpUrl' | 'mailFrom' | 'mailDir'>): Mailer {
  if (config.smtpUrl) {
    // A small pool of connections: a new SMTP connection per message costs ~100 ms of handshakes.
    const transport = createTransport({ url: config.smtpUrl, pool: true, maxConnections: 5, ...TIMEOUTS });
    return {
      description: 'smtp',
      async send(mail) {
        const info = await transport.sendMail({ from: config.mailFrom, ...mail });
        return { messageId: info.messageId };
      },
      close: () => transport.close(),
    };
  }
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const dir = config.mailDir;
  return {
    description: `folder:${dir}`,
    async send(mail) {
      const info = await transport.sendMail({ from: config.mailFrom, ...mail });
      const message = info.message;
      if (!Buffer.isBuffer(message)) throw new Error('stream transport returned no buffer');
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const name = `${stamp}-${createHash('sha256').update(mail.messageId).digest('hex').slice(0, 12)}.eml`;
      // Written under a temporary name and renamed, so a reader never sees half a message.
      const temporary = join(dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
      await writeFile(temporary, message);
      await rename(temporary, join(dir, name));
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

const ADDRESS = /[^\s<>"'(),;:@[\]]+@[^\s<>"'(),;:@[\]]+/g;
const URL_WITH_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/@]*@[^\s]*/gi;

/** An error message safe to store and show an administrator: no addresses, no credentials, one line. */
export function scrubErrorText(text: string): string {
  return text
    .split('\n')[0]!
    .replace(URL_WITH_CREDENTIALS, '<url>')
    .replace(ADDRESS, '<adresse>')
    .slice(0, 500);
}

/** Wraps a transport failure in an error whose message and stack carry no personal data. */
export class MailSendError extends Error {
  readonly responseCode: number | undefined;
  constructor(cause: unknown) {
    const e = (typeof cause === 'object' && cause !== null ? cause : {}) as {
      message?: unknown;
      code?: unknown;
      responseCode?: unknown;
    };
    const code = typeof e.code === 'string' ? ` [${e.code}]` : '';
    const message = typeof e.message === 'string' ? e.message : String(cause);
    super(`E-post ble ikke sendt / e-mail not sent${code}: ${scrubErrorText(message)}`);
    this.name = 'MailSendError';
    this.responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  }
}
