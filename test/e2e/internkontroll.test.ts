/**
 * Internkontroll in the browser, on the demo company, with the database as the judge of what was
 * saved:
 * (1) HR opens «Internkontroll» from the main menu: the demo's saved profile (a municipality, BHT
 *     «Påkrevd etter risikovurdering»), all fifteen duties with a status in words, never yes/no;
 * (2) HR makes it the profile of a 42-employee construction firm (the register's count overridden
 *     to 42 with a reason, an average of 25 working ≥ 20 h/week, SN2007 41.200 «Oppføring av
 *     bygninger», hazardous chemicals, no night work or biological agents) → version 2 in
 *     `company_profile_version` holds exactly that; the duties page shows Verneombud «Påkrevd», AMU
 *     «Når en av partene krever det» and BHT «Påkrevd etter næringskode»; the profile page reads the
 *     values back and lists version 2 by HR with what changed;
 * (3) the årshjul of this year has the quarterly vernerunde in February, May, August and November
 *     (and the yearly one under «Ikke aktuelt for dere»); HR marks the first one done with a note,
 *     by keyboard → `arshjul_item` has the note, who and when; after a reload it shows «Gjort»;
 * (4) on a phone (390×844) the årshjul as a list: no horizontal scrolling, actions within reach;
 * (5) HR pages to next year and back, adds an own activity, moves and renames it, deletes it, moves
 *     a generated one (shown «flyttet fra …») and reopens the one done in (3) — each checked in
 *     `arshjul_item`;
 * (6) a save on a version someone else replaced meanwhile gets 409 STALE_VERSION: the typed value
 *     is kept, «Hent den nyeste versjonen» shows the other's change, and the next save stores both.
 * Axe on every page and dialog visited; no request leaves the app's origin; no page errors.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNorwegian } from '../../src/domain/calendar/index.ts';
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
let hr: Account;

const today = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
const YEAR = Number(today.slice(0, 4));
const REASON = 'Vi har 42 ansatte; ansattregisteret i Nærvær er ikke oppdatert ennå.';
const NOTE = 'Vernerunde gjennomført med verneombudet på byggeplassen. To avvik meldt.';
const OWN = 'Brannøvelse på byggeplassen';
const OWN_RENAMED = 'Brannøvelse, byggeplass Nord';

/** All the words a duty's status may be shown with (a bare yes/no is none of them). */
const STATUS_WORDS = [
  'Påkrevd',
  'Påkrevd med mindre dere har skriftlig avtale',
  'Skriftlig avtale om annen ordning',
  'Når en av partene krever det',
  'Ikke påkrevd',
  'Påkrevd etter næringskode',
  'Pålagt av Arbeidstilsynet',
  'Påkrevd etter risikovurdering',
  'Må vurderes ut fra risiko',
  'Må avklares',
  'Anbefalt',
  'Ikke aktuelt',
];

async function login(p: Page, account: { email: string; password: string }): Promise<void> {
  await p.goto('about:blank');
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse').fill(account.email);
  await p.getByLabel('Passord').fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

function duty(p: Page, key: string): Locator {
  return p.locator(`li[data-duty="${key}"]`);
}

/** The text of a duty's status tag. */
async function statusOf(p: Page, key: string): Promise<string> {
  return textOf(duty(p, key).locator('.ik-status'));
}

type StoredProfile = Record<string, unknown>;

async function storedProfiles(): Promise<{ version: number; profile: StoredProfile; by: string | null }[]> {
  const rows = await app.server.database.db
    .selectFrom('company_profile_version')
    .select(['version', 'profile', 'changed_by_name'])
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    profile: (typeof r.profile === 'string' ? JSON.parse(r.profile) : r.profile) as StoredProfile,
    by: r.changed_by_name,
  }));
}

