/**
 * The installable app (ADR 0015) on a phone (390×844), with the database as the judge:
 * (1) the web app manifest is served and valid (name, bokmål, standalone, start URL, PNG icons of the
 *     sizes they claim, a maskable one) and the page links it;
 * (2) the service worker takes control and precaches the app shell — and after the pages have
 *     called the API, no cache holds any `/api` reply (health and personal data never sit in a cache);
 * (3) with the network off, an employee reports an avvik; it waits on the device, the app is
 *     reloaded while still offline (the shell comes from the service worker, the report from
 *     IndexedDB), and when the network returns it is stored exactly once;
 * (4) a cold start without network (a new page, the old one closed, the worker installed): the
 *     session snapshot (ADR 0022 — ids and roles, no name) lets the form open with the QR code's
 *     place, the report waits on the device, and when the network returns — without a reload — the
 *     gate retries, the outbox is sent and the database holds it exactly once; logout ends the snapshot.
 * Axe (WCAG 2.1 AA) on every page visited: 0 violations; nothing leaves the origin; no page errors.
 */
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
const OFFLINE_DESCRIPTION = 'Trappetrinn løsnet ved inngang B, ingen skadet.';

let app: TestApp;
let browser: Browser;
let s: Session;
const axe = new AxeLog();
let employee: Account;
let unitId = '';

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

/** Width and height from a PNG's IHDR chunk. */
/**
 * Whether the page's fetch reaches the API. The offline steps check this rather than
 * `navigator.onLine`: Debian's Chromium 150 reports `onLine` true in a page loaded from the service
 * worker while the context is offline, though no request gets through.
 */
async function apiReachable(p: Page): Promise<boolean> {
  return p.evaluate(() =>
    fetch('/api/v1/session', { cache: 'no-store' }).then(
      () => true,
      () => false,
    ),
  );
}

function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Every URL in every cache of the page's origin. */
async function cachedUrls(p: Page): Promise<string[]> {
  return p.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
}

