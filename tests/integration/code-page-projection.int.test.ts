import fs from 'node:fs';
import path from 'node:path';
import { gql, startTestServer, TestServer } from '../helpers/test-server';

const ROOT = path.resolve(__dirname, '../..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');

/**
 * The code-page statement returns only the properties the operation asks for
 * (src/modules/code/code-page.fields.ts). Whatever the operation mixes, the answer must be
 * the one the per-field loaders give (batching off: nothing compiled, whole nodes read).
 */
describe('code-page statement projections', () => {
  let fast: TestServer;
  let slow: TestServer;
  beforeAll(async () => {
    fast = await startTestServer();
    slow = await startTestServer({ LOADER_BATCHING: 'false' });
  });
  afterAll(async () => {
    await fast.close();
    await slow.close();
  });

  it('answers the benchmark workloads W1, W3, W4 as the loaders do, in one statement', async () => {
    for (const file of ['examples/operations/code-page.graphql', 'bench/workloads/w3-similar.ours.graphql', 'bench/workloads/w4-walk.ours.graphql']) {
      for (const code of ['00300', '01961']) {
        const a = await gql(fast.url, read(file), { system: 'CPT', code });
        const b = await gql(slow.url, read(file), { system: 'CPT', code });
        expect({ file, errors: a.errors }).toEqual({ file, errors: undefined });
        expect(a.extensions!.boltQueries).toBe(1);
        expect(a.data).toEqual(b.data);
      }
    }
  }, 60000);

  it('two aliases of one code with different fields, a node refetch and a list row asking page text all get every field they ask', async () => {
    const first = await gql(fast.url, '{ code(system: CPT, code: "00300") { id alternatives { code { id } } similarCodes(first: 5) { code { id } } } }');
    const altId = first.data!.code.alternatives.find((a: { code: unknown }) => a.code)?.code.id as string | undefined;
    const simId = first.data!.code.similarCodes[0].code.id as string;
    const q = `query($id: ID!, $sim: ID!) {
      a: code(system: CPT, code: "00300") { title similarCodes(first: 5) { code { code } } risks { risk { name } } }
      b: code(system: CPT, code: "00300") { summary commonName shortTitle duration { text minMinutes }
           similarCodes(first: 5) { hierarchyDistance sharedRisks { name synonyms curated } sharedPersonnel { id name } sharedSettings { name } code { title billable active summary } }
           risks { text risk { id synonyms curated } } indications { text } policies { title payer url } bodyRegions { synonyms parent { name } } }
      n: node(id: $id) { id ... on Code { purpose steps title } }
      s: node(id: $sim) { ... on Code { code summary addedDate } }
    }`;
    const vars = { id: altId ?? simId, sim: simId };
    const a = await gql(fast.url, q, vars);
    const b = await gql(slow.url, q, vars);
    expect(a.errors).toBeUndefined();
    expect(a.data).toEqual(b.data);
    // The projections really carry the optional properties asked for (not only nulls).
    expect(a.data!.b.risks.some((r: { risk: { synonyms: string[] } }) => r.risk.synonyms.length > 0)).toBe(true);
    expect(a.data!.b.summary).toEqual(expect.any(String));
    expect(a.data!.n.title).toEqual(expect.any(String));
  }, 60000);
});
