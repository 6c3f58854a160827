/**
 * Roller og verv: reading the roles with their status, registering, correcting and ending a role,
 * and the AMU chair. Every write runs in one transaction that holds a lock on the organisation row,
 * so two registrations cannot both pass the "one verneombud per verneområde at a time" check
 * (FOLM § 3-2), and the login roles that go with the offices change in the same transaction
 * (`logins.ts`).
 */
import type { Kysely } from 'kysely';
import type {
  Chair,
  ChairInput,
  RoleCreate,
  RoleEnd,
  RoleItem,
  RoleUpdate,
  RollerView,
} from '../../contracts/roller/roller.schemas.ts';
import type { Database, Db } from '../../db/schema.ts';
import { formatNorwegian, type IsoDate } from '../../domain/calendar/index.ts';
import {
  amuSideOf,
  chairSideFor,
  defaultTermEnd,
  type HmsRoleKind,
  isOverdue,
  isSingleSeat,
  needsTermEnd,
  type RoleFacts,
  roleStatus,
  sameSeat,
  termsOverlap,
} from '../../domain/roller/index.ts';
import type { Text } from '../../i18n/locale.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { syncLogins } from './logins.ts';
import { loadRoles, type RoleRow, toFacts } from './roller.repository.ts';

function toItem(row: RoleRow, all: readonly RoleFacts[], today: IsoDate): RoleItem {
  const facts = toFacts(row);
  return {
    id: row.id,
    kind: row.kind,
    name: row.employee_name ?? row.person_name,
    providerName: row.provider_name,
    verneomradeId: row.verneomrade_id,
    verneomradeName: row.verneomrade_name,
    termStart: row.term_start,
    termEnd: row.term_end,
    how: row.how,
    endedOn: row.ended_on,
    endedReason: row.ended_reason,
    status: roleStatus(facts, all, today),
    overdue: isOverdue(facts, all, today),
  };
}

const yearOf = (date: IsoDate) => Number(date.slice(0, 4));

async function loadChairs(db: Db, organisationId: string, roles: readonly RoleRow[]): Promise<Chair[]> {
  const rows = await db
    .selectFrom('amu_chair')
    .select(['year', 'side', 'role_id'])
    .where('organisation_id', '=', organisationId)
    .orderBy('year', 'desc')
    .execute();
  return rows.map((c) => {
    const member = c.role_id === null ? undefined : roles.find((r) => r.id === c.role_id);
    return {
      year: c.year,
      side: c.side,
      roleId: c.role_id,
      name: member ? (member.employee_name ?? member.person_name) : null,
    };
  });
}

export async function rollerView(db: Db, organisationId: string, today: IsoDate): Promise<RollerView> {
  const [rows, areas] = await Promise.all([
    loadRoles(db, organisationId),
    db
      .selectFrom('verneomrade')
      .select(['id', 'name'])
      .where('organisation_id', '=', organisationId)
      .orderBy('name')
      .execute(),
  ]);
  const facts = rows.map(toFacts);
  const items = rows.map((row) => toItem(row, facts, today));
  const chairs = await loadChairs(db, organisationId, rows);
  const year = yearOf(today);
  const chairYear = (y: number) => {
    const chair = chairs.find((c) => c.year === y) ?? null;
    return { year: y, side: chair?.side ?? chairSideFor(y, chairs), chair };
  };
  return {
    today,
    roles: items.filter((i) => i.status !== 'ended' && i.status !== 'succeeded'),
    history: items
      .filter((i) => i.status === 'ended' || i.status === 'succeeded')
      .sort((a, b) => (b.endedOn ?? b.termEnd ?? '').localeCompare(a.endedOn ?? a.termEnd ?? '')),
    verneomrader: areas,
    amuChair: { thisYear: chairYear(year), nextYear: chairYear(year + 1), recorded: chairs.slice(0, 10) },
  };
}

// ---------------------------------------------------------------------------------------------------
// Writes

const fieldError = (path: string, text: Text) =>
  new AppError('VALIDATION_FAILED', text, { fields: [{ path, message: text }] });

