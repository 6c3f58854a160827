/**
 * The organisation's tilrettelegging catalogues: measures by kind, tasks suited to reduced capacity,
 * and a beredskapsplan ved fravær per unit. Everyone in the organisation reads; admin and HR write
 * (the routes enforce the roles). The first read seeds a default catalogue, once per organisation
 * (`katalog_seed`): deleting every item later does not bring the defaults back. A default item is
 * stored in bokmål with its `seed_key` and shown in the reader's language until someone edits its
 * text (katalog.defaults.ts); the letter to the doctor always quotes the bokmål text.
 * Beredskapsplan: `version` read → `update … where version = $read`, else 409 with nothing written.
 */
import type { Kysely } from 'kysely';
import type { ArbeidDto, BeredskapsplanDto, TiltakDto } from '../../contracts/dokumenter/katalog.schemas.ts';
import type { Database, Db } from '../../db/schema.ts';
import type { Locale } from '../../i18n/locale.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { notFound, staleVersion } from '../../platform/errors.ts';
import { catalogueText, DEFAULT_ARBEID, DEFAULT_TILTAK, untouchedDefault } from './katalog.defaults.ts';
import type { TiltakKind } from './katalog.tables.ts';

export type KatalogCtx = { db: Kysely<Database>; actor: Actor; locale: Locale };

const tiltakNotFound = () => notFound({ nb: 'Fant ikke tiltaket.', en: 'Measure not found.' });
const arbeidNotFound = () => notFound({ nb: 'Fant ikke oppgaven.', en: 'Task not found.' });
const unitNotFound = () => notFound({ nb: 'Fant ikke enheten.', en: 'Unit not found.' });

/**
 * Seeds the default catalogue the first time an organisation reads it (once, also under concurrency).
 * Also inside the caller's transaction (a first create or edit): kysely refuses a nested `transaction()`.
 */
export async function ensureSeeded(db: Db, organisationId: string): Promise<void> {
  const seeded = await db
    .selectFrom('katalog_seed')
    .select('organisation_id')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (seeded) return;
  await inTransaction(db, async (trx) => {
    const claimed = await trx
      .insertInto('katalog_seed')
      .values({ organisation_id: organisationId })
      .onConflict((oc) => oc.column('organisation_id').doNothing())
      .returning('organisation_id')
      .executeTakeFirst();
    if (!claimed) return;
    await trx
      .insertInto('tilrettelegging_tiltak')
      .values(
        DEFAULT_TILTAK.map((d, sort) => ({
          organisation_id: organisationId,
          kind: d.kind,
          title: d.title.nb,
          description: d.description.nb,
          seed_key: d.key,
          sort,
        })),
      )
      .execute();
    await trx
      .insertInto('tilpasset_arbeid')
      .values(
        DEFAULT_ARBEID.map((d, sort) => ({
          organisation_id: organisationId,
          title: d.title.nb,
          description: d.description.nb,
          unit_id: null,
          seed_key: d.key,
          sort,
        })),
      )
      .execute();
  });
}

/** Deletes one catalogue entry of the organisation (404 when there is none), audited in the same transaction. */
async function deleteEntry(
  ctx: KatalogCtx,
  table: 'tilrettelegging_tiltak' | 'tilpasset_arbeid',
  id: string,
  missing: () => Error,
): Promise<{ ok: true }> {
  const { db: outer, actor } = ctx;
  return inTransaction(outer, async (db) => {
    const row = await db
      .deleteFrom(table)
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw missing();
    await writeAudit(db, actor, { action: 'delete', entityType: table, entityId: id });
    return { ok: true };
  });
}

// ---------------------------------------------------------------- tiltak

const tiltakColumns = ['id', 'kind', 'title', 'description', 'active', 'seed_key'] as const;
const toTiltak =
  (locale: Locale) =>
  (r: {
    id: string;
    kind: TiltakKind;
    title: string;
    description: string;
    active: boolean;
    seed_key: string | null;
  }): TiltakDto => ({ id: r.id, kind: r.kind, active: r.active, ...catalogueText(r, locale) });

