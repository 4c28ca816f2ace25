import fs from 'node:fs';
import path from 'node:path';
import { gql, startTestServer, TestServer } from '../helpers/test-server';

const OPS_DIR = path.resolve(__dirname, '../../examples/operations');
const op = (file: string) => fs.readFileSync(path.join(OPS_DIR, file), 'utf8');

describe('graph API through HTTP', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the whole seed code page in one request with every field (examples/operations/code-page.graphql)', async () => {
    const r = await gql(t.url, op('code-page.graphql'));
    expect(r.errors).toBeUndefined();
    const c = r.data!.code;
    expect(c.code).toBe('00300');
    for (const k of ['indications', 'preparation', 'steps', 'settings', 'personnel', 'risks', 'benefits', 'recovery', 'alternatives', 'bodyRegions', 'similarCodes']) {
      expect({ k, n: c[k].length > 0 }).toEqual({ k, n: true });
    }
    expect(c.risks.some((x: { risk: { diagnosisCodes: { code: string }[] } }) => x.risk.diagnosisCodes.some((d) => d.code === 'R42'))).toBe(true);
  });

  it('explains similar codes for 00300: shared risks and regions, scores best first', async () => {
    const r = await gql(t.url, op('similar-codes.graphql'), { first: 10 });
    expect(r.errors).toBeUndefined();
    const sims = r.data!.code.similarCodes as { score: number; listed: boolean; code: { code: string }; sharedRisks: { name: string }[]; sharedBodyRegions: { name: string }[] }[];
    expect(sims.length).toBe(10);
    expect(sims.every((s) => s.code.code !== '00300')).toBe(true);
    expect(sims.every((s) => s.score > 0 && s.score <= 1)).toBe(true);
    const unlisted = sims.filter((s) => !s.listed).map((s) => s.score);
    expect(unlisted).toEqual([...unlisted].sort((a, b) => b - a));
    expect(sims[0]!.sharedRisks.length).toBeGreaterThan(2);
    expect(sims.some((s) => s.sharedBodyRegions.length > 0)).toBe(true);
  });

  it('puts listed similar codes first, across systems', async () => {
    const [row] = await t.db.read<{ system: string; code: string; n: number }>(
      'MATCH (a:Code)-[:SIMILAR_TO]->(b:Code) WITH a, count(b) AS n WHERE n >= 2 RETURN a.system AS system, a.code AS code, n ORDER BY n DESC, code LIMIT 1',
    );
    const r = await gql(t.url, op('similar-codes.graphql'), { system: row!.system, code: row!.code, first: 20 });
    const sims = r.data!.code.similarCodes as { listed: boolean; code: { system: string } }[];
    const listed = sims.filter((s) => s.listed);
    expect(listed.length).toBe(row!.n);
    expect(sims.slice(0, listed.length)).toEqual(listed);
  });

  it('finds codes sharing complications, most shared first, and the most shared risks overall', async () => {
    const r = await gql(t.url, op('shared-complications.graphql'), { minShared: 3, first: 10 });
    expect(r.errors).toBeUndefined();
    const matches = r.data!.code.codesSharingRisks as { sharedRisks: unknown[]; code: { system: string } }[];
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.every((m) => m.sharedRisks.length >= 3)).toBe(true);
    const sizes = matches.map((m) => m.sharedRisks.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(new Set(matches.map((m) => m.code.system)).size).toBeGreaterThan(1);
    const risks = r.data!.risks.edges as { codeCount: number; node: { codes: { totalCount: number } } }[];
    const counts = risks.map((e) => e.codeCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const e of risks) expect(e.node.codes.totalCount).toBe(e.codeCount);
  });

  it('filters Risk.codes by frequency', async () => {
    const r = await gql(
      t.url,
      `{ risks(first: 1) { edges { codeCount node { all: codes { totalCount } common: codes(frequency: COMMON) { totalCount } rare: codes(frequency: RARE) { totalCount } } } } }`,
    );
    const n = r.data!.risks.edges[0].node;
    expect(n.common.totalCount + n.rare.totalCount).toBeGreaterThanOrEqual(n.all.totalCount);
    expect(n.common.totalCount).toBeLessThanOrEqual(n.all.totalCount);
  });

  it('browses body regions as a tree; codes include sub-regions unless asked not to', async () => {
    const r = await gql(t.url, op('region-browser.graphql').split('query RegionCodes')[0]!);
    expect(r.errors).toBeUndefined();
    const top = r.data!.bodyRegions as { id: string; name: string; codes: { totalCount: number }; children: { id: string; name: string; codes: { totalCount: number } }[] }[];
    const trunk = top.find((x) => x.name === 'Trunk')!;
    expect(trunk).toBeDefined();
    expect(trunk.children.map((c) => c.name)).toContain('Back');
    const back = trunk.children.find((c) => c.name === 'Back')!;
    expect(back.codes.totalCount).toBeGreaterThan(0);
    expect(trunk.codes.totalCount).toBeGreaterThanOrEqual(back.codes.totalCount);
    const withSubs = await gql(t.url, op('region-browser.graphql').replace(/^[\s\S]*?(query RegionCodes)/, '$1'), { id: trunk.id, first: 100 });
    const without = await gql(t.url, op('region-browser.graphql').replace(/^[\s\S]*?(query RegionCodes)/, '$1'), { id: trunk.id, includeSubRegions: false, first: 100 });
    expect(withSubs.errors).toBeUndefined();
    expect(withSubs.data!.node.codes.totalCount).toBe(trunk.codes.totalCount);
    expect(without.data!.node.codes.totalCount).toBeLessThan(withSubs.data!.node.codes.totalCount);
    const backCodes = await gql(t.url, op('region-browser.graphql').replace(/^[\s\S]*?(query RegionCodes)/, '$1'), { id: back.id });
    const inBack = backCodes.data!.node.codes.edges.map((e: { node: { code: string } }) => e.node.code);
    expect(inBack).toContain('00300');
    expect(backCodes.data!.node.parent.name).toBe('Trunk');
  });

  it('pages connections with cursors', async () => {
    const q = `query($after: String) { risks(first: 1) { edges { node { codes(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } } } } }`;
    const p1 = (await gql(t.url, q)).data!.risks.edges[0].node.codes;
    const p2 = (await gql(t.url, q, { after: p1.pageInfo.endCursor })).data!.risks.edges[0].node.codes;
    const all = (await gql(t.url, q.replace('first: 3', 'first: 6'))).data!.risks.edges[0].node.codes;
    expect([...p1.edges, ...p2.edges]).toEqual(all.edges);
  });

  it('walks the hierarchy of M62.830 up to its chapter', async () => {
    const r = await gql(t.url, `{ code(system: ICD10CM, code: "m62830") { code title billable parent { code } ancestors { code title billable } } }`);
    const c = r.data!.code;
    expect(c.code).toBe('M62.830');
    expect(c.parent.code).toBe('M62.83');
    const codes = c.ancestors.map((a: { code: string }) => a.code);
    expect(codes.slice(-3)).toEqual(['M62', 'M62.8', 'M62.83']);
    expect(codes).toEqual(expect.arrayContaining(['M62', 'M62.8', 'M62.83', 'M60-M63']));
    expect(codes[0]).toBe('M00-M99');
    expect(c.ancestors[0].title).toMatch(/musculoskeletal/i);
    expect(c.ancestors.every((a: { billable: boolean }) => !a.billable)).toBe(true);
    const kids = await gql(t.url, `{ code(system: ICD10CM, code: "M62.83") { children { code } } }`);
    expect(kids.data!.code.children.map((k: { code: string }) => k.code)).toEqual(['M62.830', 'M62.831', 'M62.838']);
  });

  it('refetches any node by its global id', async () => {
    const r = await gql(t.url, `{ code(system: CPT, code: "00300") { id risks { risk { id name } } bodyRegions { id name } settings { id } personnel { id } indications { id } } }`);
    const c = r.data!.code;
    const ids = [c.id, c.risks[0].risk.id, c.bodyRegions[0].id, c.settings[0].id, c.personnel[0].id, c.indications[0].id];
    for (const id of ids) {
      const n = await gql(t.url, `query($id: ID!) { node(id: $id) { id __typename } }`, { id });
      expect(n.data!.node.id).toBe(id);
    }
    // An id built by hand with the published (dotted, lower-case) code names the same code.
    const handMade = Buffer.from('Code:icd10cm:m62.830').toString('base64url');
    const m = await gql(t.url, `query($id: ID!) { node(id: $id) { ... on Code { system code } } }`, { id: handMade });
    expect(m.data!.node).toEqual({ system: 'ICD10CM', code: 'M62.830' });
    const bad = await gql(t.url, `{ node(id: "not-an-id!") { id } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    const missing = await gql(t.url, `{ code(system: ICD10CM, code: "Z99.999") { id } }`);
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.code).toBeNull();
  });

  it('bounds the neighbourhood and flags truncation', async () => {
    const id = (await gql(t.url, `{ code(system: CPT, code: "00300") { id } }`)).data!.code.id;
    const one = await gql(t.url, op('neighborhood.graphql'), { id, depth: 1, limit: 200 });
    expect(one.errors).toBeUndefined();
    const g = one.data!.neighborhood;
    expect(g.nodes.length).toBeGreaterThan(10);
    expect(g.nodes[0]).toMatchObject({ id, label: 'Code' });
    const ids = new Set(g.nodes.map((n: { id: string }) => n.id));
    for (const e of g.edges) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
    }
    expect(g.edges.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['HAS_RISK', 'TARGETS', 'PERFORMED_BY']));
    const small = await gql(t.url, op('neighborhood.graphql'), { id, depth: 3, limit: 25 });
    expect(small.data!.neighborhood.nodes).toHaveLength(25);
    expect(small.data!.neighborhood.truncated).toBe(true);
    const zero = await gql(t.url, op('neighborhood.graphql'), { id, depth: 0, limit: 10 });
    expect(zero.data!.neighborhood).toMatchObject({ nodes: [{ id }], edges: [], truncated: false });
    const tooDeep = await gql(t.url, op('neighborhood.graphql'), { id, depth: 9 });
    expect(tooDeep.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'depth' });
  });

  it('runs every example operation without errors', async () => {
    const id = (await gql(t.url, `{ code(system: CPT, code: "00300") { id } }`)).data!.code.id;
    const region = (await gql(t.url, `{ bodyRegions { id } }`)).data!.bodyRegions[0].id;
    for (const file of fs.readdirSync(OPS_DIR)) {
      const text = op(file);
      const names = [...text.matchAll(/^query (\w+)/gm)].map((m) => m[1]!);
      for (const name of names) {
        const r = await fetch(t.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: text, operationName: name, variables: { id: name === 'RegionCodes' ? region : id } }),
        });
        const body = (await r.json()) as { errors?: unknown };
        expect({ file, name, errors: body.errors }).toEqual({ file, name, errors: undefined });
      }
    }
  });
});

describe('hub terms: a risk on thousands of pages', () => {
  // A risk such as "Bleeding" can be on most pages. In similar codes and codes sharing risks
  // a term on more than 2,000 codes proposes no candidates (reading any 2,000 of them would be
  // an arbitrary, plan-dependent pick), so a hub costs nothing to read; the codes that share
  // the rarer risks must still be found, first, with the hub counted among their shared risks.
  // The two partners are the first and the last code linked to the hub, so an answer that
  // depended on which end of the hub's relationships a read starts from would miss one.
  const HUB = 2600;
  const key = (i: number) => `ZZZ${String(i).padStart(4, '0')}`;
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await t.db.write(
      `CREATE (hub:Risk {key: 'test-hub-risk', name: 'Test hub risk', curated: false}),
              (r1:Risk {key: 'test-rare-risk-1', name: 'Test rare risk 1', curated: false}),
              (r2:Risk {key: 'test-rare-risk-2', name: 'Test rare risk 2', curated: false})
       WITH hub, r1, r2
       UNWIND range(0, $hub) AS i
       WITH hub, r1, r2, i, 'ZZZ' + right('000' + toString(i), 4) AS k
       CREATE (c:Code {system: 'ICD10PCS', codeKey: k, code: k, sortKey: k, listKey: 'ICD10PCS|' + k, title: 'Test hub code ' + k, level: 'code', billable: true, active: true, hasPage: true, stub: false, seq: 900000 + i})
       CREATE (c)-[:HAS_RISK {rank: 0, frequency: 'COMMON', text: 'hub'}]->(hub)
       FOREACH (_ IN CASE WHEN i IN [0, 1, $hub] THEN [1] ELSE [] END |
         CREATE (c)-[:HAS_RISK {rank: 1, frequency: 'RARE', text: 'rare 1'}]->(r1)
         CREATE (c)-[:HAS_RISK {rank: 2, frequency: 'RARE', text: 'rare 2'}]->(r2))`,
      { hub: HUB },
    );
  });
  afterAll(async () => {
    await t.db.write(`MATCH (c:Code {system: 'ICD10PCS'}) WHERE c.codeKey STARTS WITH 'ZZZ' DETACH DELETE c`);
    await t.db.write(`MATCH (r:Risk) WHERE r.key STARTS WITH 'test-' AND (r.key CONTAINS 'hub' OR r.key CONTAINS 'rare') DETACH DELETE r`);
    await t.close();
  });

  it('finds the codes sharing the rare risks, with all three shared, and proposes none through the hub alone', async () => {
    const r = await gql(
      t.url,
      `query($code: String!) { code(system: ICD10PCS, code: $code) {
      codesSharingRisks(first: 5) { code { code } sharedRisks { name } }
      similarCodes(first: 3) { code { code } score sharedRisks { name } } } }`,
      { code: key(0) },
    );
    expect(r.errors).toBeUndefined();
    const sharing = r.data!.code.codesSharingRisks;
    expect(sharing.map((s: { code: { code: string } }) => s.code.code)).toEqual([key(1), key(HUB)]);
    for (const s of sharing) expect(s.sharedRisks.map((x: { name: string }) => x.name).sort()).toEqual(['Test hub risk', 'Test rare risk 1', 'Test rare risk 2']);
    const similar = r.data!.code.similarCodes;
    expect(similar.map((s: { code: { code: string } }) => s.code.code)).toEqual([key(1), key(HUB)]);
    for (const s of similar) expect(s.sharedRisks).toHaveLength(3);
    // a code sharing only the hub is not proposed: it asks for 3, the graph gives 2
    const onlyHub = await gql(t.url, `{ code(system: ICD10PCS, code: "${key(7)}") { codesSharingRisks(first: 5) { code { code } } } }`);
    expect(onlyHub.errors).toBeUndefined();
    expect(onlyHub.data!.code.codesSharingRisks).toEqual([]);
  });

  it('lists the codes of a hub term in code order by walking the index, with the same answer as sorting them', async () => {
    // With LIST_HUB_DEGREE=1000 the hub (2,601 codes) takes the index walk; the rare risk (3) is sorted.
    const hubServer = await startTestServer({ LIST_HUB_DEGREE: '1000' });
    try {
      const q = `query($first: Int, $after: String, $frequency: RiskFrequency) { code(system: ICD10PCS, code: "${key(0)}") { risks { risk { name
        codes(first: $first, after: $after, frequency: $frequency) { totalCount pageInfo { endCursor } edges { node { code } } } } } } }`;
      const codesOf = async (url: string, vars: Record<string, unknown>) => {
        const r = await gql(url, q, vars);
        expect(r.errors).toBeUndefined();
        return r.data!.code.risks.map((x: { risk: { name: string } }) => x.risk).find((x: { name: string }) => x.name === 'Test hub risk').codes;
      };
      const expected = (await t.db.read<{ k: string }>(`MATCH (:Risk {key: 'test-hub-risk'})<-[:HAS_RISK]-(c:Code) RETURN c.codeKey AS k ORDER BY c.system, c.sortKey`)).map((x) => x.k);
      expect(expected).toHaveLength(HUB + 1);
      const walked = await codesOf(hubServer.url, { first: 7 });
      const sorted = await codesOf(t.url, { first: 7 });
      expect(walked.totalCount).toBe(HUB + 1);
      expect(walked.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(expected.slice(0, 7));
      expect(walked).toEqual(sorted);
      const next = await codesOf(hubServer.url, { first: 7, after: walked.pageInfo.endCursor });
      expect(next.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(expected.slice(7, 14));
      // The frequency filter applies on the walk too (every hub link is COMMON).
      const rare = await codesOf(hubServer.url, { first: 7, frequency: 'RARE' });
      expect(rare).toMatchObject({ totalCount: 0, edges: [] });
      const common = await codesOf(hubServer.url, { first: 3, frequency: 'COMMON' });
      expect(common.totalCount).toBe(HUB + 1);
      expect(common.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(expected.slice(0, 3));
    } finally {
      await hubServer.close();
    }
  }, 60000);
});

describe('no N+1: Bolt round trips per request do not grow with the number of codes', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('a code page is one statement, with the same answer as the per-field loaders', async () => {
    // The code, its page links with the level below them, ancestors, stored similar codes and
    // codes sharing risks: one statement built from the selection (code-page.query.ts).
    const off = await startTestServer({ LOADER_BATCHING: 'false' });
    try {
      for (const code of ['00300', '01400', '01961']) {
        const r = await gql(t.url, op('code-page.graphql'), { system: 'CPT', code });
        expect(r.errors).toBeUndefined();
        expect(r.extensions!.boltQueries).toBe(1);
        // Without batching nothing is compiled: one query per field, the same data.
        const slow = await gql(off.url, op('code-page.graphql'), { system: 'CPT', code });
        expect(slow.extensions!.boltQueries).toBeGreaterThan(10);
        expect(r.data).toEqual(slow.data);
        expect(r.data!.code.similarCodes.length).toBeGreaterThan(0);
      }
      // Aliases with different arguments, and a listed code's page text (one batch more).
      const q = `{ code(system: CPT, code: "00300") { a: similarCodes(first: 3) { code { code } } b: similarCodes(first: 7) { score code { code summary } }
                   c: codesSharingRisks(minShared: 3, first: 5) { code { code } } d: codesSharingRisks { code { code } } } }`;
      const fast = await gql(t.url, q);
      const slow = await gql(off.url, q);
      expect(fast.errors).toBeUndefined();
      expect(fast.data).toEqual(slow.data);
      expect(fast.data!.code.b).toHaveLength(7);
      expect(fast.extensions!.boltQueries).toBeLessThanOrEqual(2);
      // The depth-3 walk of the benchmark (W4): risks, 20 codes of each, their regions.
      const walk = fs.readFileSync(path.resolve(__dirname, '../../bench/workloads/w4-walk.ours.graphql'), 'utf8');
      for (const code of ['00300', '01961']) {
        const w = await gql(t.url, walk, { system: 'CPT', code });
        expect(w.errors).toBeUndefined();
        expect(w.extensions!.boltQueries).toBe(1);
        const slow = await gql(off.url, walk, { system: 'CPT', code });
        expect(w.data).toEqual(slow.data);
        const first = w.data!.code.risks[0].risk.codes;
        expect(first.edges.length).toBeGreaterThan(1);
        expect(first.edges.some((e: { node: { bodyRegions: unknown[] } }) => e.node.bodyRegions.length > 0)).toBe(true);
      }
    } finally {
      await off.close();
    }
  }, 60000);

  it('reads the next level with the page links only when asked, through fragments too, with the same answer', async () => {
    const NESTED = `fragment R on CodeRisk { risk { name diagnosisCodes { code title } } }
      query($code: String!) { code(system: CPT, code: $code) { risks { ...R } indications { ... on Indication { diagnosisCodes { code } } } bodyRegions { name parent { name } } alternatives { name code { code title summary } } } }`;
    const FLAT = `query($code: String!) { code(system: CPT, code: $code) { risks { risk { name } } indications { text } bodyRegions { name } alternatives { name } } }`;
    const off = await startTestServer({ LOADER_BATCHING: 'false' });
    try {
      for (const code of ['00300', '00402', '01400', '01961']) {
        const nested = await gql(t.url, NESTED, { code });
        const flat = await gql(t.url, FLAT, { code });
        expect(nested.errors).toBeUndefined();
        // one statement holds the code, its links and the next level: nothing more
        expect(nested.extensions!.boltQueries).toBe(1);
        expect(flat.extensions!.boltQueries).toBe(1);
        // one query per field and per nested list without batching: the same data, read the slow way
        const slow = await gql(off.url, NESTED, { code });
        expect(slow.extensions!.boltQueries).toBeGreaterThan(4);
        expect(nested.data).toEqual(slow.data);
      }
      const sample = (await gql(t.url, NESTED, { code: '00300' })).data!.code;
      expect(sample.risks.some((r: { risk: { diagnosisCodes: unknown[] } }) => r.risk.diagnosisCodes.length > 0)).toBe(true);
      expect(sample.bodyRegions.some((b: { parent: unknown }) => b.parent !== null)).toBe(true);
    } finally {
      await off.close();
    }
  });

  it('a search page of 20 hits with their risks costs the same as one of 5', async () => {
    const q = `query($first: Int) { search(query: "anesthesia", first: $first) { edges { node { code risks { frequency risk { name } } bodyRegions { name } personnel { name } } } } }`;
    const five = await gql(t.url, q, { first: 5 });
    const twenty = await gql(t.url, q, { first: 20 });
    expect(twenty.data!.search.edges).toHaveLength(20);
    expect(twenty.extensions!.boltQueries).toBe(five.extensions!.boltQueries);
    expect(twenty.extensions!.boltQueries).toBeLessThanOrEqual(4);
  });

  it('a depth-3 nested query costs one query per level', async () => {
    const q = `query($first: Int) { risks(first: $first) { edges { node { name codes(first: 10) { edges { node { code bodyRegions { name codes(first: 5) { edges { node { code personnel { name } } } } } } } } } } } }`;
    const small = await gql(t.url, q, { first: 2 });
    const large = await gql(t.url, q, { first: 10 });
    expect(large.errors).toBeUndefined();
    // one query per level at most (fewer when a level's codes were already loaded: DataLoader cache)
    expect(large.extensions!.boltQueries).toBeLessThanOrEqual(small.extensions!.boltQueries);
    expect(small.extensions!.boltQueries).toBeLessThanOrEqual(5);
  });

  it('page text of codes in a list is read on demand, in one batch, and equals the page itself', async () => {
    const PAGE = 'summary purpose preparation steps duration { text minMinutes maxMinutes } settingText riskManagement benefits recovery patientExperience fullName';
    const listed = await gql(t.url, `{ search(query: "anesthesia", systems: [CPT], first: 20) { edges { node { system code hasPage ${PAGE} } } } }`);
    const titlesOnly = await gql(t.url, `{ search(query: "anesthesia", systems: [CPT], first: 20) { edges { node { system code hasPage } } } }`);
    expect(listed.errors).toBeUndefined();
    const nodes = listed.data!.search.edges.map((e: { node: Record<string, unknown> }) => e.node);
    const withPage = nodes.filter((n: { hasPage: boolean }) => n.hasPage);
    expect(withPage.length).toBeGreaterThan(5);
    // All those codes' page text costs one query more than their titles, however many there are.
    expect(listed.extensions!.boltQueries).toBe(titlesOnly.extensions!.boltQueries + 1);
    for (const n of withPage.slice(0, 5)) {
      const one = await gql(t.url, `query($code: String!) { code(system: CPT, code: $code) { system code hasPage ${PAGE} } }`, { code: n.code });
      expect(one.data!.code).toEqual(n);
      expect(n.summary).toEqual(expect.any(String));
      expect(n.steps.length).toBeGreaterThan(0);
    }
  });

  it('with batching off (benchmark switch) the same request needs many more queries', async () => {
    const off = await startTestServer({ LOADER_BATCHING: 'false' });
    try {
      const q = `{ search(query: "anesthesia", first: 20) { edges { node { code risks { risk { name } } } } } }`;
      const r = await gql(off.url, q);
      expect(r.extensions!.boltQueries).toBeGreaterThan(15);
    } finally {
      await off.close();
    }
  });
});
