/**
 * The change feed: the database tells this process which organisation's or user's data changed,
 * after the change commits, so in-process read caches (`read-cache.ts`) can drop what went stale.
 *
 * Migration 0010 puts a row trigger on the tables the caches read (employee, unit, session,
 * user_account, membership, role_assignment, and the sick-leave tables "Mine oppgaver" is computed
 * from); it calls `pg_notify('naervaer_change',
 * 'table|organisation_id|user_id')`. PostgreSQL delivers a notification only when its transaction
 * commits (and once per distinct payload per transaction), on both drivers:
 * - PGlite: the process that owns the data directory (the lock file guarantees it is the only one)
 *   listens on its own connection; PGlite hands the notification over before the writing query's
 *   promise resolves, so a read after a write never sees a stale cache.
 * - PostgreSQL: a dedicated `pg.Client` runs `LISTEN`; other processes' changes arrive a moment
 *   later. While that connection is down the feed is not `live` (caches step aside and read the
 *   database), and every reconnect starts a new `epoch` (everything cached before may have missed
 *   a change and is discarded).
 */
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export const CHANGE_CHANNEL = 'naervaer_change';

export type DataChange = {
  table: string;
  organisationId: string | null;
  userId: string | null;
};

export type ChangeListener = (change: DataChange) => void;

export interface ChangeFeed {
  /** True while committed changes are known to reach this process. */
  readonly live: boolean;
  /** Changes whenever delivery may have had a gap (a reconnect); caches compare it. */
  readonly epoch: number;
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

/** `table|organisation_id|user_id` → a change (empty parts are null). */
export function parseChange(payload: string): DataChange | null {
  const [table, organisationId, userId] = payload.split('|');
  if (!table) return null;
  return { table, organisationId: organisationId || null, userId: userId || null };
}

class Listeners {
  readonly #listeners = new Set<ChangeListener>();
  add(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  dispatch(payload: string): void {
    const change = parseChange(payload);
    if (!change) return;
    for (const listener of this.#listeners) listener(change);
  }
}

/**
 * PGlite: listen on the instance itself. Call before anything else uses the instance (LISTEN run
 * inside someone's open transaction would be undone by its rollback).
 */
export async function pgliteChangeFeed(pglite: PGlite): Promise<ChangeFeed> {
  const listeners = new Listeners();
  const unlisten = await pglite.listen(CHANGE_CHANNEL, (payload) => listeners.dispatch(payload));
  let live = true;
  return {
    get live() {
      return live && !pglite.closed;
    },
    epoch: 1,
    subscribe: (listener) => listeners.add(listener),
    async close() {
      if (!live) return;
      live = false;
      if (!pglite.closed) await unlisten().catch(() => undefined);
    },
  };
}

export type PostgresFeedOptions = {
  connectionString: string;
  onError?: (message: string) => void;
  /** First delay before reconnecting; doubles up to 30 s. */
  retryMs?: number;
};

/** PostgreSQL: one dedicated connection that LISTENs, reconnecting with backoff. */
export function postgresChangeFeed(options: PostgresFeedOptions): ChangeFeed {
  const listeners = new Listeners();
  const firstDelay = options.retryMs ?? 1000;
  let client: pg.Client | null = null;
  let live = false;
  let epoch = 0;
  let closed = false;
  let delay = firstDelay;
  let timer: NodeJS.Timeout | null = null;

  const lost = (message: string) => {
    live = false;
    const dead = client;
    client = null;
    dead?.removeAllListeners();
    dead?.on('error', () => undefined);
    dead?.end().catch(() => undefined);
    if (closed) return;
    options.onError?.(message);
    timer = setTimeout(connect, delay);
    timer.unref();
    delay = Math.min(delay * 2, 30_000);
  };

  function connect(): void {
    timer = null;
    if (closed) return;
    const next = new pg.Client({ connectionString: options.connectionString });
    client = next;
    next.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload !== undefined) {
        listeners.dispatch(message.payload);
      }
    });
    next.on('error', (error) => {
      if (client === next) lost(error.message);
    });
    next.on('end', () => {
      if (client === next) lost('connection ended');
    });
    next
      .connect()
      .then(() => next.query(`LISTEN ${CHANGE_CHANNEL}`))
      .then(() => {
        if (client !== next || closed) return;
        epoch++;
        live = true;
        delay = firstDelay;
      })
      .catch((error: unknown) => {
        if (client === next) lost(error instanceof Error ? error.message : String(error));
      });
  }

  connect();
  return {
    get live() {
      return live;
    },
    get epoch() {
      return epoch;
    },
    subscribe: (listener) => listeners.add(listener),
    async close() {
      closed = true;
      live = false;
      if (timer) clearTimeout(timer);
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners();
        current.on('error', () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}

/** A feed that never reports anything and is never live: caches always read the database. */
export const noChangeFeed: ChangeFeed = {
  live: false,
  epoch: 0,
  subscribe: () => () => undefined,
  close: async () => undefined,
};
