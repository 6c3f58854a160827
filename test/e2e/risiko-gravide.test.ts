/**
 * The risk assessment for pregnant and breastfeeding workers, in the browser, on the demo company,
 * with the database as the judge (its own file: `risiko.test.ts` counts the heat map):
 * (1) the leader of Hjemmetjenesten chooses «Ny risikovurdering → Gravide og ammende»: the title
 *     is filled in, and the assessment is stored as kind `gravide` with the template's hazards as
 *     its kartlegging, no risk scored yet; the page tags it and lists the hazards unscored;
 * (2) one template hazard (the reprotoxic chemicals) is scored on the matrix from its «Vurder»:
 *     the risk is stored with the hazard's key and the hazard shows as assessed;
 * (3) **by keyboard**, «Melding om graviditet mottatt – gjennomgå nå»: the page shows the new
 *     review date (today), the row has it, and the audit log says only the date and the trigger —
 *     nothing about the person (FOLM § 7-1);
 * (4) a second one for the same unit: the dialog links to the existing one, and the server's 409
 *     is shown in words; still one row.
 * Axe on every page and dialog visited; no request leaves the app's origin; no page errors.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNorwegian } from '../../src/domain/calendar/index.ts';
import { PREGNANCY_HAZARDS } from '../../src/domain/risiko/index.ts';
import { startApp, type TestApp } from './support/app.ts';
import {
  AxeLog,
  foreignRequests,
  launchBrowser,
  loadDemo,
  openSession,
  type Session,
  tabUntil,
  textOf,
} from './support/browser.ts';

type Account = { role: string; name: string; email: string; password: string };

let app: TestApp;
let browser: Browser;
let s: Session;
let page: Page;
const axe = new AxeLog();
let leader: Account;
let leaderId = '';
let unitId = '';
let organisationId = '';
let assessmentId = '';

const today = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
const TITLE = 'Risikovurdering for gravide og ammende';
const NOTICE = 'Melding om graviditet mottatt – gjennomgå nå';
const REPRO = PREGNANCY_HAZARDS.find((h) => h.key === 'gravid-reprotoksiske');

const db = () => app.server.database.db;
const detailOf = (d: unknown) => (typeof d === 'string' ? (JSON.parse(d) as unknown) : d);
const gravideRows = () =>
  db()
    .selectFrom('risk_assessment')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('unit_id', '=', unitId)
    .where('kind', '=', 'gravide')
    .execute();

async function login(p: Page, account: { email: string; password: string }): Promise<void> {
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse', { exact: true }).fill(account.email);
  await p.getByLabel('Passord', { exact: true }).fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

async function meta(p: Page, label: string): Promise<string> {
  return textOf(
    p
      .locator('dl.rk-meta > div')
      .filter({ has: p.locator('dt', { hasText: label }) })
      .locator('dd'),
  );
}

async function openNewDialog(p: Page) {
  await p.goto('/risiko');
  await p.getByRole('heading', { level: 1, name: 'Kartlegging og risikovurdering' }).waitFor();
  await p.getByRole('button', { name: 'Ny risikovurdering' }).click();
  const dialog = p.getByRole('dialog', { name: 'Ny kartlegging og risikovurdering' });
  await dialog.waitFor();
  return dialog;
}

describe('the risk assessment for pregnant and breastfeeding workers in the browser', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    page = s.page;
    await page.goto('/');
    const accounts = await loadDemo(s.context);
    const l = accounts.find((a) => a.role === 'leder (Hjemmetjenesten)');
    if (!l) throw new Error('the demo has no leader of Hjemmetjenesten');
    leader = l;
    const unit = await db()
      .selectFrom('unit')
      .select(['id', 'organisation_id'])
      .where('name', '=', 'Hjemmetjenesten')
      .executeTakeFirstOrThrow();
    unitId = unit.id;
    organisationId = unit.organisation_id;
    leaderId = (
      await db()
        .selectFrom('user_account')
        .select('id')
        .where('email', '=', leader.email)
        .executeTakeFirstOrThrow()
    ).id;
    // The acceptance criteria come before the first assessment (HR records them; its own test drives that).
    await db()
      .insertInto('risk_criteria')
      .values({ organisation_id: organisationId, text: 'Høy risiko er ikke akseptabel.', recorded_on: today })
      .onConflict((oc) => oc.column('organisation_id').doNothing())
      .execute();
    await login(page, leader);
  }, 120_000);

  afterAll(async () => {
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. «Ny risikovurdering → Gravide og ammende» stores the template’s hazards unscored', async () => {
    expect(await gravideRows()).toEqual([]);
    const dialog = await openNewDialog(page);
    await dialog.getByRole('radio', { name: /^Gravide og ammende/ }).check();
    const title = dialog.getByRole('textbox', { name: 'Hva vurderes' });
    expect(await title.inputValue()).toBe(TITLE);
    await dialog.getByRole('combobox', { name: 'Enhet' }).selectOption({ label: 'Hjemmetjenesten' });
    const responsible = dialog.getByRole('combobox', { name: 'Ansvarlig leder' });
    await responsible.locator('option', { hasText: leader.name }).waitFor({ state: 'attached' });
    await responsible.selectOption({ label: leader.name });
    await axe.check(page, 'ny risikovurdering (mal: gravide og ammende)');
    await dialog.getByRole('button', { name: 'Opprett vurderingen' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Gravide og ammende', { exact: true }).first().waitFor();
    const section = page.locator('section[aria-labelledby="rk-template-heading"]');
    await section.getByText(`0 av ${PREGNANCY_HAZARDS.length} er vurdert.`).waitFor();
    expect(await section.locator('li[data-hazard]').count()).toBe(PREGNANCY_HAZARDS.length);
    expect(await section.getByRole('button', { name: 'Vurder' }).count()).toBe(PREGNANCY_HAZARDS.length);
    await axe.check(page, 'risikovurdering for gravide og ammende');

    const rows = await gravideRows();
    expect(rows).toHaveLength(1);
    const row = rows[0];
    assessmentId = row?.id ?? '';
    expect(new URL(page.url()).pathname).toBe(`/risiko/${assessmentId}`);
    expect(row).toMatchObject({ title: TITLE, kind: 'gravide', responsible_user_id: leaderId });
    expect(detailOf(row?.template_hazards)).toEqual(PREGNANCY_HAZARDS.map((h) => h.key));
    expect(
      await db().selectFrom('risk_item').select('id').where('assessment_id', '=', assessmentId).execute(),
    ).toEqual([]);
  });

  it('2. a template hazard is scored on the matrix from its «Vurder» and shows as assessed', async () => {
    const item = page.locator(`li[data-hazard="${REPRO?.key}"]`);
    await item.getByRole('button', { name: 'Vurder' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny fare eller uønsket hendelse' });
    await dialog.waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Fare eller uønsket hendelse' }).inputValue()).toBe(
      REPRO?.text.nb,
    );
    expect(await dialog.getByRole('combobox', { name: 'Område' }).inputValue()).toBe('kjemisk-biologisk');
    await dialog.locator('#felt-initial-p').selectOption('2');
    await dialog.locator('#felt-initial-c').selectOption('5');
    await axe.check(page, 'vurder en fare fra malen (dialog)');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Risikoen er lagret.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await item.getByText('Vurdert', { exact: true }).waitFor();
    await page.getByText(`1 av ${PREGNANCY_HAZARDS.length} er vurdert.`).waitFor();
    const stored = await db()
      .selectFrom('risk_item')
      .select(['hazard_key', 'area', 'title', 'initial_p', 'initial_c'])
      .where('assessment_id', '=', assessmentId)
      .execute();
    expect(stored).toEqual([
      {
        hazard_key: REPRO?.key,
        area: 'kjemisk-biologisk',
        title: REPRO?.text.nb,
        initial_p: 2,
        initial_c: 5,
      },
    ]);
  });

  it('3. by keyboard, a pregnancy notice brings the review forward to today and stores nothing about the person', async () => {
    const before = (await gravideRows())[0];
    expect(before?.next_review).not.toBe(today);
    await page.locator('body').focus();
    await tabUntil(page, (el) => el.tag === 'button' && el.text === NOTICE, 200);
    await page.keyboard.press('Enter');
    await page
      .getByText(`Neste gjennomgang er satt til ${formatNorwegian(today)}. Gjennomgå vurderingen nå.`)
      .waitFor();
    expect(await meta(page, 'Neste gjennomgang')).toBe(formatNorwegian(today));
    expect(await meta(page, 'Gjennomgås tidligere fordi')).toBe('Melding om graviditet');
    await axe.check(page, 'risikovurdering for gravide og ammende (melding om graviditet)');
    const after = (await gravideRows())[0];
    expect(after).toMatchObject({ next_review: today, review_reason: 'Melding om graviditet' });
    const entries = await db()
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'detail'])
      .where('entity_type', '=', 'risk_assessment')
      .where('entity_id', '=', assessmentId)
      .orderBy('id')
      .execute();
    expect(entries.at(-1)).toMatchObject({ action: 'update', actor_user_id: leaderId });
    expect(detailOf(entries.at(-1)?.detail)).toEqual({ nextReview: today, trigger: 'graviditet' });
  });

  it('4. a second for the same unit: the dialog links to the existing one and shows the 409; still one row', async () => {
    // The list tags it.
    await page.goto('/risiko');
    const listRow = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: TITLE, exact: true }) });
    await listRow.getByText('Gravide og ammende', { exact: true }).waitFor();
    const dialog = await openNewDialog(page);
    await dialog.getByRole('radio', { name: /^Gravide og ammende/ }).check();
    await dialog.getByRole('combobox', { name: 'Enhet' }).selectOption({ label: 'Hjemmetjenesten' });
    await dialog.getByText('Enheten har allerede en risikovurdering for gravide og ammende.').waitFor();
    await dialog.getByRole('link', { name: TITLE }).waitFor();
    const responsible = dialog.getByRole('combobox', { name: 'Ansvarlig leder' });
    await responsible.locator('option', { hasText: leader.name }).waitFor({ state: 'attached' });
    await responsible.selectOption({ label: leader.name });
    await dialog.getByRole('button', { name: 'Opprett vurderingen' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: `Enheten har allerede en risikovurdering for gravide og ammende («${TITLE}»)` })
      .waitFor();
    await axe.check(page, 'ny risikovurdering (409: finnes allerede)');
    expect((await gravideRows()).map((r) => r.id)).toEqual([assessmentId]);
    await dialog.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/risiko/${assessmentId}`);
  });

  it('made no request outside its own origin, had no page errors, and axe found no violations', () => {
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(axe.checked.length).toBeGreaterThanOrEqual(5);
    expect(axe.violations, axe.violations.join('\n')).toEqual([]);
  });
});
