import fs from 'node:fs';
import path from 'node:path';
import type { SearchEdge } from '../helpers/search-edge';
import { gql, graphCounts, startTestServer, TestServer } from '../helpers/test-server';

const SEARCH = `query Search($q: String!, $first: Int, $systems: [CodeSystem!]) {
  search(query: $q, first: $first, systems: $systems) {
    totalCount
    edges { score matchedBy highlight matchedName { text kind source highlight see prefix synonym { term expansion kind } } node { system code title billable } }
  }
}`;
const SUGGEST = `query Suggest($p: String!, $first: Int) { suggest(prefix: $p, first: $first) { text codes highlight } }`;

type Edge = SearchEdge;

// Several searches per test, some with 50,000-candidate filters: on the shared 2-core machine
// (load average 15-20 while other suites run) 5 s is not enough; these test results, not speed.
jest.setTimeout(30000);

describe('search by meaning: names, synonyms, ranking, explanations, autocomplete', () => {
  let t: TestServer;
  const edges = async (q: string, first = 10, extra: Record<string, unknown> = {}): Promise<Edge[]> => {
    const r = await gql(t.url, SEARCH, { q, first, ...extra });
    expect(r.errors).toBeUndefined();
    return r.data!.search.edges;
  };
  const codes = async (q: string, first = 10) => (await edges(q, first)).map((e) => e.node.code);

  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('loaded the names of the shipped index and tabular files, each linked to a code', async () => {
    const rows = await t.db.read<{ kind: string; n: number }>('MATCH (n:Name)-[:NAME_OF]->(:Code) RETURN n.kind AS kind, count(*) AS n ORDER BY kind');
    const by = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    expect(by.INDEX).toBeGreaterThan(50000);
    expect(by.INDEX_SEE).toBeGreaterThan(5000);
    expect(by.INCLUSION).toBeGreaterThan(10000);
    expect(by.PCS_INDEX).toBeGreaterThan(10000);
    const [orphans] = await t.db.read<{ n: number }>('MATCH (n:Name) WHERE NOT (n)-[:NAME_OF]->(:Code) RETURN count(n) AS n');
    expect(orphans!.n).toBe(0);
    // a PCS prefix hangs on its table, with the prefix kept: no edge per code
    const [appx] = await t.db.read<{ table: string; prefix: string }>(
      "MATCH (n:Name {kind: 'PCS_INDEX'})-[:NAME_OF]->(c:Code) WHERE n.text = 'Appendectomy > Resection, Appendix' RETURN c.codeKey AS table, n.prefix AS prefix",
    );
    expect(appx).toEqual({ table: '0DT', prefix: '0DTJ' });
  });

  it.each([
    ['heart attack', /^I2[12]/, 5],
    ['high blood pressure', /^I10$/, 1],
    ['hypertension', /^I10$/, 1],
    ['COPD', /^J44/, 5],
    ['CHF', /^I50/, 5],
    ['UTI', /^N39\.0$/, 10],
    ['afib', /^I48/, 5],
    ['diabetes', /^E11/, 5],
    ['broken wrist', /^(S62|S52\.[56])/, 5],
    ['appendectomy', /^0DTJ/, 5],
    ['knee replacement', /^0SR[CD]/, 5],
    // the index default of a "see also" term (Flu, see also Influenza J11.1)
    ['flu', /^J11\.1$/, 1],
    // a possessive typed without its apostrophe, and a plural
    ['parkinsons', /^G20/, 1],
    ['allergies', /^T78\.40$/, 1],
    // 7th characters: the index leads to S72.00-, the encounter and side words pick the code under it (closed by default)
    ['right hip fracture initial encounter', /^S72\.0\d1A$/, 1],
    ['nasal bone fracture initial encounter', /^S02\.2XXA$/, 1],
    ['right distal radius fracture sequela', /^S52\.5\d1S$/, 3],
  ])('finds what a coder expects for "%s" near the top', async (q, expected, k) => {
    const list = await codes(q, 10);
    const at = list.findIndex((c) => expected.test(c));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(k);
  });

  it('explains a hit found through the index: the term path, its kind, the see-reference and the highlight', async () => {
    const list = await edges('heart attack', 20);
    const viaIndex = list.find((e) => e.matchedName?.kind === 'INDEX_SEE');
    const viaSynonym = list.find((e) => e.matchedName?.synonym);
    expect(viaIndex ?? viaSynonym).toBeDefined();
    if (viaSynonym) expect(viaSynonym.matchedName!.synonym!.term).toBe('heart attack');
    expect(list.some((e) => /myocardial infarction/i.test(e.matchedName?.synonym?.expansion ?? ''))).toBe(true);
    const [appx] = await edges('appendectomy', 1);
    expect(appx!.matchedName).toMatchObject({ kind: 'PCS_INDEX', see: 'Resection, Appendix', prefix: '0DTJ', source: 'icd10pcs_index_2025.xml.gz' });
    expect(appx!.matchedName!.highlight).toContain('<mark>Appendectomy</mark>');
  });

  it("finds a code page's code by its common name, and says so", async () => {
    const [first] = await edges('upper abdominal surgery anesthesia', 1);
    expect(first!.node.code).toBe('00790');
    expect(first!.matchedName).toMatchObject({ kind: 'COMMON_NAME', text: 'Upper Abdominal Surgery Anesthesia' });
  });

  it('keeps code matches before words, and never lets a synonym replace a code match', async () => {
    // "MI" is a synonym term; as a code prefix it matches nothing, so words come; "I21" stays a code lookup
    const [i21] = await edges('I21', 5);
    expect(i21!.matchedBy).toBe('EXACT_CODE');
    expect(i21!.matchedName).toBeNull();
    // a code found as typed is not followed by hits on some of its pieces ("9" of e11.9: "NIHSS score 9")
    const e119 = await edges('e11.9', 10);
    expect(e119[0]!.node.code).toBe('E11.9');
    expect(e119.filter((e) => e.matchedBy === 'ANY_WORD' || e.matchedBy === 'FUZZY')).toEqual([]);
  });

  it('puts the index main-term default above subterm codes (Hypertension -> I10 before I15.x)', async () => {
    const list = await codes('hypertension', 10);
    expect(list[0]).toBe('I10');
  });

  it('keeps HCPCS quality-measure codes below clinical codes for a condition, and finds them when asked', async () => {
    const diabetes = await edges('diabetes', 10);
    expect(diabetes.slice(0, 5).every((e) => e.node.system === 'ICD10CM')).toBe(true);
    const measure = await edges('diabetes quality measure', 20, { systems: ['HCPCS'] });
    expect(measure.some((e) => /^[GM]/.test(e.node.code))).toBe(true);
  });

  it('prefers a supply code for a supply word', async () => {
    const [first] = await edges('wheelchair', 1);
    expect(first!.node.system).toBe('HCPCS');
  });

  it('accepts hostile text in suggest too: 200, no error, nothing written', async () => {
    const before = await graphCounts(t.db);
    for (const p of ['+ - && || ! ( ) { } [ ] ^ " ~ * ? : \\\\ /', "'}) MATCH (n) DETACH DELETE n //", '', '   ', '*', 'AND OR NOT', 'a'.repeat(256)]) {
      const r = await gql(t.url, SUGGEST, { p });
      expect(r.status).toBe(200);
      expect(r.errors).toBeUndefined();
      expect(Array.isArray(r.data!.suggest)).toBe(true);
    }
    const long = await gql(t.url, SUGGEST, { p: 'x'.repeat(257) });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'prefix' });
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it.each([
    ['myoc', /myocardial infarction/i],
    ['appen', /^appendicitis$/i],
    ['appen', /^appendectomy$/i],
  ])('completes "%s" with a term like %s, most codes first', async (p, want) => {
    const r = await gql(t.url, SUGGEST, { p, first: 10 });
    expect(r.errors).toBeUndefined();
    const terms = r.data!.suggest as { text: string; codes: number; highlight: string }[];
    expect(terms.some((s) => want.test(s.text))).toBe(true);
    for (const s of terms) expect(s.text.toLowerCase()).toMatch(new RegExp(`(^|[^a-z])${p}`));
    const starting = terms.filter((s) => s.text.toLowerCase().startsWith(p));
    const counts = starting.map((s) => s.codes);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(terms[0]!.highlight).toMatch(/<mark>/);
  });

  it('ships the data it loads (no read outside the repository)', () => {
    const dir = path.resolve(__dirname, '../../seeds/search');
    for (const f of ['ICD10CM_2025_Index.csv.gz', 'icd10c-tabular-April-1-2026.xml.gz', 'icd10pcs_index_2025.xml.gz', 'synonyms.tsv', 'README.md']) expect(fs.existsSync(path.join(dir, f))).toBe(true);
  });
});
