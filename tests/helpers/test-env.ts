import path from 'node:path';

/**
 * Where the integration tests' own Neo4j lives: its own home (wiped per run) and port,
 * so a developer's `npm start` database on 7687 is never touched. Override with
 * TEST_NEO4J_HOME / TEST_NEO4J_BOLT_PORT (e.g. to run two suites side by side).
 */
export const TEST_NEO4J = {
  home: process.env.TEST_NEO4J_HOME ?? path.resolve(__dirname, '../../.neo4j/test'),
  boltPort: Number(process.env.TEST_NEO4J_BOLT_PORT ?? 7688),
  password: 'medcodes-test-password',
  heap: process.env.TEST_NEO4J_HEAP ?? '1g',
  pageCache: '512m',
  startTimeoutMs: 180000,
};

export const TEST_NEO4J_URI = `bolt://127.0.0.1:${TEST_NEO4J.boltPort}`;

/** Bearer tokens the test server accepts. */
export const EDITOR_KEY = 'test-editor-key-0123456789';
export const READER_KEY = 'test-reader-key-0123456789';
export const JWT_SECRET = 'test-jwt-secret-that-is-long-enough-0123456789';

/** Environment of an API process (or in-process config) pointed at the test database. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_URI: TEST_NEO4J_URI,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: TEST_NEO4J.password,
    SEED_ON_START: 'false',
    EDITOR_API_KEYS: EDITOR_KEY,
    READER_API_KEYS: READER_KEY,
    JWT_SECRET,
    NEO4J_QUERY_TIMEOUT_MS: '3000',
    ...overrides,
  };
}
