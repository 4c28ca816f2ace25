import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findAllTerms, matchTerm } from '../../src/ingest/vocabulary/term-matcher';
import { loadVocabulary, normalizeTerm, VOCABULARY_FILES } from '../../src/ingest/vocabulary/vocabulary';

const SEED_DIR = path.resolve(__dirname, '../../seeds/vocabulary');

describe('normalizeTerm', () => {
  it.each([
    ['Infections', 'infection'],
    ['Allergic Reactions', 'allergic reaction'],
    ['Nurses', 'nurse'],
    ['nervous system', 'nervous system'],
    ['Hearing loss', 'hearing loss'],
    ['stasis', 'stasis'],
    ['therapies', 'therapy'],
    ['Rashes', 'rash'],
    ['abscesses', 'abscess'],
    ['headaches', 'headache'],
    ['  "Post-dural"   puncture,  headache. ', 'post dural puncture headache'],
    ["doctor's office", 'doctor office'],
    ['Risks & Complications', 'risk and complication'],
    ['', ''],
  ])('%s -> %s', (text, expected) => {
    expect(normalizeTerm(text)).toBe(expected);
  });
});

describe('the shipped vocabulary', () => {
  const vocab = loadVocabulary();

  it('loads from the default directory with enough entries', () => {
    expect(vocab.risks.length).toBeGreaterThanOrEqual(60);
    expect(vocab.personnel.length).toBeGreaterThanOrEqual(25);
    expect(vocab.settings.length).toBeGreaterThanOrEqual(15);
    expect(vocab.bodySystems.length).toBeGreaterThanOrEqual(10);
    expect(vocab.indications.length).toBeGreaterThanOrEqual(15);
    expect(loadVocabulary(SEED_DIR)).toEqual(vocab);
  });

  it('has the region hierarchy', () => {
    const parentOf = (key: string): string | null | undefined => vocab.bodyRegions.find((r) => r.key === key)?.parent;
    expect(parentOf('scalp')).toBe('head');
    expect(parentOf('back')).toBe('trunk');
    expect(parentOf('hand')).toBe('upper-limb');
    expect(parentOf('knee')).toBe('lower-limb');
    expect(parentOf('head')).toBeNull();
    expect(matchTerm('posterior trunk', vocab.bodyRegions)?.key).toBe('back');
    expect(matchTerm('dorsal trunk', vocab.bodyRegions)?.key).toBe('back');
  });

  it('maps every CPT anesthesia range that is a region, in order, without gaps in the facts', () => {
    expect(vocab.anesthesiaRanges.map((r) => `${r.from}-${r.to}:${r.region}`)).toEqual([
      '00100-00222:head',
      '00300-00352:neck',
      '00400-00474:chest',
      '00500-00580:intrathoracic',
      '00600-00670:spine',
      '00700-00797:upper-abdomen',
      '00800-00882:lower-abdomen',
      '00902-00952:perineum',
      '01112-01190:pelvis',
      '01200-01274:upper-leg',
      '01320-01444:knee',
      '01462-01522:lower-leg',
      '01610-01682:shoulder',
      '01710-01782:upper-arm',
      '01810-01860:forearm',
    ]);
  });

  it('uses kebab-case keys and sentence-case names', () => {
    const all = [...vocab.risks, ...vocab.bodyRegions, ...vocab.bodySystems, ...vocab.personnel, ...vocab.settings, ...vocab.indications];
    for (const entry of all) {
      expect(entry.key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(entry.name.charAt(0)).toBe(entry.name.charAt(0).toUpperCase());
    }
  });

  it('matches terms as the page builder needs', () => {
    expect(matchTerm('infection at the site', vocab.risks)?.key).toBe('infection');
    expect(matchTerm('Infections', vocab.risks)?.key).toBe('infection');
    expect(matchTerm('Mild pain at the injection site', vocab.risks)?.key).toBe('injection-site-pain');
    expect(matchTerm('temporary numbness beyond the intended area', vocab.risks)?.key).toBe('numbness');
    expect(matchTerm('Allergic reactions to anesthetic agents', vocab.risks)?.key).toBe('allergic-reaction');
    expect(matchTerm('surgical center', vocab.settings)?.name).toBe('Surgical center');
    expect(matchTerm('harm to the patient', vocab.bodyRegions)).toBeNull(); // "arm" is not matched inside a word
    expect(findAllTerms('muscles and nerves of the head, neck, and posterior trunk', vocab.bodyRegions).map((r) => r.key)).toEqual(['head', 'neck', 'back']);
  });

  it('links the spec examples to ICD-10-CM', () => {
    expect(matchTerm('dizziness', vocab.risks)?.icd10cm).toContain('R42');
    expect(findAllTerms('muscle spasm of the back', vocab.indications).flatMap((i) => i.icd10cm)).toEqual(['M62.830']);
    expect(findAllTerms('severe nerve pain', vocab.indications).flatMap((i) => i.icd10cm)).toEqual(['M79.2']);
  });
});

describe('vocabulary validation', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vocab-'));
    for (const file of Object.values(VOCABULARY_FILES)) fs.copyFileSync(path.join(SEED_DIR, file), path.join(dir, file));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (file: string, text: string): void => fs.writeFileSync(path.join(dir, file), text);
  const entries = (yaml: string): string => `entries:\n${yaml}`;

  it.each<[string, string, string, RegExp]>([
    ['duplicate key', 'personnel.yaml', entries('  - {key: nurse, name: Nurse}\n  - {key: nurse, name: Nurse two}\n'), /^personnel\.yaml: entry "nurse" \(#2\): key already used by entry #1/],
    ['non-kebab key', 'settings.yaml', entries('  - {key: Home_Care, name: Home}\n'), /^settings\.yaml: entry #1: "key" must be kebab-case/],
    ['missing name', 'settings.yaml', entries('  - {key: home}\n'), /^settings\.yaml: entry "home" \(#1\): "name" must be/],
    ['lower-case name', 'settings.yaml', entries('  - {key: home, name: home}\n'), /sentence case/],
    ['unknown field', 'settings.yaml', entries('  - {key: home, name: Home, synonym: [house]}\n'), /^settings\.yaml: entry "home" \(#1\): unknown field "synonym"/],
    ['icd10cm where not allowed', 'settings.yaml', entries('  - {key: home, name: Home, icd10cm: [R42]}\n'), /unknown field "icd10cm"/],
    ['synonyms not a list', 'settings.yaml', entries('  - {key: home, name: Home, synonyms: house}\n'), /"synonyms" must be a list/],
    [
      'synonym on two entries',
      'settings.yaml',
      entries('  - {key: home, name: Home, synonyms: [Houses]}\n  - {key: house, name: House}\n'),
      /^settings\.yaml: entry "house" \(#2\): "House" \(normalised "house"\) already belongs to entry "home"/,
    ],
    [
      'ICD code without its dot',
      'risks.yaml',
      entries('  - {key: dizziness, name: Dizziness, icd10cm: [M62830]}\n'),
      /^risks\.yaml: entry "dizziness" \(#1\): ICD-10-CM code "M62830" must be well-formed and written with its dot/,
    ],
    ['malformed ICD code', 'risks.yaml', entries('  - {key: dizziness, name: Dizziness, icd10cm: [42R]}\n'), /ICD-10-CM code "42R"/],
    ['missing parent', 'body-regions.yaml', entries('  - {key: scalp, name: Scalp, parent: head}\n'), /^body-regions\.yaml: entry "scalp": parent "head" is not a region key/],
    ['parent cycle', 'body-regions.yaml', entries('  - {key: a, name: A, parent: b}\n  - {key: b, name: B, parent: a}\n'), /^body-regions\.yaml: entry "a": its parents form a cycle \(a > b > a\)/],
    ['not YAML', 'personnel.yaml', 'entries: [\n  - {key: x', /^personnel\.yaml: not valid YAML/],
    ['no entries list', 'personnel.yaml', 'description: nothing\n', /^personnel\.yaml: expected an "entries" list/],
    [
      'unquoted range code',
      'cpt-anesthesia-ranges.yaml',
      'ranges:\n  - {from: 00100, to: "00222", region: head, name: Head}\n',
      /^cpt-anesthesia-ranges\.yaml: range #1: "from" and "to" must be quoted 5-digit codes/,
    ],
    ['unknown range region', 'cpt-anesthesia-ranges.yaml', 'ranges:\n  - {from: "00100", to: "00222", region: nowhere, name: Head}\n', /region "nowhere" is not a body-region key/],
    [
      'overlapping ranges',
      'cpt-anesthesia-ranges.yaml',
      'ranges:\n  - {from: "00100", to: "00222", region: head, name: Head}\n  - {from: "00200", to: "00300", region: neck, name: Neck}\n',
      /range 00200-00300 overlaps 00100-00222/,
    ],
  ])('rejects %s, naming file and entry', (_label, file, text, message) => {
    write(file, text);
    expect(() => loadVocabulary(dir)).toThrow(message);
  });

  it('names a missing file', () => {
    fs.rmSync(path.join(dir, 'settings.yaml'));
    expect(() => loadVocabulary(dir)).toThrow(/^settings\.yaml: cannot read /);
  });

  it('accepts the copied vocabulary unchanged', () => {
    expect(() => loadVocabulary(dir)).not.toThrow();
  });
});
