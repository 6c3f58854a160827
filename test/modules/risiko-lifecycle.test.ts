/**
 * Deleting a draft assessment and reopening a closed risk, on both databases: a draft (never
 * reviewed, no risk ever closed) is deleted with a reason and its risks and tiltak go with it; once
 * a risk was closed, or once the assessment was reviewed, deletion is a 409 naming the rule and
 * nothing is deleted; reopening needs a reason and a review date that is not past, brings the
 * assessment's review forward, is audit-logged with the closure it undoes, and the reopened risk
 * still keeps its assessment from being deleted. Stale versions are 409 STALE_VERSION; other
 * units' leaders, the VO and other tenants get 404.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Assessment } from '../../src/contracts/risiko/risiko.schemas.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, type ErrorReply, type SickOrg } from '../support/sykefravaer-org.ts';

const TODAY = '2027-03-10';
const B = '/api/v1/risiko';
const V = `${B}/vurderinger`;
type ConflictReply = ErrorReply & { error: { reason?: string } };

describeEachDatabase('risiko: delete a draft, reopen a risk on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
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
      .executeTakeFirst();
  const riskRow = (id: string) =>
    t.db
      .selectFrom('risk_item')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const audit = (entityType: string, id: string) =>
    t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'detail'])
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();

  async function draftWithRisk(title: string): Promise<Assessment> {
    const created = expectStatus(
      await org.clients.lederA.post<Assessment>(V, {
        title,
        unitId: org.unitA,
        workTask: 'Lager',
        responsibleUserId: org.userIds.lederA,
        participants: [{ role: 'leder', name: 'Lise Leder' }],
      }),
      201,
    ).body;
    const withRisk = expectStatus(
      await org.clients.lederA.post<Assessment>(`${V}/${created.id}/risikoer`, {
        area: 'ergonomisk',
        hazardKey: 'tunge-loft',
        title: 'Tunge løft',
        initial: { p: 2, c: 3 },
      }),
      201,
    ).body;
    const riskId = withRisk.risksList[0]?.id ?? '';
    return expectStatus(
      await org.clients.lederA.post<Assessment>(`${B}/risikoer/${riskId}/tiltak`, {
        text: 'Løftebord',
        ownerUserId: org.userIds.lederA,
        due: '2027-04-01',
      }),
      201,
    ).body;
  }

  it('deletes a draft with a reason: the assessment, its risks and tiltak are gone, the reason is audited', async () => {
    const draft = await draftWithRisk('Feilregistrert');
    expect(draft.canDelete).toBe(true);
    const riskId = draft.risksList[0]?.id ?? '';
    // Bad input: no reason → 400 naming the field, nothing deleted.
    const noReason = expectStatus(
      await org.clients.lederA.post<ErrorReply>(`${V}/${draft.id}/slett`, {
        version: draft.version,
        reason: ' ',
      }),
      400,
    );
    expect(noReason.body.error.fields?.map((f) => f.path)).toEqual(['reason']);
    // A stale version → 409 STALE_VERSION, nothing deleted.
    const stale = expectStatus(
      await org.clients.lederA.post<ConflictReply>(`${V}/${draft.id}/slett`, {
        version: draft.version + 3,
        reason: 'Dobbelt',
      }),
      409,
    );
    expect(stale.body.error.reason).toBe('STALE_VERSION');
    // Who may not edit it: 404, also the VO who reads it, and other tenants.
    for (const who of ['lederB', 'verneombud', 'self', 'bht', 'otherOrg'] as const) {
      expectStatus(
        await org.clients[who].post(`${V}/${draft.id}/slett`, { version: draft.version, reason: 'Dobbelt' }),
        404,
      );
    }
    expect(await assessmentRow(draft.id)).toBeDefined();
    expectStatus(
      await org.clients.lederA.post(`${V}/${draft.id}/slett`, {
        version: draft.version,
        reason: 'Registrert to ganger',
      }),
      200,
    );
    expect(await assessmentRow(draft.id)).toBeUndefined();
    expect(
      await t.db.selectFrom('risk_item').select('id').where('assessment_id', '=', draft.id).execute(),
    ).toHaveLength(0);
    expect(
      await t.db.selectFrom('risk_tiltak').select('id').where('risk_id', '=', riskId).execute(),
    ).toHaveLength(0);
    const entries = await audit('risk_assessment', draft.id);
    expect(entries.at(-1)).toMatchObject({ action: 'delete', actor_user_id: org.userIds.lederA });
    expect(JSON.stringify(entries.at(-1)?.detail)).toContain('Registrert to ganger');
    expectStatus(await org.clients.lederA.get(`${V}/${draft.id}`), 404);
  });

  it('refuses to delete once a risk was closed (409 naming IK-f § 5); reopening it does not lift that', async () => {
    const a = await draftWithRisk('Lageret');
    const risk = a.risksList[0];
    if (!risk) throw new Error('no risk');
    const closed = expectStatus(
      await org.clients.lederA.post<Assessment>(`${B}/risikoer/${risk.id}/lukk`, { version: risk.version }),
      200,
    ).body;
    expect(closed.canDelete).toBe(false);
    const refused = expectStatus(
      await org.clients.lederA.post<ConflictReply>(`${V}/${a.id}/slett`, {
        version: closed.version,
        reason: 'Unødvendig',
      }),
      409,
    );
    expect(refused.body.error.reason).toBe('WRONG_STATE');
    expect(refused.body.error.message).toContain('IK-f § 5');
    expect(await assessmentRow(a.id)).toBeDefined();

    const closedRisk = closed.risksList[0];
    if (!closedRisk) throw new Error('no risk');
    const before = await riskRow(risk.id);
    expect(before.status).toBe('lukket');
    // Reopen: the reason is required, the date must not be past, an open risk cannot be reopened.
    const noReason = expectStatus(
      await org.clients.lederA.post<ErrorReply>(`${B}/risikoer/${risk.id}/gjenapne`, {
        version: closedRisk.version,
        reason: '',
        reviewBy: '2027-04-15',
      }),
      400,
    );
    expect(noReason.body.error.fields?.map((f) => f.path)).toEqual(['reason']);
    const past = expectStatus(
      await org.clients.lederA.post<ErrorReply>(`${B}/risikoer/${risk.id}/gjenapne`, {
        version: closedRisk.version,
        reason: 'Ny truck',
        reviewBy: '2027-03-09',
      }),
      400,
    );
    expect(past.body.error.fields?.map((f) => f.path)).toEqual(['reviewBy']);
    const stale = expectStatus(
      await org.clients.lederA.post<ConflictReply>(`${B}/risikoer/${risk.id}/gjenapne`, {
        version: closedRisk.version - 1,
        reason: 'Ny truck',
        reviewBy: '2027-04-15',
      }),
      409,
    );
    expect(stale.body.error.reason).toBe('STALE_VERSION');
    for (const who of ['lederB', 'verneombud', 'otherOrg'] as const) {
      expectStatus(
        await org.clients[who].post(`${B}/risikoer/${risk.id}/gjenapne`, {
          version: closedRisk.version,
          reason: 'Ny truck',
          reviewBy: '2027-04-15',
        }),
        404,
      );
    }
    expect(await riskRow(risk.id)).toEqual(before);

    const reopened = expectStatus(
      await org.clients.lederA.post<Assessment>(`${B}/risikoer/${risk.id}/gjenapne`, {
        version: closedRisk.version,
        reason: 'Ny truck i lageret',
        reviewBy: '2027-04-15',
      }),
      200,
    ).body;
    expect(reopened.risksList[0]).toMatchObject({
      status: 'apen',
      closed: null,
      reopened: { by: 'Lise Leder', reason: 'Ny truck i lageret' },
    });
    expect(reopened.nextReview).toBe('2027-04-15');
    const stored = await riskRow(risk.id);
    expect(stored).toMatchObject({ status: 'apen', closed_at: null, reopen_reason: 'Ny truck i lageret' });
    expect(stored.reopened_at).not.toBeNull();
    expect((await assessmentRow(a.id))?.next_review).toBe('2027-04-15');
    const entries = await audit('risk_item', risk.id);
    expect(JSON.stringify(entries.at(-1)?.detail)).toContain('Ny truck i lageret');
    expect(entries.at(-1)?.detail).toMatchObject({ reopened: true, closedBy: 'Lise Leder' });

    // Reopening again an open risk: 409 WRONG_STATE.
    const again = expectStatus(
      await org.clients.lederA.post<ConflictReply>(`${B}/risikoer/${risk.id}/gjenapne`, {
        version: stored.version,
        reason: 'Igjen',
        reviewBy: '2027-04-15',
      }),
      409,
    );
    expect(again.body.error.reason).toBe('WRONG_STATE');
    // It was once closed: still kept.
    expect(reopened.canDelete).toBe(false);
    expectStatus(
      await org.clients.lederA.post(`${V}/${a.id}/slett`, {
        version: reopened.version,
        reason: 'Unødvendig',
      }),
      409,
    );
    expect(await assessmentRow(a.id)).toBeDefined();
  });

  it('refuses to delete a reviewed assessment (409), and keeps its revisions', async () => {
    const a = await draftWithRisk('Verkstedet');
    const reviewed = expectStatus(
      await org.clients.lederA.post<Assessment>(`${V}/${a.id}/gjennomgang`, {
        version: a.version,
        participants: [],
      }),
      200,
    ).body;
    expect(reviewed.revision).toBe(2);
    expect(reviewed.canDelete).toBe(false);
    const refused = expectStatus(
      await org.clients.hr.post<ConflictReply>(`${V}/${a.id}/slett`, {
        version: reviewed.version,
        reason: 'Rydder',
      }),
      409,
    );
    expect(refused.body.error.message).toContain('gjennomgått');
    expect(await assessmentRow(a.id)).toBeDefined();
    expect(
      await t.db
        .selectFrom('risk_assessment_revision')
        .select('revision')
        .where('assessment_id', '=', a.id)
        .execute(),
    ).toEqual([{ revision: 1 }]);
  });
});
