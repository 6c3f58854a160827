/**
 * The annual review of the internkontroll (IK-f § 5 no. 8, aml § 3-1 (2) h — «ledelsens
 * gjennomgang»). The law gives no interval; the product reviews yearly (anbefalt), and the review
 * answers one package: goals (IK-f § 5 no. 4), routines, avvik, the risk assessment (FOLM § 7-1),
 * sick leave, training, the BHT assessment (aml § 3-3 (1)) and the varsling routine (aml § 2 A-6).
 * A draft is edited with optimistic concurrency; completing it writes a dated PDF that is stored
 * on the row and never regenerated; a completed review is read-only.
 */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Review, ReviewSummary, ReviewUpdateSchema } from '../../contracts/hms-mal/hms-mal.schemas.ts';
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import {
  goalsPrefill,
  REVIEW_SECTION_KEYS,
  type ReviewDraft,
  type ReviewSectionKey,
  reviewCompletionProblems,
} from '../../domain/hms-mal/index.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, conflict, notFound, staleVersion } from '../../platform/errors.ts';
import { canEditGoals } from './goals.service.ts';
import type { AnnualReviewTable } from './hms-mal.tables.ts';
import { renderReviewPdf } from './pdf.ts';

type FullRow = Selectable<AnnualReviewTable>;
/** A review as read for the API: every column but the PDF's bytes, and whether there are any. */
type Row = Omit<FullRow, 'pdf'> & { has_pdf: boolean };

/** The row's column of each section. */
const COLUMN = {
  goals: 'goals_text',
  routines: 'routines_text',
  avvik: 'avvik_text',
  risk: 'risk_text',
  sickLeave: 'sick_leave_text',
  training: 'training_text',
  bht: 'bht_text',
  varsling: 'varsling_text',
  conclusions: 'conclusions_text',
  priorities: 'priorities_text',
} as const satisfies Record<ReviewSectionKey, keyof FullRow>;

export const reviewNotFound = () =>
  notFound({ nb: 'Fant ikke den årlige gjennomgangen.', en: 'Annual review not found.' });

const completed = () =>
  conflict(
    {
      nb: 'Gjennomgangen er fullført og kan ikke endres. Den lagrede PDF-en er dokumentasjonen.',
      en: 'The review is completed and cannot be changed. The stored PDF is the record.',
    },
    'WRONG_STATE',
  );

function sectionsOf(row: Row): Record<ReviewSectionKey, string> {
  return Object.fromEntries(REVIEW_SECTION_KEYS.map((k) => [k, row[COLUMN[k]]])) as Record<
    ReviewSectionKey,
    string
  >;
}

function toSummary(
  row: Pick<
    Row,
    | 'id'
    | 'year_reviewed'
    | 'held_on'
    | 'status'
    | 'completed_at'
    | 'completed_by_name'
    | 'vo_took_part'
    | 'amu_took_part'
  >,
): ReviewSummary {
  return {
    id: row.id,
    yearReviewed: row.year_reviewed,
    heldOn: row.held_on,
    status: row.status,
    completedAt: row.completed_at?.toISOString() ?? null,
    completedBy: row.completed_by_name,
    voTookPart: row.vo_took_part,
    amuTookPart: row.amu_took_part,
  };
}

function toReview(row: Row, actor: Actor): Review {
  return {
    ...toSummary(row),
    participants: row.participants,
    bhtTookPart: row.bht_took_part,
    bhtNeeded: row.bht_needed,
    sections: sectionsOf(row),
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    hasPdf: row.has_pdf,
    canEdit: canEditGoals(actor) && row.status === 'utkast',
  };
}

/** Every column but the PDF bytes (lists and forms never carry them). */
const WITHOUT_PDF = [
  'organisation_id',
  'id',
  'year_reviewed',
  'held_on',
  'participants',
  'vo_took_part',
  'amu_took_part',
  'bht_took_part',
  'goals_text',
  'routines_text',
  'avvik_text',
  'risk_text',
  'sick_leave_text',
  'training_text',
  'bht_needed',
  'bht_text',
  'varsling_text',
  'conclusions_text',
  'priorities_text',
  'status',
  'completed_at',
  'completed_by',
  'completed_by_name',
  'created_at',
  'created_by',
  'created_by_name',
  'updated_at',
  'version',
] as const satisfies readonly (keyof FullRow)[];

