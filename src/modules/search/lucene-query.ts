/**
 * Turns what a person typed into safe Lucene queries and a code candidate.
 *
 * Why hand-written: it is the contract between our analyzer choice
 * (cypher/schema/030-code-title-fulltext.cypher: standard tokenizer, lower case,
 * ASCII folding) and the query; no library knows that contract. It never passes
 * user text through: words are re-tokenised to letters and digits only, lower-cased
 * (so AND/OR/NOT are plain words, not operators) and escaped again for safety.
 */

/** Longest query accepted, in characters; longer input is BAD_USER_INPUT. */
export const MAX_QUERY_LENGTH = 256;
/** Words beyond this many are ignored (a title rarely needs more to be found). */
export const MAX_WORDS = 12;

/** Words the index analyzer drops (and the query planner with it). */
export const STOP_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'of', 'on', 'or', 'the', 'to', 'with', 'w']);

/** Any character outside printable ASCII (space to tilde). */
const NOT_PRINTABLE_ASCII = /[^ -~]/;

/** Lower case, accents removed (é -> e), compatibility forms folded (ﬁ -> fi). */
export function fold(text: string): string {
  // printable ASCII is its own NFKD form and has no marks (most titles and names: the search folds hundreds per request)
  if (!NOT_PRINTABLE_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A possessive 's after a letter or digit ("Parkinson's", "Crohn’s"): not a word of its own. */
const POSSESSIVE = /([\p{L}\p{N}])['\u2019]s(?![\p{L}\p{N}])/gu;

/**
 * Words of `text` as the ranking reads them: runs of letters or digits, folded, with
 * possessives dropped ("Parkinson's disease" -> parkinson, disease), so that "parkinsons",
 * "parkinson" and "parkinson's" read alike (see singular) and a stray "s" is never a word.
 */
export function tokenize(text: string): string[] {
  const t = text.includes("'") || text.includes('\u2019') ? text.replace(POSSESSIVE, '$1') : text;
  // in ASCII, after lower case, the letters and digits are a-z and 0-9
  if (!NOT_PRINTABLE_ASCII.test(t)) return t.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return fold(t).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The singular a plural-looking word may stand for, or null: "fractures" -> fracture,
 * "allergies" -> allergy, "crutches" -> crutch, "parkinsons" -> parkinson (a possessive typed
 * without its apostrophe). Not for words that end in -ss, -us, -is ("abscess", "virus",
 * "arthritis") or are shorter than 4 letters. A guess, used only to add a reading: the word
 * as typed is always searched too.
 */
export function singular(w: string): string | null {
  if (w.length < 4 || w.charCodeAt(w.length - 1) !== 115 /* s */ || /(ss|us|is)$/.test(w) || !/[a-z]s$/.test(w)) return null;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(ches|shes|xes|zes)$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** Escapes every Lucene query-syntax character (defence in depth: tokens hold none). */
export function escapeLucene(term: string): string {
  return term.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`);
}

const prefix = (w: string) => (w.length >= 2 ? `${escapeLucene(w)}*` : escapeLucene(w));
/**
 * A word as typed may be the start of a longer word (search as you type), so it is a
 * prefix; Lucene scores prefix matches all alike, so the word itself is added with a
 * boost: BM25 then ranks short names holding the very word first among the candidates.
 * A plural-looking word adds its singular, and that singular's possessive (the index's
 * standard tokenizer keeps "parkinson's" one word).
 */
const scored = (w: string) => {
  if (w.length < 2) return escapeLucene(w);
  // a plural or an apostrophe-less possessive also finds its singular ("parkinsons": the index holds parkinson's)
  const one = singular(w);
  const alt = one ? ` ${escapeLucene(one)}^3 ${escapeLucene(one)}'*` : '';
  return `(${escapeLucene(w)}^4 ${escapeLucene(w)}*${alt})`;
};
const fuzzy = (w: string) => (w.length >= 8 ? `${escapeLucene(w)}~2` : w.length >= 4 ? `${escapeLucene(w)}~1` : null);
const either = (w: string) => {
  const f = fuzzy(w);
  return f ? `(${prefix(w)} ${f})` : prefix(w);
};

/** A synonym used to make a query variant ("heart attack" -> "myocardial infarction"). */
export interface VariantSynonym {
  term: string;
  expansion: string;
  kind: string;
}

/** One way of reading the query: the typed words, or the words with a synonym's expansion in place of its term. */
export interface QueryVariant {
  words: string[];
  synonym: VariantSynonym | null;
}

/** Finds the synonyms in a query's tokens; see synonym-expansion.ts. */
export type SynonymExpander = (tokens: string[]) => { tokens: string[]; synonym: VariantSynonym }[];

export interface SearchPlan {
  /** The input, trimmed and with runs of space folded. */
  normalized: string;
  /** The words that must match (stop words dropped unless they are all there is). */
  words: string[];
  /** The query as a code key (upper case, no dot), when it could be a code; else null. */
  codeKey: string | null;
  /** Systems the code tiers search: ICD-10-CM only when the input has an ICD dot (E11.6). */
  codeSystems: string[] | null;
  /** The typed words first, then one variant per synonym found (at most MAX_VARIANTS). */
  variants: QueryVariant[];
  /** Lucene: every word of some variant, each group `(+(w^4 w*) ...)`. */
  allWords: string | null;
  /** Lucene: all words with typos allowed (the fallback when exact words find too little). */
  allFuzzy: string | null;
  /** Lucene: any word of any variant (only for several words). */
  anyWord: string | null;
}

/** Most query variants (the typed words plus synonym readings). */
export const MAX_VARIANTS = 8;

function contentWords(tokens: string[]): string[] {
  const content = tokens.filter((t) => !STOP_WORDS.has(t));
  return (content.length > 0 ? content : tokens).slice(0, MAX_WORDS);
}

/** The text as typed, compatibility forms folded, runs of space made one, trimmed: what planSearch reads. */
export function normalizeQuery(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * Plans a search. Never throws for any string; the caller checks MAX_QUERY_LENGTH.
 * An empty plan (no words and no code) means "nothing to search". `expand` adds synonym
 * variants (none without it).
 */
export function planSearch(input: string, expand: SynonymExpander = () => []): SearchPlan {
  const normalized = normalizeQuery(input);
  const tokens = tokenize(normalized);
  const words = contentWords(tokens);
  const compact = normalized.replace(/[\s.]/g, '');
  const codeKey = /^[A-Za-z0-9]{1,8}$/.test(compact) && /^[A-Za-z0-9. ]+$/.test(normalized) ? compact.toUpperCase() : null;
  const variants: QueryVariant[] = words.length ? [{ words, synonym: null }] : [];
  if (tokens.length) {
    const seen = new Set([words.join(' ')]);
    for (const v of expand(tokens.slice(0, MAX_WORDS * 2))) {
      const vw = contentWords(v.tokens);
      const key = vw.join(' ');
      if (vw.length === 0 || seen.has(key) || variants.length >= MAX_VARIANTS) continue;
      seen.add(key);
      variants.push({ words: vw, synonym: v.synonym });
    }
  }
  const anyFuzzy = words.some((w) => fuzzy(w) !== null);
  const distinct = [...new Set(variants.flatMap((v) => v.words))];
  return {
    normalized,
    words,
    codeKey,
    codeSystems: codeKey !== null && /[A-Za-z0-9]{3}\.[A-Za-z0-9]/.test(normalized) ? ['ICD10CM'] : null,
    variants,
    allWords: variants.length ? variants.map((v) => `(${v.words.map((w) => `+${scored(w)}`).join(' ')})`).join(' ') : null,
    allFuzzy: words.length && anyFuzzy ? words.map((w) => `+${either(w)}`).join(' ') : null,
    anyWord: words.length > 1 ? distinct.map(scored).join(' ') : null,
  };
}

/**
 * Autocomplete: every typed word as a required prefix (`+w*`), escaped; null when nothing
 * was typed. The index drops stop words ("of", "the"), so a typed stop word would require a
 * word the index does not hold ("neoplasm of lu" found nothing): finished stop words are left
 * out, and a last word that is or starts a stop word ("o", "of") is optional, since it may be
 * one. Typed only stop words, the words stay required (nothing else is left to look for).
 */
export function planSuggest(input: string): { words: string | null; prefix: string } {
  const normalized = input.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const tokens = tokenize(normalized).slice(0, MAX_WORDS);
  const lastStartsStopWord = (w: string) => [...STOP_WORDS].some((s) => s.startsWith(w));
  const terms = tokens.flatMap((w, i) => {
    const last = i === tokens.length - 1;
    if (!last && STOP_WORDS.has(w)) return [];
    return [{ w, required: !(last && lastStartsStopWord(w)) }];
  });
  const useful = terms.some((t) => t.required) ? terms : tokens.map((w) => ({ w, required: true }));
  const words = useful.map((t) => `${t.required ? '+' : ''}${escapeLucene(t.w)}*`).join(' ');
  return { words: words || null, prefix: fold(normalized) };
}
