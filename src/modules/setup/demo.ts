/**
 * The demo company: a small municipality-like organisation with about 120 employees in six units,
 * a leader for each unit, a verneområde, and one login for each role. Deterministic, so the same
 * names come back every time (the end-to-end tests rely on that).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Role } from '../../domain/access/roles.ts';
import { hashPassword } from '../auth/index.ts';
import { EMPTY_PROFILE, seedCompanyProfile } from '../internkontroll/index.ts';

export const DEMO_PASSWORD = 'demo-passord-2026';
export const DEMO_ORGNR = '987654325';

const FIRST = [
  'Anne',
  'Per',
  'Kari',
  'Ola',
  'Ingrid',
  'Lars',
  'Marit',
  'Jon',
  'Sigrid',
  'Erik',
  'Hilde',
  'Knut',
  'Silje',
  'Bjørn',
  'Nora',
  'Håkon',
  'Emma',
  'Magnus',
  'Ida',
  'Tor',
  'Åse',
  'Even',
  'Solveig',
  'Jørgen',
  'Linn',
  'Øystein',
  'Hanne',
  'Arne',
  'Camilla',
  'Geir',
];
const LAST = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Berg',
  'Haugen',
  'Hagen',
  'Johannessen',
  'Dahl',
  'Lund',
  'Bakken',
  'Solberg',
  'Strand',
  'Sæther',
  'Møller',
  'Aasen',
  'Øverland',
  'Lie',
  'Moen',
];

type UnitSpec = { key: string; name: string; parent?: string; size: number };
const UNITS: UnitSpec[] = [
  { key: 'helse', name: 'Helse og omsorg', size: 4 },
  { key: 'hjemme', name: 'Hjemmetjenesten', parent: 'helse', size: 34 },
  { key: 'sykehjem', name: 'Solbakken sykehjem', parent: 'helse', size: 38 },
  { key: 'oppvekst', name: 'Oppvekst', size: 3 },
  { key: 'skole', name: 'Fjordvik skole', parent: 'oppvekst', size: 28 },
  { key: 'drift', name: 'Administrasjon og drift', size: 13 },
];

function ascii(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .replace(/[^a-z]/g, '');
}

/**
 * A municipality's profile: public administration (SN2025 84.11, not on the FOLM § 13-1 list, so the
 * yearly assessment decided BHT), cleaning chemicals and infection risk in care, night shifts at the
 * nursing home, VO and AMU elected in spring 2025.
 */
const DEMO_PROFILE = {
  ...EMPTY_PROFILE,
  employeesAvg20hLastYear: null,
  hiredWorkers: 6,
  nace: { system: 'SN2025' as const, code: '84.11', label: 'Generell offentlig administrasjon' },
  hazardousChemicals: true,
  biologicalAgents: true,
  nightWorkMainly: true,
  bhtRiskAssessmentSaysRequired: true,
  lastVoElection: '2025-04-01',
  lastAmuElection: '2025-05-01',
};

export type DemoAccount = { role: string; name: string; email: string; password: string };

