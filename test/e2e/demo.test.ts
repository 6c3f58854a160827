/**
 * The demo button on an empty database, logging in as its users: what each role sees in the
 * navigation, a leader's own team, the language switch, and two people saving the same employee
 * (the second gets a clear message and can load the latest version); the administrator keeping the
 * organisation in order (a unit renamed, moved and deleted, a verneområde and the name changed, an
 * employee registered by mistake deleted, a user's access removed — and the refusals); the BHT
 * adviser, who works for several customers, reading notifications, answering invitations from two
 * other organisations and switching to one. The database is checked after each write; axe on every page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/modules/auth/index.ts';
import { startApp, type TestApp } from './support/app.ts';
import {
  AxeLog,
  foreignRequests,
  launchBrowser,
  openSession,
  type Session,
  screenshot,
  textOf,
} from './support/browser.ts';

type Account = { role: string; name: string; email: string; password: string };

let app: TestApp;
let browser: Browser;
let s: Session;
let page: Page;
const axe = new AxeLog();
const accounts: Account[] = [];

async function navLinks(p: Page, name = 'Hovedmeny'): Promise<string[]> {
  return (await p.getByRole('navigation', { name }).getByRole('link').allInnerTexts()).map((x) => x.trim());
}

async function logout(p: Page): Promise<void> {
  await p.getByRole('button', { name: /Brukermeny$/ }).click();
  await p.getByRole('menuitem', { name: 'Logg ut' }).click();
  await p.waitForURL('**/logg-inn');
}

async function login(p: Page, account: Account): Promise<void> {
  await p.getByLabel('E-postadresse').fill(account.email);
  await p.getByLabel('Passord').fill(account.password);
  await p.getByRole('button', { name: 'Logg inn' }).click();
  await p.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
}

