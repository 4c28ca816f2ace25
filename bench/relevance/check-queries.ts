/**
 * Checks the two curated search data files of issue #12 against the shipped release files:
 *
 * - bench/relevance/queries.tsv: header `category<TAB>query<TAB>accepted<TAB>reason`, a known
 *   category, no query text twice, accepted patterns `SYSTEM:CODE` or `SYSTEM:PREFIX*` (no dots,
 *   upper case, a prefix of at least 3 characters so no pattern is a whole chapter), and every
 *   pattern matching at least one code (for HCPCS an active one) of seeds/codesets (ICD-10-CM and ICD-10-PCS FY2026 order
 *   files, HCPCS January 2025) or of seeds/pages (the only CPT codes the graph holds).
 * - seeds/search/synonyms.tsv: four columns `term<TAB>expansion<TAB>kind<TAB>reason`, a known
 *   kind, a lower-case term, no identity row and no repeated pair, and every expansion finding
 *   at least one official title (long or short) that holds all of its words.
 *
 *   npx tsx bench/relevance/check-queries.ts
 *
 * Prints counts per category and kind, and every problem with its file and line; exits 1 when
 * there is a problem. Reads only files inside the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CodeSystem } from '../../src/domain/code-system';
import { codesetSeedPath, parseHcpcsFile, parseIcd10cmOrderFile, parseIcd10pcsOrderFile, type CodeRow } from '../../src/ingest/codesets';

const ROOT = path.resolve(__dirname, '..', '..');
export const QUERIES_FILE = path.join(ROOT, 'bench', 'relevance', 'queries.tsv');
export const SYNONYMS_FILE = path.join(ROOT, 'seeds', 'search', 'synonyms.tsv');
const PAGES_DIR = path.join(ROOT, 'seeds', 'pages');

export const QUERY_HEADER = 'category\tquery\taccepted\treason';
export const QUERY_CATEGORIES = [
  'lay',
  'abbreviation',
  'misspelling',
  'code-format',
  'word-order',
  'pcs-procedure',
  'hcpcs-supply',
  'cm-7th-character',
  'clinical',
  'drug-external-cause',
  'neoplasm',
  'cpt-anesthesia',
  'symptom',
] as const;
export const SYNONYM_KINDS = ['lay', 'abbreviation', 'spelling'] as const;
export const MIN_QUERIES = 200;
export const MIN_PER_CATEGORY = 15;
export const MIN_SYNONYMS = 500;
/** A prefix shorter than this would accept a whole chapter or letter section. */
const MIN_PREFIX = 3;

const PATTERN = /^(CPT|HCPCS|ICD10CM|ICD10PCS):([0-9A-Z]+)(\*?)$/;
const PAGE_FILE = /^(cpt|hcpcs|icd10cm|icd10pcs)-([0-9A-Za-z.]+)\.txt$/;

/**
 * Every code of the shipped files, by system (sorted), and the titles for the synonym check.
 * HCPCS lists only active codes: the file keeps terminated codes as history, and a code that
 * can no longer be billed is not an answer a coder would accept.
 */
export interface ReleaseData {
  codes: Map<CodeSystem, string[]>;
  titles: string[];
}

/** One accepted pattern, parsed. */
export interface AcceptedPattern {
  system: CodeSystem;
  code: string;
  prefix: boolean;
}

export interface Problem {
  file: string;
  line: number;
  message: string;
}

export interface CheckReport {
  problems: Problem[];
  queriesPerCategory: Map<string, number>;
  synonymsPerKind: Map<string, number>;
  patterns: number;
}

/** Lower-case words of a title or expansion: letters, digits and inner apostrophes. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0);
}

/** Parses `SYSTEM:CODE` or `SYSTEM:PREFIX*`; returns a message saying what is wrong otherwise. */
export function parsePattern(text: string): AcceptedPattern | string {
  const m = PATTERN.exec(text);
  if (!m) return `expected SYSTEM:CODE or SYSTEM:PREFIX* (SYSTEM one of CPT, HCPCS, ICD10CM, ICD10PCS; upper case, no dots), got '${text}'`;
  const [, system, code, star] = m;
  if (star === '*' && code!.length < MIN_PREFIX) return `prefix '${text}' is shorter than ${MIN_PREFIX} characters: too broad for an accepted set`;
  return { system: system as CodeSystem, code: code!, prefix: star === '*' };
}

