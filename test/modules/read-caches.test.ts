/**
 * The read caches as the server runs them (sessions, employee lists), on the real databases: a
 * cached answer is really served from memory, and it never outlives a committed change — made
 * through the API by this process, or directly in the database as another process would.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Oppgaver } from '../../src/contracts/sykefravaer/rutine.schemas.ts';
import { addDays } from '../../src/domain/calendar/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { ADMIN, createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { buildSickOrg, daysAgo, type SickOrg, today } from '../support/sykefravaer-org.ts';

type Unit = { id: string; name: string };
type Employee = { id: string; name: string; unitName: string; version: number };
type EmployeeList = { items: Employee[]; total: number };

const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retries `check` until it passes (another process's change arrives by notification). */
async function eventually(check: () => Promise<void>, ms = 5_000): Promise<void> {
  for (let waited = 0; ; waited += 25) {
    try {
      await check();
      return;
    } catch (error) {
      if (waited > ms) throw error;
      await tick(25);
    }
  }
}

describeEachDatabase('read caches on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let orgId: string;
  let unit: Unit;
  beforeAll(async () => {
    t = await createTestApp(kind, { caches: true });
    admin = t.client();
    orgId = await admin.setup();
    unit = expectStatus(await admin.post<Unit>('/api/v1/units', { name: 'Drift' }), 201).body;
    for (const name of ['Berit', 'Anders']) {
      expectStatus(
        await admin.post('/api/v1/employees', {
          name,
          email: `${name.toLowerCase()}@example.no`,
          employmentStart: '2020-01-01',
          positionPercent: 100,
          unitId: unit.id,
        }),
        201,
      );
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (client = admin) =>
    expectStatus(await client.get<EmployeeList>('/api/v1/employees?page=1&pageSize=50'), 200).body;

  it('serves a repeated list from memory (a change the database does not report is not seen)', async () => {
    await t.settle(); // the set-up's own changes have arrived
    expect((await list()).items.map((e) => e.name)).toEqual(['Anders', 'Berit']);
    // Silence the trigger for one change: the cache cannot know, so the answer stays as it was.
    await t.db.transaction().execute(async (trx) => {
      await sql`alter table employee disable trigger employee_notify_change`.execute(trx);
      await trx.updateTable('employee').set({ name: 'Anders Usett' }).where('name', '=', 'Anders').execute();
      await sql`alter table employee enable trigger employee_notify_change`.execute(trx);
    });
    expect((await list()).items.map((e) => e.name)).toEqual(['Anders', 'Berit']);
    // A reported change (as from another process) is seen: the answer now differs from the cached one,
    // and shows the unreported change too (the whole list was read again).
    await t.db
      .updateTable('employee')
      .set({ email: 'anders.ny@example.no' })
      .where('name', '=', 'Anders Usett')
      .execute();
    await eventually(async () => {
      expect((await list()).items.map((e) => e.name)).toEqual(['Anders Usett', 'Berit']);
    });
    await t.db.updateTable('employee').set({ name: 'Anders' }).where('name', '=', 'Anders Usett').execute();
    await eventually(async () => {
      expect((await list()).items.map((e) => e.name)).toEqual(['Anders', 'Berit']);
    });
  });

  it('shows a change made through the API at once, page and total', async () => {
    const before = await list();
    expectStatus(
      await admin.post('/api/v1/employees', {
        name: 'Cecilie',
        email: 'cecilie@example.no',
        employmentStart: '2021-03-01',
        positionPercent: 80,
        unitId: unit.id,
      }),
      201,
    );
    const after = await list();
    expect(after.total).toBe(before.total + 1);
    expect(after.items.map((e) => e.name)).toContain('Cecilie');
  });

  it('sees a unit renamed directly in the database (another process) in the list', async () => {
    await list();
    await t.db.updateTable('unit').set({ name: 'Drift og vedlikehold' }).where('id', '=', unit.id).execute();
    await eventually(async () => {
      expect(new Set((await list()).items.map((e) => e.unitName))).toEqual(new Set(['Drift og vedlikehold']));
    });
  });

  it('ends a session at logout at once, and a disabled account soon after, from any process', async () => {
    const second = t.client();
    expectStatus(await second.login(ADMIN.email, ADMIN.password), 200);
    await list(second); // cached now
    expectStatus(await second.post('/api/v1/auth/logout'), 200);
    expect((await second.get('/api/v1/employees')).status).toBe(401);

    const third = t.client();
    expectStatus(await third.login(ADMIN.email, ADMIN.password), 200);
    await list(third);
    await t.db
      .updateTable('user_account')
      .set({ disabled_at: new Date() })
      .where('email', '=', ADMIN.email)
      .execute();
    await eventually(async () => {
      expect((await third.get('/api/v1/employees')).status).toBe(401);
    });
    await t.db
      .updateTable('user_account')
      .set({ disabled_at: null })
      .where('email', '=', ADMIN.email)
      .execute();
    await eventually(async () => {
      expect((await admin.get('/api/v1/employees')).status).toBe(200);
    });
  });

  it('takes a role removed directly in the database away from a live session', async () => {
    await list();
    await t.db
      .deleteFrom('role_assignment')
      .where('organisation_id', '=', orgId)
      .where('role', '=', 'admin')
      .execute();
    await eventually(async () => {
      // Without a role the member sees only themselves — and this account has no employee record.
      expect((await list()).total).toBe(0);
    });
  });
});

describeEachDatabase('the "Mine oppgaver" cache on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  const BASE = '/api/v1/sykefravaer';
  beforeAll(async () => {
    t = await createTestApp(kind, { caches: true });
    org = await buildSickOrg(t);
    expectStatus(
      await org.clients.lederA.post(`${BASE}/employees/${org.employees.sick}/periods`, {
        type: 'sykmelding',
        start: daysAgo(40),
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

  const oppgaver = async () =>
    expectStatus(await org.clients.lederA.get<Oppgaver>(`${BASE}/oppgaver`), 200).body;
  const audited = async () =>
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entity_type', '=', 'sick_case_list')
        .where('actor_user_id', '=', org.userIds.lederA)
        .executeTakeFirstOrThrow()
    ).n;

  it('logs every read, also those answered from memory', async () => {
    const before = Number(await audited());
    const first = await oppgaver();
    const second = await oppgaver();
    expect(second).toEqual(first);
    expect(first.items.some((i) => i.employeeId === org.employees.sick)).toBe(true);
    expect(Number(await audited())).toBe(before + 2);
  });

  it('follows a change written directly to the sick-leave tables (another process)', async () => {
    await t.settle();
    expect((await oppgaver()).items.some((i) => i.employeeId === org.employees.sick)).toBe(true);
    await t.db
      .updateTable('absence_period')
      .set({ deleted_at: new Date(), deleted_by: org.userIds.hr, delete_reason: 'Registrert på feil person' })
      .where('employee_id', '=', org.employees.sick)
      .execute();
    await eventually(async () => {
      expect((await oppgaver()).items.some((i) => i.employeeId === org.employees.sick)).toBe(false);
    });
  });
});
