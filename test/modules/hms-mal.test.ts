/**
 * HMS goals, the handlingsplan and the annual review on both databases: goals and measures are
 * stored and read back; a measure marked done keeps who, when and the note; a stale version is a
 * 409 that writes nothing; too-long text is a 400 naming the field; a review draft is filled in from
 * the goals of the year reviewed; completing it stores a dated PDF (read back as text) and makes
 * the review read-only; `goalEvidence` gives the dashboard its numbers; access by role and tenant;
 * measure reminders go out exactly once.
 */
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  Goal,
  GoalYear,
  Measure,
  Review,
  ReviewUpdate,
} from '../../src/contracts/hms-mal/hms-mal.schemas.ts';
import { goalEvidence } from '../../src/modules/hms-mal/index.ts';
import { measureDeadlines } from '../../src/modules/hms-mal/reminders.ts';
import { runSweep } from '../../src/modules/notifications/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, type ErrorReply, type SickOrg } from '../support/sykefravaer-org.ts';

/** A fixed day in January: the review of 2026 is due. */
const TODAY = '2027-01-20';
const G = '/api/v1/hms-mal';
const T = '/api/v1/hms-mal/tiltak';
const R = '/api/v1/arlig-gjennomgang';

type ConflictReply = ErrorReply & { error: { reason?: string } };

const ROUTINES = 'Rutinene for avvik og vernerunder fungerer. Rutinen for førstehjelp må øves på nytt i år.';

async function pdfText(data: Buffer | Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(data) });
  const { text } = await parser.getText();
  await parser.destroy();
  return text.replace(/\s+/g, ' ');
}

