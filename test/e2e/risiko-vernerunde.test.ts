/**
 * Vernerunde and stoffkartotek in the browser on a phone (390×844), on the demo company, with the
 * database as the judge:
 * (1) the leader of Hjemmetjenesten plans a round with the area's verneombud (dd.mm.åååå date),
 *     answers a checklist point, records a finding with a photo (a PNG, made a JPEG ≤ 500 kB on the
 *     device, no EXIF), makes the finding a risk with a tiltak (owner, due date) in one step, and
 *     signs as leader → `vernerunde`, `vernerunde_finding`, `vernerunde_photo`, `risk_item`,
 *     `risk_tiltak`;
 * (2) when the tiltak on the Høy risk is overdue, the verneombud's front page says so; the
 *     verneombud opens the round and signs → the round is «Signert»;
 * (3) the leader adds a CMR product to the stoffkartotek, uploads its safety data sheet (a PDF) and
 *     registers an exposed employee → `stoff_product`, `stoff_sds`, `stoff_exposure`;
 * (4) the leader changes the product: removing its CMR class is refused at the field while it has
 *     exposure rows (FUA § 31-1), nothing stored; then where it stands, the supplier's newer data
 *     sheet revision (the sheet shows as outdated, FUA § 2-2) and the unit's risk assessment are
 *     saved; the exposure is ended, and the row is kept 60 years from the end date (FUA § 31-1) —
 *     the page offers no deletion of a row.
 * Axe (WCAG 2.1 AA) on every page and dialog visited: 0 violations; the pages do not scroll sideways;
 * no request leaves the app's origin; no page errors.
 */
import { deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './support/app.ts';
import {
  AxeLog,
  foreignRequests,
  horizontalOverflow,
  launchBrowser,
  loadDemo,
  openSession,
  type Session,
} from './support/browser.ts';

type Account = { role: string; name: string; email: string; password: string };

const PHONE = { width: 390, height: 844 };
const ROUND = 'Vernerunde vår i Hjemmetjenesten';
const FINDING = 'Tunge vannkanner løftes fra gulvet i lageret';
const TILTAK = 'Sette opp hylle i hoftehøyde';
const PRODUCT = 'Desinfeksjon X-Pro';

const today = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
function shift(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const PLANNED = shift(today, 7);
const DUE = shift(today, 30);

/** A real PNG (a gradient), so the browser has something to decode and shrink. */
function png(width: number, height: number): Buffer {
  const table = new Int32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  const crc = (buf: Buffer) => {
    let c = -1;
    for (const b of buf) c = (table[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ -1) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = (x * 7 + y) & 0xff;
      raw[row + 2 + x * 3] = (y * 5) & 0xff;
      raw[row + 3 + x * 3] = ((x ^ y) * 3) & 0xff;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

let app: TestApp;
let browser: Browser;
let leader: Session;
let vo: Session;
const axe = new AxeLog();
let leaderAccount: Account;
let voAccount: Account;
let unitId = '';
let organisationId = '';
let assessmentId = '';
let roundId = '';

const db = () => app.server.database.db;

async function login(p: Page, account: { email: string; password: string }): Promise<void> {
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse').fill(account.email);
  await p.getByLabel('Passord').fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

async function check(p: Page, label: string) {
  await axe.check(p, label);
  expect([label, await horizontalOverflow(p)]).toEqual([label, 0]);
}

async function userId(email: string): Promise<string> {
  return (
    await db().selectFrom('user_account').select('id').where('email', '=', email).executeTakeFirstOrThrow()
  ).id;
}

describe('vernerunde and stoffkartotek on a phone', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    leader = await openSession(browser, app.url, PHONE);
    vo = await openSession(browser, app.url, PHONE);
    await leader.page.goto('/');
    const accounts = await loadDemo(leader.context);
    const l = accounts.find((a) => a.role === 'leder (Hjemmetjenesten)');
    const v = accounts.find((a) => a.role === 'verneombud (Helse og omsorg)');
    if (!l || !v) throw new Error('the demo has no leader of Hjemmetjenesten or verneombud');
    leaderAccount = l;
    voAccount = v;
    const unit = await db()
      .selectFrom('unit')
      .select(['id', 'organisation_id'])
      .where('name', '=', 'Hjemmetjenesten')
      .executeTakeFirstOrThrow();
    unitId = unit.id;
    organisationId = unit.organisation_id;
    // The unit's risk assessment, made in the risk register (its own e2e test drives that page).
    const assessment = await db()
      .insertInto('risk_assessment')
      .values({
        organisation_id: organisationId,
        title: 'Hjemmetjenesten – lager og bil',
        unit_id: unitId,
        responsible_user_id: await userId(leaderAccount.email),
        responsible_name: leaderAccount.name,
        participants: '[]',
        assessed_on: today,
        next_review: shift(today, 365),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    assessmentId = assessment.id;
  }, 120_000);

  afterAll(async () => {
    await leader?.context.close();
    await vo?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. the leader plans a round, records a finding with a photo, makes it a risk with a tiltak and signs', async () => {
    const page = leader.page;
    await login(page, leaderAccount);
    await page.goto('/risiko/vernerunder');
    await page.getByRole('heading', { level: 1, name: 'Vernerunder' }).waitFor();
    await check(page, 'vernerunder');
    await page.getByRole('button', { name: 'Planlegg vernerunde' }).click();
    const dialog = page.getByRole('dialog', { name: 'Planlegg vernerunde' });
    await dialog.waitFor();
    await dialog.getByLabel('Hva runden gjelder').fill(ROUND);
    await dialog.getByLabel('Enhet').selectOption({ label: 'Hjemmetjenesten' });
    await dialog.getByRole('textbox', { name: 'Dato' }).fill(dmy(PLANNED));
    await dialog.getByRole('textbox', { name: 'Dato' }).press('Tab');
    await dialog.getByLabel('Leder', { exact: true }).selectOption({ label: leaderAccount.name });
    await dialog.getByLabel('Verneombud', { exact: true }).selectOption({ label: voAccount.name });
    await dialog.getByRole('checkbox', { name: 'Psykososialt arbeidsmiljø' }).uncheck();
    await check(page, 'planlegg vernerunde');
    await dialog.getByRole('button', { name: 'Planlegg' }).click();
    await page.getByRole('heading', { level: 1, name: ROUND }).waitFor();
    await check(page, 'vernerunde');
    const round = await db().selectFrom('vernerunde').selectAll().executeTakeFirstOrThrow();
    roundId = round.id;
    expect(round).toMatchObject({
      organisation_id: organisationId,
      unit_id: unitId,
      title: ROUND,
      planned_on: PLANNED,
      leader_user_id: await userId(leaderAccount.email),
      vo_user_id: await userId(voAccount.email),
    });
    const points = (typeof round.checklist === 'string' ? JSON.parse(round.checklist) : round.checklist) as {
      key: string;
      area: string;
    }[];
    expect(points.some((p) => p.area === 'psykososial')).toBe(false);
    expect(points.some((p) => p.key === 'tunge-loft')).toBe(true);

    // The checklist: heavy lifting is a shortcoming.
    await page
      .locator('fieldset')
      .filter({ hasText: 'Tunge løft og forflytning' })
      .getByRole('radio', { name: 'Mangel' })
      .check();
    await page.getByRole('button', { name: 'Lagre sjekklisten' }).click();
    await page.getByText('Sjekklisten er lagret.').waitFor();
    const saved = await db().selectFrom('vernerunde').select('checklist').executeTakeFirstOrThrow();
    const answered = (
      typeof saved.checklist === 'string' ? JSON.parse(saved.checklist) : saved.checklist
    ) as {
      key: string;
      status: string | null;
    }[];
    expect(answered.find((p) => p.key === 'tunge-loft')?.status).toBe('mangel');

    // A finding with a photo taken on the phone.
    await page.getByLabel('Område', { exact: true }).selectOption({ label: 'Ergonomi' });
    await page.getByLabel('Hva fant dere?').fill(FINDING);
    await page.getByLabel('Alvorlighet (konsekvens 1–5)').selectOption('3');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'lager.png', mimeType: 'image/png', buffer: png(1200, 900) });
    await page.getByRole('img', { name: 'Bilde 1 av funnet' }).waitFor();
    await check(page, 'funn med bilde');
    await page.getByRole('button', { name: 'Lagre funnet' }).click();
    await page.getByText('Funnet er lagret.').waitFor();
    const finding = await db().selectFrom('vernerunde_finding').selectAll().executeTakeFirstOrThrow();
    expect(finding).toMatchObject({
      round_id: roundId,
      area: 'ergonomisk',
      text: FINDING,
      severity: 3,
      risk_id: null,
    });
    const photos = await db().selectFrom('vernerunde_photo').selectAll().execute();
    expect(photos).toHaveLength(1);
    expect(photos[0]?.mime).toBe('image/jpeg');
    expect(photos[0]?.size).toBeLessThanOrEqual(500_000);
    expect(Buffer.from(photos[0]?.data ?? []).includes(Buffer.from('Exif'))).toBe(false);
    await page.getByRole('listitem').getByRole('img', { name: 'Bilde 1 av funnet' }).waitFor();

    // The finding becomes a risk with a tiltak in one step.
    await page.getByRole('button', { name: /^Gjør til risiko og tiltak/ }).click();
    const toRisk = page.getByRole('dialog', { name: 'Gjør funnet til risiko og tiltak' });
    await toRisk.waitFor();
    await toRisk.getByLabel('Sannsynlighet').selectOption('4');
    await toRisk.getByLabel('Tiltak', { exact: true }).fill(TILTAK);
    await toRisk.getByLabel('Ansvarlig', { exact: true }).selectOption({ label: leaderAccount.name });
    await toRisk.getByRole('textbox', { name: 'Frist' }).fill(dmy(DUE));
    await toRisk.getByRole('textbox', { name: 'Frist' }).press('Tab');
    await check(page, 'gjør til risiko');
    await toRisk.getByRole('button', { name: 'Lagre risiko og tiltak' }).click();
    await page.getByText('Funnet er lagt inn som risiko i risikovurderingen.').waitFor();
    const linked = await db().selectFrom('vernerunde_finding').select('risk_id').executeTakeFirstOrThrow();
    const risk = await db()
      .selectFrom('risk_item')
      .selectAll()
      .where('id', '=', linked.risk_id ?? '')
      .executeTakeFirstOrThrow();
    expect(risk).toMatchObject({
      assessment_id: assessmentId,
      area: 'ergonomisk',
      initial_p: 4,
      initial_c: 3,
    });
    expect(
      await db().selectFrom('risk_tiltak').selectAll().where('risk_id', '=', risk.id).execute(),
    ).toMatchObject([
      { text: TILTAK, owner_user_id: await userId(leaderAccount.email), due: DUE, status: 'planlagt' },
    ]);
    await page.getByRole('link', { name: 'Hjemmetjenesten – lager og bil' }).waitFor();

    await page.getByRole('button', { name: 'Signer som leder' }).click();
    await page.getByText('Signaturen er lagret.').waitFor();
    await check(page, 'signert av leder');
    expect(
      await db()
        .selectFrom('vernerunde')
        .select(['leader_signed_on', 'vo_signed_on'])
        .executeTakeFirstOrThrow(),
    ).toEqual({
      leader_signed_on: today,
      vo_signed_on: null,
    });
  });

  it('2. the verneombud sees the overdue Høy tiltak on the front page, opens the round and signs; it is «Signert»', async () => {
    const page = vo.page;
    // Time passes: the tiltak on the Høy risk (4 × 3 = 12) is now past its due date.
    await db()
      .updateTable('risk_tiltak')
      .set({ due: shift(today, -1) })
      .where('text', '=', TILTAK)
      .execute();
    await login(page, voAccount);
    await page.getByRole('link', { name: '1 tiltak på høy risiko har passert fristen' }).waitFor();
    await check(page, 'forside (verneombud) med forfalt tiltak');
    await page.goto('/risiko/vernerunder');
    await page.getByRole('link', { name: ROUND }).click();
    await page.getByRole('heading', { level: 1, name: ROUND }).waitFor();
    await check(page, 'vernerunde (verneombud)');
    await page.getByRole('button', { name: 'Signer som verneombud' }).click();
    await page.getByText('Signaturen er lagret.').waitFor();
    await page.getByText('Signert', { exact: true }).waitFor();
    await check(page, 'signert av begge');
    expect(
      await db()
        .selectFrom('vernerunde')
        .select(['leader_signed_on', 'vo_signed_on'])
        .executeTakeFirstOrThrow(),
    ).toEqual({
      leader_signed_on: today,
      vo_signed_on: today,
    });
  });

  it('3. the leader adds a CMR product, its safety data sheet and an exposed employee', async () => {
    const page = leader.page;
    await page.goto('/risiko/stoffkartotek');
    await page.getByRole('heading', { level: 1, name: 'Stoffkartotek' }).waitFor();
    await check(page, 'stoffkartotek');
    await page.getByRole('button', { name: 'Nytt produkt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt produkt i stoffkartoteket' });
    await dialog.waitFor();
    await dialog.getByLabel('Produktnavn').fill(PRODUCT);
    await dialog.getByLabel('Leverandør', { exact: true }).fill('Renhold AS');
    await dialog.getByLabel('Enhet der produktet brukes').selectOption({ label: 'Hjemmetjenesten' });
    await dialog.getByRole('checkbox', { name: 'Kreftfremkallende' }).check();
    await check(page, 'nytt produkt');
    await dialog.getByRole('button', { name: 'Legg til' }).click();
    await page.getByRole('heading', { level: 1, name: PRODUCT }).waitFor();
    await check(page, 'produkt');
    const product = await db().selectFrom('stoff_product').selectAll().executeTakeFirstOrThrow();
    expect(product).toMatchObject({
      name: PRODUCT,
      supplier: 'Renhold AS',
      unit_id: unitId,
      cmr: ['kreftfremkallende'],
    });

    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'datablad.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('textbox', { name: 'Revisjonsdato på databladet' }).fill(dmy(shift(today, -10)));
    await page.getByRole('textbox', { name: 'Revisjonsdato på databladet' }).press('Tab');
    await page.getByRole('button', { name: 'Last opp sikkerhetsdatablad' }).click();
    await page.getByText('Sikkerhetsdatabladet er lastet opp.').waitFor();
    const sheets = await db().selectFrom('stoff_sds').selectAll().execute();
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toMatchObject({
      product_id: product.id,
      filename: 'datablad.pdf',
      revision_date: shift(today, -10),
    });
    expect(Buffer.from(sheets[0]?.data ?? []).equals(PDF)).toBe(true);

    const employee = await db()
      .selectFrom('employee')
      .select(['id', 'name'])
      .where('unit_id', '=', unitId)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    await page.getByRole('button', { name: 'Registrer eksponert arbeidstaker' }).click();
    const exposure = page.getByRole('dialog', { name: 'Registrer eksponert arbeidstaker' });
    await exposure.waitFor();
    await exposure.getByLabel('Arbeidstaker', { exact: true }).selectOption({ label: employee.name });
    await exposure.getByLabel('Hvordan eksponeringen skjer').fill('Sprut ved fortynning');
    await exposure.getByRole('textbox', { name: 'Fra', exact: true }).fill(dmy(shift(today, -30)));
    await exposure.getByRole('textbox', { name: 'Fra', exact: true }).press('Tab');
    await check(page, 'registrer eksponering');
    await exposure.getByRole('button', { name: 'Registrer', exact: true }).click();
    await page.getByText('Registreringen er lagret.').waitFor();
    await check(page, 'produkt med eksponering');
    expect(await db().selectFrom('stoff_exposure').selectAll().execute()).toMatchObject([
      {
        product_id: product.id,
        employee_id: employee.id,
        employee_name: employee.name,
        cmr: ['kreftfremkallende'],
        exposure_how: 'Sprut ved fortynning',
        started_on: shift(today, -30),
        ended_on: null,
        kept_until: null,
      },
    ]);
  });

  it('4. the leader changes the product (its CMR class is kept) and ends the exposure: kept 60 years from the end', async () => {
    const page = leader.page;
    const product = await db().selectFrom('stoff_product').selectAll().executeTakeFirstOrThrow();
    const productRow = () =>
      db()
        .selectFrom('stoff_product')
        .select(['location', 'cmr', 'supplier_revision', 'assessment_id', 'version'])
        .where('id', '=', product.id)
        .executeTakeFirstOrThrow();
    await page.getByRole('button', { name: 'Endre produktet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Endre produktet' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Produktnavn').inputValue()).toBe(PRODUCT);
    // FUA § 31-1: the product has a row in the exposure register and keeps its CMR class.
    await dialog.getByRole('checkbox', { name: 'Kreftfremkallende' }).uncheck();
    await dialog.getByRole('button', { name: 'Lagre endringene' }).click();
    await dialog
      .getByText(
        'Produktet har rader i eksponeringsregisteret og må beholde CMR-klassen (forskrift om utførelse av arbeid § 31-1).',
      )
      .waitFor();
    await check(page, 'endre produkt (CMR-klassen må beholdes)');
    expect(await productRow()).toMatchObject({ cmr: ['kreftfremkallende'], version: product.version });

    await dialog.getByRole('checkbox', { name: 'Kreftfremkallende' }).check();
    await dialog.getByLabel('Hvor det står (valgfritt)').fill('Skyllerommet, låst skap');
    const revision = dialog.getByRole('textbox', { name: 'Leverandørens siste revisjon av databladet' });
    await revision.fill(dmy(shift(today, -5)));
    await revision.press('Tab');
    await dialog
      .getByLabel('Risikovurdering for bruken (valgfritt)')
      .selectOption({ label: 'Hjemmetjenesten – lager og bil' });
    await check(page, 'endre produkt');
    await dialog.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.getByText('Endringene i produktet er lagret.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await productRow()).toEqual({
      location: 'Skyllerommet, låst skap',
      cmr: ['kreftfremkallende'],
      supplier_revision: shift(today, -5),
      assessment_id: assessmentId,
      version: product.version + 1,
    });
    // The supplier's revision is newer than the sheet uploaded (today − 10): outdated (FUA § 2-2).
    await page
      .getByText(
        `Leverandøren har en nyere revisjon (${dmy(shift(today, -5))}) enn databladet som er lastet opp.`,
      )
      .waitFor();
    await page
      .locator('section[aria-labelledby="st-details-heading"]')
      .getByRole('link', { name: 'Hjemmetjenesten – lager og bil' })
      .waitFor();
    await check(page, 'produkt endret');

    // The exposure ends yesterday: the row is kept 60 years from then, and is never deleted here.
    const row = await db().selectFrom('stoff_exposure').selectAll().executeTakeFirstOrThrow();
    const ended = shift(today, -1);
    expect(await page.getByRole('button', { name: /slett/i }).count()).toBe(0);
    await page.getByRole('button', { name: `Avslutt eksponeringen for ${row.employee_name}` }).click();
    const end = page.getByRole('dialog', { name: 'Eksponeringen er avsluttet' });
    await end.waitFor();
    const endedOn = end.getByRole('textbox', { name: 'Sluttdato' });
    await endedOn.fill(dmy(ended));
    await endedOn.press('Tab');
    await check(page, 'avslutt eksponering');
    await end.getByRole('button', { name: 'Lagre sluttdato' }).click();
    await page.getByText('Sluttdatoen er lagret. Oppbevaringstiden løper fra den.').waitFor();
    await end.waitFor({ state: 'detached' });
    // 60 years after the end date, the day itself (FUA § 31-1: carcinogenic).
    const keptUntil = `${Number(ended.slice(0, 4)) + 60}${ended.slice(4)}`;
    expect(
      await db()
        .selectFrom('stoff_exposure')
        .select(['ended_on', 'kept_until', 'version'])
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ ended_on: ended, kept_until: keptUntil, version: row.version + 1 });
    const register = page.locator('section[aria-labelledby="st-exp-heading"]');
    await register.getByText(dmy(keptUntil)).waitFor();
    expect(await register.getByRole('button', { name: /^Avslutt/ }).count()).toBe(0);
    await check(page, 'produkt med avsluttet eksponering');
  });

  it('5. axe found nothing, nothing left the origin, no page errors', () => {
    expect(axe.checked.length).toBeGreaterThanOrEqual(18);
    expect(axe.violations).toEqual([]);
    expect(foreignRequests([...leader.requests, ...vo.requests], app.url)).toEqual([]);
    expect([...leader.pageErrors, ...vo.pageErrors]).toEqual([]);
  });
});
