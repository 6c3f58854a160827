/**
 * Single sign-on with OpenID Connect (ADR 0019), through the maintained `openid-client` library:
 * the authorization code flow with PKCE, state and nonce; the ID token's signature, issuer,
 * audience, expiry and nonce are checked by the library. An organisation's administrator sets the
 * provider (e.g. Microsoft Entra ID) on the settings page; the login page offers it when the
 * person's e-mail domain has it. No auto-provisioning: the provider's verified e-mail must belong
 * to a person who already has an account in that organisation. The first login records the
 * provider's issuer + subject; later logins match by it. An SSO session counts as having passed the
 * second factor (the provider enforces the organisation's MFA).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type * as client from 'openid-client';
import { loadConfig } from '../../config.ts';
import {
  SsoCallbackQuerySchema,
  SsoLookupRequestSchema,
  SsoLookupResponseSchema,
  SsoSettingsRequestSchema,
  type SsoSettingsResponse,
  SsoSettingsResponseSchema,
  SsoStartRequestSchema,
  SsoStartResponseSchema,
} from '../../contracts/auth/oidc.schemas.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuthOptions } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { setSessionCookie } from './auth.routes.ts';
import { decryptSecret, encryptSecret } from './secrets.ts';
import { createSession, newToken, tokenHash } from './sessions.ts';

export const OIDC_COOKIE = 'naervaer_oidc';
const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';
export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';
/** How long a person may take at the provider (product default). */
const FLOW_MINUTES = 10;
/** A discovered provider is reused this long (its keys are fetched and cached by the library). */
const DISCOVERY_TTL_MS = 10 * 60_000;

const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])$/;

/** The callback address this server gives the provider (the one the administrator registers there). */
function redirectUri(request: FastifyRequest): string {
  const base = loadConfig().publicUrl ?? `${request.protocol}://${request.host}`;
  // Normalised (no default port): the token request sends it as the library re-derives it.
  return new URL(`${base.replace(/\/$/, '')}${OIDC_CALLBACK_PATH}`).href;
}

/**
 * The library, loaded on the first SSO login instead of at every start of the app (most
 * organisations never turn SSO on; issue 9: start-up time).
 */
function openidClient(): Promise<typeof client> {
  return import('openid-client');
}

type Discovered = { config: client.Configuration; at: number };
const discovered = new Map<string, Discovered>();

async function discover(
  issuer: string,
  clientId: string,
  clientSecret: string,
): Promise<client.Configuration> {
  const key = `${issuer}\n${clientId}\n${tokenHash(clientSecret)}`;
  const hit = discovered.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const url = new URL(issuer);
  // http only for a provider on this machine (the tests' own provider); https everywhere else.
  const insecure = url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname);
  const oidc = await openidClient();
  const config = await oidc.discovery(
    url,
    clientId,
    undefined,
    oidc.ClientSecretPost(clientSecret),
    insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
  if (discovered.size > 1000) discovered.clear();
  discovered.set(key, { config, at: Date.now() });
  return config;
}

