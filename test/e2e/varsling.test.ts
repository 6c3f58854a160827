/**
 * Varsling in the browser, on the demo company, with the database as the judge:
 * (1) the administrator opens «Varsling» → «Mottakere og lenke», names HR and the tillitsvalgt as
 *     recipients (mouse) → `varsling_handler` holds them; the public link is shown;
 * (2) on a phone (390×844), not logged in, a reporter opens the link, fills in the routine's
 *     questions by keyboard, excludes the tillitsvalgt and sends: a 16-digit receipt code is shown
 *     once → `varsling_case` holds a sealed report (no plaintext anywhere in the database), the
 *     argon2 hash and the exclusion; no request left the origin, no page errors;
 * (3) HR opens «Saker», the case, acknowledges it and asks a question → the messages are stored
 *     sealed, and the open is in the audit log;
 * (4) the reporter opens the mailbox with the code, reads the question and answers by keyboard →
 *     the answer is stored without a user; they attach a photo whose EXIF names them → stored
 *     sealed, without the EXIF; HR sees the answer and the attachment;
 * (5) HR attaches a note of their own, assesses the case as a varsling (category c), starts the
 *     investigation with a target date, gives feedback and closes the case → status, dates, the
 *     sealed messages and HR's file stored, read back through the API.
 * Axe (WCAG 2.1 AA) on every page visited: 0 violations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './support/app.ts';
import {
  AxeLog,
  foreignRequests,
  horizontalOverflow,
  launchBrowser,
  loadDemo,
  openSession,
  type Session,
  textOf,
} from './support/browser.ts';
import { loginWithSecondFactor } from './support/second-factor.ts';

type Account = { role: string; name: string; email: string; password: string };

const KEY_DIR = mkdtempSync(join(tmpdir(), 'naervaer-varsling-e2e-'));
process.env.NAERVAER_VARSLING_KEY_FILE = join(KEY_DIR, 'varsling-keys.json');
delete process.env.NAERVAER_VARSLING_KEYS;

const MARKER = 'Kassen-MRK-42 manglet bilag';
const QUESTION = 'Takk for varselet. Hvilken måned gjelder det?';
const ANSWER = 'Det gjelder november, MRK-svar';
const FEEDBACK = 'Vi har gått gjennom kassen og funnet feil i rutinen. MRK-tilbake';
const CLOSING = 'Rutinen for bilag er endret, og saken er avsluttet. MRK-slutt';

/** Today in Oslo (YYYY-MM-DD), a day `days` later, and dd.mm.åååå (the date fields' format). */
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
function shift(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
/** The investigation's target date: «innen rimelig tid» (aml § 2 A-3), here in 30 days. */
const TARGET = shift(today, 30);

let app: TestApp;
let browser: Browser;
let desk: Session;
let phone: Session;
const axe = new AxeLog();
let accounts: Account[];
let publicLink = '';
let receiptCode = '';

const account = (role: string): Account => {
  const found = accounts.find((a) => a.role.startsWith(role));
  if (!found) throw new Error(`no demo account ${role}`);
  return found;
};

const seg = (marker: number, payload: Buffer) =>
  Buffer.concat([
    Buffer.from([0xff, marker, ((payload.length + 2) >> 8) & 0xff, (payload.length + 2) & 0xff]),
    payload,
  ]);

/** A small JPEG whose EXIF segment holds `secret`. */
function jpegWithExif(secret: string): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    seg(0xe1, Buffer.from(`Exif\0\0${secret}`, 'latin1')),
    seg(0xdb, Buffer.alloc(65, 1)),
    seg(0xda, Buffer.from([1, 1, 0, 0, 63, 0])),
    Buffer.from([0x12, 0x34, 0xff, 0xd9]),
  ]);
}

/** Everyone logs in with two-step login: the case handlers must (ADR 0020). */
async function login(p: Page, who: Account): Promise<void> {
  await loginWithSecondFactor(p, who, app.server.database.db);
}

async function logout(p: Page): Promise<void> {
  await p.context().clearCookies();
}

