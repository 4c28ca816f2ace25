import 'reflect-metadata';
import { loadConfigOrExit } from './config';
import { createLogger } from './logger';
import { LocalNeo4jError } from './neo4j/local-server';
import { RunningApp, startApp, StartupError } from './app';

/** Start and stop only: everything else lives in app.ts and server.ts. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  let app: RunningApp;
  try {
    app = await startApp(config, logger);
  } catch (err) {
    if (err instanceof StartupError || err instanceof LocalNeo4jError) {
      logger.fatal(err.message);
      process.stderr.write(`error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: draining requests');
    // Stopping a local Neo4j we started can take its own few seconds, hence the extra time.
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.preStopDelayMs + config.shutdownGraceMs + (app.localNeo4j?.startedByUs ? 30000 : 0));
    force.unref();
    app
      .shutdown()
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((err) => {
        logger.error({ err }, 'error while stopping');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
  process.stderr.write(`fatal: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
