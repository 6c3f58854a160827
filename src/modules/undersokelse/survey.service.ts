/**
 * Anonymous surveys: creating and publishing, the scope (units and the units below them), answering
 * once, and the results. Every query is scoped by the actor's organisation; another organisation's
 * id finds nothing (404). Who answered and what was answered are written to two tables with no key
 * between them (ADR 0012).
 */
import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type {
  AnswerSchema,
  MySurvey,
  Question,
  SurveyCreateSchema,
  SurveyForm,
  SurveyResult,
  SurveySummary,
} from '../../contracts/undersokelse/undersokelse.schemas.ts';
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import {
  type AnswerCount,
  bankItem,
  compareDimensions,
  computeResults,
  DIMENSION_TEXT,
  type SurveyResult as DomainResult,
  groupOf,
  groupUnits,
  K_MIN,
  publishableTexts,
  type QuestionDef,
  SCALE_MAX,
  SCALE_MIN,
  surveyState,
  type UnitNode,
} from '../../domain/undersokelse/index.ts';
import type { Locale } from '../../i18n/locale.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import { type Actor, hasRole } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { SurveyQuestionTable, SurveyTable } from './undersokelse.tables.ts';

type SurveyRow = Selectable<SurveyTable>;
type QuestionRow = Selectable<SurveyQuestionTable>;

export const surveyNotFound = () => notFound({ nb: 'Fant ikke undersøkelsen.', en: 'Survey not found.' });

/** HR and the verneombud make surveys (aml § 6-2: the VO sees to the psychosocial working environment). */
export function canManage(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'hr', 'verneombud');
}

/** Who reads every group's results: HR, the VO and the AMU (aml § 7-2: the AMU follows the working environment). */
export function canReadAll(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'hr', 'verneombud', 'amu');
}

/** The handlingsplan is written by admin/HR (IK-f § 5 no. 6): they make a tiltak from a result. */
export function canCreateMeasure(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'hr');
}

type UnitRow = UnitNode & { name: string };

export async function loadUnits(db: Db, organisationId: string): Promise<UnitRow[]> {
  const rows = await db
    .selectFrom('unit')
    .select(['id', 'parent_id', 'name'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name }));
}

/** The chosen units and every unit below them; null: the whole organisation. */
export function expandScope(units: readonly UnitNode[], chosen: readonly string[]): Set<string> | null {
  if (chosen.length === 0) return null;
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const scope = new Set<string>();
  const stack = [...chosen];
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === undefined || scope.has(id)) continue;
    scope.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return scope;
}

/** The units of the scope as a tree of their own (a chosen unit's parent outside the scope: a top). */
function scopeTree(units: readonly UnitNode[], scope: Set<string> | null): UnitNode[] {
  if (scope === null) return units.map((u) => ({ id: u.id, parentId: u.parentId }));
  return units
    .filter((u) => scope.has(u.id))
    .map((u) => ({ id: u.id, parentId: u.parentId !== null && scope.has(u.parentId) ? u.parentId : null }));
}

async function surveyUnitIds(db: Db, organisationId: string, surveyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('survey_unit')
    .select('unit_id')
    .where('organisation_id', '=', organisationId)
    .where('survey_id', '=', surveyId)
    .execute();
  return rows.map((r) => r.unit_id);
}

