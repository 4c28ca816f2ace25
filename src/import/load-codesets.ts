import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import type { Database } from '../neo4j/database';
import {
  CodeRow,
  detectCodesetFile,
  findIcd10cmStructureFiles,
  loadIcd10cmStructure,
  parseCodesetFile,
  RowProblem,
} from './codesets';
import { CODESET_BATCH_SIZE, refreshPlannerStatistics, storeCodeBatch } from './store/codeset.store';
import { linkDiagnosisCodes } from './store/vocabulary.store';
import { bumpDataVersion } from '../neo4j/data-version';

export const SHIPPED_CODESETS_DIR = path.join(REPO_ROOT, 'seeds', 'codesets');

/** The shipped release files, in load order. */
export const SHIPPED_CODESET_FILES = ['icd10cm_order_2026.txt.gz', 'icd10pcs_order_2026.txt.gz', 'HCPC2025_JAN_ANWEB_12172024.txt.gz'];

export interface CodesetLoadOptions {
  /** Folder holding the ICD-10-CM structure tables (chapters, sections, categories); default: the file's folder, then seeds/codesets. */
  structureDir?: string;
  /** Fail on the first malformed line instead of skipping and reporting it. */
  strict?: boolean;
  onProblem?: (p: RowProblem) => void;
  /** Called after each stored batch with rows stored so far. */
  onProgress?: (rowsDone: number) => void;
}

export interface CodesetLoadResult {
  file: string;
  system: string;
  rows: number;
  problems: number;
  ms: number;
}

/**
 * Loads one official release file (plain or .gz; format detected from its content)
 * in batches of CODESET_BATCH_SIZE rows, each batch one transaction. Idempotent.
 * Malformed lines are skipped and reported through onProblem (or fail the run with
 * strict). Rejects with an Error naming the file when the format is not recognised.
 */
export async function loadCodesetFile(db: Database, file: string, opts: CodesetLoadOptions = {}): Promise<CodesetLoadResult> {
  const started = Date.now();
  const detection = await detectCodesetFile(file);
  if (!detection || !['icd10cm-order', 'icd10pcs-order', 'hcpcs-alpha-numeric'].includes(detection.format)) {
    throw new Error(`${file}: not a release file this importer reads (ICD-10-CM or ICD-10-PCS order file, HCPCS alpha-numeric file)`);
  }
  let structure = null;
  if (detection.format === 'icd10cm-order') {
    const dirs = [opts.structureDir, path.dirname(file), SHIPPED_CODESETS_DIR].filter((d): d is string => !!d && fs.existsSync(d));
    for (const dir of dirs) {
      try {
        structure = await loadIcd10cmStructure(await findIcd10cmStructureFiles(dir));
        break;
      } catch {
        /* try the next folder */
      }
    }
  }
  let problems = 0;
  const onProblem = (p: RowProblem) => {
    problems += 1;
    opts.onProblem?.(p);
  };
  const release = path.basename(file).replace(/\.gz$/, '');
  let batch: CodeRow[] = [];
  let rows = 0;
  for await (const row of parseCodesetFile(file, { structure, strict: opts.strict === true, ...(opts.strict ? {} : { onProblem }) })) {
    batch.push(row);
    if (batch.length >= CODESET_BATCH_SIZE) {
      await storeCodeBatch(db, batch, release);
      // After the first batch the statistics still describe the database before it: plans
      // made on them for the rest of the load can be many times slower.
      if (rows === 0) await refreshPlannerStatistics(db);
      rows += batch.length;
      batch = [];
      opts.onProgress?.(rows);
    }
  }
  if (batch.length) {
    await storeCodeBatch(db, batch, release);
    rows += batch.length;
    opts.onProgress?.(rows);
  }
  await bumpDataVersion(db); // cached reads' ETags change (src/neo4j/data-version.ts)
  return { file, system: detection.system, rows, problems, ms: Date.now() - started };
}

/**
 * Loads the shipped ICD-10-CM, ICD-10-PCS and HCPCS releases (seeds/codesets), then
 * links vocabulary risks and indications to the ICD-10-CM codes.
 */
export async function loadShippedCodesets(db: Database, opts: CodesetLoadOptions & { dir?: string; files?: string[] } = {}): Promise<CodesetLoadResult[]> {
  const dir = opts.dir ?? SHIPPED_CODESETS_DIR;
  const results: CodesetLoadResult[] = [];
  for (const name of opts.files ?? SHIPPED_CODESET_FILES) {
    results.push(await loadCodesetFile(db, path.join(dir, name), { ...opts, structureDir: opts.structureDir ?? dir }));
  }
  await linkDiagnosisCodes(db);
  return results;
}
