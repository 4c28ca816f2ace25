/**
 * The benchmark: `npm run bench -- [--quick] [--scale 10k|100k|1m] [--out bench/results]`.
 * See bench/README.md. Starts one Neo4j, the contenders on it (lib/contenders.ts), drives
 * each workload (lib/workloads.ts) at fixed concurrency with autocannon (lib/measure.ts),
 * times imports (W5, imports.ts), writes a Markdown report (lib/report.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { type LocalNeo4jHandle, NEO4J_VERSION, startLocalNeo4j, stopLocalNeo4j } from '../src/neo4j/local-server';
import { runImports, type ImportResult } from './imports';
import { startContenders } from './lib/contenders';
import { measure, validate } from './lib/measure';
import { installSignalHandlers, onStop, stopAll, stopChild, waitUntil } from './lib/procs';
import { machine, renderReport, writeResultsIndex } from './lib/report';
import { BENCH, buildBodies, drawParams, isWorkloadId, ROOT, searchQueries, suggestPrefixes, WORKLOADS, type WorkloadId } from './lib/workloads';
import { describeLoad, describeWorkloadLists, ensureSynthetic, SCALES, storeWorkloadLists, type Scale } from './synthetic';

const PASSWORD = process.env.LOCAL_NEO4J_PASSWORD ?? 'medcodes-local-dev';

interface Args {
  quick: boolean;
  scale: Scale | null;
  out: string;
  seconds: number;
  concurrency: number[];
  build: boolean;
  imports: boolean;
  pages: number;
  icd: boolean;
  workloads: WorkloadId[];
  keepNeo4j: boolean;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string): string | null => {
    const i = argv.indexOf(name);
    if (i < 0) return null;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
    return v;
  };
  const known = new Set(['--quick', '--scale', '--out', '--seconds', '--concurrency', '--no-build', '--no-imports', '--pages', '--no-icd', '--workloads', '--keep-neo4j', '--help']);
  for (const a of argv) if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown option ${a} (see bench/README.md)`);
  if (argv.includes('--help')) {
    process.stdout.write(
      'npm run bench -- [--quick] [--scale 10k|100k|1m] [--out DIR] [--seconds N] [--concurrency 1,16,64] [--workloads w1,w2,w3,w4,w6] [--no-build] [--no-imports] [--pages N] [--no-icd] [--keep-neo4j]\n',
    );
    process.exit(0);
  }
  const quick = argv.includes('--quick');
  const scaleArg = get('--scale');
  if (scaleArg !== null && !(SCALES as readonly string[]).includes(scaleArg)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`);
  const scale = scaleArg as Scale | null;
  if (quick && scale) throw new Error('--quick runs on the real data only; drop --scale or --quick');
  const conc = get('--concurrency');
  const wl = get('--workloads');
  const workloads = wl ? wl.split(',') : WORKLOADS.map((w) => w.id);
  const unknownWorkload = workloads.find((w) => !isWorkloadId(w));
  if (unknownWorkload !== undefined) throw new Error(`--workloads: unknown workload "${unknownWorkload}" (one of ${WORKLOADS.map((w) => w.id).join(', ')})`);
  return {
    quick,
    scale,
    out: path.resolve(get('--out') ?? path.join(BENCH, 'results')),
    seconds: Number(get('--seconds') ?? (quick ? 3 : 12)),
    concurrency: conc ? conc.split(',').map(Number) : quick ? [1, 16] : [1, 16, 64],
    build: !argv.includes('--no-build'),
    imports: !argv.includes('--no-imports') && scale === null,
    pages: Number(get('--pages') ?? (quick ? 100 : 1000)),
    icd: !argv.includes('--no-icd') && !quick,
    workloads: workloads as WorkloadId[],
    keepNeo4j: argv.includes('--keep-neo4j'),
  };
}

const log = (m: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  installSignalHandlers();
  const started = Date.now();
  const scaleName = args.scale ?? 'real';
  const logDir = path.join(args.out, 'logs', `${scaleName}${args.quick ? '-quick' : ''}`);
  fs.mkdirSync(logDir, { recursive: true });

  if (args.build) {
    log('building our API (npm run build)');
    const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (b.status !== 0) log(`WARNING: npm run build failed (using the existing dist/):\n${(b.stdout + b.stderr).split('\n').slice(-10).join('\n')}`);
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'index.js'))) throw new Error('dist/src/index.js is missing: run npm run build');

  // One Neo4j for all four contenders: the real data (seeded by our API's start-up) or a synthetic graph.
  const home = path.join(ROOT, '.neo4j', args.scale ? `bench-synth-${args.scale}` : 'bench');
  // BENCH_NEO4J_BOLT_PORT moves it when another process holds the default.
  const boltPort = Number(process.env.BENCH_NEO4J_BOLT_PORT ?? (args.scale ? 7691 : 7690));
  const neoOpts = {
    home,
    boltPort,
    password: PASSWORD,
    heap: process.env.LOCAL_NEO4J_HEAP ?? '2g',
    pageCache: process.env.LOCAL_NEO4J_PAGECACHE ?? '1g',
  };
  // The bench home is the bench's own: stop its server at the end even when an earlier run left it up.
  onStop(async () => {
    if (args.keepNeo4j) {
      log(`leaving the bench Neo4j running (--keep-neo4j; stop: LOCAL_NEO4J_HOME=${home} npm run neo4j -- stop)`);
      return;
    }
    log('stopping the bench Neo4j');
    await stopLocalNeo4j({ home });
  });
  let synthLoad: string | null = null;
  let neo: LocalNeo4jHandle;
  if (args.scale) {
    // Reuses the graph when the home holds it; otherwise generates and bulk-imports it (neo4j-admin).
    log(`Neo4j ${NEO4J_VERSION} with the synthetic ${args.scale} graph (home ${path.relative(ROOT, home)}, bolt ${boltPort})`);
    const r = await ensureSynthetic({ ...neoOpts, scale: args.scale, log, logDir });
    neo = r.neo;
    synthLoad = describeLoad(r);
    log(`synthetic ${args.scale}: ${synthLoad}`);
  } else {
    log(`starting Neo4j ${NEO4J_VERSION} (home ${path.relative(ROOT, home)}, bolt ${boltPort})`);
    neo = await startLocalNeo4j({ ...neoOpts, startTimeoutMs: 180000 });
  }
  const uri = neo.boltUri;
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', PASSWORD), { maxConnectionPoolSize: 10 });
  onStop(() => driver.close());
  await waitUntil(
    null,
    'Neo4j',
    async () => {
      await driver.verifyConnectivity();
      return true;
    },
    120000,
  );

  const baseEnv = {
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    NEO4J_URI: uri,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: PASSWORD,
    SANDBOX: 'false',
    // W4 asks for 20 codes under each risk: our cost guard estimates it at about 200,000, over the
    // default MAX_COST of 50,000, and refuses it (QUERY_TOO_COMPLEX). Raised here so W4 can be measured.
    MAX_COST: '1000000',
    // The floor's transactions and the load generator give up after 10 s; ours gets the same
    // per-query limit instead of its default 4 s deadline (which W4 on the 1M graph outlasts).
    NEO4J_QUERY_TIMEOUT_MS: '10000',
  };
  const servers = await startContenders({ baseEnv, seed: !args.scale, noCache: args.workloads.some((w) => w === 'w2' || w === 'w6'), logDir, log });

  const versionRes = await driver.executeQuery('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition AS e');
  const v = versionRes.records[0];
  const neo4jVersion = v ? `${String(v.get('v'))} ${String(v.get('e'))}` : NEO4J_VERSION;
  const countRes = await driver.executeQuery('MATCH (c:Code) RETURN count(c) AS n');
  const codeCount = neo4j.integer.toNumber(countRes.records[0]?.get('n') as number);

  const params = await drawParams(driver, 42);
  if (args.scale) {
    // The synthetic load writes no lists; the codes the workloads read get theirs here, as an import would store them.
    const refs = [...params.pages, ...params.sharing].map((p) => `${p.system}:${p.codeKey}`);
    const lists = describeWorkloadLists(await storeWorkloadLists(uri, PASSWORD, refs, log));
    log(`synthetic ${args.scale}: ${lists}`);
    synthLoad = `${synthLoad}; ${lists}`;
  }
  const queries = searchQueries();
  const bodies = buildBodies(params, queries);
  log(
    `data: ${codeCount} codes; W1/W4 over ${params.pages.length} codes with pages, W3 over the ${params.sharing.length} sharing the most risks, W2 over ${queries.length} queries, W6 over ${suggestPrefixes(queries).length} prefixes`,
  );

  // Every contender must answer every workload without errors before we time anything.
  await validate(args.workloads, servers, bodies);
  log('validation: every contender answered every workload without errors');

  // W2 and W6: every contender sees the whole list once first, so (b)/(d) are warm and (e) stays cold by design
  const rows = await measure({
    primeWorkloads: ['w2', 'w6'],
    workloads: args.workloads,
    servers,
    bodies,
    concurrency: args.concurrency,
    seconds: args.seconds,
    warmSeconds: args.quick ? 1 : 2,
    neo4jPid: neo.pid,
    log,
  });

  for (const s of servers) await stopChild(s.child);

  let imports: ImportResult | null = null;
  if (args.imports) {
    log(`W5 imports: ${args.pages} generated pages${args.icd ? ' and the full ICD-10-CM release' : ''}, into a scratch Neo4j (.neo4j/bench-import, bolt 7692)`);
    imports = await runImports({ pages: args.pages, icd: args.icd, password: PASSWORD, log, logDir });
  }

  const report = renderReport({
    args,
    scaleName,
    machine: machine(neo4jVersion),
    codeCount,
    rows,
    imports,
    synthLoad,
    params,
    queries: queries.length,
    prefixes: suggestPrefixes(queries).length,
    minutes: (Date.now() - started) / 60000,
  });
  const day = new Date().toISOString().slice(0, 10);
  const file = path.join(args.out, `${scaleName}${args.quick ? '-quick' : ''}-${day}.md`);
  fs.writeFileSync(file, report);
  fs.writeFileSync(file.replace(/\.md$/, '.json'), JSON.stringify({ machine: machine(neo4jVersion), rows, imports, synthLoad }, null, 2));
  writeResultsIndex(args.out);
  process.stdout.write(`\n${report}\n`);
  log(`report written to ${path.relative(ROOT, file)} (total ${((Date.now() - started) / 60000).toFixed(1)} min)`);
}

main()
  .then(() => stopAll())
  .then(() => process.exit(0))
  .catch(async (err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    await stopAll();
    process.exit(1);
  });
