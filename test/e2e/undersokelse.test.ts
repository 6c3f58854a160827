/**
 * Anonymous surveys in the browser, on the demo municipality:
 * (1) HR makes a survey (all of Nærvær's items and one free-text question), open from today for two
 *     weeks, and publishes it from the overview;
 * (2) an employee, on a phone (390×844), opens «Undersøkelser», sees that answers are not linked to
 *     them, and answers every question with the keyboard only; the database then holds the
 *     who-answered row and the answer rows — with nothing in the answers that names the person;
 * (3) HR opens the results of an earlier, closed survey (seeded with 6 answers) and makes a tiltak in
 *     the handlingsplan from one dimension in one step.
 * Axe on every page visited; no request leaves the app's origin; no page errors.
 */
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
  overflowingElements,
  type Session,
  tabUntil,
} from './support/browser.ts';

type Account = { role: string; name: string; email: string; password: string };

let app: TestApp;
let browser: Browser;
let s: Session;
let page: Page;
let phone: Session | undefined;
const axe = new AxeLog();
let hr: Account;
let employee: Account;

const today = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
const dmy = (iso: string) => formatNorwegian(iso);
const TITLE = 'Arbeidsmiljøundersøkelse høst';
const FREE = 'Hva kan vi gjøre bedre?';
const ANSWER_TEXT = 'Flere fellesmøter på tvers av vaktene';
const EARLIER = 'Pulsmåling vår';

