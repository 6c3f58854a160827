/**
 * HMS goals and the annual review in the browser, on the demo company, with the database as the
 * judge of what was saved:
 * (1) HR opens «HMS-mål og handlingsplan» from the main menu; on this year writes a goal with a
 *     measure she then deletes, measure first, then the goal → both rows gone; goes to last year and
 *     writes a goal → `hms_goal` holds it, and changes its description → version 2; adds one measure
 *     owned by HR herself with a due date → `hms_measure`, and moves its due date; marks the measure
 *     carried out with a note, reopens it (→ not done) and marks it carried out again;
 * (2) HR opens «Årlig gjennomgang», starts the review of last year and discards the draft (→ the row
 *     is gone), starts it again: the draft's first section is filled in with that goal and its status; HR fills in every part **by keyboard** and completes
 *     it («Fullfør og lag PDF», confirmed) → `annual_review` is «fullfort» with PDF bytes;
 * (3) the page is read-only with «Last ned PDF»: the download is a PDF named
 *     arlig-gjennomgang-<year>.pdf whose text has the organisation, the date and the sections, and
 *     the response is an attachment; the review list shows it as completed;
 * (4) an employee reads the goals but gets «not found» for the reviews; the goals page works on a
 *     phone without horizontal scrolling.
 * Axe on every page and dialog visited; no request leaves the app's origin; no page errors.
 */
import { readFile } from 'node:fs/promises';
import { PDFParse } from 'pdf-parse';
import type { Browser, Page } from 'playwright-core';
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
let employee: Account;
let reviewId = '';

const today = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
const YEAR = Number(today.slice(0, 4));
const LAST = YEAR - 1;
const GOAL = 'Færre belastningsskader på lageret';
const MEASURE = 'Innføre løftehjelpemidler ved alle pakkestasjoner';
const DONE_NOTE = 'Løftebord montert på alle fire stasjoner i november.';
const DESCRIPTION = 'Lageret hadde flest meldte belastningsskader i fjor.';
const SPARE_GOAL = 'Et mål som ble skrevet ved en feil';
const SPARE_MEASURE = 'Et tiltak som ikke trengs likevel';
const ROUTINES = 'Rutinene for avvik og vernerunder fungerer; førstehjelpsrutinen må øves på nytt.';

