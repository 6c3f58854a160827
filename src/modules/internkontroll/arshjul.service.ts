/**
 * The årshjul (IK-f § 5 no. 7–8; product defaults where the law sets no date): the year's HMS activities, generated from the company profile
 * by the pure `generateArshjul` and kept as rows so people can move them, mark them done with a note
 * and add their own. Re-deriving never duplicates: a generated item is unique per (year, key,
 * occurrence); a moved item keeps its new date; a done item is kept even when it no longer applies.
 */
import type { Selectable } from 'kysely';
import type { ArshjulItem, ArshjulView } from '../../contracts/internkontroll/internkontroll.schemas.ts';
import type { Db } from '../../db/schema.ts';
import { addDays, formatNorwegian, type IsoDate } from '../../domain/calendar/index.ts';
import {
  type ArshjulContext,
  type ArshjulKey,
  type ArshjulOccurrence,
  type ArshjulPlan,
  derivePlikter,
  generateArshjul,
} from '../../domain/internkontroll/index.ts';
import type { Actor } from '../../platform/context.ts';
import { hasRole } from '../../platform/context.ts';
import { goalEvidence } from '../hms-mal/index.ts';
import { roleEvidence } from '../roller/index.ts';
import type { ArshjulItemTable } from './internkontroll.tables.ts';
import { currentProfile, effectiveProfile, registerFacts } from './profile.service.ts';

/** Reminders and «Snart frist» start this many days before the due date. */
export const ARSHJUL_REMINDER_DAYS = 14;

type Row = Selectable<ArshjulItemTable>;

/** The year's plan as the rules give it for the organisation's current profile. */
export async function plannedArshjul(db: Db, organisationId: string, year: number, today: IsoDate) {
  const [stored, facts, roles] = await Promise.all([
    currentProfile(db, organisationId),
    registerFacts(db, organisationId, today),
    roleEvidence(db, organisationId, today),
  ]);
  const { profile } = effectiveProfile(stored.profile, facts, today);
  // The elections recorded under «Roller og verv» decide; the profile's dates are for before that.
  const ctx: ArshjulContext = {
    year,
    lastVoElection: roles.lastVoElection ?? stored.profile.lastVoElection,
    lastAmuElection: roles.lastAmuElection ?? stored.profile.lastAmuElection,
    alternativeVoAgreementUntil: stored.profile.alternativeVoAgreementUntil,
  };
  return { plan: generateArshjul(profile, derivePlikter(profile), ctx), profileSaved: stored.version > 0 };
}

const occurrenceId = (key: string, occurrence: string) => `${key}\u0000${occurrence}`;

/** True when the stored generated rows differ from the plan (missing, changed or obsolete). */
function needsSync(plan: ArshjulPlan, rows: readonly Row[]): boolean {
  const generated = new Map(
    rows.filter((r) => r.item_key !== null).map((r) => [occurrenceId(r.item_key ?? '', r.occurrence), r]),
  );
  for (const item of plan.items) {
    const row = generated.get(occurrenceId(item.key, item.occurrence));
    if (
      !row ||
      row.generated_due !== item.due ||
      row.title_nb !== item.title.nb ||
      row.owner_role !== item.ownerRole
    )
      return true;
    generated.delete(occurrenceId(item.key, item.occurrence));
  }
  return [...generated.values()].some((r) => r.done_at === null);
}

/** Writes the plan: inserts new occurrences, updates changed ones, deletes open obsolete ones. */
async function writePlan(db: Db, organisationId: string, year: number, items: readonly ArshjulOccurrence[]) {
  for (const item of items) {
    await db
      .insertInto('arshjul_item')
      .values({
        organisation_id: organisationId,
        year,
        item_key: item.key,
        occurrence: item.occurrence,
        title_nb: item.title.nb,
        title_en: item.title.en,
        subtasks: JSON.stringify(item.subtasks),
        due: item.due,
        generated_due: item.due,
        owner_role: item.ownerRole,
        legal_basis: item.legalBasis,
        kind: item.kind,
      })
      .onConflict((oc) =>
        oc.columns(['organisation_id', 'year', 'item_key', 'occurrence']).doUpdateSet((eb) => ({
          title_nb: eb.ref('excluded.title_nb'),
          title_en: eb.ref('excluded.title_en'),
          subtasks: eb.ref('excluded.subtasks'),
          owner_role: eb.ref('excluded.owner_role'),
          legal_basis: eb.ref('excluded.legal_basis'),
          kind: eb.ref('excluded.kind'),
          // A date someone moved stays moved; an unmoved one follows the rules.
          due: eb
            .case()
            .when('arshjul_item.due', '=', eb.ref('arshjul_item.generated_due'))
            .then(eb.ref('excluded.due'))
            .else(eb.ref('arshjul_item.due'))
            .end(),
          generated_due: eb.ref('excluded.generated_due'),
        })),
      )
      .execute();
  }
  const keep = new Set(items.map((i) => occurrenceId(i.key, i.occurrence)));
  const obsolete = await db
    .selectFrom('arshjul_item')
    .select(['id', 'item_key', 'occurrence'])
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .where('item_key', 'is not', null)
    .where('done_at', 'is', null)
    .execute();
  const remove = obsolete
    .filter((r) => !keep.has(occurrenceId(r.item_key ?? '', r.occurrence)))
    .map((r) => r.id);
  if (remove.length > 0) {
    await db
      .deleteFrom('arshjul_item')
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', remove)
      .execute();
  }
}

