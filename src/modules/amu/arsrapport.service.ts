/**
 * The AMU årsrapport (aml § 7-2 (6)): made once the year is over — by the daily job in January or by
 * a member — with the year's facts gathered from the records (meetings held, decisions, injuries and
 * near misses aggregated, sick leave, goals and handlingsplan, training, BHT), then edited (versioned,
 * 409 on a stale version), approved — which makes and stores the PDF — and downloaded. Due 31 March
 * (product default, «anbefalt»), addressed to the board and the unions.
 */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type {
  Arsrapport,
  ArsrapportFactSection,
  ArsrapportUpdateSchema,
} from '../../contracts/amu/amu.schemas.ts';
import type { Db } from '../../db/schema.ts';
import {
  ARSRAPPORT_ADDRESSEES,
  ARSRAPPORT_SECTION_KEYS,
  type ArsrapportSectionKey,
  arsrapportDue,
  canEditAmu,
  canMakeArsrapport,
} from '../../domain/amu/index.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { badRequest, conflict, notFound, staleVersion } from '../../platform/errors.ts';
import { amuComposition } from '../roller/index.ts';
import { arsrapportFacts, type YearMeeting } from './agenda.ts';
import type { AmuArsrapportTable } from './amu.tables.ts';
import { renderArsrapportPdf } from './pdf.ts';

type Row = Selectable<AmuArsrapportTable>;
type Sections = Record<ArsrapportSectionKey, string>;

const reportNotFound = () => notFound({ nb: 'Fant ikke årsrapporten.', en: 'Annual report not found.' });

const emptySections = (): Sections =>
  Object.fromEntries(ARSRAPPORT_SECTION_KEYS.map((k) => [k, ''])) as Sections;

function sectionsOf(value: unknown): Sections {
  const out = emptySections();
  if (value && typeof value === 'object') {
    for (const key of ARSRAPPORT_SECTION_KEYS) {
      const v = (value as Record<string, unknown>)[key];
      if (typeof v === 'string') out[key] = v;
    }
  }
  return out;
}

const factsOf = (value: unknown): ArsrapportFactSection[] =>
  Array.isArray(value) ? (value as ArsrapportFactSection[]) : [];

