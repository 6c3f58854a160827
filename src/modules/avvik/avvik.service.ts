/**
 * Avvik: report, read, handle, close — every write in one transaction with its audit entry.
 * Access follows `avvikAccess` (src/domain/avvik): a row the caller may not see is a 404.
 */
import { sql, type Transaction } from 'kysely';
import type {
  Avvik,
  AvvikListItem,
  AvvikReport,
  Injury,
  Privacy,
  Triage,
} from '../../contracts/avvik/avvik.schemas.ts';
import type { Database, Db } from '../../db/schema.ts';
import {
  type AlarmStep,
  type AvvikStatus,
  type AvvikTaskKind,
  isInjuryCategory,
  navTaskDue,
  notifyDeadline,
  reminderTimes,
  writtenConfirmationDue,
} from '../../domain/avvik/index.ts';
import { addDays, type IsoDate } from '../../domain/calendar/index.ts';
import { enqueue } from '../../jobs/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, conflict, notFound, staleVersion } from '../../platform/errors.ts';
import { fieldsError } from '../../platform/validation.ts';
import { markBarrierWeakened } from '../risiko/index.ts';
import { accessOf, unitAreas, viewerOf } from './access.ts';
import { notifyAvvikUsers } from './notify.ts';

/** A barrier shown failing brings the risk assessment's review this close (product default, «anbefalt»). */
export const BARRIER_REVIEW_DAYS = 30;

export const PRIVACY_REMINDER_JOB = 'avvik.personvern-paminnelse';

export const avvikNotFound = () => notFound({ nb: 'Fant ikke avviket.', en: 'Deviation not found.' });

/** The row and how the actor sees it; 404 when they may not. */
export async function mustSee(db: Db, actor: Actor, id: string) {
  const row = await db
    .selectFrom('avvik')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw avvikNotFound();
  const access = (await accessOf(db, actor.organisationId, await viewerOf(db, actor), [row])).get(row.id);
  if (!access) throw avvikNotFound();
  return { row, access };
}

export async function mustHandle(db: Db, actor: Actor, id: string) {
  const found = await mustSee(db, actor, id);
  if (found.access !== 'handler') throw avvikNotFound();
  return found;
}

function notClosed(status: string) {
  if (status === 'lukket') {
    throw conflict({ nb: 'Avviket er lukket.', en: 'The deviation is closed.' }, 'WRONG_STATE');
  }
}

async function bumpVersion(trx: Transaction<Database>, actor: Actor, id: string, version: number) {
  const updated = await trx
    .updateTable('avvik')
    .set({ version: version + 1 })
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw staleVersion();
}

