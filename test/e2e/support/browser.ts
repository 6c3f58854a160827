/**
 * Browser helpers for the e2e tests: Debian's Chromium through playwright-core, a record of every
 * request the page makes, axe (WCAG 2.1 A/AA) on every page visited, keyboard helpers, screenshots.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Request,
} from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type Session = {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for (documents, scripts, styles, fonts, images, API calls). */
  requests: string[];
  /** Uncaught errors in the page. */
  pageErrors: string[];
};

export async function openSession(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<Session> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'nb-NO' });
  context.setDefaultTimeout(15_000);
  const requests: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  trackInFlight(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, requests, pageErrors };
}

/** The requests of each context that have started and neither finished nor failed. */
const inFlight = new WeakMap<BrowserContext, Set<Request>>();

/** Keeps count of a context's open requests, so a check can wait for them instead of for `networkidle`. */
export function trackInFlight(context: BrowserContext): void {
  if (inFlight.has(context)) return;
  const open = new Set<Request>();
  inFlight.set(context, open);
  context.on('request', (request) => open.add(request));
  context.on('requestfinished', (request) => open.delete(request));
  context.on('requestfailed', (request) => open.delete(request));
}

/**
 * Waits until the page's context has had no request open for `quietMs`. `networkidle` waits for
 * 500 ms without network every time, and the suite makes about 300 axe checks (issue 17: CI time);
 * counting the open requests settles as soon as the last answer is in, and still catches a request
 * that a finished one sets off (React Query's follow-ups) within the quiet period. A context opened
 * without `openSession` falls back to `networkidle`.
 */
export async function settleNetwork(page: Page, quietMs = 100, timeoutMs = 10_000): Promise<void> {
  const open = inFlight.get(page.context());
  if (!open) {
    await page.waitForLoadState('networkidle').catch(() => undefined);
    return;
  }
  await page.waitForLoadState('load').catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  let quietSince = open.size === 0 ? Date.now() : undefined;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (open.size > 0) quietSince = undefined;
    else {
      quietSince ??= Date.now();
      if (Date.now() - quietSince >= quietMs) return;
    }
  }
}

/** Requests that left the page's own origin (data: and blob: URLs are not requests to anyone). */
export function foreignRequests(requests: readonly string[], baseURL: string): string[] {
  const origin = new URL(baseURL).origin;
  return requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    return new URL(url).origin !== origin;
  });
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let axeSource: string | undefined;

type AxeViolation = {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
};

/**
 * Runs axe with the WCAG 2.1 A/AA rules on the page as it is now; returns readable violations.
 *
 * axe-core is put into the page once per document and run there directly, asking only for
 * violations. `@axe-core/playwright`'s `analyze()` injects the 500 kB script again on every call
 * and finishes each run in a fresh blank page; measured on the AMU pages that took 1.5–4 s per
 * check against 0.15–0.5 s here, with the same rules, violations and passes — and the suite makes
 * about 300 checks (issue 17: CI time). The app has no iframes; a page that gets one fails here,
 * so a frame is never skipped silently.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const frames = await page.locator('iframe, frame').count();
  if (frames > 0)
    throw new Error(`axe: the page has ${frames} frame(s); check them too before relying on this`);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    type Axe = { run(context: Document, options: object): Promise<{ violations: unknown[] }> };
    const { axe } = window as unknown as { axe: Axe };
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
      iframes: false,
    });
    return result.violations;
  }, WCAG_21_AA);
  return (violations as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n    ')}`,
  );
}

/** Waits for the app to settle (no spinner), then collects axe's findings under a label. */
export class AxeLog {
  readonly checked: string[] = [];
  readonly violations: string[] = [];

  async check(page: Page, label: string): Promise<void> {
    await settleNetwork(page);
    // Let opening dialogs and menus finish their fade-in, or axe measures half-transparent colours.
    await page
      .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
        timeout: 5_000,
      })
      .catch(() => undefined);
    await page
      .locator('.loading')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
    const found = await axeViolations(page);
    this.checked.push(label);
    for (const v of found) this.violations.push(`[${label}] ${v}`);
  }
}

/** Presses Tab until the focused element matches, at most `max` times; returns how many presses it took. */
export async function tabUntil(
  page: Page,
  matches: (el: { tag: string; text: string; id: string; label: string; type: string }) => boolean,
  max = 40,
): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return {
        tag: a?.tagName.toLowerCase() ?? '',
        text: (a?.textContent ?? '').trim(),
        id: a?.id ?? '',
        label: a?.getAttribute('aria-label') ?? '',
        type: a?.getAttribute('type') ?? '',
      };
    });
    if (matches(el)) return i;
  }
  throw new Error(`no matching element within ${max} presses of Tab`);
}

/**
 * Whether the focused element shows a visible focus indicator: an outline or box-shadow on it, or on
 * a close ancestor that draws the ring for it (Aksel's link cards and inputs do that).
 */
export async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    if (!el || el === document.body) return false;
    for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
      if (outline || shadow) return true;
    }
    return false;
  });
}

/** Loads the demo company through the API (as the onboarding button does); returns its logins. */
export async function loadDemo(
  context: BrowserContext,
): Promise<{ role: string; name: string; email: string; password: string }[]> {
  await context.request.get('/api/v1/session');
  // Anonymous state changes use a double-submit token: the header must equal the `naervaer_csrf`
  // cookie. A page opened just before may be fetching /api/v1/session at the same time, and its
  // answer can set a newer cookie after we read it (CI run 22 failed so). Send what the browser
  // holds now, and when the cookie changed under us, read it again and send once more.
  let res = await postDemo(context);
  for (let attempt = 1; attempt < 3 && res.status() === 403; attempt++) {
    if ((await res.text()).includes('CSRF_FAILED') === false) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
    res = await postDemo(context);
  }
  if (res.status() !== 201) throw new Error(`demo: ${res.status()} ${await res.text()}`);
  return (
    (await res.json()) as { accounts: { role: string; name: string; email: string; password: string }[] }
  ).accounts;
}

async function postDemo(context: BrowserContext) {
  const csrf = (await context.cookies()).find((c) => c.name === 'naervaer_csrf')?.value ?? '';
  return context.request.post('/api/v1/setup/demo', { headers: { 'x-csrf-token': csrf } });
}

/** `document` wider than the viewport means horizontal scrolling. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The elements that stick out to the right of the viewport (for a readable failure). */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right > window.innerWidth + 0.5 && r.width > 0) {
        out.push(
          `${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 2).join('.')} right=${Math.round(r.right)}`,
        );
      }
    }
    return out.slice(0, 15);
  });
}

/** The text of the first element a locator finds ('' when it has none). */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.first().textContent()) ?? '').trim();
}

/** Saves a screenshot when E2E_SCREENSHOT_DIR is set (for looking at the pages). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