const roleNotFound = () => notFound({ nb: 'Fant ikke vervet.', en: 'Role not found.' });

const KIND_NAMES: Record<HmsRoleKind, Text> = {
  'daglig-leder': { nb: 'daglig leder', en: 'managing director' },
  verneombud: { nb: 'verneombud', en: 'safety representative' },
  hovedverneombud: { nb: 'hovedverneombud', en: 'chief safety representative' },
  'amu-arbeidsgiver': { nb: 'AMU-medlem for arbeidsgiver', en: 'AMU member for the employer' },
  'amu-arbeidstaker': { nb: 'AMU-medlem for arbeidstakerne', en: 'AMU member for the employees' },
  'amu-bht': { nb: 'BHT-representant i AMU', en: 'health service representative in AMU' },
  'bht-kontakt': { nb: 'kontakt i bedriftshelsetjenesten', en: 'occupational health service contact' },
};

const term = (r: { term_start: IsoDate; term_end: IsoDate | null }) =>
  `${formatNorwegian(r.term_start)}–${r.term_end === null ? '' : formatNorwegian(r.term_end)}`;

/** Locks the organisation row: the checks that span rows run one at a time per organisation. */
async function lockOrganisation(trx: Db, organisationId: string) {
  await trx
    .selectFrom('organisation')
    .select('id')
    .where('id', '=', organisationId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

type Seat = {
  id?: string;
  kind: HmsRoleKind;
  employeeId: string | null;
  verneomradeId: string | null;
  termStart: IsoDate;
  termEnd: IsoDate | null;
};

/**
 * One holder at a time of a single seat (the top leader, the hovedverneombud, the verneombud of a
 * verneområde — aml § 6-1, FOLM § 3-2), and nobody twice in the same role at the same time.
 */
function checkSeat(rows: readonly RoleRow[], seat: Seat) {
  const overlapping = rows.filter(
    (r) =>
      r.id !== seat.id &&
      r.ended_on === null &&
      sameSeat({ kind: r.kind, verneomradeId: r.verneomrade_id }, seat) &&
      termsOverlap({ termStart: r.term_start, termEnd: r.term_end }, seat),
  );
  const taken = isSingleSeat(seat.kind) ? overlapping[0] : undefined;
  if (taken) {
    const who = taken.employee_name ?? taken.person_name ?? '';
    const kind = KIND_NAMES[seat.kind];
    const where =
      seat.kind === 'verneombud' && taken.verneomrade_name
        ? { nb: ` for ${taken.verneomrade_name}`, en: ` for ${taken.verneomrade_name}` }
        : { nb: '', en: '' };
    throw conflict(
      {
        nb: `Det er allerede registrert ${kind.nb}${where.nb} i denne perioden: ${who} (${term(taken)}). Avslutt det vervet først, eller la det nye begynne dagen etter at det gamle slutter.`,
        en: `A ${kind.en}${where.en} is already registered for this period: ${who} (${term(taken)}). End that role first, or let the new one start the day after the old one ends.`,
      },
      'ALREADY_EXISTS',
    );
  }
  const same =
    seat.employeeId === null ? undefined : overlapping.find((r) => r.employee_id === seat.employeeId);
  if (same) {
    throw conflict(
      {
        nb: `Personen har allerede dette vervet i perioden (${term(same)}).`,
        en: `The person already holds this role in the period (${term(same)}).`,
      },
      'DUPLICATE',
    );
  }
}

export async function createRole(db: Kysely<Database>, actor: Actor, input: RoleCreate, today: IsoDate) {
  const org = actor.organisationId;
  return db.transaction().execute(async (trx) => {
    await lockOrganisation(trx, org);
    const employeeId = input.employeeId ?? null;
    if (employeeId !== null) {
      const employee = await trx
        .selectFrom('employee')
        .select(['id', 'employment_end'])
        .where('organisation_id', '=', org)
        .where('id', '=', employeeId)
        .executeTakeFirst();
      if (!employee) {
        throw fieldError('employeeId', { nb: 'Fant ikke den ansatte.', en: 'Employee not found.' });
      }
      if (employee.employment_end !== null && employee.employment_end < today) {
        throw fieldError('employeeId', {
          nb: 'Den ansatte har sluttet og kan ikke få et nytt verv.',
          en: 'The employee has left and cannot be given a new role.',
        });
      }
    }
    const verneomradeId = input.verneomradeId ?? null;
    if (verneomradeId !== null) {
      const area = await trx
        .selectFrom('verneomrade')
        .select('id')
        .where('organisation_id', '=', org)
        .where('id', '=', verneomradeId)
        .executeTakeFirst();
      if (!area)
        throw fieldError('verneomradeId', { nb: 'Fant ikke verneområdet.', en: 'Safety area not found.' });
    }
    // FOLM §§ 3-4, 3-15: two years unless another end is given; the top leader and the BHT contact have none.
    const termEnd =
      input.termEnd === undefined
        ? needsTermEnd(input.kind)
          ? defaultTermEnd(input.termStart)
          : null
        : input.termEnd;
    const rows = await loadRoles(trx, org);
    checkSeat(rows, { kind: input.kind, employeeId, verneomradeId, termStart: input.termStart, termEnd });
    const row = await trx
      .insertInto('hms_role')
      .values({
        organisation_id: org,
        kind: input.kind,
        employee_id: employeeId,
        person_name: input.personName ?? null,
        provider_name: input.providerName ?? null,
        verneomrade_id: verneomradeId,
        term_start: input.termStart,
        term_end: termEnd,
        how: input.how,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'hms_role',
      entityId: row.id,
      detail: { kind: input.kind, how: input.how, termStart: input.termStart, termEnd },
    });
    await syncLogins(trx, org, today, actor);
    return roleItem(trx, org, row.id, today);
  });
}

async function roleItem(db: Db, organisationId: string, id: string, today: IsoDate): Promise<RoleItem> {
  const rows = await loadRoles(db, organisationId);
  const row = rows.find((r) => r.id === id);
  if (!row) throw roleNotFound();
  return toItem(row, rows.map(toFacts), today);
}

async function editableRole(trx: Db, organisationId: string, id: string) {
  const rows = await loadRoles(trx, organisationId);
  const row = rows.find((r) => r.id === id);
  if (!row) throw roleNotFound();
  if (row.ended_on !== null) {
    throw conflict(
      { nb: 'Vervet er avsluttet og kan ikke endres.', en: 'The role has ended and cannot be changed.' },
      'WRONG_STATE',
    );
  }
  return { row, rows };
}

export async function updateRole(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: RoleUpdate,
  today: IsoDate,
) {
  const org = actor.organisationId;
  return db.transaction().execute(async (trx) => {
    await lockOrganisation(trx, org);
    const { row, rows } = await editableRole(trx, org, id);
    if (input.termEnd === null && needsTermEnd(row.kind)) {
      throw fieldError('termEnd', {
        nb: 'Vervet har en funksjonstid på to år (FOLM §§ 3-4, 3-15). Skriv når den slutter.',
        en: 'The role has a two-year term (FOLM §§ 3-4, 3-15). Give its end.',
      });
    }
    checkSeat(rows, {
      id,
      kind: row.kind,
      employeeId: row.employee_id,
      verneomradeId: row.verneomrade_id,
      termStart: input.termStart,
      termEnd: input.termEnd,
    });
    await trx
      .updateTable('hms_role')
      .set({ term_start: input.termStart, term_end: input.termEnd, how: input.how })
      .where('organisation_id', '=', org)
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'hms_role',
      entityId: id,
      detail: { termStart: input.termStart, termEnd: input.termEnd, how: input.how },
    });
    await syncLogins(trx, org, today, actor);
    return roleItem(trx, org, id, today);
  });
}

