import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CodeSystem } from '../domain/code-system';
import { REPO_ROOT } from '../config';
import type { Database } from '../neo4j/database';
import {
  CodeRow,
  detectCodesetFile,
  findIcd10cmStructureFiles,
  loadIcd10cmStructure,
  isReleaseLabel,
  parseCodesetFile,
  planRelease,
  readConversionTable,
  ReleaseOrderError,
  releaseLabelFromFileName,
  RowProblem,
  stateAt,
  validIn,
  type ReleasePlan,
} from './codesets';
import {
  CODESET_BATCH_SIZE,
  readReleases,
  readReleaseState,
  refreshPlannerStatistics,
  sortKeyOf,
  storeCodeBatch,
  storeCodeVersions,
  storeReleaseChanges,
  type ReleaseWrite,
} from './store/codeset.store';
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

// ---------------------------------------------------------------------------------------
// Releases side by side (README "Releases"): import:release and the seed's FY2025 part.

/** Levels of the rows an order file holds itself (the rest are derived from structure tables). */
const ORDER_FILE_LEVELS: Record<string, readonly string[]> = {
  [CodeSystem.ICD10CM]: ['category', 'subcategory', 'code'],
  [CodeSystem.ICD10PCS]: ['table', 'code'],
};

/** A release file or conversion table that does not fit the load asked for: refused before anything is written. */
export class ReleaseLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseLoadError';
  }
}

export interface ReleaseLoadOptions {
  /** The release the file holds, e.g. `FY2027`; must agree with a year in the file name, when it has one. */
  release: string;
  /** Expected system; refused when the file is another system's. Default: what the file is. */
  system?: CodeSystem;
  /** ICD-10-CM conversion table (.xlsx) whose rows of the newer release of the pair become REPLACED_BY edges. */
  conversionTable?: string;
  /** Folder of the ICD-10-CM structure tables (as for loadCodesetFile). */
  structureDir?: string;
  onProgress?: (rowsDone: number) => void;
  /**
   * Store the codes under this `system` value instead of the file's (a scratch name that
   * is no CodeSystem: the release tests load synthetic releases beside the shared test
   * data without touching it, then delete that system's nodes).
   */
  storeAsSystem?: string;
}

export interface ReleaseLoadResult {
  system: CodeSystem;
  release: string;
  direction: 'forward' | 'backward';
  /** The release compared with (null on a system's first release). */
  comparedWith: string | null;
  rows: number;
  added: number;
  deleted: number;
  /** Codes whose long title differs between the two releases. */
  retitled: number;
  /** Earlier states stored (title, short title or billable changed). */
  versions: number;
  replacedByEdges: number;
  /** Conversion-table rows that name a previous code the older release lacks (no edge made). */
  warnings: string[];
  ms: number;
}

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function findStructure(file: string, structureDir?: string) {
  const dirs = [structureDir, path.dirname(file), SHIPPED_CODESETS_DIR].filter((d): d is string => !!d && fs.existsSync(d));
  for (const dir of dirs) {
    try {
      return await loadIcd10cmStructure(await findIcd10cmStructureFiles(dir));
    } catch {
      /* try the next folder */
    }
  }
  return null;
}

/** Expands the conversion table's code ranges against the codes of a release (codeKeys in code order). */
function expandRange(range: { from: string; to: string }, codes: readonly string[]): string[] {
  return codes.filter((k) => k >= range.from && k <= range.to && k.length === range.from.length);
}

/**
 * Loads one ICD-10-CM or ICD-10-PCS release from its official order file (plain or .gz),
 * keeping every release loaded before it: a code present in both is one node, codes new
 * in a release get `firstRelease`, deleted ones `lastRelease` and `active = false`, and a
 * changed title keeps the earlier one as a CodeVersion. With `conversionTable`
 * (ICD-10-CM), its rows for the newer release of the pair become REPLACED_BY edges.
 *
 * The whole file (and table) is read and checked before the first write; a bad or
 * mismatched input rejects with `ReleaseLoadError`, `CodesetFormatError` (file:line) or
 * `ReleaseOrderError`, and nothing stored changes. Idempotent: loading the same release
 * again changes nothing. A release newer than the stored ones is written in batches (a
 * re-run finishes an interrupted load); one older than all of them in one transaction.
 */
