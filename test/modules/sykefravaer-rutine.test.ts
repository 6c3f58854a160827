/**
 * The routine (versioned task template), the tasks of a case, and "Mine oppgaver", through the API
 * on every database kind.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaseTasks, Oppgaver, RoutineDto } from '../../src/contracts/sykefravaer/rutine.schemas.ts';
import { addDays } from '../../src/domain/calendar/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, daysAgo, type SickOrg, today, versionOf } from '../support/sykefravaer-org.ts';

const BASE = '/api/v1/sykefravaer';

describeEachDatabase('sykefravær routine and tasks on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let sickStart: string;
  let otherStart: string;
  const tasksUrl = (id: string) => `${BASE}/employees/${id}/tasks`;
  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await buildSickOrg(t);
    sickStart = daysAgo(40);
    otherStart = daysAgo(3);
    // The sick employee's case starts before the routine is edited: it keeps version 1.
    expectStatus(
      await org.clients.lederA.post(`${BASE}/employees/${org.employees.sick}/periods`, {
        type: 'sykmelding',
        start: sickStart,
        end: addDays(today(), 30),
        grade: 100,
        version: 0,
      }),
      201,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads the default routine (version 1) for any role in the organisation', async () => {
    const r = expectStatus(await org.clients.self.get<RoutineDto>(`${BASE}/rutine`), 200).body;
    expect(r.version).toBe(1);
    expect(r.createdBy).toBeNull();
    expect(r.tasks.map((x) => x.id)).toEqual([
      'kontakt',
      'brev-sykmelder',
      'avtal-mote',
      'inntektsmelding',
      'oppfolgingsplan',
      'plan-til-sykmelder',
      'innkall-dialogmote1',
      'ukentlig-kontakt',
      'plan-til-nav',
      'minn-om-aap',
      'frisksamtale',
    ]);
    expectStatus(await org.clients.otherOrg.get(`${BASE}/rutine`), 200);
  });

  it('lets only admin/HR edit the routine, validating it', async () => {
    const current = (await org.clients.hr.get<RoutineDto>(`${BASE}/rutine`)).body;
    for (const who of ['self', 'lederA', 'verneombud'] as const) {
      expectStatus(await org.clients[who].put(`${BASE}/rutine`, { tasks: current.tasks }), 404);
    }
    const bad = await org.clients.hr.put<{ error: { fields: { path: string }[] } }>(`${BASE}/rutine`, {
      tasks: [
        {
          id: 'x',
          title: { nb: 'X', en: 'X' },
          responsible: 'leder',
          anchor: 'milestone',
          offsetDays: 0,
        },
        {
          id: 'x',
          title: { nb: 'Y', en: 'Y' },
          responsible: 'sjef',
          anchor: 'caseEnd',
          offsetDays: 1,
          repeat: 'weekly',
        },
      ],
    });
    expectStatus(bad, 400);
    const paths = bad.body.error.fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['tasks.0.milestone', 'tasks.1.responsible']));
  });

  it('saves an edit as version 2; the running case keeps version 1, a new case gets version 2', async () => {
    const current = (await org.clients.hr.get<RoutineDto>(`${BASE}/rutine`)).body;
    const tasks = current.tasks
      .filter((x) => x.id !== 'brev-sykmelder')
      .map((x) =>
        x.id === 'kontakt' ? { ...x, title: { nb: 'Ring den ansatte', en: 'Call' }, offsetDays: 1 } : x,
      );
    tasks.push({
      id: 'egen-oppgave',
      title: { nb: 'Sjekk vikarbehov', en: 'Check the need for a substitute' },
      responsible: 'hr',
      anchor: 'caseStart',
      offsetDays: 0,
    });
    const saved = expectStatus(await org.clients.hr.put<RoutineDto>(`${BASE}/rutine`, { tasks }), 200).body;
    expect(saved.version).toBe(2);
    expect(saved.createdBy?.name).toBe('Hanne HR');
    expect((await org.clients.lederA.get<RoutineDto>(`${BASE}/rutine`)).body.version).toBe(2);

    const running = expectStatus(
      await org.clients.lederA.get<CaseTasks>(tasksUrl(org.employees.sick)),
      200,
    ).body;
    expect(running.routineVersion).toBe(1);
    expect(running.caseStart).toBe(sickStart);
    expect(running.tasks.find((x) => x.key === 'brev-sykmelder')?.due).toBe(addDays(sickStart, 7));
    expect(running.tasks.find((x) => x.key === 'kontakt')?.due).toBe(addDays(sickStart, 2));

    expectStatus(
      await org.clients.lederB.post(`${BASE}/employees/${org.employees.other}/periods`, {
        type: 'sykmelding',
        start: otherStart,
        end: addDays(today(), 10),
        grade: 100,
        version: 0,
      }),
      201,
    );
    const fresh = expectStatus(
      await org.clients.lederB.get<CaseTasks>(tasksUrl(org.employees.other)),
      200,
    ).body;
    expect(fresh.routineVersion).toBe(2);
    expect(fresh.tasks.some((x) => x.key === 'brev-sykmelder')).toBe(false);
    const kontakt = fresh.tasks.find((x) => x.key === 'kontakt');
    expect(kontakt).toMatchObject({ title: { nb: 'Ring den ansatte' }, due: addDays(otherStart, 1) });
    expect(fresh.tasks.find((x) => x.key === 'egen-oppgave')).toMatchObject({
      responsibleRole: 'hr',
      due: otherStart,
      state: 'overdue',
    });
  });

  it('marks a task done and undoes it, with the version check and the audit log', async () => {
    const url = tasksUrl(org.employees.sick);
    const before = (await org.clients.lederA.get<CaseTasks>(url)).body;
    const plan = before.tasks.find((x) => x.key === 'oppfolgingsplan');
    expect(plan).toMatchObject({
      state: 'overdue',
      milestone: 'oppfolgingsplan',
      due: addDays(sickStart, 27),
    });
    const done = expectStatus(
      await org.clients.lederA.post<CaseTasks>(`${url}/oppfolgingsplan/done`, {
        caseStart: sickStart,
        note: 'Laget sammen i møte',
        version: before.version,
      }),
      201,
    ).body;
    expect(done.version).toBe(before.version + 1);
    const task = done.tasks.find((x) => x.key === 'oppfolgingsplan');
    expect(task?.state).toBe('done');
    expect(task?.done).toMatchObject({ by: { name: 'Lise Leder' }, note: 'Laget sammen i møte' });
    // A stale version is refused, and nothing is written.
    expectStatus(
      await org.clients.lederA.post(`${url}/kontakt/done`, { caseStart: sickStart, version: before.version }),
      409,
    );
    // A weekly occurrence has its own key.
    const weekly = done.tasks.find((x) => x.taskId === 'ukentlig-kontakt');
    expect(weekly?.key).toBe(`ukentlig-kontakt@${addDays(sickStart, 7)}`);
    expectStatus(
      await org.clients.lederA.post(`${url}/finnes-ikke/done`, {
        caseStart: sickStart,
        version: done.version,
      }),
      404,
    );
    expectStatus(
      await org.clients.lederA.post(`${url}/kontakt/done`, { caseStart: daysAgo(5), version: done.version }),
      400,
    );
    const undone = expectStatus(
      await org.clients.lederA.request<CaseTasks>('DELETE', `${url}/oppfolgingsplan/done`, {
        caseStart: sickStart,
        version: done.version,
      }),
      200,
    ).body;
    expect(undone.tasks.find((x) => x.key === 'oppfolgingsplan')?.state).toBe('overdue');
    expectStatus(
      await org.clients.lederA.request('DELETE', `${url}/oppfolgingsplan/done`, {
        caseStart: sickStart,
        version: undone.version,
      }),
      404,
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity_type', '=', 'sick_case')
      .where('entity_id', '=', org.employees.sick)
      .execute();
    const details = audit.map((a) => JSON.stringify(a.detail));
    expect(details.filter((d) => d.includes('task_done')).length).toBe(2);
    expect(details.some((d) => d.includes('"tasks"'))).toBe(true);
  });

  it('keeps tasks to the case view access (leader of another unit, employee → 404)', async () => {
    const url = tasksUrl(org.employees.sick);
    const v = await versionOf(t, org.employees.sick);
    for (const who of ['lederB', 'self', 'verneombud', 'bht', 'otherOrg'] as const) {
      expectStatus(await org.clients[who].get(url), 404);
      expectStatus(
        await org.clients[who].post(`${url}/kontakt/done`, { caseStart: sickStart, version: v }),
        404,
      );
    }
    expect(await versionOf(t, org.employees.sick)).toBe(v);
    expectStatus(await org.clients.hr.get(url), 200);
    expectStatus(await org.clients.admin.get(url), 200);
  });

  it('lists "Mine oppgaver": a leader their people, HR the organisation or one unit', async () => {
    const horizon = addDays(today(), 14);
    const a = expectStatus(await org.clients.lederA.get<Oppgaver>(`${BASE}/oppgaver`), 200).body;
    expect(a.items.length).toBeGreaterThan(0);
    expect(new Set(a.items.map((i) => i.employeeId))).toEqual(new Set([org.employees.sick]));
    expect(a.items.every((i) => i.due <= horizon)).toBe(true);
    expect(a.items.map((i) => i.due)).toEqual([...a.items.map((i) => i.due)].sort());
    expect(a.items).toContainEqual(
      expect.objectContaining({
        kind: 'task',
        key: 'oppfolgingsplan',
        state: 'overdue',
        employeeName: 'Per Pleier',
        caseStart: sickStart,
        responsibleRole: 'leder',
      }),
    );
    expect(a.items).toContainEqual(
      expect.objectContaining({ kind: 'milestone', key: 'oppfolgingsplan', state: 'overdue' }),
    );
    expect(a.items).toContainEqual(
      expect.objectContaining({ kind: 'milestone', key: 'dialogmote1', state: 'due-soon' }),
    );
    // Weekly contact: at most the latest missed occurrence and the next one, not every missed week.
    const weeklyRows = a.items.filter((i) => i.key.startsWith('ukentlig-kontakt@'));
    expect(weeklyRows.filter((i) => i.due < today()).length).toBeLessThanOrEqual(1);
    expect(weeklyRows.filter((i) => i.due >= today()).length).toBeLessThanOrEqual(1);
    expect(a.totals.overdue).toBe(a.items.filter((i) => i.state === 'overdue').length);
    expect(a.totals.dueThisWeek).toBe(
      a.items.filter((i) => i.state !== 'overdue' && i.due <= addDays(today(), 7)).length,
    );

    const b = (await org.clients.lederB.get<Oppgaver>(`${BASE}/oppgaver`)).body;
    expect(new Set(b.items.map((i) => i.employeeId))).toEqual(new Set([org.employees.other]));

    const all = (await org.clients.hr.get<Oppgaver>(`${BASE}/oppgaver`)).body;
    expect(new Set(all.items.map((i) => i.employeeId))).toEqual(
      new Set([org.employees.sick, org.employees.other]),
    );
    const unitB = (await org.clients.hr.get<Oppgaver>(`${BASE}/oppgaver?unitId=${org.unitB}`)).body;
    expect(new Set(unitB.items.map((i) => i.employeeId))).toEqual(new Set([org.employees.other]));
    // A task marked done leaves the list.
    const before = all.items.filter((i) => i.employeeId === org.employees.other && i.key === 'kontakt');
    expect(before).toHaveLength(1);
    const v = await versionOf(t, org.employees.other);
    expectStatus(
      await org.clients.hr.post(`${tasksUrl(org.employees.other)}/kontakt/done`, {
        caseStart: otherStart,
        version: v,
      }),
      201,
    );
    const after = (await org.clients.hr.get<Oppgaver>(`${BASE}/oppgaver?unitId=${org.unitB}`)).body;
    expect(after.items.some((i) => i.key === 'kontakt')).toBe(false);

    for (const who of ['self', 'verneombud', 'amu', 'bht'] as const) {
      expectStatus(await org.clients[who].get(`${BASE}/oppgaver`), 404);
    }
    const other = (await org.clients.otherOrg.get<Oppgaver>(`${BASE}/oppgaver`)).body;
    expect(other.items).toEqual([]);
  });
});