async function findSurvey(db: Db, organisationId: string, id: string): Promise<SurveyRow | undefined> {
  return db
    .selectFrom('survey')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

async function questionsOf(db: Db, organisationId: string, surveyId: string): Promise<QuestionRow[]> {
  return db
    .selectFrom('survey_question')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('survey_id', '=', surveyId)
    .orderBy('position')
    .execute();
}

function optionsOf(row: Pick<QuestionRow, 'options'>): string[] {
  return Array.isArray(row.options) ? row.options.filter((o): o is string => typeof o === 'string') : [];
}

function toQuestion(row: QuestionRow): Question {
  const item = row.item_key === null ? undefined : bankItem(row.item_key);
  return {
    id: row.id,
    kind: row.kind,
    itemKey: row.item_key,
    dimension: item?.dimension ?? null,
    text: { nb: row.text_nb, en: row.text_en },
    options: optionsOf(row),
    // Free text may be left empty; scale and choice questions must be answered.
    required: row.kind !== 'text',
  };
}

/** The user's employee record, if active today: the unit they answer from. */
async function activeEmployeeUnit(db: Db, actor: Actor, today: IsoDate): Promise<string | null> {
  if (actor.employeeId === null) return null;
  const row = await db
    .selectFrom('employee')
    .select(['unit_id', 'employment_end'])
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', actor.employeeId)
    .executeTakeFirst();
  if (!row || (row.employment_end !== null && row.employment_end < today)) return null;
  return row.unit_id;
}

function inScope(scope: Set<string> | null, unitId: string): boolean {
  return scope === null || scope.has(unitId);
}

// ---------------------------------------------------------------------------------------------
// Create, publish, list

export async function createSurvey(
  db: Db,
  actor: Actor,
  body: z.output<typeof SurveyCreateSchema>,
): Promise<string> {
  return inTransaction(db, async (trx) => {
    const unitIds = [...new Set(body.unitIds)];
    if (unitIds.length > 0) {
      const found = await trx
        .selectFrom('unit')
        .select('id')
        .where('organisation_id', '=', actor.organisationId)
        .where('id', 'in', unitIds)
        .execute();
      const known = new Set(found.map((u) => u.id));
      const index = body.unitIds.findIndex((id) => !known.has(id));
      if (index >= 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          { nb: 'Fant ikke enheten.', en: 'Unit not found.' },
          {
            fields: [
              { path: `unitIds.${index}`, message: { nb: 'Fant ikke enheten.', en: 'Unit not found.' } },
            ],
          },
        );
      }
    }
    const { id } = await trx
      .insertInto('survey')
      .values({
        organisation_id: actor.organisationId,
        title: body.title,
        intro: body.intro,
        opens_on: body.opensOn,
        closes_on: body.closesOn,
        created_by: actor.userId,
        created_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (unitIds.length > 0) {
      await trx
        .insertInto('survey_unit')
        .values(unitIds.map((unit_id) => ({ organisation_id: actor.organisationId, survey_id: id, unit_id })))
        .execute();
    }
    await trx
      .insertInto('survey_question')
      .values(
        body.questions.map((q, i) => {
          const base = { organisation_id: actor.organisationId, survey_id: id, position: i + 1 };
          if (q.kind === 'bank') {
            const item = bankItem(q.itemKey);
            return {
              ...base,
              kind: 'scale' as const,
              item_key: q.itemKey,
              text_nb: item?.text.nb ?? q.itemKey,
              text_en: item?.text.en ?? q.itemKey,
            };
          }
          return {
            ...base,
            kind: q.kind,
            item_key: null,
            text_nb: q.text,
            text_en: q.text,
            options: JSON.stringify(q.kind === 'choice' ? q.options : []),
          };
        }),
      )
      .execute();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'survey',
      entityId: id,
      detail: { questions: body.questions.length, units: unitIds.length },
    });
    return id;
  });
}

export async function publishSurvey(db: Db, actor: Actor, id: string, today: IsoDate): Promise<void> {
  await inTransaction(db, async (trx) => {
    const survey = await findSurvey(trx, actor.organisationId, id);
    if (!survey) throw surveyNotFound();
    if (survey.published_at !== null) {
      throw conflict(
        { nb: 'Undersøkelsen er allerede publisert.', en: 'The survey is already published.' },
        'WRONG_STATE',
      );
    }
    if (survey.closes_on < today) {
      throw conflict(
        {
          nb: 'Undersøkelsen ville allerede vært stengt. Lag en ny med andre datoer.',
          en: 'The survey would already be closed. Make a new one with other dates.',
        },
        'WRONG_STATE',
      );
    }
    await trx
      .updateTable('survey')
      .set({ published_at: new Date() })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'survey',
      entityId: id,
      detail: { published: true },
    });
  });
}

