/**
 * Varsling, second part, on both databases: the written routine (aml § 2 A-6) — pre-filled from the
 * channel, drafted and published by HR with the cooperation step, read and confirmed by employees,
 * as a PDF; the gjengjeldelse checklist (aml § 2 A-4) sealed and append-only, with its deadline;
 * hand-over to avvik without the reporter's identity unless they consented; a personal-data breach's
 * 72 hours (GDPR art. 33); legal hold respected by the retention job; the handler's own evidence
 * files (sniffed, metadata stripped, sealed). What is stored is read back from the database; every
 * new route is tried by every role.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CaseView,
  PublishedRoutine,
  Receipt,
  ReportInput,
  RoutineDraftView,
  RoutineReadView,
  Settings,
} from '../../src/contracts/varsling/varsling.schemas.ts';
import { addDays } from '../../src/domain/calendar/index.ts';
import { ROUTINE_TOPIC_KEYS, ROUTINE_TOPICS } from '../../src/domain/varsling/routine.ts';
import { loadKeyring, rotateChannelKey, runVarslingRetention } from '../../src/modules/varsling/index.ts';
import { resetBudgets } from '../../src/modules/varsling/limits.ts';
import { varslingDeadlines } from '../../src/modules/varsling/reminders.ts';
import { osloToday } from '../../src/platform/clock.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import {
  ACTORS,
  type Actor,
  buildSickOrg,
  type ErrorReply,
  type SickOrg,
} from '../support/sykefravaer-org.ts';

const KEY_DIR = mkdtempSync(join(tmpdir(), 'naervaer-varsling-vern-test-'));
process.env.NAERVAER_VARSLING_KEY_FILE = join(KEY_DIR, 'varsling-keys.json');
delete process.env.NAERVAER_VARSLING_KEYS;
afterAll(() => rmSync(KEY_DIR, { recursive: true, force: true }));

const V = '/api/v1/varsling';
const SECRET = 'SJEKKLISTE-HEMMELIG-41c2';

const report = (what: string): ReportInput => ({
  what,
  when: 'I går',
  where: 'Kontoret',
  involved: 'En leder',
  howKnown: 'Så det selv',
  reportedBefore: 'nei',
});

function multipart(file: { name: string; type: string; data: Buffer }) {
  const boundary = `----naervaer${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="fil"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const seg = (marker: number, payload: Buffer) =>
  Buffer.concat([
    Buffer.from([0xff, marker, ((payload.length + 2) >> 8) & 0xff, (payload.length + 2) & 0xff]),
    payload,
  ]);

function jpegWithExif(secret: string): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    seg(0xe1, Buffer.from(`Exif\0\0GPS 59.91N 10.75E owner ${secret}`, 'latin1')),
    seg(0xdb, Buffer.alloc(65, 1)),
    seg(0xda, Buffer.from([1, 1, 0, 0, 63, 0])),
    Buffer.from([0x12, 0x34, 0xff, 0xd9]),
  ]);
}

const hex = (s: string) => Buffer.from(s).toString('hex');

describeEachDatabase('varsling: routine, protection, hand-over on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let anon: TestClient;
  let channelId: string;
  const today = osloToday();

  beforeAll(async () => {
    resetBudgets();
    t = await createTestApp(kind);
    org = await buildSickOrg(t);
    anon = t.client();
    await anon.refreshSession();
    const saved = expectStatus(
      await org.clients.admin.put<Settings>(`${V}/behandlere`, {
        handlers: [
          { userId: org.userIds.hr, topLeader: false },
          { userId: org.userIds.tillitsvalgt, topLeader: false },
          { userId: org.userIds.lederA, topLeader: true },
        ],
      }),
      200,
    ).body;
    channelId = saved.channelId ?? '';
    // Handlers open cases only in a session that passed a second factor (ADR 0020): each sets up
    // an authenticator app in its session, as a handler does in the app.
    for (const who of ['hr', 'tillitsvalgt', 'lederA'] as const) {
      const enrolment = expectStatus(
        await org.clients[who].post<{ secret: string }>('/api/v1/me/second-factor/enrolment'),
        200,
      ).body;
      expectStatus(
        await org.clients[who].post('/api/v1/me/second-factor/confirm', {
          code: await generate({ secret: enrolment.secret }),
        }),
        200,
      );
    }
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const caseRow = (id: string) =>
    t.db.selectFrom('varsling_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const newCaseIds = async (before: string[]) =>
    (await t.db.selectFrom('varsling_case').select('id').execute())
      .map((r) => r.id)
      .filter((id) => !before.includes(id));
  const allCaseIds = async () =>
    (await t.db.selectFrom('varsling_case').select('id').execute()).map((r) => r.id);

  /** An anonymous case excluding nobody; returns its id. */
  async function anonymousCase(what = 'Anonymt varsel'): Promise<string> {
    const before = await allCaseIds();
    expectStatus(await anon.post<Receipt>(`${V}/kanal/${channelId}/varsel`, report(what)), 201);
    const [id] = await newCaseIds(before);
    if (!id) throw new Error('no case');
    return id;
  }
  async function namedCase(what = 'Varsel under eget navn'): Promise<string> {
    return expectStatus(await org.clients.self.post<{ id: string }>(`${V}/mine`, report(what)), 201).body.id;
  }
  const view = async (id: string, who: Actor = 'hr') =>
    expectStatus(await org.clients[who].get<CaseView>(`${V}/saker/${id}`), 200).body;
  async function assessAs(id: string, outcome: 'avvik' | 'varsling') {
    let v = await view(id);
    v = expectStatus(
      await org.clients.hr.post<CaseView>(`${V}/saker/${id}/bekreft`, { version: v.version }),
      200,
    ).body;
    return expectStatus(
      await org.clients.hr.post<CaseView>(`${V}/saker/${id}/vurdering`, {
        version: v.version,
        outcome,
        category: outcome === 'varsling' ? 'e' : null,
      }),
      200,
    ).body;
  }

  describe('the written routine (aml § 2 A-6)', () => {
    let draft: RoutineDraftView;

    it('HR gets a draft pre-filled from the channel: the handlers, the top leader, the anonymous link; nothing stored yet', async () => {
      draft = expectStatus(await org.clients.hr.get<RoutineDraftView>(`${V}/rutine/utkast`), 200).body;
      expect(draft).toMatchObject({ version: 0, number: 1, saved: false, published: null });
      expect(Object.keys(draft.answers)).toEqual(ROUTINE_TOPIC_KEYS);
      expect(ROUTINE_TOPIC_KEYS).toHaveLength(21);
      expect(draft.answers.mottakere).toContain('Hanne HR');
      expect(draft.answers.mottakere).toContain('Tor Tillitsvalgt');
      expect(draft.answers['overste-leder']).toContain('Lise Leder');
      expect(draft.answers.hvordan).toContain(`/varsle/${channelId}`);
      expect(draft.answers.bekreftelse).toContain('7 dager');
      expect(draft.answers.bekreftelse).toContain('ikke norsk lov');
      expect(await t.db.selectFrom('varsling_routine').selectAll().execute()).toEqual([]);
      // Nothing published: employees see none, and there is no PDF.
      expect(
        expectStatus(await org.clients.self.get<RoutineReadView>(`${V}/rutine`), 200).body.routine,
      ).toBeNull();
      expect((await org.clients.self.get(`${V}/rutine/pdf`)).status).toBe(404);
    });

    it('refuses bad input naming the field, and stores nothing', async () => {
      const unknown = await org.clients.hr.put<ErrorReply>(`${V}/rutine/utkast`, {
        version: 0,
        answers: { ...draft.answers, diagnose: 'x' },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.fields?.map((f) => f.path)).toContain('answers');
      const long = await org.clients.hr.put<ErrorReply>(`${V}/rutine/utkast`, {
        version: 0,
        answers: { ...draft.answers, hva: 'x'.repeat(5001) },
      });
      expect(long.status).toBe(400);
      expect(long.body.error.fields?.map((f) => f.path)).toEqual(['answers.hva']);
      const noVersion = await org.clients.hr.put<ErrorReply>(`${V}/rutine/utkast`, {
        answers: draft.answers,
      });
      expect(noVersion.status).toBe(400);
      expect(noVersion.body.error.fields?.map((f) => f.path)).toEqual(['version']);
      expect(await t.db.selectFrom('varsling_routine').selectAll().execute()).toEqual([]);
    });

    it('HR saves the draft (audit in the same transaction); a second start of a new draft is a 409', async () => {
      const saved = expectStatus(
        await org.clients.hr.put<RoutineDraftView>(`${V}/rutine/utkast`, {
          version: 0,
          answers: { ...draft.answers, oppfordring: 'Si fra! Vi vil vite om det.', behandling: '' },
        }),
        200,
      ).body;
      expect(saved).toMatchObject({ version: 1, number: 1, saved: true, updatedOn: today });
      const rows = await t.db.selectFrom('varsling_routine').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        organisation_id: org.orgId,
        number: 1,
        status: 'utkast',
        version: 1,
        updated_by: org.userIds.hr,
        published_on: null,
      });
      expect(rows[0]?.answers).toMatchObject({ oppfordring: 'Si fra! Vi vil vite om det.' });
      expect(JSON.stringify(rows[0]?.answers)).toContain('Si fra!');
      const again = await org.clients.hr.put<ErrorReply>(`${V}/rutine/utkast`, {
        version: 0,
        answers: draft.answers,
      });
      expect(again.status).toBe(409);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'actor_user_id'])
        .where('entity_type', '=', 'varsling_routine')
        .execute();
      expect(audit).toEqual([{ action: 'create', actor_user_id: org.userIds.hr }]);
      draft = saved;
    });

    it('publishing needs the topics § 2 A-6 (4) requires and a cooperation date not in the future', async () => {
      const bad = await org.clients.hr.post<ErrorReply>(`${V}/rutine/publiser`, {
        version: draft.version,
        cooperationWith: 'Tillitsvalgt og verneombud',
        cooperationOn: addDays(today, 3),
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields?.map((f) => f.path).sort()).toEqual([
        'answers.behandling',
        'cooperationOn',
      ]);
      const missing = await org.clients.hr.post<ErrorReply>(`${V}/rutine/publiser`, {
        version: draft.version,
        cooperationOn: today,
      });
      expect(missing.status).toBe(400);
      expect(missing.body.error.fields?.map((f) => f.path)).toEqual(['cooperationWith']);
      const row = await t.db.selectFrom('varsling_routine').selectAll().executeTakeFirstOrThrow();
      expect(row.status).toBe('utkast');
    });

    it('HR completes and publishes; the cooperation step is stored', async () => {
      draft = expectStatus(
        await org.clients.hr.put<RoutineDraftView>(`${V}/rutine/utkast`, {
          version: draft.version,
          answers: { ...draft.answers, behandling: 'Vi undersøker innen rimelig tid.' },
        }),
        200,
      ).body;
      expect(draft.version).toBe(2);
      const stale = await org.clients.hr.post<ErrorReply>(`${V}/rutine/publiser`, {
        version: 1,
        cooperationWith: 'Tillitsvalgt og verneombud',
        cooperationOn: today,
      });
      expect(stale.status).toBe(409);
      const done = expectStatus(
        await org.clients.hr.post<RoutineDraftView>(`${V}/rutine/publiser`, {
          version: draft.version,
          cooperationWith: 'Tillitsvalgt og verneombud',
          cooperationOn: today,
        }),
        200,
      ).body;
      expect(done.published).toMatchObject({
        number: 1,
        publishedOn: today,
        cooperationWith: 'Tillitsvalgt og verneombud',
      });
      expect(done).toMatchObject({ saved: false, number: 2, version: 0 });
      const row = await t.db.selectFrom('varsling_routine').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        status: 'publisert',
        published_on: today,
        published_by: org.userIds.hr,
        cooperation_with: 'Tillitsvalgt og verneombud',
        cooperation_on: today,
      });
    });

    it('every employee reads it and confirms once; HR sees who confirmed; the PDF downloads', async () => {
      const read = expectStatus(await org.clients.self.get<RoutineReadView>(`${V}/rutine`), 200).body;
      const routine = read.routine as PublishedRoutine;
      expect(routine).toMatchObject({ number: 1, readOn: null });
      expect(routine.answers.behandling).toBe('Vi undersøker innen rimelig tid.');
      const confirmed = expectStatus(
        await org.clients.self.post<RoutineReadView>(`${V}/rutine/lest`, { number: 1 }),
        200,
      ).body;
      expect(confirmed.routine?.readOn).toBe(today);
      expectStatus(await org.clients.self.post(`${V}/rutine/lest`, { number: 1 }), 200);
      expect((await org.clients.self.post(`${V}/rutine/lest`, { number: 2 })).status).toBe(409);
      expect((await org.clients.self.post<ErrorReply>(`${V}/rutine/lest`, { number: 'en' })).status).toBe(
        400,
      );
      const reads = await t.db.selectFrom('varsling_routine_read').selectAll().execute();
      expect(reads).toEqual([
        { organisation_id: org.orgId, number: 1, user_id: org.userIds.self, read_on: today },
      ]);
      const audit = await t.db
        .selectFrom('audit_log')
        .select('actor_user_id')
        .where('entity_type', '=', 'varsling_routine_read')
        .execute();
      expect(audit).toEqual([{ actor_user_id: org.userIds.self }]);
      const hrView = expectStatus(await org.clients.hr.get<RoutineDraftView>(`${V}/rutine/utkast`), 200).body;
      expect(hrView.reads.read).toEqual([{ name: org.names.self, readOn: today }]);
      expect(hrView.reads.members).toBeGreaterThan(5);
      const pdf = await org.clients.verneombud.get(`${V}/rutine/pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect(pdf.headers['content-disposition']).toContain('attachment');
      expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(ROUTINE_TOPICS.filter((topic) => topic.rule === 'lovkrav').length).toBeGreaterThanOrEqual(3);
    });

    it('only admin/HR see and change the draft; another organisation sees only its own', async () => {
      for (const who of ACTORS) {
        const mayEdit = who === 'admin' || who === 'hr' || who === 'otherOrg';
        expect((await org.clients[who].get(`${V}/rutine/utkast`)).status, who).toBe(mayEdit ? 200 : 404);
        if (!mayEdit) {
          expect(
            (await org.clients[who].put(`${V}/rutine/utkast`, { version: 0, answers: {} })).status,
            who,
          ).toBe(404);
          expect(
            (
              await org.clients[who].post(`${V}/rutine/publiser`, {
                version: 0,
                cooperationWith: 'x',
                cooperationOn: today,
              })
            ).status,
            who,
          ).toBe(404);
        }
        expect((await org.clients[who].get(`${V}/rutine`)).status, who).toBe(200);
      }
      const foreign = expectStatus(await org.clients.otherOrg.get<RoutineReadView>(`${V}/rutine`), 200).body;
      expect(foreign.routine).toBeNull();
      const foreignDraft = expectStatus(
        await org.clients.otherOrg.get<RoutineDraftView>(`${V}/rutine/utkast`),
        200,
      ).body;
      expect(foreignDraft.published).toBeNull();
      expect((await org.clients.otherOrg.get(`${V}/rutine/pdf`)).status).toBe(404);
    });
  });

  describe('the gjengjeldelse checklist (aml § 2 A-3 (2), § 2 A-4)', () => {
    let caseId: string;

    it('a change needs its date, who decided and why (400 naming each); nothing stored', async () => {
      caseId = await namedCase('Sjekklistesak');
      const v = await view(caseId);
      expect(v.retaliation).toEqual({ checkedOn: null, entries: [] });
      const gj = v.deadlines.find((d) => d.kind === 'gjengjeldelse');
      expect(gj).toMatchObject({ due: addDays(today, 14), open: true, kindOfRule: 'anbefalt' });
      const bad = await org.clients.hr.post<ErrorReply>(`${V}/saker/${caseId}/gjengjeldelse`, {
        version: v.version,
        area: 'arbeidsoppgaver',
        finding: 'endret',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields?.map((f) => f.path).sort()).toEqual(['changedOn', 'decidedBy', 'reason']);
      const area = await org.clients.hr.post<ErrorReply>(`${V}/saker/${caseId}/gjengjeldelse`, {
        version: v.version,
        area: 'helse',
        finding: 'ingen-endring',
      });
      expect(area.status).toBe(400);
      expect(area.body.error.fields?.map((f) => f.path)).toEqual(['area']);
      expect(await t.db.selectFrom('varsling_retaliation').selectAll().execute()).toEqual([]);
    });

    it('an entry is stored sealed (no plaintext), audited, and shown decrypted to the handlers', async () => {
      const v = await view(caseId);
      const saved = expectStatus(
        await org.clients.hr.post<CaseView>(`${V}/saker/${caseId}/gjengjeldelse`, {
          version: v.version,
          area: 'arbeidsoppgaver',
          finding: 'endret',
          changedOn: today,
          decidedBy: 'Lise Leder',
          reason: `Omorganisering vedtatt før varselet ${SECRET}`,
        }),
        201,
      ).body;
      expect(saved.retaliation.entries).toEqual([
        expect.objectContaining({
          area: 'arbeidsoppgaver',
          finding: 'endret',
          changedOn: today,
          decidedBy: 'Lise Leder',
          reason: `Omorganisering vedtatt før varselet ${SECRET}`,
          recordedOn: today,
          recordedBy: 'Hanne HR',
        }),
      ]);
      const rows = await t.db.selectFrom('varsling_retaliation').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        organisation_id: org.orgId,
        case_id: caseId,
        area: 'arbeidsoppgaver',
        finding: 'endret',
        recorded_on: today,
        recorded_by: org.userIds.hr,
      });
      const stored = Buffer.from(rows[0]?.detail ?? new Uint8Array());
      expect(stored.toString('latin1')).not.toContain(SECRET);
      expect(stored.toString('hex')).not.toContain(hex(SECRET));
      expect(stored.toString('latin1')).not.toContain('Lise Leder');
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['actor_user_id', 'detail'])
        .where('entity_type', '=', 'varsling_case')
        .where('entity_id', '=', caseId)
        .where('action', '=', 'update')
        .execute();
      expect(audit.map((a) => [a.actor_user_id, JSON.stringify(a.detail)])).toEqual([
        [org.userIds.hr, JSON.stringify({ step: 'gjengjeldelse' })],
      ]);
      // The other handler sees the same; an excluded or other user gets 404 and nothing is written.
      expect((await view(caseId, 'tillitsvalgt')).retaliation.entries).toHaveLength(1);
      for (const who of ['admin', 'self', 'verneombud', 'otherOrg'] as const) {
        const reply = await org.clients[who].post(`${V}/saker/${caseId}/gjengjeldelse`, {
          version: saved.version,
          area: 'lonn',
          finding: 'ingen-endring',
        });
        expect(reply.status, who).toBe(404);
      }
      expect(await t.db.selectFrom('varsling_retaliation').selectAll().execute()).toHaveLength(1);
    });

    it('is marked done only when every area is assessed; then its deadline is closed and not reminded', async () => {
      let v = await view(caseId);
      const early = await org.clients.hr.post<ErrorReply>(`${V}/saker/${caseId}/gjengjeldelse/ferdig`, {
        version: v.version,
      });
      expect(early.status).toBe(400);
      expect(early.body.error.fields?.map((f) => f.path)).toEqual([
        'areas.lonn',
        'areas.stilling',
        'areas.arbeidstid',
        'areas.arbeidssted',
        'areas.sosialt',
        'areas.tiltak',
      ]);
      for (const area of ['lonn', 'stilling', 'arbeidstid', 'arbeidssted', 'sosialt', 'tiltak']) {
        v = expectStatus(
          await org.clients.hr.post<CaseView>(`${V}/saker/${caseId}/gjengjeldelse`, {
            version: v.version,
            area,
            finding: area === 'sosialt' ? 'ikke-kjent' : 'ingen-endring',
            note: area === 'sosialt' ? 'Spør varsleren' : '',
          }),
          201,
        ).body;
      }
      expect(
        (await org.clients.hr.post(`${V}/saker/${caseId}/gjengjeldelse/ferdig`, { version: v.version - 1 }))
          .status,
      ).toBe(409);
      v = expectStatus(
        await org.clients.hr.post<CaseView>(`${V}/saker/${caseId}/gjengjeldelse/ferdig`, {
          version: v.version,
        }),
        200,
      ).body;
      expect(v.retaliation.checkedOn).toBe(today);
      expect(v.deadlines.find((d) => d.kind === 'gjengjeldelse')?.open).toBe(false);
      expect((await caseRow(caseId)).retaliation_checked_on).toBe(today);
      const deadlines = await varslingDeadlines(t.db, {
        from: today,
        to: addDays(today, 30),
        today,
        organisationId: org.orgId,
      });
      expect(deadlines.filter((d) => d.subjectId === caseId && d.itemKey === 'gjengjeldelse')).toEqual([]);
    });

    it('an open checklist is reminded to the case’s handlers only, 3 days before and on the day', async () => {
      const other = await anonymousCase('Åpen sjekkliste');
      const deadlines = await varslingDeadlines(t.db, {
        from: today,
        to: addDays(today, 30),
        today,
        organisationId: org.orgId,
      });
      const gj = deadlines.find((d) => d.subjectId === other && d.itemKey === 'gjengjeldelse');
      expect(gj?.reminderDates).toEqual([addDays(today, 11), addDays(today, 14)]);
      expect(gj?.recipients).toEqual({
        kind: 'users',
        userIds: expect.arrayContaining([org.userIds.hr, org.userIds.tillitsvalgt, org.userIds.lederA]),
      });
      expect(gj?.title.nb).toContain('anbefalt');
    });
  });

  describe('hand-over to avvik and the personal-data breach clock', () => {
    it('hands over only after the assessment «avvik»; without the reporter’s identity; once', async () => {
      const id = await namedCase('Dette er egentlig et avvik');
      let v = await view(id);
      const early = await org.clients.hr.post<ErrorReply>(`${V}/saker/${id}/avvik`, {
        version: v.version,
        category: 'hms',
        description: 'Løs kabel i gangen',
      });
      expect(early.status).toBe(409);
      v = await assessAs(id, 'avvik');
      const bad = await org.clients.hr.post<ErrorReply>(`${V}/saker/${id}/avvik`, {
        version: v.version,
        category: 'personskade',
        description: '',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields?.map((f) => f.path).sort()).toEqual(['category', 'description']);
      expect(await t.db.selectFrom('avvik').selectAll().execute()).toEqual([]);
      v = expectStatus(
        await org.clients.hr.post<CaseView>(`${V}/saker/${id}/avvik`, {
          version: v.version,
          category: 'hms',
          description: 'Løs kabel i gangen ved lageret',
        }),
        201,
      ).body;
      expect(v.avvikId).toMatch(/^[0-9a-f-]{36}$/);
      const avvik = await t.db
        .selectFrom('avvik')
        .selectAll()
        .where('id', '=', v.avvikId ?? '')
        .executeTakeFirstOrThrow();
      expect(avvik).toMatchObject({
        organisation_id: org.orgId,
        reporter_user_id: org.userIds.hr,
        category: 'hms',
        description: 'Løs kabel i gangen ved lageret',
        personal_data: false,
      });
      expect(avvik.description).not.toContain(org.names.self);
      expect((await caseRow(id)).avvik_id).toBe(v.avvikId);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['actor_user_id', 'detail'])
        .where('entity_type', '=', 'avvik')
        .where('entity_id', '=', v.avvikId ?? '')
        .execute();
      expect(audit).toEqual([
        { actor_user_id: org.userIds.hr, detail: { category: 'hms', source: 'varsling' } },
      ]);
      const twice = await org.clients.hr.post(`${V}/saker/${id}/avvik`, {
        version: v.version,
        category: 'hms',
        description: 'Igjen',
      });
      expect(twice.status).toBe(409);
      expect(await t.db.selectFrom('avvik').selectAll().execute()).toHaveLength(1);
    });

    it('names the reporter only with their consent, and never for an anonymous report', async () => {
      const anonymous = await anonymousCase('Anonymt avvik');
      let v = await assessAs(anonymous, 'avvik');
      const refused = await org.clients.hr.post<ErrorReply>(`${V}/saker/${anonymous}/avvik`, {
        version: v.version,
        category: 'kvalitet',
        description: 'Feil i rutinen',
        includeReporter: true,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields?.map((f) => f.path)).toEqual(['includeReporter']);
      expect((await caseRow(anonymous)).avvik_id).toBeNull();
      const named = await namedCase('Navngitt avvik');
      v = await assessAs(named, 'avvik');
      v = expectStatus(
        await org.clients.hr.post<CaseView>(`${V}/saker/${named}/avvik`, {
          version: v.version,
          category: 'kvalitet',
          description: 'Feil i rutinen',
          includeReporter: true,
        }),
        201,
      ).body;
      const avvik = await t.db
        .selectFrom('avvik')
        .selectAll()
        .where('id', '=', v.avvikId ?? '')
        .executeTakeFirstOrThrow();
      expect(avvik.description).toContain(org.names.self);
      expect(avvik.description).toContain('samtykket');
    });

    it('a breach starts the 72 hours from awareness: a personvernavvik, its reminders, a lovkrav deadline to the handlers', async () => {
      const id = await anonymousCase('Persondata på avveie');
      let v = await view(id);
      const future = await org.clients.hr.post<ErrorReply>(`${V}/saker/${id}/personvern`, {
        version: v.version,
        awareAt: new Date(Date.now() + 3_600_000).toISOString(),
        description: 'Lønnsliste sendt til feil mottaker',
      });
      expect(future.status).toBe(400);
      expect(future.body.error.fields?.map((f) => f.path)).toEqual(['awareAt']);
      const malformed = await org.clients.hr.post<ErrorReply>(`${V}/saker/${id}/personvern`, {
        version: v.version,
        awareAt: 'i går',
        description: '',
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.fields?.map((f) => f.path).sort()).toEqual(['awareAt', 'description']);
      expect(await t.db.selectFrom('avvik_privacy').selectAll().execute()).toEqual([]);
      const awareAt = new Date(Date.now() - 60_000);
      v = expectStatus(
        await org.clients.hr.post<CaseView>(`${V}/saker/${id}/personvern`, {
          version: v.version,
          awareAt: awareAt.toISOString(),
          description: 'Lønnsliste sendt til feil mottaker',
        }),
        201,
      ).body;
      const notifyBy = new Date(awareAt.getTime() + 72 * 3_600_000);
      expect(v.breach).toMatchObject({
        awareAt: awareAt.toISOString(),
        notifyBy: notifyBy.toISOString(),
        decidedOn: null,
      });
      const deadline = v.deadlines.find((d) => d.kind === 'personvern');
      expect(deadline).toMatchObject({
        due: osloToday(notifyBy),
        open: true,
        kindOfRule: 'lovkrav',
        basis: 'GDPR art. 33 (1)',
      });
      const row = await caseRow(id);
      expect(new Date(row.breach_aware_at ?? 0).toISOString()).toBe(awareAt.toISOString());
      const privacy = await t.db
        .selectFrom('avvik_privacy')
        .selectAll()
        .where('avvik_id', '=', row.breach_avvik_id ?? '')
        .executeTakeFirstOrThrow();
      expect(new Date(privacy.aware_at).toISOString()).toBe(awareAt.toISOString());
      const avvik = await t.db
        .selectFrom('avvik')
        .selectAll()
        .where('id', '=', privacy.avvik_id)
        .executeTakeFirstOrThrow();
      expect(avvik).toMatchObject({
        category: 'personvern',
        personal_data: true,
        reporter_user_id: org.userIds.hr,
      });
      const jobs = await t.db
        .selectFrom('job')
        .select('key')
        .where('key', 'like', `avvik.personvern-paminnelse:%${privacy.avvik_id}%`)
        .execute();
      expect(jobs).toHaveLength(2);
      const reminders = await varslingDeadlines(t.db, {
        from: today,
        to: addDays(today, 5),
        today,
        organisationId: org.orgId,
      });
      const personvern = reminders.find((d) => d.subjectId === id && d.itemKey === 'personvern');
      expect(personvern?.title.nb).toContain('lovkrav');
      expect(personvern?.recipients).toEqual({
        kind: 'users',
        userIds: expect.arrayContaining([org.userIds.hr, org.userIds.tillitsvalgt, org.userIds.lederA]),
      });
      expect(
        (
          await org.clients.hr.post(`${V}/saker/${id}/personvern`, {
            ...{ version: v.version },
            awareAt: awareAt.toISOString(),
            description: 'x',
          })
        ).status,
      ).toBe(409);
      v = expectStatus(
        await org.clients.hr.post<CaseView>(`${V}/saker/${id}/personvern/avgjort`, { version: v.version }),
        200,
      ).body;
      expect(v.breach?.decidedOn).toBe(today);
      expect(v.deadlines.find((d) => d.kind === 'personvern')?.open).toBe(false);
      expect((await caseRow(id)).breach_decided_on).toBe(today);
      expect(
        (await org.clients.hr.post(`${V}/saker/${id}/personvern/avgjort`, { version: v.version })).status,
      ).toBe(409);
    });
  });

  describe('legal hold and the handler’s own files', () => {
    it('a hold needs a reason; it is stored sealed; the retention job keeps the case until it is released', async () => {
      const id = await anonymousCase('Tvist');
      let v = await assessAs(id, 'varsling');
      const noReason = await org.clients.hr.post<ErrorReply>(`${V}/saker/${id}/rettslig-hold`, {
        version: v.version,
        hold: true,
      });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.fields?.map((f) => f.path)).toEqual(['reason']);
      expect((await caseRow(id)).legal_hold).toBe(false);
      v = expectStatus(
        await org.clients.hr.post<CaseView>(`${V}/saker/${id}/avslutt`, {
          version: v.version,
          text: 'Avsluttet',
        }),
        200,
      ).body;
      v = expectStatus(
        await org.clients.tillitsvalgt.post<CaseView>(`${V}/saker/${id}/rettslig-hold`, {
          version: v.version,
          hold: true,
          reason: `Varsleren har varslet søksmål ${SECRET}`,
        }),
        200,
      ).body;
      expect(v.legalHold).toEqual({
        since: today,
        by: 'Tor Tillitsvalgt',
        reason: `Varsleren har varslet søksmål ${SECRET}`,
      });
      const row = await caseRow(id);
      expect(row).toMatchObject({
        legal_hold: true,
        legal_hold_on: today,
        legal_hold_by: org.userIds.tillitsvalgt,
      });
      expect(Buffer.from(row.legal_hold_reason ?? new Uint8Array()).toString('latin1')).not.toContain(SECRET);
      expect(
        (await org.clients.admin.post(`${V}/saker/${id}/rettslig-hold`, { version: v.version, hold: false }))
          .status,
      ).toBe(404);
      const later = addDays(today, 3 * 366 + 1);
      expect(await runVarslingRetention(t.db, later)).toBe(0);
      expect((await caseRow(id)).id).toBe(id);
      v = expectStatus(
        await org.clients.hr.post<CaseView>(`${V}/saker/${id}/rettslig-hold`, {
          version: v.version,
          hold: false,
        }),
        200,
      ).body;
      expect(v.legalHold).toBeNull();
      expect(await caseRow(id)).toMatchObject({
        legal_hold: false,
        legal_hold_on: null,
        legal_hold_by: null,
        legal_hold_reason: null,
      });
      const steps = await t.db
        .selectFrom('audit_log')
        .select('detail')
        .where('entity_type', '=', 'varsling_case')
        .where('entity_id', '=', id)
        .where('action', '=', 'update')
        .execute();
      expect(steps.map((s) => JSON.stringify(s.detail))).toEqual(
        expect.arrayContaining([
          JSON.stringify({ step: 'rettslig-hold' }),
          JSON.stringify({ step: 'rettslig-hold-av' }),
        ]),
      );
      expect(await runVarslingRetention(t.db, later)).toBeGreaterThanOrEqual(1);
      expect(await t.db.selectFrom('varsling_case').select('id').where('id', '=', id).execute()).toEqual([]);
    });

    it('a handler uploads evidence: sniffed, metadata stripped, sealed; others get 404; bad files are refused', async () => {
      const id = await anonymousCase('Med bilag');
      const upload = (who: Actor, file: { name: string; type: string; data: Buffer }) => {
        const { body, headers } = multipart(file);
        return org.clients[who].request<CaseView & ErrorReply>(
          'POST',
          `${V}/saker/${id}/vedlegg`,
          body,
          headers,
        );
      };
      const saved = expectStatus(
        await upload('hr', { name: 'bilde.jpg', type: 'image/jpeg', data: jpegWithExif(SECRET) }),
        201,
      ).body;
      expect(saved.files).toEqual([
        expect.objectContaining({ from: 'behandler', name: 'bilde.jpg', type: 'image/jpeg' }),
      ]);
      const rows = await t.db.selectFrom('varsling_file').selectAll().where('case_id', '=', id).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ author: 'behandler', author_user_id: org.userIds.hr, sent_on: today });
      expect(Buffer.from(rows[0]?.content ?? new Uint8Array()).toString('latin1')).not.toContain(SECRET);
      const download = await org.clients.tillitsvalgt.get(`${V}/saker/${id}/vedlegg/${rows[0]?.id}`);
      expect(download.status).toBe(200);
      expect(download.raw.rawPayload.toString('latin1')).not.toContain(SECRET);
      expect(download.raw.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      // A GIF (metadata cannot be stripped) is refused whatever the browser says it is.
      const gif = Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.alloc(32, 0)]);
      const refused = await upload('hr', { name: 'x.jpg', type: 'image/jpeg', data: gif });
      expect(refused.status).toBe(415);
      expect(refused.body.error.fields?.map((f) => f.path)).toEqual(['fil']);
      for (const who of ['admin', 'self', 'verneombud', 'otherOrg'] as const) {
        expect(
          (await upload(who, { name: 'b.jpg', type: 'image/jpeg', data: jpegWithExif('x') })).status,
          who,
        ).toBe(404);
      }
      const empty = await org.clients.hr.request<ErrorReply>(
        'POST',
        `${V}/saker/${id}/vedlegg`,
        Buffer.from('--x--\r\n'),
        {
          'content-type': 'multipart/form-data; boundary=x',
        },
      );
      expect(empty.status).toBe(400);
      expect(
        await t.db.selectFrom('varsling_file').selectAll().where('case_id', '=', id).execute(),
      ).toHaveLength(1);
    });
  });

  it('a channel-key rotation re-seals the checklist entries and the hold reason; they still open', async () => {
    const id = await namedCase('Rotasjon');
    let v = await view(id);
    v = expectStatus(
      await org.clients.hr.post<CaseView>(`${V}/saker/${id}/gjengjeldelse`, {
        version: v.version,
        area: 'lonn',
        finding: 'endret',
        changedOn: today,
        decidedBy: 'Lønnsutvalget',
        reason: `Tariffoppgjør ${SECRET}`,
      }),
      201,
    ).body;
    v = expectStatus(
      await org.clients.hr.post<CaseView>(`${V}/saker/${id}/rettslig-hold`, {
        version: v.version,
        hold: true,
        reason: `Krav ${SECRET}`,
      }),
      200,
    ).body;
    const before = await t.db
      .selectFrom('varsling_retaliation')
      .select(['id', 'detail'])
      .where('case_id', '=', id)
      .execute();
    const holdBefore = (await caseRow(id)).legal_hold_reason;
    const { keyVersion } = await rotateChannelKey(t.db, org.orgId, await loadKeyring());
    const after = await t.db
      .selectFrom('varsling_retaliation')
      .select(['id', 'detail', 'key_version'])
      .where('case_id', '=', id)
      .execute();
    expect(after[0]?.key_version).toBe(keyVersion);
    expect(
      Buffer.from(after[0]?.detail ?? new Uint8Array()).equals(
        Buffer.from(before[0]?.detail ?? new Uint8Array()),
      ),
    ).toBe(false);
    expect(
      Buffer.from((await caseRow(id)).legal_hold_reason ?? new Uint8Array()).equals(
        Buffer.from(holdBefore ?? new Uint8Array()),
      ),
    ).toBe(false);
    const reopened = await view(id);
    expect(reopened.retaliation.entries[0]?.reason).toBe(`Tariffoppgjør ${SECRET}`);
    expect(reopened.legalHold?.reason).toBe(`Krav ${SECRET}`);
  });

  it('authorization: every new case route × every role × handler / excluded handler / other organisation', async () => {
    const before = await allCaseIds();
    expectStatus(
      await anon.post(`${V}/kanal/${channelId}/varsel`, {
        ...report('Matrise'),
        excludeHandlerIds: [org.userIds.tillitsvalgt],
      }),
      201,
    );
    const [id] = await newCaseIds(before);
    const version = (await caseRow(id ?? '')).version;
    const routes: [string, Record<string, unknown>][] = [
      ['gjengjeldelse', { version: 999, area: 'lonn', finding: 'ingen-endring' }],
      ['gjengjeldelse/ferdig', { version: 999 }],
      ['avvik', { version: 999, category: 'hms', description: 'x' }],
      ['personvern', { version: 999, awareAt: new Date().toISOString(), description: 'x' }],
      ['personvern/avgjort', { version: 999 }],
      ['rettslig-hold', { version: 999, hold: true, reason: 'x' }],
    ];
    for (const who of ACTORS) {
      const opener = who === 'hr' || who === 'lederA';
      for (const [route, body] of routes) {
        expect(
          (await org.clients[who].post(`${V}/saker/${id}/${route}`, body)).status,
          `${who} ${route}`,
        ).toBe(opener ? 409 : 404);
      }
    }
    expect((await caseRow(id ?? '')).version).toBe(version);
    const loggedOut = t.client();
    await loggedOut.refreshSession();
    expect((await loggedOut.post(`${V}/saker/${id}/rettslig-hold`, { version: 1, hold: false })).status).toBe(
      401,
    );
    expect((await loggedOut.get(`${V}/rutine`)).status).toBe(401);
  });
});
