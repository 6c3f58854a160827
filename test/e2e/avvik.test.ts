/**
 * Avvik in the browser on a phone (390×844), on the demo company, with the database as the judge:
 * (1) an employee opens the report form from the workplace's QR code (`/avvik/ny?sted=<unit>`),
 *     reports a near miss (RUH) with a photo in at most 6 interactions (counted) — the photo is made
 *     small on the device and stored as a JPEG without EXIF; exactly one `avvik` row and one photo;
 * (2) the employee finds it under «Mine meldinger»; with the network off, a second report (with a
 *     photo) waits on the device («Venter på nett») and arrives exactly once when it is back;
 * (3) the leader of the unit opens it, assesses it (consequence 2), adds a tiltak they own with a due
 *     date (dd.mm.åååå), and closes it with a verification note → stored; the reporter is notified.
 * Axe (WCAG 2.1 AA) on every page visited: 0 violations; no request leaves the app's origin; no
 * page errors; the pages do not scroll sideways.
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
const DESCRIPTION = 'Vannsøl på gulvet ved medisinrommet, kollega holdt på å skli.';
const OFFLINE_DESCRIPTION = 'Løs hylle i lageret, kan falle ned.';
const TILTAK = 'Sette opp drypp-brett under vasken';
const VERIFICATION = 'Brettet er montert og gulvet er tørt, sjekket på vakt.';

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
const DUE = shift(today, 14);

/** A real PNG (a 1200×900 gradient), so the browser has something to decode and shrink. */
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

let app: TestApp;
let browser: Browser;
let reporter: Session;
let leader: Session;
const axe = new AxeLog();
let employee: Account;
let leaderAccount: Account;
let unitId = '';
let avvikId = '';

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

