/**
 * Vernerunder on both databases (aml § 6-2, § 3-1 (2) c): a leader plans a round for their unit
 * with the verneombud; the checklist comes from the chosen hazard areas; the VO answers it, records
 * a finding with a photo (PNG/JPEG sniffed; HEIC → 400; over 1 MiB → 413; a resend is a no-op);
 * the leader makes the finding a risk with a tiltak in one step (stored; once only; bad input writes
 * nothing); the round is reminded once to the leader and the VO and is in their "Mine oppgaver";
 * only the named leader and VO sign it, and a signed round is closed for changes. Access per role
 * and tenant: 404 for everyone else. Every check reads what is stored.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MyDeadlineItem } from '../../src/contracts/notifications/notifications.schemas.ts';
import type { Assessment } from '../../src/contracts/risiko/risiko.schemas.ts';
import type { Finding, Round, RoundList } from '../../src/contracts/risiko/vernerunde.schemas.ts';
import { HAZARD_CHECKLIST } from '../../src/domain/risiko/index.ts';
import { runSweep } from '../../src/modules/notifications/index.ts';
import { vernerundeDeadlines } from '../../src/modules/risiko/reminders.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { ACTORS, buildSickOrg, type ErrorReply, type SickOrg } from '../support/sykefravaer-org.ts';

const TODAY = '2027-03-10';
const PLANNED = '2027-03-24';
const R = '/api/v1/risiko/vernerunder';

type ConflictReply = ErrorReply & { error: { reason?: string } };

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(600)]);
const HEIC = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypheic', 'latin1'),
  randomBytes(100),
]);

function multipart(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const boundary = `----vernerunde${randomBytes(8).toString('hex')}`;
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

describeEachDatabase('vernerunde on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let round: Round;
  let finding: Finding;
  let assessmentId = '';
  const photoId = crypto.randomUUID();

  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const upload = (client: TestClient, findingId: string, id: string, data: Buffer, type = 'image/png') => {
    const { body, contentType } = multipart({ photoId: id }, { name: 'funn.png', type, data });
    return client.request<{ id: string; size: number } & ErrorReply>(
      'POST',
      `${R}/${round.id}/funn/${findingId}/bilder`,
      body,
      { 'content-type': contentType },
    );
  };
  const count = async (
    table: 'vernerunde' | 'vernerunde_finding' | 'vernerunde_photo' | 'risk_item' | 'risk_tiltak',
  ) =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const stored = () =>
    t.db.selectFrom('vernerunde').selectAll().where('id', '=', round.id).executeTakeFirstOrThrow();

  const plan = () => ({
    unitId: org.unitA,
    title: 'Vernerunde i verkstedet',
    plannedOn: PLANNED,
    leaderUserId: org.userIds.lederA,
    voUserId: org.userIds.verneombud,
    areas: ['ergonomisk', 'fysisk'],
  });

  it('bad input is a 400 naming each field, and writes nothing', async () => {
    const bad = expectStatus(
      await org.clients.lederA.post<ErrorReply>(R, {
        ...plan(),
        title: ' ',
        areas: [],
        plannedOn: '2027-02-30',
      }),
      400,
    );
    const paths = (bad.body.error.fields ?? []).map((f) => f.path).sort();
    expect(paths).toEqual(['areas', 'plannedOn', 'title']);
    // The VO must hold the verneombud role; a leader plans only for the units they lead.
    const notVo = expectStatus(
      await org.clients.lederA.post<ErrorReply>(R, { ...plan(), voUserId: org.userIds.otherAnsatt }),
      400,
    );
    expect(notVo.body.error.fields?.map((f) => f.path)).toEqual(['voUserId']);
    const otherUnit = expectStatus(await org.clients.lederB.post<ErrorReply>(R, plan()), 400);
    expect(otherUnit.body.error.fields?.map((f) => f.path)).toEqual(['unitId']);
    expectStatus(await org.clients.verneombud.post(R, plan()), 404);
    expectStatus(await org.clients.otherOrg.post(R, plan()), 400);
    expect(await count('vernerunde')).toBe(0);
  });

  it('lists the leaders and verneombud a round can name (planners only)', async () => {
    const people = expectStatus(
      await org.clients.lederA.get<{ leaders: { id: string }[]; verneombud: { id: string }[] }>(
        `${R}/personer`,
      ),
      200,
    ).body;
    expect(people.verneombud.map((p) => p.id)).toEqual([org.userIds.verneombud]);
    expect(people.leaders.map((p) => p.id)).toContain(org.userIds.lederA);
    expect(people.leaders.map((p) => p.id)).not.toContain(org.userIds.self);
    expectStatus(await org.clients.verneombud.get(`${R}/personer`), 404);
    expectStatus(await org.clients.self.get(`${R}/personer`), 404);
  });

  it('the leader plans a round for their unit with the VO; the checklist holds the chosen areas', async () => {
    round = expectStatus(await org.clients.lederA.post<Round>(R, plan()), 201).body;
    const row = await stored();
    expect(row).toMatchObject({
      organisation_id: org.orgId,
      unit_id: org.unitA,
      planned_on: PLANNED,
      leader_user_id: org.userIds.lederA,
      leader_name: 'Lise Leder',
      vo_user_id: org.userIds.verneombud,
      vo_name: 'Vera Verneombud',
      leader_signed_on: null,
      vo_signed_on: null,
    });
    const expected = HAZARD_CHECKLIST.filter((h) => h.area === 'ergonomisk' || h.area === 'fysisk');
    const checklist = typeof row.checklist === 'string' ? JSON.parse(row.checklist) : row.checklist;
    expect((checklist as { key: string }[]).map((p) => p.key)).toEqual(expected.map((h) => h.key));
    expect(round.status).toBe('planlagt');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('entity_id', '=', round.id)
      .execute();
    expect(audit).toEqual([{ action: 'create', entity_type: 'vernerunde' }]);
  });

  it('is seen by HR, the unit’s leader and the area’s VO; everyone else and other tenants get 404', async () => {
    const visible: Record<string, boolean> = {};
    for (const actor of ACTORS) {
      const reply = await org.clients[actor].get(`${R}/${round.id}`);
      expect([200, 404], actor).toContain(reply.status);
      visible[actor] = reply.status === 200;
    }
    expect(visible).toEqual({
      admin: true,
      hr: true,
      lederA: true,
      lederB: false,
      self: false,
      otherAnsatt: false,
      verneombud: true,
      tillitsvalgt: false,
      amu: false,
      bht: false,
      otherOrg: false,
    });
    const list = expectStatus(await org.clients.verneombud.get<RoundList>(R), 200).body;
    expect(list.items.map((r) => r.id)).toEqual([round.id]);
    expect(expectStatus(await org.clients.lederB.get<RoundList>(R), 200).body.items).toEqual([]);
  });

  it('the VO answers the checklist; a stale version is a 409 and an unknown point a 400', async () => {
    const saved = expectStatus(
      await org.clients.verneombud.put<Round>(`${R}/${round.id}/sjekkliste`, {
        version: round.version,
        points: [
          { key: 'tunge-loft', status: 'mangel' },
          { key: 'stoy', status: 'ok' },
        ],
      }),
      200,
    ).body;
    const row = await stored();
    const checklist = (typeof row.checklist === 'string' ? JSON.parse(row.checklist) : row.checklist) as {
      key: string;
      status: string | null;
    }[];
    expect(checklist.find((p) => p.key === 'tunge-loft')?.status).toBe('mangel');
    expect(checklist.find((p) => p.key === 'stoy')?.status).toBe('ok');
    expect(row.version).toBe(saved.version);
    const stale = expectStatus(
      await org.clients.lederA.put<ConflictReply>(`${R}/${round.id}/sjekkliste`, {
        version: round.version,
        points: [{ key: 'stoy', status: 'mangel' }],
      }),
      409,
    );
    expect(stale.body.error.reason).toBe('STALE_VERSION');
    const unknown = expectStatus(
      await org.clients.lederA.put<ErrorReply>(`${R}/${round.id}/sjekkliste`, {
        version: saved.version,
        points: [{ key: 'finnes-ikke', status: 'ok' }],
      }),
      400,
    );
    expect(unknown.body.error.fields?.[0]?.path).toBe('points.0.key');
    expect((await stored()).version).toBe(saved.version);
    round = saved;
  });

  it('the VO records a finding with a photo; bad severity, HEIC and a too large photo are refused', async () => {
    const bad = expectStatus(
      await org.clients.verneombud.post<ErrorReply>(`${R}/${round.id}/funn`, {
        area: 'ergonomisk',
        text: '',
        severity: 6,
      }),
      400,
    );
    expect((bad.body.error.fields ?? []).map((f) => f.path).sort()).toEqual(['severity', 'text']);
    expect(await count('vernerunde_finding')).toBe(0);
    finding = expectStatus(
      await org.clients.verneombud.post<Finding>(`${R}/${round.id}/funn`, {
        area: 'ergonomisk',
        hazardKey: 'tunge-loft',
        text: 'Dekk løftes fra gulvet uten hjelpemiddel',
        severity: 3,
      }),
      201,
    ).body;
    expect(
      await t.db
        .selectFrom('vernerunde_finding')
        .selectAll()
        .where('id', '=', finding.id)
        .executeTakeFirstOrThrow(),
    ).toMatchObject({
      organisation_id: org.orgId,
      round_id: round.id,
      area: 'ergonomisk',
      hazard_key: 'tunge-loft',
      severity: 3,
      risk_id: null,
      created_by: org.userIds.verneombud,
    });

    const sent = expectStatus(await upload(org.clients.verneombud, finding.id, photoId, PNG), 201);
    expect(sent.body).toEqual({ id: photoId, size: PNG.length });
    // A resend of the same photo is a no-op.
    expectStatus(await upload(org.clients.verneombud, finding.id, photoId, PNG), 201);
    const photos = await t.db.selectFrom('vernerunde_photo').selectAll().execute();
    expect(photos).toHaveLength(1);
    expect(photos[0]).toMatchObject({
      id: photoId,
      finding_id: finding.id,
      mime: 'image/png',
      size: PNG.length,
    });
    expect(Buffer.from(photos[0]?.data ?? []).equals(PNG)).toBe(true);

    const heic = expectStatus(
      await upload(org.clients.verneombud, finding.id, crypto.randomUUID(), HEIC, 'image/heic'),
      400,
    );
    expect(heic.body.error.fields?.[0]?.path).toBe('photo');
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
    const large = expectStatus(
      await upload(org.clients.verneombud, finding.id, crypto.randomUUID(), big),
      413,
    );
    expect(large.body.error.message).toContain('photo');
    expectStatus(await upload(org.clients.lederB, finding.id, crypto.randomUUID(), PNG), 404);
    expect(await count('vernerunde_photo')).toBe(1);

    const image = await org.clients.lederA.get(`${R}/${round.id}/funn/${finding.id}/bilder/${photoId}`);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.raw.rawPayload.equals(PNG)).toBe(true);
    expectStatus(
      await org.clients.otherOrg.get(`${R}/${round.id}/funn/${finding.id}/bilder/${photoId}`),
      404,
    );
  });

  it('the leader makes the finding a risk with a tiltak in one step; once only; bad input writes nothing', async () => {
    expectStatus(
      await org.clients.hr.put('/api/v1/risiko/kriterier', { text: 'Høy er ikke akseptabel.', version: 0 }),
      200,
    );
    const assessment = expectStatus(
      await org.clients.lederA.post<Assessment>('/api/v1/risiko/vurderinger', {
        title: 'Verkstedet',
        unitId: org.unitA,
        responsibleUserId: org.userIds.lederA,
      }),
      201,
    ).body;
    assessmentId = assessment.id;
    const url = `${R}/${round.id}/funn/${finding.id}/risiko`;
    const body = {
      assessmentId,
      title: 'Tunge løft av dekk',
      initial: { p: 4, c: 3 },
      tiltak: { text: 'Kjøpe løftebord', ownerUserId: org.userIds.lederA, due: '2027-04-15' },
    };
    const [items, tiltak] = [await count('risk_item'), await count('risk_tiltak')];
    const noDue = expectStatus(
      await org.clients.lederA.post<ErrorReply>(url, { ...body, tiltak: { ...body.tiltak, due: '' } }),
      400,
    );
    expect(noDue.body.error.fields?.[0]?.path).toBe('tiltak.due');
    const badOwner = expectStatus(
      await org.clients.lederA.post<ErrorReply>(url, {
        ...body,
        tiltak: { ...body.tiltak, ownerUserId: org.userIds.otherOrg },
      }),
      400,
    );
    expect(badOwner.body.error.fields?.[0]?.path).toBe('ownerUserId');
    // The VO may not write the assessment; another leader does not see the round.
    expectStatus(await org.clients.verneombud.post(url, body), 404);
    expectStatus(await org.clients.lederB.post(url, body), 404);
    expect([await count('risk_item'), await count('risk_tiltak')]).toEqual([items, tiltak]);
    expect(
      (await t.db.selectFrom('vernerunde_finding').select('risk_id').executeTakeFirstOrThrow()).risk_id,
    ).toBeNull();

    const done = expectStatus(await org.clients.lederA.post<Round>(url, body), 201).body;
    const link = await t.db
      .selectFrom('vernerunde_finding')
      .select('risk_id')
      .where('id', '=', finding.id)
      .executeTakeFirstOrThrow();
    expect(link.risk_id).not.toBeNull();
    const risk = await t.db
      .selectFrom('risk_item')
      .selectAll()
      .where('id', '=', link.risk_id ?? '')
      .executeTakeFirstOrThrow();
    expect(risk).toMatchObject({
      organisation_id: org.orgId,
      assessment_id: assessmentId,
      area: 'ergonomisk',
      hazard_key: 'tunge-loft',
      title: 'Tunge løft av dekk',
      description: 'Dekk løftes fra gulvet uten hjelpemiddel',
      initial_p: 4,
      initial_c: 3,
    });
    const measures = await t.db
      .selectFrom('risk_tiltak')
      .selectAll()
      .where('risk_id', '=', risk.id)
      .execute();
    expect(measures).toMatchObject([
      { text: 'Kjøpe løftebord', owner_user_id: org.userIds.lederA, due: '2027-04-15', status: 'planlagt' },
    ]);
    expect(done.findings[0]).toMatchObject({ riskId: risk.id, assessmentId });
    const again = expectStatus(await org.clients.lederA.post<ConflictReply>(url, body), 409);
    expect(again.body.error.reason).toBe('WRONG_STATE');
    expect(await count('risk_item')).toBe(items + 1);
  });

  it('the planned round is reminded once to its leader and VO and is in their "Mine oppgaver"', async () => {
    const sent = () =>
      t.db
        .selectFrom('notification')
        .select(['user_id', 'key'])
        .where('key', 'like', `reminder:risiko:${org.orgId}:${round.id}:%`)
        .orderBy('key')
        .execute();
    await runSweep({ db: t.db, deadlineSource: vernerundeDeadlines, today: TODAY });
    const first = await sent();
    expect(first.map((n) => n.user_id).sort()).toEqual([org.userIds.lederA, org.userIds.verneombud].sort());
    await runSweep({ db: t.db, deadlineSource: vernerundeDeadlines, today: TODAY });
    expect(await sent()).toHaveLength(2);
    const mine = expectStatus(
      await org.clients.verneombud.get<{ items: MyDeadlineItem[] }>('/api/v1/me/deadlines'),
      200,
    ).body.items.filter((d) => d.link === `/risiko/vernerunder/${round.id}`);
    expect(mine).toMatchObject([{ title: 'Vernerunde', detail: 'Vernerunde i verkstedet', due: PLANNED }]);
  });

  it('only the named leader and VO sign; when both have, the round is closed for changes', async () => {
    const current = expectStatus(await org.clients.lederA.get<Round>(`${R}/${round.id}`), 200).body;
    expect(current.canSignAs).toEqual(['leder']);
    expectStatus(await org.clients.hr.post(`${R}/${round.id}/signer`, { version: current.version }), 404);
    const stale = expectStatus(
      await org.clients.lederA.post<ConflictReply>(`${R}/${round.id}/signer`, {
        version: current.version + 3,
      }),
      409,
    );
    expect(stale.body.error.reason).toBe('STALE_VERSION');
    const byLeader = expectStatus(
      await org.clients.lederA.post<Round>(`${R}/${round.id}/signer`, { version: current.version }),
      200,
    ).body;
    expect(byLeader.status).toBe('planlagt');
    expect(await stored()).toMatchObject({ leader_signed_on: TODAY, vo_signed_on: null });
    const twice = expectStatus(
      await org.clients.lederA.post<ConflictReply>(`${R}/${round.id}/signer`, { version: byLeader.version }),
      409,
    );
    expect(twice.body.error.reason).toBe('WRONG_STATE');
    const byVo = expectStatus(
      await org.clients.verneombud.post<Round>(`${R}/${round.id}/signer`, { version: byLeader.version }),
      200,
    ).body;
    expect(byVo.status).toBe('signert');
    expect(await stored()).toMatchObject({ leader_signed_on: TODAY, vo_signed_on: TODAY });
    const closed = expectStatus(
      await org.clients.verneombud.post<ConflictReply>(`${R}/${round.id}/funn`, {
        area: 'fysisk',
        text: 'For sent',
        severity: 1,
      }),
      409,
    );
    expect(closed.body.error.reason).toBe('WRONG_STATE');
    expect(await count('vernerunde_finding')).toBe(1);
    // A signed round is no longer a deadline.
    const deadlines = await vernerundeDeadlines(t.db, { from: TODAY, to: TODAY, today: TODAY });
    expect(deadlines.filter((d) => d.subjectId === round.id)).toEqual([]);
  });
});
