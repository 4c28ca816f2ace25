import { accepts, figures, isHeldOut, parseQueries, QueriesFormatError } from '../../bench/relevance/relevance';

const HEADER = 'category\tquery\taccepted\treason';

describe('relevance set parsing and figures (bench/relevance/relevance.ts)', () => {
  it('reads patterns, comments and the header', () => {
    const qs = parseQueries(`# a comment\n${HEADER}\n\nlay\theart attack\tICD10CM:I21*|ICD10CM:I22*\tacute MI\n`);
    expect(qs).toHaveLength(1);
    expect(qs[0]!.accepted).toEqual([
      { system: 'ICD10CM', code: 'I21', prefix: true },
      { system: 'ICD10CM', code: 'I22', prefix: true },
    ]);
    expect(accepts(qs[0]!, { system: 'ICD10CM', codeKey: 'I219' })).toBe(true);
    expect(accepts(qs[0]!, { system: 'ICD10CM', codeKey: 'I20' })).toBe(false);
    expect(accepts(qs[0]!, { system: 'ICD10PCS', codeKey: 'I219' })).toBe(false);
  });

  it.each([
    ['lay\tq\tICD10CM:I10\n', /:1: expected the header/],
    [`${HEADER}\nlay\tq\tICD10CM:I10\n`, /:2: expected 4 tab-separated columns/],
    [`${HEADER}\nlay\tq\tICD10CM:I21.9\tr\n`, /:2: expected an accepted pattern/],
    [`${HEADER}\nlay\tq\tSNOMED:123\tr\n`, /:2: expected an accepted pattern/],
  ])('rejects a bad file with the line: %j', (text, message) => {
    expect(() => parseQueries(text)).toThrow(QueriesFormatError);
    expect(() => parseQueries(text)).toThrow(message);
  });

  it('holds out about one query in five, by hash of the text', () => {
    const names = Array.from({ length: 1000 }, (_, i) => `query ${i}`);
    const held = names.filter(isHeldOut).length;
    expect(held).toBeGreaterThan(150);
    expect(held).toBeLessThan(250);
    expect(isHeldOut('heart attack')).toBe(isHeldOut('heart attack'));
  });

  it('computes success@k and MRR@10', () => {
    const q = parseQueries(`${HEADER}\nlay\ta\tICD10CM:A00\tr\nlay\tb\tICD10CM:B00\tr\n`);
    const f = figures([
      { query: q[0]!, rank: 1, top: [] },
      { query: q[1]!, rank: null, top: [] },
    ]);
    expect(f).toEqual({ n: 2, s1: 0.5, s5: 0.5, s10: 0.5, mrr10: 0.5 });
  });
});