async function unitInOrganisation(db: Db, organisationId: string, unitId: string) {
  const row = await db
    .selectFrom('unit')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Opens the personvernavvik (GDPR art. 33) and schedules the 24- and 48-hour reminders. */
async function openPrivacy(
  trx: Transaction<Database>,
  organisationId: string,
  avvikId: string,
  awareAt: Date,
) {
  await trx
    .insertInto('avvik_privacy')
    .values({ organisation_id: organisationId, avvik_id: avvikId, aware_at: awareAt })
    .onConflict((oc) => oc.columns(['organisation_id', 'avvik_id']).doNothing())
    .execute();
  await schedulePrivacyReminders(trx, organisationId, avvikId, awareAt);
}

export async function schedulePrivacyReminders(
  trx: Transaction<Database>,
  organisationId: string,
  avvikId: string,
  awareAt: Date,
) {
  const times = reminderTimes(awareAt);
  for (const [i, runAt] of times.entries()) {
    const hour = (i + 1) * 24;
    await enqueue(trx, {
      key: `${PRIVACY_REMINDER_JOB}:${organisationId}:${avvikId}:${awareAt.getTime()}:${hour}`,
      kind: PRIVACY_REMINDER_JOB,
      organisationId,
      runAt,
      payload: { organisationId, avvikId, awareAt: awareAt.toISOString(), hour },
    });
  }
}

/**
 * A report. Its id is made on the device: a replay by the same reporter answers the stored record
 * unchanged (`created: false`); the same id from another user is a 409, and nothing is written.
 */
export async function report(
  db: Db,
  actor: Actor,
  input: AvvikReport & { unitId: string | null; occurredAt: string },
  now: Date,
): Promise<{ created: boolean }> {
  const existing = await db
    .selectFrom('avvik')
    .select(['reporter_user_id'])
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (existing) {
    if (existing.reporter_user_id === actor.userId) return { created: false };
    throw conflict({ nb: 'Meldingen finnes allerede.', en: 'The report already exists.' }, 'ALREADY_EXISTS');
  }
  const occurredAt = new Date(input.occurredAt);
  // A report documents something that happened: not in the future (a few minutes' clock skew allowed).
  if (occurredAt.getTime() > now.getTime() + 5 * 60 * 1000) {
    throw fieldsError([
      {
        path: 'occurredAt',
        message: { nb: 'Tidspunktet kan ikke være fram i tid.', en: 'The time cannot be in the future.' },
      },
    ]);
  }
  if (input.unitId !== null && !(await unitInOrganisation(db, actor.organisationId, input.unitId))) {
    throw fieldsError([{ path: 'unitId', message: { nb: 'Fant ikke stedet.', en: 'Place not found.' } }]);
  }
  const category = input.category;
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('avvik')
      .values({
        organisation_id: actor.organisationId,
        id: input.id,
        reporter_user_id: actor.userId,
        anonymous: input.anonymous ?? false,
        category,
        description: input.description,
        unit_id: input.unitId,
        occurred_at: occurredAt,
        reported_at: now,
        immediate_action: input.immediateAction ?? '',
        personal_data: (input.personalData ?? false) || category === 'personvern',
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    // Two sends of the same report at the same moment: the second finds the first's row.
    if (!inserted) return { created: false };
    // aml § 5-1 (1): an injury or presumed work-related illness is registered.
    if (isInjuryCategory(category)) {
      await trx
        .insertInto('avvik_injury')
        .values({
          organisation_id: actor.organisationId,
          avvik_id: input.id,
          occurred_at: occurredAt,
          course_of_events: input.description,
        })
        .execute();
    }
    // GDPR art. 33 (1): the organisation is aware from the moment the report arrives.
    if (input.personalData || category === 'personvern') {
      await openPrivacy(trx, actor.organisationId, input.id, now);
    }
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'avvik',
      entityId: input.id,
      detail: { category, anonymous: input.anonymous ?? false },
    });
    return { created: true };
  });
}

export async function addPhoto(
  db: Db,
  actor: Actor,
  avvikId: string,
  photo: { id: string; data: Buffer; mime: 'image/jpeg' | 'image/png' },
  maxPhotos: number,
): Promise<{ created: boolean; size: number }> {
  const { row, access } = await mustSee(db, actor, avvikId);
  if (access === 'vo') throw avvikNotFound();
  notClosed(row.status);
  return db.transaction().execute(async (trx) => {
    const same = await trx
      .selectFrom('avvik_photo')
      .select('size')
      .where('organisation_id', '=', actor.organisationId)
      .where('avvik_id', '=', avvikId)
      .where('id', '=', photo.id)
      .executeTakeFirst();
    if (same) return { created: false, size: same.size };
    // Serialise photo uploads of one avvik, so the count limit holds under concurrency.
    await trx
      .selectFrom('avvik')
      .select('id')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', avvikId)
      .forUpdate()
      .execute();
    const count = await trx
      .selectFrom('avvik_photo')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisation_id', '=', actor.organisationId)
      .where('avvik_id', '=', avvikId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= maxPhotos) {
      throw fieldsError([
        {
          path: 'photo',
          message: {
            nb: `Høyst ${maxPhotos} bilder per melding.`,
            en: `At most ${maxPhotos} photos per report.`,
          },
        },
      ]);
    }
    await trx
      .insertInto('avvik_photo')
      .values({
        organisation_id: actor.organisationId,
        avvik_id: avvikId,
        id: photo.id,
        // Sent as base64 text and decoded in the database: 1.33 characters a byte instead of a
        // bytea parameter (hex, 2 a byte, and on PGlite ~10 × slower to take; docs/performance.md).
        data: sql<Buffer>`decode(${photo.data.toString('base64')}, 'base64')`,
        mime: photo.mime,
        size: photo.data.length,
      })
      .execute();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'avvik_photo',
      entityId: photo.id,
      detail: { avvikId, size: photo.data.length },
    });
    return { created: true, size: photo.data.length };
  });
}

