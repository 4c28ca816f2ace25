import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { effectiveRelease, previousCodes, readConversionTable } from '../../src/ingest/codesets/conversion-table';
import { isReleaseLabel, releaseLabelFromFileName } from '../../src/ingest/codesets/release-label';

const SEEDS = path.resolve(__dirname, '../../seeds/codesets');
const TABLE = path.join(SEEDS, 'ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx');

describe('release labels', () => {
  it('come from official file names, or none', () => {
    expect(releaseLabelFromFileName('seeds/codesets/icd10cm_order_2026.txt.gz')).toBe('FY2026');
    expect(releaseLabelFromFileName('icd10cm-order-2025.txt')).toBe('FY2025');
    expect(releaseLabelFromFileName('icd10pcs_order_2025.txt')).toBe('FY2025');
    expect(releaseLabelFromFileName('ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx')).toBe('FY2026');
    expect(releaseLabelFromFileName('renamed.txt')).toBeNull();
    expect(isReleaseLabel('FY2027')).toBe(true);
    expect(isReleaseLabel('2027')).toBe(false);
  });
});

describe('the ICD-10-CM conversion table (.xlsx)', () => {
  it('Effective years are October 1 of that year (the next fiscal year); January and April dates the current one', () => {
    expect(effectiveRelease(2025)).toBe('FY2026');
    expect(effectiveRelease(new Date('2023-04-01T00:00:00Z'))).toBe('FY2023');
    expect(effectiveRelease(new Date('2024-10-01T00:00:00Z'))).toBe('FY2025');
    expect(effectiveRelease('soon')).toBeNull();
  });

  it('names codes and code ranges in free text; ranges of categories and phrases give none', () => {
    expect(previousCodes('C50.919, C50.929')).toEqual({ keys: ['C50919', 'C50929'], ranges: [] });
    expect(previousCodes('K58.9 AND K59.00')).toEqual({ keys: ['K589', 'K5900'], ranges: [] });
    expect(previousCodes('M93.001 & M93.002')).toEqual({ keys: ['M93001', 'M93002'], ranges: [] });
    expect(previousCodes('H02.101-H02.106; H02.109')).toEqual({ keys: ['H02109'], ranges: [{ from: 'H02101', to: 'H02106' }] });
    expect(previousCodes('Codes in Categories T15-T19')).toEqual({ keys: [], ranges: [] });
    expect(previousCodes('None')).toEqual({ keys: [], ranges: [] });
  });

  it('reads every row of the shipped FY2026 table as the cells say (compared with exceljs cell by cell)', async () => {
    const table = await readConversionTable(TABLE);
    expect(table.release).toBe('FY2026');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(TABLE);
    const ws = wb.worksheets[0]!;
    const cells: string[][] = [];
    ws.eachRow((r, i) => {
      if (i > 2) cells.push([r.getCell(1).text.trim(), r.getCell(3).text.replace(/\s+/g, ' ').trim()]);
    });
    expect(table.entries.map((e) => [e.newKey, e.previousText])).toEqual(cells.map(([c, p]) => [c!.replace('.', ''), p]));
    // FY2026 rows: the 487 new billable codes of the order files (shared/data/PROVENANCE.md).
    const fy2026 = table.entries.filter((e) => e.release === 'FY2026');
    expect(fy2026).toHaveLength(487);
    expect(fy2026.find((e) => e.newKey === 'C50A0')).toMatchObject({ oldKeys: ['C50919', 'C50929'] });
  });

  it('refuses a file that is not a workbook, and a row without a code, naming file and row', async () => {
    await expect(readConversionTable(path.join(SEEDS, 'icd10cm-order-addenda-2026.txt.gz'))).rejects.toThrow(/expected an \.xlsx workbook/);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('t');
    ws.addRow(['Current code assignment', 'Effective', 'Previous Code(s) Assignment']);
    ws.addRow(['A00.0', 2025, 'A00']);
    ws.addRow(['not a code', 2025, 'A00']);
    const file = path.join(os.tmpdir(), `conv-bad-${process.pid}.xlsx`);
    await wb.xlsx.writeFile(file);
    await expect(readConversionTable(file)).rejects.toThrow(new RegExp(`conv-bad-${process.pid}\\.xlsx:3: expected an ICD-10-CM code in column A, got 'not a code'`));
  });
});
