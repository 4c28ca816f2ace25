import path from 'node:path';
import { REPO_ROOT } from '../../config';
import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database } from '../../neo4j/database';
import { parseExternalCauseIndex } from './icd10cm-eindex';
import { parseIcd10cmIndex } from './icd10cm-index';
import { parseDrugTable, parseNeoplasmTable } from './icd10cm-tables';
import { parseIcd10cmTabular } from './icd10cm-tabular';
import { parseIcd10pcsIndex } from './icd10pcs-index';
import type { NameRow, NamesFormatError, SuggestionRow } from './names.types';
import { loadSynonyms } from './synonyms';

export const SHIPPED_NAMES_DIR = path.join(REPO_ROOT, 'seeds', 'search');

/** The shipped names files (seeds/search/README.md has their provenance). */
export const SHIPPED_NAME_FILES = [
  'ICD10CM_2025_Index.csv.gz',
  'icd10c-tabular-April-1-2026.xml.gz',
  'icd10pcs_index_2025.xml.gz',
  'icd-10-cm-drug-2025.xml.gz',
  'icd-10-cm-neoplasm-2025.xml.gz',
  'icd-10-cm-eindex-2025.xml.gz',
];

/**
 * What a database's names are loaded from: the files, and how our parsers read them. The
 * reading is bumped when a parser reads the same files differently (2: ICD-10-CM index rows
 * with only a "see also"), so that a database loaded before reloads its names at the next start.
 */
export const SHIPPED_NAMES_RELEASE = `${SHIPPED_NAME_FILES.join(',')};reading 2`;

const Q = {
  names: cypherQuery('search/create-name-batch'),
  suggestions: cypherQuery('search/create-suggestion-batch'),
  clear: cypherQuery('search/delete-names-batch'),
  categories: cypherQuery('search/merge-category-suggestions'),
  count: cypherQuery('search/count-names'),
};

/** Names per transaction (each row is a MERGE of a node and an edge). */
export const NAMES_BATCH_SIZE = 5000;

export interface NamesLoadResult {
  file: string;
  names: number;
  /** Names whose code is not in the loaded releases (FY2025 index terms of codes deleted in FY2026). */
  dropped: number;
  problems: number;
  ms: number;
}

export interface NamesLoadOptions {
  dir?: string;
  onProblem?: (p: NamesFormatError) => void;
}

/** How many Name nodes the database holds. */
export async function countNames(db: Database): Promise<number> {
  const [row] = await db.read<{ names: number }>(Q.count);
  return row?.names ?? 0;
}

async function storeNames(db: Database, rows: NameRow[]): Promise<number> {
  let linked = 0;
  for (let i = 0; i < rows.length; i += NAMES_BATCH_SIZE) {
    const [r] = await db.write<{ linked: number }>(Q.names, { rows: rows.slice(i, i + NAMES_BATCH_SIZE) }, 120000);
    linked += r?.linked ?? 0;
  }
  return linked;
}

/**
 * Loads the names files (CM index, CM tabular inclusion terms, PCS index, the Table of
 * Drugs and Chemicals, the Neoplasm table, the External Cause index) and the
 * autocomplete terms, after the code sets: names link to existing codes only. Batches of
 * NAMES_BATCH_SIZE, one transaction each; idempotent. Lines that cannot be read are
 * reported through onProblem and skipped. Throws for a file that is missing or not of
 * its format.
 */
export async function loadShippedNames(db: Database, opts: NamesLoadOptions = {}): Promise<NamesLoadResult[]> {
  const dir = opts.dir ?? SHIPPED_NAMES_DIR;
  for (;;) {
    const [r] = await db.write<{ removed: number }>(Q.clear, { limit: 20000 }, 120000);
    if (!r?.removed) break;
  }
  const results: NamesLoadResult[] = [];
  const suggestions: SuggestionRow[] = [];
  const parsers: Record<string, (f: string) => { names: NameRow[]; problems: NamesFormatError[]; suggestions?: SuggestionRow[] }> = {
    'ICD10CM_2025_Index.csv.gz': parseIcd10cmIndex,
    'icd10c-tabular-April-1-2026.xml.gz': parseIcd10cmTabular,
    'icd10pcs_index_2025.xml.gz': parseIcd10pcsIndex,
    'icd-10-cm-drug-2025.xml.gz': parseDrugTable,
    'icd-10-cm-neoplasm-2025.xml.gz': parseNeoplasmTable,
    'icd-10-cm-eindex-2025.xml.gz': parseExternalCauseIndex,
  };
  for (const file of SHIPPED_NAME_FILES) {
    const started = Date.now();
    const parsed = parsers[file]!(path.join(dir, file));
    for (const p of parsed.problems) opts.onProblem?.(p);
    const linked = await storeNames(db, parsed.names);
    suggestions.push(...(parsed.suggestions ?? []));
    results.push({ file, names: linked, dropped: parsed.names.length - linked, problems: parsed.problems.length, ms: Date.now() - started });
  }
  const started = Date.now();
  for (const s of loadSynonyms()) {
    for (const text of [s.term, s.expansion]) suggestions.push({ key: text.toLowerCase(), text, codes: 0, source: 'synonyms.tsv' });
  }
  const byKey = new Map<string, SuggestionRow>();
  for (const s of suggestions) {
    const had = byKey.get(s.key);
    if (!had || s.codes > had.codes) byKey.set(s.key, s);
  }
  const unique = [...byKey.values()];
  for (let i = 0; i < unique.length; i += NAMES_BATCH_SIZE) await db.write(Q.suggestions, { rows: unique.slice(i, i + NAMES_BATCH_SIZE) }, 120000);
  await db.write(Q.categories, {}, 120000);
  results.push({ file: 'suggestions', names: unique.length, dropped: 0, problems: 0, ms: Date.now() - started });
  return results;
}
