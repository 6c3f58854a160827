/**
 * Avvik on both databases: a report is stored and read back; a replayed send (the device's id) is a
 * no-op answering the same record; bad input (future time, empty description, a forged unit of
 * another organisation, «mulig varsling») is a 400 naming the field with nothing written; photos
 * are sniffed (HEIC refused, oversize 413, count limited, replay a no-op); access per role and
 * tenant, anonymous reporters hidden; triage with optimistic concurrency; tiltak become deadlines in
 * the owner's "Mine oppgaver" and are reminded exactly once; closure needs a verification note and
 * tells the reporter; § 5-2 written confirmation due the next working day (Friday 14 May 2027 →
 * Tuesday 18 May, past the weekend and 17 May); NAV task in 7 days; the § 5-1 register by role; the
 * personvernavvik's 72-hour clock with reminders at 24 and 48 hours, each exactly once.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  Avvik,
  AvvikListItem,
  BarrierChoices,
  Register,
  Trends,
} from '../../src/contracts/avvik/avvik.schemas.ts';
import type { MyDeadlineItem } from '../../src/contracts/notifications/notifications.schemas.ts';
import {
  avvikDeadlines,
  PRIVACY_REMINDER_JOB,
  runAvvikRetention,
  runPrivacyReminder,
} from '../../src/modules/avvik/index.ts';
import { runSweep } from '../../src/modules/notifications/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { ACTORS, buildSickOrg, type ErrorReply, type SickOrg } from '../support/sykefravaer-org.ts';

/** A Friday before the weekend and Monday 17 May. */
const TODAY = '2027-05-14';
const B = '/api/v1/avvik';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2000)]);
/** An HEIC file's start: `....ftypheic`. */
const HEIC = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypheic', 'latin1'),
  randomBytes(100),
]);

