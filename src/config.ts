import path from 'node:path';
import dotenv from 'dotenv';
import { bool, cleanEnv, makeValidator, num, port, str, EnvError, EnvMissingError } from 'envalid';
// Type only: local-server.ts reads REPO_ROOT from here at run time, so no value import back.
import type { LocalNeo4jOptions } from './neo4j/local-server';

/** The repository root (dist/src/config.js and src/config.ts both sit two levels below it or one). */
export const REPO_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

/** Thrown when the environment is invalid; the message is one line naming the variable and what it expects. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const byteSize = makeValidator<string>((input) => {
  if (!/^[0-9]+[kmg]$/i.test(input)) throw new EnvError('expected a size like 512m or 2g');
  return input.toLowerCase();
});

/** 512m -> bytes. */
export function toBytes(size: string): number {
  const m = /^([0-9]+)([kmg])$/i.exec(size);
  if (!m) throw new ConfigError(`config: not a size: ${size}`);
  return Number(m[1]) * 1024 ** { k: 1, m: 2, g: 3 }[(m[2] as string).toLowerCase() as 'k' | 'm' | 'g'];
}

const positiveInt = makeValidator<number>((input) => {
  const n = Number(input);
  if (!Number.isInteger(n) || n < 1) throw new EnvError('expected a whole number of at least 1');
  return n;
});

const wholeNumber = makeValidator<number>((input) => {
  const n = Number(input);
  if (!Number.isInteger(n) || n < 0) throw new EnvError('expected a whole number (0 or more)');
  return n;
});

const neo4jUri = makeValidator<string>((input) => {
  if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s/]+/.test(input)) {
    throw new EnvError('expected a Bolt or routing URI such as neo4j://host:7687, neo4j+s://xxx.databases.neo4j.io or bolt://localhost:7687');
  }
  return input;
});

const csv = makeValidator<string[]>((input) =>
  input
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);

