/**
 * A bounded in-process cache of query results, kept correct by the change feed.
 *
 * Entries live in *partitions* (an organisation, a user). When the feed reports a change to one of
 * the cache's tables in a partition, that partition's generation moves on and its entries are
 * stale from then on. Rules that keep it honest:
 * - While the feed is not live the cache is bypassed (every call reads the database).
 * - A result is stored only if its partition's generation and the feed's epoch are the same after
 *   the load as before it — a change committed while it loaded makes it a one-off answer.
 * - Concurrent misses for the same key share one load.
 * - A stored value is frozen (shallowly) and must never be changed by a reader.
 * - `invalidate`/`clear` are for this process's own writes, so that a read right after a write in
 *   this process never waits for the notification to arrive (PostgreSQL delivers it a moment later).
 */
import { LRUCache } from 'lru-cache';
import type { ChangeFeed, DataChange } from './change-feed.ts';

export type ReadCacheOptions<V> = {
  feed: ChangeFeed;
  /** Tables whose changes make entries stale. */
  tables: readonly string[];
  /** Which partition a change belongs to (null: none of this cache's business). */
  partitionOf: (change: DataChange) => string | null;
  /** Most entries kept (least recently used go first). */
  max: number;
  /** Upper bound on an entry's age even without any change (belt and braces). */
  ttlMs: number;
  /** Which loaded values may be kept (default: all). */
  cacheable?: (value: V) => boolean;
};

type Entry<V> = { generation: string; value: V };

export class ReadCache<V extends object> {
  readonly #feed: ChangeFeed;
  readonly #entries: LRUCache<string, Entry<V>>;
  readonly #pending = new Map<string, { generation: string; promise: Promise<V> }>();
  readonly #generations = new Map<string, number>();
  #global = 0;
  readonly #unsubscribe: () => void;
  readonly #cacheable: (value: V) => boolean;

  constructor(options: ReadCacheOptions<V>) {
    this.#feed = options.feed;
    this.#cacheable = options.cacheable ?? (() => true);
    this.#entries = new LRUCache({ max: options.max, ttl: options.ttlMs, ttlAutopurge: false });
    const tables = new Set(options.tables);
    this.#unsubscribe = options.feed.subscribe((change) => {
      if (!tables.has(change.table)) return;
      const partition = options.partitionOf(change);
      if (partition !== null) this.invalidate(partition);
    });
  }

  #generation(partition: string): string {
    return `${this.#feed.epoch}:${this.#global}:${this.#generations.get(partition) ?? 0}`;
  }

  /** The cached value, or `load()`'s (stored when nothing changed meanwhile). */
  async get(partition: string, key: string, load: () => Promise<V>): Promise<V> {
    if (!this.#feed.live) return load();
    const id = `${partition}\u0000${key}`;
    const generation = this.#generation(partition);
    const hit = this.#entries.get(id);
    if (hit && hit.generation === generation) return hit.value;
    const pending = this.#pending.get(id);
    if (pending && pending.generation === generation) return pending.promise;
    const promise = load();
    this.#pending.set(id, { generation, promise });
    try {
      const value = await promise;
      if (this.#feed.live && this.#generation(partition) === generation && this.#cacheable(value)) {
        // Frozen: shared by every reader from now on (routes may keep its serialized form).
        this.#entries.set(id, { generation, value: Object.freeze(value) });
      }
      return value;
    } finally {
      if (this.#pending.get(id)?.promise === promise) this.#pending.delete(id);
    }
  }

  /** Drops one key (e.g. a session this process just deleted). */
  delete(partition: string, key: string): void {
    this.#entries.delete(`${partition}\u0000${key}`);
  }

  /** Everything of one partition is stale. */
  invalidate(partition: string): void {
    this.#generations.set(partition, (this.#generations.get(partition) ?? 0) + 1);
  }

  /** Everything is stale. */
  clear(): void {
    this.#global++;
    this.#generations.clear();
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  close(): void {
    this.#unsubscribe();
    this.clear();
  }
}