/** Reads the release files of seeds/codesets and the codes of seeds/pages. */
export async function loadReleaseData(): Promise<ReleaseData> {
  const codes = new Map<CodeSystem, Set<string>>([CodeSystem.CPT, CodeSystem.HCPCS, CodeSystem.ICD10CM, CodeSystem.ICD10PCS].map((s) => [s, new Set<string>()]));
  const titles: string[] = [];
  const take = (row: CodeRow): void => {
    // Rows without a source line are grouping rows the parser derives (chapters, sections, ranges).
    if (row.line === undefined) return;
    if (row.active) codes.get(row.system)!.add(row.codeKey);
    titles.push(row.title);
    if (row.shortTitle) titles.push(row.shortTitle);
  };
  for await (const row of parseIcd10cmOrderFile(codesetSeedPath('icd10cm_order_2026.txt.gz'))) take(row);
  for await (const row of parseIcd10pcsOrderFile(codesetSeedPath('icd10pcs_order_2026.txt.gz'))) take(row);
  for await (const row of parseHcpcsFile(codesetSeedPath('HCPC2025_JAN_ANWEB_12172024.txt.gz'))) take(row);
  const systemOfPage: Record<string, CodeSystem> = {
    cpt: CodeSystem.CPT,
    hcpcs: CodeSystem.HCPCS,
    icd10cm: CodeSystem.ICD10CM,
    icd10pcs: CodeSystem.ICD10PCS,
  };
  for (const file of fs.readdirSync(PAGES_DIR)) {
    const m = PAGE_FILE.exec(file);
    if (m) codes.get(systemOfPage[m[1]!]!)!.add(m[2]!.replace(/\./g, '').toUpperCase());
  }
  return { codes: new Map([...codes].map(([s, set]) => [s, [...set].sort()])), titles };
}

/** True when some code of the system equals the pattern's code (or starts with it, for a prefix). */
function patternMatches(pattern: AcceptedPattern, data: ReleaseData): boolean {
  const list = data.codes.get(pattern.system) ?? [];
  if (!pattern.prefix) return binarySearch(list, pattern.code) >= 0;
  const at = lowerBound(list, pattern.code);
  return at < list.length && list[at]!.startsWith(pattern.code);
}

function lowerBound(list: string[], value: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function binarySearch(list: string[], value: string): number {
  const at = lowerBound(list, value);
  return at < list.length && list[at] === value ? at : -1;
}

/** Checks the relevance set text; `file` names it in problems. */
export function checkQueries(text: string, file: string, data: ReleaseData, report: CheckReport): void {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const problem = (line: number, message: string): void => {
    report.problems.push({ file, line, message });
  };
  if (lines[0]?.replace(/\r$/, '') !== QUERY_HEADER) {
    problem(1, `expected the header '${QUERY_HEADER.replace(/\t/g, '<TAB>')}'`);
  }
  const seen = new Map<string, number>();
  const categories = new Set<string>(QUERY_CATEGORIES);
  for (let i = 1; i < lines.length; i += 1) {
    const lineNo = i + 1;
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '') {
      problem(lineNo, 'expected a query, got an empty line');
      continue;
    }
    const fields = raw.split('\t');
    if (fields.length !== 4) {
      problem(lineNo, `expected 4 tab-separated fields, got ${fields.length}`);
      continue;
    }
    const [category, query, accepted, reason] = fields as [string, string, string, string];
    if (!categories.has(category)) problem(lineNo, `unknown category '${category}' (expected one of ${QUERY_CATEGORIES.join(', ')})`);
    if (query.trim() === '' || query !== query.trim()) problem(lineNo, 'expected a non-empty query without leading or trailing spaces');
    if (reason.trim() === '') problem(lineNo, 'expected a reason');
    // Exact text: case variants of a code (R42, r42) are different queries on purpose.
    const key = query;
    const first = seen.get(key);
    if (first !== undefined) problem(lineNo, `query '${query}' is already on line ${first}`);
    else seen.set(key, lineNo);
    report.queriesPerCategory.set(category, (report.queriesPerCategory.get(category) ?? 0) + 1);

    const patterns = accepted.split('|');
    const distinct = new Set<string>();
    for (const text of patterns) {
      if (distinct.has(text)) problem(lineNo, `pattern '${text}' is listed twice`);
      distinct.add(text);
      const pattern = parsePattern(text);
      if (typeof pattern === 'string') {
        problem(lineNo, pattern);
        continue;
      }
      report.patterns += 1;
      if (!patternMatches(pattern, data)) {
        problem(lineNo, `pattern '${text}' matches no ${pattern.system === CodeSystem.HCPCS ? 'active ' : ''}${pattern.system} code in seeds/codesets or seeds/pages`);
      }
    }
  }
  const total = [...report.queriesPerCategory.values()].reduce((a, b) => a + b, 0);
  if (total < MIN_QUERIES) problem(0, `expected at least ${MIN_QUERIES} queries, got ${total}`);
  for (const category of QUERY_CATEGORIES) {
    const n = report.queriesPerCategory.get(category) ?? 0;
    if (n < MIN_PER_CATEGORY) problem(0, `expected at least ${MIN_PER_CATEGORY} queries in category '${category}', got ${n}`);
  }
}

