/**
 * Issue 11, found item 9: a refused read of case data leaves an audit row (who, what, when),
 * throttled, and the employer sees it in the case's access log — for a leader of another unit, a
 * role without access and another organisation's user; not for an allowed read or an anonymous one.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, type SickOrg } from '../support/sykefravaer-org.ts';

const BASE = '/api/v1/sykefravaer';
type AccessLog = {
  items: { at: string; action: string; user: { userId: string | null; name: string }; roles: string[] }[];
};

describeEachDatabase('denied reads of case data on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;

  const deniedRows = (organisationId: string, userId?: string) => {
    let query = t.db
      .selectFrom('audit_log')
      .select(['organisation_id', 'actor_user_id', 'actor_roles', 'entity_type', 'entity_id', 'detail', 'at'])
      .where('organisation_id', '=', organisationId)
      .where('action', '=', 'denied');
    if (userId !== undefined) query = query.where('actor_user_id', '=', userId);
    return query.orderBy('id').execute();
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await buildSickOrg(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a leader of another unit asking for the case: 404 and one denied row per minute, not one per try', async () => {
    const { clients, employees, userIds, orgId } = org;
    for (let i = 0; i < 3; i++) {
      expect((await clients.lederB.get(`${BASE}/employees/${employees.sick}`)).status).toBe(404);
    }
    const rows = await deniedRows(orgId, userIds.lederB);
    expect(rows).toEqual([
      expect.objectContaining({
        actor_roles: expect.stringContaining('leder'),
        entity_type: 'sick_case',
        entity_id: employees.sick,
        detail: { route: '/api/v1/sykefravaer/employees/:employeeId' },
        at: expect.any(Date),
      }),
    ]);
  });

  it('a role without access (verneombud) and a document of the case (oppfølgingsplan) are recorded too', async () => {
    const { clients, employees, userIds, orgId } = org;
    expect((await clients.verneombud.get(`${BASE}/employees/${employees.sick}`)).status).toBe(404);
    expect((await clients.lederB.get(`${BASE}/employees/${employees.sick}/oppfolgingsplan`)).status).toBe(
      404,
    );
    const vo = await deniedRows(orgId, userIds.verneombud);
    expect(vo.map((r) => [r.entity_type, r.entity_id])).toEqual([['sick_case', employees.sick]]);
    // Same user and case within the minute: still the one row of the first test.
    expect(await deniedRows(orgId, userIds.lederB)).toHaveLength(1);
  });

  it("another organisation's user is recorded in their own organisation's log, never in this one's", async () => {
    const { clients, employees, userIds, orgId, otherOrgId } = org;
    const before = (await deniedRows(orgId)).length;
    expect((await clients.otherOrg.get(`${BASE}/employees/${employees.sick}`)).status).toBe(404);
    expect(await deniedRows(otherOrgId, userIds.otherOrg)).toEqual([
      expect.objectContaining({ entity_type: 'sick_case', entity_id: employees.sick }),
    ]);
    expect(await deniedRows(orgId)).toHaveLength(before);
  });

  it('allowed reads, anonymous requests and bad ids leave no denied row', async () => {
    const { clients, employees, orgId } = org;
    const before = (await deniedRows(orgId)).length;
    expectStatus(await clients.lederA.get(`${BASE}/employees/${employees.sick}`), 200);
    const anonymous = t.client();
    expect((await anonymous.get(`${BASE}/employees/${employees.sick}`)).status).toBe(401);
    expect((await clients.lederB.get(`${BASE}/employees/not-a-uuid`)).status).toBe(400);
    expect(await deniedRows(orgId)).toHaveLength(before);
  });

  it('the employer (admin/HR) and the employee see the refusals in the case access log', async () => {
    const { clients, employees, userIds, names } = org;
    const log = expectStatus(
      await clients.hr.get<AccessLog>(`${BASE}/employees/${employees.sick}/access-log`),
      200,
    ).body;
    const denied = log.items.filter((i) => i.action === 'denied');
    expect(denied.map((i) => i.user.userId).sort()).toEqual([userIds.lederB, userIds.verneombud].sort());
    expect(denied.find((i) => i.user.userId === userIds.lederB)?.user.name).toBe(names.lederB);
    const mine = expectStatus(await clients.self.get<AccessLog>(`${BASE}/me/access-log`), 200).body;
    expect(mine.items.filter((i) => i.action === 'denied')).toHaveLength(2);
  });

  it('a scanner of ids gets at most 30 rows a minute', async () => {
    const { clients, userIds, orgId } = org;
    const before = (await deniedRows(orgId, userIds.tillitsvalgt)).length;
    expect(before).toBe(0);
    for (let i = 0; i < 40; i++) {
      expect((await clients.tillitsvalgt.get(`${BASE}/employees/${randomUUID()}`)).status).toBe(404);
    }
    expect(await deniedRows(orgId, userIds.tillitsvalgt)).toHaveLength(30);
  });
});