/** Ends a role (FOLM § 3-4: the person left, moved to another area, or was replaced). Never deletes. */
export async function endRole(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: RoleEnd,
  today: IsoDate,
) {
  const org = actor.organisationId;
  return db.transaction().execute(async (trx) => {
    await lockOrganisation(trx, org);
    const { row } = await editableRole(trx, org, id);
    if (input.endedOn > today) {
      throw fieldError('endedOn', {
        nb: 'Datoen kan ikke være etter i dag. Avslutt vervet den dagen det slutter.',
        en: 'The date cannot be after today. End the role on the day it ends.',
      });
    }
    if (input.endedOn < row.term_start) {
      throw fieldError('endedOn', {
        nb: `Datoen kan ikke være før vervet begynte (${formatNorwegian(row.term_start)}).`,
        en: `The date cannot be before the role started (${formatNorwegian(row.term_start)}).`,
      });
    }
    await trx
      .updateTable('hms_role')
      .set({ ended_on: input.endedOn, ended_reason: input.reason ?? null })
      .where('organisation_id', '=', org)
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'hms_role',
      entityId: id,
      detail: { endedOn: input.endedOn, reason: input.reason ?? null },
    });
    await syncLogins(trx, org, today, actor);
    return roleItem(trx, org, id, today);
  });
}

