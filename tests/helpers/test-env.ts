import path from 'node:path';

/**
 * Where the integration tests' own Neo4j lives: its own home (wiped per run) and port,
 * so a developer's `npm start` database on 7687 is never touched. The port is
 * TEST_NEO4J_BOLT_PORT when set, else a free one that tests/helpers/global-setup.ts picks
 * and puts into TEST_NEO4J_BOLT_PORT for the test files (so two suites, or a suite and
 * another Neo4j, never meet on a port). TEST_NEO4J_HOME overrides the home.
 */
export const TEST_NEO4J = {
  home: process.env.TEST_NEO4J_HOME ?? path.resolve(__dirname, '../../.neo4j/test'),
  get boltPort(): number {
    const port = process.env.TEST_NEO4J_BOLT_PORT;
    if (!port) throw new Error('TEST_NEO4J_BOLT_PORT is not set: the integration global setup sets it (run through jest)');
    return Number(port);
  },
  password: 'medcodes-test-password',
  heap: process.env.TEST_NEO4J_HEAP ?? '1g',
  pageCache: '512m',
  startTimeoutMs: 180000,
};

export function testNeo4jUri(): string {
  return `bolt://127.0.0.1:${TEST_NEO4J.boltPort}`;
}

/** Bearer tokens the test server accepts. */
export const EDITOR_KEY = 'test-editor-key-0123456789';
export const READER_KEY = 'test-reader-key-0123456789';
export const JWT_SECRET = 'test-jwt-secret-that-is-long-enough-0123456789';

/** Environment of an API process (or in-process config) pointed at the test database. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_URI: testNeo4jUri(),
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: TEST_NEO4J.password,
    SEED_ON_START: 'false',
    EDITOR_API_KEYS: EDITOR_KEY,
    READER_API_KEYS: READER_KEY,
    JWT_SECRET,
    // Generous: the suite shares 2 cores with whatever else runs (another suite, another
    // Neo4j); the fault tests set their own short deadline where they assert on it.
    NEO4J_QUERY_TIMEOUT_MS: '15000',
    // API processes the tests spawn turn ready at once; the tests about warm-up turn it on.
    WARM_UP: 'false',
    ...overrides,
  };
}