/** The published meetings held in `year` with their decisions (the report's record of the year). */
async function meetingsOfYear(db: Db, organisationId: string, year: number): Promise<YearMeeting[]> {
  const meetings = await db
    .selectFrom('amu_meeting')
    .select(['id', 'held_on', 'meeting_date', 'title', 'kind'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'publisert')
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', `${year}-12-31`)
    .orderBy('held_on')
    .execute();
  if (meetings.length === 0) return [];
  const decisions = await db
    .selectFrom('amu_decision')
    .select(['meeting_id', 'text', 'owner_user_id', 'done_at', 'position'])
    .where('organisation_id', '=', organisationId)
    .where(
      'meeting_id',
      'in',
      meetings.map((m) => m.id),
    )
    .orderBy('position')
    .execute();
  return meetings.map((m) => ({
    date: m.held_on ?? m.meeting_date,
    title: m.title,
    kind: m.kind,
    decisions: decisions
      .filter((d) => d.meeting_id === m.id)
      .map((d) => ({ text: d.text, hasAction: d.owner_user_id !== null, done: d.done_at !== null })),
  }));
}

function toView(row: Row, actor: Actor): Arsrapport {
  return {
    year: row.year,
    status: row.status,
    version: row.version,
    due: arsrapportDue(row.year),
    addressedTo: ARSRAPPORT_ADDRESSEES,
    generatedOn: row.generated_on,
    facts: factsOf(row.facts),
    sections: sectionsOf(row.sections),
    approvedAt: row.approved_at ? row.approved_at.toISOString() : null,
    approvedBy: row.approved_by_name,
    hasPdf: row.pdf !== null,
    canEdit: canEditAmu(actor.roles) && row.status === 'utkast',
  };
}

async function findReport(db: Db, organisationId: string, year: number) {
  return db
    .selectFrom('amu_arsrapport')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function getArsrapport(db: Db, actor: Actor, year: number): Promise<Arsrapport> {
  const row = await findReport(db, actor.organisationId, year);
  if (!row) throw reportNotFound();
  return toView(row, actor);
}

export async function arsrapportStatus(db: Db, organisationId: string, year: number) {
  const row = await db
    .selectFrom('amu_arsrapport')
    .select('status')
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.status ?? null;
}

/** Gathers the facts and inserts the draft; `null` when it exists already. Runs in `db`'s transaction. */
export async function insertDraft(
  db: Db,
  organisationId: string,
  year: number,
  today: IsoDate,
  createdBy: string | null,
): Promise<boolean> {
  const meetings = await meetingsOfYear(db, organisationId, year);
  const facts = await arsrapportFacts(db, organisationId, year, today, meetings);
  const row = await db
    .insertInto('amu_arsrapport')
    .values({
      organisation_id: organisationId,
      year,
      generated_on: today,
      facts: JSON.stringify(facts),
      sections: JSON.stringify(emptySections()),
      created_by: createdBy,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'year']).doNothing())
    .returning('year')
    .executeTakeFirst();
  return row !== undefined;
}

export async function createArsrapport(
  outer: Db,
  actor: Actor,
  year: number,
  today: IsoDate,
): Promise<Arsrapport> {
  if (!canMakeArsrapport(year, today)) {
    throw badRequest({ nb: 'Året er ikke over ennå.', en: 'The year is not over yet.' }, [
      {
        path: 'year',
        message: {
          nb: `Årsrapporten for ${year} kan lages fra 1. januar ${year + 1}.`,
          en: `The annual report for ${year} can be made from 1 January ${year + 1}.`,
        },
      },
    ]);
  }
  return inTransaction(outer, async (db) => {
    const created = await insertDraft(db, actor.organisationId, year, today, actor.userId);
    if (!created) {
      throw conflict(
        {
          nb: `Årsrapporten for ${year} finnes allerede.`,
          en: `The annual report for ${year} already exists.`,
        },
        'ALREADY_EXISTS',
      );
    }
    await writeAudit(db, actor, { action: 'create', entityType: 'amu_arsrapport', entityId: String(year) });
    const row = await findReport(db, actor.organisationId, year);
    if (!row) throw reportNotFound();
    return toView(row, actor);
  });
}

type UpdateBody = z.output<typeof ArsrapportUpdateSchema>;

async function lockDraft(db: Db, actor: Actor, year: number, version: number): Promise<Row> {
  const row = await db
    .selectFrom('amu_arsrapport')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('year', '=', year)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw reportNotFound();
  if (row.version !== version) throw staleVersion();
  if (row.status !== 'utkast') {
    throw conflict(
      {
        nb: 'Årsrapporten er godkjent og kan ikke endres.',
        en: 'The annual report is approved and cannot be changed.',
      },
      'WRONG_STATE',
    );
  }
  return row;
}

export async function updateArsrapport(
  outer: Db,
  actor: Actor,
  year: number,
  body: UpdateBody,
): Promise<Arsrapport> {
  return inTransaction(outer, async (db) => {
    const row = await lockDraft(db, actor, year, body.version);
    const updated = await db
      .updateTable('amu_arsrapport')
      .set({ sections: JSON.stringify(body.sections), version: row.version + 1, updated_at: new Date() })
      .where('organisation_id', '=', actor.organisationId)
      .where('year', '=', year)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(db, actor, { action: 'update', entityType: 'amu_arsrapport', entityId: String(year) });
    return toView(updated, actor);
  });
}

/** Gathers the facts again (a late avvik, a meeting published after the draft was made). */
export async function refreshArsrapport(
  outer: Db,
  actor: Actor,
  year: number,
  version: number,
  today: IsoDate,
): Promise<Arsrapport> {
  return inTransaction(outer, async (db) => {
    const row = await lockDraft(db, actor, year, version);
    const facts = await arsrapportFacts(
      db,
      actor.organisationId,
      year,
      today,
      await meetingsOfYear(db, actor.organisationId, year),
    );
    const updated = await db
      .updateTable('amu_arsrapport')
      .set({
        facts: JSON.stringify(facts),
        generated_on: today,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('organisation_id', '=', actor.organisationId)
      .where('year', '=', year)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(db, actor, {
      action: 'update',
      entityType: 'amu_arsrapport',
      entityId: String(year),
      detail: { refreshed: true },
    });
    return toView(updated, actor);
  });
}

async function pdfInput(
  db: Db,
  organisationId: string,
  row: Row,
  today: IsoDate,
  approved: { on: string; by: string } | null,
) {
  const [organisation, composition] = await Promise.all([
    db
      .selectFrom('organisation')
      .select(['name', 'orgnr'])
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow(),
    amuComposition(db, organisationId, today),
  ]);
  const sideText = {
    arbeidsgiver: 'arbeidsgiver',
    arbeidstaker: 'arbeidstaker',
    bht: 'BHT, uten stemmerett',
  } as const;
  return {
    organisation,
    year: row.year,
    due: arsrapportDue(row.year),
    facts: factsOf(row.facts),
    sections: sectionsOf(row.sections),
    approved,
    members: composition.members.map((m) => `${m.name} (${sideText[m.side]})`),
  };
}

/** Approves the report: the PDF is made now, stored with it, and the report is read-only from then on. */
export async function approveArsrapport(
  outer: Db,
  actor: Actor,
  year: number,
  version: number,
  today: IsoDate,
): Promise<Arsrapport> {
  return inTransaction(outer, async (db) => {
    const row = await lockDraft(db, actor, year, version);
    const pdf = await renderArsrapportPdf(
      await pdfInput(db, actor.organisationId, row, today, { on: today, by: actor.name }),
    );
    const updated = await db
      .updateTable('amu_arsrapport')
      .set({
        status: 'godkjent',
        approved_at: new Date(),
        approved_by: actor.userId,
        approved_by_name: actor.name,
        pdf,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('organisation_id', '=', actor.organisationId)
      .where('year', '=', year)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(db, actor, {
      action: 'update',
      entityType: 'amu_arsrapport',
      entityId: String(year),
      detail: { approved: true },
    });
    return toView(updated, actor);
  });
}

/** The stored PDF of an approved report, or a preview of a draft (not stored). The download is logged. */
export async function arsrapportPdf(
  db: Db,
  actor: Actor,
  year: number,
  today: IsoDate,
): Promise<{ pdf: Buffer; filename: string }> {
  const row = await findReport(db, actor.organisationId, year);
  if (!row) throw reportNotFound();
  const pdf =
    row.pdf ?? (await renderArsrapportPdf(await pdfInput(db, actor.organisationId, row, today, null)));
  await writeAudit(db, actor, {
    action: 'export',
    entityType: 'amu_arsrapport',
    entityId: String(year),
    detail: { draft: row.pdf === null },
  });
  return { pdf, filename: row.pdf ? `amu-arsrapport-${year}.pdf` : `amu-arsrapport-${year}-utkast.pdf` };
}
