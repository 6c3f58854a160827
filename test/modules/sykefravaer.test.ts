/**
 * Sick-leave follow-up through the API: periods, the case view, milestones, corrections with
 * history, re-opened cases, optimistic concurrency, audit of every read, the employee's own
 * egenmelding, settings, and bad input on every write route.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaseView } from '../../src/contracts/sykefravaer/sykefravaer.schemas.ts';
import { addDays } from '../../src/domain/calendar/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import {
  buildSickOrg,
  daysAgo,
  type ErrorReply,
  type SickOrg,
  today,
  versionOf,
} from '../support/sykefravaer-org.ts';

const BASE = '/api/v1/sykefravaer';
type Evaluation = {
  allowed: boolean;
  reasons: { code: string; nb: string }[];
  flags: { code: string; nb: string }[];
};

describeEachDatabase('sykefravær on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await buildSickOrg(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const caseUrl = (employeeId: string) => `${BASE}/employees/${employeeId}`;
  const milestone = (view: CaseView, key: string) => {
    const m = view.milestones.find((x) => x.key === key);
    if (!m) throw new Error(`no milestone ${key}`);
    return m;
  };

  it('a leader registers a 100 % sykmelding from 30 days ago: oppfølgingsplan overdue, dialogmøte 1 ahead', async () => {
    const lise = org.clients.lederA;
    const empty = expectStatus(await lise.get<CaseView>(caseUrl(org.employees.sick)), 200).body;
    expect(empty.version).toBe(0);
    expect(empty.currentCase).toBeNull();
    expect(empty.plan.followUp).toBeNull();

    const start = daysAgo(30);
    const created = expectStatus(
      await lise.post<CaseView>(`${caseUrl(org.employees.sick)}/periods`, {
        type: 'sykmelding',
        start,
        end: addDays(today(), 30),
        grade: 100,
        version: empty.version,
      }),
      201,
    ).body;
    expect(created.version).toBe(1);
    expect(created.employee).toMatchObject({
      id: org.employees.sick,
      name: 'Per Pleier',
      unitName: 'Hjemmetjenesten',
    });
    expect(created.periods).toHaveLength(1);
    expect(created.periods[0]).toMatchObject({
      type: 'sykmelding',
      grade: 100,
      avventende: false,
      source: 'employer',
    });
    expect(created.periods[0]?.createdBy.name).toBe('Lise Leder');
    expect(created.currentCase).toMatchObject({
      start,
      end: addDays(today(), 30),
      status: 'ongoing',
      sickDays: 61,
      gradeToday: 100,
      arbeidsgiverperiode: { start, end: addDays(start, 15), days: 16, overridden: false },
      maksdatoForelopig: true,
    });
    expect(created.currentCase?.maksdato).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const plan = milestone(created, 'oppfolgingsplan');
    expect(plan).toMatchObject({
      due: addDays(start, 27),
      status: 'required',
      state: 'overdue',
      daysLeft: -3,
    });
    expect(plan.stateText.nb).toMatch(/^Fristen gikk ut .*, for 3 dager siden\.$/);
    const dm1 = milestone(created, 'dialogmote1');
    expect(dm1).toMatchObject({ due: addDays(start, 48), status: 'required', daysLeft: 18 });
    expect(['upcoming', 'due-soon']).toContain(dm1.state);
    expect(dm1.reminders).toEqual([addDays(start, 34), addDays(start, 48)]);
  });

  it('a milestone marked done stays done after another period; an exception needs a reason and records who; undo works', async () => {
    const lise = org.clients.lederA;
    const url = caseUrl(org.employees.sick);
    let view = expectStatus(await lise.get<CaseView>(url), 200).body;
    const caseStart = view.currentCase!.start;

    view = expectStatus(
      await lise.post<CaseView>(`${url}/milestones/oppfolgingsplan/done`, {
        caseStart,
        note: 'Plan laget sammen med Per.',
        version: view.version,
      }),
      201,
    ).body;
    const done = milestone(view, 'oppfolgingsplan');
    expect(done.state).toBe('done');
    expect(done.done).toMatchObject({
      doneAt: today(),
      note: 'Plan laget sammen med Per.',
      evidenceRef: null,
    });
    expect(done.done?.doneBy.displayName).toBe('Lise Leder');

    // Another period (graded after the first) re-derives the plan; the done record stays.
    view = expectStatus(
      await lise.post<CaseView>(`${url}/periods`, {
        type: 'sykmelding',
        start: addDays(today(), 31),
        end: addDays(today(), 60),
        grade: 50,
        version: view.version,
      }),
      201,
    ).body;
    expect(view.currentCase?.end).toBe(addDays(today(), 60));
    expect(milestone(view, 'oppfolgingsplan').state).toBe('done');

    const noReason = await lise.post<ErrorReply>(`${url}/milestones/dialogmote1/exception`, {
      caseStart,
      version: view.version,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields?.map((f) => f.path)).toEqual(['reason']);
    const notExemptable = await lise.post<ErrorReply>(`${url}/milestones/aktivitetsplikt/exception`, {
      caseStart,
      reason: 'Ikke nødvendig',
      version: view.version,
    });
    expect(notExemptable.status).toBe(400);
    expect(notExemptable.body.error.fields?.[0]?.path).toBe('key');
    const wrongCase = await lise.post<ErrorReply>(`${url}/milestones/dialogmote1/exception`, {
      caseStart: addDays(caseStart, 1),
      reason: 'Kort fravær',
      version: view.version,
    });
    expect(wrongCase.status).toBe(400);
    expect(wrongCase.body.error.fields?.[0]?.path).toBe('caseStart');
    expect(await versionOf(t, org.employees.sick)).toBe(view.version);

    view = expectStatus(
      await lise.post<CaseView>(`${url}/milestones/dialogmote1/exception`, {
        caseStart,
        reason: 'Tilbake i full jobb før fristen etter avtale.',
        version: view.version,
      }),
      201,
    ).body;
    const exempted = milestone(view, 'dialogmote1');
    expect(exempted.state).toBe('exempted');
    expect(exempted.exception).toMatchObject({
      reason: 'Tilbake i full jobb før fristen etter avtale.',
      decidedAt: today(),
      decidedBy: { userId: org.userIds.lederA, displayName: 'Lise Leder' },
    });

    view = expectStatus(
      await lise.request<CaseView>(
        'DELETE',
        `${url}/milestones/dialogmote1/records/${exempted.exception!.id}`,
        {
          version: view.version,
        },
      ),
      200,
    ).body;
    expect(['upcoming', 'due-soon']).toContain(milestone(view, 'dialogmote1').state);
    const again = await lise.request<ErrorReply>(
      'DELETE',
      `${url}/milestones/dialogmote1/records/${exempted.exception!.id}`,
      { version: view.version },
    );
    expect(again.status).toBe(404);

    const doneId = milestone(view, 'oppfolgingsplan').done!.id;
    view = expectStatus(
      await lise.request<CaseView>('DELETE', `${url}/milestones/oppfolgingsplan/records/${doneId}`, {
        version: view.version,
      }),
      200,
    ).body;
    expect(milestone(view, 'oppfolgingsplan').state).toBe('overdue');
  });

  it('confirms and resets the arbeidsgiverperiode end, and records the dialogmøte 2 date', async () => {
    const hr = org.clients.hr;
    const url = caseUrl(org.employees.sick);
    let view = expectStatus(await hr.get<CaseView>(url), 200).body;
    const caseStart = view.currentCase!.start;
    view = expectStatus(
      await hr.put<CaseView>(`${url}/arbeidsgiverperiode`, {
        caseStart,
        end: addDays(caseStart, 14),
        version: view.version,
      }),
      200,
    ).body;
    expect(view.currentCase?.arbeidsgiverperiode).toMatchObject({
      end: addDays(caseStart, 14),
      overridden: true,
      computedEnd: addDays(caseStart, 15),
    });
    expect(view.agpOverrides).toEqual([
      expect.objectContaining({
        caseStart,
        end: addDays(caseStart, 14),
        setBy: expect.objectContaining({ name: 'Hanne HR' }),
      }),
    ]);
    view = expectStatus(
      await hr.put<CaseView>(`${url}/arbeidsgiverperiode`, { caseStart, end: null, version: view.version }),
      200,
    ).body;
    expect(view.currentCase?.arbeidsgiverperiode).toMatchObject({
      end: addDays(caseStart, 15),
      overridden: false,
    });

    view = expectStatus(
      await hr.put<CaseView>(`${url}/dialogmote2`, {
        caseStart,
        date: addDays(caseStart, 150),
        version: view.version,
      }),
      200,
    ).body;
    expect(view.dialogmote2).toEqual({ caseStart, date: addDays(caseStart, 150) });
    expect(view.plan.followUp?.milestones.find((m) => m.key === 'oppfolgingsplanTilNav')?.due).toBe(
      addDays(caseStart, 143),
    );
  });

  it('keeps the history of corrections and deletions with who and why; deleting the only period removes the case', async () => {
    const hr = org.clients.hr;
    const url = caseUrl(org.employees.vo);
    let view = expectStatus(
      await hr.post<CaseView>(`${url}/periods`, {
        type: 'egenmelding',
        start: daysAgo(5),
        end: daysAgo(3),
        version: 0,
      }),
      201,
    ).body;
    const periodId = view.periods[0]!.id;
    view = expectStatus(
      await org.clients.lederA.put<CaseView>(`${url}/periods/${periodId}`, {
        type: 'sykmelding',
        start: daysAgo(5),
        end: daysAgo(1),
        grade: 60,
        reason: 'Feil type registrert: det var sykmelding.',
        version: view.version,
      }),
      200,
    ).body;
    expect(view.periods[0]).toMatchObject({ type: 'sykmelding', grade: 60, end: daysAgo(1) });
    expect(view.periods[0]?.updatedBy?.name).toBe('Lise Leder');

    const noReason = await hr.request<ErrorReply>('DELETE', `${url}/periods/${periodId}`, {
      version: view.version,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields?.[0]?.path).toBe('reason');

    view = expectStatus(
      await hr.request<CaseView>('DELETE', `${url}/periods/${periodId}`, {
        reason: 'Registrert på feil person.',
        version: view.version,
      }),
      200,
    ).body;
    expect(view.periods).toEqual([]);
    expect(view.plan.followUp).toBeNull();
    expect(view.currentCase).toBeNull();
    expect(view.milestones).toEqual([]);
    expect(view.history.map((h) => [h.change, h.changedBy.name, h.reason])).toEqual([
      ['create', 'Hanne HR', null],
      ['update', 'Lise Leder', 'Feil type registrert: det var sykmelding.'],
      ['delete', 'Hanne HR', 'Registrert på feil person.'],
    ]);
    expect(view.history[1]).toMatchObject({
      old: { type: 'egenmelding', start: daysAgo(5), end: daysAgo(3), grade: null },
      new: { type: 'sykmelding', start: daysAgo(5), end: daysAgo(1), grade: 60 },
    });
    expect(view.history[2]).toMatchObject({ old: { type: 'sykmelding', grade: 60 }, new: null });
    const stored = await t.db
      .selectFrom('absence_period')
      .select(['deleted_by', 'delete_reason'])
      .where('id', '=', periodId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ deleted_by: org.userIds.hr, delete_reason: 'Registrert på feil person.' });
    const gone = await hr.request<ErrorReply>('PUT', `${url}/periods/${periodId}`, {
      type: 'egenmelding',
      start: daysAgo(5),
      end: daysAgo(3),
      reason: 'Igjen',
      version: view.version,
    });
    expect(gone.status).toBe(404);
  });

  it('a period within 15 days after a closed case re-opens it and the old deadlines come back, overdue', async () => {
    const lise = org.clients.lederA;
    const url = caseUrl(org.employees.vo);
    const start = daysAgo(70);
    let view = expectStatus(await lise.get<CaseView>(url), 200).body;
    view = expectStatus(
      await lise.post<CaseView>(`${url}/periods`, {
        type: 'sykmelding',
        start,
        end: addDays(start, 20),
        grade: 100,
        version: view.version,
      }),
      201,
    ).body;
    expect(view.currentCase).toMatchObject({ start, status: 'ended' });
    expect(milestone(view, 'oppfolgingsplan').state).toBe('not-required');
    expect(milestone(view, 'dialogmote1').state).toBe('not-required');
    // 15 days without sickness, then a new sykmelding: the same case again.
    view = expectStatus(
      await lise.post<CaseView>(`${url}/periods`, {
        type: 'sykmelding',
        start: addDays(start, 36),
        end: addDays(start, 65),
        grade: 100,
        version: view.version,
      }),
      201,
    ).body;
    expect(view.plan.cases).toHaveLength(1);
    expect(view.currentCase).toMatchObject({ start, end: addDays(start, 65), status: 'ongoing' });
    expect(milestone(view, 'oppfolgingsplan')).toMatchObject({ due: addDays(start, 27), state: 'overdue' });
    expect(milestone(view, 'dialogmote1')).toMatchObject({ due: addDays(start, 48), state: 'overdue' });
  });

  it('optimistic concurrency: the second write with the same version gets 409 in Norwegian, the first is kept', async () => {
    const url = caseUrl(org.employees.vo);
    const read = expectStatus(await org.clients.hr.get<CaseView>(url), 200).body;
    const body = (grade: number) => ({
      type: 'sykmelding',
      start: addDays(today(), 1),
      end: addDays(today(), 5),
      grade,
      version: read.version,
    });
    const [first, second] = await Promise.all([
      org.clients.hr.post<CaseView>(`${url}/periods`, body(40)),
      org.clients.lederA.post<ErrorReply>(`${url}/periods`, body(70)),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([201, 409]);
    const loser = (first.status === 409 ? first : second) as { body: ErrorReply };
    expect(loser.body.error.code).toBe('CONFLICT');
    expect(loser.body.error.message).toContain('Noen andre har endret dette i mellomtiden');
    const winnerGrade = first.status === 201 ? 40 : 70;
    const rows = await t.db
      .selectFrom('absence_period')
      .select('grade')
      .where('employee_id', '=', org.employees.vo)
      .where('start_date', '=', addDays(today(), 1))
      .execute();
    expect(rows).toEqual([{ grade: winnerGrade }]);
    expect(await versionOf(t, org.employees.vo)).toBe(read.version + 1);
    // A stale version on a brand-new case (0 when a row exists) is refused too.
    const stale = await org.clients.hr.post<ErrorReply>(`${url}/periods`, { ...body(10), version: 0 });
    expect(stale.status).toBe(409);
  });

  it('writes an audit row for every read; the employee sees who opened the case, with name and role', async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('entity_type', '=', 'sick_case')
            .where('entity_id', '=', org.employees.sick)
            .where('action', '=', 'read')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    expectStatus(await org.clients.lederA.get(caseUrl(org.employees.sick)), 200);
    expectStatus(await org.clients.hr.get(caseUrl(org.employees.sick)), 200);
    expectStatus(await org.clients.self.get(`${BASE}/me`), 200);
    expect(await count()).toBe(before + 3);
    // A refused read is not a read.
    expect((await org.clients.lederB.get(caseUrl(org.employees.sick))).status).toBe(404);
    expect(await count()).toBe(before + 3);

    type Log = {
      items: { at: string; action: string; record: string | null; user: { name: string }; roles: string[] }[];
      total: number;
    };
    const log = expectStatus(await org.clients.self.get<Log>(`${BASE}/me/access-log`), 200).body;
    const leaderRead = log.items.find((i) => i.action === 'read' && i.user.name === 'Lise Leder');
    expect(leaderRead?.roles).toContain('leder');
    expect(
      log.items.some((i) => i.action === 'read' && i.user.name === 'Hanne HR' && i.roles.includes('hr')),
    ).toBe(true);
    expect(log.items.some((i) => i.action === 'create' && i.record === 'absence_period')).toBe(true);
    // The refused leader appears only as a refused attempt (issue 11, item 9), never as a read.
    expect(log.items.filter((i) => i.user.name === 'Bjørn Bestyrer').map((i) => i.action)).toEqual([
      'denied',
    ]);
    expect(log.items[0]!.at >= log.items[log.items.length - 1]!.at).toBe(true);
    const forHr = expectStatus(
      await org.clients.hr.get<Log>(`${caseUrl(org.employees.sick)}/access-log`),
      200,
    ).body;
    expect(forHr.total).toBe(log.total);
    // The audit rows carry no content.
    const rows = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('entity_type', '=', 'sick_case')
      .execute();
    expect(JSON.stringify(rows)).not.toMatch(/Per Pleier|Plan laget|Feil type/);

    // The list is audited once.
    expectStatus(await org.clients.hr.get(`${BASE}/cases`), 200);
    const listRead = await t.db
      .selectFrom('audit_log')
      .select('actor_user_id')
      .where('entity_type', '=', 'sick_case_list')
      .execute();
    expect(listRead).toEqual([{ actor_user_id: org.userIds.hr }]);
  });

  it('lists current cases: a leader their own people, HR all and per unit, sorted by the next deadline', async () => {
    type List = {
      items: {
        employeeId: string;
        name: string;
        caseStart: string;
        sickDays: number;
        sickDaysSoFar: number;
        gradeToday: number | null;
        status: string;
        nextMilestone: { key: string; due: string; state: string } | null;
        overdueCount: number;
      }[];
    };
    // Siri (unit B) gets a short current egenmelding registered by her leader.
    expectStatus(
      await org.clients.lederB.post(`${caseUrl(org.employees.other)}/periods`, {
        type: 'egenmelding',
        start: daysAgo(1),
        end: today(),
        version: await versionOf(t, org.employees.other),
      }),
      201,
    );
    const lise = expectStatus(await org.clients.lederA.get<List>(`${BASE}/cases`), 200).body.items;
    expect(lise.map((i) => i.name)).toEqual(['Vera Verneombud', 'Per Pleier']);
    expect(lise[0]).toMatchObject({
      overdueCount: 2,
      nextMilestone: { key: 'oppfolgingsplan', state: 'overdue' },
    });
    expect(lise[1]).toMatchObject({
      gradeToday: 100,
      overdueCount: 1,
      nextMilestone: { key: 'oppfolgingsplan' },
    });
    // «Sykedager hittil» (issue 10): the list counts as the case page does — up to and including today,
    // not the sykmelding's future days (Per is sick a month ahead).
    const per = lise.find((i) => i.name === 'Per Pleier');
    const perCase = expectStatus(await org.clients.lederA.get<CaseView>(caseUrl(org.employees.sick)), 200)
      .body.currentCase;
    expect(per?.sickDaysSoFar).toBe(perCase?.sickDaysSoFar);
    expect(per?.sickDays).toBe(perCase?.sickDays);
    expect(per?.sickDaysSoFar).toBeLessThan(per?.sickDays ?? 0);
    const bjorn = expectStatus(await org.clients.lederB.get<List>(`${BASE}/cases`), 200).body.items;
    expect(bjorn.map((i) => i.name)).toEqual(['Siri Skole']);
    expect(bjorn[0]).toMatchObject({ sickDays: 2, gradeToday: 100, nextMilestone: null, overdueCount: 0 });
    const all = expectStatus(await org.clients.hr.get<List>(`${BASE}/cases`), 200).body.items;
    expect(all.map((i) => i.name)).toEqual(['Vera Verneombud', 'Per Pleier', 'Siri Skole']);
    const unitB = expectStatus(await org.clients.admin.get<List>(`${BASE}/cases?unitId=${org.unitB}`), 200)
      .body.items;
    expect(unitB.map((i) => i.name)).toEqual(['Siri Skole']);
    const overdue = expectStatus(await org.clients.hr.get<List>(`${BASE}/cases?status=overdue`), 200).body
      .items;
    expect(overdue.map((i) => i.name)).toEqual(['Vera Verneombud', 'Per Pleier']);
    const bad = await org.clients.hr.get<ErrorReply>(`${BASE}/cases?status=alle`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]?.path).toBe('query.status');
  });

  it('the employee reports egenmelding: covered, not covered but registered, a fifth occasion flagged', async () => {
    const tor = org.clients.tillitsvalgt;
    const covered = expectStatus(
      await tor.post<Evaluation>(`${BASE}/me/egenmelding/check`, {
        start: today(),
        end: addDays(today(), 1),
      }),
      200,
    ).body;
    expect(covered.allowed).toBe(true);
    expect(covered.reasons.map((r) => r.code)).toEqual(['INNENFOR_REGELEN']);
    expect(covered.reasons[0]?.nb).toContain('innenfor virksomhetens regel');
    expect(await versionOf(t, org.employees.tv)).toBe(0); // a check writes nothing

    const me = expectStatus(await tor.get<CaseView>(`${BASE}/me`), 200).body;
    expect(me.employee.id).toBe(org.employees.tv);
    const four = expectStatus(
      await tor.post<{ evaluation: Evaluation; case: CaseView }>(`${BASE}/me/egenmelding`, {
        start: daysAgo(3),
        end: today(),
        version: me.version,
      }),
      201,
    ).body;
    expect(four.evaluation.allowed).toBe(false);
    expect(four.evaluation.reasons.map((r) => r.code)).toEqual(['DAGER_PER_GANG']);
    expect(four.evaluation.reasons[0]?.nb).toContain('høyst 3 dager per gang');
    expect(four.evaluation.reasons[0]?.nb).toContain('sykmelding');
    expect(four.case.periods).toEqual([
      expect.objectContaining({ type: 'egenmelding', start: daysAgo(3), end: today(), source: 'employee' }),
    ]);
    expect(four.case.periods[0]?.createdBy.name).toBe('Tor Tillitsvalgt');

    // Four earlier occasions in 12 months (registered by the leader) → the fifth is flagged.
    let version = four.case.version;
    for (const ago of [250, 200, 150, 100]) {
      version = expectStatus(
        await org.clients.lederB.post<CaseView>(`${caseUrl(org.employees.tv)}/periods`, {
          type: 'egenmelding',
          start: daysAgo(ago),
          end: daysAgo(ago),
          version,
        }),
        201,
      ).body.version;
    }
    const fifth = expectStatus(
      await tor.post<Evaluation>(`${BASE}/me/egenmelding/check`, {
        start: addDays(today(), 20),
        end: addDays(today(), 20),
      }),
      200,
    ).body;
    expect(fifth.flags.map((f) => f.code)).toEqual(['MANGE_GANGER']);

    const future = await tor.post<ErrorReply>(`${BASE}/me/egenmelding`, {
      start: addDays(today(), 1),
      end: addDays(today(), 1),
      version,
    });
    expect(future.status).toBe(400);
    expect(future.body.error.fields?.[0]?.path).toBe('start');

    for (const client of [org.clients.hr, org.clients.amu, org.clients.admin]) {
      expect((await client.get(`${BASE}/me`)).status).toBe(404);
      expect(
        (await client.post(`${BASE}/me/egenmelding/check`, { start: today(), end: today() })).status,
      ).toBe(404);
      expect(
        (await client.post(`${BASE}/me/egenmelding`, { start: today(), end: today(), version: 0 })).status,
      ).toBe(404);
    }
  });

  it('validates the settings and shows them to every role', async () => {
    type Settings = {
      egenmeldingPolicy: { preset: string; maxDaysPerOccasion: number };
      retentionMonths: number;
    };
    const initial = expectStatus(
      await org.clients.self.get<Settings>('/api/v1/settings/sykefravaer'),
      200,
    ).body;
    expect(initial).toEqual({
      egenmeldingPolicy: {
        preset: 'statutory',
        maxDaysPerOccasion: 3,
        maxDaysPer12Months: null,
        maxOccasionsPer12Months: 4,
        minEmploymentMonths: 2,
      },
      retentionMonths: 12,
    });
    const tooLong = await org.clients.hr.put<ErrorReply>('/api/v1/settings/sykefravaer', {
      egenmeldingPolicy: { preset: 'custom', maxDaysPerOccasion: 20, minEmploymentMonths: 0 },
      retentionMonths: 12,
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields?.map((f) => f.path)).toEqual(['egenmeldingPolicy.maxDaysPerOccasion']);
    expect(tooLong.body.error.message).toContain('arbeidsgiverperioden');
    const missing = await org.clients.hr.put<ErrorReply>('/api/v1/settings/sykefravaer', {
      egenmeldingPolicy: { preset: 'custom' },
      retentionMonths: 2,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields?.map((f) => f.path).sort()).toEqual([
      'egenmeldingPolicy.maxDaysPerOccasion',
      'egenmeldingPolicy.minEmploymentMonths',
      'retentionMonths',
    ]);
    expect((await org.clients.lederA.put('/api/v1/settings/sykefravaer', initial)).status).toBe(404);

    const saved = expectStatus(
      await org.clients.hr.put<Settings>('/api/v1/settings/sykefravaer', {
        egenmeldingPolicy: {
          preset: 'custom',
          maxDaysPerOccasion: 5,
          maxDaysPer12Months: 20,
          minEmploymentMonths: 0,
        },
        retentionMonths: 24,
      }),
      200,
    ).body;
    expect(saved).toEqual({
      egenmeldingPolicy: {
        preset: 'custom',
        maxDaysPerOccasion: 5,
        maxDaysPer12Months: 20,
        maxOccasionsPer12Months: null,
        minEmploymentMonths: 0,
      },
      retentionMonths: 24,
    });
    expect(
      expectStatus(await org.clients.bht.get<Settings>('/api/v1/settings/sykefravaer'), 200).body,
    ).toEqual(saved);
    const me = expectStatus(await org.clients.self.get<CaseView>(`${BASE}/me`), 200).body;
    expect(me.retention.months).toBe(24);
    // The employee's check follows the organisation's policy.
    const four = expectStatus(
      await org.clients.verneombud.post<Evaluation>(`${BASE}/me/egenmelding/check`, {
        start: addDays(today(), 40),
        end: addDays(today(), 43),
      }),
      200,
    ).body;
    expect(four.reasons.map((r) => r.code)).not.toContain('DAGER_PER_GANG');
    // Back to the preset: the numbers sent along are ignored.
    const back = expectStatus(
      await org.clients.admin.put<Settings>('/api/v1/settings/sykefravaer', {
        egenmeldingPolicy: { ...saved.egenmeldingPolicy, preset: 'statutory' },
        retentionMonths: 12,
      }),
      200,
    ).body;
    expect(back).toEqual(initial);
  });

  it('refuses bad input on every write route with 400 naming the field, and writes nothing', async () => {
    const hr = org.clients.hr;
    const url = caseUrl(org.employees.sick);
    const view = expectStatus(await hr.get<CaseView>(url), 200).body;
    const version = view.version;
    const periodId = view.periods[0]!.id;
    const caseStart = view.currentCase!.start;
    const period = { type: 'sykmelding', start: daysAgo(2), end: today(), grade: 50, version };
    const cases: [string, 'POST' | 'PUT' | 'DELETE', string, unknown, string[]][] = [
      ['unknown type', 'POST', `${url}/periods`, { ...period, type: 'influensa' }, ['type']],
      ['grade 0', 'POST', `${url}/periods`, { ...period, grade: 0 }, ['grade']],
      ['grade 101', 'POST', `${url}/periods`, { ...period, grade: 101 }, ['grade']],
      ['start after end', 'POST', `${url}/periods`, { ...period, start: today(), end: daysAgo(2) }, ['end']],
      ['not a date', 'POST', `${url}/periods`, { ...period, start: 'i går' }, ['start']],
      ['no such date', 'POST', `${url}/periods`, { ...period, end: '2025-02-30' }, ['end']],
      ['sykmelding without grade', 'POST', `${url}/periods`, { ...period, grade: undefined }, ['grade']],
      ['graded ferie', 'POST', `${url}/periods`, { ...period, type: 'ferie' }, ['grade']],
      ['avventende with grade', 'POST', `${url}/periods`, { ...period, avventende: true }, ['grade']],
      [
        'avventende egenmelding',
        'POST',
        `${url}/periods`,
        { ...period, type: 'egenmelding', grade: undefined, avventende: true },
        ['avventende'],
      ],
      ['before employment', 'POST', `${url}/periods`, { ...period, start: '2019-12-01' }, ['start']],
      [
        'too far ahead',
        'POST',
        `${url}/periods`,
        { ...period, start: addDays(today(), 400), end: addDays(today(), 401) },
        ['start'],
      ],
      ['no version', 'POST', `${url}/periods`, { ...period, version: undefined }, ['version']],
      ['diagnosis field', 'POST', `${url}/periods`, { ...period, diagnose: 'J06' }, ['(body)']],
      ['update without reason', 'PUT', `${url}/periods/${periodId}`, period, ['reason']],
      [
        'update reason too long',
        'PUT',
        `${url}/periods/${periodId}`,
        { ...period, reason: 'x'.repeat(501) },
        ['reason'],
      ],
      [
        'update grade 101',
        'PUT',
        `${url}/periods/${periodId}`,
        { ...period, grade: 101, reason: 'Retting' },
        ['grade'],
      ],
      ['delete empty reason', 'DELETE', `${url}/periods/${periodId}`, { reason: '  ', version }, ['reason']],
      [
        'delete control characters',
        'DELETE',
        `${url}/periods/${periodId}`,
        { reason: 'a\u0000b', version },
        ['reason'],
      ],
      [
        'done bad case start',
        'POST',
        `${url}/milestones/oppfolgingsplan/done`,
        { caseStart: 'x', version },
        ['caseStart'],
      ],
      [
        'done note too long',
        'POST',
        `${url}/milestones/oppfolgingsplan/done`,
        { caseStart, note: 'n'.repeat(501), version },
        ['note'],
      ],
      [
        'done unknown milestone',
        'POST',
        `${url}/milestones/frisksamtale/done`,
        { caseStart, version },
        ['params.key'],
      ],
      ['done on a date', 'POST', `${url}/milestones/maksdato/done`, { caseStart, version }, ['key']],
      [
        'exception without reason',
        'POST',
        `${url}/milestones/dialogmote2/exception`,
        { caseStart, version },
        ['reason'],
      ],
      [
        'undo bad version',
        'DELETE',
        `${url}/milestones/dialogmote1/records/${periodId}`,
        { version: 'a' },
        ['version'],
      ],
      [
        'agp end before start',
        'PUT',
        `${url}/arbeidsgiverperiode`,
        { caseStart, end: addDays(caseStart, -1), version },
        ['end'],
      ],
      [
        'agp no such case',
        'PUT',
        `${url}/arbeidsgiverperiode`,
        { caseStart: addDays(caseStart, 1), end: addDays(caseStart, 15), version },
        ['caseStart'],
      ],
      [
        'dialogmøte 2 not a date',
        'PUT',
        `${url}/dialogmote2`,
        { caseStart, date: 'snart', version },
        ['date'],
      ],
      ['hold without reason', 'PUT', `${url}/retention-hold`, { hold: true }, ['reason']],
      [
        'egenmelding end before start',
        'POST',
        `${BASE}/me/egenmelding`,
        { start: today(), end: daysAgo(1), version: 0 },
        ['end'],
      ],
      [
        'egenmelding check non-date',
        'POST',
        `${BASE}/me/egenmelding/check`,
        { start: 'today', end: today() },
        ['start'],
      ],
      [
        'settings retention',
        'PUT',
        '/api/v1/settings/sykefravaer',
        { egenmeldingPolicy: { preset: 'agp' }, retentionMonths: 61 },
        ['retentionMonths'],
      ],
      ['bad employee id', 'POST', `${BASE}/employees/123/periods`, period, ['params.employeeId']],
    ];
    const snapshot = async () => ({
      periods: await t.db.selectFrom('absence_period').selectAll().orderBy('id').execute(),
      history: Number(
        (
          await t.db
            .selectFrom('absence_period_history')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      records: await t.db.selectFrom('milestone_record').selectAll().orderBy('id').execute(),
      followups: await t.db.selectFrom('sykefravaer_followup').selectAll().orderBy('employee_id').execute(),
      settings: await t.db.selectFrom('sykefravaer_setting').selectAll().execute(),
    });
    const before = await snapshot();
    for (const [name, method, path, body, fields] of cases) {
      const client = path.startsWith(`${BASE}/me`) ? org.clients.self : hr;
      const reply = await client.request<ErrorReply>(method, path, body);
      expect(reply.status, `${name}: ${JSON.stringify(reply.body)}`).toBe(400);
      expect(reply.body.error.code, name).toBe('VALIDATION_FAILED');
      // (A malformed date may be reported twice on its field: format, and "does not exist".)
      expect([...new Set(reply.body.error.fields?.map((f) => f.path))], name).toEqual(fields);
    }
    expect(await snapshot()).toEqual(before);
  });
});