/** The catalogue's measures, each in `locale` while it is an untouched default item. */
export async function listTiltak(
  db: Kysely<Database>,
  organisationId: string,
  locale: Locale,
): Promise<TiltakDto[]> {
  await ensureSeeded(db, organisationId);
  const rows = await db
    .selectFrom('tilrettelegging_tiltak')
    .select(tiltakColumns)
    .where('organisation_id', '=', organisationId)
    .orderBy('kind')
    .orderBy('sort')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toTiltak(locale));
}

type TiltakInput = { kind: TiltakKind; title: string; description: string; active: boolean };

export async function createTiltak(ctx: KatalogCtx, input: TiltakInput): Promise<TiltakDto> {
  const { db: outer, actor } = ctx;
  return inTransaction(outer, async (db) => {
    await ensureSeeded(db, actor.organisationId);
    const row = await db
      .insertInto('tilrettelegging_tiltak')
      .values({ organisation_id: actor.organisationId, ...input, sort: 1000 })
      .returning(tiltakColumns)
      .executeTakeFirstOrThrow();
    await writeAudit(db, actor, { action: 'create', entityType: 'tilrettelegging_tiltak', entityId: row.id });
    return toTiltak(ctx.locale)(row);
  });
}

/** The text to store on an edit, and the seed key to keep (null once the text is the user's). */
async function editedText(
  db: Db,
  table: 'tilrettelegging_tiltak' | 'tilpasset_arbeid',
  organisationId: string,
  id: string,
  input: { title: string; description: string },
) {
  const current = await db
    .selectFrom(table)
    .select('seed_key')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  const item = untouchedDefault(current?.seed_key ?? null, input);
  return item
    ? { title: item.title.nb, description: item.description.nb, seed_key: item.key }
    : { title: input.title, description: input.description, seed_key: null };
}

export async function updateTiltak(ctx: KatalogCtx, id: string, input: TiltakInput): Promise<TiltakDto> {
  const { db: outer, actor } = ctx;
  return inTransaction(outer, async (db) => {
    const text = await editedText(db, 'tilrettelegging_tiltak', actor.organisationId, id, input);
    const row = await db
      .updateTable('tilrettelegging_tiltak')
      .set({ kind: input.kind, active: input.active, ...text, updated_at: new Date() })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .returning(tiltakColumns)
      .executeTakeFirst();
    if (!row) throw tiltakNotFound();
    await writeAudit(db, actor, { action: 'update', entityType: 'tilrettelegging_tiltak', entityId: id });
    return toTiltak(ctx.locale)(row);
  });
}

export function deleteTiltak(ctx: KatalogCtx, id: string): Promise<{ ok: true }> {
  return deleteEntry(ctx, 'tilrettelegging_tiltak', id, tiltakNotFound);
}

// ---------------------------------------------------------------- tilpasset arbeid

const arbeidColumns = ['id', 'title', 'description', 'unit_id', 'active', 'seed_key'] as const;
const toArbeid =
  (locale: Locale) =>
  (r: {
    id: string;
    title: string;
    description: string;
    unit_id: string | null;
    active: boolean;
    seed_key: string | null;
  }): ArbeidDto => ({ id: r.id, ...catalogueText(r, locale), unitId: r.unit_id, active: r.active });

/** The tasks for reduced capacity, each in `locale` while it is an untouched default item. */
export async function listArbeid(
  db: Kysely<Database>,
  organisationId: string,
  locale: Locale,
): Promise<ArbeidDto[]> {
  await ensureSeeded(db, organisationId);
  const rows = await db
    .selectFrom('tilpasset_arbeid')
    .select(arbeidColumns)
    .where('organisation_id', '=', organisationId)
    .orderBy('sort')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toArbeid(locale));
}

type ArbeidInput = { title: string; description: string; unitId: string | null; active: boolean };

async function checkUnit(db: Db, organisationId: string, unitId: string | null) {
  if (unitId === null) return;
  const unit = await db
    .selectFrom('unit')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw unitNotFound();
}

