/**
 * A per-process cache, per database handle, of a lookup whose answer never changes once found (a
 * device token's unit, a unit code's id). Misses are not cached, so a key created later is found;
 * the cache is cleared when it reaches `max` entries.
 */
import type { DbOrTx } from '@hailong/db';

export function immutableLookup<V>(
  max: number,
  load: (db: DbOrTx, key: string) => Promise<V | undefined>,
): (db: DbOrTx, key: string) => Promise<V | undefined> {
  const caches = new WeakMap<object, Map<string, V>>();
  return async (db, key) => {
    let cache = caches.get(db);
    if (!cache) {
      cache = new Map();
      caches.set(db, cache);
    }
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = await load(db, key);
    if (value === undefined) return undefined;
    if (cache.size >= max) cache.clear();
    cache.set(key, value);
    return value;
  };
}
