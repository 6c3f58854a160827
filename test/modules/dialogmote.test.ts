/**
 * Dialogmøte 1 (issue 5): plan → .ics per participant that parses, with the right local time and no
 * health details; the employee's consent for optional participants (400 naming the field without it);
 * 409 on a stale version; minutes mark the `dialogmote1` milestone done with the meeting as evidence;
 * the minutes PDF parsed back to text; scope (another leader → 404); the employee sees their meeting.
 */
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MeetingDto } from '../../src/contracts/dokumenter/dialogmote.schemas.ts';
import type { CaseView } from '../../src/contracts/sykefravaer/sykefravaer.schemas.ts';
import { addDays, formatNorwegian } from '../../src/domain/calendar/index.ts';
import { HEALTH_WORDS } from '../../src/domain/dokumenter/oppfolgingsplan.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, daysAgo, type SickOrg, today } from '../support/sykefravaer-org.ts';

const SB = '/api/v1/sykefravaer';
type ErrorBody = { error: { code: string; message: string; fields?: { path: string }[] } };
type List = { caseStart: string | null; items: MeetingDto[] };

describeEachDatabase('dialogmøte 1 on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let url: string;
  let meeting: MeetingDto;
  // 10:30 Norwegian time, whatever the season (the .ics must say 10:30 local).
  const day = addDays(today(), 10);
  const startsAt = `${day}T10:30`;
  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await buildSickOrg(t);
    url = `${SB}/employees/${org.employees.sick}/dialogmoter`;
    expectStatus(
      await org.clients.hr.post(`${SB}/employees/${org.employees.sick}/periods`, {
        type: 'sykmelding',
        start: daysAgo(30),
        end: addDays(today(), 40),
        grade: 100,
        version: 0,
      }),
      201,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const base = () => ({
    startsAt,
    durationMinutes: 60,
    place: 'Møterom Ærfugl, 2. etasje',
    participants: [
      { role: 'leder', name: 'Lise Leder', email: 'lise@example.no' },
      { role: 'ansatt', name: 'Per Pleier' },
    ] as Record<string, unknown>[],
  });

  it('refuses an optional participant without recorded consent, naming the field', async () => {
    const body = base();
    body.participants.push({ role: 'tillitsvalgt', name: 'Tove Tillit' });
    const reply = await org.clients.lederA.post<ErrorBody>(url, body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields?.map((f) => f.path)).toContain('participants.2.consent');
    expect(reply.body.error.message).toContain('participants.2.consent');
  });

  it('plans the meeting with consent recorded, and one that waits for the employee', async () => {
    const body = base();
    body.participants.push({ role: 'tillitsvalgt', name: 'Tove Tillit', consent: 'given' });
    body.participants.push({ role: 'bht', name: 'Berit BHT', consent: 'ask-employee' });
    meeting = expectStatus(await org.clients.lederA.post<MeetingDto>(url, body), 201).body;
    expect(meeting).toMatchObject({
      status: 'planlagt',
      version: 1,
      localStart: startsAt,
      durationMinutes: 60,
    });
    expect(meeting.participants.map((p) => [p.role, p.invited, p.employeeConsent])).toEqual([
      ['leder', true, true],
      ['ansatt', true, true],
      ['tillitsvalgt', true, true],
      ['bht', false, null],
    ]);
    expect(meeting.participants[2]?.consentBy?.name).toBe('Lise Leder');
  });

  it('makes one .ics per participant that parses, in Norwegian local time, without health words', async () => {
    for (const p of meeting.participants.filter((x) => x.invited)) {
      const reply = await org.clients.lederA.get(`${url}/${meeting.id}/invitation.ics?participant=${p.id}`);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^text\/calendar/);
      const text = reply.raw.rawPayload.toString('utf8');
      const lines = text.split(/\r?\n/);
      expect(lines[0]).toBe('BEGIN:VCALENDAR');
      expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
      expect(text).toContain('END:VCALENDAR');
      expect(text).toContain(`DTSTART;TZID=Europe/Oslo:${day.replaceAll('-', '')}T103000`);
      expect(text).toContain(`DTEND;TZID=Europe/Oslo:${day.replaceAll('-', '')}T113000`);
      expect(text).toContain('SUMMARY:Dialogmøte');
      expect(text).toContain('LOCATION:Møterom Ærfugl');
      const lower = text.toLowerCase();
      for (const word of HEALTH_WORDS) expect(lower).not.toContain(word.toLowerCase());
      expect(lower).not.toContain('diagnose');
    }
    // Not invited until the employee agrees.
    const bht = meeting.participants.find((p) => p.role === 'bht');
    expectStatus(
      await org.clients.lederA.get(`${url}/${meeting.id}/invitation.ics?participant=${bht?.id}`),
      409,
    );
  });

  it('the employee sees the meeting and agrees to the BHT joining; a stale version is 409', async () => {
    const mine = expectStatus(await org.clients.self.get<List>(`${SB}/me/dialogmoter`), 200).body;
    expect(mine.items.map((m) => m.id)).toEqual([meeting.id]);
    const bht = meeting.participants.find((p) => p.role === 'bht');
    const consentUrl = `${SB}/me/dialogmoter/${meeting.id}/participants/${bht?.id}/consent`;
    const agreed = expectStatus(
      await org.clients.self.post<MeetingDto>(consentUrl, { consent: true, version: meeting.version }),
      200,
    ).body;
    expect(agreed.participants.find((p) => p.role === 'bht')).toMatchObject({
      invited: true,
      employeeConsent: true,
      consentBy: { name: 'Per Pleier' },
    });
    expectStatus(await org.clients.self.post(consentUrl, { consent: false, version: meeting.version }), 409);
    const stale = await org.clients.lederA.put<ErrorBody>(`${url}/${meeting.id}`, {
      ...base(),
      version: meeting.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/Noen andre har endret/);
    // The employee downloads their own invitation.
    const self = agreed.participants.find((p) => p.role === 'ansatt');
    const ics = await org.clients.self.get(
      `${SB}/me/dialogmoter/${meeting.id}/invitation.ics?participant=${self?.id}`,
    );
    expect(ics.status).toBe(200);
    // Updating keeps the recorded consents of the participants it names.
    const updated = expectStatus(
      await org.clients.lederA.put<MeetingDto>(`${url}/${meeting.id}`, {
        startsAt,
        durationMinutes: 90,
        videoLink: 'https://video.example.no/mote/123',
        place: null,
        participants: agreed.participants.map((p) => ({ id: p.id, role: p.role, name: p.name })),
        version: agreed.version,
      }),
      200,
    ).body;
    expect(updated.durationMinutes).toBe(90);
    expect(updated.participants.every((p) => p.invited)).toBe(true);
    meeting = updated;
  });

  it('another leader and a colleague get 404', async () => {
    for (const who of ['lederB', 'otherAnsatt', 'self', 'otherOrg'] as const) {
      expectStatus(await org.clients[who].get(url), 404);
      expectStatus(await org.clients[who].get(`${url}/${meeting.id}/agenda`), 404);
      expectStatus(await org.clients[who].get(`${url}/${meeting.id}/referat.pdf`), 404);
    }
    const other = expectStatus(await org.clients.otherAnsatt.get<List>(`${SB}/me/dialogmoter`), 200).body;
    expect(other.items).toEqual([]);
  });

  it('builds the agenda from the plan plus fixed points', async () => {
    const planUrl = `${SB}/employees/${org.employees.sick}/oppfolgingsplan`;
    const plan = expectStatus(
      await org.clients.lederA.post<{ id: string; version: number }>(planUrl),
      201,
    ).body;
    expectStatus(
      await org.clients.lederA.put(`${planUrl}/${plan.id}`, {
        content: { canDo: 'Kontorarbeid' },
        version: plan.version,
      }),
      200,
    );
    const agenda = expectStatus(
      await org.clients.lederA.get<{ points: { title: { nb: string }; source: string }[] }>(
        `${url}/${meeting.id}/agenda`,
      ),
      200,
    ).body;
    expect(agenda.points[0]?.source).toBe('plan');
    expect(agenda.points.filter((p) => p.source === 'fixed')).toHaveLength(4);
  });

  it('the employee reads the same agenda; a second meeting is cancelled and listed as avlyst', async () => {
    type Agenda = { points: { title: { nb: string }; source: string }[] };
    const leaders = expectStatus(
      await org.clients.lederA.get<Agenda>(`${url}/${meeting.id}/agenda`),
      200,
    ).body;
    const own = expectStatus(
      await org.clients.self.get<Agenda>(`${SB}/me/dialogmoter/${meeting.id}/agenda`),
      200,
    ).body;
    expect(own.points.map((p) => p.title.nb)).toEqual(leaders.points.map((p) => p.title.nb));
    expect(own.points[0]?.source).toBe('plan');
    expectStatus(await org.clients.otherAnsatt.get(`${SB}/me/dialogmoter/${meeting.id}/agenda`), 404);

    const spare = expectStatus(
      await org.clients.lederA.post<MeetingDto>(url, { ...base(), startsAt: `${addDays(day, 7)}T09:00` }),
      201,
    ).body;
    const cancelled = expectStatus(
      await org.clients.lederA.post<MeetingDto>(`${url}/${spare.id}/cancel`, { version: spare.version }),
      200,
    ).body;
    expect(cancelled.status).toBe('avlyst');
    expectStatus(
      await org.clients.lederA.post(`${url}/${spare.id}/cancel`, { version: cancelled.version }),
      409,
    );
    const list = expectStatus(await org.clients.lederA.get<List>(url), 200).body;
    expect(list.items.map((m) => [m.id, m.status]).sort()).toEqual(
      [
        [meeting.id, 'planlagt'],
        [spare.id, 'avlyst'],
      ].sort(),
    );
    const stored = await t.db
      .selectFrom('dialogmote')
      .select(['status'])
      .where('id', '=', spare.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('avlyst');
  });

  it('the minutes mark the meeting held and the dialogmote1 milestone done with the evidence', async () => {
    const saved = expectStatus(
      await org.clients.lederA.put<MeetingDto>(`${url}/${meeting.id}/referat`, {
        summary:
          'Vi gikk gjennom oppgavene på lageret. Økt arbeidstid fra neste måned; å prøve lettere oppgaver.',
        agreedActions: [
          { what: 'Bestille hev-senk-pult', owner: 'Lise Leder', deadline: addDays(today(), 14) },
        ],
        version: meeting.version,
      }),
      200,
    ).body;
    expect(saved.status).toBe('gjennomfort');
    expect(saved.referat?.by.name).toBe('Lise Leder');
    const view = expectStatus(
      await org.clients.hr.get<CaseView>(`${SB}/employees/${org.employees.sick}`),
      200,
    ).body;
    const milestone = view.milestones.find((m) => m.key === 'dialogmote1');
    expect(milestone?.state).toBe('done');
    expect(milestone?.done?.evidenceRef).toBe(`dialogmote:${meeting.id}`);
    meeting = saved;
  });

  it('the minutes PDF has the organisation, the date, æøå and page numbers; the employee downloads it too', async () => {
    const reply = await org.clients.lederA.get(`${url}/${meeting.id}/referat.pdf`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(reply.raw.rawPayload) });
    const { text } = await parser.getText();
    await parser.destroy();
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Testbedriften AS');
    expect(flat).toContain('889 640 782');
    expect(flat).toContain(formatNorwegian(day));
    expect(flat).toContain('Referat fra dialogmøte 1');
    expect(flat).toContain('Økt arbeidstid fra neste måned; å prøve lettere oppgaver.');
    expect(flat).toContain('Bestille hev-senk-pult');
    expect(flat).toContain('Berit BHT');
    expect(flat).toContain('Side 1 av');
    expect(flat).not.toMatch(/diagnose/i);
    const mine = await org.clients.self.get(`${SB}/me/dialogmoter/${meeting.id}/referat.pdf`);
    expect(mine.status).toBe(200);
  });

  it('audits every read and export', async () => {
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'dialogmote')
      .execute();
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'read').length).toBeGreaterThanOrEqual(3);
    expect(actions.filter((a) => a === 'export').length).toBeGreaterThanOrEqual(5);
  });
});

