/**
 * Avvik in the browser on a phone (390×844), on the demo company, with the database as the judge:
 * (1) an employee opens the report form from the workplace's QR code (`/avvik/ny?sted=<unit>`),
 *     reports a near miss (RUH) with a photo in at most 6 interactions (counted) — the photo is made
 *     small on the device and stored as a JPEG without EXIF; exactly one `avvik` row and one photo;
 * (2) the employee finds it under «Mine meldinger»; with the network off, a second report (with a
 *     photo) waits on the device («Venter på nett») and arrives exactly once when it is back;
 * (3) the leader of the unit opens it, assesses it (consequence 2), adds a tiltak they own with a due
 *     date (dd.mm.åååå), marks it done and closes the avvik with a verification note → stored; the
 *     reporter is notified;
 * (3c) the leader assesses the second report as a serious injury (aml § 5-2) that concerns personal
 *     data: ticks an alarm step, fills the § 5-1 register entry (→ the NAV task), marks the written
 *     confirmation done and decides the personvernavvik (GDPR art. 33); HR puts it on legal hold →
 *     each stored.
 * Axe (WCAG 2.1 AA) on every page visited: 0 violations; no request leaves the app's origin; no
 * page errors; the pages do not scroll sideways.
 */
import { deflateSync } from 'node:zlib';
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
} from './support/browser.ts';

type Account = { role: string; name: string; email: string; password: string };

const PHONE = { width: 390, height: 844 };
const DESCRIPTION = 'Vannsøl på gulvet ved medisinrommet, kollega holdt på å skli.';
const OFFLINE_DESCRIPTION = 'Løs hylle i lageret, kan falle ned.';
const TILTAK = 'Sette opp drypp-brett under vasken';
const VERIFICATION = 'Brettet er montert og gulvet er tørt, sjekket på vakt.';
const INJURY_WORK = 'Henting av varer i lageret';
const INJURY_PLAIN = 'Slag mot skulderen';
const PRIVACY_FACTS = 'Skademeldingen med navnet til den skadde ble sendt til feil e-postliste.';
const PRIVACY_REASON = 'Mottakerne er kolleger med taushetsplikt og slettet e-posten samme dag.';

