/**
 * Varsling, second part, in the browser on the demo company, with the database as the judge:
 * (1) HR names the recipients, opens «Varslingsrutine» → «Rediger rutinen»: the 21 topics are
 *     pre-filled with the recipients; HR edits the first topic by keyboard, saves the draft and
 *     publishes it with the cooperation step → `varsling_routine` holds the published version;
 * (2) an employee reads the routine, confirms reading (→ `varsling_routine_read`) and can fetch
 *     the PDF; they then report under their own name;
 * (3) HR opens the case, acknowledges it and works through the gjengjeldelse checklist (a change
 *     with its date, who decided and why; then the other areas) and marks it done → entries stored
 *     sealed, `retaliation_checked_on` set;
 * (4) HR assesses the case as «avvik» and hands it over → an `avvik` under HR's name, without the
 *     reporter's name; then records a personal-data breach → the personvernavvik with its 72 hours
 *     and the «lovkrav» deadline on the case, marks it decided; and puts the case on legal hold →
 *     stored;
 * (5) the employee reads the acknowledgement under «Mine varsler» and answers the handler → stored
 *     sealed as the reporter's, without the user; read back through the API.
 * Axe (WCAG 2.1 AA) on every page state visited: 0 violations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './support/app.ts';
import {
  AxeLog,
  horizontalOverflow,
  launchBrowser,
  loadDemo,
  openSession,
  type Session,
} from './support/browser.ts';
import { loginWithSecondFactor } from './support/second-factor.ts';

type Account = { role: string; name: string; email: string; password: string };

const KEY_DIR = mkdtempSync(join(tmpdir(), 'naervaer-varsling-vern-e2e-'));
process.env.NAERVAER_VARSLING_KEY_FILE = join(KEY_DIR, 'varsling-keys.json');
delete process.env.NAERVAER_VARSLING_KEYS;

const OPPFORDRING = 'Vi vil at du sier fra. Det er trygt å varsle hos oss.';
const REPORT = 'Sjefen flyttet meg etter at jeg sa fra om avvik i turnusen';
const REASON = 'Turnusen ble lagt om for hele avdelingen MRK-grunn';
const MY_ANSWER = 'Jeg kan forklare mer om turnusen i et møte. MRK-mitt-svar';

let app: TestApp;
let browser: Browser;
let desk: Session;
const axe = new AxeLog();
let accounts: Account[];

const account = (role: string): Account => {
  const found = accounts.find((a) => a.role.startsWith(role));
  if (!found) throw new Error(`no demo account ${role}`);
  return found;
};

/** Today in Oslo, YYYY-MM-DD. */
const todayIso = (): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

/** dd.mm.åååå of today in Oslo (the date fields' format). */
function todayNorwegian(): string {
  const [y, m, d] = todayIso().split('-');
  return `${d}.${m}.${y}`;
}

/** Everyone logs in with two-step login: the case handlers must (ADR 0020). */
async function login(p: Page, who: Account): Promise<void> {
  await p.context().clearCookies();
  await loginWithSecondFactor(p, who, app.server.database.db);
}

const logout = (p: Page) => p.context().clearCookies();
const varslingMenu = (p: Page) => p.getByRole('navigation', { name: 'Meny for Varsling' });

