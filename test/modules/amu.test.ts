/**
 * The arbeidsmiljøutvalg on both databases: the year's four meetings are planned once; a meeting's
 * agenda carries the data of what the committee must handle; minutes with decisions and actions are
 * stored and read back, a stale version is a 409, bad input a 400 naming the field with nothing
 * written; approved minutes are published to the employees (and only then); an action is reminded
 * to its owner exactly once and is in their «Mine oppgaver»; «krav om møte» needs a second member
 * and plans a meeting within 14 days, reminded to the committee once; the årsrapport is made after
 * the year, edited with versions, approved into a stored PDF (read back as text); access by role
 * and tenant.
 */
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Arsrapport, Meeting, Overview } from '../../src/contracts/amu/amu.schemas.ts';
import type { MyDeadlineItem } from '../../src/contracts/notifications/notifications.schemas.ts';
import { amuDeadlines, generateArsrapportDrafts } from '../../src/modules/amu/index.ts';
import { runSweep } from '../../src/modules/notifications/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { buildSickOrg, type ErrorReply, PASSWORD, type SickOrg } from '../support/sykefravaer-org.ts';

/** A fixed day in January 2027: the årsrapport for 2026 can be made. */
const TODAY = '2027-01-20';
const A = '/api/v1/amu';

type ConflictReply = ErrorReply & { error: { reason?: string } };

async function pdfText(data: Buffer | Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(data) });
  const { text } = await parser.getText();
  await parser.destroy();
  return text.replace(/\s+/g, ' ');
}

const paths = (reply: { body: ErrorReply }) => reply.body.error.fields?.map((f) => f.path);

