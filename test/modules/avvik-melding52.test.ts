/**
 * The pre-filled § 5-2 notice (aml § 5-2: written confirmation to Arbeidstilsynet, copy to the VO),
 * on both databases: a handler downloads a PDF whose text (pdftotext) holds what Nærvær knows — the
 * employer and orgnr, the place and verneområde, the time, the work, the course of events, the
 * presumed causes, the injury in plain words, when Arbeidstilsynet was called — and nothing it must
 * not: no reporter's name, no diagnosis. The download is an audit row. Only the avvik's handlers get
 * it (the other unit's leader, the VO, the reporter, other roles and another organisation: 404); an
 * avvik not flagged «alvorlig skade / dødsfall» is a 409; a malformed id a 400 naming it.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Avvik } from '../../src/contracts/avvik/avvik.schemas.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { ACTORS, buildSickOrg, type ErrorReply, type SickOrg } from '../support/sykefravaer-org.ts';

const TODAY = '2027-05-14';
const B = '/api/v1/avvik';

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'avvik-pdf-'));
  try {
    const file = join(dir, 'melding.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeEachDatabase('the § 5-2 notice as a PDF on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let seriousId = '';
  let plainId = '';
  const url = (id: string) => `${B}/${id}/melding-5-2`;

  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
    const report = async (client: TestClient, category: string, description: string) =>
      expectStatus(
        await client.post<Avvik>(B, {
          id: randomUUID(),
          category,
          description,
          unitId: org.unitA,
          occurredAt: '2026-11-10T08:15:00.000Z',
          immediateAction: 'Ringte 113, sperret av stigen',
        }),
        201,
      ).body.id;
    seriousId = await report(org.clients.self, 'personskade', 'Fall fra stige på lageret.');
    plainId = await report(org.clients.self, 'personskade', 'Kutt i fingeren.');
    expectStatus(
      await org.clients.hr.put(`${B}/${seriousId}/vurdering`, {
        version: 1,
        category: 'personskade',
        severity: 5,
        cause: 'Stigen sto på glatt gulv',
        personalData: false,
        serious: true,
      }),
      200,
    );
    expectStatus(
      await org.clients.hr.put(`${B}/${seriousId}/skade`, {
        workTask: 'Skifte lyspære i taket',
        courseOfEvents: 'Stigen gled ut, arbeidstakeren falt ca. 2 meter.',
        presumedCauses: 'Glatt gulv, stigen manglet gummiføtter',
        injuryDescription: 'Brudd i armen',
        mayGiveBenefits: true,
      }),
      200,
    );
    expectStatus(
      await org.clients.hr.put(`${B}/${seriousId}/varsling/ring-arbeidstilsynet`, { note: '' }),
      200,
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('gives a handler a PDF pre-filled with what Nærvær knows, and logs the download', async () => {
    const before = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_type', '=', 'avvik_melding52')
      .execute();
    const reply = await org.clients.hr.get(url(seriousId));
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    expect(reply.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''melding-aml-5-2-${TODAY}.pdf`,
    );
    expect(reply.headers['cache-control']).toBe('private, no-store');
    const pdf = reply.raw.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    const organisation = await t.db
      .selectFrom('organisation')
      .select(['name', 'orgnr'])
      .where('id', '=', org.orgId)
      .executeTakeFirstOrThrow();
    const step = await t.db
      .selectFrom('avvik_alarm_step')
      .select('done_at')
      .where('avvik_id', '=', seriousId)
      .executeTakeFirstOrThrow();
    const called = new Intl.DateTimeFormat('nb-NO', {
      timeZone: 'Europe/Oslo',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .format(step.done_at)
      .replace(', ', ' kl. ');
    for (const expected of [
      'Melding om dødsfall eller alvorlig personskade',
      'arbeidsmiljøloven § 5-2',
      organisation.name,
      `${organisation.orgnr.slice(0, 3)} ${organisation.orgnr.slice(3, 6)} ${organisation.orgnr.slice(6)}`,
      // 08:15 UTC is 09:15 in Norway in November.
      '10.11.2026 kl. 09:15',
      'Hjemmetjenesten, verneområde Område A',
      'Skifte lyspære i taket',
      'Stigen gled ut, arbeidstakeren falt ca. 2 meter.',
      'Glatt gulv, stigen manglet gummiføtter',
      'Ringte 113, sperret av stigen',
      'Brudd i armen',
      `Arbeidstilsynet varslet på telefon ${called}`,
      'Politiet varslet Ikke registrert i Nærvær',
      'Postboks 4720 Torgarden, 7468 Trondheim',
      'Kopi Verneombudet',
      'Frist i Nærvær 18.05.2027',
      'Ikke oppgi diagnose',
      'Side 1 av',
    ]) {
      expect(text).toContain(expected);
    }
    // The reporter and the reporter's user are never named; nothing Nærvær does not store is invented.
    expect(text).not.toContain('Per Pleier');
    expect(text).not.toContain(org.names.hr);
    expect(text).not.toMatch(/diagnose:/i);

    const after = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'entity_id'])
      .where('entity_type', '=', 'avvik_melding52')
      .execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toEqual({ action: 'export', actor_user_id: org.userIds.hr, entity_id: seriousId });
  });

  it('is for the avvik’s handlers only: the unit’s leader and admin yes; everyone else and other tenants 404', async () => {
    const allowed = new Set(['admin', 'hr', 'lederA']);
    for (const actor of ACTORS) {
      const reply = await org.clients[actor].get(url(seriousId));
      expect([actor, reply.status]).toEqual([actor, allowed.has(actor) ? 200 : 404]);
    }
  });

  it('refuses an avvik not flagged § 5-2 (409), an unknown one (404) and a malformed id (400 naming it)', async () => {
    const plain = await org.clients.hr.get<ErrorReply>(url(plainId));
    expect(plain.status).toBe(409);
    expect(plain.body.error.code).toBe('CONFLICT');
    expect(plain.body.error.message).toContain('§ 5-2');
    expect((await org.clients.hr.get(url(randomUUID()))).status).toBe(404);
    const bad = await org.clients.hr.get<ErrorReply>(url('ikke-en-id'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.map((f) => f.path)).toEqual(['params.id']);
    // Nothing was logged for the refusals.
    expect(
      await t.db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('entity_type', '=', 'avvik_melding52')
        .where('entity_id', '=', plainId)
        .execute(),
    ).toEqual([]);
  });
});
