import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { gzipSync } from 'zlib';

import { CodeSystem } from '../../src/domain/code-system';
import { CodesetFormatError, type CodeRow, type RowProblem } from '../../src/ingest/codesets/codeset.types';
import { loadIcd10cmStructure, parseIcd10cmOrderFile, type Icd10cmStructure } from '../../src/ingest/codesets/icd10cm';

const FIXTURES = join(__dirname, '..', 'fixtures', 'codesets');
const SAMPLE = join(FIXTURES, 'icd10cm_order_sample.txt');
const BROKEN = join(FIXTURES, 'icd10cm_order_broken.txt');

async function collect(rows: AsyncIterable<CodeRow>): Promise<CodeRow[]> {
  const out: CodeRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('ICD-10-CM structure tables', () => {
  let structure: Icd10cmStructure;
  beforeAll(async () => {
    structure = await loadIcd10cmStructure(join(FIXTURES, 'structure'));
  });

  it('reads chapters with their range as code and CH<n> as key, quoted commas included', () => {
    expect(structure.chapters.size).toBe(22);
    expect(structure.chapters.get('CH13')).toMatchObject({
      number: 13,
      code: 'M00-M99',
      title: 'Diseases of the musculoskeletal system and connective tissue',
    });
    // "Endocrine, nutritional ..." is a quoted field with a comma inside.
    expect(structure.chapters.get('CH4')?.title).toBe('Endocrine, nutritional and metabolic diseases');
    expect(structure.chapters.get('CH17')?.code).toBe('Q00-QA0');
  });

  it('keys blocks by range, one-category sections as X00-X00, and nests grouping sections', () => {
    expect(structure.blocks.get('M60-M63')).toMatchObject({ parentKey: 'M60-M79', grouping: false, title: 'Disorders of muscles' });
    expect(structure.blocks.get('M60-M79')).toMatchObject({ parentKey: 'CH13', grouping: true });
    expect(structure.blocks.get('C43-C44')?.parentKey).toBe('C00-C75');
    expect(structure.blocks.get('C00-C75')?.parentKey).toBe('C00-C96');
    expect(structure.blocks.get('QA0-QA0')).toMatchObject({ sectionId: 'QA0', parentKey: 'CH17' });
  });

  it('takes a category block from the categories table, not from string order (C4A is in C43-C44)', () => {
    expect(structure.categoryBlocks.get('C4A')).toBe('C43-C44');
    expect(structure.categoryBlocks.get('C45')).toBe('C45-C49');
  });

  it('gives a chapter its key as code when a block has the same range', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icd10cm-structure-'));
    writeFileSync(join(dir, 'x-chapters.csv'), 'chapter,description\n1,Only chapter (A00-A09)\n');
    writeFileSync(join(dir, 'x-sections.csv'), 'section_range,chapter,description\nA00-A09,1,Intestinal (A00-A09)\n');
    writeFileSync(join(dir, 'x-categories.csv'), 'ICD10-CM-CODE,description,section,chapter\nA00,Cholera,A00-A09,1\n');
    const s = await loadIcd10cmStructure(dir);
    expect(s.chapters.get('CH1')?.code).toBe('CH1');
    expect(s.blocks.get('A00-A09')?.codeKey).toBe('A00-A09');
  });

  it('rejects a category whose section is not in the sections table, naming file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icd10cm-structure-'));
    writeFileSync(join(dir, 'x-chapters.csv'), 'chapter,description\n1,Only chapter (A00-B99)\n');
    writeFileSync(join(dir, 'x-sections.csv'), 'section_range,chapter,description\nA00-A09,1,Intestinal (A00-A09)\n');
    writeFileSync(join(dir, 'x-categories.csv'), 'ICD10-CM-CODE,description,section,chapter\nA00,Cholera,A00-A09,1\nA15,Tuberculosis,A15-A19,1\n');
    await expect(loadIcd10cmStructure(dir)).rejects.toThrow(/x-categories\.csv:3: expected a section of the sections table, got 'A15-A19'/);
  });
});

