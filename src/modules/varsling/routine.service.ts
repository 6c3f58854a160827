/**
 * The written routine for internal varsling (aml § 2 A-6): a draft admin/HR edit — pre-filled from
 * the organisation's channel (who receives, the top-leader rule, the anonymous link, the deadlines) —
 * published with the recorded cooperation step (§ 2 A-6 (2)), read by every employee with a read
 * confirmation (§ 2 A-6 (5): easily accessible), and as a PDF. Every write commits with its audit
 * entry in one transaction.
 */
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type {
  PublishedRoutine,
  RoutineDraftView,
  RoutineReadView,
} from '../../contracts/varsling/varsling.schemas.ts';
import type { Database, Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import {
  missingRequiredTopics,
  prefilledRoutine,
  ROUTINE_TOPIC_KEYS,
} from '../../domain/varsling/routine.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { notFound, staleVersion } from '../../platform/errors.ts';
import { fieldsError } from '../../platform/validation.ts';
import { renderRoutinePdf } from './routine.pdf.ts';
import { settingsView } from './varsling.service.ts';
import type { VarslingRoutineTable } from './varsling.tables.ts';

type RoutineRow = Selectable<VarslingRoutineTable>;

const AnswersSchema = z.record(z.string(), z.string());

/** Only the 21 topics, in their order; anything else in a stored row is ignored. */
function answersOf(row: Pick<RoutineRow, 'answers'>): Record<string, string> {
  const raw = AnswersSchema.parse(typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers);
  return Object.fromEntries(ROUTINE_TOPIC_KEYS.map((k) => [k, raw[k] ?? '']));
}

export const routineNotFound = () =>
  notFound({
    nb: 'Virksomheten har ikke publisert en varslingsrutine ennå.',
    en: 'The organisation has not published a whistleblowing routine yet.',
  });

async function rows(db: Db, organisationId: string) {
  return db
    .selectFrom('varsling_routine')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('number', 'desc')
    .execute();
}

function published(row: RoutineRow): Omit<PublishedRoutine, 'readOn'> {
  return {
    number: row.number,
    answers: answersOf(row),
    publishedOn: row.published_on ?? row.updated_on,
    cooperationWith: row.cooperation_with ?? '',
    cooperationOn: row.cooperation_on ?? row.updated_on,
  };
}

/** The pre-filled text: the organisation's channel as it is now. */
async function prefill(db: Db, organisationId: string) {
  const [settings, org] = await Promise.all([
    settingsView(db, organisationId),
    db.selectFrom('organisation').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow(),
  ]);
  return prefilledRoutine({
    organisationName: org.name,
    handlers: settings.handlers.map((h) => ({ name: h.name, topLeader: h.topLeader })),
    anonymousPath:
      settings.handlers.length > 0 && settings.channelId ? `/varsle/${settings.channelId}` : null,
  });
}

/** The draft for admin/HR (saved, or pre-filled), the published version and who confirmed reading it. */
export async function draftView(db: Db, organisationId: string): Promise<RoutineDraftView> {
  const all = await rows(db, organisationId);
  const draft = all.find((r) => r.status === 'utkast');
  const current = all.find((r) => r.status === 'publisert');
  const [members, reads] = await Promise.all([
    db
      .selectFrom('membership as m')
      .innerJoin('user_account as u', 'u.id', 'm.user_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('m.organisation_id', '=', organisationId)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirstOrThrow(),
    current
      ? db
          .selectFrom('varsling_routine_read as r')
          .innerJoin('user_account as u', 'u.id', 'r.user_id')
          .select(['u.name', 'r.read_on'])
          .where('r.organisation_id', '=', organisationId)
          .where('r.number', '=', current.number)
          .orderBy('u.name')
          .execute()
      : Promise.resolve([]),
  ]);
  return {
    version: draft?.version ?? 0,
    number: draft?.number ?? (all[0]?.number ?? 0) + 1,
    answers: draft ? answersOf(draft) : current ? answersOf(current) : await prefill(db, organisationId),
    saved: draft !== undefined,
    updatedOn: draft?.updated_on ?? null,
    published: current ? published(current) : null,
    reads: { members: Number(members.n), read: reads.map((r) => ({ name: r.name, readOn: r.read_on })) },
  };
}

/** Saves the draft; `version` 0 starts a new one (a second start at the same time is a 409). */
export async function saveDraft(
  db: Kysely<Database>,
  actor: Actor,
  input: { version: number; answers: Record<string, string> },
  today: IsoDate,
): Promise<RoutineDraftView> {
  const answers = JSON.stringify(
    Object.fromEntries(ROUTINE_TOPIC_KEYS.map((k) => [k, input.answers[k] ?? ''])),
  );
  await db.transaction().execute(async (trx) => {
    let number: number;
    if (input.version === 0) {
      const last = await trx
        .selectFrom('varsling_routine')
        .select(['number', 'status'])
        .where('organisation_id', '=', actor.organisationId)
        .orderBy('number', 'desc')
        .executeTakeFirst();
      if (last?.status === 'utkast') throw staleVersion();
      number = (last?.number ?? 0) + 1;
      const inserted = await trx
        .insertInto('varsling_routine')
        .values({
          organisation_id: actor.organisationId,
          number,
          status: 'utkast',
          answers,
          updated_on: today,
          updated_by: actor.userId,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('number')
        .executeTakeFirst();
      if (!inserted) throw staleVersion();
    } else {
      const updated = await trx
        .updateTable('varsling_routine')
        .set((eb) => ({
          answers,
          updated_on: today,
          updated_by: actor.userId,
          version: eb('version', '+', 1),
        }))
        .where('organisation_id', '=', actor.organisationId)
        .where('status', '=', 'utkast')
        .where('version', '=', input.version)
        .returning('number')
        .executeTakeFirst();
      if (!updated) throw staleVersion();
      number = updated.number;
    }
    await writeAudit(trx, actor, {
      action: input.version === 0 ? 'create' : 'update',
      entityType: 'varsling_routine',
      entityId: null,
      detail: { number },
    });
  });
  return draftView(db, actor.organisationId);
}

/**
 * Publishes the draft: the topics aml § 2 A-6 (4) a–c requires must have text, and the cooperation
 * with the employees and their tillitsvalgte (§ 2 A-6 (2)) is recorded — with whom and when.
 */
export async function publishRoutine(
  db: Kysely<Database>,
  actor: Actor,
  input: { version: number; cooperationWith: string; cooperationOn: IsoDate },
  today: IsoDate,
): Promise<RoutineDraftView> {
  await db.transaction().execute(async (trx) => {
    const draft = await trx
      .selectFrom('varsling_routine')
      .selectAll()
      .where('organisation_id', '=', actor.organisationId)
      .where('status', '=', 'utkast')
      .forUpdate()
      .executeTakeFirst();
    if (!draft || draft.version !== input.version) throw staleVersion();
    const fields = missingRequiredTopics(answersOf(draft)).map((key) => ({
      path: `answers.${key}`,
      message: {
        nb: 'Må fylles ut: arbeidsmiljøloven § 2 A-6 (4) krever dette i rutinen.',
        en: 'Required: the Working Environment Act § 2 A-6 (4) requires it in the routine.',
      },
    }));
    if (input.cooperationOn > today) {
      fields.push({
        path: 'cooperationOn',
        message: { nb: 'Datoen kan ikke være fram i tid.', en: 'The date cannot be in the future.' },
      });
    }
    if (fields.length > 0) throw fieldsError(fields);
    await trx
      .updateTable('varsling_routine')
      .set({
        status: 'publisert',
        published_on: today,
        published_by: actor.userId,
        cooperation_with: input.cooperationWith,
        cooperation_on: input.cooperationOn,
        version: draft.version + 1,
      })
      .where('organisation_id', '=', actor.organisationId)
      .where('number', '=', draft.number)
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'varsling_routine',
      entityId: null,
      detail: { number: draft.number, published: true },
    });
  });
  return draftView(db, actor.organisationId);
}

async function currentRoutine(db: Db, organisationId: string) {
  return db
    .selectFrom('varsling_routine')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'publisert')
    .orderBy('number', 'desc')
    .executeTakeFirst();
}

/** The routine in force, for everyone in the organisation, with the caller's read confirmation. */
export async function routineForReader(db: Db, actor: Actor): Promise<RoutineReadView> {
  const row = await currentRoutine(db, actor.organisationId);
  if (!row) return { routine: null };
  const read = await db
    .selectFrom('varsling_routine_read')
    .select('read_on')
    .where('organisation_id', '=', actor.organisationId)
    .where('number', '=', row.number)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  return { routine: { ...published(row), readOn: read?.read_on ?? null } };
}

/** «Jeg har lest rutinen»: once per version; a repeat keeps the first day. */
export async function confirmRead(
  db: Kysely<Database>,
  actor: Actor,
  number: number,
  today: IsoDate,
): Promise<RoutineReadView> {
  const row = await currentRoutine(db, actor.organisationId);
  if (!row) throw routineNotFound();
  if (row.number !== number) throw staleVersion();
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('varsling_routine_read')
      .values({ organisation_id: actor.organisationId, number, user_id: actor.userId, read_on: today })
      .onConflict((oc) => oc.columns(['organisation_id', 'number', 'user_id']).doNothing())
      .returning('number')
      .executeTakeFirst();
    if (inserted) {
      await writeAudit(trx, actor, {
        action: 'create',
        entityType: 'varsling_routine_read',
        entityId: null,
        detail: { number },
      });
    }
  });
  return routineForReader(db, actor);
}

/** The routine in force as a PDF. */
export async function routinePdf(db: Db, organisationId: string): Promise<Buffer> {
  const row = await currentRoutine(db, organisationId);
  if (!row) throw routineNotFound();
  const org = await db
    .selectFrom('organisation')
    .select(['name', 'orgnr'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const p = published(row);
  return renderRoutinePdf({
    organisation: { name: org.name, orgnr: org.orgnr },
    number: p.number,
    publishedOn: p.publishedOn,
    cooperationWith: p.cooperationWith,
    cooperationOn: p.cooperationOn,
    answers: p.answers,
  });
}
