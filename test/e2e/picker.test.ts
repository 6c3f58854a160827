/**
 * The employee picker (Aksel's Combobox) in the three forms that use it, on the demo company, with
 * the database as the judge of what was saved:
 * (1) Ansatte → a person → «Nærmeste leder»: saving without touching the picker keeps the leader;
 *     a leader picked by mouse, and one picked by keyboard (type part of the name, ArrowDown,
 *     Enter), is the employee's `leader_id`; Backspace in the empty field clears it to null;
 * (2) Brukere og roller → «Gi en person tilgang»: a Leder linked to an employee picked by mouse, and
 *     one picked by keyboard, is stored with that `membership.employee_id` and the `leder` role;
 *     saving the roles without touching the picker keeps the link;
 * (3) Sykefravær → «Registrer sykefravær»: a pick by mouse, and one by keyboard, enables the
 *     «Registrer sykefravær» button, which opens the absence form on that employee's case page;
 *     choosing the chosen option again removes the choice.
 * Axe on every page and dialog visited; no request leaves the app's origin.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

type Person = { id: string; name: string; leaderId: string | null; linked: boolean; typed: string };

let app: TestApp;
let browser: Browser;
let s: Session;
let page: Page;
const axe = new AxeLog();
let people: Person[] = [];
const used = new Set<string>();

/**
 * The demo's employees, each with a part of the name (all of it but the last letter, lower case)
 * that finds only that employee — by name or e-mail, as the server searches.
 */
async function loadPeople(): Promise<Person[]> {
  const db = app.server.database.db;
  const rows = await db
    .selectFrom('employee as e')
    .leftJoin('membership as m', 'm.employee_id', 'e.id')
    .select(['e.id', 'e.name', 'e.email', 'e.leader_id', 'm.user_id'])
    .orderBy('e.name')
    .execute();
  const texts = rows.map((r) => [r.name.toLowerCase(), (r.email ?? '').toLowerCase()]);
  const out: Person[] = [];
  for (const r of rows) {
    const typed = r.name.slice(0, -1).toLowerCase();
    const hits = texts.filter(([name, email]) => name?.includes(typed) || email?.includes(typed)).length;
    if (hits !== 1) continue;
    out.push({ id: r.id, name: r.name, leaderId: r.leader_id, linked: r.user_id !== null, typed });
  }
  return out;
}

/** A person not used by an earlier step, matching `where`. */
function take(where: (p: Person) => boolean): Person {
  const found = people.find((p) => !used.has(p.id) && where(p));
  if (!found) throw new Error('no such person in the demo company');
  used.add(found.id);
  return found;
}

async function leaderIdOf(employeeId: string): Promise<string | null> {
  const row = await app.server.database.db
    .selectFrom('employee')
    .select('leader_id')
    .where('id', '=', employeeId)
    .executeTakeFirstOrThrow();
  return row.leader_id;
}

async function userLink(email: string): Promise<{ employeeId: string | null; roles: string[] }> {
  const db = app.server.database.db;
  const user = await db
    .selectFrom('user_account as a')
    .innerJoin('membership as m', 'm.user_id', 'a.id')
    .select(['a.id', 'm.employee_id'])
    .where('a.email', '=', email)
    .executeTakeFirstOrThrow();
  const roles = await db
    .selectFrom('role_assignment')
    .select('role')
    .where('user_id', '=', user.id)
    .execute();
  return { employeeId: user.employee_id, roles: roles.map((r) => r.role).sort() };
}

/** The picker's list of options (`<select>`s on the page have options too). */
function listOf(p: Page): Locator {
  return p.locator('.aksel-combobox__list-options');
}

/** The option for `person` in the open list (its label is «name – unit»). */
function optionOf(p: Page, person: Person): Locator {
  return listOf(p).getByRole('option', { name: new RegExp(`^${person.name} – `) });
}

/** The text the picker shows for its chosen employee ('' when none is chosen). */
async function shownIn(combobox: Locator): Promise<string> {
  const field = combobox.locator('xpath=ancestor::div[contains(@class,"aksel-combobox__wrapper-inner")]');
  return textOf(field.locator('.aksel-combobox__selected-options'));
}

