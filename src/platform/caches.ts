/**
 * The cache registry: a module declares its read caches in its manifest (`defineCache`), the app
 * builds them once from the database's change feed, and a handler asks for one by its definition
 * (`ctx.caches?.get(employeePages)`). See `src/db/read-cache.ts` for how a cache stays correct.
 *
 * A cache's `tables` must carry the change-notify trigger (migration `0010-change-notify`, or a
 * later migration for new tables): `test/db/cache-triggers.test.ts` checks every registered cache.
 */
import type { ChangeFeed } from '../db/change-feed.ts';
import { ReadCache } from '../db/read-cache.ts';

export type CacheDef<V extends object> = {
  /** Unique over the app, e.g. `employees.pages`. */
  name: string;
  /** Tables whose committed changes make entries stale. */
  tables: readonly string[];
  /**
   * `organisation`: entries are partitioned by organisation (a change or a local write in one
   * organisation drops only its entries); `global`: one partition, dropped by any local write.
   */
  scope: 'organisation' | 'global';
  max: number;
  ttlMs: number;
  /** Which loaded values may be kept (default: all). A method, so a list may hold any `CacheDef`. */
  cacheable?(value: V): boolean;
};

/** Declares a cache (a module lists it in its manifest's `caches`). */
export function defineCache<V extends object>(def: CacheDef<V>): CacheDef<V> {
  return def;
}

/** Any cache definition (`get` restores the value type). */
export type AnyCacheDef = CacheDef<object>;

/** The one partition of a `global` cache. */
export const GLOBAL_PARTITION = 'global';

export class CacheRegistry {
  readonly #caches = new Map<AnyCacheDef, ReadCache<object>>();

  constructor(feed: ChangeFeed, definitions: readonly AnyCacheDef[]) {
    const names = new Set<string>();
    for (const def of definitions) {
      if (names.has(def.name)) throw new Error(`two caches named ${def.name}`);
      names.add(def.name);
      this.#caches.set(
        def,
        new ReadCache<object>({
          feed,
          tables: def.tables,
          partitionOf: def.scope === 'global' ? () => GLOBAL_PARTITION : (change) => change.organisationId,
          max: def.max,
          ttlMs: def.ttlMs,
          ...(def.cacheable ? { cacheable: (value: object) => def.cacheable?.(value) ?? true } : {}),
        }),
      );
    }
  }

  /** The cache of a registered definition. */
  get<V extends object>(def: CacheDef<V>): ReadCache<V> {
    const cache = this.#caches.get(def);
    if (!cache) throw new Error(`cache ${def.name} is not registered in any module manifest`);
    return cache as unknown as ReadCache<V>;
  }

  /**
   * After a state-changing request of this process, before its answer leaves: what it may have
   * changed is dropped at once (the database's notification reaches other processes, and on
   * PostgreSQL this one too, a moment later).
   */
  afterLocalWrite(organisationId: string | null): void {
    for (const [def, cache] of this.#caches) {
      if (def.scope === 'global' || organisationId === null) cache.clear();
      else cache.invalidate(organisationId);
    }
  }

  close(): void {
    for (const cache of this.#caches.values()) cache.close();
  }
}
