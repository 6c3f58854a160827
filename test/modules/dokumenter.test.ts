/**
 * The oppfølgingsplan (issue 5): create → save → versions and diff; 409 on a stale version; the
 * employee comments and approves on their own login; scope (another leader, another organisation →
 * 404); the PDF parsed back to text; sending to the sykmelder marks the milestone done with the plan
 * as evidence; health-word hints; every read audited.
 */
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PlanDto } from '../../src/contracts/dokumenter/dokumenter.schemas.ts';
import type { CaseView } from '../../src/contracts/sykefravaer/sykefravaer.schemas.ts';
import { addDays, formatNorwegian } from '../../src/domain/calendar/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, daysAgo, type SickOrg, today } from '../support/sykefravaer-org.ts';

const SB = '/api/v1/sykefravaer';
type PlanOrNull = { caseStart: string | null; plan: PlanDto | null };
type Diff = {
  from: number;
  to: number;
  changes: { field: string; before: string | null; after: string | null }[];
};

describeEachDatabase('oppfølgingsplan on %s', (kind) => {
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
        end: addDays(today(), 30),
        grade: 100,
        version: 0,
      }),
      201,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has no plan at first, then the leader creates the draft for the current case', async () => {
    const lederA = org.clients.lederA;
    const empty = expectStatus(await lederA.get<PlanOrNull>(url), 200).body;
    expect(empty).toEqual({ caseStart, plan: null });
    plan = expectStatus(await lederA.post<PlanDto>(url), 201).body;
    expect(plan).toMatchObject({ caseStart, status: 'utkast', version: 1, contentVersion: 1, content: {} });
    expectStatus(await lederA.post(url), 409);
  });

  it('another leader, a colleague and another organisation get 404; the employee reads via /me only', async () => {
    for (const who of ['lederB', 'otherAnsatt', 'self', 'verneombud', 'bht', 'otherOrg'] as const) {
      expectStatus(await org.clients[who].get(url), 404);
      expectStatus(await org.clients[who].get(`${url}/${plan.id}/pdf`), 404);
      expectStatus(await org.clients[who].put(`${url}/${plan.id}`, { content: {}, version: 1 }), 404);
    }
    expectStatus(await org.clients.lederB.get(`${SB}/me/oppfolgingsplan`), 200);
    const mine = expectStatus(await org.clients.self.get<PlanOrNull>(`${SB}/me/oppfolgingsplan`), 200).body;
    expect(mine.plan?.id).toBe(plan.id);
    // Another employee cannot reach this plan through their own /me routes.
    expectStatus(
      await org.clients.otherAnsatt.post(`${SB}/me/oppfolgingsplan/${plan.id}/comments`, {
        section: 'arbeid',
        text: 'Hei',
      }),
      404,
    );
  });

  it('saves twice as versions 1..3 with a readable diff; a stale version is 409 and keeps the first save', async () => {
    const lederA = org.clients.lederA;
    const first = expectStatus(
      await lederA.put<PlanDto>(`${url}/${plan.id}`, {
        content: { typicalWorkDay: 'Morgenmøte, så besøk hos brukere i sone nord.', canDo: 'Kontorarbeid' },
        version: plan.version,
      }),
      200,
    ).body;
    expect(first).toMatchObject({ version: 2, contentVersion: 2 });
    const stale = await lederA.put<{ error: { code: string; message: string } }>(`${url}/${plan.id}`, {
      content: { typicalWorkDay: 'Overskriver' },
      version: plan.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/Noen andre har endret/);
    // A second save seconds later belongs to the same editing session: it replaces version 2
    // (one stored version per session, issue 10) and still needs the version it read.
    const grouped = expectStatus(
      await lederA.put<PlanDto>(`${url}/${plan.id}`, {
        content: { ...first.content, canDo: 'Kontorarbeid' },
        version: first.version,
      }),
      200,
    ).body;
    expect(grouped).toMatchObject({ version: 3, contentVersion: 2, status: 'utkast' });
    const storedV2 = await t.db
      .selectFrom('oppfolgingsplan_version')
      .select(['number', 'content'])
      .where('plan_id', '=', plan.id)
      .orderBy('number')
      .execute();
    expect(storedV2.map((r) => r.number)).toEqual([1, 2]);
    expect(JSON.stringify(storedV2[1]?.content)).toContain('Kontorarbeid');
    expect(
      (await lederA.put(`${url}/${plan.id}`, { content: { canDo: 'Gammel' }, version: first.version }))
        .status,
    ).toBe(409);
    // The session ends 30 minutes after the last write: age the last write, and the next save is version 3.
    await t.db
      .updateTable('oppfolgingsplan')
      .set({ updated_at: new Date(Date.now() - 31 * 60_000) })
      .where('id', '=', plan.id)
      .execute();
    const second = expectStatus(
      await lederA.put<PlanDto>(`${url}/${plan.id}`, {
        content: {
          ...first.content,
          canDo: 'Kontorarbeid og opplæring av lærlinger på sjåførrommet',
          cannotDo: 'Tunge løft og nattevakter på økonomiavdelingen',
          evaluationDate: addDays(today(), 14),
          participated: true,
          actions: [
            { what: 'Bestille hev-senk-pult', ownerKind: 'leader', deadline: addDays(today(), 7) },
            { what: 'Prøve kortere dager', ownerKind: 'employee' },
          ],
        },
        version: grouped.version,
      }),
      200,
    ).body;
    expect(second).toMatchObject({ version: 4, contentVersion: 3, status: 'utkast' });
    expect(second.content.typicalWorkDay).toBe('Morgenmøte, så besøk hos brukere i sone nord.');

    const versions = expectStatus(
      await lederA.get<{ items: { number: number }[] }>(`${url}/${plan.id}/versions`),
      200,
    ).body;
    expect(versions.items.map((v) => v.number)).toEqual([3, 2, 1]);
    const diff = expectStatus(await lederA.get<Diff>(`${url}/${plan.id}/versions/3/diff`), 200).body;
    expect(diff.from).toBe(2);
    expect(diff.changes.map((c) => c.field)).toEqual([
      'canDo',
      'cannotDo',
      'actions',
      'evaluationDate',
      'participated',
    ]);
    expect(diff.changes[0]).toMatchObject({ before: 'Kontorarbeid' });
    expect(diff.changes.find((c) => c.field === 'evaluationDate')?.after).toBe(
      formatNorwegian(addDays(today(), 14)),
    );
    const against1 = expectStatus(
      await lederA.get<Diff>(`${url}/${plan.id}/versions/3/diff?against=1`),
      200,
    ).body;
    expect(against1.changes.map((c) => c.field)).toContain('typicalWorkDay');
    expectStatus(await lederA.get(`${url}/${plan.id}/versions/9/diff`), 404);
    plan = second;
  });

  it('rejects over-long text and unknown fields such as a diagnosis', async () => {
    const lederA = org.clients.lederA;
    const long = await lederA.put(`${url}/${plan.id}`, {
      content: { canDo: 'x'.repeat(4001) },
      version: plan.version,
    });
    expect(long.status).toBe(400);
    const diagnosis = await lederA.put(`${url}/${plan.id}`, {
      content: { diagnose: 'F32' },
      version: plan.version,
    });
    expect(diagnosis.status).toBe(400);
  });

  it('flags obvious health words without blocking the save', async () => {
    const saved = expectStatus(
      await org.clients.lederA.put<PlanDto>(`${url}/${plan.id}`, {
        content: {
          ...plan.content,
          wellbeingHard: 'Migrene gjør skjermarbeid vanskelig, og angst før møter.',
        },
        version: plan.version,
      }),
      200,
    ).body;
    expect(saved.healthWordWarnings).toEqual([{ field: 'wellbeingHard', words: ['migrene', 'angst'] }]);
    const cleaned = expectStatus(
      await org.clients.lederA.put<PlanDto>(`${url}/${plan.id}`, {
        content: { ...saved.content, wellbeingHard: 'Skjermarbeid over tid er vanskelig.' },
        version: saved.version,
      }),
      200,
    ).body;
    expect(cleaned.healthWordWarnings).toEqual([]);
    plan = cleaned;
  });

  it('the employee comments per section and approves the submitted version on their own login', async () => {
    const self = org.clients.self;
    const me = `${SB}/me/oppfolgingsplan/${plan.id}`;
    expectStatus(await self.post(`${me}/approve`, { version: plan.version }), 409); // not submitted yet
    const submitted = expectStatus(
      await org.clients.lederA.post<PlanDto>(`${url}/${plan.id}/submit`, { version: plan.version }),
      200,
    ).body;
    expect(submitted.status).toBe('til-godkjenning');
    const commented = expectStatus(
      await self.post<PlanDto>(`${me}/comments`, {
        section: 'tilrettelegging',
        text: 'Jeg ønsker å prøve hjemmekontor én dag.',
      }),
      201,
    ).body;
    expect(commented.comments).toMatchObject([
      {
        section: 'tilrettelegging',
        text: 'Jeg ønsker å prøve hjemmekontor én dag.',
        by: { name: 'Per Pleier' },
      },
    ]);
    expect(commented.version).toBe(submitted.version);
    // The leader cannot approve on the employee's behalf (no such employer route).
    expect(
      (await org.clients.lederA.post(`${url}/${plan.id}/approve`, { version: submitted.version })).status,
    ).toBe(404);
    const approved = expectStatus(
      await self.post<PlanDto>(`${me}/approve`, { version: submitted.version }),
      200,
    ).body;
    expect(approved.status).toBe('godkjent');
    expect(approved.approved).toMatchObject({
      by: { name: 'Per Pleier' },
      contentVersion: plan.contentVersion,
    });
    plan = approved;
  });

  it('produces a PDF whose text has the organisation, the employee, æøå, the version, dates and page numbers', async () => {
    const reply = await org.clients.lederA.get(`${url}/${plan.id}/pdf`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    expect(reply.headers['content-disposition']).toBe(
      `attachment; filename="oppfolgingsplan-per-pleier-v${plan.contentVersion}.pdf"`,
    );
    const buffer = reply.raw.rawPayload;
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(buffer) });
    const { text } = await parser.getText();
    await parser.destroy();
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Testbedriften AS');
    expect(flat).toContain('889 640 782');
    expect(flat).toContain('Oppfølgingsplan');
    expect(flat).toContain('Per Pleier');
    expect(flat).toContain('Tunge løft og nattevakter på økonomiavdelingen');
    expect(flat).toContain(`Versjon ${plan.contentVersion}`);
    expect(flat).toContain(formatNorwegian(caseStart));
    expect(flat).toContain(formatNorwegian(addDays(today(), 14)));
    expect(flat).toContain('Bestille hev-senk-pult');
    expect(flat).toMatch(/\d{2}\.\d{2}\.\d{4}/);
    expect(flat).toContain('Side 1 av');
    expect(flat).not.toMatch(/diagnose/i);
    // The employee's comment is printed under its section, with who and when (issue 10).
    expect(flat).toContain('Kommentarer');
    expect(flat).toContain('Per Pleier');
    expect(flat).toContain('Jeg ønsker å prøve hjemmekontor én dag.');
    expect(flat.indexOf('Jeg ønsker å prøve hjemmekontor')).toBeGreaterThan(
      flat.indexOf('Tilrettelegging i arbeidsgivers regi'),
    );
    expect(flat.indexOf('Jeg ønsker å prøve hjemmekontor')).toBeLessThan(
      flat.indexOf('Den viktige samtalen'),
    );
    // Empty fields are named once per section, not one «Ikke fylt ut.» each (5 sections at most).
    expect(flat).not.toContain('Ikke fylt ut.');
    expect((flat.match(/Ikke fylt ut:/g) ?? []).length).toBeLessThanOrEqual(5);
    expect(flat).toMatch(/Ikke fylt ut: [^.]+\./);
    // The employee downloads the same plan through their own route.
    const mine = await org.clients.self.get(`${SB}/me/oppfolgingsplan/${plan.id}/pdf`);
    expect(mine.status).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
  });

  it('«Hvem har åpnet saken min» shows the leader’s reads and download of the plan, not only of the case (issue 10)', async () => {
    type Log = { items: { action: string; document: string | null; user: { name: string } }[] };
    const log = expectStatus(await org.clients.self.get<Log>(`${SB}/me/access-log?pageSize=100`), 200).body;
    const leaderPlan = log.items.filter(
      (i) => i.user.name === 'Lise Leder' && i.document === 'oppfolgingsplan',
    );
    expect(leaderPlan.map((i) => i.action)).toContain('export');
    expect(leaderPlan.map((i) => i.action)).toContain('read');
    // HR sees the same lines on the case; another employee's documents are not among them.
    const hr = expectStatus(
      await org.clients.hr.get<Log>(`${SB}/employees/${org.employees.sick}/access-log?pageSize=100`),
      200,
    ).body;
    expect(hr.items.filter((i) => i.document === 'oppfolgingsplan').length).toBe(
      log.items.filter((i) => i.document === 'oppfolgingsplan').length,
    );
    const other = expectStatus(
      await org.clients.hr.get<Log>(`${SB}/employees/${org.employees.other}/access-log?pageSize=100`),
      200,
    ).body;
    expect(other.items.filter((i) => i.document === 'oppfolgingsplan')).toEqual([]);
  });

  it('saving an approved plan puts it back to utkast', async () => {
    const saved = expectStatus(
      await org.clients.lederA.put<PlanDto>(`${url}/${plan.id}`, {
        content: { ...plan.content, followUpHow: 'Samtale hver fredag kl. 10.' },
        version: plan.version,
      }),
      200,
    ).body;
    expect(saved.status).toBe('utkast');
    plan = saved;
  });

  it('sending to the sykmelder records the version and marks the oppfolgingsplan milestone done with the evidence', async () => {
    const sent = expectStatus(
      await org.clients.lederA.post<PlanDto>(`${url}/${plan.id}/send`, {
        recipient: 'sykmelder',
        note: 'Sendt per post',
      }),
      201,
    ).body;
    expect(sent.sendings).toMatchObject([
      {
        recipient: 'sykmelder',
        contentVersion: plan.contentVersion,
        note: 'Sendt per post',
        by: { name: 'Lise Leder' },
      },
    ]);
    const view = expectStatus(
      await org.clients.hr.get<CaseView>(`${SB}/employees/${org.employees.sick}`),
      200,
    ).body;
    const milestone = view.milestones.find((m) => m.key === 'oppfolgingsplan');
    expect(milestone?.state).toBe('done');
    expect(milestone?.done?.evidenceRef).toBe(`oppfolgingsplan:${plan.id}:v${plan.contentVersion}`);
    const nav = expectStatus(
      await org.clients.hr.post<PlanDto>(`${url}/${plan.id}/send`, { recipient: 'nav' }),
      201,
    ).body;
    expect(nav.sendings.map((s) => s.recipient)).toEqual(['sykmelder', 'nav']);
  });

  it('audits every read and the export', async () => {
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'oppfolgingsplan')
      .execute();
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'read').length).toBeGreaterThanOrEqual(5);
    expect(actions.filter((a) => a === 'export').length).toBe(2);
    expect(actions).toContain('create');
    expect(actions).toContain('update');
  });
});
