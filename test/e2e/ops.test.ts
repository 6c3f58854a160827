/**
 * Reliability and operations in the browser, on the demo company (issue 11):
 * (1) the verneombud, who has no access to sick-leave cases, opens a case's address → «Fant ikke
 *     siden», then asks the API for it three times with the browser's session → 404, and one
 *     refusal (throttled) is stored in the audit log (who, what, when);
 * (2) HR opens the case and «Hvem har åpnet saken?» (by mouse), and sees the refused attempt with
 *     the verneombud's name — also on a phone;
 * (3) a job that kept killing its worker is dead and shown to the administrator on «Drift», who
 *     retries it with the keyboard → it is queued again with fresh attempts and crashes.
 * Axe on every page visited (0 violations); no page errors.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashLimitMessage } from '../../src/jobs/index.ts';
import { startApp, type TestApp } from './support/app.ts';
import {
  AxeLog,
  horizontalOverflow,
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
const sessions: Session[] = [];
const axe = new AxeLog();
let accounts: Account[];
let employee: Account;
let employeeId = '';

const account = (role: string): Account => {
  const found = accounts.find((a) => a.role.startsWith(role));
  if (!found) throw new Error(`no demo account ${role}`);
  return found;
};

async function session(viewport?: { width: number; height: number }): Promise<Page> {
  const s = await openSession(browser, app.url, viewport);
  sessions.push(s);
  return s.page;
}

async function login(p: Page, who: Account): Promise<void> {
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse').fill(who.email);
  await p.getByLabel('Passord').fill(who.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

describe('reliability and operations in the browser', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const first = await session();
    await first.goto('/');
    accounts = await loadDemo(first.context());
    employee = account('ansatt (Hjemmetjenesten)');
    const row = await app.server.database.db
      .selectFrom('employee')
      .select('id')
      .where('email', '=', employee.email)
      .executeTakeFirstOrThrow();
    employeeId = row.id;
  });

  afterAll(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. the verneombud opening a case gets «Fant ikke», and the refusal is audit-logged', async () => {
    const vo = account('verneombud');
    const page = await session();
    await login(page, vo);
    // The web app does not even ask (the page is not among the verneombud's) …
    await page.goto(`/sykefravaer/${employeeId}`);
    await page.getByRole('heading', { level: 1, name: 'Fant ikke siden' }).waitFor();
    await axe.check(page, 'sykefravær (ingen tilgang)');
    // … so probe the API the way a curious user would, with the browser's own session.
    for (let i = 0; i < 3; i++) {
      expect((await page.request.get(`/api/v1/sykefravaer/employees/${employeeId}`)).status()).toBe(404);
    }
    const rows = await app.server.database.db
      .selectFrom('audit_log as a')
      .innerJoin('user_account as u', 'u.id', 'a.actor_user_id')
      .select(['a.action', 'a.entity_type', 'a.entity_id', 'a.actor_roles', 'u.email', 'a.at'])
      .where('a.action', '=', 'denied')
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'denied',
        entity_type: 'sick_case',
        entity_id: employeeId,
        email: vo.email,
        at: expect.any(Date),
      }),
    ]);
    expect(rows[0]?.actor_roles).toContain('verneombud');
  });

  it('2. HR sees the refused attempt in «Hvem har åpnet saken?», on a desktop and on a phone', async () => {
    const hr = account('hr');
    const vo = account('verneombud');
    for (const viewport of [undefined, { width: 390, height: 844 }]) {
      const page = await session(viewport);
      await login(page, hr);
      await page.goto(`/sykefravaer/${employeeId}`);
      await page.getByRole('heading', { level: 1, name: employee.name }).waitFor();
      await page.getByRole('link', { name: 'Hvem har åpnet saken?' }).click();
      const list = page.getByRole('list', { name: 'Hvem har åpnet saken, nyeste først' });
      await list.waitFor();
      const attempt = list.getByRole('listitem').filter({ hasText: vo.name });
      await attempt.waitFor();
      const text = await textOf(attempt);
      expect(text).toContain('Forsøkte å åpne saken uten tilgang – avvist');
      expect(text).toMatch(/\d{2}\.\d{2}\.\d{4}/);
      expect(text).toContain('Verneombud');
      const label = viewport ? 'innsyn (mobil)' : 'innsyn';
      await axe.check(page, label);
      if (viewport) expect(await horizontalOverflow(page)).toBe(0);
    }
  });

  it('3. a job that kept killing its worker is dead on «Drift»; the admin retries it with the keyboard', async () => {
    const db = app.server.database.db;
    const { id } = await db
      .insertInto('job')
      .values({
        key: 'e2e:killer',
        kind: 'e2e-killer',
        payload: '{}',
        attempts: 3,
        crashes: 3,
        failed_at: new Date(),
        last_error: crashLimitMessage(3),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const page = await session();
    await login(page, account('admin'));
    await page.goto('/innstillinger');
    await page.getByRole('link', { name: 'Drift: jobber som har feilet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Drift' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'e2e-killer' });
    await row.waitFor();
    expect(await textOf(row)).toContain('stopped its worker 3 times');
    await axe.check(page, 'drift (død jobb)');
    await tabUntil(page, (el) => el.tag === 'button' && el.label === 'Prøv igjen: e2e-killer', 80);
    await page.keyboard.press('Enter');
    await page.getByText('Jobben er lagt i kø igjen.').waitFor();
    await row.waitFor({ state: 'detached' });
    await axe.check(page, 'drift (etter nytt forsøk)');
    const job = await db
      .selectFrom('job')
      .select(['failed_at', 'attempts', 'crashes', 'done_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ failed_at: null, attempts: 0, crashes: 0, done_at: null });
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('entity_type', '=', 'job')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit).toEqual([{ action: 'update', entity_type: 'job' }]);
  });

  it('no accessibility violations and no page errors on any page visited', () => {
    expect(axe.checked.length).toBeGreaterThanOrEqual(5);
    expect(axe.violations).toEqual([]);
    expect(sessions.flatMap((s) => s.pageErrors)).toEqual([]);
  });
});
