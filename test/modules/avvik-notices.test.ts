/**
 * Notices reach users without an employee record, on both databases. `notifyUsers` (notifications
 * module) takes a notice about no employee (`employeeId` null): keyed `event:<org>:-:…:<user>`, one
 * inbox row with no employee, one mail job, exactly once when the same event is replayed — while a
 * notice about an employee keeps its key of before. Through avvik: HR («Hanne HR», no employee
 * record) gets the 24-hour personvernavvik reminder of an ANONYMOUS report, the VO the § 5-2 notice,
 * each exactly once and readable in their inbox through the API.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Avvik } from '../../src/contracts/avvik/avvik.schemas.ts';
import type { NotificationItem } from '../../src/contracts/notifications/notifications.schemas.ts';
import { runPrivacyReminder } from '../../src/modules/avvik/index.ts';
import { eventKeyBase, MAIL_JOB, NO_EMPLOYEE, notifyUsers } from '../../src/modules/notifications/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, type SickOrg } from '../support/sykefravaer-org.ts';

const TODAY = '2027-05-14';
const B = '/api/v1/avvik';

describeEachDatabase('notices to users without an employee record on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const inbox = (key: string) =>
    t.db
      .selectFrom('notification')
      .select(['user_id', 'employee_id', 'kind', 'title_nb', 'link'])
      .where('organisation_id', '=', org.orgId)
      .where('key', 'like', key)
      .orderBy('user_id')
      .execute();

  it('keys a notice about no employee with «-» and keeps the key of a notice about an employee', () => {
    const ref = {
      organisationId: org.orgId,
      caseStart: TODAY,
      document: 'avvik',
      documentId: 'a1',
      event: 'lukket',
    };
    expect(NO_EMPLOYEE).toBe('-');
    expect(eventKeyBase({ ...ref, employeeId: null })).toBe(`event:${org.orgId}:-:${TODAY}:avvik:a1:lukket`);
    expect(eventKeyBase(ref)).toBe(`event:${org.orgId}:-:${TODAY}:avvik:a1:lukket`);
    expect(eventKeyBase({ ...ref, employeeId: 'e1' })).toBe(`event:${org.orgId}:e1:${TODAY}:avvik:a1:lukket`);
  });

  it('notifyUsers: an HR user without an employee record gets one inbox row and one mail job, exactly once', async () => {
    const hrEmployee = await t.db
      .selectFrom('membership')
      .select('employee_id')
      .where('organisation_id', '=', org.orgId)
      .where('user_id', '=', org.userIds.hr)
      .executeTakeFirstOrThrow();
    expect(hrEmployee.employee_id).toBeNull();
    const documentId = randomUUID();
    const notice = {
      ref: {
        organisationId: org.orgId,
        employeeId: null,
        caseStart: TODAY,
        document: 'test',
        documentId,
        event: 'hendelse',
      },
      to: [{ kind: 'users' as const, userIds: [org.userIds.hr, org.userIds.amu] }],
      title: { nb: 'Noe å se på', en: 'Something to look at' },
      body: { nb: 'Logg inn i Nærvær.', en: 'Log in to Nærvær.' },
      link: '/avvik',
      today: TODAY,
    };
    const first = await t.db.transaction().execute((trx) => notifyUsers(trx, notice));
    expect(first.notified.sort()).toEqual([org.userIds.hr, org.userIds.amu].sort());
    const replay = await t.db.transaction().execute((trx) => notifyUsers(trx, notice));
    expect(replay.notified).toEqual([]);
    expect(replay.existing.sort()).toEqual([org.userIds.hr, org.userIds.amu].sort());

    const rows = await t.db
      .selectFrom('notification')
      .select(['key', 'user_id', 'employee_id', 'kind'])
      .where('organisation_id', '=', org.orgId)
      .where('key', 'like', `%:test:${documentId}:%`)
      .orderBy('key')
      .execute();
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.key).toBe(`event:${org.orgId}:-:${TODAY}:test:${documentId}:hendelse:${r.user_id}`);
      expect(r.employee_id).toBeNull();
      expect(r.kind).toBe('event');
    }
    const mails = await t.db
      .selectFrom('job')
      .select('key')
      .where('kind', '=', MAIL_JOB)
      .where('key', 'like', `%:test:${documentId}:%`)
      .execute();
    expect(mails).toHaveLength(first.mailed);
    expect(first.mailed).toBeGreaterThanOrEqual(1);
  });

  it('avvik: HR gets the 24-hour personvernavvik reminder of an anonymous report, once, in the inbox', async () => {
    const a = expectStatus(
      await org.clients.self.post<Avvik>(B, {
        id: randomUUID(),
        category: 'personvern',
        description: 'En liste med navn lå igjen på kopimaskinen.',
        unitId: org.unitA,
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        personalData: true,
        anonymous: true,
      }),
      201,
    ).body;
    const privacy = await t.db
      .selectFrom('avvik_privacy')
      .select('aware_at')
      .where('organisation_id', '=', org.orgId)
      .where('avvik_id', '=', a.id)
      .executeTakeFirstOrThrow();
    const payload = {
      organisationId: org.orgId,
      avvikId: a.id,
      awareAt: privacy.aware_at.toISOString(),
      hour: 24,
    };
    expect(await runPrivacyReminder(t.db, payload)).toEqual([org.userIds.hr]);
    expect(await runPrivacyReminder(t.db, payload)).toEqual([]);
    const stored = await inbox(`event:${org.orgId}:-:%:avvik:${a.id}:personvern-24t:%`);
    expect(stored).toEqual([
      {
        user_id: org.userIds.hr,
        employee_id: null,
        kind: 'event',
        title_nb: 'Personvernavvik: 48 timer igjen',
        link: `/avvik/${a.id}`,
      },
    ]);
    // HR reads it through the API.
    const items = expectStatus(
      await org.clients.hr.get<{ items: NotificationItem[] }>('/api/v1/notifications'),
      200,
    ).body.items;
    expect(items.filter((i) => i.link === `/avvik/${a.id}`).map((i) => i.title)).toEqual([
      'Personvernavvik: 48 timer igjen',
    ]);
  });

  it('avvik: the § 5-2 notice to the area’s VO is keyed without an employee and sent once', async () => {
    const a = expectStatus(
      await org.clients.self.post<Avvik>(B, {
        id: randomUUID(),
        category: 'personskade',
        description: 'Klemte hånden i døren.',
        unitId: org.unitA,
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        anonymous: true,
      }),
      201,
    ).body;
    const triage = {
      version: 1,
      category: 'personskade',
      severity: 4,
      cause: '',
      personalData: false,
      serious: true,
    };
    expectStatus(await org.clients.hr.put(`${B}/${a.id}/vurdering`, triage), 200);
    const key = `event:${org.orgId}:-:%:avvik:${a.id}:alvorlig-skade:%`;
    expect((await inbox(key)).map((r) => [r.user_id, r.employee_id])).toEqual([
      [org.userIds.verneombud, null],
    ]);
    // Saving the assessment again tells nobody twice.
    expectStatus(await org.clients.hr.put(`${B}/${a.id}/vurdering`, { ...triage, version: 2 }), 200);
    expect(await inbox(key)).toHaveLength(1);
  });
});