export async function readPhoto(db: Db, actor: Actor, avvikId: string, photoId: string) {
  await mustSee(db, actor, avvikId);
  const photo = await db
    .selectFrom('avvik_photo')
    .select(['data', 'mime'])
    .where('organisation_id', '=', actor.organisationId)
    .where('avvik_id', '=', avvikId)
    .where('id', '=', photoId)
    .executeTakeFirst();
  if (!photo) throw notFound({ nb: 'Fant ikke bildet.', en: 'Photo not found.' });
  await writeAudit(db, actor, {
    action: 'read',
    entityType: 'avvik_photo',
    entityId: photoId,
    detail: { avvikId },
  });
  return photo;
}

/** The whole avvik as the caller may see it. */
export async function detail(db: Db, actor: Actor, id: string, audit = true): Promise<Avvik> {
  const { row, access } = await mustSee(db, actor, id);
  const org = actor.organisationId;
  const [unit, reporter, photos, tiltak, alarm, tasks, injury, privacy] = await Promise.all([
    row.unit_id === null
      ? undefined
      : db
          .selectFrom('unit')
          .select('name')
          .where('organisation_id', '=', org)
          .where('id', '=', row.unit_id)
          .executeTakeFirst(),
    row.reporter_user_id === null
      ? undefined
      : db
          .selectFrom('user_account')
          .select('name')
          .where('id', '=', row.reporter_user_id)
          .executeTakeFirst(),
    db
      .selectFrom('avvik_photo')
      .select(['id', 'size'])
      .where('organisation_id', '=', org)
      .where('avvik_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('avvik_tiltak as t')
      .leftJoin('user_account as u', 'u.id', 't.owner_user_id')
      .select(['t.id', 't.text', 't.owner_user_id', 'u.name', 't.due', 't.done_at'])
      .where('t.organisation_id', '=', org)
      .where('t.avvik_id', '=', id)
      .orderBy('t.created_at')
      .orderBy('t.id')
      .execute(),
    db
      .selectFrom('avvik_alarm_step as s')
      .leftJoin('user_account as u', 'u.id', 's.done_by')
      .select(['s.step', 's.done_at', 's.note', 'u.name'])
      .where('s.organisation_id', '=', org)
      .where('s.avvik_id', '=', id)
      .orderBy('s.done_at')
      .execute(),
    db
      .selectFrom('avvik_task')
      .select(['kind', 'due', 'done_at'])
      .where('organisation_id', '=', org)
      .where('avvik_id', '=', id)
      .orderBy('kind')
      .execute(),
    db
      .selectFrom('avvik_injury')
      .selectAll()
      .where('organisation_id', '=', org)
      .where('avvik_id', '=', id)
      .executeTakeFirst(),
    db
      .selectFrom('avvik_privacy')
      .selectAll()
      .where('organisation_id', '=', org)
      .where('avvik_id', '=', id)
      .executeTakeFirst(),
  ]);
  const mine = row.reporter_user_id === actor.userId;
  // Handlers and the VO see the reporter's name unless anonymous; nobody sees an anonymous reporter.
  const reporterName = row.anonymous || mine ? null : (reporter?.name ?? null);
  const seesHandling = access !== 'reporter';
  if (audit) await writeAudit(db, actor, { action: 'read', entityType: 'avvik', entityId: id });
  return {
    id: row.id,
    category: row.category,
    status: row.status,
    description: row.description,
    unitId: row.unit_id,
    unitName: unit?.name ?? null,
    occurredAt: row.occurred_at.toISOString(),
    reportedAt: row.reported_at.toISOString(),
    immediateAction: row.immediate_action,
    personalData: row.personal_data,
    anonymous: row.anonymous,
    reporterName,
    mine,
    access,
    severity: row.severity,
    cause: seesHandling ? row.cause : '',
    serious: seesHandling ? row.serious : null,
    barrierId: seesHandling ? row.risk_barrier_id : null,
    verificationNote: row.verification_note,
    closedAt: row.closed_at?.toISOString() ?? null,
    legalHold: seesHandling ? row.legal_hold : false,
    version: row.version,
    photos,
    // The reporter is told what was done (the tiltak), not who owns them.
    tiltak: tiltak.map((t) => ({
      id: t.id,
      text: t.text,
      ownerUserId: seesHandling ? t.owner_user_id : '',
      ownerName: seesHandling ? (t.name ?? '') : '',
      due: t.due,
      doneAt: t.done_at?.toISOString() ?? null,
    })),
    alarm: seesHandling
      ? alarm.map((s) => ({
          step: s.step,
          doneByName: s.name ?? '',
          doneAt: s.done_at.toISOString(),
          note: s.note,
        }))
      : [],
    tasks: seesHandling
      ? tasks.map((t) => ({ kind: t.kind, due: t.due, doneAt: t.done_at?.toISOString() ?? null }))
      : [],
    injury:
      injury && seesHandling
        ? {
            occurredAt: injury.occurred_at.toISOString(),
            workTask: injury.work_task,
            courseOfEvents: injury.course_of_events,
            presumedCauses: injury.presumed_causes,
            injuryDescription: injury.injury_description,
            serious: row.serious === true,
            mayGiveBenefits: injury.may_give_benefits,
          }
        : null,
    privacy:
      privacy && access === 'handler'
        ? {
            awareAt: privacy.aware_at.toISOString(),
            deadlineAt: notifyDeadline(privacy.aware_at).toISOString(),
            risk: privacy.risk,
            facts: privacy.facts,
            effects: privacy.effects,
            remedial: privacy.remedial,
            decision: privacy.decision,
            decisionReason: privacy.decision_reason,
            decidedAt: privacy.decided_at?.toISOString() ?? null,
          }
        : null,
  };
}

/** The reports the caller may see: their own (`mine`) or those they handle or read as VO (`handle`). */
/**
 * One page of the list, newest first: `page.limit` avvik read from where `page.after` ended (keyset
 * paging on `(occurred_at desc, id)`, so a page costs the same at the end of 200 000 avvik as at the
 * start), then filtered to those the reader may see — a page may therefore hold fewer than `limit`
 * items and still have a `next`.
 */
export async function list(
  db: Db,
  actor: Actor,
  scope: 'mine' | 'handle',
  status: AvvikStatus | undefined,
  page: { limit: number; after?: string | undefined } = { limit: 50 },
): Promise<{ items: AvvikListItem[]; next: string | null }> {
  let query = db
    .selectFrom('avvik as a')
    .leftJoin('unit as u', (j) =>
      j.onRef('u.organisation_id', '=', 'a.organisation_id').onRef('u.id', '=', 'a.unit_id'),
    )
    .select((eb) => [
      'a.id',
      'a.category',
      'a.status',
      'a.description',
      'a.unit_id',
      'a.reporter_user_id',
      'u.name as unitName',
      'a.occurred_at',
      'a.severity',
      eb
        .selectFrom('avvik_tiltak as t')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('t.organisation_id', '=', 'a.organisation_id')
        .whereRef('t.avvik_id', '=', 'a.id')
        .where('t.done_at', 'is', null)
        .as('openTiltak'),
    ])
    .where('a.organisation_id', '=', actor.organisationId)
    .orderBy('a.occurred_at', 'desc')
    .orderBy('a.id')
    .limit(page.limit);
  if (page.after !== undefined) {
    const cut = page.after.lastIndexOf('_');
    const at = new Date(page.after.slice(0, cut));
    const id = page.after.slice(cut + 1);
    query = query.where((eb) =>
      eb.or([eb('a.occurred_at', '<', at), eb.and([eb('a.occurred_at', '=', at), eb('a.id', '>', id)])]),
    );
  }
  if (status !== undefined) query = query.where('a.status', '=', status);
  if (scope === 'mine') query = query.where('a.reporter_user_id', '=', actor.userId);
  const rows = await query.execute();
  const access = await accessOf(db, actor.organisationId, await viewerOf(db, actor), rows);
  const visible = rows.filter((r) => {
    const a = access.get(r.id);
    return scope === 'mine' ? a !== null : a === 'handler' || a === 'vo';
  });
  await writeAudit(db, actor, {
    action: 'read',
    entityType: 'avvik',
    detail: { scope, count: visible.length },
  });
  const last = rows.length === page.limit ? rows[rows.length - 1] : undefined;
  return {
    items: visible.map((r) => ({
      id: r.id,
      category: r.category,
      status: r.status,
      description: r.description,
      unitName: r.unitName,
      occurredAt: r.occurred_at.toISOString(),
      severity: r.severity,
      openTiltak: Number(r.openTiltak ?? 0),
    })),
    next: last ? `${last.occurred_at.toISOString()}_${last.id}` : null,
  };
}

async function addTask(
  trx: Transaction<Database>,
  org: string,
  avvikId: string,
  kind: AvvikTaskKind,
  due: IsoDate,
) {
  await trx
    .insertInto('avvik_task')
    .values({ organisation_id: org, avvik_id: avvikId, kind, due })
    .onConflict((oc) => oc.columns(['organisation_id', 'avvik_id', 'kind']).doNothing())
    .execute();
}

/** The verneombud of the avvik's area (aml § 6-2), as users. */
async function areaVerneombud(db: Db, organisationId: string, unitId: string | null): Promise<string[]> {
  if (unitId === null) return [];
  const areas = (await unitAreas(db, organisationId, [unitId])).get(unitId) ?? [];
  if (areas.length === 0) return [];
  const rows = await db
    .selectFrom('role_assignment')
    .select('user_id')
    .distinct()
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'verneombud')
    .where('verneomrade_id', 'in', areas)
    .execute();
  return rows.map((r) => r.user_id);
}