describe('avvik on a phone', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    reporter = await openSession(browser, app.url, PHONE);
    leader = await openSession(browser, app.url, PHONE);
    await reporter.page.goto('/');
    const accounts = await loadDemo(reporter.context);
    const e = accounts.find((a) => a.role === 'ansatt (Hjemmetjenesten)');
    const l = accounts.find((a) => a.role === 'leder (Hjemmetjenesten)');
    if (!e || !l) throw new Error('the demo has no employee or leader in Hjemmetjenesten');
    employee = e;
    leaderAccount = l;
    const unit = await app.server.database.db
      .selectFrom('unit')
      .select('id')
      .where('name', '=', 'Hjemmetjenesten')
      .executeTakeFirstOrThrow();
    unitId = unit.id;
  });

  afterAll(async () => {
    await reporter?.context.close();
    await leader?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. an employee reports a near miss with a photo from the QR code in at most 6 interactions', async () => {
    const page = reporter.page;
    await login(page, employee);
    // The QR code on the workplace opens the form with the place chosen.
    await page.goto(`/avvik/ny?sted=${unitId}`);
    await page.getByRole('heading', { level: 1, name: 'Meld avvik eller uønsket hendelse' }).waitFor();
    await expect.poll(() => page.getByLabel('Hvor skjedde det?').inputValue()).toBe(unitId);
    await check(page, 'meld avvik');

    let interactions = 0;
    await page.getByRole('radio', { name: 'Nesten-ulykke / uønsket hendelse (RUH)' }).check();
    interactions++;
    await page.getByLabel('Hva skjedde?').fill(DESCRIPTION);
    interactions++;
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'gulv.png', mimeType: 'image/png', buffer: png(1200, 900) });
    interactions++;
    await page.getByRole('img', { name: 'Bilde 1 fra meldingen' }).waitFor();
    await check(page, 'meld avvik med bilde');
    await page.getByRole('button', { name: 'Send melding' }).click();
    interactions++;
    expect(interactions).toBeLessThanOrEqual(6);
    await page.getByText('Takk! Meldingen er sendt.').waitFor();
    await check(page, 'melding sendt');

    const db = app.server.database.db;
    const rows = await db.selectFrom('avvik').selectAll().execute();
    expect(rows).toHaveLength(1);
    const row = rows[0];
    if (!row) throw new Error('no avvik');
    avvikId = row.id;
    const user = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', employee.email)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      category: 'ruh',
      description: DESCRIPTION,
      unit_id: unitId,
      reporter_user_id: user.id,
      anonymous: false,
      status: 'ny',
      personal_data: false,
    });
    expect(Math.abs(row.occurred_at.getTime() - Date.now())).toBeLessThan(10 * 60_000);
    const photos = await db
      .selectFrom('avvik_photo')
      .select(['mime', 'size', 'data'])
      .where('avvik_id', '=', avvikId)
      .execute();
    expect(photos).toHaveLength(1);
    const photo = photos[0];
    expect(photo?.mime).toBe('image/jpeg');
    expect(photo?.size).toBeLessThanOrEqual(500_000);
    // Re-encoded on the device: no EXIF block.
    expect(Buffer.from(photo?.data ?? []).includes(Buffer.from('Exif'))).toBe(false);
  });

  it('2. the employee sees the report under «Mine meldinger»', async () => {
    const page = reporter.page;
    await page.getByRole('link', { name: 'Se meldingen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Avvik: Nesten-ulykke/ }).waitFor();
    await page.getByText('Du får beskjed når avviket er lukket').waitFor();
    await check(page, 'mitt avvik');
    await page.goto('/avvik');
    await page.getByRole('heading', { level: 2, name: 'Mine meldinger' }).waitFor();
    await page.locator(`li[data-avvik="${avvikId}"]`).waitFor();
    await check(page, 'avvik (ansatt)');
  });

  it('2b. offline: a report waits on the device («venter på nett») and arrives exactly once when the network returns', async () => {
    const page = reporter.page;
    const db = app.server.database.db;
    await page.goto(`/avvik/ny?sted=${unitId}`);
    await page.getByRole('heading', { level: 1, name: 'Meld avvik eller uønsket hendelse' }).waitFor();
    await reporter.context.setOffline(true);
    await page.getByRole('radio', { name: 'HMS-avvik' }).check();
    await page.getByLabel('Hva skjedde?').fill(OFFLINE_DESCRIPTION);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'hylle.png', mimeType: 'image/png', buffer: png(800, 600) });
    await page.getByRole('img', { name: 'Bilde 1 fra meldingen' }).waitFor();
    await page.getByRole('button', { name: 'Send melding' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Venter på nett: 1 melding/ })
      .waitFor();
    expect(
      await db.selectFrom('avvik').select('id').where('description', '=', OFFLINE_DESCRIPTION).execute(),
    ).toEqual([]);
    await reporter.context.setOffline(false);
    await page.getByRole('status').filter({ hasText: 'Meldingen er sendt.' }).waitFor();
    await check(page, 'sendt etter nett');
    const rows = await db
      .selectFrom('avvik')
      .select(['id', 'category'])
      .where('description', '=', OFFLINE_DESCRIPTION)
      .execute();
    expect(rows).toEqual([{ id: expect.any(String), category: 'hms' }]);
    const photos = await db
      .selectFrom('avvik_photo')
      .select('mime')
      .where('avvik_id', '=', rows[0]?.id ?? '')
      .execute();
    expect(photos).toEqual([{ mime: 'image/jpeg' }]);
    // A reload (another chance to flush) sends nothing twice.
    await page.goto('/avvik');
    await page.getByRole('heading', { level: 2, name: 'Mine meldinger' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(
      await db.selectFrom('avvik').select('id').where('description', '=', OFFLINE_DESCRIPTION).execute(),
    ).toHaveLength(1);
  });

  it('3. the leader assesses it (a barrier of the risk assessment failed), adds a tiltak and closes it with a verification note', async () => {
    const page = leader.page;
    // The unit's risk assessment has a barrier against slipping (made in the risiko module).
    const dbRisk = app.server.database.db;
    const leaderId = (
      await dbRisk
        .selectFrom('user_account')
        .select('id')
        .where('email', '=', leaderAccount.email)
        .executeTakeFirstOrThrow()
    ).id;
    const organisationId = (
      await dbRisk
        .selectFrom('unit')
        .select('organisation_id')
        .where('id', '=', unitId)
        .executeTakeFirstOrThrow()
    ).organisation_id;
    const assessment = await dbRisk
      .insertInto('risk_assessment')
      .values({
        organisation_id: organisationId,
        title: 'Hjemmetjenesten',
        unit_id: unitId,
        responsible_user_id: leaderId,
        responsible_name: leaderAccount.name,
        participants: '[]',
        assessed_on: '2026-01-10',
        next_review: '2027-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const risk = await dbRisk
      .insertInto('risk_item')
      .values({
        organisation_id: organisationId,
        assessment_id: assessment.id,
        area: 'fysisk',
        title: 'Fall på vått gulv',
        initial_p: 3,
        initial_c: 3,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const barrier = await dbRisk
      .insertInto('risk_bowtie_item')
      .values({
        organisation_id: organisationId,
        risk_id: risk.id,
        kind: 'forebyggende',
        text: 'Tørkerutine ved vasken',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await login(page, leaderAccount);
    await page.goto('/avvik');
    await page.getByRole('heading', { level: 2, name: 'Til behandling' }).waitFor();
    await check(page, 'avvik (leder)');
    await page.locator(`li[data-avvik="${avvikId}"]`).getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Vurdering' }).waitFor();
    await check(page, 'avvik til behandling');

    await page.getByRole('radio', { name: /^2 Liten/ }).check();
    await page.getByLabel('Årsak').fill('Lekkasje fra vasken');
    await page
      .getByLabel('Sviktet en barriere fra risikovurderingen?')
      .selectOption({ label: 'Hjemmetjenesten – Fall på vått gulv: Tørkerutine ved vasken' });
    await page.getByRole('button', { name: 'Lagre vurdering' }).click();
    await page.getByRole('status').filter({ hasText: 'Lagret.' }).waitFor();
    expect(
      await dbRisk
        .selectFrom('risk_bowtie_item')
        .select('status')
        .where('id', '=', barrier.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'svekket' });

    await page.getByLabel('Nytt tiltak').fill(TILTAK);
    await page.getByLabel('Ansvarlig').selectOption({ label: leaderAccount.name });
    await page.getByRole('textbox', { name: 'Frist' }).fill(dmy(DUE));
    await page.getByRole('textbox', { name: 'Frist' }).press('Tab');
    await page.getByRole('button', { name: 'Legg til tiltak' }).click();
    await page
      .getByRole('region', { name: 'Tiltak' })
      .getByRole('paragraph')
      .filter({ hasText: TILTAK })
      .waitFor();
    await check(page, 'avvik med tiltak');

    await page.getByLabel(/^Verifikasjon/).fill(VERIFICATION);
    await page.getByRole('button', { name: 'Lukk avviket' }).click();
    await page.getByText(/^Lukket \d\d\.\d\d\.\d{4}/).waitFor();
    await check(page, 'avvik lukket');

    const db = app.server.database.db;
    const row = await db.selectFrom('avvik').selectAll().where('id', '=', avvikId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'lukket',
      severity: 2,
      cause: 'Lekkasje fra vasken',
      verification_note: VERIFICATION,
      risk_barrier_id: barrier.id,
    });
    const leaderUser = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', leaderAccount.email)
      .executeTakeFirstOrThrow();
    const tiltak = await db.selectFrom('avvik_tiltak').selectAll().where('avvik_id', '=', avvikId).execute();
    expect(tiltak).toEqual([
      expect.objectContaining({ text: TILTAK, due: DUE, owner_user_id: leaderUser.id }),
    ]);
    expect(row.closed_by).toBe(leaderUser.id);
    const reporterUser = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', employee.email)
      .executeTakeFirstOrThrow();
    const told = await db
      .selectFrom('notification')
      .select('user_id')
      .where('key', 'like', `event:%:avvik:${avvikId}:lukket%`)
      .execute();
    expect(told).toEqual([{ user_id: reporterUser.id }]);
  });

  it('3b. the leader sees the trends (chart and table; small injury counts masked)', async () => {
    const page = leader.page;
    await page.goto('/avvik/trender');
    await page.getByRole('heading', { level: 1, name: 'Trender i avvik' }).waitFor();
    await page.getByRole('table').waitFor();
    await page
      .getByText('1 tiltak har passert fristen.')
      .or(page.getByText('0 tiltak har passert fristen.'))
      .waitFor();
    await check(page, 'trender');
  });

  it('4. axe found nothing, nothing left the origin, no page errors', () => {
    expect(axe.checked.length).toBeGreaterThanOrEqual(10);
    expect(axe.violations).toEqual([]);
    expect(foreignRequests([...reporter.requests, ...leader.requests], app.url)).toEqual([]);
    expect([...reporter.pageErrors, ...leader.pageErrors]).toEqual([]);
  });
});
