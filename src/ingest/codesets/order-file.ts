import { readLines } from './read-lines';
/**
 * The fixed-width "order file" layout shared by the ICD-10-CM and ICD-10-PCS
 * releases (see data/PROVENANCE.md): order number [0:5], code [6:13],
 * valid flag [14], short description [16:76], long description [77:].
 */

export interface OrderRecord {
  order: number;
  /** Code as written: no dot, padding removed. */
  code: string;
  /** Valid flag 1: billable / valid for HIPAA-covered transactions. */
  valid: boolean;
  shortTitle: string;
  title: string;
}

const EXPECTED = 'expected an order-file record: order number in columns 1-5, code in 7-13, flag 0 or 1 in 15, ' + 'short description in 17-76, long description from 78';

/** Parses one order-file line; returns a message saying what was expected when the line does not fit. */
export function parseOrderRecord(text: string): OrderRecord | string {
  if (text.length < 78) return `${EXPECTED}; got a line of ${text.length} characters`;
  if (!/^\d{5} $/.test(text.slice(0, 6)) || text[13] !== ' ' || text[15] !== ' ' || text[76] !== ' ') {
    return `${EXPECTED}; the blanks at columns 6, 14, 16 and 77 or the order number are out of place`;
  }
  const flag = text[14];
  if (flag !== '0' && flag !== '1') return `expected valid flag 0 or 1 in column 15, got '${flag}'`;
  const code = text.slice(6, 13).trimEnd();
  // Only the layout is checked here; each system checks the code's shape with a message of its own.
  if (!/^\S+$/.test(code)) return `expected a left-justified code in columns 7-13, got '${text.slice(6, 13)}'`;
  const title = text.slice(77).trim();
  if (title === '') return 'expected a long description from column 78';
  return {
    order: Number(text.slice(0, 5)),
    code,
    valid: flag === '1',
    shortTitle: text.slice(16, 76).trim(),
    title,
  };
}

/**
 * The records of an order file (plain or gzip) with their line numbers, in file order. A line
 * that does not fit the layout, and an empty line that is not at the end, go to `report` (which
 * throws in strict mode) and are skipped. Rejects with the fs/zlib error when the file cannot be read.
 */
export async function* readOrderRecords(path: string, report: (line: number, message: string) => void): AsyncGenerator<{ record: OrderRecord; line: number }> {
  let blankLines: number[] = [];
  for await (const { text, line } of readLines(path)) {
    if (text.trim() === '') {
      blankLines.push(line);
      continue;
    }
    // Empty lines are only harmless at the end of the file.
    for (const blank of blankLines) report(blank, 'expected an order-file record, got an empty line');
    blankLines = [];
    const record = parseOrderRecord(text);
    if (typeof record === 'string') report(line, record);
    else yield { record, line };
  }
}
