/**
 * Agreed actions as tasks in the browser, on the demo company:
 * (1) the leader of Hjemmetjenesten registers a sykmelding for one of their people (through the
 *     dialog on the case page), creates the oppfølgingsplan and adds two agreed actions — one the
 *     leader owns, due in 7 days, one the employee owns, due in 10 days; the draft saves itself;
 * (2) "Mine oppgaver" lists both (the leader follows up the employee's too), the leader's with its
 *     date as dd.mm.åååå; the leader marks their own done with the keyboard → it leaves the list, and
 *     the case page shows it done, by the leader; «Angre» there opens it again (the row in the
 *     database too), and «Marker som gjort» closes it again;
 * (3) the employee, in a second browser context on a phone (390×844), sees on «Mitt fravær» only
 *     the action they own, marks it done (a tap) → it shows done; «Angre» opens it again (the row
 *     in the database too), a tap closes it again; the leader's "Mine oppgaver" no longer lists it.
 * Axe on every page visited; no request leaves the app's origin; no page errors.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatNorwegian } from '../../src/domain/calendar/index.ts';
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
let employeeId = '';

/** Today in Norway, as the server counts deadlines. */
const today = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
const dmy = (iso: string) => formatNorwegian(iso);
const start = addDays(today, -20);
const LEADER_ACTION = 'Bestille hev-senk-pult til kontoret';
const LEADER_DUE = addDays(today, 7);
const EMPLOYEE_ACTION = 'Prøve de nye arbeidsoppgavene i sone nord';
const EMPLOYEE_DUE = addDays(today, 10);