describeEachDatabase('amu on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let amu2: TestClient;
  let amu2Id: string;
  let meetingId: string;
  let decisionId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
    const admin = org.clients.admin;
    // A second member with the login role `amu` (FOLM § 3-16: a demand needs two).
    amu2Id = expectStatus(
      await admin.post<{ id: string }>('/api/v1/users', {
        name: 'Arne Andremedlem',
        email: 'arne@bruker.example.no',
        password: PASSWORD,
        roles: ['amu'],
      }),
      201,
    ).body.id;
    amu2 = t.client();
    expectStatus(await amu2.login('arne@bruker.example.no', PASSWORD), 200);
    // The committee under «Roller og verv»: one member per side (employees without a login) and BHT.
    const employee = async (name: string) =>
      expectStatus(
        await admin.post<{ id: string }>('/api/v1/employees', {
          name,
          employmentStart: '2020-01-15',
          positionPercent: 100,
          unitId: org.unitA,
        }),
        201,
      ).body.id;
    const role = async (body: Record<string, unknown>) =>
      expectStatus(
        await admin.post<{ id: string }>('/api/v1/roller', { termStart: '2026-01-01', ...body }),
        201,
      ).body.id;
    const employerRole = await role({
      kind: 'amu-arbeidsgiver',
      employeeId: await employee('Gunn Giver'),
      how: 'utpekt',
    });
    await role({ kind: 'amu-arbeidstaker', employeeId: await employee('Tore Taker'), how: 'valgt' });
    await role({
      kind: 'amu-bht',
      personName: 'Bente Bedriftshelse',
      providerName: 'BHT Midt AS',
      how: 'utpekt',
    });
    expectStatus(
      await admin.put(`/api/v1/roller/amu-leder/2027`, { side: 'arbeidsgiver', roleId: employerRole }),
      200,
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const meetings = () =>
    t.db
      .selectFrom('amu_meeting')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .orderBy('meeting_date')
      .execute();
  const meetingRow = (id: string) =>
    t.db.selectFrom('amu_meeting').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const decisions = (id: string) =>
    t.db.selectFrom('amu_decision').selectAll().where('meeting_id', '=', id).orderBy('position').execute();

  it('the overview: members on both sides with BHT, the chair of the year; employees see no composition problems', async () => {
    const view = expectStatus(await org.clients.amu.get<Overview>(A), 200).body;
    expect(view.canEdit).toBe(true);
    expect(view.members.map((m) => [m.side, m.name, m.chair])).toEqual(
      expect.arrayContaining([
        ['arbeidsgiver', 'Gunn Giver', true],
        ['arbeidstaker', 'Tore Taker', false],
        ['bht', 'Bente Bedriftshelse', false],
      ]),
    );
    expect(view.chair).toEqual({ year: 2027, side: 'arbeidsgiver', name: 'Gunn Giver' });
    expect(view.compositionProblems).toEqual([]);
    expect(view.arsrapport).toEqual({ year: 2026, due: '2027-03-31', status: null });
    const employee = expectStatus(await org.clients.self.get<Overview>(A), 200).body;
    expect(employee).toMatchObject({ canEdit: false, canReadAll: false, arsrapport: null, owners: [] });
  });

  it('plans the four meetings of 2027 once (FOLM § 3-16), on working days', async () => {
    const first = expectStatus(
      await org.clients.amu.post<{ created: number }>(`${A}/moter/plan`, { year: 2027 }),
      200,
    );
    expect(first.body.created).toBe(4);
    const again = expectStatus(
      await org.clients.hr.post<{ created: number }>(`${A}/moter/plan`, { year: 2027 }),
      200,
    );
    expect(again.body.created).toBe(0);
    const rows = await meetings();
    expect(rows.map((r) => [r.meeting_date, r.occurrence, r.kind, r.status])).toEqual([
      ['2027-02-15', 'q1', 'ordinaer', 'planlagt'],
      ['2027-05-18', 'q2', 'ordinaer', 'planlagt'],
      ['2027-08-16', 'q3', 'ordinaer', 'planlagt'],
      ['2027-11-15', 'q4', 'ordinaer', 'planlagt'],
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('actor_user_id')
      .where('entity_type', '=', 'amu_meeting')
      .where('action', '=', 'create')
      .execute();
    expect(audit).toHaveLength(4);
  });

  it('bad input names the field and writes nothing', async () => {
    const before = (await meetings()).length;
    expect(
      paths(expectStatus(await org.clients.amu.post<ErrorReply>(`${A}/moter/plan`, { year: 'neste' }), 400)),
    ).toEqual(['year']);
    expect(
      paths(expectStatus(await org.clients.amu.post<ErrorReply>(`${A}/moter`, { date: '2027-02-30' }), 400)),
    ).toEqual(['date']);
    expect(
      paths(expectStatus(await org.clients.amu.post<ErrorReply>(`${A}/moter`, { date: '1999-12-31' }), 400)),
    ).toEqual(['date']);
    expect(
      paths(
        expectStatus(
          await org.clients.amu.post<ErrorReply>(`${A}/moter`, {
            date: '2027-03-01',
            title: 'x'.repeat(201),
          }),
          400,
        ),
      ),
    ).toEqual(['title']);
    expect((await meetings()).length).toBe(before);
  });

  it('moves and renames a planned meeting: stored; stale 409; a bad date 400; others 404', async () => {
    const q2 = (await meetings()).find((m) => m.occurrence === 'q2');
    const id = q2?.id ?? '';
    const moved = expectStatus(
      await org.clients.hr.put<Meeting>(`${A}/moter/${id}`, {
        version: 1,
        date: '2027-05-25',
        title: 'Vårmøte',
      }),
      200,
    ).body;
    expect(moved).toMatchObject({ date: '2027-05-25', title: 'Vårmøte', version: 2 });
    expect(await meetingRow(id)).toMatchObject({
      meeting_date: '2027-05-25',
      title: 'Vårmøte',
      occurrence: 'q2',
      version: 2,
    });
    const stale = expectStatus(
      await org.clients.amu.put<ConflictReply>(`${A}/moter/${id}`, { version: 1, date: '2027-05-26' }),
      409,
    );
    expect(stale.body.error.reason).toBe('STALE_VERSION');
    expect(
      paths(
        expectStatus(
          await org.clients.amu.put<ErrorReply>(`${A}/moter/${id}`, { version: 2, date: '25.05.2027' }),
          400,
        ),
      ),
    ).toEqual(['date']);
    for (const who of ['bht', 'self', 'otherOrg'] as const) {
      expect(
        (await org.clients[who].put(`${A}/moter/${id}`, { version: 2, date: '2027-05-27' })).status,
        who,
      ).toBe(404);
    }
    expect(await meetingRow(id)).toMatchObject({ meeting_date: '2027-05-25', version: 2 });
  });

  it('plans a meeting of its own; the agenda has each item of aml § 7-2 with its data', async () => {
    const m = expectStatus(
      await org.clients.amu.post<Meeting>(`${A}/moter`, { date: '2026-11-16', title: 'Høstmøte i AMU' }),
      201,
    ).body;
    meetingId = m.id;
    expect(await meetingRow(m.id)).toMatchObject({
      year: 2026,
      meeting_date: '2026-11-16',
      title: 'Høstmøte i AMU',
      kind: 'ordinaer',
    });
    expect(m.agenda?.map((a) => a.key)).toEqual([
      'sykefravaer',
      'avvik',
      'risiko',
      'opplaering',
      'hms-plan',
      'bht',
    ]);
    const sick = m.agenda?.find((a) => a.key === 'sykefravaer');
    // 8 employees, no absence: 0.0 % for 2026Q3 (the last quarter before the meeting).
    expect(sick?.period.nb).toContain('2026Q3');
    expect(sick?.figures[0]).toMatchObject({ value: 0, unit: 'prosent', masked: false });
    expect(m.agenda?.find((a) => a.key === 'avvik')?.noData).toBe(true);
    expect(
      m.agenda?.find((a) => a.key === 'bht')?.figures.find((f) => f.label.nb.startsWith('BHT-representanter'))
        ?.value,
    ).toBe(1);
    // BHT reads the agenda; an employee does not see an unpublished meeting at all.
    expect(expectStatus(await org.clients.bht.get<Meeting>(`${A}/moter/${m.id}`), 200).body.canEdit).toBe(
      false,
    );
    expectStatus(await org.clients.self.get(`${A}/moter/${m.id}`), 404);
    expectStatus(await org.clients.otherOrg.get(`${A}/moter/${m.id}`), 404);
    // A meeting early in 2000: no statistics before 2000, «ingen data» rather than an error.
    const early = expectStatus(
      await org.clients.hr.post<Meeting>(`${A}/moter`, { date: '2000-02-01' }),
      201,
    ).body;
    expect(early.agenda?.find((a) => a.key === 'sykefravaer')?.noData).toBe(true);
  });

  it('writes the minutes with a decision and an action; stored and read back; stale version 409', async () => {
    const body = {
      version: 1,
      heldOn: '2026-11-16',
      attendees: 'Gunn Giver (leder), Tore Taker, Bente Bedriftshelse (BHT)',
      notes: 'Gjennomgikk sykefraværet og avvikene.',
      decisions: [
        {
          text: 'Vernerunde i lageret før jul.',
          action: { ownerUserId: org.userIds.lederA, due: '2027-02-01' },
        },
        { text: 'Sykefraværet følges opp neste møte.', vote: 'Enstemmig.' },
      ],
    };
    const saved = expectStatus(
      await org.clients.amu.put<Meeting>(`${A}/moter/${meetingId}/referat`, body),
      200,
    ).body;
    expect(saved).toMatchObject({ status: 'utkast', version: 2, heldOn: '2026-11-16', canEdit: true });
    const rows = await decisions(meetingId);
    expect(rows.map((r) => [r.position, r.text, r.vote, r.owner_user_id, r.due])).toEqual([
      [1, 'Vernerunde i lageret før jul.', '', org.userIds.lederA, '2027-02-01'],
      [2, 'Sykefraværet følges opp neste møte.', 'Enstemmig.', null, null],
    ]);
    decisionId = rows[0]?.id ?? '';
    expect(await meetingRow(meetingId)).toMatchObject({
      status: 'utkast',
      attendees: body.attendees,
      notes: body.notes,
      version: 2,
    });

    // Saved again keeping the first decision's id, dropping the second: the id stays.
    const again = expectStatus(
      await org.clients.hr.put<Meeting>(`${A}/moter/${meetingId}/referat`, {
        ...body,
        version: 2,
        decisions: [{ ...body.decisions[0], id: decisionId }],
      }),
      200,
    ).body;
    expect(again.decisionList.map((d) => d.id)).toEqual([decisionId]);
    expect((await decisions(meetingId)).map((d) => d.id)).toEqual([decisionId]);

    const stale = expectStatus(
      await org.clients.amu.put<ConflictReply>(`${A}/moter/${meetingId}/referat`, body),
      409,
    );
    expect(stale.body.error.reason).toBe('STALE_VERSION');
    expect((await meetingRow(meetingId)).version).toBe(3);
  });

  it('bad minutes: a 400 naming the field, nothing changed', async () => {
    const before = await meetingRow(meetingId);
    const base = { version: 3, heldOn: '2026-11-16', attendees: 'Noen', decisions: [] };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ ...base, attendees: '' }, ['attendees']],
      [{ ...base, decisions: [{ text: '' }] }, ['decisions.0.text']],
      [
        {
          ...base,
          decisions: [{ text: 'Tiltak', action: { ownerUserId: org.userIds.otherOrg, due: '2027-03-01' } }],
        },
        ['decisions.0.action.ownerUserId'],
      ],
      [
        {
          ...base,
          decisions: [{ text: 'Tiltak', action: { ownerUserId: org.userIds.hr, due: '2027-13-01' } }],
        },
        ['decisions.0.action.due'],
      ],
      [{ ...base, heldOn: '2027-06-01' }, ['heldOn']],
      [{ ...base, diagnose: 'x' }, ['(body)']],
    ];
    for (const [body, expected] of cases) {
      const reply = expectStatus(
        await org.clients.amu.put<ErrorReply>(`${A}/moter/${meetingId}/referat`, body),
        400,
      );
      expect(paths(reply), JSON.stringify(body)).toEqual(expected);
    }
    expect(await meetingRow(meetingId)).toEqual(before);
    expect((await decisions(meetingId)).map((d) => d.id)).toEqual([decisionId]);
  });

  it('only members and HR/admin write the minutes: others 404, nothing written', async () => {
    for (const who of ['lederA', 'self', 'verneombud', 'tillitsvalgt', 'bht', 'otherOrg'] as const) {
      const reply = await org.clients[who].put(`${A}/moter/${meetingId}/referat`, {
        version: 3,
        heldOn: '2026-11-16',
        attendees: 'Inntrenger',
      });
      expect(reply.status, who).toBe(404);
    }
    expect((await meetingRow(meetingId)).attendees).not.toBe('Inntrenger');
  });

  it('approves and publishes: employees read the minutes (without the agenda data); then they are locked', async () => {
    expect(
      paths(
        expectStatus(
          await org.clients.amu.post<ErrorReply>(`${A}/moter/${meetingId}/publiser`, { version: 0 }),
          400,
        ),
      ),
    ).toEqual(['version']);
    expect((await meetingRow(meetingId)).status).toBe('utkast');
    const published = expectStatus(
      await org.clients.amu.post<Meeting>(`${A}/moter/${meetingId}/publiser`, { version: 3 }),
      200,
    ).body;
    expect(published).toMatchObject({ status: 'publisert', publishedBy: 'Anne AMU', canEdit: false });
    const row = await meetingRow(meetingId);
    expect(row.status).toBe('publisert');
    expect(row.published_by).toBe(org.userIds.amu);
    expect(row.published_at).toBeInstanceOf(Date);

    const employee = expectStatus(await org.clients.self.get<Meeting>(`${A}/moter/${meetingId}`), 200).body;
    expect(employee.agenda).toBeNull();
    expect(employee.decisionList.map((d) => d.text)).toEqual(['Vernerunde i lageret før jul.']);
    const list = expectStatus(await org.clients.self.get<Overview>(A), 200).body.meetings;
    expect(list.map((m) => m.id)).toEqual([meetingId]); // the planned 2027 meetings are not shown

    const locked = expectStatus(
      await org.clients.amu.put<ConflictReply>(`${A}/moter/${meetingId}/referat`, {
        version: 4,
        heldOn: '2026-11-16',
        attendees: 'Endret',
      }),
      409,
    );
    expect(locked.body.error.reason).toBe('WRONG_STATE');
    expect(
      expectStatus(
        await org.clients.amu.put<ConflictReply>(`${A}/moter/${meetingId}`, {
          version: 4,
          date: '2026-11-17',
        }),
        409,
      ).body.error.reason,
    ).toBe('WRONG_STATE');
    expect(
      expectStatus(
        await org.clients.amu.post<ConflictReply>(`${A}/moter/${meetingId}/publiser`, { version: 4 }),
        409,
      ).body.error.reason,
    ).toBe('WRONG_STATE');
  });

  it('the action: in its owner’s «Mine oppgaver», reminded exactly once, marked done by the owner only', async () => {
    const mine = expectStatus(
      await org.clients.lederA.get<{ items: MyDeadlineItem[] }>('/api/v1/me/deadlines'),
      200,
    ).body.items;
    expect(mine).toContainEqual(
      expect.objectContaining({
        source: 'amu',
        detail: 'Vernerunde i lageret før jul.',
        due: '2027-02-01',
        link: `/amu/moter/${meetingId}`,
      }),
    );
    const reminders = () =>
      t.db
        .selectFrom('notification')
        .select(['user_id', 'title_nb', 'body_nb'])
        .where('key', 'like', `reminder:amu:${org.orgId}:${decisionId}:%`)
        .execute();
    const day = '2027-01-25'; // 7 days before
    await runSweep({ db: t.db, deadlineSource: amuDeadlines, today: day });
    await runSweep({ db: t.db, deadlineSource: amuDeadlines, today: day });
    const sent = await reminders();
    expect(sent.map((r) => r.user_id)).toEqual([org.userIds.lederA]);
    // The reminder names the kind of task, not the decision's text.
    expect(JSON.stringify(sent)).not.toContain('lageret');

    expectStatus(await org.clients.lederB.put(`${A}/tiltak/${decisionId}/done`, { note: '' }), 404);
    expect(
      paths(
        expectStatus(
          await org.clients.lederA.put<ErrorReply>(`${A}/tiltak/${decisionId}/done`, {
            note: 'x'.repeat(1001),
          }),
          400,
        ),
      ),
    ).toEqual(['note']);
    expectStatus(
      await org.clients.lederA.put(`${A}/tiltak/${decisionId}/done`, { note: 'Gjennomført 29.01.' }),
      200,
    );
    const row = await t.db
      .selectFrom('amu_decision')
      .selectAll()
      .where('id', '=', decisionId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ done_by: org.userIds.lederA, done_note: 'Gjennomført 29.01.' });
    expect(row.done_at).toBeInstanceOf(Date);
    await runSweep({ db: t.db, deadlineSource: amuDeadlines, today: '2027-02-01' });
    expect(await reminders()).toHaveLength(1);
    expect(
      expectStatus(
        await org.clients.lederA.put<ConflictReply>(`${A}/tiltak/${decisionId}/done`, { note: '' }),
        409,
      ).body.error.reason,
    ).toBe('WRONG_STATE');
  });

  it('krav om møte: a member demands, the same member cannot back it, a second member plans it within 14 days', async () => {
    expectStatus(await org.clients.admin.post(`${A}/krav`, { reason: 'Inneklima' }), 404);
    expect(
      paths(expectStatus(await org.clients.amu.post<ErrorReply>(`${A}/krav`, { reason: ' ' }), 400)),
    ).toEqual(['reason']);
    const { id } = expectStatus(
      await org.clients.amu.post<{ id: string }>(`${A}/krav`, { reason: 'Inneklimaet i skolen' }),
      201,
    ).body;
    const demand = () =>
      t.db.selectFrom('amu_demand').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(await demand()).toMatchObject({
      reason: 'Inneklimaet i skolen',
      demanded_on: TODAY,
      demanded_by: org.userIds.amu,
      supported_by: null,
    });

    const self = expectStatus(
      await org.clients.amu.post<ConflictReply>(`${A}/krav/${id}/stott`, { date: '2027-01-28' }),
      409,
    );
    expect(self.body.error.reason).toBe('WRONG_STATE');
    // 14 days from 20.01.2027 is Wednesday 03.02.2027.
    const late = expectStatus(
      await amu2.post<ErrorReply>(`${A}/krav/${id}/stott`, { date: '2027-02-04' }),
      400,
    );
    expect(late.body.error.fields?.[0]).toMatchObject({ path: 'date' });
    expect(late.body.error.fields?.[0]?.message).toContain('03.02.2027');
    expect((await demand()).supported_by).toBeNull();

    const m = expectStatus(
      await amu2.post<Meeting>(`${A}/krav/${id}/stott`, { date: '2027-02-01' }),
      200,
    ).body;
    expect(m).toMatchObject({
      kind: 'krav',
      date: '2027-02-01',
      demand: { reason: 'Inneklimaet i skolen', deadline: '2027-02-03' },
    });
    expect(await demand()).toMatchObject({
      supported_by: amu2Id,
      supported_on: TODAY,
      deadline: '2027-02-03',
      meeting_id: m.id,
    });
    expect(await meetingRow(m.id)).toMatchObject({
      kind: 'krav',
      meeting_date: '2027-02-01',
      status: 'planlagt',
    });
    // Moved, a demanded meeting stays within its 14 days.
    expect(
      paths(
        expectStatus(
          await amu2.put<ErrorReply>(`${A}/moter/${m.id}`, { version: 1, date: '2027-02-04' }),
          400,
        ),
      ),
    ).toEqual(['date']);
    expectStatus(await amu2.put(`${A}/moter/${m.id}`, { version: 1, date: '2027-02-03' }), 200);
    expect((await meetingRow(m.id)).meeting_date).toBe('2027-02-03');
    expectStatus(await amu2.post(`${A}/krav/${id}/stott`, { date: '2027-02-01' }), 409);

    // The committee is reminded of the deadline, once each.
    const keys = () =>
      t.db
        .selectFrom('notification')
        .select('user_id')
        .where('key', 'like', `reminder:amu:${org.orgId}:${m.id}:krav:%`)
        .execute();
    await runSweep({ db: t.db, deadlineSource: amuDeadlines, today: '2027-01-27' });
    await runSweep({ db: t.db, deadlineSource: amuDeadlines, today: '2027-01-27' });
    expect((await keys()).map((k) => k.user_id).sort()).toEqual([org.userIds.amu, amu2Id].sort());
  });

  it('the årsrapport: not before the year is over; made for 2026 with its facts; access by role and tenant', async () => {
    expect(
      paths(expectStatus(await org.clients.amu.post<ErrorReply>(`${A}/arsrapport`, { year: 2027 }), 400)),
    ).toEqual(['year']);
    expectStatus(await org.clients.self.post(`${A}/arsrapport`, { year: 2026 }), 404);
    const r = expectStatus(
      await org.clients.amu.post<Arsrapport>(`${A}/arsrapport`, { year: 2026 }),
      201,
    ).body;
    expect(r).toMatchObject({ year: 2026, status: 'utkast', version: 1, due: '2027-03-31', canEdit: true });
    const moter = r.facts.find((f) => f.key === 'moter');
    expect(moter?.figures[0]?.value).toBe(1);
    expect(moter?.lines).toEqual(['16.11.2026 — Høstmøte i AMU']);
    expect(r.facts.find((f) => f.key === 'saker')?.lines).toEqual([
      '16.11.2026: Vernerunde i lageret før jul.',
    ]);
    const row = await t.db
      .selectFrom('amu_arsrapport')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ year: 2026, status: 'utkast', generated_on: TODAY, pdf: null });
    expect(JSON.stringify(row.facts)).toContain('Høstmøte i AMU');
    expect(
      expectStatus(await org.clients.amu.post<ConflictReply>(`${A}/arsrapport`, { year: 2026 }), 409).body
        .error.reason,
    ).toBe('ALREADY_EXISTS');
    expectStatus(await org.clients.bht.get(`${A}/arsrapport/2026`), 200);
    for (const who of ['self', 'lederA', 'verneombud', 'otherOrg'] as const) {
      expect((await org.clients[who].get(`${A}/arsrapport/2026`)).status, who).toBe(404);
    }
    // The daily job finds the draft there already, and does nothing outside January.
    expect(await generateArsrapportDrafts(t.db, '2027-01-21')).toBe(0);
    expect(await generateArsrapportDrafts(t.db, '2027-02-01')).toBe(0);
    // In January 2026 it drafts 2025's report for this organisation (members in office), not for
    // the other (no committee), once; its audit row is the system's.
    expect(await generateArsrapportDrafts(t.db, '2026-01-15')).toBe(1);
    expect(await generateArsrapportDrafts(t.db, '2026-01-16')).toBe(0);
    const drafted = await t.db
      .selectFrom('amu_arsrapport')
      .select(['organisation_id', 'status', 'created_by', 'generated_on'])
      .where('year', '=', 2025)
      .execute();
    expect(drafted).toEqual([
      { organisation_id: org.orgId, status: 'utkast', created_by: null, generated_on: '2026-01-15' },
    ]);
    const systemAudit = await t.db
      .selectFrom('audit_log')
      .select(['organisation_id', 'action', 'actor_user_id', 'actor_roles'])
      .where('entity_type', '=', 'amu_arsrapport')
      .where('entity_id', '=', '2025')
      .execute();
    expect(systemAudit).toEqual([
      { organisation_id: org.orgId, action: 'create', actor_user_id: null, actor_roles: 'system' },
    ]);
  });

  it('edits with versions: stored, stale 409, too long 400 naming the field', async () => {
    const sections = {
      moter: '',
      saker: '',
      skader: 'Ingen alvorlige skader.',
      sykefravaer: '',
      mal: '',
      opplaering: '',
      bht: 'BHT deltok på alle møter.',
      prioriteringer: 'Inneklima og ergonomi i skolen.',
    };
    const saved = expectStatus(
      await org.clients.amu.put<Arsrapport>(`${A}/arsrapport/2026`, { version: 1, sections }),
      200,
    ).body;
    expect(saved.version).toBe(2);
    const row = await t.db
      .selectFrom('amu_arsrapport')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    expect(row.sections).toEqual(sections);
    expect(row.version).toBe(2);
    const stale = expectStatus(
      await org.clients.hr.put<ConflictReply>(`${A}/arsrapport/2026`, { version: 1, sections }),
      409,
    );
    expect(stale.body.error.reason).toBe('STALE_VERSION');
    const long = expectStatus(
      await org.clients.amu.put<ErrorReply>(`${A}/arsrapport/2026`, {
        version: 2,
        sections: { ...sections, prioriteringer: 'x'.repeat(6001) },
      }),
      400,
    );
    expect(paths(long)).toEqual(['sections.prioriteringer']);
    expectStatus(await org.clients.bht.put(`${A}/arsrapport/2026`, { version: 2, sections }), 404);
    expect(
      (
        await t.db
          .selectFrom('amu_arsrapport')
          .select('version')
          .where('year', '=', 2026)
          .executeTakeFirstOrThrow()
      ).version,
    ).toBe(2);

    // The figures gathered again: a new version, the texts kept.
    expect(
      paths(
        expectStatus(
          await org.clients.amu.post<ErrorReply>(`${A}/arsrapport/2026/oppdater`, { version: 'to' }),
          400,
        ),
      ),
    ).toEqual(['version']);
    const refreshed = expectStatus(
      await org.clients.amu.post<Arsrapport>(`${A}/arsrapport/2026/oppdater`, { version: 2 }),
      200,
    ).body;
    expect(refreshed).toMatchObject({
      version: 3,
      sections: { prioriteringer: 'Inneklima og ergonomi i skolen.' },
    });
    const after = await t.db
      .selectFrom('amu_arsrapport')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    expect(after.version).toBe(3);
    expect(JSON.stringify(after.facts)).toContain('Høstmøte i AMU');
    expect(
      expectStatus(
        await org.clients.amu.post<ConflictReply>(`${A}/arsrapport/2026/oppdater`, { version: 2 }),
        409,
      ).body.error.reason,
    ).toBe('STALE_VERSION');
  });

  it('the chair approves: a stored PDF to the board and the unions; the download is the stored bytes', async () => {
    const preview = await org.clients.amu.get<string>(`${A}/arsrapport/2026/pdf`);
    expect(preview.status).toBe(200);
    expect(await pdfText(preview.raw.rawPayload)).toContain('UTKAST');

    expect(
      paths(
        expectStatus(
          await org.clients.amu.post<ErrorReply>(`${A}/arsrapport/2026/godkjenn`, { version: -1 }),
          400,
        ),
      ),
    ).toEqual(['version']);
    const approved = expectStatus(
      await org.clients.amu.post<Arsrapport>(`${A}/arsrapport/2026/godkjenn`, { version: 3 }),
      200,
    ).body;
    expect(approved).toMatchObject({
      status: 'godkjent',
      approvedBy: 'Anne AMU',
      hasPdf: true,
      canEdit: false,
      version: 4,
    });
    const row = await t.db
      .selectFrom('amu_arsrapport')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    expect(row.approved_by).toBe(org.userIds.amu);
    const stored = row.pdf ?? Buffer.alloc(0);
    expect(stored.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(stored);
    expect(text).toContain('Årsrapport fra arbeidsmiljøutvalget 2026');
    expect(text).toContain('Testbedriften AS');
    expect(text).toContain('Styret og ledelsen i virksomheten, og arbeidstakernes organisasjoner');
    expect(text).toContain('16.11.2026 — Høstmøte i AMU');
    expect(text).toContain('Inneklima og ergonomi i skolen.');
    expect(text).toContain('Gunn Giver (arbeidsgiver)');
    expect(text).toContain('31.03.2027');
    expect(text).toContain(`${'20.01.2027'} av Anne AMU`);
    expect(text).not.toContain('UTKAST');
    expect(text).toMatch(/Side 1 av \d/);

    const download = await org.clients.bht.get<string>(`${A}/arsrapport/2026/pdf`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    expect(String(download.headers['content-disposition'])).toContain('amu-arsrapport-2026.pdf');
    expect(Buffer.compare(download.raw.rawPayload, stored)).toBe(0);
    expect(
      expectStatus(
        await org.clients.amu.post<ConflictReply>(`${A}/arsrapport/2026/godkjenn`, { version: 4 }),
        409,
      ).body.error.reason,
    ).toBe('WRONG_STATE');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_type', '=', 'amu_arsrapport')
      .where('entity_id', '=', '2026')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update', 'export', 'update', 'export']);
  });
});