/**
 * Triage: category confirmed, severity 1–5, cause; «gjelder personopplysninger» (opens the
 * personvernavvik); the § 5-2 answer (serious injury → the written confirmation due the next
 * working day with a copy to the VO, and the register entry).
 */
export async function triage(db: Db, actor: Actor, id: string, input: Triage, today: IsoDate, now: Date) {
  const { row } = await mustHandle(db, actor, id);
  notClosed(row.status);
  if (input.serious === true && (input.severity ?? 0) < 4) {
    throw fieldsError([
      {
        path: 'serious',
        message: {
          nb: 'Alvorlig skade eller dødsfall har konsekvens 4 eller 5.',
          en: 'A serious injury or death has consequence 4 or 5.',
        },
      },
    ]);
  }
  const org = actor.organisationId;
  await db.transaction().execute(async (trx) => {
    await bumpVersion(trx, actor, id, input.version);
    const serious = input.serious ?? null;
    await trx
      .updateTable('avvik')
      .set({
        category: input.category,
        severity: input.severity,
        cause: input.cause ?? '',
        personal_data: input.personalData,
        serious,
        status: 'under-behandling',
      })
      .where('organisation_id', '=', org)
      .where('id', '=', id)
      .execute();
    if (isInjuryCategory(input.category) || serious === true) {
      await trx
        .insertInto('avvik_injury')
        .values({
          organisation_id: org,
          avvik_id: id,
          occurred_at: row.occurred_at,
          course_of_events: row.description,
        })
        .onConflict((oc) => oc.columns(['organisation_id', 'avvik_id']).doNothing())
        .execute();
    }
    if (serious === true && row.serious !== true) {
      // aml § 5-2: written confirmation with a copy to the verneombud; due the next working day (anbefalt).
      await addTask(trx, org, id, 'skriftlig-bekreftelse', writtenConfirmationDue(today));
      await notifyAvvikUsers(trx, {
        organisationId: org,
        avvikId: id,
        userIds: await areaVerneombud(trx, org, row.unit_id),
        event: 'alvorlig-skade',
        day: today,
        exceptUserId: actor.userId,
        title: { nb: 'Alvorlig ulykke meldt (aml § 5-2)', en: 'Serious accident reported (aml § 5-2)' },
        body: {
          nb: 'En alvorlig skade er meldt i ditt verneområde. Du får kopi av den skriftlige bekreftelsen.',
          en: 'A serious injury has been reported in your area. You get a copy of the written confirmation.',
        },
      });
    }
    const barrierId = input.barrierId ?? null;
    if (barrierId !== null && barrierId !== row.risk_barrier_id) {
      // The avvik shows a barrier failing: it is marked «svekket», and the risk assessment is to be
      // reviewed within BARRIER_REVIEW_DAYS (FOLM § 7-1: a change that may affect the risk). An id
      // that is not a barrier of this organisation is a 404, and nothing of the triage is kept.
      await markBarrierWeakened(trx, actor, barrierId, {
        today,
        reviewBy: addDays(today, BARRIER_REVIEW_DAYS),
        reason: `Avvik meldt ${row.reported_at.toISOString().slice(0, 10)}`,
      });
    }
    if (barrierId !== row.risk_barrier_id) {
      await trx
        .updateTable('avvik')
        .set({ risk_barrier_id: barrierId })
        .where('organisation_id', '=', org)
        .where('id', '=', id)
        .execute();
    }
    if (input.personalData) await openPrivacy(trx, org, id, now);
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'avvik',
      entityId: id,
      detail: {
        barrierId,
        change: 'triage',
        severity: input.severity,
        category: input.category,
        serious: serious ?? 'ubesvart',
      },
    });
  });
}

