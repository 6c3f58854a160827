/**
 * Configuration from environment variables, validated once at start.
 * A bad value stops the process with a message that names the variable.
 */
import { z } from 'zod';

const boolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'må starte med postgres:// / must start with postgres://')
    .optional(),
  NAERVAER_DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  COOKIE_SECURE: boolean.optional(),
  TRUST_PROXY: boolean.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  NAERVAER_WEB_DIR: z.string().min(1).default('./dist/web'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'må starte med smtp:// eller smtps:// / must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Nærvær <ikke-svar@naervaer.invalid>'),
  MAIL_DIR: z.string().min(1).default('./mail-out'),
  WORKER: boolean.default(true),
  CACHE: boolean.default(true),
  NAERVAER_SECOND_FACTOR: z.enum(['required', 'optional']).default('required'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  /** `undefined`: secure cookies exactly when the request came over HTTPS. */
  cookieSecure: boolean | undefined;
  trustProxy: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  sessionTtlHours: number;
  webDir: string;
  /** SMTP server for e-mail; unset: e-mail is written as `.eml` files to `mailDir`. */
  smtpUrl: string | undefined;
  mailFrom: string;
  mailDir: string;
  /** Run the background worker (reminders, e-mail) in this process. */
  worker: boolean;
  /** Keep in-process read caches (sessions, employee lists), kept fresh by the database's change feed. */
  cache: boolean;
  /** Admin and HR must use a second factor (TOTP); `optional` only for tests and a local demo. */
  secondFactor: 'required' | 'optional';
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Ugyldig konfigurasjon / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.NAERVAER_DATA_DIR,
    publicUrl: e.PUBLIC_URL,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    webDir: e.NAERVAER_WEB_DIR,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailDir: e.MAIL_DIR,
    worker: e.WORKER,
    cache: e.CACHE,
    secondFactor: e.NAERVAER_SECOND_FACTOR,
  };
}
