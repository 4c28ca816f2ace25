import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { gzipSync } from 'zlib';

import { CodeSystem } from '../../src/domain/code-system';
import type { CodeRow } from '../../src/ingest/codesets/codeset.types';
import { readCsvRecords } from '../../src/ingest/codesets/csv';
import { codesetFormatFromName, detectCodesetFile, parseCodesetFile } from '../../src/ingest/codesets/detect';
import { isGzipFile, readLines } from '../../src/ingest/codesets/read-lines';

const FIXTURES = join(__dirname, '..', 'fixtures', 'codesets');
const SEEDS = join(__dirname, '..', '..', 'seeds', 'codesets');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'codesets-io-'));
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('readLines', () => {
  it('strips CRLF, numbers lines from 1, and yields one empty line for a doubled final CRLF', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'one\r\ntwo\r\n\r\n');
    expect(await all(readLines(join(dir, 'a.txt')))).toEqual([
      { text: 'one', line: 1 },
      { text: 'two', line: 2 },
      { text: '', line: 3 },
    ]);
  });

  it('reads gzip by its magic bytes and rejects truncated gzip data', async () => {
    const dir = tempDir();
    const gz = gzipSync(readFileSync(join(FIXTURES, 'hcpcs_sample.txt')));
    writeFileSync(join(dir, 'renamed.txt'), gz);
    writeFileSync(join(dir, 'cut.gz'), gz.subarray(0, gz.length - 40));
    expect(await isGzipFile(join(dir, 'renamed.txt'))).toBe(true);
    expect(await isGzipFile(join(FIXTURES, 'hcpcs_sample.txt'))).toBe(false);
    expect((await all(readLines(join(dir, 'renamed.txt')))).length).toBe(43);
    await expect(all(readLines(join(dir, 'cut.gz')))).rejects.toMatchObject({ code: 'Z_BUF_ERROR' });
  });
});

describe('readCsvRecords', () => {
  it('follows RFC 4180: quoted commas, doubled quotes, quoted line breaks', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'a,b\r\n"x, y","say ""hi"""\r\n"multi\nline",\r\n\r\nlast,1');
    expect(await all(readCsvRecords(join(dir, 'a.csv')))).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x, y', 'say "hi"'], line: 2 },
      { fields: ['multi\nline', ''], line: 3 },
      { fields: ['last', '1'], line: 6 },
    ]);
  });

  it('rejects a quote left open, naming the line it started on', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'b.csv'), 'a,b\n"open,1\n');
    await expect(all(readCsvRecords(join(dir, 'b.csv')))).rejects.toThrow(/b\.csv:2: expected a closing quote/);
  });
});

describe('detectCodesetFile', () => {
  it('recognises the samples by content and name', async () => {
    expect(await detectCodesetFile(join(FIXTURES, 'icd10cm_order_sample.txt'))).toEqual({
      format: 'icd10cm-order',
      system: CodeSystem.ICD10CM,
      evidence: 'name+content',
    });
    expect((await detectCodesetFile(join(FIXTURES, 'icd10pcs_order_sample.txt')))?.format).toBe('icd10pcs-order');
    expect((await detectCodesetFile(join(FIXTURES, 'hcpcs_sample.txt')))?.format).toBe('hcpcs-alpha-numeric');
    expect((await detectCodesetFile(join(FIXTURES, 'structure', 'icd10cm-sections-sample.csv')))?.format).toBe('icd10cm-sections');
  });

  it('recognises the shipped gzip releases, name and content agreeing', async () => {
    for (const [file, format] of [
      ['icd10cm_order_2026.txt.gz', 'icd10cm-order'],
      ['icd10pcs_order_2026.txt.gz', 'icd10pcs-order'],
      ['HCPC2025_JAN_ANWEB_12172024.txt.gz', 'hcpcs-alpha-numeric'],
      ['icd10cm-categories-April-1-2026.csv.gz', 'icd10cm-categories'],
    ] as const) {
      expect(await detectCodesetFile(join(SEEDS, file))).toMatchObject({ format, evidence: 'name+content' });
    }
  });

  it('lets content win over a misleading name, and uses the name when content is ambiguous', async () => {
    const dir = tempDir();
    const pcs = readFileSync(join(FIXTURES, 'icd10pcs_order_sample.txt'));
    writeFileSync(join(dir, 'icd10cm_order_2099.txt'), pcs);
    expect(await detectCodesetFile(join(dir, 'icd10cm_order_2099.txt'))).toMatchObject({ format: 'icd10pcs-order', evidence: 'content' });
    // Only 3- and 7-character codes starting with letters: either system could have written it.
    const xLines = pcs
      .toString('latin1')
      .split('\r\n')
      .filter((l) => l.slice(6, 7) === 'X')
      .join('\r\n');
    writeFileSync(join(dir, 'icd10pcs_order_2099.txt'), xLines);
    writeFileSync(join(dir, 'unknown.txt'), xLines);
    expect(await detectCodesetFile(join(dir, 'icd10pcs_order_2099.txt'))).toMatchObject({ format: 'icd10pcs-order' });
    expect(await detectCodesetFile(join(dir, 'unknown.txt'))).toBeNull();
    writeFileSync(join(dir, 'notes.txt'), 'hello\n');
    expect(await detectCodesetFile(join(dir, 'notes.txt'))).toBeNull();
  });

  it('reads format hints from file names, .gz ignored', () => {
    expect(codesetFormatFromName('/x/icd10cm-order-2027.txt.gz')).toBe('icd10cm-order');
    expect(codesetFormatFromName('HCPC2026_JAN_ANWEB_01122026.txt')).toBe('hcpcs-alpha-numeric');
    expect(codesetFormatFromName('readme.md')).toBeNull();
  });
});

describe('parseCodesetFile', () => {
  it('dispatches to the parser that fits', async () => {
    const rows: CodeRow[] = await all(parseCodesetFile(join(FIXTURES, 'hcpcs_sample.txt')));
    expect(rows.find((r) => r.codeKey === 'J1100')?.system).toBe(CodeSystem.HCPCS);
  });

  it('refuses structure tables and unknown files', async () => {
    await expect(all(parseCodesetFile(join(FIXTURES, 'structure', 'icd10cm-chapters-sample.csv')))).rejects.toThrow(/structure table/);
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'hello\n');
    await expect(all(parseCodesetFile(join(dir, 'notes.txt')))).rejects.toThrow(/not a recognised/);
  });
});