export async function loadRelease(db: Database, file: string, opts: ReleaseLoadOptions): Promise<ReleaseLoadResult> {
  const started = Date.now();
  const { release } = opts;
  if (!isReleaseLabel(release)) throw new ReleaseLoadError(`release must be a fiscal year like FY2027, got '${release}'`);
  if (!fs.existsSync(file)) throw new ReleaseLoadError(`${file}: no such file`);
  const detection = await detectCodesetFile(file);
  if (!detection || (detection.format !== 'icd10cm-order' && detection.format !== 'icd10pcs-order')) {
    throw new ReleaseLoadError(`${file}: expected an ICD-10-CM or ICD-10-PCS order file (fixed width: order number, code, flag, short and long title)`);
  }
  const system = detection.system;
  if (opts.system && opts.system !== system) throw new ReleaseLoadError(`${file} is an order file of ${system}, not ${opts.system}`);
  const named = releaseLabelFromFileName(file);
  if (named && named !== release) throw new ReleaseLoadError(`${file} is named for ${named}, not ${release}`);
  if (opts.conversionTable && system !== CodeSystem.ICD10CM) {
    throw new ReleaseLoadError(`${opts.conversionTable}: conversion tables are published for ICD-10-CM only, not ${system}`);
  }

  // 1. Read and check everything (strict: the first malformed line refuses the file).
  const structure = system === CodeSystem.ICD10CM ? await findStructure(file, opts.structureDir) : null;
  const allRows: CodeRow[] = [];
  const storeSystem = opts.storeAsSystem ?? system;
  for await (const row of parseCodesetFile(file, { structure, strict: true })) allRows.push(storeSystem === (system as string) ? row : { ...row, system: storeSystem as CodeSystem });
  const fileRows = allRows.filter((r) => r.line !== undefined);
  if (fileRows.length === 0) throw new ReleaseLoadError(`${file}: no codes`);
  const table = opts.conversionTable ? await readConversionTable(opts.conversionTable) : null;

  // 2. Compare with what is stored.
  const levels = ORDER_FILE_LEVELS[system] ?? [];
  const [storedReleases, state] = await Promise.all([readReleases(db, storeSystem), readReleaseState(db, storeSystem, levels)]);
  let known = storedReleases.map((r) => r.name);
  let inferredCurrent: ReleaseWrite['inferredCurrent'] = null;
  if (known.length === 0 && state.codes.size > 0) {
    // Codes loaded before releases were tracked (npm run import:codesets, the seed): name their release by their file.
    const name = state.mainFile ? releaseLabelFromFileName(state.mainFile) : null;
    if (!name) throw new ReleaseLoadError(`the stored ${system} codes do not say which release they are (file '${state.mainFile ?? ''}'); load them again with import:release`);
    inferredCurrent = { name, file: state.mainFile ?? '' };
    known = [name];
  }
  let plan: ReleasePlan;
  try {
    plan = planRelease(known, release, fileRows, state.codes, sortKeyOf);
  } catch (err) {
    if (err instanceof ReleaseOrderError) throw new ReleaseLoadError(err.message);
    throw err;
  }

  // Conversion edges: rows of the newer release of the pair, old codes valid in the older one.
  const replacements: ReleaseWrite['replacements'] = [];
  const previousAssignments: ReleaseWrite['previousAssignments'] = [];
  const warnings: string[] = [];
  if (table) {
    const newer = plan.direction === 'forward' ? release : plan.neighbour;
    const older = plan.direction === 'forward' ? plan.neighbour : release;
    if (newer === null || older === null) throw new ReleaseLoadError(`${table.file}: no earlier release of ${system} is stored to link from`);
    if (table.release !== null && table.release !== newer) throw new ReleaseLoadError(`${table.file} is the ${table.release} conversion table; this load needs the ${newer} one`);
    const fileKeys = new Set(fileRows.map((r) => r.codeKey));
    const storedIn = (rel: string) => new Set([...state.codes.values()].filter((c) => validIn(c, rel)).map((c) => c.codeKey));
    const newerKeys = plan.direction === 'forward' ? fileKeys : storedIn(newer);
    const olderKeys = plan.direction === 'forward' ? storedIn(older) : fileKeys;
    const olderOrdered = plan.direction === 'forward' ? [...olderKeys].sort() : fileRows.map((r) => r.codeKey);
    const entries = table.entries.filter((e) => e.release === newer);
    if (entries.length === 0) throw new ReleaseLoadError(`${table.file}: no rows effective in ${newer}`);
    for (const e of entries) {
      if (!newerKeys.has(e.newKey)) throw new ReleaseLoadError(`${table.file}:${e.line}: ${e.newKey} is not a code of ${system} ${newer}`);
      const olds = [...e.oldKeys, ...e.oldRanges.flatMap((r) => expandRange(r, olderOrdered))];
      for (const oldKey of new Set(olds)) {
        if (!olderKeys.has(oldKey)) {
          // The official FY2026 table names H05.83 for H05.831, a code FY2025 does not have: no edge, but say so.
          warnings.push(`${table.file}:${e.line}: previous code ${oldKey} of ${e.newKey} is not a code of ${system} ${older}: no edge`);
          continue;
        }
        replacements.push({ oldKey, newKey: e.newKey, release: newer });
      }
      previousAssignments.push({ newKey: e.newKey, text: e.previousText, release: newer });
    }
  }
  const sha256 = await sha256Of(file);

  // 3. Write. A forward load stores the earlier states first, then every row (current state,
  // hierarchy, code order), then the rest in one transaction.
  if (plan.direction === 'forward') {
    await storeCodeVersions(db, storeSystem, plan);
    const firstRelease = plan.neighbour === null ? undefined : new Map(plan.added.map((k) => [k, release]));
    const name = path.basename(file).replace(/\.gz$/, '');
    for (let i = 0; i < allRows.length; i += CODESET_BATCH_SIZE) {
      await storeCodeBatch(db, allRows.slice(i, i + CODESET_BATCH_SIZE), name, firstRelease);
      if (i === 0 && state.codes.size === 0) await refreshPlannerStatistics(db);
      opts.onProgress?.(Math.min(allRows.length, i + CODESET_BATCH_SIZE));
    }
  }
  await storeReleaseChanges(db, { system: storeSystem, file, sha256, inferredCurrent, plan, replacements, previousAssignments });

  const neighbour = plan.neighbour;
  const retitled =
    neighbour === null
      ? 0
      : plan.direction === 'forward'
        ? plan.versions.filter((v) => v.version.title !== fileRows.find((r) => r.codeKey === v.codeKey)?.title).length
        : plan.versions.filter((v) => {
            const s = state.codes.get(v.codeKey);
            return s !== undefined && stateAt(s, neighbour).state.title !== v.version.title;
          }).length;
  return {
    system,
    release,
    direction: plan.direction,
    comparedWith: neighbour,
    rows: fileRows.length,
    added: plan.added.length,
    deleted: plan.direction === 'forward' ? plan.deleted.length : plan.olderOnly.length,
    retitled,
    versions: plan.versions.length,
    replacedByEdges: replacements.length,
    warnings,
    ms: Date.now() - started,
  };
}

