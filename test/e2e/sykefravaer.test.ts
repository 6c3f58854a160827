/**
 * Sick-leave follow-up in the browser, on the demo company:
 * (1) the leader of Hjemmetjenesten registers a 100 % sykmelding for one of their people, starting
 *     the day the engine puts dialogmøte 1's 14-days-before reminder on today (34 days ago) → the
 *     case shows oppfølgingsplan overdue and dialogmøte 1 with its date (both computed here from
 *     today) → marks a milestone done → it shows done with the leader's name; a custom reminder is
 *     created and listed → the background worker (started now, as `src/worker.ts` would run beside
 *     a server with WORKER=false) runs today's sweep: the dialogmøte 1 reminder is in the leader's
 *     inbox, and its e-mail, caught by a local SMTP server, gives the due date and neither the
 *     employee's name nor any health word;
 * (2) the employee, on a phone (390×844), presses "Jeg er syk i dag", sees the policy answer and
 *     their case;
 * (3) a leader of another unit cannot open the case (the page says so, the API answers 404);
 * (4) the employee's access log shows the leader's visit.
 * Axe on every page and dialog visited; no request leaves the app's origin.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, diffDays, formatNorwegian } from '../../src/domain/calendar/index.ts';
import { beregnPlan } from '../../src/domain/sykefravaer/index.ts';
import type { AppWorker } from '../../src/modules/notifications/index.ts';
import { formatShortDate } from '../../src/modules/notifications/messages.ts';
import { decodedText } from '../notifications/support/mime.ts';
import { type SmtpSink, startSmtpSink } from '../notifications/support/smtp-sink.ts';
import { startApp, startWorker, type TestApp } from './support/app.ts';
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
  textOf,
} from './support/browser.ts';

type Account = { role: string; name: string; email: string; password: string };

let app: TestApp;
let browser: Browser;
let s: Session;
let page: Page;
let phone: Session | undefined;
const axe = new AxeLog();
let accounts: Account[] = [];
let leader: Account;
let employee: Account;
let employeeId = '';
let sink: SmtpSink;
let worker: AppWorker | undefined;

/** Today in Norway, as the server counts deadlines. */
const today = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
/**
 * The first day of the sykmelding: the latest one (at least 28 days ago, so the oppfølgingsplan is
 * overdue) for which the engine sends a dialogmøte 1 reminder today — 14 days before its due date.
 */
const start = (() => {
  for (let daysAgo = 28; daysAgo <= 60; daysAgo++) {
    const first = addDays(today, -daysAgo);
    const plan = beregnPlan({
      periods: [{ type: 'sykmelding', grade: 100, start: first, end: addDays(today, 30) }],
    });
    const dm1 = plan.followUp?.milestones.find((m) => m.key === 'dialogmote1');
    if (dm1?.reminders.includes(today)) return first;
  }
  throw new Error('no start gives a dialogmøte 1 reminder today');
})();
const dm1Due = addDays(start, 48);
const dmy = (iso: string) => formatNorwegian(iso);

/** Words that would tell a reader of the e-mail about the employee's health or which deadline it is. */
const HEALTH_WORDS =
  /diagnos|sykmeld|egenmeld|gradert|\d+\s?%|dialogm(ø|o)te|oppf(ø|o)lgingsplan|aktivitetsplikt|lege|syk(e|dom)?\b/i;

/** A header of a raw message as text: unfolded, RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) decoded. */
function subjectOf(raw: string): string {
  const folded = /^Subject:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1] ?? '';
  return folded
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

