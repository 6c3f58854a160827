/**
 * Deleting a draft risk assessment and reopening a closed risk, in the browser, on the demo company,
 * with the database as the judge (its own file: `risiko.test.ts` counts the heat map, and these
 * assessments would move its numbers):
 * (1) the leader of Hjemmetjenesten deletes a draft with one hazard: the reason is required at the
 *     field; then the list says it is deleted, and `risk_assessment` / `risk_item` hold nothing of
 *     it, the audit log holds the reason (IK-f § 5: a draft may go, with a reason);
 * (2) a draft that is reviewed while the dialog is open: the 409 is shown in words (IK-f § 5), the
 *     row stays, and the page no longer offers the deletion;
 * (3) the leader closes a risk (the draft is then kept: no «Slett utkastet»), and reopens it **by
 *     keyboard**: both fields required at the fields, a review date in the past refused by the
 *     server at the date field, then the risk is open again, the assessment's next review is the new
 *     date, the closure and the reopening are both in the audit log (FOLM § 7-1);
 * (4) on the kept assessment the leader changes what it is about and who took part (no new version),
 *     brings the review forward after new equipment (FOLM § 7-1: both fields required at the
 *     fields first), and then reviews it from the page: version 2 is kept as it stood, the
 *     assessment is version 3 with its next review a year ahead.
 * Axe on every page and dialog visited; no request leaves the app's origin; no page errors.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, formatNorwegian } from '../../src/domain/calendar/index.ts';
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
let organisationId = '';
const ids = { draft: '', kept: '', car: '', draftRisk: '', carRisk: '' };

const today = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
const DRAFT = 'Kjøkkenet (registrert to ganger)';
const KEPT = 'Garderoben';
const CAR = 'Bil og kjøring mellom brukere';
const CAR_RISK = 'Glatte veier om vinteren';
const DELETE_REASON = 'Registrert to ganger, se «Kjøkkenet».';
const REOPEN_REASON = 'Ny bil uten piggdekk fra januar.';
const FIRST_REVIEW = addDays(today, 300);
const NEW_REVIEW = addDays(today, 14);
const KEPT_NEW = 'Garderoben og dusjene';
const SOONER = addDays(today, 30);
const NEW_EQUIPMENT = 'Nye maskiner eller nytt utstyr';

const db = () => app.server.database.db;

async function login(p: Page, account: { email: string; password: string }): Promise<void> {
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse', { exact: true }).fill(account.email);
  await p.getByLabel('Passord', { exact: true }).fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

async function csrf(context: BrowserContext): Promise<string> {
  return ((await (await context.request.get('/api/v1/session')).json()) as { csrfToken: string }).csrfToken;
}

async function openAssessment(p: Page, title: string): Promise<void> {
  await p.goto('/risiko');
  await p.getByRole('heading', { level: 1, name: 'Kartlegging og risikovurdering' }).waitFor();
  await p.getByRole('link', { name: title, exact: true }).click();
  await p.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** The text of one row of the assessment's facts («Neste gjennomgang», «Versjon», …). */
async function meta(p: Page, label: string): Promise<string> {
  return textOf(
    p
      .locator('dl.rk-meta > div')
      .filter({ has: p.locator('dt', { hasText: label }) })
      .locator('dd'),
  );
}

const assessmentRow = (id: string) =>
  db().selectFrom('risk_assessment').selectAll().where('id', '=', id).executeTakeFirst();