describe('the demo company', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    page = s.page;
  });

  afterAll(async () => {
    await s?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('loads from the onboarding page and lists one login per role', async () => {
    await page.goto('/');
    await page.waitForURL('**/oppsett');
    await page.getByRole('button', { name: 'Last inn demovirksomheten' }).click();
    await page.getByText('Demovirksomheten er lastet inn.').waitFor();
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(8);
    for (let i = 0; i < 8; i++) {
      const cells = (await rows.nth(i).locator('td').allInnerTexts()).map((c) => c.trim());
      accounts.push({
        role: cells[0] ?? '',
        name: cells[1] ?? '',
        email: cells[2] ?? '',
        password: cells[3] ?? '',
      });
    }
    expect(accounts.map((a) => a.role)).toContain('Leder (Hjemmetjenesten)');
    expect(accounts.map((a) => a.role)).toContain('Administrator');
    await axe.check(page, 'demo-brukere');
    await screenshot(page, '09-demo');
  });

  it('a leader sees only “Mine medarbeidere” and their own team', async () => {
    const leader = accounts.find((a) => a.role.startsWith('Leder'))!;
    await page.getByRole('button', { name: `Logg inn som ${leader.name}` }).click();
    await page.getByRole('heading', { level: 1, name: `Hei, ${leader.name.split(' ')[0]}` }).waitFor();
    expect(await navLinks(page)).toEqual([
      'Forside',
      'Mine medarbeidere',
      'Sykefravær',
      'Mine oppgaver',
      'Internkontroll',
      'Risikovurdering',
      'Avvik',
      'Sykefraværsstatistikk',
      'AMU',
      'Undersøkelser',
      'Mitt fravær',
      'Mine rutiner',
      'Min opplæring',
      'Varsling',
      'Min side',
    ]);
    await axe.check(page, 'forside (leder)');

    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Mine medarbeidere' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mine medarbeidere' }).waitFor();
    await page.getByText(/Viser 1–\d+ av 3\d/).waitFor();
    expect(await page.getByRole('link', { name: 'Registrer ansatt' }).count()).toBe(0);
    await axe.check(page, 'mine medarbeidere');
    await page.locator('table a').first().click();
    await page.locator('dl.details').waitFor();
    await axe.check(page, 'medarbeider (lesetilgang)');

    // Pages outside the role answer "not found".
    await page.goto('/brukere');
    await page.getByRole('heading', { level: 1, name: 'Fant ikke siden' }).waitFor();
    await axe.check(page, 'ikke funnet');
    await page.goto('/');
    await logout(page);
  });

  it('an employee sees their own page, in English too', async () => {
    const employee = accounts.find((a) => a.role.startsWith('Ansatt'))!;
    await login(page, employee);
    expect(await navLinks(page)).toEqual([
      'Forside',
      'Mine oppgaver',
      'Risikovurdering',
      'Avvik',
      'AMU',
      'Undersøkelser',
      'Mitt fravær',
      'Mine rutiner',
      'Min opplæring',
      'Varsling',
      'Min side',
    ]);
    // Mine oppgaver: no sick-leave part for an employee, only their own HMS deadlines.
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Mine oppgaver' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'HMS og internkontroll' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Sykefraværsoppfølging' }).count()).toBe(0);
    await axe.check(page, 'mine oppgaver (ansatt)');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Min side' }).click();
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    await page.getByText('Hjemmetjenesten').first().waitFor();
    await axe.check(page, 'min side');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My page' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await navLinks(page, 'Main menu')).toEqual([
      'Home',
      'My tasks',
      'Risk assessment',
      'Deviations',
      'AMU',
      'Surveys',
      'My absence',
      'My routines',
      'My training',
      'Whistleblowing',
      'My page',
    ]);
    await axe.check(page, 'my page (en)');
    await screenshot(page, '10-my-page-en');
    // The choice is saved on the user as well.
    const me = (await (await page.request.get('/api/v1/session')).json()) as { user: { locale: string } };
    expect(me.user.locale).toBe('en');
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    await logout(page);
  });

  it('two people change the same employee: the second is told, and can load the latest version', async () => {
    const admin = accounts.find((a) => a.role === 'Administrator')!;
    await login(page, admin);
    expect(await navLinks(page)).toEqual([
      'Forside',
      'Organisasjon',
      'Ansatte',
      'Importer ansatte',
      'Sykefravær',
      'Mine oppgaver',
      'Internkontroll',
      'Risikovurdering',
      'Avvik',
      'Sykefraværsstatistikk',
      'AMU',
      'Undersøkelser',
      'Brukere og roller',
      'Mitt fravær',
      'Mine rutiner',
      'Min opplæring',
      'Varsling',
      'Min side',
      'Innstillinger',
    ]);
    await page.goto('/ansatte?sok=hansen');
    await page.locator('table a').first().waitFor();
    // A Hansen with a leader, so the database can show that the saves below keep the leader.
    const db = app.server.database.db;
    const hansen = await db
      .selectFrom('employee')
      .select(['id', 'leader_id'])
      .where('name', 'like', '% Hansen')
      .where('leader_id', 'is not', null)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const href = `/ansatte/${hansen.id}`;
    expect(await page.locator(`table a[href="${href}"]`).count()).toBe(1);
    const leaderIdInDb = async () =>
      (
        await db
          .selectFrom('employee')
          .select('leader_id')
          .where('id', '=', hansen.id)
          .executeTakeFirstOrThrow()
      ).leader_id;
    const leaderBefore = hansen.leader_id;

    const other = await s.context.newPage();
    await other.goto(href);
    await page.goto(href);
    await page.getByLabel('Fullt navn').waitFor();
    await other.getByLabel('Fullt navn').waitFor();

    await other.getByLabel('Telefonnummer').fill('+47 900 00 001');
    await other.getByRole('button', { name: 'Lagre' }).click();
    await other.getByText('Endringene er lagret.').waitFor();
    await other.close();

    await page.getByLabel('Stillingsprosent').fill('50');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Noen andre har endret dette i mellomtiden.', { exact: false }).waitFor();
    await axe.check(page, 'ansatt (konflikt)');
    await screenshot(page, '11-konflikt');
    await page.getByRole('button', { name: 'Hent den nyeste versjonen' }).click();
    await page.getByText('Du ser nå den nyeste versjonen.', { exact: false }).waitFor();
    expect(await page.getByLabel('Telefonnummer').inputValue()).toBe('+47 900 00 001');
    await page.getByLabel('Stillingsprosent').fill('50');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Endringene er lagret.').waitFor();
    // «Lagret» is not enough: the database still has the leader nobody touched.
    expect(await leaderIdInDb()).toBe(leaderBefore);

    await page.goto('/brukere');
    await page.getByRole('heading', { level: 1, name: 'Brukere og roller' }).waitFor();
    await page.locator('table tbody tr').nth(7).waitFor();
    await axe.check(page, 'brukere');
    await page.getByRole('button', { name: 'Gi en person tilgang' }).click();
    await page.getByRole('dialog').waitFor();
    await page
      .getByRole('dialog')
      .getByRole('checkbox', { name: /^Leder/ })
      .check();
    await page.getByRole('dialog').getByRole('button', { name: 'Gi tilgang' }).click();
    await page.getByRole('dialog').locator('.aksel-error-summary').waitFor();
    const summary = await textOf(page.getByRole('dialog').locator('.aksel-error-summary'));
    expect(summary).toContain('Skriv navnet.');
    expect(summary).toContain('En leder må knyttes til sin egen ansattpost.');
    await axe.check(page, 'gi tilgang (feil)');
    await screenshot(page, '12-gi-tilgang');
  });

  it('the administrator renames, moves and deletes a unit, edits a verneområde and renames the organisation', async () => {
    const db = app.server.database.db;
    await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Organisasjon', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Organisasjon' }).waitFor();
    await page.getByLabel('Navn på enheten').fill('Kantine');
    await page.getByRole('button', { name: 'Opprett enhet' }).click();
    await page.getByText('Enheten «Kantine» er opprettet.').waitFor();
    const drift = await db
      .selectFrom('unit')
      .select('id')
      .where('name', '=', 'Administrasjon og drift')
      .executeTakeFirstOrThrow();
    const unitRow = (name: string) =>
      db.selectFrom('unit').select(['id', 'name', 'parent_id']).where('name', '=', name).executeTakeFirst();
    const created = await unitRow('Kantine');
    expect(created?.parent_id).toBeNull();

    // A unit with employees cannot be deleted: the dialog says why and offers no button.
    await page.getByRole('button', { name: 'Endre Hjemmetjenesten' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText('En enhet kan bare slettes når den ikke har underenheter eller ansatte.')
      .waitFor();
    expect(await dialog.getByRole('button', { name: 'Slett enheten' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Rename and move in one save (PUT /units/:id).
    await page.getByRole('button', { name: 'Endre Kantine' }).click();
    await dialog.getByRole('heading', { name: 'Endre «Kantine»' }).waitFor();
    await dialog.getByLabel('Navn på enheten').fill('Kantina');
    await dialog.getByLabel('Ligger under').selectOption({ label: 'Administrasjon og drift' });
    await axe.check(page, 'endre enhet (dialog)');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('tabpanel').getByText('Endringene er lagret.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await unitRow('Kantina')).toEqual({ id: created?.id, name: 'Kantina', parent_id: drift.id });
    // In the tree it now sits under Administrasjon og drift.
    const driftItem = page.locator('.unit-tree > li').filter({
      has: page.getByRole('button', { name: 'Endre Administrasjon og drift', exact: true }),
    });
    expect(await textOf(driftItem.locator('.unit-tree'))).toContain('Kantina');

    // Empty, so it can go (DELETE /units/:id).
    await page.getByRole('button', { name: 'Endre Kantina' }).click();
    await dialog.getByRole('button', { name: 'Slett enheten' }).click();
    await page.getByText('Enheten «Kantina» er slettet.').waitFor();
    expect(await unitRow('Kantina')).toBeUndefined();
    expect(await page.getByRole('button', { name: 'Endre Kantina' }).count()).toBe(0);
    await axe.check(page, 'organisasjon (enhet slettet)');

    // A verneområde renamed keeps its units (PUT /verneomrader/:id replaces them with what is sent).
    await page.getByRole('tab', { name: 'Verneområder' }).click();
    await page.getByRole('button', { name: 'Endre Administrasjon og drift' }).click();
    await dialog.getByLabel('Navn på verneområdet').fill('Rådhuset');
    expect(await dialog.getByRole('checkbox', { name: 'Administrasjon og drift' }).isChecked()).toBe(true);
    await axe.check(page, 'endre verneområde (dialog)');
    await dialog.getByRole('button', { name: 'Lagre verneområdet' }).click();
    await page.getByText('Verneområdet «Rådhuset» er lagret.').waitFor();
    const area = await db
      .selectFrom('verneomrade')
      .select('id')
      .where('name', '=', 'Rådhuset')
      .executeTakeFirstOrThrow();
    const areaUnits = await db
      .selectFrom('verneomrade_unit')
      .select('unit_id')
      .where('verneomrade_id', '=', area.id)
      .execute();
    expect(areaUnits).toEqual([{ unit_id: drift.id }]);
    expect(await textOf(page.getByRole('row').filter({ hasText: 'Rådhuset' }))).toContain(
      'Administrasjon og drift',
    );

    // The organisation's name (PUT /organisation): stored, and the header shows it.
    const before = await db.selectFrom('organisation').select(['id', 'orgnr']).executeTakeFirstOrThrow();
    await page.getByRole('tab', { name: 'Virksomheten' }).click();
    await page.getByLabel('Navn på virksomheten').fill('Fjordvik kommune');
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.getByRole('tabpanel').getByText('Endringene er lagret.').waitFor();
    await page.getByRole('button', { name: /Fjordvik kommune Brukermeny$/ }).waitFor();
    await axe.check(page, 'virksomheten (lagret)');
    const organisation = await db
      .selectFrom('organisation')
      .select(['id', 'name', 'orgnr'])
      .executeTakeFirstOrThrow();
    expect(organisation).toEqual({ ...before, name: 'Fjordvik kommune' });
  });

  it('the administrator deletes an employee registered by mistake (not a leader) and removes a user', async () => {
    const db = app.server.database.db;
    const linked = db.selectFrom('membership').select('employee_id').where('employee_id', 'is not', null);
    const led = db.selectFrom('employee').select('leader_id').where('leader_id', 'is not', null);
    const leader = await db
      .selectFrom('employee')
      .select(['id', 'name'])
      .where('id', 'in', led)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    // Someone nobody reports to and nobody logs in as: the employee registered by mistake.
    const mistake = await db
      .selectFrom('employee')
      .select(['id', 'name'])
      .where('id', 'not in', led)
      .where('id', 'not in', linked)
      .where('name', 'not like', '% Hansen')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const employeeRow = (id: string) =>
      db.selectFrom('employee').select('id').where('id', '=', id).executeTakeFirst();

    // A leader of others is refused with the reason, and nothing is deleted.
    await page.goto(`/ansatte/${leader.id}`);
    await page.getByRole('heading', { level: 1, name: leader.name }).waitFor();
    await page.getByRole('button', { name: 'Slett den ansatte' }).click();
    const dialog = page.getByRole('dialog', { name: `Slette ${leader.name}?` });
    await dialog.getByRole('button', { name: 'Ja, slett' }).click();
    await dialog.getByText('Den ansatte er nærmeste leder for andre. Gi dem en ny leder først.').waitFor();
    await axe.check(page, 'slett ansatt (avvist)');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(await employeeRow(leader.id)).toEqual({ id: leader.id });

    await page.goto(`/ansatte?sok=${encodeURIComponent(mistake.name)}`);
    await page.getByRole('link', { name: mistake.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: mistake.name }).waitFor();
    await page.getByRole('button', { name: 'Slett den ansatte' }).click();
    await page.getByRole('dialog', { name: `Slette ${mistake.name}?` }).waitFor();
    await axe.check(page, 'slett ansatt (dialog)');
    await page.getByRole('button', { name: 'Ja, slett' }).click();
    await page.waitForURL((url) => url.pathname === '/ansatte');
    await page.getByText(`${mistake.name} er slettet.`).waitFor();
    expect(await employeeRow(mistake.id)).toBeUndefined();
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'employee')
      .where('entity_id', '=', mistake.id)
      .execute();
    expect(audit).toEqual([{ action: 'delete' }]);

    // Users: the only administrator cannot remove themselves; the tillitsvalgt's access is removed.
    const admin = accounts.find((a) => a.role === 'Administrator')!;
    const tv = accounts.find((a) => a.role.startsWith('Tillitsvalgt'))!;
    await page.goto('/brukere');
    await page.getByRole('heading', { level: 1, name: 'Brukere og roller' }).waitFor();
    await page.getByRole('button', { name: `Fjern tilgangen til ${admin.name}` }).click();
    const remove = page.getByRole('dialog');
    await remove.getByRole('button', { name: 'Ja, fjern tilgangen' }).click();
    await remove.getByText('Virksomheten må ha minst én administrator.').waitFor();
    await axe.check(page, 'fjern tilgang (siste administrator)');
    await remove.getByRole('button', { name: 'Avbryt' }).click();
    const membershipOf = (email: string) =>
      db
        .selectFrom('membership as m')
        .innerJoin('user_account as u', 'u.id', 'm.user_id')
        .select('m.user_id')
        .where('u.email', '=', email)
        .execute();
    expect(await membershipOf(admin.email)).toHaveLength(1);

    await page.getByRole('button', { name: `Fjern tilgangen til ${tv.name}` }).click();
    await remove.getByRole('heading', { name: `Fjerne tilgangen til ${tv.name}?` }).waitFor();
    await remove.getByRole('button', { name: 'Ja, fjern tilgangen' }).click();
    await page.getByText(`Tilgangen til ${tv.name} er fjernet.`).waitFor();
    expect(await page.getByRole('button', { name: `Fjern tilgangen til ${tv.name}` }).count()).toBe(0);
    await axe.check(page, 'brukere (tilgang fjernet)');
    expect(await membershipOf(tv.email)).toEqual([]);
    const roles = await db
      .selectFrom('role_assignment as r')
      .innerJoin('user_account as u', 'u.id', 'r.user_id')
      .select('r.role')
      .where('u.email', '=', tv.email)
      .execute();
    expect(roles).toEqual([]);
    await logout(page);
  });

  it('the BHT adviser reads the notifications, answers two invitations, turns e-mail off and switches organisation', async () => {
    const db = app.server.database.db;
    const bht = accounts.find((a) => a.email === 'bht@bht.example')!;
    const user = await db
      .selectFrom('user_account as u')
      .innerJoin('membership as m', 'm.user_id', 'u.id')
      .select(['u.id', 'm.organisation_id'])
      .where('u.email', '=', bht.email)
      .executeTakeFirstOrThrow();
    const home = user.organisation_id;
    // Two unread notices in the inbox, as the reminder sweep leaves them.
    await db
      .insertInto('notification')
      .values(
        ['Årsrapport fra bedriftshelsetjenesten', 'Vernerunde på Solbakken'].map((title, i) => ({
          organisation_id: home,
          key: `custom:e2e:${i}:${user.id}`,
          user_id: user.id,
          kind: 'custom' as const,
          remind_date: '2026-01-15',
          due_date: null,
          title_nb: title,
          title_en: title,
          body_nb: '',
          body_en: '',
          link: null,
        })),
      )
      .execute();
    // Two other customers, each with its administrator, invite the adviser's existing account (as
    // «Gi en person tilgang» does there). Nobody logs in as those administrators.
    const passwordHash = await hashPassword('ikke i bruk i denne testen');
    const invite = async (name: string, orgnr: string) => {
      const org = await db
        .insertInto('organisation')
        .values({ name, orgnr })
        .returning('id')
        .executeTakeFirstOrThrow();
      const admin = await db
        .insertInto('user_account')
        .values({ name: `Admin i ${name}`, email: `admin@${orgnr}.example`, password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('membership').values({ organisation_id: org.id, user_id: admin.id }).execute();
      await db
        .insertInto('role_assignment')
        .values({ organisation_id: org.id, user_id: admin.id, role: 'admin' })
        .execute();
      await db
        .insertInto('user_invitation')
        .values({
          organisation_id: org.id,
          email: bht.email,
          name: bht.name,
          roles: 'bht',
          employee_id: null,
          invited_by: admin.id,
          expires_at: new Date(Date.now() + 14 * 86_400_000),
        })
        .execute();
      return org.id;
    };
    const fjellet = await invite('Fjellet Bygg AS', '923609016');
    const havbris = await invite('Havbris AS', '974760673');

    await login(page, bht);
    await page.getByRole('link', { name: 'Varsler, 2 uleste' }).click();
    await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
    await page.getByText('Vernerunde på Solbakken').waitFor();
    await axe.check(page, 'varsler (bht)');
    await page.getByRole('button', { name: 'Marker alle som lest' }).click();
    await page.getByText('Alle varslene er markert som lest.').waitFor();
    await page.getByRole('link', { name: 'Varsler', exact: true }).waitFor();
    const unread = await db
      .selectFrom('notification')
      .select('id')
      .where('user_id', '=', user.id)
      .where('read_at', 'is', null)
      .execute();
    expect(unread).toEqual([]);

    await page.getByRole('button', { name: /Brukermeny$/ }).click();
    await page.getByRole('menuitem', { name: 'Min side' }).click();
    await page.getByRole('heading', { level: 2, name: 'Invitasjoner' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Havbris AS' }).waitFor();
    await axe.check(page, 'min side (invitasjoner)');
    await page.getByRole('button', { name: 'Godta invitasjonen fra Fjellet Bygg AS' }).click();
    await page
      .getByText(
        'Du har nå tilgang til Fjellet Bygg AS. Du bytter virksomhet under Innstillinger i brukermenyen.',
      )
      .waitFor();
    await page.getByRole('button', { name: 'Avslå invitasjonen fra Havbris AS' }).click();
    await page.getByText('Invitasjonen fra Havbris AS er avslått.').waitFor();
    expect(await page.getByRole('button', { name: /^Godta invitasjonen/ }).count()).toBe(0);
    await axe.check(page, 'min side (invitasjoner besvart)');
    const membership = (organisationId: string) =>
      db
        .selectFrom('membership')
        .select('user_id')
        .where('organisation_id', '=', organisationId)
        .where('user_id', '=', user.id)
        .execute();
    expect(await membership(fjellet)).toHaveLength(1);
    expect(await membership(havbris)).toEqual([]);
    const roles = await db
      .selectFrom('role_assignment')
      .select('role')
      .where('organisation_id', '=', fjellet)
      .where('user_id', '=', user.id)
      .execute();
    expect(roles).toEqual([{ role: 'bht' }]);
    expect(
      await db.selectFrom('user_invitation').select('id').where('email', '=', bht.email).execute(),
    ).toEqual([]);

    // Innstillinger: no e-mail (stored for this organisation), then work in Fjellet Bygg.
    await page.getByRole('button', { name: /Brukermeny$/ }).click();
    await page.getByRole('menuitem', { name: 'Innstillinger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innstillinger' }).waitFor();
    const email = page.getByRole('checkbox', { name: /Send meg e-post om frister og nye oppgaver/ });
    expect(await email.isChecked()).toBe(true);
    await email.click();
    await page.getByText('Varslingsinnstillingene er lagret.').waitFor();
    const setting = await db
      .selectFrom('notification_setting')
      .select('email_enabled')
      .where('organisation_id', '=', home)
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(setting.email_enabled).toBe(false);
    await page.getByRole('radio', { name: 'Fjellet Bygg AS' }).check();
    await axe.check(page, 'innstillinger (to virksomheter)');
    await page.getByRole('button', { name: 'Bytt virksomhet' }).click();
    await page.getByText('Du jobber nå i Fjellet Bygg AS.').waitFor();
    await page.getByRole('button', { name: /Fjellet Bygg AS Brukermeny$/ }).waitFor();
    const session = (await (await page.request.get('/api/v1/session')).json()) as {
      organisation: { id: string; name: string };
      roles: string[];
    };
    expect(session.organisation).toMatchObject({ id: fjellet, name: 'Fjellet Bygg AS' });
    expect(session.roles).toEqual(['bht']);
    const sessions = await db
      .selectFrom('session')
      .select('organisation_id')
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions).toEqual([{ organisation_id: fjellet }]);
    await axe.check(page, 'innstillinger (byttet virksomhet)');
    await screenshot(page, '13-bytt-virksomhet');
  });

  it('made no request outside its own origin, and axe found no violations', () => {
    expect(foreignRequests(s.requests, app.url)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(axe.violations, axe.violations.join('\n')).toEqual([]);
  });
});
