/**
 * Issue 10, «Tell people when it is their turn»: every hand-over in a follow-up document's workflow
 * notifies the user who must act — one inbox row (`notification`, kind `event`, a deterministic
 * key) and, when they want e-mail, one mail job under the same key; exactly once when the event is
 * replayed, nothing when the write fails; never the actor. The plan sent to the sykmelder closes its
 * routine tasks with the plan as evidence; a version never approved is recorded as unapproved. The
 * e-mail names nobody. Checked in the stored rows on both databases.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MeetingDto } from '../../src/contracts/dokumenter/dialogmote.schemas.ts';
import type { PlanDto } from '../../src/contracts/dokumenter/dokumenter.schemas.ts';
import type { CaseTasks } from '../../src/contracts/sykefravaer/rutine.schemas.ts';
import type { CaseView } from '../../src/contracts/sykefravaer/sykefravaer.schemas.ts';
import { addDays } from '../../src/domain/calendar/index.ts';
import { backfillTaskEvidence } from '../../src/modules/dokumenter/migrations/0017-dokumenter-hand-over.ts';
import {
  createAppWorker,
  type EventRef,
  eventKey,
  MAIL_JOB,
  type Mailer,
  messageIdFor,
  notificationsModule,
  notifyUsers,
} from '../../src/modules/notifications/index.ts';
import { mapSystemNotes } from '../../src/modules/sykefravaer/migrations/0057-system-notes.ts';
import { osloToday } from '../../src/platform/clock.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, daysAgo, type SickOrg, today } from '../support/sykefravaer-org.ts';

const SB = '/api/v1/sykefravaer';
/** A jsonb column as read back (parsed on PostgreSQL and PGlite alike, text on some drivers). */
const jsonOf = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
type ErrorBody = { error: { code: string; message: string; fields?: { path: string }[] } };

