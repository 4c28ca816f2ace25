/**
 * Synthetic graph for `npm run bench -- --scale 10k|100k|1m`, deterministic from a seed
 * (mulberry32). Same labels, relationship types and properties as the real graph, so our
 * API, @neo4j/graphql and the floor queries run on it unchanged:
 *   - codes of the four systems (ICD-10-CM 50%, ICD-10-PCS 40%, HCPCS 5%, CPT 5%) with
 *     well-formed code numbers, titles built from medical words, a 3-level hierarchy
 *     (chapter -> category -> code, PARENT edges), seq/sortKey in code order;
 *   - every leaf code (90%) has a page, as on the site each code has one: 4-16 risks drawn
 *     Zipf-like (s = 1.1 over max(400, n/100) risks, so a few risks are shared by very many
 *     codes and most by few), 1-3 body regions of a 3-level region tree (PART_OF), 1-3
 *     personnel roles, 1-2 settings, 0-2 policies, 1-3 indications (Zipf), 0-8 listed
 *     similar codes near it in code order (SIMILAR_TO), page text;
 *   - risks and indications coded as ICD-10-CM codes (CODED_AS).
 * About 22 relationships per code: 1M codes give about 22 million.
 *
 * Loaded with the bulk path: the generator writes CSV files, `neo4j-admin database import
 * full` builds the store offline (the server of the home is stopped for it), then the
 * server starts and our migrations add the constraints and indexes (populated from the
 * store). Its own Neo4j home (.neo4j/bench-synth-<scale>, bolt 7691); `synthetic.json` in
 * the home records a finished load (scale, seed, generator version, timings), and a later
 * run with the same scale and seed reuses it. The load stores no similar / risk-sharing lists:
 * the bench stores those of the codes its workloads read (storeWorkloadLists) and checks them.
 *
 * Standalone: npx tsx bench/synthetic.ts --scale 10k [--seed 1]   (loads, then stops that Neo4j)
 */
import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../src/neo4j/database';
import { createDriver } from '../src/neo4j/driver';
import { type LocalNeo4jHandle, runAdminTool, startLocalNeo4j, stopLocalNeo4j } from '../src/neo4j/local-server';
import { migrate } from '../src/neo4j/migrations';
import { cypherQuery } from '../src/neo4j/cypher-files';
import { recomputeCodeLists } from '../src/ingest/store/code-lists.store';
import { mulberry32, zipf } from './lib/prng';

export const SCALES = ['10k', '100k', '1m'] as const;
export type Scale = (typeof SCALES)[number];
const SIZES: Record<Scale, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const GENERATOR_VERSION = 5;