const riskRow = (id: string) =>
  db().selectFrom('risk_item').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const audit = (entityType: string, id: string) =>
  db()
    .selectFrom('audit_log')
    .select(['action', 'actor_user_id', 'detail'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', id)
    .orderBy('id')
    .execute();
const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
const detailOf = (d: unknown) => (typeof d === 'string' ? (JSON.parse(d) as Record<string, unknown>) : d);

describe('deleting a draft and reopening a risk in the browser', () => {
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
    organisationId = unit.organisation_id;
    const leaderId = (
      await db()
        .selectFrom('user_account')
        .select('id')
        .where('email', '=', leader.email)
        .executeTakeFirstOrThrow()
    ).id;
    // Three assessments of the unit as the risk register makes them (its own e2e test drives that page).
    const assessment = async (title: string) =>
      (
        await db()
          .insertInto('risk_assessment')
          .values({
            organisation_id: organisationId,
            title,
            unit_id: unit.id,
            responsible_user_id: leaderId,
            responsible_name: leader.name,
            participants: '[]',
            assessed_on: today,
            next_review: FIRST_REVIEW,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const risk = async (assessmentId: string, title: string, residual: number | null) =>
      (
        await db()
          .insertInto('risk_item')
          .values({
            organisation_id: organisationId,
            assessment_id: assessmentId,
            area: 'fysisk',
            title,
            initial_p: 3,
            initial_c: 3,
            residual_p: residual,
            residual_c: residual,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    ids.draft = await assessment(DRAFT);
    ids.draftRisk = await risk(ids.draft, 'Varme plater', null);
    ids.kept = await assessment(KEPT);
    ids.car = await assessment(CAR);
    ids.carRisk = await risk(ids.car, CAR_RISK, 2);
    await login(page, leader);
  }, 120_000);

  afterAll(async () => {
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. the leader deletes a draft with a reason: it is gone from the list and the database, the reason is in the log', async () => {
    await openAssessment(page, DRAFT);
    const section = page.locator('section[aria-labelledby="rk-delete-heading"]');
    await section.getByText('Et utkast kan slettes').waitFor();
    await axe.check(page, 'risikovurdering (utkast)');
    await section.getByRole('button', { name: 'Slett utkastet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Slett utkastet' });
    await dialog.waitFor();
    await dialog.getByText(`«${DRAFT}» slettes med farene, tiltakene og kommentarene i den.`).waitFor();
    // No reason: refused at the field, nothing sent.
    await dialog.getByRole('button', { name: 'Slett utkastet' }).click();
    await dialog.getByText('Skriv hvorfor vurderingen slettes.').waitFor();
    const reason = dialog.getByRole('textbox', { name: 'Hvorfor slettes vurderingen' });
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('felt-reason');
    await axe.check(page, 'slett utkastet (dialog, uten begrunnelse)');
    expect(await assessmentRow(ids.draft)).toBeDefined();

    await reason.fill(DELETE_REASON);
    await dialog.getByRole('button', { name: 'Slett utkastet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging og risikovurdering' }).waitFor();
    await page.getByText(`Utkastet «${DRAFT}» er slettet.`).waitFor();
    expect(new URL(page.url()).pathname).toBe('/risiko');
    expect(await page.getByRole('link', { name: DRAFT, exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: CAR, exact: true }).waitFor();
    await axe.check(page, 'risikovurderinger (utkast slettet)');

    expect(await assessmentRow(ids.draft)).toBeUndefined();
    expect(await db().selectFrom('risk_item').select('id').where('id', '=', ids.draftRisk).execute()).toEqual(
      [],
    );
    const entries = await audit('risk_assessment', ids.draft);
    const leaderId = (
      await db()
        .selectFrom('user_account')
        .select('id')
        .where('email', '=', leader.email)
        .executeTakeFirstOrThrow()
    ).id;
    expect(entries.at(-1)).toMatchObject({ action: 'delete', actor_user_id: leaderId });
    expect(detailOf(entries.at(-1)?.detail)).toMatchObject({ title: DRAFT, risks: 1, reason: DELETE_REASON });

    // «Back» does not lead to the deleted assessment: the page was replaced in the history.
    await page.goBack();
    expect(new URL(page.url()).pathname).not.toBe(`/risiko/${ids.draft}`);
  });

  it('2. a draft reviewed while the dialog is open: the 409 is shown in words and the row stays', async () => {
    await openAssessment(page, KEPT);
    await page
      .locator('section[aria-labelledby="rk-delete-heading"]')
      .getByRole('button', { name: 'Slett utkastet' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Slett utkastet' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Hvorfor slettes vurderingen' }).fill('Trengs ikke');
    // Meanwhile the assessment is reviewed (as from another tab): it is no longer a draft.
    const version = (await assessmentRow(ids.kept))?.version ?? 0;
    const reviewed = await s.context.request.post(`/api/v1/risiko/vurderinger/${ids.kept}/gjennomgang`, {
      headers: { 'x-csrf-token': await csrf(s.context) },
      data: { version, participants: [] },
    });
    expect(reviewed.status()).toBe(200);
    await dialog.getByRole('button', { name: 'Slett utkastet' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'Vurderingen er gjennomgått og tas vare på så lenge kontoen finnes (IK-f § 5).' })
      .waitFor();
    await axe.check(page, 'slett utkastet (dialog, 409)');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The page was reloaded behind the dialog: version 2, no deletion offered.
    await expect.poll(() => meta(page, 'Versjon')).toBe('2');
    expect(await page.locator('section[aria-labelledby="rk-delete-heading"]').count()).toBe(0);
    expect(await assessmentRow(ids.kept)).toMatchObject({ title: KEPT, revision: 2 });
    expect((await audit('risk_assessment', ids.kept)).map((e) => e.action)).not.toContain('delete');
  });

  it('3. the leader closes a risk, then reopens it by keyboard: the review is brought forward, both steps are logged', async () => {
    await openAssessment(page, CAR);
    const riskItem = page.locator(`li[data-risk="${ids.carRisk}"]`);
    // A draft until the risk is closed.
    await page.locator('section[aria-labelledby="rk-delete-heading"]').waitFor();
    await riskItem.getByRole('button', { name: `Lukk risikoen: ${CAR_RISK}` }).click();
    const close = page.getByRole('dialog', { name: 'Lukk risikoen' });
    await close.waitFor();
    await close.getByRole('button', { name: 'Lukk risikoen' }).click();
    await page.getByText('Risikoen er lukket.').waitFor();
    await close.waitFor({ state: 'detached' });
    expect(await riskRow(ids.carRisk)).toMatchObject({ status: 'lukket', closed_by_name: leader.name });
    // Closed once, the assessment is kept (IK-f § 5): no deletion offered any more.
    expect(await page.locator('section[aria-labelledby="rk-delete-heading"]').count()).toBe(0);
    expect(await textOf(riskItem)).toContain('Lukket');
    await axe.check(page, 'risikovurdering (risiko lukket)');

    // Reopen, by keyboard only.
    await page.locator('body').focus();
    await tabUntil(page, (el) => el.tag === 'button' && el.label === `Åpne risikoen igjen: ${CAR_RISK}`, 150);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Åpne risikoen igjen' });
    await dialog.waitFor();
    await dialog.getByText(`Neste gjennomgang er nå ${formatNorwegian(FIRST_REVIEW)}`).waitFor();
    await axe.check(page, 'åpne risikoen igjen (dialog)');
    const confirm = (el: { tag: string; text: string }) =>
      el.tag === 'button' && el.text === 'Åpne risikoen igjen';
    await tabUntil(page, confirm, 20);
    await page.keyboard.press('Enter');
    await dialog.getByText('Skriv hvorfor risikoen åpnes igjen.').waitFor();
    await dialog.getByText('Velg en dato.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('felt-reason');
    await axe.check(page, 'åpne risikoen igjen (dialog, feil i feltene)');

    // A review date in the past: the server's rule, its answer at the date field.
    await page.keyboard.type(REOPEN_REASON);
    await tabUntil(page, (el) => el.id === 'felt-reviewBy', 5);
    await page.keyboard.type(formatNorwegian(addDays(today, -1)));
    await tabUntil(page, confirm, 20);
    await page.keyboard.press('Enter');
    await dialog.getByText('Datoen for ny gjennomgang kan ikke være passert.').waitFor();
    const date = dialog.getByRole('textbox', { name: 'Ny gjennomgang innen' });
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await riskRow(ids.carRisk)).toMatchObject({ status: 'lukket', reopened_at: null });

    // A date two weeks ahead.
    await date.fill(formatNorwegian(NEW_REVIEW));
    await tabUntil(page, confirm, 20);
    await page.keyboard.press('Enter');
    await page
      .getByText(
        `Risikoen er åpnet igjen. Neste gjennomgang av vurderingen er ${formatNorwegian(NEW_REVIEW)}.`,
      )
      .waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await meta(page, 'Neste gjennomgang')).toBe(formatNorwegian(NEW_REVIEW));
    expect(await meta(page, 'Gjennomgås tidligere fordi')).toBe(`Risiko åpnet igjen: ${CAR_RISK}`);
    await riskItem.getByText('Åpen', { exact: true }).waitFor();
    expect(await textOf(riskItem)).toContain(`av ${leader.name}: ${REOPEN_REASON}`);
    await riskItem.getByRole('button', { name: `Lukk risikoen: ${CAR_RISK}` }).waitFor();
    expect(await riskItem.getByRole('button', { name: `Åpne risikoen igjen: ${CAR_RISK}` }).count()).toBe(0);
    // Reopened, it was still closed once: the assessment stays kept.
    expect(await page.locator('section[aria-labelledby="rk-delete-heading"]').count()).toBe(0);
    await axe.check(page, 'risikovurdering (risiko åpnet igjen)');

    const stored = await riskRow(ids.carRisk);
    expect(stored).toMatchObject({
      status: 'apen',
      closed_at: null,
      closed_by_name: null,
      reopened_by_name: leader.name,
      reopen_reason: REOPEN_REASON,
    });
    expect(stored.reopened_at).not.toBeNull();
    expect(await assessmentRow(ids.car)).toMatchObject({
      next_review: NEW_REVIEW,
      review_reason: `Risiko åpnet igjen: ${CAR_RISK}`,
    });
    const entries = (await audit('risk_item', ids.carRisk)).map((e) => detailOf(e.detail));
    expect(entries).toEqual([
      expect.objectContaining({ closed: true }),
      expect.objectContaining({
        reopened: true,
        reason: REOPEN_REASON,
        nextReview: NEW_REVIEW,
        closedBy: leader.name,
      }),
    ]);
  });

  it('4. the leader changes the kept assessment, brings its review forward after new equipment, and reviews it: version 2 is kept', async () => {
    await openAssessment(page, KEPT);
    const before = await assessmentRow(ids.kept);
    if (!before) throw new Error('the kept assessment is gone');
    await page.getByRole('button', { name: 'Endre opplysningene' }).click();
    const edit = page.getByRole('dialog', { name: 'Endre opplysningene om vurderingen' });
    await edit.waitFor();
    const title = edit.getByLabel('Hva vurderes', { exact: true });
    expect(await title.inputValue()).toBe(KEPT);
    await title.fill(KEPT_NEW);
    await edit.getByLabel('Arbeidsoppgave eller prosess (valgfritt)', { exact: true }).fill('Skift og dusj');
    await edit.getByLabel('Verneombud', { exact: true }).fill('Vera Vern');
    await edit.getByLabel('Ansatte', { exact: true }).fill('Ola Hjem, Kari Hjem');
    await axe.check(page, 'endre opplysningene om vurderingen (dialog)');
    await edit.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.getByText('Opplysningene om vurderingen er lagret.').waitFor();
    await edit.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: KEPT_NEW }).waitFor();
    expect(await meta(page, 'Deltakere')).toBe(
      'Vera Vern (Verneombud), Ola Hjem (Ansatte), Kari Hjem (Ansatte)',
    );
    // A change of the details is not a review: the same version, the same dates.
    expect(await meta(page, 'Versjon')).toBe('2');
    const edited = await assessmentRow(ids.kept);
    expect(edited).toMatchObject({
      title: KEPT_NEW,
      work_task: 'Skift og dusj',
      responsible_name: leader.name,
      revision: 2,
      assessed_on: before.assessed_on,
      next_review: before.next_review,
      version: before.version + 1,
    });
    expect(parsed(edited?.participants)).toEqual([
      { role: 'verneombud', name: 'Vera Vern' },
      { role: 'ansatt', name: 'Ola Hjem' },
      { role: 'ansatt', name: 'Kari Hjem' },
    ]);

    // New equipment: the review comes sooner. Both fields are required at the fields, nothing sent.
    await page.getByRole('button', { name: 'Gjennomgå tidligere' }).click();
    const sooner = page.getByRole('dialog', { name: 'Gjennomgå vurderingen tidligere' });
    await sooner.waitFor();
    await sooner.getByRole('button', { name: 'Flytt gjennomgangen fram' }).click();
    await sooner.getByText('Velg hva som er endret.').waitFor();
    await sooner.getByText('Velg en dato.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('felt-trigger');
    await axe.check(page, 'gjennomgå tidligere (dialog, feil i feltene)');
    expect(await assessmentRow(ids.kept)).toMatchObject({ version: edited?.version, review_reason: null });
    await sooner.getByLabel('Hva er endret', { exact: true }).selectOption({ label: NEW_EQUIPMENT });
    await sooner.getByRole('textbox', { name: 'Gjennomgås innen' }).fill(formatNorwegian(SOONER));
    await sooner.getByRole('button', { name: 'Flytt gjennomgangen fram' }).click();
    await page.getByText(`Neste gjennomgang av vurderingen er ${formatNorwegian(SOONER)}.`).waitFor();
    await sooner.waitFor({ state: 'detached' });
    expect(await meta(page, 'Neste gjennomgang')).toBe(formatNorwegian(SOONER));
    expect(await meta(page, 'Gjennomgås tidligere fordi')).toBe(NEW_EQUIPMENT);
    expect(await assessmentRow(ids.kept)).toMatchObject({
      next_review: SOONER,
      review_reason: NEW_EQUIPMENT,
      revision: 2,
    });
    expect(detailOf((await audit('risk_assessment', ids.kept)).at(-1)?.detail)).toMatchObject({
      nextReview: SOONER,
      trigger: 'nytt-utstyr',
    });
    await axe.check(page, 'risikovurdering (gjennomgås tidligere)');

    // The review, from the page: the participants as they stand, the leader added.
    await page.getByRole('button', { name: 'Marker som gjennomgått' }).click();
    const review = page.getByRole('dialog', { name: 'Gjennomgang' });
    await review.waitFor();
    expect(await review.getByLabel('Verneombud', { exact: true }).inputValue()).toBe('Vera Vern');
    await review.getByLabel('Leder', { exact: true }).fill(leader.name);
    await axe.check(page, 'gjennomgang (dialog)');
    await review.getByRole('button', { name: 'Gjennomgått i dag' }).click();
    await page.getByText('Vurderingen er gjennomgått. Den forrige versjonen er tatt vare på.').waitFor();
    await review.waitFor({ state: 'detached' });
    expect(await meta(page, 'Versjon')).toBe('3');
    expect(await meta(page, 'Neste gjennomgang')).toBe(formatNorwegian(addMonths(today, 12)));
    expect(await page.locator('dl.rk-meta dt', { hasText: 'Gjennomgås tidligere fordi' }).count()).toBe(0);
    await page.getByText(`Versjon 2, vurdert ${formatNorwegian(today)}`).waitFor();
    await axe.check(page, 'risikovurdering (gjennomgått fra siden)');
    const reviewed = await assessmentRow(ids.kept);
    expect(reviewed).toMatchObject({
      title: KEPT_NEW,
      revision: 3,
      assessed_on: today,
      next_review: addMonths(today, 12),
      review_reason: null,
    });
    expect(parsed(reviewed?.participants)).toEqual([
      { role: 'leder', name: leader.name },
      { role: 'verneombud', name: 'Vera Vern' },
      { role: 'ansatt', name: 'Ola Hjem' },
      { role: 'ansatt', name: 'Kari Hjem' },
    ]);
    const kept = await db()
      .selectFrom('risk_assessment_revision')
      .selectAll()
      .where('assessment_id', '=', ids.kept)
      .where('revision', '=', 2)
      .executeTakeFirstOrThrow();
    expect(kept.archived_by_name).toBe(leader.name);
    expect(parsed(kept.snapshot)).toMatchObject({ title: KEPT_NEW, workTask: 'Skift og dusj' });
  });

  it('made no request outside its own origin, had no page errors, and axe found no violations', () => {
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(axe.checked.length).toBeGreaterThanOrEqual(13);
    expect(axe.violations, axe.violations.join('\n')).toEqual([]);
  });
});
