/**
 * Sykefraværsstatistikk in the browser, on the demo municipality, with the database as the judge:
 * (1) absence is registered for people in Solbakken sykehjem and Hjemmetjenesten in the last
 *     completed quarter, and a small unit «Kantina» with 2 people is added; HR opens
 *     «Sykefraværsstatistikk» from the main menu with the mouse: the organisation's rate is the one
 *     the statistics function computes from the stored data, «Kantina» shows «Skjult (færre enn 5)»,
 *     and the units that would reveal a small group (Helse og omsorg's 4 own people, Oppvekst's 3,
 *     the organisation's 2 in Kantina) hide one more unit each; the masking rule is explained;
 * (2) HR picks the quarter before by keyboard; then sets the daily cost to 2 500 kr by keyboard →
 *     `statistikk_setting` holds 2 500, and the cost estimate follows;
 * (3) on a phone (390×844): no horizontal scrolling, the tables scroll inside their own regions;
 * (4) the leader of Hjemmetjenesten sees only that unit — hidden, like for everyone;
 * (5) ★ oppfølging innen fristen: six long cases in Solbakken sykehjem (plans 4 of 6 in time,
 *     dialogmøte 1 2 of 6) show as a chart and a table with the numbers the KPI function computes
 *     from the stored data; the units with no counted case are hidden;
 * (6) HR imports NAV's published rates: a bad file is refused naming the line (nothing stored), the
 *     good one is stored (`statistikk_benchmark`, its import naming the file) and shown beside the
 *     organisation's legemeldt rate with the quarter and the source named.
 * Axe on every page visited; no request leaves the app's origin; no page errors.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar/index.ts';
import {
  beregnOppfolging,
  beregnStatistikk,
  previousQuarter,
  quarterOf,
  quarterRange,
  quartersEndingWith,
} from '../../src/domain/statistikk/index.ts';
import { loadOppfolgingInput, loadStatistikkInput } from '../../src/modules/statistikk/index.ts';
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
let leaderSession: Session | undefined;
const axe = new AxeLog();
let hr: Account;
let leader: Account;
let orgId: string;

const today = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
const QUARTER = previousQuarter(quarterOf(today));
const EARLIER = previousQuarter(QUARTER);

const nbPercent = (v: number | null) =>
  v === null
    ? '–'
    : `${new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v)} %`;
const quarterLabel = (q: string) => `${q.slice(5)}. kvartal ${q.slice(0, 4)}`;

async function login(p: Page, account: { email: string; password: string }): Promise<void> {
  await p.goto('about:blank');
  await p.goto('/logg-inn');
  await p.getByLabel('E-postadresse').fill(account.email);
  await p.getByLabel('Passord').fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

/** The stored data through the statistics function, as the API computes it. */
async function expected(quarter: string) {
  const quarters = quartersEndingWith(quarter, 8);
  const input = await loadStatistikkInput(
    app.server.database.db,
    orgId,
    quarters,
    quartersEndingWith(quarter, 4)[0] ?? quarter,
  );
  return beregnStatistikk(input);
}

/** The row of a unit in the «per enhet» table. */
const unitRow = (p: Page, name: string) =>
  p
    .getByRole('region', { name: 'Tabell: Sykefravær per enhet' })
    .getByRole('row')
    .filter({ has: p.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });

