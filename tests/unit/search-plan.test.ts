import fc from 'fast-check';
import { escapeLucene, MAX_WORDS, planSearch, planSuggest } from '../../src/modules/search/lucene-query';

/** One clause of ours: a word, "(word^4 word*)" maybe with "singular^3 singular'*", or "(prefix fuzzy)". Nothing else may reach Lucene. */
const WORD = '[\\p{L}\\p{N}]+';
const CLAUSE = `(?:${WORD}\\*?|\\(${WORD}\\*? ${WORD}~[12]\\)|\\(${WORD}\\^4 ${WORD}\\*(?: ${WORD}\\^3 ${WORD}'\\*)?\\))`;
const ALL = new RegExp(`^\\+${CLAUSE}(?: \\+${CLAUSE})*$`, 'u');
/** Groups of required clauses, one per query variant. */
const GROUPS = new RegExp(`^\\(\\+${CLAUSE}(?: \\+${CLAUSE})*\\)(?: \\(\\+${CLAUSE}(?: \\+${CLAUSE})*\\))*$`, 'u');
const ANY = new RegExp(`^${CLAUSE}(?: ${CLAUSE})*$`, 'u');

describe('search planning (src/modules/search/lucene-query.ts)', () => {
  it.each([
    ['M62.830', 'M62830', ['ICD10CM']],
    ['m62830', 'M62830', null],
    ['3e0t3bz', '3E0T3BZ', null],
    ['E11.6', 'E116', ['ICD10CM']],
    ['J11', 'J11', null],
    ['fracture of femur', null, null],
  ])('reads "%s" as code key %s (code tiers limited to %j)', (input, codeKey, systems) => {
    const plan = planSearch(input);
    expect(plan.codeKey).toBe(codeKey);
    expect(plan.codeSystems).toEqual(systems);
  });

  it('requires every word as a prefix, then tolerates typos, then any word', () => {
    const plan = planSearch('diab mellitus');
    expect(plan.words).toEqual(['diab', 'mellitus']);
    expect(plan.allWords).toBe('(+(diab^4 diab*) +(mellitus^4 mellitus*))');
    expect(plan.allFuzzy).toBe('+(diab* diab~1) +(mellitus* mellitus~2)');
    expect(plan.anyWord).toBe('(diab^4 diab*) (mellitus^4 mellitus*)');
  });

  it('also finds the singular of a plural-looking word, and its possessive, which the index keeps as one word', () => {
    expect(planSearch('kidney stones').allWords).toBe("(+(kidney^4 kidney*) +(stones^4 stones* stone^3 stone'*))");
    expect(planSearch('parkinsons').allWords).toBe("(+(parkinsons^4 parkinsons* parkinson^3 parkinson'*))");
    expect(planSearch('allergies crutches').anyWord).toBe("(allergies^4 allergies* allergy^3 allergy'*) (crutches^4 crutches* crutch^3 crutch'*)");
    // -ss, -us, -is words and short words are not plurals
    expect(planSearch('abscess virus arthritis gas').allWords).toBe('(+(abscess^4 abscess*) +(virus^4 virus*) +(arthritis^4 arthritis*) +(gas^4 gas*))');
  });

  it('reads a possessive as its word, with or without the apostrophe', () => {
    expect(planSearch("Parkinson's disease").words).toEqual(['parkinson', 'disease']);
    expect(planSearch('Crohn\u2019s').words).toEqual(['crohn']);
    expect(planSearch("patients' rights").words).toEqual(['patients', 'rights']);
  });

  it('drops stop words unless they are all there is, and keeps AND/OR/NOT as plain lower-case words', () => {
    expect(planSearch('fracture of the femur').words).toEqual(['fracture', 'femur']);
    expect(planSearch('of the').words).toEqual(['of', 'the']);
    const plan = planSearch('NOT (knee) AND OR hip');
    expect(plan.words).toEqual(['not', 'knee', 'hip']);
    expect(plan.allWords).toBe('(+(not^4 not*) +(knee^4 knee*) +(hip^4 hip*))');
  });

  it('folds accents and compatibility forms as the index analyzer does', () => {
    expect(planSearch('Anesthésie ﬁbula').words).toEqual(['anesthesie', 'fibula']);
  });

  it('escapes every Lucene syntax character', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe('a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t');
  });

  it('for any input, passes only letters, digits and its own operators to Lucene and the phrase regex', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('+-&&||!(){}[]^"~*?:\\/', 'AND OR NOT', '\u0000 x')), (input) => {
        const plan = planSearch(input);
        expect(plan.words.length).toBeLessThanOrEqual(MAX_WORDS);
        for (const w of plan.words) expect(w).toMatch(/^[\p{L}\p{N}]+$/u);
        if (plan.allWords !== null) expect(plan.allWords).toMatch(GROUPS);
        if (plan.allFuzzy !== null) expect(plan.allFuzzy).toMatch(ALL);
        if (plan.anyWord !== null) expect(plan.anyWord).toMatch(ANY);
        if (plan.codeKey !== null) expect(plan.codeKey).toMatch(/^[A-Z0-9]{1,8}$/);
      }),
    );
  });

  describe('autocomplete (planSuggest)', () => {
    it('requires each typed word as a prefix', () => {
      expect(planSuggest('myoc')).toEqual({ words: '+myoc*', prefix: 'myoc' });
      expect(planSuggest('  Heart   Att ')).toEqual({ words: '+heart* +att*', prefix: 'heart att' });
    });

    it('leaves out finished stop words, which the index does not hold', () => {
      expect(planSuggest('neoplasm of lu').words).toBe('+neoplasm* +lu*');
      expect(planSuggest('fracture of the wr').words).toBe('+fracture* +wr*');
    });

    it('makes a last word that is or starts a stop word optional', () => {
      expect(planSuggest('neoplasm of').words).toBe('+neoplasm* of*');
      expect(planSuggest('neoplasm o').words).toBe('+neoplasm* o*');
      expect(planSuggest('neoplasm lu').words).toBe('+neoplasm* +lu*');
    });

    it('keeps stop words required when nothing else was typed', () => {
      expect(planSuggest('of').words).toBe('+of*');
      expect(planSuggest('of the').words).toBe('+of* +the*');
      expect(planSuggest(' ').words).toBeNull();
    });

    it('never passes syntax through, whatever is typed', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 80 }), (input) => {
          const { words } = planSuggest(input);
          if (words !== null) expect(words).toMatch(new RegExp(`^\\+?${WORD}\\*(?: \\+?${WORD}\\*)*$`, 'u'));
        }),
      );
    });
  });
});
