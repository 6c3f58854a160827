/**
 * Internkontroll on both databases: the company profile re-derives the duties and the årshjul; the
 * årshjul never duplicates an item, keeps moved dates and done items; access by role and tenant;
 * bad input writes nothing; årshjul reminders go out exactly once.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  ArshjulItem,
  ArshjulView,
  CompanyProfileInput,
  CompanyProfileView,
} from '../../src/contracts/internkontroll/internkontroll.schemas.ts';
import { dashboardCache } from '../../src/modules/internkontroll/dashboard.service.ts';
import { syncAllArshjul } from '../../src/modules/internkontroll/index.ts';
import { headcountCache } from '../../src/modules/internkontroll/profile.service.ts';
import { arshjulDeadlines } from '../../src/modules/internkontroll/reminders.ts';
import { runSweep } from '../../src/modules/notifications/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, type ErrorReply, type SickOrg } from '../support/sykefravaer-org.ts';

/** A fixed day: the tests' årshjul is 2027's. */
const TODAY = '2027-01-10';
const P = '/api/v1/internkontroll/profile';
const A = '/api/v1/internkontroll/arshjul';

/** The worked example: a 42-employee construction firm (SN2007 41.200) using chemicals. */
const construction = (version: number): CompanyProfileInput => ({
  version,
  employeesTotalOverride: 42,
  employeesTotalOverrideReason: 'Registeret er ikke ferdig importert',
  employeesAvg20hLastYear: 25,
  hiredWorkers: 3,
  nace: { system: 'SN2007', code: '41.200', label: 'Oppføring av bygninger' },
  hazardousChemicals: true,
  cmrExposure: null,
  asbestosExposure: false,
  biologicalAgents: false,
  nightWorkMainly: false,
  amuDemandedBy: 'none',
  alternativeVoAgreementUntil: null,
  arbeidstilsynetOrders: { vo: false, amu: false, bht: false },
  bhtRiskAssessmentSaysRequired: null,
  lastVoElection: '2025-03-01',
  lastAmuElection: null,
});

