import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { CodeSystem } from '../../src/domain/code-system';
import { buildPageGraph } from '../../src/ingest/page/build-page-graph';
import { parseCodePage } from '../../src/ingest/page/parse-page';
import { loadVocabulary } from '../../src/ingest/vocabulary/vocabulary';

/** The shipped copy (loaded by the seed) and the test fixture; both are the reference page byte for byte. */
const SHIPPED_SEED = path.resolve(__dirname, '../../seeds/pages/cpt-00300.txt');
const FIXTURE_SEED = path.resolve(__dirname, '../fixtures/pages/cpt-00300.txt');
/** SHA-256 of the reference page as handed to the project (docs/README.md). */
const REFERENCE_SHA256 = '48e939df718a0ff3bb07d65cb6cfc277edf6e6ffe7fc18d21ef130246f7450a6';

describe('seed page copies', () => {
  it.each([SHIPPED_SEED, FIXTURE_SEED])('%s is the reference page byte for byte', (file) => {
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(REFERENCE_SHA256);
  });
});

const vocab = loadVocabulary();

describe.each([
  ['shipped seed page', SHIPPED_SEED],
  ['fixture copy', FIXTURE_SEED],
])('seed page CPT 00300 (%s)', (_label, file) => {
  if (!fs.existsSync(file)) {
    it('exists', () => {
      throw new Error(`seed page not found at ${file}`);
    });
    return;
  }
  const text = fs.readFileSync(file, 'utf8');
  const page = parseCodePage(text, { fileName: path.basename(file) });
  const graph = buildPageGraph(page, vocab);

  it('takes the code from the file name and the system from the kind line', () => {
    expect(page.system).toBe(CodeSystem.CPT);
    expect(page.code).toBe('00300');
    expect(page.codeSource).toBe('file-name');
    expect(page.kind).toBe('CPT4 code');
    expect(graph.code.codeKey).toBe('00300');
  });

  it('reads the title from line 3 and the names', () => {
    expect(page.title).toBe(text.split('\n')[2]?.trim());
    expect(page.title).toMatch(/^Anesthesia for all procedures on the integumentary system/);
    expect(page.commonName).toBe('Regional Anesthesia for Head, Neck, and Back Procedures');
    expect(page.fullName).toMatch(/^Anesthesia for all procedures .* not otherwise specified$/);
  });

  it('reads the prose sections', () => {
    expect(page.summary).toMatch(/^This type of anesthesia is used to numb/);
    expect(page.purpose).toMatch(/^The primary goal/);
    expect(page.patientExperience).toMatch(/^During the procedure/);
    expect(page.settingText).toMatch(/^This procedure is usually performed in a hospital/);
  });

  it('reads the lists', () => {
    expect(page.indications).toHaveLength(3);
    expect(page.preparation).toHaveLength(3);
    expect(page.benefits).toHaveLength(3);
    expect(page.recovery).toHaveLength(3);
    expect(page.steps).toHaveLength(4);
    expect(page.steps[0]).toBe('Patient consultation and assessment by the anesthesiologist.');
    expect(page.steps[3]).toMatch(/^Ensuring the target area/);
  });

  it('finds the equipment sentence', () => {
    expect(page.equipment).toEqual(['needles', 'syringes with local anesthetics', 'monitoring devices']);
    expect(graph.equipment.map((e) => e.key)).toEqual(['needle', 'syringe-with-local-anesthetic', 'monitoring-device']);
  });

  it('reads the duration', () => {
    expect(page.duration?.text).toContain('30 minutes to several hours');
    expect(page.duration?.minMinutes).toBe(30);
    expect(page.duration?.maxMinutes).toBeNull();
    expect(graph.code.durationMinMinutes).toBe(30);
    expect(graph.code.durationMaxMinutes).toBeNull();
  });

  it('maps the settings', () => {
    expect(graph.settings.map((s) => s.name)).toEqual(['Hospital', 'Outpatient clinic', 'Surgical center']);
  });

  it('maps the five personnel roles', () => {
    expect(page.personnel).toHaveLength(3);
    expect(graph.personnel.map((p) => p.name)).toEqual(['Anesthesiologist', 'Nurse anesthetist', 'Surgeon or specialist', 'Surgical nurse', 'Support staff']);
  });

  it('reads the risks with their frequency, text as written', () => {
    expect(page.risks.filter((r) => r.frequency === 'COMMON').map((r) => r.text)).toEqual(['Mild pain at the injection site', 'temporary numbness beyond the intended area', 'dizziness']);
    expect(page.risks.filter((r) => r.frequency === 'RARE').map((r) => r.text)).toEqual([
      'Allergic reactions to anesthetic agents',
      'infection',
      'nerve damage',
      'bleeding',
      'cardiovascular complications',
    ]);
    expect(page.riskManagement).toMatch(/^Management involves/);
  });

  it('maps every risk onto the vocabulary', () => {
    expect(graph.risks.map((r) => r.key)).toEqual(['injection-site-pain', 'numbness', 'dizziness', 'allergic-reaction', 'infection', 'nerve-damage', 'bleeding', 'cardiovascular-complications']);
    expect(graph.risks.find((r) => r.key === 'dizziness')?.icd10cm).toContain('R42');
    expect(graph.risks.find((r) => r.key === 'numbness')?.text).toBe('temporary numbness beyond the intended area');
  });

  it('maps regions and systems', () => {
    expect(graph.bodyRegions.map((r) => r.key)).toEqual(['head', 'neck', 'back']);
    expect(graph.bodySystems.map((s) => s.key)).toEqual(['integumentary-system', 'muscular-system', 'nervous-system']);
  });

  it('reads alternatives, with descriptions', () => {
    expect(page.alternatives.map((a) => a.name)).toEqual(['General Anesthesia', 'Local Anesthesia']);
    expect(page.alternatives.every((a) => a.description !== null && a.description.length > 0)).toBe(true);
    expect(graph.alternatives.map((a) => a.key)).toEqual(['general-anesthesia', 'local-anesthesia']);
  });

  it('links indications to ICD-10-CM codes', () => {
    expect(graph.indications).toHaveLength(3);
    expect(graph.indications[2]?.icd10cm).toContain('M79.2');
    expect(graph.indications.every((i) => i.key.startsWith('ind-'))).toBe(true);
  });

  it('has empty policies and similar codes, and no warnings', () => {
    expect(page.policies).toEqual([]);
    expect(page.similarCodes).toEqual([]);
    expect(graph.policies).toEqual([]);
    expect(graph.similarCodes).toEqual([]);
    expect(page.warnings).toEqual([]);
    expect(graph.warnings).toEqual([]);
  });
});