/** For entry points: the config, or one line on stderr and exit code 2. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** Every setting the service reads, with its default. README "Configuration" lists them. */
function spec() {
  return {
    // Safe by default: development (stack traces, suggestions, limit numbers) is the opt-in (`npm run dev`).
    NODE_ENV: str({ choices: ['development', 'production', 'test'], default: 'production' }),
    HOST: str({ default: '127.0.0.1', desc: 'interface the HTTP server binds' }),
    PORT: port({ default: 4000 }),
    LOG_LEVEL: str({ choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' }),
    LOG_PRETTY: bool({ default: undefined, desc: 'human-readable logs (pino-pretty, a dev dependency); default on in development only' }),
    METRICS_TOKEN: str({ default: undefined, desc: 'bearer token /metrics requires; unset: /metrics is open' }),
    READ_CACHE_MAX_AGE: num({ default: 60, desc: 'Cache-Control max-age (s) of persisted-query GET responses' }),
    PERSISTED_GET: str({ choices: ['any', 'examples'], default: 'any', desc: 'which persisted queries GET serves: any registered one, or the example operations only' }),
    WARM_UP: bool({ default: true, desc: 'run the example operations before /health/ready turns ready' }),
    LOCAL_NEO4J_SUPERVISE: bool({ default: true, desc: "restart the project's own Neo4j when it exits" }),
    LOCAL_NEO4J_MAX_FAST_FAILURES: positiveInt({ default: 5, desc: 'restarts that fail (or die within a minute) in a row before giving up' }),

    NEO4J_URI: neo4jUri({ default: undefined }),
    NEO4J_USER: str({ default: 'neo4j' }),
    NEO4J_PASSWORD: str({ default: undefined }),
    NEO4J_DATABASE: str({ default: 'neo4j' }),

    LOCAL_NEO4J_HOME: str({ default: path.join(REPO_ROOT, '.neo4j', 'dev') }),
    LOCAL_NEO4J_BOLT_PORT: port({ default: 7687 }),
    LOCAL_NEO4J_PASSWORD: str({ default: 'medcodes-local-dev' }),
    LOCAL_NEO4J_HEAP: byteSize({ default: '2g' }),
    LOCAL_NEO4J_PAGECACHE: byteSize({ default: '1g' }),
    LOCAL_NEO4J_START_TIMEOUT_MS: positiveInt({ default: 120000 }),

    NEO4J_QUERY_TIMEOUT_MS: positiveInt({ default: 4000 }),
    NEO4J_CONNECT_TIMEOUT_MS: positiveInt({ default: 2000 }),
    NEO4J_ACQUIRE_TIMEOUT_MS: positiveInt({ default: 2500 }),
    NEO4J_MAX_RETRY_MS: num({ default: 1000 }),
    NEO4J_MAX_CONCURRENT_READS: positiveInt({ default: 24, desc: 'read queries in flight at once; more wait in order (counts against their deadline)' }),
    NEO4J_MAX_POOL_SIZE: positiveInt({ default: 300, desc: 'Bolt connections; a page runs a few queries at once, so allow several per concurrent request' }),

    NEO4J_STARTUP_TIMEOUT_MS: positiveInt({ default: 15000, desc: 'how long start-up waits for Neo4j before giving up' }),
    SERVE_WITHOUT_DATABASE: bool({ default: false, desc: 'serve (not ready) when Neo4j is not there at start, and prepare it when it comes' }),
    LOADER_BATCHING: bool({ default: true, desc: 'false turns DataLoader batching off (benchmark contender only)' }),
    // Off outside production (NODE_ENV development/test): tests count each request's Bolt queries, and a cache hit has none.
    SEARCH_CACHE_ENTRIES: wholeNumber({
      default: 5000,
      devDefault: 0,
      desc: 'search and suggest answers kept per cache (LRU, emptied when the data version changes); 0 turns the cache off; default 0 when NODE_ENV is development or test',
    }),
    SEARCH_CACHE_MAX_BYTES: positiveInt({ default: 64 * 1024 * 1024, desc: 'most bytes (JSON size) kept per search/suggest cache' }),
    LIST_HUB_DEGREE: positiveInt({ default: 20000, desc: 'a term with more codes than this lists them by walking the code order index instead of sorting them all' }),
    SEED_ON_START: bool({ default: true, desc: 'load shipped code sets and pages into an empty database at start' }),

    EDITOR_API_KEYS: csv({ default: [] as string[], desc: 'comma-separated bearer tokens that carry the editor role' }),
    JWT_SECRET: str({ default: undefined, desc: 'HS256 secret for editor JWTs (role claim "editor")' }),
    JWT_ISSUER: str({ default: undefined }),
    REQUIRE_AUTH_FOR_READS: bool({ default: false }),
    READER_API_KEYS: csv({ default: [] as string[] }),

    INTROSPECTION: bool({ default: true }),
    SANDBOX: bool({ default: true }),
    MAX_DEPTH: positiveInt({ default: 12 }),
    MAX_ALIASES: positiveInt({ default: 30 }),
    MAX_DIRECTIVES: positiveInt({ default: 20 }),
    MAX_TOKENS: positiveInt({ default: 2000 }),
    MAX_COST: positiveInt({ default: 50000 }),
    MAX_PAGE_SIZE: positiveInt({ default: 100 }),
    BODY_LIMIT: byteSize({ default: '100k' }),
    SHUTDOWN_GRACE_MS: positiveInt({ default: 8000 }),
    PRE_STOP_DELAY_MS: num({ default: 1000, desc: 'after SIGTERM: readiness 503 but still serving, before draining' }),
  };
}

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  logLevel: string;
  /** Pretty (pino-pretty) instead of JSON log lines. */
  logPretty: boolean;
  /** Bearer token for /metrics; null: open. */
  metricsToken: string | null;
  /** Cache-Control max-age, in seconds, of persisted-query GET responses. */
  readCacheMaxAge: number;
  /** Persisted-query GETs: any registered document, or only the example operations (an allow-list). */
  persistedGet: 'any' | 'examples';
  /** Warm caches and plans before readiness (README "Running in production"). */
  warmUp: boolean;
  neo4j: {
    /** null: run the project's own local Neo4j (see src/neo4j/local-server.ts). */
    uri: string | null;
    user: string;
    password: string;
    database: string;
    queryTimeoutMs: number;
    connectTimeoutMs: number;
    acquireTimeoutMs: number;
    maxRetryMs: number;
    maxPoolSize: number;
    maxConcurrentReads: number;
  };
  /** The local server's options (LocalNeo4jOptions: home, port, password, memory, start timeout) plus how the API supervises it. */
  localNeo4j: Omit<LocalNeo4jOptions, 'libDir' | 'log'> & {
    /** Restart it (with backoff) when it exits while the API runs. */
    supervise: boolean;
    maxFastFailures: number;
  };
  seedOnStart: boolean;
  /** False only for the benchmark that shows what DataLoader batching buys. */
  loaderBatching: boolean;
  /** Terms with more codes than this list them in index order (README "Lists on hub terms"). */
  listHubDegree: number;
  /** The search/suggest result cache (src/modules/search/search-cache.ts); maxEntries 0: off. */
  searchCache: { maxEntries: number; maxBytes: number };
  startupTimeoutMs: number;
  serveWithoutDatabase: boolean;
  auth: {
    editorKeys: string[];
    readerKeys: string[];
    jwtSecret: string | null;
    jwtIssuer: string | null;
    requireAuthForReads: boolean;
  };
  graphql: {
    introspection: boolean;
    sandbox: boolean;
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    maxCost: number;
    maxPageSize: number;
    /** Largest request body, in bytes. */
    bodyLimit: number;
  };
  shutdownGraceMs: number;
  preStopDelayMs: number;
}

/**
 * Reads and validates the environment (plus an optional `.env` in the working directory).
 * Throws ConfigError with one line naming the first bad variable and what it expects.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, readDotEnv = true): Config {
  const source: Record<string, string | undefined> = { ...env };
  if (readDotEnv) {
    const parsed = dotenv.config({ path: path.resolve(process.cwd(), '.env'), processEnv: {}, quiet: true }).parsed ?? {};
    for (const [k, v] of Object.entries(parsed)) if (source[k] === undefined) source[k] = v;
  }
  for (const [k, v] of Object.entries(source)) if (v === '') source[k] = undefined;

  let v: ReturnType<typeof cleanEnv<ReturnType<typeof spec>>>;
  try {
    v = cleanEnv(source, spec(), {
      reporter: ({ errors }) => {
        const [name, err] = Object.entries(errors)[0] ?? [];
        if (name && err) {
          const what = err instanceof EnvMissingError ? 'is required' : `is invalid: ${err.message}`;
          throw new ConfigError(`config: ${name} ${what} (got ${JSON.stringify(source[name] ?? null)})`);
        }
      },
    });
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`config: ${(err as Error).message}`);
  }

  const uri = v.NEO4J_URI ?? null;
  const password = v.NEO4J_PASSWORD ?? null;
  if (uri && !password) {
    throw new ConfigError('config: NEO4J_PASSWORD is required when NEO4J_URI is set (the password of NEO4J_USER on that server)');
  }
  const jwtSecret = v.JWT_SECRET ?? null;
  if (jwtSecret && jwtSecret.length < 32) {
    throw new ConfigError('config: JWT_SECRET is invalid: expected at least 32 characters');
  }

  return {
    env: v.NODE_ENV as Config['env'],
    host: v.HOST,
    port: v.PORT,
    logLevel: v.LOG_LEVEL,
    logPretty: v.LOG_PRETTY ?? v.NODE_ENV === 'development',
    metricsToken: v.METRICS_TOKEN ?? null,
    readCacheMaxAge: v.READ_CACHE_MAX_AGE,
    persistedGet: v.PERSISTED_GET as Config['persistedGet'],
    warmUp: v.WARM_UP,
    neo4j: {
      uri,
      user: uri ? v.NEO4J_USER : 'neo4j',
      password: uri && password ? password : v.LOCAL_NEO4J_PASSWORD,
      database: v.NEO4J_DATABASE,
      queryTimeoutMs: v.NEO4J_QUERY_TIMEOUT_MS,
      connectTimeoutMs: v.NEO4J_CONNECT_TIMEOUT_MS,
      acquireTimeoutMs: v.NEO4J_ACQUIRE_TIMEOUT_MS,
      maxRetryMs: v.NEO4J_MAX_RETRY_MS,
      maxPoolSize: v.NEO4J_MAX_POOL_SIZE,
      maxConcurrentReads: v.NEO4J_MAX_CONCURRENT_READS,
    },
    localNeo4j: {
      home: path.resolve(v.LOCAL_NEO4J_HOME),
      boltPort: v.LOCAL_NEO4J_BOLT_PORT,
      password: v.LOCAL_NEO4J_PASSWORD,
      heap: v.LOCAL_NEO4J_HEAP,
      pageCache: v.LOCAL_NEO4J_PAGECACHE,
      startTimeoutMs: v.LOCAL_NEO4J_START_TIMEOUT_MS,
      supervise: v.LOCAL_NEO4J_SUPERVISE,
      maxFastFailures: v.LOCAL_NEO4J_MAX_FAST_FAILURES,
    },
    seedOnStart: v.SEED_ON_START,
    loaderBatching: v.LOADER_BATCHING,
    listHubDegree: v.LIST_HUB_DEGREE,
    searchCache: { maxEntries: v.SEARCH_CACHE_ENTRIES, maxBytes: v.SEARCH_CACHE_MAX_BYTES },
    startupTimeoutMs: v.NEO4J_STARTUP_TIMEOUT_MS,
    serveWithoutDatabase: v.SERVE_WITHOUT_DATABASE,
    auth: {
      editorKeys: v.EDITOR_API_KEYS,
      readerKeys: v.READER_API_KEYS,
      jwtSecret,
      jwtIssuer: v.JWT_ISSUER ?? null,
      requireAuthForReads: v.REQUIRE_AUTH_FOR_READS,
    },
    graphql: {
      introspection: v.INTROSPECTION,
      sandbox: v.SANDBOX,
      maxDepth: v.MAX_DEPTH,
      maxAliases: v.MAX_ALIASES,
      maxDirectives: v.MAX_DIRECTIVES,
      maxTokens: v.MAX_TOKENS,
      maxCost: v.MAX_COST,
      maxPageSize: v.MAX_PAGE_SIZE,
      bodyLimit: toBytes(v.BODY_LIMIT),
    },
    shutdownGraceMs: v.SHUTDOWN_GRACE_MS,
    preStopDelayMs: v.PRE_STOP_DELAY_MS,
  };
}