export async function addTiltak(
  db: Db,
  actor: Actor,
  id: string,
  input: { text: string; ownerUserId: string; due: IsoDate },
): Promise<string> {
  const { row } = await mustHandle(db, actor, id);
  notClosed(row.status);
  const member = await db
    .selectFrom('membership as m')
    .innerJoin('user_account as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .where('m.organisation_id', '=', actor.organisationId)
    .where('m.user_id', '=', input.ownerUserId)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!member) {
    throw fieldsError([
      { path: 'ownerUserId', message: { nb: 'Fant ikke personen.', en: 'Person not found.' } },
    ]);
  }
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('avvik_tiltak')
      .values({
        organisation_id: actor.organisationId,
        avvik_id: id,
        text: input.text,
        owner_user_id: input.ownerUserId,
        due: input.due,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (row.status === 'ny') {
      await trx
        .updateTable('avvik')
        .set({ status: 'under-behandling' })
        .where('organisation_id', '=', actor.organisationId)
        .where('id', '=', id)
        .execute();
    }
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'avvik_tiltak',
      entityId: inserted.id,
      detail: { avvikId: id },
    });
    return inserted.id;
  });
}

export async function tiltakDone(db: Db, actor: Actor, id: string, tiltakId: string, now: Date) {
  // The owner of a tiltak may mark it done too (it is in their "Mine oppgaver").
  const t = await db
    .selectFrom('avvik_tiltak')
    .select(['owner_user_id', 'done_at'])
    .where('organisation_id', '=', actor.organisationId)
    .where('avvik_id', '=', id)
    .where('id', '=', tiltakId)
    .executeTakeFirst();
  if (!t) throw notFound({ nb: 'Fant ikke tiltaket.', en: 'Measure not found.' });
  if (t.owner_user_id !== actor.userId) await mustHandle(db, actor, id);
  if (t.done_at !== null) return;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('avvik_tiltak')
      .set({ done_at: now, done_by: actor.userId })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', tiltakId)
      .where('done_at', 'is', null)
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'avvik_tiltak',
      entityId: tiltakId,
      detail: { change: 'done' },
    });
  });
}

