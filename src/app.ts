import type { Logger } from 'pino';
import type { Config } from './config';
import type { AppServices } from './context';
import { loadVocabulary } from './ingest/vocabulary/vocabulary';
import { CodePageImporter } from './modules/import/code-page.importer';
import { Database } from './neo4j/database';
import { createDriver } from './neo4j/driver';
import { LocalNeo4jHandle, startLocalNeo4j } from './neo4j/local-server';
import { migrate } from './neo4j/migrations';
import { Neo4jSupervisor, superviseLocalNeo4j } from './neo4j/supervisor';
import { seedDatabase } from './seed';
import { warmUp } from './http/warm-up';
import { AppServer, createServer } from './server';
import { serveWebApp } from './web/static';

/** Raised when the database cannot be reached at start; the message says which URI and what to do. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export interface RunningApp {
  services: AppServices;
  server: AppServer;
  localNeo4j: LocalNeo4jHandle | null;
  /** Restarts the local Neo4j this process started when it exits; null otherwise. */
  supervisor: Neo4jSupervisor | null;
  /** Drains requests, closes the driver, stops a local Neo4j this process started. */
  shutdown(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForDatabase(db: Database, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  do {
    if (await db.ping(2000)) return true;
    await sleep(500);
  } while (Date.now() < deadline);
  return false;
}

/**
 * Starts everything `npm start` needs: the local Neo4j (when NEO4J_URI is unset),
 * the driver, migrations, seed data, the HTTP server. Throws StartupError when the
 * database does not answer within NEO4J_STARTUP_TIMEOUT_MS, unless SERVE_WITHOUT_DATABASE:
 * then it serves at once (not ready) and migrates and seeds when the database comes.
 */
export async function startApp(config: Config, logger: Logger, opts: { listen?: boolean } = {}): Promise<RunningApp> {
  let localNeo4j: LocalNeo4jHandle | null = null;
  let uri = config.neo4j.uri;
  if (uri === null) {
    localNeo4j = await startLocalNeo4j({ ...config.localNeo4j, log: (m) => logger.info(m) });
    uri = localNeo4j.boltUri;
  }
  const db = new Database(createDriver(uri, config.neo4j), {
    database: config.neo4j.database,
    queryTimeoutMs: config.neo4j.queryTimeoutMs,
    maxConcurrentReads: config.neo4j.maxConcurrentReads,
    maxPoolSize: config.neo4j.maxPoolSize,
  });
  const importer = new CodePageImporter(db, loadVocabulary());
  const services: AppServices = { config, db, logger, importer, loaderOptions: { batch: config.loaderBatching, hubDegree: config.listHubDegree } };

  const prepare = async () => {
    const m = await migrate(db);
    logger.info({ files: m.applied.length }, 'database schema applied');
    if (config.seedOnStart) await seedDatabase(db, importer, logger, { codesets: true, pages: true });
  };

  const reachable = await waitForDatabase(db, config.startupTimeoutMs);
  if (reachable) await prepare();
  else if (!config.serveWithoutDatabase) {
    await db.close();
    if (localNeo4j) await localNeo4j.stop();
    throw new StartupError(
      `cannot reach Neo4j at ${uri} as user "${config.neo4j.user}" within ${config.startupTimeoutMs} ms: start the server, check NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, or unset NEO4J_URI to use the project's own Neo4j`,
    );
  } else {
    logger.warn({ uri }, 'Neo4j is not reachable yet: serving, not ready; will migrate and seed when it answers');
    void (async () => {
      while (!(await db.ping(2000))) await sleep(1000);
      await prepare().catch((err) => logger.error({ err }, 'preparing the database failed'));
    })();
  }

  // Supervise only a Neo4j this process started (one that ran before is someone else's).
  const supervisor =
    localNeo4j?.startedByUs && config.localNeo4j.supervise
      ? superviseLocalNeo4j(localNeo4j, {
          start: () => startLocalNeo4j({ ...config.localNeo4j, log: (m) => logger.info(m) }),
          logger,
          maxFastFailures: config.localNeo4j.maxFastFailures,
        })
      : null;

  // Readiness says "warming" (503) until the example operations ran once (README "Running in production").
  const warming = config.warmUp && reachable && opts.listen !== false;
  const server = await createServer(services, undefined, { warming });
  serveWebApp(server.app);
  if (opts.listen !== false) {
    const url = await server.listen();
    logger.info({ url: `${url}/graphql` }, 'serving GraphQL (Apollo Sandbox on GET)');
    if (warming) await warmUp(`${url}/graphql`, logger);
  }
  server.markWarm();
  return {
    services,
    server,
    localNeo4j,
    supervisor,
    async shutdown() {
      supervisor?.stop();
      await server.stop(config.preStopDelayMs);
      await db.close();
      if (localNeo4j) await localNeo4j.stop();
    },
  };
}
