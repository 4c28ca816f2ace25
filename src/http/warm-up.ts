import type { Logger } from 'pino';
import { exampleOperations } from './persisted-get';

/** Extra reads beyond the examples' defaults: a broader search, a code of each public system. */
const EXTRA: { query: string; variables?: Record<string, unknown> }[] = [
  { query: 'query WarmSearch($q: String!) { search(query: $q, first: 20) { totalCount bySystem { system count } edges { node { code title } } } }', variables: { q: 'fracture femur' } },
  { query: 'query WarmSearch($q: String!) { search(query: $q, first: 20) { totalCount edges { node { code title } } } }', variables: { q: 'anesthesia' } },
  { query: '{ a: code(system: ICD10CM, code: "R42") { title parent { title } } b: code(system: HCPCS, code: "J1100") { title } }' },
];

/** The parts of a GraphQL response the warm-up reads (ids for the operations that need one). */
type GqlResult = { data?: { code?: { id?: unknown } | null; bodyRegions?: { id?: unknown }[] | null }; errors?: unknown[] };

async function post(url: string, body: unknown): Promise<GqlResult> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as GqlResult;
}

/**
 * Warms Neo4j's page cache, its query plans and both JITs by running every example
 * operation (each operation of each file, with its default variables; ids taken from the
 * code page and the region tree), a few searches and codes, each until its time settles, through the
 * server's own HTTP endpoint, so the first client request after readiness costs what the
 * tenth does, within about `budgetMs`. Resolves with what it did; errors are counted, never thrown (warm-up is
 * best effort: a failing operation will fail for a client too and is logged there).
 */
export async function warmUp(graphqlUrl: string, logger: Logger, rounds = 3, budgetMs = 60000): Promise<{ ms: number; requests: number; errors: number }> {
  const t0 = performance.now();
  // Bounded: on a slow machine readiness waits at most about budgetMs for the warm-up.
  const over = () => performance.now() - t0 > budgetMs;
  let requests = 0;
  let errors = 0;
  const ids: Record<string, unknown> = {};
  const run = async (query: string, operationName?: string, variables: Record<string, unknown> = {}) => {
    if (over()) return {} as GqlResult;
    requests += 1;
    const r = await post(graphqlUrl, { query, operationName, variables }).catch(() => ({ errors: [1] }) as GqlResult);
    if (r.errors) errors += 1;
    return r;
  };
  // Each operation runs until its time settles (at least twice, at most `rounds` * 2 times):
  // the JVM compiles Cypher's hot paths after a few runs, and a cold page cache fills on the
  // first. The code page first: it is what a first visitor asks for.
  const order = (f: string) => (f === 'code-page.graphql' ? 0 : f === 'similar-codes.graphql' ? 1 : 2);
  const settle = async (query: string, operationName?: string, variables: Record<string, unknown> = {}) => {
    let best = Infinity;
    let r: GqlResult = {};
    for (let i = 0; i < rounds * 2 && !over(); i++) {
      const s0 = performance.now();
      r = await run(query, operationName, variables);
      const took = performance.now() - s0;
      if (i >= 1 && !r.errors && took <= best * 1.3) break;
      best = Math.min(best, took);
    }
    return r;
  };
  for (const op of exampleOperations().sort((a, b) => order(a.file) - order(b.file))) {
    for (const [, name] of op.text.matchAll(/^query (\w+)/gm)) {
      const needsId = new RegExp(`query ${name}\\(\\$id: ID!`).test(op.text);
      const variables = needsId ? { id: name === 'Neighborhood' ? ids.code : ids.region } : {};
      if (needsId && variables.id === undefined) continue;
      const r = await settle(op.text, name, variables);
      if (name === 'CodePage') ids.code = r.data?.code?.id;
      if (name === 'RegionBrowser') ids.region = r.data?.bodyRegions?.[0]?.id;
    }
  }
  for (const e of EXTRA) await settle(e.query, undefined, e.variables);
  const ms = Math.round(performance.now() - t0);
  logger.info({ ms, requests, errors, rounds }, over() ? 'warm-up stopped at its time budget' : 'warm-up done: example operations, searches and codes ran');
  return { ms, requests, errors };
}
