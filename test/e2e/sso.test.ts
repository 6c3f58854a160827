/**
 * Single sign-on with OpenID Connect (ADR 0019) in the browser, on the demo company, against a real
 * OpenID provider (`oidc-provider`) started in this process on 127.0.0.1 (http is allowed on loopback):
 * (1) the administrator opens Innstillinger → «Innlogging med virksomhetens konto (SSO)», is told
 *     what is missing and what the API refuses (at the fields), then saves the provider by keyboard —
 *     the secret is stored encrypted, never shown;
 * (2) an employee of the demo's e-mail domain types the address on the login page, gets the button
 *     «Logg inn med virksomhetens konto», goes through the provider's own login and consent forms in
 *     the browser, and lands logged in — a session with `auth_method = 'oidc'` and the provider's
 *     issuer + subject recorded;
 * (3) a person with no account in Nærvær gets the bilingual refusal page, and nothing is written.
 * axe on each of our pages; the password login is untouched for addresses without SSO.
 */
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type TestProvider } from '../support/oidc-test-provider.ts';
import { startApp, type TestApp } from './support/app.ts';
import { AxeLog, launchBrowser, loadDemo, openSession, type Session, screenshot } from './support/browser.ts';

type Account = { role: string; name: string; email: string; password: string };

const CLIENT_ID = 'naervaer-e2e';
const CLIENT_SECRET = 'e2e-hemmelighet-som-aldri-skal-vises-0123456789';
const UNKNOWN_EMAIL = 'ukjent.person@fjordvik.example';

let app: TestApp;
let browser: Browser;
let s: Session;
let page: Page;
let stranger: Session | undefined;
let provider: TestProvider;
let admin: Account;
let member: Account;
const axe = new AxeLog();
/** The provider's people: its login name → e-mail (verified). */
const people: Record<string, string> = {};

const db = () => app.server.database.db;

/** On the login page: type the address, leave the field, and wait for the button to appear. */
async function ssoButtonFor(p: Page, email: string, organisation: string) {
  await p.goto('/logg-inn');
  const field = p.getByLabel('E-postadresse');
  await field.focus();
  await p.keyboard.type(email);
  await p.keyboard.press('Tab');
  const button = p.getByRole('button', { name: `Logg inn med virksomhetens konto (${organisation})` });
  await button.waitFor();
  return button;
}

/** At the provider (its development login and consent forms): any password goes. */
async function signInAtProvider(p: Page, login: string): Promise<void> {
  await p.waitForURL(`${provider.issuer}/**`);
  await p.locator('input[name="login"]').fill(login);
  await p.locator('input[name="password"]').fill('hva-som-helst');
  await p.getByRole('button', { name: 'Sign-in' }).click();
  await p.getByRole('button', { name: 'Continue' }).click();
}

/** The provider's development pages ask for a web font; nothing leaves this machine. */
async function offline(session: Session): Promise<void> {
  await session.context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
}

