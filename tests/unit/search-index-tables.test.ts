import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseExternalCauseIndex } from '../../src/ingest/names/icd10cm-eindex';
import { parseDrugTable, parseNeoplasmTable } from '../../src/ingest/names/icd10cm-tables';
import { NamesFormatError } from '../../src/ingest/names/names.types';

// Excerpts of the official FY2025 files (tests/fixtures/search/README.md has their provenance).
const FIXTURES = path.resolve(__dirname, '../fixtures/search');
const fixture = (name: string) => path.join(FIXTURES, name);
const tmp = (name: string, text: string) => {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tables-')), name);
  fs.writeFileSync(f, text);
  return f;
};
const DRUG_HEADING = ['Substance', 'Poisoning Accidental (unintentional)', 'Poisoning Intentional self-harm', 'Poisoning Assault', 'Poisoning Undetermined', 'Adverse effect', 'Underdosing']
  .map((h, i) => `<head col="${i + 1}">${h}</head>`)
  .join('');

describe('Table of Drugs and Chemicals (src/ingest/names/icd10cm-tables.ts)', () => {
  const r = parseDrugTable(fixture('drug-excerpt.xml'));
  const byText = (text: string) => r.names.filter((n) => n.text === text);

  it('gives one DRUG name per filled column, saying the column', () => {
    const acet = r.names.filter((n) => / Acetaminophen\b/.test(n.core));
    expect(acet.map((n) => [n.codeKey, n.text, n.core, n.main])).toEqual([
      ['T391X1', 'Poisoning by Acetaminophen (accidental) (unintentional)', 'Poisoning by Acetaminophen', true],
      ['T391X2', 'Poisoning by Acetaminophen, intentional self-harm', 'Poisoning by Acetaminophen, intentional self-harm', false],
      ['T391X3', 'Poisoning by Acetaminophen, assault', 'Poisoning by Acetaminophen, assault', false],
      ['T391X4', 'Poisoning by Acetaminophen, undetermined', 'Poisoning by Acetaminophen, undetermined', false],
      ['T391X5', 'Adverse effect of Acetaminophen', 'Adverse effect of Acetaminophen', false],
      ['T391X6', 'Underdosing of Acetaminophen', 'Underdosing of Acetaminophen', false],
    ]);
    // one phrase, not an index path: the column is part of what the name is about
    expect(acet.every((n) => !n.text.includes(' > '))).toBe(true);
    expect(acet.every((n) => n.kind === 'DRUG' && n.system === 'ICD10CM' && n.source === 'drug-excerpt.xml' && n.depth === 0)).toBe(true);
  });

  it('keeps the subterm path and leaves out empty cells ("--")', () => {
    const beverage = r.names.filter((n) => n.core.includes(' Alcohol, absolute, beverage'));
    expect(beverage.map((n) => [n.codeKey, n.core])).toEqual([
      ['T510X1', 'Poisoning by Alcohol, absolute, beverage'],
      ['T510X2', 'Poisoning by Alcohol, absolute, beverage, intentional self-harm'],
      ['T510X3', 'Poisoning by Alcohol, absolute, beverage, assault'],
      ['T510X4', 'Poisoning by Alcohol, absolute, beverage, undetermined'],
    ]);
    expect(beverage[0]!.depth).toBe(2);
  });

  it('gives a "see" row the codes of the row it points to (Aleve -> Naproxen)', () => {
    const aleve = r.names.filter((n) => / Aleve\b/.test(n.core));
    const naproxen = r.names.filter((n) => / Naproxen\b/.test(n.core));
    expect(naproxen.length).toBe(6);
    expect(aleve.map((n) => n.codeKey)).toEqual(naproxen.map((n) => n.codeKey));
    expect(aleve[0]).toMatchObject({ see: 'Naproxen', text: 'Poisoning by Aleve (accidental) (unintentional)' });
    expect(byText('Adverse effect of Adrenalin')[0]?.codeKey).toBe(byText('Adverse effect of Adrenaline')[0]?.codeKey);
    expect(byText('Adverse effect of Adrenaline')).toHaveLength(1);
    expect(r.unresolvedSee).toBe(0);
    expect(r.problems).toEqual([]);
  });

  it('offers the substances (main terms) for autocomplete, with their code counts', () => {
    expect(r.suggestions.find((s) => s.key === 'acetaminophen')).toEqual({ key: 'acetaminophen', text: 'Acetaminophen', codes: 6, source: 'drug-excerpt.xml' });
    expect(r.suggestions.some((s) => s.key.includes('absolute'))).toBe(false);
  });

  it('reports a cell that is not a code with its line, and refuses a file with other columns', () => {
    const bad = tmp(
      'd.xml',
      `<ICD10CM.index><indexHeading>${DRUG_HEADING}</indexHeading><letter><title>X</title><mainTerm>\n<title>Xylol</title><cell col="2">T52.2X1</cell><cell col="3">oops</cell></mainTerm></letter></ICD10CM.index>`,
    );
    const b = parseDrugTable(bad);
    expect(b.names.map((n) => n.codeKey)).toEqual(['T522X1']);
    expect(b.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^d\.xml:1: expected an ICD-10-CM code in column 3, got 'oops'/)]);
    expect(() => parseDrugTable(fixture('neoplasm-excerpt.xml'))).toThrow(/neoplasm-excerpt\.xml:1: expected column 1 headed 'Substance', got 'Neoplasm'/);
    expect(() => parseDrugTable(tmp('e.xml', '<ICD10CM.index><letter>'))).toThrow(NamesFormatError);
  });
});

