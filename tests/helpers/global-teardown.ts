import { stopLocalNeo4j } from '../../src/neo4j/local-server';
import { TEST_NEO4J } from './test-env';

/** Stops the test Neo4j; its data folder is wiped at the next run's start. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.TEST_REUSE_DB === 'true') return;
  await stopLocalNeo4j({ home: TEST_NEO4J.home });
}
