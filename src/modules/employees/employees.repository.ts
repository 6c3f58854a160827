/**
 * Employee queries. Every read goes through `scoped`, which limits rows to what the actor may see:
 * admin and HR see the whole organisation, a leader the people they lead (and themselves),
 * everyone else only themselves. The list of a leader holds only the people they lead (not the
 * leader's own record), and a leader gets only the fields their pages show (`forViewer`).
 */
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Employee } from '../../contracts/employees/employees.schemas.ts';
import type { ReadCache } from '../../db/read-cache.ts';
import type { Database, Db } from '../../db/schema.ts';
import { seesWholeOrganisation as canSeeAllEmployees, employeeScope } from '../../domain/access/access.ts';
import { type CacheRegistry, defineCache } from '../../platform/caches.ts';
import { type Actor, hasRole } from '../../platform/context.ts';

type EmployeeQuery<O> = SelectQueryBuilder<
  Database & { e: Database['employee']; u: Database['unit']; l: Database['employee'] },
  'e' | 'u' | 'l',
  O
>;

function baseQuery(db: Db, organisationId: string) {
  return db
    .selectFrom('employee as e')
    .innerJoin('unit as u', (j) =>
      j.onRef('u.organisation_id', '=', 'e.organisation_id').onRef('u.id', '=', 'e.unit_id'),
    )
    .leftJoin('employee as l', (j) =>
      j.onRef('l.organisation_id', '=', 'e.organisation_id').onRef('l.id', '=', 'e.leader_id'),
    )
    .where('e.organisation_id', '=', organisationId);
}

function scoped<O>(query: EmployeeQuery<O>, actor: Actor): EmployeeQuery<O> {
  const scope = employeeScope(actor);
  switch (scope.kind) {
    case 'all':
      return query;
    case 'none':
      return query.where((eb) => eb.val(false));
    case 'led-and-self':
      return query.where((eb: ExpressionBuilder<Database & { e: Database['employee'] }, 'e'>) =>
        eb.or([eb('e.leader_id', '=', scope.employeeId), eb('e.id', '=', scope.employeeId)]),
      );
    case 'self':
      return query.where('e.id', '=', scope.employeeId);
  }
}

const columns = [
  'e.id',
  'e.name',
  'e.email',
  'e.phone',
  'e.birth_date',
  'e.employment_start',
  'e.employment_end',
  'e.position_percent',
  'e.unit_id',
  'u.name as unit_name',
  'e.leader_id',
  'l.name as leader_name',
  'e.version',
] as const;

type Row = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  birth_date: string | null;
  employment_start: string;
  employment_end: string | null;
  position_percent: number;
  unit_id: string;
  unit_name: string;
  leader_id: string | null;
  leader_name: string | null;
  version: number;
};

function toEmployee(r: Row): Employee {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    birthDate: r.birth_date,
    employmentStart: r.employment_start,
    employmentEnd: r.employment_end,
    positionPercent: r.position_percent,
    unitId: r.unit_id,
    unitName: r.unit_name,
    leaderId: r.leader_id,
    leaderName: r.leader_name,
    version: r.version,
  };
}

/**
 * Least data (GDPR art. 5 (1) c, dataminimering): admin and HR keep the employee register and see every
 * field; everyone else sees all of their own record, but of someone else's (a leader's people) only
 * what their pages show. The list shows name, unit, position, start and leader, so contact details and
 * birth date are left out; one employee's page also shows e-mail and phone (the leader keeps contact
 * during a sick leave, aml § 4-6 (1)), never the birth date. Fields stay in the reply as null.
 */
function forViewer(actor: Actor, employee: Employee, view: 'list' | 'one'): Employee {
  if (canSeeAllEmployees(actor) || employee.id === actor.employeeId) return employee;
  const limited: Employee = { ...employee, birthDate: null };
  return view === 'list' ? { ...limited, email: null, phone: null } : limited;
}

/** The actor's scope and the list filters, as conditions on `e` (shared by the rows and the count). */
function listConditions(
  eb: ExpressionBuilder<Database & { e: Database['employee'] }, 'e'>,
  actor: Actor,
  filter: { search?: string | undefined; unitId?: string | undefined },
) {
  const conditions = [eb('e.organisation_id', '=', actor.organisationId)];
  if (!canSeeAllEmployees(actor)) {
    const self = actor.employeeId;
    if (self === null) conditions.push(eb.val(false));
    // «Mine medarbeidere»: the people the leader leads, not the leader herself (her own record is on «Min side»).
    else if (hasRole(actor, 'leder')) conditions.push(eb('e.leader_id', '=', self));
    else conditions.push(eb('e.id', '=', self));
  }
  if (filter.unitId) conditions.push(eb('e.unit_id', '=', filter.unitId));
  if (filter.search) {
    const pattern = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      eb.or([
        eb(eb.fn('lower', ['e.name']), 'like', pattern),
        eb(eb.fn('lower', ['e.email']), 'like', pattern),
      ]),
    );
  }
  return eb.and(conditions);
}

