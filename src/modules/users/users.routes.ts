/**
 * User accounts and their roles in the organisation. Only administrators manage them.
 * An account is global (a BHT consultant can serve several organisations); the roles are per organisation.
 *
 * Adding someone whose e-mail already has an account (in another organisation) never attaches that
 * account and never shows its name (issue 11 item 4, GDPR art. 5(1)(f)): it makes an *invitation*
 * the person accepts after logging in (`/api/v1/me/invitations`). The reply, the time it takes and
 * the user list look the same as for a new account: both are "not logged in yet" until the person
 * logs in or accepts, and the name shown is the one the administrator typed.
 */
import { randomBytes } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import {
  InvitationListSchema,
  InvitationParamsSchema,
  OkSchema,
} from '../../contracts/auth/account.schemas.ts';
import { RoleSchema } from '../../contracts/auth/auth.schemas.ts';
import { bilingual } from '../../contracts/bilingual.ts';
import { EmailSchema } from '../../contracts/common.ts';
import { IdParamsSchema } from '../../contracts/organisation/organisation.schemas.ts';
import type { Database } from '../../db/schema.ts';
import { ROLES, type Role } from '../../domain/access/roles.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { conflict, type FieldError, notFound } from '../../platform/errors.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { fieldsError } from '../../platform/validation.ts';
import { assertPasswordPolicy, hashPassword } from '../auth/index.ts';
import { PasswordSchema } from '../setup/index.ts';

const UserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(RoleSchema),
  employeeId: z.string().nullable(),
  employeeName: z.string().nullable(),
  verneomradeIds: z.array(z.string()),
  disabled: z.boolean(),
  /** Not logged in yet (a new account) or not yet accepted (an invitation): the same to the admin. */
  pending: z.boolean(),
});
type User = z.infer<typeof UserSchema>;

/** How long an invitation can be accepted. Product default. */
const INVITATION_DAYS = 14;

const rolesFields = {
  roles: z.array(RoleSchema).min(1, bilingual('Velg minst én rolle.', 'Choose at least one role.')).max(8),
  employeeId: z.uuid().nullable().optional(),
  verneomradeIds: z.array(z.uuid()).max(50).optional(),
};
const verneombudNeedsArea = {
  message: bilingual(
    'En verneombud må ha minst ett verneområde.',
    'A safety representative needs at least one safety area.',
  ),
  path: ['verneomradeIds'],
};
const hasAreaIfVerneombud = (v: { roles: Role[]; verneomradeIds?: string[] | undefined }) =>
  !v.roles.includes('verneombud') || (v.verneomradeIds?.length ?? 0) > 0;

const CreateUserRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: EmailSchema,
    password: PasswordSchema.optional(),
    ...rolesFields,
  })
  .strict()
  .refine(hasAreaIfVerneombud, verneombudNeedsArea);

const UpdateUserRequestSchema = z
  .object(rolesFields)
  .strict()
  .refine(hasAreaIfVerneombud, verneombudNeedsArea);

async function listUsers(db: Transaction<Database> | Kysely<Database>, org: string): Promise<User[]> {
  const members = await db
    .selectFrom('membership as m')
    .innerJoin('user_account as a', 'a.id', 'm.user_id')
    .leftJoin('employee as e', (j) =>
      j.onRef('e.organisation_id', '=', 'm.organisation_id').onRef('e.id', '=', 'm.employee_id'),
    )
    .select([
      'a.id',
      'a.name',
      'a.email',
      'a.disabled_at',
      'a.first_login_at',
      'm.employee_id',
      'e.name as employee_name',
    ])
    .where('m.organisation_id', '=', org)
    .orderBy(sql`lower(a.name)`)
    .execute();
  const roles = await db
    .selectFrom('role_assignment')
    .select(['user_id', 'role', 'verneomrade_id'])
    .where('organisation_id', '=', org)
    .execute();
  const users: User[] = members.map((m) => {
    const mine = roles.filter((r) => r.user_id === m.id);
    return {
      id: m.id,
      name: m.name,
      email: m.email,
      roles: [...new Set(mine.map((r) => r.role))],
      employeeId: m.employee_id,
      employeeName: m.employee_name,
      verneomradeIds: mine.flatMap((r) => (r.verneomrade_id ? [r.verneomrade_id] : [])),
      disabled: m.disabled_at !== null,
      pending: m.first_login_at === null,
    };
  });
  const invitations = await db
    .selectFrom('user_invitation as i')
    .leftJoin('employee as e', (j) =>
      j.onRef('e.organisation_id', '=', 'i.organisation_id').onRef('e.id', '=', 'i.employee_id'),
    )
    .select([
      'i.id',
      'i.name',
      'i.email',
      'i.roles',
      'i.employee_id',
      'i.verneomrade_ids',
      'e.name as employee_name',
    ])
    .where('i.organisation_id', '=', org)
    .where('i.expires_at', '>', new Date())
    .execute();
  if (invitations.length === 0) return users;
  for (const i of invitations) users.push(invitationAsUser(i));
  return users.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'nb'));
}

