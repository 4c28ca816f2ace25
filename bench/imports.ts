/**
 * W5 imports, in a scratch Neo4j (.neo4j/bench-import, bolt 7692) whose data is wiped first,
 * so the real-data bench database is never touched: our schema (migrate) and vocabulary,
 * then the full ICD-10-CM release through loadCodesetFile, then N code pages generated from
 * the CPT sample pages (seeds/pages) under new code numbers, through CodePageImporter.importFiles.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCodesetFile, SHIPPED_CODESETS_DIR } from '../src/ingest/load-codesets';
import { storeVocabulary } from '../src/ingest/store/vocabulary.store';
import { loadVocabulary } from '../src/ingest/vocabulary/vocabulary';
import { CodePageImporter } from '../src/modules/import/code-page.importer';
import { Database } from '../src/neo4j/database';
import { createDriver } from '../src/neo4j/driver';
import { localNeo4jPid, startLocalNeo4j, stopLocalNeo4j } from '../src/neo4j/local-server';
import { migrate } from '../src/neo4j/migrations';
import { onStop } from './lib/procs';

const ROOT = path.resolve(__dirname, '..');

export interface ImportResult {
  icd: { rows: number; seconds: number; problems: number } | null;
  pages: { rows: number; seconds: number; failed: number; firstFailure: string | null };
}

/** Writes `count` page files (cpt-20000.txt, cpt-20001.txt, ...) built from the CPT sample pages. */
export function generatePages(count: number, dir: string): string[] {
  const pagesDir = path.join(ROOT, 'seeds', 'pages');
  const samples = fs
    .readdirSync(pagesDir)
    .filter((f) => /^cpt-\d{5}\.txt$/.test(f))
    .sort()
    .map((f) => fs.readFileSync(path.join(pagesDir, f), 'utf8'));
  if (samples.length === 0) throw new Error('no CPT sample pages in seeds/pages');
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const code = String(20000 + i).padStart(5, '0');
    const file = path.join(dir, `cpt-${code}.txt`);
    fs.writeFileSync(file, samples[i % samples.length] as string);
    files.push(file);
  }
  return files;
}

export async function runImports(opts: { pages: number; icd: boolean; password: string; log: (m: string) => void; logDir: string }): Promise<ImportResult> {
  const home = path.join(ROOT, '.neo4j', 'bench-import');
  const boltPort = 7692;
  if (localNeo4jPid({ home }) !== null) await stopLocalNeo4j({ home });
  fs.rmSync(path.join(home, 'data'), { recursive: true, force: true });
  onStop(async () => void (await stopLocalNeo4j({ home })));
  const neo = await startLocalNeo4j({ home, boltPort, password: opts.password, heap: '1g', pageCache: '512m', startTimeoutMs: 180000 });
  const cfg = {
    uri: neo.boltUri,
    user: 'neo4j',
    password: opts.password,
    database: 'neo4j',
    queryTimeoutMs: 60000,
    connectTimeoutMs: 5000,
    acquireTimeoutMs: 60000,
    maxRetryMs: 5000,
    maxPoolSize: 100,
  };
  const db = new Database(createDriver(neo.boltUri, cfg), { database: 'neo4j', queryTimeoutMs: 60000 });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pages-'));
  try {
    for (let i = 0; i < 240 && !(await db.ping(2000)); i += 1) await new Promise((r) => setTimeout(r, 500));
    await migrate(db);
    const importer = new CodePageImporter(db, loadVocabulary());
    await storeVocabulary(db, importer.vocabulary);

    let icd: ImportResult['icd'] = null;
    if (opts.icd) {
      opts.log('W5: loading the full ICD-10-CM release');
      const t0 = performance.now();
      const r = await loadCodesetFile(db, path.join(SHIPPED_CODESETS_DIR, 'icd10cm_order_2026.txt.gz'));
      icd = { rows: r.rows, seconds: (performance.now() - t0) / 1000, problems: r.problems };
      opts.log(`W5: ICD-10-CM ${r.rows} rows in ${icd.seconds.toFixed(1)} s`);
    }
    const files = generatePages(opts.pages, tmp);
    opts.log(`W5: importing ${files.length} generated pages`);
    const t1 = performance.now();
    const summary = await importer.importFiles(files);
    const seconds = (performance.now() - t1) / 1000;
    opts.log(`W5: ${summary.pages} pages in ${seconds.toFixed(1)} s, ${summary.failed.length} failed`);
    return {
      icd,
      pages: { rows: summary.pages, seconds, failed: summary.failed.length, firstFailure: summary.failed[0]?.message ?? null },
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    await db.close().catch(() => undefined);
    await neo.stop();
  }
}
