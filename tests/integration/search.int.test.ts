import type { SearchEdge } from '../helpers/search-edge';
import { gql, graphCounts, startTestServer, TestServer } from '../helpers/test-server';

const SEARCH = `query Search($q: String!, $systems: [CodeSystem!], $billableOnly: Boolean, $includeInactive: Boolean, $first: Int, $after: String) {
  search(query: $q, systems: $systems, billableOnly: $billableOnly, includeInactive: $includeInactive, first: $first, after: $after) {
    totalCount
    bySystem { system count }
    pageInfo { hasNextPage endCursor }
    edges { cursor score matchedBy highlight matchedName { text kind source highlight see prefix synonym { term expansion kind } } node { system code title billable active } }
  }
}`;

type Hit = SearchEdge & { cursor: string; node: SearchEdge['node'] & { active: boolean } };

// Several searches per test, some with 50,000-candidate filters: on the shared 2-core machine
// (load average 15-20 while other suites run) 5 s is not enough; these test results, not speed.
jest.setTimeout(30000);

describe('search all medical codes (full public code sets)', () => {
  let t: TestServer;
  const search = async (q: string, vars: Record<string, unknown> = {}) => {
    const r = await gql(t.url, SEARCH, { q, ...vars });
    return r;
  };
  const hits = async (q: string, vars: Record<string, unknown> = {}): Promise<Hit[]> => {
    const r = await search(q, vars);
    expect(r.errors).toBeUndefined();
    return r.data!.search.edges;
  };

  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['R42', 'ICD10CM', 'R42'],
    ['r42', 'ICD10CM', 'R42'],
    ['M62.830', 'ICD10CM', 'M62.830'],
    ['M62830', 'ICD10CM', 'M62.830'],
    ['m62.830', 'ICD10CM', 'M62.830'],
    ['3e0t3bz', 'ICD10PCS', '3E0T3BZ'],
    ['J1100', 'HCPCS', 'J1100'],
    ['00300', 'CPT', '00300'],
  ])('a code typed as %s is the first hit', async (q, system, code) => {
    const [first] = await hits(q);
    expect(first!.node).toMatchObject({ system, code });
    expect(first!.matchedBy).toBe('EXACT_CODE');
  });

  it.each([
    ['M62.8', 'M62.8'],
    ['E11.6', 'E11.6'],
    ['J11', 'J11'],
  ])('a code prefix %s lists its branch in code order', async (q, published) => {
    const list = await hits(q, { first: 25 });
    const branch = list.filter((h) => h.matchedBy === 'EXACT_CODE' || h.matchedBy === 'CODE_PREFIX');
    expect(branch.length).toBeGreaterThan(3);
    expect(list.slice(0, branch.length)).toEqual(branch);
    const keyOf = (c: string) => c.replace('.', '');
    for (const h of branch) expect(keyOf(h.node.code).startsWith(keyOf(published))).toBe(true);
    const prefixHits = branch.filter((h) => h.matchedBy === 'CODE_PREFIX');
    const billable = prefixHits.filter((h) => h.node.billable);
    // billable first, then code order within each group
    expect(prefixHits.slice(0, billable.length)).toEqual(billable);
    const sorted = [...billable].sort((a, b) => (a.node.system + a.node.code).localeCompare(b.node.system + b.node.code));
    expect(billable.map((h) => h.node.code)).toEqual(sorted.map((h) => h.node.code));
  });

  it('matches words by prefix and requires every word before any is optional', async () => {
    const dizz = await hits('dizz');
    expect(dizz.map((h) => h.node.code)).toContain('R42');
    expect(dizz[0]!.node.code).toBe('R42');
    const dm = await hits('diab mell', { first: 50 });
    expect(dm.length).toBe(50);
    // every hit holds both words in the name that matched (a title or another name of the code)
    for (const h of dm) expect(h.matchedName!.text.toLowerCase()).toMatch(/diab\w*.*mell|mell\w*.*diab/);
    const tiers = dm.map((h) => h.matchedBy);
    expect(tiers.every((x) => x === 'TITLE_PHRASE' || x === 'ALL_WORDS')).toBe(true);
  });

  it.each([
    ['dizzinnes', 'R42'],
    ['anesthesai', null],
  ])('tolerates the typo %s (not in the synonym list) as a fallback', async (q, code) => {
    const list = await hits(q, { first: 20 });
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((h) => h.matchedBy === 'FUZZY')).toBe(true);
    if (code) expect(list.map((h) => h.node.code)).toContain(code);
    else expect(list[0]!.node.title.toLowerCase()).toContain('anesthesia');
  });

  it('reads a listed misspelling through the synonym list, not as a typo', async () => {
    const [first] = await hits('dizzyness');
    expect(first!.node.code).toBe('R42');
    expect(first!.matchedBy).not.toBe('FUZZY');
    expect(first!.matchedName!.synonym).toMatchObject({ term: 'dizzyness', expansion: 'dizziness', kind: 'spelling' });
  });

  it('ranks code matches first, then word matches by relevance', async () => {
    const codeTier = (m: string) => (m === 'EXACT_CODE' ? 0 : m === 'CODE_PREFIX' ? 1 : 2);
    for (const q of ['J11', 'muscle spasm back', 'anesthesia knee', 'E11.6']) {
      const list = await hits(q, { first: 100 });
      const tiers = list.map((h) => codeTier(h.matchedBy));
      expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
      const scores = list.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const h of list) if (codeTier(h.matchedBy) === 2) expect(h.score).toBeLessThan(4);
    }
    // all words of a short name beat some words of a long one
    const knee = await hits('anesthesia knee', { first: 100 });
    const firstAny = knee.findIndex((h) => h.matchedBy === 'ANY_WORD');
    if (firstAny >= 0) expect(knee.slice(firstAny).every((h) => h.matchedBy === 'ANY_WORD' || h.matchedBy === 'FUZZY')).toBe(true);
    const spasm = await hits('muscle spasm back');
    expect(spasm[0]!.node.code).toBe('M62.830');
  });

  it('filters by system and billable, counts by system, and hides terminated HCPCS unless asked', async () => {
    const all = await search('anesthesia', { first: 5 });
    const counts = all.data!.search.bySystem as { system: string; count: number }[];
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(all.data!.search.totalCount);
    expect(counts.length).toBeGreaterThan(1);
    const pcs = await hits('anesthesia', { systems: ['ICD10PCS'], first: 50 });
    expect(pcs.length).toBeGreaterThan(0);
    expect(pcs.every((h) => h.node.system === 'ICD10PCS')).toBe(true);
    const billable = await hits('M62', { billableOnly: true, first: 50 });
    expect(billable.every((h) => h.node.billable)).toBe(true);
    const [term] = await t.db.read<{ code: string }>("MATCH (c:Code {system: 'HCPCS'}) WHERE c.active = false AND c.level = 'code' RETURN c.code AS code ORDER BY c.code LIMIT 1");
    const hidden = await hits(term!.code);
    expect(hidden.find((h) => h.node.code === term!.code)).toBeUndefined();
    const shown = await hits(term!.code, { includeInactive: true });
    expect(shown[0]!.node).toMatchObject({ code: term!.code, active: false });
  });

  it('with a system or billable filter takes up to 50,000 candidates, so a common word still finds the CPT page', async () => {
    // "knee" is in over 2,000 titles, nearly all ICD-10-CM: the filter must not run on a capped list only.
    const cpt = await hits('knee', { systems: ['CPT'], first: 20 });
    expect(cpt.map((h) => h.node.code)).toContain('01400');
    const billableCpt = await hits('unspecified', { systems: ['CPT'], billableOnly: true, first: 20 });
    expect(billableCpt.map((h) => h.node.code)).toContain('00300');
  });

  it('pages with stable cursors: pages join to the same list as one big page', async () => {
    const big = await hits('fracture femur', { first: 60 });
    const page1 = await search('fracture femur', { first: 20 });
    const p1 = page1.data!.search;
    const page2 = await search('fracture femur', { first: 20, after: p1.pageInfo.endCursor });
    const page3 = await search('fracture femur', { first: 20, after: page2.data!.search.pageInfo.endCursor });
    const joined = [...p1.edges, ...page2.data!.search.edges, ...page3.data!.search.edges].map((h: Hit) => h.node.code);
    expect(joined).toEqual(big.map((h) => h.node.code));
    expect(new Set(joined).size).toBe(joined.length);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const again = await search('fracture femur', { first: 20, after: p1.pageInfo.endCursor });
    expect(again.data!.search.edges).toEqual(page2.data!.search.edges);
  });

  it('highlights the matched words, HTML-escaped', async () => {
    const [first] = await hits('dizz');
    expect(first!.highlight).toBe('<mark>Dizziness</mark> and giddiness');
    const byCode = await hits('R42');
    expect(byCode[0]!.highlight).toBeNull();
  });

  it.each([
    ['every Lucene special character', '+ - && || ! ( ) { } [ ] ^ " ~ * ? : \\ /'],
    ['a Lucene field query', 'title:foo AND code:R42'],
    ['the operators as words', 'AND OR NOT'],
    ['a Cypher fragment', "'}) MATCH (n) DETACH DELETE n //"],
    ['a regex bomb', '(a+)+$' + 'a'.repeat(50)],
    ['unicode', 'anesthésie 麻酔 🦴 Ω'],
    ['empty', ''],
    ['whitespace only', '   \t\n  '],
    ['a wildcard only', '*'],
    ['fuzzy syntax', 'dizz~2^10'],
  ])('accepts %s: 200 and no error', async (_name, q) => {
    const before = await graphCounts(t.db);
    const r = await search(q);
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
    expect(Array.isArray(r.data!.search.edges)).toBe(true);
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('rejects a 10,000-character query with BAD_USER_INPUT naming the argument', async () => {
    const r = await search('x'.repeat(10000));
    expect(r.status).toBe(200);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'query' });
    expect(r.errors?.[0]?.message).toMatch(/too long/);
  });

  it('rejects a page size over the limit and a forged cursor with BAD_USER_INPUT', async () => {
    const big = await search('R42', { first: 101 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const forged = await search('R42', { after: 'bm90LWEtY3Vyc29y' });
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});
