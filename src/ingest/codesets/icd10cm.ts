/**
 * ICD-10-CM: the order file (codes and headers) and the structure tables
 * (chapters, sections = blocks, category -> section).
 *
 * Hierarchy produced: chapter > block (> nested block) > category (3 chars)
 * > subcategory (4-6 chars) > code (7 chars).
 *
 * Choices on points the release leaves open:
 * - Chapter rows: `codeKey` `CH<n>` (`CH13`), `code` the chapter's range from
 *   its description (`M00-M99`). If a chapter's range ever equals a block's
 *   range, the chapter's `code` becomes its key (`CH13`), so `code` stays
 *   unique within the system; FY2026 has no such case.
 * - Block rows: `code` = `codeKey` = `first-last` (`M60-M63`); a one-category
 *   section (`B20`) becomes `B20-B20`, because the bare `B20` is the
 *   category's key. The hyphen means no block key can equal a code key.
 * - Titles of chapters and blocks drop the trailing `(range)` that the
 *   description repeats, since `code` carries it.
 * - Block nesting: the 12 grouping sections (no categories of their own) are
 *   placed by ICD order, not string order: each section spans the positions
 *   of its categories in the categories table (grouping sections: the
 *   positions of their first and last category), and a section's parent is
 *   the smallest grouping section of the same chapter whose span contains
 *   it, else the chapter. So C4A (between C43 and C44) stays in C43-C44.
 */
import { readdir } from 'fs/promises';
import { join } from 'path';

import { CodeSystem, isWellFormedCode, toPublishedCode } from '../../domain/code-system';
import { CodesetFormatError, problemReporter, type CodeLevel, type CodeRow, type ParseOptions } from './codeset.types';
import { readCsvRecords, type CsvRecord } from './csv';
import { readOrderRecords } from './order-file';

export interface Icd10cmChapter {
  /** 1..22 as in the tabular list (22 = special purposes, U codes). */
  number: number;
  /** `CH<n>`. */
  codeKey: string;
  /** The range (`A00-B99`), or `codeKey` when a block has the same range. */
  code: string;
  /** The range as given in the description. */
  range: string;
  title: string;
}

export interface Icd10cmBlock {
  /** `first-last`, e.g. `M60-M63`, `B20-B20`; also its `code`. */
  codeKey: string;
  /** The section id as written in the sections table (`M60-M63`, `B20`). */
  sectionId: string;
  title: string;
  chapter: number;
  /** The enclosing grouping block's key, or the chapter's key. */
  parentKey: string;
  /** True for the grouping sections that hold other sections, not categories. */
  grouping: boolean;
}

/** The ICD-10-CM structure tables, read once and shared by every parse of an order file of the same release. */
export interface Icd10cmStructure {
  /** By codeKey (`CH1`..`CH22`), in chapter-table order. */
  chapters: ReadonlyMap<string, Icd10cmChapter>;
  /** By codeKey, in sections-table order (outer grouping sections before their contents). */
  blocks: ReadonlyMap<string, Icd10cmBlock>;
  /** Category key (`M62`) -> key of its leaf block (`M60-M63`). */
  categoryBlocks: ReadonlyMap<string, string>;
  /** The three files read. */
  files: Icd10cmStructureFiles;
}

export interface Icd10cmStructureFiles {
  chapters: string;
  sections: string;
  categories: string;
}

export interface Icd10cmParseOptions extends ParseOptions {
  /**
   * Structure of the same release. With it, categories get their block as
   * parent and chapter and block rows are inserted; without it (null or
   * absent), categories are roots and only the order file's rows come out.
   */
  structure?: Icd10cmStructure | null;
}

// Second character: a digit, or a letter since FY2026 (QA0, chapter 17).
const CATEGORY = '[A-Z][0-9A-Z][0-9A-Z]';
const RANGE_IN_TEXT = new RegExp(`\\s*\\((${CATEGORY})(?:-(${CATEGORY}))?\\)\\s*$`);
const SECTION_ID = new RegExp(`^(${CATEGORY})(?:-(${CATEGORY}))?$`);

/**
 * Finds the three structure tables in `dir` (files whose names contain
 * `chapters`, `sections`, `categories` and end in `.csv` or `.csv.gz`).
 * Throws `CodesetFormatError` when one is missing or ambiguous.
 */
