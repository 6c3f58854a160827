/**
 * Wire shapes of the account pages (ADR 0016): changing and resetting the password, the TOTP second
 * factor with recovery codes, the own session list, failed-login notices and invitations. Pure: the
 * web imports them.
 */
import { z } from 'zod';
import { bilingual } from '../bilingual.ts';
import { EmailSchema } from '../common.ts';

const required = bilingual('Må fylles ut.', 'Required.');

/** The length limits only; the full policy (common passwords, the demo password) is the server's. */
export const NewPasswordSchema = z
  .string()
  .min(10, bilingual('Passordet må ha minst 10 tegn.', 'The password needs at least 10 characters.'))
  .max(200, bilingual('Passordet kan ha høyst 200 tegn.', 'The password can have at most 200 characters.'));

export const ChangePasswordRequestSchema = z
  .object({
    currentPassword: z.string().min(1, required).max(1024),
    newPassword: NewPasswordSchema,
  })
  .strict();

export const ResetRequestSchema = z.object({ email: EmailSchema }).strict();

export const ResetConfirmSchema = z
  .object({
    token: z
      .string()
      .min(20, bilingual('Lenken er ugyldig.', 'The link is invalid.'))
      .max(100, bilingual('Lenken er ugyldig.', 'The link is invalid.')),
    newPassword: NewPasswordSchema,
  })
  .strict();

export const TotpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{3} ?\d{3}$/, bilingual('Skriv de 6 sifrene fra appen.', 'Enter the 6 digits from the app.'));

export const SecondFactorLoginSchema = z
  .object({
    code: TotpCodeSchema.optional(),
    recoveryCode: z
      .string()
      .trim()
      .min(10, bilingual('Skriv en gjenopprettingskode.', 'Enter a recovery code.'))
      .max(20, bilingual('Skriv en gjenopprettingskode.', 'Enter a recovery code.'))
      .optional(),
  })
  .strict()
  .refine((v) => (v.code === undefined) !== (v.recoveryCode === undefined), {
    message: bilingual(
      'Skriv koden fra appen eller en gjenopprettingskode.',
      'Enter the app code or a recovery code.',
    ),
    path: ['code'],
  });

export const EnrolmentSchema = z.object({
  /** Base32, to type in by hand. */
  secret: z.string(),
  /** `otpauth://totp/…`, for the QR code. */
  uri: z.string(),
  /** The QR code as an SVG image (a data: URL). */
  qrSvg: z.string(),
});

export const ConfirmEnrolmentSchema = z.object({ code: TotpCodeSchema }).strict();

export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const DisableSecondFactorSchema = z
  .object({ password: z.string().min(1, required).max(1024), code: TotpCodeSchema })
  .strict();

export const SecondFactorStatusSchema = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});

export const SessionItemSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  userAgent: z.string(),
  ipPrefix: z.string(),
});
export const SessionListSchema = z.object({ items: z.array(SessionItemSchema) });
export type SessionItem = z.infer<typeof SessionItemSchema>;

export const SessionIdParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }).strict();

export const FailedLoginsSchema = z.object({
  items: z.array(z.object({ at: z.string(), ipPrefix: z.string() })),
});

export const InvitationSchema = z.object({
  organisationId: z.string(),
  id: z.string(),
  organisationName: z.string(),
  roles: z.array(z.string()),
  createdAt: z.string(),
});
export const InvitationListSchema = z.object({ items: z.array(InvitationSchema) });
export type Invitation = z.infer<typeof InvitationSchema>;

export const InvitationParamsSchema = z.object({ organisationId: z.uuid(), id: z.uuid() }).strict();

export const OkSchema = z.object({ ok: z.literal(true) });
export const AcceptedSchema = z.object({ accepted: z.literal(true) });
