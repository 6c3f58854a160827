/**
 * E-mail through a real local SMTP server (`smtp-server` on 127.0.0.1): a temporary rejection is
 * retried with backoff and the message arrives once; a permanent one ends as a failed job that an
 * administrator sees (without addresses) and can retry. The raw message carries no name.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createAppWorker,
  MAIL_JOB,
  messageIdFor,
  reminderKey,
} from '../../src/modules/notifications/index.ts';
import type { Deadline, DeadlineSource } from '../../src/platform/reminders.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { fixtureDeadline } from './fixtures/deadlines.ts';
import { decodedText, header } from './support/mime.ts';
import { type SeededOrganisation, seedOrganisation } from './support/seed.ts';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.ts';

const TODAY = '2026-01-19';

type FailedJob = { id: number; kind: string; attempts: number; lastError: string | null };

describeEachDatabase('e-mail over SMTP on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let org: SeededOrganisation;
  let sink: SmtpSink;
  let blocked: string;
  let rejectPermanently = true;
  let deadlines: Deadline[] = [];
  const source: DeadlineSource = async () => deadlines;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = t.client();
    const organisationId = await admin.setup();
    org = await seedOrganisation(t.db, {
      organisationId,
      leaders: 2,
      perLeader: 1,
      withoutLeaderAccount: 0,
      hr: 1,
    });
    blocked = org.leaders[1]!.email;
    sink = await startSmtpSink({
      decide: ({ to, attempt }) => {
        if (to.includes(blocked) && rejectPermanently) {
          return { code: 550, message: `5.1.1 <${blocked}>: Recipient address rejected: User unknown` };
        }
        // Every message's first attempt: "try again later".
        return attempt === 1 ? { code: 451, message: '4.3.0 Temporary failure, try again later' } : null;
      },
    });
  });
  afterAll(async () => {
    await sink?.close();
    await t?.close();
  });

  const worker = () =>
    createAppWorker({
      db: t.db,
      config: {
        smtpUrl: sink.url,
        mailFrom: 'Nærvær <varsel@naervaer.example.no>',
        mailDir: '/nonexistent',
        publicUrl: 'https://naervaer.example.no',
      },
      deadlineSource: source,
      today: () => TODAY,
      mailMaxAttempts: 3,
      worker: { backoff: { baseMs: 100, maxMs: 400 }, pollIntervalMs: 20 },
    });

  /** Runs the worker until no job is pending (waiting out the backoff). */
  async function drain(w: ReturnType<typeof worker>) {
    for (let i = 0; i < 200; i++) {
      await w.runOnce();
      const pending = await t.db
        .selectFrom('job')
        .select('id')
        .where('done_at', 'is', null)
        .where('failed_at', 'is', null)
        .execute();
      if (pending.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('jobs did not finish');
  }

  it('retries a temporary rejection with backoff; the message arrives once and names no one', async () => {
    const [employee] = org.employees;
    const leader = org.leaders[0]!;
    deadlines = [fixtureDeadline(org.organisationId, employee!.id, employee!.leaderId, 1, TODAY)];
    const key = reminderKey({ ...deadlines[0]!, kind: 'before', date: TODAY, userId: leader.userId });
    const w = worker();
    await w.scheduleSweep();
    await drain(w);
    await w.stop();

    const messageId = messageIdFor(key);
    expect(sink.attempts.get(messageId)).toBe(2);
    const delivered = sink.messages.filter((m) => m.messageId === messageId);
    expect(delivered).toHaveLength(1);
    const job = await t.db.selectFrom('job').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ kind: MAIL_JOB, attempts: 2, failed_at: null });
    expect(job.done_at).toBeInstanceOf(Date);
    const record = await t.db
      .selectFrom('mail_delivery')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({ outcome: 'sent', message_id: messageId });

    const raw = delivered[0]!.raw;
    expect(delivered[0]!.to).toEqual([leader.email]);
    for (const part of employee!.name.split(' ')) expect(raw).not.toContain(part);
    expect(raw).not.toMatch(/Oppf(ø|=C3=B8)lgingsplan|Sykmeldt|Hemmelig/i);
    expect(header(raw, 'Subject')).toBeDefined();
    expect(decodedText(raw)).toBe(
      'Du har en frist i sykefraværsoppfølgingen 2. februar. Logg inn for å se hva som skal gjøres: https://naervaer.example.no/oppgaver',
    );
    expect(raw).toContain(`Message-ID: ${messageId}`);
  });

  it('a permanent rejection ends as a failed job the administrator sees without addresses, and can retry', async () => {
    const employee = org.employees[1]!;
    const leader = org.leaders[1]!;
    deadlines = [fixtureDeadline(org.organisationId, employee.id, employee.leaderId, 0, TODAY)];
    // Today's sweep already ran (first test): remove it, as if this were the next day's.
    await t.db.deleteFrom('job').where('key', 'like', 'sweep:%').execute();
    const w = worker();
    await w.scheduleSweep();
    await drain(w);
    const key = reminderKey({ ...deadlines[0]!, kind: 'due', date: TODAY, userId: leader.userId });
    const job = await t.db.selectFrom('job').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
    expect(job.attempts).toBe(3);
    expect(job.failed_at).toBeInstanceOf(Date);
    expect(job.last_error).not.toContain(blocked);

    const list = expectStatus(await admin.get<{ items: FailedJob[] }>('/api/v1/admin/failed-jobs'), 200).body;
    expect(list.items).toEqual([
      expect.objectContaining({
        id: job.id,
        kind: MAIL_JOB,
        attempts: 3,
        lastError: expect.stringContaining('550'),
      }),
    ]);
    expect(list.items[0]!.lastError).toMatch(
      /^E-post ble ikke sendt \/ e-mail not sent \[EMESSAGE\]: Message failed: 550 5.1.1 <<adresse>>/,
    );
    expect(JSON.stringify(list)).not.toContain('@');
    expect(JSON.stringify(list)).not.toContain('hemmelig'); // nor the SMTP password

    // Someone without the admin role sees nothing; another organisation's job is not found.
    expect((await admin.post(`/api/v1/admin/failed-jobs/${job.id + 1000}/retry`)).status).toBe(404);
    rejectPermanently = false;
    expectStatus(await admin.post(`/api/v1/admin/failed-jobs/${job.id}/retry`), 200);
    expect((await admin.post(`/api/v1/admin/failed-jobs/${job.id}/retry`)).status).toBe(404); // no longer dead
    await drain(w);
    await w.stop();
    expect(sink.messages.filter((m) => m.messageId === messageIdFor(key))).toHaveLength(1);
    expect(
      expectStatus(await admin.get<{ items: FailedJob[] }>('/api/v1/admin/failed-jobs'), 200).body.items,
    ).toEqual([]);
  });
});
