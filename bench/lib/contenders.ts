/**
 * The contenders: the servers under test, all on one Neo4j. See bench/README.md "Contenders".
 *
 *   (a) floor   one hand-written Cypher per workload, neo4j-driver behind bare node:http
 *   (b) ours    our API (dist/src/index.js), DataLoader batching on
 *   (c) neo4j-graphql  @neo4j/graphql v7 on @apollo/server standalone
 *   (d) ours-nobatch   our API with LOADER_BATCHING=false
 *   (e) ours-nocache   our API with its search/suggest result cache off (SEARCH_CACHE_ENTRIES=0):
 *                      the cold numbers of W2 and W6; only those workloads run it
 */
import path from 'node:path';
import { postOnce } from './load';
import { startChild, waitUntil, type Child } from './procs';
import { BENCH, ROOT } from './workloads';

export type ContenderId = 'floor' | 'ours' | 'neo4j-graphql' | 'ours-nobatch' | 'ours-nocache';

/** Every contender, in table order. */
export const CONTENDERS: { id: ContenderId; label: string }[] = [
  { id: 'floor', label: '(a) floor: Cypher' },
  { id: 'ours', label: '(b) ours' },
  { id: 'neo4j-graphql', label: '(c) @neo4j/graphql' },
  { id: 'ours-nobatch', label: '(d) ours, no batching' },
  { id: 'ours-nocache', label: '(e) ours, no result cache' },
];

export interface Server {
  id: ContenderId;
  url: string;
  /** Where the server counts its Bolt queries (floor, @neo4j/graphql); null when it says so itself. */
  statsUrl: string | null;
  child: Child;
}

/** Bolt queries the server has run so far, or null when it does not say. */
export async function fetchStats(url: string | null): Promise<number | null> {
  if (!url) return null;
  try {
    const r = await fetch(url);
    return ((await r.json()) as { queries: number }).queries;
  } catch {
    return null;
  }
}

const graphqlReady = (url: string) => async () => {
  const r = await postOnce(url, JSON.stringify({ query: '{ __typename }' }));
  return r.status === 200;
};

export interface StartOptions {
  /** Environment every server gets (Neo4j URI and credentials, log level...). */
  baseEnv: NodeJS.ProcessEnv;
  /** Our API seeds the empty database at start (the real data). */
  seed: boolean;
  /** Start (e), ours without the result cache (only the search workloads need it). */
  noCache: boolean;
  logDir: string;
  log: (m: string) => void;
}

/** Starts the four contenders (ours first: it seeds an empty database), in table order. */
export async function startContenders(o: StartOptions): Promise<Server[]> {
  const node = process.execPath;
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const servers: Server[] = [];
  const { baseEnv, logDir, log } = o;
  // Ours first: on the real data it migrates and seeds an empty database; the others start after.
  log('starting (b) our API on :4100 (seeds an empty database: about a minute the first time)');
  const b = startChild('ours', node, ['dist/src/index.js'], { ...baseEnv, PORT: '4100', LOADER_BATCHING: 'true', SEED_ON_START: o.seed ? 'true' : 'false' }, logDir, ROOT);
  await waitUntil(b, 'our API (b)', graphqlReady('http://127.0.0.1:4100/graphql'), 600000);
  servers.push({ id: 'ours', url: 'http://127.0.0.1:4100/graphql', statsUrl: null, child: b });

  log('starting (d) our API without batching on :4101, (c) @neo4j/graphql on :4102, (a) floor on :4103');
  const d = startChild('ours-nobatch', node, ['dist/src/index.js'], { ...baseEnv, PORT: '4101', LOADER_BATCHING: 'false', SEED_ON_START: 'false' }, logDir, ROOT);
  const c = startChild('neo4j-graphql', tsx, [path.join(BENCH, 'neo4j-graphql', 'server.ts')], { ...baseEnv, PORT: '4102', STATS_PORT: '4202' }, logDir, ROOT);
  const e = o.noCache ? startChild('ours-nocache', node, ['dist/src/index.js'], { ...baseEnv, PORT: '4104', SEARCH_CACHE_ENTRIES: '0', SEED_ON_START: 'false' }, logDir, ROOT) : null;
  if (e) log('starting (e) our API without the search result cache on :4104');
  const a = startChild('floor', tsx, [path.join(BENCH, 'floor', 'server.ts')], { ...baseEnv, PORT: '4103' }, logDir, ROOT);
  await Promise.all([
    waitUntil(d, 'our API without batching (d)', graphqlReady('http://127.0.0.1:4101/graphql'), 120000),
    waitUntil(c, '@neo4j/graphql (c)', graphqlReady('http://127.0.0.1:4102/graphql'), 120000),
    waitUntil(a, 'floor (a)', async () => (await fetch('http://127.0.0.1:4103/')).ok, 60000),
    e ? waitUntil(e, 'our API without the result cache (e)', graphqlReady('http://127.0.0.1:4104/graphql'), 120000) : Promise.resolve(),
  ]);
  if (e) servers.push({ id: 'ours-nocache', url: 'http://127.0.0.1:4104/graphql', statsUrl: null, child: e });
  servers.push({ id: 'ours-nobatch', url: 'http://127.0.0.1:4101/graphql', statsUrl: null, child: d });
  servers.push({ id: 'neo4j-graphql', url: 'http://127.0.0.1:4102/graphql', statsUrl: 'http://127.0.0.1:4202/', child: c });
  servers.push({ id: 'floor', url: 'http://127.0.0.1:4103/', statsUrl: 'http://127.0.0.1:4103/', child: a });
  servers.sort((x, y) => CONTENDERS.findIndex((k) => k.id === x.id) - CONTENDERS.findIndex((k) => k.id === y.id));
  return servers;
}
