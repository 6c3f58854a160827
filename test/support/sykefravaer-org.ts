/**
 * An organisation for the sick-leave tests, built through the API (plus a second organisation made
 * directly in the database): two units with a leader each, a sick employee in unit A, a colleague
 * in unit B, and a logged-in client for every role.
 */
import { addDays } from '../../src/domain/calendar/index.ts';
import { hashPassword } from '../../src/modules/auth/password.ts';
import { osloToday } from '../../src/platform/clock.ts';
import { expectStatus, type TestApp, type TestClient } from './http.ts';

export const PASSWORD = 'sykefravaer-passord-1';

export type ErrorReply = {
  error: { code: string; reason?: string; message: string; fields?: { path: string; message: string }[] };
};

export type Actor =
  | 'admin'
  | 'hr'
  | 'lederA'
  | 'lederB'
  | 'self'
  | 'otherAnsatt'
  | 'verneombud'
  | 'tillitsvalgt'
  | 'amu'
  | 'bht'
  | 'otherOrg';

export const ACTORS: Actor[] = [
  'admin',
  'hr',
  'lederA',
  'lederB',
  'self',
  'otherAnsatt',
  'verneombud',
  'tillitsvalgt',
  'amu',
  'bht',
  'otherOrg',
];

export type SickOrg = {
  orgId: string;
  otherOrgId: string;
  unitA: string;
  unitB: string;
  employees: {
    leaderA: string;
    sick: string;
    leaderB: string;
    other: string;
    vo: string;
    tv: string;
    stranger: string;
  };
  clients: Record<Actor, TestClient>;
  userIds: Record<Actor, string>;
  names: Record<Actor, string>;
};

export const today = () => osloToday();
export const daysAgo = (n: number) => addDays(osloToday(), -n);

export async function buildSickOrg(t: TestApp): Promise<SickOrg> {
  const admin = t.client();
  const orgId = await admin.setup();
  const unitA = expectStatus(
    await admin.post<{ id: string }>('/api/v1/units', { name: 'Hjemmetjenesten' }),
    201,
  ).body.id;
  const unitB = expectStatus(await admin.post<{ id: string }>('/api/v1/units', { name: 'Skolen' }), 201).body
    .id;
  const employee = async (name: string, unitId: string, extra: Record<string, unknown> = {}) =>
    expectStatus(
      await admin.post<{ id: string }>('/api/v1/employees', {
        name,
        email: `${name.toLowerCase().replace(/[^a-z]/g, '')}@example.no`,
        employmentStart: '2020-01-15',
        positionPercent: 100,
        unitId,
        ...extra,
      }),
      201,
    ).body.id;
  const leaderA = await employee('Lise Leder', unitA);
  const sick = await employee('Per Pleier', unitA, { leaderId: leaderA, birthDate: '1980-05-05' });
  const leaderB = await employee('Bjørn Bestyrer', unitB);
  const other = await employee('Siri Skole', unitB, { leaderId: leaderB });
  const vo = await employee('Vera Verneombud', unitA, { leaderId: leaderA });
  const tv = await employee('Tor Tillitsvalgt', unitB, { leaderId: leaderB });
  const area = expectStatus(
    await admin.post<{ id: string }>('/api/v1/verneomrader', { name: 'Område A', unitIds: [unitA] }),
    201,
  ).body.id;

  const users: [Exclude<Actor, 'admin' | 'otherOrg'>, string, string[], string | null, string[]?][] = [
    ['hr', 'Hanne HR', ['hr'], null],
    ['lederA', 'Lise Leder', ['leder', 'ansatt'], leaderA],
    ['lederB', 'Bjørn Bestyrer', ['leder', 'ansatt'], leaderB],
    ['self', 'Per Pleier', ['ansatt'], sick],
    ['otherAnsatt', 'Siri Skole', ['ansatt'], other],
    ['verneombud', 'Vera Verneombud', ['verneombud', 'ansatt'], vo, [area]],
    ['tillitsvalgt', 'Tor Tillitsvalgt', ['tillitsvalgt', 'ansatt'], tv],
    ['amu', 'Anne AMU', ['amu'], null],
    ['bht', 'Berit BHT', ['bht'], null],
  ];
  const clients = { admin } as Record<Actor, TestClient>;
  const userIds = {} as Record<Actor, string>;
  const names = { admin: 'Astrid Admin' } as Record<Actor, string>;
  for (const [key, name, roles, employeeId, verneomradeIds] of users) {
    const email = `${key.toLowerCase()}@bruker.example.no`;
    const created = expectStatus(
      await admin.post<{ id: string }>('/api/v1/users', {
        name,
        email,
        password: PASSWORD,
        roles,
        employeeId,
        ...(verneomradeIds ? { verneomradeIds } : {}),
      }),
      201,
    );
    userIds[key] = created.body.id;
    names[key] = name;
    const client = t.client();
    expectStatus(await client.login(email, PASSWORD), 200);
    clients[key] = client;
  }
  const adminUser = await t.db
    .selectFrom('user_account')
    .select('id')
    .where('email', '=', 'astrid@example.no')
    .executeTakeFirstOrThrow();
  userIds.admin = adminUser.id;

  // A second organisation with its own administrator, made directly in the database.
  const otherOrg = await t.db
    .insertInto('organisation')
    .values({ name: 'Andre AS', orgnr: '974760673' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const otherUnit = await t.db
    .insertInto('unit')
    .values({ organisation_id: otherOrg.id, name: 'Lager' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const stranger = await t.db
    .insertInto('employee')
    .values({
      organisation_id: otherOrg.id,
      name: 'Fremmed Person',
      employment_start: '2019-05-01',
      unit_id: otherUnit.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const otherAdmin = await t.db
    .insertInto('user_account')
    .values({ name: 'Andre Admin', email: 'andre@example.no', password_hash: await hashPassword(PASSWORD) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('membership')
    .values({ organisation_id: otherOrg.id, user_id: otherAdmin.id })
    .execute();
  await t.db
    .insertInto('role_assignment')
    .values({ organisation_id: otherOrg.id, user_id: otherAdmin.id, role: 'admin' })
    .execute();
  const otherClient = t.client();
  expectStatus(await otherClient.login('andre@example.no', PASSWORD), 200);
  clients.otherOrg = otherClient;
  userIds.otherOrg = otherAdmin.id;
  names.otherOrg = 'Andre Admin';

  return {
    orgId,
    otherOrgId: otherOrg.id,
    unitA,
    unitB,
    employees: { leaderA, sick, leaderB, other, vo, tv, stranger: stranger.id },
    clients,
    userIds,
    names,
  };
}

/** The follow-up version of an employee as stored (0 when there is no row yet). */
export async function versionOf(t: TestApp, employeeId: string): Promise<number> {
  const row = await t.db
    .selectFrom('sykefravaer_followup')
    .select('version')
    .where('employee_id', '=', employeeId)
    .executeTakeFirst();
  return row?.version ?? 0;
}
