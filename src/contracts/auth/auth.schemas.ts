import { z } from 'zod';
import { ROLES } from '../../domain/access/roles.ts';
import { LOCALES } from '../../i18n/locale.ts';

export const RoleSchema = z.enum(ROLES);
export const LocaleSchema = z.enum(LOCALES);

export const LoginRequestSchema = z
  .object({
    email: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(1024),
  })
  .strict();

export const SessionResponseSchema = z.object({
  authenticated: z.boolean(),
  csrfToken: z.string(),
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), locale: LocaleSchema }).nullable(),
  organisation: z.object({ id: z.string(), name: z.string(), orgnr: z.string() }).nullable(),
  roles: z.array(RoleSchema),
  employeeId: z.string().nullable(),
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
  /** After a correct password: the login waits for the second factor (`POST /auth/login/second-factor`). */
  secondFactorPending: z.boolean().optional(),
  /** The logged-in user's own account security (null when logged out). */
  security: z
    .object({
      secondFactorEnabled: z.boolean(),
      /** The user must set up a second factor before anything else (admin, HR). */
      secondFactorRequired: z.boolean(),
      /** Failed logins to this account the owner has not yet been shown. */
      failedLogins: z.number().int().min(0),
    })
    .nullable()
    .optional(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const SwitchOrganisationRequestSchema = z.object({ organisationId: z.uuid() }).strict();
export const LocaleRequestSchema = z.object({ locale: LocaleSchema }).strict();
export const OkSchema = z.object({ ok: z.literal(true) });
