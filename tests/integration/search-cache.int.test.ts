import { bumpDataVersion } from '../../src/neo4j/data-version';
import { searchCacheStats } from '../../src/modules/search/search-cache';
import { gql, startTestServer, TestServer } from '../helpers/test-server';

/**
 * The search / suggest result cache (src/modules/search/search-cache.ts): a repeated request
 * is answered from it with the same answer, every argument that changes the answer is part
 * of the key, an import (data version bump) empties it, /metrics counts hits and misses, and
 * it is off (SEARCH_CACHE_ENTRIES=0) by default outside production.
 */
const SEARCH =
  'query S($q: String!, $first: Int, $systems: [CodeSystem!], $after: String) { search(query: $q, first: $first, systems: $systems, after: $after) { totalCount edges { cursor node { system code } } } }';
const SUGGEST = 'query G($p: String!, $first: Int) { suggest(prefix: $p, first: $first) { text codes } }';

describe('search result cache', () => {
  let t: TestServer;
  let off: TestServer;
  beforeAll(async () => {
    // on as in production (the test environment's default is off)
    t = await startTestServer({ SEARCH_CACHE_ENTRIES: '5000' });
    off = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
    await off.close();
  });

  it('answers a repeated search from the cache, the same answer, and counts it', async () => {
    const before = searchCacheStats(t.db, 'search');
    const a = await gql(t.url, SEARCH, { q: 'anesthesia', first: 5 });
    const b = await gql(t.url, SEARCH, { q: '  anesthesia ', first: 5 });
    expect(a.errors).toBeUndefined();
    expect(a.data!.search.edges.length).toBeGreaterThan(0);
    expect(b.data).toEqual(a.data);
    const after = searchCacheStats(t.db, 'search');
    expect(after.misses - before.misses).toBe(1);
    expect(after.hits - before.hits).toBe(1);
    expect(after.entries).toBeGreaterThan(0);
    expect(after.bytes).toBeGreaterThan(0);
  });

  it('keys on every argument that changes the answer: first, systems, after', async () => {
    const base = await gql(t.url, SEARCH, { q: 'knee', first: 3 });
    const s0 = searchCacheStats(t.db, 'search');
    const more = await gql(t.url, SEARCH, { q: 'knee', first: 6 });
    const cpt = await gql(t.url, SEARCH, { q: 'knee', first: 3, systems: ['CPT'] });
    const next = await gql(t.url, SEARCH, { q: 'knee', first: 3, after: base.data!.search.edges[2].cursor });
    const s1 = searchCacheStats(t.db, 'search');
    expect(s1.misses - s0.misses).toBe(3);
    expect(s1.hits - s0.hits).toBe(0);
    expect(more.data!.search.edges.length).toBeGreaterThan(base.data!.search.edges.length);
    expect(cpt.data!.search.edges.every((e: { node: { system: string } }) => e.node.system === 'CPT')).toBe(true);
    expect(next.data!.search.edges[0]?.cursor).not.toBe(base.data!.search.edges[0].cursor);
  });

  it('is emptied when the data version changes (an import), so the next search is computed again', async () => {
    await gql(t.url, SEARCH, { q: 'fracture', first: 3 });
    await gql(t.url, SEARCH, { q: 'fracture', first: 3 });
    const s0 = searchCacheStats(t.db, 'search');
    expect(s0.entries).toBeGreaterThan(0);
    await bumpDataVersion(t.db);
    const r = await gql(t.url, SEARCH, { q: 'fracture', first: 3 });
    expect(r.errors).toBeUndefined();
    const s1 = searchCacheStats(t.db, 'search');
    expect(s1.misses - s0.misses).toBe(1);
    expect(s1.hits - s0.hits).toBe(0);
    expect(s1.entries).toBe(1);
  });

  it('caches suggest too, keyed by the prefix and first, and /metrics shows the lookups', async () => {
    const a = await gql(t.url, SUGGEST, { p: 'anes', first: 5 });
    const b = await gql(t.url, SUGGEST, { p: 'anes', first: 5 });
    const c = await gql(t.url, SUGGEST, { p: 'anes', first: 2 });
    expect(a.errors).toBeUndefined();
    expect(b.data).toEqual(a.data);
    expect(c.data!.suggest.length).toBeLessThanOrEqual(2);
    const s = searchCacheStats(t.db, 'suggest');
    expect(s.hits).toBe(1);
    expect(s.misses).toBe(2);
    const text = await (await fetch(`${t.server.url}/metrics`)).text();
    expect(text).toMatch(/^search_cache_lookups_total\{cache="suggest",outcome="hit"\} 1$/m);
    expect(text).toMatch(/^search_cache_lookups_total\{cache="suggest",outcome="miss"\} 2$/m);
    expect(text).toMatch(/^search_cache_lookups_total\{cache="search",outcome="hit"\} [1-9]/m);
  });

  it('is off by default outside production (NODE_ENV=test here): every request computed, nothing counted', async () => {
    expect(off.services.config.searchCache.maxEntries).toBe(0);
    const a = await gql(off.url, SEARCH, { q: 'anesthesia', first: 5 });
    const b = await gql(off.url, SEARCH, { q: 'anesthesia', first: 5 });
    expect(b.data).toEqual(a.data);
    expect(searchCacheStats(off.db, 'search')).toEqual({ hits: 0, misses: 0, entries: 0, bytes: 0 });
  });
});
