/**
 * Throws generated garbage at every write route and asserts: a 4xx with the one error shape that
 * names a field or the problem, never a 500, never a stack trace, and nothing written.
 *
 * Every path parameter is a real id of the right kind (an organisation with one entity of every
 * kind the write routes address is built first, through the API), and every route is sent by a
 * client whose role may call it: so the garbage gets past authorization and the path parameters
 * to the body parsing, and the property checks that it is the body that is refused. A write route
 * with a path parameter but no entry in TARGETS fails the mapping test instead of falling back to
 * a dummy id.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../src/app/registry.ts';
import { addDays } from '../../src/domain/calendar/index.ts';
import { osloToday } from '../../src/platform/clock.ts';
import type { RouteDef } from '../../src/platform/route.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { type Actor, buildSickOrg, daysAgo, type SickOrg, today } from '../support/sykefravaer-org.ts';

// The varsling channel's key file of this test run (never the worktree's ./data).
const KEY_DIR = mkdtempSync(join(tmpdir(), 'naervaer-garbage-test-'));
process.env.NAERVAER_VARSLING_KEY_FILE = join(KEY_DIR, 'varsling-keys.json');
delete process.env.NAERVAER_VARSLING_KEYS;
afterAll(() => rmSync(KEY_DIR, { recursive: true, force: true }));

const routes = registry
  .routes({
    auth: { sessionTtlHours: 1, cookieSecure: undefined },
    reminders: { deadlineSource: registry.deadlineSource, publicUrl: undefined, today: () => osloToday() },
  })
  .filter((r) => r.method !== 'GET' && r.body !== undefined && r.body !== 'multipart');

/**
 * Tables not counted, by design: session, auth_login_challenge and login_throttle (a login attempt
 * is recorded whatever its input), audit_log (refused reads are audited, issue 11), job,
 * notification and mail_delivery (the scheduler's own), katalog_seed (seeded on first read),
 * statistikk_fravaer and statistikk_dirty (a statistics read legitimately recomputes them), and the
 * migrator's own kysely_migration and kysely_migration_lock. Every other table of the schema is
 * counted: a new table is counted without being listed here.
 */
const NOT_COUNTED = new Set([
  'session',
  'auth_login_challenge',
  'login_throttle',
  'audit_log',
  'job',
  'notification',
  'mail_delivery',
  'katalog_seed',
  'statistikk_fravaer',
  'statistikk_dirty',
  'kysely_migration',
  'kysely_migration_lock',
]);

/** The real entities the write routes address (their ids, and the keys and years they go by). */
const FIXTURE_KEYS = [
  'unitA',
  'unitB',
  'area',
  'sick',
  'otherEmployee',
  'otherUser',
  'period',
  'openMilestone',
  'doneMilestone',
  'milestoneRecord',
  'taskKey',
  'plan',
  'samtale',
  'meeting',
  'participant',
  'action',
  'katalogTiltak',
  'katalogArbeid',
  'arshjul',
  'goal',
  'measure',
  'review',
  'role',
  'amuLederYear',
  'training',
  'routine',
  'survey',
  'amuMeeting',
  'amuDecision',
  'amuDemand',
  'arsrapportYear',
  'assessment',
  'risk',
  'riskTiltak',
  'vernerunde',
  'finding',
  'stoff',
  'exposure',
  'avvik',
  'alarmStep',
  'channel',
  'varslingCase',
] as const;
type FixtureKey = (typeof FIXTURE_KEYS)[number];
/** The table each fixture id is a row of (null: a key, a step or a year, not a row's id). */
const FIXTURE_TABLES: Record<FixtureKey, string | null> = {
  unitA: 'unit',
  unitB: 'unit',
  area: 'verneomrade',
  sick: 'employee',
  otherEmployee: 'employee',
  otherUser: 'user_account',
  period: 'absence_period',
  openMilestone: null,
  doneMilestone: null,
  milestoneRecord: 'milestone_record',
  taskKey: null,
  plan: 'oppfolgingsplan',
  samtale: 'samtalereferat',
  meeting: 'dialogmote',
  participant: 'dialogmote_participant',
  action: 'case_action',
  katalogTiltak: 'tilrettelegging_tiltak',
  katalogArbeid: 'tilpasset_arbeid',
  arshjul: 'arshjul_item',
  goal: 'hms_goal',
  measure: 'hms_measure',
  review: 'annual_review',
  role: 'hms_role',
  amuLederYear: null,
  training: 'training_record',
  routine: 'hms_routine',
  survey: 'survey',
  amuMeeting: 'amu_meeting',
  amuDecision: 'amu_decision',
  amuDemand: 'amu_demand',
  arsrapportYear: null,
  assessment: 'risk_assessment',
  risk: 'risk_item',
  riskTiltak: 'risk_tiltak',
  vernerunde: 'vernerunde',
  finding: 'vernerunde_finding',
  stoff: 'stoff_product',
  exposure: 'stoff_exposure',
  avvik: 'avvik',
  alarmStep: null,
  channel: 'varsling_channel',
  varslingCase: 'varsling_case',
};
type Fixture = { org: SickOrg; ids: Record<FixtureKey, string> };

