/**
 * The arbeidsmiljøutvalg in the browser, on the demo municipality, with the database as the judge:
 * (1) the AMU chair (the demo's «amu» account, registered as the employer side's member and chair)
 *     opens «AMU» from the main menu, plans a meeting of last year; plans this year's four meetings
 *     (→ four rows, q1–q4), moves and renames the last of them on its page (→ the row has the new
 *     date and title); makes a «krav om møte» (→ `amu_demand`); opens last year's meeting: the
 *     agenda shows the items of aml § 7-2 with their figures;
 * (2) the chair writes the minutes **by keyboard** — who took part, a decision with an action (owner,
 *     due date) — saves them → `amu_decision` holds the action; approves and publishes them;
 * (3) the chair makes last year's årsrapport (0 actions done), marks the action done on the meeting
 *     page (→ `done_at`), fetches the report's figures again (→ 1 done, stored), writes next year's
 *     priorities, approves it and downloads the PDF: its text has the organisation, the addressees,
 *     the meeting and the decision, and it is the stored bytes;
 * (4) a second member (the demo's verneombud, on the employees' side) backs the demand with a date
 *     → the demand is backed and a «krav» meeting is planned on that date (FOLM § 3-16);
 * (5) an employee reads the published minutes (without the agenda data), also on a phone without
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
  textOf,
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
let member: Account;
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
const MOVED_TITLE = 'Budsjettmøte i arbeidsmiljøutvalget';
const DEMAND = 'Støy i kantinen etter ombyggingen.';
const DEMAND_DATE = addDays(today, 7);

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
    member = accounts.find((a) => a.role.startsWith('verneombud')) as Account;
    expect(chair).toBeDefined();
    expect(employee).toBeDefined();
    expect(member).toBeDefined();
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
    // A second member, on the employees' side, with the login role «Roller og verv» gives a member.
    const second = await db
      .selectFrom('user_account as u')
      .innerJoin('membership as m', 'm.user_id', 'u.id')
      .select(['u.id', 'm.employee_id'])
      .where('u.email', '=', member.email)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('hms_role')
      .values({
        organisation_id: user.organisation_id,
        kind: 'amu-arbeidstaker',
        employee_id: second.employee_id,
        term_start: `${LAST}-01-01`,
        term_end: `${YEAR + 1}-12-31`,
        how: 'valgt',
        login_user_id: second.id,
      })
      .execute();
    await db
      .insertInto('role_assignment')
      .values({
        organisation_id: user.organisation_id,
        user_id: second.id,
        role: 'amu',
        verneomrade_id: null,
      })
      .execute();
  });

  afterAll(async () => {
    await phone?.context.close();
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. the chair plans last year’s meeting and this year’s four, moves one, demands a meeting, and sees the agenda with figures', async () => {
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
    const db = app.server.database.db;

    // This year's four meetings (FOLM § 3-16), then the last of them moved a week and renamed.
    await page.getByRole('button', { name: `Planlegg fire møter i ${YEAR}` }).click();
    await page.getByText('4 møter er planlagt.').waitFor();
    const planned = await db
      .selectFrom('amu_meeting')
      .select(['id', 'occurrence', 'meeting_date', 'status'])
      .where('year', '=', YEAR)
      .orderBy('meeting_date')
      .execute();
    expect(planned.map((m) => [m.occurrence, m.status])).toEqual([
      ['q1', 'planlagt'],
      ['q2', 'planlagt'],
      ['q3', 'planlagt'],
      ['q4', 'planlagt'],
    ]);
    const q4 = planned[3];
    if (!q4) throw new Error('no q4 meeting');
    const movedTo = addDays(q4.meeting_date, 7);
    await page
      .getByRole('row')
      .filter({ hasText: formatNorwegian(q4.meeting_date) })
      .getByRole('link', { name: 'AMU-møte' })
      .click();
    await page
      .getByRole('heading', { level: 1, name: `AMU-møte ${formatNorwegian(q4.meeting_date)}` })
      .waitFor();
    const move = page.getByRole('region', { name: 'Dato og tittel' });
    await move.getByLabel('Dato', { exact: true }).fill(formatNorwegian(movedTo));
    await move.getByLabel('Tittel (valgfri)').fill(MOVED_TITLE);
    await move.getByRole('button', { name: 'Lagre dato og tittel' }).click();
    await page.getByText('Møtet er endret.').waitFor();
    await page
      .getByRole('heading', { level: 1, name: `${MOVED_TITLE} ${formatNorwegian(movedTo)}` })
      .waitFor();
    expect(
      await db
        .selectFrom('amu_meeting')
        .select(['meeting_date', 'title', 'occurrence', 'year', 'version'])
        .where('id', '=', q4.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ meeting_date: movedTo, title: MOVED_TITLE, occurrence: 'q4', year: YEAR, version: 2 });
    await axe.check(page, 'AMU-møte (flyttet)');

    // «Krav om møte»: the chair makes it; a second member must back it (step 4).
    await page.getByRole('link', { name: 'Tilbake til møtene' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arbeidsmiljøutvalget (AMU)' }).waitFor();
    await page.getByLabel('Hva skal møtet handle om?').fill(DEMAND);
    await page.getByRole('button', { name: 'Fremme krav om møte' }).click();
    await page.getByText('Kravet er registrert. Et annet medlem må støtte det.').waitFor();
    await page.getByText('Venter på støtte fra et annet medlem.').waitFor();
    const chairUserId = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', chair.email)
      .executeTakeFirstOrThrow();
    expect(
      await db
        .selectFrom('amu_demand')
        .select(['reason', 'demanded_on', 'demanded_by', 'supported_by', 'meeting_id'])
        .execute(),
    ).toEqual([
      {
        reason: DEMAND,
        demanded_on: today,
        demanded_by: chairUserId.id,
        supported_by: null,
        meeting_id: null,
      },
    ]);
    await axe.check(page, 'AMU (med krav om møte)');

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

  it('3. the chair makes last year’s årsrapport, marks the action done, fetches the figures again, approves it and downloads the PDF', async () => {
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
    const actionsDone = page
      .getByRole('region', { name: 'Saker og vedtak' })
      .locator('.amu-figure')
      .filter({ hasText: 'Tiltak gjennomført' })
      .locator('dd');
    expect(await textOf(actionsDone)).toBe('0');
    const db = app.server.database.db;
    const draft = await db
      .selectFrom('amu_arsrapport')
      .select('version')
      .where('year', '=', LAST)
      .executeTakeFirstOrThrow();

    // The action of the decision is carried out; the chair marks it done on the meeting's page …
    await page.goto(`/amu/moter/${meetingId}`);
    await page.getByText(DECISION).waitFor();
    await page.getByRole('button', { name: 'Marker tiltaket som gjort' }).click();
    await page.getByText('Tiltaket er markert som gjort.').waitFor();
    const action = await db
      .selectFrom('amu_decision as d')
      .innerJoin('user_account as u', 'u.id', 'd.done_by')
      .select(['d.done_at', 'u.email'])
      .where('d.meeting_id', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(action.email).toBe(chair.email);
    expect(action.done_at).not.toBeNull();
    expect(await page.getByRole('button', { name: 'Marker tiltaket som gjort' }).count()).toBe(0);
    await axe.check(page, 'AMU-møte (tiltak gjort)');

    // … and the draft report fetches its figures again: one action done.
    await page.goto(`/amu/arsrapport?ar=${LAST}`);
    await page
      .getByRole('heading', { level: 1, name: `Årsrapport fra arbeidsmiljøutvalget ${LAST}` })
      .waitFor();
    expect(await textOf(actionsDone)).toBe('0');
    await page.getByRole('button', { name: 'Hent tallene på nytt' }).click();
    await page.getByText('Tallene er hentet på nytt.').waitFor();
    await expect.poll(() => textOf(actionsDone)).toBe('1');
    const refreshed = await db
      .selectFrom('amu_arsrapport')
      .select(['version', 'facts'])
      .where('year', '=', LAST)
      .executeTakeFirstOrThrow();
    expect(refreshed.version).toBe(draft.version + 1);
    const saker = (
      refreshed.facts as { key: string; figures: { label: { nb: string }; value: number }[] }[]
    ).find((f) => f.key === 'saker');
    expect(saker?.figures.find((f) => f.label.nb === 'Tiltak gjennomført')?.value).toBe(1);

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

  it('4. a second member backs the demand with a date: a meeting is planned on it', async () => {
    const second = await openSession(browser, app.url);
    const p = second.page;
    await login(p, member);
    await p.goto('/amu');
    await p.getByRole('heading', { level: 1, name: 'Arbeidsmiljøutvalget (AMU)' }).waitFor();
    await p.getByText(DEMAND).waitFor();
    await p.getByLabel('Dato for møtet').fill(formatNorwegian(DEMAND_DATE));
    await axe.check(p, 'AMU (støtt kravet)');
    await p.getByRole('button', { name: 'Støtt kravet og planlegg møtet' }).click();
    await p.getByText('Kravet er støttet, og møtet er planlagt.').waitFor();
    const db = app.server.database.db;
    const backer = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', member.email)
      .executeTakeFirstOrThrow();
    const demand = await db
      .selectFrom('amu_demand')
      .select(['supported_by', 'supported_on', 'meeting_id'])
      .executeTakeFirstOrThrow();
    expect(demand).toMatchObject({ supported_by: backer.id, supported_on: today });
    const meeting = await db
      .selectFrom('amu_meeting')
      .select(['meeting_date', 'kind', 'status'])
      .where('id', '=', demand.meeting_id ?? '')
      .executeTakeFirstOrThrow();
    expect(meeting).toEqual({ meeting_date: DEMAND_DATE, kind: 'krav', status: 'planlagt' });
    await p.getByRole('link', { name: 'Åpne møtet' }).first().waitFor();
    await axe.check(p, 'AMU (kravet støttet)');
    expect(foreignRequests(second.requests, app.url)).toEqual([]);
    expect(second.pageErrors).toEqual([]);
    await second.context.close();
  });

  it('5. an employee reads the published minutes, also on a phone', async () => {
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
