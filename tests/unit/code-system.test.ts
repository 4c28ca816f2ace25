import { CodeSystem, isWellFormedCode, parseCodeSystemName, toCodeKey, toPublishedCode } from '../../src/domain/code-system';

describe('code-system', () => {
  it('keys ignore case, dots and spaces', () => {
    expect(toCodeKey(' m62.830 ')).toBe('M62830');
    expect(toCodeKey('3e0t3bz')).toBe('3E0T3BZ');
  });

  it('publishes ICD-10-CM codes with the dot after the third character', () => {
    expect(toPublishedCode(CodeSystem.ICD10CM, 'm62830')).toBe('M62.830');
    expect(toPublishedCode(CodeSystem.ICD10CM, 'R42')).toBe('R42');
    expect(toPublishedCode(CodeSystem.ICD10PCS, '3e0t3bz')).toBe('3E0T3BZ');
  });

  it('knows the shape of each system', () => {
    expect(isWellFormedCode(CodeSystem.CPT, '00300')).toBe(true);
    expect(isWellFormedCode(CodeSystem.CPT, '0001T')).toBe(true);
    expect(isWellFormedCode(CodeSystem.HCPCS, 'J1100')).toBe(true);
    expect(isWellFormedCode(CodeSystem.ICD10CM, 'M62.830')).toBe(true);
    expect(isWellFormedCode(CodeSystem.ICD10PCS, '3E0T3BZ')).toBe(true);
    expect(isWellFormedCode(CodeSystem.ICD10PCS, '3E0T3IZ')).toBe(false);
    expect(isWellFormedCode(CodeSystem.CPT, 'J1100')).toBe(false);
  });

  it('reads system names as pages write them', () => {
    expect(parseCodeSystemName('CPT4 code')).toBe(CodeSystem.CPT);
    expect(parseCodeSystemName('HCPCS Level II code')).toBe(CodeSystem.HCPCS);
    expect(parseCodeSystemName('ICD-10-PCS code')).toBe(CodeSystem.ICD10PCS);
    expect(parseCodeSystemName('ICD-10-CM')).toBe(CodeSystem.ICD10CM);
    expect(parseCodeSystemName('nothing')).toBeNull();
  });
});