const CONDITIONS = [
  'fracture',
  'dislocation',
  'sprain',
  'contusion',
  'laceration',
  'abscess',
  'cellulitis',
  'neoplasm',
  'malignant neoplasm',
  'infection',
  'pain',
  'spasm',
  'stenosis',
  'hernia',
  'ulcer',
  'hemorrhage',
  'obstruction',
  'inflammation',
  'diabetes mellitus',
  'hypertension',
  'dizziness',
  'migraine',
  'pneumonia',
  'bronchitis',
  'asthma',
  'arthritis',
  'osteoarthritis',
  'anemia',
  'depression',
  'anxiety',
  'injection',
  'excision',
  'resection',
  'biopsy',
  'repair',
  'replacement',
  'anesthesia',
  'drainage',
  'insertion',
  'removal',
];
const SITES = [
  'femur',
  'tibia',
  'fibula',
  'radius',
  'ulna',
  'humerus',
  'wrist',
  'ankle',
  'knee',
  'hip',
  'shoulder',
  'elbow',
  'spine',
  'lumbar region',
  'cervical region',
  'thoracic region',
  'head',
  'neck',
  'back',
  'chest',
  'abdomen',
  'pelvis',
  'kidney',
  'liver',
  'lung',
  'heart',
  'stomach',
  'colon',
  'skin',
  'muscle',
  'nerve',
  'eye',
  'ear',
  'bladder',
  'brain',
  'breast',
  'thyroid',
  'pancreas',
  'artery',
  'vein',
];
const QUALIFIERS = [
  'left',
  'right',
  'bilateral',
  'unspecified',
  'acute',
  'chronic',
  'recurrent',
  'with complication',
  'without complication',
  'initial encounter',
  'subsequent encounter',
  'sequela',
  'open approach',
  'percutaneous approach',
  'type 2',
  'severe',
  'mild',
];
const RISK_WORDS = [
  'bleeding',
  'infection',
  'nerve damage',
  'allergic reaction',
  'dizziness',
  'nausea',
  'headache',
  'blood clot',
  'pain at the site',
  'scarring',
  'swelling',
  'bruising',
  'fever',
  'numbness',
  'low blood pressure',
  'cardiac arrhythmia',
  'respiratory depression',
  'urinary retention',
  'wound dehiscence',
  'hematoma',
];
const ROLE_NAMES = [
  'anesthesiologist',
  'nurse anesthetist',
  'surgeon',
  'surgical nurse',
  'radiologist',
  'physician',
  'nurse',
  'physical therapist',
  'pharmacist',
  'technician',
  'cardiologist',
  'orthopedic surgeon',
  'neurologist',
  'dermatologist',
  'oncologist',
  'pulmonologist',
  'gastroenterologist',
  'urologist',
  'obstetrician',
  'pediatrician',
  'psychiatrist',
  'dietitian',
  'respiratory therapist',
  'medical assistant',
  'paramedic',
];
const SETTING_NAMES = [
  'hospital',
  'outpatient clinic',
  'surgical center',
  'physician office',
  'emergency department',
  'intensive care unit',
  'home',
  'skilled nursing facility',
  'imaging center',
  'laboratory',
  'rehabilitation center',
  'dialysis center',
];
const TOP_REGIONS = ['head', 'neck', 'trunk', 'upper limb', 'lower limb', 'pelvis', 'abdomen', 'thorax'];

interface CodeRow {
  system: string;
  codeKey: string;
  code: string;
  title: string;
  seq: number;
  level: string;
  billable: boolean;
  hasPage: boolean;
  parentKey: string | null;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const PCS_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function pcsKey(i: number): string {
  let s = '';
  let x = i;
  for (let k = 0; k < 6; k += 1) {
    s = (PCS_ALPHABET[x % PCS_ALPHABET.length] as string) + s;
    x = Math.floor(x / PCS_ALPHABET.length);
  }
  return `0${s}`;
}

/** Code number of the i-th code of a system (unique, well-formed for that system). */
function codeOf(system: string, i: number): { codeKey: string; code: string } {
  switch (system) {
    case 'ICD10CM': {
      const letter = String.fromCharCode(65 + (Math.floor(i / 100000) % 26));
      const key = `${letter}${pad(i % 100000, 5)}`;
      return { codeKey: key, code: `${key.slice(0, 3)}.${key.slice(3)}` };
    }
    case 'ICD10PCS': {
      const key = pcsKey(i);
      return { codeKey: key, code: key };
    }
    case 'HCPCS': {
      const key = `${'ABCDEGJKLQ'[Math.floor(i / 10000) % 10]}${pad(i % 10000, 4)}`;
      return { codeKey: key, code: key };
    }
    default: {
      const key = pad(i % 100000, 5);
      return { codeKey: key, code: key };
    }
  }
}

function* generateCodes(n: number, rnd: () => number): Generator<CodeRow> {
  const mix: [string, number][] = [
    ['ICD10CM', 0.5],
    ['ICD10PCS', 0.4],
    ['HCPCS', 0.05],
    ['CPT', 0.05],
  ];
  let seq = 0;
  for (const [system, share] of mix) {
    const count = Math.round(n * share);
    let chapterKey: string | null = null;
    let categoryKey: string | null = null;
    for (let i = 0; i < count; i += 1) {
      const { codeKey, code } = codeOf(system, i);
      const level = i % 100 === 0 ? 'chapter' : i % 10 === 0 ? 'category' : 'code';
      const parentKey = level === 'chapter' ? null : level === 'category' ? chapterKey : categoryKey;
      if (level === 'chapter') {
        chapterKey = codeKey;
        categoryKey = codeKey;
      } else if (level === 'category') categoryKey = codeKey;
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
      const title = `${pick(CONDITIONS)} of ${pick(SITES)}, ${pick(QUALIFIERS)}`.replace(/^./, (c) => c.toUpperCase());
      seq += 1;
      yield { system, codeKey, code, title, seq, level, billable: level === 'code', hasPage: level === 'code', parentKey };
    }
  }
}

/** Buffered CSV writer for neo4j-admin import (RFC 4180 quoting; arrays joined with ';'). */
class CsvFile {
  private readonly fd: number;
  private buf: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    readonly file: string,
    header: string[],
  ) {
    this.fd = fs.openSync(file, 'w');
    this.line(header.map((h) => CsvFile.cell(h)).join(','));
  }

