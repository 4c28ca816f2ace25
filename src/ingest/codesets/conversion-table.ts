/**
 * The official ICD-10-CM conversion table (CDC/NCHS, `ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx`):
 * one row per code introduced since FY2016, with when it took effect and the code(s) it
 * was previously assigned to. Read with exceljs (a spreadsheet is a zip of XML parts;
 * no reason to parse that by hand).
 *
 * Layout (FY2026 file): a title row ("... This FY 2026 (October 1, 2025 Update)
 * Conversion Table ..."), a header row `Current code assignment | Effective |
 * Previous Code(s) Assignment`, then data rows. `Effective` is a year (the code took
 * effect on October 1 of that year, so 2025 means FY2026) or a date for the
 * January / April updates (April 1, 2023 belongs to FY2023). Previous codes are
 * written as free text: `C50.919, C50.929`, `K58.9 AND K59.00`, `M93.001 & M93.002`,
 * `H02.101-H02.106; H02.109`, `Codes in Categories T15-T19`, `None`. The codes it names
 * become edges; a range of codes (both ends with a dot) is expanded against the previous
 * release; a range of categories or a phrase is kept as text only (an edge from every
 * code of T15-T19 to W44.H9XA would say more than the table does).
 *
 * There is no ICD-10-PCS conversion table in the shipped data; the PCS order addenda
 * only list additions, deletions and revisions, with no successor codes.
 */
import ExcelJS from 'exceljs';

import { CodeSystem, isWellFormedCode, toCodeKey } from '../../domain/code-system';
import { CodesetFormatError } from './codeset.types';
import { releaseLabel } from './release-label';

export interface ConversionEntry {
  /** codeKey of the current (new) code. */
  newKey: string;
  /** codeKeys of the previous codes the cell names one by one. */
  oldKeys: string[];
  /** Code ranges the cell names (`H02.101-H02.106`), as codeKeys; expanded against the previous release when loaded. */
  oldRanges: { from: string; to: string }[];
  /** The cell as written (`Codes in Categories T15-T19`, `K58.9 AND K59.00`, `None`). */
  previousText: string;
  /** Release the new code took effect in (`FY2026`). */
  release: string;
  /** 1-based spreadsheet row. */
  line: number;
}

export interface ConversionTable {
  file: string;
  /** The release the title row names (`FY 2026` -> `FY2026`); null when it names none. */
  release: string | null;
  entries: ConversionEntry[];
}

const HEADER = ['current code assignment', 'effective', 'previous code'];

/** The fiscal year a value of the Effective column stands for; null when it is neither a year nor a date. */
export function effectiveRelease(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 2015 && value <= 2100) return releaseLabel(value + 1);
  if (typeof value === 'string' && /^\s*20\d{2}\s*$/.test(value)) return releaseLabel(Number(value) + 1);
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    // October updates open the next fiscal year; January and April updates belong to the current one.
    return releaseLabel(value.getUTCMonth() >= 9 ? value.getUTCFullYear() + 1 : value.getUTCFullYear());
  }
  return null;
}

function cellText(row: ExcelJS.Row, column: number): string {
  return row.getCell(column).text.replace(/\s+/g, ' ').trim();
}

/**
 * Reads a conversion table. Every row is checked before anything is returned, so a
 * caller that validates first and writes after stores nothing from a bad file.
 * Rejects with `CodesetFormatError` (file and row) when the workbook has no sheet,
 * no header row within the first 10 rows, a row whose current code or a previous
 * code is not an ICD-10-CM code, or an Effective value that is neither a year nor a
 * date; with exceljs's error when the file is not a readable .xlsx.
 */
export async function readConversionTable(file: string): Promise<ConversionTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (err) {
    throw new CodesetFormatError(file, 0, `expected an .xlsx workbook (the ICD-10-CM conversion table): ${(err as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new CodesetFormatError(file, 0, 'expected a worksheet');

  let release: string | null = null;
  let headerRow = 0;
  for (let r = 1; r <= Math.min(10, sheet.rowCount) && headerRow === 0; r += 1) {
    const row = sheet.getRow(r);
    const texts = [1, 2, 3].map((c) => cellText(row, c).toLowerCase());
    if (HEADER.every((h, i) => (texts[i] ?? '').startsWith(h))) headerRow = r;
    else {
      const fy = /FY ?(20\d{2})/i.exec(texts.join(' '));
      if (fy && release === null) release = releaseLabel(Number(fy[1]));
    }
  }
  if (headerRow === 0) {
    throw new CodesetFormatError(file, 0, `expected a header row "Current code assignment | Effective | Previous Code(s) Assignment" within the first 10 rows`);
  }

  const entries: ConversionEntry[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const current = cellText(row, 1);
    const previous = cellText(row, 3);
    if (current === '' && previous === '' && cellText(row, 2) === '') continue;
    if (!isWellFormedCode(CodeSystem.ICD10CM, current)) {
      throw new CodesetFormatError(file, r, `expected an ICD-10-CM code in column A, got '${current}'`);
    }
    const effective = effectiveRelease(row.getCell(2).value);
    if (effective === null) {
      throw new CodesetFormatError(file, r, `expected a year or a date in column B (Effective), got '${cellText(row, 2)}'`);
    }
    if (previous === '') throw new CodesetFormatError(file, r, `expected the previous code(s) of ${current} in column C`);
    const { keys, ranges } = previousCodes(previous);
    entries.push({ newKey: toCodeKey(current), oldKeys: keys, oldRanges: ranges, previousText: previous, release: effective, line: r });
  }
  return { file, release, entries };
}

// An ICD-10-CM code as the table writes it: category, then optionally a dot and up to 4 characters.
const CODE = String.raw`[A-Z](?:[0-9][0-9A-Z]|A[0-9])(?:\.[0-9A-Z]{1,4})?`;
const RANGE_RE = new RegExp(String.raw`\b(${CODE})\s*-\s*(${CODE})(?![0-9A-Z.])`, 'g');
const CODE_RE = new RegExp(String.raw`\b${CODE}(?![0-9A-Z])`, 'g');

/**
 * The codes and code ranges a "Previous Code(s) Assignment" cell names. A range of
 * categories (`T15-T19`, no dot on either end) is left out: see the file comment.
 */
export function previousCodes(text: string): { keys: string[]; ranges: { from: string; to: string }[] } {
  const upper = text.toUpperCase();
  const ranges: { from: string; to: string }[] = [];
  const rest = upper.replace(RANGE_RE, (_m, from: string, to: string) => {
    if (from.includes('.') && to.includes('.')) ranges.push({ from: toCodeKey(from), to: toCodeKey(to) });
    return ' ';
  });
  const keys = [...new Set([...rest.matchAll(CODE_RE)].map((m) => toCodeKey(m[0])))];
  return { keys, ranges };
}
