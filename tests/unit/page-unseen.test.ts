/**
 * Page variants written during QA that differ from the fixtures and seed
 * pages: wordings real editors use for risk labels, kind lines, similar codes,
 * durations, headings, policies and personnel.
 */
import { CodeSystem } from '../../src/domain/code-system';
import { buildPageGraph } from '../../src/ingest/page/build-page-graph';
import { parseDurationMinutes, parseRiskBullet, parseSimilarCode } from '../../src/ingest/page/page-fields';
import { parseCodePage } from '../../src/ingest/page/parse-page';
import { decodePageBytes, fixWindows1252Controls } from '../../src/ingest/page/page-text';
import { loadVocabulary } from '../../src/ingest/vocabulary/vocabulary';

const vocab = loadVocabulary();

describe('risk bullets labelled in other ways', () => {
  it.each([
    ['Common - headache, nausea', 'COMMON', ['headache', 'nausea']],
    ['Rare – nerve injury, seizures', 'RARE', ['nerve injury', 'seizures']],
    ['Rare (less than 1%): nerve damage, seizures', 'RARE', ['nerve damage', 'seizures']],
    ['Common risks include drowsiness, nausea, and headache.', 'COMMON', ['drowsiness', 'nausea', 'headache']],
    ['Common side effects may include: dizziness, headache', 'COMMON', ['dizziness', 'headache']],
    ['Serious but rare: cardiac arrest', 'RARE', ['cardiac arrest']],
    ['Rare but serious complications include stroke, heart attack', 'RARE', ['stroke', 'heart attack']],
  ])('reads %j', (text, frequency, items) => {
    expect(parseRiskBullet(text)).toEqual({ kind: 'risks', frequency, items });
  });

  it('does not read a risk that merely starts with a frequency word as a label', () => {
    expect(parseRiskBullet('Serious infection, bleeding')).toEqual({ kind: 'unlabelled', items: ['Serious infection', 'bleeding'] });
  });

  it.each([
    'Managed with close monitoring.',
    'Complications are managed with oxygen and reversal agents.',
    'Treatment of complications includes supportive care.',
    'These risks are usually treated promptly by the care team.',
  ])('reads %j as management, not as a risk', (text) => {
    expect(parseRiskBullet(text)).toEqual({ kind: 'management', text });
  });

  it('keeps the label out of the risk names on a whole page', () => {
    const page = parseCodePage(
      [
        'Introduction of Anesthetic Agent into Spinal Canal, Percutaneous Approach',
        'ICD-10-PCS Code: 3E0R3BZ',
        'Risks and Complications',
        '• Common – headache, back pain',
        '• Rare - nerve injury',
        '• Complications are managed with supportive care.',
      ].join('\n'),
    );
    expect(page.risks.map((r) => [r.frequency, r.text])).toEqual([
      ['COMMON', 'headache'],
      ['COMMON', 'back pain'],
      ['RARE', 'nerve injury'],
    ]);
    expect(page.riskManagement).toBe('Complications are managed with supportive care.');
    expect(page.warnings).toEqual([]);
    const graph = buildPageGraph(page, vocab);
    expect(graph.risks.map((r) => r.key)).toEqual(['headache', 'back-pain', 'nerve-damage']);
  });
});

describe('kind lines', () => {
  const parseWith = (kind: string, code: string) => parseCodePage(`Search all medical codes\n\nSome title\n\n${kind}\n\nSummary\n\nx\n`, { code });

  it.each([
    ['CPT® code', '00300', CodeSystem.CPT],
    ['CPT™ Code:', '00300', CodeSystem.CPT],
    ['CPT4 code:', '00300', CodeSystem.CPT],
    ['HCPCS Level 2 code', 'J1100', CodeSystem.HCPCS],
    ['HCPCS II code', 'J1100', CodeSystem.HCPCS],
  ])('reads %j as a kind line naming the system', (kind, code, system) => {
    const page = parseWith(kind, code);
    expect(page.system).toBe(system);
    expect(page.kind).toBe(kind);
    expect(page.warnings).toEqual([]);
  });

  it.each([
    ['CPT 40490', '40490'],
    ['CPT 49000', '49000'],
    ['CPT4 40490', '40490'],
  ])('does not take the 4 of a code starting with 4 as "CPT4" (%j)', (kind, code) => {
    const page = parseCodePage(`Title\n${kind}\nSummary\nx`);
    expect(page.system).toBe(CodeSystem.CPT);
    expect(page.code).toBe(code);
  });
});