type InvitationRow = {
  id: string;
  name: string;
  email: string;
  roles: string;
  employee_id: string | null;
  verneomrade_ids: string;
  employee_name: string | null;
};

function invitationAsUser(i: InvitationRow): User {
  return {
    id: i.id,
    name: i.name,
    email: i.email,
    roles: splitRoles(i.roles),
    employeeId: i.employee_id,
    employeeName: i.employee_name,
    verneomradeIds: i.verneomrade_ids === '' ? [] : i.verneomrade_ids.split(','),
    disabled: false,
    pending: true,
  };
}

const splitRoles = (roles: string): Role[] =>
  roles.split(',').filter((r): r is Role => (ROLES as readonly string[]).includes(r));

type Assignment = {
  roles: Role[];
  employeeId?: string | null | undefined;
  verneomradeIds?: string[] | undefined;
};

/**
 * Checks an assignment of roles against the organisation (the employee exists and is free, a leader
 * has an employee record, the safety areas exist); 400 naming each bad field. Returns the areas.
 * `userId`: the account it is for (null: an invitation, not yet an account here).
 */
async function validateAssignment(
  trx: Transaction<Database>,
  org: string,
  userId: string | null,
  input: Assignment,
  invitationId?: string,
): Promise<string[]> {
  const fields: FieldError[] = [];
  const employeeId = input.employeeId ?? null;
  if (employeeId !== null) {
    const employee = await trx
      .selectFrom('employee')
      .select('id')
      .where('organisation_id', '=', org)
      .where('id', '=', employeeId)
      .executeTakeFirst();
    if (!employee)
      fields.push({
        path: 'employeeId',
        message: { nb: 'Fant ikke den ansatte.', en: 'Employee not found.' },
      });
    let takenQuery = trx
      .selectFrom('membership')
      .select('user_id')
      .where('organisation_id', '=', org)
      .where('employee_id', '=', employeeId);
    if (userId !== null) takenQuery = takenQuery.where('user_id', '<>', userId);
    let invitedQuery = trx
      .selectFrom('user_invitation')
      .select('id as user_id')
      .where('organisation_id', '=', org)
      .where('employee_id', '=', employeeId)
      .where('expires_at', '>', new Date());
    if (invitationId !== undefined) invitedQuery = invitedQuery.where('id', '<>', invitationId);
    const taken = (await takenQuery.executeTakeFirst()) ?? (await invitedQuery.executeTakeFirst());
    if (taken) {
      fields.push({
        path: 'employeeId',
        message: {
          nb: 'Den ansatte er knyttet til en annen bruker.',
          en: 'The employee is linked to another user.',
        },
      });
    }
  }
  if (input.roles.includes('leder') && employeeId === null) {
    fields.push({
      path: 'employeeId',
      message: {
        nb: 'En leder må være knyttet til sin egen ansattpost, så vi vet hvem hen leder.',
        en: 'A leader must be linked to their own employee record, so we know whom they lead.',
      },
    });
  }
  const areaIds = input.roles.includes('verneombud') ? [...new Set(input.verneomradeIds ?? [])] : [];
  if (areaIds.length > 0) {
    const found = await trx
      .selectFrom('verneomrade')
      .select('id')
      .where('organisation_id', '=', org)
      .where('id', 'in', areaIds)
      .execute();
    if (found.length !== areaIds.length) {
      fields.push({
        path: 'verneomradeIds',
        message: { nb: 'Fant ikke verneområdet.', en: 'Safety area not found.' },
      });
    }
  }
  if (fields.length > 0) throw fieldsError(fields);
  return areaIds;
}