export async function findIcd10cmStructureFiles(dir: string): Promise<Icd10cmStructureFiles> {
  const names = await readdir(dir);
  const pick = (kind: string): string => {
    const matches = names.filter((n) => new RegExp(`${kind}.*\\.csv(\\.gz)?$`, 'i').test(n));
    if (matches.length !== 1) {
      throw new CodesetFormatError(dir, 0, `expected exactly one ICD-10-CM ${kind} table (*${kind}*.csv[.gz]), found ${matches.length ? matches.join(', ') : 'none'}`);
    }
    return join(dir, matches[0] as string);
  };
  return { chapters: pick('chapters'), sections: pick('sections'), categories: pick('categories') };
}

/**
 * Reads the chapters, sections and categories tables (plain or gzip) and
 * derives the block hierarchy. `source` is a folder holding the three tables
 * or their explicit paths. Throws `CodesetFormatError` (with file and line)
 * on a missing column, a description without its range, an unknown chapter
 * or section reference, or a duplicate; the tables are small and must be
 * wholly consistent, so there is no skip-and-report mode here.
 */
export async function loadIcd10cmStructure(source: string | Icd10cmStructureFiles): Promise<Icd10cmStructure> {
  const files = typeof source === 'string' ? await findIcd10cmStructureFiles(source) : source;

  // Chapters.
  const chapterRows = await readTable(files.chapters, ['chapter', 'description']);
  const chapterByNumber = new Map<number, Icd10cmChapter>();
  for (const { get, line } of chapterRows) {
    const number = Number(get('chapter'));
    if (!Number.isInteger(number) || number < 1) {
      throw new CodesetFormatError(files.chapters, line, `expected a chapter number, got '${get('chapter')}'`);
    }
    if (chapterByNumber.has(number)) throw new CodesetFormatError(files.chapters, line, `chapter ${number} is listed twice`);
    const description = get('description');
    const m = RANGE_IN_TEXT.exec(description);
    if (!m || m[2] === undefined) {
      throw new CodesetFormatError(files.chapters, line, `expected the description to end with its range, like '(A00-B99)'`);
    }
    const range = `${m[1]}-${m[2]}`;
    chapterByNumber.set(number, { number, codeKey: `CH${number}`, code: range, range, title: description.slice(0, m.index) });
  }

  // Sections (blocks); parents are filled in once category positions are known.
  const sectionRows = await readTable(files.sections, ['section_range', 'chapter', 'description']);
  const blockBySectionId = new Map<string, Icd10cmBlock>();
  const blockKeys = new Set<string>();
  const sectionLines = new Map<string, number>();
  for (const { get, line } of sectionRows) {
    const sectionId = get('section_range');
    const m = SECTION_ID.exec(sectionId);
    if (!m) throw new CodesetFormatError(files.sections, line, `expected a section like 'A00-A09' or 'B20', got '${sectionId}'`);
    const codeKey = `${m[1]}-${m[2] ?? m[1]}`;
    if (blockKeys.has(codeKey)) throw new CodesetFormatError(files.sections, line, `section ${sectionId} is listed twice`);
    const chapter = Number(get('chapter'));
    if (!chapterByNumber.has(chapter)) {
      throw new CodesetFormatError(files.sections, line, `expected a chapter of the chapters table, got '${get('chapter')}'`);
    }
    blockKeys.add(codeKey);
    sectionLines.set(codeKey, line);
    blockBySectionId.set(sectionId, {
      codeKey,
      sectionId,
      title: stripRange(get('description')),
      chapter,
      parentKey: `CH${chapter}`,
      grouping: true, // until a category names it
    });
  }

  // Categories: their order is ICD order (the same as the order file's).
  const categoryRows = await readTable(files.categories, ['icd10-cm-code', 'section', 'chapter']);
  const categoryBlocks = new Map<string, string>();
  const position = new Map<string, number>();
  const spans = new Map<string, { first: number; last: number }>();
  for (const { get, line } of categoryRows) {
    const category = get('icd10-cm-code').toUpperCase();
    if (!new RegExp(`^${CATEGORY}$`).test(category)) {
      throw new CodesetFormatError(files.categories, line, `expected a 3-character category, got '${category}'`);
    }
    if (position.has(category)) throw new CodesetFormatError(files.categories, line, `category ${category} is listed twice`);
    const block = blockBySectionId.get(get('section'));
    if (!block) throw new CodesetFormatError(files.categories, line, `expected a section of the sections table, got '${get('section')}'`);
    if (String(block.chapter) !== get('chapter')) {
      throw new CodesetFormatError(files.categories, line, `expected chapter ${block.chapter} (the chapter of section ${block.sectionId}), got '${get('chapter')}'`);
    }
    const at = position.size;
    position.set(category, at);
    categoryBlocks.set(category, block.codeKey);
    block.grouping = false;
    const span = spans.get(block.codeKey);
    if (span) span.last = at;
    else spans.set(block.codeKey, { first: at, last: at });
  }

  // Grouping sections span from their first to their last category, by ICD position.
  const orderedCategories = [...position.keys()];
  for (const block of blockBySectionId.values()) {
    if (!block.grouping) continue;
    const [first, last] = block.codeKey.split('-') as [string, string];
    const firstAt = position.get(first) ?? nearestPosition(orderedCategories, first, 'first');
    const lastAt = position.get(last) ?? nearestPosition(orderedCategories, last, 'last');
    if (firstAt === null || lastAt === null || firstAt > lastAt) {
      throw new CodesetFormatError(files.sections, sectionLines.get(block.codeKey) ?? 0, `expected categories of grouping section ${block.sectionId} in the categories table`);
    }
    spans.set(block.codeKey, { first: firstAt, last: lastAt });
  }

  // Parent of each section: the smallest grouping section of its chapter containing it.
  const blocks = [...blockBySectionId.values()];
  for (const [index, block] of blocks.entries()) {
    const span = spans.get(block.codeKey);
    if (!span) continue; // a leaf section without categories: nothing places it
    let best: { key: string; width: number; index: number } | null = null;
    for (const [outerIndex, outer] of blocks.entries()) {
      if (outer === block || !outer.grouping || outer.chapter !== block.chapter) continue;
      const o = spans.get(outer.codeKey);
      if (!o || o.first > span.first || o.last < span.last) continue;
      const width = o.last - o.first;
      // Equal spans: the table lists the outer section first.
      if (width === span.last - span.first && outerIndex > index) continue;
      if (best === null || width < best.width || (width === best.width && outerIndex > best.index)) {
        best = { key: outer.codeKey, width, index: outerIndex };
      }
    }
    if (best !== null) block.parentKey = best.key;
  }

  // A chapter's code is its range unless a block already uses that range as code.
  for (const chapter of chapterByNumber.values()) {
    if (blockKeys.has(chapter.range)) chapter.code = chapter.codeKey;
  }

  return {
    chapters: new Map([...chapterByNumber.values()].map((c) => [c.codeKey, c])),
    blocks: new Map(blocks.map((b) => [b.codeKey, b])),
    categoryBlocks,
    files,
  };
}

