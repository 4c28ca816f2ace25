import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { gzipSync } from 'zlib';

import { CodeSystem } from '../../src/domain/code-system';
import type { CodeRow, RowProblem } from '../../src/ingest/codesets/codeset.types';
import { loadHcpcsSections, parseHcpcsFile } from '../../src/ingest/codesets/hcpcs';

const FIXTURES = join(__dirname, '..', 'fixtures', 'codesets');
const SAMPLE = join(FIXTURES, 'hcpcs_sample.txt');
const BROKEN = join(FIXTURES, 'hcpcs_broken.txt');

async function collect(rows: AsyncIterable<CodeRow>): Promise<CodeRow[]> {
  const out: CodeRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('HCPCS sections seed', () => {
  it('lists the Level II letters (no D: CDT is not shipped) and ranges inside their letter', () => {
    const seed = loadHcpcsSections();
    expect([...seed.sections.keys()].join('')).toBe('ABCEGHJKLMPQRSTUV');
    expect(seed.modifiers.codeKey).toBe('MODIFIERS');
    expect(seed.sections.get('J')?.ranges.map((r) => r.codeKey)).toEqual(['J0120-J8499', 'J8501-J9999']);
  });

  it('rejects a range outside its letter', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcpcs-seed-'));
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, 'modifiers: {code: MODIFIERS, title: M}\nsections:\n  - letter: A\n    title: A\n    ranges:\n      - {range: B0001-B0002, title: x}\n');
    expect(() => loadHcpcsSections(path)).toThrow(/expected range B0001-B0002 inside letter A/);
  });
});

describe('parseHcpcsFile', () => {
  let rows: CodeRow[];
  let byKey: Map<string, CodeRow>;
  beforeAll(async () => {
    rows = await collect(parseHcpcsFile(SAMPLE));
    byKey = new Map(rows.map((r) => [r.codeKey, r]));
  });

  it('reads J1100 with its fields and dates', () => {
    expect(byKey.get('J1100')).toEqual({
      system: CodeSystem.HCPCS,
      code: 'J1100',
      codeKey: 'J1100',
      title: 'Injection, dexamethasone sodium phosphate, 1 mg',
      shortTitle: 'Dexamethasone sodium phos',
      billable: true,
      active: true,
      level: 'code',
      parentKey: 'J0120-J8499',
      addedDate: '1982-01-01',
      actionEffectiveDate: '2001-01-01',
      terminationDate: null,
      actionCode: 'N',
      seq: expect.any(Number),
      line: 40,
    });
  });

  it('reads modifiers under MODIFIERS, not billable', () => {
    expect(byKey.get('LT')).toMatchObject({
      code: 'LT',
      level: 'modifier',
      billable: false,
      active: true,
      parentKey: 'MODIFIERS',
      shortTitle: 'Left side',
      title: 'Left side (used to identify procedures performed on the left side of the body)',
    });
    expect(byKey.get('RT')?.title).toBe('Right side (used to identify procedures performed on the right side of the body)');
    expect(byKey.get('MODIFIERS')).toMatchObject({ level: 'section', parentKey: null, seq: 0 });
    expect(rows.filter((r) => r.level === 'modifier')).toHaveLength(8);
  });

  it('joins continuation lines with one space (modifier AB, procedure G0503)', () => {
    expect(byKey.get('AB')).toMatchObject({
      title:
        'Audiology service furnished personally by an audiologist without a physician/npp order for non-acute hearing ' +
        'assessment unrelated to disequilibrium, or hearing aids, or examinations for the purpose of prescribing, fitting, ' +
        'or changing hearing aids; service may be performed once every 12 months, per beneficiary',
      shortTitle: 'Aud svs w/o order evry 12mo',
      addedDate: '2023-01-01',
      line: 6,
    });
    const g0503 = byKey.get('G0503');
    expect(g0503?.title.startsWith('Subsequent psychiatric collaborative care management, first 60 minutes')).toBe(true);
    expect(g0503?.title.endsWith('are prepared for discharge from active treatment')).toBe(true);
    expect(g0503?.line).toBe(22);
  });

  it('marks terminated codes inactive with their termination date', () => {
    expect(byKey.get('A4466')).toMatchObject({
      active: false,
      billable: true,
      terminationDate: '2016-12-31',
      title: 'Garment, belt, sleeve or other covering, elastic or similar stretchable material, any type, each',
    });
    expect(byKey.get('G0503')).toMatchObject({ active: false, terminationDate: '2017-12-31' });
  });

  it('places a code under the most specific range, else under its letter', () => {
    expect(byKey.get('A0021')?.parentKey).toBe('A0021-A0999');
    expect(byKey.get('A0021-A0999')).toMatchObject({ level: 'range', parentKey: 'A', billable: false });
    expect(byKey.get('A2001')?.parentKey).toBe('A');
    expect(byKey.get('J8501')?.parentKey).toBe('J8501-J9999');
    expect(byKey.get('V5364')?.parentKey).toBe('V5008-V5364');
    expect(byKey.get('A')).toMatchObject({ level: 'section', parentKey: null });
    const seqOf = (key: string): number => byKey.get(key)?.seq ?? -1;
    expect([seqOf('A'), seqOf('A0021-A0999'), seqOf('A0021')]).toEqual([seqOf('A'), seqOf('A') + 1, seqOf('A') + 2]);
    for (const row of rows) if (row.parentKey !== null) expect(seqOf(row.parentKey)).toBeLessThan(row.seq);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i));
  });

  it('gives the same rows from a gzip copy, and ignores the empty last line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcpcs-gz-'));
    writeFileSync(join(dir, 'sample.txt.gz'), gzipSync(readFileSync(SAMPLE)));
    expect(await collect(parseHcpcsFile(join(dir, 'sample.txt.gz')))).toEqual(rows);
    expect(readFileSync(SAMPLE, 'latin1').endsWith('\r\n\r\n')).toBe(true);
  });
});

describe('parseHcpcsFile on a broken file', () => {
  it('reports each bad record once with its line, and keeps the good ones', async () => {
    const problems: RowProblem[] = [];
    const rows = await collect(parseHcpcsFile(BROKEN, { onProblem: (p) => problems.push(p) }));
    expect(rows.filter((r) => r.level === 'code' || r.level === 'modifier').map((r) => r.codeKey)).toEqual(['A1', 'A0021', 'J1100']);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'expected a 320-character record, got 300 characters'],
      [3, "expected a continuation line (RECID 8) right after the first line (RECID 7) or continuations of code 'AB'"],
      [4, "expected a HCPCS Level II code (letter A-V and 4 digits) in columns 1-5, got '1234A'"],
      [6, "expected record id 3, 4, 7 or 8 in column 11, got '5'"],
      [7, expect.stringMatching(/^expected a code of a known HCPCS Level II section \(A B C E .* V\), got 'D0120'$/)],
      [9, "expected a date YYYYMMDD or blanks in columns 285-292, got '20241340'"],
    ]);
  });

  it('fails on the first problem when strict', async () => {
    await expect(collect(parseHcpcsFile(BROKEN, { strict: true }))).rejects.toThrow(/hcpcs_broken\.txt:2: expected a 320-character record/);
  });
});