async function ownEmail(db: Kysely<Database>, userId: string): Promise<string> {
  const row = await db
    .selectFrom('user_account')
    .select('email')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.email.toLowerCase();
}

async function assignRoles(trx: Transaction<Database>, actor: Actor, userId: string, input: Assignment) {
  const org = actor.organisationId;
  const employeeId = input.employeeId ?? null;
  const areaIds = await validateAssignment(trx, org, userId, input);
  await writeRoles(trx, org, userId, employeeId, input.roles, areaIds);
}

async function writeRoles(
  trx: Transaction<Database>,
  org: string,
  userId: string,
  employeeId: string | null,
  roles: Role[],
  areaIds: string[],
) {
  await trx
    .updateTable('membership')
    .set({ employee_id: employeeId })
    .where('organisation_id', '=', org)
    .where('user_id', '=', userId)
    .execute();
  await trx
    .deleteFrom('role_assignment')
    .where('organisation_id', '=', org)
    .where('user_id', '=', userId)
    .execute();
  const rows: { organisation_id: string; user_id: string; role: Role; verneomrade_id: string | null }[] = [
    ...new Set(roles),
  ].flatMap(
    (role): { organisation_id: string; user_id: string; role: Role; verneomrade_id: string | null }[] =>
      role === 'verneombud'
        ? areaIds.map((verneomrade_id) => ({ organisation_id: org, user_id: userId, role, verneomrade_id }))
        : [{ organisation_id: org, user_id: userId, role, verneomrade_id: null }],
  );
  await trx.insertInto('role_assignment').values(rows).execute();
  // There must always be an administrator left who can manage users.
  const admins = await trx
    .selectFrom('role_assignment')
    .select('user_id')
    .where('organisation_id', '=', org)
    .where('role', '=', 'admin')
    .limit(1)
    .execute();
  if (admins.length === 0) throw lastAdmin();
}

const lastAdmin = () =>
  conflict({
    nb: 'Virksomheten må ha minst én administrator.',
    en: 'The organisation needs at least one administrator.',
  });