describe('similar-code bullets', () => {
  it.each([
    ['CPT® 99152: Moderate sedation', CodeSystem.CPT, '99152', 'Moderate sedation'],
    ['Code J2060: Injection, lorazepam', CodeSystem.HCPCS, 'J2060', 'Injection, lorazepam'],
    ['CPT 00402 (Anesthesia for reconstructive procedures on breast)', CodeSystem.CPT, '00402', 'Anesthesia for reconstructive procedures on breast'],
    ['CPT 40490 - Excision of lip', CodeSystem.CPT, '40490', 'Excision of lip'],
    ['HCPCS Level 2 J1100', CodeSystem.HCPCS, 'J1100', null],
  ])('reads %j', (text, system, code, title) => {
    expect(parseSimilarCode(text)).toEqual({ system, code, title });
  });
});

describe('durations', () => {
  it.each([
    ['1 hour 30 minutes', 90, 90],
    ['The injection takes 2 hrs and 15 min including observation.', 135, 135],
    ['1 hour 30 minutes to 2 hours', 90, 120],
    ['an hour or two', 60, 120],
    ['a day or two', 1440, 2880],
    ['1½ hours', 90, 90],
    ['½ hour', 30, 30],
    ['15-30 minutes', 15, 30],
    ['about 1 hour', 60, 60],
    ['2 to 4 hours', 120, 240],
    ['less than 10 minutes', null, 10],
    ['several hours', null, null],
    ['15 minutes or more', 15, null],
  ])('reads %j', (text, min, max) => {
    expect(parseDurationMinutes(text)).toEqual({ minMinutes: min, maxMinutes: max });
  });
});

describe('headings wrapped in words that add nothing', () => {
  it.each([
    ['Possible Risks and Complications', 'risks'],
    ['Potential Risks and Complications:', 'risks'],
    ['Risks and Complications of the Procedure', 'risks'],
    ['Similar CPT Codes', 'similarCodes'],
    ['Duration of the Procedure', 'duration'],
    ['Expected Duration:', 'duration'],
    ['Alternatives to the Procedure', 'alternatives'],
    ['Indications for the Procedure', 'indications'],
    ['Recovery Process', 'recovery'],
  ])('starts a section at %j instead of swallowing it into the one before', (heading, section) => {
    const page = parseCodePage(['Some title', 'CPT4 code 00300', 'Summary', 'A summary.', heading, '• Common: nausea', '• CPT 00320'].join('\n'));
    expect(page.summary).toBe('A summary.');
    const filled = {
      risks: page.risks.length,
      similarCodes: page.similarCodes.length,
      duration: page.duration === null ? 0 : 1,
      alternatives: page.alternatives.length,
      indications: page.indications.length,
      recovery: page.recovery.length,
    } as Record<string, number>;
    expect(filled[section]).toBeGreaterThan(0);
  });

  it('still leaves a prose line that only mentions a heading word alone', () => {
    const page = parseCodePage(['Some title', 'CPT4 code 00300', 'Summary', 'Risks of the procedure are low.'].join('\n'));
    expect(page.summary).toBe('Risks of the procedure are low.');
  });
});