type ListFilter = {
  search?: string | undefined;
  unitId?: string | undefined;
  page: number;
  pageSize: number;
};

/**
 * Cached employee lists (pages and totals) per organisation; any committed change to the
 * organisation's employees or units makes them stale (see src/db/read-cache.ts).
 */
export const employeePagesCache = defineCache<EmployeeListPage>({
  name: 'employees.pages',
  tables: ['employee', 'unit'],
  scope: 'organisation',
  max: 2_000,
  ttlMs: 10 * 60_000,
});

export const employeeTotalsCache = defineCache<{ total: number }>({
  name: 'employees.totals',
  tables: ['employee', 'unit'],
  scope: 'organisation',
  max: 1_000,
  ttlMs: 10 * 60_000,
});

export type EmployeeListCache = {
  /** Whole answers (page and total), per filter and page. */
  pages: ReadCache<EmployeeListPage>;
  /** Totals per filter, shared by its pages. */
  totals: ReadCache<{ total: number }>;
};

export type EmployeeListPage = { items: Employee[]; total: number; page: number; pageSize: number };

/** The two caches of the list, from the app's registry (none when caching is off). */
export function employeeListCache(caches: CacheRegistry | null): EmployeeListCache | undefined {
  return caches
    ? { pages: caches.get(employeePagesCache), totals: caches.get(employeeTotalsCache) }
    : undefined;
}

/** What decides which rows the actor sees: the same key means the same rows. */
function scopeKey(actor: Actor): string {
  if (canSeeAllEmployees(actor)) return 'all';
  if (actor.employeeId === null) return 'none';
  return `${hasRole(actor, 'leder') ? 'leder' : 'self'}:${actor.employeeId}`;
}

async function listPage(db: Db, actor: Actor, filter: ListFilter): Promise<{ items: Employee[] }> {
  const rows = await baseQuery(db, actor.organisationId)
    .where((eb) => listConditions(eb, actor, filter))
    .select(columns)
    .orderBy((eb) => eb.fn('lower', ['e.name']))
    .orderBy('e.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items: (rows as Row[]).map((r) => forViewer(actor, toEmployee(r), 'list')) };
}

async function countAll(db: Db, actor: Actor, filter: ListFilter): Promise<{ total: number }> {
  // The count needs no joins (every employee has a unit; the leader join never adds rows).
  const count = await db
    .selectFrom('employee as e')
    .where((eb) => listConditions(eb, actor, filter))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { total: Number(count.n) };
}

export async function listEmployees(
  db: Db,
  actor: Actor,
  filter: ListFilter,
  cache?: EmployeeListCache,
): Promise<EmployeeListPage> {
  const paging = { page: filter.page, pageSize: filter.pageSize };
  if (!cache) {
    const [page, count] = await Promise.all([listPage(db, actor, filter), countAll(db, actor, filter)]);
    return { items: page.items, total: count.total, ...paging };
  }
  const org = actor.organisationId;
  const filterKey = JSON.stringify([scopeKey(actor), filter.unitId ?? '', filter.search ?? '']);
  return cache.pages.get(org, `${filterKey}${filter.page}/${filter.pageSize}`, async () => {
    const [page, count] = await Promise.all([
      listPage(db, actor, filter),
      cache.totals.get(org, filterKey, () => countAll(db, actor, filter)),
    ]);
    return { items: page.items, total: count.total, ...paging };
  });
}

export async function findEmployee(db: Db, actor: Actor, id: string): Promise<Employee | undefined> {
  const row = await scoped(baseQuery(db, actor.organisationId) as EmployeeQuery<object>, actor)
    .select(columns)
    .where('e.id', '=', id)
    .executeTakeFirst();
  return row ? forViewer(actor, toEmployee(row as Row), 'one') : undefined;
}

/** Unscoped existence check inside the organisation (for validating references such as nærmeste leder). */
export async function employeeExists(db: Db, organisationId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('employee')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** The chain of leaders above `leaderId` contains `employeeId` (setting it would make a cycle). */
export async function leaderChainContains(
  db: Db,
  organisationId: string,
  leaderId: string,
  employeeId: string,
): Promise<boolean> {
  let current: string | null = leaderId;
  const seen = new Set<string>();
  while (current !== null && !seen.has(current)) {
    if (current === employeeId) return true;
    seen.add(current);
    const row: { leader_id: string | null } | undefined = await db
      .selectFrom('employee')
      .select('leader_id')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.leader_id ?? null;
  }
  return false;
}
