/**
 * Stoffkartotek and the exposure register on both databases (FUA § 2-1, § 2-2, § 31-1): a leader
 * adds a CMR product for their unit with its safety data sheet (a PDF, sniffed; not a PDF → 400;
 * too large → 413); registers two exposed employees; the retention (60 years for carcinogenic or
 * mutagenic, 5 for reprotoxic only) is stored when the exposure ends; deleting a row is a 409 that
 * names the rule and deletes nothing; the CSV export is formula-neutralised. Access: the unit's
 * leader and HR edit, the area's VO reads all rows, an employee of the unit reads the product and
 * only their own row, everyone else and other tenants get 404. Every check reads what is stored.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExposureList, Product, ProductList } from '../../src/contracts/risiko/stoff.schemas.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { ACTORS, buildSickOrg, type ErrorReply, type SickOrg } from '../support/sykefravaer-org.ts';

const S = '/api/v1/risiko/stoffkartotek';
const E = '/api/v1/risiko/eksponering';

type ConflictReply = ErrorReply & { error: { reason?: string } };

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), randomBytes(2000), Buffer.from('\n%%EOF\n')]);

function sdsForm(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const boundary = `----stoff${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="sds"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describeEachDatabase('stoffkartotek on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let product: Product;
  let reprotoxic: Product;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await buildSickOrg(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const upload = (
    client: TestClient,
    productId: string,
    revisionDate: string,
    data: Buffer,
    name = 'sdb.pdf',
  ) => {
    const { body, contentType } = sdsForm({ revisionDate }, { name, type: 'application/pdf', data });
    return client.request<Product & ErrorReply>('POST', `${S}/${productId}/datablad`, body, {
      'content-type': contentType,
    });
  };
  const count = async (table: 'stoff_product' | 'stoff_sds' | 'stoff_exposure') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const newProduct = () => ({
    name: 'Herdeplast Epoxy 2K',
    supplier: 'Kjemi AS',
    unitId: org.unitA,
    location: 'Verkstedet, skap 3',
    useText: 'Liming av deler',
    hazardText: 'H350 Kan forårsake kreft',
    cmr: ['kreftfremkallende'],
    supplierRevision: '2026-11-01',
  });

  it('bad input is a 400 naming each field; a leader of another unit and other tenants write nothing', async () => {
    const bad = expectStatus(
      await org.clients.lederA.post<ErrorReply>(S, { ...newProduct(), name: '', cmr: ['giftig'] }),
      400,
    );
    expect((bad.body.error.fields ?? []).map((f) => f.path).sort()).toEqual(['cmr.0', 'name']);
    const otherUnit = expectStatus(await org.clients.lederB.post<ErrorReply>(S, newProduct()), 400);
    expect(otherUnit.body.error.fields?.map((f) => f.path)).toEqual(['unitId']);
    expectStatus(await org.clients.verneombud.post(S, newProduct()), 404);
    expectStatus(await org.clients.self.post(S, newProduct()), 404);
    expectStatus(await org.clients.otherOrg.post(S, newProduct()), 400);
    expect(await count('stoff_product')).toBe(0);
  });

  it('the leader adds a CMR product to the unit’s stoffkartotek', async () => {
    product = expectStatus(await org.clients.lederA.post<Product>(S, newProduct()), 201).body;
    const row = await t.db
      .selectFrom('stoff_product')
      .selectAll()
      .where('id', '=', product.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      organisation_id: org.orgId,
      name: 'Herdeplast Epoxy 2K',
      supplier: 'Kjemi AS',
      unit_id: org.unitA,
      location: 'Verkstedet, skap 3',
      cmr: ['kreftfremkallende'],
      supplier_revision: '2026-11-01',
      created_by: org.userIds.lederA,
    });
    expect(product.sdsState).toBe('mangler');
    reprotoxic = expectStatus(
      await org.clients.hr.post<Product>(S, {
        ...newProduct(),
        name: 'Løsemiddel R',
        cmr: ['reproduksjonstoksisk'],
        supplierRevision: null,
      }),
      201,
    ).body;
  });

  it('the leader edits the product (read back); a stale version is a 409 and writes nothing', async () => {
    const edited = expectStatus(
      await org.clients.lederA.put<Product>(`${S}/${product.id}`, {
        ...newProduct(),
        location: 'Lageret, avtrekksskap',
        version: product.version,
      }),
      200,
    ).body;
    expect(edited.version).toBe(product.version + 1);
    const row = await t.db
      .selectFrom('stoff_product')
      .select(['location', 'version'])
      .where('id', '=', product.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ location: 'Lageret, avtrekksskap', version: edited.version });
    const stale = expectStatus(
      await org.clients.hr.put<ConflictReply>(`${S}/${product.id}`, {
        ...newProduct(),
        location: 'Et annet sted',
        version: product.version,
      }),
      409,
    );
    expect(stale.body.error.reason).toBe('STALE_VERSION');
    expectStatus(
      await org.clients.verneombud.put(`${S}/${product.id}`, { ...newProduct(), version: edited.version }),
      404,
    );
    expect(
      (
        await t.db
          .selectFrom('stoff_product')
          .select('location')
          .where('id', '=', product.id)
          .executeTakeFirstOrThrow()
      ).location,
    ).toBe('Lageret, avtrekksskap');
    product = edited;
  });

  it('uploads the safety data sheet as a PDF; not a PDF → 400, too large → 413; old revision is «utdatert»', async () => {
    const notPdf = expectStatus(
      await upload(org.clients.lederA, product.id, '2026-11-01', randomBytes(500)),
      400,
    );
    expect(notPdf.body.error.fields?.map((f) => f.path)).toEqual(['sds']);
    const noDate = expectStatus(await upload(org.clients.lederA, product.id, '01.11.2026', PDF), 400);
    expect(noDate.body.error.fields?.map((f) => f.path)).toEqual(['revisionDate']);
    const huge = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 + 10)]);
    expectStatus(await upload(org.clients.lederA, product.id, '2026-11-01', huge), 413);
    expectStatus(await upload(org.clients.verneombud, product.id, '2026-11-01', PDF), 404);
    expect(await count('stoff_sds')).toBe(0);

    const older = expectStatus(
      await upload(org.clients.lederA, product.id, '2026-01-15', PDF, 'gammel.pdf'),
      201,
    );
    expect(older.body.sdsState).toBe('utdatert');
    const current = expectStatus(
      await upload(org.clients.lederA, product.id, '2026-11-01', PDF, 'ny.pdf'),
      201,
    ).body;
    expect(current.sdsState).toBe('gjeldende');
    const sheets = await t.db
      .selectFrom('stoff_sds')
      .selectAll()
      .where('product_id', '=', product.id)
      .orderBy('revision_date')
      .execute();
    expect(sheets.map((s) => [s.revision_date, s.filename, s.size])).toEqual([
      ['2026-01-15', 'gammel.pdf', PDF.length],
      ['2026-11-01', 'ny.pdf', PDF.length],
    ]);
    expect(Buffer.from(sheets[1]?.data ?? []).equals(PDF)).toBe(true);
    const newest = current.sds[0];
    const file = await org.clients.self.get(`${S}/${product.id}/datablad/${newest?.id}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; filename\*=UTF-8''ny\.pdf$/);
    expect(file.raw.rawPayload.equals(PDF)).toBe(true);
    expectStatus(await org.clients.otherAnsatt.get(`${S}/${product.id}/datablad/${newest?.id}`), 404);
  });

  it('registers exposed employees; the retention is 60 years (C/M) or 5 (R) after the exposure ended', async () => {
    const url = `${S}/${product.id}/eksponering`;
    const bad = expectStatus(
      await org.clients.lederA.post<ErrorReply>(url, {
        employeeId: org.employees.stranger,
        workplace: 'Verkstedet',
        exposureHow: '',
        startedOn: '2026-05-01',
        endedOn: '2026-04-01',
      }),
      400,
    );
    expect((bad.body.error.fields ?? []).map((f) => f.path).sort()).toEqual(['endedOn', 'exposureHow']);
    const stranger = expectStatus(
      await org.clients.lederA.post<ErrorReply>(url, {
        employeeId: org.employees.stranger,
        workplace: 'Verkstedet',
        exposureHow: 'Hudkontakt ved liming',
        startedOn: '2026-05-01',
      }),
      400,
    );
    expect(stranger.body.error.fields?.map((f) => f.path)).toEqual(['employeeId']);
    expect(await count('stoff_exposure')).toBe(0);

    for (const employeeId of [org.employees.sick, org.employees.vo]) {
      expectStatus(
        await org.clients.lederA.post<Product>(url, {
          employeeId,
          position: 'Mekaniker',
          workplace: '=HYPERLINK("http://x")',
          exposureHow: 'Innånding og hudkontakt ved liming',
          concentration: 'ukjent',
          startedOn: '2026-05-01',
          hoursPerWeek: 4,
        }),
        201,
      );
    }
    const rows = await t.db.selectFrom('stoff_exposure').selectAll().orderBy('employee_name').execute();
    expect(rows).toMatchObject([
      {
        employee_id: org.employees.sick,
        employee_name: 'Per Pleier',
        cmr: ['kreftfremkallende'],
        ended_on: null,
        kept_until: null,
        hours_per_week: 4,
      },
      {
        employee_id: org.employees.vo,
        employee_name: 'Vera Verneombud',
        cmr: ['kreftfremkallende'],
        kept_until: null,
      },
    ]);
    const first = rows[0];
    const ended = expectStatus(
      await org.clients.lederA.put<Product>(`${E}/${first?.id}/slutt`, {
        version: first?.version,
        endedOn: '2026-12-31',
      }),
      200,
    ).body;
    expect(ended.exposures.find((e) => e.id === first?.id)).toMatchObject({
      keptUntil: '2086-12-31',
      retentionYears: 60,
    });
    expect(
      (
        await t.db
          .selectFrom('stoff_exposure')
          .select('kept_until')
          .where('id', '=', first?.id ?? '')
          .executeTakeFirstOrThrow()
      ).kept_until,
    ).toBe('2086-12-31');
    // Reprotoxic only: five years.
    const r = expectStatus(
      await org.clients.hr.post<Product>(`${S}/${reprotoxic.id}/eksponering`, {
        employeeId: org.employees.sick,
        workplace: 'Verkstedet',
        exposureHow: 'Innånding',
        startedOn: '2026-01-01',
        endedOn: '2026-06-30',
      }),
      201,
    ).body;
    expect(r.exposures[0]).toMatchObject({ keptUntil: '2031-06-30', retentionYears: 5 });
    // A product that is not CMR has no exposure register.
    const plain = expectStatus(
      await org.clients.lederA.post<Product>(S, { ...newProduct(), name: 'Såpe', cmr: [] }),
      201,
    ).body;
    const notCmr = expectStatus(
      await org.clients.lederA.post<ConflictReply>(`${S}/${plain.id}/eksponering`, {
        employeeId: org.employees.sick,
        workplace: 'Verkstedet',
        exposureHow: 'Hudkontakt',
        startedOn: '2026-01-01',
      }),
      409,
    );
    expect(notCmr.body.error.message).toContain('§ 31-1');
    // Nor may a product with register rows lose its CMR class.
    const unflag = expectStatus(
      await org.clients.lederA.put<ErrorReply>(`${S}/${product.id}`, {
        ...newProduct(),
        cmr: [],
        version: ended.version,
      }),
      400,
    );
    expect(unflag.body.error.fields?.map((f) => f.path)).toEqual(['cmr']);
    expect(await count('stoff_exposure')).toBe(3);
  });

  it('deleting a row of the exposure register is refused with the rule; nothing is deleted', async () => {
    const row = await t.db
      .selectFrom('stoff_exposure')
      .select('id')
      .where('ended_on', '=', '2026-12-31')
      .executeTakeFirstOrThrow();
    const refused = expectStatus(await org.clients.hr.delete<ConflictReply>(`${E}/${row.id}`), 409);
    expect(refused.body.error.reason).toBe('WRONG_STATE');
    expect(refused.body.error.message).toContain('60 år');
    expect(refused.body.error.message).toContain('2086-12-31');
    expect(refused.body.error.message).toContain('§ 31-1');
    expectStatus(await org.clients.self.delete(`${E}/${row.id}`), 404);
    expectStatus(await org.clients.otherOrg.delete(`${E}/${row.id}`), 404);
    expect(await count('stoff_exposure')).toBe(3);
  });

  it('who reads what: the VO all rows of the area, an employee the product and only their own row', async () => {
    const seen: Record<string, number> = {};
    for (const actor of ACTORS) {
      const reply = await org.clients[actor].get<Product>(`${S}/${product.id}`);
      seen[actor] = reply.status === 200 ? reply.body.exposures.length : -reply.status;
    }
    expect(seen).toEqual({
      admin: 2,
      hr: 2,
      lederA: 2,
      lederB: -404,
      self: 1,
      otherAnsatt: -404,
      verneombud: 2,
      tillitsvalgt: -404,
      amu: -404,
      bht: -404,
      otherOrg: -404,
    });
    const own = expectStatus(await org.clients.self.get<ExposureList>(E), 200).body.items;
    expect(own.map((e) => e.employeeId)).toEqual([org.employees.sick, org.employees.sick]);
    const list = expectStatus(await org.clients.otherAnsatt.get<ProductList>(S), 200).body;
    expect(list.items).toEqual([]);
    expect(expectStatus(await org.clients.otherAnsatt.get<ExposureList>(E), 200).body.items).toEqual([]);
    expectStatus(await org.clients.self.get(`${E}.csv`), 404);
  });

  it('exports the register as CSV with formulas neutralised, and logs the export', async () => {
    const csv = await org.clients.hr.get(`${E}.csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    const text = String(csv.body);
    expect(text.startsWith('\uFEFFNavn;Stilling;Arbeidssted;Produkt')).toBe(true);
    expect(text).toContain(
      'Per Pleier;Mekaniker;"\'=HYPERLINK(""http://x"")";Herdeplast Epoxy 2K;Kreftfremkallende',
    );
    expect(text.split('\r\n').filter((l) => l.length > 0)).toHaveLength(4);
    const logged = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('action', '=', 'export')
      .where('entity_type', '=', 'stoff_exposure')
      .execute();
    expect(logged).toHaveLength(1);
  });
});
