/**
 * One load cell: autocannon in this process, fixed concurrency (connections, no pipelining)
 * for a fixed time, each request's body taken in turn from a list. Latency is measured
 * per request (setupRequest -> onResponse on the same connection) so p95 is exact.
 * Errors: non-2xx, timeouts, connection errors, and 2xx bodies carrying "errors".
 */
import autocannon from 'autocannon';

export interface CellResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  bodyErrors: number;
  /** Mean Bolt queries per request from extensions.boltQueries; null when the server does not say. */
  boltPerRequest: number | null;
  firstError: string | null;
}

export interface CellOptions {
  url: string;
  bodies: string[];
  connections: number;
  seconds: number;
  timeoutSec?: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

const BOLT_RE = /"boltQueries":(\d+)/;

export async function runCell(opts: CellOptions): Promise<CellResult> {
  let next = 0;
  const latencies: number[] = [];
  let bodyErrors = 0;
  let boltSum = 0;
  let boltCount = 0;
  let firstError: string | null = null;
  const result = await autocannon({
    url: opts.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: opts.connections,
    pipelining: 1,
    duration: opts.seconds,
    timeout: opts.timeoutSec ?? 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context) => {
          (context as { t0?: number }).t0 = performance.now();
          const body = opts.bodies[next % opts.bodies.length] as string;
          next += 1;
          return { ...req, body };
        },
        onResponse: (status, body, context) => {
          const t0 = (context as { t0?: number }).t0;
          if (t0 !== undefined) latencies.push(performance.now() - t0);
          if (status >= 200 && status < 300 && body.includes('"errors"')) {
            bodyErrors += 1;
            if (!firstError) firstError = body.slice(0, 400);
          } else if ((status < 200 || status >= 300) && !firstError) firstError = `HTTP ${status}: ${body.slice(0, 400)}`;
          const m = BOLT_RE.exec(body.length > 400 ? body.slice(-400) : body);
          if (m) {
            boltSum += Number(m[1]);
            boltCount += 1;
          }
        },
      },
    ],
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    rps: result.requests.total / opts.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.non2xx + bodyErrors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    bodyErrors,
    boltPerRequest: boltCount > 0 ? boltSum / boltCount : null,
    firstError,
  };
}

/** One POST, for validation before load: status and parsed body. */
export async function postOnce(url: string, body: string): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, text };
}
