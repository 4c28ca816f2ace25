import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ApolloServer, ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import express, { NextFunction, Request, Response } from 'express';
import { GraphQLError, GraphQLFormattedError, GraphQLSchema, OperationTypeNode, ValidationContext } from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { authenticate, requireRole } from './auth/auth';
import { REPO_ROOT } from './config';
import { AppServices, createLoaders, RequestContext } from './context';
import { AppError, QueryTooComplexError } from './errors/app-error';
import { ErrorCode } from './errors/error-codes';
import { costPlugin } from './guards/cost';
import { persistedGet, persistedQueryCache } from './http/persisted-get';
import { Metrics } from './metrics/metrics';
import { shapeGuard } from './guards/shape-guard';
import { setMaxPageSize } from './modules/common/pagination';
import { buildSchema } from './schema';

/**
 * Process-wide counters the tests read (the server runs in-process there). An operation
 * refused before execution leaves `executions` unchanged: no resolver ran.
 */
export const serverMetrics = { executions: 0 };

export interface AppServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<RequestContext>;
  /** http://host:port once listening. */
  url: string;
  listen(port?: number, host?: string): Promise<string>;
  /**
   * Readiness goes 503 at once; for `preStopDelayMs` requests are still served (so a load
   * balancer that polls readiness stops sending traffic first); then in-flight requests
   * finish and the HTTP server closes.
   */
  stop(preStopDelayMs?: number): Promise<void>;
  /** True while stop() runs or after it. */
  readonly stopping: boolean;
  /** The server's Prometheus series (served at /metrics). */
  metrics: Metrics;
  /** Readiness stays 503 ("warming") until this is called, when created with `warming: true`. */
  markWarm(): void;
}

const CODE_PAGE_OPERATION = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'operations', 'code-page.graphql'), 'utf8');

/** Reports a guard's rejection as QUERY_TOO_COMPLEX, without numbers in production. */
function reject(production: boolean) {
  return (ctx: ValidationContext | null, err: GraphQLError) => {
    const text = err.message.replace(/^Syntax Error: /, '');
    ctx?.reportError(new QueryTooComplexError(production ? `${text.split(' limit')[0]} limit exceeded` : text));
  };
}

/**
 * formatError: errors we raised keep their code and message; GraphQL's own parse and
 * validation errors keep theirs; anything else becomes INTERNAL_SERVER_ERROR with a
 * generic message (the original is logged). Production strips suggestions and stacks.
 */
function formatErrorFor(services: AppServices) {
  const production = services.config.env === 'production';
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const inner = original instanceof GraphQLError && original.originalError instanceof AppError ? original.originalError : original;
    let code = (formatted.extensions?.code as ErrorCode | undefined) ?? null;
    let message = formatted.message;
    if (inner instanceof AppError) {
      code = inner.extensions.code as ErrorCode;
      message = inner.message;
      if (code === ErrorCode.SERVICE_UNAVAILABLE) services.logger.warn({ err: inner.originalError ?? inner, path: formatted.path }, 'database unavailable');
    }
    // GraphQL's own request errors (e.g. "Must provide operation name") carry no original error.
    if (code === null && original instanceof GraphQLError && original.originalError === undefined) code = ErrorCode.BAD_USER_INPUT;
    const known = code !== null && code !== ErrorCode.INTERNAL_SERVER_ERROR;
    if (!known) {
      services.logger.error({ err: original }, 'unexpected error while serving a request');
      return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR }, ...(formatted.path ? { path: formatted.path } : {}) };
    }
    if (production) message = message.replace(/ ?Did you mean .*\?$/, '');
    const extensions: Record<string, unknown> = { ...(formatted.extensions ?? {}), code };
    if (production) delete extensions.stacktrace;
    return { ...formatted, message, extensions };
  };
}

/** Counts executions and adds Bolt round trips to `extensions`, per request. */
const statsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async executionDidStart() {
        serverMetrics.executions += 1;
      },
      async willSendResponse(rc: GraphQLRequestContext<RequestContext>) {
        const body = rc.response.body;
        if (body?.kind === 'single') {
          const result = body.singleResult;
          if (result.extensions) result.extensions.boltQueries = rc.contextValue.stats.queries;
          else result.extensions = { boltQueries: rc.contextValue.stats.queries };
        }
      },
    };
  },
};

