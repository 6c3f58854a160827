/**
 * The demo button on an empty database, logging in as its users: what each role sees in the
 * navigation, a leader's own team, the language switch, and two people saving the same employee
 * (the second gets a clear message and can load the latest version). Axe on every page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './support/app.ts';
import {
  AxeLog,
  foreignRequests,
  launchBrowser,
  openSession,
  type Session,
  screenshot,
  textOf,
} from './support/browser.ts';

type Account = { role: string; name: string; email: string; password: string };

let app: TestApp;
let browser: Browser;
let s: Session;
let page: Page;
const axe = new AxeLog();
const accounts: Account[] = [];

async function navLinks(p: Page, name = 'Hovedmeny'): Promise<string[]> {
  return (await p.getByRole('navigation', { name }).getByRole('link').allInnerTexts()).map((x) => x.trim());
}

async function logout(p: Page): Promise<void> {
  await p.getByRole('button', { name: /Brukermeny$/ }).click();
  await p.getByRole('menuitem', { name: 'Logg ut' }).click();
  await p.waitForURL('**/logg-inn');
}

async function login(p: Page, account: Account): Promise<void> {
  await p.getByLabel('E-postadresse').fill(account.email);
  await p.getByLabel('Passord').fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

describe('the demo company', () => {
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

  it('loads from the onboarding page and lists one login per role', async () => {
    await page.goto('/');
    await page.waitForURL('**/oppsett');
    await page.getByRole('button', { name: 'Last inn demovirksomheten' }).click();
    await page.getByText('Demovirksomheten er lastet inn.').waitFor();
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(8);
    for (let i = 0; i < 8; i++) {
      const cells = (await rows.nth(i).locator('td').allInnerTexts()).map((c) => c.trim());
      accounts.push({
        role: cells[0] ?? '',
        name: cells[1] ?? '',
        email: cells[2] ?? '',
        password: cells[3] ?? '',
      });
    }
    expect(accounts.map((a) => a.role)).toContain('Leder (Hjemmetjenesten)');
    expect(accounts.map((a) => a.role)).toContain('Administrator');
    await axe.check(page, 'demo-brukere');
    await screenshot(page, '09-demo');
  });

  it('a leader sees only “Mine medarbeidere” and their own team', async () => {
    const leader = accounts.find((a) => a.role.startsWith('Leder'))!;
    await page.getByRole('button', { name: `Logg inn som ${leader.name}` }).click();
    await page.getByRole('heading', { level: 1, name: `Hei, ${leader.name.split(' ')[0]}` }).waitFor();
    expect(await navLinks(page)).toEqual([
      'Forside',
      'Mine medarbeidere',
      'Sykefravær',
      'Mine oppgaver',
      'Internkontroll',
      'Risikovurdering',
      'Avvik',
      'Sykefraværsstatistikk',
      'AMU',
      'Undersøkelser',
      'Mitt fravær',
      'Mine rutiner',
      'Min opplæring',
      'Varsling',
      'Min side',
    ]);
    await axe.check(page, 'forside (leder)');

    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Mine medarbeidere' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mine medarbeidere' }).waitFor();
    await page.getByText(/Viser 1–\d+ av 3\d/).waitFor();
    expect(await page.getByRole('link', { name: 'Registrer ansatt' }).count()).toBe(0);
    await axe.check(page, 'mine medarbeidere');
    await page.locator('table a').first().click();
    await page.locator('dl.details').waitFor();
    await axe.check(page, 'medarbeider (lesetilgang)');

    // Pages outside the role answer "not found".
    await page.goto('/brukere');
    await page.getByRole('heading', { level: 1, name: 'Fant ikke siden' }).waitFor();
    await axe.check(page, 'ikke funnet');
    await page.goto('/');
    await logout(page);
  });

  it('an employee sees their own page, in English too', async () => {
    const employee = accounts.find((a) => a.role.startsWith('Ansatt'))!;
    await login(page, employee);
    expect(await navLinks(page)).toEqual([
      'Forside',
      'Mine oppgaver',
      'Risikovurdering',
      'Avvik',
      'AMU',
      'Undersøkelser',
      'Mitt fravær',
      'Mine rutiner',
      'Min opplæring',
      'Varsling',
      'Min side',
    ]);
    // Mine oppgaver: no sick-leave part for an employee, only their own HMS deadlines.
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Mine oppgaver' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'HMS og internkontroll' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Sykefraværsoppfølging' }).count()).toBe(0);
    await axe.check(page, 'mine oppgaver (ansatt)');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Min side' }).click();
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    await page.getByText('Hjemmetjenesten').first().waitFor();
    await axe.check(page, 'min side');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My page' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await navLinks(page, 'Main menu')).toEqual([
      'Home',
      'My tasks',
      'Risk assessment',
      'Deviations',
      'AMU',
      'Surveys',
      'My absence',
      'My routines',
      'My training',
      'Whistleblowing',
      'My page',
    ]);
    await axe.check(page, 'my page (en)');
    await screenshot(page, '10-my-page-en');
    // The choice is saved on the user as well.
    const me = (await (await page.request.get('/api/v1/session')).json()) as { user: { locale: string } };
    expect(me.user.locale).toBe('en');
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    await logout(page);
  });

  it('two people change the same employee: the second is told, and can load the latest version', async () => {
    const admin = accounts.find((a) => a.role === 'Administrator')!;
    await login(page, admin);
    expect(await navLinks(page)).toEqual([
      'Forside',
      'Organisasjon',
      'Ansatte',
      'Importer ansatte',
      'Sykefravær',
      'Mine oppgaver',
      'Internkontroll',
      'Risikovurdering',
      'Avvik',
      'Sykefraværsstatistikk',
      'AMU',
      'Undersøkelser',
      'Brukere og roller',
      'Mitt fravær',
      'Mine rutiner',
      'Min opplæring',
      'Varsling',
      'Min side',
      'Innstillinger',
    ]);
    await page.goto('/ansatte?sok=hansen');
    await page.locator('table a').first().waitFor();
    // A Hansen with a leader, so the database can show that the saves below keep the leader.
    const db = app.server.database.db;
    const hansen = await db
      .selectFrom('employee')
      .select(['id', 'leader_id'])
      .where('name', 'like', '% Hansen')
      .where('leader_id', 'is not', null)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const href = `/ansatte/${hansen.id}`;
    expect(await page.locator(`table a[href="${href}"]`).count()).toBe(1);
    const leaderIdInDb = async () =>
      (
        await db
          .selectFrom('employee')
          .select('leader_id')
          .where('id', '=', hansen.id)
          .executeTakeFirstOrThrow()
      ).leader_id;
    const leaderBefore = hansen.leader_id;

    const other = await s.context.newPage();
    await other.goto(href);
    await page.goto(href);
    await page.getByLabel('Fullt navn').waitFor();
    await other.getByLabel('Fullt navn').waitFor();

    await other.getByLabel('Telefonnummer').fill('+47 900 00 001');
    await other.getByRole('button', { name: 'Lagre' }).click();
    await other.getByText('Endringene er lagret.').waitFor();
    await other.close();

    await page.getByLabel('Stillingsprosent').fill('50');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Noen andre har endret dette i mellomtiden.', { exact: false }).waitFor();
    await axe.check(page, 'ansatt (konflikt)');
    await screenshot(page, '11-konflikt');
    await page.getByRole('button', { name: 'Hent den nyeste versjonen' }).click();
    await page.getByText('Du ser nå den nyeste versjonen.', { exact: false }).waitFor();
    expect(await page.getByLabel('Telefonnummer').inputValue()).toBe('+47 900 00 001');
    await page.getByLabel('Stillingsprosent').fill('50');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Endringene er lagret.').waitFor();
    // «Lagret» is not enough: the database still has the leader nobody touched.
    expect(await leaderIdInDb()).toBe(leaderBefore);

    await page.goto('/brukere');
    await page.getByRole('heading', { level: 1, name: 'Brukere og roller' }).waitFor();
    await page.locator('table tbody tr').nth(7).waitFor();
    await axe.check(page, 'brukere');
    await page.getByRole('button', { name: 'Gi en person tilgang' }).click();
    await page.getByRole('dialog').waitFor();
    await page
      .getByRole('dialog')
      .getByRole('checkbox', { name: /^Leder/ })
      .check();
    await page.getByRole('dialog').getByRole('button', { name: 'Gi tilgang' }).click();
    await page.getByRole('dialog').locator('.aksel-error-summary').waitFor();
    const summary = await textOf(page.getByRole('dialog').locator('.aksel-error-summary'));
    expect(summary).toContain('Skriv navnet.');
    expect(summary).toContain('En leder må knyttes til sin egen ansattpost.');
    await axe.check(page, 'gi tilgang (feil)');
    await screenshot(page, '12-gi-tilgang');
  });

  it('made no request outside its own origin, and axe found no violations', () => {
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(axe.violations, axe.violations.join('\n')).toEqual([]);
  });
});
