/**
 * The foundation's user journeys in one browser session on an empty database:
 * onboarding → log out / wrong password / log in → units → an employee → CSV import (a bad file
 * refused with nothing written, then a good one) → the employee list on a phone — with axe on
 * every page visited and a record of every request (none may leave the app's origin).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './support/app.ts';
import {
  AxeLog,
  foreignRequests,
  horizontalOverflow,
  launchBrowser,
  openSession,
  overflowingElements,
  type Session,
  screenshot,
  textOf,
} from './support/browser.ts';

const ADMIN = { name: 'Kari Nordmann', email: 'kari@fjellet.example', password: 'fjell og fjord 2026' };

const HEADER = 'Navn;E-post;Telefon;Ansatt fra;Stilling %;Enhet;Nærmeste leder';
const BAD_CSV = [
  HEADER,
  'Berit Berg;berit.berg@fjellet.example;+47 912 34 567;01.02.2024;100;Lønn og personal;',
  'Carl Dahl;ikke-en-epost;;01.03.2024;80;Lønn og personal;berit.berg@fjellet.example',
].join('\n');
const GOOD_CSV = BAD_CSV.replace('ikke-en-epost', 'carl.dahl@fjellet.example');

let app: TestApp;
let browser: Browser;
let s: Session;
let page: Page;
const axe = new AxeLog();

async function employeeTotal(p: Page): Promise<number> {
  const res = await p.request.get('/api/v1/employees?pageSize=1');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

async function heading(p: Page): Promise<string> {
  return (await textOf(p.locator('h1').first())).trim();
}

describe('Nærvær in the browser: from an empty database to imported employees', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    page = s.page;
  });

  afterAll(async () => {
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. onboarding on an empty database checks the orgnr and lands logged in', async () => {
    await page.goto('/');
    await page.waitForURL('**/oppsett');
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    expect(await heading(page)).toBe('Velkommen til Nærvær');
    await axe.check(page, 'oppsett');
    await screenshot(page, '01-oppsett');

    await page.getByLabel('Navn på virksomheten').fill('Fjellet Bygg AS');
    await page.getByLabel('Organisasjonsnummer').fill('123 456 789');
    await page.getByLabel('Fullt navn').fill(ADMIN.name);
    await page.getByLabel('E-postadresse').fill(ADMIN.email);
    await page.getByLabel('Passord', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Gjenta passordet').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Opprett virksomheten' }).click();
    // Mod-11 in the browser: the summary lists it and the field shows it.
    const summary = page.locator('.aksel-error-summary');
    await summary.waitFor();
    expect(await textOf(summary)).toContain('Organisasjonsnummeret er ikke gyldig');
    expect(await page.evaluate(() => document.activeElement?.closest('.aksel-error-summary') !== null)).toBe(
      true,
    );
    await axe.check(page, 'oppsett med feil');
    await screenshot(page, '01-oppsett-feil');

    await page.getByLabel('Organisasjonsnummer').fill('923 609 016');
    await page.getByRole('button', { name: 'Opprett virksomheten' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1, name: 'Hei, Kari' }).waitFor();
    expect(await page.getByText('Org.nr. 923 609 016').count()).toBeGreaterThan(0);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    for (const item of ['Forside', 'Organisasjon', 'Ansatte', 'Importer ansatte', 'Brukere og roller']) {
      await nav.getByRole('link', { name: item, exact: true }).waitFor();
    }
    await axe.check(page, 'forside');
    await screenshot(page, '01-forside');
  });

  it('2. logs out, refuses a wrong password in Norwegian, and logs in again', async () => {
    await page.getByRole('button', { name: `${ADMIN.name} Fjellet Bygg AS Brukermeny` }).click();
    await page.getByRole('menuitem', { name: 'Logg ut' }).click();
    await page.waitForURL('**/logg-inn');
    await page.getByText('Du er logget ut.').waitFor();
    await axe.check(page, 'logg inn');

    await page.getByLabel('E-postadresse').fill(ADMIN.email);
    await page.getByLabel('Passord').fill('feil passord her');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('alert').filter({ hasText: 'Feil e-postadresse eller passord.' }).waitFor();
    await axe.check(page, 'logg inn med feil');
    await screenshot(page, '02-logg-inn-feil');

    await page.getByLabel('Passord').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hei, Kari' }).waitFor();
  });

  it('3. creates a unit and a sub-unit, shown as a tree', async () => {
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Organisasjon', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Organisasjon' }).waitFor();
    await page.getByText('Dere har ingen enheter ennå').waitFor();
    await axe.check(page, 'organisasjon (tom)');

    await page.getByLabel('Navn på enheten').fill('Sentraladministrasjon');
    await page.getByRole('button', { name: 'Opprett enhet' }).click();
    await page.getByText('Enheten «Sentraladministrasjon» er opprettet.').waitFor();

    await page.getByRole('button', { name: 'Ny underenhet under Sentraladministrasjon' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await axe.check(page, 'ny underenhet (dialog)');
    await screenshot(page, '03-underenhet-dialog');
    await dialog.getByLabel('Navn på enheten').fill('Lønn og personal');
    expect(await dialog.getByLabel('Ligger under').inputValue()).not.toBe('');
    await dialog.getByRole('button', { name: 'Opprett enhet' }).click();
    await page.getByText('Enheten «Lønn og personal» er opprettet.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    const nested = page.locator('.unit-tree .unit-tree');
    expect(await textOf(nested)).toContain('Lønn og personal');
    const top = page.locator('.unit-tree > li').first();
    expect(await textOf(top.locator('> .unit-row'))).toContain('Sentraladministrasjon');
    await axe.check(page, 'organisasjon (tre)');
    await screenshot(page, '03-enheter');

    await page.getByRole('tab', { name: 'Verneområder' }).click();
    await page.getByRole('heading', { level: 2, name: 'Verneområder' }).waitFor();
    await axe.check(page, 'verneområder');
    await page.getByRole('button', { name: 'Nytt verneområde' }).click();
    const areaDialog = page.getByRole('dialog');
    await areaDialog.getByLabel('Navn på verneområdet').fill('Kontor');
    await areaDialog.getByRole('checkbox', { name: 'Sentraladministrasjon' }).check();
    await areaDialog.getByRole('checkbox', { name: 'Lønn og personal' }).check();
    await axe.check(page, 'nytt verneområde (dialog)');
    await areaDialog.getByRole('button', { name: 'Lagre verneområdet' }).click();
    await page.getByText('Verneområdet «Kontor» er lagret.').waitFor();
    const areaRow = page.getByRole('row').filter({ hasText: 'Kontor' });
    expect(await textOf(areaRow)).toContain('Sentraladministrasjon, Lønn og personal');
    await page.getByRole('tab', { name: 'Virksomheten' }).click();
    await page.getByLabel('Organisasjonsnummer').waitFor();
    expect(await page.getByLabel('Organisasjonsnummer').inputValue()).toBe('923 609 016');
    await axe.check(page, 'virksomheten');
  });

  it('4. registers an employee (after showing what is missing)', async () => {
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Ansatte', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Ansatte' }).waitFor();
    await page.getByText('Ingen ansatte er registrert ennå.').waitFor();
    await axe.check(page, 'ansatte (tom)');

    await page.getByRole('link', { name: 'Registrer ansatt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrer ansatt' }).waitFor();
    await axe.check(page, 'ny ansatt');
    await page.getByRole('button', { name: 'Registrer ansatt' }).click();
    const summary = page.locator('.aksel-error-summary');
    await summary.waitFor();
    const text = await textOf(summary);
    expect(text).toContain('Skriv navnet til den ansatte.');
    expect(text).toContain('Skriv datoen den ansatte begynte.');
    expect(text).toContain('Velg hvilken enhet den ansatte hører til.');
    await axe.check(page, 'ny ansatt med feil');
    await screenshot(page, '04-ny-ansatt-feil');

    await page.getByLabel('Fullt navn').fill('Anne Ansatt');
    await page.getByLabel('E-postadresse').fill('anne.ansatt@fjellet.example');
    await page.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Sentraladministrasjon' });
    await page.getByLabel('Ansatt fra').fill('31.02.2025');
    await page.getByRole('button', { name: 'Registrer ansatt' }).click();
    await page.locator('.aksel-error-summary').getByText('Datoen finnes ikke').waitFor();
    await page.getByLabel('Ansatt fra').fill('01.09.2025');
    await page.getByLabel('Stillingsprosent').fill('80');
    await page.getByRole('button', { name: 'Registrer ansatt' }).click();

    await page.waitForURL((url) => url.pathname === '/ansatte');
    await page.getByText('Anne Ansatt er registrert.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Anne Ansatt' });
    await row.waitFor();
    const cells = await textOf(row);
    expect(cells).toContain('Sentraladministrasjon');
    expect(cells).toContain('01.09.2025');
    expect(cells).toContain('80 %');
    await axe.check(page, 'ansatte (én)');

    // The saved record opens for editing, with the date shown as dd.mm.åååå.
    await page.getByRole('link', { name: 'Anne Ansatt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anne Ansatt' }).waitFor();
    expect(await page.getByLabel('Ansatt fra').inputValue()).toBe('01.09.2025');
    await axe.check(page, 'endre ansatt');
    await screenshot(page, '04-endre-ansatt');
  });

  it('5. import: a file with one bad row is refused in Norwegian and nothing is written; a good file imports', async () => {
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Importer ansatte' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Importer ansatte' }).waitFor();
    await axe.check(page, 'import');
    const before = await employeeTotal(page);
    expect(before).toBe(1);

    await page.locator('input[type=file]').setInputFiles({
      name: 'ansatte-feil.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(BAD_CSV, 'utf8'),
    });
    await page.getByText('1 rad av 2 har feil. Ingenting blir importert før alle feil er rettet.').waitFor();
    const badRow = page.getByRole('row').filter({ hasText: 'Ugyldig e-postadresse' });
    await badRow.waitFor();
    expect(await textOf(badRow)).toContain('3');
    expect(await textOf(badRow)).toContain('Ugyldig e-postadresse «ikke-en-epost».');
    expect(await page.getByRole('button', { name: /^Importer \d/ }).count()).toBe(0);
    await axe.check(page, 'import med feil');
    await screenshot(page, '05-import-feil');

    // The server refuses the same file as a whole (all-or-nothing), in Norwegian, and writes nothing.
    const session = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
    const refused = await page.request.post('/api/v1/imports/employees', {
      headers: { 'x-csrf-token': session.csrfToken, 'accept-language': 'nb' },
      multipart: {
        file: { name: 'ansatte-feil.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV, 'utf8') },
      },
    });
    expect(refused.status()).toBe(400);
    const body = (await refused.json()) as {
      error: { message: string; fields: { path: string; message: string }[] };
    };
    expect(body.error.message).toContain('Ingenting ble lagret');
    expect(body.error.fields.map((f) => f.path)).toContain('rows.3.email');
    expect(await employeeTotal(page)).toBe(before);

    await page.locator('input[type=file]').setInputFiles({
      name: 'ansatte.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(GOOD_CSV, 'utf8'),
    });
    await page.getByText('Alle 2 rader er i orden og klare til import.').waitFor();
    await axe.check(page, 'import klar');
    await page.getByRole('button', { name: 'Importer 2 ansatte' }).click();
    await page.getByText('2 ansatte er importert.').waitFor();
    expect(await employeeTotal(page)).toBe(before + 2);
    await screenshot(page, '05-import-ferdig');

    await page.getByRole('link', { name: 'Gå til ansattlisten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ansatte' }).waitFor();
    for (const name of ['Anne Ansatt', 'Berit Berg', 'Carl Dahl']) {
      await page.getByRole('link', { name }).waitFor();
    }
    const carl = await textOf(page.getByRole('row').filter({ hasText: 'Carl Dahl' }));
    expect(carl).toContain('Berit Berg');
    expect(carl).toContain('01.03.2024');

    // Search and the unit filter narrow the list.
    await page.getByLabel('Søk etter navn eller e-post').fill('berit');
    await page.waitForURL(/sok=berit/);
    await page.getByText('Viser 1–1 av 1').waitFor();
    await page.getByLabel('Søk etter navn eller e-post').fill('');
    await page.waitForURL((url) => !url.search.includes('sok='));
    await page.getByLabel('Enhet').selectOption({ label: '\u00a0\u00a0\u00a0Lønn og personal' });
    await page.getByText('Viser 1–2 av 2').waitFor();
    await axe.check(page, 'ansatte (filtrert)');
  });

  it('7. the employee list fits a phone (390×844) without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/ansatte');
    await page.getByRole('heading', { level: 1, name: 'Ansatte' }).waitFor();
    await page.getByRole('link', { name: 'Carl Dahl' }).waitFor();
    await screenshot(page, '07-ansatte-mobil');
    expect(await horizontalOverflow(page), (await overflowingElements(page)).join('\n')).toBeLessThanOrEqual(
      0,
    );
    // The desktop navigation gives way to the menu button.
    expect(await page.getByRole('navigation', { name: 'Hovedmeny' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Hovedmeny' }).click();
    await page.getByRole('menuitem', { name: 'Organisasjon' }).waitFor();
    await page.keyboard.press('Escape');
    await axe.check(page, 'ansatte (mobil)');
    for (const path of ['/', '/organisasjon', '/import', '/brukere']) {
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `07-mobil${path.replace(/\//g, '-')}`);
      expect(
        await horizontalOverflow(page),
        `${path}: ${(await overflowingElements(page)).join(', ')}`,
      ).toBeLessThanOrEqual(0);
      await axe.check(page, `${path} (mobil)`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('8. the pages made no request outside their own origin, and axe found no violations', async () => {
    expect(s.requests.length).toBeGreaterThan(10);
    expect(s.requests.some((url) => url.includes('.woff2'))).toBe(true);
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(axe.checked.length).toBeGreaterThan(15);
    expect(axe.violations, axe.violations.join('\n')).toEqual([]);
  });
});
