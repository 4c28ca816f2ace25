import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseIcd10cmIndex } from '../../src/ingest/names/icd10cm-index';
import { parseIcd10cmTabular } from '../../src/ingest/names/icd10cm-tabular';
import { parseIcd10pcsIndex } from '../../src/ingest/names/icd10pcs-index';
import { NamesFormatError } from '../../src/ingest/names/names.types';

const SEEDS = path.resolve(__dirname, '../../seeds/search');
const tmp = (name: string, text: string) => {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'names-')), name);
  fs.writeFileSync(f, text);
  return f;
};

describe('names files (src/ingest/names)', () => {
  it('reads the shipped CM index: paths, main-term defaults, resolved see-references', () => {
    const r = parseIcd10cmIndex(path.join(SEEDS, 'ICD10CM_2025_Index.csv.gz'));
    expect(r.names.length).toBeGreaterThan(65000);
    const htn = r.names.find((n) => n.core === 'Hypertension, hypertensive')!;
    expect(htn).toMatchObject({ codeKey: 'I10', main: true, kind: 'INDEX' });
    expect(htn.text).toContain('(essential)');
    const heart = r.names.find((n) => n.text === 'Attack, attacks > heart')!;
    expect(heart).toMatchObject({ kind: 'INDEX_SEE', codeKey: 'I219' });
    // modifiers of the main term stay on the main term: a subterm is not "mellitus"
    expect(r.names.find((n) => n.core.startsWith('Diabetes, diabetic > insipidus'))?.text ?? '').not.toContain('mellitus');
  });

  it('reads a term with only a see-also reference as leading where the reference does, its subterms to their own codes', () => {
    const f = tmp(
      'seealso.csv',
      'RowID,Letter,Level,Term,See,SeeAlso,NonEssModif,Code\n1,F,0,Flu,,Influenza,,\n2,F,1,bird,,,,J09.X2\n3,F,0,Fluid,,,,\n4,F,0,Grippe,,Nowhere,,\n5,I,0,Influenza,,,(bronchial),J11.1\n',
    );
    const r = parseIcd10cmIndex(f);
    expect(r.names.map((n) => [n.text, n.kind, n.codeKey, n.see])).toEqual([
      ['Flu', 'INDEX_SEE', 'J111', 'Influenza'],
      ['Flu > bird', 'INDEX', 'J09X2', null],
      ['Influenza (bronchial)', 'INDEX', 'J111', null],
    ]);
    // an optional reference that leads to no coded term is no "see" left unresolved
    expect(r.unresolvedSee).toBe(0);
    // the shipped index: "Flu, see also Influenza"
    const shipped = parseIcd10cmIndex(path.join(SEEDS, 'ICD10CM_2025_Index.csv.gz'));
    expect(shipped.names.find((n) => n.text === 'Flu')).toMatchObject({ kind: 'INDEX_SEE', codeKey: 'J111', see: 'Influenza' });
  });

  it('reports a malformed index row with its line and keeps the rest', () => {
    const f = tmp(
      'idx.csv',
      'RowID,Letter,Level,Term,See,SeeAlso,NonEssModif,Code\n1,A,0,Abasia,,,,F44.4\n2,A,3,deep,,,,F44.4\n3,A,0,Acne,,,,L70.9\n4,A,0,Bad,,,,not a code!\n5,A,1,,,,(somatoform),F45.41\n6,A,1,,,,,F45.41\n',
    );
    const r = parseIcd10cmIndex(f);
    expect(r.names.map((n) => n.codeKey)).toEqual(['F444', 'L709', 'F4541']);
    expect(r.names[2]!.text).toBe('Bad > somatoform');
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/idx\.csv:3: expected a level from 0 to 1/),
      expect.stringMatching(/idx\.csv:7: expected a term/),
      expect.stringMatching(/idx\.csv:5: expected an ICD-10-CM code/),
    ]);
    expect(() => parseIcd10cmIndex(tmp('bad.csv', 'a,b\n1,2\n'))).toThrow(/bad\.csv:1: expected the header/);
  });

  it('reads PCS index prefixes onto their table, and refuses a file that is not the PCS index', () => {
    const r = parseIcd10pcsIndex(path.join(SEEDS, 'icd10pcs_index_2025.xml.gz'));
    expect(r.names.find((n) => n.text === 'Appendectomy > Resection, Appendix')).toMatchObject({ codeKey: '0DT', prefix: '0DTJ', see: 'Resection, Appendix' });
    expect(r.names.find((n) => n.text === 'Replacement > Joint > Knee > Right')).toMatchObject({ codeKey: '0SR', prefix: '0SRC' });
    expect(() => parseIcd10pcsIndex(tmp('x.xml', '<other/>'))).toThrow(NamesFormatError);
    expect(() => parseIcd10pcsIndex(tmp('y.xml', '<ICD10PCS.index><letter>'))).toThrow(/y\.xml:\d+: not well-formed XML/);
  });

  it('reads tabular inclusion terms under their code', () => {
    const f = tmp(
      'tab.xml',
      '<ICD10CM.tabular><chapter><section><diag><name>A00</name><desc>Cholera</desc><diag><name>A00.0</name><desc>x</desc><inclusionTerm><note>Classical cholera</note></inclusionTerm><excludes1><note>not me</note></excludes1></diag></diag></section></chapter></ICD10CM.tabular>',
    );
    const r = parseIcd10cmTabular(f);
    expect(r.names.map((n) => [n.codeKey, n.text, n.kind])).toEqual([['A000', 'Classical cholera', 'INCLUSION']]);
  });
});
