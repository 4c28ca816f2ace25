/**
 * Which parser fits a release file, so `import:codesets -- <file>` can take
 * next year's files without a flag: the content decides (first lines), the
 * file name only breaks ties and is reported as corroboration.
 */
import { basename } from 'path';

import { CodeSystem } from '../../domain/code-system';
import type { CodeRow } from './codeset.types';
import { HCPCS_RECORD_LENGTH, parseHcpcsFile, type HcpcsParseOptions } from './hcpcs';
import { parseIcd10cmOrderFile, type Icd10cmParseOptions } from './icd10cm';
import { parseIcd10pcsOrderFile, type Icd10pcsParseOptions } from './icd10pcs';
import { parseOrderRecord } from './order-file';
import { readLines } from './read-lines';

export type CodesetFormat = 'icd10cm-order' | 'icd10pcs-order' | 'hcpcs-alpha-numeric' | 'icd10cm-chapters' | 'icd10cm-sections' | 'icd10cm-categories';

export interface CodesetDetection {
  format: CodesetFormat;
  system: CodeSystem;
  /** What recognised it: the first lines, the file name, or both agreeing. */
  evidence: 'content' | 'name' | 'name+content';
}

/** How many lines are sniffed: enough to see an ICD-10-CM subcategory (line 2 in practice). */
const SNIFF_LINES = 50;

const NAME_PATTERNS: readonly [RegExp, CodesetFormat][] = [
  [/icd10cm[_-]order/i, 'icd10cm-order'],
  [/icd10pcs[_-]order/i, 'icd10pcs-order'],
  [/^hcpc\d{4}.*anweb.*\.txt/i, 'hcpcs-alpha-numeric'],
  [/icd10cm.*chapters.*\.csv/i, 'icd10cm-chapters'],
  [/icd10cm.*sections.*\.csv/i, 'icd10cm-sections'],
  [/icd10cm.*categories.*\.csv/i, 'icd10cm-categories'],
];

const SYSTEM_OF: Record<CodesetFormat, CodeSystem> = {
  'icd10cm-order': CodeSystem.ICD10CM,
  'icd10pcs-order': CodeSystem.ICD10PCS,
  'hcpcs-alpha-numeric': CodeSystem.HCPCS,
  'icd10cm-chapters': CodeSystem.ICD10CM,
  'icd10cm-sections': CodeSystem.ICD10CM,
  'icd10cm-categories': CodeSystem.ICD10CM,
};

/** The format the file name suggests (`.gz` ignored); null when it suggests none. */
export function codesetFormatFromName(path: string): CodesetFormat | null {
  const name = basename(path).replace(/\.gz$/i, '');
  return NAME_PATTERNS.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

/**
 * Tells which parser fits `path` (plain or gzip). Content wins over the
 * name when they disagree, since files get renamed; the name is used alone
 * only when the content is ambiguous (e.g. an order file whose first lines
 * are all 3- and 7-character codes of letters). Returns null when neither
 * content nor name fits a known format. Rejects with the fs/zlib error when
 * the file cannot be read.
 */
export async function detectCodesetFile(path: string): Promise<CodesetDetection | null> {
  const byName = codesetFormatFromName(path);
  const byContent = await sniffFormat(path);
  if (byContent !== null && byContent !== 'ambiguous-order') {
    return { format: byContent, system: SYSTEM_OF[byContent], evidence: byName === byContent ? 'name+content' : 'content' };
  }
  if (byContent === 'ambiguous-order') {
    const format = byName === 'icd10pcs-order' ? 'icd10pcs-order' : byName === 'icd10cm-order' ? 'icd10cm-order' : null;
    return format ? { format, system: SYSTEM_OF[format], evidence: 'name+content' } : null;
  }
  return byName ? { format: byName, system: SYSTEM_OF[byName], evidence: 'name' } : null;
}

/** Options for `parseCodesetFile`: the union of the three parsers' options. */
export type CodesetParseOptions = Icd10cmParseOptions & Icd10pcsParseOptions & HcpcsParseOptions;

/**
 * Detects the format of `path` and streams its rows with the matching
 * parser. Rejects with an Error when the file is not a recognised code-set
 * release or is one of the ICD-10-CM structure tables (read those with
 * `loadIcd10cmStructure` and pass the result as `options.structure`);
 * otherwise rejects as the chosen parser does.
 */
export async function* parseCodesetFile(path: string, options?: CodesetParseOptions): AsyncGenerator<CodeRow> {
  const detection = await detectCodesetFile(path);
  switch (detection?.format) {
    case 'icd10cm-order':
      yield* parseIcd10cmOrderFile(path, options);
      return;
    case 'icd10pcs-order':
      yield* parseIcd10pcsOrderFile(path, options);
      return;
    case 'hcpcs-alpha-numeric':
      yield* parseHcpcsFile(path, options);
      return;
    case 'icd10cm-chapters':
    case 'icd10cm-sections':
    case 'icd10cm-categories':
      throw new Error(`${path} is an ICD-10-CM structure table: load it with loadIcd10cmStructure and pass it to the order file's import`);
    case undefined:
      throw new Error(`${path} is not a recognised ICD-10-CM, ICD-10-PCS or HCPCS release file`);
  }
}

type Sniffed = CodesetFormat | 'ambiguous-order' | null;

async function sniffFormat(path: string): Promise<Sniffed> {
  const lines: string[] = [];
  for await (const { text } of readLines(path)) {
    if (text.trim() !== '') lines.push(text);
    if (lines.length >= SNIFF_LINES) break;
  }
  const first = lines[0];
  if (first === undefined) return null;

  const header = first.trim().toLowerCase().replace(/"/g, '');
  if (header === 'chapter,description') return 'icd10cm-chapters';
  if (header.startsWith('section_range,')) return 'icd10cm-sections';
  if (header.startsWith('icd10-cm-code,')) return 'icd10cm-categories';

  if (first.length === HCPCS_RECORD_LENGTH && /^[3478]$/.test(first[10] ?? '') && /^\d{5}$/.test(first.slice(5, 10))) {
    return 'hcpcs-alpha-numeric';
  }

  const records = lines.map(parseOrderRecord);
  if (records.some((r) => typeof r === 'string')) return null;
  const codes = records.map((r) => (typeof r === 'string' ? '' : r.code));
  // ICD-10-CM has 4- to 6-character codes and headers; ICD-10-PCS only 3-character tables and 7-character codes.
  if (codes.some((c) => c.length > 3 && c.length < 7)) return 'icd10cm-order';
  // PCS codes may start with a digit; ICD-10-CM codes never do.
  if (codes.some((c) => /^[0-9]/.test(c))) return 'icd10pcs-order';
  return 'ambiguous-order';
}
