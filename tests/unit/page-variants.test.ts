import * as fs from 'fs';
import * as path from 'path';
import { CodeSystem } from '../../src/domain/code-system';
import { buildPageGraph } from '../../src/ingest/page/build-page-graph';
import { parseCodePage } from '../../src/ingest/page/parse-page';
import { loadVocabulary } from '../../src/ingest/vocabulary/vocabulary';

const FIXTURES = path.resolve(__dirname, '../fixtures/pages');
const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const vocab = loadVocabulary();

describe('reordered page with dash/star bullets, odd headings, missing sections', () => {
  const text = read('variant-reordered.txt');

  const check = (input: string): void => {
    const page = parseCodePage(input, { fileName: 'variant-reordered.txt' });
    expect(page.system).toBe(CodeSystem.CPT);
    expect(page.code).toBe('00400');
    expect(page.codeSource).toBe('page');
    expect(page.kind).toBe('CPT4 code 00400');
    expect(page.title).toBe('Anesthesia for procedures on the skin of the chest wall (test fixture wording)');
    // Missing sections are null or empty.
    expect(page.fullName).toBeNull();
    expect(page.commonName).toBeNull();
    expect(page.purpose).toBeNull();
    expect(page.patientExperience).toBeNull();
    expect(page.preparation).toEqual([]);
    expect(page.policies).toEqual([]);
    expect(page.similarCodes).toEqual([]);
    // Prose paragraphs: lines joined with a space, paragraphs with a blank line.
    expect(page.summary).toBe('Anesthesia care for minor surgery on the skin of the front chest wall. This page is written only to exercise the parser.\n\nA second paragraph of the summary.');
    expect(page.risks).toEqual([
      { frequency: 'COMMON', text: 'soreness at the injection site', line: 11 },
      { frequency: 'COMMON', text: 'Nausea', line: 11 },
      { frequency: 'RARE', text: 'infections', line: 12 },
      { frequency: 'RARE', text: 'a dangerous rise in body temperature', line: 12 },
      { frequency: 'RARE', text: 'Sudden vision changes', line: 12 },
    ]);
    expect(page.riskManagement).toBe('Management includes monitoring in the recovery room.');
    expect(page.settingText).toBe('• Hospital\n• Ambulatory surgery center\n• Mobile treatment van');
    expect(page.steps).toEqual(['Check the history of the patient.', 'Give the anesthetic.', 'Watch vital signs.']);
    expect(page.equipment).toEqual(['pulse oximeter', 'infusion pump']);
    expect(page.duration).toEqual({ text: 'Usually 1 to 2 hours.', minMinutes: 60, maxMinutes: 120 });
    expect(page.personnel).toEqual(['Anesthesiologist, nurse anesthetist, or anesthesiologist assistant', 'Oral and maxillofacial surgeon', 'Circus performer']);
    expect(page.indications).toEqual(['Low back pain that did not improve with rest.', 'Painful skin lesions of the chest that need removal.']);
    expect(page.alternatives).toEqual([
      { name: 'Sedation only', description: 'a lighter option for short procedures', code: null },
      { name: 'Nerve block', description: null, code: null },
    ]);
    expect(page.warnings).toEqual(['line 33: bullet under Personnel was empty']);

    const graph = buildPageGraph(page, vocab);
    expect(graph.risks.map((r) => r.key)).toEqual(['injection-site-pain', 'nausea-and-vomiting', 'infection', 'malignant-hyperthermia', 'sudden-vision-change']);
    expect(graph.settings.map((s) => s.key)).toEqual(['hospital', 'surgical-center', 'mobile-treatment-van']);
    expect(graph.personnel.map((p) => p.key)).toEqual(['anesthesiologist', 'nurse-anesthetist', 'anesthesiologist-assistant', 'oral-and-maxillofacial-surgeon', 'circus-performer']);
    expect(graph.bodyRegions.map((r) => r.key)).toEqual(['chest']);
    expect(graph.bodySystems.map((s) => s.key)).toEqual(['integumentary-system']);
    expect(graph.indications[0]?.icd10cm).toEqual(['M54.50']);
    expect(graph.indications[1]?.icd10cm).toEqual(['L98.9']);
    expect(graph.warnings).toEqual([
      'line 33: bullet under Personnel was empty',
      'no vocabulary entry for risk "Sudden vision changes" (line 12)',
      'no vocabulary entry for personnel role "circus performer"',
      'no vocabulary entry for setting "Mobile treatment van"',
    ]);
  };

  it('parses the LF file', () => check(text));
  it('parses the same page with CRLF line ends', () => check(text.replace(/\n/g, '\r\n')));
  it('parses the same page with a BOM and old-Mac CR line ends', () => check(`\uFEFF${text.replace(/\n/g, '\r')}`));
});

