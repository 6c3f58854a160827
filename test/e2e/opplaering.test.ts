/**
 * Opplæring in the browser, on the demo company, with the database as the judge of what was saved:
 * (1) HR opens «Opplæring» from the main menu and «Registrer opplæring»; picks the employee by
 *     keyboard, chooses «Førstehjelp», fills in the dates (dd.mm.åååå), 7,5 hours and the provider,
 *     and attaches the course certificate (a PDF) → `training_record` holds exactly that, the
 *     certificate's bytes included;
 * (2) back on «Opplæring» the matrix shows the employee's first-aid cell as «Går snart ut» (in words,
 *     not colour alone), the list links the certificate, and the download is an attachment; HR
 *     corrects the hours and the provider in «Rett …» → the row has them, the certificate unchanged;
 *     on a phone (390×844) the page does not scroll sideways;
 * (3) the employee logs in and finds the course under «Min opplæring», with the certificate;
 * (4) HR deletes the course → no `training_record` is left, and the deletion is in the audit log.
 * Axe on every page visited; no request leaves the app's origin; no page errors.
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
  overflowingElements,
  type Session,
  textOf,
} from './support/browser.ts';

type Account = { role: string; name: string; email: string; password: string };

let app: TestApp;
let browser: Browser;
let s: Session;
let page: Page;
const axe = new AxeLog();
let hr: Account;
let employee: Account;

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

const COMPLETED = shift(today, -700);
/** Within 30 days: «Går snart ut». */
const EXPIRES = shift(today, 20);
const FILE_NAME = 'førstehjelp-kursbevis.pdf';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n' +
    'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

