/**
 * The HMS handbook: the organisation's written routines (IK-f § 5 no. 7; aml § 3-1 (2) e), each
 * saved text a new version, and employees' confirmations that they have read the routines that
 * apply to them (IK-f § 5 no. 2: sufficient knowledge of the systematic HMS work; a new version needs
 * a new confirmation, the old ones stay as history).
 *
 * Who sees what (least privilege):
 * - the library (every routine): admin, HR, leaders and verneombud; archived routines admin/HR only;
 * - everyone else: the active routines that apply to them through their employee record;
 * - who has and has not confirmed: admin/HR the whole organisation, a leader their own people
 *   (`employeeScope`, src/domain/access) — nobody else.
 */
import type {
  ConfirmationPerson,
  Confirmations,
  ConfirmResult,
  MyRoutines,
  RoutineCreateBody,
  RoutineDetail,
  RoutineList,
  RoutineSummary,
  RoutineUpdateBody,
  RoutineVersionView,
} from '../../contracts/rutiner/rutiner.schemas.ts';
import type { Db } from '../../db/schema.ts';
import { employeeScope } from '../../domain/access/access.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import {
  byReadState,
  coveredUnits,
  readState,
  reviewState,
  routineAppliesTo,
} from '../../domain/rutiner/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Actor, hasRole } from '../../platform/context.ts';
import { AppError, conflict, notFound, staleVersion } from '../../platform/errors.ts';
import {
  activeEmployees,
  activeEmployeesPerUnit,
  type Confirmed,
  confirmationsOfEmployee,
  confirmationsOfRoutine,
  currentConfirmationsPerUnit,
  employeeUnit,
  findRoutine,
  isActiveMember,
  listRoutines,
  loadUnits,
  type RoutineRow,
  routineUnitIds,
  routineVersion,
  routineVersions,
  sickLeaveRoutine,
  type UnitRow,
} from './rutiner.repository.ts';

/** Where the sick-leave routine is kept (the settings page of the sick-leave module). */
export const SICK_LEAVE_ROUTINE_LINK = '/innstillinger';

export const routineNotFound = () => notFound({ nb: 'Fant ikke rutinen.', en: 'Routine not found.' });

/** Admin, HR, leaders and verneombud read the whole library. */
export const seesLibrary = (actor: Actor) => hasRole(actor, 'admin', 'hr', 'leder', 'verneombud');
export const canEdit = (actor: Actor) => hasRole(actor, 'admin', 'hr');
/** Admin/HR (everyone) and leaders (their own people) see who has confirmed. */
export const seesConfirmations = (actor: Actor) => hasRole(actor, 'admin', 'hr', 'leder');

/** Line endings as the browser may send them (`\r\n`) are stored as `\n`, so «changed?» is exact. */
export const normaliseBody = (body: string) => body.replace(/\r\n?/g, '\n');

const iso = (d: Date) => d.toISOString();

type Context = {
  units: UnitRow[];
  unitIdsOf: Map<string, string[]>;
  /** The actor's unit, when they are an employee. */
  myUnit: string | undefined;
  mine: Map<string, Confirmed>;
  counts: { perUnit: Map<string, number>; confirmedPerUnit: Map<string, Map<string, number>> } | null;
};

async function loadContext(
  db: Db,
  actor: Actor,
  rows: readonly RoutineRow[],
  today: IsoDate,
): Promise<Context> {
  const org = actor.organisationId;
  const scope = employeeScope(actor);
  const [units, unitIdsOf, myUnit, mine, counts] = await Promise.all([
    loadUnits(db, org),
    routineUnitIds(
      db,
      org,
      rows.map((r) => r.id),
    ),
    actor.employeeId ? employeeUnit(db, org, actor.employeeId) : Promise.resolve(undefined),
    actor.employeeId
      ? confirmationsOfEmployee(db, org, actor.employeeId)
      : Promise.resolve(new Map<string, Confirmed>()),
    seesConfirmations(actor)
      ? Promise.all([
          activeEmployeesPerUnit(db, org, today, scope),
          currentConfirmationsPerUnit(db, org, today, scope),
        ]).then(([perUnit, confirmedPerUnit]) => ({ perUnit, confirmedPerUnit }))
      : Promise.resolve(null),
  ]);
  return { units, unitIdsOf, myUnit, mine, counts };
}

function appliesToMe(row: RoutineRow, ctx: Context): boolean {
  if (ctx.myUnit === undefined || row.archived_at !== null) return false;
  return routineAppliesTo(
    { appliesToAll: row.applies_to_all, unitIds: ctx.unitIdsOf.get(row.id) ?? [] },
    ctx.myUnit,
    ctx.units,
  );
}

