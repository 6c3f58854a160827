/**
 * Counts what a user does in a journey (issue 10, "Fewer steps"): every click, every field filled
 * (typing into a field counts once, however many characters), every key press that submits or
 * picks, every navigation the user makes (opening an address, reloading). Waiting and reading do
 * not count. Each act goes through the counter, so the test cannot do something without counting it.
 */
import type { Download, Locator, Page } from 'playwright-core';

export type Act = 'click' | 'fill' | 'key' | 'navigate';

export class InteractionCounter {
  readonly log: { role: string; act: Act; what: string }[] = [];

  /** The acts of one role (e.g. «leder», «ansatt»). */
  as(role: string): Actor {
    return new Actor(this, role);
  }

  count(role?: string): number {
    return role === undefined ? this.log.length : this.log.filter((l) => l.role === role).length;
  }

  /** «leder 24 (click 12, fill 9, …)» per role, then the total. */
  report(): string {
    const roles = [...new Set(this.log.map((l) => l.role))];
    const lines = roles.map((role) => {
      const acts = new Map<Act, number>();
      for (const l of this.log) if (l.role === role) acts.set(l.act, (acts.get(l.act) ?? 0) + 1);
      const parts = [...acts].map(([act, n]) => `${act} ${n}`).join(', ');
      return `${role}: ${this.count(role)} (${parts})`;
    });
    return [...lines, `i alt: ${this.count()}`].join('\n');
  }
}

export class Actor {
  private readonly counter: InteractionCounter;
  readonly role: string;

  constructor(counter: InteractionCounter, role: string) {
    this.counter = counter;
    this.role = role;
  }

  private note(act: Act, what: string): void {
    this.counter.log.push({ role: this.role, act, what });
  }

  async click(locator: Locator, what = 'click'): Promise<void> {
    this.note('click', what);
    await locator.click();
  }

  async fill(locator: Locator, value: string, what = 'fill'): Promise<void> {
    this.note('fill', what);
    await locator.fill(value);
  }

  async press(locator: Locator, key: string, what = key): Promise<void> {
    this.note('key', what);
    await locator.press(key);
  }

  async goto(page: Page, url: string): Promise<void> {
    this.note('navigate', url);
    await page.goto(url);
  }

  async reload(page: Page): Promise<void> {
    this.note('navigate', 'reload');
    await page.reload();
  }

  /** A click that starts a download (one interaction); resolves with the download. */
  async download(page: Page, locator: Locator, what = 'download'): Promise<Download> {
    this.note('click', what);
    const [download] = await Promise.all([page.waitForEvent('download'), locator.click()]);
    return download;
  }
}
