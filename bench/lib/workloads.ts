/**
 * The workloads: what each contender is asked, per workload (request bodies that the load
 * loop cycles through), and the parameters drawn from the data. See bench/README.md "Workloads".
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { planSearch, planSuggest, tokenize } from '../../src/modules/search/lucene-query';
import { mulberry32, shuffle } from './prng';
import type { ContenderId } from './contenders';

export const BENCH = path.resolve(__dirname, '..');
export const ROOT = path.resolve(BENCH, '..');

export type WorkloadId = 'w1' | 'w2' | 'w3' | 'w4' | 'w6';

/** Every workload `--workloads` accepts, in report order. */
export const WORKLOADS: { id: WorkloadId; name: string }[] = [
  { id: 'w1', name: 'W1 full code page' },
  { id: 'w2', name: 'W2 search-as-you-type' },
  { id: 'w3', name: 'W3 similar + shared risks' },
  { id: 'w4', name: 'W4 depth-3 walk' },
  { id: 'w6', name: 'W6 autocomplete (suggest)' },
];

export const isWorkloadId = (s: string): s is WorkloadId => WORKLOADS.some((w) => w.id === s);

const read = (p: string) => fs.readFileSync(p, 'utf8');

export interface CodeParam {
  system: string;
  code: string;
  codeKey: string;
}

export interface WorkloadParams {
  pages: CodeParam[];
  sharing: CodeParam[];
}

/** Codes the code workloads ask for, drawn from the data (deterministic order). */
export async function drawParams(driver: Driver, seed: number): Promise<WorkloadParams> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    // sharing = paths (c)-[:HAS_RISK]->(r)<-[:HAS_RISK]-(other), counted from each risk's
    // degree (a constant-time lookup) rather than by walking them: on the 1M graph a popular
    // risk has ~100k codes, and walking 5,000 codes' paths ran past the transaction timeout.
    const res = await session.run(
      `MATCH (c:Code {hasPage: true}) WITH c ORDER BY c.system, c.codeKey LIMIT 5000
       RETURN c.system AS system, c.code AS code, c.codeKey AS codeKey,
              reduce(n = 0, d IN COLLECT { MATCH (c)-[:HAS_RISK]->(r:Risk) RETURN COUNT { (r)<-[:HAS_RISK]-() } - 1 } | n + d) AS sharing`,
    );
    const rows = res.records.map((r) => ({
      system: r.get('system') as string,
      code: r.get('code') as string,
      codeKey: r.get('codeKey') as string,
      sharing: neo4j.integer.toNumber(r.get('sharing') as number),
    }));
    if (rows.length === 0) throw new Error('no code with a page in the database: nothing to benchmark W1/W3/W4 on');
    const rnd = mulberry32(seed);
    const pages = shuffle(rows, rnd).slice(0, 200);
    const sharing = [...rows].sort((a, b) => b.sharing - a.sharing || a.codeKey.localeCompare(b.codeKey)).slice(0, Math.max(10, Math.min(50, Math.floor(rows.length / 10))));
    const strip = ({ system, code, codeKey }: CodeParam) => ({ system, code, codeKey });
    return { pages: pages.map(strip), sharing: sharing.map(strip) };
  } finally {
    await session.close();
  }
}