async function pickByMouse(p: Page, combobox: Locator, person: Person): Promise<void> {
  await combobox.click();
  await combobox.fill(person.typed);
  const option = optionOf(p, person);
  await option.waitFor();
  await option.click();
  await listOf(p).waitFor({ state: 'hidden' });
}

/** Focus, type part of the name, ArrowDown to the first hit, Enter — then Tab out of the field (a blur). */
async function pickByKeyboard(p: Page, combobox: Locator, person: Person): Promise<void> {
  await combobox.focus();
  await combobox.pressSequentially(person.typed, { delay: 10 });
  // Wait, as a person would, for the list to show the hit, and to have only that one.
  await optionOf(p, person).waitFor();
  await expect.poll(() => listOf(p).getByRole('option').count()).toBe(1);
  await p.keyboard.press('ArrowDown');
  await p.keyboard.press('Enter');
  await listOf(p).waitFor({ state: 'hidden' });
  await p.keyboard.press('Tab');
}

describe('the employee picker keeps what is picked', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    page = s.page;
    const accounts = await loadDemo(s.context);
    const admin = accounts.find((a) => a.role.startsWith('admin'));
    if (!admin) throw new Error('the demo has no admin account');
    await page.goto('/logg-inn');
    await page.getByLabel('E-postadresse').fill(admin.email);
    await page.getByLabel('Passord').fill(admin.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
    people = await loadPeople();
    expect(people.length).toBeGreaterThan(20);
  });

  afterAll(async () => {
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. «Nærmeste leder» on the employee form: kept when untouched, picked by mouse and keyboard, cleared', async () => {
    const employee = take((p) => p.leaderId !== null && people.some((l) => l.id === p.leaderId));
    const original = people.find((p) => p.id === employee.leaderId);
    if (!original) throw new Error('the leader has no unique name');
    used.add(original.id);
    const byMouse = take(() => true);
    const byKeyboard = take(() => true);
    const leader = page.getByRole('combobox', { name: /^Nærmeste leder/ });
    const open = async () => {
      await page.goto(`/ansatte/${employee.id}`);
      await page.getByRole('heading', { level: 1, name: employee.name }).waitFor();
      await leader.waitFor();
    };
    const save = async () => {
      await page.getByRole('button', { name: 'Lagre', exact: true }).click();
      await page.getByText('Endringene er lagret.').waitFor();
    };

    // Saved without touching the picker: the existing leader is shown and stays in the database.
    await open();
    expect(await shownIn(leader)).toBe(original.name);
    await axe.check(page, 'ansatt med leder');
    await page.getByLabel('Telefonnummer').fill('+47 900 00 002');
    await save();
    expect(await leaderIdOf(employee.id)).toBe(original.id);

    // Focusing the picker and leaving it without choosing anything keeps the leader too.
    await open();
    await leader.focus();
    await leader.pressSequentially('zzz');
    await page.keyboard.press('Tab');
    await save();
    expect(await leaderIdOf(employee.id)).toBe(original.id);

    // Picked with the mouse.
    await open();
    await leader.click();
    await leader.fill(byMouse.typed);
    await optionOf(page, byMouse).waitFor();
    await optionOf(page, byMouse).click();
    await listOf(page).waitFor({ state: 'hidden' });
    expect(await shownIn(leader)).toBe(byMouse.name);
    await save();
    expect(await leaderIdOf(employee.id)).toBe(byMouse.id);
    expect(await shownIn(leader)).toBe(byMouse.name);

    // Picked with the keyboard.
    await open();
    await pickByKeyboard(page, leader, byKeyboard);
    expect(await shownIn(leader)).toBe(byKeyboard.name);
    await save();
    expect(await leaderIdOf(employee.id)).toBe(byKeyboard.id);

    // Backspace in the empty field removes the leader.
    await open();
    await leader.focus();
    await page.keyboard.press('Backspace');
    expect(await shownIn(leader)).toBe('');
    await save();
    expect(await leaderIdOf(employee.id)).toBeNull();
    await axe.check(page, 'ansatt uten leder');
  });

  it('2. «Gi en person tilgang»: a Leder linked to an employee picked by mouse and by keyboard', async () => {
    await page.goto('/brukere');
    await page.getByRole('heading', { level: 1, name: 'Brukere og roller' }).waitFor();
    const dialog = page.getByRole('dialog');
    const link = dialog.getByRole('combobox', { name: /^Knyttet til ansattpost/ });

    for (const how of ['mouse', 'keyboard'] as const) {
      const person = take((p) => !p.linked);
      const email = `ny.leder.${how}@fjordvik.example`;
      await page.getByRole('button', { name: 'Gi en person tilgang' }).click();
      await dialog.waitFor();
      await dialog.getByLabel('Fullt navn').fill(person.name);
      await dialog.getByLabel('E-postadresse').fill(email);
      await dialog.getByLabel(/^Startpassord/).fill('et langt startpassord');
      await dialog.getByRole('checkbox', { name: /^Leder/ }).check();
      if (how === 'mouse') await pickByMouse(page, link, person);
      else await pickByKeyboard(page, link, person);
      expect(await shownIn(link)).toBe(person.name);
      await axe.check(page, `gi tilgang (${how})`);
      await dialog.getByRole('button', { name: 'Gi tilgang' }).click();
      await page.getByText(`${person.name} har fått tilgang.`).waitFor();
      await dialog.waitFor({ state: 'detached' });
      const stored = await userLink(email);
      expect(stored.employeeId).toBe(person.id);
      expect(stored.roles).toContain('leder');
    }

    // Saving the roles without touching the picker keeps the link.
    const email = 'ny.leder.mouse@fjordvik.example';
    const before = await userLink(email);
    const row = page.getByRole('row').filter({ hasText: email });
    await row.getByRole('button', { name: /^Endre / }).click();
    await dialog.waitFor();
    await link.waitFor();
    await dialog.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByText('Rollene er lagret.').waitFor();
    expect(await userLink(email)).toEqual(before);
  });

  it('3. «Registrer sykefravær»: the absence form opens for the picked employee, by mouse and by keyboard', async () => {
    const picker = page.getByRole('combobox', { name: /^Medarbeider/ });
    const go = page.getByRole('button', { name: 'Registrer sykefravær' });
    for (const how of ['mouse', 'keyboard'] as const) {
      const person = take(() => true);
      await page.goto('/sykefravaer');
      await page.getByRole('heading', { level: 2, name: 'Registrer sykefravær' }).waitFor();
      await picker.waitFor();
      expect(await go.isDisabled()).toBe(true);
      if (how === 'mouse') {
        await pickByMouse(page, picker, person);
        expect(await shownIn(picker)).toBe(person.name);
        expect(await go.isEnabled()).toBe(true);
        // The chosen one heads the open list, checked; choosing it again removes the choice.
        await picker.click();
        const chosen = listOf(page).getByRole('option', { name: person.name, exact: true });
        expect(await chosen.getAttribute('aria-selected')).toBe('true');
        await chosen.click();
        expect(await shownIn(picker)).toBe('');
        expect(await go.isDisabled()).toBe(true);
        await pickByMouse(page, picker, person);
        expect(await go.isEnabled()).toBe(true);
        await go.click();
      } else {
        await pickByKeyboard(page, picker, person);
        expect(await shownIn(picker)).toBe(person.name);
        expect(await go.isEnabled()).toBe(true);
        await axe.check(page, 'sykefravær (valgt medarbeider)');
        // pickByKeyboard left the field with Tab: the next stop is the button.
        expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
          'Registrer sykefravær',
        );
        await page.keyboard.press('Enter');
      }
      await page.waitForURL((url) => url.pathname === `/sykefravaer/${person.id}`);
      await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
      // Straight to the form for that person.
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Registrer fravær' }).waitFor();
      await dialog.getByRole('button', { name: 'Avbryt' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
  });

  it('4. made no request outside its own origin, and axe found no violations', () => {
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(axe.violations, axe.violations.join('\n')).toEqual([]);
  });
});