describeEachDatabase('internkontroll on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const versions = () =>
    t.db
      .selectFrom('company_profile_version')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .orderBy('version')
      .execute();
  const items = (year = 2027) =>
    t.db
      .selectFrom('arshjul_item')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .where('year', '=', year)
      .execute();
  const arshjul = async (year = 2027) =>
    expectStatus(await org.clients.hr.get<ArshjulView>(`${A}?year=${year}`), 200).body;
  const byKey = (view: ArshjulView, key: string) => view.items.filter((i) => i.key === key);

  it('before anything is saved, derives the duties from the register (6 employees: verneombud, aml § 6-1)', async () => {
    const view = expectStatus(await org.clients.hr.get<CompanyProfileView>(P), 200).body;
    expect(view.version).toBe(0);
    expect(view.computed.employeesTotal).toBe(6);
    expect(view.computed.verneomraader).toBe(1);
    expect(view.duties.verneombud).toBe('required');
    expect(view.duties.varslingRoutine).toBe('required');
    expect(view.duties.amu).toBe('not-required');
    expect(view.duties.bht).toBe('needs-verification');
    expect(view.duties.reasons.verneombud.legalBasis).toContain('6-1');
    expect(await versions()).toHaveLength(0);
  });

  it('HR saves the construction firm: VO required, AMU on demand, BHT required by NACE; stored as version 1', async () => {
    const view = expectStatus(await org.clients.hr.put<CompanyProfileView>(P, construction(0)), 200).body;
    expect(view.version).toBe(1);
    expect(view.effective.employeesTotal).toBe(42);
    expect(view.duties).toMatchObject({
      verneombud: 'required',
      amu: 'on-demand',
      amuBasis: 25,
      bht: 'required-by-nace',
      bhtMatchedListEntry: '41',
      stoffkartotek: 'required',
    });
    expect(view.computed.naceSn2025?.startsWith('41')).toBe(true);
    const stored = await versions();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ version: 1, changed_by_name: 'Hanne HR' });
    expect(stored[0]?.profile).toMatchObject({
      employeesTotalOverride: 42,
      nace: { system: 'SN2007', code: '41.200' },
      hazardousChemicals: true,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_type', '=', 'company_profile')
      .execute();
    expect(audit).toEqual([{ action: 'update', actor_user_id: org.userIds.hr }]);
  });

  it('writes the årshjul for the year: quarterly vernerunde, no AMU items (listed as not applicable)', async () => {
    const view = await arshjul();
    expect(view.profileSaved).toBe(true);
    const vernerunder = byKey(view, 'vernerunde-kvartalsvis');
    expect(vernerunder).toHaveLength(4);
    expect(vernerunder.every((i) => i.due.startsWith('2027-'))).toBe(true);
    expect(byKey(view, 'vernerunde-arlig')).toHaveLength(0);
    expect(byKey(view, 'amu-moter')).toHaveLength(0);
    expect(view.notApplicable.map((n) => n.key)).toContain('amu-moter');
    const review = byKey(view, 'arlig-gjennomgang')[0];
    expect(review?.due).toBe('2027-01-31');
    expect(review?.subtasks.length).toBeGreaterThanOrEqual(3);
    // What the page shows is what is stored, once.
    const rows = await items();
    expect(rows).toHaveLength(view.items.length);
    expect(new Set(rows.map((r) => `${r.item_key}:${r.occurrence}`)).size).toBe(rows.length);
  });

  it('re-deriving never duplicates: reading again and saving the same profile again leave the rows alone', async () => {
    const before = await items();
    await arshjul();
    expectStatus(await org.clients.hr.put(P, construction(1)), 200);
    await syncAllArshjul(t.db, TODAY);
    const after = await items();
    expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
    expect(await versions()).toHaveLength(2);
    const history = expectStatus(
      await org.clients.hr.get<{ items: { version: number; changedFields: string[] }[] }>(`${P}/history`),
      200,
    ).body.items;
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    expect(history[0]?.changedFields).toEqual([]);
  });

  it('a demand for AMU adds the AMU activities; withdrawing it removes the open ones and keeps a done one', async () => {
    const demanded = { ...construction(2), amuDemandedBy: 'employees' as const };
    const view = expectStatus(await org.clients.hr.put<CompanyProfileView>(P, demanded), 200).body;
    expect(view.duties.amu).toBe('required');
    const wheel = await arshjul();
    const meetings = byKey(wheel, 'amu-moter');
    expect(meetings).toHaveLength(4);
    const first = meetings[0] as ArshjulItem;
    expectStatus(
      await org.clients.hr.put(`${A}/${first.id}/done`, { note: 'Møte holdt, referat i arkivet' }),
      200,
    );

    expectStatus(await org.clients.hr.put(P, { ...construction(3), amuDemandedBy: 'none' }), 200);
    const rows = (await items()).filter((r) => r.item_key === 'amu-moter');
    expect(rows.map((r) => r.id)).toEqual([first.id]);
    expect(rows[0]).toMatchObject({ done_note: 'Møte holdt, referat i arkivet', done_by_name: 'Hanne HR' });
  });

  it('a moved item keeps its date when the profile is saved again; reopening clears the done record', async () => {
    const item = byKey(await arshjul(), 'medarbeidersamtaler')[0] as ArshjulItem;
    const moved = expectStatus(
      await org.clients.hr.put<ArshjulItem>(`${A}/${item.id}`, { due: '2027-12-01' }),
      200,
    ).body;
    expect(moved).toMatchObject({ due: '2027-12-01', generatedDue: item.due });
    expectStatus(await org.clients.hr.put(P, construction(4)), 200);
    const row = (await items()).find((r) => r.id === item.id);
    expect(row?.due).toBe('2027-12-01');

    expectStatus(await org.clients.hr.put(`${A}/${item.id}/done`, { note: 'Alle samtaler holdt' }), 200);
    const reopened = expectStatus(await org.clients.hr.delete<ArshjulItem>(`${A}/${item.id}/done`), 200).body;
    expect(reopened.done).toBeNull();
    const again = (await items()).find((r) => r.id === item.id);
    expect(again).toMatchObject({ done_at: null, done_note: null });
  });

  it('own activities: HR adds, renames and deletes one; generated ones cannot be deleted (409)', async () => {
    const own = expectStatus(
      await org.clients.hr.post<ArshjulItem>(A, { title: 'Brannøvelse', due: '2027-05-20', ownerRole: 'hr' }),
      201,
    ).body;
    expect(own).toMatchObject({ key: null, kind: 'egen', title: { nb: 'Brannøvelse' } });
    expectStatus(
      await org.clients.hr.put(`${A}/${own.id}`, { due: '2027-05-21', title: 'Brannøvelse vår' }),
      200,
    );
    expect((await items()).find((r) => r.id === own.id)).toMatchObject({
      title_nb: 'Brannøvelse vår',
      due: '2027-05-21',
    });
    const generated = byKey(await arshjul(), 'arlig-gjennomgang')[0] as ArshjulItem;
    const refused = expectStatus(await org.clients.hr.delete<ErrorReply>(`${A}/${generated.id}`), 409);
    expect(refused.body.error.code).toBe('CONFLICT');
    const renamed = expectStatus(
      await org.clients.hr.put<ErrorReply>(`${A}/${generated.id}`, { due: '2027-02-01', title: 'Nytt' }),
      400,
    );
    expect(renamed.body.error.fields?.[0]?.path).toBe('title');
    expectStatus(await org.clients.hr.delete(`${A}/${own.id}`), 200);
    expect((await items()).some((r) => r.id === own.id)).toBe(false);
  });

  it('access: employees get 404; readers cannot save; an owner role edits only its own items; other tenants 404', async () => {
    expectStatus(await org.clients.self.get(P), 404);
    expectStatus(await org.clients.self.get(A), 404);
    for (const who of ['lederA', 'verneombud', 'amu', 'bht', 'tillitsvalgt'] as const) {
      expectStatus(await org.clients[who].get(P), 200);
      expectStatus(await org.clients[who].put(P, construction(5)), 404);
      expectStatus(await org.clients[who].post(A, { title: 'X', due: '2027-05-20', ownerRole: 'hr' }), 404);
    }
    const voView = expectStatus(await org.clients.verneombud.get<ArshjulView>(`${A}?year=2027`), 200).body;
    const own = voView.items.find((i) => i.ownerRole === 'verneombud' && i.done === null);
    const notOwn = voView.items.find((i) => i.ownerRole !== 'verneombud');
    expect(own?.canEdit).toBe(true);
    expect(notOwn?.canEdit).toBe(false);
    expectStatus(await org.clients.verneombud.put(`${A}/${own?.id}/done`, { note: 'Vernerunde gått' }), 200);
    expectStatus(await org.clients.verneombud.put(`${A}/${notOwn?.id}/done`, { note: 'Nei' }), 404);
    expect((await items()).find((r) => r.id === notOwn?.id)?.done_at).toBeNull();
    expectStatus(await org.clients.otherOrg.put(`${A}/${own?.id}/done`, { note: 'Nei' }), 404);
    expectStatus(await org.clients.otherOrg.delete(`${A}/${own?.id}/done`), 404);
    const otherView = expectStatus(await org.clients.otherOrg.get<CompanyProfileView>(P), 200).body;
    expect(otherView.version).toBe(0);
  });

  it('bad input: a clear 400 naming the field, a stale version 409, and nothing written', async () => {
    const before = (await versions()).length;
    const cases: [Partial<CompanyProfileInput> & Record<string, unknown>, string][] = [
      [{ employeesTotalOverride: -1 }, 'employeesTotalOverride'],
      [{ employeesTotalOverride: 12, employeesTotalOverrideReason: null }, 'employeesTotalOverrideReason'],
      [{ nace: { system: 'SN2007', code: 'abc', label: '' } }, 'nace.code'],
      [{ employeesAvg20hLastYear: 5_000_000 }, 'employeesAvg20hLastYear'],
      [{ alternativeVoAgreementUntil: '2027-02-30' }, 'alternativeVoAgreementUntil'],
      [{ amuDemandedBy: 'styret' as never }, 'amuDemandedBy'],
    ];
    for (const [patch, field] of cases) {
      const reply = expectStatus(
        await org.clients.hr.put<ErrorReply>(P, { ...construction(before), ...patch }),
        400,
      );
      expect(reply.body.error.fields?.map((f) => f.path)).toContain(field);
      expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.ts:\d+/);
    }
    const stale = expectStatus(
      await org.clients.hr.put<ErrorReply & { error: { reason?: string } }>(P, construction(1)),
      409,
    );
    expect(stale.body.error.reason).toBe('STALE_VERSION');
    expect(await versions()).toHaveLength(before);
    const badDue = expectStatus(
      await org.clients.hr.post<ErrorReply>(A, { title: 'X', due: '2027-13-01', ownerRole: 'hr' }),
      400,
    );
    expect(badDue.body.error.fields?.[0]?.path).toBe('due');
  });

  it('reminds the owner role of årshjul activities exactly once (14 days before and on the day)', async () => {
    const review = byKey(await arshjul(), 'arlig-gjennomgang')[0] as ArshjulItem;
    expect(review.done).toBeNull();
    const day = '2027-01-17'; // 14 days before 31 January
    const deadlines = await arshjulDeadlines(t.db, {
      organisationId: org.orgId,
      from: day,
      to: day,
      today: day,
    });
    const mine = deadlines.filter((d) => d.subjectId === '2027:arlig-gjennomgang:year');
    expect(mine).toHaveLength(1);
    expect(mine[0]?.reminderDates).toEqual(['2027-01-17', '2027-01-31']);
    const count = () =>
      t.db
        .selectFrom('notification')
        .select(['key', 'user_id'])
        .where('organisation_id', '=', org.orgId)
        .where('key', 'like', 'reminder:internkontroll:%')
        .execute();
    const before = (await count()).length;
    await runSweep({ db: t.db, deadlineSource: arshjulDeadlines, today: day });
    const first = await count();
    expect(first.length).toBeGreaterThan(before);
    expect(first.filter((n) => n.key.includes('arlig-gjennomgang')).map((n) => n.user_id)).toContain(
      review.ownerRole === 'hr' ? org.userIds.hr : org.userIds.admin,
    );
    await runSweep({ db: t.db, deadlineSource: arshjulDeadlines, today: day });
    expect(await count()).toHaveLength(first.length);
  });

  it('the IK-f § 5 dashboard: eight points; the annual review marked done turns point 8 green', async () => {
    type Dash = {
      points: { point: number; status: string; written: boolean; link: string; missing: { nb: string }[] }[];
      regelverk: { id: string }[];
    };
    const before = expectStatus(
      await org.clients.amu.get<Dash>('/api/v1/internkontroll/dashboard'),
      200,
    ).body;
    expect(before.points.map((p) => p.point)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(before.points.filter((p) => p.written).map((p) => p.point)).toEqual([4, 5, 6, 7, 8]);
    expect(before.points[7]?.status).toBe('red');
    // The verneombud marked a vernerunde done above: participation is recorded (point 3).
    expect(before.points[2]?.status).toBe('green');
    expect(before.points[5]?.missing[0]?.nb).toBe('Ingen skriftlig risikovurdering er registrert.');
    expect(before.points[5]?.link).toBe('/risiko');
    expect(before.regelverk.map((r) => r.id)).toContain('grenseverdier');
    const review = byKey(await arshjul(), 'arlig-gjennomgang')[0] as ArshjulItem;
    expectStatus(await org.clients.hr.put(`${A}/${review.id}/done`, { note: 'Gjennomgått med AMU' }), 200);
    const after = expectStatus(await org.clients.hr.get<Dash>('/api/v1/internkontroll/dashboard'), 200).body;
    expect(after.points[7]?.status).toBe('green');
    // A risk assessment (the risiko module) made today turns point 6 green.
    await t.db
      .insertInto('risk_assessment')
      .values({
        organisation_id: org.orgId,
        title: 'Hjemmetjenesten',
        unit_id: org.unitA,
        responsible_user_id: org.userIds.lederA,
        responsible_name: 'Lise Leder',
        participants: '[]',
        assessed_on: TODAY,
        next_review: '2028-01-10',
      })
      .execute();
    await t.settle();
    const risk = expectStatus(await org.clients.hr.get<Dash>('/api/v1/internkontroll/dashboard'), 200).body;
    expect(risk.points[5]?.status).toBe('green');
    expectStatus(await org.clients.self.get('/api/v1/internkontroll/dashboard'), 404);
  });

  it('every table the cached dashboard is computed from reports its changes (notify trigger)', async () => {
    const { rows } = await sql<{ table: string }>`
      select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where not t.tgisinternal and t.tgname like '%_notify_change'
    `.execute(t.db);
    const notifying = new Set(rows.map((r) => r.table));
    expect(dashboardCache.tables.filter((table) => !notifying.has(table))).toEqual([]);
    expect(headcountCache.tables.filter((table) => !notifying.has(table))).toEqual([]);
  });

  it('a completed annual review (hms-mal) closes the year’s review package in the årshjul', async () => {
    const review = byKey(await arshjul(), 'arlig-gjennomgang')[0] as ArshjulItem;
    expectStatus(await org.clients.hr.delete(`${A}/${review.id}/done`), 200);
    await t.db
      .insertInto('annual_review')
      .values({
        organisation_id: org.orgId,
        year_reviewed: 2026,
        held_on: '2027-01-08',
        status: 'fullfort',
        completed_at: new Date(),
        pdf: Buffer.from('%PDF-1.4'),
      })
      .execute();
    const closed = byKey(await arshjul(), 'arlig-gjennomgang')[0] as ArshjulItem;
    expect(closed.done).toMatchObject({
      by: 'Nærvær',
      note: 'Årlig gjennomgang fullført 08.01.2027 (se Årlig gjennomgang).',
    });
    expect((await items()).find((r) => r.id === review.id)?.done_at).not.toBeNull();
  });

  it('the årshjul activities are in the personal calendar feed of the owning role', async () => {
    const view = await arshjul();
    const vernerunde = byKey(view, 'vernerunde-kvartalsvis').find((i) => i.done === null) as ArshjulItem;
    const feed = expectStatus(
      await org.clients.verneombud.post<{ url: string }>('/api/v1/me/calendar-feed'),
      201,
    ).body;
    const ics = (await t.client().get(new URL(feed.url).pathname)).raw.body;
    expect(ics).toContain(`DTSTART;VALUE=DATE:${vernerunde.due.replaceAll('-', '')}`);
    expect(ics).toContain(`SUMMARY:Frist: ${vernerunde.title.nb}`);
    // HR's own activities are not in the verneombud's calendar.
    const hrOnly = view.items.find((i) => i.ownerRole === 'hr' && i.done === null) as ArshjulItem;
    expect(ics).not.toContain(`SUMMARY:Frist: ${hrOnly.title.nb}`);
  });
});