async function counts() {
  const count = async (table: 'auth_oidc_identity' | 'session' | 'user_account') =>
    (await db().selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  return {
    identities: await count('auth_oidc_identity'),
    sessions: await count('session'),
    users: await count('user_account'),
  };
}

describe('single sign-on (OpenID Connect) in the browser', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    s = await openSession(browser, app.url);
    await offline(s);
    page = s.page;
    await page.goto('/');
    const accounts = await loadDemo(s.context);
    const found = (role: string) => {
      const account = accounts.find((a) => a.role === role);
      if (!account) throw new Error(`the demo has no ${role}`);
      return account;
    };
    admin = found('admin (daglig leder)');
    member = found('ansatt (Hjemmetjenesten)');
    people.ansatt = member.email;
    people.ukjent = UNKNOWN_EMAIL;
    await s.context.clearCookies();
    provider = await startOidcProvider({
      redirectUri: `${app.url}/api/v1/auth/oidc/callback`,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      person: (id) => (people[id] ? { email: people[id], verified: true } : undefined),
    });
  });

  afterAll(async () => {
    await stranger?.context.close();
    await s?.context.close();
    await browser?.close();
    provider?.server.close();
    await app?.close();
  });

  it('1. the administrator sets up the provider on the settings page, by keyboard', async () => {
    await page.goto('/logg-inn');
    await page.getByLabel('E-postadresse').fill(admin.email);
    await page.getByLabel('Passord').fill(admin.password);
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();

    await page.goto('/innstillinger');
    await page.getByRole('heading', { level: 2, name: 'Innlogging med virksomhetens konto (SSO)' }).waitFor();
    await page.getByText('Ikke slått på.').waitFor();
    await page.getByRole('link', { name: 'Sett opp innlogging med virksomhetens konto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innlogging med virksomhetens konto (SSO)' }).waitFor();
    // The address to register at the provider, read-only and ready to copy.
    const redirect = page.getByRole('textbox', { name: 'Adresse for videresending (redirect URI)' });
    expect(await redirect.inputValue()).toBe(`${app.url}/api/v1/auth/oidc/callback`);
    expect(await redirect.getAttribute('readonly')).not.toBeNull();
    await page.getByRole('button', { name: 'Kopier adressen' }).waitFor();
    await page.getByText('https://login.microsoftonline.com/<tenant-id>/v2.0', { exact: false }).waitFor();
    await axe.check(page, 'innstillinger sso (ny)');
    await screenshot(page, 'sso-01-innstillinger');

    // Nothing filled in: each missing field is named at the field.
    await page.getByRole('button', { name: 'Lagre' }).click();
    for (const text of [
      'Skriv utsteder-URL-en.',
      'Skriv klient-ID-en.',
      'Skriv klienthemmeligheten.',
      'Skriv minst ett e-postdomene.',
    ]) {
      await page.getByText(text).first().waitFor();
    }

    // A plain-http issuer and a malformed domain: the API's 400, shown at the two fields; nothing stored.
    const fill = async (label: string, text: string) => {
      const field = page.getByLabel(label, { exact: true });
      await field.fill('');
      await field.focus();
      await page.keyboard.type(text);
    };
    await fill('Utsteder-URL (issuer)', 'http://login.example.com/tenant');
    await fill('Klient-ID', CLIENT_ID);
    await fill('Klienthemmelighet', CLIENT_SECRET);
    await fill('E-postdomener', 'fjordvik.example, ugyldig_domene');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Utsteder-URL-en må være en https-adresse').first().waitFor();
    await page.getByText('«ugyldig_domene»: Ugyldig e-postdomene').first().waitFor();
    expect(await page.getByLabel('Utsteder-URL (issuer)').getAttribute('aria-invalid')).toBe('true');
    expect(await db().selectFrom('auth_oidc_config').selectAll().execute()).toHaveLength(0);
    await axe.check(page, 'innstillinger sso (feil fra API-et)');

    // Corrected, and saved with Enter from the last field before the button.
    await fill('Utsteder-URL (issuer)', provider.issuer);
    await fill('Klienthemmelighet', CLIENT_SECRET);
    await fill('E-postdomener', 'Fjordvik.example');
    // A first set-up starts switched on.
    expect(await page.getByLabel('Slå på innlogging med virksomhetens konto').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Innstillingene for innlogging er lagret.').waitFor();
    await page.getByText('Lagret – la stå tom for å beholde.').waitFor();
    expect(await page.getByLabel('Klienthemmelighet').inputValue()).toBe('');
    expect(await page.content()).not.toContain(CLIENT_SECRET);
    await axe.check(page, 'innstillinger sso (lagret)');

    const organisation = await db().selectFrom('organisation').select('id').executeTakeFirstOrThrow();
    const row = await db()
      .selectFrom('auth_oidc_config')
      .selectAll()
      .where('organisation_id', '=', organisation.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      issuer: provider.issuer,
      client_id: CLIENT_ID,
      email_domains: ['fjordvik.example'],
      enabled: true,
    });
    expect(row.client_secret_enc).toMatch(/^v1\./);
    expect(row.client_secret_enc).not.toContain(CLIENT_SECRET);

    // Saved again with the secret field left empty: the stored secret is kept.
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Innstillingene for innlogging er lagret.').waitFor();
    const again = await db()
      .selectFrom('auth_oidc_config')
      .select('client_secret_enc')
      .where('organisation_id', '=', organisation.id)
      .executeTakeFirstOrThrow();
    expect(again.client_secret_enc).toBe(row.client_secret_enc);

    await page.goto('/innstillinger');
    await page.getByText('Slått på for fjordvik.example.').waitFor();
    await page.getByRole('button', { name: /Brukermeny$/ }).click();
    await page.getByRole('menuitem', { name: 'Logg ut' }).click();
    await page.waitForURL('**/logg-inn');
  });

  it('2. an employee logs in with the organisation’s account through the provider', async () => {
    const organisation = await db()
      .selectFrom('organisation')
      .select(['id', 'name'])
      .executeTakeFirstOrThrow();
    const user = await db()
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', member.email)
      .executeTakeFirstOrThrow();
    // An address without SSO gets no button: the password login as before.
    await page.goto('/logg-inn');
    await page.getByLabel('E-postadresse').fill('noen@annet-firma.no');
    await page.getByLabel('Passord').focus();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('button', { name: /virksomhetens konto/ }).count()).toBe(0);

    const button = await ssoButtonFor(page, member.email, organisation.name);
    // The password login is still offered beside it.
    await page.getByRole('button', { name: 'Logg inn', exact: true }).waitFor();
    await axe.check(page, 'innlogging (med virksomhetens konto)');
    await screenshot(page, 'sso-02-innlogging');
    await button.click();
    await signInAtProvider(page, 'ansatt');
    await page.waitForURL(`${app.url}/`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Hei,' }).waitFor();
    await axe.check(page, 'forside etter SSO');

    const sessions = await db()
      .selectFrom('session')
      .select(['auth_method', 'organisation_id'])
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions).toEqual([{ auth_method: 'oidc', organisation_id: organisation.id }]);
    const identities = await db()
      .selectFrom('auth_oidc_identity')
      .select(['organisation_id', 'issuer', 'subject', 'user_id'])
      .execute();
    expect(identities).toEqual([
      { organisation_id: organisation.id, issuer: provider.issuer, subject: 'ansatt', user_id: user.id },
    ]);
    // The login in flight is used up.
    expect(await db().selectFrom('auth_oidc_login').selectAll().execute()).toHaveLength(0);
  });

  it('3. a person without an account is refused with a page that says why; nothing is written', async () => {
    stranger = await openSession(browser, app.url);
    await offline(stranger);
    const p = stranger.page;
    const organisation = await db().selectFrom('organisation').select('name').executeTakeFirstOrThrow();
    const button = await ssoButtonFor(p, UNKNOWN_EMAIL, organisation.name);
    const before = await counts();
    await button.click();
    await signInAtProvider(p, 'ukjent');
    await p.waitForURL(`${app.url}/api/v1/auth/oidc/callback**`);
    await p.getByRole('heading', { level: 1, name: 'Innloggingen ble avvist' }).waitFor();
    await p.getByText('Kontoer opprettes ikke automatisk').waitFor();
    await axe.check(p, 'innlogging avvist');
    await screenshot(p, 'sso-03-avvist');
    expect(await counts()).toEqual(before);
    const users = await db().selectFrom('user_account').select('email').execute();
    expect(users.map((u) => u.email)).not.toContain(UNKNOWN_EMAIL);
    await p.getByRole('link', { name: 'Tilbake til innlogging / Back to login' }).click();
    await p.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
  });

  it('axe found nothing on the pages visited', () => {
    expect(axe.checked.length).toBeGreaterThanOrEqual(6);
    expect(axe.violations, axe.violations.join('\n')).toEqual([]);
  });
});
