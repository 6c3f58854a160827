/**
 * The oppfølgingsplan in the browser, on the demo company:
 * (1) the leader of Hjemmetjenesten opens the case of one of their people (a sykmelding from 30 days
 *     ago, registered through the API), creates the plan, types (the draft saves itself: "Lagret kl."),
 *     sees the health-word hint, adds an action and sends the plan for approval;
 * (2) the employee, in a second browser context on a phone, opens "Min oppfølgingsplan" from
 *     "Mitt fravær", comments on a section and approves;
 * (3) the leader sees the approval, downloads the PDF (checked as a PDF with the right name),
 *     records it as sent to the sykmelder, and the case shows the oppfølgingsplan milestone done;
 * (4) the dialogmøte and letter-to-the-doctor pages open for the leader; (5) the administrator opens
 *     the tilrettelegging catalogues.
 * Axe on every page and dialog visited; no request leaves the app's origin.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatNorwegian } from '../../src/domain/calendar/index.ts';
import { startApp, type TestApp } from './support/app.ts';
import {
  AxeLog,
  foreignRequests,
  launchBrowser,
  loadDemo,
  openSession,
  type Session,
  textOf,
} from './support/browser.ts';

type Account = { role: string; name: string; email: string; password: string };

let app: TestApp;
let browser: Browser;
let s: Session;
let page: Page;
let phone: Session | undefined;
const axe = new AxeLog();
let leader: Account;
let employee: Account;
let administrator: Account;
let employeeId = '';

const today = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());

async function login(p: Page, account: { email: string; password: string }): Promise<void> {
  await p.goto('about:blank');
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse').fill(account.email);
  await p.getByLabel('Passord').fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

async function csrf(context: BrowserContext): Promise<string> {
  return ((await (await context.request.get('/api/v1/session')).json()) as { csrfToken: string }).csrfToken;
}

describe('oppfølgingsplan in the browser', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    page = s.page;
    await page.goto('/');
    const accounts = await loadDemo(s.context);
    leader = accounts.find((a) => a.role === 'leder (Hjemmetjenesten)')!;
    employee = accounts.find((a) => a.role === 'ansatt (Hjemmetjenesten)')!;
    administrator = accounts.find((a) => a.role.startsWith('admin'))!;
    expect(leader).toBeDefined();
    expect(employee).toBeDefined();
    expect(administrator).toBeDefined();
  });

  afterAll(async () => {
    await phone?.context.close();
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. the leader drafts the plan; it saves itself', async () => {
    await login(page, leader);
    const list = await page
      .context()
      .request.get(`/api/v1/employees?search=${encodeURIComponent(employee.email)}`);
    employeeId = ((await list.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
    expect(employeeId).toMatch(/^[0-9a-f-]{36}$/);
    const caseView = await page.context().request.get(`/api/v1/sykefravaer/employees/${employeeId}`);
    const version = ((await caseView.json()) as { version: number }).version;
    const created = await page.context().request.post(`/api/v1/sykefravaer/employees/${employeeId}/periods`, {
      headers: { 'x-csrf-token': await csrf(page.context()) },
      data: { type: 'sykmelding', start: addDays(today, -30), end: addDays(today, 30), grade: 100, version },
    });
    expect(created.status()).toBe(201);

    await page.goto(`/sykefravaer/${employeeId}`);
    await page.getByRole('heading', { level: 1, name: employee.name }).waitFor();
    await page.getByRole('link', { name: 'Oppfølgingsplan', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Oppfølgingsplan' }).waitFor();
    await axe.check(page, 'oppfølgingsplan (ingen plan)');
    await page.getByRole('button', { name: 'Lag oppfølgingsplan' }).click();
    await page.getByRole('heading', { level: 1, name: `Oppfølgingsplan: ${employee.name}` }).waitFor();
    await page.getByText('Utkast', { exact: true }).waitFor();

    await page.getByLabel('En typisk arbeidsdag').fill('Morgenmøte, så besøk hos brukere i sone nord.');
    await page
      .getByLabel('Oppgaver arbeidstakeren kan gjøre')
      .fill('Planlegging, opplæring av lærlinger og bestilling av utstyr.');
    await page.getByLabel('Trivsel: hva er vanskelig').fill('Migrene gjør lange dager vanskelige.');
    await page.getByText(/^Lagret kl\. \d{2}:\d{2}$/).waitFor();
    await page.getByText(/Teksten ser ut til å nevne helseopplysninger \(migrene\)/).waitFor();
    await page.getByLabel('Trivsel: hva er vanskelig').fill('Lange dager er krevende.');
    await page.getByRole('button', { name: 'Legg til tiltak' }).click();
    await page.getByLabel('Hva skal gjøres').fill('Bestille hev-senk-pult');
    await page.getByLabel('Frist (valgfritt)').fill(formatNorwegian(addDays(today, 7)));
    await page.getByRole('radio', { name: 'Ja' }).check();
    await page.getByText(/^Lagret kl\. \d{2}:\d{2}$/).waitFor();
    await expect
      .poll(() => page.getByText(/Teksten ser ut til å nevne helseopplysninger/).count(), { timeout: 10_000 })
      .toBe(0);
    await axe.check(page, 'oppfølgingsplan (utkast)');

    // The versions and a readable diff.
    await page
      .getByRole('button', { name: /^Vis endringer i versjon/ })
      .first()
      .click();
    await page.locator('.plan-diff').first().waitFor();
    await axe.check(page, 'oppfølgingsplan (endringer)');

    await page.getByRole('button', { name: 'Send til godkjenning' }).click();
    await page.getByText('Planen er sendt til den ansatte for godkjenning.').waitFor();
    await page.getByText('Til godkjenning', { exact: true }).waitFor();
  });

  it('2. the employee comments on a section and approves, on a phone', async () => {
    phone = await openSession(browser, app.url, { width: 390, height: 844 });
    const p = phone.page;
    await login(p, employee);
    await p.goto('/mitt-fravaer');
    await p.getByRole('link', { name: 'Min oppfølgingsplan' }).click();
    await p.getByRole('heading', { level: 1, name: 'Min oppfølgingsplan' }).waitFor();
    await p.getByText('Morgenmøte, så besøk hos brukere i sone nord.').waitFor();
    await p.getByText('Bestille hev-senk-pult').waitFor();
    await axe.check(p, 'min oppfølgingsplan (telefon)');
    await p
      .getByLabel('Kommentar til «Tilrettelegging i arbeidsgivers regi»')
      .fill('Jeg vil gjerne prøve hjemmekontor én dag i uka.');
    await p
      .locator('section')
      .filter({ has: p.getByRole('heading', { name: 'Tilrettelegging i arbeidsgivers regi' }) })
      .getByRole('button', { name: 'Send kommentar' })
      .click();
    await p.getByText('Kommentaren er lagret.').waitFor();
    await p.getByText('Jeg vil gjerne prøve hjemmekontor én dag i uka.').waitFor();
    await p.getByRole('button', { name: 'Godkjenn planen' }).click();
    await p.getByText('Du har godkjent planen.').waitFor();
    await p.getByText('Godkjent', { exact: true }).waitFor();
    await axe.check(p, 'min oppfølgingsplan (godkjent)');
    expect(foreignRequests(phone.requests, app.url)).toEqual([]);
  });

  it('3. the leader downloads the PDF, records it as sent to the sykmelder, and the milestone is done', async () => {
    await page.reload();
    await page.getByText('Godkjent', { exact: true }).waitFor();
    await page.getByText('Jeg vil gjerne prøve hjemmekontor én dag i uka.').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a', { hasText: 'Last ned PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^oppfolgingsplan-.+-v\d+\.pdf$/);
    const file = await readFile((await download.path())!);
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByRole('button', { name: 'Registrer sendt til sykmelder / NAV' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await axe.check(page, 'registrer sendt (dialog)');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Sendingen er registrert.').waitFor();

    await page.getByRole('link', { name: 'Tilbake til sykefraværet' }).click();
    await page.getByRole('heading', { level: 1, name: employee.name }).waitFor();
    const milestone = page.locator('li.sf-milestone[data-key="oppfolgingsplan"]');
    await milestone.waitFor();
    expect(await milestone.getAttribute('data-state')).toBe('done');
    expect(await textOf(milestone)).toContain(`av ${leader.name}`);
    await axe.check(page, 'sykefravær (plan sendt)');
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
  });

  it('4. the dialogmøte and letter-to-the-doctor pages open, in Norwegian', async () => {
    await page.goto(`/sykefravaer/${employeeId}/dialogmoter`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toContain('Dialogmøte');
    await axe.check(page, 'dialogmøter');
    await page.goto(`/sykefravaer/${employeeId}/legebrev`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toMatch(/lege/i);
    await page.getByText('Ikke skriv diagnose', { exact: false }).first().waitFor();
    await axe.check(page, 'brev til legen');
  });

  it('5. an administrator opens the tilrettelegging catalogues', async () => {
    await s.context.clearCookies(); // log the leader out
    await login(page, administrator);
    await page.goto('/innstillinger/tilrettelegging');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toMatch(/Tilrettelegging/);
    await page.getByRole('tab').first().waitFor();
    await axe.check(page, 'tilrettelegging (katalog)');
  });

  it('axe found nothing on any page visited', () => {
    expect(axe.checked.length).toBeGreaterThanOrEqual(10);
    expect(axe.violations).toEqual([]);
  });
});