/** Closure only with a verification note (§ 14.8); the reporter is told it is closed and what was done. */
export async function close(
  db: Db,
  actor: Actor,
  id: string,
  input: { version: number; verificationNote: string },
  today: IsoDate,
  now: Date,
) {
  const { row } = await mustHandle(db, actor, id);
  notClosed(row.status);
  const org = actor.organisationId;
  await db.transaction().execute(async (trx) => {
    await bumpVersion(trx, actor, id, input.version);
    await trx
      .updateTable('avvik')
      .set({
        status: 'lukket',
        verification_note: input.verificationNote,
        closed_at: now,
        closed_by: actor.userId,
      })
      .where('organisation_id', '=', org)
      .where('id', '=', id)
      .execute();
    if (row.reporter_user_id !== null) {
      await notifyAvvikUsers(trx, {
        organisationId: org,
        avvikId: id,
        userIds: [row.reporter_user_id],
        event: 'lukket',
        day: today,
        exceptUserId: actor.userId,
        title: { nb: 'Avviket ditt er lukket', en: 'Your report is closed' },
        body: {
          nb: 'Avviket du meldte er behandlet og lukket. Se hva som ble gjort i Nærvær.',
          en: 'The deviation you reported has been handled and closed. See what was done in Nærvær.',
        },
      });
    }
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'avvik',
      entityId: id,
      detail: { change: 'lukket' },
    });
  });
}

