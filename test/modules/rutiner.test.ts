/**
 * The HMS handbook on both databases: a routine from a template, a new text version on edit (the
 * stale one refused with nothing written), bad input naming the field, read confirmations per
 * version (a new version asks again), routines limited to units (and the units below them), who
 * sees who has not confirmed (HR everyone, a leader their own people, nobody else), other tenants
 * 404, review reminders exactly once, and the IK dashboard's evidence.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  Confirmations,
  ConfirmResult,
  MyRoutines,
  RoutineCreate,
  RoutineDetail,
  RoutineList,
  RoutineVersionView,
} from '../../src/contracts/rutiner/rutiner.schemas.ts';
import { ROUTINE_TEMPLATES } from '../../src/domain/rutiner/index.ts';
import { runSweep } from '../../src/modules/notifications/index.ts';
import { routineEvidence } from '../../src/modules/rutiner/index.ts';
import { routineDeadlines } from '../../src/modules/rutiner/reminders.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, type ErrorReply, type SickOrg } from '../support/sykefravaer-org.ts';

const TODAY = '2027-01-10';
const R = '/api/v1/rutiner';
const ME = '/api/v1/me/rutiner';

type Conflict = { error: { code: string; reason?: string; fields?: { path: string }[] } };

describeEachDatabase('rutiner on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  /** An employee in «SFO», a unit below «Skolen» (unit B). */
  let sfoEmployee: string;
  let avvikId: string;
  let skoleId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
    const sfo = expectStatus(
      await org.clients.admin.post<{ id: string }>('/api/v1/units', { name: 'SFO', parentId: org.unitB }),
      201,
    ).body.id;
    sfoEmployee = expectStatus(
      await org.clients.admin.post<{ id: string }>('/api/v1/employees', {
        name: 'Sara SFO',
        email: 'sara@example.no',
        employmentStart: '2021-08-01',
        positionPercent: 60,
        unitId: sfo,
        leaderId: org.employees.leaderB,
      }),
      201,
    ).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const routineRows = () =>
    t.db
      .selectFrom('hms_routine')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .orderBy('created_at')
      .execute();
  const versionRows = (routineId: string) =>
    t.db
      .selectFrom('hms_routine_version')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .where('routine_id', '=', routineId)
      .orderBy('version')
      .execute();
  const confirmationRows = (routineId: string) =>
    t.db
      .selectFrom('routine_confirmation')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .where('routine_id', '=', routineId)
      .orderBy('version')
      .execute();
  const fromTemplate = (overrides: Partial<RoutineCreate> = {}): RoutineCreate => ({
    title: ROUTINE_TEMPLATES.avvik.title,
    category: 'avvik',
    ownerUserId: org.userIds.hr,
    reviewDue: '2027-03-01',
    appliesToAll: true,
    unitIds: [],
    body: ROUTINE_TEMPLATES.avvik.body,
    ...overrides,
  });
  const update = (detail: RoutineDetail, changes: Record<string, unknown>) => ({
    title: detail.title,
    category: detail.category,
    ownerUserId: detail.owner?.userId ?? org.userIds.hr,
    reviewDue: detail.reviewDue,
    appliesToAll: detail.appliesToAll,
    unitIds: detail.units.map((u) => u.id),
    body: detail.body,
    version: detail.version,
    ...changes,
  });
  const detail = async (id: string) =>
    expectStatus(await org.clients.hr.get<RoutineDetail>(`${R}/${id}`), 200).body;

  it('HR creates a routine from the avvik template: version 1 of the text is stored, and audited', async () => {
    const created = expectStatus(await org.clients.hr.post<RoutineDetail>(R, fromTemplate()), 201).body;
    avvikId = created.id;
    expect(created).toMatchObject({
      title: 'Rutine for melding og oppfølging av avvik',
      category: 'avvik',
      currentVersion: 1,
      version: 1,
      owner: { userId: org.userIds.hr, name: 'Hanne HR' },
      reviewState: 'ok',
      publishedBy: 'Hanne HR',
    });
    expect(created.body.startsWith('UTGANGSPUNKT – TILPASS FØR BRUK')).toBe(true);
    const [row] = await routineRows();
    expect(row).toMatchObject({
      id: avvikId,
      category: 'avvik',
      owner_user_id: org.userIds.hr,
      review_due: '2027-03-01',
      applies_to_all: true,
      current_version: 1,
      archived_at: null,
      created_by: org.userIds.hr,
    });
    const versions = await versionRows(avvikId);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      version: 1,
      body: ROUTINE_TEMPLATES.avvik.body,
      published_by: org.userIds.hr,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_type', '=', 'hms_routine')
      .where('entity_id', '=', avvikId)
      .execute();
    expect(audit).toEqual([{ action: 'create', actor_user_id: org.userIds.hr }]);
  });

  it('bad input: a 400 naming the field, and nothing written', async () => {
    const before = (await routineRows()).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ body: 'x'.repeat(20_001) }, 'body'],
      [{ body: '   ' }, 'body'],
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ category: 'hemmelig' }, 'category'],
      [{ reviewDue: '2027-02-30' }, 'reviewDue'],
      [{ appliesToAll: false, unitIds: [] }, 'unitIds'],
      [{ ownerUserId: 'ikke-en-id' }, 'ownerUserId'],
      [{ ownerUserId: org.userIds.otherOrg }, 'ownerUserId'],
      [{ appliesToAll: false, unitIds: ['00000000-0000-4000-8000-000000000000'] }, 'unitIds'],
      [{ diagnose: 'x' }, ''],
    ];
    for (const [patch, field] of cases) {
      const reply = expectStatus(
        await org.clients.hr.post<ErrorReply>(R, { ...fromTemplate(), ...patch }),
        400,
      );
      if (field) expect(reply.body.error.fields?.map((f) => f.path)).toContain(field);
      expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(await routineRows()).toHaveLength(before);
  });

  it('editing the text stores version 2; metadata alone makes no version; a stale save is 409 with nothing written', async () => {
    const v1 = await detail(avvikId);
    const body2 = `${v1.body}\n\nTillegg: Avvik meldes i Nærvær.`;
    const saved = expectStatus(
      await org.clients.hr.put<RoutineDetail>(
        `${R}/${avvikId}`,
        update(v1, { body: body2, changeNote: 'La til hvor avvik meldes' }),
      ),
      200,
    ).body;
    expect(saved).toMatchObject({ currentVersion: 2, version: 2, changeNote: 'La til hvor avvik meldes' });
    expect(saved.versions.map((v) => v.version)).toEqual([2, 1]);
    const versions = await versionRows(avvikId);
    expect(versions.map((v) => [v.version, v.change_note])).toEqual([
      [1, ''],
      [2, 'La til hvor avvik meldes'],
    ]);
    expect(versions[1]?.body).toBe(body2);

    // Only the review date: no new text version, but a new record revision.
    const meta = expectStatus(
      await org.clients.hr.put<RoutineDetail>(`${R}/${avvikId}`, update(saved, { reviewDue: '2027-03-15' })),
      200,
    ).body;
    expect(meta).toMatchObject({ currentVersion: 2, version: 3, reviewDue: '2027-03-15' });
    expect(await versionRows(avvikId)).toHaveLength(2);

    // A save based on what was read before: refused, nothing written.
    const stale = expectStatus(
      await org.clients.hr.put<Conflict>(
        `${R}/${avvikId}`,
        update(v1, { title: 'Overskrevet', body: 'Gammel tekst' }),
      ),
      409,
    );
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(await versionRows(avvikId)).toHaveLength(2);
    const row = (await routineRows()).find((r) => r.id === avvikId);
    expect(row).toMatchObject({ title: v1.title, version: 3, current_version: 2, review_due: '2027-03-15' });

    // One old version can be read on its own.
    const old = expectStatus(
      await org.clients.hr.get<RoutineVersionView>(`${R}/${avvikId}/versjoner/1`),
      200,
    ).body;
    expect(old).toMatchObject({ version: 1, current: false, body: ROUTINE_TEMPLATES.avvik.body });
    expectStatus(await org.clients.hr.get(`${R}/${avvikId}/versjoner/9`), 404);
    // Bad input on edit names the field too.
    const tooLong = expectStatus(
      await org.clients.hr.put<ErrorReply>(`${R}/${avvikId}`, update(meta, { body: 'x'.repeat(20_001) })),
      400,
    );
    expect(tooLong.body.error.fields?.map((f) => f.path)).toContain('body');
    expect(await versionRows(avvikId)).toHaveLength(2);
  });

  it('an employee sees the routine unread, confirms the current version; the confirmation is stored', async () => {
    const before = expectStatus(await org.clients.self.get<MyRoutines>(ME), 200).body;
    expect(before).toMatchObject({ isEmployee: true, unread: 1 });
    expect(before.items[0]).toMatchObject({ id: avvikId, state: 'unconfirmed', currentVersion: 2 });

    const oldVersion = expectStatus(
      await org.clients.self.post<Conflict>(`${R}/${avvikId}/bekreft`, { version: 1 }),
      409,
    );
    expect(oldVersion.body.error.reason).toBe('STALE_VERSION');
    expectStatus(await org.clients.self.post<ErrorReply>(`${R}/${avvikId}/bekreft`, { version: 'to' }), 400);
    expect(await confirmationRows(avvikId)).toHaveLength(0);

    const confirmed = expectStatus(
      await org.clients.self.post<ConfirmResult>(`${R}/${avvikId}/bekreft`, { version: 2 }),
      200,
    ).body;
    expect(confirmed).toMatchObject({ routineId: avvikId, version: 2 });
    // Again: nothing new.
    expectStatus(await org.clients.self.post(`${R}/${avvikId}/bekreft`, { version: 2 }), 200);
    const rows = await confirmationRows(avvikId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 2, employee_id: org.employees.sick, user_id: org.userIds.self });

    const after = expectStatus(await org.clients.self.get<MyRoutines>(ME), 200).body;
    expect(after.unread).toBe(0);
    expect(after.items[0]).toMatchObject({ state: 'confirmed', confirmedVersion: 2 });
    const mine = expectStatus(await org.clients.self.get<RoutineDetail>(`${R}/${avvikId}`), 200).body;
    expect(mine.mine).toMatchObject({ state: 'confirmed', confirmedVersion: 2 });
  });

  it('HR sees who has and has not confirmed; a leader only their own people; others 404', async () => {
    const all = expectStatus(
      await org.clients.hr.get<Confirmations>(`${R}/${avvikId}/bekreftelser`),
      200,
    ).body;
    expect(all.scope).toBe('all');
    expect(all.confirmed.map((p) => p.employeeId)).toEqual([org.employees.sick]);
    expect(all.notConfirmed).toHaveLength(6);
    expect(all.notConfirmed.find((p) => p.employeeId === sfoEmployee)).toMatchObject({ hasLogin: false });
    expect(all.notConfirmed.find((p) => p.employeeId === org.employees.other)).toMatchObject({
      hasLogin: true,
    });

    const own = expectStatus(
      await org.clients.lederA.get<Confirmations>(`${R}/${avvikId}/bekreftelser`),
      200,
    ).body;
    expect(own.scope).toBe('own');
    const ownIds = [...own.confirmed, ...own.notConfirmed].map((p) => p.employeeId).sort();
    expect(ownIds).toEqual([org.employees.leaderA, org.employees.sick, org.employees.vo].sort());
    expect(own.confirmed.map((p) => p.employeeId)).toEqual([org.employees.sick]);

    // «N av M» in the list follows the same scope; verneombud sees the routine but not the counts.
    const hrList = expectStatus(await org.clients.hr.get<RoutineList>(R), 200).body;
    expect(hrList.items.find((i) => i.id === avvikId)?.confirmations).toEqual({ confirmed: 1, total: 7 });
    const leaderList = expectStatus(await org.clients.lederA.get<RoutineList>(R), 200).body;
    expect(leaderList.items.find((i) => i.id === avvikId)?.confirmations).toEqual({ confirmed: 1, total: 3 });
    const voList = expectStatus(await org.clients.verneombud.get<RoutineList>(R), 200).body;
    expect(voList.items.find((i) => i.id === avvikId)?.confirmations).toBeNull();
    expect(voList.canSeeConfirmations).toBe(false);

    for (const who of [
      'self',
      'otherAnsatt',
      'verneombud',
      'tillitsvalgt',
      'amu',
      'bht',
      'otherOrg',
    ] as const) {
      expectStatus(await org.clients[who].get(`${R}/${avvikId}/bekreftelser`), 404);
    }
    const reads = await t.db
      .selectFrom('audit_log')
      .select('actor_user_id')
      .where('entity_type', '=', 'routine_confirmation')
      .where('action', '=', 'read')
      .execute();
    expect(reads.map((r) => r.actor_user_id).sort()).toEqual([org.userIds.hr, org.userIds.lederA].sort());
  });

  it('a new version needs a new confirmation; the old one stays as history', async () => {
    const current = await detail(avvikId);
    expectStatus(
      await org.clients.hr.put(`${R}/${avvikId}`, update(current, { body: `${current.body}\nNy linje.` })),
      200,
    );
    const me = expectStatus(await org.clients.self.get<MyRoutines>(ME), 200).body;
    expect(me.unread).toBe(1);
    expect(me.items[0]).toMatchObject({
      id: avvikId,
      state: 'new-version',
      confirmedVersion: 2,
      currentVersion: 3,
    });
    const who = expectStatus(
      await org.clients.hr.get<Confirmations>(`${R}/${avvikId}/bekreftelser`),
      200,
    ).body;
    expect(who.confirmed).toHaveLength(0);
    expect(who.notConfirmed.find((p) => p.employeeId === org.employees.sick)).toMatchObject({
      confirmedVersion: 2,
    });
    expectStatus(await org.clients.self.post(`${R}/${avvikId}/bekreft`, { version: 3 }), 200);
    expect((await confirmationRows(avvikId)).map((r) => r.version)).toEqual([2, 3]);
  });

  it('a routine limited to a unit applies there and below, and to nobody else', async () => {
    const created = expectStatus(
      await org.clients.hr.post<RoutineDetail>(R, {
        title: 'Rutine ved brann på skolen',
        category: 'brann',
        ownerUserId: org.userIds.lederB,
        reviewDue: '2027-06-01',
        appliesToAll: false,
        unitIds: [org.unitB],
        body: ROUTINE_TEMPLATES.brann.body,
        changeNote: '',
      }),
      201,
    ).body;
    skoleId = created.id;
    expect(created.units).toEqual([{ id: org.unitB, name: 'Skolen' }]);
    const stored = await t.db
      .selectFrom('hms_routine_unit')
      .select('unit_id')
      .where('routine_id', '=', skoleId)
      .execute();
    expect(stored).toEqual([{ unit_id: org.unitB }]);

    // Per Pleier (unit A) neither sees nor confirms it.
    const self = expectStatus(await org.clients.self.get<MyRoutines>(ME), 200).body;
    expect(self.items.map((i) => i.id)).not.toContain(skoleId);
    expectStatus(await org.clients.self.get(`${R}/${skoleId}`), 404);
    expectStatus(await org.clients.self.post(`${R}/${skoleId}/bekreft`, { version: 1 }), 404);
    const selfList = expectStatus(await org.clients.self.get<RoutineList>(R), 200).body;
    expect(selfList.items.map((i) => i.id)).toEqual([avvikId]);
    expect(selfList.canEdit).toBe(false);

    // Siri Skole (unit B) does.
    const other = expectStatus(await org.clients.otherAnsatt.get<MyRoutines>(ME), 200).body;
    expect(other.items.map((i) => i.id)).toContain(skoleId);
    expectStatus(await org.clients.otherAnsatt.post(`${R}/${skoleId}/bekreft`, { version: 1 }), 200);

    // The SFO below Skolen is covered too; unit A is not.
    const who = expectStatus(
      await org.clients.hr.get<Confirmations>(`${R}/${skoleId}/bekreftelser`),
      200,
    ).body;
    const ids = [...who.confirmed, ...who.notConfirmed].map((p) => p.employeeId).sort();
    expect(ids).toEqual([org.employees.leaderB, org.employees.other, org.employees.tv, sfoEmployee].sort());
    expect(who.confirmed.map((p) => p.employeeId)).toEqual([org.employees.other]);
  });

  it('other tenants and users without the role get 404 and change nothing', async () => {
    const before = await detail(avvikId);
    expectStatus(await org.clients.otherOrg.get(`${R}/${avvikId}`), 404);
    expectStatus(await org.clients.otherOrg.get(`${R}/${avvikId}/versjoner/1`), 404);
    expectStatus(
      await org.clients.otherOrg.put(`${R}/${avvikId}`, update(before, { title: 'Fremmed' })),
      404,
    );
    expectStatus(await org.clients.otherOrg.post(`${R}/${avvikId}/arkiver`), 404);
    expectStatus(
      await org.clients.otherOrg.post(`${R}/${avvikId}/bekreft`, { version: before.currentVersion }),
      404,
    );
    const otherList = expectStatus(await org.clients.otherOrg.get<RoutineList>(R), 200).body;
    expect(otherList.items).toEqual([]);
    for (const who of ['lederA', 'verneombud', 'self', 'amu'] as const) {
      expectStatus(await org.clients[who].post(R, fromTemplate()), 404);
      expectStatus(await org.clients[who].put(`${R}/${avvikId}`, update(before, { title: 'Nei' })), 404);
      expectStatus(await org.clients[who].post(`${R}/${avvikId}/arkiver`), 404);
      expectStatus(await org.clients[who].get(`${R}/eiere`), 404);
    }
    // Readers of the library: leaders and verneombud read every routine.
    expectStatus(await org.clients.verneombud.get(`${R}/${skoleId}`), 200);
    expectStatus(await org.clients.lederA.get(`${R}/${skoleId}`), 200);
    // AMU without an employee record has nothing that applies.
    const amu = expectStatus(await org.clients.amu.get<MyRoutines>(ME), 200).body;
    expect(amu).toEqual({ items: [], unread: 0, isEmployee: false });
    expectStatus(await org.clients.amu.get(`${R}/${avvikId}`), 404);
    expect((await detail(avvikId)).version).toBe(before.version);
  });

  it('shows the sick-leave routine as a read-only entry (version 1 is the built-in default)', async () => {
    const list = expectStatus(await org.clients.hr.get<RoutineList>(R), 200).body;
    expect(list.sickLeave).toEqual({ version: 1, updatedAt: null, link: '/innstillinger' });
    const owners = expectStatus(
      await org.clients.hr.get<{ items: { userId: string; name: string }[] }>(`${R}/eiere`),
      200,
    ).body.items;
    expect(owners.map((o) => o.name)).toContain('Hanne HR');
    expect(owners.map((o) => o.userId)).not.toContain(org.userIds.otherOrg);
  });

  it('reminds the owner of the review 14 days before, exactly once', async () => {
    const day = '2027-03-01'; // 14 days before the review on 15 March
    const deadlines = await routineDeadlines(t.db, {
      organisationId: org.orgId,
      from: day,
      to: day,
      today: day,
    });
    const mine = deadlines.filter((d) => d.subjectId === avvikId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      reminderDates: ['2027-03-01', '2027-03-15'],
      title: { nb: 'Gjennomgang av rutine (avvik)' },
      recipients: { kind: 'users', userIds: [org.userIds.hr] },
    });
    const sent = () =>
      t.db
        .selectFrom('notification')
        .select(['key', 'user_id'])
        .where('organisation_id', '=', org.orgId)
        .where('key', 'like', 'reminder:rutiner:%')
        .execute();
    expect(await sent()).toHaveLength(0);
    await runSweep({ db: t.db, deadlineSource: routineDeadlines, today: day });
    const first = await sent();
    expect(first).toHaveLength(1);
    expect(first[0]?.user_id).toBe(org.userIds.hr);
    expect(first[0]?.key).toContain(avvikId);
    await runSweep({ db: t.db, deadlineSource: routineDeadlines, today: day });
    expect(await sent()).toHaveLength(1);
  });

  it('gives the IK dashboard its evidence; archiving takes a routine out of everything', async () => {
    expect(await routineEvidence(t.db, org.orgId, TODAY)).toEqual({
      current: 3,
      avvik: true,
      overdueReview: 0,
    });
    expect(await routineEvidence(t.db, org.orgId, '2027-03-16')).toEqual({
      current: 3,
      avvik: true,
      overdueReview: 1,
    });

    const archived = expectStatus(
      await org.clients.hr.post<RoutineDetail>(`${R}/${avvikId}/arkiver`),
      200,
    ).body;
    expect(archived.archived).toBe(true);
    const row = (await routineRows()).find((r) => r.id === avvikId);
    expect(row?.archived_at).not.toBeNull();
    expect(row?.archived_by).toBe(org.userIds.hr);
    expect(await routineEvidence(t.db, org.orgId, TODAY)).toEqual({
      current: 2,
      avvik: false,
      overdueReview: 0,
    });

    const again = expectStatus(await org.clients.hr.post<Conflict>(`${R}/${avvikId}/arkiver`), 409);
    expect(again.body.error.reason).toBe('WRONG_STATE');
    expectStatus(await org.clients.hr.put(`${R}/${avvikId}`, update(archived, { title: 'Ny' })), 409);
    expect((await org.clients.self.get<MyRoutines>(ME)).body.items.map((i) => i.id)).not.toContain(avvikId);
    expectStatus(await org.clients.lederA.get(`${R}/${avvikId}`), 404);
    const hrList = expectStatus(await org.clients.hr.get<RoutineList>(R), 200).body;
    expect(hrList.items.map((i) => i.id)).toEqual([skoleId]);
    const withArchived = expectStatus(await org.clients.hr.get<RoutineList>(`${R}?arkiverte=true`), 200).body;
    expect(withArchived.items.map((i) => i.id).sort()).toEqual([avvikId, skoleId].sort());
    const deadlines = await routineDeadlines(t.db, {
      organisationId: org.orgId,
      from: '2027-03-01',
      to: '2027-03-01',
      today: '2027-03-01',
    });
    expect(deadlines.map((d) => d.subjectId)).not.toContain(avvikId);
    // The confirmations stay as history.
    expect((await confirmationRows(avvikId)).length).toBe(2);
  });
});