describe('avvik as an installable app', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url, PHONE);
    await s.page.goto('/');
    const accounts = await loadDemo(s.context);
    const e = accounts.find((a) => a.role === 'ansatt (Hjemmetjenesten)');
    if (!e) throw new Error('the demo has no employee in Hjemmetjenesten');
    employee = e;
    unitId = (
      await app.server.database.db
        .selectFrom('unit')
        .select('id')
        .where('name', '=', 'Hjemmetjenesten')
        .executeTakeFirstOrThrow()
    ).id;
  });

  afterAll(async () => {
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. the web app manifest is served, valid and linked from the page', async () => {
    const href = await s.page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const res = await s.context.request.get('/manifest.webmanifest');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = (await res.json()) as {
      name: string;
      short_name: string;
      lang: string;
      start_url: string;
      scope: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Nærvær',
      short_name: 'Nærvær',
      lang: 'nb',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#0063c1',
    });
    // Chromium's install criteria: a PNG icon of at least 192 and one of 512 pixels; a maskable one for Android.
    const pngs = manifest.icons.filter((i) => i.type === 'image/png');
    expect(pngs.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of pngs) {
      const image = await s.context.request.get(icon.src);
      expect([icon.src, image.status(), image.headers()['content-type']]).toEqual([
        icon.src,
        200,
        'image/png',
      ]);
      const [w, h] = icon.sizes.split('x').map(Number);
      expect(pngSize(await image.body())).toEqual({ width: w, height: h });
    }
  });

  it('2. the service worker controls the app and caches the shell, never an /api reply', async () => {
    const page = s.page;
    await login(page, employee);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${app.url}/`);
    // Pages that read personal data through the API while the worker is in control.
    await page.goto('/avvik');
    await page.getByRole('heading', { level: 2, name: 'Mine meldinger' }).waitFor();
    await check(page, 'avvik (ansatt)');
    await page.goto(`/avvik/ny?sted=${unitId}`);
    await page.getByRole('heading', { level: 1, name: 'Meld avvik eller uønsket hendelse' }).waitFor();
    await check(page, 'meld avvik');
    expect(s.requests.some((u) => new URL(u).pathname.startsWith('/api/v1/avvik'))).toBe(true);

    const urls = await cachedUrls(page);
    expect(urls).toContain('/index.html');
    expect(urls.some((u) => /^\/assets\/index-.*\.js$/.test(u))).toBe(true);
    expect(urls.filter((u) => u.startsWith('/api'))).toEqual([]);
  });

  it('3. offline: a report survives a reload without network and arrives exactly once when it returns', async () => {
    const page = s.page;
    const db = app.server.database.db;
    await s.context.setOffline(true);
    // The API is not answered from any cache.
    expect(
      await page.evaluate(() =>
        fetch('/api/v1/session').then(
          () => 'answered',
          () => 'no network',
        ),
      ),
    ).toBe('no network');

    await page.getByRole('radio', { name: 'HMS-avvik' }).check();
    await page.getByLabel('Hva skjedde?').fill(OFFLINE_DESCRIPTION);
    await page.getByRole('button', { name: 'Send melding' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Venter på nett: 1 melding/ })
      .waitFor();
    await check(page, 'venter på nett');
    expect(
      await db.selectFrom('avvik').select('id').where('description', '=', OFFLINE_DESCRIPTION).execute(),
    ).toEqual([]);

    // Still offline, the app is opened again: the shell comes from the service worker's cache.
    const document = await page.reload();
    expect(document?.fromServiceWorker()).toBe(true);
    await page.locator('#root').waitFor({ state: 'attached' });
    expect(await apiReachable(page)).toBe(false);
    // The shell is up (header, language choice) and waits for the network to load the session.
    await page.getByRole('link', { name: 'Hopp til hovedinnhold' }).waitFor({ state: 'attached' });
    await check(page, 'skall uten nett');
    expect(
      await db.selectFrom('avvik').select('id').where('description', '=', OFFLINE_DESCRIPTION).execute(),
    ).toEqual([]);

    // Network back; the app is opened again.
    await s.context.setOffline(false);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Meld avvik eller uønsket hendelse' }).waitFor();
    await expect
      .poll(
        async () =>
          (await db.selectFrom('avvik').select('id').where('description', '=', OFFLINE_DESCRIPTION).execute())
            .length,
        { timeout: 20_000 },
      )
      .toBe(1);
    await page.goto('/avvik');
    await page.getByRole('heading', { level: 2, name: 'Mine meldinger' }).waitFor();
    await page.waitForLoadState('networkidle');
    await check(page, 'avvik etter nett');
    const rows = await db
      .selectFrom('avvik')
      .select(['category', 'unit_id', 'status'])
      .where('description', '=', OFFLINE_DESCRIPTION)
      .execute();
    expect(rows).toEqual([{ category: 'hms', unit_id: unitId, status: 'ny' }]);
    // Nothing of the API reached a cache on the way either.
    expect((await cachedUrls(page)).filter((u) => u.startsWith('/api'))).toEqual([]);
  });

  it('4. cold start offline: the form opens from the snapshot, the report arrives once when the network returns', async () => {
    const db = app.server.database.db;
    const COLD = 'Glatt gulv i skyllerommet etter vask, en kollega skled nesten.';
    const rowsOf = () =>
      db.selectFrom('avvik').select(['category', 'unit_id']).where('description', '=', COLD).execute();
    // Only what ADR 0022 allows is kept on the device: ids, roles, language, the time, the places.
    const kept = await s.page.evaluate(() => localStorage.getItem('naervaer.offline-session.v1'));
    expect(kept).not.toBeNull();
    const snapshot = JSON.parse(kept ?? '{}') as Record<string, unknown>;
    expect(Object.keys(snapshot).sort()).toEqual([
      'locale',
      'organisationId',
      'places',
      'roles',
      'savedAt',
      'userId',
    ]);
    expect(kept).not.toContain(employee.name);
    expect(kept).not.toContain(employee.email);

    // The app is closed; it is opened again from the home screen with no network at all.
    await s.context.setOffline(true);
    const page = await s.context.newPage();
    page.on('pageerror', (error) => s.pageErrors.push(error.message));
    await s.page.close();
    const document = await page.goto(`/avvik/ny?sted=${unitId}`);
    expect(document?.fromServiceWorker()).toBe(true);
    expect(await apiReachable(page)).toBe(false);
    await page.getByRole('heading', { level: 1, name: 'Meld avvik eller uønsket hendelse' }).waitFor();
    // The QR code's place is chosen, and named from the kept places list.
    expect(await page.getByLabel('Hvor skjedde det?').inputValue()).toBe(unitId);
    await page.getByRole('option', { name: 'Hjemmetjenesten' }).waitFor({ state: 'attached' });
    await page.getByRole('radio', { name: 'HMS-avvik' }).check();
    await page.getByLabel('Hva skjedde?').fill(COLD);
    await page.getByRole('button', { name: 'Send melding' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Venter på nett: 1 melding/ })
      .waitFor();
    await check(page, 'kald start uten nett');
    expect(await rowsOf()).toEqual([]);

    // The network returns; nobody reloads: the gate asks again by itself and the outbox is sent.
    await s.context.setOffline(false);
    await expect.poll(async () => (await rowsOf()).length, { timeout: 30_000, interval: 250 }).toBe(1);
    expect(await rowsOf()).toEqual([{ category: 'hms', unit_id: unitId }]);
    // The header shows the user's name again (the server's session replaced the snapshot).
    await page.getByText(employee.name).first().waitFor();
    // Still exactly one, also after the page has had time to send again.
    await page.waitForLoadState('networkidle');
    expect((await rowsOf()).length).toBe(1);

    // Logout ends the snapshot: the next person on a shared phone cannot open the form as this user.
    await page.locator('.user-button').click();
    await page.getByRole('menuitem', { name: 'Logg ut' }).click();
    await page.waitForURL('**/logg-inn');
    expect(await page.evaluate(() => localStorage.getItem('naervaer.offline-session.v1'))).toBeNull();
  });

  it('5. axe found nothing, nothing left the origin, no page errors', () => {
    expect(axe.checked.length).toBeGreaterThanOrEqual(4);
    expect(axe.violations).toEqual([]);
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
