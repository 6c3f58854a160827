/**
 * The arbeidsmiljøutvalg in the browser, on the demo municipality, with the database as the judge:
 * (1) the AMU chair (the demo's «amu» account, registered as the employer side's member and chair)
 *     opens «AMU» from the main menu, plans a meeting of last year and opens it: the agenda shows the
 *     items of aml § 7-2 with their figures;
 * (2) the chair writes the minutes **by keyboard** — who took part, a decision with an action (owner,
 *     due date) — saves them → `amu_decision` holds the action; approves and publishes them;
 * (3) the chair makes last year's årsrapport, writes next year's priorities, approves it and
 *     downloads the PDF: its text has the organisation, the addressees, the meeting and the decision,
 *     and it is the stored bytes;
 * (4) an employee reads the published minutes (without the agenda data), also on a phone without
 *     horizontal scrolling.
 * Axe on every page and dialog visited; no request leaves the app's origin.
 */
import { readFile } from 'node:fs/promises';
import { PDFParse } from 'pdf-parse';
import type { Browser, Page } from 'playwright-core';
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
  type Session,
  screenshot,
  tabUntil,
} from './support/browser.ts';

type Account = { role: string; name: string; email: string; password: string };

let app: TestApp;
let browser: Browser;
let s: Session;
let page: Page;
let phone: Session | undefined;
const axe = new AxeLog();
let chair: Account;
let employee: Account;
let meetingId = '';

const today = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
const YEAR = Number(today.slice(0, 4));
const LAST = YEAR - 1;
const MEETING_DATE = `${LAST}-11-17`;
const MEETING_TITLE = 'Høstmøte i arbeidsmiljøutvalget';
const DECISION = 'Kartlegge inneklimaet på skolen før sommeren.';
const ACTION_DUE = addDays(today, 10);
const PRIORITIES = 'Inneklima på skolen og færre belastningsskader i hjemmetjenesten.';

async function login(p: Page, account: { email: string; password: string }): Promise<void> {
  await p.goto('about:blank');
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse').fill(account.email);
  await p.getByLabel('Passord').fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

async function typeInto(p: Page, id: string, text: string): Promise<void> {
  await tabUntil(p, (el) => el.id === id, 80);
  await p.keyboard.type(text);
}

async function pdfText(file: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(file) });
  const { text } = await parser.getText();
  await parser.destroy();
  return text.replace(/\s+/g, ' ');
}