describe('page with front matter', () => {
  const page = parseCodePage(read('pcs-front-matter.txt'), { fileName: 'pcs-front-matter.txt' });

  it('takes the system from the kind line and the code from the front matter', () => {
    expect(page.system).toBe(CodeSystem.ICD10PCS);
    expect(page.code).toBe('3E0T3BZ');
    expect(page.codeSource).toBe('front-matter');
    expect(page.title).toBe('Introduction of Anesthetic Agent into Peripheral Nerves and Plexi, Percutaneous Approach');
    expect(page.warnings).toEqual(['line 5: unknown front-matter key "source" was ignored']);
  });

  it('reads the sections after it', () => {
    expect(page.summary).toMatch(/^An anesthetic is injected through the skin next to a nerve or a nerve plexus so that/);
    expect(page.duration).toEqual({ text: 'About an hour.', minMinutes: 60, maxMinutes: 60 });
    expect(page.similarCodes).toEqual([
      {
        system: CodeSystem.ICD10PCS,
        code: '3E0R3BZ',
        title: 'Introduction of anesthetic agent into spinal canal, percutaneous approach',
      },
    ]);
  });

  it('maps prose settings and systems', () => {
    const graph = buildPageGraph(page, vocab);
    expect(graph.settings.map((s) => s.key)).toEqual(['hospital', 'operating-room', 'radiology-suite']);
    expect(graph.bodySystems.map((s) => s.key)).toEqual(['nervous-system']);
    expect(graph.bodyRegions).toEqual([]);
    expect(graph.risks.map((r) => [r.key, r.frequency])).toEqual([
      ['nerve-damage', 'RARE'],
      ['bleeding', 'RARE'],
    ]);
  });

  it('lets the front matter supply the title when the page has none', () => {
    const noTitle = read('pcs-front-matter.txt').replace(/\nIntroduction of Anesthetic Agent into Peripheral Nerves and Plexi, Percutaneous Approach\n\nICD/, '\nICD');
    const parsed = parseCodePage(noTitle);
    expect(parsed.title).toBe('Introduction of Anesthetic Agent into Peripheral Nerves and Plexi, Percutaneous Approach');
    expect(parsed.kind).toBe('ICD-10-PCS code');
  });
});

describe('similar codes across systems and policies with payer and URL', () => {
  const page = parseCodePage(read('hcpcs-J1100.txt'), { fileName: 'fixtures/pages/hcpcs-J1100.txt' });
  const graph = buildPageGraph(page, vocab);

  it('takes HCPCS J1100 from the kind line and the file name', () => {
    expect(page.system).toBe(CodeSystem.HCPCS);
    expect(page.code).toBe('J1100');
    expect(page.codeSource).toBe('file-name');
  });

  it('reads similar codes, naming or inferring their system', () => {
    expect(page.similarCodes).toEqual([
      { system: CodeSystem.HCPCS, code: 'J1094', title: 'Injection, dexamethasone acetate, 1 mg' },
      { system: CodeSystem.CPT, code: '96372', title: 'Therapeutic injection (fixture wording)' },
      {
        system: CodeSystem.ICD10PCS,
        code: '3E0T3BZ',
        title: 'Introduction of anesthetic agent into peripheral nerves and plexi, percutaneous approach',
      },
      { system: CodeSystem.ICD10CM, code: 'M62.830', title: 'Muscle spasm of back' },
      { system: CodeSystem.HCPCS, code: 'J2001', title: 'Injection, lidocaine hcl for intravenous infusion, 10 mg' },
      { system: CodeSystem.CPT, code: '00320', title: null },
      { system: null, code: 'T8859XA', title: null },
    ]);
    expect(page.warnings).toEqual(['line 29: no code in similar-code bullet "Nerve block without a code"']);
  });

  it('drops similar codes of unknown system from the graph, with a warning', () => {
    expect(graph.similarCodes.map((s) => `${s.system}:${s.codeKey}`)).toEqual(['HCPCS:J1094', 'CPT:96372', 'ICD10PCS:3E0T3BZ', 'ICD10CM:M62830', 'HCPCS:J2001', 'CPT:00320']);
    expect(graph.warnings).toContain('similar code "T8859XA" fits more than one code system and was dropped; name its system');
  });

  it('reads policies: payer + title + URL, title - payer, bare URL, bare title', () => {
    expect(page.policies).toEqual([
      {
        title: 'Corticosteroid injections policy',
        payer: 'Example Health Plan',
        url: 'https://example.org/policies/steroid-injections',
      },
      { title: 'Outpatient injectable drugs', payer: 'Sample Mutual', url: null },
      { title: 'https://example.com/policy/123', payer: null, url: 'https://example.com/policy/123' },
      { title: 'Drug administration guideline', payer: null, url: null },
    ]);
    expect(graph.policies.map((p) => p.key)).toEqual([
      'example-org-policies-steroid-injections',
      'sample-mutual-outpatient-injectable-drug',
      'example-com-policy-123',
      'drug-administration-guideline',
    ]);
  });
});