async function yearRows(db: Db, organisationId: string, year: number): Promise<Row[]> {
  return db
    .selectFrom('arshjul_item')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .orderBy('due')
    .orderBy('title_nb')
    .execute();
}

/**
 * Brings a year's generated items in line with the profile. Past years are history and are left
 * as they are. Idempotent; safe to run concurrently (the unique key absorbs a second insert).
 */
export async function syncArshjul(db: Db, organisationId: string, year: number, today: IsoDate) {
  const { plan, profileSaved } = await plannedArshjul(db, organisationId, year, today);
  let rows = await yearRows(db, organisationId, year);
  if (year >= Number(today.slice(0, 4)) && needsSync(plan, rows)) {
    await writePlan(db, organisationId, year, plan.items);
    rows = await yearRows(db, organisationId, year);
  }
  if (await closeReviewedYear(db, organisationId, year, rows, today))
    rows = await yearRows(db, organisationId, year);
  return { plan, profileSaved, rows };
}

/**
 * A completed «Årlig gjennomgang» (the hms-mal module's dated record) held in the year closes that
 * year's review package: the record is the evidence (IK-f § 5 no. 8). True when a row changed.
 */
async function closeReviewedYear(
  db: Db,
  organisationId: string,
  year: number,
  rows: readonly Row[],
  today: IsoDate,
) {
  const open = rows.find((r) => r.item_key === 'arlig-gjennomgang' && r.done_at === null);
  if (!open) return false;
  const { lastReviewDone } = await goalEvidence(db, organisationId, today);
  if (lastReviewDone === null || !lastReviewDone.startsWith(`${year}-`)) return false;
  await db
    .updateTable('arshjul_item')
    .set({
      done_at: new Date(),
      done_by_name: 'Nærvær',
      done_note: `Årlig gjennomgang fullført ${formatNorwegian(lastReviewDone)} (se Årlig gjennomgang).`,
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', open.id)
    .where('done_at', 'is', null)
    .execute();
  return true;
}

export function itemState(row: Pick<Row, 'done_at' | 'due'>, today: IsoDate): ArshjulItem['state'] {
  if (row.done_at !== null) return 'done';
  if (row.due < today) return 'overdue';
  if (row.due <= addDays(today, ARSHJUL_REMINDER_DAYS)) return 'due-soon';
  return 'upcoming';
}

/** Admin and HR edit every item; the role that owns an item (AMU, VO, BHT, leaders) edits its own. */
export function canEditItem(actor: Actor, ownerRole: string): boolean {
  return hasRole(actor, 'admin', 'hr') || actor.roles.some((r) => r === ownerRole);
}

type Text = { nb: string; en: string };
function textList(json: unknown): Text[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (t): t is Text =>
      typeof t === 'object' && t !== null && typeof t.nb === 'string' && typeof t.en === 'string',
  );
}

export function toItem(row: Row, actor: Actor, today: IsoDate): ArshjulItem {
  return {
    id: row.id,
    key: row.item_key as ArshjulKey | null,
    occurrence: row.occurrence,
    title: { nb: row.title_nb, en: row.title_en },
    subtasks: textList(row.subtasks),
    due: row.due,
    generatedDue: row.generated_due !== null && row.generated_due !== row.due ? row.generated_due : null,
    ownerRole: row.owner_role as ArshjulItem['ownerRole'],
    legalBasis: row.legal_basis,
    kind: row.kind,
    state: itemState(row, today),
    done:
      row.done_at === null
        ? null
        : { at: row.done_at.toISOString(), by: row.done_by_name, note: row.done_note ?? '' },
    canEdit: canEditItem(actor, row.owner_role),
  };
}

export async function arshjulView(db: Db, actor: Actor, year: number, today: IsoDate): Promise<ArshjulView> {
  const { plan, profileSaved, rows } = await syncArshjul(db, actor.organisationId, year, today);
  return {
    year,
    profileSaved,
    items: rows.map((row) => toItem(row, actor, today)),
    notApplicable: plan.notApplicable,
  };
}

export async function findItem(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('arshjul_item')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}
