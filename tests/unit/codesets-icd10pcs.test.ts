import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { gzipSync } from 'zlib';

import { CodeSystem } from '../../src/domain/code-system';
import type { CodeRow, RowProblem } from '../../src/ingest/codesets/codeset.types';
import { bodySystemTitle, loadIcd10pcsSectionTitles, parseIcd10pcsOrderFile } from '../../src/ingest/codesets/icd10pcs';

const FIXTURES = join(__dirname, '..', 'fixtures', 'codesets');
const SAMPLE = join(FIXTURES, 'icd10pcs_order_sample.txt');
const BROKEN = join(FIXTURES, 'icd10pcs_order_broken.txt');

async function collect(rows: AsyncIterable<CodeRow>): Promise<CodeRow[]> {
  const out: CodeRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('ICD-10-PCS section titles seed', () => {
  it('lists the 17 sections with string keys', () => {
    const titles = loadIcd10pcsSectionTitles();
    expect([...titles.keys()].join('')).toBe('0123456789BCDFGHX');
    expect(titles.get('3')).toBe('Administration');
    expect(titles.get('X')).toBe('New Technology');
  });

  it('rejects a seed without the expected shape', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcs-seed-'));
    writeFileSync(join(dir, 'bad.yaml'), 'sections:\n  - code: 0\n    title: Unquoted\n');
    expect(() => loadIcd10pcsSectionTitles(join(dir, 'bad.yaml'))).toThrow(/expected each section as \{code: one PCS character \(quoted\)/);
  });
});

describe('parseIcd10pcsOrderFile', () => {
  let rows: CodeRow[];
  let byKey: Map<string, CodeRow>;
  beforeAll(async () => {
    rows = await collect(parseIcd10pcsOrderFile(SAMPLE));
    byKey = new Map(rows.map((r) => [r.codeKey, r]));
  });

  it('reads 3E0T3BZ with its table, body system and section', () => {
    expect(byKey.get('3E0T3BZ')).toEqual({
      system: CodeSystem.ICD10PCS,
      code: '3E0T3BZ',
      codeKey: '3E0T3BZ',
      title: 'Introduction of Anesthetic Agent into Peripheral Nerves and Plexi, Percutaneous Approach',
      shortTitle: 'Introduce Anesthetic in Periph Nrv, Plexi, Perc',
      billable: true,
      active: true,
      level: 'code',
      parentKey: '3E0',
      seq: expect.any(Number),
      line: 44,
    });
    expect(byKey.get('3E0')).toMatchObject({ level: 'table', billable: false, parentKey: '3E' });
    expect(byKey.get('3E')).toMatchObject({
      level: 'body-system',
      title: 'Administration, Physiological Systems and Anatomical Regions',
      parentKey: '3',
    });
    expect(byKey.get('3')).toMatchObject({ level: 'section', title: 'Administration', parentKey: null, shortTitle: null });
  });

  it('titles a body system with its first table header before the last comma', () => {
    expect(byKey.get('00')?.title).toBe('Central Nervous System and Cranial Nerves');
    expect(byKey.get('B0')?.title).toBe('Imaging, Central Nervous System');
    expect(byKey.get('GZ')?.title).toBe('Mental Health');
    // X05 comes before X0Z, whose header has no operation part.
    expect(byKey.get('X0')?.title).toBe('New Technology, Nervous System');
    expect(bodySystemTitle('New Technology, Nervous System')).toBe('New Technology');
  });

  it('inserts section and body-system rows just before their first table', () => {
    expect(rows.slice(0, 4).map((r) => [r.codeKey, r.seq])).toEqual([
      ['0', 0],
      ['00', 1],
      ['001', 2],
      ['0016070', 3],
    ]);
    expect(rows.filter((r) => r.level === 'section').map((r) => r.codeKey)).toEqual(['0', '3', 'B', 'G', 'X']);
    expect(rows.filter((r) => r.level === 'table')).toHaveLength(6);
    expect(rows).toHaveLength(54 + 5 + 5);
  });

  it('gives the same rows from a gzip copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcs-gz-'));
    writeFileSync(join(dir, 'sample.txt.gz'), gzipSync(readFileSync(SAMPLE)));
    expect(await collect(parseIcd10pcsOrderFile(join(dir, 'sample.txt.gz')))).toEqual(rows);
  });
});

describe('parseIcd10pcsOrderFile on a broken file', () => {
  it('reports each bad line with its number and keeps the good ones', async () => {
    const problems: RowProblem[] = [];
    const rows = await collect(parseIcd10pcsOrderFile(BROKEN, { onProblem: (p) => problems.push(p) }));
    expect(rows.map((r) => r.codeKey)).toEqual(['0', '00', '001', '0016070', '0016073']);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [3, "expected a 7-character ICD-10-PCS code (digits and letters except I and O) with flag 1, got '00160'"],
      [4, expect.stringMatching(/^expected a table of a known ICD-10-PCS section \(0 1 .* X\), got section 'Y'$/)],
      [5, 'expected its table Y02 on an earlier line'],
      [6, "expected a 7-character ICD-10-PCS code (digits and letters except I and O) with flag 1, got '0016I72'"],
      [7, 'expected its table 002 on an earlier line'],
    ]);
  });

  it('fails on the first problem by default', async () => {
    await expect(collect(parseIcd10pcsOrderFile(BROKEN))).rejects.toMatchObject({ line: 3 });
  });
});