export async function loadDemo(
  db: Kysely<Database>,
): Promise<{ organisationId: string; accounts: DemoAccount[] }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const org = await trx
      .insertInto('organisation')
      .values({ name: 'Fjordvik kommune (demo)', orgnr: DEMO_ORGNR })
      .returning('id')
      .executeTakeFirstOrThrow();
    const orgId = org.id;

    const unitIds = new Map<string, string>();
    for (const u of UNITS) {
      const row = await trx
        .insertInto('unit')
        .values({ organisation_id: orgId, name: u.name, parent_id: u.parent ? unitIds.get(u.parent)! : null })
        .returning('id')
        .executeTakeFirstOrThrow();
      unitIds.set(u.key, row.id);
    }

    // People: the first of each unit leads it; a sub-unit's leader reports to the parent unit's leader.
    let n = 0;
    const leaders = new Map<string, string>();
    const people: Record<string, { id: string; name: string; email: string }[]> = {};
    for (const u of UNITS) {
      people[u.key] = [];
      for (let i = 0; i < u.size; i++) {
        const first = FIRST[(n * 7) % FIRST.length]!;
        const last = LAST[(n * 11 + Math.floor(n / FIRST.length)) % LAST.length]!;
        const name = `${first} ${last}`;
        const email = `${ascii(first)}.${ascii(last)}${n}@fjordvik.example`;
        const year = 2005 + (n % 20);
        const month = String(1 + (n % 12)).padStart(2, '0');
        const leaderId = i === 0 ? (u.parent ? leaders.get(u.parent)! : null) : leaders.get(u.key)!;
        const row = await trx
          .insertInto('employee')
          .values({
            organisation_id: orgId,
            name,
            email,
            phone: `+47 4${String(1000000 + n * 7919).slice(0, 7)}`,
            birth_date: `${1962 + (n % 38)}-${month}-${String(1 + (n % 28)).padStart(2, '0')}`,
            employment_start: `${year}-${month}-01`,
            position_percent: n % 5 === 0 ? 60 : n % 7 === 0 ? 80 : 100,
            unit_id: unitIds.get(u.key)!,
            leader_id: leaderId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (i === 0) leaders.set(u.key, row.id);
        people[u.key]!.push({ id: row.id, name, email });
        n++;
      }
    }

    const area = await trx
      .insertInto('verneomrade')
      .values({ organisation_id: orgId, name: 'Helse og omsorg' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('verneomrade_unit')
      .values(
        ['helse', 'hjemme', 'sykehjem'].map((k) => ({
          organisation_id: orgId,
          verneomrade_id: area.id,
          unit_id: unitIds.get(k)!,
        })),
      )
      .execute();

    // Two more verneområder (FOLM § 3-1: each small enough for its verneombud to have an overview).
    for (const [name, units] of [
      ['Oppvekst', ['oppvekst', 'skole']],
      ['Administrasjon og drift', ['drift']],
    ] as const) {
      const other = await trx
        .insertInto('verneomrade')
        .values({ organisation_id: orgId, name })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('verneomrade_unit')
        .values(
          units.map((k) => ({ organisation_id: orgId, verneomrade_id: other.id, unit_id: unitIds.get(k)! })),
        )
        .execute();
    }
    await seedCompanyProfile(trx, orgId, DEMO_PROFILE);

    const pick = (unit: string, index: number) => people[unit]![index]!;
    const specs: { role: Role; person: { id: string | null; name: string; email: string }; label: string }[] =
      [
        { role: 'admin', person: pick('drift', 0), label: 'admin (daglig leder)' },
        { role: 'hr', person: pick('drift', 1), label: 'hr (HR / HMS-koordinator)' },
        { role: 'leder', person: pick('hjemme', 0), label: 'leder (Hjemmetjenesten)' },
        { role: 'ansatt', person: pick('hjemme', 1), label: 'ansatt (Hjemmetjenesten)' },
        { role: 'verneombud', person: pick('sykehjem', 2), label: 'verneombud (Helse og omsorg)' },
        { role: 'tillitsvalgt', person: pick('skole', 3), label: 'tillitsvalgt' },
        { role: 'amu', person: pick('skole', 4), label: 'amu (arbeidsmiljøutvalget)' },
        {
          role: 'bht',
          person: { id: null, name: 'Berit Bedriftshelse', email: 'bht@bht.example' },
          label: 'bht (bedriftshelsetjenesten)',
        },
      ];
    const accounts: DemoAccount[] = [];
    for (const spec of specs) {
      const user = await trx
        .insertInto('user_account')
        .values({ name: spec.person.name, email: spec.person.email, password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('membership')
        .values({ organisation_id: orgId, user_id: user.id, employee_id: spec.person.id })
        .execute();
      const roles: Role[] =
        spec.role === 'admin' || spec.role === 'hr' || spec.person.id === null
          ? [spec.role]
          : [spec.role, 'ansatt'];
      for (const role of [...new Set(roles)]) {
        await trx
          .insertInto('role_assignment')
          .values({
            organisation_id: orgId,
            user_id: user.id,
            role,
            verneomrade_id: role === 'verneombud' ? area.id : null,
          })
          .execute();
      }
      accounts.push({
        role: spec.label,
        name: spec.person.name,
        email: spec.person.email,
        password: DEMO_PASSWORD,
      });
    }
    return { organisationId: orgId, accounts };
  });
}
