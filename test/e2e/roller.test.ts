/**
 * «Roller og verv» in the browser, on the demo company, with the database as the judge of what was
 * saved:
 * (1) HR opens «Roller og verv» from the main menu: no roles are registered, so the page shows the
 *     rule for the missing verneombud with its reason and legal basis (aml § 6-1), and every
 *     verneområde says «Mangler verneombud»;
 * (2) by keyboard only, HR registers the tillitsvalgt (who has a login) as verneombud for «Oppvekst»:
 *     «Registrer verv» → the employee picker (type, ArrowDown, Enter) → the verneområde → the term's
 *     start (its end fills in with two years less a day) → «Registrer». The person is listed under
 *     Oppvekst; `hms_role` holds the row with the term, and `role_assignment` gives the person's
 *     login the verneombud role for Oppvekst; HR corrects how the person got the role (oppnevnt) →
 *     the row says so;
 * (3) on a phone (390×844) a plain employee, who has no menu entry, opens the page by its address and
 *     sees who the verneombud is: no horizontal scrolling, no buttons to change anything;
 * (4) HR ends the role (the person left) → `ended_on` and the reason are stored, the login loses the
 *     verneombud role, Oppvekst lacks a verneombud again; HR registers that the employees' side chairs
 *     AMU this year, no one elected yet → `amu_chair`.
 * Axe on every page and dialog visited; no request leaves the app's origin; no page errors.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, formatNorwegian } from '../../src/domain/calendar/index.ts';
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
  screenshot,
  tabUntil,
} from './support/browser.ts';

type Account = { role: string; name: string; email: string; password: string };

let app: TestApp;
let browser: Browser;
let s: Session;
let page: Page;
let phone: Session | undefined;
const axe = new AxeLog();
let accounts: Account[] = [];

const today = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
/** The term started two weeks ago; it ends two years later less a day (FOLM § 3-4). */
const TERM_START = addDays(today, -14);
const TERM_END = addDays(addMonths(TERM_START, 24), -1);

function account(prefix: string): Account {
  const found = accounts.find((a) => a.role.startsWith(prefix));
  if (!found) throw new Error(`the demo has no ${prefix} account`);
  return found;
}

