import { parseSynonyms } from '../../src/ingest/names/synonyms';
import { NamesFormatError } from '../../src/ingest/names/names.types';
import { planSearch } from '../../src/modules/search/lucene-query';
import { bestMatch, codePrior, matchWords, queryIntent, type CandidateCode, type CandidateName } from '../../src/modules/search/ranking';
import { synonymExpander } from '../../src/modules/search/synonym-expansion';

const SYN = parseSynonyms('# test\nheart attack\tmyocardial infarction\tlay\tacute MI\nbroken\tfracture\tlay\tlay word\nmi\tmyocardial infarction\tabbreviation\tabbr\n');
const expand = synonymExpander(SYN);
const name = (text: string, kind: CandidateName['kind'], extra: Partial<CandidateName> = {}): CandidateName => ({
  text,
  core: text,
  kind,
  source: 'x',
  main: false,
  depth: 1,
  see: null,
  prefix: null,
  lucene: 1,
  ...extra,
});
const code = (system: string, codeKey: string, title: string, extra: Partial<CandidateCode> = {}): CandidateCode => ({
  system,
  codeKey,
  title,
  shortTitle: null,
  commonName: null,
  billable: true,
  level: 'code',
  ...extra,
});

describe('synonym readings of a query', () => {
  it('adds one reading per synonym span, whole words only', () => {
    expect(planSearch('heart attack', expand).variants.map((v) => v.words.join(' '))).toEqual(['heart attack', 'myocardial infarction']);
    expect(planSearch('broken wrist', expand).variants.map((v) => v.words.join(' '))).toEqual(['broken wrist', 'fracture wrist']);
    expect(planSearch('migraine', expand).variants).toHaveLength(1);
    const plan = planSearch('mi', expand);
    expect(plan.variants[1]!.synonym).toEqual({ term: 'mi', expansion: 'myocardial infarction', kind: 'abbreviation' });
    expect(plan.allWords).toBe('(+(mi^4 mi*)) (+(myocardial^4 myocardial*) +(infarction^4 infarction*))');
  });

  it.each([
    ['heart attack\tmyocardial infarction\tlay', /:1: expected 4 tab-separated columns/],
    ['Heart attack\tmyocardial infarction\tlay\tr', /:1: expected the term in lower case/],
    ['heart attack\tmyocardial infarction\tslang\tr', /:1: expected kind lay, abbreviation or spelling/],
    ['mi\tmi\tabbreviation\tr', /:1: the term 'mi' expands to itself/],
    ['# c\nmi\tmyocardial infarction\tabbreviation\tr\nmi\tMyocardial infarction\tabbreviation\tr', /:3: duplicate synonym/],
  ])('rejects a bad synonym line with its number: %j', (text, message) => {
    expect(() => parseSynonyms(text)).toThrow(NamesFormatError);
    expect(() => parseSynonyms(text)).toThrow(message);
  });
});

