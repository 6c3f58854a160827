/**
 * User accounts and their roles in the organisation. Only administrators manage them.
 * An account is global (a BHT consultant can serve several organisations); the roles are per organisation.
 */
import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { RoleSchema } from '../../contracts/auth/auth.schemas.ts';
import { bilingual } from '../../contracts/bilingual.ts';
import { EmailSchema } from '../../contracts/common.ts';
import { IdParamsSchema } from '../../contracts/organisation/organisation.schemas.ts';
import type { Database } from '../../db/schema.ts';
import type { Role } from '../../domain/access/roles.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, conflict, type FieldError, notFound } from '../../platform/errors.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { fieldsError } from '../../platform/validation.ts';
import { hashPassword } from '../auth/index.ts';
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
});
type User = z.infer<typeof UserSchema>;

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

async function listUsers(
  db: Transaction<Database> | import('kysely').Kysely<Database>,
  org: string,
): Promise<User[]> {
  const members = await db
    .selectFrom('membership as m')
    .innerJoin('user_account as a', 'a.id', 'm.user_id')
    .leftJoin('employee as e', (j) =>
      j.onRef('e.organisation_id', '=', 'm.organisation_id').onRef('e.id', '=', 'm.employee_id'),
    )
    .select(['a.id', 'a.name', 'a.email', 'a.disabled_at', 'm.employee_id', 'e.name as employee_name'])
    .where('m.organisation_id', '=', org)
    .orderBy(sql`lower(a.name)`)
    .execute();
  const roles = await db
    .selectFrom('role_assignment')
    .select(['user_id', 'role', 'verneomrade_id'])
    .where('organisation_id', '=', org)
    .execute();
  return members.map((m) => {
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
    };
  });
}

async function assignRoles(
  trx: Transaction<Database>,
  actor: Actor,
  userId: string,
  input: { roles: Role[]; employeeId?: string | null | undefined; verneomradeIds?: string[] | undefined },
) {
  const org = actor.organisationId;
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
    const taken = await trx
      .selectFrom('membership')
      .select('user_id')
      .where('organisation_id', '=', org)
      .where('employee_id', '=', employeeId)
      .where('user_id', '<>', userId)
      .executeTakeFirst();
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
    ...new Set(input.roles),
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
      summary: 'Gi en person tilgang (ny bruker, eller en eksisterende bruker fra en annen virksomhet)',
      tags: ['users'],
      access: access.roles('admin'),
      body: CreateUserRequestSchema,
      response: UserSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        const org = actor.organisationId;
        const existing = await db
          .selectFrom('user_account')
          .select('id')
          .where(sql<string>`lower(email)`, '=', body.email.toLowerCase())
          .executeTakeFirst();
        if (!existing && !body.password) {
          throw new AppError(
            'VALIDATION_FAILED',
            { nb: 'En ny bruker trenger et passord.', en: 'A new user needs a password.' },
            { fields: [{ path: 'password', message: { nb: 'Må fylles ut.', en: 'Required.' } }] },
          );
        }
        const passwordHash = existing ? null : await hashPassword(body.password!);
        const userId = await db.transaction().execute(async (trx) => {
          let id = existing?.id;
          if (id === undefined) {
            const created = await trx
              .insertInto('user_account')
              .values({ name: body.name, email: body.email, password_hash: passwordHash! })
              .returning('id')
              .executeTakeFirstOrThrow();
            id = created.id;
          } else {
            const member = await trx
              .selectFrom('membership')
              .select('user_id')
              .where('organisation_id', '=', org)
              .where('user_id', '=', id)
              .executeTakeFirst();
            if (member) {
              throw conflict(
                { nb: 'Brukeren har allerede tilgang.', en: 'The user already has access.' },
                'ALREADY_EXISTS',
              );
            }
          }
          await trx.insertInto('membership').values({ organisation_id: org, user_id: id }).execute();
          await assignRoles(trx, actor, id, body);
          await writeAudit(trx, actor, {
            action: 'create',
            entityType: 'membership',
            entityId: id,
            detail: { roles: body.roles },
          });
          return id;
        });
        const user = (await listUsers(db, org)).find((u) => u.id === userId);
        if (!user) throw notFound();
        return user;
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/users/:id',
      summary: 'Endre roller og kobling til ansattpost',
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
          if (!member) throw notFound({ nb: 'Fant ikke brukeren.', en: 'User not found.' });
          await assignRoles(trx, actor, params.id, body);
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
      summary: 'Fjern en brukers tilgang til virksomheten',
      tags: ['users'],
      access: access.roles('admin'),
      params: IdParamsSchema,
      response: z.object({ ok: z.literal(true) }),
      async handler({ params }, { db, actor }) {
        const org = actor.organisationId;
        await db.transaction().execute(async (trx) => {
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
  ];
}
