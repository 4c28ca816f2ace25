/**
 * Synthetic graph for `npm run bench -- --scale 10k|100k|1m`, deterministic from a seed
 * (mulberry32). Same labels, relationship types and properties as the real graph, so our
 * API, @neo4j/graphql and the floor queries run on it unchanged:
 *   - codes of the four systems (ICD-10-CM 50%, ICD-10-PCS 40%, HCPCS 5%, CPT 5%) with
 *     well-formed code numbers, titles built from medical words, a 3-level hierarchy
 *     (chapter -> category -> code, PARENT edges), seq/sortKey in code order;
 *   - 10% of the codes have "page" data: 3-10 risks drawn Zipf-like (s = 1.1 over 400
 *     risks, so a few risks are shared by very many codes), 1-3 body regions of a 3-level
 *     region tree (PART_OF), 1-3 personnel roles, 1-2 settings, 0-2 policies, 1-3
 *     indications (Zipf), 0-4 listed similar codes (SIMILAR_TO), summary text;
 *   - risks and indications coded as ICD-10-CM codes (CODED_AS).
 * Bulk-loaded with batched UNWIND (10,000 rows per transaction) into its own Neo4j home
 * (.neo4j/bench-synth-<scale>, bolt 7691) after our migrations (constraints, fulltext index).
 * A (:BenchSynth {scale, seed, version}) node marks a finished load; a later run reuses it.
 *
 * Standalone: npx tsx bench/synthetic.ts --scale 10k [--seed 1]   (starts and stops that Neo4j)
 */
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { Database } from '../src/neo4j/database';
import { createDriver } from '../src/neo4j/driver';
import { startLocalNeo4j } from '../src/neo4j/local-server';
import { migrate } from '../src/neo4j/migrations';
import { mulberry32, zipf } from './lib/prng';

export const SCALES = ['10k', '100k', '1m'] as const;
export type Scale = (typeof SCALES)[number];
const SIZES: Record<Scale, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const GENERATOR_VERSION = 1;
const BATCH = 10_000;

const CONDITIONS = ['fracture', 'dislocation', 'sprain', 'contusion', 'laceration', 'abscess', 'cellulitis', 'neoplasm', 'malignant neoplasm', 'infection', 'pain', 'spasm', 'stenosis', 'hernia', 'ulcer', 'hemorrhage', 'obstruction', 'inflammation', 'diabetes mellitus', 'hypertension', 'dizziness', 'migraine', 'pneumonia', 'bronchitis', 'asthma', 'arthritis', 'osteoarthritis', 'anemia', 'depression', 'anxiety', 'injection', 'excision', 'resection', 'biopsy', 'repair', 'replacement', 'anesthesia', 'drainage', 'insertion', 'removal'];
const SITES = ['femur', 'tibia', 'fibula', 'radius', 'ulna', 'humerus', 'wrist', 'ankle', 'knee', 'hip', 'shoulder', 'elbow', 'spine', 'lumbar region', 'cervical region', 'thoracic region', 'head', 'neck', 'back', 'chest', 'abdomen', 'pelvis', 'kidney', 'liver', 'lung', 'heart', 'stomach', 'colon', 'skin', 'muscle', 'nerve', 'eye', 'ear', 'bladder', 'brain', 'breast', 'thyroid', 'pancreas', 'artery', 'vein'];
const QUALIFIERS = ['left', 'right', 'bilateral', 'unspecified', 'acute', 'chronic', 'recurrent', 'with complication', 'without complication', 'initial encounter', 'subsequent encounter', 'sequela', 'open approach', 'percutaneous approach', 'type 2', 'severe', 'mild'];
const RISK_WORDS = ['bleeding', 'infection', 'nerve damage', 'allergic reaction', 'dizziness', 'nausea', 'headache', 'blood clot', 'pain at the site', 'scarring', 'swelling', 'bruising', 'fever', 'numbness', 'low blood pressure', 'cardiac arrhythmia', 'respiratory depression', 'urinary retention', 'wound dehiscence', 'hematoma'];
const ROLE_NAMES = ['anesthesiologist', 'nurse anesthetist', 'surgeon', 'surgical nurse', 'radiologist', 'physician', 'nurse', 'physical therapist', 'pharmacist', 'technician', 'cardiologist', 'orthopedic surgeon', 'neurologist', 'dermatologist', 'oncologist', 'pulmonologist', 'gastroenterologist', 'urologist', 'obstetrician', 'pediatrician', 'psychiatrist', 'dietitian', 'respiratory therapist', 'medical assistant', 'paramedic'];
const SETTING_NAMES = ['hospital', 'outpatient clinic', 'surgical center', 'physician office', 'emergency department', 'intensive care unit', 'home', 'skilled nursing facility', 'imaging center', 'laboratory', 'rehabilitation center', 'dialysis center'];
const TOP_REGIONS = ['head', 'neck', 'trunk', 'upper limb', 'lower limb', 'pelvis', 'abdomen', 'thorax'];