function toSummary(row: RoutineRow, ctx: Context, today: IsoDate): RoutineSummary {
  const unitIds = ctx.unitIdsOf.get(row.id) ?? [];
  const unitName = new Map(ctx.units.map((u) => [u.id, u.name]));
  let confirmations: RoutineSummary['confirmations'] = null;
  if (ctx.counts) {
    const covered = row.applies_to_all ? null : coveredUnits(ctx.units, unitIds);
    let total = 0;
    let confirmed = 0;
    for (const [unit, n] of ctx.counts.perUnit) if (!covered || covered.has(unit)) total += n;
    for (const [unit, n] of ctx.counts.confirmedPerUnit.get(row.id) ?? [])
      if (!covered || covered.has(unit)) confirmed += n;
    confirmations = { confirmed, total };
  }
  const my = ctx.mine.get(row.id);
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    owner: row.owner_user_id && row.owner_name ? { userId: row.owner_user_id, name: row.owner_name } : null,
    reviewDue: row.review_due,
    reviewState: reviewState(row.review_due, today),
    appliesToAll: row.applies_to_all,
    units: unitIds
      .map((id) => ({ id, name: unitName.get(id) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nb')),
    version: row.version,
    currentVersion: row.current_version,
    publishedAt: iso(row.published_at),
    archived: row.archived_at !== null,
    mine: appliesToMe(row, ctx)
      ? {
          state: readState(row.current_version, my?.version ?? null),
          confirmedVersion: my?.version ?? null,
          confirmedAt: my ? iso(my.confirmedAt) : null,
        }
      : null,
    confirmations,
  };
}

/** May the actor open this routine at all? (Otherwise: 404, as if it did not exist.) */
function visible(actor: Actor, row: RoutineRow, ctx: Context): boolean {
  if (row.archived_at !== null) return canEdit(actor);
  return seesLibrary(actor) || appliesToMe(row, ctx);
}

export async function listView(
  db: Db,
  actor: Actor,
  options: { includeArchived: boolean },
  today: IsoDate,
): Promise<RoutineList> {
  const rows = await listRoutines(db, actor.organisationId, {
    includeArchived: options.includeArchived && canEdit(actor),
  });
  const ctx = await loadContext(db, actor, rows, today);
  const sick = await sickLeaveRoutine(db, actor.organisationId);
  return {
    items: rows.filter((row) => visible(actor, row, ctx)).map((row) => toSummary(row, ctx, today)),
    sickLeave: {
      version: sick.version,
      updatedAt: sick.updatedAt ? iso(sick.updatedAt) : null,
      link: SICK_LEAVE_ROUTINE_LINK,
    },
    canEdit: canEdit(actor),
    canSeeConfirmations: seesConfirmations(actor),
  };
}

/** The routine as the actor may see it, with its context; 404 otherwise. */
async function visibleRoutine(db: Db, actor: Actor, id: string, today: IsoDate) {
  const row = await findRoutine(db, actor.organisationId, id);
  if (!row) throw routineNotFound();
  const ctx = await loadContext(db, actor, [row], today);
  if (!visible(actor, row, ctx)) throw routineNotFound();
  return { row, ctx };
}

export async function detailView(db: Db, actor: Actor, id: string, today: IsoDate): Promise<RoutineDetail> {
  const { row, ctx } = await visibleRoutine(db, actor, id, today);
  const versions = await routineVersions(db, actor.organisationId, id);
  const current = versions.find((v) => v.version === row.current_version);
  if (!current) throw routineNotFound();
  return {
    ...toSummary(row, ctx, today),
    body: current.body,
    changeNote: current.change_note,
    publishedBy: current.published_by_name,
    versions: versions.map((v) => ({
      version: v.version,
      publishedAt: iso(v.published_at),
      publishedBy: v.published_by_name,
      changeNote: v.change_note,
    })),
    canEdit: canEdit(actor),
    canSeeConfirmations: seesConfirmations(actor),
  };
}

export async function versionView(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  today: IsoDate,
): Promise<RoutineVersionView> {
  const { row } = await visibleRoutine(db, actor, id, today);
  const found = await routineVersion(db, actor.organisationId, id, version);
  if (!found)
    throw notFound({
      nb: 'Fant ikke denne versjonen av rutinen.',
      en: 'This version of the routine was not found.',
    });
  return {
    routineId: row.id,
    title: row.title,
    version: found.version,
    body: found.body,
    changeNote: found.change_note,
    publishedAt: iso(found.published_at),
    publishedBy: found.published_by_name,
    current: found.version === row.current_version,
  };
}

const fieldError = (path: string, nb: string, en: string) =>
  new AppError('VALIDATION_FAILED', { nb, en }, { fields: [{ path, message: { nb, en } }] });

/** The owner must be an active member; the units must be the organisation's. */
async function checkReferences(
  db: Db,
  organisationId: string,
  input: { ownerUserId: string; unitIds: readonly string[] },
) {
  if (!(await isActiveMember(db, organisationId, input.ownerUserId))) {
    throw fieldError(
      'ownerUserId',
      'Eieren må være en bruker i virksomheten.',
      'The owner must be a user in the organisation.',
    );
  }
  if (input.unitIds.length > 0) {
    const known = new Set((await loadUnits(db, organisationId)).map((u) => u.id));
    if (input.unitIds.some((id) => !known.has(id))) {
      throw fieldError('unitIds', 'Velg enheter i virksomheten.', 'Choose units of the organisation.');
    }
  }
}

async function writeUnits(
  db: Db,
  organisationId: string,
  routineId: string,
  appliesToAll: boolean,
  unitIds: readonly string[],
) {
  await db
    .deleteFrom('hms_routine_unit')
    .where('organisation_id', '=', organisationId)
    .where('routine_id', '=', routineId)
    .execute();
  const unique = appliesToAll ? [] : [...new Set(unitIds)];
  if (unique.length > 0) {
    await db
      .insertInto('hms_routine_unit')
      .values(unique.map((unit_id) => ({ organisation_id: organisationId, routine_id: routineId, unit_id })))
      .execute();
  }
}

type CreateInput = RoutineCreateBody;
type UpdateInput = RoutineUpdateBody;

export async function createRoutine(db: Db, actor: Actor, input: CreateInput): Promise<string> {
  const org = actor.organisationId;
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, org, input);
    const routine = await trx
      .insertInto('hms_routine')
      .values({
        organisation_id: org,
        title: input.title,
        category: input.category,
        owner_user_id: input.ownerUserId,
        review_due: input.reviewDue,
        applies_to_all: input.appliesToAll,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeUnits(trx, org, routine.id, input.appliesToAll, input.unitIds);
    await trx
      .insertInto('hms_routine_version')
      .values({
        organisation_id: org,
        routine_id: routine.id,
        version: 1,
        body: normaliseBody(input.body),
        change_note: input.changeNote,
        published_by: actor.userId,
        published_by_name: actor.name,
      })
      .execute();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'hms_routine',
      entityId: routine.id,
      detail: { category: input.category, textVersion: 1 },
    });
    return routine.id;
  });
}