/**
 * Every write route with a path parameter (and every one that needs another role than admin):
 * its parameters as real ids of the right kind, and who sends it. Routes not listed are sent by
 * the administrator and have no path parameter (the mapping test checks this).
 */
type Target = { as?: Actor; params?: Record<string, FixtureKey> };
const SB = '/api/v1/sykefravaer';
const SICK = { employeeId: 'sick' } as const;
const TARGETS: Record<string, Target> = {
  '/api/v1/units/:id': { params: { id: 'unitB' } },
  '/api/v1/verneomrader/:id': { params: { id: 'area' } },
  '/api/v1/employees/:id': { params: { id: 'otherEmployee' } },
  '/api/v1/users/:id': { params: { id: 'otherUser' } },
  [`${SB}/employees/:employeeId/periods`]: { params: SICK },
  [`${SB}/employees/:employeeId/periods/:periodId`]: { params: { employeeId: 'sick', periodId: 'period' } },
  [`${SB}/employees/:employeeId/milestones/:key/done`]: {
    params: { employeeId: 'sick', key: 'openMilestone' },
  },
  [`${SB}/employees/:employeeId/milestones/:key/exception`]: {
    params: { employeeId: 'sick', key: 'openMilestone' },
  },
  [`${SB}/employees/:employeeId/milestones/:key/records/:recordId`]: {
    params: { employeeId: 'sick', key: 'doneMilestone', recordId: 'milestoneRecord' },
  },
  [`${SB}/employees/:employeeId/arbeidsgiverperiode`]: { params: SICK },
  [`${SB}/employees/:employeeId/dialogmote2`]: { params: SICK },
  [`${SB}/employees/:employeeId/retention-hold`]: { as: 'hr', params: SICK },
  [`${SB}/me/egenmelding/check`]: { as: 'self' },
  [`${SB}/me/egenmelding`]: { as: 'self' },
  [`${SB}/employees/:employeeId/tasks/:taskKey/done`]: { params: { employeeId: 'sick', taskKey: 'taskKey' } },
  [`${SB}/employees/:employeeId/oppfolgingsplan/:planId`]: { params: { employeeId: 'sick', planId: 'plan' } },
  [`${SB}/employees/:employeeId/oppfolgingsplan/:planId/submit`]: {
    params: { employeeId: 'sick', planId: 'plan' },
  },
  [`${SB}/employees/:employeeId/oppfolgingsplan/:planId/comments`]: {
    params: { employeeId: 'sick', planId: 'plan' },
  },
  [`${SB}/employees/:employeeId/oppfolgingsplan/:planId/send`]: {
    params: { employeeId: 'sick', planId: 'plan' },
  },
  [`${SB}/me/oppfolgingsplan/:planId/comments`]: { as: 'self', params: { planId: 'plan' } },
  [`${SB}/me/oppfolgingsplan/:planId/approve`]: { as: 'self', params: { planId: 'plan' } },
  [`${SB}/employees/:employeeId/samtalereferater`]: { params: SICK },
  [`${SB}/employees/:employeeId/samtalereferater/:id`]: { params: { employeeId: 'sick', id: 'samtale' } },
  [`${SB}/employees/:employeeId/dialogmoter`]: { params: SICK },
  [`${SB}/employees/:employeeId/dialogmoter/:id`]: { params: { employeeId: 'sick', id: 'meeting' } },
  [`${SB}/employees/:employeeId/dialogmoter/:id/cancel`]: { params: { employeeId: 'sick', id: 'meeting' } },
  [`${SB}/employees/:employeeId/dialogmoter/:id/referat`]: { params: { employeeId: 'sick', id: 'meeting' } },
  [`${SB}/me/dialogmoter/:id/participants/:participantId/consent`]: {
    as: 'self',
    params: { id: 'meeting', participantId: 'participant' },
  },
  '/api/v1/katalog/tiltak/:id': { params: { id: 'katalogTiltak' } },
  '/api/v1/katalog/arbeid/:id': { params: { id: 'katalogArbeid' } },
  '/api/v1/katalog/beredskapsplan/:unitId': { params: { unitId: 'unitA' } },
  [`${SB}/employees/:employeeId/legebrev/preview`]: { params: SICK },
  [`${SB}/employees/:employeeId/legebrev`]: { params: SICK },
  [`${SB}/employees/:employeeId/actions/:actionId/done`]: {
    params: { employeeId: 'sick', actionId: 'action' },
  },
  [`${SB}/me/actions/:actionId/done`]: { as: 'self', params: { actionId: 'action' } },
  '/api/v1/internkontroll/arshjul/:id': { params: { id: 'arshjul' } },
  '/api/v1/internkontroll/arshjul/:id/done': { params: { id: 'arshjul' } },
  '/api/v1/hms-mal/:id': { params: { id: 'goal' } },
  '/api/v1/hms-mal/tiltak/:id': { params: { id: 'measure' } },
  '/api/v1/hms-mal/tiltak/:id/done': { params: { id: 'measure' } },
  '/api/v1/arlig-gjennomgang/:id': { params: { id: 'review' } },
  '/api/v1/arlig-gjennomgang/:id/fullfor': { params: { id: 'review' } },
  '/api/v1/roller/:id': { params: { id: 'role' } },
  '/api/v1/roller/:id/end': { params: { id: 'role' } },
  '/api/v1/roller/amu-leder/:year': { params: { year: 'amuLederYear' } },
  '/api/v1/opplaering/:id': { params: { id: 'training' } },
  '/api/v1/rutiner/:id': { params: { id: 'routine' } },
  '/api/v1/rutiner/:id/bekreft': { as: 'self', params: { id: 'routine' } },
  '/api/v1/varsling/kanal/:kanal/varsel': { params: { kanal: 'channel' } },
  '/api/v1/varsling/kanal/:kanal/postkasse': { params: { kanal: 'channel' } },
  '/api/v1/varsling/kanal/:kanal/postkasse/svar': { params: { kanal: 'channel' } },
  '/api/v1/varsling/mine': { as: 'self' },
  '/api/v1/varsling/mine/:id/svar': { as: 'self', params: { id: 'varslingCase' } },
  // The case's handlers are HR and lederA (the administrator is none of them).
  ...Object.fromEntries(
    [
      'melding',
      'bekreft',
      'vurdering',
      'undersokelse',
      'tilbakemelding',
      'avslutt',
      'gjengjeldelse',
      'gjengjeldelse/ferdig',
      'avvik',
      'personvern',
      'personvern/avgjort',
      'rettslig-hold',
    ].map((step): [string, Target] => [
      `/api/v1/varsling/saker/:id/${step}`,
      { as: 'hr', params: { id: 'varslingCase' } },
    ]),
  ),
  '/api/v1/risiko/vurderinger/:id': { params: { id: 'assessment' } },
  '/api/v1/risiko/vurderinger/:id/gjennomgang': { params: { id: 'assessment' } },
  '/api/v1/risiko/vurderinger/:id/endring': { params: { id: 'assessment' } },
  '/api/v1/risiko/vurderinger/:id/slett': { params: { id: 'assessment' } },
  '/api/v1/risiko/vurderinger/:id/risikoer': { params: { id: 'assessment' } },
  '/api/v1/risiko/vurderinger/:id/kommentarer': { params: { id: 'assessment' } },
  '/api/v1/risiko/vurderinger/:id/forslag': { params: { id: 'assessment' } },
  '/api/v1/risiko/risikoer/:id': { params: { id: 'risk' } },
  '/api/v1/risiko/risikoer/:id/lukk': { params: { id: 'risk' } },
  '/api/v1/risiko/risikoer/:id/gjenapne': { params: { id: 'risk' } },
  '/api/v1/risiko/risikoer/:id/tiltak': { params: { id: 'risk' } },
  '/api/v1/risiko/risikoer/:id/sloyfe': { params: { id: 'risk' } },
  '/api/v1/risiko/tiltak/:id': { params: { id: 'riskTiltak' } },
  '/api/v1/risiko/tiltak/:id/utfort': { params: { id: 'riskTiltak' } },
  '/api/v1/risiko/vernerunder/:id/sjekkliste': { params: { id: 'vernerunde' } },
  '/api/v1/risiko/vernerunder/:id/funn': { params: { id: 'vernerunde' } },
  '/api/v1/risiko/vernerunder/:id/funn/:findingId/risiko': {
    params: { id: 'vernerunde', findingId: 'finding' },
  },
  '/api/v1/risiko/vernerunder/:id/signer': { params: { id: 'vernerunde' } },
  '/api/v1/risiko/stoffkartotek/:id': { params: { id: 'stoff' } },
  '/api/v1/risiko/stoffkartotek/:id/eksponering': { params: { id: 'stoff' } },
  '/api/v1/risiko/eksponering/:id/slutt': { params: { id: 'exposure' } },
  '/api/v1/avvik/:id/vurdering': { params: { id: 'avvik' } },
  '/api/v1/avvik/:id/tiltak': { params: { id: 'avvik' } },
  '/api/v1/avvik/:id/lukk': { params: { id: 'avvik' } },
  '/api/v1/avvik/:id/varsling/:step': { params: { id: 'avvik', step: 'alarmStep' } },
  '/api/v1/avvik/:id/skade': { params: { id: 'avvik' } },
  '/api/v1/avvik/:id/personvern': { params: { id: 'avvik' } },
  '/api/v1/avvik/:id/rettslig-hold': { params: { id: 'avvik' } },
  '/api/v1/amu/moter/:id': { params: { id: 'amuMeeting' } },
  '/api/v1/amu/moter/:id/referat': { params: { id: 'amuMeeting' } },
  '/api/v1/amu/moter/:id/publiser': { params: { id: 'amuMeeting' } },
  '/api/v1/amu/tiltak/:id/done': { params: { id: 'amuDecision' } },
  '/api/v1/amu/krav': { as: 'amu' },
  '/api/v1/amu/krav/:id/stott': { as: 'amu', params: { id: 'amuDemand' } },
  '/api/v1/amu/arsrapport/:year': { params: { year: 'arsrapportYear' } },
  '/api/v1/amu/arsrapport/:year/oppdater': { params: { year: 'arsrapportYear' } },
  '/api/v1/amu/arsrapport/:year/godkjenn': { params: { year: 'arsrapportYear' } },
  '/api/v1/undersokelser/:id/svar': { as: 'self', params: { id: 'survey' } },
  '/api/v1/undersokelser/:id/tiltak': { params: { id: 'survey' } },
};

