import 'reflect-metadata';
import { Option } from 'commander';
import type { Logger } from 'pino';
import { Config, loadConfigOrExit } from '../config';
import { createLogger } from '../logger';
import { Database } from '../neo4j/database';
import { createDriver } from '../neo4j/driver';
import { LocalNeo4jError, LocalNeo4jHandle, startLocalNeo4j } from '../neo4j/local-server';

/** What a CLI command gets: validated config, a logger, and a database (local Neo4j started if needed). */
export interface CliEnv {
  config: Config;
  logger: Logger;
  db: Database;
  close(): Promise<void>;
}

/** Loads config or exits 2 with one line; starts (or reuses) the local Neo4j unless NEO4J_URI is set. */
export async function openCliEnv(): Promise<CliEnv> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'medcodes-cli');
  let uri = config.neo4j.uri;
  if (uri === null) {
    let local: LocalNeo4jHandle;
    try {
      local = await startLocalNeo4j({ ...config.localNeo4j, log: (m) => process.stderr.write(`${m}\n`) });
    } catch (err) {
      if (err instanceof LocalNeo4jError) {
        process.stderr.write(`error: ${err.message}\n`);
        process.exit(1);
      }
      throw err;
    }
    uri = local.boltUri;
  }
  const db = new Database(createDriver(uri, config.neo4j), { database: config.neo4j.database, queryTimeoutMs: 60000 });
  if (!(await db.ping(5000))) {
    process.stderr.write(`error: cannot reach Neo4j at ${uri}: start it, or check NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD\n`);
    await db.close();
    process.exit(1);
  }
  return {
    config,
    logger,
    db,
    // A local Neo4j the CLI started is left running for the next command or `npm start`
    // to reuse; `npm run neo4j -- stop` stops it.
    async close() {
      await db.close();
    },
  };
}

/** `--structure <dir>`: the ICD-10-CM chapter/section/category tables, for the commands that load ICD-10-CM files. */
export function structureOption(): Option {
  return new Option('--structure <dir>', 'folder with the ICD-10-CM chapter/section/category tables');
}
