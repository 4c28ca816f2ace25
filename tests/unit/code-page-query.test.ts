import { cypherQuery } from '../../src/neo4j/cypher-files';
import { buildCodePageQuery, CodePagePlan, PAGE_DEPTHS, PAGE_LINKS } from '../../src/modules/code/code-page.query';

const EMPTY: CodePagePlan = { links: [], depths: [], ancestors: false, children: false, similar: [], sharing: [], riskCodes: [], riskCodesRegions: false };
const FULL: CodePagePlan = {
  links: [...PAGE_LINKS],
  depths: [...PAGE_DEPTHS],
  ancestors: true,
  children: true,
  similar: [{ first: 10 }, { first: 3 }],
  sharing: [{ first: 10, minShared: 2 }],
  riskCodes: [{ skip: 0, first: 20, frequency: null }],
  riskCodesRegions: true,
};

describe('the code-page statement builder', () => {
  it('reads only what the plan names', () => {
    const risks = buildCodePageQuery({ ...EMPTY, links: ['risks'] }, 'CPT', '00300').cypher;
    expect(risks).toContain('HAS_RISK');
    for (const other of ['PERFORMED_IN', 'PERFORMED_BY', 'TARGETS', 'INVOLVES', 'USES_EQUIPMENT', 'COVERED_BY', 'HAS_ALTERNATIVE', 'CODED_AS', 'SCORED_SIMILAR', 'SHARES_RISKS', 'PARENT']) {
      expect({ other, present: risks.includes(other) }).toEqual({ other, present: false });
    }
    expect(buildCodePageQuery({ ...EMPTY, links: ['risks'], depths: ['risks.diagnosisCodes'] }, 'CPT', '00300').cypher).toContain('CODED_AS');
    const full = buildCodePageQuery(FULL, 'CPT', '00300').cypher;
    for (const rel of [
      'HAS_RISK',
      'INDICATED_FOR',
      'PERFORMED_IN',
      'PERFORMED_BY',
      'TARGETS',
      'PART_OF',
      'INVOLVES',
      'USES_EQUIPMENT',
      'COVERED_BY',
      'HAS_ALTERNATIVE',
      'CODED_AS',
      'SCORED_SIMILAR',
      'SHARES_RISKS',
      'PARENT*1..12',
    ]) {
      expect({ rel, present: full.includes(rel) }).toEqual({ rel, present: true });
    }
  });

  it('puts every value in parameters, never in the string', () => {
    const hostile = "X' }) DETACH DELETE c //";
    const { cypher, params } = buildCodePageQuery(
      { ...FULL, similar: [{ first: 77 }], sharing: [{ first: 55, minShared: 33 }], riskCodes: [{ skip: 44, first: 66, frequency: 'RARE' }] },
      hostile,
      hostile,
      12345,
    );
    expect(cypher).not.toContain(hostile);
    expect(cypher).not.toMatch(/\b(77|55|33|44|66|12345)\b|RARE/);
    expect(params).toEqual({
      system: hostile,
      codeKey: hostile,
      similarFirst0: 77,
      sharingFirst0: 55,
      sharingMin0: 33,
      hubDegree: 12345,
      riskCodesSkip0: 44,
      riskCodesFirst0: 66,
      riskCodesFrequency0: 'RARE',
    });
    expect(cypher).toContain('$similarFirst0');
    expect(cypher).toContain('$sharingMin0');
  });

  it('one statement whose fragments come only from the builder (same string for the same plan)', () => {
    const a = buildCodePageQuery(FULL, 'CPT', '00300').cypher;
    const b = buildCodePageQuery(FULL, 'HCPCS', 'J0670').cypher;
    expect(a).toBe(b);
    expect(a).not.toMatch(/;\s*\S/);
    expect(a.match(/\bMATCH \(c:Code/g)).toHaveLength(1);
  });

  it('projects light code rows as the list queries in cypher/queries do, as positional lists in the same order', () => {
    const file = cypherQuery('code/get-similar-codes-by-code-ref'); // fragments expanded
    const light = [...file.matchAll(/\{[^{}]*light: true\}/g)].map((m) => m[0])[0]!;
    const expected = [...light.matchAll(/\.(\w+)/g)].map((m) => m[1]);
    const built = buildCodePageQuery(FULL, 'CPT', '00300').cypher;
    expect(built).not.toContain('light: true');
    const rows = [...built.matchAll(/\[(\w+)\.system(?:, \1\.\w+)*\]/g)].map((m) => [...m[0].matchAll(/\.(\w+)/g)].map((p) => p[1]));
    // dx codes of risks and indications, the walk, parent, ancestors, children, similar and sharing.
    expect(rows.length).toBeGreaterThan(8);
    for (const props of rows) expect(props).toEqual(expected);
  });
});
