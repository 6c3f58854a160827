/**
 * The HMS handbook in the browser, on a phone (390×844), on the demo company, with the database as
 * the judge:
 * (1) HR opens «Rutiner», starts «Ny rutine fra mal» → Avvikshåndtering, and saves it (the template's
 *     text, owner HR) → `hms_routine` and version 1 in `hms_routine_version`;
 * (2) an employee logs in: the front page says first «Du har 1 rutine å lese»; by keyboard they follow
 *     it to «Mine rutiner», open the routine, and press «Jeg har lest og forstått rutinen» →
 *     `routine_confirmation` holds their confirmation of version 1; the notice is gone;
 * (3) HR opens the routine: «1 av N har bekreftet», and the employee is among those who have;
 * (4) HR changes the text → version 2 with its change note, the old version readable on its own, and
 *     the employee's front page asks them to read the routine again;
 * (5) HR archives the routine (confirmed in a dialog) → `archived_at` and who are stored, the page
 *     says it no longer applies, and the employee is no longer asked to read it.
 * Axe on every page visited; no horizontal scrolling on the phone; no request leaves the app; no page
 * errors.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTINE_TEMPLATES } from '../../src/domain/rutiner/index.ts';
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

const PHONE = { width: 390, height: 844 };
const TITLE = ROUTINE_TEMPLATES.avvik.title;

let app: TestApp;
let browser: Browser;
let hrSession: Session;
let employeeSession: Session;
let hr: Account;
let employee: Account;
let routineId = '';
const axe = new AxeLog();

async function login(p: Page, account: { email: string; password: string }): Promise<void> {
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse').fill(account.email);
  await p.getByLabel('Passord').fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

/** Axe, and no horizontal scrolling on the phone. */
async function check(p: Page, label: string): Promise<void> {
  await axe.check(p, label);
  const overflow = await horizontalOverflow(p);
  expect(overflow, `${label}: ${(await overflowingElements(p)).join(', ')}`).toBeLessThanOrEqual(0);
}