type Row = Record<string, unknown>;

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
      yield { system, codeKey, code, title, seq, level, billable: level === 'code', hasPage: level === 'code' && rnd() < 0.11, parentKey };
    }
  }
}

async function runBatches(driver: Driver, cypher: string, rows: Iterable<Row | string>, extra: Row = {}): Promise<number> {
  let batch: (Row | string)[] = [];
  let total = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rowsNow = batch;
    batch = [];
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite((tx) => tx.run(cypher, { rows: rowsNow, ...extra }), { timeout: 600000 });
    } finally {
      await session.close();
    }
    total += rowsNow.length;
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return total;
}

export interface SyntheticResult {
  loaded: boolean;
  ms: number;
  codes: number;
  edges: number;
}

/** Loads the synthetic graph of `scale` into the (empty or same-scale) database at `uri`, unless it is there already. */
export async function ensureSynthetic(uri: string, password: string, scale: Scale, log: (m: string) => void, seed = 1): Promise<SyntheticResult> {
  const n = SIZES[scale];
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), { disableLosslessIntegers: true });
  try {
    const marker = await driver.executeQuery('MATCH (m:BenchSynth) RETURN m.scale AS scale, m.seed AS seed, m.version AS version, m.codes AS codes');
    const m = marker.records[0];
    if (m && m.get('scale') === scale && m.get('seed') === seed && m.get('version') === GENERATOR_VERSION) {
      return { loaded: false, ms: 0, codes: m.get('codes') as number, edges: 0 };
    }
    const any = await driver.executeQuery('MATCH (n) RETURN count(n) AS n');
    if ((any.records[0]?.get('n') as number) > 0) {
      log(`synthetic: the database holds other data; clearing it (batched)`);
      for (;;) {
        const r = await driver.executeQuery('MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n');
        if ((r.records[0]?.get('n') as number) === 0) break;
      }
    }
    const t0 = performance.now();
    const cfg = { uri, user: 'neo4j', password, database: 'neo4j', queryTimeoutMs: 600000, connectTimeoutMs: 5000, acquireTimeoutMs: 60000, maxRetryMs: 5000, maxPoolSize: 100 };
    const db = new Database(createDriver(uri, cfg), { database: 'neo4j', queryTimeoutMs: 600000 });
    try {
      await migrate(db);
    } finally {
      await db.close();
    }

    const rnd = mulberry32(seed);
    const codes = [...generateCodes(n, rnd)];
    log(`synthetic ${scale}: ${codes.length} codes generated, loading`);
    let edges = 0;
    await runBatches(
      driver,
      `UNWIND $rows AS x
       CREATE (c:Code {system: x.system, codeKey: x.codeKey, code: x.code, title: x.title, seq: x.seq, sortKey: x.codeKey,
                       level: x.level, billable: x.billable, active: true, hasPage: x.hasPage, stub: false, release: 'synthetic'})`,
      codes.map((c) => ({ system: c.system, codeKey: c.codeKey, code: c.code, title: c.title, seq: c.seq, level: c.level, billable: c.billable, hasPage: c.hasPage })),
    );
    edges += await runBatches(
      driver,
      `UNWIND $rows AS x
       MATCH (c:Code {system: x.system, codeKey: x.codeKey}) MATCH (p:Code {system: x.system, codeKey: x.parentKey})
       CREATE (c)-[:PARENT]->(p)`,
      codes.filter((c) => c.parentKey !== null).map((c) => ({ system: c.system, codeKey: c.codeKey, parentKey: c.parentKey })),
    );

    // Vocabulary: regions (8 -> 4 -> 3), roles, settings, policies, risks, indications.
    const regions: Row[] = [];
    const leafRegions: string[] = [];
    for (const top of TOP_REGIONS) {
      regions.push({ key: top, name: top, parent: null });
      for (let i = 0; i < 4; i += 1) {
        const mid = `${top} part ${i + 1}`;
        regions.push({ key: mid, name: mid, parent: top });
        for (let j = 0; j < 3; j += 1) {
          const leaf = `${mid} area ${j + 1}`;
          regions.push({ key: leaf, name: leaf, parent: mid });
          leafRegions.push(leaf);
        }
      }
    }
    const allRegionKeys = regions.map((r) => r.key as string);
    await runBatches(driver, `UNWIND $rows AS x CREATE (:BodyRegion {key: x.key, name: x.name, curated: true, synonyms: []})`, regions);
    edges += await runBatches(
      driver,
      `UNWIND $rows AS x MATCH (c:BodyRegion {key: x.key}) MATCH (p:BodyRegion {key: x.parent}) CREATE (c)-[:PART_OF]->(p)`,
      regions.filter((r) => r.parent !== null),
    );
    await runBatches(driver, `UNWIND $rows AS x CREATE (:PersonnelRole {key: x, name: x, curated: true, synonyms: []})`, ROLE_NAMES);
    await runBatches(driver, `UNWIND $rows AS x CREATE (:Setting {key: x, name: x, curated: true, synonyms: []})`, SETTING_NAMES);
    const nPolicies = Math.max(50, Math.floor(n / 500));
    const policies = Array.from({ length: nPolicies }, (_, i) => ({ key: `synth-policy-${i}`, title: `Coverage policy ${i}`, payer: `Payer ${i % 20}`, url: `https://example.org/policy/${i}` }));
    await runBatches(driver, `UNWIND $rows AS x CREATE (:Policy {key: x.key, title: x.title, name: x.title, payer: x.payer, url: x.url, curated: true})`, policies);
    const icdKeys = codes.filter((c) => c.system === 'ICD10CM' && c.level === 'code').map((c) => c.codeKey);
    const nRisks = 400;
    const risks = Array.from({ length: nRisks }, (_, i) => ({
      key: `synth-risk-${i}`,
      name: `${RISK_WORDS[i % RISK_WORDS.length]} ${i}`,
      dx: icdKeys.length ? [icdKeys[Math.floor(rnd() * icdKeys.length)]] : [],
    }));
    await runBatches(driver, `UNWIND $rows AS x CREATE (:Risk {key: x.key, name: x.name, curated: true, synonyms: []})`, risks);
    edges += await runBatches(
      driver,
      `UNWIND $rows AS x MATCH (r:Risk {key: x.key}) UNWIND x.dx AS k MATCH (d:Code {system: 'ICD10CM', codeKey: k}) CREATE (r)-[:CODED_AS]->(d)`,
      risks,
    );
    const nInd = Math.max(100, Math.floor(n / 100));
    const indications = Array.from({ length: nInd }, (_, i) => ({
      key: `synth-indication-${i}`,
      text: `${CONDITIONS[i % CONDITIONS.length]} of the ${SITES[(i * 7) % SITES.length]} (${i})`,
      dx: icdKeys.length ? [icdKeys[Math.floor(rnd() * icdKeys.length)]] : [],
    }));
    await runBatches(driver, `UNWIND $rows AS x CREATE (:Indication {key: x.key, text: x.text, name: x.text, curated: true})`, indications);
    edges += await runBatches(
      driver,
      `UNWIND $rows AS x MATCH (r:Indication {key: x.key}) UNWIND x.dx AS k MATCH (d:Code {system: 'ICD10CM', codeKey: k}) CREATE (r)-[:CODED_AS]->(d)`,
      indications,
    );

    // Page data of the codes that have a page.
    const riskRank = zipf(nRisks, 1.1, rnd);
    const indRank = zipf(nInd, 1.1, rnd);
    const pageCodes = codes.filter((c) => c.hasPage);
    const distinct = (count: number, draw: () => string): string[] => {
      const s = new Set<string>();
      for (let k = 0; k < count * 3 && s.size < count; k += 1) s.add(draw());
      return [...s];
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
    const pages = pageCodes.map((c, idx) => ({
      system: c.system,
      codeKey: c.codeKey,
      summary: `Synthetic page of ${c.title}.`,
      risks: distinct(3 + Math.floor(rnd() * 8), () => `synth-risk-${riskRank()}`).map((key, rank) => ({ key, rank, frequency: rnd() < 0.5 ? 'COMMON' : 'RARE', text: `risk wording ${rank}` })),
      regions: distinct(1 + Math.floor(rnd() * 3), () => (rnd() < 0.8 ? pick(leafRegions) : pick(allRegionKeys))),
      roles: distinct(1 + Math.floor(rnd() * 3), () => pick(ROLE_NAMES)),
      settings: distinct(1 + Math.floor(rnd() * 2), () => pick(SETTING_NAMES)),
      policies: distinct(Math.floor(rnd() * 3), () => `synth-policy-${Math.floor(rnd() * nPolicies)}`),
      indications: distinct(1 + Math.floor(rnd() * 3), () => `synth-indication-${indRank()}`),
      similar: distinct(Math.floor(rnd() * 5), () => {
        const o = pageCodes[Math.min(pageCodes.length - 1, Math.max(0, idx + Math.floor(rnd() * 40) - 20))] as CodeRow;
        return `${o.system}:${o.codeKey}`;
      }).filter((k) => k !== `${c.system}:${c.codeKey}`),
    }));
    edges += await runBatches(
      driver,
      `UNWIND $rows AS x
       MATCH (c:Code {system: x.system, codeKey: x.codeKey})
       SET c.summary = x.summary, c.purpose = 'Synthetic purpose.', c.preparation = ['Fast before.'], c.steps = ['Step one.', 'Step two.'],
           c.benefits = ['Relief.'], c.recovery = ['Rest.'], c.durationText = '30 minutes', c.durationMinMinutes = 30, c.durationMaxMinutes = 30
       WITH c, x
       CALL (c, x) { UNWIND x.risks AS r MATCH (t:Risk {key: r.key}) CREATE (c)-[:HAS_RISK {frequency: r.frequency, text: r.text, rank: r.rank}]->(t) RETURN count(*) AS n1 }
       CALL (c, x) { UNWIND range(0, size(x.regions) - 1) AS i MATCH (t:BodyRegion {key: x.regions[i]}) CREATE (c)-[:TARGETS {rank: i}]->(t) RETURN count(*) AS n2 }
       CALL (c, x) { UNWIND range(0, size(x.roles) - 1) AS i MATCH (t:PersonnelRole {key: x.roles[i]}) CREATE (c)-[:PERFORMED_BY {rank: i}]->(t) RETURN count(*) AS n3 }
       CALL (c, x) { UNWIND range(0, size(x.settings) - 1) AS i MATCH (t:Setting {key: x.settings[i]}) CREATE (c)-[:PERFORMED_IN {rank: i}]->(t) RETURN count(*) AS n4 }
       CALL (c, x) { UNWIND range(0, size(x.policies) - 1) AS i MATCH (t:Policy {key: x.policies[i]}) CREATE (c)-[:COVERED_BY {rank: i}]->(t) RETURN count(*) AS n5 }
       CALL (c, x) { UNWIND range(0, size(x.indications) - 1) AS i MATCH (t:Indication {key: x.indications[i]}) CREATE (c)-[:INDICATED_FOR {rank: i}]->(t) RETURN count(*) AS n6 }
       CALL (c, x) { UNWIND range(0, size(x.similar) - 1) AS i WITH c, i, split(x.similar[i], ':') AS p
                     MATCH (t:Code {system: p[0], codeKey: p[1]}) CREATE (c)-[:SIMILAR_TO {rank: i}]->(t) RETURN count(*) AS n7 }
       RETURN count(*) AS done`,
      pages,
    );
    await driver.executeQuery('CREATE (:BenchSynth {scale: $scale, seed: $seed, version: $version, codes: $codes})', {
      scale,
      seed: neo4j.int(seed),
      version: neo4j.int(GENERATOR_VERSION),
      codes: neo4j.int(codes.length),
    });
    const ms = performance.now() - t0;
    return { loaded: true, ms, codes: codes.length, edges };
  } finally {
    await driver.close();
  }
}

