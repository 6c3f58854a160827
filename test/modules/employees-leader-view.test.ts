/**
 * What a leader gets from the employee routes (issue 10): «Mine medarbeidere» holds the people she
 * leads, not herself, and only the fields her pages show — no birth dates, and in the list no
 * contact details. Admin and HR keep the whole register; everyone keeps all of their own record.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Employee } from '../../src/contracts/employees/employees.schemas.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, type SickOrg } from '../support/sykefravaer-org.ts';

type EmployeeList = { items: Employee[]; total: number; page: number; pageSize: number };

describeEachDatabase('employees as a leader sees them on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await buildSickOrg(t);
    // Phone numbers and birth dates on the leader, two of her people and someone in another unit.
    const details: [string, string, string][] = [
      [org.employees.leaderA, '41000001', '1975-01-01'],
      [org.employees.sick, '41000002', '1980-05-05'],
      [org.employees.vo, '41000003', '1990-09-09'],
      [org.employees.other, '41000004', '1985-03-03'],
    ];
    for (const [id, phone, birthDate] of details) {
      await t.db
        .updateTable('employee')
        .set({ phone, birth_date: birthDate })
        .where('organisation_id', '=', org.orgId)
        .where('id', '=', id)
        .execute();
    }
    await t.settle();
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (who: keyof SickOrg['clients'], query = '') =>
    expectStatus(await org.clients[who].get<EmployeeList>(`/api/v1/employees${query}`), 200).body;

  it('gives a leader her own people without herself, and without birth dates or contact details', async () => {
    const team = await list('lederA');
    expect(team.total).toBe(2);
    expect(team.items.map((e) => e.id).sort()).toEqual([org.employees.sick, org.employees.vo].sort());
    for (const e of team.items) {
      expect(e.birthDate).toBeNull();
      expect(e.phone).toBeNull();
      expect(e.email).toBeNull();
      // What «Mine medarbeidere» shows is still there.
      expect(e.unitName).toBe('Hjemmetjenesten');
      expect(e.leaderName).toBe('Lise Leder');
      expect(e.positionPercent).toBe(100);
      expect(e.employmentStart).toBe('2020-01-15');
    }
    // Searching for herself finds nothing; searching by a team member's e-mail still works.
    expect((await list('lederA', '?search=Lise')).total).toBe(0);
    const byEmail = await list('lederA', '?search=perpleier%40example.no');
    expect(byEmail.items.map((e) => e.id)).toEqual([org.employees.sick]);

    // Nothing was removed from the register: the database still holds the details.
    const stored = await t.db
      .selectFrom('employee')
      .select(['phone', 'birth_date', 'email'])
      .where('organisation_id', '=', org.orgId)
      .where('id', '=', org.employees.sick)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ phone: '41000002', birth_date: '1980-05-05', email: 'perpleier@example.no' });
  });

  it('gives HR and admin the whole register with every field, leaders included', async () => {
    for (const who of ['hr', 'admin'] as const) {
      const all = await list(who, '?pageSize=100');
      expect(all.items.map((e) => e.id)).toEqual(expect.arrayContaining([org.employees.leaderA]));
      const sick = all.items.find((e) => e.id === org.employees.sick);
      expect(sick).toMatchObject({
        birthDate: '1980-05-05',
        phone: '41000002',
        email: 'perpleier@example.no',
      });
      const leader = all.items.find((e) => e.id === org.employees.leaderA);
      expect(leader).toMatchObject({ birthDate: '1975-01-01', phone: '41000001' });
    }
    const one = expectStatus(
      await org.clients.hr.get<Employee>(`/api/v1/employees/${org.employees.sick}`),
      200,
    ).body;
    expect(one).toMatchObject({ birthDate: '1980-05-05', phone: '41000002' });
  });

  it('shows a leader one of her people without the birth date, and her own record in full', async () => {
    const one = expectStatus(
      await org.clients.lederA.get<Employee>(`/api/v1/employees/${org.employees.sick}`),
      200,
    ).body;
    expect(one.birthDate).toBeNull();
    // The employee page shows how to reach the person (the leader keeps contact during a sick leave).
    expect(one).toMatchObject({ name: 'Per Pleier', phone: '41000002', email: 'perpleier@example.no' });

    const own = expectStatus(
      await org.clients.lederA.get<Employee>(`/api/v1/employees/${org.employees.leaderA}`),
      200,
    ).body;
    expect(own).toMatchObject({ birthDate: '1975-01-01', phone: '41000001' });
  });

  it('keeps an employee to their own record, and other leaders and organisations out', async () => {
    const mine = await list('self');
    expect(mine.items.map((e) => e.id)).toEqual([org.employees.sick]);
    expect(mine.items[0]).toMatchObject({ birthDate: '1980-05-05', phone: '41000002' });

    const teamB = await list('lederB');
    expect(teamB.items.map((e) => e.id).sort()).toEqual([org.employees.other, org.employees.tv].sort());
    expect(teamB.items.every((e) => e.birthDate === null && e.phone === null)).toBe(true);
    expect((await org.clients.lederB.get(`/api/v1/employees/${org.employees.sick}`)).status).toBe(404);
    expect((await org.clients.otherOrg.get(`/api/v1/employees/${org.employees.sick}`)).status).toBe(404);
    expect((await list('otherOrg')).items.map((e) => e.id)).toEqual([org.employees.stranger]);
  });
});