const archivedConflict = () =>
  conflict(
    { nb: 'Rutinen er arkivert og kan ikke endres.', en: 'The routine is archived and cannot be changed.' },
    'WRONG_STATE',
  );

/** Saves metadata and — when the text changed — the text as the next version. */
export async function updateRoutine(db: Db, actor: Actor, id: string, input: UpdateInput): Promise<void> {
  const org = actor.organisationId;
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('hms_routine')
      .select(['version', 'current_version', 'archived_at'])
      .where('organisation_id', '=', org)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw routineNotFound();
    if (row.archived_at !== null) throw archivedConflict();
    if (row.version !== input.version) throw staleVersion();
    await checkReferences(trx, org, input);
    const current = await routineVersion(trx, org, id, row.current_version);
    const body = normaliseBody(input.body);
    const textChanged = current?.body !== body;
    const nextText = textChanged ? row.current_version + 1 : row.current_version;
    if (textChanged) {
      await trx
        .insertInto('hms_routine_version')
        .values({
          organisation_id: org,
          routine_id: id,
          version: nextText,
          body,
          change_note: input.changeNote,
          published_by: actor.userId,
          published_by_name: actor.name,
        })
        .execute();
    }
    await trx
      .updateTable('hms_routine')
      .set({
        title: input.title,
        category: input.category,
        owner_user_id: input.ownerUserId,
        review_due: input.reviewDue,
        applies_to_all: input.appliesToAll,
        current_version: nextText,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('organisation_id', '=', org)
      .where('id', '=', id)
      .execute();
    await writeUnits(trx, org, id, input.appliesToAll, input.unitIds);
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'hms_routine',
      entityId: id,
      detail: { textVersion: nextText, newText: textChanged },
    });
  });
}

export async function archiveRoutine(db: Db, actor: Actor, id: string): Promise<void> {
  const org = actor.organisationId;
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('hms_routine')
      .select(['version', 'archived_at'])
      .where('organisation_id', '=', org)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw routineNotFound();
    if (row.archived_at !== null) throw archivedConflict();
    await trx
      .updateTable('hms_routine')
      .set({
        archived_at: new Date(),
        archived_by: actor.userId,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('organisation_id', '=', org)
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'hms_routine',
      entityId: id,
      detail: { archived: true },
    });
  });
}

/**
 * An employee confirms that they have read and understood the current version (IK-f § 5 no. 2).
 * Confirming the same version again changes nothing; an older version answers 409 (read the new one).
 */
