import { gql, startTestServer, TestServer } from '../helpers/test-server';

/**
 * The Table of Drugs and Chemicals, the Neoplasm table and the External Cause index
 * (src/ingest/names/icd10cm-tables.ts, icd10cm-eindex.ts) as loaded by the test set-up:
 * their names are in the graph, and real queries reach the codes those files give
 * (checked in the official files first: Acetaminophen poisoning accidental T39.1X1-,
 * Neoplasm lung malignant primary C34.9-, Fall from ladder W11, Bite dog W54.0).
 */
const SEARCH = `query Search($q: String!) {
  search(query: $q, first: 10) { edges { matchedName { text kind source see } node { system code } } }
}`;
const SUGGEST = `query Suggest($p: String!) { suggest(prefix: $p, first: 10) { text codes } }`;

type Edge = { matchedName: { text: string; kind: string; source: string | null; see: string | null } | null; node: { system: string; code: string } };

jest.setTimeout(30000);

describe('search reaches the codes of the drug, neoplasm and external-cause tables', () => {
  let t: TestServer;
  const edges = async (q: string): Promise<Edge[]> => {
    const r = await gql(t.url, SEARCH, { q });
    expect(r.errors).toBeUndefined();
    return r.data!.search.edges;
  };

  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('loaded the three files as names of existing codes, with their kinds and sources', async () => {
    const rows = await t.db.read<{ kind: string; source: string; n: number }>(
      "MATCH (n:Name)-[:NAME_OF]->(:Code {system: 'ICD10CM'}) WHERE n.kind IN ['DRUG', 'NEOPLASM', 'EXTERNAL_CAUSE'] RETURN n.kind AS kind, n.source AS source, count(*) AS n ORDER BY kind",
    );
    expect(rows.map((r) => [r.kind, r.source])).toEqual([
      ['DRUG', 'icd-10-cm-drug-2025.xml.gz'],
      ['EXTERNAL_CAUSE', 'icd-10-cm-eindex-2025.xml.gz'],
      ['NEOPLASM', 'icd-10-cm-neoplasm-2025.xml.gz'],
    ]);
    expect(rows.map((r) => r.n)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(rows[0]!.n).toBeGreaterThan(35000);
    expect(rows[1]!.n).toBeGreaterThan(6000);
    expect(rows[2]!.n).toBeGreaterThan(8000);
    const [acet] = await t.db.read<{ code: string }>("MATCH (n:Name {kind: 'DRUG'})-[:NAME_OF]->(c:Code) WHERE n.text = 'Adverse effect of Acetaminophen' RETURN c.code AS code");
    expect(acet).toEqual({ code: 'T39.1X5' });
  });

  it.each([
    ['acetaminophen poisoning', /^T39\.1X1/, 'DRUG'],
    ['adverse effect of acetaminophen', /^T39\.1X5/, 'DRUG'],
    ['lung cancer', /^C34/, 'NEOPLASM'],
    ['neoplasm of lung, malignant primary', /^C34\.9/, 'NEOPLASM'],
    // the title "Fall on and from ladder" already says it all: any explanation will do
    ['fall from ladder', /^W11/, null],
    ['dog bite', /^W54\.0/, 'EXTERNAL_CAUSE'],
  ])('"%s" finds %s in the top 5 (a name of kind %s among the top hits, where given)', async (q, code, kind) => {
    const top = (await edges(q)).slice(0, 5);
    const hit = top.find((e) => e.node.system === 'ICD10CM' && code.test(e.node.code));
    expect({ q, top: top.map((e) => e.node.code), found: hit?.node.code ?? null }).toEqual({ q, top: expect.any(Array), found: expect.stringMatching(code) });
    // where no title holds the words, the new names are what found them
    if (kind) expect(top.some((e) => e.matchedName?.kind === kind)).toBe(true);
  });

  it('explains a brand name through its see-reference (Aleve, see Naproxen)', async () => {
    const hit = (await edges('aleve poisoning')).find((e) => e.matchedName?.kind === 'DRUG');
    expect(hit?.node.code).toMatch(/^T39\.31/);
    expect(hit?.matchedName).toMatchObject({ see: 'Naproxen', source: 'icd-10-cm-drug-2025.xml.gz' });
  });

  it('completes substances and neoplasm sites', async () => {
    for (const [p, want] of [
      ['acetamin', 'acetaminophen'],
      ['neoplasm lu', 'neoplasm of lung'],
      // the index drops "of": typed as written, the stop word must not be required (planSuggest)
      ['neoplasm of lu', 'neoplasm of lung'],
    ] as const) {
      const r = await gql(t.url, SUGGEST, { p });
      expect(r.errors).toBeUndefined();
      expect((r.data!.suggest as { text: string }[]).map((s) => s.text.toLowerCase())).toContain(want);
    }
  });
});
