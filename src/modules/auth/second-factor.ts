/**
 * The TOTP second factor (RFC 6238: an authenticator app, 6 digits, 30-second steps) with recovery
 * codes, and the one rule that says who must have it (ADR 0016). Secrets are encrypted at rest
 * (`secrets.ts`), recovery codes stored as argon2id hashes, each code accepted once; a TOTP code is
 * never accepted twice (the last used time step is kept). Nothing here is logged.
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../../db/schema.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { SecondFactorRule } from '../../platform/module.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { decryptSecret, encryptSecret } from './secrets.ts';

export const TOTP_ISSUER = 'Nærvær';
export const RECOVERY_CODE_COUNT = 10;

/** Whether the second factor is enforced at all: `required` in production, `optional` for tests and the demo. */
export type SecondFactorMode = 'required' | 'optional';

/**
 * Roles whose holders must use a second factor: they see every employee's sick leave and manage
 * access (GDPR art. 32 — appropriate security for special-category data; Normen 6.0 ch. 5.4 —
 * two-factor authentication for access to health data). Product default.
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['admin', 'hr'];

/**
 * The auth module's own rule, in its manifest's `secondFactorRules` (each module contributes its own
 * the same way and the registry combines them — ADR 0020): admin and HR in any organisation.
 */
export const privilegedRoleRule: SecondFactorRule = async (db, userId) => {
  const row = await db
    .selectFrom('role_assignment')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('role', 'in', [...SECOND_FACTOR_ROLES])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
};

/** Must this user have a second factor (in any organisation they belong to), by any of the rules? */
export async function secondFactorRequired(
  db: Db,
  userId: string,
  rules: readonly SecondFactorRule[],
): Promise<boolean> {
  for (const rule of rules) if (await rule(db, userId)) return true;
  return false;
}

export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('auth_totp')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Starts (or restarts) enrolment: a new secret, not yet confirmed. Returns what the app shows once. */
export async function startEnrolment(
  db: Db,
  user: { id: string; email: string },
): Promise<{ secret: string; uri: string }> {
  // otplib is loaded when a person uses two-step login, not at every start (issue 9: start-up time).
  const { generateSecret, generateURI } = await import('otplib');
  const secret = generateSecret();
  const secretEnc = await encryptSecret(secret);
  await db
    .insertInto('auth_totp')
    .values({ user_id: user.id, secret_enc: secretEnc })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ secret_enc: secretEnc, confirmed_at: null, last_step: null }),
    )
    .execute();
  return { secret, uri: generateURI({ issuer: TOTP_ISSUER, label: user.email, secret }) };
}

/**
 * Checks a 6-digit code against the user's secret (confirmed, or — for enrolment — pending), one step
 * of clock drift either way, and records the step so the same code cannot be used again.
 */
export async function checkTotp(
  db: Db,
  userId: string,
  code: string,
  state: 'confirmed' | 'pending',
): Promise<boolean> {
  const row = await db
    .selectFrom('auth_totp')
    .select(['secret_enc', 'confirmed_at', 'last_step'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row || (state === 'confirmed') !== (row.confirmed_at !== null)) return false;
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  const secret = await decryptSecret(row.secret_enc);
  const lastStep = row.last_step === null ? undefined : Number(row.last_step);
  const { verify } = await import('otplib');
  const result = await verify({
    secret,
    token,
    epochTolerance: 30,
    ...(lastStep !== undefined ? { afterTimeStep: lastStep } : {}),
  }).catch(() => ({ valid: false as const }));
  if (!result.valid || !('timeStep' in result) || typeof result.timeStep !== 'number') return false;
  // Only one request may use a step: the update holds only if nobody recorded this step first.
  const updated = await db
    .updateTable('auth_totp')
    .set({ last_step: result.timeStep })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', String(result.timeStep))]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** `xxxx-xxxx-xx` from an alphabet without look-alikes (≈ 50 bits each). */
function recoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  let s = '';
  for (let i = 0; i < 10; i++) s += alphabet[randomInt(alphabet.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

const normalizeRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** New recovery codes (the old ones stop working); the plain codes are returned once, only hashes kept. */
export async function replaceRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
  const hashes = await Promise.all(codes.map((c) => hashPassword(normalizeRecovery(c))));
  await db.deleteFrom('auth_recovery_code').where('user_id', '=', userId).execute();
  await db
    .insertInto('auth_recovery_code')
    .values(hashes.map((code_hash, i) => ({ user_id: userId, id: i + 1, code_hash })))
    .execute();
  return codes;
}

/** Uses one recovery code: true when it matched an unused one (which is then spent). */
export async function spendRecoveryCode(
  db: Kysely<Database>,
  userId: string,
  code: string,
): Promise<boolean> {
  const plain = normalizeRecovery(code);
  if (plain.length !== 10) return false;
  const rows = await db
    .selectFrom('auth_recovery_code')
    .select(['id', 'code_hash'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  for (const row of rows) {
    if (await verifyPassword(row.code_hash, plain)) {
      const spent = await db
        .updateTable('auth_recovery_code')
        .set({ used_at: new Date() })
        .where('user_id', '=', userId)
        .where('id', '=', row.id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(spent.numUpdatedRows) === 1;
    }
  }
  return false;
}

export async function remainingRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('auth_recovery_code')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function removeSecondFactor(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('auth_recovery_code').where('user_id', '=', userId).execute();
  await db.deleteFrom('auth_totp').where('user_id', '=', userId).execute();
}