export async function listSurveys(db: Db, actor: Actor, today: IsoDate): Promise<SurveySummary[]> {
  const org = actor.organisationId;
  const rows = await db
    .selectFrom('survey as s')
    .select((eb) => [
      's.id',
      's.title',
      's.opens_on',
      's.closes_on',
      's.published_at',
      's.created_by_name',
      eb
        .selectFrom('survey_question as q')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('q.organisation_id', '=', 's.organisation_id')
        .whereRef('q.survey_id', '=', 's.id')
        .as('question_count'),
      eb
        .selectFrom('survey_respondent as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.organisation_id', '=', 's.organisation_id')
        .whereRef('r.survey_id', '=', 's.id')
        .as('respondents'),
    ])
    .where('s.organisation_id', '=', org)
    .orderBy('s.opens_on', 'desc')
    .orderBy('s.title')
    .execute();
  const units = await db
    .selectFrom('survey_unit as su')
    .innerJoin('unit as u', (j) =>
      j.onRef('u.organisation_id', '=', 'su.organisation_id').onRef('u.id', '=', 'su.unit_id'),
    )
    .select(['su.survey_id', 'u.id', 'u.name'])
    .where('su.organisation_id', '=', org)
    .orderBy('u.name')
    .execute();
  return rows.map((r) => {
    const state = surveyState(
      { publishedAt: r.published_at, opensOn: r.opens_on, closesOn: r.closes_on },
      today,
    );
    const respondents = Number(r.respondents ?? 0);
    return {
      id: r.id,
      title: r.title,
      state,
      opensOn: r.opens_on,
      closesOn: r.closes_on,
      units: units.filter((u) => u.survey_id === r.id).map((u) => ({ id: u.id, name: u.name })),
      questionCount: Number(r.question_count ?? 0),
      respondents: respondents >= K_MIN ? respondents : null,
      canPublish: canManage(actor) && state === 'utkast' && r.closes_on >= today,
      createdByName: r.created_by_name,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Answering

/** The published surveys the user is in scope of (planned, open or closed in the last 90 days). */
export async function mySurveys(db: Db, actor: Actor, today: IsoDate): Promise<MySurvey[]> {
  const unitId = await activeEmployeeUnit(db, actor, today);
  if (unitId === null) return [];
  const org = actor.organisationId;
  const rows = await db
    .selectFrom('survey as s')
    .select((eb) => [
      's.id',
      's.title',
      's.opens_on',
      's.closes_on',
      's.published_at',
      eb
        .exists(
          eb
            .selectFrom('survey_respondent as r')
            .select('r.user_id')
            .whereRef('r.organisation_id', '=', 's.organisation_id')
            .whereRef('r.survey_id', '=', 's.id')
            .where('r.user_id', '=', actor.userId),
        )
        .as('answered'),
    ])
    .where('s.organisation_id', '=', org)
    .where('s.published_at', 'is not', null)
    .where('s.closes_on', '>=', sql<string>`${today}::date - 90`)
    .orderBy('s.closes_on')
    .execute();
  if (rows.length === 0) return [];
  const units = await loadUnits(db, org);
  const result: MySurvey[] = [];
  for (const r of rows) {
    const scope = expandScope(units, await surveyUnitIds(db, org, r.id));
    if (!inScope(scope, unitId)) continue;
    const state = surveyState(
      { publishedAt: r.published_at, opensOn: r.opens_on, closesOn: r.closes_on },
      today,
    );
    result.push({
      id: r.id,
      title: r.title,
      opensOn: r.opens_on,
      closesOn: r.closes_on,
      state,
      answered: Boolean(r.answered),
      hasResults: state === 'lukket',
    });
  }
  return result;
}

/** The survey as its answerer sees it: published, and the user in its scope — else 404. */
async function surveyForAnswerer(db: Db, actor: Actor, id: string, today: IsoDate) {
  const survey = await findSurvey(db, actor.organisationId, id);
  if (!survey || survey.published_at === null) throw surveyNotFound();
  const unitId = await activeEmployeeUnit(db, actor, today);
  if (unitId === null) throw surveyNotFound();
  const units = await loadUnits(db, actor.organisationId);
  const scope = expandScope(units, await surveyUnitIds(db, actor.organisationId, id));
  if (!inScope(scope, unitId)) throw surveyNotFound();
  return { survey, unitId, units, scope };
}

export async function surveyForm(db: Db, actor: Actor, id: string, today: IsoDate): Promise<SurveyForm> {
  const survey = await findSurvey(db, actor.organisationId, id);
  if (!survey) throw surveyNotFound();
  // The makers see a draft's form too (to check it before it goes out).
  if (!(canManage(actor) || canReadAll(actor))) await surveyForAnswerer(db, actor, id, today);
  const answered = await db
    .selectFrom('survey_respondent')
    .select('user_id')
    .where('organisation_id', '=', actor.organisationId)
    .where('survey_id', '=', id)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  return {
    id: survey.id,
    title: survey.title,
    intro: survey.intro,
    opensOn: survey.opens_on,
    closesOn: survey.closes_on,
    state: surveyState(
      { publishedAt: survey.published_at, opensOn: survey.opens_on, closesOn: survey.closes_on },
      today,
    ),
    answered: answered !== undefined,
    questions: (await questionsOf(db, actor.organisationId, id)).map(toQuestion),
  };
}

const fieldError = (path: string, nb: string, en: string) =>
  new AppError('VALIDATION_FAILED', { nb, en }, { fields: [{ path, message: { nb, en } }] });

/** In-place Fisher–Yates with crypto randomness: the rows of one answer go in no telling order. */
function shuffle<T>(list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
    const k = j % (i + 1);
    const a = list[i];
    const b = list[k];
    if (a !== undefined && b !== undefined) {
      list[i] = b;
      list[k] = a;
    }
  }
  return list;
}

/**
 * One answer per person: the who-answered row and the answer rows in one transaction; a second
 * answer finds the who-answered row and writes nothing (409). The answer rows name the group the
 * person counts in — the nearest unit with at least 5 employees in the survey's scope, else none —
 * never the person, and have no time.
 */
export async function submitAnswer(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof AnswerSchema>,
  today: IsoDate,
): Promise<void> {
  const { survey, unitId, units, scope } = await surveyForAnswerer(db, actor, id, today);
  const state = surveyState(
    { publishedAt: survey.published_at, opensOn: survey.opens_on, closesOn: survey.closes_on },
    today,
  );
  if (state !== 'apen') {
    throw conflict(
      state === 'planlagt'
        ? { nb: 'Undersøkelsen har ikke åpnet ennå.', en: 'The survey has not opened yet.' }
        : { nb: 'Undersøkelsen er stengt.', en: 'The survey is closed.' },
      'WRONG_STATE',
    );
  }
  const questions = await questionsOf(db, actor.organisationId, id);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const given = new Map<string, { value: number | null; text: string | null }>();
  body.answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    if (!q)
      throw fieldError(
        `answers.${i}.questionId`,
        'Spørsmålet hører ikke til undersøkelsen.',
        'The question is not part of the survey.',
      );
    if (given.has(q.id))
      throw fieldError(
        `answers.${i}.questionId`,
        'Spørsmålet er besvart to ganger.',
        'The question is answered twice.',
      );
    if (q.kind === 'text') {
      if (a.value !== undefined)
        throw fieldError(
          `answers.${i}.value`,
          'Dette spørsmålet besvares med tekst.',
          'This question is answered with text.',
        );
      given.set(q.id, { value: null, text: a.text && a.text.length > 0 ? a.text : null });
      return;
    }
    if (a.text !== undefined)
      throw fieldError(
        `answers.${i}.text`,
        'Dette spørsmålet har faste svar.',
        'This question has fixed answers.',
      );
    const highest = q.kind === 'scale' ? SCALE_MAX : optionsOf(q).length;
    if (a.value === undefined || a.value < SCALE_MIN || a.value > highest) {
      throw fieldError(
        `answers.${i}.value`,
        `Velg et svar fra 1 til ${highest}.`,
        `Choose an answer from 1 to ${highest}.`,
      );
    }
    given.set(q.id, { value: a.value, text: null });
  });
  const missing = questions.findIndex((q) => q.kind !== 'text' && !given.has(q.id));
  if (missing >= 0) {
    throw fieldError(
      `answers.${missing}.value`,
      `Svar på spørsmål ${missing + 1}.`,
      `Answer question ${missing + 1}.`,
    );
  }
  // The group stored with the answers: the population of the scope grouped by the ≥ 5 rule.
  const tree = scopeTree(units, scope);
  const population = await db
    .selectFrom('employee')
    .select((eb) => ['unit_id', eb.fn.countAll<number>().as('n')])
    .where('organisation_id', '=', actor.organisationId)
    .where((eb) => eb.or([eb('employment_end', 'is', null), eb('employment_end', '>=', today)]))
    .groupBy('unit_id')
    .execute();
  const inside = new Set(tree.map((u) => u.id));
  const counts = new Map<string | null, number>(
    population.filter((p) => inside.has(p.unit_id)).map((p) => [p.unit_id, Number(p.n)]),
  );
  const group = groupOf(groupUnits(tree, counts), unitId);

  await inTransaction(db, async (trx) => {
    const marked = await trx
      .insertInto('survey_respondent')
      .values({ organisation_id: actor.organisationId, survey_id: id, user_id: actor.userId })
      .onConflict((oc) => oc.columns(['organisation_id', 'survey_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!marked) {
      throw conflict(
        { nb: 'Du har allerede svart på denne undersøkelsen.', en: 'You have already answered this survey.' },
        'ALREADY_EXISTS',
      );
    }
    await trx
      .insertInto('survey_answer')
      .values(
        shuffle(
          questions.map((q) => ({
            organisation_id: actor.organisationId,
            survey_id: id,
            question_id: q.id,
            unit_id: group,
            value: given.get(q.id)?.value ?? null,
            text: given.get(q.id)?.text ?? null,
          })),
        ),
      )
      .execute();
    // The log says that the user answered (as `survey_respondent` does) — never what.
    await writeAudit(trx, actor, { action: 'create', entityType: 'survey_respondent', entityId: id });
  });
}

// ---------------------------------------------------------------------------------------------
// Results

/** What is kept of a survey when its raw answers are deleted: the shown results only. */
export type StoredResults = {
  result: DomainResult;
  texts: { questionId: string; answers: string[] | null }[];
};

function isStoredResults(value: unknown): value is StoredResults {
  return typeof value === 'object' && value !== null && 'result' in value && 'texts' in value;
}

function questionDefs(rows: readonly QuestionRow[]): QuestionDef[] {
  return rows.map((q) => ({ id: q.id, kind: q.kind, itemKey: q.item_key, optionCount: optionsOf(q).length }));
}

/** The shown results of a closed survey: from the raw answers, or what was kept after their deletion. */
export async function storedOrComputed(
  db: Db,
  survey: SurveyRow,
  units: readonly UnitNode[],
): Promise<StoredResults> {
  // Kept when the survey was sealed (the day after closing) or its raw answers deleted.
  if (survey.results !== null && survey.published_at !== null && isStoredResults(survey.results)) {
    return survey.results;
  }
  const org = survey.organisation_id;
  const questions = await questionsOf(db, org, survey.id);
  const counts = await db
    .selectFrom('survey_answer')
    .select((eb) => ['question_id', 'unit_id', 'value', eb.fn.countAll<number>().as('n')])
    .where('organisation_id', '=', org)
    .where('survey_id', '=', survey.id)
    .groupBy(['question_id', 'unit_id', 'value'])
    .execute();
  const rows: AnswerCount[] = counts.map((c) => ({
    questionId: c.question_id,
    unitId: c.unit_id,
    value: c.value,
    n: Number(c.n),
  }));
  const scope = expandScope(units, await surveyUnitIds(db, org, survey.id));
  const result = computeResults(questionDefs(questions), scopeTree(units, scope), rows);
  const texts: StoredResults['texts'] = [];
  for (const q of questions.filter((x) => x.kind === 'text')) {
    const answers = result.shown
      ? await db
          .selectFrom('survey_answer')
          .select('text')
          .where('organisation_id', '=', org)
          .where('survey_id', '=', survey.id)
          .where('question_id', '=', q.id)
          .where('text', 'is not', null)
          .execute()
      : [];
    texts.push({ questionId: q.id, answers: publishableTexts(answers.map((a) => a.text ?? '')) });
  }
  return { result, texts };
}

async function previousRound(db: Db, survey: SurveyRow): Promise<SurveyRow | undefined> {
  return db
    .selectFrom('survey')
    .selectAll()
    .where('organisation_id', '=', survey.organisation_id)
    .where('published_at', 'is not', null)
    .where('id', '<>', survey.id)
    .where('closes_on', '<', survey.opens_on)
    .orderBy('closes_on', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The unit the employee's own group is shown for: their unit or the nearest unit above it that is shown. */
function ownGroupKey(units: readonly UnitNode[], shownKeys: Set<string>, unitId: string): string | null {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  let at: string | null = unitId;
  for (let guard = 0; at !== null && guard < 1000; guard++) {
    if (shownKeys.has(at)) return at;
    at = parent.get(at) ?? null;
  }
  return shownKeys.has('ovrige') ? 'ovrige' : null;
}

/** «Alle» first, then the units by name, «Øvrige» last. */
function sortGroups<G extends { key: string; unitId: string | null }>(
  groups: readonly G[],
  names: Map<string, string>,
): G[] {
  const rank = (g: G) => (g.key === 'alle' ? 0 : g.key === 'ovrige' ? 2 : 1);
  const name = (g: G) => (g.unitId === null ? '' : (names.get(g.unitId) ?? ''));
  return [...groups].sort((a, b) => rank(a) - rank(b) || name(a).localeCompare(name(b), 'nb'));
}

export async function surveyResults(
  db: Db,
  actor: Actor,
  id: string,
  today: IsoDate,
  locale: Locale,
): Promise<SurveyResult> {
  const org = actor.organisationId;
  const survey = await findSurvey(db, org, id);
  if (!survey || survey.published_at === null) throw surveyNotFound();
  const all = canReadAll(actor);
  const units = await loadUnits(db, org);
  let ownUnit: string | null = null;
  if (!all) ownUnit = (await surveyForAnswerer(db, actor, id, today)).unitId;
  const state = surveyState(
    { publishedAt: survey.published_at, opensOn: survey.opens_on, closesOn: survey.closes_on },
    today,
  );
  // Results only after closing: a result that changes while people answer tells who answered what.
  if (state !== 'lukket') {
    throw conflict(
      {
        nb: 'Resultatene vises når undersøkelsen er stengt.',
        en: 'The results are shown when the survey has closed.',
      },
      'WRONG_STATE',
    );
  }
  const { result, texts } = await storedOrComputed(db, survey, units);
  const previousSurvey = await previousRound(db, survey);
  const previous = previousSurvey ? (await storedOrComputed(db, previousSurvey, units)).result : null;
  const questions = await questionsOf(db, org, id);
  const qText = new Map(questions.map((q) => [q.id, locale === 'en' ? q.text_en : q.text_nb]));
  const names = new Map(units.map((u) => [u.id, u.name]));
  let groups = result.groups;
  if (!all) {
    const shownKeys = new Set(groups.filter((g) => g.key !== 'alle').map((g) => g.key));
    const own = ownUnit === null ? null : ownGroupKey(units, shownKeys, ownUnit);
    groups = groups.filter((g) => g.key === 'alle' || g.key === own);
  }
  await writeAudit(db, actor, { action: 'read', entityType: 'survey_result', entityId: id });
  return {
    survey: {
      id: survey.id,
      title: survey.title,
      opensOn: survey.opens_on,
      closesOn: survey.closes_on,
      state,
    },
    k: K_MIN,
    respondents: result.respondents,
    shown: result.shown,
    view: all ? 'alle' : 'egen',
    groups: sortGroups(groups, names).map((g) => {
      const before = previous?.groups.find((p) => p.key === g.key)?.dimensions ?? null;
      return {
        key: g.key,
        kind: g.key === 'alle' ? 'alle' : g.key === 'ovrige' ? 'ovrige' : 'enhet',
        name: g.unitId === null ? null : (names.get(g.unitId) ?? null),
        includes:
          g.key === 'alle'
            ? []
            : g.memberUnitIds
                .filter((m) => m !== g.unitId)
                .flatMap((m) => {
                  const name = names.get(m);
                  return name === undefined ? [] : [name];
                }),
        respondents: g.respondents,
        dimensions: compareDimensions(g.dimensions, before).map((d) => ({
          ...d,
          label: DIMENSION_TEXT[d.dimension],
        })),
        questions: g.questions.map((q) => ({
          questionId: q.questionId,
          text: qText.get(q.questionId) ?? '',
          mean: q.mean,
        })),
      };
    }),
    choices: all
      ? result.choices.map((c) => {
          const q = questions.find((x) => x.id === c.questionId);
          const labels = q ? optionsOf(q) : [];
          return {
            questionId: c.questionId,
            text: qText.get(c.questionId) ?? '',
            options: c.counts.map((count, i) => ({ label: labels[i] ?? String(i + 1), count })),
          };
        })
      : [],
    // Free text goes to the makers and readers only, and only at ≥ 5 (never with names: none are kept).
    texts: all
      ? texts.map((t) => ({
          questionId: t.questionId,
          text: qText.get(t.questionId) ?? '',
          answers: t.answers,
        }))
      : [],
    previous: previousSurvey
      ? { id: previousSurvey.id, title: previousSurvey.title, closesOn: previousSurvey.closes_on }
      : null,
    canCreateMeasure: canCreateMeasure(actor) && result.shown,
  };
}

/** A closed survey with shown results, for «Lag tiltak»; else 404 / 409. */
export async function closedSurveyWithResults(
  db: Db,
  actor: Actor,
  id: string,
  today: IsoDate,
): Promise<SurveyRow> {
  const survey = await findSurvey(db, actor.organisationId, id);
  if (!survey || survey.published_at === null) throw surveyNotFound();
  const state = surveyState(
    { publishedAt: survey.published_at, opensOn: survey.opens_on, closesOn: survey.closes_on },
    today,
  );
  if (state !== 'lukket') {
    throw conflict(
      { nb: 'Undersøkelsen er ikke stengt ennå.', en: 'The survey has not closed yet.' },
      'WRONG_STATE',
    );
  }
  return survey;
}