const today = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
function shift(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const DUE = shift(today, 14);

/** A real PNG (a 1200×900 gradient), so the browser has something to decode and shrink. */
function png(width: number, height: number): Buffer {
  const table = new Int32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  const crc = (buf: Buffer) => {
    let c = -1;
    for (const b of buf) c = (table[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ -1) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = (x * 7 + y) & 0xff;
      raw[row + 2 + x * 3] = (y * 5) & 0xff;
      raw[row + 3 + x * 3] = ((x ^ y) * 3) & 0xff;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let app: TestApp;
let browser: Browser;
let reporter: Session;
let leader: Session;
const axe = new AxeLog();
let employee: Account;
let leaderAccount: Account;
let hrAccount: Account;
let unitId = '';
let avvikId = '';

async function login(p: Page, account: { email: string; password: string }): Promise<void> {
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse').fill(account.email);
  await p.getByLabel('Passord').fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

async function check(p: Page, label: string) {
  await axe.check(p, label);
  expect([label, await horizontalOverflow(p)]).toEqual([label, 0]);
}

describe('avvik on a phone', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    reporter = await openSession(browser, app.url, PHONE);
    leader = await openSession(browser, app.url, PHONE);
    await reporter.page.goto('/');
    const accounts = await loadDemo(reporter.context);
    const e = accounts.find((a) => a.role === 'ansatt (Hjemmetjenesten)');
    const l = accounts.find((a) => a.role === 'leder (Hjemmetjenesten)');
    const h = accounts.find((a) => a.role.startsWith('hr'));
    if (!e || !l || !h) throw new Error('the demo has no employee or leader in Hjemmetjenesten, or no HR');
    employee = e;
    leaderAccount = l;
    hrAccount = h;
    const unit = await app.server.database.db
      .selectFrom('unit')
      .select('id')
      .where('name', '=', 'Hjemmetjenesten')
      .executeTakeFirstOrThrow();
    unitId = unit.id;
  });

  afterAll(async () => {
    await reporter?.context.close();
    await leader?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. an employee reports a near miss with a photo from the QR code in at most 6 interactions', async () => {
    const page = reporter.page;
    await login(page, employee);
    // The QR code on the workplace opens the form with the place chosen.
    await page.goto(`/avvik/ny?sted=${unitId}`);
    await page.getByRole('heading', { level: 1, name: 'Meld avvik eller uønsket hendelse' }).waitFor();
    await expect.poll(() => page.getByLabel('Hvor skjedde det?').inputValue()).toBe(unitId);
    await check(page, 'meld avvik');

    let interactions = 0;
    await page.getByRole('radio', { name: 'Nesten-ulykke / uønsket hendelse (RUH)' }).check();
    interactions++;
    await page.getByLabel('Hva skjedde?').fill(DESCRIPTION);
    interactions++;
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'gulv.png', mimeType: 'image/png', buffer: png(1200, 900) });
    interactions++;
    await page.getByRole('img', { name: 'Bilde 1 fra meldingen' }).waitFor();
    await check(page, 'meld avvik med bilde');
    await page.getByRole('button', { name: 'Send melding' }).click();
    interactions++;
    expect(interactions).toBeLessThanOrEqual(6);
    await page.getByText('Takk! Meldingen er sendt.').waitFor();
    await check(page, 'melding sendt');

    const db = app.server.database.db;
    const rows = await db.selectFrom('avvik').selectAll().execute();
    expect(rows).toHaveLength(1);
    const row = rows[0];
    if (!row) throw new Error('no avvik');
    avvikId = row.id;
    const user = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', employee.email)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      category: 'ruh',
      description: DESCRIPTION,
      unit_id: unitId,
      reporter_user_id: user.id,
      anonymous: false,
      status: 'ny',
      personal_data: false,
    });
    expect(Math.abs(row.occurred_at.getTime() - Date.now())).toBeLessThan(10 * 60_000);
    const photos = await db
      .selectFrom('avvik_photo')
      .select(['mime', 'size', 'data'])
      .where('avvik_id', '=', avvikId)
      .execute();
    expect(photos).toHaveLength(1);
    const photo = photos[0];
    expect(photo?.mime).toBe('image/jpeg');
    expect(photo?.size).toBeLessThanOrEqual(500_000);
    // Re-encoded on the device: no EXIF block.
    expect(Buffer.from(photo?.data ?? []).includes(Buffer.from('Exif'))).toBe(false);
  });

  it('2. the employee sees the report under «Mine meldinger»', async () => {
    const page = reporter.page;
    await page.getByRole('link', { name: 'Se meldingen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Avvik: Nesten-ulykke/ }).waitFor();
    await page.getByText('Du får beskjed når avviket er lukket').waitFor();
    await check(page, 'mitt avvik');
    await page.goto('/avvik');
    await page.getByRole('heading', { level: 2, name: 'Mine meldinger' }).waitFor();
    await page.locator(`li[data-avvik="${avvikId}"]`).waitFor();
    await check(page, 'avvik (ansatt)');
  });

  it('2b. offline: a report waits on the device («venter på nett») and arrives exactly once when the network returns', async () => {
    const page = reporter.page;
    const db = app.server.database.db;
    await page.goto(`/avvik/ny?sted=${unitId}`);
    await page.getByRole('heading', { level: 1, name: 'Meld avvik eller uønsket hendelse' }).waitFor();
    await reporter.context.setOffline(true);
    await page.getByRole('radio', { name: 'HMS-avvik' }).check();
    await page.getByLabel('Hva skjedde?').fill(OFFLINE_DESCRIPTION);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'hylle.png', mimeType: 'image/png', buffer: png(800, 600) });
    await page.getByRole('img', { name: 'Bilde 1 fra meldingen' }).waitFor();
    await page.getByRole('button', { name: 'Send melding' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Venter på nett: 1 melding/ })
      .waitFor();
    expect(
      await db.selectFrom('avvik').select('id').where('description', '=', OFFLINE_DESCRIPTION).execute(),
    ).toEqual([]);
    await reporter.context.setOffline(false);
    await page.getByRole('status').filter({ hasText: 'Meldingen er sendt.' }).waitFor();
    await check(page, 'sendt etter nett');
    const rows = await db
      .selectFrom('avvik')
      .select(['id', 'category'])
      .where('description', '=', OFFLINE_DESCRIPTION)
      .execute();
    expect(rows).toEqual([{ id: expect.any(String), category: 'hms' }]);
    const photos = await db
      .selectFrom('avvik_photo')
      .select('mime')
      .where('avvik_id', '=', rows[0]?.id ?? '')
      .execute();
    expect(photos).toEqual([{ mime: 'image/jpeg' }]);
    // A reload (another chance to flush) sends nothing twice.
    await page.goto('/avvik');
    await page.getByRole('heading', { level: 2, name: 'Mine meldinger' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(
      await db.selectFrom('avvik').select('id').where('description', '=', OFFLINE_DESCRIPTION).execute(),
    ).toHaveLength(1);
  });

  it('3. the leader assesses it (a barrier of the risk assessment failed), adds a tiltak and closes it with a verification note', async () => {
    const page = leader.page;
    // The unit's risk assessment has a barrier against slipping (made in the risiko module).
    const dbRisk = app.server.database.db;
    const leaderId = (
      await dbRisk
        .selectFrom('user_account')
        .select('id')
        .where('email', '=', leaderAccount.email)
        .executeTakeFirstOrThrow()
    ).id;
    const organisationId = (
      await dbRisk
        .selectFrom('unit')
        .select('organisation_id')
        .where('id', '=', unitId)
        .executeTakeFirstOrThrow()
    ).organisation_id;
    const assessment = await dbRisk
      .insertInto('risk_assessment')
      .values({
        organisation_id: organisationId,
        title: 'Hjemmetjenesten',
        unit_id: unitId,
        responsible_user_id: leaderId,
        responsible_name: leaderAccount.name,
        participants: '[]',
        assessed_on: '2026-01-10',
        next_review: '2027-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const risk = await dbRisk
      .insertInto('risk_item')
      .values({
        organisation_id: organisationId,
        assessment_id: assessment.id,
        area: 'fysisk',
        title: 'Fall på vått gulv',
        initial_p: 3,
        initial_c: 3,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const barrier = await dbRisk
      .insertInto('risk_bowtie_item')
      .values({
        organisation_id: organisationId,
        risk_id: risk.id,
        kind: 'forebyggende',
        text: 'Tørkerutine ved vasken',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await login(page, leaderAccount);
    await page.goto('/avvik');
    await page.getByRole('heading', { level: 2, name: 'Til behandling' }).waitFor();
    await check(page, 'avvik (leder)');
    await page.locator(`li[data-avvik="${avvikId}"]`).getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Vurdering' }).waitFor();
    await check(page, 'avvik til behandling');

    await page.getByRole('radio', { name: /^2 Liten/ }).check();
    await page.getByLabel('Årsak').fill('Lekkasje fra vasken');
    await page
      .getByLabel('Sviktet en barriere fra risikovurderingen?')
      .selectOption({ label: 'Hjemmetjenesten – Fall på vått gulv: Tørkerutine ved vasken' });
    await page.getByRole('button', { name: 'Lagre vurdering' }).click();
    await page.getByRole('status').filter({ hasText: 'Lagret.' }).waitFor();
    expect(
      await dbRisk
        .selectFrom('risk_bowtie_item')
        .select('status')
        .where('id', '=', barrier.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'svekket' });

    await page.getByLabel('Nytt tiltak').fill(TILTAK);
    await page.getByLabel('Ansvarlig').selectOption({ label: leaderAccount.name });
    await page.getByRole('textbox', { name: 'Frist' }).fill(dmy(DUE));
    await page.getByRole('textbox', { name: 'Frist' }).press('Tab');
    await page.getByRole('button', { name: 'Legg til tiltak' }).click();
    await page
      .getByRole('region', { name: 'Tiltak' })
      .getByRole('paragraph')
      .filter({ hasText: TILTAK })
      .waitFor();
    await check(page, 'avvik med tiltak');
    // The tiltak is done: the leader marks it so before verifying that it works.
    const tiltakItem = page
      .getByRole('region', { name: 'Tiltak' })
      .getByRole('listitem')
      .filter({ hasText: TILTAK });
    await tiltakItem.getByRole('button', { name: 'Merk som utført' }).click();
    await tiltakItem.getByText(/Utført \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d/).waitFor();
    expect(await tiltakItem.getByRole('button', { name: 'Merk som utført' }).count()).toBe(0);

    await page.getByLabel(/^Verifikasjon/).fill(VERIFICATION);
    await page.getByRole('button', { name: 'Lukk avviket' }).click();
    await page.getByText(/^Lukket \d\d\.\d\d\.\d{4}/).waitFor();
    await check(page, 'avvik lukket');

    const db = app.server.database.db;
    const row = await db.selectFrom('avvik').selectAll().where('id', '=', avvikId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'lukket',
      severity: 2,
      cause: 'Lekkasje fra vasken',
      verification_note: VERIFICATION,
      risk_barrier_id: barrier.id,
    });
    const leaderUser = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', leaderAccount.email)
      .executeTakeFirstOrThrow();
    const tiltak = await db.selectFrom('avvik_tiltak').selectAll().where('avvik_id', '=', avvikId).execute();
    expect(tiltak).toEqual([
      expect.objectContaining({
        text: TILTAK,
        due: DUE,
        owner_user_id: leaderUser.id,
        done_by: leaderUser.id,
      }),
    ]);
    expect(Math.abs((tiltak[0]?.done_at?.getTime() ?? 0) - Date.now())).toBeLessThan(10 * 60_000);
    expect(row.closed_by).toBe(leaderUser.id);
    const reporterUser = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', employee.email)
      .executeTakeFirstOrThrow();
    const told = await db
      .selectFrom('notification')
      .select('user_id')
      .where('key', 'like', `event:%:avvik:${avvikId}:lukket%`)
      .execute();
    expect(told).toEqual([{ user_id: reporterUser.id }]);
  });

  it('3b. the leader sees the trends (chart and table; small injury counts masked)', async () => {
    const page = leader.page;
    await page.goto('/avvik/trender');
    await page.getByRole('heading', { level: 1, name: 'Trender i avvik' }).waitFor();
    await page.getByRole('table').waitFor();
    await page
      .getByText('1 tiltak har passert fristen.')
      .or(page.getByText('0 tiltak har passert fristen.'))
      .waitFor();
    await check(page, 'trender');
  });

  it('3c. a serious injury (aml § 5-2): the leader ticks the alarm, keeps the § 5-1 register, does the written confirmation and decides the personvernavvik; HR puts it on legal hold', async () => {
    const page = leader.page;
    const db = app.server.database.db;
    const { id } = await db
      .selectFrom('avvik')
      .select('id')
      .where('description', '=', OFFLINE_DESCRIPTION)
      .executeTakeFirstOrThrow();
    await page.goto('/avvik');
    await page.locator(`li[data-avvik="${id}"]`).getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Vurdering' }).waitFor();
    // The shelf fell on a colleague: consequence 4, notifiable, and the injury report went astray.
    await page.getByRole('radio', { name: /^4 Alvorlig/ }).check();
    await page
      .getByRole('radiogroup', { name: 'Er dette meldepliktig etter aml § 5-2?' })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await page
      .getByRole('radiogroup', { name: 'Gjelder avviket personopplysninger?' })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await page.getByRole('button', { name: 'Lagre vurdering' }).click();
    const alarm = page.getByRole('region', { name: 'Alvorlig skade eller dødsfall – gjør dette nå' });
    await alarm.waitFor();
    // Only admin and HR set a legal hold.
    expect(await page.getByRole('region', { name: 'Rettslig hold' }).count()).toBe(0);
    await check(page, 'alvorlig skade');

    // aml § 5-2: Arbeidstilsynet is called at once; the step is ticked with who and when.
    await alarm.getByRole('button', { name: 'Utført: Ring Arbeidstilsynet 73 19 97 00, tast 3' }).click();
    await alarm.getByText(`Utført av ${leaderAccount.name} `, { exact: false }).waitFor();

    // aml § 5-1: the register entry in plain words (no diagnosis); it may give benefits → the NAV task.
    const injury = page.getByRole('region', { name: 'Skaderegisteret (aml § 5-1)' });
    await injury.getByLabel('Hvilket arbeid ble utført?').fill(INJURY_WORK);
    await injury.getByLabel(/^Skaden med vanlige ord/).fill(INJURY_PLAIN);
    await injury
      .getByRole('checkbox', {
        name: 'Arbeidsulykke eller yrkessykdom som kan gi rett til ytelser (meld til NAV)',
      })
      .check();
    await injury.getByRole('button', { name: 'Lagre i skaderegisteret' }).click();
    await injury.getByRole('status').filter({ hasText: 'Lagret.' }).waitFor();
    const tasks = page.getByRole('region', { name: 'Oppgaver' });
    const navTask = tasks.getByRole('listitem').filter({ hasText: 'Meld yrkesskade til NAV' });
    await navTask.waitFor();

    // The written confirmation to Arbeidstilsynet (aml § 5-2) is sent: marked done.
    const written = tasks
      .getByRole('listitem')
      .filter({ hasText: 'Skriftlig bekreftelse til Arbeidstilsynet' });
    await written.getByRole('button', { name: 'Merk som utført' }).click();
    await written.getByText(/^Utført \d\d\.\d\d\.\d{4}/).waitFor();

    // GDPR art. 33: the breach is assessed and decided within the 72 hours.
    const privacy = page.getByRole('region', { name: 'Personvernavvik (GDPR art. 33)' });
    await privacy.getByRole('radio', { name: 'Lite sannsynlig at det gir risiko' }).check();
    await privacy.getByLabel('Hva skjedde (fakta)').fill(PRIVACY_FACTS);
    await privacy.getByRole('radio', { name: 'Meldes ikke' }).check();
    await privacy.getByLabel(/^Begrunnelse/).fill(PRIVACY_REASON);
    await privacy.getByRole('button', { name: 'Lagre personvernavvik' }).click();
    await privacy.getByRole('status').filter({ hasText: 'Lagret.' }).waitFor();
    await check(page, 'alvorlig skade behandlet');

    const leaderId = (
      await db
        .selectFrom('user_account')
        .select('id')
        .where('email', '=', leaderAccount.email)
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      await db.selectFrom('avvik').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    ).toMatchObject({
      severity: 4,
      serious: true,
      personal_data: true,
      status: 'under-behandling',
      legal_hold: false,
    });
    expect(
      await db
        .selectFrom('avvik_alarm_step')
        .select(['step', 'done_by'])
        .where('avvik_id', '=', id)
        .execute(),
    ).toEqual([{ step: 'ring-arbeidstilsynet', done_by: leaderId }]);
    const storedTasks = await db
      .selectFrom('avvik_task')
      .select(['kind', 'done_by', 'done_at'])
      .where('avvik_id', '=', id)
      .orderBy('kind')
      .execute();
    expect(storedTasks).toEqual([
      { kind: 'nav-yrkesskade', done_by: null, done_at: null },
      { kind: 'skriftlig-bekreftelse', done_by: leaderId, done_at: expect.any(Date) },
    ]);
    expect(
      await db.selectFrom('avvik_injury').selectAll().where('avvik_id', '=', id).executeTakeFirstOrThrow(),
    ).toMatchObject({
      work_task: INJURY_WORK,
      injury_description: INJURY_PLAIN,
      course_of_events: OFFLINE_DESCRIPTION,
      may_give_benefits: true,
    });
    const storedPrivacy = await db
      .selectFrom('avvik_privacy')
      .selectAll()
      .where('avvik_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(storedPrivacy).toMatchObject({
      risk: 'lite-sannsynlig',
      facts: PRIVACY_FACTS,
      decision: 'meldes-ikke',
      decision_reason: PRIVACY_REASON,
    });
    expect(storedPrivacy.decided_at).not.toBeNull();

    // HR: the injured colleague has announced a claim, so the avvik must not be anonymised.
    await leader.context.clearCookies();
    await login(page, hrAccount);
    await page.goto(`/avvik/${id}`);
    const hold = page.getByRole('region', { name: 'Rettslig hold' });
    await hold.getByRole('checkbox', { name: 'Stans sletting og anonymisering (tvist eller krav)' }).check();
    await hold.getByRole('button', { name: 'Lagre rettslig hold' }).click();
    await hold.getByRole('status').filter({ hasText: 'Lagret.' }).waitFor();
    await check(page, 'rettslig hold (HR)');
    expect(
      await db.selectFrom('avvik').select('legal_hold').where('id', '=', id).executeTakeFirstOrThrow(),
    ).toEqual({ legal_hold: true });
  });

  it('4. axe found nothing, nothing left the origin, no page errors', () => {
    expect(axe.checked.length).toBeGreaterThanOrEqual(10);
    expect(axe.violations).toEqual([]);
    expect(foreignRequests([...reporter.requests, ...leader.requests], app.url)).toEqual([]);
    expect([...reporter.pageErrors, ...leader.pageErrors]).toEqual([]);
  });
});
