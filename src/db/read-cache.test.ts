import { describe, expect, it } from 'vitest';
import type { ChangeFeed, ChangeListener, DataChange } from './change-feed.ts';
import { parseChange } from './change-feed.ts';
import { ReadCache } from './read-cache.ts';

/** A feed driven by the test: what the database would report, delivered when the test says. */
class ScriptedFeed implements ChangeFeed {
  live = true;
  epoch = 1;
  readonly listeners = new Set<ChangeListener>();
  subscribe(listener: ChangeListener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(change: DataChange) {
    for (const listener of this.listeners) listener(change);
  }
  async close() {}
}

function setup(cacheable?: (value: { n: number }) => boolean) {
  const feed = new ScriptedFeed();
  const cache = new ReadCache<{ n: number }>({
    feed,
    tables: ['employee'],
    partitionOf: (change) => change.organisationId,
    max: 3,
    ttlMs: 60_000,
    ...(cacheable ? { cacheable } : {}),
  });
  let loads = 0;
  const load = (n: number) => async () => {
    loads++;
    return { n };
  };
  return { feed, cache, load, loads: () => loads };
}

describe('ReadCache', () => {
  it('answers a repeated read from memory and reloads after a change in the same partition only', async () => {
    const { feed, cache, load, loads } = setup();
    expect(await cache.get('org-a', 'page1', load(1))).toEqual({ n: 1 });
    expect(await cache.get('org-a', 'page1', load(2))).toEqual({ n: 1 });
    expect(await cache.get('org-b', 'page1', load(3))).toEqual({ n: 3 });
    expect(loads()).toBe(2);

    feed.emit({ table: 'employee', organisationId: 'org-a', userId: null });
    expect(await cache.get('org-a', 'page1', load(4))).toEqual({ n: 4 });
    expect(await cache.get('org-b', 'page1', load(5))).toEqual({ n: 3 });
    expect(loads()).toBe(3);
  });

  it('ignores changes to tables it does not read', async () => {
    const { feed, cache, load, loads } = setup();
    await cache.get('org-a', 'k', load(1));
    feed.emit({ table: 'session', organisationId: 'org-a', userId: 'u' });
    expect(await cache.get('org-a', 'k', load(2))).toEqual({ n: 1 });
    expect(loads()).toBe(1);
  });

  it('reads the database every time while the feed is not live, and forgets everything on a new epoch', async () => {
    const { feed, cache, load, loads } = setup();
    await cache.get('org-a', 'k', load(1));
    feed.live = false;
    expect(await cache.get('org-a', 'k', load(2))).toEqual({ n: 2 });
    expect(await cache.get('org-a', 'k', load(3))).toEqual({ n: 3 });
    feed.live = true;
    feed.epoch = 2; // reconnected: changes may have been missed meanwhile
    expect(await cache.get('org-a', 'k', load(4))).toEqual({ n: 4 });
    expect(await cache.get('org-a', 'k', load(5))).toEqual({ n: 4 });
    expect(loads()).toBe(4);
  });

  it('does not keep a result when a change arrived while it was loading', async () => {
    const { feed, cache } = setup();
    let release: () => void = () => undefined;
    const slow = cache.get('org-a', 'k', async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { n: 1 };
    });
    await Promise.resolve();
    feed.emit({ table: 'employee', organisationId: 'org-a', userId: null });
    release();
    expect(await slow).toEqual({ n: 1 }); // that caller gets its answer…
    let fresh = 0;
    expect(
      await cache.get('org-a', 'k', async () => {
        fresh++;
        return { n: 2 };
      }),
    ).toEqual({ n: 2 }); // …but it was not kept
    expect(fresh).toBe(1);
  });

  it('shares one load among concurrent misses of the same key', async () => {
    const { cache } = setup();
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { n: 7 };
    };
    const answers = await Promise.all(Array.from({ length: 10 }, () => cache.get('org-a', 'k', load)));
    expect(answers.every((a) => a.n === 7)).toBe(true);
    expect(loads).toBe(1);
  });

  it('keeps only what `cacheable` allows, drops single keys, and clears', async () => {
    const { cache, load, loads } = setup((value) => value.n > 0);
    await cache.get('org-a', 'none', load(0));
    await cache.get('org-a', 'none', load(0));
    expect(loads()).toBe(2);
    await cache.get('org-a', 'k', load(1));
    cache.delete('org-a', 'k');
    expect(await cache.get('org-a', 'k', load(2))).toEqual({ n: 2 });
    cache.clear();
    expect(await cache.get('org-a', 'k', load(3))).toEqual({ n: 3 });
    expect(loads()).toBe(5);
  });

  it('holds at most `max` entries, the least recently used leave first', async () => {
    const { cache, load, loads } = setup();
    for (const key of ['a', 'b', 'c']) await cache.get('org', key, load(1));
    await cache.get('org', 'a', load(9)); // a is now the most recent
    await cache.get('org', 'd', load(1)); // b leaves
    expect(cache.size).toBe(3);
    expect(await cache.get('org', 'a', load(2))).toEqual({ n: 1 });
    expect(await cache.get('org', 'b', load(3))).toEqual({ n: 3 });
    expect(loads()).toBe(5);
  });
});

describe('parseChange', () => {
  it('reads the trigger payload table|organisation|user with empty parts as null', () => {
    expect(parseChange('employee|o1|')).toEqual({ table: 'employee', organisationId: 'o1', userId: null });
    expect(parseChange('user_account||u1')).toEqual({
      table: 'user_account',
      organisationId: null,
      userId: 'u1',
    });
    expect(parseChange('')).toBeNull();
  });
});