async function settingsOf(db: Kysely<Database>, organisationId: string, request: FastifyRequest) {
  const row = await db
    .selectFrom('auth_oidc_config')
    .select(['issuer', 'client_id', 'email_domains', 'enabled'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  const answer: SsoSettingsResponse = {
    configured: row !== undefined,
    issuer: row?.issuer ?? '',
    clientId: row?.client_id ?? '',
    hasClientSecret: row !== undefined,
    emailDomains: row?.email_domains ?? [],
    enabled: row?.enabled ?? false,
    redirectUri: redirectUri(request),
  };
  return answer;
}

function domainOf(email: string): string {
  return email.trim().toLowerCase().split('@').pop() ?? '';
}

/** A login the callback refuses: its status and the page's bilingual text (never a 500). */
class Refusal extends Error {
  readonly status: 400 | 403;
  readonly nb: string;
  readonly en: string;
  constructor(status: 400 | 403, nb: string, en: string) {
    super(en);
    this.status = status;
    this.nb = nb;
    this.en = en;
  }
}

const expired = () =>
  new Refusal(
    400,
    'Innloggingen er utløpt eller ble startet i en annen nettleser. Start innloggingen på nytt.',
    'The login has expired or was started in another browser. Start the login again.',
  );

const noAccount = () =>
  new Refusal(
    403,
    'Du har ingen konto i denne virksomheten i Nærvær. Kontoer opprettes ikke automatisk ved innlogging: be en administrator i virksomheten om å legge deg til (Brukere og roller), og prøv igjen.',
    'You have no account in this organisation in Nærvær. Accounts are not created automatically at login: ask an administrator of the organisation to add you (Users and roles), and try again.',
  );

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The small page the callback answers with (the browser arrives here from the provider). */
function page(title: string, nb: string, en: string, next: { href: string; label: string; auto: boolean }) {
  const refresh = next.auto ? `<meta http-equiv="refresh" content="0;url=${escapeHtml(next.href)}">` : '';
  return `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>${refresh}
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
</head><body><main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(nb)}</p>
<p lang="en">${escapeHtml(en)}</p>
<p><a href="${escapeHtml(next.href)}">${escapeHtml(next.label)}</a></p>
</main></body></html>`;
}

async function callback(
  db: Kysely<Database>,
  request: FastifyRequest,
  reply: FastifyReply,
  options: AuthOptions,
  ip: string,
): Promise<string> {
  const cookie = request.cookies[OIDC_COOKIE];
  reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
  const flow = cookie
    ? await db
        .deleteFrom('auth_oidc_login')
        .where('id', '=', tokenHash(cookie))
        .returningAll()
        .executeTakeFirst()
    : undefined;
  if (!flow || flow.expires_at.getTime() <= Date.now()) throw expired();
  const query = new URL(request.url, 'http://callback.invalid').searchParams;
  if (query.get('state') !== flow.state) throw expired();
  if (query.has('error')) {
    throw new Refusal(
      403,
      'Innloggingstjenesten avbrøt innloggingen. Prøv igjen, eller logg inn med passord.',
      'The login service stopped the login. Try again, or log in with a password.',
    );
  }
  const settings = await db
    .selectFrom('auth_oidc_config')
    .selectAll()
    .where('organisation_id', '=', flow.organisation_id)
    .where('enabled', '=', true)
    .executeTakeFirst();
  if (!settings) throw expired();

  let claims: client.IDToken;
  let issuer: string;
  try {
    const config = await discover(
      settings.issuer,
      settings.client_id,
      await decryptSecret(settings.client_secret_enc),
    );
    issuer = config.serverMetadata().issuer;
    const current = new URL(flow.redirect_uri);
    current.search = query.toString();
    const oidc = await openidClient();
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.code_verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('no ID token');
    claims = idClaims;
    // Many providers put the e-mail only in the UserInfo answer (OpenID Connect Core § 5.4); the
    // library checks that it is about the same subject.
    if (typeof idClaims.email !== 'string') {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...idClaims, email: info.email, email_verified: info.email_verified };
    }
  } catch (error) {
    request.log.warn(
      { err: error instanceof Error ? error.message : 'unknown' },
      'oidc code exchange failed',
    );
    throw new Refusal(
      400,
      'Innloggingen kunne ikke bekreftes hos innloggingstjenesten. Start innloggingen på nytt.',
      'The login could not be confirmed with the login service. Start the login again.',
    );
  }

  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (email === '' || claims.email_verified !== true || !settings.email_domains.includes(domainOf(email))) {
    throw new Refusal(
      403,
      'Innloggingstjenesten oppga ingen bekreftet e-postadresse i et av virksomhetens domener. Logg inn med passord, eller be administratoren sjekke innstillingene for innlogging.',
      'The login service gave no verified e-mail address in one of the organisation’s domains. Log in with a password, or ask the administrator to check the login settings.',
    );
  }

  const organisationId = flow.organisation_id;
  const known = await db
    .selectFrom('auth_oidc_identity')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('issuer', '=', issuer)
    .where('subject', '=', claims.sub)
    .executeTakeFirst();
  const user = await db
    .selectFrom('user_account')
    .innerJoin('membership', 'membership.user_id', 'user_account.id')
    .select(['user_account.id', 'user_account.disabled_at'])
    .where('membership.organisation_id', '=', organisationId)
    .$call((q) =>
      known
        ? q.where('user_account.id', '=', known.user_id)
        : q.where((eb) => eb(eb.fn('lower', ['user_account.email']), '=', email)),
    )
    .executeTakeFirst();
  if (!user || user.disabled_at !== null) throw noAccount();

  const agent = request.headers['user-agent'];
  const { token } = await inTransaction(db, async (trx) => {
    if (known) {
      await trx
        .updateTable('auth_oidc_identity')
        .set({ last_login_at: new Date() })
        .where('organisation_id', '=', organisationId)
        .where('issuer', '=', issuer)
        .where('subject', '=', claims.sub)
        .execute();
    } else {
      await trx
        .insertInto('auth_oidc_identity')
        .values({ organisation_id: organisationId, issuer, subject: claims.sub, user_id: user.id })
        .execute();
    }
    await trx
      .updateTable('user_account')
      .set({ first_login_at: new Date() })
      .where('id', '=', user.id)
      .where('first_login_at', 'is', null)
      .execute();
    return createSession(
      trx,
      user.id,
      organisationId,
      options.sessionTtlHours,
      { userAgent: typeof agent === 'string' ? agent : '', ip },
      { authMethod: 'oidc' },
    );
  });
  setSessionCookie(reply, request, token, options);
  const roles = await db
    .selectFrom('role_assignment')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', user.id)
    .execute();
  await writeAudit(
    db,
    { organisationId, userId: user.id, roles: [...new Set(roles.map((r) => r.role))] },
    { action: 'login', entityType: 'user', entityId: user.id, detail: { method: 'oidc', firstSso: !known } },
  );
  return page(
    'Du er logget inn',
    'Du er logget inn med virksomhetens innlogging. Går videre …',
    'You are logged in with your organisation’s login. Continuing …',
    {
      href: '/',
      label: 'Gå videre / Continue',
      auto: true,
    },
  );
}

export function oidcRoutes(options: AuthOptions) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/organisation/sso',
      summary:
        'Innlogging med virksomhetens konto (OpenID Connect, f.eks. Microsoft Entra ID): innstillingene',
      tags: ['auth'],
      access: access.roles('admin'),
      response: SsoSettingsResponseSchema,
      async handler(_input, ctx) {
        return settingsOf(ctx.db, ctx.actor.organisationId, ctx.request);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/organisation/sso',
      summary: 'Sett opp innlogging med virksomhetens konto (utsteder, klient, domener, på/av)',
      tags: ['auth'],
      access: access.roles('admin'),
      body: SsoSettingsRequestSchema,
      response: SsoSettingsResponseSchema,
      async handler({ body }, ctx) {
        const organisationId = ctx.actor.organisationId;
        const secret = body.clientSecret?.trim() ?? '';
        const existing = await ctx.db
          .selectFrom('auth_oidc_config')
          .select('client_secret_enc')
          .where('organisation_id', '=', organisationId)
          .executeTakeFirst();
        if (!existing && secret === '') {
          throw new AppError(
            'VALIDATION_FAILED',
            { nb: 'Oppgi klienthemmeligheten.', en: 'Enter the client secret.' },
            {
              fields: [
                {
                  path: 'clientSecret',
                  message: { nb: 'Oppgi klienthemmeligheten', en: 'Enter the client secret' },
                },
              ],
            },
          );
        }
        const secretEnc = secret === '' ? (existing?.client_secret_enc ?? '') : await encryptSecret(secret);
        const domains = [...new Set(body.emailDomains)];
        const issuer = body.issuer.replace(/\/$/, '');
        await inTransaction(ctx.db, async (trx) => {
          await trx
            .insertInto('auth_oidc_config')
            .values({
              organisation_id: organisationId,
              issuer,
              client_id: body.clientId,
              client_secret_enc: secretEnc,
              email_domains: domains,
              enabled: body.enabled,
            })
            .onConflict((oc) =>
              oc.column('organisation_id').doUpdateSet({
                issuer,
                client_id: body.clientId,
                client_secret_enc: secretEnc,
                email_domains: domains,
                enabled: body.enabled,
                updated_at: new Date(),
              }),
            )
            .execute();
          await writeAudit(trx, ctx.actor, {
            action: existing ? 'update' : 'create',
            entityType: 'sso_settings',
            entityId: organisationId,
            detail: { enabled: body.enabled, domains: domains.length, secretChanged: secret !== '' },
          });
        });
        return settingsOf(ctx.db, organisationId, ctx.request);
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/oidc/lookup',
      summary: 'Har e-postadressens domene innlogging med virksomhetens konto? (innloggingssiden)',
      tags: ['auth'],
      access: access.public,
      body: SsoLookupRequestSchema,
      response: SsoLookupResponseSchema,
      async handler({ body }, ctx) {
        const domain = domainOf(body.email);
        const organisations = await ctx.db
          .selectFrom('auth_oidc_config')
          .innerJoin('organisation', 'organisation.id', 'auth_oidc_config.organisation_id')
          .select(['organisation.id', 'organisation.name'])
          .where('auth_oidc_config.enabled', '=', true)
          .where(sql<boolean>`${domain} = any(auth_oidc_config.email_domains)`)
          .orderBy('organisation.name')
          .limit(20)
          .execute();
        return { organisations };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/oidc/start',
      summary: 'Start innlogging med virksomhetens konto: adressen hos innloggingstjenesten',
      tags: ['auth'],
      access: access.public,
      body: SsoStartRequestSchema,
      response: SsoStartResponseSchema,
      async handler({ body }, ctx) {
        const settings = await ctx.db
          .selectFrom('auth_oidc_config')
          .selectAll()
          .where('organisation_id', '=', body.organisationId)
          .where('enabled', '=', true)
          .executeTakeFirst();
        if (!settings) throw notFound();
        let config: client.Configuration;
        try {
          config = await discover(
            settings.issuer,
            settings.client_id,
            await decryptSecret(settings.client_secret_enc),
          );
        } catch (error) {
          ctx.request.log.warn(
            { err: error instanceof Error ? error.message : 'unknown' },
            'oidc discovery failed',
          );
          throw new AppError('BAD_REQUEST', {
            nb: 'Fikk ikke kontakt med virksomhetens innloggingstjeneste. Prøv igjen senere, eller logg inn med passord.',
            en: 'Could not reach the organisation’s login service. Try again later, or log in with a password.',
          });
        }
        const oidc = await openidClient();
        const verifier = oidc.randomPKCECodeVerifier();
        const state = oidc.randomState();
        const nonce = oidc.randomNonce();
        const redirect = redirectUri(ctx.request);
        const cookie = newToken();
        await ctx.db.deleteFrom('auth_oidc_login').where('expires_at', '<', new Date()).execute();
        await ctx.db
          .insertInto('auth_oidc_login')
          .values({
            id: tokenHash(cookie),
            organisation_id: settings.organisation_id,
            state,
            nonce,
            code_verifier: verifier,
            redirect_uri: redirect,
            expires_at: new Date(Date.now() + FLOW_MINUTES * 60_000),
          })
          .execute();
        // Lax: the provider sends the browser back with a top-level GET from its own site.
        ctx.reply.setCookie(OIDC_COOKIE, cookie, {
          path: OIDC_COOKIE_PATH,
          httpOnly: true,
          sameSite: 'lax',
          secure: options.cookieSecure ?? ctx.request.protocol === 'https',
          maxAge: FLOW_MINUTES * 60,
        });
        const parameters: Record<string, string> = {
          redirect_uri: redirect,
          scope: 'openid email profile',
          code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
          state,
          nonce,
        };
        const hint = body.email?.trim();
        if (hint && domainOf(hint) !== '' && settings.email_domains.includes(domainOf(hint))) {
          parameters.login_hint = hint;
        }
        return { authorizationUrl: oidc.buildAuthorizationUrl(config, parameters).href };
      },
    }),

    defineRoute({
      method: 'GET',
      url: OIDC_CALLBACK_PATH,
      summary: 'Tilbake fra innloggingstjenesten: bekreft innloggingen og åpne en økt',
      tags: ['auth'],
      access: access.public,
      // The provider adds its own parameters (code, state, iss, session_state …): read from the URL.
      query: SsoCallbackQuerySchema,
      response: 'binary',
      async handler(_input, ctx) {
        ctx.reply.type('text/html; charset=utf-8');
        ctx.reply.header('cache-control', 'no-store');
        try {
          return await callback(ctx.db, ctx.request, ctx.reply, options, ctx.ip);
        } catch (error) {
          if (!(error instanceof Refusal)) throw error;
          ctx.reply.code(error.status);
          return page('Innloggingen ble avvist', error.nb, error.en, {
            href: '/logg-inn',
            label: 'Tilbake til innlogging / Back to login',
            auto: false,
          });
        }
      },
    }),
  ];
}