describe('parseIcd10cmOrderFile', () => {
  let structure: Icd10cmStructure;
  let rows: CodeRow[];
  let byKey: Map<string, CodeRow>;
  beforeAll(async () => {
    structure = await loadIcd10cmStructure(join(FIXTURES, 'structure'));
    rows = await collect(parseIcd10cmOrderFile(SAMPLE, { structure }));
    byKey = new Map(rows.map((r) => [r.codeKey, r]));
  });

  it('reads the fields of a record: dot, titles, billable flag, line', () => {
    expect(byKey.get('M62830')).toEqual({
      system: CodeSystem.ICD10CM,
      code: 'M62.830',
      codeKey: 'M62830',
      title: 'Muscle spasm of back',
      shortTitle: 'Muscle spasm of back',
      billable: true,
      active: true,
      level: 'subcategory',
      parentKey: 'M6283',
      seq: expect.any(Number),
      line: 57,
    });
    expect(byKey.get('A00')).toMatchObject({ code: 'A00', billable: false, level: 'category', title: 'Cholera' });
    expect(byKey.get('R42')).toMatchObject({ code: 'R42', billable: true, level: 'category', title: 'Dizziness and giddiness' });
  });

  it('walks M62.830 up to its chapter through nested blocks', () => {
    const chain: string[] = [];
    for (let key: string | null = 'M62830'; key !== null; key = byKey.get(key)?.parentKey ?? null) chain.push(key);
    expect(chain).toEqual(['M62830', 'M6283', 'M628', 'M62', 'M60-M63', 'M60-M79', 'CH13']);
    expect(byKey.get('CH13')).toMatchObject({ level: 'chapter', code: 'M00-M99', parentKey: null, billable: false });
    expect(byKey.get('M60-M63')).toMatchObject({ level: 'block', code: 'M60-M63', shortTitle: null });
  });

  it('uses 7-character codes as level code and keeps the dot after the third character', () => {
    const seven = rows.filter((r) => r.codeKey.length === 7 && r.level === 'code');
    expect(seven.length).toBeGreaterThan(0);
    expect(seven.every((r) => r.code === `${r.codeKey.slice(0, 3)}.${r.codeKey.slice(3)}`)).toBe(true);
  });

  it('handles the FY2026 QA0 codes (letter in second position)', () => {
    expect(byKey.get('QA00101')).toMatchObject({ code: 'QA0.0101', parentKey: 'QA0010', billable: true, level: 'code' });
    expect(byKey.get('QA0')?.parentKey).toBe('QA0-QA0');
    expect(byKey.get('QA0-QA0')?.parentKey).toBe('CH17');
  });

  it('places C4A under C43-C44 and derived rows just before their first child', () => {
    expect(byKey.get('C4A')?.parentKey).toBe('C43-C44');
    const seqOf = (key: string): number => byKey.get(key)?.seq ?? -1;
    expect([seqOf('CH2'), seqOf('C00-C96'), seqOf('C00-C75'), seqOf('C43-C44'), seqOf('C43')]).toEqual([0, 1, 2, 3, 4].map((n) => seqOf('CH2') + n));
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i));
    // Every parent comes before its child.
    for (const row of rows) if (row.parentKey !== null) expect(seqOf(row.parentKey)).toBeLessThan(row.seq);
  });

  it('emits only the chapters and blocks that have codes in the file', () => {
    const chapters = rows.filter((r) => r.level === 'chapter').map((r) => r.codeKey);
    expect(chapters).toEqual(['CH1', 'CH2', 'CH13', 'CH17', 'CH18', 'CH22']);
    expect(rows.filter((r) => r.level === 'block')).toHaveLength(10);
  });

  it('makes categories roots when no structure is given', async () => {
    const plain = await collect(parseIcd10cmOrderFile(SAMPLE));
    expect(plain).toHaveLength(75);
    expect(plain.find((r) => r.codeKey === 'M62')?.parentKey).toBeNull();
    expect(plain.some((r) => r.level === 'block' || r.level === 'chapter')).toBe(false);
  });

  it('gives the same rows from a gzip copy, with or without the .gz extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icd10cm-gz-'));
    const gz = gzipSync(readFileSync(SAMPLE));
    writeFileSync(join(dir, 'sample.txt.gz'), gz);
    writeFileSync(join(dir, 'sample-no-extension'), gz);
    expect(await collect(parseIcd10cmOrderFile(join(dir, 'sample.txt.gz'), { structure }))).toEqual(rows);
    expect(await collect(parseIcd10cmOrderFile(join(dir, 'sample-no-extension'), { structure }))).toEqual(rows);
  });

  it('reports a category missing from the structure and skips its subtree', async () => {
    const trimmed: Icd10cmStructure = {
      ...structure,
      categoryBlocks: new Map([...structure.categoryBlocks].filter(([category]) => category !== 'R41')),
    };
    const problems: RowProblem[] = [];
    const out = await collect(parseIcd10cmOrderFile(SAMPLE, { structure: trimmed, onProblem: (p) => problems.push(p) }));
    expect(problems[0]?.message).toMatch(/expected category R41 in the categories table/);
    expect(problems.map((p) => p.line)).toEqual([68, 69]);
    expect(out.some((r) => r.codeKey.startsWith('R41'))).toBe(false);
  });
});

describe('parseIcd10cmOrderFile on a broken file', () => {
  it('reports each bad line with its number and what was expected, and keeps the good ones', async () => {
    const problems: RowProblem[] = [];
    const rows = await collect(parseIcd10cmOrderFile(BROKEN, { onProblem: (p) => problems.push(p) }));
    expect(rows.map((r) => r.codeKey)).toEqual(['A00', 'A000', 'A01', 'A0100']);
    expect(rows.find((r) => r.codeKey === 'A0100')?.parentKey).toBe('A01');
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [3, expect.stringMatching(/expected an order-file record.*got a line of 40 characters/)],
      [4, expect.stringMatching(/expected an ICD-10-CM code .* got 'A0!9'/)],
      [5, expect.stringMatching(/expected its category B01 .* on an earlier line/)],
      [6, 'expected an order-file record, got an empty line'],
      [8, 'expected each code once; A00.0 is already on line 2'],
      [9, "expected valid flag 0 or 1 in column 15, got '2'"],
    ]);
    expect(problems.every((p) => p.file === BROKEN)).toBe(true);
  });

  it('fails on the first problem when strict, or when no onProblem is given', async () => {
    await expect(collect(parseIcd10cmOrderFile(BROKEN, { strict: true, onProblem: () => undefined }))).rejects.toThrow(CodesetFormatError);
    await expect(collect(parseIcd10cmOrderFile(BROKEN))).rejects.toMatchObject({ file: BROKEN, line: 3 });
  });

  it('rejects with the fs error for a missing file', async () => {
    await expect(collect(parseIcd10cmOrderFile(join(FIXTURES, 'missing.txt')))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
