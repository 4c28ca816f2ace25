/**
 * The benchmark: `npm run bench -- [--quick] [--scale 10k|100k|1m] [--out bench/results]`.
 * See bench/README.md. Starts one Neo4j, four contenders on it, drives each workload at
 * fixed concurrency with autocannon, times imports (W5), writes a Markdown report.
 *
 *   (a) floor   one hand-written Cypher per workload, neo4j-driver behind bare node:http
 *   (b) ours    our API (dist/src/index.js), DataLoader batching on
 *   (c) neo4j-graphql  @neo4j/graphql v7 on @apollo/server standalone
 *   (d) ours-nobatch   our API with LOADER_BATCHING=false
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { planSearch } from '../src/modules/search/lucene-query';
import { groupCpuMs, pidCpuMs } from './lib/cpu';
import { type LocalNeo4jHandle, NEO4J_VERSION, startLocalNeo4j, stopLocalNeo4j } from '../src/neo4j/local-server';
import { runImports, type ImportResult } from './imports';
import { runCell, postOnce, type CellResult } from './lib/load';
import { installSignalHandlers, onStop, startChild, stopAll, stopChild, waitUntil, type Child } from './lib/procs';
import { mulberry32, shuffle } from './lib/prng';
import { describeLoad, ensureSynthetic, SCALES, type Scale } from './synthetic';

const ROOT = path.resolve(__dirname, '..');
const BENCH = __dirname;
const PASSWORD = process.env.LOCAL_NEO4J_PASSWORD ?? 'medcodes-local-dev';
/** Load average (1, 5, 15 min) when the run began: anything else busy on the machine shows here. */
const LOAD_AT_START = os.loadavg().map((x) => x.toFixed(2)).join(' ');

type ContenderId = 'floor' | 'ours' | 'neo4j-graphql' | 'ours-nobatch';
type WorkloadId = 'w1' | 'w2' | 'w3' | 'w4';

const CONTENDERS: { id: ContenderId; label: string }[] = [
  { id: 'floor', label: '(a) floor: Cypher' },
  { id: 'ours', label: '(b) ours' },
  { id: 'neo4j-graphql', label: '(c) @neo4j/graphql' },
  { id: 'ours-nobatch', label: '(d) ours, no batching' },
];
const WORKLOADS: { id: WorkloadId; name: string }[] = [
  { id: 'w1', name: 'W1 full code page' },
  { id: 'w2', name: 'W2 search-as-you-type' },
  { id: 'w3', name: 'W3 similar + shared risks' },
  { id: 'w4', name: 'W4 depth-3 walk' },
];

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
      'npm run bench -- [--quick] [--scale 10k|100k|1m] [--out DIR] [--seconds N] [--concurrency 1,16,64] [--workloads w1,w2,w3,w4] [--no-build] [--no-imports] [--pages N] [--no-icd] [--keep-neo4j]\n',
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
    workloads: wl ? (wl.split(',') as WorkloadId[]) : WORKLOADS.map((w) => w.id),
    keepNeo4j: argv.includes('--keep-neo4j'),
  };
}

