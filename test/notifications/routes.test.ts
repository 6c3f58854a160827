/**
 * The notification API through the real app: the inbox (own only, unread first, read/unread),
 * custom reminders (own only; a leader may link one to someone they lead), notification settings
 * (e-mail off → in-app only), the iCal feed (secret, revocable, no names) and the admin's failed jobs.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAIL_JOB, runSweep } from '../../src/modules/notifications/index.ts';
import type { Deadline } from '../../src/platform/reminders.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { fixtureDeadline } from './fixtures/deadlines.ts';

const TODAY = '2026-01-19';
const PASSWORD = 'et-langt-passord-2026';

type Item = { id: string; title: string; body: string; read: boolean; link: string | null; kind: string };
type List = { items: Item[]; total: number; unread: number };
type Reminder = { id: string; date: string; text: string; employeeId: string | null };
type ErrorReply = { error: { code: string; fields?: { path: string }[] } };

describeEachDatabase('notification API on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let leader: TestClient;
  let otherLeader: TestClient;
  let hr: TestClient;
  let organisationId: string;
  const ids = {} as Record<'unit' | 'lise' | 'per' | 'kari' | 'siri' | 'ola', string>;
  let deadlines: Deadline[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind, {
      reminders: {
        deadlineSource: async (_db, range) =>
          deadlines.filter((d) => !range.organisationId || d.organisationId === range.organisationId),
        today: () => TODAY,
        publicUrl: 'https://naervaer.example.no',
      },
    });
    admin = t.client();
    organisationId = await admin.setup();
    ids.unit = expectStatus(
      await admin.post<{ id: string }>('/api/v1/units', { name: 'Hjemmetjenesten' }),
      201,
    ).body.id;
    const employee = async (name: string, leaderId: string | null = null) =>
      expectStatus(
        await admin.post<{ id: string }>('/api/v1/employees', {
          name,
          email: `${name.toLowerCase()}@example.no`,
          employmentStart: '2020-01-15',
          positionPercent: 100,
          unitId: ids.unit,
          leaderId,
        }),
        201,
      ).body.id;
    ids.lise = await employee('Lise');
    ids.kari = await employee('Kari');
    ids.per = await employee('Perpetua', ids.lise); // led by Lise
    ids.siri = await employee('Sirisen', ids.kari); // led by Kari
    ids.ola = await employee('Olavsen'); // no leader: HR gets the reminders
    const user = async (name: string, roles: string[], employeeId: string | null) => {
      expectStatus(
        await admin.post('/api/v1/users', {
          name,
          email: `${name.toLowerCase()}.bruker@example.no`,
          password: PASSWORD,
          roles,
          employeeId,
        }),
        201,
      );
      const client = t.client();
      expectStatus(await client.login(`${name.toLowerCase()}.bruker@example.no`, PASSWORD), 200);
      return client;
    };
    leader = await user('Lise', ['leder'], ids.lise);
    otherLeader = await user('Kari', ['leder'], ids.kari);
    hr = await user('Hanne', ['hr'], null);
    deadlines = [
      fixtureDeadline(organisationId, ids.per, ids.lise, 0, TODAY), // due today
      fixtureDeadline(organisationId, ids.siri, ids.kari, 1, TODAY), // due in 14 days
      fixtureDeadline(organisationId, ids.ola, null, 1, TODAY, 'dialogmote1'),
    ];
    await runSweep({ db: t.db, deadlineSource: async () => deadlines, today: TODAY });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows each user their own inbox only, unread first, with unread counts', async () => {
    const list = expectStatus(await leader.get<List>('/api/v1/notifications'), 200).body;
    expect(list).toMatchObject({ total: 1, unread: 1 });
    const [item] = list.items;
    expect(item).toMatchObject({
      kind: 'reminder-due',
      title: 'Frist i sykefraværsoppfølgingen 19. januar 2026: Oppfølgingsplan',
      link: `/sykefravaer/${ids.per}`,
      read: false,
    });
    expect(JSON.stringify(list)).not.toContain('Perpetua');
    expect((await hr.get<List>('/api/v1/notifications')).body.items.map((i) => i.title)).toEqual([
      'Frist i sykefraværsoppfølgingen 2. februar 2026: Dialogmøte 1',
    ]);
    const english = await leader.request<List>('GET', '/api/v1/notifications', undefined, {
      'accept-language': 'en',
    });
    expect(english.body.items[0]!.title).toBe(
      'Sick-leave follow-up deadline 19 January 2026: Follow-up plan',
    );

    // Another user's notification is not found, for reading as for marking.
    expect((await otherLeader.post(`/api/v1/notifications/${item!.id}/read`)).status).toBe(404);
    expect((await admin.post(`/api/v1/notifications/${item!.id}/read`)).status).toBe(404);
    expect((await leader.get<{ count: number }>('/api/v1/notifications/unread-count')).body.count).toBe(1);

    expectStatus(await leader.post(`/api/v1/notifications/${item!.id}/read`), 200);
    expect((await leader.get<{ count: number }>('/api/v1/notifications/unread-count')).body.count).toBe(0);
    expect((await leader.get<List>('/api/v1/notifications')).body).toMatchObject({ total: 1, unread: 0 });
    expect((await leader.get<List>('/api/v1/notifications?unreadOnly=true')).body.items).toEqual([]);
    expect((await otherLeader.get<{ count: number }>('/api/v1/notifications/unread-count')).body.count).toBe(
      1,
    );
    expect((await otherLeader.post<{ updated: number }>('/api/v1/notifications/read-all')).body.updated).toBe(
      1,
    );
    expect((await otherLeader.get<{ count: number }>('/api/v1/notifications/unread-count')).body.count).toBe(
      0,
    );
    expect((await t.client().get('/api/v1/notifications')).status).toBe(401);
  });

  it('lets a user make, list and delete their own reminders; a leader may link only people they lead', async () => {
    const made = expectStatus(
      await leader.post<Reminder>('/api/v1/reminders', {
        date: '2026-03-03',
        text: 'Ring og hør hvordan det går',
        employeeId: ids.per,
      }),
      201,
    ).body;
    expect(made).toMatchObject({ date: '2026-03-03', employeeId: ids.per });
    const notLed = await leader.post<ErrorReply>('/api/v1/reminders', {
      date: '2026-03-03',
      text: 'Ikke min',
      employeeId: ids.siri,
    });
    expect(notLed.status).toBe(400);
    expect(notLed.body.error.fields?.[0]?.path).toBe('employeeId');
    expect((await leader.post('/api/v1/reminders', { date: '2026-01-18', text: 'I går' })).status).toBe(400);
    expect(
      (await leader.post('/api/v1/reminders', { date: '2026-03-03', text: 'x'.repeat(201) })).status,
    ).toBe(400);
    expect(
      (await hr.post('/api/v1/reminders', { date: '2026-03-03', text: 'HR', employeeId: ids.siri })).status,
    ).toBe(201);

    expect(
      (await leader.get<{ items: Reminder[] }>('/api/v1/reminders')).body.items.map((r) => r.id),
    ).toEqual([made.id]);
    expect((await otherLeader.get<{ items: Reminder[] }>('/api/v1/reminders')).body.items).toEqual([]);
    expect((await otherLeader.delete(`/api/v1/reminders/${made.id}`)).status).toBe(404);
    expectStatus(await leader.delete(`/api/v1/reminders/${made.id}`), 200);
    expect((await leader.delete(`/api/v1/reminders/${made.id}`)).status).toBe(404);

    // A reminder for today arrives at once (today's sweep may have run already) — with an e-mail job.
    expectStatus(await leader.post('/api/v1/reminders', { date: TODAY, text: 'Send innkalling' }), 201);
    const inbox = (await leader.get<List>('/api/v1/notifications')).body;
    expect(inbox.items[0]).toMatchObject({
      kind: 'custom',
      title: 'Påminnelse',
      body: 'Send innkalling',
      read: false,
    });
    await runSweep({ db: t.db, deadlineSource: async () => deadlines, today: TODAY }); // nothing twice
    expect((await leader.get<List>('/api/v1/notifications')).body.total).toBe(2);
  });

  it('with e-mail turned off a reminder reaches the inbox only', async () => {
    expect((await otherLeader.get('/api/v1/me/notification-settings')).body).toEqual({
      emailEnabled: true,
      inAppEnabled: true,
    });
    expect((await otherLeader.put('/api/v1/me/notification-settings', { emailEnabled: false })).body).toEqual(
      {
        emailEnabled: false,
        inAppEnabled: true,
      },
    );
    expect((await otherLeader.put('/api/v1/me/notification-settings', { emailEnabled: 'nei' })).status).toBe(
      400,
    );
    const later = fixtureDeadline(organisationId, ids.siri, ids.kari, 0, TODAY); // due today: a new reminder
    const result = await runSweep({ db: t.db, deadlineSource: async () => [later], today: TODAY });
    expect(result).toMatchObject({ notifications: 1, mails: 0 });
    expect((await otherLeader.get<List>('/api/v1/notifications')).body.unread).toBe(1);
    const mailJobs = await t.db.selectFrom('job').select('key').where('kind', '=', MAIL_JOB).execute();
    expect(mailJobs.some((j) => j.key.includes(`:${ids.siri}:`) && j.key.includes(':due:'))).toBe(false);
    expect(mailJobs.some((j) => j.key.includes(`:${ids.per}:`))).toBe(true); // Lise's is there
  });

  it('serves a secret iCal feed of the user’s open deadlines without names; regenerated or revoked → 404', async () => {
    expect((await leader.get('/api/v1/me/calendar-feed')).body).toEqual({ active: false, createdAt: null });
    const created = expectStatus(await leader.post<{ url: string }>('/api/v1/me/calendar-feed'), 201).body;
    expect(created.url).toMatch(/^https:\/\/naervaer\.example\.no\/api\/v1\/calendar\/[0-9a-f]{88}\.ics$/);
    const path = new URL(created.url).pathname;
    const anonymous = t.client();
    const feed = await anonymous.get<string>(path);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const ics = feed.raw.body;
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    // Lise is responsible for Per's deadline only (not Siri's, not Ola's), plus her own reminder for today.
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics.match(/SUMMARY:Frist: Oppfølgingsplan\r\n/g)).toHaveLength(1);
    expect(ics).toContain('DTSTART;VALUE=DATE:20260119');
    expect(ics).toContain('SUMMARY:Påminnelse (Nærvær)');
    expect(ics).not.toContain('Send innkalling');
    for (const name of ['Perpetua', 'Lise', 'Sirisen', 'Olavsen']) expect(ics).not.toContain(name);

    // HR gets the deadline of the employee without a leader, and their own custom reminder.
    const hrFeed = expectStatus(await hr.post<{ url: string }>('/api/v1/me/calendar-feed'), 201).body;
    const hrIcs = (await anonymous.get(new URL(hrFeed.url).pathname)).raw.body;
    expect(hrIcs.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(hrIcs).toContain('SUMMARY:Frist: Dialogmøte 1');
    expect(hrIcs).toContain('DTSTART;VALUE=DATE:20260202');
    expect(hrIcs).toContain('SUMMARY:Påminnelse (Nærvær)');
    expect(hrIcs).not.toContain('HR'); // the reminder's text stays in the app

    const last = path.at(-5)!;
    const wrong = `${path.slice(0, -5)}${last === '0' ? '1' : '0'}.ics`; // one character off
    expect((await anonymous.get(wrong)).status).toBe(404);
    expect((await anonymous.get(path.replace('.ics', ''))).status).toBe(404);
    expect((await anonymous.get('/api/v1/calendar/not-a-token.ics')).status).toBe(404);

    const regenerated = expectStatus(
      await leader.post<{ url: string }>('/api/v1/me/calendar-feed'),
      201,
    ).body;
    expect(regenerated.url).not.toBe(created.url);
    expect((await anonymous.get(path)).status).toBe(404);
    expect((await anonymous.get(new URL(regenerated.url).pathname)).status).toBe(200);
    expectStatus(await leader.delete('/api/v1/me/calendar-feed'), 200);
    expect((await anonymous.get(new URL(regenerated.url).pathname)).status).toBe(404);
    expect((await leader.get('/api/v1/me/calendar-feed')).body).toEqual({ active: false, createdAt: null });
  });

  it('shows failed jobs to administrators only', async () => {
    expect((await leader.get('/api/v1/admin/failed-jobs')).status).toBe(404);
    expect((await hr.post('/api/v1/admin/failed-jobs/1/retry')).status).toBe(404);
    expect(expectStatus(await admin.get('/api/v1/admin/failed-jobs'), 200).body).toEqual({ items: [] });
  });
});
