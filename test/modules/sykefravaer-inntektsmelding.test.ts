/**
 * The inntektsmelding task (ftrl § 8-17, § 8-19): after the arbeidsgiverperiode, HR sends the
 * inntektsmelding to NAV. Through the API on every database kind: listed for HR with its date in
 * Mine oppgaver and on the case, reminded by the sweep (to HR), marked done and stored; not there
 * for a 10-day absence; and added by migration 0055 to a routine the organisation saved before.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaseTasks, Oppgaver, RoutineDto } from '../../src/contracts/sykefravaer/rutine.schemas.ts';
import { addDays } from '../../src/domain/calendar/index.ts';
import { listDeadlines } from '../../src/modules/sykefravaer/index.ts';
import { addInntektsmeldingTask as migration0055 } from '../../src/modules/sykefravaer/migrations/0055-rutine-inntektsmelding.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, daysAgo, type SickOrg, today, versionOf } from '../support/sykefravaer-org.ts';

const BASE = '/api/v1/sykefravaer';
const tasksUrl = (id: string) => `${BASE}/employees/${id}/tasks`;

describeEachDatabase('the inntektsmelding task on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  // Three weeks from ten days ago: AGP S … S+15, NAV from S+16 = today + 6.
  const start = daysAgo(10);
  const due = addDays(start, 16);
  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await buildSickOrg(t);
    expectStatus(
      await org.clients.lederA.post(`${BASE}/employees/${org.employees.sick}/periods`, {
        type: 'sykmelding',
        start,
        end: addDays(start, 20),
        grade: 100,
        version: 0,
      }),
      201,
    );
    // Ten days only: the AGP never reaches 16 days, so there is nothing to send.
    expectStatus(
      await org.clients.lederB.post(`${BASE}/employees/${org.employees.other}/periods`, {
        type: 'sykmelding',
        start,
        end: addDays(start, 9),
        grade: 100,
        version: 0,
      }),
      201,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists it for HR in Mine oppgaver and on the case, due the day after the AGP', async () => {
    const mine = expectStatus(await org.clients.hr.get<Oppgaver>(`${BASE}/oppgaver`), 200).body;
    const rows = mine.items.filter((i) => i.key === 'inntektsmelding');
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'task',
        employeeId: org.employees.sick,
        caseStart: start,
        due,
        state: 'due-soon',
        responsibleRole: 'hr',
        milestone: null,
        title: expect.objectContaining({ nb: 'Send inntektsmelding til NAV (arbeidsgiverperioden er over)' }),
      }),
    ]);
    const tasks = expectStatus(await org.clients.hr.get<CaseTasks>(tasksUrl(org.employees.sick)), 200).body;
    expect(tasks.tasks.find((x) => x.key === 'inntektsmelding')).toMatchObject({
      due,
      responsibleRole: 'hr',
      state: 'due-soon',
      daysLeft: 6,
      done: null,
    });
    const short = expectStatus(await org.clients.hr.get<CaseTasks>(tasksUrl(org.employees.other)), 200).body;
    expect(short.tasks.length).toBeGreaterThan(0);
    expect(short.tasks.some((x) => x.taskId === 'inntektsmelding')).toBe(false);
  });

  it('is reminded by the sweep to HR (no leader as recipient) 14 days before and on the day', async () => {
    const deadlines = await listDeadlines(t.db, {
      organisationId: org.orgId,
      from: today(),
      to: due,
      today: today(),
      kinds: ['task'],
    });
    const im = deadlines.filter((d) => d.milestoneKey === 'task:inntektsmelding');
    expect(im).toEqual([
      expect.objectContaining({
        employeeId: org.employees.sick,
        leaderEmployeeId: null,
        due,
        reminderDates: [addDays(due, -14), due],
      }),
    ]);
  });

  it('is marked done by HR, stored, and leaves Mine oppgaver and the sweep', async () => {
    const version = await versionOf(t, org.employees.sick);
    const done = expectStatus(
      await org.clients.hr.post<CaseTasks>(`${tasksUrl(org.employees.sick)}/inntektsmelding/done`, {
        caseStart: start,
        note: 'Sendt fra lønnssystemet',
        version,
      }),
      201,
    ).body;
    expect(done.tasks.find((x) => x.key === 'inntektsmelding')).toMatchObject({
      state: 'done',
      done: { by: { name: 'Hanne HR' }, note: 'Sendt fra lønnssystemet' },
    });
    const stored = await t.db
      .selectFrom('task_record')
      .select(['task_key', 'case_start', 'note', 'done_by'])
      .where('employee_id', '=', org.employees.sick)
      .execute();
    expect(stored).toEqual([
      {
        task_key: 'inntektsmelding',
        case_start: start,
        note: 'Sendt fra lønnssystemet',
        done_by: org.userIds.hr,
      },
    ]);
    const mine = (await org.clients.hr.get<Oppgaver>(`${BASE}/oppgaver`)).body;
    expect(mine.items.some((i) => i.key === 'inntektsmelding')).toBe(false);
    const deadlines = await listDeadlines(t.db, {
      organisationId: org.orgId,
      from: today(),
      to: due,
      today: today(),
    });
    expect(deadlines.some((d) => d.milestoneKey === 'task:inntektsmelding')).toBe(false);
    // The 10-day case has no such task to mark.
    expectStatus(
      await org.clients.hr.post(`${tasksUrl(org.employees.other)}/inntektsmelding/done`, {
        caseStart: start,
        version: await versionOf(t, org.employees.other),
      }),
      404,
    );
  });

  it('migration 0055 adds it to a routine saved without it, as a version made by Nærvær', async () => {
    const current = (await org.clients.hr.get<RoutineDto>(`${BASE}/rutine`)).body;
    const without = current.tasks.filter((x) => x.id !== 'inntektsmelding');
    const saved = expectStatus(
      await org.clients.hr.put<RoutineDto>(`${BASE}/rutine`, { tasks: without }),
      200,
    ).body;
    expect(saved.version).toBe(2);
    await migration0055(t.db);
    const after = expectStatus(await org.clients.hr.get<RoutineDto>(`${BASE}/rutine`), 200).body;
    expect(after.version).toBe(3);
    expect(after.createdBy).toEqual({ userId: null, name: 'Nærvær (automatisk)' });
    expect(after.tasks.map((x) => x.id)).toEqual([...without.map((x) => x.id), 'inntektsmelding']);
    expect(after.tasks.at(-1)).toEqual({
      id: 'inntektsmelding',
      title: {
        nb: 'Send inntektsmelding til NAV (arbeidsgiverperioden er over)',
        en: 'Send the income report (inntektsmelding) to NAV (the employer period is over)',
      },
      responsible: 'hr',
      anchor: 'agpEnd',
      offsetDays: 1,
    });
    // A routine that has it (or its own agpEnd task) is left alone; organisations that never
    // saved one (the other organisation) get nothing stored: the built-in default has it.
    await migration0055(t.db);
    const rows = await t.db
      .selectFrom('rutine_version')
      .select(['organisation_id', 'version'])
      .orderBy('version')
      .execute();
    expect(rows).toEqual([
      { organisation_id: org.orgId, version: 2 },
      { organisation_id: org.orgId, version: 3 },
    ]);
    // The editor's round trip: the new version saves again as it is.
    expectStatus(await org.clients.hr.put(`${BASE}/rutine`, { tasks: after.tasks }), 200);
  });
});