async function dbText(): Promise<string> {
  const db = app.server.database.db;
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
  `.execute(db);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table_name)} t`.execute(
      db,
    );
    for (const r of rows.rows) parts.push(r.row);
  }
  return parts.join('\n');
}

describe('varsling in the browser', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    desk = await openSession(browser, app.url);
    await desk.page.goto('/');
    accounts = await loadDemo(desk.context);
    phone = await openSession(browser, app.url, { width: 390, height: 844 });
  });

  afterAll(async () => {
    await phone?.context.close();
    await desk?.context.close();
    await browser?.close();
    await app?.close();
    rmSync(KEY_DIR, { recursive: true, force: true });
  });

  it('1. the administrator names the recipients and gets the public link', async () => {
    const page = desk.page;
    await login(page, account('admin'));
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Varsling' }).click();
    await page.getByRole('heading', { level: 1, name: 'Varsle om kritikkverdige forhold' }).waitFor();
    await page.getByText('Virksomheten har ikke utnevnt mottakere av varsler ennå.').waitFor();
    await axe.check(page, 'varsling (no recipients)');
    await page
      .getByRole('navigation', { name: 'Meny for Varsling' })
      .getByRole('link', { name: 'Mottakere og lenke' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mottakere av varsler' }).waitFor();
    await axe.check(page, 'varsling settings');
    const hr = account('hr');
    const tv = account('tillitsvalgt');
    const recipients = page.getByRole('group', { name: 'Mottaker' });
    await recipients.getByLabel(hr.name).check();
    await recipients.getByLabel(tv.name).check();
    await page.getByRole('button', { name: 'Lagre mottakerne' }).click();
    await page.getByText('Mottakerne er lagret.').waitFor();
    publicLink = await textOf(page.getByTestId('varslingslenke'));
    expect(publicLink).toMatch(/\/varsle\/[0-9a-f-]{36}$/);
    await axe.check(page, 'varsling settings (saved)');
    const rows = await app.server.database.db
      .selectFrom('varsling_handler as h')
      .innerJoin('user_account as u', 'u.id', 'h.user_id')
      .select('u.name')
      .orderBy('u.name')
      .execute();
    expect(rows.map((r) => r.name).sort()).toEqual([hr.name, tv.name].sort());
    await logout(page);
  });

  it('2. on a phone, without logging in, a reporter sends an anonymous report by keyboard and gets the code once', async () => {
    const page = phone.page;
    await page.goto(new URL(publicLink).pathname);
    await page.getByRole('heading', { level: 1, name: 'Varsle anonymt' }).waitFor();
    await page.getByLabel('Hva gjelder varselet?').waitFor();
    await axe.check(page, 'anonymous report (phone)');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // By keyboard: type in the first field, then Tab through the form.
    await page.getByLabel('Hva gjelder varselet?').focus();
    await page.keyboard.type(MARKER);
    await page.keyboard.press('Tab');
    await page.keyboard.type('I november');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Regnskapsavdelingen');
    await page.keyboard.press('Tab');
    await page.keyboard.type('En mellomleder');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Jeg så bilagene');
    await page.keyboard.press('Tab');
    // The radio group: the first option gets focus, Space selects it («Nei»).
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: 'Nei' }).isChecked()).toBe(true);
    const tv = account('tillitsvalgt');
    const exclude = page.getByRole('checkbox', { name: `Hold utenfor: ${tv.name}` });
    await exclude.focus();
    await page.keyboard.press('Space');
    expect(await exclude.isChecked()).toBe(true);
    await page.getByText('Den vises bare én gang og kan ikke gjenopprettes.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Send anonymt' }).focus();
    await page.keyboard.press('Enter');
    const code = page.getByTestId('kvitteringskode');
    await code.waitFor();
    receiptCode = await textOf(code);
    expect(receiptCode).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    await axe.check(page, 'receipt (phone)');

    const db = app.server.database.db;
    const cases = await db.selectFrom('varsling_case').selectAll().execute();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ channel: 'anonym', status: 'registrert', reporter_tag: null });
    expect(cases[0]?.receipt_hash).toMatch(/^\$argon2id\$/);
    expect(cases[0]?.receipt_lookup).toBe(receiptCode.replace(/ /g, '').slice(0, 6));
    const excluded = await db
      .selectFrom('varsling_exclusion as x')
      .innerJoin('user_account as u', 'u.id', 'x.user_id')
      .select('u.name')
      .execute();
    expect(excluded.map((x) => x.name)).toEqual([tv.name]);
    const dump = await dbText();
    for (const secret of [MARKER, 'MRK-42', receiptCode.replace(/ /g, ''), 'Regnskapsavdelingen']) {
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(Buffer.from(secret).toString('hex'));
    }
    expect(foreignRequests(phone.requests, app.url)).toEqual([]);
    expect(phone.pageErrors).toEqual([]);
    // Shown once: leaving and coming back shows the form, not the code.
    await page.reload();
    await page.getByLabel('Hva gjelder varselet?').waitFor();
    expect(await page.getByTestId('kvitteringskode').count()).toBe(0);
  });

  it('3. HR opens the case from «Saker», acknowledges it and asks a question; the tillitsvalgt cannot open it', async () => {
    const page = desk.page;
    const hr = account('hr');
    // With the password alone, a handler sees the case exists but must set up two-step login first
    // (ADR 0020): the page says so and links to «Sikkerhet og innlogging».
    await page.goto('/logg-inn');
    await page.getByLabel('E-postadresse').fill(hr.email);
    await page.getByLabel('Passord').fill(hr.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
    const db0 = app.server.database.db;
    const { id: caseId } = await db0.selectFrom('varsling_case').select('id').executeTakeFirstOrThrow();
    await page.goto(`/varsling/saker/${caseId}`);
    await page
      .getByText('Varslingssaker åpnes bare når du har logget inn med kode fra autentiseringsapp')
      .waitFor();
    expect(await page.getByText(MARKER).count()).toBe(0);
    await axe.check(page, 'case (no second factor)');
    await page.getByRole('link', { name: 'Sett opp to-trinns innlogging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sikkerhet og innlogging' }).waitFor();
    await logout(page);
    await login(page, hr);
    await page.goto('/varsling');
    await page
      .getByRole('navigation', { name: 'Meny for Varsling' })
      .getByRole('link', { name: 'Saker' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Varslingssaker' }).waitFor();
    await axe.check(page, 'cases');
    await page.getByRole('link', { name: /^Varsel mottatt / }).click();
    await page.getByText(MARKER).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Frister' }).waitFor();
    expect(await page.getByText('anbefalt frist (EU-direktivet, ikke norsk lov)').count()).toBeGreaterThan(0);
    await axe.check(page, 'case (registered)');
    await page.getByRole('button', { name: 'Bekreft mottak' }).click();
    await page.getByText('Lagret.').waitFor();
    await page.getByRole('textbox', { name: 'Skriv til varsleren' }).fill(QUESTION);
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.locator('.varsling-list li').filter({ hasText: QUESTION }).waitFor();
    await axe.check(page, 'case (acknowledged, question asked)');
    const db = app.server.database.db;
    const row = await db.selectFrom('varsling_case').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('bekreftet');
    expect(row.acknowledged_on).not.toBeNull();
    const messages = await db
      .selectFrom('varsling_message')
      .select(['author', 'kind'])
      .orderBy('seq')
      .execute();
    expect(messages).toEqual([
      { author: 'behandler', kind: 'bekreftelse' },
      { author: 'behandler', kind: 'melding' },
    ]);
    const opens = await db
      .selectFrom('audit_log')
      .select('actor_user_id')
      .where('entity_type', '=', 'varsling_case')
      .where('action', '=', 'read')
      .execute();
    expect(opens.length).toBeGreaterThan(0);
    expect(await dbText()).not.toContain('Hvilken måned');
    await logout(page);
    // The excluded tillitsvalgt: no case in the list, «not found» on the case itself.
    await login(page, account('tillitsvalgt'));
    await page.goto('/varsling/saker');
    await page.getByText('Ingen saker.').waitFor();
    await page.goto(`/varsling/saker/${row.id}`);
    await page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: /finnes ikke|Fant ikke/i })
      .waitFor();
    expect(await page.getByText(MARKER).count()).toBe(0);
    await axe.check(page, 'case (excluded handler: not found)');
    await logout(page);
  });

  it('4. the reporter opens the mailbox with the code, reads the question and answers by keyboard', async () => {
    const page = phone.page;
    await page.goto(`${new URL(publicLink).pathname}/postkasse`);
    await page.getByRole('heading', { level: 1, name: 'Postkassen' }).waitFor();
    await axe.check(page, 'mailbox (phone)');
    await page.getByLabel('Kvitteringskode').focus();
    await page.keyboard.type(receiptCode);
    await page.keyboard.press('Enter');
    await page.getByText(QUESTION).waitFor();
    await page.getByText('Bekreftet mottatt', { exact: true }).first().waitFor();
    await axe.check(page, 'mailbox opened (phone)');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByLabel('Svar saksbehandleren').focus();
    await page.keyboard.type(ANSWER);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Svaret er sendt.').waitFor();
    await page.locator('.varsling-list li').filter({ hasText: ANSWER }).waitFor();
    await axe.check(page, 'mailbox answered (phone)');
    const db = app.server.database.db;
    const last = await db
      .selectFrom('varsling_message')
      .select(['author', 'author_user_id'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ author: 'varsler', author_user_id: null });
    expect(await dbText()).not.toContain('MRK-svar');
    // An attachment: a photo whose EXIF holds a position and the owner's name.
    await page.getByText('Vi fjerner metadata før filen lagres', { exact: false }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'IMG_0042.jpg',
      mimeType: 'image/jpeg',
      buffer: jpegWithExif('GPS 59.91N Eier Kari MRK-exif'),
    });
    await page.getByText('Vedlegget er lagt ved, uten metadata.').waitFor();
    await page.getByText('IMG_0042.jpg', { exact: false }).waitFor();
    await axe.check(page, 'mailbox with attachment (phone)');
    const stored = await db.selectFrom('varsling_file').select(['author', 'author_user_id']).execute();
    expect(stored).toEqual([{ author: 'varsler', author_user_id: null }]);
    const afterFile = await dbText();
    expect(afterFile).not.toContain('MRK-exif');
    expect(afterFile).not.toContain('IMG_0042');
    expect(foreignRequests(phone.requests, app.url)).toEqual([]);
    expect(phone.pageErrors).toEqual([]);
    // HR reads the answer.
    await login(desk.page, account('hr'));
    const row = await db.selectFrom('varsling_case').select('id').executeTakeFirstOrThrow();
    await desk.page.goto(`/varsling/saker/${row.id}`);
    await desk.page.locator('.varsling-list li').filter({ hasText: ANSWER }).waitFor();
    await desk.page.getByRole('link', { name: 'IMG_0042.jpg' }).waitFor();
    await axe.check(desk.page, 'case with answer and attachment');
    expect(axe.violations).toEqual([]);
    expect(axe.checked.length).toBeGreaterThanOrEqual(10);
  });

  it('5. HR adds a document, assesses the case as a varsling, investigates, gives feedback and closes it', async () => {
    const page = desk.page;
    const db = app.server.database.db;
    const hrUser = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', account('hr').email)
      .executeTakeFirstOrThrow();
    const { id: caseId } = await db.selectFrom('varsling_case').select('id').executeTakeFirstOrThrow();
    // HR's own evidence: a note, stored sealed with HR as its author.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'notat-kasse.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Bilag 17 til 23 mangler i permen. MRK-notat'),
    });
    await page.getByText('Vedlegget er lagt ved, uten metadata.').waitFor();
    await page.getByRole('link', { name: 'notat-kasse.txt' }).waitFor();
    await axe.check(page, 'case with handler attachment');
    expect(
      await db.selectFrom('varsling_file').select(['author', 'author_user_id']).orderBy('seq').execute(),
    ).toEqual([
      { author: 'varsler', author_user_id: null },
      { author: 'behandler', author_user_id: hrUser.id },
    ]);

    // aml § 2 A-1 (2) c: missing vouchers may be economic crime → a varsling, investigated (§ 2 A-3).
    await page.getByRole('radio', { name: 'Varsling om kritikkverdig forhold' }).check();
    await page
      .getByLabel('Kategori (aml § 2 A-1 (2))')
      .selectOption({ label: 'c) Korrupsjon eller annen økonomisk kriminalitet' });
    await page.getByRole('button', { name: 'Lagre vurderingen' }).click();
    const target = page.getByRole('textbox', { name: 'Måldato for undersøkelsen' });
    await target.fill(dmy(TARGET));
    await target.press('Tab');
    await page.getByRole('button', { name: 'Start undersøkelsen' }).click();
    await page.getByText('Undersøkes', { exact: true }).first().waitFor();
    await axe.check(page, 'case under investigation');
    expect(
      await db
        .selectFrom('varsling_case')
        .select(['status', 'outcome', 'category', 'investigation_target'])
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'undersokes', outcome: 'varsling', category: 'c', investigation_target: TARGET });

    // Feedback to the reporter (anbefalt within 3 months), then the case is closed with what they learn.
    await page.getByRole('textbox', { name: 'Gi tilbakemelding til varsleren' }).fill(FEEDBACK);
    await page.getByRole('button', { name: 'Send tilbakemelding' }).click();
    await page.locator('.varsling-list li').filter({ hasText: FEEDBACK }).waitFor();
    await page.getByRole('textbox', { name: 'Hva varsleren får vite' }).fill(CLOSING);
    await page.getByRole('button', { name: 'Avslutt saken' }).click();
    await page.locator('.varsling-list li').filter({ hasText: CLOSING }).waitFor();
    await page.getByText('Avsluttet', { exact: true }).first().waitFor();
    // Closed: no more steps and no more attachments.
    expect(await page.getByRole('button', { name: 'Send meldingen' }).count()).toBe(0);
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    await axe.check(page, 'case closed');

    const row = await db.selectFrom('varsling_case').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'avsluttet', closed_on: today, feedback_given_on: today });
    const kinds = await db.selectFrom('varsling_message').select(['author', 'kind']).orderBy('seq').execute();
    expect(kinds.slice(-2)).toEqual([
      { author: 'behandler', kind: 'tilbakemelding' },
      { author: 'behandler', kind: 'avslutning' },
    ]);
    // Read back through the API: the texts (sealed at rest) and HR's file.
    const res = await page.request.get(`/api/v1/varsling/saker/${caseId}`);
    expect(res.status()).toBe(200);
    const view = (await res.json()) as {
      status: string;
      investigationTarget: string | null;
      messages: { from: string; kind: string; text: string }[];
      files: { from: string; name: string }[];
    };
    expect(view.status).toBe('avsluttet');
    expect(view.investigationTarget).toBe(TARGET);
    expect(view.messages.slice(-2)).toEqual([
      expect.objectContaining({ from: 'behandler', kind: 'tilbakemelding', text: FEEDBACK }),
      expect.objectContaining({ from: 'behandler', kind: 'avslutning', text: CLOSING }),
    ]);
    expect(view.files).toContainEqual(
      expect.objectContaining({ from: 'behandler', name: 'notat-kasse.txt' }),
    );
    const dump = await dbText();
    for (const secret of ['MRK-notat', 'notat-kasse', 'MRK-tilbake', 'MRK-slutt'])
      expect(dump).not.toContain(secret);
    expect(axe.violations).toEqual([]);
    expect(foreignRequests(desk.requests, app.url)).toEqual([]);
    expect(desk.pageErrors).toEqual([]);
  });
});