async function login(p: Page, account: { email: string; password: string }): Promise<void> {
  await p.goto('about:blank');
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse').fill(account.email);
  await p.getByLabel('Passord').fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

async function logout(p: Page): Promise<void> {
  await p.getByRole('button', { name: /Brukermeny$/ }).click();
  await p.getByRole('menuitem', { name: 'Logg ut' }).click();
  await p.waitForURL('**/logg-inn');
}

async function employeeIdOf(email: string): Promise<string> {
  const row = await app.server.database.db
    .selectFrom('user_account as u')
    .innerJoin('membership as m', 'm.user_id', 'u.id')
    .select('m.employee_id')
    .where('u.email', '=', email)
    .executeTakeFirstOrThrow();
  if (!row.employee_id) throw new Error(`${email} has no employee record`);
  return row.employee_id;
}

describe('opplæring in the browser', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    page = s.page;
    await page.goto('/');
    const accounts = await loadDemo(s.context);
    const foundHr = accounts.find((a) => a.role.startsWith('hr'));
    const foundEmployee = accounts.find((a) => a.role === 'ansatt (Hjemmetjenesten)');
    if (!foundHr || !foundEmployee) throw new Error('the demo has no HR or employee login');
    hr = foundHr;
    employee = foundEmployee;
  });

  afterAll(async () => {
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. HR registers first-aid training with a certificate for an employee', async () => {
    await login(page, hr);
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Internkontroll', exact: true })
      .click();
    await page
      .getByRole('navigation', { name: 'Meny for Internkontroll' })
      .getByRole('link', { name: 'Opplæring', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Opplæring', exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Hvem mangler hva' }).waitFor();
    await axe.check(page, 'opplæring');

    await page.getByRole('link', { name: 'Registrer opplæring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrer opplæring' }).waitFor();
    await axe.check(page, 'registrer opplæring');

    // The employee, by keyboard: type the name, wait for the one hit, ArrowDown to it, Enter.
    const picker = page.getByRole('combobox', { name: /^Ansatt/ });
    const list = page.locator('.aksel-combobox__list-options');
    await picker.focus();
    await picker.pressSequentially(employee.name, { delay: 10 });
    await list.getByRole('option', { name: new RegExp(`^${employee.name} – `) }).waitFor();
    await expect.poll(() => list.getByRole('option').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('.aksel-combobox__list-options').waitFor({ state: 'hidden' });

    await page.getByLabel('Kurstype').selectOption('forstehjelp');
    await page.getByLabel('Fullført dato').fill(dmy(COMPLETED));
    await page.getByLabel('Fullført dato').press('Tab');
    await page.getByLabel('Antall timer').fill('7,5');
    await page.getByLabel('Kursholder (valgfritt)').fill('Norsk Folkehjelp');
    await page.getByLabel('Går ut (valgfritt)').fill(dmy(EXPIRES));
    await page.getByLabel('Går ut (valgfritt)').press('Tab');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: PDF });
    await page.getByText(FILE_NAME).first().waitFor();
    await axe.check(page, 'registrer opplæring (utfylt)');

    await page.getByRole('button', { name: 'Registrer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Opplæring', exact: true }).waitFor();
    await page.getByText(`Førstehjelp er registrert for ${employee.name}.`).waitFor();

    const employeeId = await employeeIdOf(employee.email);
    const rows = await app.server.database.db.selectFrom('training_record').selectAll().execute();
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({
      employee_id: employeeId,
      course: 'forstehjelp',
      title: null,
      completed_on: COMPLETED,
      expires_on: EXPIRES,
      provider: 'Norsk Folkehjelp',
      note: null,
      certificate_name: FILE_NAME,
      certificate_mime: 'application/pdf',
      certificate_size: PDF.length,
    });
    expect(Number(row?.hours)).toBe(7.5);
    expect(Buffer.from(row?.certificate ?? Buffer.alloc(0)).equals(PDF)).toBe(true);
    const audit = await app.server.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'training_record')
      .execute();
    expect(audit).toEqual([{ action: 'create', entity_id: row?.id }]);
  });

  it('2. the matrix says «Går snart ut» in words; the certificate downloads as an attachment; HR corrects the course', async () => {
    const employeeId = await employeeIdOf(employee.email);
    const cell = page.locator(`tr[data-employee="${employeeId}"] td[data-course="forstehjelp"]`);
    await cell.waitFor();
    expect(await cell.getAttribute('data-state')).toBe('expiring');
    expect(await textOf(cell.locator('.opp-state'))).toBe('Går snart ut');
    expect(await textOf(cell)).toContain(`går ut ${dmy(EXPIRES)}`);
    await axe.check(page, 'opplæring (med kurs)');

    const link = page.getByRole('link', { name: `Last ned ${FILE_NAME}` });
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/opplaering\/[0-9a-f-]+\/bevis$/);
    const download = await page.request.get(href ?? '');
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`,
    );
    expect(download.headers()['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);

    // HR corrects the hours and the provider; who took it and the certificate stay as they were.
    await page.getByRole('button', { name: `Rett Førstehjelp for ${employee.name}` }).click();
    const edit = page.getByRole('dialog', { name: 'Rette opplæringen' });
    await edit.waitFor();
    expect(await edit.getByLabel('Antall timer').inputValue()).toBe('7,5');
    expect(await edit.getByLabel('Går ut (valgfritt)').inputValue()).toBe(dmy(EXPIRES));
    await edit.getByLabel('Antall timer').fill('8');
    await edit.getByLabel('Kursholder (valgfritt)').fill('Røde Kors Førstehjelp');
    await axe.check(page, 'rett opplæringen (dialog)');
    await edit.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.getByText(`Førstehjelp for ${employee.name} er rettet.`).waitFor();
    await edit.waitFor({ state: 'detached' });
    const corrected = await app.server.database.db
      .selectFrom('training_record')
      .select(['employee_id', 'course', 'completed_on', 'expires_on', 'hours', 'provider', 'certificate'])
      .executeTakeFirstOrThrow();
    expect(corrected).toMatchObject({
      employee_id: employeeId,
      course: 'forstehjelp',
      completed_on: COMPLETED,
      expires_on: EXPIRES,
      provider: 'Røde Kors Førstehjelp',
    });
    expect(Number(corrected.hours)).toBe(8);
    expect(Buffer.from(corrected.certificate ?? Buffer.alloc(0)).equals(PDF)).toBe(true);
    await expect.poll(() => textOf(page.locator('tr[data-record]'))).toContain('Røde Kors Førstehjelp');

    // On a phone the page does not scroll sideways (the table scrolls inside its own box).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    const overflow = await horizontalOverflow(page);
    if (overflow > 0)
      throw new Error(`horizontal overflow ${overflow}px: ${(await overflowingElements(page)).join(', ')}`);
    await axe.check(page, 'opplæring (mobil)');
    await page.setViewportSize({ width: 1280, height: 900 });
    await logout(page);
  });

  it('3. the employee finds the course under «Min opplæring»', async () => {
    await login(page, employee);
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Min opplæring', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Min opplæring' }).waitFor();
    const item = page.locator('li[data-record]');
    await item.first().waitFor();
    expect(await item.count()).toBe(1);
    expect(await textOf(item)).toContain('Førstehjelp');
    expect(await textOf(item)).toContain(`går ut ${dmy(EXPIRES)}`);
    await page.getByRole('link', { name: `Last ned ${FILE_NAME}` }).waitFor();
    // The employee has no «Opplæring» overview in the menu.
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    expect(await nav.getByRole('link', { name: 'Opplæring', exact: true }).count()).toBe(0);
    await axe.check(page, 'min opplæring');
  });

  it('4. HR deletes the course, with its certificate', async () => {
    await logout(page);
    await login(page, hr);
    await page.goto('/internkontroll/opplaering');
    await page.getByRole('heading', { level: 1, name: 'Opplæring', exact: true }).waitFor();
    const db = app.server.database.db;
    const record = await db.selectFrom('training_record').select('id').executeTakeFirstOrThrow();
    await page.getByRole('button', { name: `Slett Førstehjelp for ${employee.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Slette opplæringen?' });
    await dialog.waitFor();
    await axe.check(page, 'slett opplæringen (dialog)');
    await dialog.getByRole('button', { name: 'Slett', exact: true }).click();
    await page.getByText('Opplæringen er slettet.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await db.selectFrom('training_record').select('id').execute()).toEqual([]);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'training_record')
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'create', entity_id: record.id },
        { action: 'update', entity_id: record.id },
        { action: 'delete', entity_id: record.id },
      ]),
    );
    await page.getByText('Ingen opplæring er registrert.').waitFor();
  });

  it('5. axe found nothing, nothing left the origin, no page errors', () => {
    expect(axe.checked.length).toBeGreaterThanOrEqual(8);
    expect(axe.violations).toEqual([]);
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