describeEachDatabase('hms-mal on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let goal2026: Goal;
  let measure: Measure;
  let reviewId: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const goalRow = (id: string) =>
    t.db
      .selectFrom('hms_goal')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  const measureRow = (id: string) =>
    t.db
      .selectFrom('hms_measure')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  const reviewRow = (id: string) =>
    t.db
      .selectFrom('annual_review')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  const counts = async () => ({
    goals: (await t.db.selectFrom('hms_goal').select('id').execute()).length,
    measures: (await t.db.selectFrom('hms_measure').select('id').execute()).length,
    reviews: (await t.db.selectFrom('annual_review').select('id').execute()).length,
  });

  it('HR writes a goal for 2026 and a measure owned by a leader; both are stored and read back', async () => {
    goal2026 = expectStatus(
      await org.clients.hr.post<Goal>(G, {
        year: 2026,
        title: 'Sykefraværet skal ned under 5 %',
        description: 'Vi følger opp tidlig og tilrettelegger mer.',
        indicator: 'Sykefraværsprosent per kvartal',
        target: 'Under 5 %',
        status: 'pagar',
      }),
      201,
    ).body;
    expect(goal2026).toMatchObject({
      year: 2026,
      status: 'pagar',
      version: 1,
      measures: [],
      createdBy: 'Hanne HR',
    });
    expect(await goalRow(goal2026.id)).toMatchObject({
      year: 2026,
      title: 'Sykefraværet skal ned under 5 %',
      indicator: 'Sykefraværsprosent per kvartal',
      target: 'Under 5 %',
      status: 'pagar',
      created_by: org.userIds.hr,
      version: 1,
    });

    measure = expectStatus(
      await org.clients.hr.post<Measure>(T, {
        goalId: goal2026.id,
        text: 'Kurs i tilrettelegging for alle ledere',
        ownerUserId: org.userIds.lederA,
        due: '2027-02-03',
      }),
      201,
    ).body;
    expect(measure).toMatchObject({
      goalId: goal2026.id,
      ownerUserId: org.userIds.lederA,
      ownerRole: null,
      ownerName: 'Lise Leder',
      due: '2027-02-03',
      state: 'due-soon',
      done: null,
      canEdit: true,
      canMarkDone: true,
    });
    expect(await measureRow(measure.id)).toMatchObject({
      goal_id: goal2026.id,
      text: 'Kurs i tilrettelegging for alle ledere',
      owner_user_id: org.userIds.lederA,
      owner_role: null,
      due: '2027-02-03',
      done_at: null,
    });

    const year = expectStatus(await org.clients.hr.get<GoalYear>(`${G}?year=2026`), 200).body;
    expect(year.goals.map((g) => g.id)).toEqual([goal2026.id]);
    expect(year.goals[0]?.measures.map((m) => m.id)).toEqual([measure.id]);
    expect(year.canEdit).toBe(true);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('entity_id', 'in', [goal2026.id, measure.id])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'create', entity_type: 'hms_goal' },
        { action: 'create', entity_type: 'hms_measure' },
      ]),
    );
  });

  it('a measure may stand alone, owned by a role; the owner list holds the organisation’s users', async () => {
    const alone = expectStatus(
      await org.clients.hr.post<Measure>(T, {
        text: 'Sikre nødutgang i lageret',
        ownerRole: 'verneombud',
        due: '2027-03-01',
      }),
      201,
    ).body;
    expect(alone).toMatchObject({ goalId: null, ownerRole: 'verneombud', ownerName: null, state: 'open' });
    expect(await measureRow(alone.id)).toMatchObject({
      goal_id: null,
      owner_role: 'verneombud',
      owner_user_id: null,
    });
    const year = expectStatus(await org.clients.hr.get<GoalYear>(`${G}?year=2027`), 200).body;
    expect(year.standalone.map((m) => m.id)).toEqual([alone.id]);
    const open = expectStatus(await org.clients.hr.get<{ items: Measure[] }>(`${T}?open=true`), 200).body
      .items;
    expect(open.map((m) => m.id).sort()).toEqual([measure.id, alone.id].sort());
    const owners = expectStatus(
      await org.clients.hr.get<{ items: { id: string; name: string }[] }>(`${G}/eiere`),
      200,
    ).body.items;
    expect(owners.map((o) => o.name)).toContain('Lise Leder');
    expect(owners.some((o) => o.name === 'Astrid Admin')).toBe(true);
    expect(JSON.stringify(owners)).not.toContain('@');
    // A person of another organisation cannot own a measure.
    const foreign = expectStatus(
      await org.clients.hr.post<ErrorReply>(T, {
        text: 'X',
        ownerUserId: org.userIds.otherOrg,
        due: '2027-03-01',
      }),
      400,
    );
    expect(foreign.body.error.fields?.map((f) => f.path)).toEqual(['ownerUserId']);
  });

  it('the owner marks the measure done with a note; who, when and the note are stored; others get 404', async () => {
    expectStatus(await org.clients.bht.put(`${T}/${measure.id}/done`, { note: 'Nei' }), 404);
    expectStatus(await org.clients.lederB.put(`${T}/${measure.id}/done`, { note: 'Nei' }), 404);
    expect((await measureRow(measure.id))?.done_at).toBeNull();

    const done = expectStatus(
      await org.clients.lederA.put<Measure>(`${T}/${measure.id}/done`, {
        note: 'Kurset holdt 28. januar, alle ledere deltok',
      }),
      200,
    ).body;
    expect(done).toMatchObject({
      state: 'done',
      done: { by: 'Lise Leder', note: 'Kurset holdt 28. januar, alle ledere deltok' },
    });
    expect(await measureRow(measure.id)).toMatchObject({
      done_by: org.userIds.lederA,
      done_by_name: 'Lise Leder',
      done_note: 'Kurset holdt 28. januar, alle ledere deltok',
    });
    expect((await measureRow(measure.id))?.done_at).toBeInstanceOf(Date);

    // A done measure is not edited; it is reopened first. A goal with a done measure stays.
    const edit = expectStatus(
      await org.clients.hr.put<ConflictReply>(`${T}/${measure.id}`, {
        goalId: goal2026.id,
        text: 'Endret',
        ownerUserId: org.userIds.lederA,
        due: '2027-02-03',
        version: done.version,
      }),
      409,
    );
    expect(edit.body.error.reason).toBe('WRONG_STATE');
    const del = expectStatus(await org.clients.hr.delete<ConflictReply>(`${G}/${goal2026.id}`), 409);
    expect(del.body.error.reason).toBe('IN_USE');
    expect(await goalRow(goal2026.id)).toBeDefined();

    const reopened = expectStatus(await org.clients.hr.delete<Measure>(`${T}/${measure.id}/done`), 200).body;
    expect(reopened.done).toBeNull();
    expect(await measureRow(measure.id)).toMatchObject({ done_at: null, done_note: null, done_by: null });
    expectStatus(await org.clients.lederA.put(`${T}/${measure.id}/done`, { note: 'Kurset holdt' }), 200);
  });

  it('a stale version is a 409 and writes nothing', async () => {
    const fresh = expectStatus(
      await org.clients.hr.put<Goal>(`${G}/${goal2026.id}`, {
        year: 2026,
        title: 'Sykefraværet skal ned under 5 %',
        indicator: 'Sykefraværsprosent per kvartal',
        target: 'Under 5 %',
        status: 'nadd',
        version: 1,
      }),
      200,
    ).body;
    expect(fresh).toMatchObject({ version: 2, status: 'nadd' });
    expect((await goalRow(goal2026.id))?.description).toBe('');
    const stale = expectStatus(
      await org.clients.hr.put<ConflictReply>(`${G}/${goal2026.id}`, {
        year: 2026,
        title: 'Noe helt annet',
        status: 'ikke-nadd',
        version: 1,
      }),
      409,
    );
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(await goalRow(goal2026.id)).toMatchObject({
      title: 'Sykefraværet skal ned under 5 %',
      status: 'nadd',
      version: 2,
    });
  });

  it('too-long text and bad input are a 400 naming the field, and nothing is written', async () => {
    const before = await counts();
    const goalCases: [Record<string, unknown>, string][] = [
      [{ year: 2027, title: 'x'.repeat(201) }, 'title'],
      [{ year: 2027, title: '' }, 'title'],
      [{ year: 2027, title: 'Mål', description: 'x'.repeat(4001) }, 'description'],
      [{ year: 2027, title: 'Mål', indicator: 'x'.repeat(501) }, 'indicator'],
      [{ year: 2027, title: 'Mål', target: 'x'.repeat(201) }, 'target'],
      [{ year: 1999, title: 'Mål' }, 'year'],
      [{ year: 2027, title: 'Mål', status: 'ferdig' }, 'status'],
    ];
    for (const [body, field] of goalCases) {
      const reply = expectStatus(await org.clients.hr.post<ErrorReply>(G, body), 400);
      expect(
        reply.body.error.fields?.map((f) => f.path),
        JSON.stringify(body).slice(0, 80),
      ).toContain(field);
      expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.ts:\d+/);
    }
    const tooLong = expectStatus(
      await org.clients.hr.post<ErrorReply>(G, { year: 2027, title: 'x'.repeat(201) }),
      400,
    );
    expect(tooLong.body.error.fields?.[0]?.message).toBe('Høyst 200 tegn.');
    const measureCases: [Record<string, unknown>, string][] = [
      [{ text: 'x'.repeat(1001), ownerRole: 'hr', due: '2027-03-01' }, 'text'],
      [{ text: 'Tiltak', ownerRole: 'hr', ownerUserId: org.userIds.hr, due: '2027-03-01' }, 'ownerUserId'],
      [{ text: 'Tiltak', due: '2027-03-01' }, 'ownerUserId'],
      [{ text: 'Tiltak', ownerRole: 'ansatt', due: '2027-03-01' }, 'ownerRole'],
      [{ text: 'Tiltak', ownerRole: 'hr', due: '2027-02-30' }, 'due'],
      [
        {
          text: 'Tiltak',
          ownerRole: 'hr',
          due: '2027-03-01',
          goalId: '00000000-0000-4000-8000-000000000000',
        },
        'goalId',
      ],
    ];
    for (const [body, field] of measureCases) {
      const reply = expectStatus(await org.clients.hr.post<ErrorReply>(T, body), 400);
      expect(
        reply.body.error.fields?.map((f) => f.path),
        JSON.stringify(body).slice(0, 80),
      ).toContain(field);
    }
    const note = expectStatus(
      await org.clients.hr.put<ErrorReply>(`${T}/${measure.id}/done`, { note: 'x'.repeat(2001) }),
      400,
    );
    expect(note.body.error.fields?.map((f) => f.path)).toEqual(['note']);
    expect(await counts()).toEqual(before);
  });

  it('goalEvidence before any review: the goals of this year, no review', async () => {
    expectStatus(await org.clients.hr.post(G, { year: 2027, title: 'Null alvorlige skader' }), 201);
    expect(await goalEvidence(t.db, org.orgId, TODAY)).toEqual({
      goalsThisYear: 1,
      lastReviewDone: null,
      lastReviewWithParticipation: null,
      lastReviewId: null,
    });
  });

  it('a review of 2026 starts as a draft filled in with the 2026 goals and their statuses; one per year', async () => {
    expectStatus(await org.clients.hr.post<ErrorReply>(R, { yearReviewed: 2028 }), 400);
    const draft = expectStatus(await org.clients.hr.post<Review>(R, { yearReviewed: 2026 }), 201).body;
    reviewId = draft.id;
    expect(draft).toMatchObject({
      yearReviewed: 2026,
      status: 'utkast',
      version: 1,
      canEdit: true,
      hasPdf: false,
    });
    expect(draft.sections.goals).toContain('HMS-mål for 2026:');
    expect(draft.sections.goals).toContain('Sykefraværet skal ned under 5 % (mål: Under 5 %): nådd');
    expect(draft.sections.goals).toContain('1 av 1 tiltak gjennomført');
    expect(draft.sections.goals).not.toContain('Null alvorlige skader');
    const row = await reviewRow(reviewId);
    expect(row).toMatchObject({
      year_reviewed: 2026,
      status: 'utkast',
      pdf: null,
      created_by: org.userIds.hr,
    });
    expect(row?.goals_text).toBe(draft.sections.goals);
    const again = expectStatus(await org.clients.hr.post<ConflictReply>(R, { yearReviewed: 2026 }), 409);
    expect(again.body.error.reason).toBe('ALREADY_EXISTS');
  });

  const filled = (version: number): ReviewUpdate => ({
    version,
    heldOn: '2027-01-15',
    participants:
      'Daglig leder Øystein Ås, hovedverneombud Vera Verneombud, AMU-leder Anne, BHT-rådgiver Berit',
    voTookPart: true,
    amuTookPart: true,
    bhtTookPart: true,
    bhtNeeded: 'ja',
    sections: {
      goals: 'Målet om sykefravær ble nådd: 4,6 % i fjerde kvartal.',
      routines: ROUTINES,
      avvik: '14 avvik meldt, færre enn året før. Alle er lukket.',
      risk: 'Risikovurderingen er gått gjennom etter flyttingen til nye lokaler.',
      sickLeave: 'Samlet sykefravær 4,6 %, ned fra 6,1 %.',
      training: 'Daglig leder har tatt HMS-kurs. Nytt verneombud skal på 40-timerskurs.',
      bht: 'Vi har kjemikalier på verkstedet; BHT skal bistå med kartlegging.',
      varsling: 'Varslingsrutinen er gått gjennom med tillitsvalgt og lagt på intranettet.',
      conclusions: 'Internkontrollen fungerer, men førstehjelp må øves.',
      priorities: 'Førstehjelpskurs, ny risikovurdering av lageret, sykefravær under 5 %.',
    },
  });

  it('a draft is saved with the version read; too-long text is a 400 naming the section; stale is a 409', async () => {
    const tooLong = filled(1);
    tooLong.sections = { ...tooLong.sections, routines: 'x'.repeat(4001) };
    const bad = expectStatus(await org.clients.hr.put<ErrorReply>(`${R}/${reviewId}`, tooLong), 400);
    expect(bad.body.error.fields?.map((f) => f.path)).toEqual(['sections.routines']);
    const longParticipants = expectStatus(
      await org.clients.hr.put<ErrorReply>(`${R}/${reviewId}`, {
        ...filled(1),
        participants: 'x'.repeat(1001),
      }),
      400,
    );
    expect(longParticipants.body.error.fields?.map((f) => f.path)).toEqual(['participants']);
    expect((await reviewRow(reviewId))?.version).toBe(1);

    // Completing an empty draft names what is missing.
    const empty = expectStatus(
      await org.clients.hr.post<ErrorReply>(`${R}/${reviewId}/fullfor`, { version: 1 }),
      400,
    );
    const missing = empty.body.error.fields?.map((f) => f.path) ?? [];
    expect(missing).toEqual(
      expect.arrayContaining([
        'heldOn',
        'participants',
        'bhtNeeded',
        'sections.routines',
        'sections.priorities',
      ]),
    );
    expect(missing).not.toContain('sections.goals');
    expect((await reviewRow(reviewId))?.status).toBe('utkast');

    const saved = expectStatus(await org.clients.hr.put<Review>(`${R}/${reviewId}`, filled(1)), 200).body;
    expect(saved).toMatchObject({ version: 2, heldOn: '2027-01-15', bhtNeeded: 'ja', voTookPart: true });
    expect(await reviewRow(reviewId)).toMatchObject({
      version: 2,
      held_on: '2027-01-15',
      routines_text: ROUTINES,
      sick_leave_text: 'Samlet sykefravær 4,6 %, ned fra 6,1 %.',
      bht_needed: 'ja',
      vo_took_part: true,
    });
    const stale = expectStatus(
      await org.clients.hr.put<ConflictReply>(`${R}/${reviewId}`, {
        ...filled(1),
        participants: 'Noen andre',
      }),
      409,
    );
    expect(stale.body.error.reason).toBe('STALE_VERSION');
    expect((await reviewRow(reviewId))?.participants).toContain('Øystein Ås');
  });

  it('completing writes a dated PDF on the row; its text has the organisation, the date, the sections and æøå', async () => {
    const stale = expectStatus(
      await org.clients.hr.post<ConflictReply>(`${R}/${reviewId}/fullfor`, { version: 1 }),
      409,
    );
    expect(stale.body.error.reason).toBe('STALE_VERSION');
    const done = expectStatus(
      await org.clients.hr.post<Review>(`${R}/${reviewId}/fullfor`, { version: 2 }),
      200,
    ).body;
    expect(done).toMatchObject({
      status: 'fullfort',
      completedBy: 'Hanne HR',
      hasPdf: true,
      canEdit: false,
      version: 3,
    });
    const row = await reviewRow(reviewId);
    expect(row?.status).toBe('fullfort');
    expect(row?.completed_by).toBe(org.userIds.hr);
    expect(row?.completed_at).toBeInstanceOf(Date);
    const stored = row?.pdf;
    expect(stored).toBeInstanceOf(Buffer);
    expect(stored?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(stored ?? Buffer.alloc(0));
    expect(text).toContain('Testbedriften AS');
    expect(text).toContain('889 640 782');
    expect(text).toContain('Årlig gjennomgang av internkontrollen 2026');
    expect(text).toContain('20.01.2027'); // completed (today)
    expect(text).toContain('15.01.2027'); // held on
    expect(text).toContain(ROUTINES);
    expect(text).toContain('Øystein Ås');
    expect(text).toContain('Samlet sykefravær 4,6 %');
    expect(text).toContain('Trenger virksomheten bedriftshelsetjeneste?');
    expect(text).toMatch(/Side 1 av \d/);

    // The download is the stored bytes, as an attachment.
    const download = await org.clients.verneombud.get<string>(`${R}/${reviewId}/pdf`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    expect(download.headers['content-disposition']).toBe('attachment; filename="arlig-gjennomgang-2026.pdf"');
    expect(Buffer.compare(download.raw.rawPayload, stored ?? Buffer.alloc(0))).toBe(0);
    const exported = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_type', '=', 'annual_review')
      .where('action', '=', 'export')
      .execute();
    expect(exported).toEqual([{ action: 'export', actor_user_id: org.userIds.verneombud }]);
  });

  it('a completed review is read-only: edit, complete and delete are 409 WRONG_STATE, the PDF unchanged', async () => {
    const before = await reviewRow(reviewId);
    for (const reply of [
      await org.clients.hr.put<ConflictReply>(`${R}/${reviewId}`, { ...filled(3), participants: 'Endret' }),
      await org.clients.hr.post<ConflictReply>(`${R}/${reviewId}/fullfor`, { version: 3 }),
      await org.clients.admin.delete<ConflictReply>(`${R}/${reviewId}`),
    ]) {
      expect(reply.status).toBe(409);
      expect(reply.body.error.reason).toBe('WRONG_STATE');
    }
    const after = await reviewRow(reviewId);
    expect(after?.participants).toBe(before?.participants);
    expect(after?.version).toBe(3);
    expect(Buffer.compare(after?.pdf ?? Buffer.alloc(0), before?.pdf ?? Buffer.alloc(1))).toBe(0);
  });

  it('goalEvidence after the review: held on, with participation, and its id', async () => {
    expect(await goalEvidence(t.db, org.orgId, TODAY)).toEqual({
      goalsThisYear: 1,
      lastReviewDone: '2027-01-15',
      lastReviewWithParticipation: '2027-01-15',
      lastReviewId: reviewId,
    });
    // A later review without VO or AMU moves «done», not «with participation».
    const draft = expectStatus(await org.clients.hr.post<Review>(R, { yearReviewed: 2027 }), 201).body;
    expect(draft.sections.goals).toContain('Null alvorlige skader');
    const body = { ...filled(1), heldOn: '2027-01-19', voTookPart: false, amuTookPart: false };
    const saved = expectStatus(await org.clients.hr.put<Review>(`${R}/${draft.id}`, body), 200).body;
    expectStatus(await org.clients.hr.post(`${R}/${draft.id}/fullfor`, { version: saved.version }), 200);
    expect(await goalEvidence(t.db, org.orgId, TODAY)).toEqual({
      goalsThisYear: 1,
      lastReviewDone: '2027-01-19',
      lastReviewWithParticipation: '2027-01-15',
      lastReviewId: draft.id,
    });
    expect(await goalEvidence(t.db, org.otherOrgId, TODAY)).toEqual({
      goalsThisYear: 0,
      lastReviewDone: null,
      lastReviewWithParticipation: null,
      lastReviewId: null,
    });
  });

  it('access: employees read the goals only; HMS roles read reviews; only admin/HR write; other tenants 404', async () => {
    // Employees: goals and the measures that serve them, read-only; not the standalone measure, not reviews.
    const own = expectStatus(await org.clients.self.get<GoalYear>(`${G}?year=2026`), 200).body;
    expect(own.goals.map((g) => g.id)).toEqual([goal2026.id]);
    expect(own.canEdit).toBe(false);
    expect(own.goals[0]?.measures[0]).toMatchObject({ canEdit: false, canMarkDone: false });
    const selfMeasures = expectStatus(await org.clients.self.get<{ items: Measure[] }>(T), 200).body.items;
    expect(selfMeasures.every((m) => m.goalId !== null)).toBe(true);
    expectStatus(await org.clients.self.get(R), 404);
    expectStatus(await org.clients.self.get(`${R}/${reviewId}`), 404);
    expectStatus(await org.clients.self.get(`${R}/${reviewId}/pdf`), 404);
    expectStatus(await org.clients.self.post(G, { year: 2027, title: 'Nei' }), 404);
    expectStatus(await org.clients.self.put(`${T}/${measure.id}/done`, { note: 'Nei' }), 404);

    for (const who of ['lederA', 'verneombud', 'amu', 'bht', 'tillitsvalgt'] as const) {
      expectStatus(await org.clients[who].get(`${G}?year=2026`), 200);
      const list = expectStatus(
        await org.clients[who].get<{ items: { id: string }[]; canEdit: boolean }>(R),
        200,
      ).body;
      expect(list.items.map((i) => i.id)).toContain(reviewId);
      expect(list.canEdit).toBe(false);
      expectStatus(await org.clients[who].get(`${R}/${reviewId}`), 200);
      expectStatus(await org.clients[who].post(G, { year: 2027, title: 'Nei' }), 404);
      expectStatus(await org.clients[who].post(T, { text: 'Nei', ownerRole: 'hr', due: '2027-03-01' }), 404);
      expectStatus(
        await org.clients[who].put(`${G}/${goal2026.id}`, { year: 2026, title: 'Nei', version: 2 }),
        404,
      );
      expectStatus(await org.clients[who].post(R, { yearReviewed: 2025 }), 404);
      expectStatus(await org.clients[who].get(`${G}/eiere`), 404);
    }
    // The verneombud owns the standalone measure by role and may mark it done.
    const vo = expectStatus(await org.clients.verneombud.get<GoalYear>(`${G}?year=2027`), 200).body;
    const alone = vo.standalone[0];
    expect(alone?.canMarkDone).toBe(true);
    expectStatus(
      await org.clients.verneombud.put(`${T}/${alone?.id}/done`, { note: 'Nødutgangen er ryddet' }),
      200,
    );
    expect((await measureRow(alone?.id ?? ''))?.done_by_name).toBe('Vera Verneombud');

    // Another organisation finds nothing.
    const other = org.clients.otherOrg;
    expect(expectStatus(await other.get<GoalYear>(`${G}?year=2026`), 200).body.goals).toEqual([]);
    expect(expectStatus(await other.get<{ items: unknown[] }>(R), 200).body.items).toEqual([]);
    expectStatus(await other.get(`${R}/${reviewId}`), 404);
    expectStatus(await other.get(`${R}/${reviewId}/pdf`), 404);
    expectStatus(await other.put(`${G}/${goal2026.id}`, { year: 2026, title: 'Kapret', version: 2 }), 404);
    expectStatus(await other.delete(`${G}/${goal2026.id}`), 404);
    expectStatus(await other.put(`${T}/${measure.id}/done`, { note: 'Nei' }), 404);
    expectStatus(await other.delete(`${T}/${measure.id}/done`), 404);
    expectStatus(await other.post(`${R}/${reviewId}/fullfor`, { version: 3 }), 404);
    expect((await goalRow(goal2026.id))?.title).toBe('Sykefraværet skal ned under 5 %');
  });

  it('a goal without done measures is deleted with its open measures', async () => {
    const goal = expectStatus(
      await org.clients.hr.post<Goal>(G, { year: 2027, title: 'Bedre inneklima' }),
      201,
    ).body;
    const m = expectStatus(
      await org.clients.hr.post<Measure>(T, {
        goalId: goal.id,
        text: 'Måle CO₂',
        ownerRole: 'hr',
        due: '2027-05-01',
      }),
      201,
    ).body;
    expectStatus(await org.clients.hr.delete(`${G}/${goal.id}`), 200);
    expect(await goalRow(goal.id)).toBeUndefined();
    expect(await measureRow(m.id)).toBeUndefined();
  });

  it('reminds the owner of an open measure exactly once, 14 days before and on the due date', async () => {
    const m = expectStatus(
      await org.clients.hr.post<Measure>(T, {
        goalId: goal2026.id,
        text: 'Gå gjennom ergonomien hos Per',
        ownerUserId: org.userIds.lederB,
        due: '2027-02-10',
      }),
      201,
    ).body;
    const day = '2027-01-27'; // 14 days before
    const deadlines = await measureDeadlines(t.db, {
      organisationId: org.orgId,
      from: day,
      to: day,
      today: day,
    });
    const mine = deadlines.filter((d) => d.subjectId === m.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      reminderDates: ['2027-01-27', '2027-02-10'],
      title: { nb: 'Tiltak i handlingsplanen' },
      recipients: { kind: 'users', userIds: [org.userIds.lederB] },
      link: '/internkontroll/mal?ar=2026',
    });
    // The measure's text is the in-app detail only ("Mine oppgaver" of its owner) …
    expect(mine[0]?.detail).toBe('Gå gjennom ergonomien hos Per');
    const reminders = () =>
      t.db
        .selectFrom('notification')
        .select(['key', 'user_id'])
        .where('organisation_id', '=', org.orgId)
        .where('key', 'like', `reminder:hms-mal:${org.orgId}:${m.id}:%`)
        .execute();
    await runSweep({ db: t.db, deadlineSource: measureDeadlines, today: day });
    const first = await reminders();
    expect(first.map((n) => n.user_id)).toEqual([org.userIds.lederB]);
    // … the reminder itself names no person: the text stays out of what was sent.
    const sent = await t.db
      .selectFrom('notification')
      .select(['title_nb', 'title_en', 'body_nb', 'body_en'])
      .where('key', 'like', `reminder:hms-mal:${org.orgId}:${m.id}:%`)
      .execute();
    expect(JSON.stringify(sent)).not.toContain('Per');
    const jobs = await t.db.selectFrom('job').select('payload').execute();
    expect(JSON.stringify(jobs)).not.toContain('ergonomien hos Per');
    await runSweep({ db: t.db, deadlineSource: measureDeadlines, today: day });
    expect(await reminders()).toHaveLength(1);
    // Done: no reminder on the day.
    expectStatus(await org.clients.lederB.put(`${T}/${m.id}/done`, { note: 'Gjort' }), 200);
    await runSweep({ db: t.db, deadlineSource: measureDeadlines, today: '2027-02-10' });
    expect(await reminders()).toHaveLength(1);
  });

  it('an open measure is edited with the version read and deleted; a draft review is discarded', async () => {
    const m = expectStatus(
      await org.clients.hr.post<Measure>(T, {
        text: 'Rydde rømningsveien',
        ownerRole: 'hr',
        due: '2027-04-01',
      }),
      201,
    ).body;
    const edited = expectStatus(
      await org.clients.hr.put<Measure>(`${T}/${m.id}`, {
        text: 'Rydde rømningsveien og merke den',
        ownerUserId: org.userIds.lederA,
        due: '2027-04-15',
        version: m.version,
      }),
      200,
    ).body;
    expect(edited).toMatchObject({ text: 'Rydde rømningsveien og merke den', ownerName: 'Lise Leder' });
    expect(await measureRow(m.id)).toMatchObject({
      text: 'Rydde rømningsveien og merke den',
      owner_user_id: org.userIds.lederA,
      owner_role: null,
    });
    const listed = expectStatus(await org.clients.hr.get<{ items: Measure[] }>(`${T}?open=true`), 200).body;
    expect(listed.items.find((x) => x.id === m.id)?.due).toBe('2027-04-15');
    expectStatus(await org.clients.hr.delete(`${T}/${m.id}`), 200);
    expect(await measureRow(m.id)).toBeUndefined();
    expectStatus(await org.clients.hr.delete(`${T}/${m.id}`), 404);

    const draft = expectStatus(await org.clients.hr.post<Review>(R, { yearReviewed: 2025 }), 201).body;
    expect(await reviewRow(draft.id)).toMatchObject({ status: 'utkast' });
    expectStatus(await org.clients.hr.delete(`${R}/${draft.id}`), 200);
    expect(await reviewRow(draft.id)).toBeUndefined();
    expectStatus(await org.clients.hr.get(`${R}/${draft.id}`), 404);
    // the completed review of 2026 stays (409), as the read-only test above pins
    expect(await reviewRow(reviewId)).toMatchObject({ status: 'fullfort' });
  });
});