async function login(p: Page, who: Account): Promise<void> {
  await p.goto('about:blank');
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse').fill(who.email);
  await p.getByLabel('Passord').fill(who.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

async function focusedId(p: Page): Promise<string> {
  return p.evaluate(() => document.activeElement?.id ?? '');
}

describe('roller og verv in the browser', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    page = s.page;
    await page.goto('/');
    accounts = await loadDemo(s.context);
  });

  afterAll(async () => {
    await phone?.context.close();
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. HR opens «Roller og verv»: the missing verneombud is shown with its rule', async () => {
    await login(page, account('hr'));
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Internkontroll', exact: true })
      .click();
    await page
      .getByRole('navigation', { name: 'Meny for Internkontroll' })
      .getByRole('link', { name: 'Roller og verv', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Roller og verv' }).waitFor();
    expect(await app.server.database.db.selectFrom('hms_role').select('id').execute()).toEqual([]);

    const rule = page.locator('[data-missing="verneombud"]');
    await rule.waitFor();
    expect(await rule.textContent()).toMatch(/må ha verneombud.*aml § 6-1/s);
    const oppvekst = page
      .locator('li.roller-area')
      .filter({ has: page.getByRole('heading', { name: 'Oppvekst' }) });
    await expect.poll(() => oppvekst.getByText('Mangler verneombud').count()).toBe(1);
    await axe.check(page, 'roller (empty)');
    await screenshot(page, 'roller-empty');
  });

  it('2. HR registers a verneombud for Oppvekst by keyboard; the row and the login role are stored; HR corrects how it was filled', async () => {
    const tv = account('tillitsvalgt');
    const db = app.server.database.db;
    const person = await db
      .selectFrom('employee')
      .select(['id', 'name'])
      .where('name', '=', tv.name)
      .executeTakeFirstOrThrow();
    const unique = await db
      .selectFrom('employee')
      .select('id')
      .where('name', 'ilike', `%${tv.name}%`)
      .execute();
    expect(unique).toHaveLength(1);

    await page.getByRole('heading', { level: 1, name: 'Roller og verv' }).focus();
    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Registrer verv');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Registrer verv' });
    await dialog.waitFor();
    await axe.check(page, 'roller: register dialog');

    // Verv: «Verneombud» is chosen already. On to the employee picker.
    await tabUntil(page, (el) => el.id === 'felt-kind');
    expect(await dialog.locator('#felt-kind').inputValue()).toBe('verneombud');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('felt-employeeId');
    await page.keyboard.type(person.name.slice(0, -1).toLowerCase(), { delay: 10 });
    const options = page.locator('.aksel-combobox__list-options').getByRole('option');
    await options.filter({ hasText: new RegExp(`^${person.name} – `) }).waitFor();
    await expect.poll(() => options.count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('.aksel-combobox__list-options').waitFor({ state: 'hidden' });

    // Verneområde: type to choose in the closed select.
    await tabUntil(page, (el) => el.id === 'felt-verneomradeId');
    await page.keyboard.type('Oppvekst');
    await expect
      .poll(async () =>
        dialog
          .locator('#felt-verneomradeId')
          .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text),
      )
      .toBe('Oppvekst');

    // The term's start; its end follows (two years less a day).
    await tabUntil(page, (el) => el.id === 'felt-termStart');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(formatNorwegian(TERM_START));
    await page.keyboard.press('Tab');
    await expect.poll(() => dialog.locator('#felt-termEnd').inputValue()).toBe(formatNorwegian(TERM_END));
    // «Valgt» is the default for a verneombud.
    expect(await dialog.getByRole('radio', { name: /^Valgt/ }).isChecked()).toBe(true);

    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Registrer');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: `Registrert: verneombud: ${person.name}.` })
      .waitFor();

    const oppvekst = page
      .locator('li.roller-area')
      .filter({ has: page.getByRole('heading', { name: 'Oppvekst' }) });
    await oppvekst.getByText(person.name).waitFor();
    expect(await oppvekst.getByText('Mangler verneombud').count()).toBe(0);
    expect(await oppvekst.textContent()).toContain(
      `Valgt · ${formatNorwegian(TERM_START)}–${formatNorwegian(TERM_END)}`,
    );

    const area = await db
      .selectFrom('verneomrade')
      .select('id')
      .where('name', '=', 'Oppvekst')
      .executeTakeFirstOrThrow();
    const hr = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', account('hr').email)
      .executeTakeFirstOrThrow();
    const user = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', tv.email)
      .executeTakeFirstOrThrow();
    const rows = await db.selectFrom('hms_role').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'verneombud',
      employee_id: person.id,
      verneomrade_id: area.id,
      term_start: TERM_START,
      term_end: TERM_END,
      how: 'valgt',
      ended_on: null,
      login_user_id: user.id,
      created_by: hr.id,
    });
    const grants = await db
      .selectFrom('role_assignment')
      .select(['role', 'verneomrade_id'])
      .where('user_id', '=', user.id)
      .execute();
    expect(grants).toContainEqual({ role: 'verneombud', verneomrade_id: area.id });
    await axe.check(page, 'roller (one verneombud)');
    await screenshot(page, 'roller-registered');

    // Nobody stood for election: the employer appointed the person (FOLM § 3-2). HR corrects it.
    await oppvekst.getByRole('button', { name: `Endre verneombud: ${person.name}` }).click();
    const edit = page.getByRole('dialog', { name: `Endre verneombud: ${person.name}` });
    await edit.waitFor();
    expect(await edit.locator('#felt-termEnd').inputValue()).toBe(formatNorwegian(TERM_END));
    await edit.getByRole('radio', { name: /^Oppnevnt/ }).check();
    await axe.check(page, 'roller: edit dialog');
    await edit.getByRole('button', { name: 'Lagre endringene' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: `Endringene er lagret: verneombud: ${person.name}.` })
      .waitFor();
    expect(
      await db
        .selectFrom('hms_role')
        .select(['how', 'term_start', 'term_end', 'ended_on'])
        .where('id', '=', rows[0]?.id ?? '')
        .executeTakeFirstOrThrow(),
    ).toEqual({ how: 'oppnevnt', term_start: TERM_START, term_end: TERM_END, ended_on: null });
    await expect
      .poll(async () => (await oppvekst.textContent()) ?? '')
      .toContain(`Oppnevnt · ${formatNorwegian(TERM_START)}–${formatNorwegian(TERM_END)}`);
  });

  it('3. on a phone, a plain employee opens the page by its address and sees the verneombud', async () => {
    phone = await openSession(browser, app.url, { width: 390, height: 844 });
    await login(phone.page, account('ansatt'));
    // No menu entry for a plain employee (the page is reached from other pages and by its address).
    await phone.page.getByRole('button', { name: 'Hovedmeny' }).click();
    await phone.page.getByRole('menuitem').first().waitFor();
    expect(await phone.page.getByRole('menuitem', { name: 'Roller og verv' }).count()).toBe(0);
    await phone.page.keyboard.press('Escape');
    await phone.page.goto('/internkontroll/roller');
    await phone.page.getByRole('heading', { level: 1, name: 'Roller og verv' }).waitFor();
    const tv = account('tillitsvalgt');
    const oppvekst = phone.page
      .locator('li.roller-area')
      .filter({ has: phone.page.getByRole('heading', { name: 'Oppvekst' }) });
    await oppvekst.getByText(tv.name).waitFor();
    expect(await phone.page.getByRole('button', { name: 'Registrer verv' }).count()).toBe(0);
    expect(await phone.page.getByRole('button', { name: /^Avslutt/ }).count()).toBe(0);
    // Plain employees do not read the company profile: no rule is fetched or shown.
    expect(phone.requests.some((u) => u.includes('/api/v1/internkontroll/profile'))).toBe(false);
    expect(
      await horizontalOverflow(phone.page),
      (await overflowingElements(phone.page)).join('\n'),
    ).toBeLessThanOrEqual(0);
    await axe.check(phone.page, 'roller (phone, ansatt)');
    await screenshot(phone.page, 'roller-phone');
  });

  it('4. HR ends the role and registers which side chairs AMU this year', async () => {
    const db = app.server.database.db;
    const tv = account('tillitsvalgt');
    const oppvekst = page
      .locator('li.roller-area')
      .filter({ has: page.getByRole('heading', { name: 'Oppvekst' }) });
    await oppvekst.getByRole('button', { name: `Avslutt verneombud: ${tv.name}` }).click();
    const end = page.getByRole('dialog', { name: `Avslutt verneombud: ${tv.name}` });
    await end.waitFor();
    expect(await end.locator('#felt-endedOn').inputValue()).toBe(formatNorwegian(today));
    await end.getByLabel('Grunn (valgfritt)').selectOption({ label: 'Sluttet i virksomheten' });
    await axe.check(page, 'roller: end dialog');
    await end.getByRole('button', { name: 'Avslutt vervet' }).click();
    await end.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: `Avsluttet: verneombud: ${tv.name}.` })
      .waitFor();
    await oppvekst.getByText('Mangler verneombud').waitFor();
    const rows = await db.selectFrom('hms_role').select(['ended_on', 'ended_reason']).execute();
    expect(rows).toEqual([{ ended_on: today, ended_reason: 'sluttet' }]);
    const user = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', tv.email)
      .executeTakeFirstOrThrow();
    const grants = await db
      .selectFrom('role_assignment')
      .select('role')
      .where('user_id', '=', user.id)
      .execute();
    expect(grants.map((g) => g.role)).not.toContain('verneombud');

    // The chair of AMU this year: the employees' side, no one elected yet (aml § 7-1 (4)).
    const year = Number(today.slice(0, 4));
    await page.getByRole('button', { name: 'Registrer leder av AMU' }).click();
    const chair = page.getByRole('dialog', { name: 'Leder av AMU' });
    await chair.waitFor();
    expect(await chair.getByLabel('År', { exact: true }).inputValue()).toBe(String(year));
    await chair.getByRole('radio', { name: 'Arbeidstakersiden' }).check();
    expect(await chair.getByLabel('Hvem er leder?').inputValue()).toBe('');
    await axe.check(page, 'roller: chair dialog');
    await chair.getByRole('button', { name: 'Lagre leder' }).click();
    await chair.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: `Leder av AMU for ${year} er lagret.` })
      .waitFor();
    expect(await db.selectFrom('amu_chair').select(['year', 'side', 'role_id']).execute()).toEqual([
      { year, side: 'arbeidstaker', role_id: null },
    ]);
    await page.getByTestId('amu-chair').getByText(`${year}: arbeidstakersiden`).waitFor();
    await axe.check(page, 'roller (ended, chair set)');
  });

  it('5. axe found nothing, nothing left the origin, and no page failed', () => {
    expect(axe.checked.length).toBeGreaterThanOrEqual(8);
    expect(axe.violations).toEqual([]);
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(foreignRequests(phone?.requests ?? [], app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(phone?.pageErrors ?? []).toEqual([]);
  });
});