async function cli(): Promise<void> {
  const argv = process.argv.slice(2);
  const scale = (argv[argv.indexOf('--scale') + 1] ?? '10k') as Scale;
  if (!SCALES.includes(scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`);
  const seedIdx = argv.indexOf('--seed');
  const seed = seedIdx >= 0 ? Number(argv[seedIdx + 1]) : 1;
  const password = process.env.LOCAL_NEO4J_PASSWORD ?? 'medcodes-local-dev';
  const home = path.resolve(__dirname, '..', '.neo4j', `bench-synth-${scale}`);
  const neo = await startLocalNeo4j({ home, boltPort: 7691, password, heap: process.env.LOCAL_NEO4J_HEAP ?? '2g', pageCache: process.env.LOCAL_NEO4J_PAGECACHE ?? '1g', startTimeoutMs: 180000 });
  try {
    const r = await ensureSynthetic(neo.boltUri, password, scale, (m) => process.stdout.write(`${m}\n`), seed);
    process.stdout.write(r.loaded ? `synthetic ${scale}: loaded in ${(r.ms / 1000).toFixed(1)} s (${r.codes} codes, ${r.edges} rows of relationship batches)\n` : `synthetic ${scale}: already loaded (${r.codes} codes)\n`);
  } finally {
    await neo.stop();
  }
}

if (require.main === module) {
  cli().catch((err: unknown) => {
    process.stderr.write(`synthetic failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
