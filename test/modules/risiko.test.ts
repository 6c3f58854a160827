/**
 * Kartlegging and risikovurdering on both databases: the acceptance criteria come first; an
 * assessment with participants, a risk scored Høy, two tiltak with owner and due date, the residual
 * risk Middels and the risk closed — all read back from the database; bad input (scores outside
 * 1–5, a tiltak without owner or date, closing a Høy risk without acceptance) is a 4xx naming the
 * field and writes nothing; a stale version is a 409; the review keeps the old version; the heat
 * map counts before and after; the VO comments and disagrees; an employee suggests a hazard; AMU
 * sees the matrix and the Høy risks only; access per role and tenant; tiltak reminders go out
 * exactly once, to the owner and the area's VO, and appear in the owner's "Mine oppgaver".
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MyDeadlineItem } from '../../src/contracts/notifications/notifications.schemas.ts';
import type {
  Assessment,
  AssessmentList,
  Criteria,
  Matrix,
  PlanItem,
  Revision,
  RiskRef,
  Tiltak,
} from '../../src/contracts/risiko/risiko.schemas.ts';
import { runSweep } from '../../src/modules/notifications/index.ts';
import { markBarrierWeakened, risikoModule, riskEvidence } from '../../src/modules/risiko/index.ts';
import { risikoDeadlines } from '../../src/modules/risiko/reminders.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, type ErrorReply, type SickOrg } from '../support/sykefravaer-org.ts';

const TODAY = '2027-03-10';
const B = '/api/v1/risiko';
const V = `${B}/vurderinger`;

type ConflictReply = ErrorReply & { error: { reason?: string } };

describeEachDatabase('risiko on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let assessment: Assessment;
  let riskId = '';
  let tiltakIds: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const rows = {
    assessments: () => t.db.selectFrom('risk_assessment').selectAll().execute(),
    items: () => t.db.selectFrom('risk_item').selectAll().execute(),
    tiltak: () => t.db.selectFrom('risk_tiltak').selectAll().orderBy('due').execute(),
  };
  const item = (id: string) =>
    t.db
      .selectFrom('risk_item')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const newAssessment = () => ({
    title: 'Verkstedet',
    unitId: org.unitA,
    workTask: 'Reparasjon og lager',
    responsibleUserId: org.userIds.lederA,
    participants: [
      { role: 'leder', name: 'Lise Leder' },
      { role: 'verneombud', name: 'Vera Verneombud' },
      { role: 'ansatt', name: 'Per Pleier' },
    ],
  });

  it('refuses an assessment before the acceptance criteria are recorded (409, nothing written)', async () => {
    const reply = expectStatus(await org.clients.lederA.post<ConflictReply>(V, newAssessment()), 409);
    expect(reply.body.error.reason).toBe('WRONG_STATE');
    expect(reply.body.error.message).toContain('akseptkriteriene');
    expect(await rows.assessments()).toHaveLength(0);
  });

  it('HR records the acceptance criteria once; a second «first» save is stale; a leader may not', async () => {
    expectStatus(await org.clients.lederA.put(`${B}/kriterier`, { text: 'Lav er greit', version: 0 }), 404);
    const saved = expectStatus(
      await org.clients.hr.put<Criteria>(`${B}/kriterier`, {
        text: 'Høy risiko er ikke akseptabel.',
        version: 0,
      }),
      200,
    ).body;
    expect(saved.criteria).toMatchObject({
      text: 'Høy risiko er ikke akseptabel.',
      recordedOn: TODAY,
      version: 1,
    });
    const stored = await t.db
      .selectFrom('risk_criteria')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .execute();
    expect(stored).toMatchObject([
      { text: 'Høy risiko er ikke akseptabel.', recorded_on: TODAY, recorded_by: org.userIds.hr },
    ]);
    const again = expectStatus(
      await org.clients.admin.put<ConflictReply>(`${B}/kriterier`, { text: 'Noe annet', version: 0 }),
      409,
    );
    expect(again.body.error.reason).toBe('STALE_VERSION');
    expectStatus(await org.clients.hr.put(`${B}/kriterier`, { text: '', version: 1 }), 400);
    expect((await t.db.selectFrom('risk_criteria').select('text').executeTakeFirstOrThrow()).text).toBe(
      'Høy risiko er ikke akseptabel.',
    );
    // Everyone who reads risk sees them; BHT and another organisation do not.
    expectStatus(await org.clients.amu.get(`${B}/kriterier`), 200);
    expectStatus(await org.clients.bht.get(`${B}/kriterier`), 404);
    const other = expectStatus(await org.clients.otherOrg.get<Criteria>(`${B}/kriterier`), 200).body;
    expect(other.criteria).toBeNull();
  });

  it('the leader of unit A creates the workshop’s assessment with its participants; not one for unit B', async () => {
    assessment = expectStatus(await org.clients.lederA.post<Assessment>(V, newAssessment()), 201).body;
    expect(assessment).toMatchObject({
      title: 'Verkstedet',
      unitName: 'Hjemmetjenesten',
      assessedOn: TODAY,
      nextReview: '2028-03-10',
      revision: 1,
      responsibleName: 'Lise Leder',
      canEdit: true,
    });
    const [row] = await rows.assessments();
    expect(row).toMatchObject({
      organisation_id: org.orgId,
      unit_id: org.unitA,
      work_task: 'Reparasjon og lager',
      responsible_user_id: org.userIds.lederA,
      assessed_on: TODAY,
      next_review: '2028-03-10',
      created_by: org.userIds.lederA,
      version: 1,
    });
    const participants =
      typeof row?.participants === 'string' ? JSON.parse(row.participants) : row?.participants;
    expect(participants).toEqual(newAssessment().participants);
    const wrongUnit = expectStatus(
      await org.clients.lederA.post<ErrorReply>(V, { ...newAssessment(), unitId: org.unitB }),
      400,
    );
    expect(wrongUnit.body.error.fields?.map((f) => f.path)).toEqual(['unitId']);
    const noTitle = expectStatus(
      await org.clients.lederA.post<ErrorReply>(V, { ...newAssessment(), title: ' ' }),
      400,
    );
    expect(noTitle.body.error.fields?.map((f) => f.path)).toEqual(['title']);
    expect(await rows.assessments()).toHaveLength(1);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_type', '=', 'risk_assessment')
      .where('entity_id', '=', assessment.id)
      .execute();
    expect(audit).toEqual([{ action: 'create', actor_user_id: org.userIds.lederA }]);
  });

  it('a risk with scores outside 1–5 is a 400 naming the score; nothing is written', async () => {
    const base = { area: 'ergonomisk', hazardKey: 'tunge-loft', title: 'Tunge løft av dekk og deler' };
    for (const [initial, path] of [
      [{ p: 6, c: 4 }, 'initial.p'],
      [{ p: 4, c: 0 }, 'initial.c'],
      [{ p: 2.5, c: 4 }, 'initial.p'],
    ] as const) {
      const reply = expectStatus(
        await org.clients.lederA.post<ErrorReply>(`${V}/${assessment.id}/risikoer`, { ...base, initial }),
        400,
      );
      expect(reply.body.error.fields?.map((f) => f.path)).toEqual([path]);
      expect(reply.body.error.fields?.[0]?.message).toMatch(/fra 1 til 5/);
    }
    const residual = expectStatus(
      await org.clients.lederA.post<ErrorReply>(`${V}/${assessment.id}/risikoer`, {
        ...base,
        initial: { p: 4, c: 4 },
        residual: { p: 4, c: 9 },
      }),
      400,
    );
    expect(residual.body.error.fields?.map((f) => f.path)).toEqual(['residual.c']);
    expect(await rows.items()).toHaveLength(0);
  });

  it('the tunge løft risk is stored as Høy (4 × 4) with its existing barriers', async () => {
    const reply = expectStatus(
      await org.clients.lederA.post<Assessment>(`${V}/${assessment.id}/risikoer`, {
        area: 'ergonomisk',
        hazardKey: 'tunge-loft',
        title: 'Tunge løft av dekk og deler',
        existingBarriers: 'Løftebord ved én arbeidsbenk',
        initial: { p: 4, c: 4 },
      }),
      201,
    ).body;
    const risk = reply.risksList[0];
    expect(risk).toMatchObject({ initialBand: 'hoy', residual: null, status: 'apen', version: 1 });
    riskId = risk?.id ?? '';
    expect(await item(riskId)).toMatchObject({
      assessment_id: assessment.id,
      area: 'ergonomisk',
      hazard_key: 'tunge-loft',
      initial_p: 4,
      initial_c: 4,
      residual_p: null,
      existing_barriers: 'Løftebord ved én arbeidsbenk',
      status: 'apen',
    });
    expect(reply.high).toBe(1);
  });

  it('the leader changes the assessment (read back); a stale version is a 409; VO and unit B may not', async () => {
    const body = { ...newAssessment(), workTask: 'Dekkskift, reparasjon og lager', version: 1 };
    const changed = expectStatus(
      await org.clients.lederA.put<Assessment>(`${V}/${assessment.id}`, body),
      200,
    ).body;
    expect(changed).toMatchObject({ workTask: 'Dekkskift, reparasjon og lager', version: 2 });
    const row = await t.db
      .selectFrom('risk_assessment')
      .selectAll()
      .where('id', '=', assessment.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ work_task: 'Dekkskift, reparasjon og lager', version: 2 });
    const stale = expectStatus(
      await org.clients.hr.put<ConflictReply>(`${V}/${assessment.id}`, { ...body, title: 'Annet' }),
      409,
    );
    expect(stale.body.error.reason).toBe('STALE_VERSION');
    const bad = expectStatus(
      await org.clients.lederA.put<ErrorReply>(`${V}/${assessment.id}`, {
        ...body,
        version: 2,
        responsibleUserId: 'x',
      }),
      400,
    );
    expect(bad.body.error.fields?.map((f) => f.path)).toEqual(['responsibleUserId']);
    expectStatus(await org.clients.verneombud.put(`${V}/${assessment.id}`, { ...body, version: 2 }), 404);
    expectStatus(await org.clients.lederB.put(`${V}/${assessment.id}`, { ...body, version: 2 }), 404);
    expect(
      await t.db.selectFrom('risk_assessment').select(['title', 'version']).executeTakeFirstOrThrow(),
    ).toEqual({
      title: 'Verkstedet',
      version: 2,
    });
    // The people a tiltak can be given to: names only, for editors.
    const owners = expectStatus(
      await org.clients.lederA.get<{ items: { id: string; name: string }[] }>(`${B}/eiere`),
      200,
    ).body;
    expect(owners.items.map((o) => o.name)).toContain('Vera Verneombud');
    expect(Object.keys(owners.items[0] ?? {}).sort()).toEqual(['id', 'name']);
    expectStatus(await org.clients.self.get(`${B}/eiere`), 404);
  });

  it('a tiltak without owner or due date is a 400 naming the field; two good tiltak are stored', async () => {
    const url = `${B}/risikoer/${riskId}/tiltak`;
    const noOwner = expectStatus(
      await org.clients.lederA.post<ErrorReply>(url, { text: 'Kjøpe løftehjelpemiddel', due: '2027-04-01' }),
      400,
    );
    expect(noOwner.body.error.fields?.map((f) => f.path)).toEqual(['ownerUserId']);
    const noDue = expectStatus(
      await org.clients.lederA.post<ErrorReply>(url, {
        text: 'Kjøpe løftehjelpemiddel',
        ownerUserId: org.userIds.lederA,
      }),
      400,
    );
    expect(noDue.body.error.fields?.map((f) => f.path)).toEqual(['due']);
    const stranger = expectStatus(
      await org.clients.lederA.post<ErrorReply>(url, {
        text: 'Kjøpe løftehjelpemiddel',
        ownerUserId: org.userIds.otherOrg,
        due: '2027-04-01',
      }),
      400,
    );
    expect(stranger.body.error.fields?.map((f) => f.path)).toEqual(['ownerUserId']);
    expect(await rows.tiltak()).toHaveLength(0);

    expectStatus(
      await org.clients.lederA.post(url, {
        text: 'Kjøpe løftehjelpemiddel',
        ownerUserId: org.userIds.lederA,
        due: '2027-03-24',
      }),
      201,
    );
    const after = expectStatus(
      await org.clients.lederA.post<Assessment>(url, {
        text: 'Opplæring i løfteteknikk',
        ownerUserId: org.userIds.verneombud,
        due: '2027-04-15',
      }),
      201,
    ).body;
    expect(after.risksList[0]?.tiltak.map((x) => x.text)).toEqual([
      'Kjøpe løftehjelpemiddel',
      'Opplæring i løfteteknikk',
    ]);
    const stored = await rows.tiltak();
    expect(stored).toMatchObject([
      {
        risk_id: riskId,
        owner_user_id: org.userIds.lederA,
        due: '2027-03-24',
        status: 'planlagt',
        done_note: null,
      },
      { risk_id: riskId, owner_user_id: org.userIds.verneombud, due: '2027-04-15', status: 'planlagt' },
    ]);
    tiltakIds = stored.map((s) => s.id);
    // An open tiltak is changed: in progress, a later date (read back).
    const changed = expectStatus(
      await org.clients.lederA.put<Assessment>(`${B}/tiltak/${tiltakIds[0]}`, {
        text: 'Kjøpe løftehjelpemiddel',
        ownerUserId: org.userIds.lederA,
        due: '2027-03-24',
        status: 'pagar',
        version: 1,
      }),
      200,
    ).body;
    expect(changed.risksList[0]?.tiltak[0]).toMatchObject({ status: 'pagar', version: 2 });
    expect(
      await t.db
        .selectFrom('risk_tiltak')
        .select(['status', 'version'])
        .where('id', '=', tiltakIds[0] ?? '')
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'pagar', version: 2 });
    expectStatus(
      await org.clients.lederA.put(`${B}/tiltak/${tiltakIds[0]}`, {
        text: 'x',
        ownerUserId: org.userIds.lederA,
        due: '2027-03-24',
        status: 'utfort',
        version: 2,
      }),
      400,
    );
  });

  it('closing the Høy risk without acceptance is a 400 that says why; nothing changes', async () => {
    const before = await item(riskId);
    const reply = expectStatus(
      await org.clients.lederA.post<ErrorReply>(`${B}/risikoer/${riskId}/lukk`, { version: before.version }),
      400,
    );
    expect(reply.body.error.message).toContain('Restrisikoen er Høy');
    expect(reply.body.error.fields?.map((f) => f.path)).toEqual(['acceptance']);
    const incomplete = expectStatus(
      await org.clients.lederA.post<ErrorReply>(`${B}/risikoer/${riskId}/lukk`, {
        version: before.version,
        acceptance: { name: 'Lise Leder', date: TODAY, reason: '' },
      }),
      400,
    );
    expect(incomplete.body.error.fields?.map((f) => f.path)).toEqual(['acceptance.reason']);
    expect(await item(riskId)).toEqual(before);
  });

  it('the residual score after tiltak is Middels (2 × 4); a stale version is a 409; then the risk closes', async () => {
    const body = {
      area: 'ergonomisk',
      hazardKey: 'tunge-loft',
      title: 'Tunge løft av dekk og deler',
      existingBarriers: 'Løftebord ved én arbeidsbenk',
      initial: { p: 4, c: 4 },
      residual: { p: 2, c: 4 },
      version: 1,
    };
    const updated = expectStatus(
      await org.clients.lederA.put<Assessment>(`${B}/risikoer/${riskId}`, body),
      200,
    ).body;
    expect(updated.risksList[0]).toMatchObject({
      residual: { p: 2, c: 4 },
      residualBand: 'middels',
      version: 2,
    });
    expect(await item(riskId)).toMatchObject({ residual_p: 2, residual_c: 4, version: 2 });
    const stale = expectStatus(
      await org.clients.hr.put<ConflictReply>(`${B}/risikoer/${riskId}`, {
        ...body,
        residual: { p: 1, c: 1 },
      }),
      409,
    );
    expect(stale.body.error.reason).toBe('STALE_VERSION');
    expect(await item(riskId)).toMatchObject({ residual_p: 2, residual_c: 4, version: 2 });
    // Middels after tiltak: the risk closes by the criteria, without an acceptance.
    const closed = expectStatus(
      await org.clients.lederA.post<Assessment>(`${B}/risikoer/${riskId}/lukk`, { version: 2 }),
      200,
    ).body;
    expect(closed.risksList.find((r) => r.id === riskId)).toMatchObject({
      status: 'lukket',
      acceptance: null,
    });
    expect(await item(riskId)).toMatchObject({
      status: 'lukket',
      acceptance_name: null,
      closed_by_name: 'Lise Leder',
      version: 3,
    });
    expectStatus(await org.clients.lederA.post(`${B}/risikoer/${riskId}/lukk`, { version: 3 }), 409);
  });

  it('a second risk stays Høy and is closed only with the leader’s written acceptance, which the VO sees', async () => {
    const made = expectStatus(
      await org.clients.lederA.post<Assessment>(`${V}/${assessment.id}/risikoer`, {
        area: 'mekanisk',
        hazardKey: 'maskiner',
        title: 'Klemfare i dekkmaskinen',
        initial: { p: 3, c: 5 },
        residual: { p: 3, c: 4 },
      }),
      201,
    ).body;
    const second = made.risksList.find((r) => r.title === 'Klemfare i dekkmaskinen');
    expect(second?.residualBand).toBe('hoy');
    const acceptance = {
      name: 'Lise Leder',
      date: TODAY,
      reason: 'Maskinen byttes ut i mai; vern er montert.',
    };
    const closed = expectStatus(
      await org.clients.lederA.post<Assessment>(`${B}/risikoer/${second?.id}/lukk`, {
        version: 1,
        acceptance,
      }),
      200,
    ).body;
    expect(closed.risksList.find((r) => r.id === second?.id)).toMatchObject({ status: 'lukket', acceptance });
    expect(await item(second?.id ?? '')).toMatchObject({
      status: 'lukket',
      acceptance_name: 'Lise Leder',
      acceptance_date: TODAY,
      acceptance_reason: acceptance.reason,
      closed_by_name: 'Lise Leder',
    });
    const vo = expectStatus(await org.clients.verneombud.get<Assessment>(`${V}/${assessment.id}`), 200).body;
    expect(vo.risksList.find((r) => r.id === second?.id)?.acceptance).toEqual(acceptance);
    expect(vo.canEdit).toBe(false);
    expect(vo.canComment).toBe(true);
  });

  it('the VO comments and records disagreement, but cannot edit; the employee suggests a hazard', async () => {
    const commented = expectStatus(
      await org.clients.verneombud.post<Assessment>(`${V}/${assessment.id}/kommentarer`, {
        kind: 'uenighet',
        text: 'Jeg er uenig i at klemfaren kan aksepteres før maskinen er byttet.',
        riskId: null,
      }),
      201,
    ).body;
    expect(commented.comments).toMatchObject([
      { kind: 'uenighet', author: 'Vera Verneombud', authorRole: 'verneombud' },
    ]);
    const stored = await t.db.selectFrom('risk_comment').selectAll().execute();
    expect(stored).toMatchObject([
      { kind: 'uenighet', author_user_id: org.userIds.verneombud, assessment_id: assessment.id },
    ]);
    expectStatus(
      await org.clients.verneombud.post(`${V}/${assessment.id}/kommentarer`, { kind: 'sint', text: 'x' }),
      400,
    );
    expectStatus(
      await org.clients.verneombud.put(`${B}/risikoer/${riskId}`, {
        area: 'ergonomisk',
        title: 'x',
        initial: { p: 1, c: 1 },
        version: 3,
      }),
      404,
    );
    expectStatus(
      await org.clients.verneombud.post(`${V}/${assessment.id}/risikoer`, {
        area: 'fysisk',
        title: 'x',
        initial: { p: 1, c: 1 },
      }),
      404,
    );

    // The sick employee works in unit A: reads the assessment and suggests a hazard.
    const self = expectStatus(await org.clients.self.get<Assessment>(`${V}/${assessment.id}`), 200).body;
    expect(self).toMatchObject({ canEdit: false, canComment: false, canSuggest: true });
    expectStatus(
      await org.clients.self.post(`${V}/${assessment.id}/forslag`, {
        area: 'fysisk',
        text: 'Trekk fra porten om vinteren',
      }),
      201,
    );
    expectStatus(
      await org.clients.self.post(`${V}/${assessment.id}/forslag`, { area: 'fysisk', text: '' }),
      400,
    );
    expectStatus(
      await org.clients.self.post(`${V}/${assessment.id}/kommentarer`, { kind: 'kommentar', text: 'x' }),
      404,
    );
    const suggestions = await t.db.selectFrom('risk_suggestion').selectAll().execute();
    expect(suggestions).toMatchObject([
      { area: 'fysisk', suggested_by: org.userIds.self, text: 'Trekk fra porten om vinteren' },
    ]);
    const leader = expectStatus(await org.clients.lederA.get<Assessment>(`${V}/${assessment.id}`), 200).body;
    expect(leader.suggestions.map((s) => s.text)).toEqual(['Trekk fra porten om vinteren']);
  });

  it('access per role and tenant: unit B, AMU, BHT, TV and another organisation get 404', async () => {
    for (const who of ['lederB', 'otherAnsatt', 'amu', 'bht', 'tillitsvalgt', 'otherOrg'] as const) {
      expectStatus(await org.clients[who].get(`${V}/${assessment.id}`), 404);
    }
    for (const who of ['lederB', 'hr', 'admin', 'verneombud', 'self'] as const) {
      const list = expectStatus(await org.clients[who].get<AssessmentList>(V), 200).body;
      expect(list.items.map((i) => i.id)).toEqual(who === 'lederB' ? [] : [assessment.id]);
    }
    expectStatus(await org.clients.amu.get(V), 404);
    expectStatus(await org.clients.bht.get(`${B}/matrise`), 404);
    expectStatus(
      await org.clients.lederB.post(`${B}/risikoer/${riskId}/tiltak`, {
        text: 'x',
        ownerUserId: org.userIds.lederB,
        due: TODAY,
      }),
      404,
    );
    expectStatus(await org.clients.otherOrg.post(`${B}/risikoer/${riskId}/lukk`, { version: 3 }), 404);
    expectStatus(await org.clients.self.post(`${B}/risikoer/${riskId}/lukk`, { version: 3 }), 404);
    const otherPlan = expectStatus(
      await org.clients.otherOrg.get<{ items: PlanItem[]; total: number }>(`${B}/handlingsplan`),
      200,
    ).body;
    expect(otherPlan).toEqual({ items: [], total: 0 });
    const otherMatrix = expectStatus(await org.clients.otherOrg.get<Matrix>(`${B}/matrise`), 200).body;
    expect(otherMatrix.total).toBe(0);
  });

  it('the heat map counts before and after tiltak, per unit and for the organisation; a cell lists its risks', async () => {
    const matrix = expectStatus(await org.clients.hr.get<Matrix>(`${B}/matrise`), 200).body;
    const cell = (p: number, c: number) => matrix.cells.find((x) => x.p === p && x.c === c);
    expect(matrix.total).toBe(2);
    expect(cell(4, 4)).toMatchObject({ band: 'hoy', initial: 1, residual: 0 });
    expect(cell(2, 4)).toMatchObject({ band: 'middels', initial: 0, residual: 1 });
    expect(cell(3, 5)).toMatchObject({ band: 'hoy', initial: 1, residual: 0 });
    expect(cell(3, 4)).toMatchObject({ band: 'hoy', initial: 0, residual: 1 });
    // The closed Høy risk (accepted) is not in the open Høy list.
    expect(matrix.high).toEqual([]);
    expect(matrix.highTotal).toBe(0);
    const unitB = expectStatus(
      await org.clients.hr.get<Matrix>(`${B}/matrise?unitId=${org.unitB}`),
      200,
    ).body;
    expect(unitB.total).toBe(0);
    const list = expectStatus(
      await org.clients.lederA.get<{ items: RiskRef[] }>(`${B}/matrise/rute?stage=residual&p=2&c=4`),
      200,
    ).body;
    expect(list.items).toMatchObject([
      { id: riskId, title: 'Tunge løft av dekk og deler', band: 'middels', canOpen: true },
    ]);
    expectStatus(await org.clients.lederA.get(`${B}/matrise/rute?stage=residual&p=6&c=4`), 400);
    // Leader B sees nothing of unit A.
    expect(expectStatus(await org.clients.lederB.get<Matrix>(`${B}/matrise`), 200).body.total).toBe(0);
    // AMU: the organisation's counts, and in a cell only the Høy risks.
    const amu = expectStatus(await org.clients.amu.get<Matrix>(`${B}/matrise`), 200).body;
    expect(amu.total).toBe(2);
    const amuMiddels = expectStatus(
      await org.clients.amu.get<{ items: RiskRef[] }>(`${B}/matrise/rute?stage=residual&p=2&c=4`),
      200,
    ).body;
    expect(amuMiddels.items).toEqual([]);
    const amuHigh = expectStatus(
      await org.clients.amu.get<{ items: RiskRef[] }>(`${B}/matrise/rute?stage=residual&p=3&c=4`),
      200,
    ).body;
    expect(amuHigh.items).toMatchObject([{ title: 'Klemfare i dekkmaskinen', canOpen: false }]);
    expectStatus(await org.clients.amu.get(`${B}/handlingsplan`), 404);
  });

  it('the handlingsplan lists the tiltak; the owner marks one done with a note (a note is required)', async () => {
    type Plan = { items: PlanItem[]; total: number };
    const plan = expectStatus(await org.clients.verneombud.get<Plan>(`${B}/handlingsplan`), 200).body;
    expect(plan.total).toBe(2);
    expect(plan.items.map((i) => [i.text, i.riskBand, i.unitName])).toEqual([
      ['Kjøpe løftehjelpemiddel', 'middels', 'Hjemmetjenesten'],
      ['Opplæring i løfteteknikk', 'middels', 'Hjemmetjenesten'],
    ]);
    const own = plan.items[1];
    expect(own).toMatchObject({ canMarkDone: true, canEdit: false });
    expectStatus(
      await org.clients.verneombud.put(`${B}/tiltak/${own?.id}/utfort`, { version: 1, note: ' ' }),
      400,
    );
    // Someone who neither owns it nor edits the assessment: 404.
    expectStatus(
      await org.clients.self.put(`${B}/tiltak/${own?.id}/utfort`, { version: 1, note: 'Gjort' }),
      404,
    );
    const done = expectStatus(
      await org.clients.verneombud.put<Tiltak>(`${B}/tiltak/${own?.id}/utfort`, {
        version: 1,
        note: 'Kurs holdt 9. mars',
      }),
      200,
    ).body;
    expect(done).toMatchObject({
      status: 'utfort',
      done: { by: 'Vera Verneombud', note: 'Kurs holdt 9. mars' },
    });
    const stored = await t.db
      .selectFrom('risk_tiltak')
      .selectAll()
      .where('id', '=', own?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      status: 'utfort',
      done_note: 'Kurs holdt 9. mars',
      done_by_name: 'Vera Verneombud',
      version: 2,
    });
    expect(stored.done_at).not.toBeNull();
    // The handlingsplan lists open tiltak: the done one has left it (the cache heard of the write).
    const after = expectStatus(await org.clients.verneombud.get<Plan>(`${B}/handlingsplan`), 200).body;
    expect(after.items.map((i) => i.text)).toEqual(['Kjøpe løftehjelpemiddel']);
    expect(after.total).toBe(1);
    // A done tiltak cannot be edited.
    expectStatus(
      await org.clients.lederA.put(`${B}/tiltak/${own?.id}`, {
        text: 'x',
        ownerUserId: org.userIds.lederA,
        due: TODAY,
        status: 'pagar',
        version: 2,
      }),
      409,
    );
  });

  it('tiltak reminders go out exactly once, to the owner and the area’s VO; the owner sees it in "Mine oppgaver"', async () => {
    const open = tiltakIds[0] ?? '';
    const day = '2027-03-10'; // 14 days before 24 March
    const sent = () =>
      t.db
        .selectFrom('notification')
        .select(['user_id', 'key', 'title_nb', 'body_nb'])
        .where('organisation_id', '=', org.orgId)
        .where('key', 'like', `reminder:risiko:${org.orgId}:${open}:%`)
        .orderBy('key')
        .execute();
    await runSweep({ db: t.db, deadlineSource: risikoDeadlines, today: day });
    const first = await sent();
    expect(first.map((n) => n.user_id).sort()).toEqual([org.userIds.lederA, org.userIds.verneombud].sort());
    // The reminder names the kind of obligation, not the tiltak's free text.
    expect(JSON.stringify(first)).not.toContain('løftehjelpemiddel');
    await runSweep({ db: t.db, deadlineSource: risikoDeadlines, today: day });
    expect(await sent()).toHaveLength(first.length);
    // The done tiltak gets no reminder.
    const doneKeys = await t.db
      .selectFrom('notification')
      .select('key')
      .where('key', 'like', `reminder:risiko:${org.orgId}:${tiltakIds[1]}:%`)
      .execute();
    expect(doneKeys).toEqual([]);
    const mine = expectStatus(
      await org.clients.lederA.get<{ items: MyDeadlineItem[] }>('/api/v1/me/deadlines'),
      200,
    ).body.items.filter((d) => d.source === 'risiko');
    expect(mine).toMatchObject([
      {
        title: 'Tiltak fra risikovurderingen',
        detail: 'Kjøpe løftehjelpemiddel',
        due: '2027-03-24',
        link: `/risiko/${assessment.id}`,
      },
    ]);
  });

  it('a review keeps the old version and starts a new one a year ahead; a stale review is a 409', async () => {
    const current = expectStatus(await org.clients.lederA.get<Assessment>(`${V}/${assessment.id}`), 200).body;
    const stale = expectStatus(
      await org.clients.lederA.post<ConflictReply>(`${V}/${assessment.id}/gjennomgang`, {
        version: current.version + 5,
        participants: [],
      }),
      409,
    );
    expect(stale.body.error.reason).toBe('STALE_VERSION');
    expect(await t.db.selectFrom('risk_assessment_revision').selectAll().execute()).toHaveLength(0);
    const participants = [
      { role: 'leder', name: 'Lise Leder' },
      { role: 'bht', name: 'Berit BHT' },
    ];
    const reviewed = expectStatus(
      await org.clients.lederA.post<Assessment>(`${V}/${assessment.id}/gjennomgang`, {
        version: current.version,
        participants,
      }),
      200,
    ).body;
    expect(reviewed).toMatchObject({
      revision: 2,
      assessedOn: TODAY,
      nextReview: '2028-03-10',
      participants,
    });
    expect(reviewed.revisions).toMatchObject([{ revision: 1, assessedOn: TODAY, archivedBy: 'Lise Leder' }]);
    const archived = await t.db.selectFrom('risk_assessment_revision').selectAll().execute();
    expect(archived).toHaveLength(1);
    expect(archived[0]).toMatchObject({ assessment_id: assessment.id, revision: 1, assessed_on: TODAY });
    const old = expectStatus(
      await org.clients.verneombud.get<Revision>(`${V}/${assessment.id}/versjoner/1`),
      200,
    ).body;
    expect(old.assessment.participants).toEqual(newAssessment().participants);
    expect(old.assessment.risks.map((r) => [r.title, r.initial, r.residual])).toEqual([
      ['Tunge løft av dekk og deler', { p: 4, c: 4 }, { p: 2, c: 4 }],
      ['Klemfare i dekkmaskinen', { p: 3, c: 5 }, { p: 3, c: 4 }],
    ]);
    expect(old.assessment.risks[0]?.tiltak).toHaveLength(2);
    expectStatus(await org.clients.otherAnsatt.get(`${V}/${assessment.id}/versjoner/1`), 404);
    expectStatus(await org.clients.verneombud.get(`${V}/${assessment.id}/versjoner/9`), 404);
    // A change brings the next review forward (never later).
    const sooner = expectStatus(
      await org.clients.lederA.post<Assessment>(`${V}/${assessment.id}/endring`, {
        version: reviewed.version,
        trigger: 'nytt-utstyr',
        date: '2027-06-01',
      }),
      200,
    ).body;
    expect(sooner).toMatchObject({
      nextReview: '2027-06-01',
      reviewReason: 'Nye maskiner eller nytt utstyr',
    });
    const row = await t.db
      .selectFrom('risk_assessment')
      .selectAll()
      .where('id', '=', assessment.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ next_review: '2027-06-01', revision: 2 });
  });

  it('the bow-tie: causes, barriers (one linked to a tiltak) and consequences are stored; an avvik weakens a barrier', async () => {
    const url = `${B}/risikoer/${riskId}/sloyfe`;
    const add = async (body: Record<string, unknown>) =>
      expectStatus(await org.clients.lederA.post<Assessment>(url, body), 201).body;
    await add({ kind: 'arsak', text: 'Dekk løftes fra gulvet' });
    await add({ kind: 'forebyggende', text: 'Løftebord ved arbeidsbenken', tiltakId: tiltakIds[0] });
    await add({ kind: 'begrensende', text: 'Rask tilgang til bedriftshelsetjenesten' });
    const made = await add({ kind: 'konsekvens', text: 'Ryggskade med sykefravær' });
    const bowtie = made.risksList.find((r) => r.id === riskId)?.bowtie ?? [];
    expect(bowtie.map((b) => [b.kind, b.status])).toEqual([
      ['arsak', 'virker'],
      ['forebyggende', 'virker'],
      ['begrensende', 'virker'],
      ['konsekvens', 'virker'],
    ]);
    const stored = await t.db.selectFrom('risk_bowtie_item').selectAll().orderBy('created_at').execute();
    expect(stored.map((r) => [r.kind, r.tiltak_id])).toEqual([
      ['arsak', null],
      ['forebyggende', tiltakIds[0]],
      ['begrensende', null],
      ['konsekvens', null],
    ]);
    // Bad input: a cause cannot link to a tiltak; an unknown kind; no text — 400, nothing written.
    const cause = expectStatus(
      await org.clients.lederA.post<ErrorReply>(url, { kind: 'arsak', text: 'x', tiltakId: tiltakIds[0] }),
      400,
    );
    expect(cause.body.error.fields?.map((f) => f.path)).toEqual(['tiltakId']);
    expectStatus(await org.clients.lederA.post(url, { kind: 'topp', text: 'x' }), 400);
    expectStatus(await org.clients.lederA.post(url, { kind: 'arsak', text: '' }), 400);
    expectStatus(await org.clients.verneombud.post(url, { kind: 'arsak', text: 'x' }), 404);
    expectStatus(await org.clients.otherOrg.post(url, { kind: 'arsak', text: 'x' }), 404);
    expect(await t.db.selectFrom('risk_bowtie_item').select('id').execute()).toHaveLength(4);

    // The avvik module's call: the preventive barrier is weakened, the review comes sooner.
    const barrier = stored[1]?.id ?? '';
    const result = await t.db
      .transaction()
      .execute((trx) =>
        markBarrierWeakened(
          trx,
          { organisationId: org.orgId, userId: org.userIds.hr, roles: ['hr'] },
          barrier,
          { today: TODAY, reviewBy: '2027-04-01', reason: 'Løftebordet var i stykker' },
        ),
      );
    expect(result).toEqual({ riskId, assessmentId: assessment.id, nextReview: '2027-04-01' });
    expect(
      await t.db
        .selectFrom('risk_bowtie_item')
        .selectAll()
        .where('id', '=', barrier)
        .executeTakeFirstOrThrow(),
    ).toMatchObject({ status: 'svekket', weakened_on: TODAY, weakened_reason: 'Løftebordet var i stykker' });
    const row = await t.db
      .selectFrom('risk_assessment')
      .select(['next_review', 'review_reason'])
      .where('id', '=', assessment.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ next_review: '2027-04-01', review_reason: 'En barriere er svekket (avvik)' });
    // Not a barrier, or another organisation's: 404.
    await expect(
      markBarrierWeakened(
        t.db,
        { organisationId: org.orgId, userId: org.userIds.hr, roles: ['hr'] },
        stored[0]?.id ?? '',
        {
          today: TODAY,
          reviewBy: TODAY,
          reason: 'x',
        },
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      markBarrierWeakened(
        t.db,
        { organisationId: org.otherOrgId, userId: org.userIds.hr, roles: ['hr'] },
        barrier,
        {
          today: TODAY,
          reviewBy: TODAY,
          reason: 'x',
        },
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The VO sees the weakened barrier; the leader removes the cause.
    const vo = expectStatus(await org.clients.verneombud.get<Assessment>(`${V}/${assessment.id}`), 200).body;
    expect(vo.risksList.find((r) => r.id === riskId)?.bowtie[1]).toMatchObject({
      status: 'svekket',
      weakened: { on: TODAY, reason: 'Løftebordet var i stykker' },
    });
    expectStatus(await org.clients.verneombud.delete(`${B}/sloyfe/${stored[0]?.id}`), 404);
    expectStatus(await org.clients.lederA.delete(`${B}/sloyfe/${stored[0]?.id}`), 200);
    expect(await t.db.selectFrom('risk_bowtie_item').select('id').execute()).toHaveLength(3);
  });

  it('every table the cached heat map and handlingsplan are computed from reports its changes', async () => {
    const { rows } = await sql<{ table: string }>`
      select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where not t.tgisinternal and t.tgname like '%_notify_change'
    `.execute(t.db);
    const notifying = new Set(rows.map((r) => r.table));
    const tables = (risikoModule.caches ?? []).flatMap((c) => c.tables);
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((table) => !notifying.has(table))).toEqual([]);
  });

  it('gives the IK dashboard the day the risk assessment was last reviewed', async () => {
    expect(await riskEvidence(t.db, org.orgId, TODAY)).toEqual({ lastReviewed: TODAY });
    expect(await riskEvidence(t.db, org.otherOrgId, TODAY)).toEqual({ lastReviewed: null });
    const dash = expectStatus(
      await org.clients.amu.get<{ points: { point: number; status: string }[] }>(
        '/api/v1/internkontroll/dashboard',
      ),
      200,
    ).body;
    expect(dash.points.find((p) => p.point === 6)?.status).toBe('green');
  });
});
