/**
 * Keyboard only: from the login page to the employee list with Tab, typing and Enter — through the
 * skip link, with a visible focus indicator at every stop — and axe on each page on the way.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './support/app.ts';
import {
  AxeLog,
  focusIsVisible,
  foreignRequests,
  launchBrowser,
  loadDemo,
  openSession,
  type Session,
  screenshot,
  tabUntil,
  textOf,
} from './support/browser.ts';

let app: TestApp;
let browser: Browser;
let s: Session;
const axe = new AxeLog();

describe('keyboard only', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
  });

  afterAll(async () => {
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('6. logs in and reaches the employee list using only Tab, typing and Enter', async () => {
    const accounts = await loadDemo(s.context);
    const admin = accounts.find((a) => a.role.startsWith('admin'));
    if (!admin) throw new Error('the demo has no admin account');
    const { page } = s;

    await page.goto('/logg-inn');
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await axe.check(page, 'logg inn');

    // The first Tab reaches the skip link, which is visible when focused and moves focus to <main>.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hopp til hovedinnhold');
    expect(await page.locator('.skip-link').isVisible()).toBe(true);
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('hovedinnhold');

    await tabUntil(page, (el) => el.id === 'felt-email', 5);
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.type(admin.email);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('felt-password');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.type(admin.password);
    await screenshot(page, '06-tastatur-logg-inn');
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
    // After the navigation, focus is on the new page's heading, so the next Tab continues from there.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await axe.check(page, 'forside');

    const presses = await tabUntil(page, (el) => el.tag === 'a' && el.text === 'Ansatte', 15);
    expect(presses).toBeLessThanOrEqual(15);
    expect(await focusIsVisible(page)).toBe(true);
    await screenshot(page, '06-tastatur-forside');
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => url.pathname === '/ansatte');
    await page.getByRole('heading', { level: 1, name: 'Ansatte' }).waitFor();
    await page.getByText(/Viser 1–25 av \d+/).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await axe.check(page, 'ansatte');

    // Onwards into one employee and back, still by keyboard.
    const first = await textOf(page.locator('table a').first());
    await tabUntil(page, (el) => el.tag === 'a' && el.text === first, 20);
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: first }).waitFor();
    await axe.check(page, 'ansatt');
    await screenshot(page, '06-tastatur-ansatt');

    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(axe.violations, axe.violations.join('\n')).toEqual([]);
  });
});
