/**
 * Stoffkartotek (FUA § 2-1, § 2-2) and the exposure register for CMR chemicals (FUA § 31-1).
 * Access (least privilege):
 * - admin/HR, and the leaders of the unit where a product is used, edit it and its register rows;
 * - the verneombud of the unit's verneområder reads both (FUA § 2-3 / aml § 6-2: the VO has access
 *   to the stoffkartotek of their area; §8.2 of the HMS rules: VO among those with access);
 * - an employee reads the products of their own unit (aml § 4-5: information about the risks of the
 *   work), and of the exposure register only their own rows;
 * - anyone else: 404.
 * The register is never deleted (FUA § 31-1): a DELETE answers 409 naming the rule.
 */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type {
  Exposure,
  ExposureCreateSchema,
  ExposureList,
  Product,
  ProductCreateSchema,
  ProductList,
  ProductUpdateSchema,
} from '../../contracts/risiko/stoff.schemas.ts';
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import {
  type AssessmentPlace,
  CMR_TEXT,
  canCreateFor,
  canEditAssessment,
  exposureDeletionRefusal,
  exposureKeptUntil,
  exposureRetentionYears,
  isEmployeeOf,
  isVoOf,
  type RiskSubject,
  sdsState,
} from '../../domain/risiko/index.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { toCsv } from '../../platform/csv.ts';
import { conflict, notFound, staleVersion } from '../../platform/errors.ts';
import { fieldsError } from '../../platform/validation.ts';
import type { StoffExposureTable } from './risiko.tables.ts';
import { areasOfUnits, placeOf, subjectOf, unitNames } from './scope.ts';

type ExposureRow = Selectable<StoffExposureTable>;

const productNotFound = () => notFound({ nb: 'Fant ikke produktet.', en: 'Product not found.' });
const exposureNotFound = () =>
  notFound({ nb: 'Fant ikke raden i eksponeringsregisteret.', en: 'Exposure register row not found.' });
const fieldError = (path: string, nb: string, en: string) => fieldsError([{ path, message: { nb, en } }]);

const canEdit = (s: RiskSubject, place: AssessmentPlace) => canCreateFor(s, place.unitId);
/** Reads every exposure row of the product: its editors and the VO of its area. */
const readsRegister = (s: RiskSubject, place: AssessmentPlace) => canEdit(s, place) || isVoOf(s, place);
const canRead = (s: RiskSubject, place: AssessmentPlace) => readsRegister(s, place) || isEmployeeOf(s, place);

async function scopeFor(db: Db, actor: Actor, unitIds: readonly string[]) {
  const [subject, areas] = await Promise.all([
    subjectOf(db, actor),
    areasOfUnits(db, actor.organisationId, [...new Set(unitIds)]),
  ]);
  return { subject, place: (unitId: string) => placeOf(unitId, areas) };
}

