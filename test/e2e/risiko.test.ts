/**
 * Kartlegging and risikovurdering in the browser, on the demo company, with the database as the
 * judge of what was saved:
 * (1) HR opens «Risikovurdering» from the main menu and records the acceptance criteria (the
 *     default wording) → `risk_criteria`;
 * (2) the leader of Hjemmetjenesten creates the workshop's assessment with the verneombud and an
 *     employee as participants, adds the «tunge løft» hazard from the checklist at 4 × 4 (Høy),
 *     and two tiltak — the second entirely **by keyboard** — with owner and due date, then sets the
 *     residual risk 2 × 4 (Middels)
 *     → `risk_assessment`, `risk_item`, `risk_tiltak`; a cause put into the bow-tie by mistake is
 *     removed again, and the second tiltak is changed to «Pågår» with a new due date;
 * (3) the verneombud opens the same assessment, reads the scores and adds a comment; an employee
 *     of the unit suggests a hazard (`risk_suggestion`), and the leader sees the suggestion;
 * (4) the heat map moved: before tiltak the risk is in cell 4 × 4 «Høy», after tiltak in 2 × 4
 *     «Middels»; a click on the cell lists it; the handlingsplan lists both tiltak; on a phone the
 *     matrix page has no horizontal page scroll (the table scrolls in its own box);
 * (5) the verneombud, owner of the second tiltak, marks it done with a note (may not change it).
 * Axe on every page and dialog visited; no request leaves the app's origin; no page errors.
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
  screenshot,
  tabUntil,
  textOf,
} from './support/browser.ts';

type Account = { role: string; name: string; email: string; password: string };

let app: TestApp;
let browser: Browser;
let s: Session;
let page: Page;
let lead: Session | undefined;
let vo: Session | undefined;
let phone: Session | undefined;
let emp: Session | undefined;
const axe = new AxeLog();
let hr: Account;
let leader: Account;
let verneombud: Account;
let employee: Account;
let assessmentId = '';
let riskId = '';

const today = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
const RISK = 'Tunge løft av dekk og deler i verkstedet';
const FIRST = 'Kjøpe løftebord til verkstedet';
const FIRST_DUE = addDays(today, 20);
const SECOND = 'Opplæring i løfteteknikk for alle i verkstedet';
const SECOND_DUE = addDays(today, 40);
const SECOND_DUE_MOVED = addDays(today, 30);
const WRONG_CAUSE = 'Dekk lagres i gangen';
const SUGGESTION = 'Glatt gulv ved vaskeplassen når det er søl av olje';
const DONE_NOTE = 'Alle i verkstedet fikk opplæring 12. mai.';
const COMMENT = 'Enig i vurderingen. Løftebordet må stå der dekkene tas ut.';

const db = () => app.server.database.db;

async function login(p: Page, account: { email: string; password: string }): Promise<void> {
  await p.goto('about:blank');
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse', { exact: true }).fill(account.email);
  await p.getByLabel('Passord', { exact: true }).fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

async function openRisiko(p: Page): Promise<void> {
  await p
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('link', { name: 'Risikovurdering', exact: true })
    .click();
  await p.getByRole('heading', { level: 1, name: 'Kartlegging og risikovurdering' }).waitFor();
}

async function userId(email: string): Promise<string> {
  return (
    await db().selectFrom('user_account').select('id').where('email', '=', email).executeTakeFirstOrThrow()
  ).id;
}

describe('kartlegging and risikovurdering in the browser', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    page = s.page;
    await page.goto('/');
    const accounts = await loadDemo(s.context);
    const find = (prefix: string) => {
      const a = accounts.find((x) => x.role.startsWith(prefix));
      expect(a, prefix).toBeDefined();
      return a as Account;
    };
    hr = find('hr');
    leader = find('leder (Hjemmetjenesten)');
    verneombud = find('verneombud');
    employee = find('ansatt (Hjemmetjenesten)');
  });

  afterAll(async () => {
    await emp?.context.close();
    await phone?.context.close();
    await vo?.context.close();
    await lead?.context.close();
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. HR records the acceptance criteria before the first assessment', async () => {
    await login(page, hr);
    await openRisiko(page);
    await page.getByRole('heading', { level: 2, name: 'Akseptkriterier' }).waitFor();
    const criteria = page.getByRole('textbox', { name: 'Akseptkriterier' });
    expect(await criteria.inputValue()).toContain('Høy risiko (12–25) er ikke akseptabel');
    await axe.check(page, 'risikovurdering (uten akseptkriterier)');
    await page.getByRole('button', { name: 'Registrer akseptkriteriene' }).click();
    await page.getByText('Akseptkriteriene er registrert.').waitFor();
    await page.getByText(`Registrert ${formatNorwegian(today)} av ${hr.name}.`).waitFor();
    const row = await db().selectFrom('risk_criteria').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ recorded_on: today, recorded_by_name: hr.name, version: 1 });
    expect(row.text).toContain('Høy risiko (12–25) er ikke akseptabel');
    await axe.check(page, 'risikovurdering (akseptkriterier registrert)');
  });

  it('2. the leader assesses the workshop: tunge løft Høy (4 × 4), two tiltak, residual Middels (2 × 4)', async () => {
    lead = await openSession(browser, app.url);
    page = lead.page;
    await login(page, leader);
    await openRisiko(page);
    await page.getByRole('button', { name: 'Ny risikovurdering' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny kartlegging og risikovurdering' });
    await dialog.waitFor();
    await dialog.getByLabel('Hva vurderes', { exact: true }).fill('Verkstedet');
    expect(await dialog.getByLabel('Enhet', { exact: true }).locator('option:checked').textContent()).toBe(
      'Hjemmetjenesten',
    );
    await dialog
      .getByLabel('Arbeidsoppgave eller prosess (valgfritt)', { exact: true })
      .fill('Dekkskift og lager');
    await dialog.getByLabel('Ansvarlig leder', { exact: true }).selectOption({ label: leader.name });
    await dialog.getByLabel('Leder', { exact: true }).fill(leader.name);
    await dialog.getByLabel('Verneombud', { exact: true }).fill(verneombud.name);
    await dialog.getByLabel('Ansatte', { exact: true }).fill('Ola Verksted, Kari Lager');
    await axe.check(page, 'ny risikovurdering (dialog)');
    await dialog.getByRole('button', { name: 'Opprett vurderingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verkstedet' }).waitFor();
    assessmentId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(assessmentId).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await db()
      .selectFrom('risk_assessment')
      .selectAll()
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      title: 'Verkstedet',
      work_task: 'Dekkskift og lager',
      responsible_name: leader.name,
      assessed_on: today,
    });
    expect(JSON.stringify(stored.participants)).toContain(verneombud.name);
    await axe.check(page, 'risikovurdering (ny, uten farer)');

    // The hazard from the checklist, scored Høy.
    await page.getByRole('button', { name: 'Ny fare' }).click();
    const riskDialog = page.getByRole('dialog', { name: 'Ny fare eller uønsket hendelse' });
    await riskDialog.waitFor();
    expect(await riskDialog.getByLabel('Område', { exact: true }).inputValue()).toBe('ergonomisk');
    await riskDialog.getByLabel('Tunge løft og forflytning av personer eller gods', { exact: true }).check();
    expect(await riskDialog.getByLabel('Fare eller uønsket hendelse', { exact: true }).inputValue()).toBe(
      'Tunge løft og forflytning av personer eller gods',
    );
    await riskDialog.getByLabel('Fare eller uønsket hendelse', { exact: true }).fill(RISK);
    await riskDialog.getByLabel('Eksisterende barrierer (valgfritt)', { exact: true }).fill('Jekk og tralle');
    const before = riskDialog.getByRole('group', { name: 'Risiko før tiltak' });
    await before.getByLabel('Sannsynlighet', { exact: true }).selectOption('4');
    await before.getByLabel('Konsekvens', { exact: true }).selectOption('4');
    await riskDialog.getByText('S 4 × K 4 = 16 (Høy)').waitFor();
    await axe.check(page, 'ny fare (dialog)');
    await riskDialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Risikoen er lagret.').waitFor();
    await riskDialog.waitFor({ state: 'detached' });
    const item = await db()
      .selectFrom('risk_item')
      .selectAll()
      .where('assessment_id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    riskId = item.id;
    expect(item).toMatchObject({
      title: RISK,
      area: 'ergonomisk',
      hazard_key: 'tunge-loft',
      initial_p: 4,
      initial_c: 4,
      residual_p: null,
    });
    const riskItem = page.locator(`li[data-risk="${riskId}"]`);
    expect(await textOf(riskItem.locator('[data-stage="initial"]'))).toContain('Høy');

    // First tiltak with the mouse.
    await riskItem.getByRole('button', { name: `Nytt tiltak: ${RISK}` }).click();
    const t1 = page.getByRole('dialog', { name: 'Nytt tiltak' });
    await t1.waitFor();
    await t1.getByLabel('Hva skal gjøres', { exact: true }).fill(FIRST);
    await t1.getByLabel('Ansvarlig', { exact: true }).selectOption({ label: leader.name });
    await t1.getByLabel('Frist', { exact: true }).fill(formatNorwegian(FIRST_DUE));
    await axe.check(page, 'nytt tiltak (dialog)');
    await t1.getByRole('button', { name: 'Lagre tiltaket' }).click();
    await page.getByText('Tiltaket er lagret.').waitFor();
    await t1.waitFor({ state: 'detached' });

    // Second tiltak by keyboard.
    await page.locator('body').focus();
    await tabUntil(page, (el) => el.tag === 'button' && el.label === `Nytt tiltak: ${RISK}`, 120);
    await page.keyboard.press('Enter');
    const t2 = page.getByRole('dialog', { name: 'Nytt tiltak' });
    await t2.waitFor();
    await tabUntil(page, (el) => el.id === 'felt-text', 20);
    await page.keyboard.type(SECOND);
    await tabUntil(page, (el) => el.id === 'felt-ownerUserId', 5);
    await t2.getByLabel('Ansvarlig', { exact: true }).selectOption({ label: verneombud.name });
    await tabUntil(page, (el) => el.id === 'felt-due', 5);
    await page.keyboard.type(formatNorwegian(SECOND_DUE));
    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Lagre tiltaket', 10);
    await page.keyboard.press('Enter');
    await page.getByText('Tiltaket er lagret.').waitFor();
    await t2.waitFor({ state: 'detached' });
    const tiltak = await db()
      .selectFrom('risk_tiltak')
      .selectAll()
      .where('risk_id', '=', riskId)
      .orderBy('due')
      .execute();
    expect(tiltak.map((x) => [x.text, x.owner_user_id, x.due, x.status])).toEqual([
      [FIRST, await userId(leader.email), FIRST_DUE, 'planlagt'],
      [SECOND, await userId(verneombud.email), SECOND_DUE, 'planlagt'],
    ]);
    expect(await textOf(riskItem)).toContain(`Frist: ${formatNorwegian(SECOND_DUE)}`);

    // The residual risk after the two tiltak: Middels.
    await riskItem.getByRole('button', { name: `Endre: ${RISK}` }).click();
    const edit = page.getByRole('dialog', { name: 'Endre risikovurderingen' });
    await edit.waitFor();
    const after = edit.getByRole('group', { name: 'Restrisiko etter tiltak' });
    await after.getByLabel('Sannsynlighet', { exact: true }).selectOption('2');
    await after.getByLabel('Konsekvens', { exact: true }).selectOption('4');
    await edit.getByText('S 2 × K 4 = 8 (Middels)').waitFor();
    await axe.check(page, 'endre risiko (dialog)');
    await edit.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Risikoen er lagret.').waitFor();
    await edit.waitFor({ state: 'detached' });
    expect(
      await db().selectFrom('risk_item').selectAll().where('id', '=', riskId).executeTakeFirstOrThrow(),
    ).toMatchObject({
      initial_p: 4,
      initial_c: 4,
      residual_p: 2,
      residual_c: 4,
      version: 2,
    });
    expect(await textOf(riskItem.locator('[data-stage="residual"]'))).toContain('Middels');
    // The bow-tie: a preventive barrier built by the first tiltak, drawn as an SVG with a text version.
    await riskItem.getByRole('button', { name: `Legg til i sløyfediagrammet: ${RISK}` }).click();
    const bow = page.getByRole('dialog', { name: 'Legg til i sløyfediagrammet' });
    await bow.waitFor();
    await bow.getByLabel('Hva legger du til', { exact: true }).selectOption('forebyggende');
    await bow.getByLabel('Tekst', { exact: true }).fill('Løftebord ved dekkstativet');
    await bow
      .getByLabel('Tiltaket som bygger eller vedlikeholder barrieren (valgfritt)', { exact: true })
      .selectOption({ label: FIRST });
    await axe.check(page, 'sløyfediagram (dialog)');
    await bow.getByRole('button', { name: 'Legg til', exact: true }).click();
    await page.getByText('Sløyfediagrammet er oppdatert.').waitFor();
    await bow.waitFor({ state: 'detached' });
    await riskItem
      .getByRole('img', { name: `Sløyfediagram for «${RISK}». Tekstversjonen står under.` })
      .waitFor();
    expect(await textOf(riskItem.locator('[data-bowtie]'))).toContain('Løftebord ved dekkstativet');
    const barrier = await db()
      .selectFrom('risk_bowtie_item')
      .selectAll()
      .where('risk_id', '=', riskId)
      .executeTakeFirstOrThrow();
    expect(barrier).toMatchObject({
      kind: 'forebyggende',
      text: 'Løftebord ved dekkstativet',
      tiltak_id: tiltak[0]?.id,
      status: 'virker',
    });

    // A cause put in by mistake, and removed again: the barrier stays.
    await riskItem.getByRole('button', { name: `Legg til i sløyfediagrammet: ${RISK}` }).click();
    await bow.waitFor();
    await bow.getByLabel('Hva legger du til', { exact: true }).selectOption('arsak');
    await bow.getByLabel('Tekst', { exact: true }).fill(WRONG_CAUSE);
    await bow.getByRole('button', { name: 'Legg til', exact: true }).click();
    await bow.waitFor({ state: 'detached' });
    const cause = riskItem.getByRole('button', { name: `Fjern årsak: ${WRONG_CAUSE}` });
    await cause.click();
    await page.getByText('Sløyfediagrammet er oppdatert.').waitFor();
    await cause.waitFor({ state: 'detached' });
    expect(await textOf(riskItem)).not.toContain(WRONG_CAUSE);
    expect(
      (
        await db()
          .selectFrom('risk_bowtie_item')
          .select(['kind', 'text'])
          .where('risk_id', '=', riskId)
          .execute()
      ).map((b) => [b.kind, b.text]),
    ).toEqual([['forebyggende', 'Løftebord ved dekkstativet']]);

    // The second tiltak has started, and is to be done sooner: changed in its dialog.
    await riskItem.getByRole('button', { name: `Endre tiltaket: ${SECOND}` }).click();
    const change = page.getByRole('dialog', { name: 'Endre tiltaket' });
    await change.waitFor();
    expect(await change.getByLabel('Hva skal gjøres', { exact: true }).inputValue()).toBe(SECOND);
    expect(await change.getByRole('radio', { name: 'Planlagt' }).isChecked()).toBe(true);
    await change.getByRole('radio', { name: 'Pågår' }).check();
    await change.getByLabel('Frist', { exact: true }).fill(formatNorwegian(SECOND_DUE_MOVED));
    await axe.check(page, 'endre tiltak (dialog)');
    await change.getByRole('button', { name: 'Lagre tiltaket' }).click();
    await page.getByText('Tiltaket er lagret.').waitFor();
    await change.waitFor({ state: 'detached' });
    expect(
      await db()
        .selectFrom('risk_tiltak')
        .select(['text', 'owner_user_id', 'due', 'status', 'version'])
        .where('id', '=', tiltak[1]?.id ?? '')
        .executeTakeFirstOrThrow(),
    ).toEqual({
      text: SECOND,
      owner_user_id: await userId(verneombud.email),
      due: SECOND_DUE_MOVED,
      status: 'pagar',
      version: 2,
    });
    expect(await textOf(riskItem.locator(`li[data-tiltak="${tiltak[1]?.id}"]`))).toContain(
      `Frist: ${formatNorwegian(SECOND_DUE_MOVED)} · Pågår`,
    );
    await axe.check(page, 'risikovurdering (med fare og tiltak)');
    await screenshot(page, '80-risikovurdering');
  });

  it('3. the verneombud reads the assessment and comments on it', async () => {
    vo = await openSession(browser, app.url);
    const p = vo.page;
    await login(p, verneombud);
    await openRisiko(p);
    await p.getByRole('link', { name: 'Verkstedet' }).click();
    await p.getByRole('heading', { level: 1, name: 'Verkstedet' }).waitFor();
    await p.getByText('Du kan lese vurderingen.').waitFor();
    const riskItem = p.locator(`li[data-risk="${riskId}"]`);
    expect(await textOf(riskItem)).toContain('S 4 × K 4 = 16 (Høy)');
    expect(await textOf(riskItem)).toContain('S 2 × K 4 = 8 (Middels)');
    expect(await p.getByRole('button', { name: 'Ny fare' }).count()).toBe(0);
    await p.getByRole('radio', { name: 'Kommentar' }).check();
    await p.locator('#felt-comment').fill(COMMENT);
    await p.getByRole('button', { name: 'Legg til' }).click();
    await p.getByText('Kommentaren er lagret.').waitFor();
    const comment = await db()
      .selectFrom('risk_comment')
      .selectAll()
      .where('assessment_id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    expect(comment).toMatchObject({
      kind: 'kommentar',
      text: COMMENT,
      author_name: verneombud.name,
      author_role: 'verneombud',
    });
    await axe.check(p, 'risikovurdering som verneombud');

    // An employee of the unit reads the assessment and suggests a hazard that is not in it.
    emp = await openSession(browser, app.url);
    const e = emp.page;
    await login(e, employee);
    await openRisiko(e);
    await e.getByRole('link', { name: 'Verkstedet' }).click();
    await e.getByRole('heading', { level: 1, name: 'Verkstedet' }).waitFor();
    const suggest = e.locator('section[aria-labelledby="rk-suggest-heading"]');
    await suggest.getByLabel('Område', { exact: true }).selectOption({ label: 'Mekanisk / ulykker' });
    await suggest.getByLabel('Beskriv faren', { exact: true }).fill(SUGGESTION);
    await suggest.getByRole('button', { name: 'Send forslaget' }).click();
    await suggest.getByText('Takk! Forslaget er sendt til lederen og verneombudet.').waitFor();
    expect(await suggest.getByLabel('Beskriv faren', { exact: true }).inputValue()).toBe('');
    await axe.check(e, 'risikovurdering som ansatt (forslag sendt)');
    expect(
      await db()
        .selectFrom('risk_suggestion')
        .select(['area', 'text', 'suggested_by', 'suggested_by_name'])
        .where('assessment_id', '=', assessmentId)
        .execute(),
    ).toEqual([
      {
        area: 'mekanisk',
        text: SUGGESTION,
        suggested_by: await userId(employee.email),
        suggested_by_name: employee.name,
      },
    ]);
    // The leader's assessment carries it (the page lists it under «Forslag fra ansatte»), read
    // through the API rather than by reloading the page (issue 17: CI time).
    const forLeader = await page.context().request.get(`/api/v1/risiko/vurderinger/${assessmentId}`);
    expect(forLeader.status()).toBe(200);
    expect(((await forLeader.json()) as { suggestions: unknown[] }).suggestions).toEqual([
      expect.objectContaining({ area: 'mekanisk', text: SUGGESTION, by: employee.name }),
    ]);
  });

  it('4. the heat map shows the risk moved from Høy (4 × 4) to Middels (2 × 4); the handlingsplan lists the tiltak', async () => {
    await page
      .getByRole('navigation', { name: 'Meny for Risikovurdering' })
      .getByRole('link', { name: 'Risikomatrise og handlingsplan' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Risikomatrise og handlingsplan' }).waitFor();
    const cell = (p: number, c: number) => page.locator(`table.rk-matrix td[data-p="${p}"][data-c="${c}"]`);
    await expect.poll(() => cell(4, 4).getAttribute('data-count')).toBe('1');
    expect(await textOf(cell(4, 4))).toBe('1 · Høy');
    expect(await textOf(cell(2, 4))).toBe('0 · Middels');
    await axe.check(page, 'risikomatrise (før tiltak)');

    await page.getByRole('radio', { name: 'Etter tiltak' }).click();
    await expect.poll(() => cell(2, 4).getAttribute('data-count')).toBe('1');
    expect(await textOf(cell(4, 4))).toBe('0 · Høy');
    expect(await textOf(cell(2, 4))).toBe('1 · Middels');
    await cell(2, 4).getByRole('button').click();
    const list = page.locator('section[aria-labelledby="rk-cell-heading"]');
    await list.getByRole('link', { name: RISK }).waitFor();
    expect(await textOf(list)).toContain('Middels');
    await axe.check(page, 'risikomatrise (etter tiltak, rute valgt)');

    const plan = page.locator('section[aria-labelledby="rk-plan-heading"]');
    await plan.getByText(FIRST).waitFor();
    await plan.getByText(SECOND).waitFor();
    expect(await textOf(plan)).toContain(formatNorwegian(FIRST_DUE));
    await screenshot(page, '81-risikomatrise');

    phone = await openSession(browser, app.url, { width: 390, height: 844 });
    await login(phone.page, leader);
    await phone.page.goto('/risiko/matrise');
    await phone.page.getByRole('heading', { level: 1, name: 'Risikomatrise og handlingsplan' }).waitFor();
    await phone.page.locator('table.rk-matrix').waitFor();
    await phone.page.waitForLoadState('networkidle');
    expect(
      await horizontalOverflow(phone.page),
      (await overflowingElements(phone.page)).join('\n'),
    ).toBeLessThanOrEqual(0);
    await axe.check(phone.page, 'risikomatrise (mobil)');
  });

  it('5. the verneombud, owner of the second tiltak, marks it done with a note; changing it is the leader’s', async () => {
    const p = vo?.page;
    if (!p) throw new Error('step 3 opened no session for the verneombud');
    // The page as step 3 left it (nothing the verneombud sees has changed since).
    const item = p.locator(`li[data-risk="${riskId}"]`);
    await item.getByRole('button', { name: `Marker som utført: ${SECOND}` }).waitFor();
    expect(await item.getByRole('button', { name: `Endre tiltaket: ${SECOND}` }).count()).toBe(0);
    // The first tiltak is the leader's: its owner or the assessment's editors mark it done.
    expect(await item.getByRole('button', { name: `Marker som utført: ${FIRST}` }).count()).toBe(0);
    await item.getByRole('button', { name: `Marker som utført: ${SECOND}` }).click();
    const dialog = p.getByRole('dialog', { name: 'Marker tiltaket som utført' });
    await dialog.waitFor();
    await dialog.getByLabel('Hva ble gjort', { exact: true }).fill(DONE_NOTE);
    await axe.check(p, 'marker tiltak utført (dialog)');
    await dialog.getByRole('button', { name: 'Marker som utført' }).click();
    await p.getByText(`«${SECOND}» er markert som utført.`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    const done = await db()
      .selectFrom('risk_tiltak')
      .selectAll()
      .where('risk_id', '=', riskId)
      .where('text', '=', SECOND)
      .executeTakeFirstOrThrow();
    expect(done).toMatchObject({ status: 'utfort', done_note: DONE_NOTE, done_by_name: verneombud.name });
    expect(done.done_at).not.toBeNull();
    await item.locator(`li[data-tiltak="${done.id}"][data-status="utfort"]`).waitFor();
    expect(await textOf(item.locator(`li[data-tiltak="${done.id}"]`))).toContain(
      `av ${verneombud.name}: ${DONE_NOTE}`,
    );
    await axe.check(p, 'risikovurdering som verneombud (tiltak utført)');
  });

  it('made no request outside its own origin, had no page errors, and axe found no violations', () => {
    for (const session of [s, lead, vo, phone, emp]) {
      expect(foreignRequests(session?.requests ?? [], app.url)).toEqual([]);
      expect(session?.pageErrors ?? []).toEqual([]);
    }
    expect(axe.checked.length).toBeGreaterThanOrEqual(15);
    expect(axe.violations, axe.violations.join('\n')).toEqual([]);
  });
});
