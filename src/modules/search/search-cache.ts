/**
 * A bounded result cache for `search` and `suggest`: search boxes repeat the same queries
 * across users, and a hit costs no Neo4j query and no ranking. One cache per driver (so per
 * process and database; shared by every request for the life of the driver).
 *
 * - Keys hold every argument that changes the answer: the normalised text (planSearch's
 *   `normalized`, so "heart  attack " and "heart attack" share an entry), the systems,
 *   billableOnly, includeInactive, release, the cursor and the page size.
 * - Invalidation: every key carries the graph's data version (src/neo4j/data-version.ts, bumped
 *   by every import and read from Neo4j at most once a second), and the cache is emptied when
 *   the version changes; an import is seen within a second, on every replica.
 * - Bounded by entries (SEARCH_CACHE_ENTRIES, 0 turns it off) and by bytes (the JSON size of
 *   what is stored, SEARCH_CACHE_MAX_BYTES), least recently used out first (lru-cache).
 * - Hits and misses are counted per cache (`search`, `suggest`) for /metrics.
 *
 * Cached values are shared between requests: callers must not mutate what they get.
 */
import { LRUCache } from 'lru-cache';
import type { Database } from '../../neo4j/database';
import { readDataVersion } from '../../neo4j/data-version';

export type SearchCacheName = 'search' | 'suggest';

export interface SearchCacheOptions {
  /** Most entries per cache; 0 turns caching off. */
  maxEntries: number;
  /** Most bytes (JSON size of the values) per cache. */
  maxBytes: number;
}

export interface SearchCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

interface Caches {
  version: number | null;
  opts: SearchCacheOptions;
  lru: Record<SearchCacheName, LRUCache<string, { value: unknown }> | null>;
  stats: Record<SearchCacheName, { hits: number; misses: number }>;
}

const byDriver = new WeakMap<object, Caches>();

function makeLru(opts: SearchCacheOptions): LRUCache<string, { value: unknown }> | null {
  if (opts.maxEntries <= 0 || opts.maxBytes <= 0) return null;
  return new LRUCache<string, { value: unknown }>({
    max: opts.maxEntries,
    maxSize: opts.maxBytes,
    // strings are UTF-16 in memory, so twice the JSON length is closer to what it holds
    sizeCalculation: (v) => Math.max(1, 2 * (JSON.stringify(v.value)?.length ?? 1)),
  });
}

function cachesOf(db: Database, opts: SearchCacheOptions): Caches {
  let c = byDriver.get(db.driver);
  if (!c || c.opts.maxEntries !== opts.maxEntries || c.opts.maxBytes !== opts.maxBytes) {
    c = { version: null, opts, lru: { search: makeLru(opts), suggest: makeLru(opts) }, stats: { search: { hits: 0, misses: 0 }, suggest: { hits: 0, misses: 0 } } };
    byDriver.set(db.driver, c);
  }
  return c;
}

/** A cache key from the parts of a request that change its answer (order matters; arrays as given). */
export function cacheKey(parts: unknown[]): string {
  return JSON.stringify(parts);
}

/**
 * The cached answer for `key` in cache `name`, else `compute()` (stored when it resolves;
 * a rejection is not stored). With caching off, always `compute()`.
 * Throws what `compute` throws, and SERVICE_UNAVAILABLE when the data version cannot be read.
 */
export async function cached<T>(db: Database, opts: SearchCacheOptions, name: SearchCacheName, key: string, compute: () => Promise<T>): Promise<T> {
  const c = cachesOf(db, opts);
  const lru = c.lru[name];
  if (!lru) return compute();
  const version = await readDataVersion(db);
  if (c.version !== version) {
    // the graph changed (an import): nothing stored before may be served
    c.lru.search?.clear();
    c.lru.suggest?.clear();
    c.version = version;
  }
  const hit = lru.get(key);
  if (hit) {
    c.stats[name].hits += 1;
    return hit.value as T;
  }
  c.stats[name].misses += 1;
  const value = await compute();
  // an import may have landed while computing: store only under the version it was read at
  if (c.version === version) lru.set(key, { value });
  return value;
}

/** Hits, misses, entries and bytes of cache `name` for this driver (zeros before the first use). */
export function searchCacheStats(db: Database, name: SearchCacheName): SearchCacheStats {
  const c = byDriver.get(db.driver);
  const lru = c?.lru[name] ?? null;
  return { hits: c?.stats[name].hits ?? 0, misses: c?.stats[name].misses ?? 0, entries: lru?.size ?? 0, bytes: lru?.calculatedSize ?? 0 };
}
