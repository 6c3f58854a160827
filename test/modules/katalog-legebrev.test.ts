/**
 * The tilrettelegging catalogues and the letter to the doctor (issue 5): the default catalogue is
 * seeded once; HR edits, an employee cannot; the beredskapsplan's stale version is 409; a saved
 * letter's PDF parsed back to text (organisation, orgnr, employee, chosen tasks, "gradert", æøå,
 * date, page numbers, and no "diagnose"); scope like the case.
 */
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  ArbeidDto,
  LegebrevDraftDto,
  LegebrevDto,
  TiltakDto,
} from '../../src/contracts/dokumenter/katalog.schemas.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, type SickOrg } from '../support/sykefravaer-org.ts';

const K = '/api/v1/katalog';
type List<T> = { items: T[] };

describeEachDatabase('katalog and legebrev on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await buildSickOrg(t);
    url = `/api/v1/sykefravaer/employees/${org.employees.sick}/legebrev`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds the default catalogue once; every role reads it', async () => {
    const first = expectStatus(await org.clients.self.get<List<TiltakDto>>(`${K}/tiltak`), 200).body;
    expect(first.items.length).toBeGreaterThanOrEqual(9);
    expect(new Set(first.items.map((i) => i.kind))).toEqual(
      new Set(['psykososial', 'fysisk', 'organisatorisk']),
    );
    const again = expectStatus(await org.clients.hr.get<List<TiltakDto>>(`${K}/tiltak`), 200).body;
    expect(again.items.length).toBe(first.items.length);
    const arbeid = expectStatus(await org.clients.lederA.get<List<ArbeidDto>>(`${K}/arbeid`), 200).body;
    expect(arbeid.items.map((a) => a.title)).toContain('Oppfølging av lærlinger');
    const arbeid2 = expectStatus(await org.clients.bht.get<List<ArbeidDto>>(`${K}/arbeid`), 200).body;
    expect(arbeid2.items.length).toBe(arbeid.items.length);
  });

  it('HR adds, edits and deletes; an employee or a leader cannot (404)', async () => {
    const created = expectStatus(
      await org.clients.hr.post<TiltakDto>(`${K}/tiltak`, {
        kind: 'fysisk',
        title: 'Støydempende hodetelefoner',
      }),
      201,
    ).body;
    expect(created).toMatchObject({ kind: 'fysisk', active: true, description: '' });
    const edited = expectStatus(
      await org.clients.hr.put<TiltakDto>(`${K}/tiltak/${created.id}`, {
        kind: 'fysisk',
        title: 'Støydempende hodetelefoner',
        description: 'Til åpent landskap',
        active: false,
      }),
      200,
    ).body;
    expect(edited.active).toBe(false);
    for (const who of ['self', 'lederA', 'verneombud'] as const) {
      expectStatus(await org.clients[who].post(`${K}/tiltak`, { kind: 'fysisk', title: 'Nei' }), 404);
      expectStatus(await org.clients[who].delete(`${K}/tiltak/${created.id}`), 404);
    }
    expectStatus(
      await org.clients.otherOrg.put(`${K}/tiltak/${created.id}`, { kind: 'fysisk', title: 'X' }),
      404,
    );
    expectStatus(await org.clients.hr.delete(`${K}/tiltak/${created.id}`), 200);
    expectStatus(await org.clients.hr.delete(`${K}/tiltak/${created.id}`), 404);
    const task = expectStatus(
      await org.clients.admin.post<ArbeidDto>(`${K}/arbeid`, {
        title: 'Svare på e-post fra kunder',
        unitId: org.unitA,
      }),
      201,
    ).body;
    expect(task.unitId).toBe(org.unitA);
    const editedTask = expectStatus(
      await org.clients.hr.put<ArbeidDto>(`${K}/arbeid/${task.id}`, {
        title: 'Svare på e-post og telefon fra kunder',
        description: 'Kan gjøres sittende',
        unitId: null,
        active: false,
      }),
      200,
    ).body;
    expect(editedTask).toEqual({
      id: task.id,
      title: 'Svare på e-post og telefon fra kunder',
      description: 'Kan gjøres sittende',
      unitId: null,
      active: false,
    });
    const readBack = expectStatus(
      await org.clients.self.get<{ items: ArbeidDto[] }>(`${K}/arbeid`),
      200,
    ).body;
    expect(readBack.items.find((a) => a.id === task.id)).toEqual(editedTask);
    expectStatus(await org.clients.lederA.put(`${K}/arbeid/${task.id}`, { title: 'Nei' }), 404);
    expectStatus(await org.clients.otherOrg.delete(`${K}/arbeid/${task.id}`), 404);
    expectStatus(await org.clients.admin.delete(`${K}/arbeid/${task.id}`), 200);
    const stored = await t.db.selectFrom('tilpasset_arbeid').select('id').where('id', '=', task.id).execute();
    expect(stored).toEqual([]);
    expectStatus(await org.clients.admin.delete(`${K}/arbeid/${task.id}`), 404);
  });

  it('saves the beredskapsplan per unit; a stale version is 409 and keeps the first save', async () => {
    const plan = `${K}/beredskapsplan/${org.unitA}`;
    const empty = expectStatus(await org.clients.lederA.get<{ version: number }>(plan), 200).body;
    expect(empty.version).toBe(0);
    const saved = expectStatus(
      await org.clients.hr.put<{ version: number; covers: string }>(plan, {
        covers: 'Kari dekker for Ola på morgenvakt.',
        substitutes: 'Vikarpoolen i sone nord.',
        canWait: 'Årsrapporten og ryddeprosjektet.',
        version: 0,
      }),
      200,
    ).body;
    expect(saved.version).toBe(1);
    const stale = await org.clients.hr.put<{ error: { message: string } }>(plan, {
      covers: 'Overskriver',
      substitutes: '',
      canWait: '',
      version: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/Noen andre har endret/);
    const after = expectStatus(await org.clients.hr.get<{ covers: string; version: number }>(plan), 200).body;
    expect(after).toMatchObject({ covers: 'Kari dekker for Ola på morgenvakt.', version: 1 });
    expectStatus(
      await org.clients.self.put(plan, { covers: '', substitutes: '', canWait: '', version: 1 }),
      404,
    );
  });

  it('saves a letter and produces a PDF with the letterhead, the chosen items and "gradert"', async () => {
    const draft = expectStatus(await org.clients.lederA.get<LegebrevDraftDto>(url), 200).body;
    const tasks = draft.arbeid.filter((a) =>
      ['Oppfølging av lærlinger', 'Bestilling av materiell'].includes(a.title),
    );
    expect(tasks).toHaveLength(2);
    const measure = draft.tiltak.find((m) => m.kind === 'fysisk')!;
    expect(draft.contact.name).not.toBe('');
    const input = {
      selectedTiltakIds: [measure.id],
      selectedArbeidIds: tasks.map((a) => a.id),
      usualTasks: 'Pleie og stell på sykehjemmet, turnus med nattevakter.',
      extraText: 'Vi kan også tilby kortere dager i starten og gradvis økning.',
      contact: draft.contact,
    };
    const preview = expectStatus(
      await org.clients.lederA.post<{ healthWords: string[] }>(`${url}/preview`, {
        ...input,
        extraText: 'Hun har diagnose depresjon.',
      }),
      200,
    ).body;
    expect(preview.healthWords.length).toBeGreaterThan(0);
    const letter = expectStatus(await org.clients.lederA.post<LegebrevDto>(url, input), 201).body;
    expect(letter.input.selectedArbeidIds).toHaveLength(2);

    const reply = await org.clients.lederA.get(`${url}/${letter.id}/pdf`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    const buffer = reply.raw.rawPayload;
    const parser = new PDFParse({ data: new Uint8Array(buffer) });
    const { text } = await parser.getText();
    await parser.destroy();
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Testbedriften AS');
    expect(flat).toContain('889 640 782');
    expect(flat).toContain('Til behandlende lege');
    expect(flat).toContain('Per Pleier');
    expect(flat).toContain('Oppfølging av lærlinger');
    expect(flat).toContain('Bestilling av materiell');
    expect(flat).toContain(measure.title);
    expect(flat).toContain('gradert');
    expect(flat).toContain('avventende');
    expect(flat).toMatch(/[æøå]/);
    expect(flat).toMatch(/\d{2}\.\d{2}\.\d{4}/);
    expect(flat).toContain('Side 1 av');
    expect(flat).not.toMatch(/diagnose/i);

    const list = expectStatus(await org.clients.lederA.get<LegebrevDraftDto>(url), 200).body;
    expect(list.letters.map((l) => l.id)).toContain(letter.id);

    // Scope: another leader, a colleague, another organisation → 404.
    for (const who of ['lederB', 'otherAnsatt', 'verneombud', 'otherOrg'] as const) {
      expectStatus(await org.clients[who].get(url), 404);
      expectStatus(await org.clients[who].get(`${url}/${letter.id}/pdf`), 404);
      expectStatus(await org.clients[who].post(url, input), 404);
    }
    // The employee reads and downloads their own letter, but does not write one.
    const mine = expectStatus(await org.clients.self.get<LegebrevDto>(`${url}/${letter.id}`), 200).body;
    expect(mine.letter.title).toBe('Til behandlende lege');
    const myPdf = await org.clients.self.get(`${url}/${letter.id}/pdf`);
    expect(myPdf.status).toBe(200);
    expectStatus(await org.clients.self.post(url, input), 404);

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'legebrev')
      .where('entity_id', '=', letter.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'export', 'read']));
  });
});