export async function createArbeid(ctx: KatalogCtx, input: ArbeidInput): Promise<ArbeidDto> {
  const { db: outer, actor } = ctx;
  return inTransaction(outer, async (db) => {
    await ensureSeeded(db, actor.organisationId);
    await checkUnit(db, actor.organisationId, input.unitId);
    const row = await db
      .insertInto('tilpasset_arbeid')
      .values({
        organisation_id: actor.organisationId,
        title: input.title,
        description: input.description,
        unit_id: input.unitId,
        active: input.active,
        sort: 1000,
      })
      .returning(arbeidColumns)
      .executeTakeFirstOrThrow();
    await writeAudit(db, actor, { action: 'create', entityType: 'tilpasset_arbeid', entityId: row.id });
    return toArbeid(ctx.locale)(row);
  });
}

export async function updateArbeid(ctx: KatalogCtx, id: string, input: ArbeidInput): Promise<ArbeidDto> {
  const { db: outer, actor } = ctx;
  return inTransaction(outer, async (db) => {
    await checkUnit(db, actor.organisationId, input.unitId);
    const text = await editedText(db, 'tilpasset_arbeid', actor.organisationId, id, input);
    const row = await db
      .updateTable('tilpasset_arbeid')
      .set({
        ...text,
        unit_id: input.unitId,
        active: input.active,
        updated_at: new Date(),
      })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .returning(arbeidColumns)
      .executeTakeFirst();
    if (!row) throw arbeidNotFound();
    await writeAudit(db, actor, { action: 'update', entityType: 'tilpasset_arbeid', entityId: id });
    return toArbeid(ctx.locale)(row);
  });
}

export function deleteArbeid(ctx: KatalogCtx, id: string): Promise<{ ok: true }> {
  return deleteEntry(ctx, 'tilpasset_arbeid', id, arbeidNotFound);
}

// ---------------------------------------------------------------- beredskapsplan

async function planDto(db: Db, organisationId: string, unitId: string): Promise<BeredskapsplanDto> {
  const unit = await db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw unitNotFound();
  const row = await db
    .selectFrom('beredskapsplan as b')
    .leftJoin('user_account as u', 'u.id', 'b.updated_by')
    .select([
      'b.covers',
      'b.substitutes',
      'b.can_wait',
      'b.version',
      'b.updated_by',
      'b.updated_at',
      'u.name',
    ])
    .where('b.organisation_id', '=', organisationId)
    .where('b.unit_id', '=', unitId)
    .executeTakeFirst();
  return {
    unitId: unit.id,
    unitName: unit.name,
    covers: row?.covers ?? '',
    substitutes: row?.substitutes ?? '',
    canWait: row?.can_wait ?? '',
    version: row?.version ?? 0,
    updatedBy: row ? { userId: row.updated_by, name: row.name ?? 'Ukjent bruker' } : null,
    updatedAt: row ? row.updated_at.toISOString() : null,
  };
}

export async function getBeredskapsplan(ctx: KatalogCtx, unitId: string): Promise<BeredskapsplanDto> {
  return planDto(ctx.db, ctx.actor.organisationId, unitId);
}

export async function saveBeredskapsplan(
  ctx: KatalogCtx,
  unitId: string,
  input: { covers: string; substitutes: string; canWait: string; version: number },
): Promise<BeredskapsplanDto> {
  const { db, actor } = ctx;
  const org = actor.organisationId;
  return db.transaction().execute(async (trx) => {
    await planDto(trx, org, unitId);
    const values = { covers: input.covers, substitutes: input.substitutes, can_wait: input.canWait };
    if (input.version === 0) {
      const inserted = await trx
        .insertInto('beredskapsplan')
        .values({ organisation_id: org, unit_id: unitId, ...values, version: 1, updated_by: actor.userId })
        .onConflict((oc) => oc.columns(['organisation_id', 'unit_id']).doNothing())
        .returning('version')
        .executeTakeFirst();
      if (!inserted) throw staleVersion();
    } else {
      const updated = await trx
        .updateTable('beredskapsplan')
        .set({ ...values, version: input.version + 1, updated_by: actor.userId, updated_at: new Date() })
        .where('organisation_id', '=', org)
        .where('unit_id', '=', unitId)
        .where('version', '=', input.version)
        .returning('version')
        .executeTakeFirst();
      if (!updated) throw staleVersion();
    }
    await writeAudit(trx, actor, { action: 'update', entityType: 'beredskapsplan', entityId: unitId });
    return planDto(trx, org, unitId);
  });
}
