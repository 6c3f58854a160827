/**
 * First-time setup: on an empty database the first page creates the organisation and its first
 * administrator (or loads the demo company). Both refuse once any organisation exists.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { bilingual } from '../../contracts/bilingual.ts';
import { EmailSchema } from '../../contracts/common.ts';
import { OrgnrSchema } from '../../contracts/organisation/organisation.schemas.ts';
import type { Database } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import { conflict } from '../../platform/errors.ts';
import type { AuthOptions } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { assertPasswordPolicy, createSession, hashPassword, setSessionCookie } from '../auth/index.ts';
import { loadDemo } from './demo.ts';

export const PasswordSchema = z
  .string()
  .min(10, bilingual('Passordet må ha minst 10 tegn.', 'The password needs at least 10 characters.'))
  .max(200);

export const SetupRequestSchema = z
  .object({
    organisation: z.object({ name: z.string().trim().min(1).max(200), orgnr: OrgnrSchema }).strict(),
    admin: z
      .object({ name: z.string().trim().min(1).max(200), email: EmailSchema, password: PasswordSchema })
      .strict(),
  })
  .strict();

const SetupStatusSchema = z.object({ needsSetup: z.boolean() });
const SetupResultSchema = z.object({ organisationId: z.string() });
const DemoResultSchema = z.object({
  organisationId: z.string(),
  accounts: z.array(
    z.object({ role: z.string(), name: z.string(), email: z.string(), password: z.string() }),
  ),
});

export async function needsSetup(db: Kysely<Database>): Promise<boolean> {
  const any = await db.selectFrom('organisation').select('id').limit(1).execute();
  return any.length === 0;
}

const alreadySetUp = () =>
  conflict(
    {
      nb: 'Nærvær er allerede satt opp. Logg inn i stedet.',
      en: 'Nærvær is already set up. Log in instead.',
    },
    'ALREADY_EXISTS',
  );

export function setupRoutes(options: AuthOptions) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/setup',
      summary: 'Trenger databasen førstegangsoppsett?',
      tags: ['setup'],
      access: access.public,
      response: SetupStatusSchema,
      async handler(_input, { db }) {
        return { needsSetup: await needsSetup(db) };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/setup',
      summary: 'Opprett virksomheten og den første administratoren (bare på en tom database)',
      tags: ['setup'],
      access: access.public,
      body: SetupRequestSchema,
      response: SetupResultSchema,
      status: 201,
      async handler({ body }, ctx) {
        // The first administrator's password meets the same policy as every other (issue 11).
        await assertPasswordPolicy(
          body.admin.password,
          [body.admin.name, body.admin.email],
          'admin.password',
        );
        const passwordHash = await hashPassword(body.admin.password);
        const result = await ctx.db.transaction().execute(async (trx) => {
          // Serialise concurrent setups: only the first one finds the database empty.
          await trx.selectFrom('organisation').select('id').forUpdate().execute();
          const existing = await trx.selectFrom('organisation').select('id').limit(1).execute();
          if (existing.length > 0) throw alreadySetUp();
          const org = await trx
            .insertInto('organisation')
            .values({ name: body.organisation.name, orgnr: body.organisation.orgnr })
            .returning('id')
            .executeTakeFirstOrThrow();
          const user = await trx
            .insertInto('user_account')
            .values({
              name: body.admin.name,
              email: body.admin.email,
              password_hash: passwordHash,
              locale: ctx.locale,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx.insertInto('membership').values({ organisation_id: org.id, user_id: user.id }).execute();
          await trx
            .insertInto('role_assignment')
            .values({ organisation_id: org.id, user_id: user.id, role: 'admin' })
            .execute();
          await writeAudit(
            trx,
            { organisationId: org.id, userId: user.id, roles: ['admin'] },
            { action: 'create', entityType: 'organisation', entityId: org.id },
          );
          return { organisationId: org.id, userId: user.id };
        });
        const { token } = await createSession(
          ctx.db,
          result.userId,
          result.organisationId,
          options.sessionTtlHours,
        );
        setSessionCookie(ctx.reply, ctx.request, token, options);
        return { organisationId: result.organisationId };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/setup/demo',
      summary: 'Last inn demovirksomheten (bare på en tom database); svarer med demobrukerne',
      tags: ['setup'],
      access: access.public,
      response: DemoResultSchema,
      status: 201,
      async handler(_input, ctx) {
        if (!(await needsSetup(ctx.db))) throw alreadySetUp();
        return loadDemo(ctx.db);
      },
    }),
  ];
}