const paramNames = (url: string) => [...url.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1] ?? '');

/** The route's url with every path parameter replaced: by `garbage` for `garbled`, else by the fixture's id. */
function urlOf(route: RouteDef, f: Fixture, garbled?: { name: string; value: string }): string {
  const names = TARGETS[route.url]?.params ?? {};
  return route.url.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    if (garbled?.name === name) return encodeURIComponent(garbled.value) || '%20';
    const key = names[name];
    const value = key === undefined ? undefined : f.ids[key];
    if (value === undefined) throw new Error(`no value for :${name} of ${route.url}`);
    return encodeURIComponent(value);
  });
}

/** A hand-written multipart/form-data body of text fields (the training record form). */
function multipart(fields: Record<string, string>) {
  const boundary = `----naervaer${randomBytes(8).toString('hex')}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`, 'utf8'),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** One entity of every kind the write routes address, made through the API as the tests of each module do. */
async function buildFixture(t: TestApp): Promise<Fixture> {
  const org = await buildSickOrg(t);
  const { admin, hr, lederA, self, amu } = org.clients;
  const created = async (reply: Promise<{ status: number; body: unknown }>) => {
    const r = await reply;
    if (r.status !== 201 && r.status !== 200) {
      throw new Error(`fixture: HTTP ${r.status}: ${JSON.stringify(r.body)}`);
    }
    return r.body as { id: string; version: number };
  };
  const idOf = async (query: Promise<{ id: string } | undefined>) => {
    const row = await query;
    if (!row) throw new Error('fixture: row not found');
    return row.id;
  };
  const area = await idOf(
    t.db.selectFrom('verneomrade').select('id').where('organisation_id', '=', org.orgId).executeTakeFirst(),
  );

  // Sykefravær: a sick employee with a case, a milestone record, a plan, a samtale with an agreed
  // action the employee owns, and a dialogmøte with a participant waiting for the employee's consent.
  const emp = `${SB}/employees/${org.employees.sick}`;
  await created(
    hr.post(`${emp}/periods`, {
      type: 'sykmelding',
      start: daysAgo(30),
      end: addDays(today(), 40),
      grade: 100,
      version: 0,
    }),
  );
  const period = await idOf(
    t.db
      .selectFrom('absence_period')
      .select('id')
      .where('employee_id', '=', org.employees.sick)
      .executeTakeFirst(),
  );
  const tasks = expectStatus(
    await lederA.get<{ version: number; caseStart: string; tasks: { key: string }[] }>(`${emp}/tasks`),
    200,
  ).body;
  const taskKey = tasks.tasks[0]?.key;
  if (!taskKey) throw new Error('fixture: the case has no tasks');
  await created(
    lederA.post(`${emp}/milestones/oppfolgingsplan/done`, {
      caseStart: tasks.caseStart,
      version: tasks.version,
    }),
  );
  const milestoneRecord = await idOf(
    t.db
      .selectFrom('milestone_record')
      .select('id')
      .where('employee_id', '=', org.employees.sick)
      .executeTakeFirst(),
  );
  const plan = (await created(lederA.post(`${emp}/oppfolgingsplan`))).id;
  const samtale = (
    await created(
      lederA.post(`${emp}/samtalereferater`, {
        kind: 'forste-kontakt',
        heldOn: daysAgo(2),
        summary: 'Vi snakket om oppgavene og en gradvis tilbakeføring.',
        actions: [{ what: 'Prøve kortere dager', owner: 'Per Pleier', ownerKind: 'employee' }],
      }),
    )
  ).id;
  const action = await idOf(
    t.db
      .selectFrom('case_action')
      .select('id')
      .where('employee_id', '=', org.employees.sick)
      .executeTakeFirst(),
  );
  const meeting = (await created(
    lederA.post(`${emp}/dialogmoter`, {
      startsAt: `${addDays(today(), 10)}T10:30`,
      durationMinutes: 60,
      place: 'Møterommet',
      participants: [
        { role: 'leder', name: 'Lise Leder' },
        { role: 'ansatt', name: 'Per Pleier' },
        { role: 'bht', name: 'Berit BHT', consent: 'ask-employee' },
      ],
    }),
  )) as unknown as { id: string; participants: { id: string; role: string }[] };
  const participant = meeting.participants.find((p) => p.role === 'bht')?.id;
  if (!participant) throw new Error('fixture: no BHT participant');

  // The organisation's first catalogue access is this write (the regression asserted below).
  const katalogTiltak = (
    await created(admin.post('/api/v1/katalog/tiltak', { kind: 'fysisk', title: 'Pult' }))
  ).id;
  const katalogArbeid = (await created(admin.post('/api/v1/katalog/arbeid', { title: 'Lett lagerarbeid' })))
    .id;

  // Internkontroll, HMS-mål and årlig gjennomgang, roller, opplæring, rutiner, undersøkelse.
  const arshjul = (
    await created(
      admin.post('/api/v1/internkontroll/arshjul', {
        title: 'Brannøvelse',
        due: '2027-09-01',
        ownerRole: 'hr',
      }),
    )
  ).id;
  const goal = (await created(admin.post('/api/v1/hms-mal', { year: 2027, title: 'Færre fall' }))).id;
  const measure = (
    await created(
      admin.post('/api/v1/hms-mal/tiltak', {
        goalId: goal,
        text: 'Strø i trappen',
        ownerUserId: org.userIds.hr,
        due: '2027-03-01',
      }),
    )
  ).id;
  const review = (await created(admin.post('/api/v1/arlig-gjennomgang', { yearReviewed: 2026 }))).id;
  const role = (
    await created(
      admin.post('/api/v1/roller', {
        kind: 'amu-arbeidsgiver',
        employeeId: org.employees.leaderA,
        termStart: '2026-01-01',
        how: 'utpekt',
      }),
    )
  ).id;
  const form = multipart({
    employeeId: org.employees.sick,
    course: 'forstehjelp',
    completedOn: '2026-04-01',
    hours: '7,5',
  });
  const training = (
    await created(
      admin.request('POST', '/api/v1/opplaering', form.body, { 'content-type': form.contentType }),
    )
  ).id;
  const routine = (
    await created(
      admin.post('/api/v1/rutiner', {
        title: 'Førstehjelp',
        category: 'forstehjelp',
        ownerUserId: org.userIds.hr,
        reviewDue: '2027-12-31',
        appliesToAll: true,
        body: 'Ring 113, start hjerte-lunge-redning.',
      }),
    )
  ).id;
  const survey = (
    await created(
      admin.post('/api/v1/undersokelser', {
        title: 'Arbeidsmiljø',
        opensOn: today(),
        closesOn: addDays(today(), 14),
        questions: [{ kind: 'scale', text: 'Hvordan har du det på jobb?' }],
      }),
    )
  ).id;

  // AMU: a meeting with minutes holding a decision with an action, a demand, an årsrapport.
  const amuMeeting = (await created(admin.post('/api/v1/amu/moter', { date: '2026-11-16' }))).id;
  await created(
    admin.put(`/api/v1/amu/moter/${amuMeeting}/referat`, {
      version: 1,
      heldOn: '2026-11-16',
      attendees: 'Gunn Giver, Tore Taker',
      decisions: [
        { text: 'Vernerunde i lageret.', action: { ownerUserId: org.userIds.lederA, due: '2027-02-01' } },
      ],
    }),
  );
  const amuDecision = await idOf(
    t.db.selectFrom('amu_decision').select('id').where('meeting_id', '=', amuMeeting).executeTakeFirst(),
  );
  const amuDemand = (await created(amu.post('/api/v1/amu/krav', { reason: 'Inneklimaet på skolen.' }))).id;
  // An årsrapport is made for a year that is over.
  const lastYear = Number(today().slice(0, 4)) - 1;
  await created(admin.post('/api/v1/amu/arsrapport', { year: lastYear }));

  // Risiko: an assessment with a risk and its tiltak, a vernerunde with a finding, a product with an exposure.
  await created(admin.put('/api/v1/risiko/kriterier', { text: 'Høy er ikke akseptabel.', version: 0 }));
  const assessment = (
    await created(
      admin.post('/api/v1/risiko/vurderinger', {
        title: 'Lageret',
        unitId: org.unitA,
        responsibleUserId: org.userIds.lederA,
      }),
    )
  ).id;
  await created(
    admin.post(`/api/v1/risiko/vurderinger/${assessment}/risikoer`, {
      area: 'fysisk',
      title: 'Tunge løft',
      initial: { p: 3, c: 3 },
    }),
  );
  const risk = await idOf(
    t.db.selectFrom('risk_item').select('id').where('assessment_id', '=', assessment).executeTakeFirst(),
  );
  await created(
    admin.post(`/api/v1/risiko/risikoer/${risk}/tiltak`, {
      text: 'Løftehjelp',
      ownerUserId: org.userIds.lederA,
      due: '2027-06-01',
    }),
  );
  const riskTiltak = await idOf(
    t.db.selectFrom('risk_tiltak').select('id').where('risk_id', '=', risk).executeTakeFirst(),
  );
  const vernerunde = (
    await created(
      admin.post('/api/v1/risiko/vernerunder', {
        unitId: org.unitA,
        title: 'Vernerunde lageret',
        plannedOn: addDays(today(), 7),
        leaderUserId: org.userIds.lederA,
        voUserId: org.userIds.verneombud,
        areas: ['fysisk'],
      }),
    )
  ).id;
  await created(
    admin.post(`/api/v1/risiko/vernerunder/${vernerunde}/funn`, {
      area: 'fysisk',
      text: 'Løs kabel',
      severity: 3,
    }),
  );
  const finding = await idOf(
    t.db.selectFrom('vernerunde_finding').select('id').where('round_id', '=', vernerunde).executeTakeFirst(),
  );
  const stoff = (
    await created(
      admin.post('/api/v1/risiko/stoffkartotek', {
        name: 'Løsemiddel',
        supplier: 'Kjemi AS',
        unitId: org.unitA,
        cmr: ['kreftfremkallende'],
      }),
    )
  ).id;
  await created(
    admin.post(`/api/v1/risiko/stoffkartotek/${stoff}/eksponering`, {
      employeeId: org.employees.sick,
      workplace: 'Lageret',
      exposureHow: 'Hudkontakt ved rengjøring',
      startedOn: '2026-01-05',
    }),
  );
  const exposure = await idOf(
    t.db.selectFrom('stoff_exposure').select('id').where('product_id', '=', stoff).executeTakeFirst(),
  );

  // Avvik reported by the employee.
  const avvik = (
    await created(
      self.post('/api/v1/avvik', {
        id: randomUUID(),
        category: 'ruh',
        description: 'Glatt gulv ved inngangen.',
        unitId: org.unitA,
        occurredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      }),
    )
  ).id;

  // Varsling: HR and lederA handle; the employee reports logged in.
  const settings = (await created(
    admin.put('/api/v1/varsling/behandlere', {
      handlers: [
        { userId: org.userIds.hr, topLeader: false },
        { userId: org.userIds.lederA, topLeader: true },
      ],
    }),
  )) as unknown as { channelId: string | null };
  if (!settings.channelId) throw new Error('fixture: no varsling channel');
  const varslingCase = (
    await created(
      self.post('/api/v1/varsling/mine', {
        what: 'Leder holdt tilbake lønn',
        when: 'Siste uke i desember',
        where: 'Lageret',
        involved: 'En leder',
        howKnown: 'Jeg så det selv',
        reportedBefore: 'nei',
      }),
    )
  ).id;

  return {
    org,
    ids: {
      unitA: org.unitA,
      unitB: org.unitB,
      area,
      sick: org.employees.sick,
      otherEmployee: org.employees.other,
      otherUser: org.userIds.otherAnsatt,
      period,
      openMilestone: 'dialogmote1',
      doneMilestone: 'oppfolgingsplan',
      milestoneRecord,
      taskKey,
      plan,
      samtale,
      meeting: meeting.id,
      participant,
      action,
      katalogTiltak,
      katalogArbeid,
      arshjul,
      goal,
      measure,
      review,
      role,
      amuLederYear: '2026',
      training,
      routine,
      survey,
      amuMeeting,
      amuDecision,
      amuDemand,
      arsrapportYear: String(lastYear),
      assessment,
      risk,
      riskTiltak,
      vernerunde,
      finding,
      stoff,
      exposure,
      avvik,
      alarmStep: 'ring-arbeidstilsynet',
      channel: settings.channelId,
      varslingCase,
    },
  };
}