export async function confirmRoutine(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  today: IsoDate,
): Promise<ConfirmResult> {
  const org = actor.organisationId;
  const employeeId = actor.employeeId;
  if (employeeId === null) throw routineNotFound();
  return db.transaction().execute(async (trx) => {
    // Shared lock: a new version cannot be saved between the check and the confirmation.
    const locked = await trx
      .selectFrom('hms_routine')
      .select('id')
      .where('organisation_id', '=', org)
      .where('id', '=', id)
      .forShare()
      .executeTakeFirst();
    if (!locked) throw routineNotFound();
    const row = await findRoutine(trx, org, id);
    if (!row) throw routineNotFound();
    const ctx = await loadContext(trx, { ...actor, roles: ['ansatt'] }, [row], today);
    if (!appliesToMe(row, ctx)) throw routineNotFound();
    if (row.current_version !== version) {
      throw new AppError('STALE_VERSION', {
        nb: `Rutinen er endret siden du åpnet den (nå versjon ${row.current_version}). Les den nye versjonen før du bekrefter.`,
        en: `The routine has changed since you opened it (now version ${row.current_version}). Read the new version before you confirm.`,
      });
    }
    await trx
      .insertInto('routine_confirmation')
      .values({
        organisation_id: org,
        routine_id: id,
        version,
        employee_id: employeeId,
        user_id: actor.userId,
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'routine_id', 'version', 'employee_id']).doNothing())
      .execute();
    const stored = await trx
      .selectFrom('routine_confirmation')
      .select('confirmed_at')
      .where('organisation_id', '=', org)
      .where('routine_id', '=', id)
      .where('version', '=', version)
      .where('employee_id', '=', employeeId)
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'routine_confirmation',
      entityId: id,
      detail: { textVersion: version },
    });
    return { routineId: id, version, confirmedAt: iso(stored.confirmed_at) };
  });
}

/** Who has and has not confirmed the current version: admin/HR everyone, a leader their own people. */
export async function confirmationsView(
  db: Db,
  actor: Actor,
  id: string,
  today: IsoDate,
): Promise<Confirmations> {
  const { row, ctx } = await visibleRoutine(db, actor, id, today);
  const scope = employeeScope(actor);
  const [people, confirmed] = await Promise.all([
    activeEmployees(db, actor.organisationId, today, scope),
    confirmationsOfRoutine(db, actor.organisationId, id),
  ]);
  const covered = row.applies_to_all ? null : coveredUnits(ctx.units, ctx.unitIdsOf.get(id) ?? []);
  const done: ConfirmationPerson[] = [];
  const notDone: ConfirmationPerson[] = [];
  for (const p of people) {
    if (covered && !covered.has(p.unit_id)) continue;
    const c = confirmed.get(p.id);
    const person: ConfirmationPerson = {
      employeeId: p.id,
      name: p.name,
      unitName: p.unit_name,
      confirmedVersion: c?.version ?? null,
      confirmedAt: c ? iso(c.confirmedAt) : null,
      hasLogin: p.has_login,
    };
    if (readState(row.current_version, c?.version ?? null) === 'confirmed') done.push(person);
    else notDone.push(person);
  }
  await writeAudit(db, actor, {
    action: 'read',
    entityType: 'routine_confirmation',
    entityId: id,
    detail: { people: done.length + notDone.length },
  });
  return {
    routineId: id,
    currentVersion: row.current_version,
    scope: scope.kind === 'all' ? 'all' : 'own',
    confirmed: done,
    notConfirmed: notDone,
  };
}

/** «Mine rutiner»: the active routines that apply to me, unread first. */
export async function myRoutines(db: Db, actor: Actor, today: IsoDate): Promise<MyRoutines> {
  if (actor.employeeId === null) return { items: [], unread: 0, isEmployee: false };
  const rows = await listRoutines(db, actor.organisationId, { includeArchived: false });
  // Counts are not needed here: load the context as a plain employee.
  const ctx = await loadContext(db, { ...actor, roles: ['ansatt'] }, rows, today);
  if (ctx.myUnit === undefined) return { items: [], unread: 0, isEmployee: false };
  const items = rows
    .filter((row) => appliesToMe(row, ctx))
    .map((row) => {
      const my = ctx.mine.get(row.id);
      return {
        id: row.id,
        title: row.title,
        category: row.category,
        currentVersion: row.current_version,
        publishedAt: iso(row.published_at),
        state: readState(row.current_version, my?.version ?? null),
        confirmedVersion: my?.version ?? null,
        confirmedAt: my ? iso(my.confirmedAt) : null,
      };
    })
    .sort(byReadState);
  return { items, unread: items.filter((i) => i.state !== 'confirmed').length, isEmployee: true };
}