describe('ICD-10-CM page named by its file', () => {
  it('reads the dotted code from the file name', () => {
    const page = parseCodePage(read('icd10cm-M62.830.txt'), { fileName: 'icd10cm-M62.830.txt' });
    expect(page.system).toBe(CodeSystem.ICD10CM);
    expect(page.code).toBe('M62.830');
    expect(page.similarCodes).toEqual([
      { system: CodeSystem.ICD10CM, code: 'M62.831', title: 'Muscle spasm of calf' },
      { system: CodeSystem.ICD10CM, code: 'R25.2', title: 'Cramp and spasm' },
    ]);
    expect(buildPageGraph(page, vocab).code.codeKey).toBe('M62830');
  });

  it.each([
    ['icd-10-cm-M62.830.txt', CodeSystem.ICD10CM, 'M62.830'],
    ['ICD10CM-m62830.TXT', CodeSystem.ICD10CM, 'M62.830'],
    ['icd10pcs-3E0T3BZ.txt', CodeSystem.ICD10PCS, '3E0T3BZ'],
    ['some/dir/HCPCS-j1100.txt', CodeSystem.HCPCS, 'J1100'],
    ['C:\\pages\\cpt-0001T.txt', CodeSystem.CPT, '0001T'],
  ])('reads system and code from the file name %s', (fileName, system, code) => {
    const page = parseCodePage('A title\n\nSummary\nText.', { fileName });
    expect([page.system, page.code, page.codeSource]).toEqual([system, code, 'file-name']);
  });
});

describe('code precedence', () => {
  const body = 'Title of the code\n\nSummary\nSome text.\n';

  it('uses the caller when nothing else states a code', () => {
    const page = parseCodePage(body, { system: CodeSystem.CPT, code: '00300' });
    expect([page.system, page.code, page.codeSource]).toEqual([CodeSystem.CPT, '00300', 'caller']);
  });

  it('accepts a caller that agrees with the page', () => {
    const page = parseCodePage(`Title\nCPT4 code 00300\n\nSummary\nx`, { system: CodeSystem.CPT, code: '00300' });
    expect(page.codeSource).toBe('page');
  });

  it('reads "Code: 00300" as a kind line stating only the code', () => {
    const page = parseCodePage(`Title\nCode: 00300\n\nSummary\nx`, { fileName: 'cpt-00300.txt' });
    expect([page.system, page.code, page.codeSource, page.kind]).toEqual([CodeSystem.CPT, '00300', 'page', 'Code: 00300']);
  });

  it('prefers the page over the file name, with a warning', () => {
    const page = parseCodePage(`Title\nCPT4 code 00310\n\nSummary\nx`, { fileName: 'cpt-00300.txt' });
    expect(page.code).toBe('00310');
    expect(page.warnings).toEqual(['line 1: the file name says code 00300 but the kind line says 00310; the file name was ignored']);
  });

  it('prefers the file name over the caller, with a warning', () => {
    const page = parseCodePage(body, { fileName: 'cpt-00300.txt', code: '00310' });
    expect(page.code).toBe('00300');
    expect(page.warnings).toHaveLength(1);
  });
});

