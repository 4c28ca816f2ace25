/**
 * Parses the full shipped releases (seeds/codesets/*.gz) and checks the
 * counts recorded in data/PROVENANCE.md, plus hierarchy integrity. Takes a
 * few seconds; parse times are logged so a slowdown is visible.
 */
import { join } from 'path';

import { CodeSystem } from '../../src/domain/code-system';
import type { CodeRow } from '../../src/ingest/codesets/codeset.types';
import { parseHcpcsFile } from '../../src/ingest/codesets/hcpcs';
import { loadIcd10cmStructure, parseIcd10cmOrderFile } from '../../src/ingest/codesets/icd10cm';
import { parseIcd10pcsOrderFile } from '../../src/ingest/codesets/icd10pcs';

const SEEDS = join(__dirname, '..', '..', 'seeds', 'codesets');

jest.setTimeout(30_000);

async function timed(name: string, rows: AsyncIterable<CodeRow>): Promise<CodeRow[]> {
  const started = process.hrtime.bigint();
  const out: CodeRow[] = [];
  for await (const row of rows) out.push(row);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`${name}: ${out.length} rows in ${ms.toFixed(0)} ms`);
  return out;
}

function count(rows: readonly CodeRow[], keep: (row: CodeRow) => boolean): number {
  return rows.reduce((n, row) => (keep(row) ? n + 1 : n), 0);
}

/** Keys unique, every parent a row of the same system that comes earlier, seq 0..n-1. */
function expectSoundHierarchy(rows: readonly CodeRow[], system: CodeSystem): void {
  const seqByKey = new Map<string, number>();
  for (const row of rows) seqByKey.set(row.codeKey, row.seq);
  expect(seqByKey.size).toBe(rows.length);
  const codes = new Set(rows.map((r) => r.code));
  expect(codes.size).toBe(rows.length);
  const broken = rows.filter((r) => r.system !== system || (r.parentKey !== null && !((seqByKey.get(r.parentKey) ?? Infinity) < r.seq)));
  expect(broken).toEqual([]);
  expect(rows.every((r, i) => r.seq === i)).toBe(true);
}

describe('full shipped releases', () => {
  it('ICD-10-CM FY2026: 98,186 rows (74,719 billable, 23,467 headers), 22 chapters, 297 blocks', async () => {
    const structure = await loadIcd10cmStructure(SEEDS);
    const rows = await timed('icd10cm_order_2026.txt.gz', parseIcd10cmOrderFile(join(SEEDS, 'icd10cm_order_2026.txt.gz'), { structure }));
    const fileRows = rows.filter((r) => r.line !== undefined);
    expect(fileRows).toHaveLength(98_186);
    expect(count(fileRows, (r) => r.billable)).toBe(74_719);
    expect(count(fileRows, (r) => !r.billable)).toBe(23_467);
    expect(count(rows, (r) => r.level === 'chapter')).toBe(22);
    expect(count(rows, (r) => r.level === 'block')).toBe(297);
    expect(count(rows, (r) => r.level === 'category')).toBe(1_918);
    expect(count(rows, (r) => r.level === 'code')).toBe(51_485);
    expectSoundHierarchy(rows, CodeSystem.ICD10CM);
    // Every category hangs from a block, every block from a block or a chapter.
    const levelByKey = new Map(rows.map((r) => [r.codeKey, r.level]));
    expect(rows.filter((r) => r.level === 'category' && levelByKey.get(r.parentKey ?? '') !== 'block')).toEqual([]);
    expect(rows.filter((r) => r.level === 'chapter' && r.parentKey !== null)).toEqual([]);
    expect(rows[rows.length - 1]?.code).toBe('U09.9');
  });

  it('ICD-10-PCS FY2026: 79,115 codes and 914 tables under 17 sections; body-system titles agree with every table', async () => {
    const rows = await timed('icd10pcs_order_2026.txt.gz', parseIcd10pcsOrderFile(join(SEEDS, 'icd10pcs_order_2026.txt.gz')));
    expect(count(rows, (r) => r.level === 'code' && r.billable)).toBe(79_115);
    expect(count(rows, (r) => r.level === 'table' && !r.billable)).toBe(914);
    expect(count(rows, (r) => r.level === 'section')).toBe(17);
    expectSoundHierarchy(rows, CodeSystem.ICD10PCS);
    const titleByKey = new Map(rows.map((r) => [r.codeKey, r.title]));
    const disagreeing = rows.filter((r) => {
      if (r.level !== 'table') return false;
      const bodySystem = titleByKey.get(r.parentKey ?? '') ?? '';
      return r.title !== bodySystem && !r.title.startsWith(`${bodySystem}, `);
    });
    expect(disagreeing).toEqual([]);
  });

  it('HCPCS January 2025: 8,259 codes (1,145 terminated) and 383 modifiers', async () => {
    const rows = await timed('HCPC2025_JAN_ANWEB_12172024.txt.gz', parseHcpcsFile(join(SEEDS, 'HCPC2025_JAN_ANWEB_12172024.txt.gz')));
    const codes = rows.filter((r) => r.level === 'code');
    expect(codes).toHaveLength(8_259);
    expect(count(codes, (r) => !r.active)).toBe(1_145);
    expect(codes.every((r) => r.active === (r.terminationDate === null))).toBe(true);
    expect(count(rows, (r) => r.level === 'modifier' && !r.billable && r.parentKey === 'MODIFIERS')).toBe(383);
    expectSoundHierarchy(rows, CodeSystem.HCPCS);
    const perLetter = new Map<string, number>();
    for (const row of codes) perLetter.set(row.code[0] as string, (perLetter.get(row.code[0] as string) ?? 0) + 1);
    expect(Object.fromEntries(perLetter)).toEqual({
      A: 825,
      B: 51,
      C: 572,
      E: 661,
      G: 1_975,
      H: 94,
      J: 1_121,
      K: 175,
      L: 918,
      M: 420,
      P: 59,
      Q: 522,
      R: 3,
      S: 532,
      T: 114,
      U: 5,
      V: 212,
    });
  });
});