export function searchQueries(): string[] {
  return read(path.join(BENCH, 'queries', 'search-queries.txt'))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

/**
 * What people type into an autocomplete box, letter by letter: every prefix of 2 to 10
 * characters of the words (3 letters or more, not codes) of the W2 queries, each once, in
 * the order the queries list them ("di", "dia", "diab", ... "diabetes").
 */
export function suggestPrefixes(queries: string[]): string[] {
  const out = new Set<string>();
  for (const q of queries) {
    for (const w of tokenize(q)) {
      if (w.length < 3 || /\d/.test(w)) continue;
      for (let n = 2; n <= Math.min(10, w.length); n++) out.add(w.slice(0, n));
    }
  }
  return [...out];
}

const gql = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
const floorBody = (w: WorkloadId, p: Record<string, unknown>) => JSON.stringify({ w, params: p });

/**
 * W2 and W6 bodies of our API only (bench/tools/search-load.ts drives one server with them).
 */
export function buildSearchBodies(w: 'w2' | 'w6'): string[] {
  const queries = searchQueries();
  if (w === 'w2') return queries.map((q) => gql(read(path.join(BENCH, 'workloads', 'w2-search.ours.graphql')), { q }));
  const op = read(path.join(BENCH, 'workloads', 'w6-suggest.ours.graphql'));
  return suggestPrefixes(queries).map((prefix) => gql(op, { prefix }));
}

/** Request bodies per workload and contender; a contender missing from a workload does not run it. */
export type Bodies = Record<WorkloadId, Partial<Record<ContenderId, string[]>>>;

/** The request bodies of each contender for each workload (autocannon cycles through them). */
export function buildBodies(params: WorkloadParams, queries: string[]): Bodies {
  const wl = (name: string) => read(path.join(BENCH, 'workloads', name));
  const ours = {
    w1: read(path.join(ROOT, 'examples', 'operations', 'code-page.graphql')),
    w2: wl('w2-search.ours.graphql'),
    w3: wl('w3-similar.ours.graphql'),
    w4: wl('w4-walk.ours.graphql'),
  };
  const lib = {
    w1: wl('w1-code-page.neo4j-graphql.graphql'),
    w2: wl('w2-search.neo4j-graphql.graphql'),
    w3: wl('w3-similar.neo4j-graphql.graphql'),
    w4: wl('w4-walk.neo4j-graphql.graphql'),
  };
  const floor = floorBody;
  const codeWorkload = (w: 'w1' | 'w3' | 'w4', list: CodeParam[]): Partial<Record<ContenderId, string[]>> => ({
    floor: list.map((p) => floor(w, { system: p.system, codeKey: p.codeKey })),
    ours: list.map((p) => gql(ours[w], { system: p.system, code: p.code })),
    'neo4j-graphql': list.map((p) => gql(lib[w], { system: p.system, codeKey: p.codeKey })),
    'ours-nobatch': list.map((p) => gql(ours[w], { system: p.system, code: p.code })),
  });
  const plans = queries.map((q) => {
    const plan = planSearch(q);
    // Same Lucene text for the floor and @neo4j/graphql: every word as a prefix, typo-tolerant when long enough.
    return { q, codeKey: plan.codeKey, lucene: plan.allFuzzy ?? plan.allWords };
  });
  return {
    w1: codeWorkload('w1', params.pages),
    w2: {
      floor: plans.map((p) => floor('w2', { codeKey: p.codeKey, lucene: p.lucene })),
      ours: plans.map((p) => gql(ours.w2, { q: p.q })),
      // A key that cannot match (and seeks the index) when the text cannot be a code.
      'neo4j-graphql': plans.map((p) => gql(lib.w2, { codeKey: p.codeKey ?? '#none#', phrase: p.lucene ?? '"#none#"' })),
      'ours-nobatch': plans.map((p) => gql(ours.w2, { q: p.q })),
      // W2 cold: our API with its result cache off, so no request is answered from a cache
      'ours-nocache': plans.map((p) => gql(ours.w2, { q: p.q })),
    },
    w3: codeWorkload('w3', params.sharing),
    w4: codeWorkload('w4', params.pages),
    w6: suggestBodies(queries),
  };
}

/** W6: ours (cache on and off) and the floor; @neo4j/graphql has no way to say this ordering (bench/README.md). */
function suggestBodies(queries: string[]): Partial<Record<ContenderId, string[]>> {
  const op = read(path.join(BENCH, 'workloads', 'w6-suggest.ours.graphql'));
  const prefixes = suggestPrefixes(queries);
  const ours = prefixes.map((prefix) => gql(op, { prefix }));
  return {
    floor: prefixes.map((prefix) => {
      const plan = planSuggest(prefix);
      return floorBody('w6', { words: plan.words, prefix: plan.prefix });
    }),
    ours,
    'ours-nobatch': ours,
    'ours-nocache': ours,
  };
}