/**
 * Records who chairs AMU in `year` (aml § 7-1 (4): elected alternately by the employer's and the
 * employees' representatives; FOLM § 3-12: for one year at a time, among the members of the side
 * whose turn it is). The BHT representative has no vote and cannot chair (FOLM § 3-7).
 */
export async function setChair(
  db: Kysely<Database>,
  actor: Actor,
  year: number,
  input: ChairInput,
): Promise<Chair> {
  const org = actor.organisationId;
  return db.transaction().execute(async (trx) => {
    await lockOrganisation(trx, org);
    const neighbours = await trx
      .selectFrom('amu_chair')
      .select(['year', 'side'])
      .where('organisation_id', '=', org)
      .where('year', 'in', [year - 1, year + 1])
      .execute();
    const clash = neighbours.find((n) => n.side === input.side);
    if (clash) {
      const side = SIDE_NAMES[input.side];
      throw fieldError('side', {
        nb: `${side.nb} har ledervervet i ${clash.year}. Lederen velges vekselvis av arbeidsgiversiden og arbeidstakersiden (aml § 7-1 (4)).`,
        en: `${side.en} chairs the committee in ${clash.year}. The chair is elected alternately by the employer's and the employees' side (aml § 7-1 (4)).`,
      });
    }
    let name: string | null = null;
    if (input.roleId !== null) {
      const rows = await loadRoles(trx, org);
      const member = rows.find((r) => r.id === input.roleId);
      const yearStart = `${year}-01-01`;
      const yearEnd = `${year}-12-31`;
      if (
        !member ||
        member.ended_on !== null ||
        amuSideOf(member.kind) !== input.side ||
        !termsOverlap(
          { termStart: member.term_start, termEnd: member.term_end },
          { termStart: yearStart, termEnd: yearEnd },
        )
      ) {
        throw fieldError('roleId', {
          nb: `Velg et AMU-medlem fra ${SIDE_NAMES[input.side].nb.toLowerCase()} som sitter i ${year}.`,
          en: `Choose a committee member of ${SIDE_NAMES[input.side].en.toLowerCase()} who sits in ${year}.`,
        });
      }
      name = member.employee_name ?? member.person_name;
    }
    await trx
      .insertInto('amu_chair')
      .values({
        organisation_id: org,
        year,
        side: input.side,
        role_id: input.roleId,
        created_by: actor.userId,
      })
      .onConflict((oc) =>
        oc
          .columns(['organisation_id', 'year'])
          .doUpdateSet({ side: input.side, role_id: input.roleId, created_by: actor.userId }),
      )
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'amu_chair',
      entityId: String(year),
      detail: { year, side: input.side, roleId: input.roleId },
    });
    return { year, side: input.side, roleId: input.roleId, name };
  });
}

const SIDE_NAMES: Record<'arbeidsgiver' | 'arbeidstaker', Text> = {
  arbeidsgiver: { nb: 'Arbeidsgiversiden', en: "The employer's side" },
  arbeidstaker: { nb: 'Arbeidstakersiden', en: "The employees' side" },
};
