/**
 * "Mine oppgaver" outside sick leave (`GET /api/v1/me/deadlines`) on both databases: every module's
 * open deadlines that the reminders' rule names this user for, overdue or due within 14 days, with
 * the measure's own text as detail — for the owner only; a measure marked done leaves the list;
 * sick-leave deadlines stay in the sick-leave list; another organisation's user sees none of it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Measure } from '../../src/contracts/hms-mal/hms-mal.schemas.ts';
import type { MyDeadlineItem } from '../../src/contracts/notifications/notifications.schemas.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, type SickOrg } from '../support/sykefravaer-org.ts';

const TODAY = '2027-03-10';
const T = '/api/v1/hms-mal/tiltak';
const MINE = '/api/v1/me/deadlines';

type Mine = { items: MyDeadlineItem[] };

describeEachDatabase('my deadlines on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const measure = async (text: string, owner: string, due: string) =>
    expectStatus(await org.clients.hr.post<Measure>(T, { text, ownerUserId: owner, due }), 201).body;
  const mine = async (who: keyof SickOrg['clients']) =>
    expectStatus(await org.clients[who].get<Mine>(MINE), 200).body.items.filter(
      (d) => d.source === 'hms-mal',
    );

  it('lists the owner’s overdue, today’s and coming measures with their text, by due date; not the far ones', async () => {
    const late = await measure('Bytte stiger på lageret', org.userIds.verneombud, '2027-03-01');
    await measure('Rydde nødutgangen', org.userIds.verneombud, TODAY);
    await measure('Vernerunde i kantina', org.userIds.verneombud, '2027-03-24');
    await measure('Langt fram', org.userIds.verneombud, '2027-03-25');
    const items = await mine('verneombud');
    expect(items.map((d) => [d.due, d.state, d.detail])).toEqual([
      ['2027-03-01', 'overdue', 'Bytte stiger på lageret'],
      ['2027-03-10', 'due-today', 'Rydde nødutgangen'],
      ['2027-03-24', 'upcoming', 'Vernerunde i kantina'],
    ]);
    expect(items[0]).toMatchObject({
      title: 'Tiltak i handlingsplanen',
      area: 'HMS-mål og handlingsplan',
      link: '/internkontroll/mal?ar=2027',
    });
    // Marked done, it leaves the list (and what was stored says so).
    expectStatus(
      await org.clients.verneombud.put(`${T}/${late.id}/done`, { note: 'Nye stiger er på plass' }),
      200,
    );
    const row = await t.db
      .selectFrom('hms_measure')
      .select(['done_at', 'done_note'])
      .where('id', '=', late.id)
      .executeTakeFirstOrThrow();
    expect(row.done_note).toBe('Nye stiger er på plass');
    expect((await mine('verneombud')).map((d) => d.detail)).toEqual([
      'Rydde nødutgangen',
      'Vernerunde i kantina',
    ]);
  });

  it('only the owner sees a person-owned measure; another organisation sees nothing', async () => {
    await measure('Samtale om arbeidsmengde med teamet', org.userIds.lederB, '2027-03-12');
    expect((await mine('lederB')).map((d) => d.detail)).toEqual(['Samtale om arbeidsmengde med teamet']);
    expect((await mine('lederA')).map((d) => d.detail)).not.toContain('Samtale om arbeidsmengde med teamet');
    expect((await mine('self')).map((d) => d.detail)).not.toContain('Samtale om arbeidsmengde med teamet');
    expect(await mine('otherOrg')).toEqual([]);
  });

  it('every role may ask; sick-leave deadlines are not in this list', async () => {
    for (const who of [
      'admin',
      'hr',
      'lederA',
      'self',
      'otherAnsatt',
      'tillitsvalgt',
      'amu',
      'bht',
    ] as const) {
      const all = expectStatus(await org.clients[who].get<Mine>(MINE), 200).body.items;
      expect(all.every((d) => d.source !== 'sykefravaer')).toBe(true);
    }
  });

  it('without a session it is a 401', async () => {
    const reply = await t.app.inject({ method: 'GET', url: MINE });
    expect(reply.statusCode).toBe(401);
  });
});
