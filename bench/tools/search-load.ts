/**
 * Drives one running server with the W2 search queries (or W6 suggest prefixes) and prints
 * req/s, p50/p95 and the server's CPU ms per request: for profiling a change without a
 * whole bench run (no fixed ports: point it at any server).
 *   npx tsx bench/tools/search-load.ts --url http://127.0.0.1:4790/graphql --pid PID [--neo4j-pid PID] [--workload w2|w6] [--seconds 10] [--connections 16]
 */
import { Command } from 'commander';
import { pidCpuMs } from '../lib/cpu';
import { runCell } from '../lib/load';
import { buildSearchBodies } from '../lib/workloads';

async function main(): Promise<void> {
  const o = new Command()
    .requiredOption('--url <url>', 'GraphQL endpoint')
    .option('--pid <pid>', 'server process whose CPU to read')
    .option('--neo4j-pid <pid>', 'Neo4j process whose CPU to read')
    .option('--workload <w>', 'w2 (search) or w6 (suggest)', 'w2')
    .option('--seconds <n>', 'seconds', '10')
    .option('--connections <n>', 'concurrency', '16')
    .parse()
    .opts<{ url: string; pid?: string; neo4jPid?: string; workload: string; seconds: string; connections: string }>();
  const bodies = buildSearchBodies(o.workload === 'w6' ? 'w6' : 'w2');
  const pid = o.pid ? Number(o.pid) : null;
  const neoPid = o.neo4jPid ? Number(o.neo4jPid) : null;
  const cpu0 = [pid ? pidCpuMs(pid) : null, neoPid ? pidCpuMs(neoPid) : null];
  const r = await runCell({ url: o.url, bodies, connections: Number(o.connections), seconds: Number(o.seconds) });
  const cpu1 = [pid ? pidCpuMs(pid) : null, neoPid ? pidCpuMs(neoPid) : null];
  const per = (i: number) => (cpu0[i] != null && cpu1[i] != null && r.requests ? ((cpu1[i]! - cpu0[i]!) / r.requests).toFixed(2) : '-');
  const cpu = `${per(0)} + Neo4j ${per(1)}`;
  process.stdout.write(
    `${o.workload} c=${o.connections}: ${r.rps.toFixed(1)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, errors ${r.errors}, server CPU ${cpu} ms/req${r.firstError ? `, first error ${r.firstError.slice(0, 200)}` : ''}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