async function login(p: Page, account: { email: string; password: string }): Promise<void> {
  await p.goto('about:blank');
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse').fill(account.email);
  await p.getByLabel('Passord').fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

describe('anonymous surveys in the browser', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    page = s.page;
    await page.goto('/');
    const accounts = await loadDemo(s.context);
    hr = accounts.find((a) => a.role === 'hr (HR / HMS-koordinator)') as Account;
    employee = accounts.find((a) => a.role === 'ansatt (Hjemmetjenesten)') as Account;
    expect(hr).toBeDefined();
    expect(employee).toBeDefined();
  });

  afterAll(async () => {
    await phone?.context.close();
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. HR makes a survey and publishes it', async () => {
    await login(page, hr);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('link', { name: 'Undersøkelser' }).click();
    await page.getByRole('heading', { level: 1, name: 'Undersøkelser' }).waitFor();
    await page.getByText('Ingen undersøkelser er laget ennå.').waitFor();
    await axe.check(page, 'undersøkelser (tom)');

    await page.getByRole('link', { name: 'Ny undersøkelse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny undersøkelse' }).waitFor();
    await page.getByText('ikke et validert instrument').waitFor();
    await axe.check(page, 'ny undersøkelse');
    // Saving empty names the missing fields.
    await page.getByRole('button', { name: 'Lagre som utkast' }).click();
    await page.getByText('Gi undersøkelsen et navn.').first().waitFor();

    await page.getByLabel('Navn på undersøkelsen').fill(TITLE);
    await page.getByLabel('Åpner').fill(dmy(today));
    await page.getByLabel('Åpner').press('Tab');
    await page.getByLabel('Stenger').fill(dmy(addDays(today, 14)));
    await page.getByLabel('Stenger').press('Tab');
    await page.getByRole('button', { name: 'Legg til fritekstspørsmål' }).click();
    await page
      .getByRole('group', { name: /Eget spørsmål 1/ })
      .getByLabel('Spørsmål')
      .fill(FREE);
    await axe.check(page, 'ny undersøkelse (utfylt)');
    await page.getByRole('button', { name: 'Lagre som utkast' }).click();
    await page.getByText('Undersøkelsen er lagret som utkast.').waitFor();
    const row = page.locator('tr[data-survey]').filter({ hasText: TITLE });
    await row.getByText('Utkast').waitFor();
    await row.getByRole('button', { name: `Publiser «${TITLE}»` }).click();
    await page.getByText('Undersøkelsen er publisert.').waitFor();
    await row.getByText('Åpen').waitFor();
    await axe.check(page, 'undersøkelser (publisert)');

    const db = app.server.database.db;
    const stored = await db
      .selectFrom('survey')
      .selectAll()
      .where('title', '=', TITLE)
      .executeTakeFirstOrThrow();
    expect(stored.opens_on).toBe(today);
    expect(stored.closes_on).toBe(addDays(today, 14));
    expect(stored.published_at).not.toBeNull();
    const questions = await db
      .selectFrom('survey_question')
      .select('kind')
      .where('survey_id', '=', stored.id)
      .execute();
    expect(questions.filter((q) => q.kind === 'scale').length).toBe(17);
    expect(questions.filter((q) => q.kind === 'text').length).toBe(1);
  });

  it('2. an employee answers on a phone with the keyboard; who answered is kept apart from the answers', async () => {
    phone = await openSession(browser, app.url, { width: 390, height: 844 });
    const p = phone.page;
    await login(p, employee);
    await p.getByRole('button', { name: 'Hovedmeny' }).click();
    await p.getByRole('menuitem', { name: 'Undersøkelser' }).click();
    await p.getByRole('heading', { level: 1, name: 'Undersøkelser' }).waitFor();
    await p.getByRole('heading', { level: 2, name: 'Undersøkelser du kan svare på' }).waitFor();
    await axe.check(p, 'undersøkelser (ansatt, mobil)');
    await tabUntil(p, (el) => el.tag === 'a' && el.text === `Svar på «${TITLE}»`, 60);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await p.getByText('Svarene dine knyttes ikke til deg.').waitFor();
    await axe.check(p, 'svar på undersøkelse (mobil)');
    expect(await horizontalOverflow(p), (await overflowingElements(p)).join('\n')).toBeLessThanOrEqual(0);

    // Every scale question: Tab into the group, Space picks «1», three ArrowDowns move to «4».
    const groups = await p.getByRole('radiogroup').count();
    expect(groups).toBe(17);
    await tabUntil(p, (el) => el.tag === 'input' && el.type === 'radio', 40);
    for (let i = 0; i < groups; i++) {
      await p.keyboard.press('Space');
      for (let k = 0; k < 3; k++) await p.keyboard.press('ArrowDown');
      await p.keyboard.press('Tab');
    }
    // Focus is now in the free-text field.
    expect(await p.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('textarea');
    await p.keyboard.type(ANSWER_TEXT);
    await tabUntil(p, (el) => el.tag === 'button' && el.text === 'Send svar', 5);
    await p.keyboard.press('Enter');
    await p.getByText('Takk! Svaret ditt er registrert.').waitFor();
    await p.getByText('Du har svart. Takk!').waitFor();
    expect(await horizontalOverflow(p), (await overflowingElements(p)).join('\n')).toBeLessThanOrEqual(0);
    await axe.check(p, 'undersøkelser (svart, mobil)');

    const db = app.server.database.db;
    const survey = await db
      .selectFrom('survey')
      .select('id')
      .where('title', '=', TITLE)
      .executeTakeFirstOrThrow();
    const user = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', employee.email)
      .executeTakeFirstOrThrow();
    const respondents = await db
      .selectFrom('survey_respondent')
      .selectAll()
      .where('survey_id', '=', survey.id)
      .execute();
    expect(respondents.map((r) => r.user_id)).toEqual([user.id]);
    const answers = await db
      .selectFrom('survey_answer')
      .selectAll()
      .where('survey_id', '=', survey.id)
      .execute();
    expect(answers).toHaveLength(18);
    expect(answers.filter((a) => a.value === 4)).toHaveLength(17);
    expect(answers.find((a) => a.text !== null)?.text).toBe(ANSWER_TEXT);
    // Nothing in the answers names the person: no user id, no employee id, no time.
    expect(Object.keys(answers[0] ?? {}).sort()).toEqual(
      ['id', 'organisation_id', 'question_id', 'survey_id', 'text', 'unit_id', 'value'].sort(),
    );
    expect(JSON.stringify(answers)).not.toContain(user.id);
  });

  it('3. HR reads the results of a closed survey and makes a tiltak from a dimension in one step', async () => {
    const db = app.server.database.db;
    const org = await db.selectFrom('organisation').select('id').executeTakeFirstOrThrow();
    const earlier = await db
      .insertInto('survey')
      .values({
        organisation_id: org.id,
        title: EARLIER,
        opens_on: addDays(today, -40),
        closes_on: addDays(today, -20),
        published_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const q = await db
      .insertInto('survey_question')
      .values({
        organisation_id: org.id,
        survey_id: earlier.id,
        position: 1,
        kind: 'scale',
        item_key: 'ledelse-1',
        text_nb: 'Lederen min behandler medarbeiderne rettferdig.',
        text_en: 'My manager treats employees fairly.',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('survey_answer')
      .values(
        [2, 3, 3, 2, 4, 3].map((value) => ({
          organisation_id: org.id,
          survey_id: earlier.id,
          question_id: q.id,
          unit_id: null,
          value,
          text: null,
        })),
      )
      .execute();

    await page.goto('/undersokelser');
    await page.getByRole('heading', { level: 1, name: 'Undersøkelser' }).waitFor();
    await page.getByRole('link', { name: `Resultater for «${EARLIER}»` }).click();
    await page.getByRole('heading', { level: 1, name: `Resultater: ${EARLIER}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Alle som svarte (6 svar)' }).waitFor();
    const ledelse = page.getByRole('row').filter({ hasText: 'Ledelse' });
    expect(await ledelse.textContent()).toContain('2,8');
    await axe.check(page, 'resultater');
    await page.getByRole('button', { name: 'Lag tiltak: Ledelse (Alle som svarte)' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Frist').fill(dmy(addDays(today, 30)));
    await dialog.getByLabel('Frist').press('Tab');
    await axe.check(page, 'lag tiltak (dialog)');
    await dialog.getByRole('button', { name: 'Lag tiltaket' }).click();
    await page.getByText('Tiltaket er lagt i HMS-handlingsplanen.').waitFor();
    await axe.check(page, 'resultater (tiltak laget)');
    const measure = await db
      .selectFrom('hms_measure')
      .selectAll()
      .where('text', 'like', '%Ledelse%')
      .executeTakeFirstOrThrow();
    expect(measure).toMatchObject({ owner_role: 'hr', due: addDays(today, 30), goal_id: null });
    expect(measure.text).toBe(`Følge opp «Ledelse» fra undersøkelsen «${EARLIER}»`);
  });

  it('made no request outside its own origin, had no page errors, and axe found no violations', () => {
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(foreignRequests(phone?.requests ?? [], app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(phone?.pageErrors ?? []).toEqual([]);
    expect(axe.checked.length).toBeGreaterThanOrEqual(10);
    expect(axe.violations, axe.violations.join('\n')).toEqual([]);
  });
});
