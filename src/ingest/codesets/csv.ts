/**
 * A small RFC 4180 reader for the ICD-10-CM structure tables. They are tiny
 * (under 110 KB) and use only the basics: comma separator, optional double
 * quotes, `""` for a quote inside quotes. A quoted field may span lines, which
 * this reader supports because RFC 4180 allows it, even though these files do
 * not use it. No dependency is worth adding for this.
 */
import { CodesetFormatError } from './codeset.types';
import { readLines } from './read-lines';

export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
}

/**
 * Yields the records of a CSV file (plain or gzip), header included, skipping
 * empty lines. Throws `CodesetFormatError` on a quote in the middle of an
 * unquoted field, text after a closing quote, or a quote left open at the end.
 */
export async function* readCsvRecords(path: string): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let startLine = 0;

  for await (const { text, line } of readLines(path)) {
    if (!inQuotes) {
      if (text === '') continue;
      fields = [];
      field = '';
      startLine = line;
    } else {
      field += '\n';
    }
    let i = 0;
    // afterQuote: the current field was quoted and its closing quote has been read.
    let afterQuote = false;
    while (i < text.length) {
      const ch = text[i];
      if (inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          inQuotes = false;
          afterQuote = true;
        } else {
          field += ch;
        }
      } else if (ch === ',') {
        fields.push(field);
        field = '';
        afterQuote = false;
      } else if (afterQuote) {
        throw new CodesetFormatError(path, line, `expected a comma after a closing quote, got '${ch}'`);
      } else if (ch === '"') {
        if (field !== '') throw new CodesetFormatError(path, line, 'expected a quote only at the start of a field');
        inQuotes = true;
      } else {
        field += ch;
      }
      i += 1;
    }
    if (!inQuotes) {
      fields.push(field);
      yield { fields, line: startLine };
    }
  }
  if (inQuotes) throw new CodesetFormatError(path, startLine, 'expected a closing quote before the end of the file');
}