/**
 * Streams the rows of an ICD-10-CM order file (plain or gzip) in file order,
 * with chapter and block rows (when `options.structure` is given) inserted
 * before their first category.
 *
 * Parent of a category: its block (null without structure). Parent of a
 * longer code: the longest proper prefix seen on an earlier line (tabular
 * order puts every parent first). `shortTitle` is null only when blank.
 *
 * Skipped lines, reported per `ParseOptions` (strict by default): a line not
 * in the fixed-width layout, a code not shaped like ICD-10-CM, a code listed
 * twice, a code with no parent on an earlier line, a category missing from
 * the structure, an empty line that is not at the end. Rejects with
 * `CodesetFormatError` in strict mode, and with the fs/zlib error when the
 * file cannot be read.
 */
export async function* parseIcd10cmOrderFile(path: string, options?: Icd10cmParseOptions): AsyncGenerator<CodeRow> {
  const report = problemReporter(path, options);
  const structure = options?.structure ?? null;
  // Key -> line of every code yielded so far: parents are found by prefix, duplicates detected.
  const seen = new Map<string, number>();
  const emittedGroups = new Set<string>();
  let seq = 0;

  for await (const { record, line } of readOrderRecords(path, report)) {
    const key = record.code;
    if (!isWellFormedCode(CodeSystem.ICD10CM, key)) {
      report(line, `expected an ICD-10-CM code (a letter, then 2 to 6 letters or digits) in columns 7-13, got '${key}'`);
      continue;
    }
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      report(line, `expected each code once; ${toPublishedCode(CodeSystem.ICD10CM, key)} is already on line ${firstLine}`);
      continue;
    }

    let parentKey: string | null = null;
    if (key.length === 3) {
      if (structure) {
        const blockKey = structure.categoryBlocks.get(key);
        if (blockKey === undefined) {
          report(line, `expected category ${key} in the categories table ${structure.files.categories}`);
          continue;
        }
        for (const group of groupsToInsert(structure, blockKey, emittedGroups)) {
          yield { ...group, seq: seq++ };
        }
        parentKey = blockKey;
      }
    } else {
      for (let n = key.length - 1; n >= 3 && parentKey === null; n -= 1) {
        if (seen.has(key.slice(0, n))) parentKey = key.slice(0, n);
      }
      if (parentKey === null) {
        report(line, `expected its category ${key.slice(0, 3)} (or a longer prefix of ${key}) on an earlier line`);
        continue;
      }
    }

    seen.set(key, line);
    yield {
      system: CodeSystem.ICD10CM,
      code: toPublishedCode(CodeSystem.ICD10CM, key),
      codeKey: key,
      title: record.title,
      shortTitle: record.shortTitle === '' ? null : record.shortTitle,
      billable: record.valid,
      active: true,
      level: levelOf(key),
      parentKey,
      seq: seq++,
      line,
    };
  }
}

