/**
 * Roller og verv on both databases: a verneombud registered for an area is stored with its two-year
 * term and gives the linked login the `verneombud` role for the area in the same transaction; a second
 * verneombud for the area in the same period is refused (409) and writes nothing; bad input names the
 * field and writes nothing; ending a role keeps it as history and takes away only the login role this
 * module gave; the AMU chair alternates; `roleEvidence` counts what the IK dashboard needs; term
 * reminders go out exactly once, 60 days before; every employee reads the list, only admin/HR write,
 * and another organisation's ids answer 404.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Chair, RoleItem, RollerView } from '../../src/contracts/roller/roller.schemas.ts';
import { runSweep } from '../../src/modules/notifications/index.ts';
import { roleEvidence, syncAllLogins } from '../../src/modules/roller/index.ts';
import { termDeadlines } from '../../src/modules/roller/reminders.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, type ErrorReply, type SickOrg } from '../support/sykefravaer-org.ts';

/** A fixed day for the whole file. */
const TODAY = '2027-01-10';
const R = '/api/v1/roller';

type ConflictReply = ErrorReply & { error: { reason?: string } };

describeEachDatabase('roller on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let areaA: string;
  let areaB: string;
  let areaC: string;
  /** Tor (tillitsvalgt, has a login) as verneombud for area B. */
  let voB: RoleItem;
  /** Vera (verneombud by hand for area A) as verneombud for area A. */
  let voA: RoleItem;
  let amuEmployer: RoleItem;
  let amuEmployee: RoleItem;

  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
    const areas = expectStatus(
      await org.clients.hr.get<{ items: { id: string; name: string }[] }>('/api/v1/verneomrader'),
      200,
    );
    areaA = areas.body.items.find((a) => a.name === 'Område A')?.id ?? '';
    areaB = expectStatus(
      await org.clients.admin.post<{ id: string }>('/api/v1/verneomrader', {
        name: 'Område B',
        unitIds: [org.unitB],
      }),
      201,
    ).body.id;
    areaC = expectStatus(
      await org.clients.admin.post<{ id: string }>('/api/v1/verneomrader', { name: 'Område C', unitIds: [] }),
      201,
    ).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const roles = () =>
    t.db.selectFrom('hms_role').selectAll().where('organisation_id', '=', org.orgId).execute();
  const grants = (userId: string) =>
    t.db
      .selectFrom('role_assignment')
      .select(['role', 'verneomrade_id'])
      .where('organisation_id', '=', org.orgId)
      .where('user_id', '=', userId)
      .execute();
  const view = async () => expectStatus(await org.clients.hr.get<RollerView>(R), 200).body;

  it('registers a verneombud for an area with a two-year term and gives the linked login the verneombud role', async () => {
    const reply = expectStatus(
      await org.clients.hr.post<RoleItem>(R, {
        kind: 'verneombud',
        employeeId: org.employees.tv,
        verneomradeId: areaB,
        termStart: '2026-03-01',
        how: 'valgt',
      }),
      201,
    );
    voB = reply.body;
    // FOLM § 3-4: two years less a day — the next term starts on 1 March 2028.
    expect(voB).toMatchObject({
      name: 'Tor Tillitsvalgt',
      termEnd: '2028-02-29',
      status: 'active',
      verneomradeName: 'Område B',
    });

    const stored = (await roles()).find((r) => r.id === voB.id);
    expect(stored).toMatchObject({
      kind: 'verneombud',
      employee_id: org.employees.tv,
      verneomrade_id: areaB,
      term_start: '2026-03-01',
      term_end: '2028-02-29',
      how: 'valgt',
      ended_on: null,
      login_user_id: org.userIds.tillitsvalgt,
      created_by: org.userIds.hr,
    });
    expect(await grants(org.userIds.tillitsvalgt)).toContainEqual({
      role: 'verneombud',
      verneomrade_id: areaB,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['entity_type', 'action', 'entity_id'])
      .where('organisation_id', '=', org.orgId)
      .where('entity_type', 'in', ['hms_role', 'role_assignment'])
      .execute();
    expect(audit).toContainEqual({ entity_type: 'hms_role', action: 'create', entity_id: voB.id });
    expect(audit).toContainEqual({
      entity_type: 'role_assignment',
      action: 'create',
      entity_id: org.userIds.tillitsvalgt,
    });

    const listed = (await view()).roles.find((r) => r.id === voB.id);
    expect(listed).toMatchObject({ kind: 'verneombud', verneomradeId: areaB, termStart: '2026-03-01' });
  });

  it('refuses a second verneombud for the same area in the same period (409 ALREADY_EXISTS) and writes nothing', async () => {
    const before = await roles();
    const reply = expectStatus(
      await org.clients.hr.post<ConflictReply>(R, {
        kind: 'verneombud',
        employeeId: org.employees.other,
        verneomradeId: areaB,
        termStart: '2027-01-01',
        how: 'valgt',
      }),
      409,
    );
    expect(reply.body.error.reason).toBe('ALREADY_EXISTS');
    expect(reply.body.error.message).toContain('Tor Tillitsvalgt');
    expect(await roles()).toHaveLength(before.length);
    expect(await grants(org.userIds.otherAnsatt)).not.toContainEqual({
      role: 'verneombud',
      verneomrade_id: areaB,
    });

    // Nor a second top leader or hovedverneombud at a time.
    expectStatus(
      await org.clients.hr.post(R, {
        kind: 'daglig-leder',
        employeeId: org.employees.leaderB,
        termStart: '2020-01-01',
        how: 'utpekt',
      }),
      201,
    );
    const second = expectStatus(
      await org.clients.hr.post<ConflictReply>(R, {
        kind: 'daglig-leder',
        employeeId: org.employees.leaderA,
        termStart: '2027-01-01',
        how: 'utpekt',
      }),
      409,
    );
    expect(second.body.error.reason).toBe('ALREADY_EXISTS');
  });

  it('answers bad input with 400 naming the field, and writes nothing', async () => {
    const left = await t.db
      .insertInto('employee')
      .values({
        organisation_id: org.orgId,
        name: 'Sluttet Person',
        employment_start: '2019-01-01',
        employment_end: '2026-12-31',
        unit_id: org.unitA,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = (await roles()).length;
    const vo = {
      kind: 'verneombud',
      employeeId: org.employees.other,
      verneomradeId: areaC,
      termStart: '2027-01-01',
      how: 'valgt',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...vo, termEnd: '2026-12-31' }, 'termEnd'],
      [{ ...vo, termEnd: '2027-01-01' }, 'termEnd'],
      [{ ...vo, termEnd: null }, 'termEnd'],
      [{ ...vo, employeeId: undefined }, 'employeeId'],
      [{ ...vo, verneomradeId: undefined }, 'verneomradeId'],
      [{ ...vo, verneomradeId: '00000000-0000-4000-8000-000000000000' }, 'verneomradeId'],
      [{ ...vo, kind: 'styreleder' }, 'kind'],
      [{ ...vo, how: 'loddet' }, 'how'],
      [{ ...vo, termStart: '2027-02-30' }, 'termStart'],
      [{ ...vo, employeeId: org.employees.stranger }, 'employeeId'],
      // The employee left on 31 December 2026: no new role.
      [{ ...vo, employeeId: left.id }, 'employeeId'],
      [{ kind: 'amu-bht', termStart: '2027-01-01', how: 'utpekt', providerName: 'BHT AS' }, 'personName'],
      [{ kind: 'bht-kontakt', termStart: '2027-01-01', how: 'utpekt', personName: 'Kari' }, 'providerName'],
      [
        {
          kind: 'bht-kontakt',
          termStart: '2027-01-01',
          how: 'utpekt',
          providerName: 'BHT AS',
          employeeId: org.employees.other,
        },
        'employeeId',
      ],
    ];
    for (const [body, field] of cases) {
      const reply = expectStatus(await org.clients.hr.post<ErrorReply>(R, body), 400);
      expect(
        reply.body.error.fields?.map((f) => f.path),
        JSON.stringify(body),
      ).toContain(field);
      expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(await roles()).toHaveLength(before);
  });

  it('corrects the term (PUT), and refuses an end before the start or no end for a verneombud', async () => {
    const fixed = expectStatus(
      await org.clients.hr.put<RoleItem>(`${R}/${voB.id}`, {
        termStart: '2026-03-01',
        termEnd: '2028-02-28',
        how: 'utpekt',
      }),
      200,
    );
    expect(fixed.body).toMatchObject({ termEnd: '2028-02-28', how: 'utpekt' });
    const stored = (await roles()).find((r) => r.id === voB.id);
    expect(stored).toMatchObject({ term_end: '2028-02-28', how: 'utpekt' });

    const early = expectStatus(
      await org.clients.hr.put<ErrorReply>(`${R}/${voB.id}`, {
        termStart: '2026-03-01',
        termEnd: '2026-02-01',
        how: 'valgt',
      }),
      400,
    );
    expect(early.body.error.fields?.[0]?.path).toBe('termEnd');
    const none = expectStatus(
      await org.clients.hr.put<ErrorReply>(`${R}/${voB.id}`, {
        termStart: '2026-03-01',
        termEnd: null,
        how: 'valgt',
      }),
      400,
    );
    expect(none.body.error.fields?.[0]?.path).toBe('termEnd');
    expect((await roles()).find((r) => r.id === voB.id)).toMatchObject({
      term_end: '2028-02-28',
      how: 'utpekt',
    });
  });

  it('ends a role: kept as history, and the login role this module gave is taken away', async () => {
    const future = expectStatus(
      await org.clients.hr.post<ErrorReply>(`${R}/${voB.id}/end`, { endedOn: '2027-01-11' }),
      400,
    );
    expect(future.body.error.fields?.[0]?.path).toBe('endedOn');
    const tooEarly = expectStatus(
      await org.clients.hr.post<ErrorReply>(`${R}/${voB.id}/end`, { endedOn: '2026-02-01' }),
      400,
    );
    expect(tooEarly.body.error.fields?.[0]?.path).toBe('endedOn');

    const ended = expectStatus(
      await org.clients.hr.post<RoleItem>(`${R}/${voB.id}/end`, { endedOn: TODAY, reason: 'byttet-omrade' }),
      200,
    );
    expect(ended.body.status).toBe('ended');
    expect((await roles()).find((r) => r.id === voB.id)).toMatchObject({
      ended_on: TODAY,
      ended_reason: 'byttet-omrade',
      login_user_id: null,
    });
    expect(await grants(org.userIds.tillitsvalgt)).not.toContainEqual({
      role: 'verneombud',
      verneomrade_id: areaB,
    });

    const v = await view();
    expect(v.roles.map((r) => r.id)).not.toContain(voB.id);
    expect(v.history.find((r) => r.id === voB.id)).toMatchObject({ status: 'ended', endedOn: TODAY });

    const again = expectStatus(
      await org.clients.hr.post<ConflictReply>(`${R}/${voB.id}/end`, { endedOn: TODAY }),
      409,
    );
    expect(again.body.error.reason).toBe('WRONG_STATE');
    expectStatus(
      await org.clients.hr.put(`${R}/${voB.id}`, {
        termStart: '2026-03-01',
        termEnd: '2028-02-28',
        how: 'valgt',
      }),
      409,
    );
  });

  it('registers AMU on both sides and the BHT representative; gives AMU members with a login the amu role', async () => {
    amuEmployer = expectStatus(
      await org.clients.hr.post<RoleItem>(R, {
        kind: 'amu-arbeidsgiver',
        employeeId: org.employees.leaderA,
        termStart: '2026-01-01',
        how: 'utpekt',
      }),
      201,
    ).body;
    amuEmployee = expectStatus(
      await org.clients.hr.post<RoleItem>(R, {
        kind: 'amu-arbeidstaker',
        employeeId: org.employees.sick,
        termStart: '2026-01-01',
        how: 'valgt',
      }),
      201,
    ).body;
    const bht = expectStatus(
      await org.clients.hr.post<RoleItem>(R, {
        kind: 'amu-bht',
        personName: 'Berit Bedriftshelse',
        providerName: 'Trygg BHT AS',
        termStart: '2026-01-01',
        how: 'utpekt',
      }),
      201,
    ).body;
    expect(amuEmployer.termEnd).toBe('2027-12-31');
    expect(bht).toMatchObject({ name: 'Berit Bedriftshelse', providerName: 'Trygg BHT AS' });
    expect(await grants(org.userIds.self)).toContainEqual({ role: 'amu', verneomrade_id: null });
    expect(await grants(org.userIds.lederA)).toContainEqual({ role: 'amu', verneomrade_id: null });
    const stored = (await roles()).find((r) => r.id === bht.id);
    expect(stored).toMatchObject({
      employee_id: null,
      person_name: 'Berit Bedriftshelse',
      provider_name: 'Trygg BHT AS',
    });
  });

  it('records the AMU chair per year; the side alternates (aml § 7-1 (4), FOLM § 3-12)', async () => {
    const before = await view();
    expect(before.amuChair.thisYear).toEqual({ year: 2027, side: null, chair: null });

    const chair = expectStatus(
      await org.clients.hr.put<Chair>(`${R}/amu-leder/2027`, {
        side: 'arbeidsgiver',
        roleId: amuEmployer.id,
      }),
      200,
    );
    expect(chair.body).toEqual({
      year: 2027,
      side: 'arbeidsgiver',
      roleId: amuEmployer.id,
      name: 'Lise Leder',
    });
    const stored = await t.db
      .selectFrom('amu_chair')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .execute();
    expect(stored).toEqual([
      expect.objectContaining({
        year: 2027,
        side: 'arbeidsgiver',
        role_id: amuEmployer.id,
        created_by: org.userIds.hr,
      }),
    ]);
    const after = await view();
    expect(after.amuChair.thisYear.chair?.name).toBe('Lise Leder');
    // Next year it is the employees' turn.
    expect(after.amuChair.nextYear).toEqual({ year: 2028, side: 'arbeidstaker', chair: null });

    const sameSide = expectStatus(
      await org.clients.hr.put<ErrorReply>(`${R}/amu-leder/2028`, { side: 'arbeidsgiver', roleId: null }),
      400,
    );
    expect(sameSide.body.error.fields?.[0]?.path).toBe('side');
    const wrongMember = expectStatus(
      await org.clients.hr.put<ErrorReply>(`${R}/amu-leder/2028`, {
        side: 'arbeidstaker',
        roleId: amuEmployer.id,
      }),
      400,
    );
    expect(wrongMember.body.error.fields?.[0]?.path).toBe('roleId');
    const badYear = expectStatus(
      await org.clients.hr.put<ErrorReply>(`${R}/amu-leder/tjuetjueåtte`, {
        side: 'arbeidstaker',
        roleId: null,
      }),
      400,
    );
    expect(badYear.body.error.fields?.[0]?.path).toBe('params.year');
    expect(
      await t.db.selectFrom('amu_chair').selectAll().where('organisation_id', '=', org.orgId).execute(),
    ).toHaveLength(1);
  });

  it('roleEvidence gives the IK dashboard its counts; a registered successor ends an overdue election', async () => {
    voA = expectStatus(
      await org.clients.hr.post<RoleItem>(R, {
        kind: 'verneombud',
        employeeId: org.employees.vo,
        verneomradeId: areaA,
        termStart: '2025-03-01',
        how: 'valgt',
      }),
      201,
    ).body;
    // Vera had the verneombud role for area A already (given by the administrator): not this module's.
    expect((await roles()).find((r) => r.id === voA.id)?.login_user_id).toBeNull();
    expectStatus(
      await org.clients.hr.post(R, {
        kind: 'hovedverneombud',
        employeeId: org.employees.vo,
        termStart: '2025-03-01',
        how: 'valgt',
      }),
      201,
    );
    // Area C's verneombud's term ran out on 31 December 2025 and nobody was elected.
    const expired = expectStatus(
      await org.clients.hr.post<RoleItem>(R, {
        kind: 'verneombud',
        employeeId: org.employees.other,
        verneomradeId: areaC,
        termStart: '2024-01-01',
        how: 'oppnevnt',
      }),
      201,
    ).body;
    expect(expired).toMatchObject({ termEnd: '2025-12-31', status: 'expired', overdue: true });
    expectStatus(
      await org.clients.hr.post(R, {
        kind: 'bht-kontakt',
        providerName: 'Trygg BHT AS',
        termStart: '2025-01-01',
        how: 'utpekt',
      }),
      201,
    );

    const evidence = await roleEvidence(t.db, org.orgId, TODAY);
    expect(evidence).toEqual({
      topLeader: { employeeId: org.employees.leaderB, name: 'Bjørn Bestyrer' },
      verneomrader: 3,
      // A (Vera) and C (expired, but acting until replaced — FOLM § 3-4); B's verneombud was ended.
      verneomraderWithVo: 2,
      hovedverneombud: true,
      amuMembers: 2,
      bhtContact: true,
      expiredTerms: 1,
      lastVoElection: '2026-03-01',
      lastAmuElection: '2026-01-01',
      voAmuEmployeeIds: expect.arrayContaining([
        org.employees.vo,
        org.employees.other,
        org.employees.sick,
        org.employees.leaderA,
      ]),
    });
    expect(evidence.voAmuEmployeeIds).toHaveLength(4);

    // The newly elected verneombud for area C starts on 1 February: the election is no longer overdue.
    expectStatus(
      await org.clients.hr.post(R, {
        kind: 'verneombud',
        employeeId: org.employees.tv,
        verneomradeId: areaC,
        termStart: '2027-02-01',
        how: 'valgt',
      }),
      201,
    );
    const later = await roleEvidence(t.db, org.orgId, TODAY);
    expect(later.expiredTerms).toBe(0);
    expect(later.verneomraderWithVo).toBe(2);
    expect((await view()).roles.find((r) => r.id === expired.id)).toMatchObject({
      status: 'expired',
      overdue: false,
    });
  });

  it('the daily upkeep gives the login role when a term starts and takes it when a successor takes over', async () => {
    const tor = () => grants(org.userIds.tillitsvalgt);
    const siri = () => grants(org.userIds.otherAnsatt);
    // Until 1 February Siri (expired, acting until replaced — FOLM § 3-4) has area C; Tor not yet.
    expect(await siri()).toContainEqual({ role: 'verneombud', verneomrade_id: areaC });
    expect(await tor()).not.toContainEqual({ role: 'verneombud', verneomrade_id: areaC });
    expect(await syncAllLogins(t.db, '2027-02-01')).toBe(2);
    expect(await tor()).toContainEqual({ role: 'verneombud', verneomrade_id: areaC });
    expect(await siri()).not.toContainEqual({ role: 'verneombud', verneomrade_id: areaC });
    const system = await t.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'actor_roles', 'action'])
      .where('organisation_id', '=', org.orgId)
      .where('entity_type', '=', 'role_assignment')
      .where('actor_roles', '=', 'system')
      .execute();
    expect(system).toContainEqual({ actor_user_id: null, actor_roles: 'system', action: 'create' });
    expect(system).toContainEqual({ actor_user_id: null, actor_roles: 'system', action: 'delete' });
    // A second run changes nothing.
    expect(await syncAllLogins(t.db, '2027-02-01')).toBe(0);
  });

  it('reminds HR 60 days before a term ends and on its last day, exactly once, naming the role only', async () => {
    // Vera's term in area A ends on 28 February 2027; the first reminder is on 30 December 2026.
    const day = '2026-12-30';
    const deadlines = await termDeadlines(t.db, {
      organisationId: org.orgId,
      from: day,
      to: day,
      today: day,
    });
    const mine = deadlines.filter((d) => d.subjectId === voA.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      due: '2027-02-28',
      reminderDates: ['2026-12-30', '2027-02-28'],
      open: true,
      title: { nb: 'Verneombudets funksjonstid går ut', en: "The safety representative's term ends" },
      recipients: { kind: 'role', role: 'hr' },
      keyBase: `reminder:roller:${org.orgId}:${voA.id}:term-end`,
    });
    // The ended verneombud of area B is closed.
    const b = await termDeadlines(t.db, {
      organisationId: org.orgId,
      from: '2027-12-30',
      to: '2027-12-30',
      today: '2027-12-30',
    });
    expect(b.find((d) => d.subjectId === voB.id)?.open).toBe(false);

    const sent = () =>
      t.db
        .selectFrom('notification')
        .select(['key', 'user_id', 'title_nb', 'body_nb'])
        .where('organisation_id', '=', org.orgId)
        .where('key', 'like', `reminder:roller:${org.orgId}:${voA.id}:%`)
        .execute();
    expect(await sent()).toHaveLength(0);
    await runSweep({ db: t.db, deadlineSource: termDeadlines, today: day });
    const first = await sent();
    expect(first.map((n) => n.user_id)).toEqual([org.userIds.hr]);
    expect(`${first[0]?.title_nb} ${first[0]?.body_nb}`).not.toContain('Vera');
    await runSweep({ db: t.db, deadlineSource: termDeadlines, today: day });
    expect(await sent()).toHaveLength(first.length);
  });

  it('ending a role whose login role an administrator gave leaves that login role alone', async () => {
    expectStatus(await org.clients.hr.post(`${R}/${voA.id}/end`, { endedOn: TODAY, reason: 'sluttet' }), 200);
    expect(await grants(org.userIds.verneombud)).toContainEqual({
      role: 'verneombud',
      verneomrade_id: areaA,
    });
  });

  it('lets every employee read the list (names, area, term — no contact details); only admin and HR write', async () => {
    const asEmployee = expectStatus(await org.clients.otherAnsatt.get<RollerView>(R), 200);
    expect(asEmployee.body.roles.length).toBeGreaterThan(0);
    expect(JSON.stringify(asEmployee.body)).not.toMatch(/@|example\.no/);
    for (const who of [
      'self',
      'otherAnsatt',
      'lederA',
      'verneombud',
      'tillitsvalgt',
      'amu',
      'bht',
    ] as const) {
      expectStatus(await org.clients[who].get(R), 200);
      expectStatus(
        await org.clients[who].post(R, {
          kind: 'daglig-leder',
          employeeId: org.employees.other,
          termStart: '2027-01-01',
          how: 'utpekt',
        }),
        404,
      );
      expectStatus(
        await org.clients[who].put(`${R}/${amuEmployee.id}`, {
          termStart: '2026-01-01',
          termEnd: '2027-12-31',
          how: 'valgt',
        }),
        404,
      );
      expectStatus(await org.clients[who].post(`${R}/${amuEmployee.id}/end`, { endedOn: TODAY }), 404);
      expectStatus(
        await org.clients[who].put(`${R}/amu-leder/2028`, { side: 'arbeidstaker', roleId: null }),
        404,
      );
    }
    expectStatus(await t.client().get(R), 401);
    expect((await roles()).find((r) => r.id === amuEmployee.id)?.ended_on).toBeNull();
  });

  it('another organisation sees none of it: its list is its own and our ids answer 404', async () => {
    const theirs = expectStatus(await org.clients.otherOrg.get<RollerView>(R), 200);
    expect(theirs.body.roles).toEqual([]);
    expect(theirs.body.verneomrader).toEqual([]);
    expectStatus(
      await org.clients.otherOrg.put(`${R}/${amuEmployee.id}`, {
        termStart: '2026-01-01',
        termEnd: '2027-12-31',
        how: 'valgt',
      }),
      404,
    );
    expectStatus(await org.clients.otherOrg.post(`${R}/${amuEmployee.id}/end`, { endedOn: TODAY }), 404);
    const chair = expectStatus(
      await org.clients.otherOrg.put<ErrorReply>(`${R}/amu-leder/2027`, {
        side: 'arbeidstaker',
        roleId: amuEmployee.id,
      }),
      400,
    );
    expect(chair.body.error.fields?.[0]?.path).toBe('roleId');
    const stranger = expectStatus(
      await org.clients.otherOrg.post<ErrorReply>(R, {
        kind: 'daglig-leder',
        employeeId: org.employees.leaderA,
        termStart: '2027-01-01',
        how: 'utpekt',
      }),
      400,
    );
    expect(stranger.body.error.fields?.[0]?.path).toBe('employeeId');
    expect((await roles()).find((r) => r.id === amuEmployee.id)?.ended_on).toBeNull();
    expect(
      await t.db.selectFrom('hms_role').select('id').where('organisation_id', '=', org.otherOrgId).execute(),
    ).toEqual([]);
  });
});