describeEachDatabase('hand-overs in the follow-up documents on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let url: string;
  let caseStart: string;
  let plan: PlanDto;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await buildSickOrg(t);
    url = `${SB}/employees/${org.employees.sick}/oppfolgingsplan`;
    caseStart = daysAgo(20);
    expectStatus(
      await org.clients.hr.post(`${SB}/employees/${org.employees.sick}/periods`, {
        type: 'sykmelding',
        start: caseStart,
        end: addDays(today(), 60),
        grade: 100,
        version: 0,
      }),
      201,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const planRef = (event: string, occurrence?: string | number): EventRef => ({
    organisationId: org.orgId,
    employeeId: org.employees.sick,
    caseStart,
    document: 'oppfolgingsplan',
    documentId: plan.id,
    event,
    occurrence,
  });
  const events = () =>
    t.db
      .selectFrom('notification')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .where('kind', '=', 'event')
      .orderBy('key')
      .execute();
  const eventsWith = async (fragment: string) => (await events()).filter((n) => n.key.includes(fragment));
  const mailJobs = () =>
    t.db.selectFrom('job').selectAll().where('kind', '=', MAIL_JOB).orderBy('key').execute();
  const tasks = async () =>
    expectStatus(await org.clients.lederA.get<CaseTasks>(`${SB}/employees/${org.employees.sick}/tasks`), 200)
      .body.tasks;

  it('a draft never approved, recorded as sent to the sykmelder: stored as unapproved, and the plan’s two routine tasks closed with the plan as evidence', async () => {
    const lederA = org.clients.lederA;
    plan = expectStatus(await lederA.post<PlanDto>(url), 201).body;
    plan = expectStatus(
      await lederA.put<PlanDto>(`${url}/${plan.id}`, {
        content: { typicalWorkDay: 'Kjøring av matombringing.', canDo: 'Kontorarbeid' },
        version: plan.version,
      }),
      200,
    ).body;
    const before = await tasks();
    for (const id of ['oppfolgingsplan', 'plan-til-sykmelder']) {
      expect(before.find((x) => x.key === id)?.state).not.toBe('done');
    }

    const sent = expectStatus(
      await lederA.post<PlanDto>(`${url}/${plan.id}/send`, { recipient: 'sykmelder' }),
      201,
    ).body;
    expect(sent.sendings).toMatchObject([{ recipient: 'sykmelder', contentVersion: 2, unapproved: true }]);

    const sending = await t.db
      .selectFrom('oppfolgingsplan_sending')
      .select(['unapproved', 'content_version'])
      .where('organisation_id', '=', org.orgId)
      .where('plan_id', '=', plan.id)
      .execute();
    expect(sending).toEqual([{ unapproved: true, content_version: 2 }]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('organisation_id', '=', org.orgId)
      .where('entity_type', '=', 'oppfolgingsplan')
      .where('entity_id', '=', plan.id)
      .where('action', '=', 'create')
      .execute();
    const details = audit.map((a) => (typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail));
    expect(details).toContainEqual(expect.objectContaining({ record: 'sending', unapproved: true }));

    const evidenceRef = `oppfolgingsplan:${plan.id}:v2`;
    const milestone = await t.db
      .selectFrom('milestone_record')
      .select(['note', 'note_code', 'note_params', 'evidence_ref'])
      .where('organisation_id', '=', org.orgId)
      .where('employee_id', '=', org.employees.sick)
      .where('milestone_key', '=', 'oppfolgingsplan')
      .executeTakeFirstOrThrow();
    expect(milestone.evidence_ref).toBe(evidenceRef);
    // Stored as a code with its parameters, not as prose in either language.
    expect([milestone.note, milestone.note_code, jsonOf(milestone.note_params)]).toEqual([
      null,
      'plan-sent',
      { unapproved: true },
    ]);
    const caseIn = async (locale: 'nb' | 'en') =>
      expectStatus(
        await lederA.request<CaseView>('GET', `${SB}/employees/${org.employees.sick}`, undefined, {
          'accept-language': locale,
        }),
        200,
      ).body.milestones.find((m) => m.key === 'oppfolgingsplan')?.done?.note;
    expect(await caseIn('nb')).toBe(
      'Oppfølgingsplanen er sendt til sykmelder. Planen var ikke godkjent av arbeidstakeren.',
    );
    expect(await caseIn('en')).toBe(
      'The follow-up plan has been sent to the doctor (sykmelder). The employee had not approved the plan.',
    );

    const records = await t.db
      .selectFrom('task_record')
      .select(['task_key', 'evidence_ref', 'done_by', 'note', 'note_code', 'note_params', 'case_start'])
      .where('organisation_id', '=', org.orgId)
      .where('employee_id', '=', org.employees.sick)
      .orderBy('task_key')
      .execute();
    expect(records.map((r) => [r.task_key, r.evidence_ref, r.done_by, r.case_start])).toEqual([
      ['oppfolgingsplan', evidenceRef, org.userIds.lederA, caseStart],
      ['plan-til-sykmelder', evidenceRef, org.userIds.lederA, caseStart],
    ]);
    expect([records[0]?.note, records[0]?.note_code, jsonOf(records[0]?.note_params)]).toEqual([
      null,
      'plan-sent',
      { version: 2, unapproved: true },
    ]);
    const after = await tasks();
    for (const id of ['oppfolgingsplan', 'plan-til-sykmelder']) {
      expect(after.find((x) => x.key === id)?.state).toBe('done');
    }
    expect(after.find((x) => x.key === 'plan-til-sykmelder')?.done?.note).toBe(
      'Oppfølgingsplanen (versjon 2) er sendt til sykmelder. Planen var ikke godkjent av arbeidstakeren.',
    );
    const inEnglish = expectStatus(
      await lederA.request<CaseTasks>('GET', `${SB}/employees/${org.employees.sick}/tasks`, undefined, {
        'accept-language': 'en',
      }),
      200,
    ).body.tasks;
    expect(inEnglish.find((x) => x.key === 'plan-til-sykmelder')?.done?.note).toBe(
      'The follow-up plan (version 2) has been sent to the doctor (sykmelder). The employee had not approved the plan.',
    );
    // Recording a sending is no hand-over to anyone in the organisation.
    expect(await events()).toEqual([]);
    plan = sent;
  });

  it('sent for approval: the employee gets one inbox row and one mail job; the leader who sent it nothing', async () => {
    const submitted = expectStatus(
      await org.clients.lederA.post<PlanDto>(`${url}/${plan.id}/submit`, { version: plan.version }),
      200,
    ).body;
    const key = eventKey(planRef('til-godkjenning', 2), org.userIds.self);
    expect(key).toBe(
      `event:${org.orgId}:${org.employees.sick}:${caseStart}:oppfolgingsplan:${plan.id}:til-godkjenning:2:${org.userIds.self}`,
    );
    const rows = await events();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      key,
      user_id: org.userIds.self,
      kind: 'event',
      employee_id: org.employees.sick,
      remind_date: osloToday(),
      due_date: null,
      late: false,
      title_nb: 'Du har en oppfølgingsplan å lese',
      title_en: 'You have a follow-up plan to read',
      link: '/mitt-fravaer/oppfolgingsplan',
      read_at: null,
    });
    for (const text of [rows[0]?.title_nb, rows[0]?.body_nb]) expect(text).not.toContain('Per');
    const jobs = await mailJobs();
    expect(jobs.map((j) => [j.key, j.organisation_id])).toEqual([[key, org.orgId]]);
    expect(jobs[0]?.payload).toEqual({ organisationId: org.orgId, userId: org.userIds.self });

    // In the employee's inbox (the bell), and the front page knows the plan waits for them.
    const inbox = expectStatus(
      await org.clients.self.get<{ items: { kind: string; title: string; link: string }[]; unread: number }>(
        '/api/v1/notifications',
      ),
      200,
    ).body;
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'event',
      title: 'Du har en oppfølgingsplan å lese',
      link: '/mitt-fravaer/oppfolgingsplan',
    });
    const awaiting = `${SB}/me/oppfolgingsplan/awaiting-approval`;
    expect(expectStatus(await org.clients.self.get(awaiting), 200).body).toEqual({ planId: plan.id });
    for (const who of ['otherAnsatt', 'lederA', 'hr', 'otherOrg'] as const) {
      expect(expectStatus(await org.clients[who].get(awaiting), 200).body).toEqual({ planId: null });
    }
    expectStatus(await t.client().get(awaiting), 401);
    plan = submitted;
  });

  it('comments go to the other side: the employee’s to the leader, the leader’s to the employee', async () => {
    const mine = `${SB}/me/oppfolgingsplan/${plan.id}`;
    const byEmployee = expectStatus(
      await org.clients.self.post<PlanDto>(`${mine}/comments`, {
        section: 'tilrettelegging',
        text: 'Kan jeg begynne med fire timer?',
      }),
      201,
    ).body;
    const employeeComment = byEmployee.comments.at(-1)?.id ?? '';
    const byLeader = expectStatus(
      await org.clients.lederA.post<PlanDto>(`${url}/${plan.id}/comments`, {
        section: 'tilrettelegging',
        text: 'Ja, vi prøver det.',
      }),
      201,
    ).body;
    const leaderComment = byLeader.comments.at(-1)?.id ?? '';
    const rows = await eventsWith(':kommentar:');
    expect(rows.map((r) => [r.key, r.link])).toEqual(
      [
        [
          eventKey(planRef('kommentar', employeeComment), org.userIds.lederA),
          `/sykefravaer/${org.employees.sick}/oppfolgingsplan`,
        ],
        [eventKey(planRef('kommentar', leaderComment), org.userIds.self), '/mitt-fravaer/oppfolgingsplan'],
      ].sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1)),
    );
    expect(rows.every((r) => r.title_nb === 'Ny kommentar til oppfølgingsplanen')).toBe(true);
    const jobKeys = new Set((await mailJobs()).map((j) => j.key));
    for (const r of rows) expect(jobKeys.has(r.key)).toBe(true);
    plan = byLeader;
  });

  it('approved: the leader is told in the app; with e-mail turned off no mail job; then sending records it as approved', async () => {
    expectStatus(
      await org.clients.lederA.put('/api/v1/me/notification-settings', { emailEnabled: false }),
      200,
    );
    const approved = expectStatus(
      await org.clients.self.post<PlanDto>(`${SB}/me/oppfolgingsplan/${plan.id}/approve`, {
        version: plan.version,
      }),
      200,
    ).body;
    expect(approved.status).toBe('godkjent');
    const key = eventKey(planRef('godkjent', 2), org.userIds.lederA);
    const rows = await eventsWith(':godkjent:');
    expect(rows.map((r) => [r.key, r.user_id, r.title_nb, r.link])).toEqual([
      [
        key,
        org.userIds.lederA,
        'Oppfølgingsplanen er godkjent',
        `/sykefravaer/${org.employees.sick}/oppfolgingsplan`,
      ],
    ]);
    expect((await mailJobs()).some((j) => j.key === key)).toBe(false);
    expectStatus(
      await org.clients.lederA.put('/api/v1/me/notification-settings', { emailEnabled: true }),
      200,
    );
    expect(
      expectStatus(await org.clients.self.get(`${SB}/me/oppfolgingsplan/awaiting-approval`), 200).body,
    ).toEqual({ planId: null });

    const sent = expectStatus(
      await org.clients.lederA.post<PlanDto>(`${url}/${plan.id}/send`, {
        recipient: 'sykmelder',
        note: 'Sendt på e-post til fastlegen.',
      }),
      201,
    ).body;
    expect(sent.sendings.map((s) => s.unapproved)).toEqual([true, false]);
    const milestones = await t.db
      .selectFrom('milestone_record')
      .select(['note', 'note_code', 'note_params'])
      .where('organisation_id', '=', org.orgId)
      .where('employee_id', '=', org.employees.sick)
      .where('milestone_key', '=', 'oppfolgingsplan')
      .orderBy('recorded_at')
      .execute();
    // The sender's typed note is kept as typed, beside the code.
    const last = milestones.at(-1);
    expect([last?.note, last?.note_code, jsonOf(last?.note_params)]).toEqual([
      'Sendt på e-post til fastlegen.',
      'plan-sent',
      { unapproved: false },
    ]);
    for (const locale of ['nb', 'en']) {
      const view = expectStatus(
        await org.clients.lederA.request<CaseView>(
          'GET',
          `${SB}/employees/${org.employees.sick}`,
          undefined,
          {
            'accept-language': locale,
          },
        ),
        200,
      ).body;
      expect(view.milestones.find((m) => m.key === 'oppfolgingsplan')?.done?.note).toBe(
        'Sendt på e-post til fastlegen.',
      );
    }
    // The tasks were closed by the first sending and keep that evidence (no second record).
    const records = await t.db
      .selectFrom('task_record')
      .select(['task_key', 'evidence_ref'])
      .where('organisation_id', '=', org.orgId)
      .where('employee_id', '=', org.employees.sick)
      .execute();
    expect(records).toHaveLength(2);
    expect(new Set(records.map((r) => r.evidence_ref))).toEqual(new Set([`oppfolgingsplan:${plan.id}:v2`]));
    plan = sent;
  });

  it('a replayed event notifies nobody twice: no second inbox row, no second mail job', async () => {
    const before = { rows: (await events()).length, jobs: (await mailJobs()).length };
    const replay = await t.db.transaction().execute((trx) =>
      notifyUsers(trx, {
        ref: planRef('til-godkjenning', 2),
        to: [{ kind: 'employee', employeeId: org.employees.sick }],
        title: { nb: 'Du har en oppfølgingsplan å lese', en: 'You have a follow-up plan to read' },
        body: { nb: 'Igjen', en: 'Again' },
        link: '/mitt-fravaer/oppfolgingsplan',
      }),
    );
    expect(replay).toEqual({ notified: [], mailed: 0, existing: [org.userIds.self] });
    expect((await events()).length).toBe(before.rows);
    expect((await mailJobs()).length).toBe(before.jobs);
    const stored = await t.db
      .selectFrom('notification')
      .select('body_nb')
      .where('key', '=', eventKey(planRef('til-godkjenning', 2), org.userIds.self))
      .executeTakeFirstOrThrow();
    expect(stored.body_nb).not.toBe('Igjen');
  });

  it('a write that fails notifies nobody: neither a rolled-back transaction nor a refused submit leaves a row or a job', async () => {
    const before = { rows: (await events()).length, jobs: (await mailJobs()).length };
    const ref = planRef('probe', 1);
    await expect(
      t.db.transaction().execute(async (trx) => {
        const done = await notifyUsers(trx, {
          ref,
          to: [{ kind: 'employee', employeeId: org.employees.sick }],
          title: { nb: 'Prøve', en: 'Probe' },
          body: { nb: 'Prøve', en: 'Probe' },
          link: null,
        });
        expect(done.notified).toEqual([org.userIds.self]);
        throw new Error('the document write failed');
      }),
    ).rejects.toThrow('the document write failed');
    expect(await eventsWith(':probe:')).toEqual([]);
    expect((await mailJobs()).some((j) => j.key.includes(':probe:'))).toBe(false);

    // Through the API: the plan is saved (version 3), then the submit's own update is refused by
    // the database, after the notice was written in the same transaction.
    const saved = expectStatus(
      await org.clients.lederA.put<PlanDto>(`${url}/${plan.id}`, {
        content: { ...plan.content, followUpHow: 'Samtale hver fredag.' },
        version: plan.version,
      }),
      200,
    ).body;
    await sql`alter table oppfolgingsplan add constraint hand_over_probe check (status <> 'til-godkjenning') not valid`.execute(
      t.db,
    );
    try {
      const refused = await org.clients.lederA.post(`${url}/${plan.id}/submit`, { version: saved.version });
      expect(refused.status).toBeGreaterThanOrEqual(400);
    } finally {
      await sql`alter table oppfolgingsplan drop constraint hand_over_probe`.execute(t.db);
    }
    expect(await eventsWith(':til-godkjenning:3:')).toEqual([]);
    expect((await events()).length).toBe(before.rows);
    expect((await mailJobs()).length).toBe(before.jobs);
    const row = await t.db
      .selectFrom('oppfolgingsplan')
      .select(['status', 'version'])
      .where('organisation_id', '=', org.orgId)
      .where('id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'utkast', version: saved.version });

    // The same submit, once it can be written, notifies the employee once.
    plan = expectStatus(
      await org.clients.lederA.post<PlanDto>(`${url}/${plan.id}/submit`, { version: saved.version }),
      200,
    ).body;
    expect((await eventsWith(':til-godkjenning:3:')).map((r) => r.user_id)).toEqual([org.userIds.self]);
  });

  it('the leader-of rule falls back to HR when there is no leader with a login', async () => {
    const result = await t.db.transaction().execute((trx) =>
      notifyUsers(trx, {
        ref: planRef('fallback', 1),
        to: [{ kind: 'leader-of', leaderEmployeeId: null }],
        title: { nb: 'Prøve', en: 'Probe' },
        body: { nb: 'Prøve', en: 'Probe' },
        link: null,
      }),
    );
    expect(result.notified).toContain(org.userIds.hr);
    expect(result.notified).not.toContain(org.userIds.lederA);
    expect(result.mailed).toBe(result.notified.length);
  });

  it('bad input to the send route is a 400 naming the field; another leader gets 404; nothing is stored', async () => {
    const before = await t.db
      .selectFrom('oppfolgingsplan_sending')
      .select('id')
      .where('plan_id', '=', plan.id)
      .execute();
    const bad = await org.clients.lederA.post<ErrorBody>(`${url}/${plan.id}/send`, { recipient: 'lege' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.map((f) => f.path)).toContain('recipient');
    expectStatus(await org.clients.lederB.post(`${url}/${plan.id}/send`, { recipient: 'sykmelder' }), 404);
    const after = await t.db
      .selectFrom('oppfolgingsplan_sending')
      .select('id')
      .where('plan_id', '=', plan.id)
      .execute();
    expect(after).toHaveLength(before.length);
  });

  it('a dialogmøte: invited participants with a login are told (not the one awaiting consent); the consent answer goes to the leader; the minutes to the employee and the leader, once, closing the invitation task', async () => {
    const meetings = `${SB}/employees/${org.employees.sick}/dialogmoter`;
    const startsAt = `${addDays(today(), 12)}T09:15`;
    let meeting = expectStatus(
      await org.clients.hr.post<MeetingDto>(meetings, {
        startsAt,
        durationMinutes: 60,
        place: 'Møterom Ærfugl',
        participants: [
          { role: 'leder', name: 'Lise Leder', email: 'lise@example.no' },
          { role: 'ansatt', name: 'Per Pleier' },
          {
            role: 'tillitsvalgt',
            name: 'Tor Tillitsvalgt',
            email: 'Tillitsvalgt@bruker.example.no',
            consent: 'given',
          },
          {
            role: 'verneombud',
            name: 'Vera Verneombud',
            email: 'verneombud@bruker.example.no',
            consent: 'ask-employee',
          },
        ],
      }),
      201,
    ).body;
    const ref = (event: string, occurrence?: number): EventRef => ({
      organisationId: org.orgId,
      employeeId: org.employees.sick,
      caseStart,
      document: 'dialogmote',
      documentId: meeting.id,
      event,
      occurrence,
    });
    const invitation = await eventsWith(`:dialogmote:${meeting.id}:innkalling:1:`);
    expect(invitation.map((r) => [r.user_id, r.link]).sort()).toEqual(
      [
        [org.userIds.self, '/mitt-fravaer/dialogmoter'],
        [org.userIds.lederA, `/sykefravaer/${org.employees.sick}/dialogmoter`],
        [org.userIds.tillitsvalgt, null],
      ].sort(),
    );
    expect(invitation[0]?.title_nb).toBe('Innkalling til dialogmøte');
    expect(invitation[0]?.body_nb).toContain(`kl. 09:15`);

    const vo = meeting.participants.find((p) => p.role === 'verneombud');
    meeting = expectStatus(
      await org.clients.self.post<MeetingDto>(
        `${SB}/me/dialogmoter/${meeting.id}/participants/${vo?.id}/consent`,
        { consent: true, version: meeting.version },
      ),
      200,
    ).body;
    expect((await eventsWith(`:dialogmote:${meeting.id}:samtykke:`)).map((r) => r.key)).toEqual([
      eventKey(ref('samtykke', 2), org.userIds.lederA),
    ]);

    // A change reaches everyone invited now, the verneombud included.
    meeting = expectStatus(
      await org.clients.hr.put<MeetingDto>(`${meetings}/${meeting.id}`, {
        startsAt: `${addDays(today(), 13)}T09:15`,
        durationMinutes: 60,
        place: 'Møterom Ærfugl',
        participants: meeting.participants.map((p) => ({
          id: p.id,
          role: p.role,
          name: p.name,
          email: p.email,
        })),
        version: meeting.version,
      }),
      200,
    ).body;
    expect((await eventsWith(`:dialogmote:${meeting.id}:endret:3:`)).map((r) => r.user_id).sort()).toEqual(
      [org.userIds.self, org.userIds.lederA, org.userIds.tillitsvalgt, org.userIds.verneombud].sort(),
    );

    const referat = { summary: 'Vi gikk gjennom planen.', agreedActions: [] };
    meeting = expectStatus(
      await org.clients.hr.put<MeetingDto>(`${meetings}/${meeting.id}/referat`, {
        ...referat,
        version: meeting.version,
      }),
      200,
    ).body;
    const minutes = await eventsWith(`:dialogmote:${meeting.id}:referat:`);
    expect(minutes.map((r) => [r.key, r.link]).sort()).toEqual(
      [
        [eventKey(ref('referat'), org.userIds.self), '/mitt-fravaer/dialogmoter'],
        [eventKey(ref('referat'), org.userIds.lederA), `/sykefravaer/${org.employees.sick}/dialogmoter`],
      ].sort(),
    );
    // Correcting the minutes publishes nothing new.
    expectStatus(
      await org.clients.hr.put(`${meetings}/${meeting.id}/referat`, {
        ...referat,
        summary: 'Vi gikk gjennom planen og avtalte ny samtale.',
        version: meeting.version,
      }),
      200,
    );
    expect(await eventsWith(`:dialogmote:${meeting.id}:referat:`)).toHaveLength(2);

    const task = (await tasks()).find((x) => x.key === 'innkall-dialogmote1');
    expect(task?.state).toBe('done');
    const record = await t.db
      .selectFrom('task_record')
      .select(['evidence_ref', 'done_by'])
      .where('organisation_id', '=', org.orgId)
      .where('employee_id', '=', org.employees.sick)
      .where('task_key', '=', 'innkall-dialogmote1')
      .executeTakeFirstOrThrow();
    expect(record).toEqual({ evidence_ref: `dialogmote:${meeting.id}`, done_by: org.userIds.hr });
  });

  it('a samtalereferat and a letter to the doctor tell the employee', async () => {
    const samtale = expectStatus(
      await org.clients.lederA.post<{ id: string }>(
        `${SB}/employees/${org.employees.sick}/samtalereferater`,
        { kind: 'oppfolging', heldOn: today(), summary: 'Vi snakket om arbeidstiden.', actions: [] },
      ),
      201,
    ).body;
    const letter = expectStatus(
      await org.clients.lederA.post<{ id: string }>(`${SB}/employees/${org.employees.sick}/legebrev`, {
        selectedTiltakIds: [],
        selectedArbeidIds: [],
        usualTasks: 'Kjøring og lagerarbeid.',
        contact: { name: 'Lise Leder' },
      }),
      201,
    ).body;
    const rows = [
      ...(await eventsWith(`:samtalereferat:${samtale.id}:`)),
      ...(await eventsWith(`:legebrev:${letter.id}:`)),
    ];
    expect(rows.map((r) => [r.key, r.user_id, r.title_nb, r.link])).toEqual([
      [
        `event:${org.orgId}:${org.employees.sick}:${caseStart}:samtalereferat:${samtale.id}:referat:${org.userIds.self}`,
        org.userIds.self,
        'Nytt samtalereferat',
        '/mitt-fravaer/dialogmoter',
      ],
      [
        `event:${org.orgId}:${org.employees.sick}:${osloToday()}:legebrev:${letter.id}:klar:${org.userIds.self}`,
        org.userIds.self,
        'Brevet til legen er klart',
        '/mitt-fravaer/legebrev',
      ],
    ]);
  });

  it('the mail job sends an e-mail without names or health detail, once', async () => {
    const sent: Parameters<Mailer['send']>[0][] = [];
    const mailer: Mailer = {
      description: 'memory',
      async send(mail) {
        sent.push(mail);
        return { messageId: mail.messageId };
      },
      close() {},
    };
    const worker = createAppWorker({
      db: t.db,
      config: {
        smtpUrl: undefined,
        mailFrom: 'Nærvær <varsel@example.no>',
        mailDir: '/nonexistent',
        publicUrl: 'https://n.example.no',
      },
      deadlineSource: async () => [],
      mailer,
      today: () => osloToday(),
    });
    for (let i = 0; i < 20; i++) await worker.runOnce();
    await worker.stop();
    const key = eventKey(planRef('til-godkjenning', 2), org.userIds.self);
    expect(sent.filter((m) => m.messageId === messageIdFor(key))).toEqual([
      expect.objectContaining({ to: 'self@bruker.example.no' }),
    ]);
    expect(sent.find((m) => m.messageId === messageIdFor(key))).toMatchObject({
      subject: 'Du har en ny oppgave i sykefraværsoppfølgingen',
      text: 'Du har en ny oppgave i sykefraværsoppfølgingen. Logg inn for å se hva det gjelder: https://n.example.no/varsler\n',
    });
    for (const m of sent) {
      expect(m.text).not.toMatch(/Per|Pleier|oppfølgingsplan|dialogmøte|lege/i);
      expect(m.subject).not.toMatch(/Per|Pleier|oppfølgingsplan|dialogmøte|lege/i);
    }
    const delivery = await t.db
      .selectFrom('mail_delivery')
      .select(['outcome', 'user_id'])
      .where('key', '=', key)
      .execute();
    expect(delivery).toEqual([{ outcome: 'sent', user_id: org.userIds.self }]);
    // Every mail job ran once: one message per job key.
    const jobs = await mailJobs();
    expect(new Set(sent.map((m) => m.messageId)).size).toBe(sent.length);
    expect(jobs.every((j) => j.done_at instanceof Date)).toBe(true);
  });

  it('the upgrade closes the tasks of documents sent before it, with their evidence; a milestone marked by hand or undone closes none', async () => {
    const other = org.employees.other;
    const start = daysAgo(40);
    expectStatus(
      await org.clients.hr.post(`${SB}/employees/${other}/periods`, {
        type: 'sykmelding',
        start,
        end: addDays(today(), 60),
        grade: 100,
        version: 0,
      }),
      201,
    );
    const planEvidence = 'oppfolgingsplan:00000000-0000-4000-8000-000000000001:v3';
    const base = {
      organisation_id: org.orgId,
      employee_id: other,
      case_start: start,
      kind: 'done',
      recorded_by: org.userIds.hr,
    } as const;
    await t.db
      .insertInto('milestone_record')
      .values([
        {
          ...base,
          milestone_key: 'oppfolgingsplan',
          evidence_ref: planEvidence,
          note: 'Oppfølgingsplanen er sendt til sykmelder. Planen var ikke godkjent av arbeidstakeren.',
          recorded_at: '2026-01-05T10:00:00Z',
        },
        // A later sending of the same milestone: the first one's evidence is kept.
        {
          ...base,
          milestone_key: 'oppfolgingsplan',
          evidence_ref: 'oppfolgingsplan:00000000-0000-4000-8000-000000000001:v4',
          note: 'Sendt i posten. Planen var ikke godkjent av arbeidstakeren.',
          recorded_at: '2026-01-09T10:00:00Z',
        },
        // Marked by hand (no evidence): whatever its words, a person's note, never mapped.
        {
          ...base,
          milestone_key: 'dialogmote1',
          evidence_ref: null,
          note: 'Dialogmøte 1 er gjennomført; referatet er skrevet.',
          // Distinct times: the rows are read back in this order (one insert gives both the same now()).
          recorded_at: '2026-01-06T10:00:00Z',
        },
        {
          ...base,
          milestone_key: 'dialogmote1',
          evidence_ref: 'dialogmote:00000000-0000-4000-8000-000000000002',
          note: 'Dialogmøte 1 er gjennomført; referatet er skrevet.',
          recorded_at: '2026-01-07T10:00:00Z',
          undone_at: new Date(),
          undone_by: org.userIds.hr,
        },
      ])
      .execute();
    await backfillTaskEvidence(t.db);
    await backfillTaskEvidence(t.db);
    const taskRows = () =>
      t.db
        .selectFrom('task_record')
        .select(['task_key', 'evidence_ref', 'done_by', 'note', 'note_code', 'note_params'])
        .where('organisation_id', '=', org.orgId)
        .where('employee_id', '=', other)
        .orderBy('task_key')
        .execute();
    // Migration 0017 wrote the sentence as prose (it ran before codes existed) …
    expect((await taskRows()).map((r) => [r.task_key, r.evidence_ref, r.done_by, r.note])).toEqual([
      ['oppfolgingsplan', planEvidence, org.userIds.hr, 'Oppfølgingsplanen er sendt til sykmelder.'],
      ['plan-til-sykmelder', planEvidence, org.userIds.hr, 'Oppfølgingsplanen er sendt til sykmelder.'],
    ]);
    // … and migration 0057 turns the known sentences into codes (twice: idempotent).
    await mapSystemNotes(t.db);
    await mapSystemNotes(t.db);
    expect((await taskRows()).map((r) => [r.task_key, r.note, r.note_code, jsonOf(r.note_params)])).toEqual([
      ['oppfolgingsplan', null, 'plan-sent', { unapproved: false }],
      ['plan-til-sykmelder', null, 'plan-sent', { unapproved: false }],
    ]);
    const milestoneRows = await t.db
      .selectFrom('milestone_record')
      .select(['milestone_key', 'evidence_ref', 'note', 'note_code', 'note_params'])
      .where('organisation_id', '=', org.orgId)
      .where('employee_id', '=', other)
      .orderBy('milestone_key')
      .orderBy('recorded_at')
      .execute();
    expect(
      milestoneRows.map((r) => [
        r.milestone_key,
        r.evidence_ref !== null,
        r.note,
        r.note_code,
        jsonOf(r.note_params),
      ]),
    ).toEqual([
      ['dialogmote1', false, 'Dialogmøte 1 er gjennomført; referatet er skrevet.', null, null],
      ['dialogmote1', true, null, 'dialogmote1-held', null],
      ['oppfolgingsplan', true, null, 'plan-sent', { unapproved: true }],
      ['oppfolgingsplan', true, 'Sendt i posten.', 'plan-sent', { unapproved: true }],
    ]);
    // The sick employee's records (closed by the events above) are untouched.
    const sick = await t.db
      .selectFrom('task_record')
      .select('task_key')
      .where('employee_id', '=', org.employees.sick)
      .execute();
    expect(sick.map((r) => r.task_key).sort()).toEqual([
      'innkall-dialogmote1',
      'oppfolgingsplan',
      'plan-til-sykmelder',
    ]);
  });

  it('the case’s retention deletes its event notices with its reminders', async () => {
    const eraser = notificationsModule.retention?.[0];
    if (!eraser) throw new Error('no retention hook');
    await t.db.transaction().execute((trx) =>
      eraser.erase(trx, {
        organisationId: org.orgId,
        employeeId: org.employees.sick,
        cases: { kind: 'all' },
        remindersBefore: null,
      }),
    );
    expect(await events()).toEqual([]);
    const deliveries = await t.db
      .selectFrom('mail_delivery')
      .select('key')
      .where('organisation_id', '=', org.orgId)
      .where('key', 'like', 'event:%')
      .execute();
    expect(deliveries).toEqual([]);
  });
});