const log = (m: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const read = (p: string) => fs.readFileSync(p, 'utf8');

function machine(neo4jVersion: string): Record<string, string> {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', 'src'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() !== '';
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  return {
    date: new Date().toISOString(),
    cpu: `${os.cpus().length} x ${cpu}`,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    neo4j: neo4jVersion,
    'neo4j heap / page cache': `${process.env.LOCAL_NEO4J_HEAP ?? '2g'} / ${process.env.LOCAL_NEO4J_PAGECACHE ?? '1g'}`,
    commit: `${git}${dirty ? ' (src/ has uncommitted changes)' : ''}`,
    '@neo4j/graphql': packageVersion('@neo4j/graphql'),
    autocannon: packageVersion('autocannon'),
    'load average at start (1/5/15 min)': LOAD_AT_START,
  };
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(read(path.join(ROOT, 'node_modules', name, 'package.json'))) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

interface CodeParam {
  system: string;
  code: string;
  codeKey: string;
}

/** Codes the code workloads ask for, drawn from the data (deterministic order). */
async function drawParams(driver: Driver, seed: number): Promise<{ pages: CodeParam[]; sharing: CodeParam[] }> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    // sharing = paths (c)-[:HAS_RISK]->(r)<-[:HAS_RISK]-(other), counted from each risk's
    // degree (a constant-time lookup) rather than by walking them: on the 1M graph a popular
    // risk has ~100k codes, and walking 5,000 codes' paths ran past the transaction timeout.
    const res = await session.run(
      `MATCH (c:Code {hasPage: true}) WITH c ORDER BY c.system, c.codeKey LIMIT 5000
       RETURN c.system AS system, c.code AS code, c.codeKey AS codeKey,
              reduce(n = 0, d IN COLLECT { MATCH (c)-[:HAS_RISK]->(r:Risk) RETURN COUNT { (r)<-[:HAS_RISK]-() } - 1 } | n + d) AS sharing`,
    );
    const rows = res.records.map((r) => ({
      system: r.get('system') as string,
      code: r.get('code') as string,
      codeKey: r.get('codeKey') as string,
      sharing: neo4j.integer.toNumber(r.get('sharing') as number),
    }));
    if (rows.length === 0) throw new Error('no code with a page in the database: nothing to benchmark W1/W3/W4 on');
    const rnd = mulberry32(seed);
    const pages = shuffle(rows, rnd).slice(0, 200);
    const sharing = [...rows].sort((a, b) => b.sharing - a.sharing || a.codeKey.localeCompare(b.codeKey)).slice(0, Math.max(10, Math.min(50, Math.floor(rows.length / 10))));
    const strip = ({ system, code, codeKey }: CodeParam) => ({ system, code, codeKey });
    return { pages: pages.map(strip), sharing: sharing.map(strip) };
  } finally {
    await session.close();
  }
}

