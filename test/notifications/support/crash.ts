/** Shared by the crash tests: the seeded organisation, the expected reminders and the final checks. */
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../../src/db/schema.ts';
import { MAIL_JOB, messageIdFor, reminderKey, SWEEP_JOB } from '../../../src/modules/notifications/index.ts';
import { fixtureDeadlines, reminderOf } from '../fixtures/deadlines.ts';
import { type WorkerChild, waitUntil } from './child.ts';
import { seedOrganisation } from './seed.ts';
import type { SmtpSink } from './smtp-sink.ts';

export const CRASH_TODAY = '2026-03-02';
/** 285 deadlines (one per led employee), 300 e-mails (15 go to both HR users). */
const SIZE = { leaders: 10, perLeader: 27, withoutLeaderAccount: 15, hr: 2 };

/** Seeds the organisation and returns the keys of every reminder due today. */
export async function seedAndExpect(db: Kysely<Database>): Promise<string[]> {
  const org = await seedOrganisation(db, SIZE);
  const deadlines = await fixtureDeadlines(db, CRASH_TODAY);
  return deadlines.flatMap((d) => {
    const { date, kind } = reminderOf(d, CRASH_TODAY);
    return org.employees
      .find((e) => e.id === d.employeeId)!
      .recipients.map((userId) => reminderKey({ ...d, kind, date, userId }));
  });
}

export function workerEnv(
  database: { url?: string | undefined; dataDir?: string | undefined },
  sink: SmtpSink,
  extra: Record<string, string>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.NAERVAER_DATA_DIR;
  if (database.url) env.DATABASE_URL = database.url;
  if (database.dataDir) env.NAERVAER_DATA_DIR = database.dataDir;
  return {
    ...env,
    SMTP_URL: sink.url,
    MAIL_FROM: 'Nærvær <varsel@naervaer.example.no>',
    PUBLIC_URL: 'https://naervaer.example.no',
    NAERVAER_TODAY: CRASH_TODAY,
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

export async function until(child: WorkerChild, what: string, check: () => boolean, timeoutMs = 40_000) {
  await waitUntil(
    what,
    () => {
      if (child.proc.exitCode !== null) throw new Error(`worker exited early:\n${child.output()}`);
      return check();
    },
    timeoutMs,
  );
}

/** The database at the end: every reminder once in the inbox and once sent, every job done. */
export async function expectDelivered(db: Kysely<Database>, expected: string[]) {
  const notifications = await db.selectFrom('notification').select('key').orderBy('key').execute();
  expect(notifications.map((n) => n.key)).toEqual([...expected].sort());
  const deliveries = await db.selectFrom('mail_delivery').select(['key', 'outcome', 'worker_id']).execute();
  expect(deliveries.map((d) => d.key).sort()).toEqual([...expected].sort());
  expect(deliveries.every((d) => d.outcome === 'sent')).toBe(true);
  const jobs = await db
    .selectFrom('job')
    .select(['key', 'kind', 'done_at', 'failed_at', 'attempts'])
    .execute();
  expect(jobs.filter((j) => j.kind === MAIL_JOB)).toHaveLength(expected.length);
  expect(jobs.filter((j) => j.done_at === null)).toEqual([]);
  return { deliveries, sweep: jobs.find((j) => j.kind === SWEEP_JOB)! };
}

/** The SMTP server's view: each expected message exactly once, nothing else. */
export function expectExactlyOnceAtSink(sink: SmtpSink, expected: string[]) {
  const counts = sink.countsById();
  expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
  expect([...counts.keys()].sort()).toEqual(expected.map(messageIdFor).sort());
  expect(sink.messages).toHaveLength(expected.length);
}
