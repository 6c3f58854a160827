/**
 * The login roles that go with the offices. A verneombud whose employee record is linked to a user
 * (`membership.employee_id`) gets the login role `verneombud` for the verneområde; an AMU member with
 * a vote gets `amu`. When the office ends — ended, taken over by a successor, or the employee left —
 * the login role goes again, but only when this module gave it: `hms_role.login_user_id` records
 * that. A role an administrator gave by hand is never taken away here, and one an administrator took
 * away is not given back while the record stands.
 *
 * Run in the transaction of every write to a role, and once a day for the whole organisation (a term
 * that starts or runs out, a successor taking over, a login linked to the employee later).
 */
import type { Kysely } from 'kysely';
import type { Database, Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { holdsOffice, loginRoleFor } from '../../domain/roller/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { toFacts } from './roller.repository.ts';

type LoginRole = 'verneombud' | 'amu';
type Grant = { userId: string; role: LoginRole; verneomradeId: string | null };

const keyOf = (g: Grant) => `${g.userId}|${g.role}|${g.verneomradeId ?? ''}`;

/** Who made the change: the user of a request, or the daily job (`null`). */
type ChangedBy = Pick<Actor, 'organisationId' | 'userId' | 'roles'> | null;

async function audit(
  db: Db,
  organisationId: string,
  by: ChangedBy,
  action: 'create' | 'delete',
  g: Grant,
  roleId: string,
) {
  const detail = { role: g.role, verneomradeId: g.verneomradeId, hmsRoleId: roleId, source: 'roller' };
  if (by) {
    await writeAudit(db, by, { action, entityType: 'role_assignment', entityId: g.userId, detail });
    return;
  }
  // The daily job acts for no user; `writeAudit` needs one, so the row is written here.
  await db
    .insertInto('audit_log')
    .values({
      organisation_id: organisationId,
      actor_user_id: null,
      actor_roles: 'system',
      action,
      entity_type: 'role_assignment',
      entity_id: g.userId,
      detail: JSON.stringify(detail),
    })
    .execute();
}

/**
 * Brings the organisation's login roles in line with who holds which office today. Returns the
 * number of login roles given and taken away.
 */
export async function syncLogins(db: Db, organisationId: string, today: IsoDate, by: ChangedBy) {
  const rows = await db
    .selectFrom('hms_role as r')
    .innerJoin('employee as e', (j) =>
      j.onRef('e.organisation_id', '=', 'r.organisation_id').onRef('e.id', '=', 'r.employee_id'),
    )
    .leftJoin('membership as m', (j) =>
      j.onRef('m.organisation_id', '=', 'r.organisation_id').onRef('m.employee_id', '=', 'r.employee_id'),
    )
    .selectAll('r')
    .select(['e.employment_end', 'm.user_id as linked_user_id'])
    .where('r.organisation_id', '=', organisationId)
    .where('r.kind', 'in', ['verneombud', 'amu-arbeidsgiver', 'amu-arbeidstaker'])
    .execute();
  if (rows.length === 0) return { granted: 0, removed: 0 };
  const facts = rows.map(toFacts);

  type Seat = { roleId: string; wants: Grant | null; has: Grant | null };
  const seats: Seat[] = rows.map((r) => {
    const role = loginRoleFor(r.kind);
    const area = r.kind === 'verneombud' ? r.verneomrade_id : null;
    // FOLM § 3-4: the office ends when the person leaves the enterprise.
    const employed = r.employment_end === null || r.employment_end >= today;
    const inOffice = role !== null && employed && holdsOffice(toFacts(r), facts, today);
    return {
      roleId: r.id,
      wants:
        inOffice && role !== null && r.linked_user_id !== null
          ? { userId: r.linked_user_id, role, verneomradeId: area }
          : null,
      has:
        role !== null && r.login_user_id !== null
          ? { userId: r.login_user_id, role, verneomradeId: area }
          : null,
    };
  });

  const wanted = new Map<string, Grant>();
  for (const s of seats) if (s.wants) wanted.set(keyOf(s.wants), s.wants);
  const setHolder = async (roleId: string, userId: string | null) => {
    await db
      .updateTable('hms_role')
      .set({ login_user_id: userId })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', roleId)
      .execute();
  };

  let granted = 0;
  let removed = 0;
  // Login roles this module gave that no office needs any more: taken away.
  for (const s of seats) {
    if (!s.has || wanted.has(keyOf(s.has))) continue;
    const g = s.has;
    await db
      .deleteFrom('role_assignment')
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', g.userId)
      .where('role', '=', g.role)
      .where('verneomrade_id', g.verneomradeId === null ? 'is' : '=', g.verneomradeId)
      .execute();
    await setHolder(s.roleId, null);
    await audit(db, organisationId, by, 'delete', g, s.roleId);
    removed++;
  }
  // Every login role an office needs: given when nobody has it yet; the record moves to a role that
  // needs it when the role that gave it no longer does (an AMU member re-elected, say).
  for (const [key, g] of wanted) {
    const holders = seats.filter((s) => s.has && keyOf(s.has) === key);
    const needing = seats.filter((s) => s.wants && keyOf(s.wants) === key);
    const keeper = holders.find((h) => needing.includes(h));
    if (holders.length > 0) {
      const to = keeper ?? needing[0];
      for (const h of holders) if (h !== to) await setHolder(h.roleId, null);
      if (to && !keeper) await setHolder(to.roleId, g.userId);
      continue;
    }
    const existing = await db
      .selectFrom('role_assignment')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', g.userId)
      .where('role', '=', g.role)
      .where('verneomrade_id', g.verneomradeId === null ? 'is' : '=', g.verneomradeId)
      .executeTakeFirst();
    if (existing) continue; // given by an administrator: not this module's to take away later
    const first = needing[0];
    if (!first) continue;
    await db
      .insertInto('role_assignment')
      .values({
        organisation_id: organisationId,
        user_id: g.userId,
        role: g.role,
        verneomrade_id: g.verneomradeId,
      })
      .execute();
    await setHolder(first.roleId, g.userId);
    await audit(db, organisationId, by, 'create', g, first.roleId);
    granted++;
  }
  return { granted, removed };
}

/** The daily upkeep: every organisation, each in its own transaction. */
export async function syncAllLogins(db: Kysely<Database>, today: IsoDate): Promise<number> {
  const organisations = await db
    .selectFrom('hms_role')
    .select('organisation_id')
    .distinct()
    .where('employee_id', 'is not', null)
    .execute();
  let changes = 0;
  for (const { organisation_id } of organisations) {
    await db.transaction().execute(async (trx) => {
      await trx
        .selectFrom('organisation')
        .select('id')
        .where('id', '=', organisation_id)
        .forUpdate()
        .execute();
      const r = await syncLogins(trx, organisation_id, today, null);
      changes += r.granted + r.removed;
    });
  }
  return changes;
}
