/**
 * Two tiers (see README "Tests"):
 * - unit: pure code, no database; fast.
 * - integration: talks to a real Neo4j over Bolt, which tests/helpers/global-setup.ts
 *   starts on its own port with a data folder wiped per run.
 * - e2e: the web app in Debian's Chromium (playwright-core) against the in-process server and
 *   the same test database. Jest runs a global setup file once even when two projects name it.
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }];

/** @type {import('jest').Config} */
module.exports = {
  // Per-test limit. Jest reads testTimeout from the top level only: the `testTimeout` the
  // projects below set is ignored, so every test ran with Jest's 5 s default, and tests
  // that load a release file (codesets.int.test.ts) failed whenever another Neo4j or suite
  // shared the 2 cores (issue 17, item 9). Generous on purpose; assertions are unchanged.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/unit'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      setupFiles: ['reflect-metadata'],
      // Generous: the full-file parsers and property tests share 2 cores with whatever else runs.
      testTimeout: 60000,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/integration'],
      testMatch: ['**/*.int.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      setupFiles: ['reflect-metadata'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
      testTimeout: 60000,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/e2e'],
      testMatch: ['**/*.e2e.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      setupFiles: ['reflect-metadata'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
      testTimeout: 120000,
    },
  ],
};