export function userRoutes() {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/users',
      summary: 'Brukere og roller i virksomheten',
      tags: ['users'],
      access: access.roles('admin'),
      response: z.object({ items: z.array(UserSchema) }),
      async handler(_input, { db, actor }) {
        return { items: await listUsers(db, actor.organisationId) };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/users',
      summary:
        'Gi en person tilgang: ny bruker, eller en invitasjon personen godtar om e-postadressen allerede har en konto',
      tags: ['users'],
      access: access.roles('admin'),
      body: CreateUserRequestSchema,
      response: UserSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        const org = actor.organisationId;
        // The policy and the hash whether or not the address has an account: the answer and its
        // timing must not tell (issue 11 item 4). Without a password a new person chooses one
        // through «Glemt passord?».
        if (body.password !== undefined)
          await assertPasswordPolicy(body.password, [body.name, body.email], 'password');
        const passwordHash = await hashPassword(body.password ?? randomBytes(32).toString('base64url'));
        const result = await db.transaction().execute(async (trx) => {
          const existing = await trx
            .selectFrom('user_account')
            .select('id')
            .where(sql<string>`lower(email)`, '=', body.email.toLowerCase())
            .executeTakeFirst();
          const invited = await trx
            .selectFrom('user_invitation')
            .select('id')
            .where('organisation_id', '=', org)
            .where(sql<string>`lower(email)`, '=', body.email.toLowerCase())
            .executeTakeFirst();
          const member = existing
            ? await trx
                .selectFrom('membership')
                .select('user_id')
                .where('organisation_id', '=', org)
                .where('user_id', '=', existing.id)
                .executeTakeFirst()
            : undefined;
          if (member || invited) {
            // Both are already on this organisation's own list: nothing new is revealed.
            throw conflict(
              {
                nb: 'Brukeren har allerede tilgang eller er invitert.',
                en: 'The user already has access or is invited.',
              },
              'ALREADY_EXISTS',
            );
          }
          if (existing) {
            // An account elsewhere: invite, never attach (the owner accepts after logging in).
            await trx
              .deleteFrom('user_invitation')
              .where('organisation_id', '=', org)
              .where('expires_at', '<=', new Date())
              .execute();
            const areaIds = await validateAssignment(trx, org, null, body);
            const row = await trx
              .insertInto('user_invitation')
              .values({
                organisation_id: org,
                email: body.email,
                name: body.name,
                roles: [...new Set(body.roles)].join(','),
                employee_id: body.employeeId ?? null,
                verneomrade_ids: areaIds.join(','),
                invited_by: actor.userId,
                expires_at: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            await writeAudit(trx, actor, {
              action: 'create',
              entityType: 'membership',
              entityId: row.id,
              detail: { roles: body.roles },
            });
            return { kind: 'invitation' as const, id: row.id };
          }
          const created = await trx
            .insertInto('user_account')
            .values({ name: body.name, email: body.email, password_hash: passwordHash })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx.insertInto('membership').values({ organisation_id: org, user_id: created.id }).execute();
          await assignRoles(trx, actor, created.id, body);
          await writeAudit(trx, actor, {
            action: 'create',
            entityType: 'membership',
            entityId: created.id,
            detail: { roles: body.roles },
          });
          return { kind: 'user' as const, id: created.id };
        });
        const user = (await listUsers(db, org)).find((u) => u.id === result.id);
        if (!user) throw notFound();
        // The name is the one typed here, for an invitation and a new account alike.
        return { ...user, name: body.name };
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/users/:id',
      summary: 'Endre roller og kobling til ansattpost (også for en invitasjon som venter)',
      tags: ['users'],
      access: access.roles('admin'),
      params: IdParamsSchema,
      body: UpdateUserRequestSchema,
      response: UserSchema,
      async handler({ params, body }, { db, actor }) {
        const org = actor.organisationId;
        await db.transaction().execute(async (trx) => {
          const member = await trx
            .selectFrom('membership')
            .select('user_id')
            .where('organisation_id', '=', org)
            .where('user_id', '=', params.id)
            .executeTakeFirst();
          if (member) {
            await assignRoles(trx, actor, params.id, body);
          } else {
            const invitation = await trx
              .selectFrom('user_invitation')
              .select('id')
              .where('organisation_id', '=', org)
              .where('id', '=', params.id)
              .where('expires_at', '>', new Date())
              .executeTakeFirst();
            if (!invitation) throw notFound({ nb: 'Fant ikke brukeren.', en: 'User not found.' });
            const areaIds = await validateAssignment(trx, org, null, body, invitation.id);
            await trx
              .updateTable('user_invitation')
              .set({
                roles: [...new Set(body.roles)].join(','),
                employee_id: body.employeeId ?? null,
                verneomrade_ids: areaIds.join(','),
              })
              .where('organisation_id', '=', org)
              .where('id', '=', invitation.id)
              .execute();
          }
          await writeAudit(trx, actor, {
            action: 'update',
            entityType: 'membership',
            entityId: params.id,
            detail: { roles: body.roles },
          });
        });
        const user = (await listUsers(db, org)).find((u) => u.id === params.id);
        if (!user) throw notFound();
        return user;
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: '/api/v1/users/:id',
      summary: 'Fjern en brukers tilgang til virksomheten (eller trekk tilbake en invitasjon)',
      tags: ['users'],
      access: access.roles('admin'),
      params: IdParamsSchema,
      response: z.object({ ok: z.literal(true) }),
      async handler({ params }, { db, actor }) {
        const org = actor.organisationId;
        await db.transaction().execute(async (trx) => {
          const withdrawn = await trx
            .deleteFrom('user_invitation')
            .where('organisation_id', '=', org)
            .where('id', '=', params.id)
            .returning('id')
            .executeTakeFirst();
          if (withdrawn) {
            await writeAudit(trx, actor, { action: 'delete', entityType: 'membership', entityId: params.id });
            return;
          }
          const removed = await trx
            .deleteFrom('membership')
            .where('organisation_id', '=', org)
            .where('user_id', '=', params.id)
            .returning('user_id')
            .executeTakeFirst();
          if (!removed) throw notFound({ nb: 'Fant ikke brukeren.', en: 'User not found.' });
          const admins = await trx
            .selectFrom('role_assignment')
            .select('user_id')
            .where('organisation_id', '=', org)
            .where('role', '=', 'admin')
            .limit(1)
            .execute();
          if (admins.length === 0) throw lastAdmin();
          await trx
            .deleteFrom('session')
            .where('user_id', '=', params.id)
            .where('organisation_id', '=', org)
            .execute();
          await writeAudit(trx, actor, { action: 'delete', entityType: 'membership', entityId: params.id });
        });
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/me/invitations',
      summary: 'Invitasjoner til andre virksomheter som venter på svar fra meg',
      tags: ['users'],
      access: access.user,
      response: InvitationListSchema,
      async handler(_input, ctx) {
        const email = await ownEmail(ctx.db, ctx.session?.userId ?? '');
        const rows = await ctx.db
          .selectFrom('user_invitation as i')
          .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
          .select(['i.organisation_id', 'i.id', 'o.name', 'i.roles', 'i.created_at'])
          .where(sql<string>`lower(i.email)`, '=', email)
          .where('i.expires_at', '>', new Date())
          .orderBy('i.created_at')
          .execute();
        return {
          items: rows.map((r) => ({
            organisationId: r.organisation_id,
            id: r.id,
            organisationName: r.name,
            roles: splitRoles(r.roles),
            createdAt: r.created_at.toISOString(),
          })),
        };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/me/invitations/:organisationId/:id/accept',
      summary: 'Godta en invitasjon: kontoen min får tilgang til virksomheten med rollene i invitasjonen',
      tags: ['users'],
      access: access.user,
      params: InvitationParamsSchema,
      response: OkSchema,
      async handler({ params }, ctx) {
        const userId = ctx.session?.userId ?? '';
        const email = await ownEmail(ctx.db, userId);
        await ctx.db.transaction().execute(async (trx) => {
          const invitation = await trx
            .deleteFrom('user_invitation')
            .where('organisation_id', '=', params.organisationId)
            .where('id', '=', params.id)
            .where(sql<string>`lower(email)`, '=', email)
            .where('expires_at', '>', new Date())
            .returningAll()
            .executeTakeFirst();
          // Someone else's invitation, or none: the same 404.
          if (!invitation) throw notFound({ nb: 'Fant ikke invitasjonen.', en: 'Invitation not found.' });
          const org = invitation.organisation_id;
          const roles = splitRoles(invitation.roles);
          const areas = invitation.verneomrade_ids === '' ? [] : invitation.verneomrade_ids.split(',');
          await trx
            .insertInto('membership')
            .values({ organisation_id: org, user_id: userId })
            .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doNothing())
            .execute();
          const input = { roles, employeeId: invitation.employee_id, verneomradeIds: areas };
          const areaIds = await validateAssignment(trx, org, userId, input);
          await writeRoles(trx, org, userId, invitation.employee_id, roles, areaIds);
          await writeAudit(
            trx,
            { organisationId: org, userId, roles },
            {
              action: 'create',
              entityType: 'membership',
              entityId: userId,
              detail: { accepted: true, roles },
            },
          );
        });
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: '/api/v1/me/invitations/:organisationId/:id',
      summary: 'Avslå en invitasjon',
      tags: ['users'],
      access: access.user,
      params: InvitationParamsSchema,
      response: OkSchema,
      async handler({ params }, ctx) {
        const userId = ctx.session?.userId ?? '';
        const email = await ownEmail(ctx.db, userId);
        await ctx.db.transaction().execute(async (trx) => {
          const invitation = await trx
            .deleteFrom('user_invitation')
            .where('organisation_id', '=', params.organisationId)
            .where('id', '=', params.id)
            .where(sql<string>`lower(email)`, '=', email)
            .returning('id')
            .executeTakeFirst();
          if (!invitation) throw notFound({ nb: 'Fant ikke invitasjonen.', en: 'Invitation not found.' });
          await writeAudit(
            trx,
            { organisationId: params.organisationId, userId, roles: [] },
            { action: 'delete', entityType: 'membership', entityId: params.id, detail: { declined: true } },
          );
        });
        return { ok: true as const };
      },
    }),
  ];
}