function levelOf(key: string): CodeLevel {
  if (key.length === 3) return 'category';
  if (key.length === 7) return 'code';
  return 'subcategory';
}

/** The chapter and blocks above `blockKey` (outermost first) not yet emitted; marks them emitted. */
function groupsToInsert(structure: Icd10cmStructure, blockKey: string, emitted: Set<string>): Omit<CodeRow, 'seq'>[] {
  const chain: Omit<CodeRow, 'seq'>[] = [];
  let key: string | null = blockKey;
  while (key !== null && !emitted.has(key)) {
    emitted.add(key);
    const block = structure.blocks.get(key);
    if (block) {
      chain.push(groupRow(key, key, block.title, 'block', block.parentKey));
      key = block.parentKey;
      continue;
    }
    const chapter = structure.chapters.get(key);
    if (chapter) chain.push(groupRow(chapter.codeKey, chapter.code, chapter.title, 'chapter', null));
    key = null;
  }
  return chain.reverse();
}

function groupRow(codeKey: string, code: string, title: string, level: CodeLevel, parentKey: string | null): Omit<CodeRow, 'seq'> {
  return { system: CodeSystem.ICD10CM, code, codeKey, title, shortTitle: null, billable: false, active: true, level, parentKey };
}

/** Drops the trailing `(A00-A09)` / `(B20)` that section and chapter descriptions repeat. */
function stripRange(description: string): string {
  const m = RANGE_IN_TEXT.exec(description);
  return m ? description.slice(0, m.index) : description;
}

/**
 * Position of a range endpoint that is not itself a category in the table
 * (never the case in the full release, possible in trimmed tables): the first
 * category >= it, or the last <= it, in plain string order. String order only
 * misplaces letter-in-3rd-position categories (C4A), which are never grouping
 * endpoints.
 */
function nearestPosition(ordered: readonly string[], endpoint: string, side: 'first' | 'last'): number | null {
  let found: number | null = null;
  ordered.forEach((category, at) => {
    if (side === 'first' && category >= endpoint && (found === null || at < found)) found = at;
    if (side === 'last' && category <= endpoint && (found === null || at > found)) found = at;
  });
  return found;
}

interface TableRow {
  get: (column: string) => string;
  line: number;
}

/** Reads a CSV table whose header must contain `columns` (case-insensitive, any order). */
async function readTable(path: string, columns: readonly string[]): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  let index: { columns: Map<string, number>; width: number } | null = null;
  for await (const record of readCsvRecords(path)) {
    if (index === null) {
      index = headerIndex(path, record, columns);
      continue;
    }
    const header = index;
    if (record.fields.length !== header.width) {
      throw new CodesetFormatError(path, record.line, `expected ${header.width} fields, got ${record.fields.length}`);
    }
    rows.push({ get: (column) => (record.fields[header.columns.get(column) as number] as string).trim(), line: record.line });
  }
  if (index === null) throw new CodesetFormatError(path, 0, `expected a header with columns ${columns.join(', ')}`);
  return rows;
}

function headerIndex(path: string, header: CsvRecord, columns: readonly string[]): { columns: Map<string, number>; width: number } {
  const index = new Map(header.fields.map((name, at) => [name.trim().toLowerCase(), at] as [string, number]));
  for (const column of columns) {
    if (!index.has(column)) throw new CodesetFormatError(path, header.line, `expected a column '${column}' in the header`);
  }
  return { columns: index, width: header.fields.length };
}