function multipart(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const boundary = `----avvik${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload<T = { id: string; size: number }>(
  client: TestClient,
  avvikId: string,
  photoId: string,
  data: Buffer,
  type = 'image/jpeg',
) {
  const { body, contentType } = multipart({ photoId }, { name: 'bilde.jpg', type, data });
  return client.request<T>('POST', `${B}/${avvikId}/bilder`, body, { 'content-type': contentType });
}

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

describeEachDatabase('avvik on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const row = (id: string) =>
    t.db
      .selectFrom('avvik')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  const countAvvik = async () => (await t.db.selectFrom('avvik').select('id').execute()).length;
  const ruh = (over: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    category: 'ruh',
    description: 'Glatt gulv ved inngangen, holdt på å skli.',
    unitId: org.unitA,
    occurredAt: minutesAgo(30),
    ...over,
  });
  const send = (client: TestClient, body: Record<string, unknown>) => client.post<Avvik>(B, body);

  it('stores a report and answers a replayed send with the same record, writing nothing twice', async () => {
    const body = ruh({ immediateAction: 'Satte opp skilt', anonymous: false });
    const first = expectStatus(await send(org.clients.self, body), 201).body;
    expect(first).toMatchObject({
      id: body.id,
      status: 'ny',
      category: 'ruh',
      mine: true,
      access: 'reporter',
    });
    const stored = await row(body.id);
    expect(stored).toMatchObject({
      reporter_user_id: org.userIds.self,
      unit_id: org.unitA,
      description: body.description,
      immediate_action: 'Satte opp skilt',
      status: 'ny',
      version: 1,
    });
    const before = await countAvvik();
    const replay = expectStatus(
      await send(org.clients.self, { ...body, description: 'Endret i ettertid' }),
      201,
    ).body;
    expect(replay.id).toBe(body.id);
    expect(replay.description).toBe(body.description);
    expect(await countAvvik()).toBe(before);
    // Another user with the same id: a conflict, nothing written.
    expectStatus(await send(org.clients.otherAnsatt, body), 409);
    const audits = await t.db
      .selectFrom('audit_log')
      .select('actor_user_id')
      .where('entity_type', '=', 'avvik')
      .where('entity_id', '=', body.id)
      .where('action', '=', 'create')
      .execute();
    expect(audits).toEqual([{ actor_user_id: org.userIds.self }]);
  });

  it('lists the places to report from and the possible tiltak owners (handlers only)', async () => {
    const places = expectStatus(
      await org.clients.self.get<{ units: { id: string; name: string }[] }>(`${B}/steder`),
      200,
    ).body;
    expect(places.units.map((u) => u.id).sort()).toEqual([org.unitA, org.unitB].sort());
    expect(
      (await org.clients.otherOrg.get<{ units: { id: string }[] }>(`${B}/steder`)).body.units.map(
        (u) => u.id,
      ),
    ).not.toContain(org.unitA);
    const owners = expectStatus(
      await org.clients.lederA.get<{ items: { id: string; name: string }[] }>(`${B}/ansvarlige`),
      200,
    ).body;
    expect(owners.items.map((o) => o.id)).toContain(org.userIds.self);
    expect(owners.items.map((o) => o.id)).not.toContain(org.userIds.otherOrg);
    expect((await org.clients.self.get(`${B}/ansvarlige`)).status).toBe(404);
    expect((await org.clients.verneombud.get(`${B}/ansvarlige`)).status).toBe(404);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const before = await countAvvik();
    const future = await send(
      org.clients.self,
      ruh({ occurredAt: new Date(Date.now() + 3_600_000).toISOString() }),
    );
    expect(future.status).toBe(400);
    expect((future.body as unknown as ErrorReply).error.fields?.map((f) => f.path)).toEqual(['occurredAt']);
    const empty = await send(org.clients.self, ruh({ description: '   ' }));
    expect((empty.body as unknown as ErrorReply).error.fields?.map((f) => f.path)).toEqual(['description']);
    // A unit of another organisation: not found, nothing written.
    const otherUnit = await t.db
      .selectFrom('unit')
      .select('id')
      .where('organisation_id', '=', org.otherOrgId)
      .executeTakeFirstOrThrow();
    const forged = await send(org.clients.self, ruh({ unitId: otherUnit.id }));
    expect(forged.status).toBe(400);
    expect((forged.body as unknown as ErrorReply).error.fields?.map((f) => f.path)).toEqual(['unitId']);
    const varsling = await send(org.clients.self, ruh({ category: 'mulig-varsling' }));
    expect(varsling.status).toBe(400);
    expect((varsling.body as unknown as ErrorReply).error.fields?.map((f) => f.path)).toEqual(['category']);
    expect((await send(org.clients.self, ruh({ id: 'ikke-en-id' }))).status).toBe(400);
    expect((await send(org.clients.self, ruh({ diagnose: 'x' }))).status).toBe(400);
    expect(await countAvvik()).toBe(before);
  });

  it('keeps photos: JPEG stored, a resend a no-op, HEIC and oversize refused, at most five', async () => {
    const a = expectStatus(await send(org.clients.self, ruh()), 201).body;
    const photoId = randomUUID();
    expectStatus(await upload(org.clients.self, a.id, photoId, JPEG), 201);
    expectStatus(await upload(org.clients.self, a.id, photoId, JPEG), 201);
    const stored = await t.db
      .selectFrom('avvik_photo')
      .select(['id', 'mime', 'size', 'data'])
      .where('avvik_id', '=', a.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: photoId, mime: 'image/jpeg', size: JPEG.length });
    expect(Buffer.from(stored[0]?.data ?? []).equals(JPEG)).toBe(true);
    const heic = await upload<ErrorReply>(org.clients.self, a.id, randomUUID(), HEIC, 'image/heic');
    expect(heic.status).toBe(400);
    expect(heic.body.error.fields?.[0]?.path).toBe('photo');
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(1024 * 1024 + 10)]);
    expect((await upload(org.clients.self, a.id, randomUUID(), big)).status).toBe(413);
    const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(6 * 1024 * 1024)]);
    expect((await upload(org.clients.self, a.id, randomUUID(), huge)).status).toBe(413);
    for (let i = 0; i < 4; i++) expectStatus(await upload(org.clients.self, a.id, randomUUID(), JPEG), 201);
    const sixth = await upload<ErrorReply>(org.clients.self, a.id, randomUUID(), JPEG);
    expect(sixth.status).toBe(400);
    expect(
      await t.db.selectFrom('avvik_photo').select('id').where('avvik_id', '=', a.id).execute(),
    ).toHaveLength(5);
    // Read back by the leader (handler); another employee gets 404.
    const got = await org.clients.lederA.get(`${B}/${a.id}/bilder/${photoId}`);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect((await org.clients.otherAnsatt.get(`${B}/${a.id}/bilder/${photoId}`)).status).toBe(404);
  });

  it('shows each avvik only to those with a need; an anonymous reporter is hidden from everyone', async () => {
    const hms = expectStatus(await send(org.clients.self, ruh({ anonymous: true })), 201).body;
    const kvalitet = expectStatus(await send(org.clients.self, ruh({ category: 'kvalitet' })), 201).body;
    expect((await row(hms.id))?.reporter_user_id).toBe(org.userIds.self);
    const status = async (actor: (typeof ACTORS)[number], id: string) =>
      (await org.clients[actor].get(`${B}/${id}`)).status;
    const expected: Record<string, number> = {
      admin: 200,
      hr: 200,
      lederA: 200,
      lederB: 404,
      self: 200,
      otherAnsatt: 404,
      verneombud: 200,
      tillitsvalgt: 404,
      amu: 404,
      bht: 404,
      otherOrg: 404,
    };
    for (const actor of ACTORS)
      expect([actor, await status(actor, hms.id)]).toEqual([actor, expected[actor]]);
    // The VO of the area sees HMS avvik, not quality avvik (aml § 6-2).
    expect(await status('verneombud', kvalitet.id)).toBe(404);
    for (const actor of ['admin', 'hr', 'lederA', 'verneombud'] as const) {
      const seen = (await org.clients[actor].get<Avvik>(`${B}/${hms.id}`)).body;
      expect(seen.reporterName).toBeNull();
      expect(JSON.stringify(seen)).not.toContain(org.userIds.self);
    }
    expect((await org.clients.lederA.get<Avvik>(`${B}/${kvalitet.id}`)).body.reporterName).toBe('Per Pleier');
    const lists = async (actor: (typeof ACTORS)[number], scope: string) =>
      (await org.clients[actor].get<{ items: AvvikListItem[] }>(`${B}?scope=${scope}`)).body.items.map(
        (i) => i.id,
      );
    expect(await lists('lederA', 'handle')).toContain(hms.id);
    expect(await lists('lederB', 'handle')).not.toContain(hms.id);
    expect(await lists('verneombud', 'handle')).toContain(hms.id);
    expect(await lists('verneombud', 'handle')).not.toContain(kvalitet.id);
    expect(await lists('self', 'mine')).toEqual(expect.arrayContaining([hms.id, kvalitet.id]));
    expect(await lists('otherAnsatt', 'mine')).not.toContain(hms.id);
    // Handling routes: a VO or an employee gets 404 (deny by default).
    const v = { version: 1, category: 'ruh', severity: 2, cause: '', personalData: false };
    expect((await org.clients.verneombud.put(`${B}/${hms.id}/vurdering`, v)).status).toBe(404);
    expect((await org.clients.self.put(`${B}/${hms.id}/vurdering`, v)).status).toBe(404);
    expect((await org.clients.lederB.put(`${B}/${hms.id}/vurdering`, v)).status).toBe(404);
    expect((await org.clients.otherOrg.put(`${B}/${hms.id}/vurdering`, v)).status).toBe(404);
    expect((await row(hms.id))?.version).toBe(1);
  });

  it('pages the list newest first: every avvik once across the pages, the last page says no more', async () => {
    // Five reports of the same moment too: the cursor must order by id within one occurred_at.
    const same = minutesAgo(7);
    for (let i = 0; i < 5; i++) expectStatus(await send(org.clients.self, ruh({ occurredAt: same })), 201);
    type Page = { items: AvvikListItem[]; next: string | null };
    const whole = expectStatus(await org.clients.self.get<Page>(`${B}?scope=mine&limit=200`), 200).body;
    expect(whole.items.length).toBeGreaterThanOrEqual(5);
    const paged: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const query: string = `${B}?scope=mine&limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const page: Page = expectStatus(await org.clients.self.get<Page>(query), 200).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((i) => i.id));
      after = page.next;
      pages++;
    } while (after !== null && pages < 100);
    expect(paged).toEqual(whole.items.map((i) => i.id));
    expect(new Set(paged).size).toBe(paged.length);
    // The order is the stored one: newest first, then by id.
    const stored = await t.db
      .selectFrom('avvik')
      .select('id')
      .where('organisation_id', '=', org.orgId)
      .where('reporter_user_id', '=', org.userIds.self)
      .orderBy('occurred_at', 'desc')
      .orderBy('id')
      .execute();
    expect(paged).toEqual(stored.map((r) => r.id));
    for (const bad of ['limit=0', 'limit=201', 'after=2026-01-01_x', 'after=yesterday']) {
      const res = await org.clients.self.get(`${B}?scope=mine&${bad}`);
      expect([bad, res.status]).toEqual([bad, 400]);
    }
  });

  it('handles an avvik: triage with version, tiltak into "Mine oppgaver" reminded once, closure tells the reporter', async () => {
    const a = expectStatus(await send(org.clients.self, ruh()), 201).body;
    const triaged = expectStatus(
      await org.clients.lederA.put<Avvik>(`${B}/${a.id}/vurdering`, {
        version: 1,
        category: 'hms',
        severity: 3,
        cause: 'Manglende matte',
        personalData: false,
      }),
      200,
    ).body;
    expect(triaged).toMatchObject({ version: 2, status: 'under-behandling', severity: 3, category: 'hms' });
    expect(await row(a.id)).toMatchObject({
      severity: 3,
      cause: 'Manglende matte',
      category: 'hms',
      version: 2,
    });
    // Stale version: 409, nothing changed.
    const stale = await org.clients.hr.put<ErrorReply>(`${B}/${a.id}/vurdering`, {
      version: 1,
      category: 'ruh',
      severity: 1,
      cause: '',
      personalData: false,
    });
    expect(stale.status).toBe(409);
    expect((await row(a.id))?.severity).toBe(3);
    // Bad input names the field.
    const bad = await org.clients.lederA.put<ErrorReply>(`${B}/${a.id}/vurdering`, {
      version: 2,
      category: 'hms',
      severity: 9,
      personalData: false,
    });
    expect(bad.body.error.fields?.map((f) => f.path)).toEqual(['severity']);
    const badTiltak = await org.clients.lederA.post<ErrorReply>(`${B}/${a.id}/tiltak`, {
      text: '',
      ownerUserId: org.userIds.lederA,
      due: '2027-05-20',
    });
    expect(badTiltak.body.error.fields?.map((f) => f.path)).toEqual(['text']);
    const strangerOwner = await org.clients.lederA.post<ErrorReply>(`${B}/${a.id}/tiltak`, {
      text: 'Matte',
      ownerUserId: org.userIds.otherOrg,
      due: '2027-05-20',
    });
    expect(strangerOwner.body.error.fields?.map((f) => f.path)).toEqual(['ownerUserId']);

    const withTiltak = expectStatus(
      await org.clients.lederA.post<Avvik>(`${B}/${a.id}/tiltak`, {
        text: 'Legg ut matte ved inngangen',
        ownerUserId: org.userIds.lederA,
        due: '2027-05-20',
      }),
      201,
    ).body;
    const tiltakId = withTiltak.tiltak[0]?.id ?? '';
    expect(
      await t.db.selectFrom('avvik_tiltak').selectAll().where('id', '=', tiltakId).executeTakeFirst(),
    ).toMatchObject({
      owner_user_id: org.userIds.lederA,
      due: '2027-05-20',
      done_at: null,
    });
    const mine = (await org.clients.lederA.get<{ items: MyDeadlineItem[] }>('/api/v1/me/deadlines')).body
      .items;
    expect(mine).toContainEqual(
      expect.objectContaining({
        source: 'avvik',
        detail: 'Legg ut matte ved inngangen',
        due: '2027-05-20',
        link: `/avvik/${a.id}`,
      }),
    );
    expect(
      (await org.clients.lederB.get<{ items: MyDeadlineItem[] }>('/api/v1/me/deadlines')).body.items.map(
        (i) => i.detail,
      ),
    ).not.toContain('Legg ut matte ved inngangen');
    // Reminder 7 days before and on the day: exactly once.
    const reminders = () =>
      t.db
        .selectFrom('notification')
        .select(['user_id', 'title_nb', 'body_nb'])
        .where('key', 'like', `reminder:avvik:${org.orgId}:${tiltakId}:%`)
        .execute();
    await runSweep({ db: t.db, deadlineSource: avvikDeadlines, today: '2027-05-13' });
    await runSweep({ db: t.db, deadlineSource: avvikDeadlines, today: '2027-05-13' });
    const sent = await reminders();
    expect(sent.map((n) => n.user_id)).toEqual([org.userIds.lederA]);
    expect(JSON.stringify(sent)).not.toContain('matte');

    // Closure needs a verification note.
    const noNote = await org.clients.lederA.post<ErrorReply>(`${B}/${a.id}/lukk`, {
      version: 2,
      verificationNote: ' ',
    });
    expect(noNote.body.error.fields?.map((f) => f.path)).toEqual(['verificationNote']);
    expect((await row(a.id))?.status).toBe('under-behandling');
    expectStatus(await org.clients.lederA.put(`${B}/${a.id}/tiltak/${tiltakId}/utfort`), 200);
    const closed = expectStatus(
      await org.clients.lederA.post<Avvik>(`${B}/${a.id}/lukk`, {
        version: 2,
        verificationNote: 'Matten ligger der, sjekket fredag.',
      }),
      200,
    ).body;
    expect(closed.status).toBe('lukket');
    expect(await row(a.id)).toMatchObject({
      status: 'lukket',
      verification_note: 'Matten ligger der, sjekket fredag.',
      closed_by: org.userIds.lederA,
    });
    expect(
      (await org.clients.lederA.post(`${B}/${a.id}/lukk`, { version: 3, verificationNote: 'igjen' })).status,
    ).toBe(409);
    // The reporter is told, once, without details; and sees what was done.
    const told = await t.db
      .selectFrom('notification')
      .select(['user_id', 'title_nb', 'body_nb'])
      .where('key', 'like', `event:%:avvik:${a.id}:lukket%`)
      .execute();
    expect(told).toEqual([
      { user_id: org.userIds.self, title_nb: 'Avviket ditt er lukket', body_nb: expect.any(String) },
    ]);
    const own = (await org.clients.self.get<Avvik>(`${B}/${a.id}`)).body;
    expect(own.tiltak.map((x) => x.text)).toEqual(['Legg ut matte ved inngangen']);
    expect(own.tiltak[0]?.ownerName).toBe('');
    expect(own.verificationNote).toBe('Matten ligger der, sjekket fredag.');
    // Done tiltak: no more reminders.
    await runSweep({ db: t.db, deadlineSource: avvikDeadlines, today: '2027-05-20' });
    expect(await reminders()).toHaveLength(1);
  });

  it('an avvik on a barrier of a risk assessment marks it «svekket» and brings the review within 30 days; a foreign barrier is a 404', async () => {
    const assessment = await t.db
      .insertInto('risk_assessment')
      .values({
        organisation_id: org.orgId,
        title: 'Verkstedet',
        unit_id: org.unitA,
        responsible_user_id: org.userIds.lederA,
        responsible_name: 'Lise Leder',
        participants: '[]',
        assessed_on: '2027-01-10',
        next_review: '2028-01-10',
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    const risk = await t.db
      .insertInto('risk_item')
      .values({
        organisation_id: org.orgId,
        assessment_id: assessment.id,
        area: 'mekanisk',
        title: 'Fall på glatt gulv',
        initial_p: 3,
        initial_c: 3,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const barrier = await t.db
      .insertInto('risk_bowtie_item')
      .values({
        organisation_id: org.orgId,
        risk_id: risk.id,
        kind: 'forebyggende',
        text: 'Matter ved inngangen',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The handler is offered the barrier; a reporter is not.
    const choices = expectStatus(await org.clients.lederA.get<BarrierChoices>(`${B}/barrierer`), 200).body;
    expect(choices.items).toEqual([
      {
        id: barrier.id,
        text: 'Matter ved inngangen',
        kind: 'forebyggende',
        status: 'virker',
        riskTitle: 'Fall på glatt gulv',
        assessmentTitle: 'Verkstedet',
      },
    ]);
    expect((await org.clients.self.get(`${B}/barrierer`)).status).toBe(404);
    expect(
      expectStatus(await org.clients.otherOrg.get<BarrierChoices>(`${B}/barrierer`), 200).body.items,
    ).toEqual([]);

    const a = expectStatus(await send(org.clients.self, ruh()), 201).body;
    const triage = {
      version: 1,
      category: 'hms',
      severity: 3,
      cause: 'Matta var tatt inn',
      personalData: false,
    };
    // Another organisation's (or a made-up) barrier: 404, and nothing of the triage is kept.
    const forged = await org.clients.lederA.put(`${B}/${a.id}/vurdering`, {
      ...triage,
      barrierId: randomUUID(),
    });
    expect(forged.status).toBe(404);
    expect(await row(a.id)).toMatchObject({ version: 1, severity: null, risk_barrier_id: null });

    const triaged = expectStatus(
      await org.clients.lederA.put<Avvik>(`${B}/${a.id}/vurdering`, { ...triage, barrierId: barrier.id }),
      200,
    ).body;
    expect(triaged.barrierId).toBe(barrier.id);
    expect(await row(a.id)).toMatchObject({ risk_barrier_id: barrier.id, severity: 3 });
    const weakened = await t.db
      .selectFrom('risk_bowtie_item')
      .select(['status', 'weakened_on'])
      .where('id', '=', barrier.id)
      .executeTakeFirstOrThrow();
    expect(weakened).toEqual({ status: 'svekket', weakened_on: TODAY });
    const reviewed = await t.db
      .selectFrom('risk_assessment')
      .select(['next_review', 'version'])
      .where('id', '=', assessment.id)
      .executeTakeFirstOrThrow();
    expect(reviewed).toEqual({ next_review: '2027-06-13', version: assessment.version + 1 });
    // The reporter does not see which barrier (handling is the handlers').
    expect(expectStatus(await org.clients.self.get<Avvik>(`${B}/${a.id}`), 200).body.barrierId).toBeNull();
  });

  it('§ 5-2: a serious injury gets the checklist, the written confirmation due the next working day (past 17 May), the NAV task in 7 days', async () => {
    const a = expectStatus(
      await send(org.clients.self, ruh({ category: 'personskade', description: 'Fall fra stige.' })),
      201,
    ).body;
    // An injury report creates the § 5-1 register entry; no diagnosis column exists.
    const entry = await t.db
      .selectFrom('avvik_injury')
      .selectAll()
      .where('avvik_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(entry.course_of_events).toBe('Fall fra stige.');
    expect(Object.keys(entry).some((k) => /diagnos/i.test(k))).toBe(false);
    // serious needs consequence ≥ 4.
    const low = await org.clients.hr.put<ErrorReply>(`${B}/${a.id}/vurdering`, {
      version: 1,
      category: 'personskade',
      severity: 3,
      personalData: false,
      serious: true,
    });
    expect(low.body.error.fields?.map((f) => f.path)).toEqual(['serious']);
    // A checklist step before the flag: 409.
    expect((await org.clients.hr.put(`${B}/${a.id}/varsling/ring-politi`, {})).status).toBe(409);
    expectStatus(
      await org.clients.hr.put(`${B}/${a.id}/vurdering`, {
        version: 1,
        category: 'personskade',
        severity: 4,
        cause: '',
        personalData: false,
        serious: true,
      }),
      200,
    );
    const tasks = await t.db
      .selectFrom('avvik_task')
      .select(['kind', 'due'])
      .where('avvik_id', '=', a.id)
      .execute();
    expect(tasks).toEqual([{ kind: 'skriftlig-bekreftelse', due: '2027-05-18' }]);
    // The area's VO is told (copy of the written confirmation).
    const vo = await t.db
      .selectFrom('notification')
      .select('user_id')
      .where('key', 'like', `event:%:avvik:${a.id}:alvorlig-skade%`)
      .execute();
    expect(vo.map((n) => n.user_id)).toEqual([org.userIds.verneombud]);
    const step = expectStatus(
      await org.clients.hr.put<Avvik>(`${B}/${a.id}/varsling/ring-arbeidstilsynet`, { note: 'Meldt 10:40' }),
      200,
    ).body;
    expect(step.alarm).toEqual([
      expect.objectContaining({ step: 'ring-arbeidstilsynet', doneByName: 'Hanne HR', note: 'Meldt 10:40' }),
    ]);
    expectStatus(
      await org.clients.hr.put(`${B}/${a.id}/varsling/ring-arbeidstilsynet`, { note: 'igjen' }),
      200,
    );
    expect(
      await t.db
        .selectFrom('avvik_alarm_step')
        .select(['done_by', 'note'])
        .where('avvik_id', '=', a.id)
        .execute(),
    ).toEqual([{ done_by: org.userIds.hr, note: 'Meldt 10:40' }]);
    expect((await org.clients.hr.put(`${B}/${a.id}/varsling/ring-brannvesenet`, {})).status).toBe(400);
    // The register entry: Arbeidstilsynet's fields; «kan gi rett til ytelser» → NAV in 7 days.
    const bad = await org.clients.hr.put<ErrorReply>(`${B}/${a.id}/skade`, {
      courseOfEvents: '',
      mayGiveBenefits: true,
    });
    expect(bad.body.error.fields?.map((f) => f.path)).toEqual(['courseOfEvents']);
    expect(
      (
        await org.clients.hr.put(`${B}/${a.id}/skade`, {
          courseOfEvents: 'x',
          mayGiveBenefits: false,
          diagnose: 'brudd',
        })
      ).status,
    ).toBe(400);
    expectStatus(
      await org.clients.hr.put(`${B}/${a.id}/skade`, {
        workTask: 'Skifte lyspære',
        courseOfEvents: 'Stigen gled',
        presumedCauses: 'Glatt gulv',
        injuryDescription: 'Slo hodet',
        mayGiveBenefits: true,
      }),
      200,
    );
    expect(
      await t.db.selectFrom('avvik_injury').selectAll().where('avvik_id', '=', a.id).executeTakeFirst(),
    ).toMatchObject({
      work_task: 'Skifte lyspære',
      presumed_causes: 'Glatt gulv',
      injury_description: 'Slo hodet',
      may_give_benefits: true,
    });
    expect(
      await t.db
        .selectFrom('avvik_task')
        .select(['kind', 'due'])
        .where('avvik_id', '=', a.id)
        .orderBy('kind')
        .execute(),
    ).toEqual([
      { kind: 'nav-yrkesskade', due: '2027-05-21' },
      { kind: 'skriftlig-bekreftelse', due: '2027-05-18' },
    ]);
    // The tasks are deadlines for HR.
    const hrMine = (
      await org.clients.hr.get<{ items: MyDeadlineItem[] }>('/api/v1/me/deadlines')
    ).body.items.filter((i) => i.link === `/avvik/${a.id}`);
    expect(hrMine.map((i) => i.due).sort()).toEqual(['2027-05-18', '2027-05-21']);
    expectStatus(await org.clients.hr.put(`${B}/${a.id}/oppgaver/skriftlig-bekreftelse/utfort`), 200);
    expect(
      (
        await t.db
          .selectFrom('avvik_task')
          .select('done_by')
          .where('avvik_id', '=', a.id)
          .where('kind', '=', 'skriftlig-bekreftelse')
          .executeTakeFirst()
      )?.done_by,
    ).toBe(org.userIds.hr);

    // The register: names for HR and the area's VO, none for BHT, counts only for AMU, 404 for others.
    const reg = async (actor: (typeof ACTORS)[number]) =>
      org.clients[actor].get<Register>('/api/v1/skaderegister');
    const hr = (await reg('hr')).body;
    expect(hr.view).toBe('names');
    expect(hr.entries.find((e) => e.avvikId === a.id)).toMatchObject({
      reporterName: 'Per Pleier',
      workTask: 'Skifte lyspære',
      serious: true,
    });
    expect((await reg('verneombud')).body.entries.find((e) => e.avvikId === a.id)?.reporterName).toBe(
      'Per Pleier',
    );
    const bht = (await reg('bht')).body;
    expect(bht.view).toBe('entries');
    expect(bht.entries.find((e) => e.avvikId === a.id)?.reporterName).toBeNull();
    const amu = (await reg('amu')).body;
    expect(amu).toMatchObject({ view: 'aggregates', entries: [] });
    expect(amu.totals.find((x) => x.category === 'personskade')?.count).toBeGreaterThanOrEqual(1);
    for (const actor of ['self', 'lederA', 'tillitsvalgt'] as const)
      expect((await reg(actor)).status).toBe(404);
    expect((await reg('otherOrg')).body.entries).toEqual([]);
  });

  it('personvernavvik: the 72-hour clock from awareness, reminders at 24 and 48 hours exactly once, the decision', async () => {
    const before = Date.now();
    const a = expectStatus(
      await send(
        org.clients.self,
        ruh({ category: 'kvalitet', personalData: true, description: 'Sykmelding sendt til feil person.' }),
      ),
      201,
    ).body;
    const p = await t.db
      .selectFrom('avvik_privacy')
      .selectAll()
      .where('avvik_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(p.aware_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const jobs = await t.db
      .selectFrom('job')
      .select(['run_at', 'payload'])
      .where('kind', '=', PRIVACY_REMINDER_JOB)
      .where('key', 'like', `%${a.id}%`)
      .orderBy('run_at')
      .execute();
    expect(jobs.map((j) => Math.round((j.run_at.getTime() - p.aware_at.getTime()) / 3_600_000))).toEqual([
      24, 48,
    ]);
    const seen = (await org.clients.hr.get<Avvik>(`${B}/${a.id}`)).body;
    expect(new Date(seen.privacy?.deadlineAt ?? '').getTime() - p.aware_at.getTime()).toBe(72 * 3_600_000);
    // The VO and the reporter do not see the personvern documentation.
    expect((await org.clients.self.get<Avvik>(`${B}/${a.id}`)).body.privacy).toBeNull();
    // Each reminder exactly once (run twice), to HR.
    const payload = { organisationId: org.orgId, avvikId: a.id, awareAt: p.aware_at.toISOString(), hour: 24 };
    expect(await runPrivacyReminder(t.db, payload)).toEqual([org.userIds.hr]);
    expect(await runPrivacyReminder(t.db, payload)).toEqual([]);
    const sent = await t.db
      .selectFrom('notification')
      .select(['user_id', 'title_nb'])
      .where('key', 'like', `event:%:avvik:${a.id}:personvern-24t%`)
      .execute();
    expect(sent).toEqual([{ user_id: org.userIds.hr, title_nb: 'Personvernavvik: 48 timer igjen' }]);
    // «Meldes ikke» needs a reason.
    const noReason = await org.clients.hr.put<ErrorReply>(`${B}/${a.id}/personvern`, {
      awareAt: p.aware_at.toISOString(),
      decision: 'meldes-ikke',
    });
    expect(noReason.body.error.fields?.map((f) => f.path)).toEqual(['decisionReason']);
    const future = await org.clients.hr.put<ErrorReply>(`${B}/${a.id}/personvern`, {
      awareAt: new Date(Date.now() + 7_200_000).toISOString(),
    });
    expect(future.body.error.fields?.map((f) => f.path)).toEqual(['awareAt']);
    const decided = expectStatus(
      await org.clients.hr.put<Avvik>(`${B}/${a.id}/personvern`, {
        awareAt: p.aware_at.toISOString(),
        risk: 'lite-sannsynlig',
        facts: 'Ett dokument',
        effects: 'Lite',
        remedial: 'Slettet hos mottaker',
        decision: 'meldes-ikke',
        decisionReason: 'Mottakeren slettet straks; lite sannsynlig risiko (art. 33 (1)).',
      }),
      200,
    ).body;
    expect(decided.privacy).toMatchObject({ decision: 'meldes-ikke', risk: 'lite-sannsynlig' });
    expect(
      await t.db
        .selectFrom('avvik_privacy')
        .select(['decision', 'decided_at', 'remedial'])
        .where('avvik_id', '=', a.id)
        .executeTakeFirst(),
    ).toMatchObject({
      decision: 'meldes-ikke',
      decided_at: expect.any(Date),
      remedial: 'Slettet hos mottaker',
    });
    // After the decision the 48-hour reminder sends nothing.
    expect(await runPrivacyReminder(t.db, { ...payload, hour: 48 })).toEqual([]);
    // Not a privacy matter: 409.
    const plain = expectStatus(await send(org.clients.self, ruh()), 201).body;
    expect((await org.clients.hr.put(`${B}/${plain.id}/personvern`, { awareAt: minutesAgo(1) })).status).toBe(
      409,
    );
  });
  it('retention: avvik anonymised 5 years after closure, § 5-1 entries 10 years after the event, a legal hold stops it', async () => {
    const make = async (category: string) => {
      const a = expectStatus(
        await send(org.clients.self, ruh({ category, description: 'Per skled på isen' })),
        201,
      ).body;
      const photo = randomUUID();
      expectStatus(await upload(org.clients.self, a.id, photo, JPEG), 201);
      expectStatus(
        await org.clients.hr.post(`${B}/${a.id}/lukk`, {
          version: 1,
          verificationNote: 'Strødd, Per sjekket',
        }),
        200,
      );
      return a.id;
    };
    const plain = await make('ruh');
    const held = await make('ruh');
    const injury = await make('personskade');
    // Closed 6 years before TODAY; the injury happened 11 years ago.
    await t.db
      .updateTable('avvik')
      .set({ closed_at: new Date('2021-03-01T10:00:00Z') })
      .where('id', 'in', [plain, held, injury])
      .execute();
    await t.db
      .updateTable('avvik_injury')
      .set({ occurred_at: new Date('2016-03-01T10:00:00Z') })
      .where('avvik_id', '=', injury)
      .execute();
    // A legal hold: set by HR (a leader may not), read back.
    expect((await org.clients.lederA.put(`${B}/${held}/rettslig-hold`, { legalHold: true })).status).toBe(
      404,
    );
    expect((await org.clients.hr.put(`${B}/${held}/rettslig-hold`, { legalHold: 'ja' })).status).toBe(400);
    expect(
      expectStatus(await org.clients.hr.put<Avvik>(`${B}/${held}/rettslig-hold`, { legalHold: true }), 200)
        .body.legalHold,
    ).toBe(true);
    expect((await row(held))?.legal_hold).toBe(true);

    const result = await runAvvikRetention(t.db, TODAY, org.orgId);
    expect(result).toEqual({ avvik: 2, register: 1 });
    for (const id of [plain, injury]) {
      expect(await row(id)).toMatchObject({
        reporter_user_id: null,
        anonymous: true,
        description: 'Anonymisert',
        verification_note: 'Anonymisert',
        category: expect.any(String),
      });
      expect(await t.db.selectFrom('avvik_photo').select('id').where('avvik_id', '=', id).execute()).toEqual(
        [],
      );
    }
    expect(
      await t.db
        .selectFrom('avvik_injury')
        .select(['course_of_events', 'anonymised_at'])
        .where('avvik_id', '=', injury)
        .executeTakeFirst(),
    ).toMatchObject({
      course_of_events: 'Anonymisert',
      anonymised_at: expect.any(Date),
    });
    // Held: untouched.
    expect(await row(held)).toMatchObject({
      reporter_user_id: org.userIds.self,
      description: 'Per skled på isen',
      anonymised_at: null,
    });
    expect(
      await t.db.selectFrom('avvik_photo').select('id').where('avvik_id', '=', held).execute(),
    ).toHaveLength(1);
    // Logged with the rule, without content; a second run does nothing.
    const logged = await t.db
      .selectFrom('audit_log')
      .select(['entity_id', 'detail'])
      .where('actor_roles', '=', 'system')
      .where('entity_type', 'in', ['avvik', 'avvik_injury'])
      .execute();
    expect(logged).toHaveLength(3);
    expect(JSON.stringify(logged)).not.toContain('Per');
    expect(await runAvvikRetention(t.db, TODAY, org.orgId)).toEqual({ avvik: 0, register: 0 });
  });
  it('trends: counts per month and category by scope, injuries under 5 masked (k < 5)', async () => {
    const month = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
    }).format(new Date());
    const get = async (actor: (typeof ACTORS)[number]) =>
      org.clients[actor].get<Trends>(`${B}/trender?months=12`);
    const thisMonth = (tr: Trends) => tr.months.find((m) => m.month === month);
    const injuries = async () =>
      Number(
        (
          await t.db
            .selectFrom('avvik')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('organisation_id', '=', org.orgId)
            .where('category', '=', 'personskade')
            .executeTakeFirstOrThrow()
        ).n,
      );
    while ((await injuries()) < 2)
      expectStatus(await send(org.clients.self, ruh({ category: 'personskade' })), 201);
    const before = expectStatus(await get('hr'), 200).body;
    expect(before.months).toHaveLength(12);
    expect(thisMonth(before)?.counts.personskade).toBeNull();
    expect(thisMonth(before)?.total).toBeNull();
    expect(before.masked).toBe(true);
    expect(thisMonth(before)?.counts.ruh).toBeGreaterThanOrEqual(5);
    while ((await injuries()) < 5)
      expectStatus(await send(org.clients.self, ruh({ category: 'personskade' })), 201);
    const after = expectStatus(await get('amu'), 200).body;
    expect(thisMonth(after)?.counts.personskade).toBe(5);
    expect(thisMonth(after)?.total).toBe(
      (await t.db.selectFrom('avvik').select('id').where('organisation_id', '=', org.orgId).execute()).length,
    );
    // The leader of unit B sees nothing of unit A; the VO only HMS categories; employees nothing.
    expect(thisMonth((await get('lederB')).body)?.counts.ruh).toBe(0);
    expect((await get('lederA')).body.categories).toContain('kvalitet');
    expect((await get('verneombud')).body.categories).not.toContain('kvalitet');
    for (const actor of ['self', 'tillitsvalgt', 'bht'] as const) expect((await get(actor)).status).toBe(404);
    expect((await org.clients.hr.get(`${B}/trender?months=999`)).status).toBe(400);
    expect(thisMonth((await get('otherOrg')).body)?.counts.ruh).toBe(0);
  });
});