/** Inverted index of title words: word -> indexes (ascending) of the titles that hold it. */
function indexTitles(titles: string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  titles.forEach((title, i) => {
    for (const w of new Set(words(title))) {
      const list = index.get(w);
      if (list) list.push(i);
      else index.set(w, [i]);
    }
  });
  return index;
}

/** True when one title holds every word (intersection of the sorted posting lists). */
function oneTitleHoldsAll(ws: string[], index: Map<string, number[]>): boolean {
  const lists = ws.map((w) => index.get(w) ?? []).sort((a, b) => a.length - b.length);
  if (lists.length === 0 || lists[0]!.length === 0) return false;
  let current = lists[0]!;
  for (const other of lists.slice(1)) {
    const set = new Set(other);
    current = current.filter((i) => set.has(i));
    if (current.length === 0) return false;
  }
  return true;
}

/** Checks the synonym file text; `file` names it in problems. */
export function checkSynonyms(text: string, file: string, data: ReleaseData, report: CheckReport): void {
  const index = indexTitles(data.titles);
  const kinds = new Set<string>(SYNONYM_KINDS);
  const seen = new Map<string, number>();
  const problem = (line: number, message: string): void => {
    report.problems.push({ file, line, message });
  };
  let entries = 0;
  text.split('\n').forEach((rawLine, i) => {
    const lineNo = i + 1;
    const raw = rawLine.replace(/\r$/, '');
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const fields = raw.split('\t');
    if (fields.length !== 4) {
      problem(lineNo, `expected 4 tab-separated fields (term, expansion, kind, reason), got ${fields.length}`);
      return;
    }
    const [term, expansion, kind, reason] = fields as [string, string, string, string];
    entries += 1;
    if (term === '' || term !== term.trim() || term !== term.toLowerCase()) problem(lineNo, `term '${term}' must be lower case, non-empty, without outer spaces`);
    if (!kinds.has(kind)) problem(lineNo, `unknown kind '${kind}' (expected one of ${SYNONYM_KINDS.join(', ')})`);
    if (reason.trim() === '') problem(lineNo, 'expected a reason');
    if (expansion.trim() === '') {
      problem(lineNo, 'expected an expansion');
      return;
    }
    if (expansion.toLowerCase() === term) problem(lineNo, `expansion equals the term '${term}': the row adds nothing`);
    const key = `${term}\t${expansion.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) problem(lineNo, `'${term}' -> '${expansion}' is already on line ${first}`);
    else seen.set(key, lineNo);
    report.synonymsPerKind.set(kind, (report.synonymsPerKind.get(kind) ?? 0) + 1);
    if (!oneTitleHoldsAll(words(expansion), index)) {
      problem(lineNo, `expansion '${expansion}' of '${term}': no official title in seeds/codesets holds all of its words`);
    }
  });
  if (entries < MIN_SYNONYMS) problem(0, `expected at least ${MIN_SYNONYMS} synonym entries, got ${entries}`);
}

/** Runs both checks on the repository's files. */
export async function checkRelevanceData(): Promise<CheckReport> {
  const data = await loadReleaseData();
  const report: CheckReport = { problems: [], queriesPerCategory: new Map(), synonymsPerKind: new Map(), patterns: 0 };
  checkQueries(fs.readFileSync(QUERIES_FILE, 'utf8'), path.relative(ROOT, QUERIES_FILE), data, report);
  checkSynonyms(fs.readFileSync(SYNONYMS_FILE, 'utf8'), path.relative(ROOT, SYNONYMS_FILE), data, report);
  return report;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const report = await checkRelevanceData();
  const out = process.stdout;
  const queries = [...report.queriesPerCategory.values()].reduce((a, b) => a + b, 0);
  out.write(`queries.tsv: ${queries} queries, ${report.patterns} accepted patterns\n`);
  for (const c of QUERY_CATEGORIES) out.write(`  ${c.padEnd(20)} ${report.queriesPerCategory.get(c) ?? 0}\n`);
  const synonyms = [...report.synonymsPerKind.values()].reduce((a, b) => a + b, 0);
  out.write(`synonyms.tsv: ${synonyms} entries\n`);
  for (const k of SYNONYM_KINDS) out.write(`  ${k.padEnd(20)} ${report.synonymsPerKind.get(k) ?? 0}\n`);
  for (const p of report.problems) out.write(`${p.file}${p.line > 0 ? `:${p.line}` : ''}: ${p.message}\n`);
  out.write(`${report.problems.length === 0 ? 'OK' : `${report.problems.length} problem(s)`} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  process.exitCode = report.problems.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
