/**
 * The audit log: an append-only record of who read or changed which record, when, in which role.
 * Never put personal data in `detail` — ids, kinds of change and counts only.
 *
 * Inside a transaction the entry is part of it (a change and its log commit or roll back
 * together). Outside one — the reads — entries that arrive together are written together: each
 * caller still waits until its own entry is committed (the read is logged before it is answered),
 * but 64 concurrent reads cost one multi-row insert instead of 64 commits ("group commit").
 */
import { type Insertable, type Kysely, sql, Transaction } from 'kysely';
import type { AuditAction } from '../db/core.tables.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from './context.ts';
import { AppError } from './errors.ts';
import type { RouteDef } from './route.ts';

export type AuditEntry = {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  detail?: Record<string, string | number | boolean | null | string[]>;
};

type AuditRow = Insertable<Database['audit_log']>;

/**
 * Runs `work` in a transaction — the caller's own, when `db` already is one — so that a change and
 * its audit row commit (or roll back) together.
 */
export function inTransaction<T>(
  db: Kysely<Database> | Transaction<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db instanceof Transaction ? work(db) : db.transaction().execute(work);
}

/** Changes: their audit row must commit with them (inside the change's transaction). */
const CHANGES: ReadonlySet<AuditAction> = new Set(['create', 'update', 'delete', 'import']);

/**
 * Writes one audit entry. A change (`create`, `update`, `delete`, `import`) must be logged inside
 * the transaction that makes it — a crash or a failing audit insert must not leave a change without
 * its row, or a row without its change — so outside a transaction it throws (a programming error,
 * caught by the tests). Reads, logins and exports are events: logged on their own, grouped.
 */
export async function writeAudit(
  db: Kysely<Database> | Transaction<Database>,
  actor: Pick<Actor, 'organisationId' | 'userId' | 'roles'>,
  entry: AuditEntry,
): Promise<void> {
  if (CHANGES.has(entry.action) && !db.isTransaction) {
    throw new Error(`audit of a change (${entry.action} ${entry.entityType}) outside its transaction`);
  }
  const row: AuditRow = {
    organisation_id: actor.organisationId,
    actor_user_id: actor.userId,
    actor_roles: actor.roles.join(','),
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
  };
  if (db.isTransaction) {
    await db.insertInto('audit_log').values(row).execute();
    return;
  }
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new AuditBatcher(db);
    batchers.set(db, batcher);
  }
  await batcher.add(row);
}

/** Most rows in one insert (well below PostgreSQL's 65 535 bind parameters at 7 per row). */
const MAX_BATCH = 500;

type Waiting = { row: AuditRow; resolve: () => void; reject: (error: unknown) => void };

/** Collects the entries of one event-loop turn and writes them in one insert, one insert at a time. */
class AuditBatcher {
  readonly #db: Kysely<Database>;
  #queue: Waiting[] = [];
  #running = false;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  add(row: AuditRow): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ row, resolve, reject });
      if (!this.#running) {
        this.#running = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      try {
        await this.#insert(batch.map((w) => w.row));
        for (const w of batch) w.resolve();
      } catch (error) {
        if (batch.length === 1) batch[0]?.reject(error);
        // One bad entry must not fail the others' reads: write them one by one.
        else for (const w of batch) await this.#insert([w.row]).then(w.resolve, w.reject);
      }
    }
    this.#running = false;
  }

  async #insert(rows: AuditRow[]): Promise<void> {
    await this.#db.insertInto('audit_log').values(rows).execute();
  }
}

const batchers = new WeakMap<Kysely<Database>, AuditBatcher>();

// ---------------------------------------------------------------- denied reads

/** One `denied` row per user and record within this window (product default). */
const DENIED_WINDOW_MS = 60_000;
/** At most this many `denied` rows per user per window, whatever they asked for (a scanner of ids). */
const DENIED_PER_USER = 30;

type DeniedTarget = { entityType: string; entityId: string; detail?: AuditEntry['detail'] };

/** This process's throttle: key → start of its window; users → [window start, rows written]. */
const deniedSeen = new Map<string, number>();
const deniedPerUser = new Map<string, [number, number]>();