describe('varsling: routine, checklist and hand-over in the browser', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    desk = await openSession(browser, app.url);
    await desk.page.goto('/');
    accounts = await loadDemo(desk.context);
  }, 120_000);

  afterAll(async () => {
    await desk?.context.close();
    await browser?.close();
    await app?.close();
    rmSync(KEY_DIR, { recursive: true, force: true });
  });

  it('1. HR names the recipients, edits the pre-filled routine by keyboard and publishes it with the cooperation step', async () => {
    const page = desk.page;
    const hr = account('hr');
    const tv = account('tillitsvalgt');
    await login(page, hr);
    await page.goto('/varsling/innstillinger');
    await page.getByRole('heading', { level: 1, name: 'Mottakere av varsler' }).waitFor();
    const recipients = page.getByRole('group', { name: 'Mottaker' });
    await recipients.getByLabel(hr.name).check();
    await recipients.getByLabel(tv.name).check();
    await page.getByRole('button', { name: 'Lagre mottakerne' }).click();
    await page.getByText('Mottakerne er lagret.').waitFor();

    await varslingMenu(page).getByRole('link', { name: 'Varslingsrutine' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rutine for intern varsling' }).waitFor();
    await page.getByText('Virksomheten har ikke publisert en varslingsrutine ennå.').waitFor();
    await axe.check(page, 'routine (none published)');
    await page.getByRole('link', { name: 'Rediger rutinen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rediger varslingsrutinen' }).waitFor();
    const recipientsTopic = page.getByLabel('5. Hvem du kan varsle til');
    expect(await recipientsTopic.inputValue()).toContain(hr.name);
    expect(await recipientsTopic.inputValue()).toContain(tv.name);
    expect(await page.getByLabel('7. Hvordan du varsler').inputValue()).toMatch(/\/varsle\/[0-9a-f-]{36}/);
    expect(await page.getByText('lovkrav', { exact: true }).count()).toBe(7);
    await axe.check(page, 'routine editor (pre-filled)');
    // By keyboard: replace the first topic's text, then save.
    const first = page.getByLabel('1. Oppfordring til å varsle');
    await first.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(OPPFORDRING);
    await page.getByRole('button', { name: 'Lagre utkastet' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Utkastet er lagret.').waitFor();
    const db = app.server.database.db;
    const draft = await db.selectFrom('varsling_routine').selectAll().executeTakeFirstOrThrow();
    expect(draft).toMatchObject({ number: 1, status: 'utkast' });
    expect(draft.answers).toMatchObject({ oppfordring: OPPFORDRING });
    // Publishing without the cooperation step: the fields are named.
    await page.getByRole('button', { name: 'Publiser', exact: true }).click();
    await page.getByRole('link', { name: 'Skriv en tekst.' }).waitFor();
    await axe.check(page, 'routine editor (publish errors)');
    await page.getByLabel('Utarbeidet i samarbeid med').fill('Tillitsvalgte og verneombudet');
    await page.getByLabel('Dato for samarbeidet').fill(todayNorwegian());
    await page.getByRole('button', { name: 'Publiser', exact: true }).click();
    await page.getByText('Rutinen er publisert.').waitFor();
    await axe.check(page, 'routine editor (published)');
    const published = await db.selectFrom('varsling_routine').selectAll().executeTakeFirstOrThrow();
    expect(published).toMatchObject({
      status: 'publisert',
      cooperation_with: 'Tillitsvalgte og verneombudet',
    });
    expect(published.published_on).not.toBeNull();
    await logout(page);
  });

  it('2. an employee reads the routine, confirms reading, gets the PDF, and reports under their own name', async () => {
    const page = desk.page;
    const employee = account('ansatt');
    await login(page, employee);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Varsling' }).click();
    await varslingMenu(page).getByRole('link', { name: 'Varslingsrutine' }).click();
    await page.getByText(OPPFORDRING).waitFor();
    expect(await page.getByRole('link', { name: 'Rediger rutinen' }).count()).toBe(0);
    await axe.check(page, 'routine (employee)');
    await page.getByRole('button', { name: 'Jeg har lest rutinen' }).click();
    await page.getByText('at du har lest denne versjonen', { exact: false }).waitFor();
    await axe.check(page, 'routine (confirmed)');
    // On a phone: no horizontal scrolling.
    const desktop = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await axe.check(page, 'routine (phone)');
    if (desktop) await page.setViewportSize(desktop);
    const db = app.server.database.db;
    const reads = await db
      .selectFrom('varsling_routine_read as r')
      .innerJoin('user_account as u', 'u.id', 'r.user_id')
      .select(['u.name', 'r.number'])
      .execute();
    expect(reads).toEqual([{ name: employee.name, number: 1 }]);
    const href = await page.getByRole('link', { name: 'Last ned rutinen som PDF' }).getAttribute('href');
    const pdf = await page.context().request.get(href ?? '');
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // A report under their own name.
    await varslingMenu(page).getByRole('link', { name: 'Varsle' }).click();
    await page.getByRole('radio', { name: 'Under eget navn – mottakerne ser hvem du er' }).check();
    await page.getByLabel('Hva gjelder varselet?').fill(REPORT);
    await page.getByRole('radio', { name: 'Nei', exact: true }).check();
    await page.getByRole('button', { name: 'Send under eget navn' }).click();
    await page.getByText('Varselet er sendt.', { exact: false }).waitFor();
    const cases = await db.selectFrom('varsling_case').select(['channel']).execute();
    expect(cases).toEqual([{ channel: 'innlogget' }]);
    await logout(page);
  });

  it('3. HR works through the gjengjeldelse checklist and marks it done', async () => {
    const page = desk.page;
    await login(page, account('hr'));
    await page.goto('/varsling/saker');
    await page.getByRole('link', { name: /^Varsel mottatt / }).click();
    await page.getByText(REPORT).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Gjengjeldelse-sjekkliste' }).waitFor();
    expect(await page.getByText('Gå gjennom gjengjeldelse-sjekklisten').count()).toBe(1);
    await axe.check(page, 'case with checklist');
    await page.getByRole('button', { name: 'Bekreft mottak' }).click();
    await page.getByText('Lagret.').first().waitFor();
    // A change after the report: its date, who decided and why.
    await page.getByLabel('Område').selectOption({ label: 'Arbeidsoppgaver og ansvar' });
    await page.getByRole('radio', { name: 'Endret etter varselet' }).check();
    await page.getByLabel('Når skjedde endringen?').fill(todayNorwegian());
    await page.getByLabel('Hvem bestemte endringen?').fill('Avdelingsleder');
    await page.getByLabel('Begrunnelse for endringen').fill(REASON);
    await page.getByRole('button', { name: 'Registrer' }).click();
    await page.getByText(`Begrunnelse: ${REASON}`).waitFor();
    await axe.check(page, 'checklist with a change');
    for (const label of [
      'Lønn, bonus og andre goder',
      'Stilling og ansettelse (omplassering, degradering, oppsigelse)',
      'Arbeidstid, vakter og ferie',
      'Arbeidssted og utstyr',
      'Behandling fra ledere og kolleger (trusler, trakassering, utestenging)',
      'Advarsler, disiplinærtiltak eller suspensjon',
    ]) {
      await page.getByLabel('Område').selectOption({ label });
      await page.getByRole('radio', { name: 'Ingen endring etter varselet' }).check();
      await page.getByRole('button', { name: 'Registrer' }).click();
      await page
        .locator('.varsling-list li')
        .filter({ hasText: `${label}: Ingen endring etter varselet` })
        .waitFor();
    }
    await page.getByRole('button', { name: 'Marker sjekklisten som gjennomgått' }).click();
    await page.getByText('Sjekklisten ble gjennomgått', { exact: false }).waitFor();
    await axe.check(page, 'checklist done');
    const db = app.server.database.db;
    const entries = await db
      .selectFrom('varsling_retaliation')
      .select(['area', 'finding', 'detail'])
      .execute();
    expect(entries).toHaveLength(7);
    expect(entries.find((e) => e.area === 'arbeidsoppgaver')?.finding).toBe('endret');
    for (const e of entries) expect(Buffer.from(e.detail).toString('latin1')).not.toContain('MRK-grunn');
    const row = await db.selectFrom('varsling_case').selectAll().executeTakeFirstOrThrow();
    expect(row.retaliation_checked_on).not.toBeNull();
  });

  it('4. HR hands the case over to avvik without the reporter, records a breach with its 72 hours, and puts the case on hold', async () => {
    const page = desk.page;
    const employee = account('ansatt');
    await page
      .getByRole('radio', { name: 'Avvik – meldes i avvikssystemet uten varslerens identitet' })
      .check();
    await page.getByRole('button', { name: 'Lagre vurderingen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Send til avvikssystemet' }).waitFor();
    await axe.check(page, 'case assessed as avvik');
    await page.getByLabel('Type avvik').selectOption({ label: 'HMS-avvik' });
    await page.getByLabel('Sammendrag til avvikssystemet').fill('Turnusplanen følges ikke i avdelingen');
    await page.getByRole('button', { name: 'Opprett avvik' }).click();
    await page.getByText('Saken er sendt til avvikssystemet.').waitFor();
    await page.getByRole('link', { name: 'Åpne avviket' }).first().waitFor();
    await axe.check(page, 'case handed over');
    const db = app.server.database.db;
    const row = await db.selectFrom('varsling_case').selectAll().executeTakeFirstOrThrow();
    expect(row.avvik_id).not.toBeNull();
    const avvik = await db
      .selectFrom('avvik')
      .selectAll()
      .where('id', '=', row.avvik_id ?? '')
      .executeTakeFirstOrThrow();
    expect(avvik.description).toBe('Turnusplanen følges ikke i avdelingen');
    expect(avvik.description).not.toContain(employee.name);
    const hrUser = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', account('hr').email)
      .executeTakeFirstOrThrow();
    expect(avvik.reporter_user_id).toBe(hrUser.id);

    // A personal-data breach: awareness early today → 72 hours, shown as «lovkrav».
    await page.getByLabel('Dato dere ble kjent med bruddet').fill(todayNorwegian());
    await page.getByLabel('Klokkeslett').fill('00:05');
    await page
      .getByLabel('Hva har skjedd (uten varslerens identitet)')
      .fill('Turnuslister med navn sendt til feil gruppe');
    await page.getByRole('button', { name: 'Start 72-timersfristen' }).click();
    await page.getByText('Frist for melding til Datatilsynet', { exact: false }).waitFor();
    await page.getByText('Melde bruddet til Datatilsynet (72 timer)').waitFor();
    await axe.check(page, 'case with breach clock');
    const withBreach = await db.selectFrom('varsling_case').selectAll().executeTakeFirstOrThrow();
    expect(withBreach.breach_aware_at).not.toBeNull();
    const privacy = await db
      .selectFrom('avvik_privacy')
      .selectAll()
      .where('avvik_id', '=', withBreach.breach_avvik_id ?? '')
      .executeTakeFirstOrThrow();
    expect(new Date(privacy.aware_at).getTime()).toBe(new Date(withBreach.breach_aware_at ?? 0).getTime());
    // The breach is decided (reported in Altinn, or decided not to be): the 72-hour deadline is met.
    await page
      .getByRole('button', { name: 'Marker som avgjort (meldt, eller besluttet ikke meldt)' })
      .click();
    await page.getByText(`Avgjort ${todayNorwegian()}.`).waitFor();
    const decided = await db
      .selectFrom('varsling_case')
      .select('breach_decided_on')
      .executeTakeFirstOrThrow();
    expect(decided.breach_decided_on).toBe(todayIso());

    // Legal hold with a reason.
    await page.getByLabel('Begrunnelse for å holde saken tilbake').fill('Varsleren har varslet søksmål');
    await page.getByRole('button', { name: 'Hold saken tilbake' }).click();
    await page.getByText('Holdes tilbake fra sletting siden', { exact: false }).waitFor();
    await axe.check(page, 'case on legal hold');
    const held = await db.selectFrom('varsling_case').selectAll().executeTakeFirstOrThrow();
    expect(held.legal_hold).toBe(true);
    expect(held.legal_hold_on).not.toBeNull();
    // The whole case page on a phone: no horizontal scrolling.
    const desktop = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await axe.check(page, 'case (phone)');
    if (desktop) await page.setViewportSize(desktop);
    expect(axe.violations).toEqual([]);
    expect(axe.checked.length).toBeGreaterThanOrEqual(14);
  });

  it('5. the employee reads the acknowledgement under «Mine varsler» and answers the case handler', async () => {
    const page = desk.page;
    await login(page, account('ansatt'));
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Varsling' }).click();
    const mine = page.getByRole('region', { name: 'Mine varsler (sendt under eget navn)' });
    await mine
      .getByRole('listitem')
      .filter({ hasText: 'Varselet er mottatt og vil bli behandlet.' })
      .waitFor();
    await axe.check(page, 'mine varsler');
    await mine.getByLabel('Svar saksbehandleren').fill(MY_ANSWER);
    await mine.getByRole('button', { name: 'Send svaret' }).click();
    await mine.getByRole('listitem').filter({ hasText: MY_ANSWER }).waitFor();
    expect(await mine.getByLabel('Svar saksbehandleren').inputValue()).toBe('');
    await axe.check(page, 'mine varsler (answered)');
    // Stored as the reporter's, without the user (the case knows them only by the keyed tag), sealed.
    const db = app.server.database.db;
    const last = await db
      .selectFrom('varsling_message')
      .select(['author', 'author_user_id', 'kind', 'body'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ author: 'varsler', author_user_id: null, kind: 'melding' });
    expect(Buffer.from(last.body).toString('latin1')).not.toContain('MRK-mitt-svar');
    // Read back through the API: the employee's own reports.
    const res = await page.request.get('/api/v1/varsling/mine');
    expect(res.status()).toBe(200);
    const { items } = (await res.json()) as { items: { messages: { from: string; text: string }[] }[] };
    expect(items).toHaveLength(1);
    expect(items[0]?.messages.at(-1)).toMatchObject({ from: 'varsler', text: MY_ANSWER });
    expect(axe.violations).toEqual([]);
    await logout(page);
  });
});