describe('tolerance', () => {
  it('accepts a page without banner, with tabs, trailing spaces, numbered 1. and "•" without a space', () => {
    const page = parseCodePage('  Title with trailing spaces   \t\nHCPCS code J1100\n\n\tPersonnel\t\n•Nurse\n\n  Procedure description:\n1. First.\n2. Second.\n');
    expect(page.title).toBe('Title with trailing spaces');
    expect(page.personnel).toEqual(['Nurse']);
    expect(page.steps).toEqual(['First.', 'Second.']);
  });

  it('keeps unknown headings as text of the current section and warns about text before any section', () => {
    const page = parseCodePage('Title\nCPT4 code 00300\nStray line\n\nSummary\nFirst.\n\nFun Facts\nSecond.');
    expect(page.summary).toBe('First.\n\nFun Facts Second.');
    expect(page.warnings).toEqual(['line 3: text before the first section was ignored']);
  });

  it('keeps unlabelled risk bullets as RARE with a warning', () => {
    const page = parseCodePage('T\nCPT4 code 00300\n\nRisks\n- Risks include bleeding, infection\n- Common: nausea');
    expect(page.risks.map((r) => [r.frequency, r.text])).toEqual([
      ['RARE', 'bleeding'],
      ['RARE', 'infection'],
      ['COMMON', 'nausea'],
    ]);
    expect(page.warnings).toEqual(['line 5: risk bullet has no "Common:" or "Rare:" label; its risks are kept as RARE']);
  });

  it('warns about empty sections and prose outside a list', () => {
    const page = parseCodePage('T\nCPT4 code 00300\n\nDuration\n\nBenefits\nThey include:\n- Less pain');
    expect(page.duration).toBeNull();
    expect(page.benefits).toEqual(['Less pain']);
    expect(page.warnings).toEqual(['line 4: section "Duration" is empty', 'line 7: text under Benefits outside its list was ignored']);
  });

  it('treats "Related policies from health plans" as the policies heading when the main heading is missing', () => {
    const page = parseCodePage('T\nCPT4 code 00300\n\nRelated policies from health plans\n- Plan A: Policy 1\n\nSimilar Codes\nNone');
    expect(page.policies).toEqual([{ title: 'Policy 1', payer: 'Plan A', url: null }]);
    expect(page.similarCodes).toEqual([]);
  });
});

describe('graph mapping rules', () => {
  const pageWith = (risks: string[]): ReturnType<typeof parseCodePage> => parseCodePage(`T\nCPT4 code 00300\n\nRisks\n- Rare: ${risks.join(', ')}`);

  it('lands "Infection", "infections", "infection at the site" on one key', () => {
    for (const text of ['Infection', 'infections', 'infection at the site', 'Infections at the injection site']) {
      const graph = buildPageGraph(pageWith([text]), vocab);
      expect(graph.risks.map((r) => r.key)).toEqual(['infection']);
    }
  });

  it('keeps a concept once when two texts name it', () => {
    const graph = buildPageGraph(pageWith(['infection', 'infection at the site']), vocab);
    expect(graph.risks).toHaveLength(1);
    expect(graph.warnings[0]).toMatch(/same concept/);
  });

  it('reads "posterior trunk" as the back', () => {
    const page = parseCodePage('Procedures on the posterior trunk and the lower back\n\nSummary\nx', {
      system: CodeSystem.HCPCS,
      code: 'J1100',
    });
    expect(buildPageGraph(page, vocab).bodyRegions.map((r) => r.key)).toEqual(['back', 'lower-back']);
  });

  it('adds the region of the CPT anesthesia range', () => {
    const page = parseCodePage('Anesthesia for a procedure\n\nSummary\nx', { fileName: 'cpt-01400.txt' });
    expect(buildPageGraph(page, vocab).bodyRegions.map((r) => r.key)).toEqual(['knee']);
  });

  it('falls back to the list after "performed in" when prose names no known setting', () => {
    const page = parseCodePage('T\nCPT4 code 00300\n\nSetting\nIt is performed in a field tent or a mobile unit.');
    const graph = buildPageGraph(page, vocab);
    expect(graph.settings.map((s) => s.key)).toEqual(['field-tent', 'mobile-unit']);
    expect(graph.warnings).toEqual(['no vocabulary entry for setting "field tent"', 'no vocabulary entry for setting "mobile unit"']);
  });
});

describe('bullets that read like headings', () => {
  it('stay content', () => {
    const page = parseCodePage('T\nCPT4 code 00300\n\nBenefits\n•Summary\n- Recovery\n1. Duration');
    expect(page.benefits).toEqual(['Summary', 'Recovery', 'Duration']);
    expect(page.summary).toBeNull();
  });
});
