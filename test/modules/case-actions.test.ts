/**
 * Agreed actions become tasks (issue 5): the oppfølgingsplan's and a samtalereferat's actions appear in
 * "Mine oppgaver" for the leader and HR (not another unit's leader), the employee's own ones on
 * `/me/actions`; done (who, when) survives a re-save; 409 on a stale version; another organisation
 * 404; reminders through the sweep exactly once — through the API, on every database kind.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ActionList } from '../../src/contracts/dokumenter/actions.schemas.ts';
import type { PlanDto } from '../../src/contracts/dokumenter/dokumenter.schemas.ts';
import type { Oppgaver } from '../../src/contracts/sykefravaer/rutine.schemas.ts';
import { addDays } from '../../src/domain/calendar/index.ts';
import { MAIL_JOB, runSweep } from '../../src/modules/notifications/index.ts';
import { sykefravaerDeadlines } from '../../src/modules/sykefravaer/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, daysAgo, type SickOrg, today } from '../support/sykefravaer-org.ts';

const SB = '/api/v1/sykefravaer';

describeEachDatabase('agreed actions as tasks on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let plan: PlanDto;
  let planUrl: string;
  let actionsUrl: string;
  const shorter = 'Prøve kortere arbeidsdager';
  const desk = 'Skaffe hev-senk-pult';
  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await buildSickOrg(t);
    planUrl = `${SB}/employees/${org.employees.sick}/oppfolgingsplan`;
    actionsUrl = `${SB}/employees/${org.employees.sick}/actions`;
    expectStatus(
      await org.clients.lederA.post(`${SB}/employees/${org.employees.sick}/periods`, {
        type: 'sykmelding',
        start: daysAgo(20),
        end: addDays(today(), 30),
        grade: 100,
        version: 0,
      }),
      201,
    );
    plan = expectStatus(await org.clients.lederA.post<PlanDto>(planUrl), 201).body;
  });
  afterAll(async () => {
    await t?.close();
  });

  const savePlan = async (actions: unknown[]) => {
    plan = expectStatus(
      await org.clients.lederA.put<PlanDto>(`${planUrl}/${plan.id}`, {
        content: { typicalWorkDay: 'Lager og kundemottak.', actions },
        version: plan.version,
      }),
      200,
    ).body;
  };
  const actionItems = async (who: 'lederA' | 'lederB' | 'hr') =>
    expectStatus(await org.clients[who].get<Oppgaver>(`${SB}/oppgaver`), 200).body.items.filter(
      (i) => i.kind === 'action',
    );

  it('saving a plan with two actions gives two tasks to the leader and HR, none to another unit’s leader', async () => {
    await savePlan([
      { what: shorter, ownerKind: 'employee', deadline: addDays(today(), 5) },
      { what: desk, ownerKind: 'leader', deadline: addDays(today(), 10) },
      { what: '   ', ownerKind: 'other' },
    ]);
    const mine = await actionItems('lederA');
    expect(mine.map((i) => [i.title.nb, i.due, i.responsibleRole, i.employeeId, i.source])).toEqual([
      [shorter, addDays(today(), 5), 'ansatt', org.employees.sick, 'oppfolgingsplan'],
      [desk, addDays(today(), 10), 'leder', org.employees.sick, 'oppfolgingsplan'],
    ]);
    expect(mine.every((i) => i.state === 'due-soon' && i.version === 1)).toBe(true);
    expect((await actionItems('hr')).map((i) => i.key)).toEqual(mine.map((i) => i.key));
    expect(await actionItems('lederB')).toEqual([]);

    const list = expectStatus(await org.clients.lederA.get<ActionList>(actionsUrl), 200).body;
    expect(list.items.map((a) => [a.what, a.ownerKind, a.state, a.done])).toEqual([
      [shorter, 'employee', 'due-soon', null],
      [desk, 'leader', 'due-soon', null],
    ]);
    // The employee sees the action they own, on their own page only.
    const own = expectStatus(await org.clients.self.get<ActionList>(`${SB}/me/actions`), 200).body;
    expect(own.items.map((a) => a.what)).toEqual([shorter]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'sick_case')
      .where('entity_id', '=', org.employees.sick)
      .where('action', '=', 'read')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('another leader, a colleague and another organisation get 404', async () => {
    const list = (await org.clients.lederA.get<ActionList>(actionsUrl)).body;
    const id = list.items[0]!.id;
    for (const who of ['lederB', 'otherAnsatt', 'self', 'verneombud', 'otherOrg'] as const) {
      expectStatus(await org.clients[who].get(actionsUrl), 404);
      expectStatus(await org.clients[who].post(`${actionsUrl}/${id}/done`, { version: 1 }), 404);
    }
    // Another organisation's HR cannot reach it through its own /me either.
    expectStatus(await org.clients.otherOrg.post(`${SB}/me/actions/${id}/done`, { version: 1 }), 404);
    const notOwn = list.items.find((a) => a.ownerKind !== 'employee')!;
    expectStatus(await org.clients.self.post(`${SB}/me/actions/${notOwn.id}/done`, { version: 1 }), 404);
  });

  it('marks done with who and when (409 when stale); a re-save keeps the done-state of actions that stay', async () => {
    const before = (await org.clients.lederA.get<ActionList>(actionsUrl)).body.items;
    const a1 = before.find((a) => a.what === shorter)!;
    const a2 = before.find((a) => a.what === desk)!;
    const done = expectStatus(
      await org.clients.lederA.post<ActionList>(`${actionsUrl}/${a1.id}/done`, { version: a1.version }),
      201,
    ).body;
    expect(done.items.find((a) => a.id === a1.id)).toMatchObject({
      state: 'done',
      version: 2,
      done: { by: { name: 'Lise Leder' } },
    });
    expectStatus(await org.clients.hr.post(`${actionsUrl}/${a1.id}/done`, { version: a1.version }), 409);
    expect((await actionItems('lederA')).map((i) => i.key)).toEqual([a2.id]);

    // Re-save: the desk gets a later date and moves first, the first action is written differently
    // (spaces, case) and a new one is added.
    await savePlan([
      { what: desk, ownerKind: 'leader', deadline: addDays(today(), 12) },
      { what: `  ${shorter.toUpperCase()} `, ownerKind: 'employee', deadline: addDays(today(), 5) },
      { what: 'Vurdere hjemmekontor', ownerKind: 'other', owner: 'HR', deadline: addDays(today(), 3) },
    ]);
    const after = (await org.clients.lederA.get<ActionList>(actionsUrl)).body.items;
    expect(after).toHaveLength(3);
    expect(after.find((a) => a.id === a1.id)).toMatchObject({ state: 'done', what: shorter.toUpperCase() });
    expect(after.find((a) => a.id === a2.id)).toMatchObject({
      deadline: addDays(today(), 12),
      version: 2,
      done: null,
    });
    // The stale version of the moved action is refused.
    expectStatus(await org.clients.lederA.post(`${actionsUrl}/${a2.id}/done`, { version: 1 }), 409);
    expect((await actionItems('lederA')).map((i) => i.title.nb)).toEqual(['Vurdere hjemmekontor', desk]);

    // An action taken out of the plan is gone.
    await savePlan([{ what: desk, ownerKind: 'leader', deadline: addDays(today(), 12) }]);
    expect((await org.clients.lederA.get<ActionList>(actionsUrl)).body.items.map((a) => a.id)).toEqual([
      a2.id,
    ]);
  });

  it('the employee marks their own action done and undoes it', async () => {
    await savePlan([
      { what: desk, ownerKind: 'leader', deadline: addDays(today(), 12) },
      { what: 'Gå en tur hver dag', ownerKind: 'employee', deadline: addDays(today(), 7) },
    ]);
    const own = (await org.clients.self.get<ActionList>(`${SB}/me/actions`)).body.items;
    expect(own.map((a) => a.what)).toEqual(['Gå en tur hver dag']);
    const id = own[0]!.id;
    const done = expectStatus(
      await org.clients.self.post<ActionList>(`${SB}/me/actions/${id}/done`, { version: 1 }),
      201,
    ).body;
    expect(done.items[0]).toMatchObject({ state: 'done', done: { by: { name: 'Per Pleier' } } });
    const undone = expectStatus(
      await org.clients.self.request<ActionList>('DELETE', `${SB}/me/actions/${id}/done`, { version: 2 }),
      200,
    ).body;
    expect(undone.items[0]).toMatchObject({ done: null, version: 3 });
  });

  it('the leader undoes «gjort» with the version read; the task comes back (409 when stale)', async () => {
    const desk1 = (await org.clients.lederA.get<ActionList>(actionsUrl)).body.items.find(
      (a) => a.what === desk,
    )!;
    const done = expectStatus(
      await org.clients.lederA.post<ActionList>(`${actionsUrl}/${desk1.id}/done`, { version: desk1.version }),
      201,
    ).body.items.find((a) => a.id === desk1.id)!;
    expect(done.state).toBe('done');
    expect((await actionItems('lederA')).map((i) => i.title.nb)).not.toContain(desk);
    const undone = expectStatus(
      await org.clients.hr.request<ActionList>('DELETE', `${actionsUrl}/${desk1.id}/done`, {
        version: done.version,
      }),
      200,
    ).body.items.find((a) => a.id === desk1.id)!;
    expect(undone).toMatchObject({ done: null, version: done.version + 1 });
    expectStatus(
      await org.clients.lederA.request('DELETE', `${actionsUrl}/${desk1.id}/done`, { version: done.version }),
      409,
    );
    const row = await t.db
      .selectFrom('case_action')
      .selectAll()
      .where('id', '=', desk1.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ done_at: null, version: done.version + 1 });
    expect(
      (await org.clients.lederA.get<ActionList>(actionsUrl)).body.items.find((a) => a.id === desk1.id),
    ).toEqual(undone);
    expect((await actionItems('lederA')).map((i) => i.title.nb)).toContain(desk);
  });

  it('a samtalereferat’s actions are tasks too; «den ansatte» as owner makes it the employee’s', async () => {
    expectStatus(
      await org.clients.lederA.post(`${SB}/employees/${org.employees.sick}/samtalereferater`, {
        kind: 'oppfolging',
        heldOn: daysAgo(1),
        summary: 'Gjennomgang av arbeidsoppgavene.',
        actions: [{ what: 'Sende timeliste', owner: 'Den ansatte', deadline: addDays(today(), 4) }],
      }),
      201,
    );
    const own = (await org.clients.self.get<ActionList>(`${SB}/me/actions`)).body.items;
    expect(own.find((a) => a.what === 'Sende timeliste')).toMatchObject({
      ownerKind: 'employee',
      source: 'samtalereferat',
    });
    expect((await actionItems('lederA')).map((i) => i.title.nb)).toContain('Sende timeliste');
  });

  it('reminds of an action 14 days before and on its date, exactly once, to the leader', async () => {
    const due = addDays(today(), 14);
    await savePlan([
      { what: desk, ownerKind: 'leader', deadline: addDays(today(), 12) },
      { what: 'Evaluere tilretteleggingen', ownerKind: 'leader', deadline: due },
    ]);
    const id = (await org.clients.lederA.get<ActionList>(actionsUrl)).body.items.find(
      (a) => a.what === 'Evaluere tilretteleggingen',
    )!.id;
    await runSweep({ db: t.db, deadlineSource: sykefravaerDeadlines, today: today() });
    await runSweep({ db: t.db, deadlineSource: sykefravaerDeadlines, today: today() });
    const rows = await t.db
      .selectFrom('notification')
      .select(['key', 'user_id', 'kind', 'title_nb', 'body_nb'])
      .where('key', 'like', `%:action:${id}:%`)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: org.userIds.lederA, kind: 'reminder-before' });
    expect(`${rows[0]!.title_nb} ${rows[0]!.body_nb}`).not.toMatch(/Per|Pleier|Evaluere/);
    const jobs = await t.db
      .selectFrom('job')
      .select('key')
      .where('kind', '=', MAIL_JOB)
      .where('key', 'like', `%:action:${id}:%`)
      .execute();
    expect(jobs).toHaveLength(1);
  });
});