async function findReview(db: Db, organisationId: string, id: string): Promise<Row | undefined> {
  return db
    .selectFrom('annual_review')
    .select(WITHOUT_PDF)
    .select((eb) => eb('pdf', 'is not', null).$castTo<boolean>().as('has_pdf'))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listReviews(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('annual_review')
    .select([
      'id',
      'year_reviewed',
      'held_on',
      'status',
      'completed_at',
      'completed_by_name',
      'vo_took_part',
      'amu_took_part',
    ])
    .where('organisation_id', '=', actor.organisationId)
    .orderBy('year_reviewed', 'desc')
    .execute();
  return { items: rows.map(toSummary), canEdit: canEditGoals(actor) };
}

export async function getReview(db: Db, actor: Actor, id: string): Promise<Review> {
  const row = await findReview(db, actor.organisationId, id);
  if (!row) throw reviewNotFound();
  return toReview(row, actor);
}

/**
 * A new draft for a year, its first section filled in from that year's goals with their statuses.
 * One review per year; a year that has not begun cannot be looked back on.
 */
export async function createReview(
  trx: Db,
  actor: Actor,
  yearReviewed: number,
  today: IsoDate,
): Promise<Review> {
  if (yearReviewed > Number(today.slice(0, 4))) {
    throw new AppError(
      'VALIDATION_FAILED',
      { nb: 'Året har ikke begynt ennå.', en: 'The year has not begun yet.' },
      {
        fields: [
          {
            path: 'yearReviewed',
            message: { nb: 'Velg et år som har begynt.', en: 'Choose a year that has begun.' },
          },
        ],
      },
    );
  }
  const existing = await trx
    .selectFrom('annual_review')
    .select('id')
    .where('organisation_id', '=', actor.organisationId)
    .where('year_reviewed', '=', yearReviewed)
    .executeTakeFirst();
  if (existing) {
    throw conflict(
      {
        nb: `Det finnes allerede en årlig gjennomgang av ${yearReviewed}.`,
        en: `There is already an annual review of ${yearReviewed}.`,
      },
      'ALREADY_EXISTS',
    );
  }
  const goals = await trx
    .selectFrom('hms_goal as g')
    .leftJoin('hms_measure as m', (join) =>
      join.onRef('m.organisation_id', '=', 'g.organisation_id').onRef('m.goal_id', '=', 'g.id'),
    )
    .select(['g.id', 'g.title', 'g.target', 'g.status', 'g.created_at'])
    .select((eb) => [eb.fn.count<string>('m.id').as('total'), eb.fn.count<string>('m.done_at').as('done')])
    .where('g.organisation_id', '=', actor.organisationId)
    .where('g.year', '=', yearReviewed)
    .groupBy(['g.id', 'g.title', 'g.target', 'g.status', 'g.created_at'])
    .orderBy('g.created_at')
    .orderBy('g.id')
    .execute();
  const row = await trx
    .insertInto('annual_review')
    .values({
      organisation_id: actor.organisationId,
      year_reviewed: yearReviewed,
      goals_text: goalsPrefill(
        yearReviewed,
        goals.map((g) => ({
          title: g.title,
          target: g.target,
          status: g.status,
          measuresDone: Number(g.done),
          measuresTotal: Number(g.total),
        })),
      ),
      created_by: actor.userId,
      created_by_name: actor.name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(trx, actor, {
    action: 'create',
    entityType: 'annual_review',
    entityId: row.id,
    detail: { yearReviewed, goals: goals.length },
  });
  return getReview(trx, actor, row.id);
}

/** Saves the draft (the whole form) when it is still a draft and `version` is the current one. */
export async function updateReview(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof ReviewUpdateSchema>,
): Promise<Review> {
  return inTransaction(db, async (trx) => {
    const current = await findReview(trx, actor.organisationId, id);
    if (!current) throw reviewNotFound();
    if (current.status !== 'utkast') throw completed();
    if (current.version !== body.version) throw staleVersion();
    const sections = Object.fromEntries(REVIEW_SECTION_KEYS.map((k) => [COLUMN[k], body.sections[k]]));
    const row = await trx
      .updateTable('annual_review')
      .set((eb) => ({
        ...sections,
        held_on: body.heldOn,
        participants: body.participants,
        vo_took_part: body.voTookPart,
        amu_took_part: body.amuTookPart,
        bht_took_part: body.bhtTookPart,
        bht_needed: body.bhtNeeded,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .where('status', '=', 'utkast')
      .returning('id')
      .executeTakeFirst();
    if (!row) throw staleVersion();
    await writeAudit(trx, actor, { action: 'update', entityType: 'annual_review', entityId: id });
    return getReview(trx, actor, id);
  });
}

/**
 * Completes the review: every section answered (else 400 naming each), then the PDF is made with
 * today's date and stored with the status in one statement that also checks the version and that
 * it is still a draft — so two completions cannot both write.
 */
export async function completeReview(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  today: IsoDate,
): Promise<Review> {
  const current = await findReview(db, actor.organisationId, id);
  if (!current) throw reviewNotFound();
  if (current.status !== 'utkast') throw completed();
  if (current.version !== version) throw staleVersion();
  const draft: ReviewDraft = {
    heldOn: current.held_on,
    participants: current.participants,
    bhtNeeded: current.bht_needed,
    sections: sectionsOf(current),
  };
  const problems = reviewCompletionProblems(draft, current.year_reviewed, today);
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      {
        nb: 'Gjennomgangen mangler noe før den kan fullføres.',
        en: 'The review lacks something before it can be completed.',
      },
      { fields: problems },
    );
  }
  const organisation = await db
    .selectFrom('organisation')
    .select(['name', 'orgnr'])
    .where('id', '=', actor.organisationId)
    .executeTakeFirstOrThrow();
  const pdf = await renderReviewPdf({
    organisation,
    yearReviewed: current.year_reviewed,
    heldOn: current.held_on ?? today,
    completedOn: today,
    completedBy: actor.name,
    participants: current.participants,
    voTookPart: current.vo_took_part,
    amuTookPart: current.amu_took_part,
    bhtTookPart: current.bht_took_part,
    bhtNeeded: current.bht_needed,
    sections: draft.sections,
  });
  const row = await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('annual_review')
      .set((eb) => ({
        status: 'fullfort' as const,
        completed_at: new Date(),
        completed_by: actor.userId,
        completed_by_name: actor.name,
        pdf,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'utkast')
      .returning('id')
      .executeTakeFirst();
    if (updated) {
      await writeAudit(trx, actor, {
        action: 'update',
        entityType: 'annual_review',
        entityId: id,
        detail: { status: 'fullfort', pdfBytes: pdf.length },
      });
    }
    return updated;
  });
  if (!row) throw staleVersion();
  return getReview(db, actor, id);
}

/** A draft can be thrown away; a completed review is the record and stays (409). */
export async function deleteReview(db: Db, actor: Actor, id: string): Promise<void> {
  return inTransaction(db, async (trx) => {
    const current = await findReview(trx, actor.organisationId, id);
    if (!current) throw reviewNotFound();
    if (current.status !== 'utkast') throw completed();
    await trx
      .deleteFrom('annual_review')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('status', '=', 'utkast')
      .execute();
    await writeAudit(trx, actor, { action: 'delete', entityType: 'annual_review', entityId: id });
  });
}

/** The stored PDF of a completed review (404 for none; 409 while it is a draft). */
export async function reviewPdf(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ pdf: Buffer; filename: string }> {
  const row = await db
    .selectFrom('annual_review')
    .select(['year_reviewed', 'status', 'pdf'])
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw reviewNotFound();
  if (row.status !== 'fullfort' || row.pdf === null) {
    throw conflict(
      {
        nb: 'Gjennomgangen er ikke fullført ennå, så den har ingen PDF.',
        en: 'The review is not completed yet, so it has no PDF.',
      },
      'WRONG_STATE',
    );
  }
  await writeAudit(db, actor, { action: 'export', entityType: 'annual_review', entityId: id });
  return { pdf: Buffer.from(row.pdf), filename: `arlig-gjennomgang-${row.year_reviewed}.pdf` };
}

/**
 * What the IK dashboard shows for points 4 and 8 (IK-f § 5 no. 4 and 8): how many goals the year has,
 * when the last completed review was held, and the last one where the verneombud or the AMU took
 * part (IK-f § 5 no. 3: the employees take part).
 */
export async function goalEvidence(
  db: Db,
  organisationId: string,
  today: IsoDate,
): Promise<{
  goalsThisYear: number;
  lastReviewDone: IsoDate | null;
  lastReviewWithParticipation: IsoDate | null;
  lastReviewId: string | null;
}> {
  const [goals, last, withParticipation] = await Promise.all([
    db
      .selectFrom('hms_goal')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisation_id', '=', organisationId)
      .where('year', '=', Number(today.slice(0, 4)))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('annual_review')
      .select(['id', 'held_on'])
      .where('organisation_id', '=', organisationId)
      .where('status', '=', 'fullfort')
      .where('held_on', '<=', today)
      .orderBy('held_on', 'desc')
      .orderBy('completed_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('annual_review')
      .select('held_on')
      .where('organisation_id', '=', organisationId)
      .where('status', '=', 'fullfort')
      .where('held_on', '<=', today)
      .where((eb) => eb.or([eb('vo_took_part', '=', true), eb('amu_took_part', '=', true)]))
      .orderBy('held_on', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return {
    goalsThisYear: Number(goals.n),
    lastReviewDone: last?.held_on ?? null,
    lastReviewWithParticipation: withParticipation?.held_on ?? null,
    lastReviewId: last?.id ?? null,
  };
}
