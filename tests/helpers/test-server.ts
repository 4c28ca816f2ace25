import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import type { AppServices } from '../../src/context';
import { createLogger } from '../../src/logger';
import { loadVocabulary } from '../../src/ingest/vocabulary/vocabulary';
import { CodePageImporter } from '../../src/modules/import/code-page.importer';
import { Database } from '../../src/neo4j/database';
import { createDriver } from '../../src/neo4j/driver';
import { AppServer, createServer } from '../../src/server';
import { testEnv } from './test-env';

export interface TestServer {
  url: string;
  server: AppServer;
  services: AppServices;
  db: Database;
  close(): Promise<void>;
}

/** The real HTTP server, in-process on a free port, against the test database. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig(testEnv(env), false);
  const db = new Database(createDriver(config.neo4j.uri as string, config.neo4j), {
    database: 'neo4j',
    queryTimeoutMs: config.neo4j.queryTimeoutMs,
    maxConcurrentReads: config.neo4j.maxConcurrentReads,
  });
  const logger = createLogger(config.logLevel, 'test');
  const services: AppServices = { config, db, logger, importer: new CodePageImporter(db, loadVocabulary()), loaderOptions: { batch: config.loaderBatching, hubDegree: config.listHubDegree } };
  const server = await createServer(services);
  await server.listen(0, '127.0.0.1');
  return {
    url: `${server.url}/graphql`,
    server,
    services,
    db,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
  extensions?: Record<string, any>;
  ms: number;
}

/** POSTs one GraphQL operation; never throws on GraphQL or HTTP errors. */
export async function gql<T = Record<string, any>>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResponse<T>> {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  const ms = performance.now() - t0;
  let body: any = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, data: body.data ?? null, errors: body.errors, extensions: body.extensions, ms };
}

/** Counts of every node label and relationship type, to prove that nothing changed. */
export async function graphCounts(db: Database): Promise<{ nodes: number; rels: number }> {
  const [r] = await db.read<{ nodes: number; rels: number }>('MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels', {}, 60000);
  return { nodes: r!.nodes, rels: r!.rels };
}
