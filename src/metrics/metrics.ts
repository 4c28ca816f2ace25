import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database, QueryEvent } from '../neo4j/database';
import { searchCacheStats, type SearchCacheName } from '../modules/search/search-cache';

/** Most distinct operation names a label takes; more become "other" (client-chosen names must not grow the series without bound). */
const MAX_OPERATION_NAMES = 100;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * The Prometheus series of one server (one registry per server, so in-process test servers
 * do not share counters). Shared by every request for the life of the server. README
 * "Running in production" lists the series.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  readonly requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, or the first error code)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly requestDuration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request latency from parse to response, by operation name',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors in responses, by extensions.code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly queryDuration = new Histogram({
    name: 'neo4j_query_duration_seconds',
    help: 'Neo4j query time (including the wait at the read gate), by access mode and outcome',
    labelNames: ['mode', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly httpResponses = new Counter({
    name: 'http_responses_total',
    help: 'HTTP responses by route and status (GraphQL GET/POST, health, metrics)',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });

  constructor(db: Database) {
    collectDefaultMetrics({ register: this.registry });
    db.observeQueries((e: QueryEvent) => this.queryDuration.observe({ mode: e.mode, outcome: e.ok ? 'ok' : 'error' }, e.ms / 1000));
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(read());
        },
      });
    gauge('neo4j_sessions_in_use', 'Bolt sessions running a query now (each holds one pooled connection)', () => db.load.sessionsInUse);
    gauge('neo4j_pool_max', 'Largest Bolt connection pool (NEO4J_MAX_POOL_SIZE)', () => db.load.poolMax);
    gauge('neo4j_read_gate_active', 'Read queries holding a slot of the read gate (NEO4J_MAX_CONCURRENT_READS)', () => db.load.gateActive);
    gauge('neo4j_read_gate_waiting', 'Read queries waiting for a slot of the read gate, in order', () => db.load.gateWaiting);
    searchCacheCounters(this.registry, db);
  }

  /** The label for a client-chosen operation name: bounded in length, charset and count. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /** Apollo plugin: counts each request by operation and outcome, its latency and its error codes. */
  plugin(): ApolloServerPlugin {
    // Apollo calls the hooks below as methods of the objects returned here, so `this` there is not ours.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const metrics = this;
    return {
      async requestDidStart(rc) {
        const t0 = performance.now();
        return {
          async willSendResponse(ctx) {
            const operation = metrics.operationLabel(ctx.operationName ?? rc.request.operationName);
            const body = ctx.response.body;
            const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
            for (const e of errors) metrics.errors.inc({ code: errorCode(e.extensions?.code) });
            const outcome = errors.length ? errorCode(errors[0]!.extensions?.code) : 'ok';
            metrics.requests.inc({ operation, outcome });
            metrics.requestDuration.observe({ operation }, (performance.now() - t0) / 1000);
          },
        };
      },
    };
  }

  /** Express middleware counting every response by route and status. */
  httpCounter(): RequestHandler {
    return (req, res, next) => {
      // originalUrl: a mounted router (app.use('/graphql', ...)) rewrites req.url while it runs.
      const p = req.originalUrl.split('?')[0] ?? '';
      res.on('finish', () => {
        const route = p.startsWith('/graphql') ? '/graphql' : ['/health/live', '/health/ready', '/metrics'].includes(p) ? p : 'other';
        this.httpResponses.inc({ route, method: req.method, status: String(res.statusCode) });
      });
      next();
    };
  }

  /**
   * GET /metrics in Prometheus' text format. With a token configured (METRICS_TOKEN) the
   * request needs `Authorization: Bearer <token>`: 401 otherwise.
   */
  handler(token: string | null): RequestHandler {
    return async (req, res) => {
      if (token !== null && !bearerMatches(req, token)) {
        res.status(401).set('www-authenticate', 'Bearer realm="metrics"').type('text/plain').send('metrics need Authorization: Bearer <METRICS_TOKEN>\n');
        return;
      }
      res
        .set('content-type', this.registry.contentType)
        .set('cache-control', 'no-store')
        .send(await this.registry.metrics());
    };
  }
}

function bearerMatches(req: Request, token: string): boolean {
  const m = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]!.trim());
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * search_cache_lookups_total{cache="search"|"suggest", outcome="hit"|"miss"}: the result cache
 * of src/modules/search/search-cache.ts, counted there (per driver) and carried over here on
 * each scrape as the increase since the last one.
 */
function searchCacheCounters(registry: Registry, db: Database): void {
  const last = new Map<string, number>();
  new Counter({
    name: 'search_cache_lookups_total',
    help: 'search / suggest result cache lookups by cache and outcome (hit, miss); none while SEARCH_CACHE_ENTRIES=0',
    labelNames: ['cache', 'outcome'] as const,
    registers: [registry],
    collect() {
      for (const cache of ['search', 'suggest'] as SearchCacheName[]) {
        const s = searchCacheStats(db, cache);
        for (const [outcome, n] of [
          ['hit', s.hits],
          ['miss', s.misses],
        ] as const) {
          const k = `${cache}|${outcome}`;
          const delta = n - (last.get(k) ?? 0);
          last.set(k, n);
          if (delta > 0) this.inc({ cache, outcome }, delta);
          else this.inc({ cache, outcome }, 0);
        }
      }
    },
  });
}

/** An error's extensions.code as a metric label; anything that is not a string counts as INTERNAL_SERVER_ERROR. */
function errorCode(code: unknown): string {
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}