describe('the write routes’ targets', () => {
  it('name every path parameter of every write route with a path parameter, and no route that is gone', () => {
    const urls = new Set(routes.map((r) => r.url));
    for (const route of routes) {
      const names = paramNames(route.url);
      if (names.length === 0) continue;
      const target = TARGETS[route.url];
      expect(target?.params, `${route.method} ${route.url} has no entry in TARGETS`).toBeDefined();
      expect(Object.keys(target?.params ?? {}).sort(), route.url).toEqual([...names].sort());
    }
    for (const url of Object.keys(TARGETS))
      expect(urls.has(url), `${url} in TARGETS is no write route`).toBe(true);
  });
});

describeEachDatabase('garbage input on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  let tables: string[];
  beforeAll(async () => {
    t = await createTestApp(kind);
    f = await buildFixture(t);
    const rows = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'
      order by table_name
    `.execute(t.db);
    tables = rows.rows.map((r) => r.table_name).filter((name) => !NOT_COUNTED.has(name));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const clientOf = (route: RouteDef): TestClient => f.org.clients[TARGETS[route.url]?.as ?? 'admin'];

  async function counts() {
    const result: Record<string, number> = {};
    for (const table of tables) {
      const row = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db);
      result[table] = Number(row.rows[0]?.n);
    }
    return result;
  }

  function assertClientError(status: number, body: unknown, text: string) {
    expect(status, text).toBeGreaterThanOrEqual(400);
    expect(status, text).toBeLessThan(500);
    const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
    expect(typeof error?.code, text).toBe('string');
    expect(typeof error?.message, text).toBe('string');
    expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
  }

  it('has write routes to test', () => {
    expect(routes.length).toBeGreaterThanOrEqual(8);
  });

  it('counts every table of the schema but the ones excluded by design', () => {
    for (const table of [
      'organisation',
      'avvik',
      'varsling_case',
      'risk_tiltak',
      'amu_decision',
      'case_action',
    ]) {
      expect(tables).toContain(table);
    }
    expect(tables.length).toBeGreaterThanOrEqual(95);
    for (const excluded of NOT_COUNTED) expect(tables).not.toContain(excluded);
  });

  it('builds the fixture: every id is a row of its own table, in the organisation', async () => {
    for (const key of FIXTURE_KEYS) {
      const table = FIXTURE_TABLES[key];
      if (table === null) continue;
      const row = await sql<{ n: string }>`
        select count(*) as n from ${sql.table(table)} where id = ${f.ids[key]}::uuid
      `.execute(t.db);
      expect(Number(row.rows[0]?.n), `${key} in ${table}`).toBe(1);
    }
    // Regression: a first catalogue write before any read seeded the defaults inside the write's own
    // transaction, and kysely refused the nested transaction: a 500 (katalog.service ensureSeeded).
    const catalogue = await t.db
      .selectFrom('tilrettelegging_tiltak')
      .select(['id', 'seed_key'])
      .where('organisation_id', '=', f.org.orgId)
      .execute();
    expect(catalogue.map((r) => r.id)).toContain(f.ids.katalogTiltak);
    expect(catalogue.filter((r) => r.seed_key !== null).length).toBeGreaterThan(0);
  });

  it('answers generated garbage bodies with a 4xx and writes nothing', async () => {
    const before = await counts();
    for (const route of routes) {
      const url = urlOf(route, f);
      const client = clientOf(route);
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
          if (route.body !== undefined && route.body !== 'multipart' && route.body.safeParse(value).success)
            return;
          // As JSON also when the value is a string (text/plain is tried below).
          const json = JSON.stringify(value);
          const reply = await client.request(route.method, url, json, { 'content-type': 'application/json' });
          const text = `${route.method} ${url} ${json} → ${reply.raw.body}`;
          assertClientError(reply.status, reply.body, text);
          // Past authorization and the path parameters: it is the body that is refused, by its
          // schema (or, for a `__proto__`/`constructor` key, already by the JSON parser).
          const error = (reply.body as { error: { code: string; fields?: { path: string }[] } }).error;
          const poisoned = /"(__proto__|constructor)":/.test(json);
          expect(error.code, text).toBe(
            poisoned && error.code === 'BAD_REQUEST' ? 'BAD_REQUEST' : 'VALIDATION_FAILED',
          );
          expect(
            (error.fields ?? []).filter((field) => /^(params|query)\b/.test(field.path)),
            text,
          ).toEqual([]);
        }),
        { numRuns: 40 },
      );
    }
    expect(await counts()).toEqual(before);
  }, 180_000); // 40 bodies × every write route of every module

  it('answers garbage in path parameters, malformed JSON, wrong types and oversized bodies with a 4xx', async () => {
    const before = await counts();
    for (const route of routes.filter((r) => r.url.includes(':'))) {
      const client = clientOf(route);
      // One parameter garbled, the others real: a handler gets a real employee with a garbled key.
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...paramNames(route.url)),
          fc.string({ maxLength: 40 }),
          async (name, id) => {
            const url = urlOf(route, f, { name, value: id });
            const reply = await client.request(route.method, url, {});
            assertClientError(reply.status, reply.body, `${route.method} ${url} → ${reply.raw.body}`);
          },
        ),
        { numRuns: 25 },
      );
    }
    for (const route of routes) {
      const url = urlOf(route, f);
      const client = clientOf(route);
      const malformed = await client.request(route.method, url, '{"name": "ikke ferdig', {
        'content-type': 'application/json',
      });
      assertClientError(malformed.status, malformed.body, `${url} malformed`);
      const text = await client.request(route.method, url, 'name=x', { 'content-type': 'text/plain' });
      assertClientError(text.status, text.body, `${url} text/plain`);
      const huge = await client.request(
        route.method,
        url,
        JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
        {
          'content-type': 'application/json',
        },
      );
      expect(huge.status).toBe(413);
    }
    expect(await counts()).toEqual(before);
  }, 120_000); // every route with a path parameter × 25 ids, under shared CPU
});