describe('statistikk in the browser', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    page = s.page;
    await page.goto('/');
    const accounts = await loadDemo(s.context);
    hr = accounts.find((a) => a.role.startsWith('hr')) as Account;
    leader = accounts.find((a) => a.role.startsWith('leder')) as Account;
    expect(hr).toBeDefined();
    expect(leader).toBeDefined();

    // Absence in the last completed quarter, and a small unit of two (seeded in the database).
    const db = app.server.database.db;
    const org = await db.selectFrom('organisation').select('id').executeTakeFirstOrThrow();
    orgId = org.id;
    const units = await db
      .selectFrom('unit')
      .select(['id', 'name'])
      .where('organisation_id', '=', orgId)
      .execute();
    const unitId = (name: string) => units.find((u) => u.name === name)?.id ?? '';
    const people = async (name: string) =>
      db
        .selectFrom('employee')
        .select('id')
        .where('organisation_id', '=', orgId)
        .where('unit_id', '=', unitId(name))
        .orderBy('name')
        .execute();
    const { start } = quarterRange(QUARTER);
    const sykehjem = await people('Solbakken sykehjem');
    const hjemme = await people('Hjemmetjenesten');
    const periods = [
      ...sykehjem.slice(3, 6).map((e, i) => ({
        employee_id: e.id,
        type: 'sykmelding' as const,
        start_date: addDays(start, 7 + i),
        end_date: addDays(start, 7 + i + 20),
        grade: i === 0 ? 50 : 100,
      })),
      ...hjemme.slice(3, 5).map((e, i) => ({
        employee_id: e.id,
        type: 'egenmelding' as const,
        start_date: addDays(start, 30 + i),
        end_date: addDays(start, 32 + i),
        grade: null,
      })),
    ];
    // A period belongs to the employee's follow-up record (as the sick-leave module writes them).
    await db
      .insertInto('sykefravaer_followup')
      .values(
        [...new Set(periods.map((p) => p.employee_id))].map((id) => ({
          organisation_id: orgId,
          employee_id: id,
        })),
      )
      .execute();
    await db
      .insertInto('absence_period')
      .values(periods.map((p) => ({ organisation_id: orgId, ...p })))
      .execute();
    // ★ Six long cases in Solbakken sykehjem starting on the quarter's 3rd day (plan due on day 30,
    // dialogmøte 1 on day 51, both in the quarter): plans 4 in time, 1 late, 1 not made; dialogmøter
    // 2 in time — the records the documents write, on chosen days.
    const longCases = sykehjem.slice(6, 12);
    expect(longCases).toHaveLength(6);
    await db
      .insertInto('sykefravaer_followup')
      .values(longCases.map((e) => ({ organisation_id: orgId, employee_id: e.id })))
      .execute();
    const caseStart = addDays(start, 2);
    await db
      .insertInto('absence_period')
      .values(
        longCases.map((e) => ({
          organisation_id: orgId,
          employee_id: e.id,
          type: 'sykmelding' as const,
          start_date: caseStart,
          end_date: addDays(caseStart, 60),
          grade: 100,
        })),
      )
      .execute();
    const record = (employeeId: string, key: 'oppfolgingsplan' | 'dialogmote1', day: string) => ({
      organisation_id: orgId,
      employee_id: employeeId,
      case_start: caseStart,
      milestone_key: key,
      kind: 'done' as const,
      recorded_at: `${day}T12:00:00+01:00`,
    });
    const ids = longCases.map((e) => e.id);
    await db
      .insertInto('milestone_record')
      .values([
        ...ids.slice(0, 4).map((id) => record(id, 'oppfolgingsplan', addDays(caseStart, 20))),
        record(ids[4] as string, 'oppfolgingsplan', addDays(caseStart, 35)),
        ...ids.slice(0, 2).map((id) => record(id, 'dialogmote1', addDays(caseStart, 40))),
      ])
      .execute();
    const kantina = await db
      .insertInto('unit')
      .values({ organisation_id: orgId, name: 'Kantina', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('employee')
      .values(
        ['Kari Kokk', 'Ole Oppvask'].map((name) => ({
          organisation_id: orgId,
          name,
          employment_start: '2020-01-01',
          unit_id: kantina.id,
        })),
      )
      .execute();
  });

  afterAll(async () => {
    await phone?.context.close();
    await leaderSession?.context.close();
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('1. HR opens the statistics: the computed rate, a masked small unit, the rule explained', async () => {
    await login(page, hr);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('link', { name: 'Sykefraværsstatistikk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sykefraværsstatistikk' }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: new RegExp(`Nøkkeltall for ${quarterLabel(QUARTER)}`) })
      .waitFor();

    const out = await expected(QUARTER);
    const block = out.quarters.at(-1);
    const orgFigures = block?.organisation;
    if (orgFigures === undefined || orgFigures.masked) throw new Error('the organisation should be shown');
    expect(orgFigures.population).toBe(122);
    expect(orgFigures.tapteDagsverk.total).toBeGreaterThan(0);
    const keyFigures = page.locator('dl.statistikk-figures');
    expect(await textOf(keyFigures.locator('dd.statistikk-big'))).toBe(nbPercent(orgFigures.prosent.total));

    // Masking: Kantina (2) by population; Administrasjon og drift, Hjemmetjenesten and Fjordvik skole
    // because their parent minus them would reveal 2, 4 and 3 persons.
    const state = Object.fromEntries(
      (block?.units ?? []).map((u) => [u.name, u.masked ? u.maskReason : 'shown']),
    );
    expect(state).toEqual({
      'Administrasjon og drift': 'complementary',
      'Fjordvik skole': 'complementary',
      'Helse og omsorg': 'shown',
      Hjemmetjenesten: 'complementary',
      Kantina: 'population',
      Oppvekst: 'shown',
      'Solbakken sykehjem': 'shown',
    });
    expect(await textOf(unitRow(page, 'Kantina'))).toContain('Skjult (færre enn 5)');
    expect(await textOf(unitRow(page, 'Hjemmetjenesten'))).toContain(
      'Skjult (ville avslørt en liten gruppe)',
    );
    const sykehjem = block?.units.find((u) => u.name === 'Solbakken sykehjem');
    if (sykehjem === undefined || sykehjem.masked) throw new Error('Solbakken sykehjem should be shown');
    expect(await textOf(unitRow(page, 'Solbakken sykehjem'))).toContain(nbPercent(sykehjem.prosent.total));
    // No figure of a masked unit anywhere on the page.
    expect(await textOf(unitRow(page, 'Kantina'))).not.toMatch(/\d+,\d %/);
    await page
      .getByRole('heading', { level: 2, name: 'Grupper med færre enn 5 personer vises ikke' })
      .waitFor();
    // Every chart has a table of the same numbers.
    for (const name of ['Sykefravær per enhet', 'Sykefravær per kvartal', 'Korttid og langtid']) {
      await page
        .getByRole('region', { name: `Tabell: ${name}` })
        .getByRole('table')
        .waitFor();
    }
    // The charts load in their own chunk (the three of the rates and the ★ follow-up chart).
    await expect.poll(() => page.locator('.statistikk-chart .recharts-wrapper').count()).toBe(4);
    await axe.check(page, 'statistikk (HR)');
    await screenshot(page, '70-statistikk');
  });

  it('2. HR picks the quarter before and sets the daily cost, by keyboard', async () => {
    await page.getByLabel('Kvartal', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page
      .getByRole('heading', { level: 2, name: new RegExp(`Nøkkeltall for ${quarterLabel(EARLIER)}`) })
      .waitFor();
    await axe.check(page, 'statistikk (kvartalet før)');

    const presses = await tabUntil(page, (el) => el.id === 'felt-dailyCost', 160);
    expect(presses).toBeGreaterThan(0);
    await page.keyboard.type('2500');
    await page.keyboard.press('Enter');
    await page.getByText('Kostnaden er lagret.').waitFor();
    const row = await app.server.database.db
      .selectFrom('statistikk_setting')
      .select('daily_cost')
      .where('organisation_id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(row.daily_cost).toBe(2500);
    const audit = await app.server.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'statistikk_setting')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['update']);

    // Back to the last completed quarter: the estimate is tapte dagsverk × 2 500.
    await page.getByLabel('Kvartal', { exact: true }).selectOption(QUARTER);
    await page
      .getByRole('heading', { level: 2, name: new RegExp(`Nøkkeltall for ${quarterLabel(QUARTER)}`) })
      .waitFor();
    const out = await expected(QUARTER);
    const org = out.quarters.at(-1)?.organisation;
    if (org === undefined || org.masked) throw new Error('the organisation should be shown');
    const cost = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 }).format(
      Math.round(org.tapteDagsverk.total * 2500),
    );
    await expect.poll(async () => textOf(page.locator('dl.statistikk-figures'))).toContain(`${cost} kr`);
    await axe.check(page, 'statistikk (kostnad lagret)');
  });

  it('3. on a phone: no horizontal scrolling', async () => {
    phone = await openSession(browser, app.url, { width: 390, height: 844 });
    await login(phone.page, hr);
    await phone.page.goto('/statistikk');
    await phone.page.getByRole('heading', { level: 1, name: 'Sykefraværsstatistikk' }).waitFor();
    await phone.page.getByRole('region', { name: 'Tabell: Sykefravær per enhet' }).waitFor();
    expect(
      await horizontalOverflow(phone.page),
      (await overflowingElements(phone.page)).join('\n'),
    ).toBeLessThanOrEqual(0);
    await axe.check(phone.page, 'statistikk (mobil)');
    await screenshot(phone.page, '71-statistikk-mobil');
    expect(phone.pageErrors).toEqual([]);
  });

  it('4. the leader of Hjemmetjenesten sees only that unit, hidden like for everyone', async () => {
    leaderSession = await openSession(browser, app.url);
    const p = leaderSession.page;
    await login(p, leader);
    await p
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Sykefraværsstatistikk' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Sykefraværsstatistikk' }).waitFor();
    const rows = p.getByRole('region', { name: 'Tabell: Sykefravær per enhet' }).getByRole('rowheader');
    await expect.poll(() => rows.allTextContents()).toEqual(['Hjemmetjenesten']);
    expect(await textOf(unitRow(p, 'Hjemmetjenesten'))).toContain('Skjult');
    expect(await p.getByText('Hele virksomheten').count()).toBe(0);
    await axe.check(p, 'statistikk (leder)');
    expect(leaderSession.pageErrors).toEqual([]);
  });

  it('5. ★ oppfølging innen fristen: a chart and a table with the KPI function’s numbers', async () => {
    await page.goto('/statistikk');
    const region = page.getByRole('region', { name: 'Tabell: Oppfølging innen fristen' });
    await region.getByRole('table').waitFor();
    const db = app.server.database.db;
    const quarters = quartersEndingWith(QUARTER, 8);
    const input = await loadOppfolgingInput(
      db,
      orgId,
      quarters,
      quarterRange(quarters[0] ?? QUARTER).start,
      today,
    );
    const out = beregnOppfolging(input);
    const plan = out.rolling.oppfolgingsplan;
    const dm1 = out.rolling.dialogmote1;
    expect(plan.organisation).toEqual({ masked: false, cases: 6, inTime: 4, late: 2, percent: 66.7 });
    expect(dm1.organisation).toEqual({ masked: false, cases: 6, inTime: 2, late: 4, percent: 33.3 });
    const row = (name: string) =>
      region.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    expect(await textOf(row('Hele virksomheten'))).toContain('66,7 % (4 av 6)');
    expect(await textOf(row('Hele virksomheten'))).toContain('33,3 % (2 av 6)');
    expect(await textOf(row('Solbakken sykehjem'))).toContain('66,7 % (4 av 6)');
    expect(await textOf(row('Kantina'))).toContain('Skjult (færre enn 5)');
    expect(await textOf(row('Kantina'))).not.toMatch(/\d+,\d %/);
    await page.getByRole('heading', { level: 2, name: 'Oppfølging innen fristen' }).waitFor();
    await axe.check(page, 'statistikk (oppfølging innen fristen)');
  });

  it('6. HR imports NAV’s rates: a bad file names the line, the good one is shown with its source', async () => {
    const db = app.server.database.db;
    const section = page.getByRole('region', { name: 'Sammenlignet med NAV', exact: true });
    await section.getByText(/Ingen tall fra NAV er importert/).waitFor();
    const year = QUARTER.slice(0, 4);
    const n = QUARTER.slice(5);
    const bad = [
      'Kvartal;Kategori;Kode;Navn;Prosent',
      `${year}K${n};Næring;86;Helsetjenester;8,4`,
      `${year}K${n};Sektor;3;Kommunal forvaltning;mye`,
    ];
    await section.locator('input[type=file]').setInputFiles({
      name: 'feil.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${bad.join('\r\n')}\r\n`, 'utf8'),
    });
    await section.getByRole('button', { name: 'Importer tallene' }).click();
    await section.getByText(/Linje 3: prosent «mye»/).waitFor();
    expect(await db.selectFrom('statistikk_benchmark').select('kode').execute()).toEqual([]);
    await axe.check(page, 'statistikk (NAV-fil med feil)');

    const good = [
      'Kvartal;Kategori;Kode;Navn;Prosent',
      `${year}K${n};Land;;Hele landet;6,1`,
      `${year}K${n};Sektor;3;Kommunal forvaltning;7,25`,
      `${year}K${n};Næring;86;Helsetjenester;8,4`,
    ];
    await section.locator('input[type=file]').setInputFiles({
      name: 'nav-sykefravaer.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${good.join('\r\n')}\r\n`, 'utf8'),
    });
    await section.getByRole('button', { name: 'Importer tallene' }).click();
    await section.getByText('3 tall fra NAV er importert').waitFor();
    const stored = await db
      .selectFrom('statistikk_benchmark as b')
      .innerJoin('statistikk_benchmark_import as i', 'i.id', 'b.import_id')
      .select(['b.quarter', 'b.kategori', 'b.kode', 'b.hundredths', 'i.source_name', 'i.source_kind'])
      .where('b.organisation_id', '=', orgId)
      .orderBy('b.hundredths')
      .execute();
    expect(stored).toEqual([
      {
        quarter: QUARTER,
        kategori: 'land',
        kode: 'alle',
        hundredths: 610,
        source_name: 'nav-sykefravaer.csv',
        source_kind: 'fil',
      },
      {
        quarter: QUARTER,
        kategori: 'sektor',
        kode: '3',
        hundredths: 725,
        source_name: 'nav-sykefravaer.csv',
        source_kind: 'fil',
      },
      {
        quarter: QUARTER,
        kategori: 'naering',
        kode: '86',
        hundredths: 840,
        source_name: 'nav-sykefravaer.csv',
        source_kind: 'fil',
      },
    ]);
    const table = page.getByRole('region', { name: 'Tabell: Sammenlignet med NAV' });
    await table.getByRole('table').waitFor();
    const out = await expected(QUARTER);
    const org = out.quarters.at(-1)?.organisation;
    if (org === undefined || org.masked) throw new Error('the organisation should be shown');
    const benchRow = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
    expect(await textOf(benchRow('Hele virksomheten'))).toContain(nbPercent(org.prosent.legemeldt));
    expect(await textOf(benchRow('Helsetjenester'))).toContain('8,4 %');
    expect(await textOf(benchRow('Kommunal forvaltning'))).toContain('7,25 %');
    expect(await textOf(table.getByRole('columnheader').nth(2))).toBe(`Legemeldt, ${quarterLabel(QUARTER)}`);
    await section.getByText(/Kilde: NAV, importert fra filen «nav-sykefravaer\.csv»/).waitFor();
    await axe.check(page, 'statistikk (NAV-tall importert)');
  });

  it('7. axe found nothing, nothing left the origin, no page errors', () => {
    expect(axe.violations).toEqual([]);
    expect(axe.checked.length).toBeGreaterThanOrEqual(8);
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