/** aml § 5-2: one immediate step done — who, when (idempotent: the first record stands). */
export async function alarmStep(db: Db, actor: Actor, id: string, step: AlarmStep, note: string) {
  const { row } = await mustHandle(db, actor, id);
  if (row.serious !== true) {
    throw conflict(
      {
        nb: 'Avviket er ikke markert som alvorlig skade eller dødsfall.',
        en: 'The deviation is not marked as a serious injury or death.',
      },
      'WRONG_STATE',
    );
  }
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('avvik_alarm_step')
      .values({ organisation_id: actor.organisationId, avvik_id: id, step, done_by: actor.userId, note })
      .onConflict((oc) => oc.columns(['organisation_id', 'avvik_id', 'step']).doNothing())
      .returning('step')
      .executeTakeFirst();
    if (inserted) {
      await writeAudit(trx, actor, {
        action: 'update',
        entityType: 'avvik',
        entityId: id,
        detail: { change: 'alarm', step },
      });
    }
  });
}

export async function taskDone(db: Db, actor: Actor, id: string, kind: AvvikTaskKind, now: Date) {
  await mustHandle(db, actor, id);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('avvik_task')
      .set({ done_at: now, done_by: actor.userId })
      .where('organisation_id', '=', actor.organisationId)
      .where('avvik_id', '=', id)
      .where('kind', '=', kind)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    const exists = await trx
      .selectFrom('avvik_task')
      .select('kind')
      .where('organisation_id', '=', actor.organisationId)
      .where('avvik_id', '=', id)
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (!exists) throw notFound({ nb: 'Fant ikke oppgaven.', en: 'Task not found.' });
    if (Number(updated.numUpdatedRows) === 1) {
      await writeAudit(trx, actor, {
        action: 'update',
        entityType: 'avvik_task',
        entityId: id,
        detail: { kind, change: 'done' },
      });
    }
  });
}