  static cell(v: unknown): string {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    const s = Array.isArray(v) ? v.join(';') : typeof v === 'string' ? v : JSON.stringify(v);
    // An empty cell is an absent property (an empty list is not stored either).
    return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }

  row(values: unknown[]): void {
    this.rows += 1;
    this.line(values.map((v) => CsvFile.cell(v)).join(','));
  }

  private line(s: string): void {
    this.buf.push(s);
    this.size += s.length + 1;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buf.length) fs.writeSync(this.fd, `${this.buf.join('\n')}\n`);
    this.buf = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/** A Database for the bulk steps (indexes, stored lists): long timeouts, a small pool. */
function openBulkDatabase(uri: string, password: string): Database {
  const cfg = { uri, user: 'neo4j', password, database: 'neo4j', queryTimeoutMs: 1800000, connectTimeoutMs: 5000, acquireTimeoutMs: 60000, maxRetryMs: 5000, maxPoolSize: 10 };
  return new Database(createDriver(uri, cfg), { database: 'neo4j', queryTimeoutMs: 1800000 });
}

/** What a finished load left in the home (synthetic.json). */
export interface SyntheticMarker {
  scale: Scale;
  seed: number;
  version: number;
  codes: number;
  nodes: number;
  relationships: number;
  /** Seconds: writing the CSV files, neo4j-admin import, constraints and indexes after the first start. */
  generateS: number;
  importS: number;
  indexS: number;
  loadedAt: string;
}

export interface SyntheticResult {
  loaded: boolean;
  marker: SyntheticMarker;
  neo: LocalNeo4jHandle;
}

const markerFile = (home: string) => path.join(home, 'synthetic.json');

function readMarker(home: string): SyntheticMarker | null {
  try {
    return JSON.parse(fs.readFileSync(markerFile(home), 'utf8')) as SyntheticMarker;
  } catch {
    return null;
  }
}

/**
 * Writes the graph of `n` codes as CSV files into `dir` (one file per label and relationship
 * type) and returns the neo4j-admin arguments naming them, with the counts.
 */
function writeCsv(dir: string, n: number, seed: number): { args: string[]; codes: number; nodes: number; relationships: number } {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files: { kind: 'nodes' | 'relationships'; label: string; csv: CsvFile }[] = [];
  const open = (kind: 'nodes' | 'relationships', label: string, header: string[]) => {
    const csv = new CsvFile(path.join(dir, `${kind}-${files.length}-${label}.csv`), header);
    files.push({ kind, label, csv });
    return csv;
  };
  const rel = (type: string, from: string, to: string, props: string[] = []) => open('relationships', type, [`:START_ID(${from})`, `:END_ID(${to})`, ...props]);
  const ref = (system: string, codeKey: string) => `${system}:${codeKey}`;

  const rnd = mulberry32(seed);
  const codes = [...generateCodes(n, rnd)];
  const codeCsv = open('nodes', 'Code', [
    ':ID(Code)',
    'system',
    'codeKey',
    'code',
    'title',
    'seq:int',
    'sortKey',
    'listKey',
    'level',
    'billable:boolean',
    'active:boolean',
    'hasPage:boolean',
    'stub:boolean',
    'release',
    'summary',
    'purpose',
    'preparation:string[]',
    'steps:string[]',
    'benefits:string[]',
    'recovery:string[]',
    'durationText',
    'durationMinMinutes:int',
    'durationMaxMinutes:int',
  ]);
  for (const c of codes) {
    const page = c.hasPage
      ? [`Synthetic page of ${c.title}.`, 'Synthetic purpose.', ['Fast before.'], ['Step one.', 'Step two.'], ['Relief.'], ['Rest.'], '30 minutes', 30, 30]
      : [null, null, null, null, null, null, null, null, null];
    codeCsv.row([ref(c.system, c.codeKey), c.system, c.codeKey, c.code, c.title, c.seq, c.codeKey, `${c.system}|${c.codeKey}`, c.level, c.billable, true, c.hasPage, false, 'synthetic', ...page]);
  }
  const parent = rel('PARENT', 'Code', 'Code');
  for (const c of codes) if (c.parentKey !== null) parent.row([ref(c.system, c.codeKey), ref(c.system, c.parentKey)]);

  // Vocabulary: regions (8 -> 4 -> 3), roles, settings, policies, risks, indications.
  const regionCsv = open('nodes', 'BodyRegion', [':ID(BodyRegion)', 'key', 'name', 'curated:boolean', 'synonyms:string[]']);
  const partOf = rel('PART_OF', 'BodyRegion', 'BodyRegion');
  const leafRegions: string[] = [];
  const allRegionKeys: string[] = [];
  const region = (key: string, parentKey: string | null) => {
    regionCsv.row([key, key, key, true, []]);
    allRegionKeys.push(key);
    if (parentKey) partOf.row([key, parentKey]);
  };
  for (const top of TOP_REGIONS) {
    region(top, null);
    for (let i = 0; i < 4; i += 1) {
      const mid = `${top} part ${i + 1}`;
      region(mid, top);
      for (let j = 0; j < 3; j += 1) {
        const leaf = `${mid} area ${j + 1}`;
        region(leaf, mid);
        leafRegions.push(leaf);
      }
    }
  }
  const roleCsv = open('nodes', 'PersonnelRole', [':ID(PersonnelRole)', 'key', 'name', 'curated:boolean', 'synonyms:string[]']);
  for (const r of ROLE_NAMES) roleCsv.row([r, r, r, true, []]);
  const settingCsv = open('nodes', 'Setting', [':ID(Setting)', 'key', 'name', 'curated:boolean', 'synonyms:string[]']);
  for (const r of SETTING_NAMES) settingCsv.row([r, r, r, true, []]);
  const nPolicies = Math.max(50, Math.floor(n / 500));
  const policyCsv = open('nodes', 'Policy', [':ID(Policy)', 'key', 'title', 'name', 'payer', 'url', 'curated:boolean']);
  for (let i = 0; i < nPolicies; i += 1)
    policyCsv.row([`synth-policy-${i}`, `synth-policy-${i}`, `Coverage policy ${i}`, `Coverage policy ${i}`, `Payer ${i % 20}`, `https://example.org/policy/${i}`, true]);

  const icdKeys = codes.filter((c) => c.system === 'ICD10CM' && c.level === 'code').map((c) => c.codeKey);
  const nRisks = Math.max(400, Math.floor(n / 100));
  const riskCsv = open('nodes', 'Risk', [':ID(Risk)', 'key', 'name', 'curated:boolean', 'synonyms:string[]']);
  const riskCoded = rel('CODED_AS', 'Risk', 'Code');
  for (let i = 0; i < nRisks; i += 1) {
    riskCsv.row([`synth-risk-${i}`, `synth-risk-${i}`, `${RISK_WORDS[i % RISK_WORDS.length]} ${i}`, true, []]);
    if (icdKeys.length) riskCoded.row([`synth-risk-${i}`, ref('ICD10CM', icdKeys[Math.floor(rnd() * icdKeys.length)] as string)]);
  }
  const nInd = Math.max(100, Math.floor(n / 100));
  const indCsv = open('nodes', 'Indication', [':ID(Indication)', 'key', 'text', 'name', 'curated:boolean']);
  const indCoded = rel('CODED_AS', 'Indication', 'Code');
  for (let i = 0; i < nInd; i += 1) {
    const text = `${CONDITIONS[i % CONDITIONS.length]} of the ${SITES[(i * 7) % SITES.length]} (${i})`;
    indCsv.row([`synth-indication-${i}`, `synth-indication-${i}`, text, text, true]);
    if (icdKeys.length) indCoded.row([`synth-indication-${i}`, ref('ICD10CM', icdKeys[Math.floor(rnd() * icdKeys.length)] as string)]);
  }

  // Page data of the codes that have a page.
  const hasRisk = rel('HAS_RISK', 'Code', 'Risk', ['frequency', 'text', 'rank:int']);
  const ranked = (type: string, to: string) => rel(type, 'Code', to, ['rank:int']);
  const targets = ranked('TARGETS', 'BodyRegion');
  const performedBy = ranked('PERFORMED_BY', 'PersonnelRole');
  const performedIn = ranked('PERFORMED_IN', 'Setting');
  const coveredBy = ranked('COVERED_BY', 'Policy');
  const indicatedFor = ranked('INDICATED_FOR', 'Indication');
  const similarTo = ranked('SIMILAR_TO', 'Code');
  const riskRank = zipf(nRisks, 1.1, rnd);
  const indRank = zipf(nInd, 1.1, rnd);
  const pageCodes = codes.filter((c) => c.hasPage);
  const distinct = (count: number, draw: () => string): string[] => {
    const s = new Set<string>();
    for (let k = 0; k < count * 3 && s.size < count; k += 1) s.add(draw());
    return [...s];
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  pageCodes.forEach((c, idx) => {
    const me = ref(c.system, c.codeKey);
    distinct(4 + Math.floor(rnd() * 13), () => `synth-risk-${riskRank()}`).forEach((key, rank) => hasRisk.row([me, key, rnd() < 0.5 ? 'COMMON' : 'RARE', `risk wording ${rank}`, rank]));
    distinct(1 + Math.floor(rnd() * 3), () => (rnd() < 0.8 ? pick(leafRegions) : pick(allRegionKeys))).forEach((key, rank) => targets.row([me, key, rank]));
    distinct(1 + Math.floor(rnd() * 3), () => pick(ROLE_NAMES)).forEach((key, rank) => performedBy.row([me, key, rank]));
    distinct(1 + Math.floor(rnd() * 2), () => pick(SETTING_NAMES)).forEach((key, rank) => performedIn.row([me, key, rank]));
    distinct(Math.floor(rnd() * 3), () => `synth-policy-${Math.floor(rnd() * nPolicies)}`).forEach((key, rank) => coveredBy.row([me, key, rank]));
    distinct(1 + Math.floor(rnd() * 3), () => `synth-indication-${indRank()}`).forEach((key, rank) => indicatedFor.row([me, key, rank]));
    distinct(Math.floor(rnd() * 9), () => {
      const o = pageCodes[Math.min(pageCodes.length - 1, Math.max(0, idx + Math.floor(rnd() * 40) - 20))] as CodeRow;
      return ref(o.system, o.codeKey);
    })
      .filter((k) => k !== me)
      .forEach((key, rank) => similarTo.row([me, key, rank]));
  });

  const marker = open('nodes', 'BenchSynth', [':ID(BenchSynth)', 'seed:int', 'version:int', 'codes:int']);
  marker.row(['marker', seed, GENERATOR_VERSION, codes.length]);

  for (const f of files) f.csv.close();
  const sum = (kind: string) => files.filter((f) => f.kind === kind).reduce((a, f) => a + f.csv.rows, 0);
  return {
    args: files.map((f) => `--${f.kind}=${f.label}=${f.csv.file}`),
    codes: codes.length,
    nodes: sum('nodes'),
    relationships: sum('relationships'),
  };
}

export interface SyntheticOptions {
  home: string;
  boltPort: number;
  password: string;
  heap: string;
  pageCache: string;
  scale: Scale;
  seed?: number;
  log: (m: string) => void;
  /** Where neo4j-admin's output goes. */
  logDir: string;
}

/**
 * Starts the Neo4j of `home` holding the synthetic graph of `scale`: reused when
 * synthetic.json says it is there; otherwise generated, bulk-imported with neo4j-admin
 * (replacing the home's database), started, and given our constraints and indexes.
 */
export async function ensureSynthetic(o: SyntheticOptions): Promise<SyntheticResult> {
  const seed = o.seed ?? 1;
  const neoOpts = { home: o.home, boltPort: o.boltPort, password: o.password, heap: o.heap, pageCache: o.pageCache, startTimeoutMs: 300000 };
  const known = readMarker(o.home);
  if (known && known.scale === o.scale && known.seed === seed && known.version === GENERATOR_VERSION && fs.existsSync(path.join(o.home, 'data', 'databases', 'neo4j'))) {
    return { loaded: false, marker: known, neo: await startLocalNeo4j(neoOpts) };
  }
  // neo4j-admin import writes the store offline: the home's server must be down.
  await stopLocalNeo4j({ home: o.home, log: o.log });
  fs.rmSync(markerFile(o.home), { force: true });
  const n = SIZES[o.scale];
  const dir = path.join(o.home, 'import', 'synthetic');
  let t = performance.now();
  o.log(`synthetic ${o.scale}: writing CSV files (${n} codes)`);
  const csv = writeCsv(dir, n, seed);
  const generateS = (performance.now() - t) / 1000;
  o.log(`synthetic ${o.scale}: ${csv.nodes} nodes, ${csv.relationships} relationships in ${generateS.toFixed(1)} s; neo4j-admin database import full`);
  t = performance.now();
  fs.mkdirSync(o.logDir, { recursive: true });
  // The report of bad entries goes beside the log (its default is import.report in the working directory).
  const report = path.join(o.logDir, `neo4j-admin-import-${o.scale}.report`);
  runAdminTool(
    neoOpts,
    ['database', 'import', 'full', 'neo4j', '--array-delimiter=;', ...csv.args, `--report-file=${report}`, '--overwrite-destination=true'],
    path.join(o.logDir, `neo4j-admin-import-${o.scale}.log`),
  );
  const importS = (performance.now() - t) / 1000;
  fs.rmSync(dir, { recursive: true, force: true });
  o.log(`synthetic ${o.scale}: imported in ${importS.toFixed(1)} s; starting Neo4j and adding constraints and indexes`);
  const neo = await startLocalNeo4j(neoOpts);
  t = performance.now();
  const db = openBulkDatabase(neo.boltUri, o.password);
  try {
    await migrate(db);
    await db.write('CALL db.awaitIndexes(1800)', {}, 1800000);
  } finally {
    await db.close();
  }
  const indexS = (performance.now() - t) / 1000;
  const marker: SyntheticMarker = {
    scale: o.scale,
    seed,
    version: GENERATOR_VERSION,
    codes: csv.codes,
    nodes: csv.nodes,
    relationships: csv.relationships,
    generateS,
    importS,
    indexS,
    loadedAt: new Date().toISOString(),
  };
  fs.writeFileSync(markerFile(o.home), `${JSON.stringify(marker, null, 2)}\n`);
  return { loaded: true, marker, neo };
}

/** What storeWorkloadLists did: lists stored for the codes the workloads read, and the check. */
export interface WorkloadLists {
  /** Codes the workloads read (W1/W4 pages, W3 codes). */
  codes: number;
  /** Of those, codes whose lists this call computed and stored (0 when an earlier run did). */
  storedNow: number;
  /** Seconds it took, and milliseconds per code stored. */
  seconds: number;
  msPerCode: number | null;
  /** Codes with a page in the graph: what a full recompute (`npm run recompute:similarity`) would store. */
  pageCodes: number;
  /** Codes whose stored lists equal the reference computation, as "equal/codes". */
  equal: string;
}

/**
 * Stores the similar and risk-sharing lists of the codes the workloads read, as a page import
 * would (storeComputedCodeLists, the reference formula), and checks them against the reference
 * computation. Why not every page code: computing one code's lists costs Neo4j about 0.1-0.25 s
 * on these graphs (a few risks are on most codes), so a full recompute is hours at 100k and days
 * at 1M on 2 cores; a read of a code follows only that code's own stored edges, so storing them
 * for the codes read measures the same read path. Codes already stored are skipped.
 */
export async function storeWorkloadLists(uri: string, password: string, refs: readonly string[], log: (m: string) => void): Promise<WorkloadLists> {
  const db = openBulkDatabase(uri, password);
  try {
    const keys = [...new Set(refs)];
    const [row] = await db.read<{ missing: string[]; pageCodes: number }>(
      'UNWIND $keys AS key WITH key, split(key, ":") AS p OPTIONAL MATCH (c:Code {system: p[0], codeKey: p[1]}) ' +
        'WITH collect(CASE WHEN c IS NOT NULL AND coalesce(c.similarStored, false) = false THEN key END) AS missing ' +
        'RETURN missing, COUNT { MATCH (x:Code) WHERE x.hasPage = true } AS pageCodes',
      { keys },
      600000,
    );
    const missing = row?.missing ?? [];
    const t = performance.now();
    let last = t;
    await recomputeCodeLists(db, missing, 10, (done, total) => {
      if (performance.now() - last > 30000) {
        last = performance.now();
        log(`lists of ${done}/${total} workload codes stored (${((last - t) / 1000).toFixed(0)} s)`);
      }
    });
    const seconds = (performance.now() - t) / 1000;
    const read = (name: string, extra: Record<string, unknown>) => db.read<{ key: string; items: unknown[] }>(cypherQuery(name), { keys, ...extra }, 1800000);
    const [ss, rs, sh, rh] = [
      await read('code/get-similar-codes-by-code-ref', { first: 100 }),
      await read('code/reference/compute-similar-codes-by-code-ref', { first: 100 }),
      await read('code/get-codes-sharing-risks-by-code-ref', { first: 100, minShared: 1 }),
      await read('code/reference/compute-codes-sharing-risks-by-code-ref', { first: 100, minShared: 1 }),
    ];
    const by = (rows: { key: string; items: unknown[] }[]) => new Map(rows.map((r) => [r.key, JSON.stringify(r.items)]));
    const [a, b, c, d] = [by(ss), by(rs), by(sh), by(rh)];
    const equal = keys.filter((k) => a.has(k) && a.get(k) === b.get(k) && c.get(k) === d.get(k)).length;
    return {
      codes: keys.length,
      storedNow: missing.length,
      seconds,
      msPerCode: missing.length ? (seconds * 1000) / missing.length : null,
      pageCodes: Number(row?.pageCodes ?? 0),
      equal: `${equal}/${keys.length}`,
    };
  } finally {
    await db.close();
  }
}

/** One line for reports: the stored lists of the workload codes and what a full recompute would cost. */
export function describeWorkloadLists(w: WorkloadLists): string {
  const full = w.msPerCode === null ? '' : `; at that rate all ${w.pageCodes.toLocaleString('en-US')} page codes would take ${((w.pageCodes * w.msPerCode) / 3600000).toFixed(1)} h`;
  const now = w.storedNow ? `${w.storedNow} stored in this run, ${w.seconds.toFixed(0)} s, ${w.msPerCode!.toFixed(0)} ms per code${full}` : 'stored by an earlier run';
  return `similar and risk-sharing lists stored for the ${w.codes} codes the workloads read (${now}); stored == reference computation for ${w.equal}`;
}

/** One line for reports: what the load took, or that it was reused. */
export function describeLoad(r: SyntheticResult): string {
  const m = r.marker;
  const total = m.generateS + m.importS + m.indexS;
  const what = `${m.codes.toLocaleString('en-US')} codes, ${m.nodes.toLocaleString('en-US')} nodes, ${m.relationships.toLocaleString('en-US')} relationships`;
  const how = `${total.toFixed(0)} s: CSV ${m.generateS.toFixed(0)} s + neo4j-admin import ${m.importS.toFixed(0)} s + constraints/indexes ${m.indexS.toFixed(0)} s`;
  return r.loaded ? `${what}; generated and bulk-loaded in ${how}` : `${what}; reused (loaded ${m.loadedAt.slice(0, 10)} in ${how})`;
}

async function cli(): Promise<void> {
  const argv = process.argv.slice(2);
  const scale = (argv[argv.indexOf('--scale') + 1] ?? '10k') as Scale;
  if (!SCALES.includes(scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`);
  const seedIdx = argv.indexOf('--seed');
  const seed = seedIdx >= 0 ? Number(argv[seedIdx + 1]) : 1;
  const home = path.resolve(__dirname, '..', '.neo4j', `bench-synth-${scale}`);
  const r = await ensureSynthetic({
    home,
    boltPort: 7691,
    password: process.env.LOCAL_NEO4J_PASSWORD ?? 'medcodes-local-dev',
    heap: process.env.LOCAL_NEO4J_HEAP ?? '2g',
    pageCache: process.env.LOCAL_NEO4J_PAGECACHE ?? '1g',
    scale,
    seed,
    log: (m) => process.stdout.write(`${m}\n`),
    logDir: path.join(home, 'logs'),
  });
  try {
    process.stdout.write(`synthetic ${scale}: ${describeLoad(r)}\n`);
  } finally {
    await r.neo.stop();
  }
}

if (require.main === module) {
  cli().catch((err: unknown) => {
    process.stderr.write(`synthetic failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
