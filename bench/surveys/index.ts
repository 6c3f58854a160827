/**
 * Survey results for 10 000 respondents (12 questions each: 11 of Nærvær's items over 8 dimensions
 * and one choice — 120 000 answer rows; 110 units in two levels): the results as served
 * (`storedOrComputed` on a closed survey, sealed the day after closing: the grouping with the ≥ 5
 * rule, the means per dimension per shown group and the choice counts, computed once) against one
 * hand-written SQL aggregate in the same run computing the same means per unit and dimension from
 * the raw answers. Also printed: computing from the raw answers (a read before sealing). Goal
 * (issue 16): ≤ 100 ms. On PGlite, and on PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL)
 * is set. The query's numbers are checked against the function's for every shown unit group.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { migrateApp, openAppDatabase } from '../../src/app/database.ts';
import type { Database } from '../../src/db/schema.ts';
import { bankItem, ITEM_BANK, round1 } from '../../src/domain/undersokelse/index.ts';
import { loadUnits, sealClosedSurveys, storedOrComputed } from '../../src/modules/undersokelse/index.ts';

const RESPONDENTS = 10_000;
const RUNS = 7;
const ITEMS = [
  'arbeidsmengde-1',
  'arbeidsmengde-2',
  'rolleklarhet-1',
  'rollekonflikt-1',
  'innflytelse-1',
  'innflytelse-2',
  'sosial-stotte-1',
  'psykologisk-trygghet-1',
  'ledelse-1',
  'ledelse-2',
  'laering-1',
];

async function seed(db: Kysely<Database>): Promise<{ orgId: string; surveyId: string }> {
  const org = await db
    .insertInto('organisation')
    .values({ name: 'Benchmark kommune', orgnr: '987654325' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const leaves: string[] = [];
  for (let top = 0; top < 10; top++) {
    const parent = await db
      .insertInto('unit')
      .values({ organisation_id: org.id, name: `Sektor ${top}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let sub = 0; sub < 10; sub++) {
      const row = await db
        .insertInto('unit')
        .values({ organisation_id: org.id, name: `Enhet ${top}.${sub}`, parent_id: parent.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      leaves.push(row.id);
    }
  }
  const survey = await db
    .insertInto('survey')
    .values({
      organisation_id: org.id,
      title: 'Benchmark',
      opens_on: '2026-10-01',
      closes_on: '2026-10-21',
      published_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('survey_question')
    .values([
      ...ITEMS.map((key, i) => ({
        organisation_id: org.id,
        survey_id: survey.id,
        position: i + 1,
        kind: 'scale' as const,
        item_key: key,
        text_nb: bankItem(key)?.text.nb ?? key,
        text_en: bankItem(key)?.text.en ?? key,
      })),
      {
        organisation_id: org.id,
        survey_id: survey.id,
        position: ITEMS.length + 1,
        kind: 'choice' as const,
        item_key: null,
        text_nb: 'Hvor ofte?',
        text_en: 'How often?',
        options: JSON.stringify(['Ofte', 'Av og til', 'Sjelden']),
      },
    ])
    .execute();
  await sql`
    insert into survey_answer (organisation_id, survey_id, question_id, unit_id, value)
    select ${org.id}::uuid, ${survey.id}::uuid, q.id,
           (array[${sql.join(leaves.map((id) => sql`${id}::uuid`))}])[1 + g % ${leaves.length}],
           case when q.kind = 'choice' then 1 + (g * 5 + q.position) % 3 else 1 + (g * 7 + q.position * 3) % 5 end
    from generate_series(0, ${RESPONDENTS - 1}) as g
    cross join survey_question q
    where q.organisation_id = ${org.id}::uuid and q.survey_id = ${survey.id}::uuid
  `.execute(db);
  return { orgId: org.id, surveyId: survey.id };
}

type Row = { unit_id: string; dimension: string; total: number; n: number };

/** The same means, by hand: per stored unit and dimension, reversed items turned (6 − answer). */
async function sqlBaseline(db: Kysely<Database>, orgId: string, surveyId: string): Promise<Row[]> {
  const bank = sql.join(
    ITEM_BANK.map((i) => sql`(${i.key}::text, ${i.dimension}::text, ${i.reversed}::boolean)`),
  );
  const { rows } = await sql<Row>`
    with bank(item_key, dimension, reversed) as (values ${bank})
    select a.unit_id, b.dimension,
           sum(case when b.reversed then 6 - a.value else a.value end)::float8 as total, count(*)::int as n
    from survey_answer a
    join survey_question q on q.organisation_id = a.organisation_id and q.id = a.question_id
    join bank b on b.item_key = q.item_key
    where a.organisation_id = ${orgId}::uuid and a.survey_id = ${surveyId}::uuid
    group by a.unit_id, b.dimension
  `.execute(db);
  return rows;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function run(label: string, databaseUrl: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'naervaer-bench-surveys-'));
  const database = await openAppDatabase(databaseUrl ? { databaseUrl } : { dataDir: join(dir, 'data') });
  const db = database.db;
  try {
    await migrateApp(db);
    const t0 = performance.now();
    const { orgId, surveyId } = await seed(db);
    const rowsN = await db
      .selectFrom('survey_answer')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `[${label}] seeded ${RESPONDENTS} respondents, ${rowsN.n} answer rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    await sql`analyze`.execute(db);
    const row = () =>
      db.selectFrom('survey').selectAll().where('id', '=', surveyId).executeTakeFirstOrThrow();
    // Computed from the raw answers (what a read costs before the survey is sealed).
    const unsealed = await row();
    const computeMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await storedOrComputed(db, unsealed, await loadUnits(db, orgId));
      computeMs.push(performance.now() - start);
    }
    // The day after closing the results are computed once and kept: every later read is one row.
    const sealStart = performance.now();
    await sealClosedSurveys(db, '2026-11-01');
    const sealMs = performance.now() - sealStart;
    const ours = async () => storedOrComputed(db, await row(), await loadUnits(db, orgId));
    await ours();
    await sqlBaseline(db, orgId, surveyId);
    const oursMs: number[] = [];
    const sqlMs: number[] = [];
    let output = await ours();
    let rows: Row[] = [];
    for (let i = 0; i < RUNS; i++) {
      let start = performance.now();
      output = await ours();
      oursMs.push(performance.now() - start);
      start = performance.now();
      rows = await sqlBaseline(db, orgId, surveyId);
      sqlMs.push(performance.now() - start);
    }
    const byKey = new Map(rows.map((r) => [`${r.unit_id}|${r.dimension}`, r]));
    let compared = 0;
    for (const group of output.result.groups) {
      if (group.unitId === null) continue;
      for (const d of group.dimensions) {
        const r = byKey.get(`${group.unitId}|${d.dimension}`);
        if (!r || r.n !== d.answers || round1(r.total / r.n) !== d.mean) {
          throw new Error(
            `[${label}] mismatch for ${group.unitId} ${d.dimension}: ${JSON.stringify({ r, d })}`,
          );
        }
        compared++;
      }
    }
    if (compared === 0) throw new Error(`[${label}] nothing compared`);
    const o = median(oursMs);
    const s = median(sqlMs);
    console.log(`[${label}] checked ${compared} unit-dimensions: the function and the query agree`);
    console.log(`[${label}] hand-written SQL aggregate: median ${s.toFixed(1)} ms (${RUNS} runs)`);
    console.log(
      `[${label}] computing from the raw answers: median ${median(computeMs).toFixed(1)} ms (3 runs); sealing once: ${sealMs.toFixed(0)} ms`,
    );
    console.log(`[${label}] survey results as served (sealed): median ${o.toFixed(1)} ms (${RUNS} runs)`);
    console.log(
      `[${label}] ratio function/query: ${(o / s).toFixed(2)} (goal ≤ 100 ms: ${o <= 100 ? 'met' : 'missed'})`,
    );
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await run('PGlite', undefined);
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const dbName = `naervaer_bench_surveys_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(pgUrl);
  url.pathname = `/${dbName}`;
  try {
    await run('PostgreSQL', url.toString());
  } finally {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
} else console.log('(set BENCH_DATABASE_URL or TEST_DATABASE_URL to measure PostgreSQL too)');
