/**
 * The load and measure loop: checks that every contender answers every workload, then runs
 * one autocannon cell per (workload, concurrency, contender), reading CPU from /proc and
 * Bolt round trips around each cell.
 */
import { groupCpuMs, pidCpuMs } from './cpu';
import { type Server, fetchStats } from './contenders';
import type { ContenderId } from './contenders';
import { postOnce, runCell, type CellResult } from './load';
import type { Bodies, WorkloadId } from './workloads';

export interface CellRow extends CellResult {
  workload: WorkloadId;
  contender: ContenderId;
  concurrency: number;
  /** CPU milliseconds per completed request: the contender's server processes, and Neo4j (null without /proc). */
  serverCpuMs: number | null;
  neo4jCpuMs: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number | null, d = 1) => (n === null || Number.isNaN(n) ? '-' : n.toFixed(d));

/** CPU ms per request between two readings, or null. */
const perRequest = (before: number | null, after: number | null, requests: number) => (before === null || after === null || requests === 0 ? null : (after - before) / requests);

/** Throws, listing every failure, unless every contender answers the first bodies of every workload without errors. */
export async function validate(workloads: WorkloadId[], servers: Server[], bodies: Bodies): Promise<void> {
  const problems: string[] = [];
  for (const w of workloads) {
    for (const s of servers) {
      const list = bodies[w][s.id];
      if (!list) continue;
      for (const body of list.slice(0, 3)) {
        // Up to three tries: on a large graph the first read of a hub can outlast a deadline while the page cache is cold.
        let r = await postOnce(s.url, body);
        for (let attempt = 1; attempt < 3 && (r.status !== 200 || r.text.includes('"errors"')); attempt += 1) r = await postOnce(s.url, body);
        if (r.status !== 200 || r.text.includes('"errors"')) {
          problems.push(`${w} ${s.id}: HTTP ${r.status} ${r.text.slice(0, 600)}`);
          break;
        }
      }
    }
  }
  if (problems.length) throw new Error(`validation failed before load:\n${problems.join('\n')}`);
}

/**
 * Sends every body of the list once (4 at a time): after it, a server with a result cache has
 * seen every query, so its timed cells are the warm figure even when a short cell would not
 * get through the whole list (261 W2 queries, 893 W6 prefixes).
 */
async function prime(url: string, bodies: string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) await postOnce(url, bodies[next++]!);
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

export interface MeasureOptions {
  /** Workloads whose list every contender is sent once, whole, before timing (the result-cache workloads). */
  primeWorkloads: WorkloadId[];
  workloads: WorkloadId[];
  servers: Server[];
  bodies: Bodies;
  concurrency: number[];
  seconds: number;
  warmSeconds: number;
  neo4jPid: number;
  log: (m: string) => void;
}

/**
 * Every cell: per workload a discarded warm-up per contender (for primeWorkloads also the whole
 * list once), then each concurrency for each contender.
 */
export async function measure(o: MeasureOptions): Promise<CellRow[]> {
  const rows: CellRow[] = [];
  for (const w of o.workloads) {
    const servers = o.servers.filter((s) => o.bodies[w][s.id] !== undefined);
    for (const s of servers) {
      await runCell({ url: s.url, bodies: o.bodies[w][s.id]!, connections: 4, seconds: o.warmSeconds }); // warm-up, discarded
      if (o.primeWorkloads.includes(w)) await prime(s.url, o.bodies[w][s.id]!);
    }
    for (const conc of o.concurrency) {
      for (const s of servers) {
        const before = await fetchStats(s.statsUrl);
        const cpu0 = [groupCpuMs(s.child.proc.pid ?? -1), pidCpuMs(o.neo4jPid)] as const;
        const r = await runCell({ url: s.url, bodies: o.bodies[w][s.id]!, connections: conc, seconds: o.seconds });
        const cpu1 = [groupCpuMs(s.child.proc.pid ?? -1), pidCpuMs(o.neo4jPid)] as const;
        const after = await fetchStats(s.statsUrl);
        let bolt = r.boltPerRequest;
        if (bolt === null && before !== null && after !== null && r.requests > 0) bolt = (after - before) / r.requests;
        const serverCpuMs = perRequest(cpu0[0], cpu1[0], r.requests);
        const neo4jCpuMs = perRequest(cpu0[1], cpu1[1], r.requests);
        rows.push({ ...r, boltPerRequest: bolt, workload: w, contender: s.id, concurrency: conc, serverCpuMs, neo4jCpuMs });
        o.log(
          `${w} c=${conc} ${s.id.padEnd(13)} ${r.rps.toFixed(1).padStart(7)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}` +
            `  bolt/req ${bolt === null ? '-' : bolt.toFixed(2)}  cpu/req ${fmt(serverCpuMs)} + ${fmt(neo4jCpuMs)} ms${r.firstError ? `  first error: ${r.firstError.slice(0, 200)}` : ''}`,
        );
        await sleep(300);
      }
    }
  }
  return rows;
}