type Samtale = { id: string; kind: string; heldOn: string; version: number; healthWordWarnings: unknown[] };

describeEachDatabase('samtalereferat on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await buildSickOrg(t);
    url = `${SB}/employees/${org.employees.sick}/samtalereferater`;
    expectStatus(
      await org.clients.hr.post(`${SB}/employees/${org.employees.sick}/periods`, {
        type: 'sykmelding',
        start: daysAgo(10),
        end: addDays(today(), 20),
        grade: 100,
        version: 0,
      }),
      201,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes, updates (409 when stale), lists for the employee and renders a PDF', async () => {
    const heldOn = daysAgo(2);
    const created = expectStatus(
      await org.clients.lederA.post<Samtale>(url, {
        kind: 'forste-kontakt',
        heldOn,
        summary: 'Vi snakket om oppgavene på lageret og en gradvis tilbakeføring; økt bemanning på fredager.',
        actions: [{ what: 'Ringe igjen neste uke', owner: 'Lise Leder', deadline: addDays(today(), 5) }],
      }),
      201,
    ).body;
    expect(created).toMatchObject({ kind: 'forste-kontakt', heldOn, version: 1, healthWordWarnings: [] });
    expectStatus(
      await org.clients.lederA.post(url, {
        kind: 'forste-kontakt',
        heldOn,
        summary: 'x'.repeat(2001),
        actions: [],
      }),
      400,
    );
    const body = {
      kind: 'oppfolging',
      heldOn,
      summary: 'Ukentlig samtale: går fint med kortere dager.',
      actions: [],
    };
    const updated = expectStatus(
      await org.clients.lederA.put<Samtale>(`${url}/${created.id}`, { ...body, version: 1 }),
      200,
    ).body;
    expect(updated).toMatchObject({ kind: 'oppfolging', version: 2 });
    expectStatus(await org.clients.lederA.put(`${url}/${created.id}`, { ...body, version: 1 }), 409);
    expectStatus(await org.clients.lederB.get(url), 404);
    const mine = expectStatus(
      await org.clients.self.get<{ items: Samtale[] }>(`${SB}/me/samtalereferater`),
      200,
    ).body;
    expect(mine.items.map((s) => s.id)).toEqual([created.id]);
    const reply = await org.clients.self.get(`${SB}/me/samtalereferater/${created.id}/pdf`);
    expect(reply.status).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(reply.raw.rawPayload) });
    const { text } = await parser.getText();
    await parser.destroy();
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Testbedriften AS');
    expect(flat).toContain('Samtalereferat: oppfølgingssamtale');
    expect(flat).toContain(formatNorwegian(heldOn));
    expect(flat).toContain('Side 1 av');

    // The leader's list and the employer's PDF read back the stored, updated referat.
    const listed = expectStatus(await org.clients.lederA.get<{ items: Samtale[] }>(url), 200).body;
    expect(listed.items.map((s) => [s.id, s.kind, s.version])).toEqual([[created.id, 'oppfolging', 2]]);
    const stored = await t.db
      .selectFrom('samtalereferat')
      .select(['kind', 'version'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ kind: 'oppfolging', version: 2 });
    const employerPdf = await org.clients.lederA.get(`${url}/${created.id}/pdf`);
    expect(employerPdf.status).toBe(200);
    expect(employerPdf.headers['content-type']).toContain('application/pdf');
    const employerParser = new PDFParse({ data: new Uint8Array(employerPdf.raw.rawPayload) });
    const employerText = (await employerParser.getText()).text.replace(/\s+/g, ' ');
    await employerParser.destroy();
    expect(employerText).toContain('Samtalereferat: oppfølgingssamtale');
    expect(employerText).toContain('kortere dager');
    expectStatus(await org.clients.lederB.get(`${url}/${created.id}/pdf`), 404);
  });
});