async function login(p: Page, account: { email: string; password: string }): Promise<void> {
  await p.goto('about:blank');
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse').fill(account.email);
  await p.getByLabel('Passord').fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

/** Tabs to the form field with this id and types the text. */
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

describe('HMS goals and the annual review in the browser', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    page = s.page;
    await page.goto('/');
    const accounts = await loadDemo(s.context);
    const foundHr = accounts.find((a) => a.role.startsWith('hr'));
    const foundEmployee = accounts.find((a) => a.role.startsWith('ansatt'));
    expect(foundHr).toBeDefined();
    expect(foundEmployee).toBeDefined();
    hr = foundHr as Account;
    employee = foundEmployee as Account;
  });

  afterAll(async () => {
    await phone?.context.close();
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. HR deletes a mistaken measure and goal; writes a goal for last year with one measure, changes both, marks the measure carried out, reopens it and marks it again', async () => {
    await login(page, hr);
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Internkontroll', exact: true })
      .click();
    await page
      .getByRole('navigation', { name: 'Meny for Internkontroll' })
      .getByRole('link', { name: 'HMS-mål og handlingsplan', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'HMS-mål og handlingsplan' }).waitFor();
    await page.getByText(`Viser ${YEAR}`).waitFor();
    await axe.check(page, 'HMS-mål (dette året)');
    const db = app.server.database.db;

    // A goal with a measure written by mistake: the measure is deleted, then the goal.
    await page.getByRole('button', { name: 'Nytt mål' }).click();
    const spareDialog = page.getByRole('dialog', { name: `Nytt HMS-mål for ${YEAR}` });
    await spareDialog.getByLabel('Målet', { exact: true }).fill(SPARE_GOAL);
    await spareDialog.getByRole('button', { name: 'Lagre målet' }).click();
    await page.getByText(`«${SPARE_GOAL}» er lagret.`).waitFor();
    await spareDialog.waitFor({ state: 'detached' });
    const spareGoal = await db
      .selectFrom('hms_goal')
      .select(['id', 'year'])
      .where('title', '=', SPARE_GOAL)
      .executeTakeFirstOrThrow();
    expect(spareGoal.year).toBe(YEAR);
    await page.getByRole('button', { name: `Nytt tiltak for «${SPARE_GOAL}»` }).click();
    const spareMeasureDialog = page.getByRole('dialog', { name: 'Nytt tiltak' });
    await spareMeasureDialog.getByLabel('Hva skal gjøres?').fill(SPARE_MEASURE);
    await spareMeasureDialog.getByLabel('Ansvarlig person').selectOption({ label: hr.name });
    await spareMeasureDialog.getByLabel('Frist').fill(formatNorwegian(`${YEAR}-12-31`));
    await spareMeasureDialog.getByRole('button', { name: 'Lagre tiltaket' }).click();
    await page.getByText('Tiltaket er lagret.').waitFor();
    await spareMeasureDialog.waitFor({ state: 'detached' });
    const spareMeasure = await db
      .selectFrom('hms_measure')
      .select(['id', 'goal_id'])
      .where('text', '=', SPARE_MEASURE)
      .executeTakeFirstOrThrow();
    expect(spareMeasure.goal_id).toBe(spareGoal.id);

    await page
      .locator(`li[data-measure-id="${spareMeasure.id}"]`)
      .getByRole('button', { name: `Slett tiltaket: ${SPARE_MEASURE}` })
      .click();
    const deleteMeasure = page.getByRole('dialog', { name: 'Slette tiltaket?' });
    await deleteMeasure.waitFor();
    await axe.check(page, 'slett tiltak (dialog)');
    await deleteMeasure.getByRole('button', { name: 'Slett', exact: true }).click();
    await page.getByText('Tiltaket er slettet.').waitFor();
    await deleteMeasure.waitFor({ state: 'detached' });
    expect(
      await db.selectFrom('hms_measure').select('id').where('text', '=', SPARE_MEASURE).execute(),
    ).toEqual([]);
    expect(
      await db.selectFrom('hms_goal').select('id').where('id', '=', spareGoal.id).execute(),
    ).toHaveLength(1);

    await page.getByRole('button', { name: `Slett målet: ${SPARE_GOAL}` }).click();
    const deleteGoal = page.getByRole('dialog', { name: 'Slette målet?' });
    await deleteGoal.waitFor();
    await axe.check(page, 'slett mål (dialog)');
    await deleteGoal.getByRole('button', { name: 'Slett', exact: true }).click();
    await page.getByText(`«${SPARE_GOAL}» er slettet.`).waitFor();
    await deleteGoal.waitFor({ state: 'detached' });
    expect(await db.selectFrom('hms_goal').select('id').where('id', '=', spareGoal.id).execute()).toEqual([]);
    await page.getByText(`Ingen HMS-mål er satt for ${YEAR} ennå.`).waitFor();

    await page.getByRole('button', { name: 'Forrige år' }).click();
    await page.getByText(`Viser ${LAST}`).waitFor();
    await page.getByRole('heading', { level: 2, name: `HMS-mål for ${LAST}` }).waitFor();

    await page.getByRole('button', { name: 'Nytt mål' }).click();
    const goalDialog = page.getByRole('dialog', { name: `Nytt HMS-mål for ${LAST}` });
    await goalDialog.waitFor();
    await goalDialog.getByLabel('Målet', { exact: true }).fill(GOAL);
    await goalDialog.getByLabel('Status').selectOption('nadd');
    await goalDialog.getByLabel('Målverdi (valgfritt)').fill('Halvparten så mange som i fjor');
    await goalDialog.getByLabel('Hvordan det måles (valgfritt)').fill('Meldte avvik om løft og belastning');
    await axe.check(page, 'nytt mål (dialog)');
    await goalDialog.getByRole('button', { name: 'Lagre målet' }).click();
    await page.getByText(`«${GOAL}» er lagret.`).waitFor();
    await goalDialog.waitFor({ state: 'detached' });

    const goal = await app.server.database.db
      .selectFrom('hms_goal')
      .select(['id', 'year', 'title', 'status', 'target', 'created_by_name', 'version'])
      .where('title', '=', GOAL)
      .executeTakeFirstOrThrow();
    expect(goal).toMatchObject({
      year: LAST,
      status: 'nadd',
      target: 'Halvparten så mange som i fjor',
      created_by_name: hr.name,
      version: 1,
    });

    // HR adds why the goal was set: the change is stored as the goal's next version.
    await page.getByRole('button', { name: `Endre målet: ${GOAL}` }).click();
    const editGoal = page.getByRole('dialog', { name: 'Endre HMS-mål' });
    await editGoal.waitFor();
    expect(await editGoal.getByLabel('Målet', { exact: true }).inputValue()).toBe(GOAL);
    await editGoal.getByLabel('Beskrivelse (valgfritt)').fill(DESCRIPTION);
    await axe.check(page, 'endre mål (dialog)');
    await editGoal.getByRole('button', { name: 'Lagre målet' }).click();
    await page.getByText(`«${GOAL}» er lagret.`).waitFor();
    await editGoal.waitFor({ state: 'detached' });
    expect(
      await db
        .selectFrom('hms_goal')
        .select(['title', 'status', 'target', 'description', 'version'])
        .where('id', '=', goal.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      title: GOAL,
      status: 'nadd',
      target: 'Halvparten så mange som i fjor',
      description: DESCRIPTION,
      version: 2,
    });
    await page.getByText(DESCRIPTION).waitFor();

    await page.getByRole('button', { name: `Nytt tiltak for «${GOAL}»` }).click();
    const measureDialog = page.getByRole('dialog', { name: 'Nytt tiltak' });
    await measureDialog.waitFor();
    await measureDialog.getByLabel('Hva skal gjøres?').fill(MEASURE);
    expect(await measureDialog.getByLabel('Hører til målet').inputValue()).toBe(goal.id);
    await measureDialog.getByLabel('Ansvarlig person').selectOption({ label: hr.name });
    await measureDialog.getByLabel('Frist').fill(formatNorwegian(`${LAST}-11-30`));
    await axe.check(page, 'nytt tiltak (dialog)');
    await measureDialog.getByRole('button', { name: 'Lagre tiltaket' }).click();
    await page.getByText('Tiltaket er lagret.').waitFor();
    await measureDialog.waitFor({ state: 'detached' });

    const measure = await app.server.database.db
      .selectFrom('hms_measure')
      .select(['id', 'goal_id', 'owner_user_id', 'owner_role', 'due', 'done_at'])
      .where('text', '=', MEASURE)
      .executeTakeFirstOrThrow();
    const hrUser = await app.server.database.db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', hr.email)
      .executeTakeFirstOrThrow();
    expect(measure).toMatchObject({
      goal_id: goal.id,
      owner_user_id: hrUser.id,
      owner_role: null,
      due: `${LAST}-11-30`,
      done_at: null,
    });
    const item = page.locator(`li[data-measure-id="${measure.id}"]`);
    expect(await textOf(item)).toContain(`Ansvarlig: ${hr.name}`);
    expect(await textOf(item)).toContain(`Frist: 30.11.${LAST}`);
    expect(await item.getAttribute('data-state')).toBe('overdue');

    // The due date moves two weeks on.
    await item.getByRole('button', { name: `Endre tiltaket: ${MEASURE}` }).click();
    const editMeasure = page.getByRole('dialog', { name: 'Endre tiltaket' });
    await editMeasure.waitFor();
    expect(await editMeasure.getByLabel('Hva skal gjøres?').inputValue()).toBe(MEASURE);
    await editMeasure.getByLabel('Frist').fill(formatNorwegian(`${LAST}-12-14`));
    await axe.check(page, 'endre tiltak (dialog)');
    await editMeasure.getByRole('button', { name: 'Lagre tiltaket' }).click();
    await page.getByText('Tiltaket er lagret.').waitFor();
    await editMeasure.waitFor({ state: 'detached' });
    expect(
      await db
        .selectFrom('hms_measure')
        .select(['text', 'goal_id', 'owner_user_id', 'due', 'version'])
        .where('id', '=', measure.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      text: MEASURE,
      goal_id: goal.id,
      owner_user_id: hrUser.id,
      due: `${LAST}-12-14`,
      version: 2,
    });
    await expect.poll(() => textOf(item)).toContain(`Frist: 14.12.${LAST}`);

    await item.getByRole('button', { name: `Marker som gjennomført: ${MEASURE}` }).click();
    const doneDialog = page.getByRole('dialog', { name: `Marker som gjennomført: ${MEASURE}` });
    await doneDialog.waitFor();
    await doneDialog.getByLabel('Hva ble gjort?').fill(DONE_NOTE);
    await axe.check(page, 'marker tiltak gjennomført (dialog)');
    await doneDialog.getByRole('button', { name: 'Marker som gjennomført' }).click();
    await page.getByText('Tiltaket er markert som gjennomført.').waitFor();
    await expect.poll(() => item.getAttribute('data-state')).toBe('done');
    const done = await app.server.database.db
      .selectFrom('hms_measure')
      .select(['done_at', 'done_by_name', 'done_note'])
      .where('id', '=', measure.id)
      .executeTakeFirstOrThrow();
    expect(done).toMatchObject({ done_by_name: hr.name, done_note: DONE_NOTE });
    expect(done.done_at).not.toBeNull();

    // Marked done too early: HR reopens it (→ not done in the database), then marks it done again.
    await item.getByRole('button', { name: `Gjenåpne: ${MEASURE}` }).click();
    await page.getByText('Tiltaket er åpnet igjen.').waitFor();
    await expect.poll(() => item.getAttribute('data-state')).toBe('overdue');
    const reopened = await db
      .selectFrom('hms_measure')
      .select(['done_at', 'done_note'])
      .where('id', '=', measure.id)
      .executeTakeFirstOrThrow();
    expect(reopened.done_at).toBeNull();
    await item.getByRole('button', { name: `Marker som gjennomført: ${MEASURE}` }).click();
    await doneDialog.waitFor();
    await doneDialog.getByLabel('Hva ble gjort?').fill(DONE_NOTE);
    await doneDialog.getByRole('button', { name: 'Marker som gjennomført' }).click();
    await page.getByText('Tiltaket er markert som gjennomført.').waitFor();
    await expect.poll(() => item.getAttribute('data-state')).toBe('done');
    const doneAgain = await db
      .selectFrom('hms_measure')
      .select(['done_at', 'done_by_name', 'done_note'])
      .where('id', '=', measure.id)
      .executeTakeFirstOrThrow();
    expect(doneAgain).toMatchObject({ done_by_name: hr.name, done_note: DONE_NOTE });
    expect(doneAgain.done_at).not.toBeNull();
    await axe.check(page, 'HMS-mål (forrige år, med mål og tiltak)');
    await screenshot(page, '70-hms-mal');
  });

  it('2. HR discards a draft review of last year, starts it again, and fills it in and completes it by keyboard', async () => {
    await page.getByRole('main').getByRole('link', { name: 'Årlig gjennomgang' }).click();
    await page.getByRole('heading', { level: 1, name: 'Årlig gjennomgang', exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Start en gjennomgang' }).waitFor();
    await axe.check(page, 'årlig gjennomgang (liste, tom)');
    await page.getByLabel('Året dere ser tilbake på').selectOption(String(LAST));
    await page.getByRole('button', { name: 'Start gjennomgangen' }).click();
    await page.getByRole('heading', { level: 1, name: `Årlig gjennomgang av ${LAST}` }).waitFor();

    // Started too early: HR discards the draft (the row is deleted) and starts it again.
    const discardedId = page.url().split('/').pop() ?? '';
    expect(discardedId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Forkast utkastet' }).click();
    const discard = page.getByRole('dialog', { name: 'Forkaste utkastet?' });
    await discard.waitFor();
    await axe.check(page, 'forkast utkastet (dialog)');
    await discard.getByRole('button', { name: 'Ja, forkast' }).click();
    await page.getByRole('heading', { level: 1, name: 'Årlig gjennomgang', exact: true }).waitFor();
    await page.getByText(`Utkastet til gjennomgangen av ${LAST} er forkastet.`).waitFor();
    expect(
      await app.server.database.db
        .selectFrom('annual_review')
        .select('id')
        .where('id', '=', discardedId)
        .execute(),
    ).toEqual([]);
    expect(await page.locator(`li[data-review-id="${discardedId}"]`).count()).toBe(0);
    await page.getByLabel('Året dere ser tilbake på').selectOption(String(LAST));
    await page.getByRole('button', { name: 'Start gjennomgangen' }).click();
    await page.getByRole('heading', { level: 1, name: `Årlig gjennomgang av ${LAST}` }).waitFor();
    reviewId = page.url().split('/').pop() ?? '';
    expect(reviewId).toMatch(/^[0-9a-f-]{36}$/);

    // The first section is filled in from last year's goals, with the status.
    const goals = page.getByLabel('Ble fjorårets HMS-mål nådd?');
    expect(await goals.inputValue()).toContain(`HMS-mål for ${LAST}:`);
    expect(await goals.inputValue()).toContain(`${GOAL} (mål: Halvparten så mange som i fjor): nådd`);
    expect(await goals.inputValue()).toContain('1 av 1 tiltak gjennomført');
    await axe.check(page, 'årlig gjennomgang (utkast)');

    // By keyboard, from the top of the page: every part in the order of the form.
    await page.locator('h1').focus();
    await typeInto(page, 'felt-heldOn', formatNorwegian(today));
    await typeInto(page, 'felt-participants', 'Daglig leder, hovedverneombud Åse Øren, AMU, BHT-rådgiver');
    await tabUntil(page, (el) => el.tag === 'input' && el.type === 'checkbox', 10);
    await page.keyboard.press('Space'); // the verneombud took part
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // AMU took part
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // BHT took part
    await tabUntil(page, (el) => el.id === 'felt-sections-goals', 10);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Målet ble nådd.');
    await typeInto(page, 'felt-sections-routines', ROUTINES);
    await typeInto(page, 'felt-sections-avvik', '12 avvik meldt, færre enn året før. Alle er lukket.');
    await typeInto(page, 'felt-sections-risk', 'Risikovurderingen av lageret er gått gjennom.');
    await typeInto(page, 'felt-sections-sickLeave', 'Samlet sykefravær 5,1 %, ned fra 6,0 %.');
    await typeInto(page, 'felt-sections-training', 'Alle nye har fått HMS-innføring.');
    await tabUntil(page, (el) => el.tag === 'input' && el.type === 'radio', 10);
    await page.keyboard.press('Space'); // «Ja»
    await typeInto(page, 'felt-sections-bht', 'Tunge løft og truckkjøring på lageret.');
    await typeInto(page, 'felt-sections-varsling', 'Varslingsrutinen er gått gjennom med tillitsvalgt.');
    await typeInto(page, 'felt-sections-conclusions', 'Internkontrollen fungerer.');
    await typeInto(page, 'felt-sections-priorities', 'Førstehjelpskurs og ny kartlegging av lageret.');
    await axe.check(page, 'årlig gjennomgang (utfylt)');
    await screenshot(page, '71-arlig-gjennomgang');

    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Fullfør og lag PDF', 20);
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Fullføre gjennomgangen?' });
    await confirm.waitFor();
    await axe.check(page, 'fullfør gjennomgangen (dialog)');
    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Fullfør', 10);
    await page.keyboard.press('Enter');
    await page.getByText('Gjennomgangen er fullført, og PDF-en er lagret.').waitFor();
    await confirm.waitFor({ state: 'detached' });
    // Focus is not lost with the form: it is on the PDF, what comes next.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Last ned PDF');

    const row = await app.server.database.db
      .selectFrom('annual_review')
      .selectAll()
      .where('id', '=', reviewId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      year_reviewed: LAST,
      held_on: today,
      status: 'fullfort',
      completed_by_name: hr.name,
      vo_took_part: true,
      amu_took_part: true,
      bht_took_part: true,
      bht_needed: 'ja',
      routines_text: ROUTINES,
      priorities_text: 'Førstehjelpskurs og ny kartlegging av lageret.',
    });
    expect(row.goals_text).toContain(`${GOAL} (mål: Halvparten så mange som i fjor): nådd`);
    expect(row.goals_text.endsWith('Målet ble nådd.')).toBe(true);
    expect(row.participants).toContain('Åse Øren');
    expect(row.pdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('3. the completed review is read-only; the PDF downloads as an attachment with the right content', async () => {
    expect(await page.getByRole('button', { name: 'Lagre utkast' }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await page.getByText('Gjennomgangen er fullført og kan ikke endres.').waitFor();
    await axe.check(page, 'årlig gjennomgang (fullført)');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`arlig-gjennomgang-${LAST}.pdf`);
    const file = await readFile((await download.path()) ?? '');
    const stored = await app.server.database.db
      .selectFrom('annual_review')
      .select('pdf')
      .where('id', '=', reviewId)
      .executeTakeFirstOrThrow();
    expect(Buffer.compare(file, stored.pdf ?? Buffer.alloc(0))).toBe(0);
    const organisation = await app.server.database.db
      .selectFrom('organisation')
      .select('name')
      .executeTakeFirstOrThrow();
    const text = await pdfText(file);
    expect(text).toContain(organisation.name);
    expect(text).toContain(`Årlig gjennomgang av internkontrollen ${LAST}`);
    expect(text).toContain(formatNorwegian(today));
    expect(text).toContain(ROUTINES);
    expect(text).toContain('Åse Øren');

    // The response itself: a PDF, as an attachment, never cached.
    const response = await s.context.request.get(`/api/v1/arlig-gjennomgang/${reviewId}/pdf`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect(response.headers()['content-disposition']).toBe(
      `attachment; filename="arlig-gjennomgang-${LAST}.pdf"`,
    );
    expect(response.headers()['cache-control']).toContain('no-store');

    await page.getByRole('link', { name: 'Tilbake til årlig gjennomgang' }).click();
    await page.getByRole('heading', { level: 1, name: 'Årlig gjennomgang', exact: true }).waitFor();
    const listed = page.locator(`li[data-review-id="${reviewId}"]`);
    await listed.waitFor();
    expect(await listed.getAttribute('data-status')).toBe('fullfort');
    expect(await textOf(listed)).toContain(`Holdt ${formatNorwegian(today)}`);
    expect(await textOf(listed)).toContain('Verneombud og AMU deltok');
    await axe.check(page, 'årlig gjennomgang (liste, fullført)');
  });

  it('4. an employee reads the goals, not the reviews; the goals page works on a phone', async () => {
    phone = await openSession(browser, app.url, { width: 390, height: 844 });
    const p = phone.page;
    await login(p, employee);
    await p.goto(`/internkontroll/mal?ar=${LAST}`);
    await p.getByRole('heading', { level: 1, name: 'HMS-mål og handlingsplan' }).waitFor();
    await p.getByRole('heading', { level: 3, name: GOAL }).waitFor();
    await p.getByText('Du kan lese målene og handlingsplanen.').waitFor();
    expect(await p.getByRole('button', { name: 'Nytt mål' }).count()).toBe(0);
    expect(await p.getByRole('button', { name: /^Marker som gjennomført/ }).count()).toBe(0);
    expect(await p.getByRole('link', { name: 'Årlig gjennomgang' }).count()).toBe(0);
    await p.waitForLoadState('networkidle');
    expect(await horizontalOverflow(p), (await overflowingElements(p)).join('\n')).toBeLessThanOrEqual(0);
    await axe.check(p, 'HMS-mål som ansatt (mobil)');

    await p.goto(`/internkontroll/gjennomgang/${reviewId}`);
    await p.getByRole('heading', { level: 1, name: 'Fant ikke siden' }).waitFor();
    const api = await phone.context.request.get(`/api/v1/arlig-gjennomgang/${reviewId}/pdf`);
    expect(api.status()).toBe(404);
    await axe.check(p, 'gjennomgang som ansatt (ikke funnet)');
  });

  it('made no request outside its own origin, had no page errors, and axe found no violations', () => {
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(foreignRequests(phone?.requests ?? [], app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(phone?.pageErrors ?? []).toEqual([]);
    expect(axe.checked.length).toBeGreaterThanOrEqual(12);
    expect(axe.violations, axe.violations.join('\n')).toEqual([]);
  });
});
