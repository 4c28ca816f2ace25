import neo4j, { Driver, ManagedTransaction, QueryResult, RecordShape } from 'neo4j-driver';
import { mapNeo4jError, QueryDeadlineError } from '../errors/neo4j-errors';
import { QueryGate } from './query-gate';

/** Per-request tally of Bolt queries, so tests and the bench can count round trips. */
export interface QueryStats {
  queries: number;
}

export type Params = Record<string, unknown>;

/** One query as seen by an observer (metrics): its mode, time including the read-gate wait, and outcome. */
export interface QueryEvent {
  mode: 'READ' | 'WRITE';
  ms: number;
  ok: boolean;
}

/** What this Database and its scoped views share: the observers and the sessions open now. */
interface SharedState {
  observers: ((e: QueryEvent) => void)[];
  sessionsInUse: number;
}

/** What writes changed, summed over statements (from the Bolt result summaries). */
export interface WriteCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

export function emptyCounters(): WriteCounters {
  return { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 };
}

function addCounters(into: WriteCounters, u: Record<string, number>): void {
  into.nodesCreated += u.nodesCreated ?? 0;
  into.nodesDeleted += u.nodesDeleted ?? 0;
  into.relationshipsCreated += u.relationshipsCreated ?? 0;
  into.relationshipsDeleted += u.relationshipsDeleted ?? 0;
  into.propertiesSet += u.propertiesSet ?? 0;
}

/**
 * JS numbers go over Bolt as floats; LIMIT, SKIP and range() need integers.
 * Whole numbers become Neo4j integers, recursively.
 */
export function toBoltParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toBoltParams);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toBoltParams(v)]));
  }
  return value;
}

/**
 * Runs `start` (a synchronous driver call that creates a Result) with stack capture off: the
 * driver records `new Error().stack` for every query, only to splice it into a server error's
 * stack later, and building that string is a measurable part of a read's CPU. Our errors are
 * mapped (mapNeo4jError) and logged by code and message, so reads go without it.
 */
function runWithoutStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export interface DatabaseOptions {
  database: string;
  /** Server-side transaction timeout and client-side deadline for one query. */
  queryTimeoutMs: number;
  /** Most read queries in flight at once (the rest wait in order); default unlimited. */
  maxConcurrentReads?: number;
  /** The driver's pool size, reported by metrics only. */
  maxPoolSize?: number;
}

/**
 * The only object that runs Cypher. Shared by every request (one per process);
 * repositories call it, resolvers never do. Every call has a deadline: a dead or
 * frozen server costs at most `queryTimeoutMs`, then SERVICE_UNAVAILABLE.
 */
export class Database {
  /** Queries run since start through this object and its scoped views. */
  private readonly totals: QueryStats;

  constructor(
    readonly driver: Driver,
    private readonly opts: DatabaseOptions,
    private readonly requestStats: QueryStats | null = null,
    totals?: QueryStats,
    gate?: QueryGate | null,
    shared?: SharedState,
  ) {
    this.totals = totals ?? { queries: 0 };
    this.shared = shared ?? { observers: [], sessionsInUse: 0 };
    this.gate = gate !== undefined ? gate : opts.maxConcurrentReads ? new QueryGate(opts.maxConcurrentReads) : null;
  }

  /** Shared by this object and its scoped views: one gate per process. */
  private readonly gate: QueryGate | null;
  private readonly shared: SharedState;

  /** Calls `observer` after every query (all scoped views too); for metrics. */
  observeQueries(observer: (e: QueryEvent) => void): void {
    this.shared.observers.push(observer);
  }

  /** Load now: sessions running a query (each holds a pooled connection) and the read gate. */
  get load(): { sessionsInUse: number; poolMax: number; gateActive: number; gateWaiting: number } {
    return { sessionsInUse: this.shared.sessionsInUse, poolMax: this.opts.maxPoolSize ?? 0, gateActive: this.gate?.inUse ?? 0, gateWaiting: this.gate?.queued ?? 0 };
  }

  private emit(mode: 'READ' | 'WRITE', started: number, ok: boolean): void {
    if (this.shared.observers.length === 0) return;
    const e = { mode, ms: performance.now() - started, ok };
    for (const o of this.shared.observers) o(e);
  }

  /** Queries run since start, whole process. */
  get totalQueries(): number {
    return this.totals.queries;
  }