/** The § 5-1 entry's fields (no diagnosis: aml § 5-1 (2)); «kan gi rett til ytelser» → the NAV task (ftrl § 13-14). */
export async function saveInjury(db: Db, actor: Actor, id: string, input: Injury, today: IsoDate) {
  const { row } = await mustHandle(db, actor, id);
  if (!isInjuryCategory(row.category) && row.serious !== true) {
    throw conflict(
      {
        nb: 'Bare personskade og yrkessykdom føres i skaderegisteret.',
        en: 'Only injuries and occupational illness go in the register.',
      },
      'WRONG_STATE',
    );
  }
  const org = actor.organisationId;
  await db.transaction().execute(async (trx) => {
    const values = {
      work_task: input.workTask ?? '',
      course_of_events: input.courseOfEvents,
      presumed_causes: input.presumedCauses ?? '',
      injury_description: input.injuryDescription ?? '',
      may_give_benefits: input.mayGiveBenefits,
    };
    await trx
      .insertInto('avvik_injury')
      .values({ organisation_id: org, avvik_id: id, occurred_at: row.occurred_at, ...values })
      .onConflict((oc) => oc.columns(['organisation_id', 'avvik_id']).doUpdateSet(values))
      .execute();
    if (input.mayGiveBenefits) await addTask(trx, org, id, 'nav-yrkesskade', navTaskDue(today));
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'avvik_injury',
      entityId: id,
      detail: { mayGiveBenefits: input.mayGiveBenefits },
    });
  });
}

/** The personvernavvik: when aware (the 72-hour clock), risk, art. 33 (5) documentation, the decision. */
export async function savePrivacy(db: Db, actor: Actor, id: string, input: Privacy, now: Date) {
  const { row } = await mustHandle(db, actor, id);
  if (!row.personal_data) {
    throw conflict(
      { nb: 'Avviket gjelder ikke personopplysninger.', en: 'The deviation does not concern personal data.' },
      'WRONG_STATE',
    );
  }
  const awareAt = new Date(input.awareAt);
  if (awareAt.getTime() > now.getTime() + 5 * 60 * 1000) {
    throw fieldsError([
      {
        path: 'awareAt',
        message: { nb: 'Tidspunktet kan ikke være fram i tid.', en: 'The time cannot be in the future.' },
      },
    ]);
  }
  const decision = input.decision ?? null;
  if (decision === 'meldes-ikke' && (input.decisionReason ?? '').trim() === '') {
    throw fieldsError([
      {
        path: 'decisionReason',
        message: { nb: 'Skriv hvorfor bruddet ikke meldes.', en: 'Write why the breach is not reported.' },
      },
    ]);
  }
  const org = actor.organisationId;
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('avvik_privacy')
      .select(['aware_at', 'decision', 'decided_at'])
      .where('organisation_id', '=', org)
      .where('avvik_id', '=', id)
      .executeTakeFirst();
    if (!before)
      throw new AppError('WRONG_STATE', {
        nb: 'Personvernavviket mangler.',
        en: 'The privacy breach is missing.',
      });
    await trx
      .updateTable('avvik_privacy')
      .set({
        aware_at: awareAt,
        risk: input.risk ?? null,
        facts: input.facts ?? '',
        effects: input.effects ?? '',
        remedial: input.remedial ?? '',
        decision,
        decision_reason: input.decisionReason ?? '',
        decided_at: decision === null ? null : decision === before.decision ? before.decided_at : now,
      })
      .where('organisation_id', '=', org)
      .where('avvik_id', '=', id)
      .execute();
    if (before.aware_at.getTime() !== awareAt.getTime())
      await schedulePrivacyReminders(trx, org, id, awareAt);
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'avvik_privacy',
      entityId: id,
      detail: { decision: decision ?? 'ubesluttet' },
    });
  });
}

/** Admin and HR set or lift a legal hold: retention leaves the avvik and its register entry alone. */
export async function setLegalHold(db: Db, actor: Actor, id: string, legalHold: boolean) {
  await mustHandle(db, actor, id);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('avvik')
      .set({ legal_hold: legalHold })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'avvik',
      entityId: id,
      detail: { change: 'legal-hold', legalHold },
    });
  });
}
