/**
 * The audit log: an append-only record of who read or changed which record, when, in which role.
 * Never put personal data in `detail` — ids, kinds of change and counts only.
 *
 * Inside a transaction the entry is part of it (a change and its log commit or roll back
 * together). Outside one — the reads — entries that arrive together are written together: each
 * caller still waits until its own entry is committed (the read is logged before it is answered),
 * but 64 concurrent reads cost one multi-row insert instead of 64 commits ("group commit").
 */
import { type Insertable, type Kysely, Transaction } from 'kysely';
import type { AuditAction } from '../db/core.tables.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from './context.ts';

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
