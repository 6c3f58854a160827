/**
 * Single sign-on with OpenID Connect (ADR 0019): the organisation's provider settings and the
 * login page's two requests (which organisations offer SSO for an e-mail address; start a login).
 */
import { z } from 'zod';
import { bilingual } from '../bilingual.ts';

const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/;

/** https, or http on this machine only (a provider started by the tests or a developer). */
export const IssuerSchema = z
  .string()
  .trim()
  .min(8, bilingual('Oppgi utsteder-URL-en', 'Enter the issuer URL'))
  .max(500, bilingual('Utsteder-URL-en er for lang', 'The issuer URL is too long'))
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || LOOPBACK.test(value);
      } catch {
        return false;
      }
    },
    bilingual(
      'Utsteder-URL-en må være en https-adresse, f.eks. https://login.microsoftonline.com/<tenant-id>/v2.0',
      'The issuer URL must be an https address, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0',
    ),
  );

const DomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    bilingual('Ugyldig e-postdomene (f.eks. kommune.no)', 'Invalid e-mail domain (e.g. kommune.no)'),
  );

export const SsoSettingsRequestSchema = z
  .object({
    issuer: IssuerSchema,
    clientId: z
      .string()
      .trim()
      .min(1, bilingual('Oppgi klient-ID', 'Enter the client ID'))
      .max(255, bilingual('Klient-ID-en er for lang', 'The client ID is too long')),
    /** Omitted or empty: keep the stored secret (required the first time). */
    clientSecret: z
      .string()
      .max(1024, bilingual('Klienthemmeligheten er for lang', 'The client secret is too long'))
      .optional(),
    emailDomains: z
      .array(DomainSchema)
      .min(1, bilingual('Oppgi minst ett e-postdomene', 'Enter at least one e-mail domain'))
      .max(20, bilingual('Høyst 20 e-postdomener', 'At most 20 e-mail domains')),
    enabled: z.boolean(),
  })
  .strict();
export type SsoSettingsRequest = z.infer<typeof SsoSettingsRequestSchema>;

export const SsoSettingsResponseSchema = z.object({
  configured: z.boolean(),
  issuer: z.string(),
  clientId: z.string(),
  /** Whether a secret is stored; the secret itself never leaves the server. */
  hasClientSecret: z.boolean(),
  emailDomains: z.array(z.string()),
  enabled: z.boolean(),
  /** The address to register at the provider as the redirect URI. */
  redirectUri: z.string(),
});
export type SsoSettingsResponse = z.infer<typeof SsoSettingsResponseSchema>;

export const SsoLookupRequestSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(3, bilingual('Oppgi e-postadressen din', 'Enter your e-mail address'))
      .max(254, bilingual('E-postadressen er for lang', 'The e-mail address is too long'))
      .regex(/^[^@\s]+@[^@\s]+$/, bilingual('Ugyldig e-postadresse', 'Invalid e-mail address')),
  })
  .strict();

export const SsoLookupResponseSchema = z.object({
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type SsoLookupResponse = z.infer<typeof SsoLookupResponseSchema>;

export const SsoStartRequestSchema = z
  .object({
    organisationId: z.uuid(bilingual('Ugyldig virksomhet', 'Invalid organisation')),
    /** Passed to the provider as `login_hint`, so the person need not type it again. */
    email: z.string().trim().max(254).optional(),
  })
  .strict();

export const SsoStartResponseSchema = z.object({ authorizationUrl: z.string() });

/** The provider's answer on the callback URL: code, state, iss, session_state, error … (read from the URL). */
export const SsoCallbackQuerySchema = z.record(
  z.string().max(100),
  z.union([z.string().max(4096), z.array(z.string().max(4096)).max(5)]),
);