describe('the AMU chair writes minutes and produces the årsrapport', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    page = s.page;
    await page.goto('/');
    const accounts = await loadDemo(s.context);
    chair = accounts.find((a) => a.role.startsWith('amu')) as Account;
    employee = accounts.find((a) => a.role.startsWith('ansatt')) as Account;
    expect(chair).toBeDefined();
    expect(employee).toBeDefined();
    // The chair under «Roller og verv»: the employer side's member, chairing this year and last.
    const db = app.server.database.db;
    const user = await db
      .selectFrom('user_account as u')
      .innerJoin('membership as m', 'm.user_id', 'u.id')
      .select(['m.organisation_id', 'm.employee_id'])
      .where('u.email', '=', chair.email)
      .executeTakeFirstOrThrow();
    const role = await db
      .insertInto('hms_role')
      .values({
        organisation_id: user.organisation_id,
        kind: 'amu-arbeidsgiver',
        employee_id: user.employee_id,
        term_start: `${LAST}-01-01`,
        term_end: `${YEAR + 1}-12-31`,
        how: 'utpekt',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('amu_chair')
      .values([
        { organisation_id: user.organisation_id, year: LAST, side: 'arbeidsgiver', role_id: role.id },
        { organisation_id: user.organisation_id, year: YEAR, side: 'arbeidsgiver', role_id: role.id },
      ])
      .execute();
  });

  afterAll(async () => {
    await phone?.context.close();
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. the chair opens AMU, plans a meeting of last year and sees its agenda with figures', async () => {
    await login(page, chair);
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'AMU', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Arbeidsmiljøutvalget (AMU)' }).waitFor();
    const members = page.getByRole('region', { name: 'Medlemmer' });
    await members.getByText(`${chair.name} – Arbeidsgiversiden`).waitFor();
    await members.getByText('Leder', { exact: true }).waitFor();
    await axe.check(page, 'AMU (oversikt)');

    await page.getByLabel('Dato', { exact: true }).fill(formatNorwegian(MEETING_DATE));
    await page.getByLabel('Tittel (valgfri)').fill(MEETING_TITLE);
    await page.getByRole('button', { name: 'Planlegg møtet' }).click();
    await page.getByText('Møtet er planlagt.').waitFor();
    const row = await app.server.database.db
      .selectFrom('amu_meeting')
      .select(['id', 'meeting_date', 'status', 'kind', 'year'])
      .where('title', '=', MEETING_TITLE)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      meeting_date: MEETING_DATE,
      status: 'planlagt',
      kind: 'ordinaer',
      year: LAST,
    });
    meetingId = row.id;

    await page.getByRole('link', { name: MEETING_TITLE }).click();
    await page
      .getByRole('heading', { level: 1, name: `${MEETING_TITLE} ${formatNorwegian(MEETING_DATE)}` })
      .waitFor();
    const agenda = page.getByRole('region', { name: 'Saksliste med tall' });
    for (const item of [
      'Sykefraværsstatistikk',
      'Avvik, skader og nestenulykker',
      'Risikovurderinger',
      'Opplæring',
      'HMS-mål og handlingsplan',
      'Bedriftshelsetjenestens arbeid',
    ]) {
      await agenda.getByRole('heading', { level: 3, name: item }).waitFor();
    }
    expect(await agenda.getByText(/sykefravær totalt/).count()).toBeGreaterThan(0);
    await axe.check(page, 'AMU-møte (saksliste, før referat)');
  });

  it('2. the chair writes the minutes by keyboard with a decision and an action, saves and publishes them', async () => {
    await page.locator('h1').focus();
    await typeInto(page, 'felt-attendees', `${chair.name} (leder), hovedverneombud, BHT`);
    await typeInto(page, 'felt-notes', 'Gikk gjennom sykefraværet og avvikene for kvartalet.');
    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Legg til vedtak', 20);
    await page.keyboard.press('Enter');
    await typeInto(page, 'felt-decisions-0-text', DECISION);
    await typeInto(page, 'felt-decisions-0-vote', 'Enstemmig.');
    await tabUntil(page, (el) => el.tag === 'input' && el.type === 'checkbox', 10);
    await page.keyboard.press('Space');
    await page.locator('#felt-decisions-0-action-ownerUserId').waitFor();
    await page.locator('#felt-decisions-0-action-ownerUserId').selectOption({ label: chair.name });
    await typeInto(page, 'felt-decisions-0-action-due', formatNorwegian(ACTION_DUE));
    await axe.check(page, 'AMU-møte (referat utfylt)');
    await screenshot(page, '80-amu-referat');
    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Lagre referatet', 20);
    await page.keyboard.press('Enter');
    await page.getByText('Referatet er lagret.').waitFor();

    const db = app.server.database.db;
    const chairUser = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', chair.email)
      .executeTakeFirstOrThrow();
    const decisions = await db
      .selectFrom('amu_decision')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .execute();
    expect(decisions.map((d) => [d.text, d.vote, d.owner_user_id, d.due])).toEqual([
      [DECISION, 'Enstemmig.', chairUser.id, ACTION_DUE],
    ]);
    expect(
      await db
        .selectFrom('amu_meeting')
        .select(['status', 'held_on'])
        .where('id', '=', meetingId)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      status: 'utkast',
      held_on: MEETING_DATE,
    });

    await page.getByRole('button', { name: 'Godkjenn og publiser' }).click();
    const confirm = page.getByRole('dialog', { name: 'Godkjenne og publisere referatet?' });
    await confirm.waitFor();
    await axe.check(page, 'publiser referatet (dialog)');
    await confirm.getByRole('button', { name: 'Godkjenn og publiser' }).click();
    await page.getByText('Referatet er godkjent og publisert.').waitFor();
    await page.getByText(DECISION).waitFor();
    const published = await db
      .selectFrom('amu_meeting')
      .select(['status', 'published_by'])
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(published).toEqual({ status: 'publisert', published_by: chairUser.id });
    await axe.check(page, 'AMU-møte (publisert)');
  });

  it('3. the chair makes last year’s årsrapport, approves it and downloads the PDF', async () => {
    await page.getByRole('link', { name: 'Tilbake til møtene' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arbeidsmiljøutvalget (AMU)' }).waitFor();
    await page
      .getByRole('navigation', { name: /Meny for AMU/ })
      .getByRole('link', { name: 'Årsrapport' })
      .click();
    await page
      .getByRole('heading', { level: 1, name: `Årsrapport fra arbeidsmiljøutvalget ${LAST}` })
      .waitFor();
    await axe.check(page, 'årsrapport (ikke laget)');
    await page.getByRole('button', { name: 'Lag utkast med tallene fra året' }).click();
    await page.getByText('Utkastet er laget.').waitFor();
    await page.getByText(`${formatNorwegian(MEETING_DATE)} — ${MEETING_TITLE}`).waitFor();
    await axe.check(page, 'årsrapport (utkast)');

    await typeInto(page, 'felt-sections-prioriteringer', PRIORITIES);
    await page.getByRole('button', { name: 'Godkjenn og lag PDF' }).click();
    const confirm = page.getByRole('dialog', { name: 'Godkjenne årsrapporten?' });
    await confirm.waitFor();
    await axe.check(page, 'godkjenn årsrapporten (dialog)');
    await confirm.getByRole('button', { name: 'Godkjenn og lag PDF' }).click();
    await page.getByText('Årsrapporten er godkjent. PDF-en er lagret.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Last ned PDF');
    await axe.check(page, 'årsrapport (godkjent)');

    const stored = await app.server.database.db
      .selectFrom('amu_arsrapport')
      .selectAll()
      .where('year', '=', LAST)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('godkjent');
    expect(stored.sections).toMatchObject({ prioriteringer: PRIORITIES });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`amu-arsrapport-${LAST}.pdf`);
    const file = await readFile((await download.path()) ?? '');
    expect(Buffer.compare(file, stored.pdf ?? Buffer.alloc(0))).toBe(0);
    const organisation = await app.server.database.db
      .selectFrom('organisation')
      .select('name')
      .executeTakeFirstOrThrow();
    const text = await pdfText(file);
    expect(text).toContain(organisation.name);
    expect(text).toContain(`Årsrapport fra arbeidsmiljøutvalget ${LAST}`);
    expect(text).toContain('Styret og ledelsen i virksomheten, og arbeidstakernes organisasjoner');
    expect(text).toContain(`${formatNorwegian(MEETING_DATE)} — ${MEETING_TITLE}`);
    expect(text).toContain(DECISION);
    expect(text).toContain(PRIORITIES);
    expect(text).toContain(`${formatNorwegian(today)} av ${chair.name}`);
    expect(text).toContain(`31.03.${YEAR}`);
  });

  it('4. an employee reads the published minutes, also on a phone', async () => {
    const desk = await openSession(browser, app.url);
    const p = desk.page;
    await login(p, employee);
    await p
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'AMU', exact: true })
      .click();
    await p.getByRole('heading', { level: 2, name: 'Publiserte referater' }).waitFor();
    await axe.check(p, 'AMU (ansatt)');
    await p.getByRole('link', { name: MEETING_TITLE }).click();
    await p.getByText(DECISION).waitFor();
    expect(await p.getByRole('region', { name: 'Saksliste med tall' }).count()).toBe(0);
    await axe.check(p, 'AMU-referat (ansatt)');
    expect(foreignRequests(desk.requests, app.url)).toEqual([]);
    expect(desk.pageErrors).toEqual([]);
    await desk.context.close();

    phone = await openSession(browser, app.url, { width: 375, height: 740 });
    await login(phone.page, employee);
    await phone.page.goto(`/amu/moter/${meetingId}`);
    await phone.page.getByText(DECISION).waitFor();
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
    await axe.check(phone.page, 'AMU-referat (ansatt, mobil)');

    expect(axe.violations).toEqual([]);
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
