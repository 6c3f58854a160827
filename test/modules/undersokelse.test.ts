/**
 * Anonymous surveys on both databases: the tables hold no key from an answer to a person; HR makes
 * and publishes a survey; employees in scope answer once (a second answer and an answer outside the
 * scale write nothing); one reminder to those who have not answered, exactly once, to nobody else;
 * results only after closing and only for groups of ≥ 5; an employee sees their own group; a result
 * becomes a tiltak in the handlingsplan; raw answers go 24 months after closing; access per role and tenant.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  MySurvey,
  SurveyCreate,
  SurveyForm,
  SurveyResult,
  SurveySummary,
} from '../../src/contracts/undersokelse/undersokelse.schemas.ts';
import { runSweep } from '../../src/modules/notifications/index.ts';
import {
  runSurveyRetention,
  sealClosedSurveys,
  surveyDeadlines,
} from '../../src/modules/undersokelse/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { ACTORS, buildSickOrg, type ErrorReply, PASSWORD, type SickOrg } from '../support/sykefravaer-org.ts';

const U = '/api/v1/undersokelser';
const OPENS = '2027-10-01';
const CLOSES = '2027-10-21';
let TODAY = '2027-10-05';

const survey = (over: Partial<SurveyCreate> = {}): SurveyCreate => ({
  title: 'Arbeidsmiljøundersøkelse høst 2027',
  intro: 'Takk for at du svarer.',
  opensOn: OPENS,
  closesOn: CLOSES,
  unitIds: [],
  questions: [
    { kind: 'bank', itemKey: 'arbeidsmengde-1' },
    { kind: 'bank', itemKey: 'arbeidsmengde-2' },
    { kind: 'bank', itemKey: 'psykologisk-trygghet-1' },
    { kind: 'scale', text: 'Jeg trives på jobb.' },
    {
      kind: 'choice',
      text: 'Hvor ofte har dere personalmøte?',
      options: ['Ukentlig', 'Månedlig', 'Sjeldnere'],
    },
    { kind: 'text', text: 'Hva bør vi gjøre bedre?' },
  ],
  ...over,
});

describeEachDatabase('anonymous surveys on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let surveyId = '';
  let form: SurveyForm;
  /** Extra employees with logins: 4 more in unit A (7 in all), 2 more in unit B (5 in all). */
  const extra: Record<string, TestClient> = {};
  const extraUserIds: Record<string, string> = {};

  beforeAll(async () => {
    TODAY = '2027-10-05';
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
    const admin = org.clients.admin;
    for (const [key, unitId] of [
      ['a1', org.unitA],
      ['a2', org.unitA],
      ['a3', org.unitA],
      ['a4', org.unitA],
      ['b1', org.unitB],
      ['b2', org.unitB],
    ] as const) {
      const employeeId = expectStatus(
        await admin.post<{ id: string }>('/api/v1/employees', {
          name: `Ansatt ${key}`,
          email: `${key}@ansatt.example.no`,
          employmentStart: '2020-01-15',
          positionPercent: 100,
          unitId,
        }),
        201,
      ).body.id;
      const email = `${key}@bruker.example.no`;
      extraUserIds[key] = expectStatus(
        await admin.post<{ id: string }>('/api/v1/users', {
          name: `Ansatt ${key}`,
          email,
          password: PASSWORD,
          roles: ['ansatt'],
          employeeId,
        }),
        201,
      ).body.id;
      const client = t.client();
      expectStatus(await client.login(email, PASSWORD), 200);
      extra[key] = client;
    }
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const count = async (
    table: 'survey' | 'survey_question' | 'survey_respondent' | 'survey_answer' | 'survey_unit',
  ) =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = async () => ({
    survey: await count('survey'),
    survey_question: await count('survey_question'),
    survey_respondent: await count('survey_respondent'),
    survey_answer: await count('survey_answer'),
  });
  /** An answer to every question of the form: scale value `v`, the first choice, a text. */
  const answers = (v: number, text?: string) =>
    form.questions.map((q) =>
      q.kind === 'text'
        ? { questionId: q.id, ...(text === undefined ? {} : { text }) }
        : { questionId: q.id, value: q.kind === 'choice' ? 1 : v },
    );

  it('keeps who answered apart from what was answered: no column or key joins an answer to a person', async () => {
    const columns = async (table: string) =>
      (
        await sql<{ column_name: string; data_type: string; column_default: string | null }>`
          select column_name, data_type, column_default from information_schema.columns
          where table_schema = 'public' and table_name = ${table}
        `.execute(t.db)
      ).rows;
    const answer = await columns('survey_answer');
    expect(answer.map((c) => c.column_name).sort()).toEqual(
      ['id', 'organisation_id', 'question_id', 'survey_id', 'text', 'unit_id', 'value'].sort(),
    );
    // No time of any kind, no sequence: the id is random.
    expect(answer.filter((c) => /time|date|interval/.test(c.data_type))).toEqual([]);
    expect(answer.filter((c) => (c.column_default ?? '').includes('nextval'))).toEqual([]);
    expect(answer.find((c) => c.column_name === 'id')?.column_default).toContain('gen_random_uuid');
    const respondent = await columns('survey_respondent');
    expect(respondent.map((c) => c.column_name).sort()).toEqual(['organisation_id', 'survey_id', 'user_id']);
    // The only columns the two tables share are the organisation and the survey.
    const shared = answer
      .map((c) => c.column_name)
      .filter((n) => respondent.some((r) => r.column_name === n));
    expect(shared.sort()).toEqual(['organisation_id', 'survey_id']);
    // Every foreign key from survey_answer points at the survey or its questions — none at a person.
    const fks = await sql<{ target: string }>`
      select ccu.table_name as target
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
      where tc.table_name = 'survey_answer' and tc.constraint_type = 'FOREIGN KEY'
    `.execute(t.db);
    const targets = new Set(fks.rows.map((f) => f.target));
    expect([...targets].sort()).toEqual(['survey', 'survey_question']);
  });

  it('bad input writes nothing: closing before opening, a forged unit, an unknown item, no questions', async () => {
    const before = await counts();
    const hr = org.clients.hr;
    const early = await hr.post<ErrorReply>(U, survey({ closesOn: '2027-09-30' }));
    expect(early.status).toBe(400);
    expect(early.body.error.fields?.map((f) => f.path)).toEqual(['closesOn']);
    expect(early.body.error.fields?.[0]?.message).toBe('Undersøkelsen kan ikke stenge før den åpner.');
    const otherUnit = await t.db
      .selectFrom('unit')
      .select('id')
      .where('organisation_id', '=', org.otherOrgId)
      .executeTakeFirstOrThrow();
    const forged = await hr.post<ErrorReply>(U, survey({ unitIds: [otherUnit.id] }));
    expect(forged.status).toBe(400);
    expect(forged.body.error.fields?.map((f) => f.path)).toEqual(['unitIds.0']);
    const unknown = await hr.post<ErrorReply>(
      U,
      survey({ questions: [{ kind: 'bank', itemKey: 'diagnose' }] }),
    );
    expect(unknown.status).toBe(400);
    expect((await hr.post<ErrorReply>(U, survey({ questions: [] }))).status).toBe(400);
    expect((await hr.post<ErrorReply>(U, { ...survey(), extra: 1 })).status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('only admin, HR and the verneombud make surveys; others get 404', async () => {
    for (const who of ['self', 'lederA', 'amu', 'bht', 'tillitsvalgt'] as const) {
      expect((await org.clients[who].post(U, survey())).status, who).toBe(404);
    }
    expect(await count('survey')).toBe(0);
  });

  it('HR makes a survey for the whole organisation; stored with its questions and an audit row', async () => {
    const created = expectStatus(await org.clients.hr.post<{ id: string }>(U, survey()), 201);
    surveyId = created.body.id;
    const row = await t.db
      .selectFrom('survey')
      .selectAll()
      .where('id', '=', surveyId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      organisation_id: org.orgId,
      title: 'Arbeidsmiljøundersøkelse høst 2027',
      opens_on: OPENS,
      closes_on: CLOSES,
      published_at: null,
      created_by: org.userIds.hr,
    });
    const questions = await t.db
      .selectFrom('survey_question')
      .selectAll()
      .where('survey_id', '=', surveyId)
      .orderBy('position')
      .execute();
    expect(questions.map((q) => [q.kind, q.item_key])).toEqual([
      ['scale', 'arbeidsmengde-1'],
      ['scale', 'arbeidsmengde-2'],
      ['scale', 'psykologisk-trygghet-1'],
      ['scale', null],
      ['choice', null],
      ['text', null],
    ]);
    expect(questions[0]?.text_nb).toBe('Jeg har som regel tid nok til å gjøre arbeidet mitt ordentlig.');
    expect(questions[4]?.options).toEqual(['Ukentlig', 'Månedlig', 'Sjeldnere']);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_type', '=', 'survey')
      .where('entity_id', '=', surveyId)
      .execute();
    expect(audit).toEqual([{ action: 'create', actor_user_id: org.userIds.hr }]);
    // A draft is not shown to employees.
    expect((await org.clients.self.get(`${U}/${surveyId}/skjema`)).status).toBe(404);
    expect(
      expectStatus(await org.clients.self.get<{ items: MySurvey[] }>(`${U}/mine`), 200).body.items,
    ).toEqual([]);
  });

  it('the verneombud publishes it; publishing twice is 409; another organisation gets 404', async () => {
    expect((await org.clients.otherOrg.post(`${U}/${surveyId}/publiser`)).status).toBe(404);
    expect((await org.clients.amu.post(`${U}/${surveyId}/publiser`)).status).toBe(404);
    expectStatus(await org.clients.verneombud.post(`${U}/${surveyId}/publiser`), 200);
    const row = await t.db
      .selectFrom('survey')
      .select('published_at')
      .where('id', '=', surveyId)
      .executeTakeFirstOrThrow();
    expect(row.published_at).not.toBeNull();
    expect((await org.clients.hr.post(`${U}/${surveyId}/publiser`)).status).toBe(409);
    const list = expectStatus(await org.clients.amu.get<{ items: SurveySummary[] }>(U), 200).body.items;
    expect(list.map((s) => [s.id, s.state, s.respondents])).toEqual([[surveyId, 'apen', null]]);
  });

  it('reads: the list for HR/VO/AMU only; the form for employees in scope; nothing across tenants', async () => {
    for (const who of ACTORS) {
      const status = (await org.clients[who].get(U)).status;
      expect(status, who).toBe(['admin', 'hr', 'verneombud', 'amu', 'otherOrg'].includes(who) ? 200 : 404);
    }
    // The other organisation's administrator sees its own (no) surveys.
    expect(
      expectStatus(await org.clients.otherOrg.get<{ items: SurveySummary[] }>(U), 200).body.items,
    ).toEqual([]);
    expect((await org.clients.otherOrg.get(`${U}/${surveyId}/skjema`)).status).toBe(404);
    expect((await org.clients.otherOrg.get(`${U}/${surveyId}/resultater`)).status).toBe(404);
    // The BHT consultant has no employee record here: not in scope.
    expect((await org.clients.bht.get(`${U}/${surveyId}/skjema`)).status).toBe(404);
    form = expectStatus(await org.clients.self.get<SurveyForm>(`${U}/${surveyId}/skjema`), 200).body;
    expect(form.questions).toHaveLength(6);
    expect(form.questions[0]).toMatchObject({ dimension: 'arbeidsmengde', required: true });
    expect(form.questions[5]).toMatchObject({ kind: 'text', required: false });
    const mine = expectStatus(await org.clients.self.get<{ items: MySurvey[] }>(`${U}/mine`), 200).body.items;
    expect(mine).toEqual([expect.objectContaining({ id: surveyId, state: 'apen', answered: false })]);
  });

  it('an answer outside the scale, a missing answer, a foreign question: 400 naming the field, nothing written', async () => {
    const before = await counts();
    const outside = answers(3).map((a, i) => (i === 0 ? { ...a, value: 6 } : a));
    const reply = await org.clients.self.post<ErrorReply>(`${U}/${surveyId}/svar`, { answers: outside });
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields?.map((f) => f.path)).toEqual(['answers.0.value']);
    const zero = answers(3).map((a, i) => (i === 1 ? { ...a, value: 0 } : a));
    expect((await org.clients.self.post(`${U}/${surveyId}/svar`, { answers: zero })).status).toBe(400);
    const choice = answers(3).map((a, i) => (i === 4 ? { ...a, value: 4 } : a));
    expect((await org.clients.self.post(`${U}/${surveyId}/svar`, { answers: choice })).status).toBe(400);
    const missing = await org.clients.self.post<ErrorReply>(`${U}/${surveyId}/svar`, {
      answers: answers(3).slice(1),
    });
    expect(missing.status).toBe(400);
    const foreign = answers(3).map((a, i) => (i === 0 ? { ...a, questionId: surveyId } : a));
    expect((await org.clients.self.post(`${U}/${surveyId}/svar`, { answers: foreign })).status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('an employee answers once: the who-answered row and the answer rows, with no link; a second answer is 409', async () => {
    expectStatus(
      await org.clients.self.post(`${U}/${surveyId}/svar`, { answers: answers(4, 'Mer tid til opplæring') }),
      201,
    );
    const respondents = await t.db.selectFrom('survey_respondent').selectAll().execute();
    expect(respondents).toEqual([
      { organisation_id: org.orgId, survey_id: surveyId, user_id: org.userIds.self },
    ]);
    const rows = await t.db
      .selectFrom('survey_answer')
      .selectAll()
      .where('survey_id', '=', surveyId)
      .execute();
    expect(rows).toHaveLength(6);
    // Unit A has 7 employees: the answers count in unit A's group; nothing names the person.
    expect(new Set(rows.map((r) => r.unit_id))).toEqual(new Set([org.unitA]));
    expect(rows.map((r) => r.value).sort()).toEqual([1, 4, 4, 4, 4, null].sort());
    expect(rows.find((r) => r.text !== null)?.text).toBe('Mer tid til opplæring');
    expect(JSON.stringify(rows)).not.toContain(org.userIds.self);
    expect(JSON.stringify(rows)).not.toContain(org.employees.sick);
    const before = await counts();
    const again = await org.clients.self.post<ErrorReply>(`${U}/${surveyId}/svar`, { answers: answers(1) });
    expect(again.status).toBe(409);
    expect(await counts()).toEqual(before);
    const mine = expectStatus(await org.clients.self.get<{ items: MySurvey[] }>(`${U}/mine`), 200).body.items;
    expect(mine[0]?.answered).toBe(true);
  });

  it('results are not shown while the survey is open (409)', async () => {
    expect((await org.clients.hr.get(`${U}/${surveyId}/resultater`)).status).toBe(409);
  });

  it('reminds those who have not answered, once, 3 days before closing — not the one who answered, not HR', async () => {
    const day = '2027-10-18';
    const deadlines = await surveyDeadlines(t.db, {
      organisationId: org.orgId,
      from: day,
      to: day,
      today: day,
    });
    expect(deadlines).toHaveLength(1);
    const recipients = deadlines[0]?.recipients;
    expect(recipients?.kind).toBe('users');
    const ids = recipients?.kind === 'users' ? [...recipients.userIds] : [];
    expect(ids).not.toContain(org.userIds.self);
    expect(ids).toContain(org.userIds.otherAnsatt);
    expect(ids).toContain(extraUserIds.a1);
    const sent = () =>
      t.db
        .selectFrom('notification')
        .select(['user_id', 'key'])
        .where('key', 'like', 'reminder:undersokelse:%')
        .execute();
    await runSweep({ db: t.db, deadlineSource: surveyDeadlines, today: day });
    const first = await sent();
    expect(first.map((n) => n.user_id).sort()).toEqual([...ids].sort());
    expect(first.map((n) => n.user_id)).not.toContain(org.userIds.hr);
    expect(first.map((n) => n.user_id)).not.toContain(org.userIds.self);
    await runSweep({ db: t.db, deadlineSource: surveyDeadlines, today: day });
    expect(await sent()).toHaveLength(first.length);
  });

  it('everyone else answers; after closing HR sees unit A and B (5 each) and the whole; free text at ≥ 5, sorted', async () => {
    TODAY = '2027-10-20';
    const inA = [org.clients.lederA, org.clients.verneombud, extra.a1, extra.a2] as TestClient[];
    const inB = [
      org.clients.lederB,
      org.clients.otherAnsatt,
      org.clients.tillitsvalgt,
      extra.b1,
      extra.b2,
    ] as TestClient[];
    for (const [i, c] of inA.entries()) {
      expectStatus(await c.post(`${U}/${surveyId}/svar`, { answers: answers(4, `Forslag A${i}`) }), 201);
    }
    for (const c of inB) expectStatus(await c.post(`${U}/${surveyId}/svar`, { answers: answers(2) }), 201);
    expect(await count('survey_respondent')).toBe(10);
    expect(await count('survey_answer')).toBe(60);
    TODAY = '2027-10-22';
    const r = expectStatus(await org.clients.hr.get<SurveyResult>(`${U}/${surveyId}/resultater`), 200).body;
    expect(r.shown).toBe(true);
    expect(r.respondents).toBe(10);
    expect(r.groups.map((g) => [g.kind, g.name, g.respondents])).toEqual([
      ['alle', null, 10],
      ['enhet', 'Hjemmetjenesten', 5],
      ['enhet', 'Skolen', 5],
    ]);
    // Unit A answered 4 to everything: workload = (4 + (6 − 4)) / 2 = 3; unit B: (2 + 4) / 2 = 3.
    const a = r.groups[1];
    expect(a?.dimensions.map((d) => [d.dimension, d.mean])).toEqual([
      ['arbeidsmengde', 3],
      ['psykologisk_trygghet', 4],
    ]);
    expect(r.groups[2]?.dimensions.find((d) => d.dimension === 'psykologisk_trygghet')?.mean).toBe(2);
    expect(r.groups[0]?.dimensions.find((d) => d.dimension === 'psykologisk_trygghet')?.mean).toBe(3);
    expect(r.groups[0]?.questions[0]?.mean).toBe(3);
    expect(r.choices[0]?.options.map((o) => o.count)).toEqual([10, 0, 0]);
    expect(r.texts[0]?.answers).toEqual([
      'Forslag A0',
      'Forslag A1',
      'Forslag A2',
      'Forslag A3',
      'Mer tid til opplæring',
    ]);
    expect(r.previous).toBeNull();
    expect(r.canCreateMeasure).toBe(true);
    const list = expectStatus(await org.clients.hr.get<{ items: SurveySummary[] }>(U), 200).body.items;
    expect(list[0]).toMatchObject({ state: 'lukket', respondents: 10 });
  });

  it('an employee sees the whole and their own group only, without choices or free text; BHT gets 404', async () => {
    const r = expectStatus(
      await org.clients.otherAnsatt.get<SurveyResult>(`${U}/${surveyId}/resultater`),
      200,
    ).body;
    expect(r.view).toBe('egen');
    expect(r.groups.map((g) => g.name)).toEqual([null, 'Skolen']);
    expect(r.texts).toEqual([]);
    expect(r.choices).toEqual([]);
    expect(r.canCreateMeasure).toBe(false);
    expect((await org.clients.bht.get(`${U}/${surveyId}/resultater`)).status).toBe(404);
    // Answering after closing: 409, nothing written.
    const before = await counts();
    expect((await extra.a3?.post(`${U}/${surveyId}/svar`, { answers: answers(3) }))?.status).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('«Lag tiltak»: HR makes a measure in the handlingsplan from a result; bad input and other roles write nothing', async () => {
    const measures = () =>
      t.db.selectFrom('hms_measure').selectAll().where('organisation_id', '=', org.orgId).execute();
    const bad = await org.clients.hr.post<ErrorReply>(`${U}/${surveyId}/tiltak`, {
      text: 'Se på arbeidsmengden',
      due: '2027-12-01',
      ownerRole: 'sjef',
      dimension: 'arbeidsmengde',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.map((f) => f.path)).toEqual(['ownerRole']);
    const body = {
      text: 'Gå gjennom bemanningen i Skolen',
      due: '2027-12-01',
      ownerRole: 'leder',
      dimension: 'psykologisk_trygghet',
    };
    expect((await org.clients.verneombud.post(`${U}/${surveyId}/tiltak`, body)).status).toBe(404);
    expect((await org.clients.otherOrg.post(`${U}/${surveyId}/tiltak`, body)).status).toBe(404);
    expect(await measures()).toEqual([]);
    const created = expectStatus(
      await org.clients.hr.post<{ measureId: string; link: string }>(`${U}/${surveyId}/tiltak`, body),
      201,
    ).body;
    const stored = await measures();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: created.measureId,
      text: 'Gå gjennom bemanningen i Skolen',
      owner_role: 'leder',
      due: '2027-12-01',
      goal_id: null,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['entity_type', 'detail'])
      .where('entity_id', '=', created.measureId)
      .execute();
    expect(audit.map((a) => a.entity_type).sort()).toEqual(['hms_measure', 'survey_measure']);
  });

  it('a survey for one unit: employees elsewhere get 404; with fewer than 5 answers nothing is shown', async () => {
    TODAY = '2027-11-01';
    const id = expectStatus(
      await org.clients.hr.post<{ id: string }>(
        U,
        survey({
          title: 'Oppfølging Skolen',
          opensOn: '2027-11-01',
          closesOn: '2027-11-10',
          unitIds: [org.unitB],
        }),
      ),
      201,
    ).body.id;
    expect(
      await t.db.selectFrom('survey_unit').select('unit_id').where('survey_id', '=', id).execute(),
    ).toEqual([{ unit_id: org.unitB }]);
    expectStatus(await org.clients.hr.post(`${U}/${id}/publiser`), 200);
    expect((await org.clients.self.get(`${U}/${id}/skjema`)).status).toBe(404);
    const f = expectStatus(await org.clients.otherAnsatt.get<SurveyForm>(`${U}/${id}/skjema`), 200).body;
    const mk = (v: number) =>
      f.questions.map((q) =>
        q.kind === 'text' ? { questionId: q.id } : { questionId: q.id, value: q.kind === 'choice' ? 2 : v },
      );
    expect((await org.clients.self.post(`${U}/${id}/svar`, { answers: mk(3) })).status).toBe(404);
    for (const c of [org.clients.otherAnsatt, org.clients.lederB, extra.b1] as TestClient[]) {
      expectStatus(await c.post(`${U}/${id}/svar`, { answers: mk(5) }), 201);
    }
    TODAY = '2027-11-11';
    const r = expectStatus(await org.clients.hr.get<SurveyResult>(`${U}/${id}/resultater`), 200).body;
    expect(r).toMatchObject({ shown: false, respondents: 3, groups: [], choices: [] });
    expect(r.previous?.id).toBe(surveyId);
    expect(r.texts.every((x) => x.answers === null)).toBe(true);
  });

  it('deletes the raw answers and who answered 24 months after closing, keeping the shown results', async () => {
    const before = expectStatus(
      await org.clients.hr.get<SurveyResult>(`${U}/${surveyId}/resultater`),
      200,
    ).body;
    // The day after closing, the results are computed once and kept (the answers stay until retention).
    expect(await sealClosedSurveys(t.db, '2027-11-11')).toBe(2);
    expect(await sealClosedSurveys(t.db, '2027-11-12')).toBe(0);
    const sealed = await t.db
      .selectFrom('survey')
      .select(['results', 'answers_deleted_on'])
      .where('id', '=', surveyId)
      .executeTakeFirstOrThrow();
    expect(sealed.results).not.toBeNull();
    expect(sealed.answers_deleted_on).toBeNull();
    expect(await count('survey_answer')).toBe(78);
    expect(
      expectStatus(await org.clients.hr.get<SurveyResult>(`${U}/${surveyId}/resultater`), 200).body,
    ).toEqual(before);
    expect(await runSurveyRetention(t.db, '2029-10-21')).toBe(0);
    expect(await runSurveyRetention(t.db, '2029-10-22')).toBe(1);
    const left = await t.db
      .selectFrom('survey_answer')
      .select('survey_id')
      .where('survey_id', '=', surveyId)
      .execute();
    expect(left).toEqual([]);
    expect(
      await t.db.selectFrom('survey_respondent').selectAll().where('survey_id', '=', surveyId).execute(),
    ).toEqual([]);
    const row = await t.db
      .selectFrom('survey')
      .select(['answers_deleted_on', 'results'])
      .where('id', '=', surveyId)
      .executeTakeFirstOrThrow();
    expect(row.answers_deleted_on).toBe('2029-10-22');
    expect(row.results).not.toBeNull();
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_roles', 'action'])
      .where('entity_type', '=', 'survey_answer')
      .where('entity_id', '=', surveyId)
      .execute();
    expect(audit).toEqual([{ actor_roles: 'system', action: 'delete' }]);
    expect(await runSurveyRetention(t.db, '2029-10-23')).toBe(0);
    TODAY = '2029-10-22';
    const after = expectStatus(
      await org.clients.hr.get<SurveyResult>(`${U}/${surveyId}/resultater`),
      200,
    ).body;
    expect(after.groups).toEqual(before.groups);
    expect(after.texts).toEqual(before.texts);
  });
});