  /** A view for one request that also counts its queries into `stats` (same driver). */
  scoped(stats: QueryStats): Database {
    return new Database(this.driver, this.opts, stats, this.totals, this.gate, this.shared);
  }

  private count(): void {
    this.totals.queries += 1;
    if (this.requestStats) this.requestStats.queries += 1;
  }

  private async withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout();
        reject(new QueryDeadlineError(`query did not finish within ${ms} ms`));
      }, ms);
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async run<R extends RecordShape>(mode: 'READ' | 'WRITE', cypher: string, params: Params, timeoutMs?: number): Promise<QueryResult<R>> {
    this.count();
    const ms = timeoutMs ?? this.opts.queryTimeoutMs;
    const started = Date.now();
    const t0 = performance.now();
    const slot = mode === 'READ' && this.gate ? this.gate.acquire() : null;
    if (slot) {
      try {
        await this.withDeadline(slot.ready, ms, () => slot.abandon());
      } catch (err) {
        this.emit(mode, t0, false);
        throw mapNeo4jError(err);
      }
    }
    let ok = false;
    try {
      const result = await this.runNow<R>(mode, cypher, params, Math.max(ms - (Date.now() - started), 100));
      ok = true;
      return result;
    } finally {
      if (slot) this.gate!.release();
      this.emit(mode, t0, ok);
    }
  }

  private async runNow<R extends RecordShape>(mode: 'READ' | 'WRITE', cypher: string, params: Params, ms: number): Promise<QueryResult<R>> {
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    const txConfig = { timeout: ms };
    const bolt = toBoltParams(params) as Params;
    this.shared.sessionsInUse += 1;
    try {
      // Reads are auto-commit (one round trip, no retry: a request should fail fast and the
      // client may retry); writes are managed transactions the driver retries on transient errors.
      const p = mode === 'READ' ? Promise.resolve(runWithoutStack(() => session.run<R>(cypher, bolt, txConfig))) : session.executeWrite((tx: ManagedTransaction) => tx.run<R>(cypher, bolt), txConfig);
      // The session is closed in the background on timeout: close() itself waits on a frozen server.
      return await this.withDeadline(p, ms + 500, () => void session.close().catch(() => undefined));
    } catch (err) {
      throw mapNeo4jError(err);
    } finally {
      this.shared.sessionsInUse -= 1;
      void session.close().catch(() => undefined);
    }
  }

  /** Runs one read query; returns its records as plain objects. Throws SERVICE_UNAVAILABLE when the database is away. */
  async read<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}, timeoutMs?: number): Promise<R[]> {
    const result = await this.run<R>('READ', cypher, params, timeoutMs);
    return result.records.map((r) => r.toObject() as R);
  }

  /** Runs one write query in its own transaction; returns its records. */
  async write<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}, timeoutMs?: number): Promise<R[]> {
    const result = await this.run<R>('WRITE', cypher, params, timeoutMs);
    return result.records.map((r) => r.toObject() as R);
  }

  /**
   * Runs several statements in ONE write transaction: all or nothing.
   * `work` gets a runner; each call counts as one query.
   */
  async writeTransaction<T>(work: (run: (cypher: string, params?: Params) => Promise<RecordShape[]>) => Promise<T>, timeoutMs?: number, counters?: WriteCounters): Promise<T> {
    const ms = timeoutMs ?? this.opts.queryTimeoutMs * 5;
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: neo4j.session.WRITE });
    const t0 = performance.now();
    let ok = false;
    this.shared.sessionsInUse += 1;
    try {
      const p = session.executeWrite(
        (tx) =>
          work(async (cypher, params = {}) => {
            this.count();
            const r = await tx.run(cypher, toBoltParams(params) as Params);
            if (counters) addCounters(counters, r.summary.counters.updates());
            return r.records.map((rec) => rec.toObject());
          }),
        { timeout: ms },
      );
      const result = await this.withDeadline(p, ms + 500, () => void session.close().catch(() => undefined));
      ok = true;
      return result;
    } catch (err) {
      throw mapNeo4jError(err);
    } finally {
      this.shared.sessionsInUse -= 1;
      this.emit('WRITE', t0, ok);
      void session.close().catch(() => undefined);
    }
  }

  /** True when the database answers a trivial query within `timeoutMs`. Never throws. */
  async ping(timeoutMs = 1500): Promise<boolean> {
    try {
      await this.read('RETURN 1 AS ok', {}, timeoutMs);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
