/**
 * npm run bench:relevance [-- --url http://127.0.0.1:4000/graphql] [--json out.json]
 *
 * Runs the public relevance set (bench/relevance/queries.tsv) through the search of a
 * running API (default: the one `npm start` serves) and prints success@1/@5/@10 and
 * MRR@10 overall, per category and for the held-out split, and the worst queries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { evaluate, figures, parseQueries, report, type Hit } from './relevance';

const QUERY = 'query Relevance($q: String!) { search(query: $q, first: 10) { edges { node { system code title } } } }';

async function main() {
  const opts = new Command()
    .option('--url <url>', 'GraphQL endpoint', process.env.GRAPHQL_URL ?? 'http://127.0.0.1:4000/graphql')
    .option('--file <file>', 'relevance set', path.join(__dirname, 'queries.tsv'))
    .option('--json <file>', 'also write every outcome as JSON')
    .parse()
    .opts<{ url: string; file: string; json?: string }>();
  const queries = parseQueries(fs.readFileSync(opts.file, 'utf8'), path.relative(process.cwd(), opts.file));
  const search = async (q: string): Promise<Hit[]> => {
    const res = await fetch(opts.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, variables: { q } }) });
    const body = (await res.json()) as { data?: { search: { edges: { node: { system: string; code: string; title: string } }[] } }; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`"${q}": ${body.errors[0]!.message}`);
    return body.data!.search.edges.map((e) => ({ system: e.node.system, codeKey: e.node.code.replace(/\./g, ''), code: e.node.code, title: e.node.title }));
  };
  const started = Date.now();
  const outcomes = await evaluate(queries, search);
  console.log(report(outcomes));
  const f = figures(outcomes);
  console.log(`\n${f.n} queries in ${((Date.now() - started) / 1000).toFixed(1)} s against ${opts.url}`);
  if (opts.json)
    fs.writeFileSync(
      opts.json,
      JSON.stringify(
        outcomes.map((o) => ({ category: o.query.category, query: o.query.query, heldOut: o.query.heldOut, rank: o.rank, top: o.top })),
        null,
        2,
      ),
    );
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