describe('Neoplasm table (src/ingest/names/icd10cm-tables.ts)', () => {
  const r = parseNeoplasmTable(fixture('neoplasm-excerpt.xml'));

  it('names each site by column, the malignant primary column being the default', () => {
    const lung = r.names.filter((n) => / of lung$/.test(n.core) && n.depth === 1);
    expect(lung.map((n) => [n.codeKey, n.text, n.main])).toEqual([
      ['C349', 'Malignant neoplasm of lung (primary)', true],
      ['C780', 'Secondary malignant neoplasm of lung', false],
      ['D022', 'Carcinoma in situ of lung', false],
      ['D143', 'Benign neoplasm of lung', false],
      ['D381', 'Neoplasm of uncertain behavior of lung', false],
      ['D491', 'Neoplasm of unspecified behavior of lung', false],
    ]);
    expect(lung[0]!.core).toBe('Malignant neoplasm of lung');
    expect(r.names.find((n) => n.text === 'Secondary malignant neoplasm of lung, azygos lobe')?.depth).toBe(2);
    // the table's own row names no site
    expect(r.names.find((n) => n.core === 'Malignant neoplasm')).toMatchObject({ codeKey: 'C801', main: true, depth: 0 });
  });

  it('resolves "see" sites on the table (accessory sinus -> Neoplasm, sinus) and offers "neoplasm of <site>"', () => {
    const acc = r.names.filter((n) => / of accessory sinus$/.test(n.core));
    expect(acc.map((n) => n.codeKey)).toEqual(['C319', 'C7839', 'D023', 'D140', 'D385', 'D491']);
    expect(acc[0]!.see).toBe('Neoplasm, sinus');
    expect(r.suggestions.map((s) => s.key)).toEqual(expect.arrayContaining(['neoplasm of lung', 'neoplasm of sinus']));
    expect(r.suggestions.some((s) => s.key.includes('azygos'))).toBe(false);
    expect(r.problems).toEqual([]);
  });
});

describe('External Cause of Injuries index (src/ingest/names/icd10cm-eindex.ts)', () => {
  const r = parseExternalCauseIndex(fixture('eindex-excerpt.xml'));

  it('names every coded term path, main-term codes marked main, modifiers on the last level', () => {
    expect(r.names.find((n) => n.core === 'Bite, bitten by > dog')).toMatchObject({ codeKey: 'W540', kind: 'EXTERNAL_CAUSE', main: false, depth: 1, see: null });
    expect(r.names.find((n) => n.core === 'Abandonment NEC')).toMatchObject({
      codeKey: 'X58',
      main: true,
      text: 'Abandonment NEC (causing exposure to weather conditions) (with intent to injure or kill)',
    });
  });

  it('links a "see" term to the code of the term it names (Avalanche -> Landslide)', () => {
    expect(r.names.find((n) => n.core === 'Avalanche')).toMatchObject({ codeKey: 'X361', see: 'Landslide', main: false });
    expect(r.suggestions.find((s) => s.key === 'bite')?.codes).toBeGreaterThan(10);
    expect(r.problems).toEqual([]);
  });
});