async function doneCount(): Promise<number> {
  const row = await app.server.database.db
    .selectFrom('arshjul_item')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('done_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('internkontroll in the browser', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    page = s.page;
    await page.goto('/');
    const accounts = await loadDemo(s.context);
    const found = accounts.find((a) => a.role.startsWith('hr'));
    expect(found).toBeDefined();
    hr = found!;
  });

  afterAll(async () => {
    await phone?.context.close();
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it("1. HR opens «Hva gjelder for oss»: the demo's profile, every duty in words", async () => {
    await login(page, hr);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('link', { name: 'Internkontroll', exact: true }).click();
    // The overview: the eight points of IK-f § 5, each with its status in words.
    await page.getByRole('heading', { level: 1, name: 'Internkontroll' }).waitFor();
    const points = page.locator('section.ik-point');
    await expect.poll(() => points.count()).toBe(8);
    await page.getByRole('heading', { level: 2, name: '8. Årlig gjennomgang av internkontrollen' }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: 'Lover og forskrifter som gjelder for dere' })
      .waitFor();
    await axe.check(page, 'internkontroll (IK-f § 5)');
    await screenshot(page, '59-ik-dashboard');
    // The section menu leads to the duties.
    const section = page.getByRole('navigation', { name: 'Meny for Internkontroll' });
    await section.getByRole('link', { name: 'Hva gjelder for oss' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hva gjelder for oss' }).waitFor();
    // The demo company comes with a saved profile (a municipality), so no prompt to fill it in.
    const seeded = await storedProfiles();
    expect(seeded.map((v) => v.version)).toEqual([1]);
    await page.getByRole('link', { name: 'Endre virksomhetsprofilen' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Fyll ut virksomhetsprofilen' }).count()).toBe(0);

    // All fifteen duties, in the page's order, each with a status in words and Lovkrav/Anbefalt.
    const rows = page.locator('li[data-duty]');
    await expect.poll(() => rows.count()).toBe(15);
    const keys = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-duty') ?? ''));
    expect(keys).toEqual([
      'internkontroll',
      'leaderHmsTraining',
      'verneombud',
      'hovedverneombud',
      'amu',
      'bht',
      'varslingRoutine',
      'injuryRegister',
      'sickLeaveStatistics',
      'stoffkartotek',
      'exposureRegister',
      'voAmuTraining40h',
      'nightWorkHealthCheck',
      'bhtPlanAndAnnualReport',
      'amuAnnualReport',
    ]);
    for (const key of keys) {
      const status = await statusOf(page, key);
      expect(STATUS_WORDS, `${key}: «${status}»`).toContain(status);
      const text = await textOf(duty(page, key));
      expect(text).toMatch(/Lovkrav|Anbefalt/);
      expect(text).toContain('Hjemmel:');
    }
    // The municipality's code (84.11) is not on the BHT list; its yearly assessment said yes.
    expect(await duty(page, 'bht').getAttribute('data-status')).toBe('required-by-risk');
    expect(await statusOf(page, 'bht')).toBe('Påkrevd etter risikovurdering');
    // Three verneområder in the demo: a hovedverneombud.
    expect(await textOf(page.locator('[data-fact="areas"]'))).toContain('3');
    expect(await duty(page, 'hovedverneombud').getAttribute('data-status')).toBe('required');
    await page.getByRole('heading', { level: 2, name: 'Dette skal være skriftlig' }).waitFor();
    await axe.check(page, 'internkontroll (demoens profil)');
    await screenshot(page, '60-internkontroll-demo');
  });

  it('2. HR makes it the profile of a 42-employee construction firm; it is stored and the duties follow', async () => {
    await page.getByRole('link', { name: 'Endre virksomhetsprofilen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Virksomhetsprofilen' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Historikk' }).waitFor();
    await page.locator('li[data-version="1"]').waitFor();
    await page.getByText('Dere har 3 verneområder.').waitFor();
    await axe.check(page, 'virksomhetsprofil (demo)');

    await page.getByLabel('Antall ansatte i dag (valgfritt)').fill('42');
    await page.getByLabel('Hvorfor avviker tallet fra ansattregisteret?').fill(REASON);
    await page.getByLabel('Snitt i fjor av ansatte som jobbet minst 20 timer i uka (valgfritt)').fill('25');
    await page.getByLabel('Innleide arbeidstakere').fill('3');
    await page.getByRole('radio', { name: 'SN2007 (den eldre standarden)' }).check();
    await page.getByLabel('Kode', { exact: true }).fill('41.200');
    await page.getByLabel('Beskrivelse (valgfritt)').fill('Oppføring av bygninger');
    await page.getByRole('checkbox', { name: /^Farlige kjemikalier/ }).check();
    await page.getByRole('checkbox', { name: /^Biologiske faktorer/ }).uncheck();
    await page.getByRole('checkbox', { name: /^Nattarbeid/ }).uncheck();
    await page.getByRole('radio', { name: 'Ikke vurdert' }).check();
    await axe.check(page, 'virksomhetsprofil (utfylt)');
    await screenshot(page, '61-virksomhetsprofil');
    await page.getByRole('button', { name: 'Lagre virksomhetsprofilen' }).click();

    await page.getByRole('heading', { level: 1, name: 'Hva gjelder for oss' }).waitFor();
    await page.getByText('Virksomhetsprofilen er lagret, og pliktene er regnet ut på nytt.').waitFor();

    // What was stored: a version 2, by HR, with exactly what was entered (and the demo's election
    // dates kept); version 1 untouched.
    const stored = await storedProfiles();
    expect(stored.map((v) => v.version)).toEqual([1, 2]);
    expect(stored[0]?.profile.nace).toEqual({
      system: 'SN2025',
      code: '84.11',
      label: 'Generell offentlig administrasjon',
    });
    expect(stored[1]?.by).toBe(hr.name);
    expect(stored[1]?.profile).toEqual({
      employeesTotalOverride: 42,
      employeesTotalOverrideReason: REASON,
      employeesAvg20hLastYear: 25,
      hiredWorkers: 3,
      nace: { system: 'SN2007', code: '41.200', label: 'Oppføring av bygninger' },
      hazardousChemicals: true,
      cmrExposure: null,
      asbestosExposure: false,
      biologicalAgents: false,
      nightWorkMainly: false,
      amuDemandedBy: 'none',
      alternativeVoAgreementUntil: null,
      arbeidstilsynetOrders: { vo: false, amu: false, bht: false },
      bhtRiskAssessmentSaysRequired: null,
      lastVoElection: '2025-04-01',
      lastAmuElection: '2025-05-01',
    });

    // The duties that follow.
    expect(await duty(page, 'verneombud').getAttribute('data-status')).toBe('required');
    expect(await statusOf(page, 'verneombud')).toBe('Påkrevd');
    expect(await duty(page, 'amu').getAttribute('data-status')).toBe('on-demand');
    expect(await statusOf(page, 'amu')).toBe('Når en av partene krever det');
    expect(await duty(page, 'bht').getAttribute('data-status')).toBe('required-by-nace');
    expect(await statusOf(page, 'bht')).toBe('Påkrevd etter næringskode');
    expect(await duty(page, 'stoffkartotek').getAttribute('data-status')).toBe('required');
    expect(await duty(page, 'nightWorkHealthCheck').getAttribute('data-status')).toBe('not-applicable');
    // The facts used: 42 employees (overridden), the average entered, the code.
    expect(await textOf(page.locator('[data-fact="employees"]'))).toMatch(
      /^Ansatte i dag\s*42 \(oppgitt av dere/,
    );
    expect(await textOf(page.locator('[data-fact="avg20h"]'))).toContain('25 (oppgitt av dere)');
    expect(await textOf(page.locator('[data-fact="nace"]'))).toContain('41.200 Oppføring av bygninger');
    await axe.check(page, 'internkontroll (byggefirma)');
    await screenshot(page, '62-internkontroll');

    // The profile page reads it back, with version 2 (by HR, what changed) in the history.
    await page.getByRole('link', { name: 'Endre virksomhetsprofilen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Virksomhetsprofilen' }).waitFor();
    expect(await page.getByLabel('Antall ansatte i dag (valgfritt)').inputValue()).toBe('42');
    expect(await page.getByLabel('Hvorfor avviker tallet fra ansattregisteret?').inputValue()).toBe(REASON);
    expect(await page.getByLabel('Kode', { exact: true }).inputValue()).toBe('41.200');
    expect(await page.getByRole('checkbox', { name: /^Farlige kjemikalier/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^Nattarbeid/ }).isChecked()).toBe(false);
    const version = page.locator('li[data-version="2"]');
    await version.waitFor();
    const versionText = await textOf(version);
    expect(versionText).toContain(hr.name);
    expect(versionText).toContain('antall ansatte');
    expect(versionText).toContain('næringskode');
    await axe.check(page, 'virksomhetsprofil (lagret)');
  });

  it('3. the årshjul has the quarterly vernerunde; HR marks one done with a note, by keyboard', async () => {
    await page.getByRole('link', { name: 'Tilbake til «Hva gjelder for oss»' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hva gjelder for oss' }).waitFor();
    await page.getByRole('link', { name: 'Se årshjulet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Årshjul' }).waitFor();
    await page.getByText(`Viser ${YEAR}`).waitFor();
    await page.getByRole('heading', { level: 2, name: `Aktiviteter i ${YEAR}` }).waitFor();

    // Quarterly: one in the second month of each quarter; the yearly one does not apply.
    const rounds = page.locator('li[data-key="vernerunde-kvartalsvis"]');
    await expect.poll(() => rounds.count()).toBe(4);
    for (const month of [2, 5, 8, 11]) {
      const inMonth = page.locator(`section[data-month="${month}"] li[data-key="vernerunde-kvartalsvis"]`);
      expect(await inMonth.count(), `month ${month}`).toBe(1);
      const text = await textOf(inMonth);
      expect(text).toMatch(new RegExp(`Frist: \\d{2}\\.${String(month).padStart(2, '0')}\\.${YEAR}`));
      expect(text).toContain('Ansvarlig:');
    }
    expect(await page.locator('li[data-item-id][data-key="vernerunde-arlig"]').count()).toBe(0);
    const notApplicable = page.locator('section[aria-labelledby="ik-na-heading"]');
    await notApplicable.getByRole('heading', { level: 2, name: 'Ikke aktuelt for dere' }).waitFor();
    const yearly = notApplicable.locator('li[data-key="vernerunde-arlig"]');
    expect(await textOf(yearly)).toContain('Ikke aktuelt — fordi');
    expect(await textOf(yearly)).toContain('Hjemmel:');
    await axe.check(page, 'årshjul (måned for måned)');
    await screenshot(page, '63-arshjul');

    const first = page.locator('section[data-month="2"] li[data-key="vernerunde-kvartalsvis"]');
    const id = (await first.getAttribute('data-item-id')) ?? '';
    const title = await textOf(first.locator('.ik-item-title'));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const before = await app.server.database.db
      .selectFrom('arshjul_item')
      .select(['item_key', 'year', 'done_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(before).toEqual({ item_key: 'vernerunde-kvartalsvis', year: YEAR, done_at: null });

    const doneBefore = await doneCount();

    // By keyboard: Tab to «Marker som gjort», Enter, type the note, Tab to the dialog's button, Enter.
    await tabUntil(page, (el) => el.tag === 'button' && el.label === `Marker som gjort: ${title}`, 200);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Marker som gjort: ${title}` });
    await dialog.waitFor();
    await axe.check(page, 'årshjul: marker som gjort (dialog)');
    await tabUntil(page, (el) => el.tag === 'textarea', 10);
    await page.keyboard.type(NOTE);
    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Marker som gjort', 10);
    await page.keyboard.press('Enter');
    await page.getByText(`«${title}» er markert som gjort.`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => first.getAttribute('data-state')).toBe('done');
    // Focus is on the item's first action again (now «Gjenåpne»), not lost.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`Gjenåpne: ${title}`);

    // What was stored.
    const after = await app.server.database.db
      .selectFrom('arshjul_item')
      .select(['done_at', 'done_by_name', 'done_note'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after.done_note).toBe(NOTE);
    expect(after.done_by_name).toBe(hr.name);
    expect(after.done_at).not.toBeNull();
    expect(await doneCount()).toBe(doneBefore + 1);

    // After a reload: done, by HR, with the note.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Årshjul' }).waitFor();
    const reloaded = page.locator(`li[data-item-id="${id}"]`);
    await reloaded.waitFor();
    expect(await reloaded.getAttribute('data-state')).toBe('done');
    const text = await textOf(reloaded);
    expect(text).toContain('Gjort');
    expect(text).toContain(`av ${hr.name}`);
    expect(text).toContain(NOTE);
    await axe.check(page, 'årshjul (vernerunde gjort)');
  });

  it('4. on a phone, the årshjul as a list is usable', async () => {
    phone = await openSession(browser, app.url, { width: 390, height: 844 });
    const p = phone.page;
    await login(p, hr);
    await p.getByRole('button', { name: 'Hovedmeny' }).click();
    await p.getByRole('menuitem', { name: 'Internkontroll' }).click();
    await p.getByRole('heading', { level: 1, name: 'Internkontroll' }).waitFor();
    await p.locator('section.ik-point').first().waitFor();
    await p.waitForLoadState('networkidle');
    expect(await horizontalOverflow(p), (await overflowingElements(p)).join('\n')).toBeLessThanOrEqual(0);
    await axe.check(p, 'internkontroll IK-f § 5 (mobil)');
    const section = p.getByRole('navigation', { name: 'Meny for Internkontroll' });
    await section.getByRole('link', { name: 'Hva gjelder for oss' }).click();
    await p.getByRole('heading', { level: 1, name: 'Hva gjelder for oss' }).waitFor();
    await p.waitForLoadState('networkidle');
    expect(await horizontalOverflow(p), (await overflowingElements(p)).join('\n')).toBeLessThanOrEqual(0);
    await axe.check(p, 'internkontroll (mobil)');

    await section.getByRole('link', { name: 'Årshjul' }).click();
    await p.getByRole('heading', { level: 1, name: 'Årshjul' }).waitFor();
    await p.getByRole('radio', { name: 'Liste' }).click();
    const list = p.locator('ul.ik-date-list');
    await list.waitFor();
    const items = list.locator('li.ik-item');
    expect(await items.count()).toBeGreaterThan(4);
    // Sorted by date.
    const dues = await items.evaluateAll((els) =>
      els.map((el) => {
        const m = /Frist: (\d{2})\.(\d{2})\.(\d{4})/.exec(el.textContent ?? '');
        return m ? `${m[3]}-${m[2]}-${m[1]}` : '';
      }),
    );
    expect(dues.every((d) => d !== '')).toBe(true);
    expect([...dues].sort()).toEqual(dues);
    // The done one says so; an open one has its actions inside the screen.
    expect(await items.filter({ hasText: NOTE }).getAttribute('data-state')).toBe('done');
    const open = list.locator('li.ik-item:not([data-state="done"])').first();
    const button = open.getByRole('button', { name: /^Marker som gjort: / });
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(24);
    await p.waitForLoadState('networkidle');
    expect(await horizontalOverflow(p), (await overflowingElements(p)).join('\n')).toBeLessThanOrEqual(0);
    await axe.check(p, 'årshjul som liste (mobil)');
    await screenshot(p, '64-arshjul-mobil');
  });

  it('5. HR pages the years, adds, moves and deletes an own activity, moves a generated one and reopens', async () => {
    const db = app.server.database.db;
    await page.goto('/internkontroll/arshjul');
    await page.getByRole('heading', { level: 1, name: 'Årshjul' }).waitFor();

    // Next year, and back: the profile's save generated next year's årshjul too.
    await page.getByRole('button', { name: 'Neste år' }).click();
    await page.getByRole('heading', { level: 2, name: `Aktiviteter i ${YEAR + 1}` }).waitFor();
    await expect.poll(() => page.locator('li[data-key="vernerunde-kvartalsvis"]').count()).toBe(4);
    expect(new URL(page.url()).searchParams.get('ar')).toBe(String(YEAR + 1));
    await page.getByRole('button', { name: 'Forrige år' }).click();
    await page.getByRole('heading', { level: 2, name: `Aktiviteter i ${YEAR}` }).waitFor();

    // An own activity: title, date, owner.
    await page.getByRole('button', { name: 'Legg til egen aktivitet' }).click();
    const add = page.getByRole('dialog', { name: 'Legg til egen aktivitet' });
    await add.waitFor();
    await add.getByLabel('Hva skal gjøres?').fill(OWN);
    await add.getByLabel('Frist', { exact: true }).fill(`15.12.${YEAR}`);
    await add.getByLabel('Frist', { exact: true }).press('Tab');
    await add.getByLabel('Ansvarlig').selectOption('verneombud');
    await axe.check(page, 'årshjul: legg til egen aktivitet (dialog)');
    await add.getByRole('button', { name: 'Legg til' }).click();
    await page.getByText(`«${OWN}» er lagt til i årshjulet.`).waitFor();
    await add.waitFor({ state: 'detached' });
    const own = await db
      .selectFrom('arshjul_item')
      .select(['id', 'year', 'item_key', 'title_nb', 'due', 'owner_role', 'kind', 'done_at'])
      .where('title_nb', '=', OWN)
      .executeTakeFirstOrThrow();
    expect(own).toMatchObject({
      year: YEAR,
      item_key: null,
      due: `${YEAR}-12-15`,
      owner_role: 'verneombud',
      kind: 'egen',
      done_at: null,
    });
    const ownItem = page.locator(`section[data-month="12"] li[data-item-id="${own.id}"]`);
    await ownItem.waitFor();
    const ownText = await textOf(ownItem);
    expect(ownText).toContain('Egen');
    expect(ownText).toContain(`Frist: 15.12.${YEAR}`);
    expect(ownText).toContain('Ansvarlig: Verneombud');

    // Moved and renamed.
    await ownItem.getByRole('button', { name: `Flytt: ${OWN}` }).click();
    const move = page.getByRole('dialog', { name: `Flytt: ${OWN}` });
    await move.waitFor();
    await move.getByLabel('Ny frist').fill(`18.12.${YEAR}`);
    await move.getByLabel('Ny frist').press('Tab');
    await move.getByLabel('Tittel').fill(OWN_RENAMED);
    await axe.check(page, 'årshjul: flytt (dialog)');
    await move.getByRole('button', { name: 'Flytt', exact: true }).click();
    await page.getByText(`«${OWN_RENAMED}» har fått ny frist 18.12.${YEAR}.`).waitFor();
    const moved = await db
      .selectFrom('arshjul_item')
      .select(['due', 'title_nb', 'title_en'])
      .where('id', '=', own.id)
      .executeTakeFirstOrThrow();
    expect(moved).toEqual({ due: `${YEAR}-12-18`, title_nb: OWN_RENAMED, title_en: OWN_RENAMED });

    // A generated activity moved: the page says from which date.
    const q4 = page.locator('section[data-month="11"] li[data-key="vernerunde-kvartalsvis"]');
    const q4Id = (await q4.getAttribute('data-item-id')) ?? '';
    const q4Title = await textOf(q4.locator('.ik-item-title'));
    const q4Before = await db
      .selectFrom('arshjul_item')
      .select(['due', 'generated_due'])
      .where('id', '=', q4Id)
      .executeTakeFirstOrThrow();
    await q4.getByRole('button', { name: `Flytt: ${q4Title}` }).click();
    const moveQ4 = page.getByRole('dialog', { name: `Flytt: ${q4Title}` });
    await moveQ4.waitFor();
    expect(await moveQ4.getByLabel('Tittel').count()).toBe(0);
    await moveQ4.getByLabel('Ny frist').fill(`09.12.${YEAR}`);
    await moveQ4.getByLabel('Ny frist').press('Tab');
    await moveQ4.getByRole('button', { name: 'Flytt', exact: true }).click();
    await page.getByText(`«${q4Title}» har fått ny frist 09.12.${YEAR}.`).waitFor();
    const q4After = await db
      .selectFrom('arshjul_item')
      .select(['due', 'generated_due'])
      .where('id', '=', q4Id)
      .executeTakeFirstOrThrow();
    expect(q4After).toEqual({ due: `${YEAR}-12-09`, generated_due: q4Before.generated_due });
    const q4Moved = page.locator(`section[data-month="12"] li[data-item-id="${q4Id}"]`);
    await q4Moved.waitFor();
    expect(await textOf(q4Moved)).toContain(`flyttet fra ${formatNorwegian(q4Before.generated_due ?? '')}`);

    // The own activity deleted.
    const renamed = page.locator(`li[data-item-id="${own.id}"]`);
    await renamed.getByRole('button', { name: `Slett: ${OWN_RENAMED}` }).click();
    const remove = page.getByRole('dialog', { name: 'Slette aktiviteten?' });
    await remove.waitFor();
    await axe.check(page, 'årshjul: slett (dialog)');
    await remove.getByRole('button', { name: 'Slett', exact: true }).click();
    await page.getByText(`«${OWN_RENAMED}» er slettet.`).waitFor();
    await renamed.waitFor({ state: 'detached' });
    expect(
      await db.selectFrom('arshjul_item').select('id').where('id', '=', own.id).executeTakeFirst(),
    ).toBeUndefined();
    // Generated activities have no «Slett».
    expect(await page.getByRole('button', { name: `Slett: ${q4Title}` }).count()).toBe(0);

    // The one marked done in step 3 reopened.
    const done = page.locator('section[data-month="2"] li[data-key="vernerunde-kvartalsvis"]');
    const doneId = (await done.getAttribute('data-item-id')) ?? '';
    const doneTitle = await textOf(done.locator('.ik-item-title'));
    await done.getByRole('button', { name: `Gjenåpne: ${doneTitle}` }).click();
    await page.getByText(`«${doneTitle}» er åpnet igjen.`).waitFor();
    await expect.poll(() => done.getAttribute('data-state')).not.toBe('done');
    const reopened = await db
      .selectFrom('arshjul_item')
      .select(['done_at', 'done_note', 'done_by_name'])
      .where('id', '=', doneId)
      .executeTakeFirstOrThrow();
    expect(reopened).toEqual({ done_at: null, done_note: null, done_by_name: null });
    await axe.check(page, 'årshjul (etter endringer)');
  });

  it('6. a save on an old version gets 409: the page offers the latest version, and saves on it', async () => {
    await page.goto('/internkontroll/profil');
    await page.getByRole('heading', { level: 1, name: 'Virksomhetsprofilen' }).waitFor();
    const hired = page.getByLabel('Innleide arbeidstakere');
    await expect.poll(() => hired.inputValue()).toBe('3');

    // Meanwhile someone else records that the employees demanded an AMU (version 2 → 3).
    const [, latest] = await storedProfiles();
    expect(latest?.version).toBe(2);
    const csrf = ((await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string })
      .csrfToken;
    const other = await page.request.put('/api/v1/internkontroll/profile', {
      headers: { 'x-csrf-token': csrf },
      data: { ...latest?.profile, amuDemandedBy: 'employees', version: 2 },
    });
    expect(other.status()).toBe(200);

    await hired.fill('5');
    await page.getByRole('button', { name: 'Lagre virksomhetsprofilen' }).click();
    const conflict = page
      .getByRole('alert')
      .filter({ has: page.getByRole('button', { name: 'Hent den nyeste versjonen' }) });
    await conflict.waitFor();
    expect(await hired.inputValue()).toBe('5');
    expect((await storedProfiles()).map((v) => v.version)).toEqual([1, 2, 3]);
    await axe.check(page, 'virksomhetsprofil (konflikt)');
    await conflict.getByRole('button', { name: 'Hent den nyeste versjonen' }).click();
    await page
      .getByText('Du ser nå den nyeste versjonen av virksomhetsprofilen.', { exact: false })
      .waitFor();
    expect(await page.getByRole('radio', { name: 'Ja, arbeidstakerne' }).isChecked()).toBe(true);
    await page.getByLabel('Innleide arbeidstakere').fill('5');
    await page.getByRole('button', { name: 'Lagre virksomhetsprofilen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hva gjelder for oss' }).waitFor();

    // Version 4 has both changes; AMU demanded with 25 on average → required.
    const stored = await storedProfiles();
    expect(stored.map((v) => v.version)).toEqual([1, 2, 3, 4]);
    expect(stored[3]?.by).toBe(hr.name);
    expect(stored[3]?.profile).toMatchObject({ hiredWorkers: 5, amuDemandedBy: 'employees' });
    expect(await duty(page, 'amu').getAttribute('data-status')).toBe('required');
    expect(await statusOf(page, 'amu')).toBe('Påkrevd');
  });

  it('made no request outside its own origin, had no page errors, and axe found no violations', () => {
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(foreignRequests(phone?.requests ?? [], app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(phone?.pageErrors ?? []).toEqual([]);
    expect(axe.checked.length).toBeGreaterThanOrEqual(15);
    expect(axe.violations, axe.violations.join('\n')).toEqual([]);
  });
});