async function login(p: Page, account: { email: string; password: string }): Promise<void> {
  // A fresh history entry: the login page then goes to the front page, not back to a page that was
  // open when the previous user logged out.
  await p.goto('about:blank');
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse').fill(account.email);
  await p.getByLabel('Passord').fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

async function logout(p: Page): Promise<void> {
  await p.getByRole('button', { name: /Brukermeny$/ }).click();
  await p.getByRole('menuitem', { name: 'Logg ut' }).click();
  await p.waitForURL('**/logg-inn');
}

async function csrf(context: BrowserContext): Promise<string> {
  return ((await (await context.request.get('/api/v1/session')).json()) as { csrfToken: string }).csrfToken;
}

function milestone(p: Page, key: string) {
  return p.locator(`li.sf-milestone[data-key="${key}"]`);
}

describe('sick-leave follow-up in the browser', () => {
  beforeAll(async () => {
    sink = await startSmtpSink();
    // E-mail goes to the local SMTP server; the worker starts later in the journey (startWorker).
    app = await startApp({ env: { SMTP_URL: sink.url, WORKER: 'false' } });
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    page = s.page;
    await page.goto('/');
    accounts = await loadDemo(s.context);
    leader = accounts.find((a) => a.role === 'leder (Hjemmetjenesten)')!;
    employee = accounts.find((a) => a.role === 'ansatt (Hjemmetjenesten)')!;
    expect(leader).toBeDefined();
    expect(employee).toBeDefined();
  });

  afterAll(async () => {
    await phone?.context.close();
    await s?.context.close();
    await browser?.close();
    await worker?.stop();
    await app?.close();
    await sink?.close();
  });

  it('1. the leader registers a sykmelding, follows up the milestones and gets the dialogmøte 1 reminder', async () => {
    await login(page, leader);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('link', { name: 'Sykefravær', exact: true }).waitFor();
    await nav.getByRole('link', { name: 'Mitt fravær', exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Sykefravær', exact: true }).waitFor();
    await page.getByText('Frister denne uken').waitFor();
    await page.getByRole('link', { name: 'Varsler' }).waitFor();
    await axe.check(page, 'forside (leder, sykefravær)');
    await screenshot(page, '19-forside-leder');

    // The employee, from "Mine medarbeidere".
    await nav.getByRole('link', { name: 'Mine medarbeidere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine medarbeidere' }).waitFor();
    await page.getByLabel('Søk etter navn eller e-post').fill(employee.email);
    await page.getByText('Viser 1–1 av 1').waitFor();
    await page.getByRole('link', { name: employee.name }).click();
    await page.getByRole('heading', { level: 1, name: employee.name }).waitFor();
    // The tab title is neutral: it shows in the browser history and in screen shares (issue 10).
    await expect.poll(() => page.title()).toBe('Ansatt – Nærvær');
    await page.getByRole('link', { name: `Åpne sykefraværet til ${employee.name}` }).click();
    await page.getByRole('heading', { level: 1, name: employee.name }).waitFor();
    await expect.poll(() => page.title()).toBe('Sykefravær – Nærvær');
    for (const part of employee.name.split(' ')) expect(await page.title()).not.toContain(part);
    employeeId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(employeeId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByText('Det er ikke registrert noe sykefravær.').waitFor();
    await page.getByText('Enhet: Hjemmetjenesten').waitFor();
    await axe.check(page, 'sykefravær (tom sak)');

    // Register the sykmelding: 100 %, from `start`, a month ahead (past the 7 weeks of dialogmøte 1).
    await page.getByRole('button', { name: 'Registrer fravær' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByLabel('Type fravær').inputValue()).toBe('sykmelding');
    expect(await dialog.getByLabel('Sykmeldingsgrad (%)').inputValue()).toBe('100');
    await dialog.getByLabel('Fra og med').fill(dmy(start));
    await dialog.getByLabel('Til og med').fill(dmy(addDays(today, 30)));
    await axe.check(page, 'registrer fravær (dialog)');
    await screenshot(page, '20-registrer-fravaer');
    await dialog.getByRole('button', { name: 'Registrer', exact: true }).click();
    await page.getByText('Fraværet er registrert, og fristene er regnet ut.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    // The milestones, with dates computed here from today.
    const plan = milestone(page, 'oppfolgingsplan');
    await plan.waitFor();
    const planText = await textOf(plan);
    expect(planText).toContain('Forfalt');
    expect(planText).toContain(dmy(addDays(start, 27)));
    expect(planText).toContain(`Forfalt for ${diffDays(today, addDays(start, 27))} dager siden`);
    const dm1 = await textOf(milestone(page, 'dialogmote1'));
    expect(dm1).toContain(dmy(dm1Due));
    expect(dm1).toContain(`Om ${diffDays(dm1Due, today)} dager`);
    expect(dm1).not.toContain('Forfalt');
    // The summary and the timeline (with today marked, and its list for screen readers).
    const summary = await textOf(page.locator('section[aria-labelledby="sf-summary-heading"]'));
    expect(summary).toContain(dmy(start));
    expect(summary).toContain('100 %');
    await page.locator('.sf-timeline').waitFor();
    expect(await page.locator('.sf-tl-today').count()).toBe(1);
    const spoken = await textOf(page.getByRole('list', { name: /Tidslinjen som liste/ }));
    expect(spoken).toContain(`Sykmelding 100 % fra ${dmy(start)}`);
    expect(spoken).toContain(`I dag er ${dmy(today)}`);
    // Free text: never a diagnosis.
    await axe.check(page, 'sykefravær (sak)');
    await screenshot(page, '21-sak');

    // Mark the oppfølgingsplan as done.
    await page.getByRole('button', { name: 'Marker som gjort: Oppfølgingsplan' }).click();
    await dialog.waitFor();
    await dialog.getByText('Ikke skriv diagnose eller andre helseopplysninger.').waitFor();
    await dialog.getByLabel(/Hva ble gjort\?/).fill('Planen er laget sammen og sendt til legen.');
    await axe.check(page, 'marker som gjort (dialog)');
    await dialog.getByRole('button', { name: 'Marker som gjort', exact: true }).click();
    await page.getByText('«Oppfølgingsplan» er markert som gjort.').waitFor();
    const done = await textOf(milestone(page, 'oppfolgingsplan'));
    expect(done).toContain('Gjort');
    expect(done).toContain(`av ${leader.name}`);
    expect(done).toContain('Planen er laget sammen og sendt til legen.');
    await page.getByRole('button', { name: 'Angre: Oppfølgingsplan' }).waitFor();

    // "Åpenbart unødvendig" needs a reason.
    await page.getByRole('button', { name: 'Åpenbart unødvendig: Dialogmøte 1' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Lagre vurderingen' }).click();
    await dialog.getByText('Skriv hvorfor det er åpenbart unødvendig.').first().waitFor();
    await axe.check(page, 'åpenbart unødvendig (feil)');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'detached' });

    // A custom reminder on the case, listed there and in the inbox page.
    const reminderDate = addDays(today, 3);
    await page.getByLabel('Påminn meg').fill(dmy(reminderDate));
    await page.getByLabel('Hva vil du bli minnet på?').fill('Ring og hør hvordan det går');
    await page.getByRole('button', { name: 'Lag påminnelse' }).click();
    await page.getByText(`Påminnelsen er lagret. Du blir minnet på den ${dmy(reminderDate)}.`).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Ring og hør hvordan det går' });
    expect(await textOf(row)).toContain(dmy(reminderDate));
    await axe.check(page, 'sykefravær (påminnelse)');
    await screenshot(page, '22-sak-gjort');

    // The list: the person, the next deadline (dialogmøte 1) as a tag.
    await nav.getByRole('link', { name: 'Sykefravær', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sykefravær' }).waitFor();
    const listRow = page.getByRole('row').filter({ hasText: employee.name });
    await listRow.waitFor();
    const listText = await textOf(listRow);
    expect(listText).toContain('Dialogmøte 1');
    expect(listText).toContain(dmy(addDays(start, 48)));
    await axe.check(page, 'sykefraværsliste');
    await screenshot(page, '23-liste');

    // "Mine oppgaver": the routine's oppfølgingsplan task (due S+27) is overdue.
    await nav.getByRole('link', { name: 'Mine oppgaver', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
    const taskRow = page.locator('tr[data-kind="task"][data-key="oppfolgingsplan"]');
    await taskRow.waitFor();
    expect(await taskRow.getAttribute('data-state')).toBe('overdue');
    const taskText = await textOf(taskRow);
    expect(taskText).toContain('Lag oppfølgingsplanen sammen med den ansatte');
    expect(taskText).toContain(dmy(addDays(start, 27)));
    expect(taskText).toContain(employee.name);
    await axe.check(page, 'mine oppgaver');

    // The inbox: the reminder is listed under "Påminnelser".
    await page.getByRole('link', { name: /^Varsler/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Ring og hør hvordan det går' }).waitFor();
    // The reminder for dialogmøte 1 is due today, but no sweep has run since the sykmelding was
    // registered (the worker is not running yet): not yet.
    expect(
      await page
        .locator('.nf-list')
        .getByText(/dialogmøte 1/i)
        .count(),
    ).toBe(0);
    await axe.check(page, 'varsler');

    // The case on a phone: no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/sykefravaer/${employeeId}`);
    await milestone(page, 'dialogmote1').waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, '24-sak-mobil');
    expect(await horizontalOverflow(page), (await overflowingElements(page)).join('\n')).toBeLessThanOrEqual(
      0,
    );
    await axe.check(page, 'sykefravær (sak, mobil)');
    for (const path of [`/sykefravaer/${employeeId}`, '/sykefravaer', '/varsler', '/']) {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(
        await horizontalOverflow(page),
        `${path} at 360 px: ${(await overflowingElements(page)).join(', ')}`,
      ).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // The worker starts and runs today's sweep: the dialogmøte 1 reminder reaches the leader by e-mail
    // (through the local SMTP server) …
    worker = startWorker(app);
    const dueDay = formatShortDate(dm1Due, 'nb', today);
    const mailTo = () => sink.messages.filter((m) => m.to.includes(leader.email));
    for (let i = 0; i < 300 && !mailTo().some((m) => decodedText(m.raw).includes(dueDay)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const mails = mailTo();
    const reminderMail = mails.find((m) => decodedText(m.raw).includes(dueDay));
    expect(reminderMail, `no e-mail about ${dueDay} among ${mails.length}`).toBeDefined();
    const subject = subjectOf(reminderMail?.raw ?? '');
    const body = decodedText(reminderMail?.raw ?? '');
    expect(subject).toBe('Du har en frist i sykefraværsoppfølgingen');
    expect(body).toContain(`Du har en frist i sykefraværsoppfølgingen ${dueDay}.`);
    // … and no e-mail to anyone names the employee or says anything about health or the milestone.
    for (const m of sink.messages) {
      const text = `${subjectOf(m.raw)}\n${decodedText(m.raw)}`;
      for (const part of employee.name.split(' ')) expect(text).not.toContain(part);
      expect(text).not.toMatch(HEALTH_WORDS);
    }

    // … and is in the inbox, with the milestone and its date (behind the login).
    await page.goto('/varsler');
    await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
    const inboxReminder = page
      .locator('.nf-list')
      .getByText(/dialogmøte 1/i)
      .first();
    await inboxReminder.waitFor();
    const inboxText = await textOf(page.locator('.nf-list'));
    expect(inboxText).toContain(formatShortDate(dm1Due, 'nb', today));
    await axe.check(page, 'varsler (påminnelse om dialogmøte 1)');
    await screenshot(page, '25-varsler-dialogmote1');
    await logout(page);
  });

  it('2. the employee reports “Jeg er syk i dag” on a phone and sees the policy answer and their case', async () => {
    phone = await openSession(browser, app.url, { width: 390, height: 844 });
    const p = phone.page;
    await login(p, employee);
    await p.getByRole('button', { name: 'Hovedmeny' }).click();
    await p.getByRole('menuitem', { name: 'Mitt fravær' }).click();
    await p.getByRole('heading', { level: 1, name: 'Mitt fravær' }).waitFor();
    const sick = p.getByRole('button', { name: 'Jeg er syk i dag' });
    await sick.waitFor();
    // She is on a 100 % sykmelding today: the button comes after her case, as a secondary one (issue 10).
    expect(await sick.getAttribute('data-variant')).toBe('secondary');
    await p.getByText('Du er sykmeldt 100 % i dag', { exact: false }).waitFor();
    // Still a big button: the whole width of the phone, easy to hit.
    const box = await sick.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
    await axe.check(p, 'mitt fravær (mobil)');
    await screenshot(p, '30-mitt-fravaer');

    await sick.click();
    await p.getByRole('heading', { level: 3, name: `Egenmelding ${dmy(today)} (1 dag)` }).waitFor();
    const verdict = p
      .getByRole('heading', { level: 3 })
      .filter({ hasText: /Egenmeldingen (din )?dekkes (ikke )?av virksomhetens regler/ });
    await verdict.waitFor();
    await axe.check(p, 'mitt fravær: sjekk (mobil)');
    await screenshot(p, '31-egenmelding-sjekk');
    // Not covered — she already has a sykmelding for today: the reason and what to do instead.
    expect(await textOf(verdict)).toMatch(/^Egenmeldingen dekkes ikke/);
    await p.getByText('Snakk med lederen din.', { exact: false }).waitFor();
    expect(await p.getByRole('button', { name: 'Bekreft egenmeldingen' }).count()).toBe(0);
    await p.getByRole('button', { name: 'Avbryt' }).click();

    // Her case, in plain words.
    await p.getByRole('heading', { level: 2, name: 'Sykefraværet ditt' }).waitFor();
    await p.getByText(`Du har vært borte siden ${dmy(start)}.`).waitFor();
    await p.getByText(`Innen ${dmy(addDays(start, 48))} har dere et dialogmøte`, { exact: false }).waitFor();
    await p.waitForLoadState('networkidle');
    expect(await horizontalOverflow(p), (await overflowingElements(p)).join('\n')).toBeLessThanOrEqual(0);
    await axe.check(p, 'mitt fravær: saken (mobil)');
    await screenshot(p, '32-mitt-fravaer-sak');
  });

  it('2b. an employee with no sick leave confirms «Jeg er syk i dag» on a phone; the egenmelding is stored for today', async () => {
    // The verneombud of Helse og omsorg is an employee too, with no absence in the demo.
    const healthy = accounts.find((a) => a.role.startsWith('verneombud'))!;
    const ctx = await browser.newContext({ baseURL: app.url, viewport: { width: 390, height: 844 } });
    try {
      const p = await ctx.newPage();
      await login(p, healthy);
      await p.goto('/mitt-fravaer');
      await p.getByRole('heading', { level: 1, name: 'Mitt fravær' }).waitFor();
      await p.getByRole('button', { name: 'Jeg er syk i dag' }).click();
      const verdict = p
        .getByRole('heading', { level: 3 })
        .filter({ hasText: /Egenmeldingen (din )?dekkes (ikke )?av virksomhetens regler/ });
      await verdict.waitFor();
      expect(await textOf(verdict)).toMatch(/^Egenmeldingen din dekkes/);
      await axe.check(p, 'mitt fravær: egenmelding dekkes (mobil)');
      await p.getByRole('button', { name: 'Bekreft egenmeldingen' }).click();
      await p.getByText('Egenmeldingen er registrert. God bedring!').waitFor();
      const db = app.server.database.db;
      const member = await db
        .selectFrom('user_account')
        .innerJoin('membership', 'membership.user_id', 'user_account.id')
        .select('membership.employee_id')
        .where('user_account.email', '=', healthy.email)
        .executeTakeFirstOrThrow();
      const periods = await db
        .selectFrom('absence_period')
        .select(['type', 'start_date', 'end_date'])
        .where('employee_id', '=', member.employee_id ?? '')
        .execute();
      expect(
        periods.map((r) => ({ type: r.type, start: String(r.start_date), end: String(r.end_date) })),
      ).toEqual([{ type: 'egenmelding', start: today, end: today }]);
    } finally {
      await ctx.close();
    }
  });

  it('4. the employee’s access log shows the leader’s visit', async () => {
    const p = phone!.page;
    await p.getByRole('link', { name: 'Hvem har åpnet saken min?' }).click();
    await p.getByRole('heading', { level: 1, name: 'Hvem har åpnet saken min' }).waitFor();
    const log = p.getByRole('list', { name: /Hvem har åpnet saken/ });
    await log.waitFor();
    const text = await textOf(log);
    expect(text).toContain(leader.name);
    expect(text).toContain('Leder');
    expect(await horizontalOverflow(p), (await overflowingElements(p)).join('\n')).toBeLessThanOrEqual(0);
    await axe.check(p, 'hvem har åpnet saken min (mobil)');
    await screenshot(p, '33-innsyn');
    await logout(p);
  });

  it('3. a leader of another unit cannot open the case: the page says so, the API answers 404', async () => {
    // The admin gives the leader of Solbakken sykehjem a login.
    const admin = accounts.find((a) => a.role.startsWith('admin'))!;
    await login(page, admin);
    const units = (
      (await (await page.request.get('/api/v1/units')).json()) as { items: { id: string; name: string }[] }
    ).items;
    const sykehjem = units.find((u) => u.name === 'Solbakken sykehjem')!;
    const staff = (
      (await (await page.request.get(`/api/v1/employees?unitId=${sykehjem.id}&pageSize=100`)).json()) as {
        items: { id: string; name: string; leaderId: string | null }[];
      }
    ).items;
    const ids = new Set(staff.map((e) => e.id));
    const otherLeader = staff.find(
      (e) => staff.some((x) => x.leaderId === e.id) && !ids.has(e.leaderId ?? ''),
    )!;
    expect(otherLeader).toBeDefined();
    const other = { email: 'annen.leder@fjordvik.example', password: 'et langt passord 2026' };
    const created = await page.request.post('/api/v1/users', {
      headers: { 'x-csrf-token': await csrf(s.context) },
      data: {
        name: otherLeader.name,
        email: other.email,
        password: other.password,
        roles: ['leder'],
        employeeId: otherLeader.id,
      },
    });
    expect(created.status(), await created.text()).toBe(201);

    // The admin's own pages: who has opened the case, the settings, the failed jobs.
    await page.goto(`/sykefravaer/${employeeId}`);
    await milestone(page, 'oppfolgingsplan').waitFor();
    await page.getByRole('button', { name: 'Bekreft/endre' }).click();
    await page.getByRole('dialog').getByLabel('Siste dag i arbeidsgiverperioden').waitFor();
    expect(await page.getByRole('dialog').getByLabel('Siste dag i arbeidsgiverperioden').inputValue()).toBe(
      dmy(addDays(start, 15)),
    );
    await axe.check(page, 'arbeidsgiverperioden (dialog)');
    await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();

    // Someone else changes the case first (confirms the AGP in another tab): this tab's save gets the
    // server's message and "Hent siste versjon", and what was typed is kept.
    const dialog = page.getByRole('dialog');
    await page.getByRole('button', { name: 'Registrer fravær' }).click();
    await dialog.getByLabel('Type fravær').selectOption('ferie');
    await dialog.getByLabel('Fra og med').fill(dmy(addDays(today, 40)));
    await dialog.getByLabel('Til og med').fill(dmy(addDays(today, 44)));
    const tab = await s.context.newPage();
    await tab.goto(`/sykefravaer/${employeeId}`);
    await tab.getByRole('button', { name: 'Bekreft/endre' }).click();
    await tab.getByRole('dialog').getByRole('button', { name: 'Bekreft' }).click();
    await tab.getByText('Arbeidsgiverperioden er lagret.').waitFor();
    await tab.close();
    await dialog.getByRole('button', { name: 'Registrer', exact: true }).click();
    await dialog.getByText('Noen andre har endret dette i mellomtiden.', { exact: false }).waitFor();
    await axe.check(page, 'registrer fravær (konflikt)');
    await screenshot(page, '41-konflikt');
    await dialog.getByRole('button', { name: 'Hent siste versjon' }).click();
    await dialog.getByText('Du ser nå siste versjon av saken.', { exact: false }).waitFor();
    expect(await dialog.getByLabel('Type fravær').inputValue()).toBe('ferie');
    expect(await dialog.getByLabel('Fra og med').inputValue()).toBe(dmy(addDays(today, 40)));
    expect(await dialog.getByLabel('Til og med').inputValue()).toBe(dmy(addDays(today, 44)));
    await page.getByText('(bekreftet)').waitFor();
    await dialog.getByRole('button', { name: 'Registrer', exact: true }).click();
    await page.getByText('Fraværet er registrert, og fristene er regnet ut.').waitFor();
    await page.getByRole('row').filter({ hasText: 'Ferie eller permisjon' }).waitFor();
    await page.getByRole('link', { name: 'Hvem har åpnet saken?' }).click();
    await page.getByRole('heading', { level: 1, name: `Hvem har åpnet saken: ${employee.name}` }).waitFor();
    expect(await textOf(page.getByRole('list', { name: /Hvem har åpnet saken/ }))).toContain(leader.name);
    await axe.check(page, 'hvem har åpnet saken (admin)');

    await page.goto('/innstillinger');
    await page.getByRole('heading', { level: 2, name: 'Sykefravær', exact: true }).waitFor();
    await page.getByRole('radio', { name: /Utvidet \(8 dager, 24 dager per 12 måneder\)/ }).check();
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByText('Innstillingene for sykefravær er lagret.').waitFor();
    await page.getByRole('radio', { name: 'Egendefinert' }).check();
    await page.getByLabel('Dager hver gang (1–16)').fill('20');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.locator('.aksel-error-summary').getByText('Skriv et helt tall fra 1 til 16.').waitFor();
    await axe.check(page, 'innstillinger (sykefravær, feil)');
    await page.getByRole('radio', { name: /Utvidet/ }).check();
    await page.getByRole('button', { name: 'Lag kalenderlenke' }).click();
    const feed = page.getByLabel('Kalenderlenken din');
    await feed.waitFor();
    expect(await feed.inputValue()).toMatch(/\/api\/v1\/calendar\/.+\.ics$/);
    await page.getByRole('button', { name: 'Kopier lenken' }).waitFor();
    await axe.check(page, 'innstillinger (kalenderlenke)');
    await screenshot(page, '40-innstillinger');
    await page.getByRole('button', { name: 'Slå av kalenderlenken' }).click();
    await page.getByText('Kalenderlenken er slått av.', { exact: false }).waitFor();
    expect(await page.getByLabel('Kalenderlenken din').count()).toBe(0);

    await page.getByRole('link', { name: 'Drift: jobber som har feilet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Drift' }).waitFor();
    await axe.check(page, 'drift');
    await logout(page);

    await login(page, other);
    await page.goto(`/sykefravaer/${employeeId}`);
    await page.getByText('Fant ikke sykefraværet.', { exact: false }).waitFor();
    expect(await page.locator('li.sf-milestone').count()).toBe(0);
    expect(await page.getByText(employee.name).count()).toBe(0);
    const res = await page.request.get(`/api/v1/sykefravaer/employees/${employeeId}`);
    expect(res.status()).toBe(404);
    // Not in their list either.
    await page.goto('/sykefravaer');
    await page.getByRole('heading', { level: 1, name: 'Sykefravær' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(employee.name).count()).toBe(0);
    await axe.check(page, 'sykefravær (annen leder)');
    await logout(page);
  });

  it('made no request outside its own origin, had no page errors, and axe found no violations', () => {
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(foreignRequests(phone?.requests ?? [], app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(phone?.pageErrors ?? []).toEqual([]);
    expect(axe.checked.length).toBeGreaterThan(15);
    expect(axe.violations, axe.violations.join('\n')).toEqual([]);
  });
});