function searchQueries(): string[] {
  return read(path.join(BENCH, 'queries', 'search-queries.txt'))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

/** The request bodies of each contender for each workload (autocannon cycles through them). */
function buildBodies(params: { pages: CodeParam[]; sharing: CodeParam[] }, queries: string[]): Record<WorkloadId, Record<ContenderId, string[]>> {
  const wl = (name: string) => read(path.join(BENCH, 'workloads', name));
  const ours = {
    w1: read(path.join(ROOT, 'examples', 'operations', 'code-page.graphql')),
    w2: wl('w2-search.ours.graphql'),
    w3: wl('w3-similar.ours.graphql'),
    w4: wl('w4-walk.ours.graphql'),
  };
  const lib = {
    w1: wl('w1-code-page.neo4j-graphql.graphql'),
    w2: wl('w2-search.neo4j-graphql.graphql'),
    w3: wl('w3-similar.neo4j-graphql.graphql'),
    w4: wl('w4-walk.neo4j-graphql.graphql'),
  };
  const gql = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  const floor = (w: WorkloadId, p: Record<string, unknown>) => JSON.stringify({ w, params: p });
  const codeWorkload = (w: 'w1' | 'w3' | 'w4', list: CodeParam[]): Record<ContenderId, string[]> => ({
    floor: list.map((p) => floor(w, { system: p.system, codeKey: p.codeKey })),
    ours: list.map((p) => gql(ours[w], { system: p.system, code: p.code })),
    'neo4j-graphql': list.map((p) => gql(lib[w], { system: p.system, codeKey: p.codeKey })),
    'ours-nobatch': list.map((p) => gql(ours[w], { system: p.system, code: p.code })),
  });
  const plans = queries.map((q) => {
    const plan = planSearch(q);
    // Same Lucene text for the floor and @neo4j/graphql: every word as a prefix, typo-tolerant when long enough.
    return { q, codeKey: plan.codeKey, lucene: plan.allFuzzy ?? plan.allWords };
  });
  return {
    w1: codeWorkload('w1', params.pages),
    w2: {
      floor: plans.map((p) => floor('w2', { codeKey: p.codeKey, lucene: p.lucene })),
      ours: plans.map((p) => gql(ours.w2, { q: p.q })),
      // A key that cannot match (and seeks the index) when the text cannot be a code.
      'neo4j-graphql': plans.map((p) => gql(lib.w2, { codeKey: p.codeKey ?? '#none#', phrase: p.lucene ?? '"#none#"' })),
      'ours-nobatch': plans.map((p) => gql(ours.w2, { q: p.q })),
    },
    w3: codeWorkload('w3', params.sharing),
    w4: codeWorkload('w4', params.pages),
  };
}

interface Server {
  id: ContenderId;
  url: string;
  statsUrl: string | null;
  child: Child;
}

async function fetchStats(url: string | null): Promise<number | null> {
  if (!url) return null;
  try {
    const r = await fetch(url);
    return ((await r.json()) as { queries: number }).queries;
  } catch {
    return null;
  }
}

const graphqlReady = (url: string) => async () => {
  const r = await postOnce(url, JSON.stringify({ query: '{ __typename }' }));
  return r.status === 200;
};

interface CellRow extends CellResult {
  workload: WorkloadId;
  contender: ContenderId;
  concurrency: number;
  /** CPU milliseconds per completed request: the contender's server processes, and Neo4j (null without /proc). */
  serverCpuMs: number | null;
  neo4jCpuMs: number | null;
}

/** CPU ms per request between two readings, or null. */
const perRequest = (before: number | null, after: number | null, requests: number) =>
  before === null || after === null || requests === 0 ? null : (after - before) / requests;

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
  await waitUntil(null, 'Neo4j', async () => {
    await driver.verifyConnectivity();
    return true;
  }, 120000);

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
  const servers: Server[] = [];
  const node = process.execPath;
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');

  // (b) first: on the real data it migrates and seeds an empty database; the others start after.
  log('starting (b) our API on :4100 (seeds an empty database: about a minute the first time)');
  const b = startChild('ours', node, ['dist/src/index.js'], { ...baseEnv, PORT: '4100', LOADER_BATCHING: 'true', SEED_ON_START: args.scale ? 'false' : 'true' }, logDir, ROOT);
  await waitUntil(b, 'our API (b)', graphqlReady('http://127.0.0.1:4100/graphql'), 600000);
  servers.push({ id: 'ours', url: 'http://127.0.0.1:4100/graphql', statsUrl: null, child: b });

  log('starting (d) our API without batching on :4101, (c) @neo4j/graphql on :4102, (a) floor on :4103');
  const d = startChild('ours-nobatch', node, ['dist/src/index.js'], { ...baseEnv, PORT: '4101', LOADER_BATCHING: 'false', SEED_ON_START: 'false' }, logDir, ROOT);
  const c = startChild('neo4j-graphql', tsx, [path.join(BENCH, 'neo4j-graphql', 'server.ts')], { ...baseEnv, PORT: '4102', STATS_PORT: '4202' }, logDir, ROOT);
  const a = startChild('floor', tsx, [path.join(BENCH, 'floor', 'server.ts')], { ...baseEnv, PORT: '4103' }, logDir, ROOT);
  await Promise.all([
    waitUntil(d, 'our API without batching (d)', graphqlReady('http://127.0.0.1:4101/graphql'), 120000),
    waitUntil(c, '@neo4j/graphql (c)', graphqlReady('http://127.0.0.1:4102/graphql'), 120000),
    waitUntil(a, 'floor (a)', async () => (await fetch('http://127.0.0.1:4103/')).ok, 60000),
  ]);
  servers.push({ id: 'ours-nobatch', url: 'http://127.0.0.1:4101/graphql', statsUrl: null, child: d });
  servers.push({ id: 'neo4j-graphql', url: 'http://127.0.0.1:4102/graphql', statsUrl: 'http://127.0.0.1:4202/', child: c });
  servers.push({ id: 'floor', url: 'http://127.0.0.1:4103/', statsUrl: 'http://127.0.0.1:4103/', child: a });
  servers.sort((x, y) => CONTENDERS.findIndex((k) => k.id === x.id) - CONTENDERS.findIndex((k) => k.id === y.id));

  const versionRes = await driver.executeQuery('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition AS e');
  const v = versionRes.records[0];
  const neo4jVersion = v ? `${String(v.get('v'))} ${String(v.get('e'))}` : NEO4J_VERSION;
  const countRes = await driver.executeQuery('MATCH (c:Code) RETURN count(c) AS n');
  const codeCount = neo4j.integer.toNumber(countRes.records[0]?.get('n') as number);

  const params = await drawParams(driver, 42);
  const queries = searchQueries();
  const bodies = buildBodies(params, queries);
  log(`data: ${codeCount} codes; W1/W4 over ${params.pages.length} codes with pages, W3 over the ${params.sharing.length} sharing the most risks, W2 over ${queries.length} queries`);

  // Every contender must answer every workload without errors before we time anything.
  const problems: string[] = [];
  for (const w of args.workloads) {
    for (const s of servers) {
      const list = bodies[w][s.id];
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
  log('validation: every contender answered every workload without errors');

  const rows: CellRow[] = [];
  const warmSec = args.quick ? 1 : 2;
  for (const w of args.workloads) {
    for (const s of servers) {
      await runCell({ url: s.url, bodies: bodies[w][s.id], connections: 4, seconds: warmSec }); // warm-up, discarded
    }
    for (const conc of args.concurrency) {
      for (const s of servers) {
        const before = await fetchStats(s.statsUrl);
        const cpu0 = [groupCpuMs(s.child.proc.pid ?? -1), pidCpuMs(neo.pid)] as const;
        const r = await runCell({ url: s.url, bodies: bodies[w][s.id], connections: conc, seconds: args.seconds });
        const cpu1 = [groupCpuMs(s.child.proc.pid ?? -1), pidCpuMs(neo.pid)] as const;
        const after = await fetchStats(s.statsUrl);
        let bolt = r.boltPerRequest;
        if (bolt === null && before !== null && after !== null && r.requests > 0) bolt = (after - before) / r.requests;
        const serverCpuMs = perRequest(cpu0[0], cpu1[0], r.requests);
        const neo4jCpuMs = perRequest(cpu0[1], cpu1[1], r.requests);
        rows.push({ ...r, boltPerRequest: bolt, workload: w, contender: s.id, concurrency: conc, serverCpuMs, neo4jCpuMs });
        log(
          `${w} c=${conc} ${s.id.padEnd(13)} ${r.rps.toFixed(1).padStart(7)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}` +
            `  bolt/req ${bolt === null ? '-' : bolt.toFixed(2)}  cpu/req ${fmt(serverCpuMs)} + ${fmt(neo4jCpuMs)} ms${r.firstError ? `  first error: ${r.firstError.slice(0, 200)}` : ''}`,
        );
        await sleep(300);
      }
    }
  }

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

// ---------------------------------------------------------------- report

const fmt = (n: number | null, d = 1) => (n === null || Number.isNaN(n) ? '-' : n.toFixed(d));
const cpuCell = (x: { serverCpuMs?: number | null; neo4jCpuMs?: number | null }) =>
  x.serverCpuMs == null || x.neo4jCpuMs == null ? '-' : `${fmt(x.serverCpuMs)} + ${fmt(x.neo4jCpuMs)} = ${fmt(x.serverCpuMs + x.neo4jCpuMs)}`;
const ratio = (x: number | undefined, y: number | undefined) => (x === undefined || y === undefined || y === 0 || Number.isNaN(x) || Number.isNaN(y) ? '-' : `${(x / y).toFixed(2)}x`);

function renderReport(r: {
  args: Args;
  scaleName: string;
  machine: Record<string, string>;
  codeCount: number;
  rows: CellRow[];
  imports: ImportResult | null;
  synthLoad: string | null;
  params: { pages: CodeParam[]; sharing: CodeParam[] };
  queries: number;
  minutes: number;
}): string {
  const L: string[] = [];
  const title = r.args.scale ? `synthetic graph, ${r.args.scale} codes` : `real data (${r.codeCount.toLocaleString('en-US')} codes)`;
  L.push(`# Benchmark: ${title}${r.args.quick ? ' (quick)' : ''}`, '');
  L.push(`Run ${r.machine.date}, ${r.minutes.toFixed(1)} min. ${r.args.seconds} s per cell, concurrency ${r.args.concurrency.join(', ')}; load generator (autocannon) on the same machine.`, '');
  L.push('| machine | |', '|---|---|');
  for (const [k, v] of Object.entries(r.machine)) L.push(`| ${k} | ${v} |`);
  if (r.synthLoad) L.push(`| synthetic graph | ${r.synthLoad} |`);
  L.push('');
  L.push(
    `Parameters: W1 and W4 cycle over ${r.params.pages.length} codes that have a page; W3 over the ${r.params.sharing.length} codes with the most risk-sharing codes; W2 over ${r.queries} queries of bench/queries/search-queries.txt.`,
    '',
  );
  const get = (w: WorkloadId, c: ContenderId, conc: number) => r.rows.find((x) => x.workload === w && x.contender === c && x.concurrency === conc);
  L.push('<!-- summary:start -->');
  L.push(`### Ratios (${r.scaleName}${r.args.quick ? ', quick' : ''}): ours (b) against the floor (a) and @neo4j/graphql (c)`, '');
  L.push('p50 ratio below 1 means ours is faster; req/s ratio above 1 means ours serves more.', '');
  L.push('| workload | conc. | p50 ours/floor | p50 ours/@neo4j/graphql | req/s ours/@neo4j/graphql | p50 ours/ours-no-batching |', '|---|---:|---:|---:|---:|---:|');
  for (const w of WORKLOADS.filter((x) => r.args.workloads.includes(x.id))) {
    for (const conc of r.args.concurrency) {
      const o = get(w.id, 'ours', conc);
      const f = get(w.id, 'floor', conc);
      const g = get(w.id, 'neo4j-graphql', conc);
      const d = get(w.id, 'ours-nobatch', conc);
      L.push(`| ${w.name} | ${conc} | ${ratio(o?.p50, f?.p50)} | ${ratio(o?.p50, g?.p50)} | ${ratio(o?.rps, g?.rps)} | ${ratio(o?.p50, d?.p50)} |`);
    }
  }
  L.push('');
  // Targets (brief): honest pass/fail.
  L.push('### Targets', '', '| target | measured | met? |', '|---|---|---|');
  for (const w of WORKLOADS.filter((x) => r.args.workloads.includes(x.id))) {
    const o = get(w.id, 'ours', 16);
    const f = get(w.id, 'floor', 16);
    if (o && f) {
      const q = o.p50 / f.p50;
      L.push(
        Number.isFinite(q)
          ? `| ${w.id.toUpperCase()}: our p50 within 1.3x of the floor at c=16 | ${q.toFixed(2)}x (${fmt(o.p50)} vs ${fmt(f.p50)} ms) | ${q <= 1.3 ? 'yes' : 'no'} |`
          : `| ${w.id.toUpperCase()}: our p50 within 1.3x of the floor at c=16 | no p50: ${o.requests} vs ${f.requests} requests completed in the cell | n/a |`,
      );
    }
  }
  for (const w of WORKLOADS.filter((x) => r.args.workloads.includes(x.id))) {
    const cells = r.args.concurrency.map((conc) => [get(w.id, 'ours', conc), get(w.id, 'neo4j-graphql', conc)] as const);
    const ok = cells.every(([o, g]) => o && g && o.rps >= g.rps);
    // A cell where neither completed a request decides nothing.
    const decided = cells.every(([o, g]) => o && g && o.requests + g.requests > 0);
    const detail = cells.map(([o, g], i) => `c=${r.args.concurrency[i]}: ${fmt(o?.rps ?? null, 1)} vs ${fmt(g?.rps ?? null, 1)}`).join('; ');
    L.push(`| ${w.id.toUpperCase()}: ours >= @neo4j/graphql (req/s) at every concurrency | ${detail} | ${decided ? (ok ? 'yes' : 'no') : 'n/a: a cell where neither completed a request'} |`);
  }
  const s16 = get('w2', 'ours', 16);
  if (s16) {
    L.push(`| search p95 < 20 ms at c=16 on ${r.codeCount.toLocaleString('en-US')} codes | ${fmt(s16.p95)} ms | ${s16.p95 < 20 ? 'yes' : 'no'} |`);
  }
  if (r.imports?.icd) {
    L.push(`| full ICD-10-CM load < 30 s | ${fmt(r.imports.icd.seconds)} s | ${r.imports.icd.seconds < 30 ? 'yes' : 'no'} |`);
  }
  const cpuConc = r.args.concurrency.includes(16) ? 16 : r.args.concurrency[r.args.concurrency.length - 1]!;
  if (r.rows.some((x) => x.serverCpuMs != null)) {
    L.push('', `### CPU per request at c=${cpuConc}: server + Neo4j, ms`, '');
    L.push(
      `On a saturated machine this bounds throughput: req/s <= cores x 1000 / (server + Neo4j ms), cores = ${os.cpus().length} here, shared with the load generator.`,
      '',
    );
    L.push(`| workload | ${CONTENDERS.map((c) => c.label).join(' | ')} |`, `|---|${CONTENDERS.map(() => '---:').join('|')}|`);
    for (const w of WORKLOADS.filter((x) => r.args.workloads.includes(x.id))) {
      L.push(`| ${w.name} | ${CONTENDERS.map((c) => { const x = get(w.id, c.id, cpuConc); return x ? cpuCell(x) : '-'; }).join(' | ')} |`);
    }
  }
  L.push('<!-- summary:end -->', '');

  for (const w of WORKLOADS.filter((x) => r.args.workloads.includes(x.id))) {
    L.push(`### ${w.name}`, '');
    L.push(
      '| contender | conc. | req/s | p50 ms | p95 ms | p99 ms | requests | errors | Bolt queries/req | CPU ms/req: server + Neo4j |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const conc of r.args.concurrency) {
      for (const c of CONTENDERS) {
        const x = get(w.id, c.id, conc);
        if (!x) continue;
        const errs = x.errors === 0 ? '0' : `${x.errors} (non-2xx ${x.non2xx}, timeouts ${x.timeouts}, "errors" bodies ${x.bodyErrors})`;
        L.push(`| ${c.label} | ${conc} | ${fmt(x.rps)} | ${fmt(x.p50)} | ${fmt(x.p95)} | ${fmt(x.p99)} | ${x.requests} | ${errs} | ${fmt(x.boltPerRequest, 2)} | ${cpuCell(x)} |`);
      }
    }
    const errored = r.rows.filter((x) => x.workload === w.id && x.firstError);
    for (const x of errored.slice(0, 4)) L.push('', `First error, ${x.contender} c=${x.concurrency}: \`${(x.firstError ?? '').replace(/`/g, "'").slice(0, 300)}\``);
    L.push('');
  }
  if (r.imports) {
    L.push('### W5 imports (scratch Neo4j, empty database with our schema and vocabulary)', '');
    L.push('| import | rows | seconds | rows/s |', '|---|---:|---:|---:|');
    if (r.imports.icd) L.push(`| full ICD-10-CM release (loadCodesetFile, icd10cm_order_2026.txt.gz) | ${r.imports.icd.rows} | ${fmt(r.imports.icd.seconds)} | ${fmt(r.imports.icd.rows / r.imports.icd.seconds, 0)} |`);
    const p = r.imports.pages;
    L.push(`| ${p.rows} generated code pages (CodePageImporter.importFiles, one transaction each)${p.failed ? `, ${p.failed} failed` : ''} | ${p.rows} | ${fmt(p.seconds)} | ${fmt(p.rows / p.seconds, 1)} |`);
    L.push('');
  }
  return L.join('\n');
}

/** bench/results/README.md: the summary of every report in the folder, newest first. */
function writeResultsIndex(dir: string): void {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort((x, y) => fs.statSync(path.join(dir, y)).mtimeMs - fs.statSync(path.join(dir, x)).mtimeMs);
  const L = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); see bench/README.md for what the contenders and workloads are.',
    'Each report below is summarised by its ratios and the targets; open the file for the full tables (latency, req/s, errors, Bolt round trips).',
    '',
  ];
  for (const f of files) {
    const text = read(path.join(dir, f));
    const m = /<!-- summary:start -->([\s\S]*?)<!-- summary:end -->/.exec(text);
    const head = text.split('\n')[0]?.replace(/^# /, '') ?? f;
    L.push(`## [${f}](${f}): ${head}`, '');
    const when = /^Run (.*?)\./m.exec(text)?.[1];
    if (when) L.push(`Run ${when}.`, '');
    if (m?.[1]) L.push(m[1].trim().replace(/^### /gm, '#### '), '');
  }
  fs.writeFileSync(path.join(dir, 'README.md'), `${L.join('\n')}\n`);
}

main()
  .then(() => stopAll())
  .then(() => process.exit(0))
  .catch(async (err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    await stopAll();
    process.exit(1);
  });