/** With REQUIRE_AUTH_FOR_READS, every operation needs a token with the reader role. */
function readAuthPlugin(required: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (required && operation?.operation === OperationTypeNode.QUERY) requireRole(contextValue.auth, 'reader');
        },
      };
    },
  };
}

/**
 * Builds the HTTP server: GraphQL at /graphql (Sandbox on GET when enabled),
 * /health/live and /health/ready. Does not listen until listen() is called.
 */
export async function createServer(services: AppServices, schema: GraphQLSchema = buildSchema(), opts: { warming?: boolean } = {}): Promise<AppServer> {
  const { config } = services;
  const g = config.graphql;
  const production = config.env === 'production';
  setMaxPageSize(g.maxPageSize);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  let stopping = false;
  let warming = opts.warming === true;
  const metrics = new Metrics(services.db);
  app.use(metrics.httpCounter());

  const shapeRules = [
    maxDepthRule({ n: g.maxDepth, exposeLimits: !production, propagateOnRejection: false, onReject: [reject(production)] }),
    maxAliasesRule({ n: g.maxAliases, exposeLimits: !production, propagateOnRejection: false, onReject: [reject(production)] }),
    maxDirectivesRule({ n: g.maxDirectives, exposeLimits: !production, propagateOnRejection: false, onReject: [reject(production)] }),
  ];
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: g.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Apollo's automatic persisted queries (README "Running in production"): registered by
    // POST, served by GET (src/http/persisted-get.ts); kept until the LRU needs the room.
    persistedQueries: { cache: persistedQueryCache(), ttl: null },
    includeStacktraceInErrorResponses: config.env === 'development',
    hideSchemaDetailsFromClientErrors: production,
    parseOptions: { maxTokens: g.maxTokens },
    // Also checked earlier by shapeGuard; kept here so no path reaches execution unchecked.
    validationRules: shapeRules,
    formatError: formatErrorFor(services),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      // No HTTP caching hints are used; the default plugin costs a hook on every field.
      ApolloServerPluginCacheControlDisabled(),
      readAuthPlugin(config.auth.requireAuthForReads),
      costPlugin({ maxCost: g.maxCost, production }),
      statsPlugin,
      metrics.plugin(),
      g.sandbox
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false, document: CODE_PAGE_OPERATION, variables: { system: 'CPT', code: '00300' } })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.get('/health/live', (_req, res) => {
    res.status(200).json({ status: 'live' });
  });
  app.get('/health/ready', async (_req, res) => {
    if (stopping) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    if (warming) {
      res.status(503).json({ status: 'warming' });
      return;
    }
    const ok = await services.db.ping(1500);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'database unavailable' });
  });

  app.get('/metrics', metrics.handler(config.metricsToken));

  app.use(
    '/graphql',
    persistedGet({ db: services.db, maxAge: config.readCacheMaxAge, privateReads: config.auth.requireAuthForReads, examplesOnly: config.persistedGet === 'examples' }),
    express.json({ limit: g.bodyLimit, strict: false }),
    shapeGuard(schema, shapeRules, g.maxTokens),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const stats = { queries: 0 };
        const db = services.db.scoped(stats);
        return {
          ...services,
          db,
          auth: await authenticate(req.headers.authorization, config.auth),
          stats,
          loaders: createLoaders(db, services.loaderOptions),
        };
      },
    }),
  );

  // Body too large or not JSON: a 4xx in GraphQL's error shape, never an HTML page.
  app.use((err: { type?: string; status?: number; message?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    const message =
      err.type === 'entity.too.large'
        ? `Request body is larger than the limit${production ? '' : ` (${g.bodyLimit} bytes)`}`
        : status < 500
          ? 'Request body is not valid JSON'
          : 'Internal server error';
    if (status >= 500) services.logger.error({ err }, 'HTTP error');
    res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR } }] });
  });

  const server: AppServer = {
    app,
    httpServer,
    apollo,
    url: '',
    get stopping() {
      return stopping;
    },
    metrics,
    markWarm() {
      warming = false;
    },
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, rejectListen) => {
        httpServer.once('error', rejectListen);
        httpServer.listen(port, host, () => {
          const a = httpServer.address() as AddressInfo;
          server.url = `http://${host.includes(':') ? `[${host}]` : host}:${a.port}`;
          resolve(server.url);
        });
      });
    },
    async stop(preStopDelayMs = 0) {
      stopping = true;
      if (preStopDelayMs > 0) await new Promise((r) => setTimeout(r, preStopDelayMs));
      await apollo.stop();
    },
  };
  return server;
}
