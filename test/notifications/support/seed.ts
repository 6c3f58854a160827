/**
 * Seeds an organisation straight into the database (fast, for sweep and crash tests): leaders with
 * user accounts linked to their employee records, the people they lead, people whose leader has no
 * account (their reminders go to HR) and HR users.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/db/schema.ts';

export type SeededUser = { userId: string; email: string; employeeId: string | null };
export type SeededEmployee = { id: string; name: string; leaderId: string | null; recipients: string[] };
export type SeededOrganisation = {
  organisationId: string;
  leaders: SeededUser[];
  hr: SeededUser[];
  employees: SeededEmployee[];
};

export async function seedOrganisation(
  db: Kysely<Database>,
  options: {
    leaders: number;
    perLeader: number;
    withoutLeaderAccount: number;
    hr: number;
    organisationId?: string;
  },
): Promise<SeededOrganisation> {
  const tag = randomUUID().slice(0, 8);
  const organisationId =
    options.organisationId ??
    (
      await db
        .insertInto('organisation')
        .values({
          name: `Testbedrift ${tag}`,
          orgnr: String(100_000_000 + Math.floor(Math.random() * 899_999_999)),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const unit = await db
    .insertInto('unit')
    .values({ organisation_id: organisationId, name: `Avdeling ${tag}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const employeeRow = (name: string, leaderId: string | null) => ({
    organisation_id: organisationId,
    id: randomUUID(),
    name,
    employment_start: '2020-01-01',
    unit_id: unit.id,
    leader_id: leaderId,
  });

  // Leaders (and the one leader without an account) first: the others reference them.
  const leaderRows = Array.from({ length: options.leaders }, (_, l) =>
    employeeRow(`Leder ${l} Lederstad`, null),
  );
  const lonely = employeeRow('Leder Utenkonto', null);
  await db
    .insertInto('employee')
    .values([...leaderRows, lonely])
    .execute();

  const users = [
    ...Array.from({ length: options.hr }, (_, i) => ({
      id: randomUUID(),
      name: `HR ${i}`,
      email: `hr${i}.${tag}@example.no`,
      employeeId: null as string | null,
      role: 'hr' as const,
    })),
    ...leaderRows.map((row, l) => ({
      id: randomUUID(),
      name: `Leder ${l}`,
      email: `leder${l}.${tag}@example.no`,
      employeeId: row.id as string | null,
      role: 'leder' as const,
    })),
  ];
  await db
    .insertInto('user_account')
    .values(users.map((u) => ({ id: u.id, name: u.name, email: u.email, password_hash: 'x' })))
    .execute();
  await db
    .insertInto('membership')
    .values(users.map((u) => ({ organisation_id: organisationId, user_id: u.id, employee_id: u.employeeId })))
    .execute();
  await db
    .insertInto('role_assignment')
    .values(
      users.map((u) => ({
        organisation_id: organisationId,
        user_id: u.id,
        role: u.role,
        verneomrade_id: null,
      })),
    )
    .execute();
  const hr = users
    .filter((u) => u.role === 'hr')
    .map((u) => ({ userId: u.id, email: u.email, employeeId: null }));
  const leaders = users
    .filter((u) => u.role === 'leder')
    .map((u) => ({ userId: u.id, email: u.email, employeeId: u.employeeId }));

  const employees: SeededEmployee[] = [];
  const rows: ReturnType<typeof employeeRow>[] = [];
  for (const [l, leader] of leaders.entries()) {
    for (let p = 0; p < options.perLeader; p++) {
      const row = employeeRow(`Sykmeldt ${l}-${p} Hemmeligsen`, leader.employeeId);
      rows.push(row);
      employees.push({
        id: row.id,
        name: row.name,
        leaderId: leader.employeeId,
        recipients: [leader.userId],
      });
    }
  }
  for (let p = 0; p < options.withoutLeaderAccount; p++) {
    const row = employeeRow(`Uten ${p} Ledersen`, lonely.id);
    rows.push(row);
    employees.push({ id: row.id, name: row.name, leaderId: lonely.id, recipients: hr.map((h) => h.userId) });
  }
  if (rows.length > 0) await db.insertInto('employee').values(rows).execute();
  return { organisationId, leaders, hr, employees };
}