/** The earlier releases shipped beside the current ones (seeds/codesets), loaded below them by comparison. */
export const SHIPPED_PREVIOUS_RELEASES: readonly { file: string; release: string; conversionTable?: string }[] = [
  { file: 'icd10cm_order_2025.txt.gz', release: 'FY2025', conversionTable: 'ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx' },
  { file: 'icd10pcs_order_2025.txt.gz', release: 'FY2025' },
];

/** True when every shipped earlier release is stored (CodeRelease nodes). */
export async function hasShippedPreviousReleases(db: Database): Promise<boolean> {
  for (const r of SHIPPED_PREVIOUS_RELEASES) {
    const detection = await detectCodesetFile(path.join(SHIPPED_CODESETS_DIR, r.file));
    const releases = detection ? await readReleases(db, detection.system) : [];
    if (!releases.some((s) => s.name === r.release)) return false;
  }
  return true;
}

/** Loads the shipped FY2025 ICD-10-CM and ICD-10-PCS releases below the stored FY2026 ones (idempotent). */
export async function loadShippedPreviousReleases(db: Database, dir: string = SHIPPED_CODESETS_DIR): Promise<ReleaseLoadResult[]> {
  const results: ReleaseLoadResult[] = [];
  for (const r of SHIPPED_PREVIOUS_RELEASES) {
    results.push(
      await loadRelease(db, path.join(dir, r.file), {
        release: r.release,
        structureDir: dir,
        ...(r.conversionTable ? { conversionTable: path.join(dir, r.conversionTable) } : {}),
      }),
    );
  }
  return results;
}
