/**
 * The assessment for pregnant and breastfeeding workers, on both databases: the «gravide» template
 * creates an assessment of that kind with the template's hazards as its kartlegging, unscored, and
 * scoring one marks it scored; a second for the same unit is a 409 naming the existing one and
 * writes nothing; a pregnancy notice brings the review forward to today, never later, stores and
 * audits nothing about the person (not even what the client sends), and is refused on an ordinary
 * assessment. The role matrix of the new route; other units' leaders and other tenants get 404.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Assessment, AssessmentList } from '../../src/contracts/risiko/risiko.schemas.ts';
import { PREGNANCY_HAZARDS } from '../../src/domain/risiko/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, type ErrorReply, type SickOrg } from '../support/sykefravaer-org.ts';

const TODAY = '2027-03-10';
const A_YEAR_ON = '2028-03-10';
const B = '/api/v1/risiko';
const V = `${B}/vurderinger`;
type ConflictReply = ErrorReply & { error: { reason?: string } };

describeEachDatabase('risiko: the assessment for pregnant and breastfeeding workers on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let gravideA: Assessment;
  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
    expectStatus(
      await org.clients.hr.put(`${B}/kriterier`, { text: 'Høy er ikke akseptabel', version: 0 }),
      200,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const assessmentRow = (id: string) =>
    t.db
      .selectFrom('risk_assessment')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const gravideRows = (unitId: string) =>
    t.db
      .selectFrom('risk_assessment')
      .select('id')
      .where('organisation_id', '=', org.orgId)
      .where('unit_id', '=', unitId)
      .where('kind', '=', 'gravide')
      .execute();
  const audit = (id: string) =>
    t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'detail'])
      .where('entity_type', '=', 'risk_assessment')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
  const asJson = (value: unknown) =>
    typeof value === 'string' ? (JSON.parse(value) as unknown) : (value as unknown);

  const create = (who: 'lederA' | 'lederB' | 'hr', unitId: string, extra: Record<string, unknown> = {}) =>
    org.clients[who].post<Assessment>(V, {
      title: 'Gravide og ammende',
      unitId,
      responsibleUserId: who === 'lederB' ? org.userIds.lederB : org.userIds.lederA,
      participants: [{ role: 'leder', name: 'Lise Leder' }],
      template: 'gravide',
      ...extra,
    });

  it('creates the assessment from the template with its hazards unscored; scoring one marks it', async () => {
    // A template that does not exist: 400 naming the field, nothing written.
    const bad = expectStatus(await create('lederA', org.unitA, { template: 'senior' }), 400);
    expect((bad.body as unknown as ErrorReply).error.fields?.map((f) => f.path)).toEqual(['template']);
    expect(await gravideRows(org.unitA)).toHaveLength(0);

    gravideA = expectStatus(await create('lederA', org.unitA), 201).body;
    expect(gravideA.kind).toBe('gravide');
    expect(gravideA.nextReview).toBe(A_YEAR_ON);
    expect(gravideA.risksList).toEqual([]);
    expect(gravideA.templateHazards.map((h) => h.key)).toEqual(PREGNANCY_HAZARDS.map((h) => h.key));
    expect(gravideA.templateHazards.every((h) => !h.scored)).toBe(true);
    const areas = new Set(gravideA.templateHazards.map((h) => h.area));
    for (const area of ['fysisk', 'ergonomisk', 'organisatorisk', 'kjemisk-biologisk', 'psykososial'])
      expect(areas.has(area as never)).toBe(true);

    const row = await assessmentRow(gravideA.id);
    expect(row.kind).toBe('gravide');
    expect(asJson(row.template_hazards)).toEqual(PREGNANCY_HAZARDS.map((h) => h.key));
    expect(row.next_review).toBe(A_YEAR_ON);
    expect((await audit(gravideA.id)).at(-1)).toMatchObject({
      action: 'create',
      actor_user_id: org.userIds.lederA,
    });
    expect(asJson((await audit(gravideA.id)).at(-1)?.detail)).toEqual({
      template: 'gravide',
      hazards: PREGNANCY_HAZARDS.length,
    });

    // The list says which kind each assessment is.
    const list = expectStatus(await org.clients.lederA.get<AssessmentList>(V), 200).body;
    expect(list.items.find((i) => i.id === gravideA.id)?.kind).toBe('gravide');

    // Scoring a template hazard on the matrix like any other risk marks it scored.
    const hazard = PREGNANCY_HAZARDS.find((h) => h.area === 'kjemisk-biologisk');
    const scored = expectStatus(
      await org.clients.lederA.post<Assessment>(`${V}/${gravideA.id}/risikoer`, {
        area: hazard?.area,
        hazardKey: hazard?.key,
        title: hazard?.text.nb,
        initial: { p: 2, c: 5 },
      }),
      201,
    ).body;
    expect(scored.risksList.map((r) => r.hazardKey)).toEqual([hazard?.key]);
    expect(scored.templateHazards.filter((h) => h.scored).map((h) => h.key)).toEqual([hazard?.key]);
    const stored = await t.db
      .selectFrom('risk_item')
      .select(['hazard_key', 'initial_p', 'initial_c'])
      .where('assessment_id', '=', gravideA.id)
      .execute();
    expect(stored).toEqual([{ hazard_key: hazard?.key, initial_p: 2, initial_c: 5 }]);
  });

  it('refuses a second for the same unit with a 409 naming the existing one, and writes nothing', async () => {
    for (const who of ['lederA', 'hr'] as const) {
      const again = expectStatus(await create(who, org.unitA, { title: 'Gravide igjen' }), 409);
      expect((again.body as unknown as ConflictReply).error.reason).toBe('ALREADY_EXISTS');
      expect((again.body as unknown as ConflictReply).error.message).toContain('Gravide og ammende');
      expect(again.headers.location).toBe(`${V}/${gravideA.id}`);
    }
    expect(await gravideRows(org.unitA)).toEqual([{ id: gravideA.id }]);
    // Another unit may have its own; an ordinary assessment of the same unit is still allowed.
    const b = expectStatus(await create('lederB', org.unitB), 201).body;
    expect(b.kind).toBe('gravide');
    const ordinary = expectStatus(
      await org.clients.lederA.post<Assessment>(V, {
        title: 'Lageret',
        unitId: org.unitA,
        responsibleUserId: org.userIds.lederA,
      }),
      201,
    ).body;
    expect(ordinary.kind).toBe('standard');
    expect(ordinary.templateHazards).toEqual([]);
    expect(asJson((await assessmentRow(ordinary.id)).template_hazards)).toEqual([]);
  });

  it('brings the review forward to today on a pregnancy notice, never later, storing nothing about the person', async () => {
    const url = `${V}/${gravideA.id}/gjennomgang-na`;
    const before = await assessmentRow(gravideA.id);
    // Whatever a client sends about the person is not read: no body schema, nothing stored.
    const reply = expectStatus(
      await org.clients.lederA.post<Assessment>(url, {
        employeeId: org.userIds.self,
        name: 'Per Pleier',
        termin: '2027-09-01',
      }),
      200,
    ).body;
    expect(reply.nextReview).toBe(TODAY);
    expect(reply.reviewReason).toBe('Melding om graviditet');
    expect(reply.reviewState).toBe('due-soon');
    const after = await assessmentRow(gravideA.id);
    expect(after.next_review).toBe(TODAY);
    expect(after.version).toBe(before.version + 1);
    expect({
      ...after,
      next_review: before.next_review,
      review_reason: null,
      version: 0,
      updated_at: 0,
    }).toEqual({ ...before, review_reason: null, version: 0, updated_at: 0 });
    const entry = (await audit(gravideA.id)).at(-1);
    expect(entry).toMatchObject({ action: 'update', actor_user_id: org.userIds.lederA });
    expect(asJson(entry?.detail)).toEqual({ nextReview: TODAY, trigger: 'graviditet' });
    const everything = JSON.stringify([after, await audit(gravideA.id)]);
    for (const secret of [org.userIds.self, 'Per Pleier', '2027-09-01'])
      expect(everything).not.toContain(secret);

    // A second notice leaves the date where it is.
    expect(expectStatus(await org.clients.hr.post<Assessment>(url), 200).body.nextReview).toBe(TODAY);
  });

  it('refuses the notice on an ordinary assessment (409) and keeps its review date', async () => {
    const list = expectStatus(await org.clients.lederA.get<AssessmentList>(V), 200).body;
    const ordinary = list.items.find((i) => i.kind === 'standard' && i.unitId === org.unitA);
    const refused = expectStatus(
      await org.clients.lederA.post<ConflictReply>(`${V}/${ordinary?.id}/gjennomgang-na`),
      409,
    );
    expect(refused.body.error.reason).toBe('WRONG_STATE');
    expect((await assessmentRow(ordinary?.id ?? '')).next_review).toBe(A_YEAR_ON);
  });

  it('lets admin, HR and the unit’s leader give the notice; everyone else gets 404, other tenants too', async () => {
    const url = `${V}/${gravideA.id}/gjennomgang-na`;
    for (const who of ['admin', 'hr', 'lederA'] as const) {
      expectStatus(await org.clients[who].post(url), 200);
    }
    // A leader of another unit and the VO (who reads it) may not edit it: 404.
    for (const who of ['lederB', 'verneombud'] as const) expectStatus(await org.clients[who].post(url), 404);
    // Roles that never edit an assessment are refused by the route (deliberately 404, deny by default).
    for (const who of ['self', 'otherAnsatt', 'tillitsvalgt', 'amu', 'bht'] as const) {
      expectStatus(await org.clients[who].post(url), 404);
    }
    // Another tenant: 404 on the notice and on reading it, and the date is untouched.
    const noticeCount = (await audit(gravideA.id)).length;
    expectStatus(await org.clients.otherOrg.post(url), 404);
    expectStatus(await org.clients.otherOrg.get(`${V}/${gravideA.id}`), 404);
    expect(await audit(gravideA.id)).toHaveLength(noticeCount);
    // And another tenant cannot make one for this organisation's unit: 400 on the unit, nothing written.
    expectStatus(
      await org.clients.otherOrg.put(`${B}/kriterier`, { text: 'Egne kriterier', version: 0 }),
      200,
    );
    const foreign = expectStatus(
      await org.clients.otherOrg.post<ErrorReply>(V, {
        title: 'Gravide og ammende',
        unitId: org.unitB,
        responsibleUserId: org.userIds.otherOrg,
        template: 'gravide',
      }),
      400,
    );
    expect(foreign.body.error.fields?.map((f) => f.path)).toEqual(['unitId']);
    expect(await gravideRows(org.unitB)).toHaveLength(1);
  });
});