describe('rutiner in the browser, on a phone', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    hrSession = await openSession(browser, app.url, PHONE);
    await hrSession.page.goto('/');
    const accounts = await loadDemo(hrSession.context);
    const findAccount = (prefix: string) => {
      const found = accounts.find((a) => a.role.startsWith(prefix));
      if (!found) throw new Error(`the demo has no ${prefix} account`);
      return found;
    };
    hr = findAccount('hr');
    employee = findAccount('ansatt');
    employeeSession = await openSession(browser, app.url, PHONE);
  });

  afterAll(async () => {
    await employeeSession?.context.close();
    await hrSession?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. HR makes the avvik routine from its template', async () => {
    const page = hrSession.page;
    await login(page, hr);
    await page.goto('/internkontroll/rutiner');
    await page.getByRole('heading', { level: 1, name: 'Rutiner' }).waitFor();
    await page.getByText('Dere har ingen rutine for avvik.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Rutine for sykefraværsoppfølging' }).waitFor();
    await check(page, 'rutiner (tom)');
    await screenshot(page, '70-rutiner-tom');

    await page.getByRole('link', { name: 'Avvikshåndtering' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny rutine' }).waitFor();
    expect(await page.getByLabel('Tittel', { exact: true }).inputValue()).toBe(TITLE);
    expect(await page.getByLabel('Tekst', { exact: true }).inputValue()).toBe(ROUTINE_TEMPLATES.avvik.body);
    await expect.poll(() => page.getByLabel('Eier', { exact: true }).inputValue()).not.toBe('');
    await check(page, 'ny rutine fra mal');
    await screenshot(page, '71-ny-rutine');
    await page.getByRole('button', { name: 'Lagre rutinen' }).click();

    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText(`Rutinen «${TITLE}» er lagret.`).waitFor();
    routineId = page.url().split('/').pop() ?? '';
    expect(routineId).toMatch(/^[0-9a-f-]{36}$/);
    const db = app.server.database.db;
    const stored = await db
      .selectFrom('hms_routine as r')
      .innerJoin('user_account as a', 'a.id', 'r.owner_user_id')
      .select(['r.title', 'r.category', 'r.current_version', 'r.applies_to_all', 'a.name as owner'])
      .where('r.id', '=', routineId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      title: TITLE,
      category: 'avvik',
      current_version: 1,
      applies_to_all: true,
      owner: hr.name,
    });
    const versions = await db
      .selectFrom('hms_routine_version')
      .select(['version', 'body'])
      .where('routine_id', '=', routineId)
      .execute();
    expect(versions).toEqual([{ version: 1, body: ROUTINE_TEMPLATES.avvik.body }]);
    await page.getByRole('heading', { level: 2, name: 'Hvem har ikke lest' }).waitFor();
    await check(page, 'rutine (HR)');
    await screenshot(page, '72-rutine-hr');
  });

  it('2. an employee sees «Du har 1 rutine å lese», reads the routine and confirms it by keyboard', async () => {
    const page = employeeSession.page;
    await login(page, employee);
    const notice = page.getByRole('link', { name: 'Du har 1 rutine å lese' });
    await notice.waitFor();
    // First on the page after the greeting: before the shortcuts.
    const order = await page.evaluate(() => {
      const link = Array.from(document.querySelectorAll('a')).find((a) =>
        a.textContent?.includes('rutine å lese'),
      );
      const shortcuts = document.getElementById('shortcuts-heading');
      return link && shortcuts
        ? link.compareDocumentPosition(shortcuts) & Node.DOCUMENT_POSITION_FOLLOWING
        : 0;
    });
    expect(order).toBeGreaterThan(0);
    await check(page, 'forside (ansatt med ulest rutine)');
    await screenshot(page, '73-forside-ansatt');

    await tabUntil(page, (el) => el.tag === 'a' && el.text === 'Du har 1 rutine å lese', 60);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mine rutiner' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Å lese' }).waitFor();
    await check(page, 'mine rutiner (ulest)');
    await screenshot(page, '74-mine-rutiner');

    await tabUntil(page, (el) => el.tag === 'a' && el.text === TITLE, 60);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Hva skal meldes' }).waitFor();
    await check(page, 'rutinen (ansatt)');
    await screenshot(page, '75-rutine-ansatt');

    const db = app.server.database.db;
    const member = await db
      .selectFrom('membership as m')
      .innerJoin('user_account as a', 'a.id', 'm.user_id')
      .select(['m.employee_id', 'a.id as user_id'])
      .where('a.email', '=', employee.email)
      .executeTakeFirstOrThrow();
    const confirmations = () =>
      db
        .selectFrom('routine_confirmation')
        .select(['version', 'employee_id', 'user_id'])
        .where('routine_id', '=', routineId)
        .execute();
    expect(await confirmations()).toEqual([]);

    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Jeg har lest og forstått rutinen', 200);
    await page.keyboard.press('Enter');
    await page.getByText('Takk! Du har bekreftet at du har lest rutinen.').waitFor();
    // Focus moved to the receipt, not lost with the button.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('rutine-confirm') ?? false))
      .toBe(true);
    expect(await confirmations()).toEqual([
      { version: 1, employee_id: member.employee_id, user_id: member.user_id },
    ]);
    await check(page, 'rutinen (bekreftet)');

    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Hva vil du gjøre?' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('link', { name: /rutiner? å lese/ }).count()).toBe(0);
    await page.goto('/mine-rutiner');
    await page.getByRole('heading', { level: 2, name: 'Lest' }).waitFor();
    await check(page, 'mine rutiner (lest)');
  });

  it('3. HR sees the employee among those who have confirmed', async () => {
    const page = hrSession.page;
    await page.goto(`/internkontroll/rutiner/${routineId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const count = page.getByTestId('rutine-who-count');
    await expect.poll(async () => (await count.textContent()) ?? '').toMatch(/^1 av \d+ har bekreftet$/);
    const notConfirmed = page.getByTestId('rutine-not-confirmed');
    expect(await notConfirmed.getByText(employee.name, { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Har bekreftet (1)' }).click();
    await page.getByTestId('rutine-confirmed').getByText(employee.name, { exact: true }).waitFor();
    await check(page, 'rutine (HR, etter bekreftelse)');
    await screenshot(page, '76-rutine-bekreftet');

    await page.goto('/internkontroll/rutiner');
    const row = page.locator(`li[data-routine-id="${routineId}"]`);
    await row.getByText(/^1 av \d+ har bekreftet$/).waitFor();
    await check(page, 'rutiner (med rutine)');
  });

  it('4. HR changes the text: version 2 is stored, and the employee is asked to read it again', async () => {
    const page = hrSession.page;
    await page.goto(`/internkontroll/rutiner/${routineId}`);
    await page.getByRole('link', { name: 'Endre rutinen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Endre rutinen' }).waitFor();
    const text = page.getByLabel('Tekst', { exact: true });
    await text.fill(`${await text.inputValue()}\n\nAvvik meldes i Nærvær under «Avvik».`);
    await page.getByLabel('Hva er endret? (valgfritt)').fill('Hvor avvik meldes');
    await check(page, 'endre rutine');
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.getByText('Endringene er lagret som versjon 2. De ansatte må bekrefte den på nytt.').waitFor();
    const versions = await app.server.database.db
      .selectFrom('hms_routine_version')
      .select(['version', 'change_note'])
      .where('routine_id', '=', routineId)
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, change_note: '' },
      { version: 2, change_note: 'Hvor avvik meldes' },
    ]);
    await page.getByRole('link', { name: 'Vis versjon 1' }).click();
    await page.getByRole('heading', { level: 1, name: `${TITLE} – versjon 1` }).waitFor();
    await page.getByText('Dette er en eldre versjon. Den gjelder ikke lenger.').waitFor();
    await check(page, 'eldre versjon');

    const employeePage = employeeSession.page;
    await employeePage.goto('/');
    await employeePage.getByRole('link', { name: 'Du har 1 rutine å lese' }).waitFor();
  });

  it('5. HR archives the routine: it is stored as archived, and the employee no longer has it to read', async () => {
    const page = hrSession.page;
    await page.goto(`/internkontroll/rutiner/${routineId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('button', { name: 'Arkiver', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Arkivere rutinen?' });
    await dialog.waitFor();
    await check(page, 'arkiver rutinen (dialog)');
    await dialog.getByRole('button', { name: 'Ja, arkiver' }).click();
    await page.getByText('Rutinen er arkivert.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Denne rutinen er arkivert og gjelder ikke lenger.').waitFor();
    expect(await page.getByRole('link', { name: 'Endre rutinen' }).count()).toBe(0);
    const db = app.server.database.db;
    const stored = await db
      .selectFrom('hms_routine as r')
      .innerJoin('user_account as a', 'a.id', 'r.archived_by')
      .select(['r.archived_at', 'a.name as archived_by', 'r.current_version'])
      .where('r.id', '=', routineId)
      .executeTakeFirstOrThrow();
    expect(stored.archived_at).not.toBeNull();
    expect(stored).toMatchObject({ archived_by: hr.name, current_version: 2 });
    await check(page, 'rutine (arkivert)');

    const employeePage = employeeSession.page;
    await employeePage.goto('/mine-rutiner');
    await employeePage.getByRole('heading', { level: 1, name: 'Mine rutiner' }).waitFor();
    await employeePage.getByText('Ingen rutiner gjelder for deg ennå.').waitFor();
    expect(await employeePage.getByRole('link', { name: TITLE }).count()).toBe(0);
  });

  it('6. visited every page with axe finding nothing; no foreign requests; no page errors', () => {
    expect(axe.checked.length).toBeGreaterThanOrEqual(12);
    expect(axe.violations).toEqual([]);
    for (const s of [hrSession, employeeSession]) {
      expect(foreignRequests(s.requests, app.url)).toEqual([]);
      expect(s.pageErrors).toEqual([]);
    }
  });
});
