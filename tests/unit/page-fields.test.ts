import { CodeSystem } from '../../src/domain/code-system';
import {
  findEquipment,
  findNamedCode,
  inferCodeSystem,
  parseAlternative,
  parseDurationMinutes,
  parsePolicy,
  parseProcedureName,
  parseSimilarCode,
  splitRiskItems,
} from '../../src/ingest/page/page-fields';

describe('duration', () => {
  it.each([
    ['typically lasts anywhere from 30 minutes to several hours.', 30, null],
    ['Usually 1 to 2 hours.', 60, 120],
    ['About 45 minutes.', 45, 45],
    ['30-60 minutes', 30, 60],
    ['30–60 min', 30, 60],
    ['about an hour', 60, 60],
    ['1.5 hours', 90, 90],
    ['an hour and a half', 90, 90],
    ['one and a half hours', 90, 90],
    ['half an hour', 30, 30],
    ['between two and three hours', 120, 180],
    ['30 minutes to 2 hours', 30, 120],
    ['at least 20 minutes', 20, null],
    ['90 minutes or longer', 90, null],
    ['up to an hour', null, 60],
    ['less than 15 minutes', null, 15],
    ['a few minutes', null, null],
    ['several hours', null, null],
    ['It varies.', null, null],
    ['1 to 2 days', 1440, 2880],
  ])('%s -> %p..%p', (text, min, max) => {
    expect(parseDurationMinutes(text)).toEqual({ minMinutes: min, maxMinutes: max });
  });
});

describe('procedure name', () => {
  it.each([
    ['Full name. (Commonly referred to as "Everyday")', 'Full name', 'Everyday'],
    ['Full name (also known as Everyday name).', 'Full name', 'Everyday name'],
    ['Full name, commonly called “Everyday”.', 'Full name', 'Everyday'],
    ['Only a full name.', 'Only a full name', null],
    ['', null, null],
  ])('%s', (text, fullName, commonName) => {
    expect(parseProcedureName(text)).toEqual({ fullName, commonName });
  });
});

describe('equipment', () => {
  it('reads every equipment sentence, without articles or duplicates', () => {
    expect(
      findEquipment('Step one. Tools and equipment used include needles, syringes with local anesthetics, and monitoring devices. ' + 'Instruments may include a scalpel and/or the needles.'),
    ).toEqual(['needles', 'syringes with local anesthetics', 'monitoring devices', 'scalpel']);
  });
  it('finds nothing in ordinary text', () => {
    expect(findEquipment('Monitoring devices are attached. The tools are sterile.')).toEqual([]);
  });
});

describe('risk items', () => {
  it('splits on commas outside parentheses, drops leading or/and and the final period', () => {
    expect(splitRiskItems('Infection (rare, treatable), bleeding; and bruising, or nausea.')).toEqual(['Infection (rare, treatable)', 'bleeding', 'bruising', 'nausea']);
  });
});

describe('alternatives', () => {
  it.each([
    ['General Anesthesia: Suitable for most.', { name: 'General Anesthesia', description: 'Suitable for most.', code: null }],
    ['Nerve block – a smaller injection', { name: 'Nerve block', description: 'a smaller injection', code: null }],
    ['Watchful waiting.', { name: 'Watchful waiting', description: null, code: null }],
    [
      'Femoral Nerve Block (ICD-10-PCS 3E0T3BZ): numbs the thigh.',
      { name: 'Femoral Nerve Block (ICD-10-PCS 3E0T3BZ)', description: 'numbs the thigh.', code: { system: CodeSystem.ICD10PCS, code: '3E0T3BZ' } },
    ],
    ['Steroid injection: see HCPCS J1100 for the drug.', { name: 'Steroid injection', description: 'see HCPCS J1100 for the drug.', code: { system: CodeSystem.HCPCS, code: 'J1100' } }],
    [': nothing', null],
  ])('%s', (text, expected) => {
    expect(parseAlternative(text)).toEqual(expected);
  });
});

describe('codes named in running text', () => {
  it.each([
    ['ICD-10-PCS 3E0T3BZ', { system: CodeSystem.ICD10PCS, code: '3E0T3BZ' }],
    ['icd10pcs code: 3e0t3bz.', { system: CodeSystem.ICD10PCS, code: '3E0T3BZ' }],
    ['CPT® code 64415', { system: CodeSystem.CPT, code: '64415' }],
    ['CPT4 00300', { system: CodeSystem.CPT, code: '00300' }],
    ['CPT 40490 (lip)', { system: CodeSystem.CPT, code: '40490' }],
    ['HCPCS Level II J2250', { system: CodeSystem.HCPCS, code: 'J2250' }],
    ['dizziness (ICD-10-CM R42)', { system: CodeSystem.ICD10CM, code: 'R42' }],
    ['ICD-10-CM m62830', { system: CodeSystem.ICD10CM, code: 'M62.830' }],
    ['a code such as 00300 without its system', null],
    ['CPT J1100 (not a CPT code), then ICD-10-CM R42', { system: CodeSystem.ICD10CM, code: 'R42' }],
    ['HCPCS and CPT are code systems', null],
  ])('%s', (text, expected) => {
    expect(findNamedCode(text)).toEqual(expected);
  });
});

describe('policies', () => {
  it.each([
    ['Acme Health: Anesthesia services (https://example.org/a).', { title: 'Anesthesia services', payer: 'Acme Health', url: 'https://example.org/a' }],
    ['Anesthesia services - Acme Health', { title: 'Anesthesia services', payer: 'Acme Health', url: null }],
    ['<https://example.org/b>', { title: 'https://example.org/b', payer: null, url: 'https://example.org/b' }],
    ['Anesthesia services', { title: 'Anesthesia services', payer: null, url: null }],
    [' - ', null],
  ])('%s', (text, expected) => {
    expect(parsePolicy(text)).toEqual(expected);
  });
});

describe('similar codes', () => {
  it.each([
    ['00320', CodeSystem.CPT],
    ['0001T', CodeSystem.CPT],
    ['99213', CodeSystem.CPT],
    ['J2001', CodeSystem.HCPCS],
    ['3E0T3BZ', CodeSystem.ICD10PCS],
    ['BW03ZZZ', CodeSystem.ICD10PCS],
    ['M62.830', CodeSystem.ICD10CM],
    ['R42', CodeSystem.ICD10CM],
    ['R51.9', CodeSystem.ICD10CM],
    ['M62830', CodeSystem.ICD10CM],
    ['T8859XA', null], // ICD-10-CM without its dot, or ICD-10-PCS: ambiguous
    ['12', null],
  ])('infers %s -> %p', (code, system) => {
    expect(inferCodeSystem(code)).toBe(system);
  });

  it('reads named systems, separators and bare codes', () => {
    expect(parseSimilarCode('CPT 00320: Anesthesia, neck')).toEqual({ system: CodeSystem.CPT, code: '00320', title: 'Anesthesia, neck' });
    expect(parseSimilarCode('ICD-10-CM code m62830 - Spasm')).toEqual({
      system: CodeSystem.ICD10CM,
      code: 'M62.830',
      title: 'Spasm',
    });
    expect(parseSimilarCode('ICD-10-CM T8859XA')).toEqual({ system: CodeSystem.ICD10CM, code: 'T88.59XA', title: null });
    expect(parseSimilarCode('HCPCS 00320')).toEqual({ problem: '"00320" is not a well-formed HCPCS code in similar-code bullet' });
    expect(parseSimilarCode('See also nerve blocks')).toEqual({ problem: 'no code in similar-code bullet "See also nerve blocks"' });
  });
});
