/**
 * Reporting: the Markdown report of one run (ratios, targets, CPU per request, one table per
 * workload, W5 imports) and bench/results/README.md, the index of every report.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportResult } from '../imports';
import { CONTENDERS, type ContenderId } from './contenders';
import type { CellRow } from './measure';
import { ROOT, WORKLOADS, type WorkloadId, type WorkloadParams } from './workloads';

/** Load average (1, 5, 15 min) when the run began: anything else busy on the machine shows here. */
const LOAD_AT_START = os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
const read = (p: string) => fs.readFileSync(p, 'utf8');

/** What the run ran on (the report's machine table). */
export function machine(neo4jVersion: string): Record<string, string> {
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

/** What the report needs to know about the run's arguments. */
export interface ReportArgs {
  quick: boolean;
  scale: string | null;
  seconds: number;
  concurrency: number[];
  workloads: WorkloadId[];
}

const fmt = (n: number | null, d = 1) => (n === null || Number.isNaN(n) ? '-' : n.toFixed(d));
const cpuCell = (x: { serverCpuMs?: number | null; neo4jCpuMs?: number | null }) =>
  x.serverCpuMs == null || x.neo4jCpuMs == null ? '-' : `${fmt(x.serverCpuMs)} + ${fmt(x.neo4jCpuMs)} = ${fmt(x.serverCpuMs + x.neo4jCpuMs)}`;
const ratio = (x: number | undefined, y: number | undefined) => (x === undefined || y === undefined || y === 0 || Number.isNaN(x) || Number.isNaN(y) ? '-' : `${(x / y).toFixed(2)}x`);

export function renderReport(r: {
  args: ReportArgs;
  scaleName: string;
  machine: Record<string, string>;
  codeCount: number;
  rows: CellRow[];
  imports: ImportResult | null;
  synthLoad: string | null;
  params: WorkloadParams;
  queries: number;
  prefixes: number;
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
    `Parameters: W1 and W4 cycle over ${r.params.pages.length} codes that have a page; W3 over the ${r.params.sharing.length} codes with the most risk-sharing codes; W2 over ${r.queries} queries of bench/queries/search-queries.txt; W6 over ${r.prefixes} prefixes (2-10 letters) of those queries' words.`,
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
  // Targets (issue #13 for the read path, #12 for search): honest pass/fail.
  L.push('### Targets', '', '| target | measured | met? |', '|---|---|---|');
  const READ_TARGETS: Partial<Record<WorkloadId, number>> = { w1: 3, w3: 3, w4: 1.5 };
  for (const w of WORKLOADS.filter((x) => r.args.workloads.includes(x.id) && READ_TARGETS[x.id] !== undefined)) {
    const o = get(w.id, 'ours', 16);
    const f = get(w.id, 'floor', 16);
    const g = get(w.id, 'neo4j-graphql', 16);
    const id = w.id.toUpperCase();
    if (o && f) {
      const q = o.p50 / f.p50;
      L.push(
        Number.isFinite(q)
          ? `| ${id}: our p50 within 1.2x of the floor at c=16 | ${q.toFixed(2)}x (${fmt(o.p50)} vs ${fmt(f.p50)} ms) | ${q <= 1.2 ? 'yes' : 'no'} |`
          : `| ${id}: our p50 within 1.2x of the floor at c=16 | no p50: ${o.requests} vs ${f.requests} requests completed in the cell | n/a |`,
      );
    }
    if (o && g) {
      const want = READ_TARGETS[w.id]!;
      const q = g.rps > 0 ? o.rps / g.rps : Number.POSITIVE_INFINITY;
      const shown = Number.isFinite(q) ? `${q.toFixed(2)}x` : 'library served none';
      L.push(`| ${id}: req/s >= ${want}x @neo4j/graphql at c=16 | ${shown} (${fmt(o.rps, 1)} vs ${fmt(g.rps, 1)}) | ${o.requests > 0 && q >= want ? 'yes' : 'no'} |`);
    }
  }
  const page1 = get('w1', 'ours', 1);
  if (page1) L.push(`| W1: code page p50 <= 5 ms at c=1 | ${fmt(page1.p50)} ms | ${page1.p50 <= 5 ? 'yes' : 'no'} |`);
  const page16 = get('w1', 'ours', 16);
  if (page16?.boltPerRequest != null) L.push(`| W1: 1 Bolt query per code-page request | ${fmt(page16.boltPerRequest, 2)} | ${page16.boltPerRequest < 1.05 ? 'yes' : 'no'} |`);
  for (const w of WORKLOADS.filter((x) => r.args.workloads.includes(x.id))) {
    const cells = r.args.concurrency.map((conc) => [get(w.id, 'ours', conc), get(w.id, 'neo4j-graphql', conc)] as const);
    const ok = cells.every(([o, g]) => o && g && o.rps >= g.rps);
    // A cell where neither completed a request decides nothing.
    const decided = cells.every(([o, g]) => o && g && o.requests + g.requests > 0);
    const detail = cells.map(([o, g], i) => `c=${r.args.concurrency[i]}: ${fmt(o?.rps ?? null, 1)} vs ${fmt(g?.rps ?? null, 1)}`).join('; ');
    L.push(`| ${w.id.toUpperCase()}: ours >= @neo4j/graphql (req/s) at every concurrency | ${detail} | ${decided ? (ok ? 'yes' : 'no') : 'n/a: a cell where neither completed a request'} |`);
  }
  // Issue #12: search p95 <= 30 ms, autocomplete p95 <= 20 ms at c=16; warm (b, the query list repeats, so
  // the result cache answers) and cold (e, the cache off) side by side, never the warm figure alone.
  for (const [w, what, limit] of [
    ['w2', 'search', 30],
    ['w6', 'autocomplete', 20],
  ] as const) {
    for (const [c, how] of [
      ['ours', 'warm result cache (b)'],
      ['ours-nocache', 'cold, no result cache (e)'],
    ] as const) {
      const x = get(w, c, 16);
      if (x) L.push(`| ${what} p95 <= ${limit} ms at c=16 on ${r.codeCount.toLocaleString('en-US')} codes, ${how} | ${fmt(x.p95)} ms | ${x.p95 <= limit ? 'yes' : 'no'} |`);
    }
  }
  if (r.imports?.icd) {
    L.push(`| full ICD-10-CM load < 30 s | ${fmt(r.imports.icd.seconds)} s | ${r.imports.icd.seconds < 30 ? 'yes' : 'no'} |`);
  }
  const cpuConc = r.args.concurrency.includes(16) ? 16 : r.args.concurrency[r.args.concurrency.length - 1]!;
  if (r.rows.some((x) => x.serverCpuMs != null)) {
    L.push('', `### CPU per request at c=${cpuConc}: server + Neo4j, ms`, '');
    L.push(`On a saturated machine this bounds throughput: req/s <= cores x 1000 / (server + Neo4j ms), cores = ${os.cpus().length} here, shared with the load generator.`, '');
    L.push(`| workload | ${CONTENDERS.map((c) => c.label).join(' | ')} |`, `|---|${CONTENDERS.map(() => '---:').join('|')}|`);
    for (const w of WORKLOADS.filter((x) => r.args.workloads.includes(x.id))) {
      L.push(
        `| ${w.name} | ${CONTENDERS.map((c) => {
          const x = get(w.id, c.id, cpuConc);
          return x ? cpuCell(x) : '-';
        }).join(' | ')} |`,
      );
    }
  }
  L.push('<!-- summary:end -->', '');

  for (const w of WORKLOADS.filter((x) => r.args.workloads.includes(x.id))) {
    L.push(`### ${w.name}`, '');
    if (w.id === 'w2' || w.id === 'w6') {
      L.push(
        'Before timing, every contender was sent the whole list once: (b) and (d) then answer from their result cache (the warm figure; the list repeats); (e) has the cache off, so every request is computed (the cold figure).',
        '',
      );
    }
    L.push('| contender | conc. | req/s | p50 ms | p95 ms | p99 ms | requests | errors | Bolt queries/req | CPU ms/req: server + Neo4j |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
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
    if (r.imports.icd)
      L.push(`| full ICD-10-CM release (loadCodesetFile, icd10cm_order_2026.txt.gz) | ${r.imports.icd.rows} | ${fmt(r.imports.icd.seconds)} | ${fmt(r.imports.icd.rows / r.imports.icd.seconds, 0)} |`);
    const p = r.imports.pages;
    L.push(
      `| ${p.rows} generated code pages (CodePageImporter.importFiles, one transaction each)${p.failed ? `, ${p.failed} failed` : ''} | ${p.rows} | ${fmt(p.seconds)} | ${fmt(p.rows / p.seconds, 1)} |`,
    );
    L.push('');
  }
  return L.join('\n');
}

/** bench/results/README.md: the summary of every report in the folder, newest first. */
export function writeResultsIndex(dir: string): void {
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
