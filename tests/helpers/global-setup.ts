import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../../src/logger';
import { loadVocabulary } from '../../src/ingest/vocabulary/vocabulary';
import { CodePageImporter } from '../../src/modules/import/code-page.importer';
import { Database } from '../../src/neo4j/database';
import { createDriver } from '../../src/neo4j/driver';
import { localNeo4jPid, startLocalNeo4j, stopLocalNeo4j } from '../../src/neo4j/local-server';
import { migrate } from '../../src/neo4j/migrations';
import { loadConfig } from '../../src/config';
import { seedDatabase } from '../../src/seed';
import { configuredBoltPort, freePort } from './free-port';
import { TEST_NEO4J, testEnv } from './test-env';

/**
 * Once per `npm test`: a fresh Neo4j (data folder wiped) on the test port, the schema,
 * and the shipped data: vocabulary, the three public code sets in full (about 40 s here)
 * and the sample pages. Tests that change data restore what they change.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const log = (m: string) => process.stderr.write(`[test-setup] ${m}\n`);
  const reuse = process.env.TEST_REUSE_DB === 'true' && localNeo4jPid(TEST_NEO4J) !== null;
  // The port: TEST_NEO4J_BOLT_PORT, or the reused server's, or a free one. Test files
  // (run in this process or in workers forked after this) read it from the environment.
  if (!process.env.TEST_NEO4J_BOLT_PORT) {
    process.env.TEST_NEO4J_BOLT_PORT = String((reuse ? configuredBoltPort(TEST_NEO4J.home) : null) ?? (await freePort()));
  }
  // For quick local iteration only: keep a running, seeded test database between runs.
  if (reuse) {
    log(`TEST_REUSE_DB=true: reusing the running test database on port ${TEST_NEO4J.boltPort}`);
    return;
  }
  await stopLocalNeo4j({ home: TEST_NEO4J.home });
  fs.rmSync(path.join(TEST_NEO4J.home, 'data'), { recursive: true, force: true });
  await startLocalNeo4j({ ...TEST_NEO4J, log });
  const config = loadConfig(testEnv(), false);
  const db = new Database(createDriver(config.neo4j.uri as string, config.neo4j), { database: 'neo4j', queryTimeoutMs: 120000 });
  try {
    await migrate(db);
    const importer = new CodePageImporter(db, loadVocabulary());
    await seedDatabase(db, importer, createLogger('warn', 'test-setup'), { codesets: process.env.TEST_SKIP_CODESETS !== 'true', pages: true });
  } finally {
    await db.close();
  }
  log(`test database ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
