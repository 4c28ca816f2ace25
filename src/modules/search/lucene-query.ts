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

const STOP_WORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'of', 'on', 'or', 'the', 'to', 'with', 'w']);

/** Lower case, accents removed (é -> e), compatibility forms folded (ﬁ -> fi). */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Words of `text` as the index sees them: runs of letters or digits, folded. */
export function tokenize(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Escapes every Lucene query-syntax character (defence in depth: tokens hold none). */
export function escapeLucene(term: string): string {
  return term.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`);
}

/** Small words a title may hold between the typed words of a phrase ("muscle spasm [of] back"). */
const PHRASE_GAP_WORDS = 'of|the|and|or|with|without|to|in|on|for|by|a|an|due';

const prefix = (w: string) => (w.length >= 2 ? `${escapeLucene(w)}*` : escapeLucene(w));
const fuzzy = (w: string) => (w.length >= 8 ? `${escapeLucene(w)}~2` : w.length >= 4 ? `${escapeLucene(w)}~1` : null);
const either = (w: string) => {
  const f = fuzzy(w);
  return f ? `(${prefix(w)} ${f})` : prefix(w);
};

export interface SearchPlan {
  /** The input, trimmed and with runs of space folded. */
  normalized: string;
  /** The words that must match (stop words dropped unless they are all there is). */
  words: string[];
  /** The query as a code key (upper case, no dot), when it could be a code; else null. */
  codeKey: string | null;
  /**
   * Regex (Cypher =~, on the lower-cased title) for the "title phrase" tier: the words in
   * order and adjacent, each as a prefix; a single word must start the title. Built only
   * from letters and digits, so no user text reaches the regex engine.
   */
  phrase: string | null;
  /** Systems the code tiers search: ICD-10-CM only when the input has an ICD dot (E11.6). */
  codeSystems: string[] | null;
  allWords: string | null;
  allFuzzy: string | null;
  anyWord: string | null;
}

/**
 * Plans a search. Never throws for any string; the caller checks MAX_QUERY_LENGTH.
 * An empty plan (no words and no code) means "nothing to search".
 */
export function planSearch(input: string): SearchPlan {
  const normalized = input.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const tokens = tokenize(normalized);
  const content = tokens.filter((t) => !STOP_WORDS.has(t));
  const words = (content.length > 0 ? content : tokens).slice(0, MAX_WORDS);
  const compact = normalized.replace(/[\s.]/g, '');
  const codeKey = /^[A-Za-z0-9]{1,8}$/.test(compact) && /^[A-Za-z0-9. ]+$/.test(normalized) ? compact.toUpperCase() : null;
  const anyFuzzy = words.some((w) => fuzzy(w) !== null);
  return {
    normalized,
    words,
    codeKey,
    phrase: tokens.length === 0 ? null : tokens.length === 1 ? `(?s)${tokens[0]}.*` : `(?s)(.*[^\\p{L}\\p{N}])?${tokens.join(`[\\p{L}\\p{N}]*[^\\p{L}\\p{N}]+(?:(?:${PHRASE_GAP_WORDS})[^\\p{L}\\p{N}]+)*`)}.*`,
    codeSystems: codeKey !== null && /[A-Za-z0-9]{3}\.[A-Za-z0-9]/.test(normalized) ? ['ICD10CM'] : null,
    allWords: words.length ? words.map((w) => `+${prefix(w)}`).join(' ') : null,
    allFuzzy: words.length && anyFuzzy ? words.map((w) => `+${either(w)}`).join(' ') : null,
    anyWord: words.length > 1 ? words.map(either).join(' ') : null,
  };
}