describe('relevance of a name (src/modules/search/ranking.ts)', () => {
  it('scores all words of a short name above the same words in a long one, and the very word above a longer one', () => {
    const short = matchWords(['hypertension'], 'Essential hypertension', 'Essential hypertension');
    const long = matchWords(['hypertension'], 'Hypertension secondary to other renal disorders', 'Hypertension secondary to other renal disorders');
    expect(short.words).toBeGreaterThan(long.words);
    expect(matchWords(['afib'], 'Afibrinogenemia', 'Afibrinogenemia').words).toBeLessThan(matchWords(['afibrinogenemia'], 'Afibrinogenemia', 'Afibrinogenemia').words);
  });

  it('judges an index path on its levels up to the last query word, and counts the forms of a main term once', () => {
    const m = matchWords(['knee', 'replacement'], 'Replacement, knee > Partial or total', 'Replacement, knee > Partial or total');
    expect(m.allWords).toBe(true);
    const whole = matchWords(['hypertension'], 'Hypertension, hypertensive (essential)', 'Hypertension, hypertensive');
    expect(whole.words).toBeCloseTo(1, 5);
  });

  it('reads a plural as its singular and a possessive as its word, a little below the very word', () => {
    const plural = matchWords(['kidney', 'stones'], 'Stone, kidney', 'Stone, kidney');
    expect(plural.allWords).toBe(true);
    expect(plural.words).toBeGreaterThan(0.75);
    expect(plural.words).toBeLessThan(matchWords(['kidney', 'stone'], 'Stone, kidney', 'Stone, kidney').words);
    expect(matchWords(['parkinsons'], "Parkinson's disease", "Parkinson's disease").allWords).toBe(true);
    expect(matchWords(['allergies'], 'Allergy, unspecified', 'Allergy, unspecified').allWords).toBe(true);
    // the possessive's "s" is no word of the name: "parkinson disease" is the whole of "Parkinson's disease"
    expect(matchWords(['parkinson', 'disease'], "Parkinson's disease", "Parkinson's disease").words).toBeCloseTo(1, 5);
    // a name that differs from the words only by number is not their whole name
    const bilateral = matchWords(['occlusion', 'fallopian', 'tubes'], 'Occlusion > Fallopian Tubes, Bilateral', 'Occlusion > Fallopian Tubes, Bilateral');
    const left = matchWords(['occlusion', 'fallopian', 'tubes'], 'Occlusion > Fallopian Tube > Left', 'Occlusion > Fallopian Tube > Left');
    expect(bilateral.words).toBeGreaterThan(left.words);
  });

  it("reads a code page's common name as a name of the code", () => {
    const intent = queryIntent([{ words: ['upper', 'abdominal', 'surgery', 'anesthesia'], synonym: null }]);
    const c = code('CPT', '00790', 'Anesthesia care for open or laparoscopic surgery inside the upper abdomen', { commonName: 'Upper Abdominal Surgery Anesthesia' });
    const m = bestMatch(c, [], [{ words: ['upper', 'abdominal', 'surgery', 'anesthesia'], synonym: null }], intent)!;
    expect(m.name).toMatchObject({ kind: 'COMMON_NAME', text: 'Upper Abdominal Surgery Anesthesia' });
    expect(m.match.allWords).toBe(true);
  });

  it('does not count "unspecified" wording against a default code', () => {
    const a = matchWords(['urinary', 'tract', 'infection'], 'Urinary tract infection, site not specified', 'Urinary tract infection, site not specified');
    const b = matchWords(['urinary', 'tract', 'infection'], 'Neonatal urinary tract infection', 'Neonatal urinary tract infection');
    expect(a.words).toBeGreaterThan(b.words);
  });

  it('puts the main-term default above a subterm of the same words', () => {
    const intent = queryIntent([{ words: ['hypertension'], synonym: null }]);
    const main = bestMatch(
      code('ICD10CM', 'I10', 'Essential (primary) hypertension'),
      [name('Hypertension, hypertensive', 'INDEX', { main: true, depth: 0 })],
      [{ words: ['hypertension'], synonym: null }],
      intent,
    )!;
    const sub = bestMatch(code('ICD10CM', 'I150', 'Renovascular hypertension'), [name('Hypertension, hypertensive > renovascular', 'INDEX')], [{ words: ['hypertension'], synonym: null }], intent)!;
    expect(main.relevance).toBeGreaterThan(sub.relevance);
    expect(main.name.kind).toBe('INDEX');
  });

  it('moves quality-measure HCPCS codes, 7th-character variants and off-intent systems down', () => {
    const condition = queryIntent([{ words: ['diabetes'], synonym: null }]);
    expect(codePrior(code('HCPCS', 'G9147', 'x'), condition)).toBeLessThan(codePrior(code('ICD10CM', 'E119', 'x'), condition));
    expect(codePrior(code('HCPCS', 'G9147', 'x'), queryIntent([{ words: ['diabetes', 'measure'], synonym: null }]))).toBeGreaterThan(codePrior(code('HCPCS', 'G9147', 'x'), condition));
    expect(codePrior(code('ICD10CM', 'S62101A', 'x'), condition)).toBeLessThan(codePrior(code('ICD10CM', 'S6210', 'x'), condition));
    const procedure = queryIntent([{ words: ['appendectomy'], synonym: null }]);
    expect(procedure.procedure && procedure.ectomy).toBe(true);
    expect(codePrior(code('ICD10PCS', '0DTJ0ZZ', 'x'), procedure)).toBeGreaterThan(codePrior(code('ICD10CM', 'K37', 'x'), procedure));
    const supply = queryIntent([{ words: ['wheelchair'], synonym: null }]);
    expect(codePrior(code('HCPCS', 'K0001', 'x'), supply)).toBeGreaterThan(codePrior(code('ICD10CM', 'Z993', 'x'), supply));
  });

  it('says which name matched and through which synonym', () => {
    const plan = planSearch('heart attack', expand);
    const m = bestMatch(code('ICD10CM', 'I219', 'Acute myocardial infarction, unspecified'), [], plan.variants, queryIntent(plan.variants))!;
    expect(m.name.kind).toBe('TITLE');
    expect(m.variant.synonym?.expansion).toBe('myocardial infarction');
    expect(bestMatch(code('ICD10CM', 'R42', 'Dizziness and giddiness'), [], plan.variants, queryIntent(plan.variants))).toBeNull();
  });
});