describe('policies', () => {
  it.each([
    ['Humana: https://www.humana.com/p/spinal.pdf', { title: 'https://www.humana.com/p/spinal.pdf', payer: 'Humana', url: 'https://www.humana.com/p/spinal.pdf' }],
    [
      '[Spinal Anesthesia Coverage](https://www.bcbs.com/spinal) - Blue Cross Blue Shield',
      { title: 'Spinal Anesthesia Coverage', payer: 'Blue Cross Blue Shield', url: 'https://www.bcbs.com/spinal' },
    ],
    ['Anthem – Anesthesia Services – https://www.anthem.com/policies/anesthesia', { title: 'Anesthesia Services', payer: 'Anthem', url: 'https://www.anthem.com/policies/anesthesia' }],
    ['UnitedHealthcare - Drug Administration Policy', { title: 'Drug Administration Policy', payer: 'UnitedHealthcare', url: null }],
    ['Anesthesia Services Policy – Cigna', { title: 'Anesthesia Services Policy', payer: 'Cigna', url: null }],
    [
      'https://en.wikipedia.org/wiki/Anesthesia_(disambiguation)',
      { title: 'https://en.wikipedia.org/wiki/Anesthesia_(disambiguation)', payer: null, url: 'https://en.wikipedia.org/wiki/Anesthesia_(disambiguation)' },
    ],
    ['Aetna: Anesthesia Services (https://www.aetna.com/cpb/0001.html).', { title: 'Anesthesia Services', payer: 'Aetna', url: 'https://www.aetna.com/cpb/0001.html' }],
  ])('reads %j', (text, policy) => {
    const page = parseCodePage(['Some title', 'HCPCS code J1100', 'Medical Policies and Guidelines for Some title', 'Related policies from health plans', `• ${text}`].join('\n'));
    expect(page.policies).toEqual([policy]);
  });
});

describe('personnel with asides', () => {
  it('keeps the aside out of the role and does not split inside it', () => {
    const page = parseCodePage(['Some title', 'CPT4 code 00350', 'Personnel', '• Perfusionist (when needed)', '• Nurse (RN or LPN)', '• Anesthesiologist and/or nurse anesthetist'].join('\n'));
    const graph = buildPageGraph(page, vocab);
    expect(graph.personnel.map((r) => r.key)).toEqual(['perfusionist', 'nurse', 'anesthesiologist', 'nurse-anesthetist']);
  });
});

describe('Windows-1252 text', () => {
  const bytes = Buffer.from(
    'Search all medical codes\n\nAnesthesia for procedures on the upper arm and elbow\n\nCPT4 code 01710\n\nDuration\n\n30 \x96 60 minutes\n\nRisks and Complications\n\n\x95 Common: pain, \x93nausea\x94\n\x96 Rare: nerve damage\n',
    'latin1',
  );

  it('reads an "ANSI" file: dashes, bullets and quotes as the author typed them', () => {
    const text = decodePageBytes(bytes);
    const page = parseCodePage(text, { fileName: 'cpt-01710.txt' });
    expect(page.duration).toEqual({ text: '30 – 60 minutes', minMinutes: 30, maxMinutes: 60 });
    expect(page.risks.map((r) => [r.frequency, r.text])).toEqual([
      ['COMMON', 'pain'],
      ['COMMON', '“nausea”'],
      ['RARE', 'nerve damage'],
    ]);
    expect(page.warnings).toEqual([]);
  });

  it('decodes valid UTF-8 as UTF-8', () => {
    expect(decodePageBytes(Buffer.from('Risks – “x” •', 'utf8'))).toBe('Risks – “x” •');
  });

  it('maps C1 controls of Latin-1-decoded text back to Windows-1252', () => {
    expect(fixWindows1252Controls('a \u0096 b \u0095 \u0093q\u0094')).toBe('a – b • “q”');
  });
});

describe('errors', () => {
  it('names the missing code system when only the code is known', () => {
    expect(() => parseCodePage('Some title\nCode: J1100\nSummary\nx')).toThrow(
      '<page>:2: expected the code system of J1100 (CPT, HCPCS, ICD-10-CM or ICD-10-PCS): state it on the kind line, in front matter, in the file name, or pass it',
    );
  });
});