async function login(p: Page, account: { email: string; password: string }): Promise<void> {
  await p.goto('about:blank');
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse').fill(account.email);
  await p.getByLabel('Passord').fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

/** The row of an agreed action in "Mine oppgaver". */
function taskRow(p: Page, what: string): Locator {
  return p.locator('tr[data-kind="action"]').filter({ hasText: what });
}

/** An agreed action in the «Avtalte tiltak» list (case page) or «Mine avtalte tiltak» (Mitt fravær). */
function actionItem(p: Page, what: string): Locator {
  return p.locator('li.sf-task[data-action]').filter({ hasText: what });
}

/** The stored action (read through the running server's database): who marked it done, and when. */
async function storedAction(what: string): Promise<{ done_at: Date | null; done_by: string | null }> {
  return app.server.database.db
    .selectFrom('case_action')
    .select(['done_at', 'done_by'])
    .where('employee_id', '=', employeeId)
    .where('what', '=', what)
    .executeTakeFirstOrThrow();
}

/** The user id of a demo account. */
async function userId(account: Account): Promise<string> {
  const row = await app.server.database.db
    .selectFrom('user_account')
    .select('id')
    .where('email', '=', account.email)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('agreed actions as tasks in the browser', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    page = s.page;
    await page.goto('/');
    const accounts = await loadDemo(s.context);
    leader = accounts.find((a) => a.role === 'leder (Hjemmetjenesten)')!;
    employee = accounts.find((a) => a.role === 'ansatt (Hjemmetjenesten)')!;
    expect(leader).toBeDefined();
    expect(employee).toBeDefined();
  });

  afterAll(async () => {
    await phone?.context.close();
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. the leader registers a sykmelding and saves an oppfølgingsplan with two agreed actions', async () => {
    await login(page, leader);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('link', { name: 'Mine medarbeidere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine medarbeidere' }).waitFor();
    await page.getByLabel('Søk etter navn eller e-post').fill(employee.email);
    await page.getByText('Viser 1–1 av 1').waitFor();
    await page.getByRole('link', { name: employee.name }).click();
    await page.getByRole('heading', { level: 1, name: employee.name }).waitFor();
    await page.getByRole('link', { name: `Åpne sykefraværet til ${employee.name}` }).click();
    await page.getByRole('heading', { level: 1, name: employee.name }).waitFor();
    employeeId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(employeeId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByText('Det er ikke registrert noe sykefravær.').waitFor();

    // A 100 % sykmelding from 20 days ago, a month ahead.
    await page.getByRole('button', { name: 'Registrer fravær' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Fra og med').fill(dmy(start));
    await dialog.getByLabel('Til og med').fill(dmy(addDays(today, 30)));
    await dialog.getByRole('button', { name: 'Registrer', exact: true }).click();
    await page.getByText('Fraværet er registrert, og fristene er regnet ut.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    // The case has no agreed actions yet.
    const actions = page.locator('section[aria-labelledby="sf-actions-heading"]');
    await actions.getByText('Ingen avtalte tiltak i dette sykefraværet ennå.').waitFor();
    await axe.check(page, 'sykefravær (sak uten tiltak)');

    // The plan, from the case page.
    await page.getByRole('link', { name: 'Oppfølgingsplan', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Oppfølgingsplan' }).waitFor();
    await page.getByRole('button', { name: 'Lag oppfølgingsplan' }).click();
    await page.getByRole('heading', { level: 1, name: `Oppfølgingsplan: ${employee.name}` }).waitFor();

    await page.getByRole('button', { name: 'Legg til tiltak' }).click();
    const first = page.getByRole('group', { name: 'Tiltak 1' });
    await first.getByLabel('Hva skal gjøres').fill(LEADER_ACTION);
    expect(await first.getByLabel('Ansvarlig', { exact: true }).inputValue()).toBe('leader');
    await first.getByLabel('Frist (valgfritt)').fill(dmy(LEADER_DUE));
    await first.getByLabel('Frist (valgfritt)').press('Tab');

    await page.getByRole('button', { name: 'Legg til tiltak' }).click();
    const second = page.getByRole('group', { name: 'Tiltak 2' });
    await second.getByLabel('Hva skal gjøres').fill(EMPLOYEE_ACTION);
    await second.getByLabel('Ansvarlig', { exact: true }).selectOption('employee');
    await second.getByLabel('Frist (valgfritt)').fill(dmy(EMPLOYEE_DUE));
    await second.getByLabel('Frist (valgfritt)').press('Tab');
    await page.getByText(/^Lagret kl\. \d{2}:\d{2}$/).waitFor();
    await axe.check(page, 'oppfølgingsplan (utkast med tiltak)');
    await screenshot(page, '50-plan-tiltak');

    // Back on the case: both actions, with owner and deadline.
    await page.getByRole('link', { name: 'Tilbake til sykefraværet' }).click();
    await page.getByRole('heading', { level: 1, name: employee.name }).waitFor();
    const leaderItem = actionItem(page, LEADER_ACTION);
    await leaderItem.waitFor();
    const leaderText = await textOf(leaderItem);
    expect(leaderText).toContain(`Frist: ${dmy(LEADER_DUE)}`);
    expect(leaderText).toContain('Ansvarlig: Leder');
    expect(leaderText).toContain('Fra: Oppfølgingsplanen');
    const employeeText = await textOf(actionItem(page, EMPLOYEE_ACTION));
    expect(employeeText).toContain(`Frist: ${dmy(EMPLOYEE_DUE)}`);
    expect(employeeText).toContain('Ansvarlig: Den ansatte');
    await axe.check(page, 'sykefravær (sak med tiltak)');
  });

  it('2. "Mine oppgaver" lists the actions; the leader marks their own done with the keyboard', async () => {
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('link', { name: 'Mine oppgaver', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
    const row = taskRow(page, LEADER_ACTION);
    await row.waitFor();
    const rowText = await textOf(row);
    expect(rowText).toContain(dmy(LEADER_DUE));
    // The date cell starts with the date as dd.mm.åååå.
    expect(await textOf(row.locator('td').first())).toMatch(/^\d{2}\.\d{2}\.\d{4}/);
    expect(rowText).toContain('Avtalt tiltak · Oppfølgingsplanen');
    expect(rowText).toContain(employee.name);
    expect(await row.getAttribute('data-state')).toBe('due-soon');
    // The employee's action is the leader's to follow up, so it is listed too.
    const employeeRow = taskRow(page, EMPLOYEE_ACTION);
    await employeeRow.waitFor();
    expect(await textOf(employeeRow)).toContain(dmy(EMPLOYEE_DUE));
    await axe.check(page, 'mine oppgaver (med tiltak)');
    await screenshot(page, '51-mine-oppgaver');

    // Tab to the action's «Marker som gjort» and press Enter.
    const label = `Marker som gjort: ${LEADER_ACTION}`;
    await tabUntil(page, (el) => el.tag === 'button' && el.label === label, 80);
    await page.keyboard.press('Enter');
    await page.getByText(`«${LEADER_ACTION}» er markert som gjort.`).waitFor();
    await row.waitFor({ state: 'detached' });
    expect(await taskRow(page, EMPLOYEE_ACTION).count()).toBe(1);
    await axe.check(page, 'mine oppgaver (tiltak gjort)');

    // The case page shows it done, by the leader, with «Angre».
    await taskRow(page, EMPLOYEE_ACTION).getByRole('link', { name: employee.name }).click();
    await page.getByRole('heading', { level: 1, name: employee.name }).waitFor();
    const done = actionItem(page, LEADER_ACTION);
    await done.waitFor();
    expect(await done.getAttribute('data-state')).toBe('done');
    const doneText = await textOf(done);
    expect(doneText).toContain('Gjort');
    expect(doneText).toContain(`av ${leader.name}`);
    await page.getByRole('button', { name: `Angre gjort: ${LEADER_ACTION}` }).waitFor();
    await axe.check(page, 'sykefravær (tiltak gjort)');
    const leaderId = await userId(leader);
    expect(await storedAction(LEADER_ACTION)).toEqual({ done_at: expect.any(Date), done_by: leaderId });

    // «Angre» on the case page: the action is open again — on the page and in the database.
    await page.getByRole('button', { name: `Angre gjort: ${LEADER_ACTION}` }).click();
    await page.getByText(`«${LEADER_ACTION}» er ikke lenger markert som gjort.`).waitFor();
    await expect.poll(() => done.getAttribute('data-state')).toBe('due-soon');
    expect(await storedAction(LEADER_ACTION)).toEqual({ done_at: null, done_by: null });
    await axe.check(page, 'sykefravær (tiltak angret)');
    // And done again, from the case page this time.
    await page.getByRole('button', { name: `Marker som gjort: ${LEADER_ACTION}` }).click();
    await page.getByText(`«${LEADER_ACTION}» er markert som gjort.`).waitFor();
    await expect.poll(() => done.getAttribute('data-state')).toBe('done');
    expect(await storedAction(LEADER_ACTION)).toEqual({ done_at: expect.any(Date), done_by: leaderId });
  });

  it('3. the employee, on a phone, sees and marks done only the action they own', async () => {
    phone = await openSession(browser, app.url, { width: 390, height: 844 });
    const p = phone.page;
    await login(p, employee);
    await p.getByRole('button', { name: 'Hovedmeny' }).click();
    await p.getByRole('menuitem', { name: 'Mitt fravær' }).click();
    await p.getByRole('heading', { level: 1, name: 'Mitt fravær' }).waitFor();
    const mine = p.locator('section[aria-labelledby="sf-my-actions-heading"]');
    await mine.getByRole('heading', { level: 2, name: 'Mine avtalte tiltak' }).waitFor();
    const item = actionItem(p, EMPLOYEE_ACTION);
    await item.waitFor();
    const text = await textOf(item);
    expect(text).toContain(`Frist: ${dmy(EMPLOYEE_DUE)}`);
    expect(text).toContain('Fra: Oppfølgingsplanen');
    // Only their own: not the leader's.
    expect(await mine.getByText(LEADER_ACTION).count()).toBe(0);
    await p.waitForLoadState('networkidle');
    expect(await horizontalOverflow(p), (await overflowingElements(p)).join('\n')).toBeLessThanOrEqual(0);
    await axe.check(p, 'mitt fravær med tiltak (mobil)');
    await screenshot(p, '52-mitt-fravaer-tiltak');

    await item.getByRole('button', { name: `Marker som gjort: ${EMPLOYEE_ACTION}` }).click();
    await p.getByText(`«${EMPLOYEE_ACTION}» er markert som gjort.`).waitFor();
    await expect.poll(() => item.getAttribute('data-state')).toBe('done');
    expect(await textOf(item)).toContain(`av ${employee.name}`);
    await item.getByRole('button', { name: `Angre gjort: ${EMPLOYEE_ACTION}` }).waitFor();
    expect(await horizontalOverflow(p), (await overflowingElements(p)).join('\n')).toBeLessThanOrEqual(0);
    await axe.check(p, 'mitt fravær, tiltak gjort (mobil)');
    await screenshot(p, '53-mitt-fravaer-gjort');
    const employeeUserId = await userId(employee);
    expect(await storedAction(EMPLOYEE_ACTION)).toEqual({
      done_at: expect.any(Date),
      done_by: employeeUserId,
    });

    // «Angre» (a tap): open again, in the database too; a tap on «Marker som gjort» closes it again.
    await item.getByRole('button', { name: `Angre gjort: ${EMPLOYEE_ACTION}` }).click();
    await p.getByText(`«${EMPLOYEE_ACTION}» er ikke lenger markert som gjort.`).waitFor();
    await expect.poll(() => item.getAttribute('data-state')).toBe('due-soon');
    expect(await storedAction(EMPLOYEE_ACTION)).toEqual({ done_at: null, done_by: null });
    await axe.check(p, 'mitt fravær, tiltak angret (mobil)');
    await item.getByRole('button', { name: `Marker som gjort: ${EMPLOYEE_ACTION}` }).click();
    await p.getByText(`«${EMPLOYEE_ACTION}» er markert som gjort.`).waitFor();
    await expect.poll(() => item.getAttribute('data-state')).toBe('done');
    expect(await storedAction(EMPLOYEE_ACTION)).toEqual({
      done_at: expect.any(Date),
      done_by: employeeUserId,
    });

    // The leader's list no longer has it.
    await page.goto('/oppgaver');
    await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
    await page.waitForLoadState('networkidle');
    const left = await page.locator('tr[data-kind="action"]').allTextContents();
    expect(left, left.join('\n')).toEqual([]);
    await axe.check(page, 'mine oppgaver (alle tiltak gjort)');
  });

  it('made no request outside its own origin, had no page errors, and axe found no violations', () => {
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(foreignRequests(phone?.requests ?? [], app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(phone?.pageErrors ?? []).toEqual([]);
    expect(axe.checked.length).toBeGreaterThanOrEqual(11);
    expect(axe.violations, axe.violations.join('\n')).toEqual([]);
  });
});
