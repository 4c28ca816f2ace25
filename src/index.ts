import 'reflect-metadata';
import { loadConfigOrExit } from './config';
import { createLogger } from './logger';
import { LocalNeo4jError, localNeo4jPid, stopLocalNeo4j } from './neo4j/local-server';
import type { RunningApp } from './app';
import { importAppFor } from './node-env';

/** Start and stop only: everything else lives in app.ts and server.ts. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const { startApp, StartupError } = await importAppFor(config.env);
  const logger = createLogger(config.logLevel, undefined, config.logPretty);
  const usesLocalNeo4j = config.neo4j.uri === null;
  // A local Neo4j that runs before we start is someone else's to stop (README "Quick start").
  const neo4jRanBefore = usesLocalNeo4j && localNeo4jPid(config.localNeo4j) !== null;
  let app: RunningApp | null = null;
  let stopping = false;

  /**
   * Ctrl-C or SIGTERM while starting (the first start loads data for a minute or more):
   * stop the local Neo4j this process started, so no server is left behind; whatever the
   * seeding had not finished is finished at the next start (SeedState marks).
   */
  const abortStartup = (signal: string) => {
    logger.warn({ signal }, 'interrupted while starting: stopping');
    const force = setTimeout(() => process.exit(130), 30000);
    force.unref();
    const stopOurs = usesLocalNeo4j && !neo4jRanBefore ? stopLocalNeo4j({ ...config.localNeo4j, log: (m) => logger.info(m) }) : Promise.resolve(false);
    stopOurs.catch((err) => logger.error({ err }, 'could not stop the local Neo4j')).finally(() => process.exit(130));
  };

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (app === null) return abortStartup(signal);
    const running = app;
    logger.info({ signal }, 'stopping: draining requests');
    // Stopping a local Neo4j we started can take its own few seconds, hence the extra time.
    const force = setTimeout(
      () => {
        logger.error('shutdown took too long; exiting');
        process.exit(1);
      },
      config.preStopDelayMs + config.shutdownGraceMs + (running.localNeo4j?.startedByUs ? 30000 : 0),
    );
    force.unref();
    running
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

  try {
    const started = await startApp(config, logger);
    if (stopping) return; // a signal came while starting: abortStartup is already at work
    app = started;
  } catch (err) {
    if (stopping) return;
    // Expected failures (Neo4j unreachable, local Neo4j would not start) are one line;
    // anything else is logged whole and summed up in one line.
    const known = err instanceof StartupError || err instanceof LocalNeo4jError;
    const message = known ? (err as Error).message : `start-up failed: ${(err as Error).message}`;
    if (known) logger.fatal(message);
    else logger.fatal({ err }, message);
    process.stderr.write(`error: ${message}\n`);
    // Leave no server behind (startApp already stopped it on a StartupError); seeding resumes at the next start.
    if (usesLocalNeo4j && !neo4jRanBefore && !(err instanceof StartupError)) await stopLocalNeo4j({ ...config.localNeo4j, log: (m) => logger.info(m) }).catch(() => false);
    process.exit(1);
  }
}

main().catch((err) => {
  process.stderr.write(`fatal: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
