/**
 * Drives one running server with one workload's bodies and prints req/s, p50/p95 and the
 * server's CPU ms per request: for profiling a change without a whole bench run (no fixed
 * ports: point it at any server).
 *   npx tsx bench/tools/search-load.ts --url http://127.0.0.1:4790/graphql --pid PID [--neo4j-pid PID] [--workload w1|w2|w3|w4|w6] [--seconds 10] [--connections 16]
 * W1, W3 and W4 draw their codes from the database as the bench does (seed 42), through
 * `--bolt` (default bolt://127.0.0.1:7687, user neo4j, `--password` or NEO4J_PASSWORD, else
 * the project's local default); `--floor` sends the floor server's bodies instead of ours.
 */
import { Command } from 'commander';
import neo4j from 'neo4j-driver';
import { pidCpuMs } from '../lib/cpu';
import { runCell } from '../lib/load';
import { buildBodies, buildSearchBodies, drawParams } from '../lib/workloads';

async function codeBodies(w: 'w1' | 'w3' | 'w4', bolt: string, password: string, floor: boolean): Promise<string[]> {
  const driver = neo4j.driver(bolt, neo4j.auth.basic('neo4j', password));
  try {
    const bodies = buildBodies(await drawParams(driver, 42), [])[w];
    const list = floor ? bodies.floor : bodies.ours;
    if (!list?.length) throw new Error(`no ${floor ? 'floor' : 'ours'} bodies for ${w}`);
    return list;
  } finally {
    await driver.close();
  }
}

async function main(): Promise<void> {
  const o = new Command()
    .requiredOption('--url <url>', 'GraphQL endpoint (or the floor server)')
    .option('--pid <pid>', 'server process whose CPU to read')
    .option('--neo4j-pid <pid>', 'Neo4j process whose CPU to read')
    .option('--workload <w>', 'w1 (code page), w2 (search), w3 (similar), w4 (walk) or w6 (suggest)', 'w2')
    .option('--seconds <n>', 'seconds', '10')
    .option('--connections <n>', 'concurrency', '16')
    .option('--bolt <uri>', 'Neo4j to draw the W1/W3/W4 codes from', 'bolt://127.0.0.1:7687')
    .option('--password <p>', 'its password (default NEO4J_PASSWORD or medcodes-local-dev)')
    .option('--floor', "send the floor server's bodies (W1/W3/W4)", false)
    .parse()
    .opts<{ url: string; pid?: string; neo4jPid?: string; workload: string; seconds: string; connections: string; bolt: string; password?: string; floor: boolean }>();
  const w = o.workload;
  const bodies =
    w === 'w1' || w === 'w3' || w === 'w4' ? await codeBodies(w, o.bolt, o.password ?? process.env.NEO4J_PASSWORD ?? 'medcodes-local-dev', o.floor) : buildSearchBodies(w === 'w6' ? 'w6' : 'w2');
  const pid = o.pid ? Number(o.pid) : null;
  const neoPid = o.neo4jPid ? Number(o.neo4jPid) : null;
  const cpu0 = [pid ? pidCpuMs(pid) : null, neoPid ? pidCpuMs(neoPid) : null];
  const r = await runCell({ url: o.url, bodies, connections: Number(o.connections), seconds: Number(o.seconds) });
  const cpu1 = [pid ? pidCpuMs(pid) : null, neoPid ? pidCpuMs(neoPid) : null];
  const per = (i: number) => (cpu0[i] != null && cpu1[i] != null && r.requests ? ((cpu1[i]! - cpu0[i]!) / r.requests).toFixed(2) : '-');
  const cpu = `${per(0)} + Neo4j ${per(1)}`;
  process.stdout.write(
    `${w} c=${o.connections}: ${r.rps.toFixed(1)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, errors ${r.errors}, server CPU ${cpu} ms/req${r.firstError ? `, first error ${r.firstError.slice(0, 200)}` : ''}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
