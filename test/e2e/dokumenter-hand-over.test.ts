/**
 * «Tell people when it is their turn» (issue 10) in the browser, on the demo company:
 * (1) the leader of Hjemmetjenesten opens the case of one of their people (a sykmelding registered
 *     through the API), makes the oppfølgingsplan, opens «Registrer sendt til sykmelder / NAV» and is
 *     asked «Planen er ikke godkjent av arbeidstakeren. Registrere likevel?» (cancels), and sends
 *     the plan for approval;
 * (2) the employee logs in: the front page shows «Du har en oppfølgingsplan å lese» first, the bell
 *     has an unread notification; the inbox lists it; they follow the notice and approve (keyboard);
 *     the notice leaves the front page;
 * (3) the leader's bell shows the approval; the inbox entry «Oppfølgingsplanen er godkjent» leads
 *     to the plan;
 * (4) the database holds one inbox row and one mail job per hand-over, under the deterministic keys,
 *     and no sending was recorded.
 * Axe on every page and dialog visited; no request leaves the app's origin; no page errors.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar/index.ts';
import { MAIL_JOB } from '../../src/modules/notifications/index.ts';
import { startApp, type TestApp } from './support/app.ts';
import {
  AxeLog,
  foreignRequests,
  launchBrowser,
  loadDemo,
  openSession,
  type Session,
  tabUntil,
  textOf,
} from './support/browser.ts';

type Account = { role: string; name: string; email: string; password: string };

let app: TestApp;
let browser: Browser;
let s: Session;
let page: Page;
let second: Session | undefined;
const axe = new AxeLog();
let leader: Account;
let employee: Account;
let employeeId = '';
let planId = '';

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

const db = () => app.server.database.db;

async function userIdOf(email: string): Promise<string> {
  const row = await db()
    .selectFrom('user_account')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('hand-overs of the oppfølgingsplan in the browser', () => {
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
    await second?.context.close();
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. the leader is warned before recording an unapproved plan as sent, and sends it for approval', async () => {
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
      data: { type: 'sykmelding', start: addDays(today, -20), end: addDays(today, 40), grade: 100, version },
    });
    expect(created.status()).toBe(201);

    await page.goto(`/sykefravaer/${employeeId}/oppfolgingsplan`);
    await page.getByRole('heading', { level: 1, name: 'Oppfølgingsplan' }).waitFor();
    await page.getByRole('button', { name: 'Lag oppfølgingsplan' }).click();
    await page.getByRole('heading', { level: 1, name: `Oppfølgingsplan: ${employee.name}` }).waitFor();
    await page.getByLabel('En typisk arbeidsdag').fill('Morgenmøte, så besøk hos brukere i sone nord.');
    await page.getByText(/^Lagret kl\. \d{2}:\d{2}$/).waitFor();

    // Not approved yet: recording it as sent asks first. Cancelled: nothing is recorded.
    await page.getByRole('button', { name: 'Registrer sendt til sykmelder / NAV' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Planen er ikke godkjent av arbeidstakeren. Registrere likevel?').waitFor();
    await dialog.getByRole('button', { name: 'Registrer likevel' }).waitFor();
    await axe.check(page, 'oppfølgingsplan (registrer sendt, ikke godkjent)');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Send til godkjenning' }).click();
    await page.getByText('Planen er sendt til den ansatte for godkjenning.').waitFor();
    await page.getByText('Til godkjenning', { exact: true }).waitFor();
    await axe.check(page, 'oppfølgingsplan (til godkjenning)');
    const plan = await db()
      .selectFrom('oppfolgingsplan')
      .select(['id', 'status'])
      .where('employee_id', '=', employeeId)
      .executeTakeFirstOrThrow();
    expect(plan.status).toBe('til-godkjenning');
    planId = plan.id;
  });

  it('2. the employee sees «Du har en oppfølgingsplan å lese» first and in the bell, and approves', async () => {
    second = await openSession(browser, app.url);
    const p = second.page;
    await login(p, employee);
    const main = p.getByRole('main');
    const notice = main.getByRole('link', { name: 'Du har en oppfølgingsplan å lese' });
    await notice.waitFor();
    // First on the page: the first link of the main content, before tasks and shortcuts.
    expect(await textOf(main.getByRole('link').first())).toBe('Du har en oppfølgingsplan å lese');
    const bell = p.getByRole('link', { name: /^Varsler, \d+ uleste?$/ });
    await bell.waitFor();
    await axe.check(p, 'forside (plan å lese)');

    await bell.click();
    await p.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
    const item = p.locator('li.nf-item').filter({ hasText: 'Du har en oppfølgingsplan å lese' });
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).toBe('true');
    expect(await textOf(item)).not.toContain(employee.name);
    await axe.check(p, 'varsler (plan å lese)');

    await p.goto('/');
    await notice.click();
    await p.getByRole('heading', { level: 1, name: 'Min oppfølgingsplan' }).waitFor();
    await p.getByText('Planen venter på din godkjenning.').waitFor();
    await axe.check(p, 'min oppfølgingsplan (til godkjenning)');
    await tabUntil(p, (el) => el.tag === 'button' && el.text === 'Godkjenn planen', 80);
    await p.keyboard.press('Enter');
    await p.getByText('Du har godkjent planen.').waitFor();
    await axe.check(p, 'min oppfølgingsplan (godkjent)');

    await p.goto('/');
    await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
    await p.waitForLoadState('networkidle');
    expect(await main.getByRole('link', { name: 'Du har en oppfølgingsplan å lese' }).count()).toBe(0);
    await axe.check(p, 'forside (ingen plan å lese)');
  });

  it('3. the leader is told in the bell and the inbox, and the notice leads to the plan', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
    await page.getByRole('link', { name: /^Varsler, \d+ uleste?$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
    const item = page.locator('li.nf-item').filter({ hasText: 'Oppfølgingsplanen er godkjent' });
    await item.waitFor();
    expect(await textOf(item)).toContain('Send den til sykmelder.');
    await axe.check(page, 'varsler (plan godkjent)');
    await item.getByRole('link', { name: /^Åpne/ }).click();
    await page.getByRole('heading', { level: 1, name: `Oppfølgingsplan: ${employee.name}` }).waitFor();
    await page.getByText('Godkjent', { exact: true }).waitFor();
    await axe.check(page, 'oppfølgingsplan (godkjent)');
  });

  it('4. the database holds one notice and one mail job per hand-over, and no sending', async () => {
    const plan = await db()
      .selectFrom('oppfolgingsplan')
      .select(['organisation_id', 'case_start', 'content_version', 'status'])
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(plan.status).toBe('godkjent');
    const base = `event:${plan.organisation_id}:${employeeId}:${plan.case_start}:oppfolgingsplan:${planId}`;
    const employeeUser = await userIdOf(employee.email);
    const leaderUser = await userIdOf(leader.email);
    const rows = await db()
      .selectFrom('notification')
      .select(['key', 'user_id', 'title_nb', 'read_at'])
      .where('kind', '=', 'event')
      .orderBy('key')
      .execute();
    expect(rows.map((r) => [r.key, r.user_id, r.title_nb])).toEqual(
      [
        [
          `${base}:godkjent:${plan.content_version}:${leaderUser}`,
          leaderUser,
          'Oppfølgingsplanen er godkjent',
        ],
        [
          `${base}:til-godkjenning:${plan.content_version}:${employeeUser}`,
          employeeUser,
          'Du har en oppfølgingsplan å lese',
        ],
      ].sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1)),
    );
    // The leader opened theirs from the inbox: it is read.
    expect(rows.find((r) => r.user_id === leaderUser)?.read_at).toBeInstanceOf(Date);
    const jobs = await db()
      .selectFrom('job')
      .select('key')
      .where('kind', '=', MAIL_JOB)
      .where(
        'key',
        'in',
        rows.map((r) => r.key),
      )
      .execute();
    expect(jobs.map((j) => j.key).sort()).toEqual(rows.map((r) => r.key).sort());
    const sendings = await db()
      .selectFrom('oppfolgingsplan_sending')
      .select('id')
      .where('plan_id', '=', planId)
      .execute();
    expect(sendings).toEqual([]);
  });

  it('made no request outside its own origin, had no page errors, and axe found no violations', () => {
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(foreignRequests(second?.requests ?? [], app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(second?.pageErrors ?? []).toEqual([]);
    expect(axe.checked.length).toBeGreaterThanOrEqual(8);
    expect(axe.violations, axe.violations.join('\n')).toEqual([]);
  });
});