async function findProduct(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('stoff_product')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

async function visibleProduct(db: Db, actor: Actor, id: string) {
  const row = await findProduct(db, actor.organisationId, id);
  if (!row) throw productNotFound();
  const { subject, place } = await scopeFor(db, actor, [row.unit_id]);
  if (!canRead(subject, place(row.unit_id))) throw productNotFound();
  return { row, subject, place: place(row.unit_id) };
}

async function editableProduct(db: Db, actor: Actor, id: string) {
  const v = await visibleProduct(db, actor, id);
  if (!canEdit(v.subject, v.place)) throw productNotFound();
  return v;
}

function toExposure(row: ExposureRow, productName: string): Exposure {
  return {
    id: row.id,
    productId: row.product_id,
    productName,
    employeeId: row.employee_id,
    employeeName: row.employee_name,
    position: row.position,
    workplace: row.workplace,
    cmr: row.cmr,
    exposureHow: row.exposure_how,
    concentration: row.concentration,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    hoursPerWeek: row.hours_per_week,
    keptUntil: row.kept_until,
    retentionYears: exposureRetentionYears(row.cmr),
    version: row.version,
  };
}

async function latestSds(db: Db, organisationId: string, productIds: readonly string[]) {
  if (productIds.length === 0) return new Map<string, IsoDate>();
  const rows = await db
    .selectFrom('stoff_sds')
    .select(['product_id', (eb) => eb.fn.max('revision_date').as('latest')])
    .where('organisation_id', '=', organisationId)
    .where('product_id', 'in', [...productIds])
    .groupBy('product_id')
    .execute();
  return new Map(rows.map((r) => [r.product_id, String(r.latest)]));
}

export async function listProducts(db: Db, actor: Actor): Promise<ProductList> {
  const [rows, names] = await Promise.all([
    db
      .selectFrom('stoff_product')
      .selectAll()
      .where('organisation_id', '=', actor.organisationId)
      .orderBy('name')
      .orderBy('id')
      .execute(),
    unitNames(db, actor.organisationId),
  ]);
  const { subject, place } = await scopeFor(
    db,
    actor,
    rows.map((r) => r.unit_id),
  );
  const visible = rows.filter((r) => canRead(subject, place(r.unit_id)));
  const latest = await latestSds(
    db,
    actor.organisationId,
    visible.map((r) => r.id),
  );
  const units = [...names]
    .filter(([id]) => canCreateFor(subject, id))
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return {
    items: visible.map((r) => ({
      id: r.id,
      name: r.name,
      supplier: r.supplier,
      unitId: r.unit_id,
      unitName: names.get(r.unit_id) ?? '',
      location: r.location,
      cmr: r.cmr,
      sdsState: sdsState(latest.get(r.id) ?? null, r.supplier_revision),
    })),
    canCreate: units.length > 0,
    units,
  };
}

export async function getProduct(db: Db, actor: Actor, id: string): Promise<Product> {
  const { row, subject, place } = await visibleProduct(db, actor, id);
  const org = actor.organisationId;
  let exposures = db
    .selectFrom('stoff_exposure')
    .selectAll()
    .where('organisation_id', '=', org)
    .where('product_id', '=', id);
  if (!readsRegister(subject, place)) {
    // An employee sees only their own rows of the register.
    exposures = exposures.where(
      'employee_id',
      '=',
      actor.employeeId ?? '00000000-0000-0000-0000-000000000000',
    );
  }
  const editor = canEdit(subject, place);
  const [names, sds, exposureRows, assessment, candidates, assessments] = await Promise.all([
    unitNames(db, org),
    db
      .selectFrom('stoff_sds')
      .select(['id', 'revision_date', 'filename', 'size', 'uploaded_at'])
      .where('organisation_id', '=', org)
      .where('product_id', '=', id)
      .orderBy('revision_date', 'desc')
      .orderBy('uploaded_at', 'desc')
      .execute(),
    exposures.orderBy('started_on').orderBy('id').execute(),
    row.assessment_id === null
      ? Promise.resolve(undefined)
      : db
          .selectFrom('risk_assessment')
          .select('title')
          .where('organisation_id', '=', org)
          .where('id', '=', row.assessment_id)
          .executeTakeFirst(),
    editor
      ? db
          .selectFrom('employee')
          .select(['id', 'name'])
          .where('organisation_id', '=', org)
          .where('unit_id', '=', row.unit_id)
          .orderBy('name')
          .orderBy('id')
          .execute()
      : Promise.resolve([]),
    editor
      ? db
          .selectFrom('risk_assessment')
          .select(['id', 'title'])
          .where('organisation_id', '=', org)
          .where('unit_id', '=', row.unit_id)
          .orderBy('title')
          .orderBy('id')
          .execute()
      : Promise.resolve([]),
  ]);
  return {
    id: row.id,
    name: row.name,
    supplier: row.supplier,
    unitId: row.unit_id,
    unitName: names.get(row.unit_id) ?? '',
    location: row.location,
    useText: row.use_text,
    hazardText: row.hazard_text,
    cmr: row.cmr,
    supplierRevision: row.supplier_revision,
    sdsState: sdsState(sds[0]?.revision_date ?? null, row.supplier_revision),
    sds: sds.map((s) => ({
      id: s.id,
      revisionDate: s.revision_date,
      filename: s.filename,
      size: s.size,
      uploadedAt: new Date(s.uploaded_at).toISOString(),
    })),
    assessmentId: row.assessment_id,
    assessmentTitle: assessment?.title ?? null,
    version: row.version,
    canEdit: editor,
    exposures: exposureRows.map((e) => toExposure(e, row.name)),
    candidates,
    assessments,
  };
}

/** The unit must be one the actor may add to; a linked assessment must be one of the unit's they edit. */
async function checkProductInput(
  db: Db,
  actor: Actor,
  body: { unitId: string; assessmentId: string | null },
): Promise<void> {
  const { subject, place } = await scopeFor(db, actor, [body.unitId]);
  const unit = await db
    .selectFrom('unit')
    .select('id')
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', body.unitId)
    .executeTakeFirst();
  if (!unit || !canEdit(subject, place(body.unitId))) {
    throw fieldError('unitId', 'Velg en enhet du har ansvar for.', 'Choose a unit you are responsible for.');
  }
  if (body.assessmentId !== null) {
    const a = await db
      .selectFrom('risk_assessment')
      .select('unit_id')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', body.assessmentId)
      .executeTakeFirst();
    if (!a || a.unit_id !== body.unitId || !canEditAssessment(subject, place(a.unit_id))) {
      throw fieldError(
        'assessmentId',
        'Velg en risikovurdering for samme enhet.',
        'Choose a risk assessment of the same unit.',
      );
    }
  }
}

export async function createProduct(
  db: Db,
  actor: Actor,
  body: z.output<typeof ProductCreateSchema>,
): Promise<Product> {
  return inTransaction(db, async (trx) => {
    await checkProductInput(trx, actor, body);
    const { id } = await trx
      .insertInto('stoff_product')
      .values({
        organisation_id: actor.organisationId,
        name: body.name,
        supplier: body.supplier,
        unit_id: body.unitId,
        location: body.location,
        use_text: body.useText,
        hazard_text: body.hazardText,
        cmr: body.cmr,
        supplier_revision: body.supplierRevision,
        assessment_id: body.assessmentId,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'stoff_product',
      entityId: id,
      detail: { unitId: body.unitId, cmr: body.cmr },
    });
    return getProduct(trx, actor, id);
  });
}

export async function updateProduct(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof ProductUpdateSchema>,
): Promise<Product> {
  return inTransaction(db, async (trx) => {
    const { row } = await editableProduct(trx, actor, id);
    await checkProductInput(trx, actor, body);
    const hasExposure = await trx
      .selectFrom('stoff_exposure')
      .select('id')
      .where('organisation_id', '=', actor.organisationId)
      .where('product_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (hasExposure && body.cmr.length === 0) {
      throw fieldError(
        'cmr',
        'Produktet har rader i eksponeringsregisteret og må beholde CMR-klassen (forskrift om utførelse av arbeid § 31-1).',
        'The product has exposure register rows and must keep its CMR class (Regulations on the performance of work § 31-1).',
      );
    }
    const updated = await trx
      .updateTable('stoff_product')
      .set((eb) => ({
        name: body.name,
        supplier: body.supplier,
        unit_id: body.unitId,
        location: body.location,
        use_text: body.useText,
        hazard_text: body.hazardText,
        cmr: body.cmr,
        supplier_revision: body.supplierRevision,
        assessment_id: body.assessmentId,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'stoff_product',
      entityId: id,
      detail: { unitId: body.unitId, movedFrom: row.unit_id === body.unitId ? null : row.unit_id },
    });
    return getProduct(trx, actor, id);
  });
}

export async function addSds(
  db: Db,
  actor: Actor,
  productId: string,
  file: { data: Buffer; filename: string; revisionDate: IsoDate },
): Promise<Product> {
  return inTransaction(db, async (trx) => {
    await editableProduct(trx, actor, productId);
    const { id } = await trx
      .insertInto('stoff_sds')
      .values({
        organisation_id: actor.organisationId,
        product_id: productId,
        revision_date: file.revisionDate,
        filename: file.filename,
        size: file.data.length,
        data: file.data,
        uploaded_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'stoff_sds',
      entityId: id,
      detail: { productId, revisionDate: file.revisionDate, size: file.data.length },
    });
    return getProduct(trx, actor, productId);
  });
}

export async function readSds(db: Db, actor: Actor, productId: string, sdsId: string) {
  await visibleProduct(db, actor, productId);
  const row = await db
    .selectFrom('stoff_sds')
    .select(['data', 'filename'])
    .where('organisation_id', '=', actor.organisationId)
    .where('product_id', '=', productId)
    .where('id', '=', sdsId)
    .executeTakeFirst();
  if (!row) throw notFound({ nb: 'Fant ikke databladet.', en: 'Data sheet not found.' });
  return row;
}

export async function addExposure(
  db: Db,
  actor: Actor,
  productId: string,
  body: z.output<typeof ExposureCreateSchema>,
): Promise<Product> {
  return inTransaction(db, async (trx) => {
    const { row } = await editableProduct(trx, actor, productId);
    if (row.cmr.length === 0) {
      throw conflict(
        {
          nb: 'Eksponeringsregisteret gjelder bare CMR-stoffer: merk produktet som kreftfremkallende, arvestoffskadelig eller reproduksjonstoksisk først (forskrift om utførelse av arbeid § 31-1).',
          en: 'The exposure register is for CMR substances only: mark the product carcinogenic, mutagenic or reprotoxic first (Regulations on the performance of work § 31-1).',
        },
        'WRONG_STATE',
      );
    }
    const employee = await trx
      .selectFrom('employee')
      .select(['id', 'name'])
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', body.employeeId)
      .executeTakeFirst();
    if (!employee) {
      throw fieldError(
        'employeeId',
        'Velg en arbeidstaker i virksomheten.',
        'Choose an employee of the organisation.',
      );
    }
    const { id } = await trx
      .insertInto('stoff_exposure')
      .values({
        organisation_id: actor.organisationId,
        product_id: productId,
        employee_id: employee.id,
        employee_name: employee.name,
        position: body.position,
        workplace: body.workplace,
        cmr: row.cmr,
        exposure_how: body.exposureHow,
        concentration: body.concentration,
        started_on: body.startedOn,
        ended_on: body.endedOn,
        hours_per_week: body.hoursPerWeek,
        kept_until: exposureKeptUntil(row.cmr, body.endedOn),
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'stoff_exposure',
      entityId: id,
      detail: { productId, employeeId: employee.id },
    });
    return getProduct(trx, actor, productId);
  });
}

async function editableExposure(db: Db, actor: Actor, id: string) {
  const row = await db
    .selectFrom('stoff_exposure')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw exposureNotFound();
  try {
    await editableProduct(db, actor, row.product_id);
  } catch {
    throw exposureNotFound();
  }
  return row;
}

/** The exposure ended: the retention period (60 or 5 years, FUA § 31-1) starts counting. */
export async function endExposure(
  db: Db,
  actor: Actor,
  id: string,
  body: { version: number; endedOn: IsoDate },
): Promise<Product> {
  return inTransaction(db, async (trx) => {
    const row = await editableExposure(trx, actor, id);
    if (body.endedOn < row.started_on) {
      throw fieldError(
        'endedOn',
        'Sluttdatoen kan ikke være før startdatoen.',
        'The end date cannot be before the start.',
      );
    }
    const updated = await trx
      .updateTable('stoff_exposure')
      .set((eb) => ({
        ended_on: body.endedOn,
        kept_until: exposureKeptUntil(row.cmr, body.endedOn),
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'stoff_exposure',
      entityId: id,
      detail: { endedOn: body.endedOn },
    });
    return getProduct(trx, actor, row.product_id);
  });
}

/** Never: FUA § 31-1 (kept 60 / 5 years, and not destroyed without Arbeidstilsynet's permission). */
export async function refuseExposureDeletion(db: Db, actor: Actor, id: string): Promise<never> {
  const row = await editableExposure(db, actor, id);
  throw conflict(exposureDeletionRefusal(row.cmr, row.ended_on), 'WRONG_STATE');
}

/** The exposure register rows the actor may read (their own only, for an employee). */
export async function listExposures(db: Db, actor: Actor): Promise<ExposureList> {
  const [products, rows] = await Promise.all([
    db
      .selectFrom('stoff_product')
      .select(['id', 'name', 'unit_id'])
      .where('organisation_id', '=', actor.organisationId)
      .execute(),
    db
      .selectFrom('stoff_exposure')
      .selectAll()
      .where('organisation_id', '=', actor.organisationId)
      .orderBy('employee_name')
      .orderBy('started_on')
      .orderBy('id')
      .execute(),
  ]);
  const { subject, place } = await scopeFor(
    db,
    actor,
    products.map((p) => p.unit_id),
  );
  const byId = new Map(products.map((p) => [p.id, p]));
  const items = rows.flatMap((r) => {
    const p = byId.get(r.product_id);
    if (!p) return [];
    const pl = place(p.unit_id);
    const mine = actor.employeeId !== null && r.employee_id === actor.employeeId;
    return readsRegister(subject, pl) || mine ? [toExposure(r, p.name)] : [];
  });
  return { items };
}

/** The register as CSV (for transfer to Arbeidstilsynet, FUA § 31-7), formula-neutralised. */
export async function exposureCsv(db: Db, actor: Actor): Promise<string> {
  const { items } = await listExposures(db, actor);
  await writeAudit(db, actor, {
    action: 'export',
    entityType: 'stoff_exposure',
    detail: { rows: items.length },
  });
  return toCsv(
    [
      'Navn',
      'Stilling',
      'Arbeidssted',
      'Produkt',
      'Klasse',
      'Hvordan',
      'Konsentrasjon',
      'Fra',
      'Til',
      'Timer per uke',
      'Oppbevares til minst',
    ],
    items.map((e) => [
      e.employeeName,
      e.position,
      e.workplace,
      e.productName,
      e.cmr.map((k) => CMR_TEXT[k].nb).join(', '),
      e.exposureHow,
      e.concentration,
      e.startedOn,
      e.endedOn,
      e.hoursPerWeek,
      e.keptUntil ?? `${e.retentionYears} år etter sluttdato`,
    ]),
  );
}
