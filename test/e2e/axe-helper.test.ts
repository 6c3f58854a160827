/**
 * The axe helper every e2e file relies on (`axeViolations`, `AxeLog`) runs axe-core in the page itself
 * rather than through `@axe-core/playwright`: this pins that it still finds what WCAG 2.1 AA forbids,
 * again after a navigation (a new document without axe in it), and that a page with a frame is refused
 * rather than half-checked.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeLog, axeViolations, launchBrowser } from './support/browser.ts';

let browser: Browser;

const BAD = `<!doctype html><html lang="nb"><head><title>Prøve</title></head><body><main>
  <h1>Prøve</h1>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <p style="color:#bbb;background:#fff">Grå tekst på hvitt</p>
  <label>Navn <input id="a"></label><input id="b">
</main></body></html>`;
const GOOD = `<!doctype html><html lang="nb"><head><title>Prøve</title></head><body><main>
  <h1>Prøve</h1><p>Svart tekst på hvitt.</p><label for="n">Navn</label><input id="n">
</main></body></html>`;

describe('the axe helper of the e2e suite', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds a missing alt text, too little contrast and an unlabelled field; nothing on a clean page', async () => {
    const page = await browser.newPage();
    await page.setContent(BAD);
    const ids = (await axeViolations(page)).map((v) => v.split(' ')[0]);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'color-contrast', 'label']));

    // A new document has no axe in it: the helper puts it there again.
    await page.setContent(GOOD);
    expect(await axeViolations(page)).toEqual([]);
    await page.setContent(BAD);
    const log = new AxeLog();
    await log.check(page, 'prøve');
    expect(log.checked).toEqual(['prøve']);
    expect(log.violations.some((v) => v.startsWith('[prøve] image-alt'))).toBe(true);
    await page.close();
  });

  it('refuses a page with a frame instead of skipping it', async () => {
    const page = await browser.newPage();
    await page.setContent(
      `${GOOD.replace('</main>', '<iframe title="x" srcdoc="<p>x</p>"></iframe></main>')}`,
    );
    await expect(axeViolations(page)).rejects.toThrow(/frame/);
    await page.close();
  });
});
