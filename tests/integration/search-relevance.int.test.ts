import fs from 'node:fs';
import path from 'node:path';
import { evaluate, figures, parseQueries, report, type Hit } from '../../bench/relevance/relevance';
import { gql, startTestServer, TestServer } from '../helpers/test-server';

/**
 * Quality floor on the public relevance set (bench/relevance/queries.tsv): a little under
 * what the search reaches (README "Search"), so a change that makes search worse fails CI.
 * Not a timing test.
 */
const FLOOR = { s1: 0.84, s5: 0.92, s10: 0.94, mrr10: 0.87, heldOutS10: 0.93 };

const QUERY = 'query R($q: String!) { search(query: $q, first: 10) { edges { node { system code title } } } }';

describe('relevance floor on the public query set', () => {
  let t: TestServer;
  beforeAll(async () => {
    // quality, not speed: a generous per-query deadline so a loaded machine cannot fail it
    t = await startTestServer({ NEO4J_QUERY_TIMEOUT_MS: '20000' });
  });
  afterAll(async () => {
    await t.close();
  });

  it(`stays above success@1 ${FLOOR.s1}, @5 ${FLOOR.s5}, @10 ${FLOOR.s10}, MRR@10 ${FLOOR.mrr10}`, async () => {
    const file = path.resolve(__dirname, '../../bench/relevance/queries.tsv');
    const queries = parseQueries(fs.readFileSync(file, 'utf8'), 'bench/relevance/queries.tsv');
    expect(queries.length).toBeGreaterThanOrEqual(200);
    const outcomes = await evaluate(
      queries,
      async (q): Promise<Hit[]> => {
        const r = await gql(t.url, QUERY, { q });
        expect(r.errors).toBeUndefined();
        return (r.data!.search.edges as { node: { system: string; code: string; title: string } }[]).map((e) => ({
          system: e.node.system,
          codeKey: e.node.code.replace(/\./g, ''),
          code: e.node.code,
          title: e.node.title,
        }));
      },
      1,
    );
    const all = figures(outcomes);
    const heldOut = figures(outcomes.filter((o) => o.query.heldOut));
    process.stderr.write(`${report(outcomes, 10)}\n`);
    expect(all.s1).toBeGreaterThanOrEqual(FLOOR.s1);
    expect(all.s5).toBeGreaterThanOrEqual(FLOOR.s5);
    expect(all.s10).toBeGreaterThanOrEqual(FLOOR.s10);
    expect(all.mrr10).toBeGreaterThanOrEqual(FLOOR.mrr10);
    expect(heldOut.s10).toBeGreaterThanOrEqual(FLOOR.heldOutS10);
  }, 900000);
});