function throttled(
  actor: Pick<Actor, 'organisationId' | 'userId'>,
  target: DeniedTarget,
  now: number,
): boolean {
  if (deniedSeen.size > 10_000 || deniedPerUser.size > 10_000) {
    for (const [key, at] of deniedSeen) if (now - at >= DENIED_WINDOW_MS) deniedSeen.delete(key);
    for (const [key, [at]] of deniedPerUser) if (now - at >= DENIED_WINDOW_MS) deniedPerUser.delete(key);
  }
  const key = `${actor.organisationId}|${actor.userId}|${target.entityType}|${target.entityId}`;
  const seen = deniedSeen.get(key);
  if (seen !== undefined && now - seen < DENIED_WINDOW_MS) return true;
  const userKey = `${actor.organisationId}|${actor.userId}`;
  const count = deniedPerUser.get(userKey);
  const fresh = count === undefined || now - count[0] >= DENIED_WINDOW_MS;
  if (!fresh && count[1] >= DENIED_PER_USER) return true;
  deniedSeen.set(key, now);
  deniedPerUser.set(userKey, fresh ? [now, 1] : [count[0], count[1] + 1]);
  return false;
}

/**
 * Records that `actor` asked for a record of case data and was refused (answered 404): who, what,
 * when — so an employer can see probing (GDPR art. 32 (1) (d): testing and evaluating the security
 * of processing; art. 5 (2) accountability). Throttled to one row per user and record per minute
 * (in this process and, by a look at the log, across processes) and 30 rows per user per minute,
 * so a scanner cannot flood the log. Best effort: a failure here never changes the answer.
 */
export async function recordDeniedRead(
  db: Kysely<Database>,
  actor: Pick<Actor, 'organisationId' | 'userId' | 'roles'>,
  target: DeniedTarget,
): Promise<void> {
  if (throttled(actor, target, Date.now())) return;
  try {
    await sql`
      insert into audit_log (organisation_id, actor_user_id, actor_roles, action, entity_type, entity_id, detail)
      select ${actor.organisationId}, ${actor.userId}, ${actor.roles.join(',')}, 'denied',
        ${target.entityType}, ${target.entityId},
        ${target.detail === undefined ? null : JSON.stringify(target.detail)}::jsonb
      where not exists (
        select 1 from audit_log
        where organisation_id = ${actor.organisationId} and entity_type = ${target.entityType}
          and entity_id = ${target.entityId} and at > now() - interval '1 minute'
          and action = 'denied' and actor_user_id = ${actor.userId}
      )
    `.execute(db);
  } catch {
    // The refusal stands either way; a lost `denied` row is not worth an error for the caller.
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DeniedReadRule = {
  /** GET routes whose URL starts with this, e.g. `/api/v1/sykefravaer/employees/:employeeId`. */
  urlPrefix: string;
  /** The path parameter naming the record. */
  param: string;
  entityType: string;
};

/**
 * The routes, with every GET route under `rule.urlPrefix` recording its refusals: when the route
 * answers 404 to a logged-in user of an organisation — the role check (`defineRoute`) or the
 * row scope (another leader's employee, another organisation's id) refused it — a `denied` row is
 * written for the record in the path (`recordDeniedRead`). Other routes are returned unchanged.
 */
export function auditDeniedReads(routes: readonly RouteDef[], rule: DeniedReadRule): RouteDef[] {
  return routes.map((route) => {
    if (route.method !== 'GET' || !route.url.startsWith(rule.urlPrefix)) return route;
    return {
      ...route,
      async handle(ctx, request, reply) {
        try {
          return await route.handle(ctx, request, reply);
        } catch (error) {
          const params = request.params as Record<string, unknown> | undefined;
          const id = params?.[rule.param];
          if (
            error instanceof AppError &&
            error.code === 'NOT_FOUND' &&
            ctx.actor !== null &&
            typeof id === 'string' &&
            UUID.test(id)
          ) {
            await recordDeniedRead(ctx.db, ctx.actor, {
              entityType: rule.entityType,
              entityId: id.toLowerCase(),
              detail: { route: route.url },
            });
          }
          throw error;
        }
      },
    };
  });
}
